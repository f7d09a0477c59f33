#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets of tests/fuzz/ with clang (ASan + UBSan) and runs each
# for a while. The meson suite 'fuzz' runs each for 10 seconds; for a longer hunt:
#
#   tests/fuzz/run.sh --build-root _build --seconds 600 manifest
#   tests/fuzz/run.sh --build-root _build --seconds 3600 --jobs 4
#
# Options: --build-root DIR (a configured meson build folder, for config.h; default
# _build), --seconds N (per target, default 20), --jobs N (parallel fuzzing processes per
# target, default 1), --work DIR (where binaries, corpora and crashes go; default a new
# temporary folder, kept when something is found). Targets: minisign, manifest, csv, report
# (default: all). Exit status 0: nothing found; 1: a crash or failed check (the input is
# saved in the work folder and named on the output); 77: clang or libFuzzer is missing
# (meson counts it as skipped).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)
build_root="$source_root/_build"
seconds=20
jobs=1
work=""
targets=""

while [ $# -gt 0 ]; do
  case "$1" in
    --build-root) build_root=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '3,18p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets="$targets $1"; shift ;;
  esac
done
[ -n "$targets" ] || targets="minisign manifest csv report"

cc=${CLANG:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "run.sh: $cc is not installed; skipping" >&2
  exit 77
fi
if [ ! -f "$build_root/config.h" ]; then
  echo "run.sh: $build_root/config.h not found; configure with meson first" >&2
  exit 2
fi

if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/baken-fuzz-XXXXXX")
fi
mkdir -p "$work"

probe="$work/probe.c"
printf 'int LLVMFuzzerTestOneInput (const unsigned char *d, unsigned long s);\nint LLVMFuzzerTestOneInput (const unsigned char *d, unsigned long s) { (void) d; (void) s; return 0; }\n' > "$probe"
if ! "$cc" -fsanitize=fuzzer "$probe" -o "$work/probe" 2>/dev/null; then
  echo "run.sh: $cc cannot build libFuzzer targets (-fsanitize=fuzzer); skipping" >&2
  exit 77
fi

flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
       -I$build_root -I$source_root/src/base -I$source_root/src/trust -I$source_root/src/authoring"
status=0

for target in $targets; do
  case "$target" in
    minisign) trust="$source_root/src/trust"
              sources="$trust/baken-minisign.c $trust/baken-minisign-format.c \
                       $trust/baken-minisign-key.c $trust/baken-minisign-secret-key.c \
                       $trust/baken-minisign-signature.c $source_root/src/base/baken-file.c"
              packages="glib-2.0 gio-2.0 libsodium" ;;
    manifest) trust="$source_root/src/trust"
              sources="$trust/baken-manifest.c $trust/baken-manifest-parse.c \
                       $trust/baken-manifest-syntax.c $trust/baken-manifest-write.c"
              packages="glib-2.0 json-glib-1.0" ;;
    csv) sources="$source_root/src/authoring/baken-csv.c"; packages="glib-2.0" ;;
    report) authoring="$source_root/src/authoring"
            sources="$authoring/baken-report-parse.c $authoring/baken-report-cursor.c \
                     $authoring/baken-report-schema.c $source_root/src/trust/baken-json.c"
            packages="glib-2.0 json-glib-1.0 yajl" ;;
    *) echo "run.sh: unknown target $target" >&2; exit 2 ;;
  esac

  binary="$work/fuzz-$target"
  # shellcheck disable=SC2046,SC2086
  "$cc" $flags $(pkg-config --cflags $packages) "$here/fuzz-$target.c" $sources \
    $(pkg-config --libs $packages) -o "$binary"

  corpus="$work/corpus-$target"
  mkdir -p "$corpus" "$work/crashes-$target"
  echo "run.sh: fuzzing $target for $seconds s (seeds: tests/fuzz/corpus/$target)"
  parallel=""
  [ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
  # (cd: with -jobs, libFuzzer writes fuzz-N.log into the current folder)
  # shellcheck disable=SC2086
  if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
       "$binary" -max_total_time="$seconds" $parallel \
                 -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
                 -artifact_prefix="$work/crashes-$target/" \
                 "$corpus" "$here/corpus/$target" >"$work/log-$target.txt" 2>&1); then
    echo "run.sh: $target FOUND A PROBLEM; input and log in $work:" >&2
    ls "$work/crashes-$target" >&2
    tail -n 40 "$work/log-$target.txt" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units|^Done' "$work/log-$target.txt" || true
  fi
done

if [ "$status" -eq 0 ] && [ -z "${KEEP_WORK:-}" ]; then
  case "$work" in
    "${TMPDIR:-/tmp}"/baken-fuzz-*) rm -rf "$work" ;;
  esac
fi
exit "$status"
