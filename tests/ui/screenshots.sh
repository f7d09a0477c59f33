#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots of every resident screen in portrait and landscape, for looking at.
#
#   tests/ui/screenshots.sh BUILDDIR [OUTDIR]
#
# Runs `baken --size WxH --open …` under Xvfb (a screen of exactly the window size, no
# window manager) and captures the root window with ImageMagick's `import`, once the
# program has printed its first frame. Not a test: nothing is compared.
set -euo pipefail

builddir=$(realpath "${1:?usage: $0 BUILDDIR [OUTDIR]}")
outdir=$(realpath -m "${2:-screenshots}")
baken="$builddir/src/baken"
mkdir -p "$outdir"

config=$(mktemp --suffix=.conf)
trap 'rm -f "$config"' EXIT
cat > "$config" <<'CONF'
[kiosk]
name = Bibliotheek Voorbeeldstad
latitude = 52.0907
longitude = 5.1214
languages = nl;en;ar;tr;pl;uk
CONF

# name|--open steps (space separated)
screens=(
  "home|"
  "event|event:le-geld"
  "services|event:le-geld event:le-geld-rekeningen"
  "service|event:le-geld event:le-geld-rekeningen service:svc-schuldhulp"
  "idle-prompt|event:le-geld idle:prompt"
  "home-en|lang:en"
  "event-en|lang:en event:le-geld"
  "service-en|lang:en service:svc-schuldhulp"
  "print-preview|print:svc-schuldhulp"
  "search|search:deurwaarder"
  "languages|a11y:languages"
  "low-reach|a11y:low-reach"
)
# Home and a service page in all six languages at the largest text, and in high
# contrast (issue 6 asks for these to be looked at).
for lang in nl en ar tr pl uk; do
  screens+=("home-$lang-largest|lang:$lang a11y:very-large")
  screens+=("service-$lang-largest|lang:$lang a11y:very-large service:svc-schuldhulp")
  screens+=("search-$lang-largest|lang:$lang a11y:very-large search")
done
screens+=("home-contrast|a11y:contrast")
screens+=("service-contrast|a11y:contrast service:svc-schuldhulp")
screens+=("search-contrast|a11y:contrast search:schuld")

shoot() {
  local size=$1 orientation=$2
  for entry in "${screens[@]}"; do
    local name=${entry%%|*} steps=${entry#*|} args=() log
    for step in $steps; do args+=(--open "$step"); done
    log=$(mktemp)
    BAKEN_LOCALEDIR="$builddir/po" BAKEN_REPORT_FIRST_FRAME=1 GDK_BACKEND=x11 \
      "$baken" --config "$config" --size "$size" "${args[@]}" > "$log" 2>&1 &
    local pid=$!
    for _ in $(seq 100); do
      grep -q first-frame-ms "$log" && break
      sleep 0.1
    done
    sleep 0.7
    import -window root "$outdir/$orientation-$name.png"
    kill "$pid"
    wait "$pid" || true
    grep -v first-frame-ms "$log" >&2 || true
    rm -f "$log"
    echo "$outdir/$orientation-$name.png"
  done
}

if [[ ${INNER_XVFB:-} == 1 ]]; then
  shoot "$INNER_SIZE" "$INNER_ORIENTATION"
  exit 0
fi

for geometry in "1080x1920 portrait" "1920x1080 landscape"; do
  set -- $geometry
  # xvfb-run is a dash script, which drops exported bash functions: run ourselves.
  INNER_XVFB=1 INNER_SIZE=$1 INNER_ORIENTATION=$2 \
    xvfb-run -a -s "-screen 0 ${1}x24" "$0" "$builddir" "$outdir"
done
