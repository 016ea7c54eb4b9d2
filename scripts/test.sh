#!/usr/bin/env bash
# Command 2 of the README (and CI): install, check layer rules, run every test.
# Integration specs start their own Temporal, MailDev and test database on free
# ports, so this works on a bare machine and beside a running `npm run up`.
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything below runs on Node 24 (.nvmrc), installed into .tools/node if the machine's is older.
PATH="$(bash scripts/ensure-node.sh):$PATH"
export PATH
echo "› node $(node -v)"
bash scripts/ensure-deps.sh
echo "› type-checking…"
npx --no-install tsc --noEmit -p tsconfig.json
echo "› checking layer rules (pure domain and workflows; apps apart from each other and from scripts, bench, test)…"
npx --no-install depcruise libs workflows apps --config .dependency-cruiser.js
echo "› checking the REST contract: OpenAPI 3.1 document, redocly lint, a client generated from it…"
bash scripts/check-openapi.sh
echo "› running tests…"
npx --no-install jest --ci "$@"
