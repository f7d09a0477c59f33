#!/usr/bin/env bash
# Mutation check: does the test suite notice when a behaviour that matters breaks?
#
#   scripts/mutants.sh [NAME…]
#
# Each mutant in scripts/mutants.list is a small edit of one source file: an exact
# search string (it must occur exactly once) and its replacement. For each, a scratch
# copy of the tree gets the edit, is rebuilt incrementally (one scratch build folder is
# shared by all mutants) and runs only the tests the mutant names. A failing test means
# the mutant was caught; all passing means MISSED. The edit is undone before the next.
#
# Prints one line per mutant and "caught N / M"; exits 1 when a mutant is missed, does
# not apply or does not build. NAME… runs only those mutants.
#
# Environment: MUTANTS_DIR (scratch folder, default ${TMPDIR:-/tmp}/baken-mutants; kept
# between runs, so later runs only rebuild what changed), MUTANTS_JOBS (ninja -j, 2),
# MUTANTS_KEEP_LOGS=1 keeps each mutant's test log there.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
list="$root/scripts/mutants.list"
scratch=${MUTANTS_DIR:-${TMPDIR:-/tmp}/baken-mutants}
jobs=${MUTANTS_JOBS:-2}
src="$scratch/src"
build="$scratch/build"
logs="$scratch/logs"

# The source tree as it is now (committed or not), without build folders.
mkdir -p "$src" "$logs"
# Only files whose content differs are copied, with a new time, so ninja rebuilds just
# those; files gone from the tree are removed.
python3 - "$root" "$src" <<'PY'
import filecmp, os, shutil, sys
root, dest = sys.argv[1:]
def skip(rel):
    top = rel.split(os.sep)[0]
    return top == ".git" or top.startswith("_") or top.startswith("build")
seen = set()
for dirpath, dirnames, filenames in os.walk(root):
    rel_dir = os.path.relpath(dirpath, root)
    dirnames[:] = [d for d in dirnames
                   if not skip(os.path.normpath(os.path.join(rel_dir, d)))]
    for name in filenames:
        rel = os.path.normpath(os.path.join(rel_dir, name))
        if skip(rel):
            continue
        seen.add(rel)
        src, out = os.path.join(root, rel), os.path.join(dest, rel)
        if os.path.islink(src):
            continue
        if not os.path.exists(out) or not filecmp.cmp(src, out, shallow=False):
            os.makedirs(os.path.dirname(out), exist_ok=True)
            shutil.copy(src, out)
for dirpath, dirnames, filenames in os.walk(dest):
    for name in filenames:
        rel = os.path.normpath(os.path.relpath(os.path.join(dirpath, name), dest))
        if rel not in seen:
            os.remove(os.path.join(dirpath, name))
PY

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" >"$logs/setup.log" 2>&1 || {
    echo "mutants: meson setup failed, see $logs/setup.log" >&2
    exit 2
  }
fi
echo "mutants: building the unmutated scratch tree in $build" >&2
if ! ninja -C "$build" -j "$jobs" >"$logs/build.log" 2>&1; then
  echo "mutants: the unmutated tree does not build, see $logs/build.log" >&2
  exit 2
fi

# Reads scripts/mutants.list into arrays. A mutant is a block of lines:
#   mutant NAME
#   file PATH
#   tests TEST…          (meson test names)
#   about ONE LINE
#   search               then the exact text, up to a line "end"
#   replace              then the replacement, up to a line "end"
# Blank lines and lines starting with "#" between blocks are ignored.
names=() files=() tests=() abouts=() searches=() replaces=()
{
  name="" mode=""
  buf=""
  while IFS= read -r line || [ -n "$line" ]; do
    if [ -n "$mode" ]; then
      if [ "$line" = "end" ]; then
        if [ "$mode" = search ]; then cur_search=$buf; else cur_replace=$buf; fi
        mode="" buf=""
      else
        buf+="$line"$'\n'
      fi
      continue
    fi
    case "$line" in
      ''|'#'*) ;;
      "mutant "*)
        if [ -n "$name" ]; then
          names+=("$name") files+=("$cur_file") tests+=("$cur_tests")
          abouts+=("$cur_about") searches+=("$cur_search") replaces+=("$cur_replace")
        fi
        name=${line#mutant } cur_file="" cur_tests="" cur_about="" cur_search="" cur_replace="" ;;
      "file "*) cur_file=${line#file } ;;
      "tests "*) cur_tests=${line#tests } ;;
      "about "*) cur_about=${line#about } ;;
      search) mode=search buf="" ;;
      replace) mode=replace buf="" ;;
      *) echo "mutants: $list: cannot read line: $line" >&2; exit 2 ;;
    esac
  done
  if [ -n "$name" ]; then
    names+=("$name") files+=("$cur_file") tests+=("$cur_tests")
    abouts+=("$cur_about") searches+=("$cur_search") replaces+=("$cur_replace")
  fi
} <"$list"

