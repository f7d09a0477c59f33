#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/bundle: the IT tool on a 10,000-service source.

Generates a synthetic source with bench/gen-source.py, then times `baken-bundle build`
(into a bundle folder), `keygen`, `sign`, `verify` and `inspect`, and prints the wall
time and the peak resident memory of each step (from wait4's rusage). Verification of
a 10,000-service bundle is what every kiosk pays for every new serial.

Usage: bench/bundle.py [BUILD_DIR] [N_SERVICES]
"""
import os
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_build")
n = sys.argv[2] if len(sys.argv) > 2 else "10000"
tool = os.path.join(build, "src", "tools", "baken-bundle")


def run(name, args, rows):
    start = time.monotonic()
    proc = subprocess.Popen([tool] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.monotonic() - start) * 1000
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{name} failed:\n{err}")
    rows.append((name, elapsed, usage.ru_maxrss / 1024))


def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        out = os.path.join(tmp, "bundle")
        subprocess.run([sys.executable, os.path.join(root, "bench", "gen-source.py"), src, n],
                       check=True, stdout=subprocess.DEVNULL)
        run("keygen", ["keygen", "--unencrypted", os.path.join(tmp, "k")], rows)
        run("build", ["build", src, out, "--serial", "7", "--valid-days", "30",
                      "--pubkey", os.path.join(tmp, "k.pub")], rows)
        run("sign", ["sign", out, "--key", os.path.join(tmp, "k.key")], rows)
        run("verify", ["verify", out, "--pubkey", os.path.join(tmp, "k.pub")], rows)
        run("inspect", ["inspect", out], rows)
        size = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))

    print(f"{n} services, bundle {size / 1e6:.1f} MB")
    print(f"{'step':10} {'ms':>9} {'peak RSS MiB':>13}")
    for name, ms, rss in rows:
        print(f"{name:10} {ms:9.1f} {rss:13.1f}")


if __name__ == "__main__":
    main()
