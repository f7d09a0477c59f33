#!/usr/bin/env python3
"""bench/leaks: LeakSanitizer over the soak, a thousand taps and more in one process.

Runs BUILD_DIR/bench/soak ROUNDS times through the resident's path (bench/soak.c: a life
event, a situation, a service page, its print preview, Back, Home, three keys of the
search; every tenth round English, large text, high contrast and the idle reset, whose
prompt is said aloud), as bench/soak.py does, under its own Xvfb with GTK's cairo
renderer and its own PulseAudio (a null sink), in a build configured with
-Db_sanitize=address,undefined. When the kiosk window is destroyed and the process exits,
LeakSanitizer reports every allocation nothing points to any more. The one cache it
cannot follow (fontconfig's patterns, which pango and cairo keep for the life of the
process) is suppressed by bench/lsan-ui.supp, explained there.

Prints the soak's lines, then the report of each leak (when there is one) and the
suppressions that matched, and last "leaks: N reports, B bytes". Exits non-zero when a
leak is reported (or the soak fails).

With --swaps N (4) the kiosk runs on a sync store and N new bundles come in over the
run, each applied at an idle reset (bench/soak.py --swaps): the old catalog, its search
index and its pages are dropped while LeakSanitizer watches.

Usage: bench/leaks.py BUILD_DIR [ROUNDS] [--swaps N]
       (ROUNDS 80: about 1,090 taps, 8 idle resets)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from soak import soak_command  # noqa: E402
from startup import kiosk_env, start_pulse, start_xvfb, stop_pulse, stop_xvfb  # noqa: E402

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
suppressions = os.path.join(root, "bench", "lsan-ui.supp")


def built_with_asan(build):
    """True when BUILD_DIR was configured with -Db_sanitize=address(,undefined)."""
    try:
        out = subprocess.run(["meson", "introspect", build, "--buildoptions"], check=True,
                             capture_output=True, text=True).stdout
        for option in json.loads(out):
            if option["name"] == "b_sanitize":
                value = option["value"]
                if isinstance(value, list):
                    value = ",".join(value)
                return "address" in value
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    # No meson at hand: the soak links libasan or it was not built with ASan.
    try:
        out = subprocess.run(["ldd", os.path.join(build, "bench", "soak")],
                             capture_output=True, text=True).stdout
    except OSError:
        return False
    return "libasan" in out


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    args = sys.argv[1:]
    swaps = 4
    if "--swaps" in args:
        at = args.index("--swaps")
        swaps = int(args[at + 1])
        del args[at:at + 2]
    build = os.path.abspath(args[0])
    rounds = int(args[1]) if len(args) > 1 else 80
    soak = os.path.join(build, "bench", "soak")
    if not os.path.exists(soak):
        sys.exit(f"leaks: {soak} does not exist (ninja -C {sys.argv[1]} bench/soak)")
    if not built_with_asan(build):
        sys.exit(f"leaks: {sys.argv[1]} is not built with AddressSanitizer; configure one "
                 "with\n  meson setup _b-asan -Db_sanitize=address,undefined -Db_lundef=false")

    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = kiosk_env(build, display, home,
                            # The slow unwinder: whole stacks through libraries built
                            # without frame pointers, so the suppressions see which
                            # library allocated.
                            ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0",
                            LSAN_OPTIONS=f"suppressions={suppressions}:print_suppressions=1",
                            UBSAN_OPTIONS="print_stacktrace=1")
            pulse = start_pulse(home, env)
            try:
                # The IT tool of this build makes the bundles, without leak checks of
                # its own.
                command = soak_command(build, home, [rounds, max(1, rounds // 8)], swaps,
                                       dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
                report = os.path.join(home, "stderr")
                with open(report, "w") as err:
                    status = subprocess.call(command, env=env, stderr=err)
                with open(report) as f:
                    text = f.read()
            finally:
                stop_pulse(pulse)
    finally:
        stop_xvfb(xvfb)

    # The report from its first line, or the suppressions used from the dashes above.
    start = text.find("==ERROR: LeakSanitizer")
    if start < 0 and "Suppressions used:" in text:
        start = text.rfind("\n", 0, text.find("Suppressions used:") - 1)
    if start >= 0:
        print(text[text.rfind("\n", 0, start + 1) + 1:].rstrip())
    if start < 0 and status != 0:
        print("\n".join(text.splitlines()[-20:]))
    other = [line for line in text[:start if start >= 0 else len(text)].splitlines()
             if "runtime error" in line or "ERROR: AddressSanitizer" in line]
    for line in other:
        print(line)

    summary = re.search(r"SUMMARY: AddressSanitizer: (\d+) byte\(s\) leaked in (\d+) "
                        r"allocation\(s\)", text)
    reports = len(re.findall(r"^(?:Direct|Indirect) leak of ", text, re.M))
    leaked = int(summary.group(1)) if summary else 0
    if summary:
        print(f"leaks: {reports} reports, {leaked} bytes in {summary.group(2)} allocations")
    else:
        print("leaks: 0 reports, 0 bytes")
    if summary or other:
        return 1
    return 1 if status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
