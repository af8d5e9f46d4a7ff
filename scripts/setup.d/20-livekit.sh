#!/usr/bin/env bash
# livekit-server, built from the Go module proxy and cached outside the repo:
#   $SWITCHBOARD_CACHE/livekit-server-v$LIVEKIT_VERSION/livekit-server
# Quick when the binary is already there and reports the right version. Installs Go through apt
# (golang-go) only when no `go` command exists at all. Tests and `switchboard serve` find the binary
# through scripts/livekit-server-path (env SWITCHBOARD_LIVEKIT_BIN, then this cache, then PATH).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

version=1.13.5
cache=${SWITCHBOARD_CACHE:-$HOME/.cache/switchboard}
dir="$cache/livekit-server-v$version"
bin="$dir/livekit-server"

# The WebRTC tests run livekit-server in a network namespace: they need `ip` (iproute2).
command -v ip >/dev/null || apt_install iproute2

reports_version() { [ -x "$1" ] && "$1" --version 2>/dev/null | grep -qF "version $version"; }

if reports_version "$bin"; then
  echo "setup: livekit-server $version already at $bin"
  exit 0
fi

if ! command -v go >/dev/null && [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi
if ! command -v go >/dev/null; then
  echo "setup: no 'go' command; installing golang-go (livekit-server is built with 'go install')"
  apt_install golang-go
fi
if ! command -v go >/dev/null; then
  echo "setup: FAILED: livekit-server $version needs Go to build, and no 'go' command is available." >&2
  echo "setup: install Go (https://go.dev/dl/ or 'apt-get install golang-go') and rerun scripts/setup.sh." >&2
  exit 1
fi

mkdir -p "$dir"
echo "setup: building livekit-server $version with $(go version) (takes a few minutes the first time)"
# GOTOOLCHAIN=auto lets an older Go fetch the toolchain that livekit-server's go.mod asks for.
if ! GOBIN="$dir" GOTOOLCHAIN=${GOTOOLCHAIN:-auto} GOFLAGS=${GOFLAGS:-} \
    go install "github.com/livekit/livekit-server/cmd/server@v$version"; then
  echo "setup: FAILED: 'go install github.com/livekit/livekit-server/cmd/server@v$version' did not build." >&2
  echo "setup: check network access to proxy.golang.org (or \$GOPROXY) and the Go version above." >&2
  exit 1
fi
mv -f "$dir/server" "$bin"

if ! reports_version "$bin"; then
  echo "setup: FAILED: $bin reports '$("$bin" --version 2>&1 | head -n1)', expected version $version." >&2
  exit 1
fi
echo "setup: livekit-server $version installed at $bin"
