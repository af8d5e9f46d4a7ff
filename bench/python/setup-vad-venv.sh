#!/usr/bin/env bash
# Python venv for the VAD benchmark's reference only (not part of scripts/setup.sh): LiveKit Agents
# and its Silero plugin from PyPI, in $SWITCHBOARD_CACHE/bench-pyenv-vad. Quick when the pinned
# versions are already there; pip is bounded to 15 minutes. Prints the venv's python on success.
set -euo pipefail
VENV="${SWITCHBOARD_CACHE:-$HOME/.cache/switchboard}/bench-pyenv-vad"
PINS=(livekit-agents==1.8.9 livekit-plugins-silero==1.8.9)
STAMP="$VENV/.switchboard-pins"
if ! [ -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "${PINS[*]}" ]; then
  echo "bench: python venv $VENV (${PINS[*]})" >&2
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  timeout 900 "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PINS[@]}" >&2
  "$VENV/bin/python" -c 'import livekit.plugins.silero, livekit.local_inference' >&2
  echo "${PINS[*]}" > "$STAMP"
fi
echo "$VENV/bin/python"
