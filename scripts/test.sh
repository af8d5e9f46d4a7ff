#!/usr/bin/env bash
# The test command: installs what is missing, then builds and runs every test.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/scripts/setup.sh"
exec "$here/mvnw" verify "$@"
