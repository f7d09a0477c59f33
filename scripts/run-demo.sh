#!/usr/bin/env bash
# Installs what is missing, builds Baken and starts the kiosk on the embedded demo
# content. Without a display it runs under Xvfb, saves a screenshot of the home screen
# and says where. Extra arguments go to baken (e.g. --kiosk, --size 1920x1080).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
build=${BAKEN_BUILD_DIR:-_build}
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build"
fi
ninja -C "$build"

export BAKEN_LOCALEDIR="$PWD/$build/po"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/src/baken" "$@"
fi

shot_dir="$PWD/screenshots"
mkdir -p "$shot_dir"
shot="$shot_dir/home.png"
echo "No display found: running Baken under Xvfb and saving a screenshot of the home screen."
xvfb-run -a -s "-screen 0 1080x1920x24" bash -c '
  "$0" --size 1080x1920 "${@:2}" &
  pid=$!
  sleep 4
  import -window root "$1"
  kill $pid
  wait $pid 2>/dev/null || true
' "$build/src/baken" "$shot" "$@"
echo "Screenshot of the home screen: $shot"
