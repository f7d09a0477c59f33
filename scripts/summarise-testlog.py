#!/usr/bin/env python3
"""Summarises meson's testlog.json: one 'N passed, N failed' line for the whole run.

TAP tests count their subtests; other tests count once. A test that crashed or timed out
counts as one failure on top of the subtests it reported.

Every skipped test or subtest is printed by name. In CI (the environment variable CI is
set) or with --strict-skips (run-tests.sh passes it), a skip is a failure unless it is on
ALLOWED_SKIPS: a skipped test hides whether the behaviour it checks still works."""
import json
import os
import re
import sys

# Skips that are not failures, even in CI: (test name as meson prints it, TAP subtest
# description or None for the whole test) -> why it may skip. Keep it short; each entry
# needs a reason that holds on the CI machine, where scripts/deps.sh has installed
# everything the suites use.
ALLOWED_SKIPS = {
}

args = sys.argv[1:]
strict = bool(os.environ.get("CI")) or "--strict-skips" in args
args = [a for a in args if a != "--strict-skips"]

passed = failed = skipped = 0
tap_line = re.compile(r"^(not ok|ok)\b\s*\d*\s*-?\s*(.*)$")

lines = []
for path in args:
    try:
        with open(path, encoding="utf-8") as log:
            lines.extend(log)
    except FileNotFoundError:
        # meson never got to run the tests (a build failure): that is a failure too.
        print(f"FAILED: no test log at {path}")
        failed += 1


def skip_allowed(test, subtest):
    return (test, subtest) in ALLOWED_SKIPS


unallowed = 0
for line in lines:
    entry = json.loads(line)
    name = entry.get("name")
    result = entry.get("result", "")
    out = entry.get("stdout") or ""
    sub_pass = sub_fail = sub_skip = 0
    for text in out.splitlines():
        m = tap_line.match(text.strip())
        if not m:
            continue
        description = m.group(2)
        if m.group(1) == "not ok":
            if "# TODO" in description:
                sub_skip += 1
                print(f"TODO: {name}: {description}")
            else:
                sub_fail += 1
        elif "# SKIP" in description:
            sub_skip += 1
            subtest = description.split("# SKIP")[0].strip()
            allowed = skip_allowed(name, subtest)
            print(f"SKIPPED: {name}: {description}" + (" (allowed)" if allowed else ""))
            if strict and not allowed:
                unallowed += 1
        else:
            sub_pass += 1
    if sub_pass + sub_fail + sub_skip == 0:
        if result in ("OK", "EXPECTEDFAIL"):
            sub_pass = 1
        elif result == "SKIP":
            sub_skip = 1
        else:
            sub_fail = 1
    elif result not in ("OK", "EXPECTEDFAIL", "SKIP") and sub_fail == 0:
        sub_fail = 1
    if result == "SKIP":
        allowed = skip_allowed(name, None)
        print(f"SKIPPED: {name} (the whole test)" + (" (allowed)" if allowed else ""))
        if strict and not allowed:
            unallowed += 1
    elif result not in ("OK", "EXPECTEDFAIL"):
        print(f"FAILED: {name} ({result})")
    passed += sub_pass
    failed += sub_fail
    skipped += sub_skip

if unallowed:
    print(f"FAILED: {unallowed} skip(s) not on the allow-list of scripts/summarise-testlog.py;"
          " install what scripts/deps.sh lists, or fix the test")
    failed += unallowed
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
