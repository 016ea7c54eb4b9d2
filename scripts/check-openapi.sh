#!/usr/bin/env bash
# The REST contract, checked without a running stack (issue 15):
#  1. builds /docs/openapi.json from the app and validates it (swagger-parser) — the unit spec
#     apps/api/src/openapi/openapi-document.spec.ts, which writes it to .data/openapi/openapi.json;
#  2. lints it with Redocly's recommended rules (errors fail; warnings are printed);
#  3. generates a TypeScript client from it (openapi-typescript) and type-checks
#     examples/api-client/usage.ts against it.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
npx --no-install jest --ci --selectProjects unit --runTestsByPath apps/api/src/openapi/openapi-document.spec.ts
npx --no-install redocly lint --extends=recommended --format=summary .data/openapi/openapi.json
npx --no-install openapi-typescript .data/openapi/openapi.json -o examples/api-client/generated/openapi.d.ts
npx --no-install tsc -p examples/api-client/tsconfig.json
echo "› OpenAPI document valid, lint clean of errors, generated client type-checks"
