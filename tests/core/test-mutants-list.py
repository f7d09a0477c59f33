#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps scripts/mutants.list applicable as the code moves.

Usage: test-mutants-list.py SRCROOT BUILDDIR

scripts/mutants.sh applies each mutant to a scratch copy and says "does not apply" only
when someone runs it, which takes half an hour. This check takes a second: every
mutant's file exists, its search text occurs there exactly once, its names are unique,
and every test it names is a test meson knows (BUILDDIR/meson-info/intro-tests.json). A file moved or a line
reworded without updating the list fails here, in the same change. Prints TAP."""
import json
import os
import sys


def read_list(path):
    """The blocks of mutants.list, parsed as scripts/mutants.sh parses them."""
    mutants = []
    current = None
    mode = None
    buf = ""
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if mode:
                if line.startswith("mutant ") or line.startswith("# ---"):
                    # A block without its "end" swallows the mutants after it.
                    raise SystemExit("%s:%d: %r inside the %s block of %s: its \"end\" is missing"
                                     % (path, number, line, mode, current["name"]))
                if line == "end":
                    current[mode] = buf
                    mode, buf = None, ""
                else:
                    buf += line + "\n"
                continue
            if not line or line.startswith("#"):
                continue
            if line.startswith("mutant "):
                current = {"name": line[len("mutant "):], "line": number}
                mutants.append(current)
            elif current is None:
                raise SystemExit("%s:%d: %r before the first \"mutant\" line" % (path, number, line))
            elif line.startswith("file "):
                current["file"] = line[len("file "):]
            elif line.startswith("tests "):
                current["tests"] = line[len("tests "):].split()
            elif line.startswith("about "):
                current["about"] = line[len("about "):]
            elif line in ("search", "replace"):
                mode = line
            else:
                raise SystemExit("%s:%d: unknown line %r" % (path, number, line))
    return mutants


def test_names(build):
    with open(os.path.join(build, "meson-info", "intro-tests.json"), encoding="utf-8") as f:
        return set(test["name"] for test in json.load(f))


def main():
    if len(sys.argv) != 3:
        print("usage: %s SRCROOT BUILDDIR" % sys.argv[0], file=sys.stderr)
        return 2
    root, build = sys.argv[1:]
    path = os.path.join(root, "scripts", "mutants.list")
    mutants = read_list(path)
    known_tests = test_names(build)
    n = failed = 0

    def check(ok, what, detail=""):
        nonlocal n, failed
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
        if not ok:
            failed += 1
            print("#   " + detail)

    names = [m["name"] for m in mutants]
    duplicates = sorted(set(x for x in names if names.count(x) > 1))
    check(mutants and not duplicates, "%d mutants, each name once" % len(mutants),
          "named twice: %s" % ", ".join(duplicates))
    for m in mutants:
        where = "scripts/mutants.list:%d (%s)" % (m["line"], m["name"])
        missing = [k for k in ("file", "tests", "about", "search", "replace") if k not in m]
        if missing:
            check(False, "%s is complete" % m["name"], "%s has no %s" % (where, ", ".join(missing)))
            continue
        source = os.path.join(root, m["file"])
        count = 0
        if os.path.isfile(source):
            with open(source, encoding="utf-8") as f:
                count = f.read().count(m["search"])
        unknown = [t for t in m["tests"] if t not in known_tests]
        check(count == 1 and not unknown and m["search"] != m["replace"],
              "%s applies to %s and names known tests" % (m["name"], m["file"]),
              "%s: the search text occurs %d times in %s (must be once: update the "
              "list with the code)%s" % (where, count, m["file"],
                                         "; unknown tests: " + " ".join(unknown) if unknown else ""))
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
