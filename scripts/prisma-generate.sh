#!/usr/bin/env bash
# Prisma 7 generates the client without any engine, but the CLI first looks for the
# schema engine and tries to download it when PRISMA_SCHEMA_ENGINE_BINARY is unset.
# Offline, point it at any existing file: generate never runs it. On a machine with
# the real engine, set PRISMA_SCHEMA_ENGINE_BINARY to it (Migrate needs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$(type -P true)}"
npx --no-install prisma generate >/dev/null
echo "› prisma client generated"
