#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk as a screen-reader user meets it, through AT-SPI.

Starts its own Xvfb, a private D-Bus session bus and the accessibility bus
(at-spi-bus-launcher, which starts the a11y dbus-daemon and at-spi2-registryd), then
`baken --size 1080x1920` (development mode, not unique: it is alone on its bus). Every
control is found by its accessible name and role and pressed with its AT-SPI action,
as Orca would: Home -> life event -> situation -> service page -> print preview,
the language control (a push button named "… / Choose language", at the same place
on every screen) and its picker with all six languages, Arabic and back to Dutch, and "deurwaarder" typed on the on-screen keys -> the debts
situation. With --scan instead: every resident screen of the demo, read for staff-only
numbers and channels (none may be there). At every step every button, toggle, image and status (the open badge) must
have a meaningful name: not empty, not a GTK class name.

What is on screen: GTK 4.8 sets SHOWING only on the window and keeps hidden widgets
VISIBLE, so those states cannot tell. The test relies on how BakenWindow works instead:
each step builds its page and removes the previous one from the stack, and a removed
widget leaves the AT-SPI tree. So after each tap the test waits until a control of the
new page is in the tree AND a control of the old page is gone; the tree then holds only
the current page (plus the bars around it).

Output is TAP. Every service is stopped at the end, also when a step fails.
Environment (set by tests/e2e/meson.build): BAKEN_EXE, XVFB, DBUS_DAEMON,
AT_SPI_BUS_LAUNCHER, BAKEN_DEMO_SOURCE.
"""

import csv
import ctypes
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

SIZE = (1080, 1920)
TIMEOUT = 20.0

# Roles whose objects a resident operates or must hear; each needs a name.
NAMED_ROLES = {
    "push button", "toggle button", "check box", "radio button", "image", "icon",
    "status bar", "link", "menu item",
}


PR_SET_PDEATHSIG = 1
libc = ctypes.CDLL(None, use_errno=True)


def die_with_parent():
    """In the child: SIGTERM when this test dies, however it dies (meson's timeout)."""
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class Services:
    """Processes this test started, each in its own process group; stopped in reverse."""

    def __init__(self):
        self.procs = []
        self.tmp = tempfile.mkdtemp(prefix="baken-e2e-")

    def start(self, name, argv, env, **kwargs):
        proc = subprocess.Popen(argv, env=env, start_new_session=True,
                                preexec_fn=die_with_parent, **kwargs)
        self.procs.append((name, proc))
        return proc

    def stop(self):
        for name, proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
            # Children of the bus launcher (a11y dbus-daemon, registryd) share its group.
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.procs = []
        shutil.rmtree(self.tmp, ignore_errors=True)


def read_line_from_fd(fd, timeout, what):
    """The first line a child writes to the pipe fd (display number, bus address)."""
    data = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise RuntimeError(f"{what} did not start within {timeout} s")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError(f"{what} exited before it was ready")
            data += chunk
    return data.split(b"\n", 1)[0].decode().strip()


def start_xvfb(services, env):
    read_fd, write_fd = os.pipe()
    services.start("Xvfb", [env["XVFB"], "-displayfd", str(write_fd), "-nolisten", "tcp",
                            "-noreset", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24"],
                   env, pass_fds=[write_fd], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        display = read_line_from_fd(read_fd, TIMEOUT, "Xvfb")
    finally:
        os.close(read_fd)
    return ":" + display


def start_session_bus(services, env):
    read_fd, write_fd = os.pipe()
    config = os.path.join(services.tmp, "session.conf")
    # A session bus that activates nothing by itself: this test starts every service.
    with open(config, "w") as f:
        f.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration"
                " 1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig><type>session</type>"
                f"<listen>unix:dir={services.tmp}</listen>"
                "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
    services.start("dbus-daemon", [env["DBUS_DAEMON"], "--config-file", config, "--nofork",
                                   "--nopidfile", f"--print-address={write_fd}"],
                   env, pass_fds=[write_fd], stdout=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        return read_line_from_fd(read_fd, TIMEOUT, "dbus-daemon")
    finally:
        os.close(read_fd)


def wait_for_name(env, name):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        out = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                              "--object-path", "/org/freedesktop/DBus", "--method",
                              "org.freedesktop.DBus.NameHasOwner", name],
                             env=env, capture_output=True, text=True)
        if "true" in out.stdout:
            return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not appear on the session bus")


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, description):
        self.n += 1
        print(f"ok {self.n} - {description}", flush=True)

    def not_ok(self, description, detail):
        self.n += 1
        self.failed += 1
        print(f"not ok {self.n} - {description}", flush=True)
        for line in detail.rstrip().splitlines():
            print(f"# {line}", flush=True)

    def note(self, text):
        print(f"# {text}", flush=True)


class Kiosk:
    """The running kiosk as AT-SPI shows it."""

    def __init__(self, pyatspi, app):
        self.pyatspi = pyatspi
        self.app = app

    def window(self):
        for i in range(self.app.childCount):
            child = self.app.getChildAtIndex(i)
            if child is not None and child.getRoleName() in ("frame", "window"):
                return child
        raise AssertionError("the kiosk has no window on the accessibility bus")

    def walk(self, root=None):
        stack = [root if root is not None else self.window()]
        while stack:
            node = stack.pop()
            if node is None:
                continue
            yield node
            try:
                count = node.childCount
            except Exception:
                continue
            for i in reversed(range(count)):
                try:
                    stack.append(node.getChildAtIndex(i))
                except Exception:
                    pass

    def find(self, name=None, roles=None, root=None, prefix=False, suffix=False):
        for node in self.walk(root):
            try:
                role = node.getRoleName()
                node_name = node.name or ""
            except Exception:
                continue
            if roles is not None and role not in roles:
                continue
            if name is not None:
                if prefix and not node_name.startswith(name):
                    continue
                if suffix and not node_name.endswith(name):
                    continue
                if not prefix and not suffix and node_name != name:
                    continue
            return node
        return None

    def wait(self, condition, what, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")

    def wait_for(self, name, roles, root=None, prefix=False, timeout=TIMEOUT):
        return self.wait(lambda: self.find(name, roles, root, prefix),
                         f"{'/'.join(sorted(roles))} “{name}”", timeout)

    def wait_gone(self, name, roles, prefix=False):
        self.wait(lambda: self.find(name, roles, prefix=prefix) is None,
                  f"“{name}” to leave the screen")

    def press(self, node):
        # A control that is not there fails the step: never skip it.
        assert node is not None, "the control to press is not on the screen"
        action = node.queryAction()
        assert action.nActions > 0, f"“{node.name}” ({node.getRoleName()}) has no action"
        # "click" for buttons; the first action is the default one.
        assert action.doAction(0), f"pressing “{node.name}” failed"

    def is_checked(self, node):
        states = node.getState()
        return (states.contains(self.pyatspi.STATE_CHECKED) or
                states.contains(self.pyatspi.STATE_PRESSED))

    def dump(self):
        """The tree as roles and names, for the log of a failed step."""
        lines = []
        stack = [(self.window(), 0)]
        while stack and len(lines) < 400:
            node, depth = stack.pop()
            try:
                lines.append(f"{'  ' * depth}{node.getRoleName()} “{node.name or ''}”")
                count = node.childCount
            except Exception:
                continue
            for i in reversed(range(count)):
                try:
                    stack.append((node.getChildAtIndex(i), depth + 1))
                except Exception:
                    pass
        return "\n".join(["The kiosk as AT-SPI shows it:"] + lines)

    def unnamed(self):
        """Controls, images and statuses without a meaningful name, as text."""
        bad = []
        for node in self.walk():
            try:
                role = node.getRoleName()
                name = (node.name or "").strip()
            except Exception:
                continue
            if role not in NAMED_ROLES:
                continue
            if name == "" or name.startswith("Gtk") or name.startswith("Baken") or \
               name.startswith("Adw"):
                parent = node.parent
                where = f"{parent.getRoleName()} “{parent.name or ''}”" if parent else "?"
                bad.append(f"{role} named “{name}” in {where}")
        return bad


def demo_titles():
    source = os.environ["BAKEN_DEMO_SOURCE"]
    with open(os.path.join(source, "life_events.csv"), newline="") as f:
        events = {row["id"]: row for row in csv.DictReader(f)}
    with open(os.path.join(source, "services.csv"), newline="") as f:
        services = {row["id"]: row for row in csv.DictReader(f)}
    return events, services


def find_app(pyatspi, pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def walk(tap, kiosk, events, services):
    BUTTONS = {"push button", "toggle button"}
    money = events["le-geld"]
    bills = events["le-geld-rekeningen"]
    bailiff = events["le-geld-deurwaarder"]
    debt_help = services["svc-schuldhulp"]["name"]
    home_title = "Waar kunt u hulp bij gebruiken?"

    def step(description, function):
        try:
            function()
        except Exception:
            tap.not_ok(description, traceback.format_exc() + kiosk.dump())
            raise
        tap.ok(description)

    # Where the language control was first seen, per language (Arabic mirrors it).
    control_places = {}

    def all_named(where):
        bad = kiosk.unnamed()
        if bad:
            tap.not_ok(f"every control is named on {where}", "\n".join(bad))
        else:
            tap.ok(f"every control is named on {where}")
        # The language control is on every screen, at the same place (in the window:
        # GTK 4.8 has no screen coordinates on X11 and warns when asked).
        control = kiosk.find(" / Choose language", {"push button"}, suffix=True)
        if control is None:
            tap.not_ok(f"the language control is on {where}", kiosk.dump())
            return
        extents = control.queryComponent().getExtents(kiosk.pyatspi.WINDOW_COORDS)
        place = (extents.x, extents.y, extents.width, extents.height)
        first = control_places.setdefault(control.name, (place, where))
        if place != first[0]:
            tap.not_ok(f"the language control is on {where}, where it was on {first[1]}",
                       f"x, y, width, height {place} here, {first[0]} on {first[1]}")
        else:
            tap.ok(f"the language control is on {where}, at {place[:2]}")

    def home():
        kiosk.wait_for(home_title, {"label"})
        kiosk.wait_for(money["title"], BUTTONS)
        kiosk.wait_for("Zoeken", BUTTONS)
        kiosk.wait_for("Terug", BUTTONS)
        kiosk.wait_for("Begin", BUTTONS)

    step("Home shows its question, the life events, Zoeken, Terug and Begin", home)
    all_named("Home")

    def to_event():
        kiosk.press(kiosk.find(money["title"], BUTTONS))
        kiosk.wait_for(bills["title"], BUTTONS)
        kiosk.wait_gone(home_title, {"label"})

    step(f"“{money['title']}” opens its situations", to_event)
    all_named("the life event")

    def to_services():
        kiosk.press(kiosk.find(bills["title"], BUTTONS))
        # A service card is named "service, organisation".
        kiosk.wait_for(debt_help, BUTTONS, prefix=True)
        kiosk.wait_gone(bills["title"], BUTTONS)

    step(f"“{bills['title']}” lists who can help", to_services)
    all_named("the services")

    def to_service():
        kiosk.press(kiosk.find(debt_help, BUTTONS, prefix=True))
        kiosk.wait_for(debt_help, {"label"})
        kiosk.wait_gone(debt_help, BUTTONS, prefix=True)
        # The opening hours badge says open or closed in words.
        kiosk.wait_for(None, {"status bar"})

    step(f"“{debt_help}” opens its service page", to_service)
    all_named("the service page")

    # Every service page offers a slip: a missing "Printen" button fails this step, it
    # is not a reason to skip it.
    def to_print():
        kiosk.press(kiosk.wait_for("Printen", BUTTONS))
        kiosk.wait_for("Zo ziet uw briefje eruit", {"label", "heading"})
        kiosk.wait_for("Printen", BUTTONS)

    step("Printen shows the print preview", to_print)
    all_named("the print preview")

    def go_home():
        kiosk.press(kiosk.find("Begin", BUTTONS))
        kiosk.wait_for(home_title, {"label"})

    step("Begin goes back to Home", go_home)

    # The language control says what it does in the current language and in English
    # (src/ui/baken-language-switch.c).
    control_names = {
        "Nederlands": "Taal kiezen, nu Nederlands / Choose language",
        "العربية": "اختيار اللغة، الآن العربية / Choose language",
    }
    six = ["Nederlands", "English", "العربية", "Türkçe", "Polski", "Українська"]

    def language_control():
        """The one control, found as a screen-reader user finds it: a push button whose
        name ends in "Choose language", on every screen."""
        return kiosk.wait(lambda: kiosk.find(" / Choose language", {"push button"},
                                             suffix=True),
                          "a push button named “… / Choose language”")

    def choose_language(native, current):
        """The language's option in the picker that the language control opens. GTK 4.8
        shows toggle buttons as push buttons over AT-SPI, with the CHECKED state when
        on."""
        control = language_control()
        assert control.name == control_names[current], \
            f"the language control is named “{control.name}”"
        kiosk.press(control)
        picker = kiosk.wait_for(None, {"dialog"})
        choice = kiosk.wait_for(native, BUTTONS, root=picker)
        all_named(f"the language picker, on the way to {native}")
        kiosk.press(choice)
        kiosk.wait(lambda: kiosk.find(control_names[native], {"push button"}),
                   f"the language control to name {native}")

    def language_options():
        control = language_control()
        assert control.name == control_names["Nederlands"], \
            f"the language control is named “{control.name}”"
        description = control.description or ""
        assert description == ("Kies hier de taal van het scherm / "
                               "Choose the language of the screen here"), \
            f"the language control is described as “{description}”"
        kiosk.press(control)
        picker = kiosk.wait_for(None, {"dialog"})
        options = [node.name for node in kiosk.walk(picker)
                   if node.getRoleName() in BUTTONS and node.name in six]
        assert sorted(options) == sorted(six), f"the picker lists {options}"
        tap.note("the picker lists " + ", ".join(options))
        kiosk.press(kiosk.find("Terug", BUTTONS, root=picker))
        kiosk.wait(lambda: kiosk.find(None, {"dialog"}) is None, "the picker to close")

    step("the language control is a push button named “Taal kiezen, nu Nederlands / "
         "Choose language” and its picker lists all six languages", language_options)

    arabic = "العربية"

    step("the language switches to Arabic", lambda: choose_language(arabic, "Nederlands"))
    all_named("Home in Arabic")

    def to_dutch():
        choose_language("Nederlands", arabic)
        kiosk.wait_for(home_title, {"label"})
        kiosk.wait_for("Zoeken", BUTTONS)

    step("and back to Dutch", to_dutch)

    def to_search():
        kiosk.press(kiosk.find("Zoeken", BUTTONS))
        keyboard = kiosk.wait_for("Toetsenbord", {"panel", "grouping", "filler"})
        kiosk.wait_gone(home_title, {"label"})
        for name in ("Spatie", "Wissen", "Alles wissen", "Letters met accenten"):
            assert kiosk.find(name, BUTTONS, root=keyboard), f"no key “{name}”"

    step("Zoeken opens the search with the on-screen keyboard", to_search)

    def shown_text(text):
        """The typed text: a label with that name that is not on a key."""
        for node in kiosk.walk():
            try:
                if node.getRoleName() == "label" and node.name == text and \
                   node.parent.getRoleName() != "push button":
                    return node
            except Exception:
                continue
        return None

    def type_deurwaarder():
        keyboard = kiosk.find("Toetsenbord", {"panel", "grouping", "filler"})
        typed = ""
        for letter in "deurwaarder":
            key = kiosk.find(letter, {"push button"}, root=keyboard)
            assert key is not None, f"no key “{letter}”"
            kiosk.press(key)
            # Like a screen-reader user, wait to hear the letter before the next: GTK 4.8
            # runs a button's AT-SPI click 250 ms later and drops a second click of the
            # same key within that time ("aa").
            typed += letter
            kiosk.wait(lambda: shown_text(typed), f"“{typed}” in the search field")
        kiosk.wait_for(bailiff["title"], BUTTONS)

    step("tapping d-e-u-r-w-a-a-r-d-e-r finds the bailiff situation", type_deurwaarder)
    all_named("the search results and keyboard")

    def open_result():
        kiosk.press(kiosk.find(bailiff["title"], BUTTONS))
        kiosk.wait_for(debt_help, BUTTONS, prefix=True)
        kiosk.wait_gone("Toetsenbord", {"panel", "grouping", "filler"})
        kiosk.wait_for(bailiff["title"], {"label"})

    step(f"the result opens who can help with “{bailiff['title']}”", open_result)
    all_named("the services of the search result")


def staff_only_values():
    """The demo's backoffice numbers and staff-only channel values, each as the text to
    look for: digits only for numbers, the value itself for the rest."""
    source = os.environ["BAKEN_DEMO_SOURCE"]
    values = []
    with open(os.path.join(source, "phones.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["audience"] == "staff":
                values.append(("digits", re.sub(r"\D", "", row["number"]), row["id"]))
    with open(os.path.join(source, "channels.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["audience"] == "staff":
                if row["kind"] == "phone":
                    values.append(("digits", re.sub(r"\D", "", row["value"]), row["id"]))
                elif row["value"]:
                    values.append(("text", row["value"], row["id"]))
    return values


def scan_resident_screens(tap, kiosk, events, services):
    """Every resident screen of the demo — Home, each life event and situation, each
    list of services, each service page — read through AT-SPI (names, descriptions and
    texts of every node): no staff-only number or channel may be on any of them."""
    BUTTONS = {"push button", "toggle button"}
    home_title = "Waar kunt u hulp bij gebruiken?"
    staff = staff_only_values()
    assert len(staff) >= 5, "the demo has staff-only numbers to look for"
    source = os.environ["BAKEN_DEMO_SOURCE"]
    children = {}
    for event in sorted(events.values(), key=lambda e: int(e["position"] or 0)):
        children.setdefault(event["parent_id"], []).append(event)
    linked = {}
    with open(os.path.join(source, "life_event_services.csv"), newline="") as f:
        for row in sorted(csv.DictReader(f), key=lambda r: int(r["position"] or 0)):
            linked.setdefault(row["life_event_id"], []).append(row["service_id"])

    screens = 0
    seen_services = set()
    found = []

    def texts():
        # GTK 4 names a label by its text: names and descriptions are all there is.
        for node in kiosk.walk():
            for attribute in ("name", "description"):
                try:
                    value = getattr(node, attribute)
                except Exception:
                    value = None
                if value:
                    yield value

    def scan(where):
        nonlocal screens
        screens += 1
        shown = list(texts())
        digits = re.sub(r"\D", "", " ".join(shown))
        plain = "\n".join(shown)
        for kind, value, record in staff:
            if (kind == "digits" and value in digits) or (kind == "text" and value in plain):
                found.append(f"{record} ({value}) on {where}")

    def back_to(name, roles, prefix=False):
        kiosk.press(kiosk.wait_for("Terug", BUTTONS))
        kiosk.wait_for(name, roles, prefix=prefix)

    def services_of(event):
        for service_id in linked.get(event["id"], []):
            if service_id in seen_services:
                continue
            seen_services.add(service_id)
            name = services[service_id]["name"]
            kiosk.press(kiosk.wait_for(name, BUTTONS, prefix=True))
            kiosk.wait_for(name, {"label"})
            kiosk.wait_gone(name, BUTTONS, prefix=True)
            scan(f"the service page of {service_id}")
            # A service card is named "service, organisation".
            back_to(name, BUTTONS, prefix=True)

    def visit(event, depth):
        """Opens event from the screen above it, reads it and everything below it (life
        events nest three deep), then goes back up."""
        kiosk.press(kiosk.wait_for(event["title"], BUTTONS))
        kiosk.wait_gone(event["title"], BUTTONS)
        time.sleep(0.2)
        scan(f"the page of {event['id']}")
        for child in children.get(event["id"], []):
            visit(child, depth + 1)
        services_of(event)
        if depth == 0:
            kiosk.press(kiosk.wait_for("Begin", BUTTONS))
            kiosk.wait_for(home_title, {"label"})
        else:
            back_to(event["title"], BUTTONS)

    def run():
        kiosk.wait_for(home_title, {"label"})
        scan("Home")
        for top in children.get("", []):
            visit(top, 0)
            tap.note(f"{top['id']}: {screens} screens read so far")
        assert not found, "staff-only values on resident screens:\n" + "\n".join(found)
        tap.note(f"read {screens} resident screens ({len(seen_services)} service pages) "
                 f"for {len(staff)} staff-only values")

    try:
        run()
    except Exception:
        tap.not_ok("no staff-only number or channel on any resident screen",
                   traceback.format_exc() + kiosk.dump())
        raise
    tap.ok("no staff-only number or channel on any resident screen")


def stop_on_signal(signum, frame):
    raise SystemExit(f"stopped by signal {signum}")


def main():
    tap = Tap()
    services = Services()
    # A timeout (meson sends SIGTERM) still stops every service through the finally
    # blocks below.
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    env["XDG_RUNTIME_DIR"] = services.tmp
    env["GTK_A11Y"] = "atspi"
    env["GDK_BACKEND"] = "x11"
    env["GSK_RENDERER"] = "cairo"
    env["GDK_DEBUG"] = "gl-disable"

    try:
        env["DISPLAY"] = start_xvfb(services, env)
        env["DBUS_SESSION_BUS_ADDRESS"] = start_session_bus(services, env)
        services.start("at-spi-bus-launcher",
                       [env["AT_SPI_BUS_LAUNCHER"], "--launch-immediately"], env,
                       stdout=subprocess.DEVNULL)
        wait_for_name(env, "org.a11y.Bus")
        tap.ok("Xvfb, a session bus and the accessibility bus are up")
    except Exception:
        tap.not_ok("Xvfb, a session bus and the accessibility bus are up",
                   traceback.format_exc())
        services.stop()
        print(f"1..{tap.n}")
        return 1

    # libatspi finds the accessibility bus through these when it is first used. Its
    # own warnings (GTK has no AT-SPI cache object) are not the kiosk's: the fatal
    # warnings of the test environment stay with baken.
    os.environ.update({k: env[k] for k in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                                           "XDG_RUNTIME_DIR")})
    os.environ["G_DEBUG"] = "gc-friendly"
    import pyatspi  # noqa: E402 (needs the buses above)

    # No call may hang on a kiosk that stopped answering: 5 s per call.
    pyatspi.setTimeout(5000, 15000)

    config = os.path.join(services.tmp, "kiosk.conf")
    with open(config, "w") as f:
        f.write("[kiosk]\nname = Bibliotheek Voorbeeldstad\n"
                "languages = nl;en;ar;tr;pl;uk\n")

    log = open(os.path.join(services.tmp, "baken.log"), "w+")
    try:
        baken = services.start("baken", [env["BAKEN_EXE"], "--config", config,
                                         "--size", f"{SIZE[0]}x{SIZE[1]}"],
                               env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + TIMEOUT
        app = None
        while app is None and time.monotonic() < deadline:
            assert baken.poll() is None, "baken exited"
            app = find_app(pyatspi, baken.pid)
            if app is None:
                time.sleep(0.2)
        assert app is not None, "baken did not appear on the accessibility bus"
        kiosk = Kiosk(pyatspi, app)
        kiosk.wait(lambda: kiosk.find("Zoeken", {"push button"}), "the first screen")
        tap.ok("baken is on the accessibility bus")

        events, svcs = demo_titles()
        if "--scan" in sys.argv:
            scan_resident_screens(tap, kiosk, events, svcs)
        else:
            walk(tap, kiosk, events, svcs)
    except Exception:
        if tap.failed == 0:
            tap.not_ok("the walk through the kiosk", traceback.format_exc())
    finally:
        log.seek(0)
        for line in log.read().splitlines()[-40:]:
            tap.note(f"baken: {line}")
        log.close()
        services.stop()

    print(f"1..{tap.n}", flush=True)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
