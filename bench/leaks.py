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

Usage: bench/leaks.py BUILD_DIR [ROUNDS]   (ROUNDS 80: about 1,090 taps, 8 idle resets)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from startup import start_xvfb, stop_xvfb  # noqa: E402

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


def start_pulse(home, env):
    """A PulseAudio of this run, with a null sink that plays in real time, as the kiosk
    has one: the idle prompt is said aloud (espeak-ng, through PulseAudio) and the
    attention tone played. Sets PULSE_SERVER in env; returns the server's process, or
    None without PulseAudio, and then the soak runs with speech off: without a device
    espeak-ng stops each utterance on an audio error with the voice it was given still
    in its queue and loses copies of it (1,344 bytes each), and its ALSA output
    (pcaudiolib) leaks 608 bytes at each reopen, which espeak_ng_Cancel() does: neither
    is the kiosk's."""
    socket = os.path.join(home, "pulse-native")
    daemon_env = dict(env, DISPLAY="")
    env["PULSE_SERVER"] = "unix:" + socket
    try:
        proc = subprocess.Popen(["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                                 "--use-pid-file=no", "-L", "module-null-sink sink_name=bench",
                                 "-L", f"module-native-protocol-unix auth-anonymous=1 "
                                 f"socket={socket}"],
                                env=daemon_env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    except OSError:
        proc = None
    for _ in range(100):
        if proc is None or proc.poll() is not None or os.path.exists(socket):
            break
        time.sleep(0.1)
    if proc is None or not os.path.exists(socket):
        if proc is not None:
            proc.kill()
            proc.wait()
        print("# no PulseAudio: speech is off (BAKEN_SPEECH_OUTPUT=none)", flush=True)
        env["BAKEN_SPEECH_OUTPUT"] = "none"
        return None
    return proc


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    build = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    soak = os.path.join(build, "bench", "soak")
    if not os.path.exists(soak):
        sys.exit(f"leaks: {soak} does not exist (ninja -C {sys.argv[1]} bench/soak)")
    if not built_with_asan(build):
        sys.exit(f"leaks: {sys.argv[1]} is not built with AddressSanitizer; configure one "
                 "with\n  meson setup _b-asan -Db_sanitize=address,undefined -Db_lundef=false")

    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", GSK_RENDERER="cairo",
                       XDG_RUNTIME_DIR=home, HOME=home, XDG_STATE_HOME=home,
                       XDG_CACHE_HOME=home, NO_AT_BRIDGE="1",
                       BAKEN_LOCALEDIR=os.path.join(build, "po"),
                       # The slow unwinder: whole stacks through libraries built without
                       # frame pointers, so the suppressions see which library allocated.
                       ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0",
                       LSAN_OPTIONS=f"suppressions={suppressions}:print_suppressions=1",
                       UBSAN_OPTIONS="print_stacktrace=1")
            env.pop("WAYLAND_DISPLAY", None)
            pulse = start_pulse(home, env)
            try:
                # The shortest countdown (5 s, x 0.05 in the soak), as bench/soak.py.
                config = os.path.join(home, "kiosk.conf")
                with open(config, "w") as f:
                    f.write("[idle]\ncountdown = 5\n")
                report = os.path.join(home, "stderr")
                with open(report, "w") as err:
                    status = subprocess.call([soak, str(rounds), str(max(1, rounds // 8)),
                                              "--config", config], env=env, stderr=err)
                with open(report) as f:
                    text = f.read()
            finally:
                if pulse is not None:
                    pulse.terminate()
                    pulse.wait()
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
