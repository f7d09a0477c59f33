#!/usr/bin/env python3
"""bench/startup: time from exec to the first painted frame, and PSS once Home shows.

Runs the kiosk N times under its own Xvfb, with GTK's cairo renderer and with GTK's
default (GL, which is software llvmpipe without a GPU), and the same for the bare GTK4
yardstick (bench/bare-tiles.c: 12 SVG tiles, nothing else), in turns, in the same
1080x1920 window; with cairo both run with GDK_DEBUG=gl-disable (no GL probe), as the
kiosk does. Prints the ratio Baken/yardstick per renderer and the load average. The kiosk and the yardstick
print "first-frame-ms N" from their frame clock's first after-paint; PSS is read from
/proc/PID/smaps_rollup one second later, when Home is settled.

With --phases it runs only the kiosk, N times with BAKEN_REPORT_FIRST_FRAME=phases, and
prints when each phase of its start ended (median ms after exec, and the median length of
the phase): loading (exec and the dynamic linker, up to main ()), registered (on the
session bus), content-started (the verification thread started, the sync store opened),
display-opened (GTK's display and settings), styles-loaded (GTK's and libadwaita's
start, the stylesheets), content-ready (the verified content, the state DB), window-built
(Home), first-frame (presented, laid out, painted).

Usage: bench/startup.py [BUILD_DIR] [N] [--phases]
"""
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
phases_only = "--phases" in sys.argv[1:]
build = os.path.abspath(arguments[0] if len(arguments) > 0 else "_build")
runs = int(arguments[1]) if len(arguments) > 1 else 15
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
icons = sorted(glob.glob(os.path.join(root, "data", "demo", "icons", "*.svg")))[:12]


def start_xvfb(size="1080x1920"):
    """An Xvfb on a display it picks itself (-displayfd): no race with other servers,
    and no display left blocked by the lock file of one that was killed. Stop it with
    stop_xvfb(), which lets it remove its lock and socket."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                             f"{size}x24", "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as reader:
        number = reader.readline().strip()
    if not number.isdigit():
        stop_xvfb(proc)
        raise SystemExit("cannot start Xvfb")
    return proc, f":{number}"


def stop_xvfb(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def kiosk_env(build, display, home, **extra):
    """The environment of a kiosk process of BUILD_DIR on display: X11 with GTK's cairo
    renderer, its home, state, cache and runtime folders in home, no accessibility bus,
    the translations of the build."""
    env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", GSK_RENDERER="cairo",
               XDG_RUNTIME_DIR=home, HOME=home, XDG_STATE_HOME=home, XDG_CACHE_HOME=home,
               NO_AT_BRIDGE="1", BAKEN_LOCALEDIR=os.path.join(build, "po"), **extra)
    env.pop("WAYLAND_DISPLAY", None)
    return env


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


def stop_pulse(proc):
    """Stops a server from start_pulse() (None: there was none)."""
    if proc is not None:
        proc.terminate()
        proc.wait()


def pss_kb(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def measure(cmd, env):
    """(ms from exec to the first painted frame, PSS in KiB)"""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    ms = None
    deadline = time.time() + 20
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("first-frame-ms"):
            # Measured here, from before exec: includes loading the binary and libraries.
            ms = (time.monotonic() - t0) * 1000
            break
    time.sleep(1.0)
    pss = pss_kb(proc.pid) if proc.poll() is None else 0
    proc.kill()
    proc.wait()
    return ms, pss


def measure_phases(cmd, env):
    """{phase: ms after exec} of one run of the kiosk with BAKEN_REPORT_FIRST_FRAME=phases,
    or None without a first frame. The kiosk counts from main (); "loading" (exec and the
    dynamic linker) is what the wall clock saw before that."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    phases = {}
    try:
        for line in proc.stdout:
            fields = line.split()
            if len(fields) == 3 and fields[0] == "startup-phase":
                phases[fields[1]] = float(fields[2])
            elif len(fields) == 2 and fields[0] == "first-frame-ms":
                loading = (time.monotonic() - t0) * 1000 - float(fields[1])
                phases = {"loading": 0.0, **phases, "first-frame": float(fields[1])}
                return {name: ms + loading for name, ms in phases.items()}
        return None
    finally:
        proc.kill()
        proc.wait()


