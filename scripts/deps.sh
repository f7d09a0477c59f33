#!/usr/bin/env bash
# Installs every Debian 12 package that building, running, testing and benchmarking
# Baken needs, and only those that are missing. Runs apt-get as root, or through sudo.
set -euo pipefail

packages=(
  # build
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev librsvg2-dev
  libsqlite3-dev libjson-glib-dev libsodium-dev libsoup-3.0-dev libcups2-dev
  libqrencode-dev libespeak-ng-dev libxml2-utils libxkbcommon-dev
  # the sound server (headset, volume): libpulse, which PipeWire's pulse server speaks too
  libpulse-dev
  # baken-report: a streaming JSON parser (365,000 reports a run; json-glib builds a tree
  # and is ten times slower)
  libyajl-dev
  # the Debian package (debian/, tests/package): dh with meson, dpkg-buildpackage
  debhelper dpkg-dev fakeroot
  # Debian's policy checks on the built package (tests/package/test-package.py)
  lintian
  # run: time zone data, fonts for all scripts the kiosk shows
  tzdata fonts-dejavu-core fonts-noto-core
  # systemd-analyze: the kiosk unit's sandbox (tests/package/test-unit-security.py)
  systemd
  # the kiosk session under the unit's compositor (tests/package/test-kiosk-session.py):
  # cage and its Xwayland (xclip holds the 1 MB clipboard there), wtype asked first
  cage xwayland wtype xclip
  # scripts/reproducible.sh: what differs between two package builds, if anything
  diffoscope-minimal
  # the dconf lock of the kiosk user (debian/, tests/package/test-package.py)
  dconf-cli dconf-gsettings-backend libglib2.0-bin
  # the manual pages: rendered and checked (tests/package/test-man-pages.py)
  groff-base man-db
  # tests and tools: a display, screenshots, key events, validators, PDFs
  xvfb xauth xdotool imagemagick librsvg2-bin poppler-utils sqlite3
  desktop-file-utils appstream-util dbus dbus-x11 at-spi2-core python3
  # signed bundles: the stock minisign for interop tests; clang for libFuzzer targets
  minisign clang libclang-rt-14-dev
  # printing tests: a private cupsd with fake backends, ippeveprinter
  cups-daemon cups-client cups-ipp-utils
  # accessibility: speech, and the AT-SPI end-to-end test
  espeak-ng espeak-ng-data python3-pyatspi
  # headset and volume tests: a private PulseAudio with null sinks, and pactl to read it
  pulseaudio pulseaudio-utils
  # baken-report's HTML, rendered in a real browser (tests/monitor/test-report-browser.py)
  chromium
  # the monitor: word lists of the kiosk's languages (which search terms may be kept),
  # and a real server that accepts the reports' PUT (nginx with its DAV module)
  wdutch wbritish wpolish wukrainian nginx-light
  # the reports checked against docs/report-schema.json (tests/monitor)
  python3-jsonschema
  # bench/taps --input: real pointer clicks through the X server (XTest); perf profiles
  libxtst-dev linux-perf
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "error: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
