#!/usr/bin/env bash
# Makes sure the dashboard's browser test has what it needs, and installs what is missing:
#  - Debian's chromium at /usr/bin/chromium (apt-get, only when running as root);
#  - npm's playwright-core (pinned) in the cache folder given as the first argument.
# Prints the playwright-core module folder as the last line. Exits non-zero, saying what to install, when it cannot.
set -euo pipefail
cache=${1:?usage: ensure-browser.sh CACHE_DIR}
playwright_version=1.65.1
chromium=/usr/bin/chromium

if [[ ! -x $chromium ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "chromium is missing: install it with 'sudo apt-get install -y chromium' (this test only installs it when run as root)" >&2
    exit 3
  fi
  echo "installing chromium with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet: update once and try again.
  apt-get install -y -q chromium >&2 || { apt-get update -q >&2 && apt-get install -y -q chromium >&2; } || {
    echo "could not install chromium with apt-get: install the Debian package chromium yourself" >&2
    exit 3
  }
fi

command -v node >/dev/null || { echo "node is missing: install Node.js 18+ with npm (Debian: apt-get install -y nodejs npm)" >&2; exit 3; }

module=$cache/node_modules/playwright-core
if [[ ! -f $module/package.json ]] || ! grep -q "\"version\": \"$playwright_version\"" "$module/package.json"; then
  command -v npm >/dev/null || { echo "npm is missing: install it (Debian: apt-get install -y npm)" >&2; exit 3; }
  mkdir -p "$cache"
  echo "installing playwright-core@$playwright_version into $cache" >&2
  (cd "$cache" && npm install --silent --no-audit --no-fund --no-save --prefix "$cache" "playwright-core@$playwright_version" >&2) || {
    echo "could not install npm playwright-core@$playwright_version: run 'npm install playwright-core@$playwright_version' in $cache" >&2
    exit 3
  }
fi
echo "$module"