# Replaces the one occurrence of $2 in file $1 by $3 (strings passed through files, so
# any text works); exit status 3 when it does not occur exactly once.
apply_edit () {
  printf '%s' "$2" >"$scratch/search.txt"
  printf '%s' "$3" >"$scratch/replace.txt"
  python3 - "$1" "$scratch/search.txt" "$scratch/replace.txt" <<'PY'
import sys
path, search_path, replace_path = sys.argv[1:]
text = open(path, encoding="utf-8").read()
search = open(search_path, encoding="utf-8").read()
replace = open(replace_path, encoding="utf-8").read()
n = text.count(search)
if n != 1:
    print(f"found {n} times", file=sys.stderr)
    sys.exit(3)
open(path, "w", encoding="utf-8").write(text.replace(search, replace))
PY
}

# The ninja targets (paths relative to the build folder) of the named meson tests: the
# executables they run, their declared dependencies, and the product's own targets.
meson introspect --tests "$build" >"$scratch/tests.json"
meson introspect --targets "$build" >"$scratch/targets.json"
test_targets () {
  python3 - "$src" "$build" "$scratch/tests.json" "$scratch/targets.json" "$@" <<'PY'
import json, os, sys
src, build, tests_path, targets_path, *names = sys.argv[1:]
tests = json.load(open(tests_path))
targets = {t["id"]: t for t in json.load(open(targets_path))}
# Every product target too (the baken executable, tools, loadable modules): tests run
# or load some of them without declaring it.
out = {os.path.relpath(f, build) for t in targets.values()
       if os.path.dirname(t["defined_in"]).startswith(os.path.join(src, "src"))
       for f in t["filename"]}
built = {os.path.normpath(f) for t in targets.values() for f in t["filename"]}
for name in names:
    found = [t for t in tests if t["name"] == name]
    if not found:
        sys.exit(f"no test named {name}")
    for test in found:
        for dep in test.get("depends", []):
            for f in targets.get(dep, {}).get("filename", []):
                out.add(os.path.relpath(f, build))
        # Only words that are built files: a script beside the build folder
        # (BUILD/../src/tests/x.py) is no ninja target.
        for word in test["cmd"]:
            if os.path.isabs(word) and os.path.normpath(word) in built:
                out.add(os.path.relpath(os.path.normpath(word), build))
print("\n".join(sorted(out)))
PY
}

caught=0 total=0 bad=0
for i in "${!names[@]}"; do
  name=${names[$i]}
  if [ $# -gt 0 ]; then
    wanted=0
    for arg in "$@"; do [ "$arg" = "$name" ] && wanted=1; done
    [ $wanted -eq 1 ] || continue
  fi
  total=$((total + 1))
  file=$src/${files[$i]}
  cp -p "$root/${files[$i]}" "$file"

  if ! apply_edit "$file" "${searches[$i]}" "${replaces[$i]}" 2>"$logs/$name.apply"; then
    printf '%-28s DOES NOT APPLY (%s: %s)  %s\n' "$name" "${files[$i]}" \
      "$(cat "$logs/$name.apply")" "${abouts[$i]}"
    bad=$((bad + 1))
    cp -p "$root/${files[$i]}" "$file"
    continue
  fi

  # Only what the named tests run (their executables and what they depend on).
  # shellcheck disable=SC2086 # the test names are words
  mapfile -t targets < <(test_targets ${tests[$i]})
  if [ ${#targets[@]} -eq 0 ] || \
     ! ninja -C "$build" -j "$jobs" "${targets[@]}" >"$logs/$name.build" 2>&1; then
    printf '%-28s DOES NOT BUILD (see %s)  %s\n' "$name" "$logs/$name.build" "${abouts[$i]}"
    bad=$((bad + 1))
  else
    # shellcheck disable=SC2086 # the test names are words
    if meson test -C "$build" --no-rebuild --num-processes 1 ${tests[$i]} \
         >"$logs/$name.test" 2>&1; then
      printf '%-28s MISSED   [%s]  %s\n' "$name" "${tests[$i]}" "${abouts[$i]}"
      bad=$((bad + 1))
    else
      failed=$(grep -oE '^ *[0-9]+/[0-9]+ +[^ ]+ +/ +[^ ]+ +(FAIL|ERROR|TIMEOUT)' \
                 "$logs/$name.test" | awk '{print $4}' | paste -sd, - || true)
      printf '%-28s caught   [%s]  %s\n' "$name" "${failed:-${tests[$i]}}" "${abouts[$i]}"
      caught=$((caught + 1))
    fi
    if [ "${MUTANTS_KEEP_LOGS:-0}" = 1 ]; then
      cp "$build/meson-logs/testlog.txt" "$logs/$name.testlog" 2>/dev/null || true
    fi
  fi

  # Undo: the next mutant starts from the real source (rebuilt incrementally then).
  cp -p "$root/${files[$i]}" "$file"
  touch "$file"
done

# Leave the scratch build matching the real tree.
ninja -C "$build" -j "$jobs" >"$logs/build.log" 2>&1 || true

echo "caught $caught / $total"
[ $bad -eq 0 ] && [ $total -gt 0 ]
