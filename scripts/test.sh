#!/usr/bin/env bash
# Command 2 of the README (and CI): install, check layer rules, run every test.
# Integration specs start their own Temporal, MailDev and test database on free
# ports, so this works on a bare machine and beside a running `npm run up`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "› type-checking…"
npx --no-install tsc --noEmit -p tsconfig.json
echo "› checking layer rules (libs/domain and workflows stay pure)…"
npx --no-install depcruise libs workflows --config .dependency-cruiser.js
echo "› running tests…"
npx --no-install jest --ci "$@"
