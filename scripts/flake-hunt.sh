#!/usr/bin/env bash
# Runs one test suite N times and counts the failures of each test, to find flaky tests.
#
#   scripts/flake-hunt.sh SUITE N [BUILDDIR]
#
# SUITE is a meson suite (core, print, sync, ui, …; several: core,print). BUILDDIR
# (default _build) must be configured and built; a build configured with
# -Db_sanitize=… runs with the environment and --timeout-multiplier of run-tests.sh's
# sanitizer run (scripts/sanitizer-env.sh). Logs: BUILDDIR/meson-logs/flake-SUITE-I.*.
# Ends "N runs, N failed runs"; exits 1 when a run failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  sed -n '4,10p' "$0" >&2
  exit 2
fi
suite=$1
runs=$2
build=${3:-_build}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "flake-hunt: N must be a positive number" >&2; exit 2; }
[ -f "$build/build.ninja" ] || { echo "flake-hunt: $build is not a configured build" >&2; exit 2; }
ninja -C "$build" > /dev/null

suite_args=()
IFS=, read -ra suites <<< "$suite"
for s in "${suites[@]}"; do
  suite_args+=(--suite "$s")
done

extra=()
sanitize=$(meson introspect "$build" --buildoptions |
           python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "b_sanitize"))')
if [ "$sanitize" != none ]; then
  # shellcheck source=scripts/sanitizer-env.sh
  . scripts/sanitizer-env.sh
  extra+=(--timeout-multiplier "$sanitizer_timeout_multiplier")
  echo "flake-hunt: $build is built with -Db_sanitize=$sanitize: sanitizer environment," \
       "timeout multiplier $sanitizer_timeout_multiplier"
fi

failed_runs=0
logs=()
for i in $(seq 1 "$runs"); do
  logbase="flake-${suite//,/-}-$i"
  if meson test -C "$build" --no-rebuild --num-processes 2 "${suite_args[@]}" "${extra[@]}" \
       --logbase "$logbase" > /dev/null 2>&1; then
    echo "run $i: ok"
  else
    failed_runs=$((failed_runs + 1))
    echo "run $i: FAILED (see $build/meson-logs/$logbase.txt)"
  fi
  logs+=("$build/meson-logs/$logbase.json")
done

# Per test: in how many runs it failed, and which TAP subtests failed.
python3 - "${logs[@]}" <<'PY'
import collections, json, re, sys

tests = collections.Counter()
failures = collections.Counter()
subtests = collections.defaultdict(collections.Counter)
not_ok = re.compile(r"^not ok\b\s*\d*\s*-?\s*(.*)$")
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").readlines()
    except FileNotFoundError:
        continue
    for line in lines:
        entry = json.loads(line)
        name = entry.get("name")
        tests[name] += 1
        if entry.get("result") not in ("OK", "EXPECTEDFAIL"):
            failures[name] += 1
            for text in (entry.get("stdout") or "").splitlines():
                m = not_ok.match(text.strip())
                if m and "# TODO" not in m.group(1):
                    subtests[name][m.group(1)] += 1
width = max((len(n) for n in tests), default=10)
for name in sorted(tests):
    print(f"{name:<{width}}  {failures[name]} failed of {tests[name]}")
    for sub, count in sorted(subtests[name].items()):
        print(f"{'':<{width}}    {count}x {sub}")
PY
echo "$runs runs, $failed_runs failed runs"
[ "$failed_runs" -eq 0 ]
