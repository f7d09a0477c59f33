#!/usr/bin/env python3
"""bench/soak: memory over a day of use, in one kiosk process.

Runs BUILD_DIR/bench/soak (bench/soak.c: the kiosk window, driven through the
resident's path ROUNDS times: a life event, a situation, a service page, its print
preview, Back, Home, three keys of the search; every K-th round (--walk-every, 10)
English, large text and high contrast, then the idle reset) under its own Xvfb with
GTK's cairo renderer, and prints PSS, RSS, anonymous memory and the heap malloc holds
every EVERY rounds, and the growth of anonymous memory (where a leak shows) and of the
heap in use (what is held, not fragmentation) per 1000 rounds after the warm-up.

With --swaps N the kiosk runs as in the field: this script signs N + 1 bundles of the
demo content with a key of its own (serials 1 to N + 1, made by BUILD_DIR's
baken-bundle), the kiosk starts on a sync store with bundle 1, and N times over the run
the sync installs the next one while a resident is on a path; it is applied at the
next idle reset.

Usage: bench/soak.py [BUILD_DIR] [ROUNDS] [EVERY] [--walk-every K] [--swaps N]
  e.g. bench/soak.py _build 7150 250 --walk-every 7 --swaps 100
       (about 100,000 taps, 1,021 idle resets, 100 new bundles)
"""
import argparse
import datetime
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import kiosk_env, start_pulse, start_xvfb, stop_pulse, stop_xvfb  # noqa: E402

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_bundles(build, tmp, count, env=None):
    """Bundles 1..count of data/demo in tmp/bundles/<serial>, signed with a new key;
    returns the config lines that trust that key."""
    tool = os.path.join(build, "src", "tools", "baken-bundle")
    key = os.path.join(tmp, "bench")
    subprocess.run([tool, "keygen", "--unencrypted", key], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    # A day ago, a minute per serial: a higher serial is newer, never in the future.
    base = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)
    for serial in range(1, count + 1):
        out = os.path.join(tmp, "bundles", str(serial))
        created = (base + datetime.timedelta(minutes=serial)).strftime("%Y-%m-%dT%H:%M:%SZ")
        subprocess.run([tool, "build", os.path.join(root, "data", "demo"), out,
                        "--serial", str(serial), "--created", created,
                        "--valid-days", "30", "--pubkey", key + ".pub"],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        subprocess.run([tool, "sign", out, "--key", key + ".key"], check=True,
                       stdout=subprocess.DEVNULL, env=env)
    return f"[sync]\npublic-keys = {key}.pub\n"


def soak_command(build, home, arguments, swaps, tool_env=None):
    """The command line of BUILD_DIR/bench/soak with arguments, and its config in home:
    the shortest countdown (5 s, x 0.05 in the soak: the walk-aways are resets, not
    waiting) and, with swaps > 0, the sync store and swaps + 1 bundles made by the
    build's IT tool (run with tool_env)."""
    config = os.path.join(home, "kiosk.conf")
    text = "[idle]\ncountdown = 5\n"
    command = [os.path.join(build, "bench", "soak")] + [str(a) for a in arguments]
    command += ["--config", config]
    if swaps > 0:
        text += make_bundles(build, home, swaps + 1, tool_env)
        command += ["--state-dir", os.path.join(home, "state"),
                    "--bundles", os.path.join(home, "bundles"), "--swaps", str(swaps)]
    with open(config, "w") as f:
        f.write(text)
    return command


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", nargs="?", default="_build")
    parser.add_argument("rounds", nargs="?", default="1000")
    parser.add_argument("every", nargs="?", default="100")
    parser.add_argument("--walk-every", default="10")
    parser.add_argument("--swaps", type=int, default=0)
    args = parser.parse_args()
    build = os.path.abspath(args.build)

    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = kiosk_env(build, display, home)
            command = soak_command(build, home, [args.rounds, args.every,
                                                 "--walk-every", args.walk_every],
                                   args.swaps)
            # A sound server with a null sink, as a kiosk has one: the idle prompt is
            # said aloud.
            pulse = start_pulse(home, env)
            try:
                return subprocess.call(command, env=env)
            finally:
                stop_pulse(pulse)
    finally:
        stop_xvfb(xvfb)


if __name__ == "__main__":
    sys.exit(main())
