#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the Debian package of Baken and checks what a kiosk gets when it installs it.

Usage: test-package.py SRCROOT

Copies the files of SRCROOT's working tree that git tracks or would track (tracked
files with their uncommitted changes, new files not yet added; never ignored files such
as the build dirs) to a temp dir, runs `dpkg-buildpackage -b -uc -us`
there, and checks the .deb: its Depends (the fonts of all six kiosk languages, the
dlopened libespeak-ng1, the expanded shlibs), its files, that the binaries it ships run,
that the kiosk user's dconf profile locks the GTK inspector's key binding off, that the
second package, baken-kiosk, carries the machine's lock-down (sysctl, logind and manager
drop-ins, the ctrl-alt-del.target mask in its maintainer scripts), and that fontconfig
finds a font for ar, uk, tr, pl, nl and en that a package of Depends installed; then
installs both packages into an overlay root over /, upgrades them to a repacked newer
version and purges them (install_cycle.py: needs root and overlayfs, fails without).
Prints TAP. Everything it writes stays in the temp dir, which it removes.
Set BAKEN_KEEP_PACKAGE_TMP=1 to keep the temp dir for a look after a failure."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import install_cycle  # noqa: E402 (tests/package/install_cycle.py)

# Languages the kiosk offers (src/ui/baken-languages.c), as fontconfig's :lang= codes.
LANGUAGES = ["ar", "uk", "tr", "pl", "nl", "en"]

REQUIRED_DEPENDS = [
    ("fonts-noto-core", "Noto Sans (Latin, Cyrillic) and Noto Arabic"),
    ("libespeak-ng1", "read-aloud dlopens libespeak-ng.so.1"),
    ("libgtk-4-1", "${shlibs:Depends} was expanded"),
    ("adduser", "the postinst creates the kiosk's system user"),
    ("dconf-gsettings-backend", "GSettings reads the dconf lock of the kiosk user"),
    ("dconf-cli", "the postinst compiles the dconf database with dconf update"),
]

# The lock-down of a kiosk machine, in its own package so that IT's workstations can
# install baken for its tools.
KIOSK_FILES = {
    "usr/lib/sysctl.d/60-baken-kiosk.conf": ["kernel.sysrq = 0"],
    "usr/lib/systemd/logind.conf.d/baken-kiosk.conf": ["NAutoVTs=0", "ReserveVT=0"],
    "usr/lib/systemd/system.conf.d/baken-kiosk.conf": ["CtrlAltDelBurstAction=none"],
}

# The modules are in the multiarch libdir that dh_auto_configure gives meson.
MULTIARCH = subprocess.run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"],
                           stdout=subprocess.PIPE, text=True).stdout.strip()

REQUIRED_FILES = [
    "usr/share/icons/hicolor/scalable/apps/nl.baken.Kiosk.svg",
    "usr/bin/baken",
    "usr/bin/baken-bundle",
    "usr/bin/baken-sync",
    "usr/bin/baken-report",
    "usr/libexec/baken-icon-check",
    *["usr/lib/%s/baken/libbaken-%s.so" % (MULTIARCH, m) for m in ("sync-http", "print-cups")],
    "usr/lib/systemd/system/baken-kiosk.service",
    "usr/share/baken/kiosk.conf.example",
    "usr/share/baken/demo-bundle/manifest.json",
    "usr/share/baken/demo-bundle/manifest.json.minisig",
    "usr/share/baken/demo-bundle/content-1.sqlite",
    "usr/share/applications/nl.baken.Kiosk.desktop",
    "usr/share/metainfo/nl.baken.Kiosk.metainfo.xml",
    "usr/share/doc/baken/cupsd-kiosk.conf",
    "usr/share/man/man1/baken.1.gz",
    "usr/share/man/man1/baken-bundle.1.gz",
    "usr/share/man/man1/baken-sync.1.gz",
    "usr/share/man/man1/baken-report.1.gz",
    "etc/dconf/profile/baken",
    "etc/dconf/db/baken.d/00-baken-kiosk",
    "etc/dconf/db/baken.d/locks/00-baken-kiosk",
] + ["usr/share/locale/%s/LC_MESSAGES/baken.mo" % lang for lang in LANGUAGES]


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


