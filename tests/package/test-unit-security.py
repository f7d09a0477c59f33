#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the sandbox of the kiosk unit, data/baken-kiosk.service.

Usage: test-unit-security.py SRCROOT

- `systemd-analyze security --offline=true` rates the unit at most 4.5 (prints the
  score; each remaining exposure is explained in packaging/README.md);
- `systemd-analyze verify` finds no unknown or unparsable setting (a typo in a sandbox
  setting is otherwise only a warning in the journal, and the setting is not applied);
- every BAKEN_* variable that the sources read (g_getenv) is taken away by
  UnsetEnvironment=, or is in ALLOWED below with the reason, so that a new development
  knob cannot reach a kiosk through `systemctl set-environment` or PAM;
- UnsetEnvironment= does not take the service manager's notify and watchdog variables.
Prints TAP."""
import glob
import os
import re
import shutil
import subprocess
import sys

MAX_EXPOSURE = 4.5

# BAKEN_* variables a kiosk may get from its environment, and why.
ALLOWED = {
    "BAKEN_SPEECH_OUTPUT": "with --kiosk only 'none' counts (a box without sound)",
}

# Set by systemd for the unit; src/base/baken-notify.c needs them.
MANAGER_VARIABLES = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"]


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, description, detail=None):
        self.n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.n, description), flush=True)
        if not ok:
            self.failed += 1
            for line in (detail or "").rstrip().splitlines():
                print("#   " + line, flush=True)
        return ok

    def note(self, text):
        for line in text.rstrip().splitlines():
            print("# " + line, flush=True)


def unit_values(text, key):
    """Every word of every KEY= line of a unit file (no line continuations here)."""
    words = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(key + "="):
            words.extend(line[len(key) + 1:].split())
    return words


def source_variables(srcroot):
    names = set()
    for path in glob.glob(os.path.join(srcroot, "src", "**", "*.c"), recursive=True):
        with open(path, errors="replace") as f:
            names.update(re.findall(r'g_getenv\s*\(\s*"(BAKEN_[A-Z0-9_]+)"', f.read()))
    return names


def main():
    if len(sys.argv) != 2:
        print("usage: %s SRCROOT" % sys.argv[0], file=sys.stderr)
        return 2
    srcroot = os.path.abspath(sys.argv[1])
    unit = os.path.join(srcroot, "data", "baken-kiosk.service")
    tap = Tap()
    env = dict(os.environ, SYSTEMD_COLORS="0", SYSTEMD_PAGER="", LC_ALL="C.UTF-8")

    if not tap.check(shutil.which("systemd-analyze") is not None,
                     "systemd-analyze is installed",
                     "install systemd (scripts/deps.sh)"):
        print("1..%d" % tap.n)
        return 1

    result = subprocess.run(["systemd-analyze", "security", "--offline=true", unit],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, env=env)
    match = re.search(r"Overall exposure level for \S+: ([0-9.]+)", result.stdout)
    score = float(match.group(1)) if match else None
    exposures = [line for line in result.stdout.splitlines() if line.startswith("✗")]
    if tap.check(score is not None and score <= MAX_EXPOSURE,
                 "systemd-analyze security --offline=true: %s (at most %.1f)"
                 % (match.group(1) if match else "no score", MAX_EXPOSURE),
                 result.stdout):
        tap.note("remaining exposures (each explained in packaging/README.md):")
        tap.note("\n".join(re.sub(r"\s{2,}", "  ", line) for line in exposures))

    result = subprocess.run(["systemd-analyze", "verify", "--man=no", unit],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, env=env)
    # On a build machine cage and the user baken need not exist; anything else counts.
    problems = [line for line in result.stdout.splitlines()
                if line.strip() and "is not executable" not in line
                and "Failed to resolve user" not in line]
    tap.check(not problems, "systemd-analyze verify: every setting is known and parses",
              "\n".join(problems))

    text = open(unit).read()
    unset = set(unit_values(text, "UnsetEnvironment"))
    read = source_variables(srcroot)
    tap.check(len(read) > 5, "the sources read %d BAKEN_* variables" % len(read),
              "found only %s: did the g_getenv calls move?" % sorted(read))
    loose = sorted(read - unset - set(ALLOWED))
    tap.check(not loose, "every BAKEN_* variable is in UnsetEnvironment= or allowed",
              "add to UnsetEnvironment= of data/baken-kiosk.service (or to ALLOWED, with "
              "the reason a kiosk may take it): %s" % " ".join(loose))
    stale = sorted(name for name in ALLOWED if name not in read)
    tap.check(not stale, "every allowed BAKEN_* variable is still read",
              "no g_getenv reads %s any more: drop it from ALLOWED" % " ".join(stale))
    taken = sorted(set(MANAGER_VARIABLES) & unset)
    tap.check(not taken, "UnsetEnvironment= leaves the notify and watchdog variables",
              "Type=notify and WatchdogSec= need %s" % " ".join(taken))

    print("1..%d" % tap.n, flush=True)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
