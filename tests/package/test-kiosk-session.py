#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk's escape keys, sent through the real compositor: `cage -- baken --kiosk`.

Usage: test-kiosk-session.py BAKEN_EXE ICON_CHECK_EXE

Runs Debian's cage (the compositor of data/baken-kiosk.service, without -s as there) with
Baken in it, as an unprivileged user (cage refuses root: as root the test runs cage as
nobody, with a private XDG_RUNTIME_DIR), and sends a keyboard's escape attempts:
Ctrl+Alt+F1 to F12, Alt+F4, Alt+Tab, Super, Ctrl+Q, Ctrl+W, Ctrl+Shift+D, Ctrl+Shift+I,
F10, Escape, and a 1 MB clipboard pasted with Ctrl+V, Shift+Insert and Ctrl+Shift+V.
After each round Baken and cage still run, and the screen is the same, pixel for pixel,
full screen, on the page it was on: Home, a life event, search.

Why wlroots' X11 backend inside Xvfb, not its headless backend (packaging/README.md has
the details): Debian 12's cage 0.1.4 does not offer the virtual keyboard protocol (cage
0.1.5 added it), so wtype cannot type into it ("Compositor does not support the virtual
keyboard protocol"), and the headless backend has no other keyboard; and grim captures a
black frame from it, because cage scans Baken's full-screen buffer out directly and,
when grim's capture forbids that, swaps in a stale buffer it never drew Baken into
("Basic output test failed for HEADLESS-1"). With WLR_BACKENDS=x11 cage is one window of
a private Xvfb: xdotool's key events reach cage as a real keyboard of its seat (through
its own xkb keymap and key bindings, exactly as a USB keyboard's would), and the X
screen shows what cage presented. The test still asks wtype: should a later cage offer
the protocol, the same keys go through wtype too.

As root the test copies Baken, its modules ($BAKEN_MODULE_DIR), its translations
($BAKEN_LOCALEDIR) and the icon checker to its temp dir, which nobody can read: a build
dir under /root cannot be.

Positive controls, so that "nothing happened" means something: keypad keys (Baken's
[keypad] defaults) do move through the kiosk, a click on Zoeken opens search, typed
letters do appear there. Baken says READY=1 on $NOTIFY_SOCKET once Home is painted, as
under systemd. Prints TAP. Starts and stops everything itself (Xvfb, cage and with it
Baken and Xwayland, xclip) and removes its temp dir; the time limits scale with
BAKEN_TEST_TIME_SCALE."""
import json
import os
import pwd
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

# Landscape: the output size of wlroots' X11 backend (cage cannot choose it).
WIDTH, HEIGHT = 1024, 768
NOBODY = "nobody"

# Each a keyboard's way out of a desktop session, in xdotool's names.
ESCAPE_KEYS = (["ctrl+alt+F%d" % n for n in range(1, 13)]
               + ["alt+F4", "alt+Tab", "Super_L", "super+Tab", "ctrl+q", "ctrl+w",
                  "ctrl+shift+d", "ctrl+shift+i", "F10", "Escape", "alt+Escape",
                  "alt+space", "Menu", "F11", "ctrl+alt+Delete", "ctrl+alt+BackSpace"])
PASTE_KEYS = ["ctrl+v", "shift+Insert", "ctrl+shift+v"]
PASTE_SIZE = 1024 * 1024

# Through Baken's keypad defaults (data/kiosk.conf.example, [keypad]): the first press
# switches speech mode on, the next ones move down, Enter opens the focused life event.
KEYPAD_TO_EVENT = ["KP_2", "KP_2", "KP_2", "KP_Enter"]
KEYPAD_HOME = ["KP_Multiply"]
# The Zoeken button in the top bar, at 1024x768.
SEARCH_BUTTON = (320, 54)

AT_SPI_BUS_LAUNCHER = next((path for path in ("/usr/libexec/at-spi-bus-launcher",
                                              "/usr/lib/at-spi2-core/at-spi-bus-launcher")
                            if os.path.exists(path)), "at-spi-bus-launcher")
# Debian's python3-pyatspi is for the system's python3 (the one on PATH may be another).
PROBE_PYTHON = "/usr/bin/python3"


def time_scale():
    try:
        return max(1.0, float(os.environ.get("BAKEN_TEST_TIME_SCALE", "1")))
    except ValueError:
        return 1.0


SCALE = time_scale()


class Fatal(Exception):
    """A failure after which the later checks cannot run."""


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


class Session:
    """Xvfb, cage with Baken, and the test's files; stopped and removed in stop()."""

    def __init__(self, baken, icon_check):
        self.baken = baken
        self.icon_check = icon_check
        self.app_env = {}
        self.procs = []
        self.tmp = tempfile.mkdtemp(prefix="baken-cage-")
        os.chmod(self.tmp, 0o755)
        if os.geteuid() == 0:
            user = pwd.getpwnam(NOBODY)
            self.uid, self.gid = user.pw_uid, user.pw_gid
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
        # The user's private folder: XDG_RUNTIME_DIR (cage's Wayland socket), HOME and
        # Baken's state; 0700 as logind makes it.
        self.home = os.path.join(self.tmp, "user")
        os.mkdir(self.home, 0o700)
        os.chown(self.home, self.uid, self.gid)
        self.display = None
        self.cage = None
        self.cage_log = os.path.join(self.tmp, "cage.log")
        self.notify = None
        self.bus = None

    def stage(self):
        """As root: Baken and what it loads, copied where nobody can read them."""
        if os.geteuid() != 0:
            return
        app = os.path.join(self.tmp, "app")
        os.mkdir(app, 0o755)
        baken = os.path.join(app, "baken")
        shutil.copy2(self.baken, baken)
        self.baken = baken
        icon_check = os.path.join(app, "baken-icon-check")
        shutil.copy2(self.icon_check, icon_check)
        self.app_env["BAKEN_ICON_CHECK"] = icon_check
        modules = os.environ.get("BAKEN_MODULE_DIR")
        if modules:
            os.mkdir(os.path.join(app, "modules"), 0o755)
            for name in os.listdir(modules):
                if name.endswith(".so"):
                    shutil.copy2(os.path.join(modules, name), os.path.join(app, "modules"))
            self.app_env["BAKEN_MODULE_DIR"] = os.path.join(app, "modules")
        locales = os.environ.get("BAKEN_LOCALEDIR")
        if locales and os.path.isdir(locales):
            shutil.copytree(locales, os.path.join(app, "locale"))
            self.app_env["BAKEN_LOCALEDIR"] = os.path.join(app, "locale")
        for top, dirs, files in os.walk(app):
            for name in dirs:
                os.chmod(os.path.join(top, name), 0o755)
            for name in files:
                path = os.path.join(top, name)
                os.chmod(path, 0o755 if os.access(path, os.X_OK) else 0o644)

    def as_user(self, argv):
        """argv run as the session's user: nobody when the test runs as root."""
        if os.geteuid() != 0:
            return list(argv)
        return ["setpriv", "--reuid=%d" % self.uid, "--regid=%d" % self.gid,
                "--clear-groups", "--"] + list(argv)

    def start(self, argv, env, **kwargs):
        proc = subprocess.Popen(argv, env=env, start_new_session=True, **kwargs)
        self.procs.append(proc)
        return proc

    def x_env(self):
        env = dict(os.environ, DISPLAY=self.display)
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def start_xvfb(self):
        read_fd, write_fd = os.pipe()
        self.start(["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-noreset",
                    "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT)],
                   dict(os.environ), pass_fds=[write_fd], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
        os.close(write_fd)
        try:
            number = read_line(read_fd, 20 * SCALE, "Xvfb")
        finally:
            os.close(read_fd)
        self.display = ":" + number

    def start_buses(self):
        """A session bus and the accessibility bus, as the session's user: Baken's
        accessibility tree tells which page it shows, whatever the focus ring does."""
        config = os.path.join(self.tmp, "session.conf")
        with open(config, "w") as f:
            f.write('<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration'
                    ' 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">\n'
                    "<busconfig><type>session</type><listen>unix:dir=%s</listen>"
                    '<policy context="default"><allow send_destination="*" eavesdrop="true"/>'
                    '<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>\n' % self.home)
        os.chmod(config, 0o644)
        env = self.user_env()
        read_fd, write_fd = os.pipe()
        self.start(self.as_user(["dbus-daemon", "--config-file", config, "--nofork",
                                 "--nopidfile", "--print-address=%d" % write_fd]),
                   env, pass_fds=[write_fd], stdout=subprocess.DEVNULL)
        os.close(write_fd)
        try:
            self.bus = read_line(read_fd, 20 * SCALE, "dbus-daemon")
        finally:
            os.close(read_fd)
        env = self.user_env()
        self.start(self.as_user([AT_SPI_BUS_LAUNCHER, "--launch-immediately"]), env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20 * SCALE
        while time.monotonic() < deadline:
            out = subprocess.run(self.as_user([
                "gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                "--object-path", "/org/freedesktop/DBus", "--method",
                "org.freedesktop.DBus.NameHasOwner", "org.a11y.Bus"]),
                env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                universal_newlines=True)
            if "true" in out.stdout:
                return
            time.sleep(0.2)
        raise Fatal("the accessibility bus (org.a11y.Bus) did not come up")

    def user_env(self):
        env = {name: value for name, value in os.environ.items()
               if not name.startswith(("XDG_", "DBUS_", "GTK_", "GDK_", "GSK_", "AT_SPI"))
               and name not in ("DISPLAY", "WAYLAND_DISPLAY", "NO_AT_BRIDGE")}
        env.update({
            "HOME": self.home,
            "XDG_RUNTIME_DIR": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
        })
        if self.bus:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus
        return env

    def page(self):
        """What Baken shows, read through AT-SPI by a process of the session's user:
        (number of windows, the sorted roles and names of the window's tree)."""
        pid = self.baken_pid()
        if pid is None:
            return None
        result = subprocess.run(self.as_user([PROBE_PYTHON, os.path.abspath(__file__),
                                              "--probe", str(pid)]),
                                env=dict(self.user_env(), G_DEBUG="gc-friendly"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                universal_newlines=True, timeout=60 * SCALE)
        if result.returncode != 0:
            raise Fatal("the AT-SPI probe failed: %s" % result.stderr[-2000:])
        data = json.loads(result.stdout)
        return data["windows"], tuple(tuple(node) for node in data["nodes"])

    def open_notify_socket(self):
        path = os.path.join(self.tmp, "notify")
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(path)
        os.chown(path, self.uid, self.gid)
        return path

    def start_cage(self):
        env = self.user_env()
        env.update(self.app_env)
        env.update({
            "DISPLAY": self.display,
            "GTK_A11Y": "atspi",
            "XDG_SESSION_TYPE": "wayland",
            "WLR_BACKENDS": "x11",
            "WLR_X11_OUTPUTS": "1",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "NOTIFY_SOCKET": self.open_notify_socket(),
            # No sound device here; read-aloud stays silent but keeps its mode.
            "BAKEN_SPEECH_OUTPUT": "none",
            # GTK's inspector key binding switched on, as a careless image might (the
            # package's dconf lock keeps it off): only Baken's own lock-down stands
            # between Ctrl+Shift+I or D and the inspector then.
            "GSETTINGS_BACKEND": "keyfile",
        })
        settings = os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write("[org/gtk/gtk4/settings/debug]\nenable-inspector-keybinding=true\n"
                    "inspector-warning=false\n")
        for path in (env["XDG_CONFIG_HOME"], os.path.dirname(settings), settings,
                     os.path.join(settings, "keyfile")):
            os.chown(path, self.uid, self.gid)
        # cage sets DISPLAY to its own Xwayland for its child: the test needs it for
        # the clipboard, so the child writes it down before it becomes Baken.
        script = 'printf %s "$DISPLAY" > "$XDG_RUNTIME_DIR/xwayland-display"; exec "$0" --kiosk'
        with open(self.cage_log, "w") as log:
            self.cage = self.start(self.as_user(["cage", "-d", "--", "/bin/sh", "-c",
                                                 script, self.baken]),
                                   env, stdout=log, stderr=subprocess.STDOUT,
                                   cwd=self.home)

    def wait_ready(self, timeout):
        """READY=1 from Baken on the notify socket (Home painted), or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.cage.poll() is not None:
                return None
            ready, _, _ = select.select([self.notify], [], [], 0.2)
            if ready:
                message = self.notify.recv(4096).decode(errors="replace")
                if "READY=1" in message.split("\n"):
                    return message
        return None

    def baken_pid(self):
        """Baken: the child of cage that is not Xwayland."""
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % pid) as f:
                    stat = f.read()
                exe = os.readlink("/proc/%s/exe" % pid)
            except OSError:
                continue
            # pid (comm) state ppid ...: comm may hold spaces, so split after its ")".
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == self.cage.pid and os.path.basename(exe).startswith("baken"):
                return int(pid)
        return None

    def alive(self):
        return self.cage.poll() is None and self.baken_pid() is not None

    def screenshot(self):
        result = subprocess.run(["import", "-window", "root", "-depth", "8", "rgb:-"],
                                env=self.x_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        if result.returncode != 0 or len(result.stdout) != WIDTH * HEIGHT * 3:
            raise Fatal("import -window root failed: %s"
                        % result.stderr.decode(errors="replace"))
        return result.stdout

    def stable_screenshot(self, name):
        """The screen once two captures 0.7 s apart are the same. With
        BAKEN_CAGE_SHOTS=DIR it is also saved as DIR/NAME.png, for a look."""
        deadline = time.monotonic() + 15 * SCALE
        last = self.screenshot()
        while time.monotonic() < deadline:
            time.sleep(0.7)
            now = self.screenshot()
            if now == last:
                break
            last = now
        shots = os.environ.get("BAKEN_CAGE_SHOTS")
        if shots:
            subprocess.run(["convert", "-size", "%dx%d" % (WIDTH, HEIGHT), "-depth", "8",
                            "rgb:-", os.path.join(shots, name + ".png")], input=last)
        return last

    def keys(self, keys):
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=self.x_env(),
                           check=True)
            time.sleep(0.05)

    def click(self, x, y):
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"],
                       env=self.x_env(), check=True)

    def stop(self):
        for proc in reversed(self.procs):
            for sig in (signal.SIGTERM, signal.SIGKILL):
                if proc.poll() is not None:
                    break
                try:
                    os.killpg(proc.pid, sig)
                except (ProcessLookupError, PermissionError):
                    pass
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    continue
            # What cage started (Baken, Xwayland) is in its process group.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if self.notify is not None:
            self.notify.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def read_line(fd, timeout, what):
    data = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Fatal("%s did not start within %d s" % (what, timeout))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise Fatal("%s exited before it was ready" % what)
            data += chunk
    return data.split(b"\n", 1)[0].decode().strip()


def differing_pixels(a, b):
    return sum(1 for i in range(0, len(a), 3) if a[i:i + 3] != b[i:i + 3])


def border_pixels(shot):
    """The RGB values of the outermost pixel rows and columns of the screen."""
    row = WIDTH * 3
    edges = [shot[0:row], shot[(HEIGHT - 1) * row:HEIGHT * row]]
    for y in range(HEIGHT):
        edges.append(shot[y * row:y * row + 3])
        edges.append(shot[y * row + row - 3:y * row + row])
    pixels = set()
    for edge in edges:
        for i in range(0, len(edge), 3):
            pixels.add(edge[i:i + 3])
    return pixels


def log_tail(session, lines=25):
    try:
        text = open(session.cage_log, errors="replace").read()
    except OSError:
        return "(no log)"
    return "cage and Baken said (last lines):\n" + "\n".join(text.splitlines()[-lines:])


def check_screen(tap, session, where, name):
    """Baken's window fills cage's output: not black, and none of cage's black
    background at the edges (cage shows it where no window covers the output)."""
    shot = session.stable_screenshot(name)
    black = differing_pixels(shot, bytes(len(shot)))
    border = border_pixels(shot)
    tap.check(black > WIDTH * HEIGHT // 2 and b"\0\0\0" not in border,
              "%s: Baken fills the screen (%d of %d pixels not black, no black edge)"
              % (where, black, WIDTH * HEIGHT, ),
              "edge colours: %s\n%s" % (sorted(p.hex() for p in border)[:20], log_tail(session)))
    return shot


def escape_round(tap, session, where, page):
    """Every escape key; Baken and cage live, one window, full screen, same page."""
    session.keys(ESCAPE_KEYS)
    time.sleep(1.0)
    tap.check(session.alive(),
              "%s: cage and Baken still run after %d escape keys" % (where, len(ESCAPE_KEYS)),
              log_tail(session))
    after = session.page()
    tap.check(after is not None and after[0] == 1,
              "%s: Baken still has one window" % where,
              "AT-SPI: %r" % (after and after[0],))
    tap.check(after is not None and after[1] == page[1],
              "%s: the same page as before the keys (%d controls and texts)"
              % (where, len(page[1])),
              "the keys were: %s\nbefore: %s\nafter: %s"
              % (" ".join(ESCAPE_KEYS), page[1][:40], after and after[1][:40]))
    check_screen(tap, session, where, where.replace(" ", "-") + "-after-escape")


def ask_wtype(tap, session):
    """wtype needs the virtual keyboard protocol; Debian 12's cage 0.1.4 has not got it."""
    env = dict(session.user_env(), WAYLAND_DISPLAY="wayland-0")
    result = subprocess.run(session.as_user(["wtype", "-k", "Shift_L"]), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    if result.returncode == 0:
        tap.note("wtype works with this cage: the escape keys go through wtype as well")
        for key in ESCAPE_KEYS:
            mods, _, name = key.rpartition("+")
            mods = [{"super": "logo"}.get(mod, mod) for mod in mods.split("+") if mod]
            argv = ["wtype"]
            for mod in mods:
                argv += ["-M", mod]
            argv += ["-k", name]
            for mod in mods:
                argv += ["-m", mod]
            subprocess.run(session.as_user(argv), env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        return
    tap.note("wtype cannot type into this cage: %s; the keys go through cage's X11 "
             "backend instead" % result.stdout.strip())


def is_search(page):
    """The search page: its hint to type ("Tik op de letters. …") is on screen."""
    return page is not None and any(name.startswith("Tik op de letters")
                                    for role, name in page[1])


def paste_round(tap, session, page):
    """1 MB on the session's clipboard (an X client of cage's Xwayland owns it; cage
    hands it to the Wayland seat), pasted on the search page."""
    try:
        xwayland = open(os.path.join(session.home, "xwayland-display")).read().strip()
    except OSError:
        xwayland = ""
    if not tap.check(xwayland.startswith(":"), "cage gave Baken an Xwayland display (%s)"
                     % xwayland, "no DISPLAY reached cage's child"):
        return
    payload = os.path.join(session.tmp, "paste.txt")
    line = "Deurwaarder schuld huur 0123456789 " * 3 + "\n"
    with open(payload, "w") as f:
        f.write((line * (PASTE_SIZE // len(line) + 1))[:PASTE_SIZE])
    os.chmod(payload, 0o644)
    env = dict(session.user_env(), DISPLAY=xwayland)
    clip = session.start(session.as_user(["xclip", "-selection", "clipboard", "-loops", "0",
                                          "-quiet", "-i", payload]),
                         env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    tap.check(clip.poll() is None, "xclip holds %d bytes on the clipboard" % PASTE_SIZE,
              "xclip exited with %s" % clip.returncode)
    session.keys(PASTE_KEYS)
    time.sleep(2.0)
    tap.check(session.alive(), "search: cage and Baken still run after the paste keys",
              log_tail(session))
    after = session.page()
    tap.check(after == page,
              "search: %s paste nothing" % ", ".join(PASTE_KEYS),
              "before: %s\nafter: %s" % (page, after))


def run_session(tap, baken, icon_check):
    for tool in ("Xvfb", "cage", "xdotool", "import", "xclip", "wtype", "dbus-daemon",
                 "gdbus", AT_SPI_BUS_LAUNCHER, PROBE_PYTHON) + \
            (("setpriv",) if os.geteuid() == 0 else ()):
        if shutil.which(tool) is None:
            raise Fatal("%s is not installed: run scripts/deps.sh" % tool)
    session = Session(baken, icon_check)
    try:
        session.stage()
        if os.geteuid() == 0:
            probe = subprocess.run(session.as_user(["test", "-x", session.baken]))
            if probe.returncode != 0:
                raise Fatal("%s cannot run %s (cage refuses root, so the test runs it as "
                            "%s): build in a folder every user can read"
                            % (NOBODY, session.baken, NOBODY))
        session.start_xvfb()
        session.start_buses()
        session.start_cage()
        tap.note("cage -d -- baken --kiosk as uid %d, WLR_BACKENDS=x11 in Xvfb %s"
                 % (session.uid, session.display))

        message = session.wait_ready(90 * SCALE)
        if not tap.check(message is not None, "Baken says READY=1 under cage (Home painted)",
                         log_tail(session)):
            raise Fatal("Baken did not come up under cage")
        check_screen(tap, session, "Home", "home")
        home = session.page()
        if not tap.check(home is not None and home[0] == 1 and home[1],
                         "AT-SPI shows Baken's one window (%d controls and texts)"
                         % len(home[1] if home else ()), "AT-SPI: %r" % (home,)):
            raise Fatal("no accessibility tree to tell the pages apart")

        ask_wtype(tap, session)
        escape_round(tap, session, "Home", home)

        # The keys reach Baken through cage: the keypad moves to a life event.
        session.keys(KEYPAD_TO_EVENT)
        time.sleep(1.5)
        event = session.page()
        if not tap.check(event is not None and event[1] != home[1],
                         "keypad keys reach Baken through cage: a life event opens",
                         log_tail(session)):
            raise Fatal("keys do not reach Baken; the escape checks would prove nothing")
        escape_round(tap, session, "life event", event)

        # Search: a click on Zoeken, then letters typed on a keyboard appear.
        # The keypad turned speech mode on: there a first touch says a control and a
        # second one acts (touch to explore), so Zoeken is tapped twice.
        session.keys(KEYPAD_HOME)
        time.sleep(1.0)
        session.click(*SEARCH_BUTTON)
        time.sleep(1.0)
        search = session.page()
        if not is_search(search):
            session.click(*SEARCH_BUTTON)
            time.sleep(1.5)
            search = session.page()
        if not tap.check(is_search(search), "taps on Zoeken open search (speech mode: the "
                         "first says it, the second acts)", log_tail(session)):
            return
        paste_round(tap, session, search)
        session.keys(["d", "e", "u", "r"])
        time.sleep(1.0)
        typed = session.page()
        tap.check(typed is not None and typed[1] != search[1],
                  "letters typed after the paste keys do reach search", log_tail(session))
        check_screen(tap, session, "search", "search-end")
        tap.check(session.alive(), "cage and Baken still run at the end", log_tail(session))
    finally:
        session.stop()


def probe(pid):
    """In the session's user: Baken's accessibility tree as JSON on stdout."""
    import pyatspi
    pyatspi.setTimeout(5000, 15000)
    deadline = time.monotonic() + 20 * SCALE
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        apps = []
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    apps.append(app)
            except Exception:
                continue
        windows = []
        for app in apps:
            for i in range(app.childCount):
                try:
                    child = app.getChildAtIndex(i)
                    if child is not None and child.getRoleName() in ("frame", "window"):
                        windows.append(child)
                except Exception:
                    # Listed, but gone or not answering: a window all the same.
                    windows.append(None)
        if windows or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    nodes = set()
    stack = [w for w in windows if w is not None][:1]
    while stack:
        node = stack.pop()
        try:
            role, name, count = node.getRoleName(), node.name or "", node.childCount
        except Exception:
            continue
        if name:
            nodes.add((role, name))
        for i in range(count):
            try:
                stack.append(node.getChildAtIndex(i))
            except Exception:
                pass
    print(json.dumps({"windows": len(windows), "nodes": sorted(nodes)}))
    return 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--probe":
        return probe(int(sys.argv[2]))
    if len(sys.argv) != 3:
        print("usage: %s BAKEN_EXE ICON_CHECK_EXE" % sys.argv[0], file=sys.stderr)
        return 2
    tap = Tap()
    try:
        run_session(tap, os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
    except Fatal as e:
        tap.check(False, "stopped: %s" % e, str(e))
    except subprocess.CalledProcessError as e:
        tap.check(False, "stopped: %s failed" % " ".join(e.cmd), str(e))
    print("1..%d" % tap.n, flush=True)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
