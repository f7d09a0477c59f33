#!/usr/bin/env python3
"""bench/taps: ms from each kind of tap to the frame that shows its answer.

Runs BUILD_DIR/bench/taps (bench/taps.c: the kiosk window driven round after round
through every kind of tap) under its own Xvfb, with GTK's cairo renderer and GL probing
off (as the kiosk runs), and the bare GTK4 yardstick (bench/bare-tiles.c --taps:
switching between two screens of 12 SVG tiles) before and after it in the same Xvfb,
window size and renderer. Prints the kiosk's table, the yardstick's, the ratio of the
p99s and the load average before and after (the machine may be shared: compare
ratios). Never part of `meson test`.

Each round is a new resident after a real idle reset (every kept page dropped), and one
round before them is not counted: it is printed apart as "cold" (what the process does
once: loading font faces, drawing icons the first time). --phases splits each kind of tap
into the action, the wait for the frame, layout, paint and "after" (after-paint handlers).

Usage: bench/taps.py [BUILD_DIR] [ROUNDS] [--input] [--phases] [--landscape]
                     [--lang CODE] [--text large|very-large]
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import start_xvfb, stop_xvfb  # noqa: E402

args = sys.argv[1:]
build = os.path.abspath(args.pop(0) if args and not args[0].startswith("-") else "_build")
rounds = args.pop(0) if args and args[0].isdigit() else "20"
options = args
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
icons = sorted(glob.glob(os.path.join(root, "data", "demo", "icons", "*.svg")))[:24]


def run(cmd, env):
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True, timeout=3600)
    if out.returncode != 0:
        sys.stdout.write(out.stdout)
        raise SystemExit(f"{cmd[0]} failed ({out.returncode})")
    return out.stdout


def main():
    landscape = "--landscape" in options
    size = "1920x1080" if landscape else "1080x1920"
    xvfb, display = start_xvfb(size)
    load_before = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", GSK_RENDERER="cairo",
                       GDK_DEBUG="gl-disable", XDG_RUNTIME_DIR=home, HOME=home,
                       NO_AT_BRIDGE="1", BAKEN_LOCALEDIR=os.path.join(build, "po"),
                       # The fonts of an installed kiosk: the system's and the package's
                       # Noto Sans Arabic for Arabic (else fontconfig takes DejaVu Sans).
                       FONTCONFIG_FILE=os.path.join(build, "tests", "fonts.conf"))
            env.pop("WAYLAND_DISPLAY", None)
            bare = [os.path.join(build, "bench", "bare-tiles"), "--taps",
                    str(int(rounds) * 5)] + icons
            yard = run(bare, env)
            kiosk = run([os.path.join(build, "bench", "taps"), rounds] + options, env)
            yard += run(bare, env)
    finally:
        stop_xvfb(xvfb)
    load_after = os.getloadavg()

    sys.stdout.write(kiosk)
    p99s = [float(m) for m in re.findall(r"yardstick-p99-ms (\S+)", yard)]
    lines = [line for line in yard.splitlines() if line.startswith("tap ")]
    for line in lines:
        print(line)
    kiosk_p99 = float(re.search(r"taps-p99-ms (\S+)", kiosk).group(1))
    yard_p99 = max(p99s)
    print(f"yardstick-p99-ms {yard_p99:.1f} (before and after: "
          f"{', '.join(f'{p:.1f}' for p in p99s)})")
    print(f"ratio-p99 {kiosk_p99 / yard_p99:.2f}")
    kiosk_p50 = float(re.search(r"tap all\s+n\s+\d+ p50\s+(\S+)", kiosk).group(1))
    yard_p50 = max(float(m) for m in re.findall(r"tap yardstick-switch\s+n\s+\d+ p50\s+(\S+)", yard))
    print(f"ratio-p50 {kiosk_p50 / yard_p50:.2f} (all taps {kiosk_p50:.1f} ms, yardstick {yard_p50:.1f} ms)")
    print(f"load {load_before[0]:.1f} before, {load_after[0]:.1f} after "
          f"({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
