#!/usr/bin/env bash
# Installs everything Switchboard's build, tests and main job need on a fresh Debian machine.
# Each piece lives in scripts/setup.d/NN-name.sh (run in name order) and must be idempotent and
# quick when its thing is already installed. Caches live outside the repo, in $SWITCHBOARD_CACHE.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export SWITCHBOARD_CACHE=${SWITCHBOARD_CACHE:-$HOME/.cache/switchboard}
mkdir -p "$SWITCHBOARD_CACHE"
for step in "$here"/setup.d/*.sh; do
  [ -e "$step" ] || continue
  echo "setup: $(basename "$step")"
  bash "$step"
done