def run(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def tool_env():
    """The environment for the build and the tools: without meson test's knobs."""
    env = dict(os.environ)
    for name in ("MALLOC_PERTURB_", "MALLOC_CHECK_", "G_DEBUG", "MESON_TEST_ITERATION"):
        env.pop(name, None)
    return env


def copy_tracked_tree(srcroot, dest):
    """Copies what `git ls-files` lists, as it is in the working tree now.

    New files that are not ignored count too: a local build sees them, and a tracked
    meson.build may already list one before it is committed."""
    listing = subprocess.run(["git", "-C", srcroot, "ls-files", "-z", "--cached",
                              "--others", "--exclude-standard"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if listing.returncode != 0:
        raise Fatal("git ls-files failed in %s (the test copies the tracked files of a "
                    "git checkout): %s" % (srcroot, listing.stderr.decode(errors="replace")))
    copied = 0
    for raw in listing.stdout.split(b"\0"):
        if not raw:
            continue
        rel = os.fsdecode(raw)
        src = os.path.join(srcroot, rel)
        dst = os.path.join(dest, rel)
        if os.path.islink(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            os.symlink(os.readlink(src), dst)
        elif os.path.isfile(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
        else:
            continue  # deleted in the working tree, or a submodule
        copied += 1
    return copied


def depends_names(field):
    """Package names of a Depends field: 'a (>= 1), b | c' -> {'a', 'b', 'c'}."""
    names = set()
    for alternative in re.split(r"[,|]", field):
        alternative = alternative.strip()
        if alternative:
            names.add(re.split(r"[\s(:\[]", alternative, maxsplit=1)[0])
    return names


def owners(paths, env):
    """dpkg -S: the packages that installed any of PATHS."""
    if not paths:
        return set()
    # dpkg -S exits 1 when one of the files belongs to no package; the rest still print.
    result = subprocess.run(["dpkg", "-S"] + paths, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, universal_newlines=True, env=env)
    found = set()
    for line in result.stdout.splitlines():
        if line.startswith("diversion ") or ": " not in line:
            continue
        for package in line.split(": ", 1)[0].split(","):
            found.add(package.strip().split(":")[0])
    return found


def check_package(tap, srcroot, tmp):
    env = tool_env()

    for tool in ("git", "dpkg-buildpackage", "dpkg-deb", "dpkg", "fc-list", "dh"):
        if shutil.which(tool) is None:
            raise Fatal("%s is not installed: run scripts/deps.sh" % tool)

    tree = os.path.join(tmp, "baken")
    copied = copy_tracked_tree(srcroot, tree)
    if not tap.check(os.path.isfile(os.path.join(tree, "debian", "control")),
                     "copied %d files of %s (git ls-files), debian/ among them" % (copied, srcroot),
                     "no debian/control in the files git lists in %s" % srcroot):
        raise Fatal("no debian/ to build")

    # dpkg-buildpackage writes the .deb, .changes and .buildinfo to the parent of the
    # source dir: TMP, never the repo.
    log_path = os.path.join(tmp, "dpkg-buildpackage.log")
    with open(log_path, "w") as log:
        build = subprocess.run(["dpkg-buildpackage", "-b", "-uc", "-us", "-Jauto"],
                               cwd=tree, stdout=log, stderr=subprocess.STDOUT, env=env)
    with open(log_path, errors="replace") as log:
        build_log = log.read()
    if not tap.check(build.returncode == 0, "dpkg-buildpackage -b -uc -us",
                     "exit status %d; the end of its output:\n%s"
                     % (build.returncode, "\n".join(build_log.splitlines()[-40:]))):
        raise Fatal("the package did not build")

    debs = sorted(glob.glob(os.path.join(tmp, "baken_*.deb")))
    if not tap.check(len(debs) == 1, "one baken .deb: %s" % ", ".join(map(os.path.basename, debs)),
                     "found %r in %s" % (debs, tmp)):
        raise Fatal("no .deb to check")
    deb = debs[0]

    # Depends and Recommends.
    fields = run(["dpkg-deb", "-f", deb, "Depends", "Recommends"], env=env)
    if not tap.check(fields.returncode == 0, "dpkg-deb -f reads the control fields",
                     fields.stdout):
        raise Fatal("unreadable .deb")
    control = {}
    for line in fields.stdout.splitlines():
        if ": " in line:
            key, value = line.split(": ", 1)
            control[key] = value
    depends = depends_names(control.get("Depends", ""))
    recommends = depends_names(control.get("Recommends", ""))
    tap.note("Depends: " + control.get("Depends", "(none)"))
    tap.note("Recommends: " + control.get("Recommends", "(none)"))
    for package, why in REQUIRED_DEPENDS:
        tap.check(package in depends, "Depends has %s (%s)" % (package, why),
                  "Depends is: %s" % control.get("Depends", "(none)"))
    for package in ("cage", "cups"):
        tap.check(package in recommends, "Recommends has %s" % package,
                  "Recommends is: %s" % control.get("Recommends", "(none)"))

    # Contents.
    listing = run(["dpkg-deb", "-c", deb], env=env)
    contents = set()
    for line in listing.stdout.splitlines():
        parts = line.split(None, 5)
        if len(parts) == 6:
            contents.add(re.sub(r"^\./", "", parts[5].split(" -> ")[0]).rstrip("/"))
    for path in REQUIRED_FILES:
        tap.check(path in contents, "the package has /%s" % path,
                  "dpkg-deb -c lists no %s" % path)

    # The maintainer script creates the user the systemd unit runs as.
    control_dir = os.path.join(tmp, "control")
    extract = run(["dpkg-deb", "-e", deb, control_dir], env=env)
    postinst = os.path.join(control_dir, "postinst")
    script = open(postinst).read() if extract.returncode == 0 and os.path.isfile(postinst) else ""
    tap.check("adduser --system" in script and " baken" in script,
              "the postinst creates the system user baken (User= of the unit)",
              "postinst is:\n%s" % (script or "(missing)"))
    groups = re.search(r"for group in ([^;\n]*)", script)
    tap.check(groups is not None and "input" not in groups.group(1).split(),
              "the postinst adds baken to %s, not to input (logind hands cage the seat)"
              % (groups.group(1) if groups else "no group"),
              "postinst is:\n%s" % (script or "(missing)"))
    tap.check("dconf update" in script, "the postinst compiles the dconf database",
              "postinst is:\n%s" % (script or "(missing)"))

    # The binaries run from the unpacked package (no install into the system).
    root = os.path.join(tmp, "root")
    unpack = run(["dpkg", "-x", deb, root], env=env)
    if not tap.check(unpack.returncode == 0, "dpkg -x unpacks it", unpack.stdout):
        raise Fatal("could not unpack the .deb")

    bundle = os.path.join(root, "usr", "bin", "baken-bundle")
    result = run([bundle, "--help"], env=env)
    tap.check(result.returncode == 0 and "Usage:" in result.stdout,
              "baken-bundle --help exits 0 with its usage",
              "exit status %d, output:\n%s" % (result.returncode, result.stdout))

    kiosk_env = dict(env)
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        kiosk_env.pop(name, None)
    result = run([os.path.join(root, "usr", "bin", "baken"), "--help"], env=kiosk_env)
    tap.check(result.returncode == 0 and "--kiosk" in result.stdout,
              "baken --help exits 0 and lists --kiosk",
              "exit status %d, output:\n%s" % (result.returncode, result.stdout))

    # The installed demo bundle passes every check a kiosk makes, icons drawn by the
    # packaged helper.
    verify_env = dict(env)
    verify_env["BAKEN_ICON_CHECK"] = os.path.join(root, "usr", "libexec", "baken-icon-check")
    result = run([bundle, "verify", "--demo-key",
                  os.path.join(root, "usr", "share", "baken", "demo-bundle")], env=verify_env)
    tap.check(result.returncode == 0 and "icons" in result.stdout,
              "baken-bundle verify --demo-key takes the packaged demo bundle",
              "exit status %d, output:\n%s" % (result.returncode, result.stdout))

    check_dconf_lock(tap, root, tmp, env)
    check_kiosk_package(tap, tmp, env)
    check_lintian(tap, tmp, env)

    # Fonts: every kiosk language has a font, from a package the .deb depends on.
    for lang in LANGUAGES:
        fonts = run(["fc-list", "--format", "%{file}\n", ":lang=" + lang], env=env)
        files = sorted(set(f for f in fonts.stdout.splitlines() if f.strip()))
        if not tap.check(fonts.returncode == 0 and files,
                         "fc-list :lang=%s finds %d font file(s)" % (lang, len(files)),
                         "no font covers :lang=%s; install the fonts of Depends "
                         "(scripts/deps.sh)" % lang):
            continue
        from_depends = sorted(owners(files, env) & depends)
        tap.check(from_depends,
                  "a :lang=%s font comes from Depends: %s" % (lang, ", ".join(from_depends)),
                  "dpkg -S names no package of Depends for the :lang=%s fonts:\n%s"
                  % (lang, "\n".join(files[:10])))

    # Last: install, upgrade and purge in an overlay root (install_cycle.py). It puts
    # this process in a mount namespace of its own.
    install_cycle.check_install_cycle(tap, tmp)


def check_dconf_lock(tap, root, tmp, env):
    """The unit's DCONF_PROFILE names the packaged profile, and its database, compiled as
    the postinst does, turns the inspector's key binding off and locks it."""
    unit = open(os.path.join(root, "usr", "lib", "systemd", "system",
                             "baken-kiosk.service")).read()
    profile_name = re.search(r"^Environment=DCONF_PROFILE=(\S+)$", unit, re.M)
    profile_path = os.path.join(root, "etc", "dconf", "profile",
                                profile_name.group(1) if profile_name else "-")
    if not tap.check(profile_name is not None and os.path.isfile(profile_path),
                     "the unit's DCONF_PROFILE names a profile of the package",
                     "DCONF_PROFILE=%s, no %s" % (profile_name and profile_name.group(1),
                                                  profile_path)):
        return
    if shutil.which("dconf") is None or shutil.which("gsettings") is None:
        tap.check(False, "dconf and gsettings are installed", "run scripts/deps.sh")
        return
    dconf_dir = os.path.join(tmp, "dconf")
    os.makedirs(dconf_dir)
    # The packaged profile, with its system database read from where dconf compile wrote
    # it rather than from /etc/dconf/db.
    lines = []
    for line in open(profile_path).read().splitlines():
        if line.startswith("system-db:"):
            name = line.split(":", 1)[1].strip()
            compiled = os.path.join(dconf_dir, name)
            result = run(["dconf", "compile", compiled,
                          os.path.join(root, "etc", "dconf", "db", name + ".d")], env=env)
            tap.check(result.returncode == 0, "dconf compile of the database %s" % name,
                      result.stdout)
            line = "file-db:" + compiled
        lines.append(line)
    with open(os.path.join(dconf_dir, "profile"), "w") as f:
        f.write("\n".join(lines) + "\n")
    gs_env = dict(env, GSETTINGS_BACKEND="dconf", DCONF_PROFILE=os.path.join(dconf_dir, "profile"),
                  XDG_CONFIG_HOME=os.path.join(dconf_dir, "config"), XDG_RUNTIME_DIR=dconf_dir)
    gs_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    schema, key = "org.gtk.gtk4.Settings.Debug", "enable-inspector-keybinding"
    value = run(["gsettings", "get", schema, key], env=gs_env)
    writable = run(["gsettings", "writable", schema, key], env=gs_env)
    tap.check(value.stdout.strip() == "false" and writable.stdout.strip() == "false",
              "the kiosk user's %s %s is false and locked" % (schema, key),
              "gsettings get: %s; gsettings writable: %s" % (value.stdout, writable.stdout))


def check_kiosk_package(tap, tmp, env):
    """baken-kiosk: the machine's lock-down, and its maintainer scripts."""
    debs = sorted(glob.glob(os.path.join(tmp, "baken-kiosk_*_all.deb")))
    if not tap.check(len(debs) == 1, "one baken-kiosk .deb (Architecture: all)",
                     "found %r in %s" % (debs, tmp)):
        return
    deb = debs[0]
    fields = run(["dpkg-deb", "-f", deb, "Depends"], env=env)
    depends = depends_names(fields.stdout.split(":", 1)[-1])
    tap.check({"baken", "cage"} <= depends, "baken-kiosk depends on baken and cage",
              fields.stdout)
    root = os.path.join(tmp, "kiosk-root")
    unpack = run(["dpkg", "-x", deb, root], env=env)
    if not tap.check(unpack.returncode == 0, "dpkg -x unpacks baken-kiosk", unpack.stdout):
        return
    for path, lines in sorted(KIOSK_FILES.items()):
        full = os.path.join(root, path)
        text = open(full).read() if os.path.isfile(full) else ""
        settings = [line.strip() for line in text.splitlines()]
        tap.check(all(line in settings for line in lines),
                  "baken-kiosk has /%s with %s" % (path, ", ".join(lines)),
                  "the file is:\n%s" % (text or "(missing)"))
    control_dir = os.path.join(tmp, "kiosk-control")
    run(["dpkg-deb", "-e", deb, control_dir], env=env)
    scripts = {}
    for name in ("postinst", "postrm"):
        path = os.path.join(control_dir, name)
        scripts[name] = open(path).read() if os.path.isfile(path) else ""
    tap.check("deb-systemd-helper mask ctrl-alt-del.target" in scripts["postinst"]
              and "deb-systemd-helper unmask ctrl-alt-del.target" in scripts["postrm"],
              "baken-kiosk masks ctrl-alt-del.target, and unmasks it when removed",
              "postinst:\n%s\npostrm:\n%s" % (scripts["postinst"], scripts["postrm"]))


# Lintian's warnings and errors fail the test, except these, each with its reason. The
# package's own overrides (debian/*.lintian-overrides) say the same to lintian itself;
# this list stays empty unless lintian cannot be told.
LINTIAN_ALLOWED = {}


def check_lintian(tap, tmp, env):
    """Debian's policy checks on the .changes: no error and no warning."""
    if shutil.which("lintian") is None:
        tap.check(False, "lintian runs", "lintian is not installed: run scripts/deps.sh")
        return
    changes = sorted(glob.glob(os.path.join(tmp, "baken_*.changes")))
    if not tap.check(len(changes) == 1, "one .changes for lintian", "found %r" % changes):
        return
    result = run(["lintian", "--tag-display-limit", "0", "--info", changes[0]], env=env)
    tags = []
    for line in result.stdout.splitlines():
        match = re.match(r"^([EW]): (\S+): (\S+)(.*)$", line)
        if match and match.group(3) not in LINTIAN_ALLOWED:
            tags.append(line)
    tap.check(not tags and result.returncode in (0, 1),
              "lintian: no error and no warning on the packages",
              "\n".join(tags) or result.stdout)


def main():
    if len(sys.argv) != 2:
        print("usage: %s SRCROOT" % sys.argv[0], file=sys.stderr)
        return 2
    srcroot = os.path.abspath(sys.argv[1])
    tap = Tap()
    tmp = tempfile.mkdtemp(prefix="baken-package-")
    try:
        tap.note("building in %s" % tmp)
        check_package(tap, srcroot, tmp)
    except Fatal as e:
        tap.check(False, "stopped: %s" % e, str(e))
    finally:
        if os.environ.get("BAKEN_KEEP_PACKAGE_TMP") == "1":
            tap.note("kept %s" % tmp)
        elif install_cycle.STILL_MOUNTED:
            tap.note("kept %s: %s is still mounted" % (tmp, install_cycle.STILL_MOUNTED[0]))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("1..%d" % tap.n, flush=True)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
