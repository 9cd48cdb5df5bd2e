#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine with Node 20:
# the npm packages (npm ci) and Debian's chromium for the real-browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Debian's chromium is missing: run 'sudo apt-get install -y chromium' and try again." >&2
    exit 1
  fi
fi
