#!/usr/bin/env bash
# Installs npm dependencies when package-lock.json changed since the last install,
# then generates the Prisma client. Safe to run every time.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.bank-flows-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "› installing dependencies from package-lock.json…"
  # `npm install` rather than `npm ci`: this machine's registry serves only this
  # platform's optional binaries (e.g. @swc/core-linux-x64-gnu), which npm ci's
  # strict lock check rejects. The lock still pins every version.
  npm install --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
bash scripts/prisma-generate.sh
