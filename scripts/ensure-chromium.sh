#!/usr/bin/env bash
# The cabinet's browser test (test/cabinet/) drives a headless Chromium through playwright-core,
# which brings no browser of its own. Installs Debian's `chromium` package once; safe to run
# every time (does nothing when the browser is there). CHROMIUM_PATH points at another binary.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "✗ no Chromium at $browser and no apt-get to install it: install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  sudo="sudo"
fi
echo "› installing Chromium for the cabinet's browser test: apt-get install chromium…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "› $("$browser" --version 2>/dev/null || echo "chromium installed at $browser")"
