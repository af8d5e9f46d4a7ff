#!/usr/bin/env bash
# Debian packages: Maven and a JDK >= 21 when the machine has none. Other steps add their own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
need_cmd=()
command -v mvn >/dev/null || need_cmd+=(maven)
if ! (source "$(dirname "${BASH_SOURCE[0]}")/../jdk.sh") >/dev/null 2>&1; then need_cmd+=(openjdk-21-jdk-headless); fi
apt_install "${need_cmd[@]}"
