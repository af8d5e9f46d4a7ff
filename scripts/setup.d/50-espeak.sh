#!/usr/bin/env bash
# espeak-ng: the offline text-to-speech default of voice agents (and the voice that records test
# utterances). Debian's package brings the binary and its voice data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
apt_install espeak-ng
