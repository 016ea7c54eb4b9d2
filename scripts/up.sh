#!/usr/bin/env bash
# Command 1 of the README: install, build, and bring the whole stack up.
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything below runs on Node 24 (.nvmrc), installed into .tools/node if the machine's is older.
PATH="$(bash scripts/ensure-node.sh):$PATH"
export PATH
echo "› node $(node -v)"
bash scripts/ensure-deps.sh
echo "› building…"
npx --no-install tsc -p tsconfig.build.json
# dist has no tsconfig: the package aliases (@domain/*…) become relative paths.
npx --no-install tsc-alias -p tsconfig.build.json
node dist/scripts/build-workflow-bundle.js
exec node dist/scripts/stack/up.js
