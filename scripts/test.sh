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
echo "› type-checking the reference cabinet (apps/cabinet, against the client generated above)…"
npx --no-install tsc -p apps/cabinet/tsconfig.json
# Lint after the client is generated, so the cabinet and the usage example are linted with full types.
echo "› linting (typescript-eslint: unhandled promises, nothing non-deterministic in workflow code)…"
npx --no-install eslint . --max-warnings 0
echo "› checking formatting (prettier; \`npm run format\` fixes it)…"
npx --no-install prettier --check .
# The cabinet's browser test (test/cabinet/) needs a Chromium; installed once, skipped when present.
bash scripts/ensure-chromium.sh
echo "› running tests…"
npx --no-install jest --ci "$@"
