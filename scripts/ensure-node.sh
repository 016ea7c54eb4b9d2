#!/usr/bin/env bash
# Prints the bin directory of a Node.js new enough for this project (the major version in
# .nvmrc): the `node` on PATH when it qualifies, otherwise a project-local Node installed
# into .tools/node from npm's node-<os>-<arch> package (the release binary, exact version
# from .nvmrc) on first use. Needs only an older node + npm. Messages go to stderr.
# Usage: PATH="$(bash scripts/ensure-node.sh):$PATH"
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(tr -d ' \r\nv' < .nvmrc)
major=${want%%.*}
have=$(node -p 'process.versions.node' 2>/dev/null || true)
if [ -n "$have" ] && [ "${have%%.*}" -ge "$major" ]; then
  dirname "$(type -P node)"
  exit 0
fi
# npm carries these builds for Linux only; elsewhere install Node yourself (nvm reads .nvmrc).
case "$(uname -s)" in Linux) os=linux ;; *) os= ;; esac
case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch= ;; esac
if [ -z "$os" ] || [ -z "$arch" ] || ! type -P npm >/dev/null; then
  echo "✗ this project needs Node ≥ $major (found ${have:-none}); install Node $want (see .nvmrc) and retry" >&2
  exit 1
fi
pkg=node-$os-$arch
bin=$PWD/.tools/node/node_modules/$pkg/bin
if [ "$("$bin/node" -p 'process.versions.node' 2>/dev/null || true)" != "$want" ]; then
  echo "› Node ${have:-none} is older than $major: installing Node $want into .tools/node (npm package $pkg@$want)…" >&2
  rm -rf .tools/node
  npm install --prefix .tools/node --no-save --no-package-lock --ignore-scripts \
    --no-audit --no-fund --loglevel=error "$pkg@$want" >&2
fi
echo "$bin"
