#!/usr/bin/env bash
# Installs what is missing, builds Baken in a fresh build dir and runs every test
# suite (core, print, ui). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
build=${BAKEN_BUILD_DIR:-_build-tests}
rm -rf "$build"
meson setup "$build" > "$build.setup.log" 2>&1 || { cat "$build.setup.log"; exit 1; }
status=0
ninja -C "$build" || status=$?

meson test -C "$build" --print-errorlogs --num-processes 2 "$@" || status=$?
logs=("$build/meson-logs/testlog.json")

# One more run of the non-display suites under AddressSanitizer and UBSan.
if [ "${BAKEN_SKIP_ASAN:-0}" != 1 ] && [ $# -eq 0 ]; then
  asan=${build}-asan
  rm -rf "$asan"
  meson setup "$asan" -Db_sanitize=address,undefined -Db_lundef=false > "$asan.setup.log" 2>&1 || { cat "$asan.setup.log"; exit 1; }
  ninja -C "$asan" || status=$?
  (
    . scripts/sanitizer-env.sh
    meson test -C "$asan" --print-errorlogs --num-processes 2 \
      --timeout-multiplier "$sanitizer_timeout_multiplier" --suite core --suite print
  ) \
    || status=$?
  logs+=("$asan/meson-logs/testlog.json")
fi

# A skip is a failure here unless the summariser allows it: CI must not go green by
# not running a test.
python3 scripts/summarise-testlog.py --strict-skips "${logs[@]}" || status=1
exit $status
