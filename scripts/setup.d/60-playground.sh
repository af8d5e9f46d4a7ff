#!/usr/bin/env bash
# The browser playground (web/playground, served by `switchboard serve` at /playground/):
# livekit-client from npm, exact versions from package-lock.json; playwright-core drives Debian's
# headless Chromium in the playground's end-to-end test. Quick when already installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
web="$here/web/playground"
source "$here/scripts/lib.sh"
command -v npm >/dev/null 2>&1 || apt_install nodejs npm
stamp="$web/node_modules/.switchboard-lock"
if [ ! -f "$web/node_modules/livekit-client/dist/livekit-client.umd.js" ] \
    || ! cmp -s "$web/package-lock.json" "$stamp"; then
  echo "setup: npm ci in web/playground (livekit-client, playwright-core)"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$web/package-lock.json" "$stamp"
fi
# the browser for the playground test
command -v chromium >/dev/null 2>&1 || apt_install chromium
