#!/usr/bin/env bash
# Python venv with the LiveKit Python SDK (PyPI `livekit`, which ships its native FFI library in
# the wheel). PythonInteropTest in specialists/media/rtc runs a Python peer from this venv to
# prove the Java participant interoperates with a client nobody here wrote.
set -euo pipefail
VENV="${SWITCHBOARD_CACHE:-$HOME/.cache/switchboard}/pyenv"
PINS=(livekit==1.2.0 livekit-api==1.2.2 numpy==2.3.5)
STAMP="$VENV/.switchboard-pins"
if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "${PINS[*]}" ]; then
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  apt_install python3 python3-venv
fi
PY="$(command -v python3)"
echo "setup: python venv $VENV (${PINS[*]})"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PINS[@]}"
"$VENV/bin/python" -c 'import livekit.rtc, numpy'
echo "${PINS[*]}" > "$STAMP"
