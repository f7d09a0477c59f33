#!/usr/bin/env python3
"""bench/soak: memory over a day of use, in one kiosk process.

Runs BUILD_DIR/bench/soak (bench/soak.c: the kiosk window on the demo content, driven
through the resident's path ROUNDS times: a life event, a situation, a service page,
Back, Home; every tenth round English, large text and high contrast, then the idle
reset) under its own Xvfb with GTK's cairo renderer, and prints PSS, RSS and anonymous
memory every EVERY rounds, and the growth of anonymous memory (the heap, where a leak
shows) per 1000 rounds after the warm-up.

Usage: bench/soak.py [BUILD_DIR] [ROUNDS] [EVERY]
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import start_xvfb, stop_xvfb  # noqa: E402

build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_build")
rounds = sys.argv[2] if len(sys.argv) > 2 else "1000"
every = sys.argv[3] if len(sys.argv) > 3 else "100"


def main():
    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", GSK_RENDERER="cairo",
                       XDG_RUNTIME_DIR=home, HOME=home, NO_AT_BRIDGE="1",
                       BAKEN_LOCALEDIR=os.path.join(build, "po"))
            env.pop("WAYLAND_DISPLAY", None)
            return subprocess.call([os.path.join(build, "bench", "soak"), rounds, every],
                                   env=env)
    finally:
        stop_xvfb(xvfb)


if __name__ == "__main__":
    sys.exit(main())
