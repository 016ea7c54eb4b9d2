#!/usr/bin/env bash
# Installs npm dependencies with `npm ci` when package-lock.json changed since the last
# install, then generates the Prisma client. Safe to run every time. First, and offline,
# fails when package.json's dependencies differ from what the lock was made for.
set -euo pipefail
cd "$(dirname "$0")/.."
node - <<'JS'
const pkg = require('./package.json');
const root = require('./package-lock.json').packages?.[''] ?? {};
const fields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const diffs = fields.flatMap((field) => {
  const want = pkg[field] ?? {}, locked = root[field] ?? {};
  return [...new Set([...Object.keys(want), ...Object.keys(locked)])]
    .filter((name) => want[name] !== locked[name])
    .map((name) => `  ${field}.${name}: package.json ${want[name] ?? '(none)'}, lock ${locked[name] ?? '(none)'}`);
});
if (diffs.length) {
  console.error(`✗ package.json and package-lock.json are out of sync:\n${diffs.join('\n')}`);
  console.error('  Run `npm install --package-lock-only --ignore-scripts` and commit package-lock.json.');
  process.exit(1);
}
JS
stamp=node_modules/.bank-flows-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "› installing dependencies: npm ci…"
  # The lock lists every platform's optional binaries (@swc/core-*, @unrs/resolver-binding-*…),
  # so `npm ci` installs this platform's from it and refuses a lock that no longer matches.
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
bash scripts/prisma-generate.sh
