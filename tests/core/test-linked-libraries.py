#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk starts without libsoup, libcups and libpulse: they are in the modules
baken-sync-http, baken-print-cups and baken-sound-pulse, loaded at the first sync, the
first slip and after the first frame. Runs ldd on the program and on the modules and
prints TAP.

Usage: test-linked-libraries.py BAKEN SYNC_MODULE PRINT_MODULE SOUND_MODULE"""
import subprocess
import sys

# (soname prefix, what needs it, the module that carries it)
LAZY = [
    ("libsoup-3.0.so", "the HTTP sync", 1),
    ("libcups.so", "the CUPS printer", 2),
    ("libpulse.so", "the sound server", 3),
]


def ldd(path):
    """The sonames ldd lists for path."""
    result = subprocess.run(["ldd", path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    if result.returncode != 0:
        raise SystemExit("Bail out! ldd %s: exit status %d\n%s"
                         % (path, result.returncode, result.stdout))
    return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]


def main():
    if len(sys.argv) != 5:
        print("usage: %s BAKEN SYNC_MODULE PRINT_MODULE SOUND_MODULE" % sys.argv[0],
              file=sys.stderr)
        return 2
    n = 0
    failed = 0

    def check(ok, what, detail):
        nonlocal n, failed
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
        if not ok:
            failed += 1
            for line in detail.splitlines():
                print("# " + line)

    baken = ldd(sys.argv[1])
    # ldd worked and sees what the program does link.
    check(any(name.startswith("libgtk-4.so") for name in baken),
          "ldd lists libgtk-4 for %s" % sys.argv[1], "ldd lists:\n" + "\n".join(baken))
    for prefix, why, module in LAZY:
        linked = [name for name in baken if name.startswith(prefix)]
        check(not linked, "baken does not link %s (%s)" % (prefix, why),
              "ldd lists %s" % ", ".join(linked))
        carried = ldd(sys.argv[1 + module])
        check(any(name.startswith(prefix) for name in carried),
              "%s links %s" % (sys.argv[1 + module], prefix),
              "ldd lists:\n" + "\n".join(carried))

    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
