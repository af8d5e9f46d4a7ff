#!/usr/bin/env bash
# Native libraries for the realtime participant: webrtc-java's linux-x86_64 JNI library links
# against PulseAudio's client library even when only the headless audio device is used.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
apt_install libpulse0 iproute2
