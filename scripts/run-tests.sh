#!/usr/bin/env bash
# Installs what is missing, builds Baken in a fresh build dir and runs every test
# suite (core, print, ui). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
build=${BAKEN_BUILD_DIR:-_build-tests}
rm -rf "$build"
meson setup "$build" >/dev/null
ninja -C "$build"

status=0
meson test -C "$build" --print-errorlogs --num-processes 2 "$@" || status=$?

python3 scripts/summarise-testlog.py "$build/meson-logs/testlog.json" || status=1
exit $status
