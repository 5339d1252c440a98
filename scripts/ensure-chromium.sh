#!/usr/bin/env bash
# The HTML report's tests open it in a real browser: Debian's Chromium, driven by playwright-core (which never
# downloads a browser of its own). Installs it when missing and we may; otherwise says how.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the report's browser tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
else
  echo "The report's browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium'." >&2
fi
