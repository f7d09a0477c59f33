#!/usr/bin/env python3
"""Summarises meson's testlog.json: one 'N passed, N failed' line for the whole run.

TAP tests count their subtests; other tests count once. A test that crashed or timed out
counts as one failure on top of the subtests it reported."""
import json
import re
import sys

passed = failed = skipped = 0
tap_line = re.compile(r"^(not ok|ok)\b(.*)$")

lines = []
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            lines.extend(log)
    except FileNotFoundError:
        # meson never got to run the tests (a build failure): that is a failure too.
        print(f"FAILED: no test log at {path}")
        failed += 1

for line in lines:
    entry = json.loads(line)
    result = entry.get("result", "")
    out = entry.get("stdout") or ""
    sub_pass = sub_fail = sub_skip = 0
    for text in out.splitlines():
        m = tap_line.match(text.strip())
        if not m:
            continue
        if m.group(1) == "not ok":
            if "# TODO" in m.group(2):
                sub_skip += 1
            else:
                sub_fail += 1
        elif "# SKIP" in m.group(2):
            sub_skip += 1
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
    if result not in ("OK", "EXPECTEDFAIL", "SKIP"):
        print(f"FAILED: {entry.get('name')} ({result})")
    passed += sub_pass
    failed += sub_fail
    skipped += sub_skip

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
