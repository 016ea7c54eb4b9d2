#!/usr/bin/env bash
# Command 1 of the README: install, build, and bring the whole stack up.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "› building…"
npx --no-install tsc -p tsconfig.build.json
node dist/scripts/build-workflow-bundle.js
exec node dist/scripts/stack/up.js