def main_phases():
    xvfb, display = start_xvfb()
    runs_of = []
    try:
        with tempfile.TemporaryDirectory() as home:
            env = kiosk_env(build, display, home, GDK_DEBUG="gl-disable",
                            BAKEN_REPORT_FIRST_FRAME="phases",
                            BAKEN_QUIT_AFTER_FIRST_FRAME="1")
            cmd = [os.path.join(build, "src", "baken"), "--size", "1080x1920"]
            measure_phases(cmd, env)  # warm the page cache once
            for _ in range(runs):
                phases = measure_phases(cmd, env)
                if phases is not None:
                    runs_of.append(phases)
    finally:
        stop_xvfb(xvfb)
    if not runs_of:
        raise SystemExit("the kiosk reported no first frame")
    print(f"{'phase':18} {'ends, ms after exec':>19} {'length ms':>10}   ({len(runs_of)} runs, "
          "medians)")
    previous = None
    for name in runs_of[0]:
        ends = [r[name] for r in runs_of if name in r]
        lengths = [r[name] - (r[previous] if previous else 0.0) for r in runs_of
                   if name in r and (previous is None or previous in r)]
        print(f"{name:18} {statistics.median(ends):19.1f} {statistics.median(lengths):10.1f}")
        previous = name
    load = os.getloadavg()
    print(f"load {load[0]:.1f} ({os.cpu_count()} cores)")


def main():
    if phases_only:
        main_phases()
        return
    xvfb, display = start_xvfb()
    results = []
    try:
        with tempfile.TemporaryDirectory() as home:
            base = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11",
                        XDG_RUNTIME_DIR=home, HOME=home, NO_AT_BRIDGE="1",
                        BAKEN_REPORT_FIRST_FRAME="1",
                        BAKEN_LOCALEDIR=os.path.join(build, "po"))
            base.pop("WAYLAND_DISPLAY", None)
            programs = [
                ("baken", [os.path.join(build, "src", "baken"), "--size", "1080x1920"]),
                ("bare GTK4, 12 SVG tiles", [os.path.join(build, "bench", "bare-tiles")] + icons),
            ]
            for renderer in ("cairo", "gl"):
                env = dict(base, GSK_RENDERER=renderer)
                # Fair: with the cairo renderer neither program probes GL (Baken turns
                # the probe off itself; the yardstick is told the same).
                if renderer == "cairo":
                    env["GDK_DEBUG"] = "gl-disable"
                runs_of = {name: ([], []) for name, _ in programs}
                for name, cmd in programs:
                    measure(cmd, env)  # warm the page cache once
                # Taken in turns, so a change of load on a shared machine hits both alike.
                for _ in range(runs):
                    for name, cmd in programs:
                        ms, pss = measure(cmd, env)
                        if ms is not None:
                            runs_of[name][0].append(ms)
                            runs_of[name][1].append(pss)
                for name, _ in programs:
                    times, psses = runs_of[name]
                    if times:
                        results.append((name, renderer, statistics.median(times), min(times),
                                        statistics.median(psses) / 1024, len(times)))
    finally:
        stop_xvfb(xvfb)

    print(f"{'program':28} {'renderer':8} {'median ms':>10} {'min ms':>8} {'PSS MiB':>8} runs")
    for name, renderer, median, best, pss, n in results:
        print(f"{name:28} {renderer:8} {median:10.1f} {best:8.1f} {pss:8.1f} {n}")
    for renderer in ("cairo", "gl"):
        pair = [r[2] for r in results if r[1] == renderer]
        if len(pair) == 2:
            print(f"first-frame ratio baken/yardstick ({renderer}): {pair[0] / pair[1]:.2f}")
    load = os.getloadavg()
    print(f"load {load[0]:.1f} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
