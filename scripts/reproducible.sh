#!/usr/bin/env bash
# Builds the Debian packages twice, from two copies of the tree in different folders and
# with a different umask, time zone and locale, and compares what came out. Prints
# "reproducible: ..." and exits 0 when every .deb is byte for byte the same; otherwise
# says which differ and how (diffoscope when it is installed, else cmp and the lists
# and control fields of the two .deb files) and exits 1.
#
# Usage: scripts/reproducible.sh [SRCROOT]     (default: the tree this script is in)
# Set BAKEN_KEEP_REPRO_TMP=1 to keep the two builds for a look.
# Takes two package builds' time (38 minutes measured at low priority on two cores
# shared with a load of 20): it is not part of meson test; run it before a release and
# after a change to debian/ or meson.build.
set -euo pipefail

srcroot=$(cd "${1:-$(dirname "$0")/..}" && pwd)
for tool in git dpkg-buildpackage dpkg-deb sha256sum cmp; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: $tool is not installed: run scripts/deps.sh" >&2
    exit 2
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/baken-repro.XXXXXX")
cleanup() {
  if [ "${BAKEN_KEEP_REPRO_TMP:-}" = 1 ]; then
    echo "kept $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

# The files git tracks or would track, as they are in the working tree (the same copy
# tests/package/test-package.py builds), never the build dirs.
copy_tree() {
  local dest=$1
  mkdir -p "$dest"
  git -C "$srcroot" ls-files -z --cached --others --exclude-standard |
    (cd "$srcroot" && while IFS= read -r -d '' f; do
       if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
     done) |
    tar -C "$srcroot" --null --no-recursion --files-from=- -cf - |
    tar -C "$dest" -xf -
}

# First build: a short path, umask 022, UTC-12, the UTF-8 C locale.
# Second build: a longer, different path, umask 002, UTC+14 (26 hours from the first:
# another date on the build's clock), the plain C (ASCII) locale.
build() {
  local dir=$1 mask=$2 tz=$3 locale=$4 log=$5
  copy_tree "$dir/baken"
  (
    cd "$dir/baken"
    umask "$mask"
    export TZ=$tz LC_ALL=$locale LANG=$locale LANGUAGE=
    unset SOURCE_DATE_EPOCH  # dpkg-buildpackage takes it from debian/changelog
    dpkg-buildpackage -b -uc -us -Jauto
  ) >"$log" 2>&1 || {
    echo "error: the build in $dir failed; the end of $log:" >&2
    tail -n 30 "$log" >&2
    BAKEN_KEEP_REPRO_TMP=1
    exit 2
  }
}

first=$tmp/a
second=$tmp/second-build/in/another/folder
echo "build 1: $first (umask 022, TZ=Etc/GMT+12, LC_ALL=C.UTF-8)"
build "$first" 022 Etc/GMT+12 C.UTF-8 "$tmp/build-1.log"
echo "build 2: $second (umask 002, TZ=Etc/GMT-14, LC_ALL=C)"
build "$second" 002 Etc/GMT-14 C "$tmp/build-2.log"

status=0
count=0
for deb in "$first"/*.deb; do
  name=$(basename "$deb")
  other=$second/$name
  count=$((count + 1))
  if [ ! -f "$other" ]; then
    echo "DIFFERS: $name: only the first build made it"
    status=1
    continue
  fi
  sum=$(sha256sum <"$deb" | cut -d' ' -f1)
  if cmp -s "$deb" "$other"; then
    echo "same:    $name  sha256 $sum"
    continue
  fi
  status=1
  echo "DIFFERS: $name"
  if command -v diffoscope >/dev/null 2>&1; then
    diffoscope --text - "$deb" "$other" || true
  else
    cmp "$deb" "$other" || true
    diff -u <(dpkg-deb -c "$deb" | sort -k6) <(dpkg-deb -c "$other" | sort -k6) || true
    diff -u <(dpkg-deb -I "$deb") <(dpkg-deb -I "$other") || true
  fi
done
for other in "$second"/*.deb; do
  if [ ! -f "$first/$(basename "$other")" ]; then
    echo "DIFFERS: $(basename "$other"): only the second build made it"
    status=1
  fi
done

if [ "$count" -eq 0 ]; then
  echo "error: the first build made no .deb" >&2
  exit 2
fi
if [ "$status" -eq 0 ]; then
  echo "reproducible: the $count .deb files of both builds are identical"
else
  echo "NOT reproducible: see the differences above"
fi
exit "$status"
