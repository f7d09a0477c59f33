# SPDX-License-Identifier: GPL-3.0-or-later
"""Install, upgrade and purge of the built packages, in a throwaway root (test-package.py).

The root is an overlay over the host's `/`, mounted in a private mount namespace of
the test process: what dpkg and the maintainer scripts write lands in the overlay's
upper dir (on a tmpfs), never on the machine, and every mount goes away with the
process. Inside it: /proc with /proc/sys read-only (the postinst of baken-kiosk runs
sysctl, which must not change the host's kernel), /dev read-only, /run and /tmp empty
tmpfs (no /run/systemd/system: the maintainer scripts and systemctl see no running
systemd and change nothing live), and a policy-rc.d that forbids starting services.

The cycle, as an administrator goes through it (docs/install.md):
1. dpkg -i baken and baken-kiosk: the user baken (groups video, render, audio; not
   input), the unit, /etc/baken, ctrl-alt-del.target masked;
   systemctl enable baken-kiosk; kiosk.conf written, a state file in /var/lib/baken.
2. The user put in input, as the postinst of 0.1.0 did; dpkg -i of a newer version of
   both (the same .debs repacked with a higher Version): kiosk.conf and the state file
   are as they were, the user is no longer in input.
3. dpkg --purge baken-kiosk baken: /etc/baken, /var/lib/baken, the compiled dconf
   database, the mask of ctrl-alt-del.target and the enable link are gone; the system
   user stays (see debian/baken.postrm), and nothing else is left: the upper dir is
   compared before and after, file by file, with the allowances of ALLOWED below.
Needs root and overlayfs, and fails (does not skip) without them."""
import ctypes
import glob
import hashlib
import os
import re
import shutil
import stat
import subprocess
import traceback

CLONE_NEWNS = 0x00020000

# Folders that could not be unmounted: test-package.py then leaves its temp dir alone.
STILL_MOUNTED = []

# What may differ in the root after install, upgrade and purge, and why. Patterns
# match the path relative to the root. Everything else that differs fails the test.
ALLOWED = [
    (r"var/lib/dpkg/(status|status-old|lock.*|triggers/.*|available)$",
     "dpkg's own database: it records that the packages were installed and purged"),
    (r"var/lib/dpkg/(updates|triggers)$", "dpkg's own database folders"),
    (r"var/log/dpkg\.log$", "dpkg's log of what it did"),
    (r"etc/(passwd|group|shadow|gshadow)-?$",
     "the system user baken and its group stay after purge (debian/baken.postrm says "
     "why); user_lines() fails on any other line that changed"),
    (r"usr/share/icons/hicolor/icon-theme\.cache$",
     "hicolor's icon cache, rebuilt by its dpkg trigger when the app icon came and went"),
    (r"usr/share/applications/mimeinfo\.cache$",
     "desktop-file-utils' cache, rebuilt by its dpkg trigger for the desktop files"),
    (r"var/lib/systemd/deb-systemd-helper-masked$",
     "the folder deb-systemd-helper keeps its masks in (the mask itself is gone)"),
    (r"etc/dconf/db/[^/]+$",
     "dconf databases of other profiles, recompiled by `dconf update` (postinst)"),
]


class CycleError(Exception):
    """The cycle cannot go on."""


def run(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def must(argv, what):
    result = run(argv)
    if result.returncode != 0:
        raise CycleError("%s failed (%s): %s" % (what, " ".join(argv), result.stdout))
    return result


class Root:
    """The overlay root: lower the host's /, upper and work on a private tmpfs."""

    def __init__(self, base):
        self.base = base
        self.upper = os.path.join(base, "upper")
        self.merged = os.path.join(base, "root")
        self.mounted = False

    def mount(self):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.unshare(CLONE_NEWNS) != 0:
            raise CycleError("unshare(CLONE_NEWNS) failed: %s"
                             % os.strerror(ctypes.get_errno()))
        # Nothing mounted from here on reaches the host's namespace.
        must(["mount", "--make-rprivate", "/"], "making the mount namespace private")
        os.makedirs(self.base, exist_ok=True)
        must(["mount", "-t", "tmpfs", "-o", "mode=0700", "baken-overlay", self.base],
             "a tmpfs for the overlay")
        self.mounted = True
        work = os.path.join(self.base, "work")
        for path in (self.upper, work, self.merged):
            os.mkdir(path)
        result = run(["mount", "-t", "overlay", "overlay", "-o",
                      "lowerdir=/,upperdir=%s,workdir=%s" % (self.upper, work), self.merged])
        if result.returncode != 0:
            raise CycleError("overlayfs is not available (mount -t overlay over /: %s); "
                             "the install test needs it" % result.stdout.strip())
        m = self.merged
        must(["mount", "-t", "proc", "proc", m + "/proc"], "/proc")
        must(["mount", "--bind", m + "/proc/sys", m + "/proc/sys"], "/proc/sys")
        must(["mount", "-o", "remount,bind,ro", m + "/proc/sys"], "/proc/sys read-only")
        must(["mount", "--bind", "/dev", m + "/dev"], "/dev")
        must(["mount", "-o", "remount,bind,ro", m + "/dev"], "/dev read-only")
        for path in ("/run", "/tmp"):
            must(["mount", "-t", "tmpfs", "-o", "mode=1777" if path == "/tmp" else "mode=0755",
                  "baken-" + path[1:], m + path], path)

    def unmount(self):
        """Everything under base; False if something stays mounted."""
        if not self.mounted:
            return True
        run(["umount", "-R", self.base])
        if os.path.ismount(self.base):
            run(["umount", "-R", "-l", self.base])
        self.mounted = os.path.ismount(self.base)
        return not self.mounted

    def path(self, rel):
        return os.path.join(self.merged, rel.lstrip("/"))

    def chroot(self, argv, stdin=subprocess.DEVNULL):
        env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
               "DEBIAN_FRONTEND": "noninteractive", "LC_ALL": "C.UTF-8", "HOME": "/root",
               "TERM": "dumb"}
        return subprocess.run(["chroot", self.merged] + argv, env=env, stdin=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)

    def must(self, argv, what):
        result = self.chroot(argv)
        if result.returncode != 0:
            raise CycleError("%s failed (%s): %s" % (what, " ".join(argv), result.stdout))
        return result

    def read(self, rel):
        try:
            with open(self.path(rel), errors="replace") as f:
                return f.read()
        except OSError:
            return None

    def snapshot(self):
        """Every entry of the upper dir: path -> (kind, mode, uid, gid, content)."""
        entries = {}
        for top, dirs, files in os.walk(self.upper):
            for name in dirs + files:
                full = os.path.join(top, name)
                rel = os.path.relpath(full, self.upper)
                entries[rel] = describe(full)
        return entries

    def lower(self, rel):
        """What the host has at rel (the overlay's lower layer), or None."""
        full = os.path.join("/", rel)
        if not os.path.lexists(full):
            return None
        return describe(full)


def describe(full):
    """(kind, mode, uid, gid, content): content is a file's sha256 or a link's target.
    A whiteout (a character device 0:0 in the upper dir) is a deleted lower file; an
    opaque dir hides the lower dir's entries (it was deleted and made anew)."""
    st = os.lstat(full)
    if stat.S_ISCHR(st.st_mode) and st.st_rdev == 0:
        return ("whiteout", 0, 0, 0, "")
    content = ""
    kind = "other"
    if stat.S_ISLNK(st.st_mode):
        kind, content = "link", os.readlink(full)
    elif stat.S_ISREG(st.st_mode):
        digest = hashlib.sha256()
        with open(full, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        kind, content = "file", digest.hexdigest()
    elif stat.S_ISDIR(st.st_mode):
        kind = "dir"
        try:
            if os.getxattr(full, "trusted.overlay.opaque", follow_symlinks=False) == b"y":
                kind = "opaque dir"
        except OSError:
            pass
    return (kind, stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid, content)


def merged_state(root, snapshot, rel):
    """What the root showed at rel when the upper dir was snapshot, or None."""
    if rel in snapshot:
        state = snapshot[rel]
        return None if state[0] == "whiteout" else state
    parts = rel.split("/")
    for i in range(1, len(parts)):
        parent = snapshot.get("/".join(parts[:i]))
        if parent is not None and parent[0] in ("whiteout", "opaque dir"):
            return None
    return root.lower(rel)


def changes(root, before, after):
    """Paths whose state after the cycle is not what it was before it."""
    changed = []
    for rel in sorted(set(before) | set(after)):
        old = merged_state(root, before, rel)
        new = merged_state(root, after, rel)
        if old and new and {old[0], new[0]} <= {"dir", "opaque dir"}:
            # A dir's content is its entries, compared one by one.
            old, new = ("dir",) + old[1:], ("dir",) + new[1:]
        if old != new:
            changed.append((rel, old, new))
    return changed


def groups_of(root, user):
    members = set()
    for line in (root.read("etc/group") or "").splitlines():
        fields = line.split(":")
        if len(fields) == 4 and user in fields[3].split(","):
            members.add(fields[0])
    return members


USER_FILES = ("passwd", "group", "shadow", "gshadow")


def user_files(root):
    return {name: root.read("etc/" + name) or "" for name in USER_FILES}


def without_baken(name, text):
    """The lines of passwd/group/shadow/gshadow with the user baken taken out: its own
    lines, and its name in the member lists of groups."""
    lines = set()
    for line in text.splitlines():
        fields = line.split(":")
        if fields[0] == "baken":
            continue
        if name in ("group", "gshadow") and len(fields) == 4:
            fields[3] = ",".join(m for m in fields[3].split(",") if m != "baken")
        lines.add(":".join(fields))
    return lines


def user_lines(baseline, now):
    """What else than the user baken changed in passwd, group, shadow and gshadow."""
    other = []
    for name in USER_FILES:
        old, new = without_baken(name, baseline[name]), without_baken(name, now[name])
        other += ["%s: -%s" % (name, line) for line in sorted(old - new)]
        other += ["%s: +%s" % (name, line) for line in sorted(new - old)]
    return other


def repack_newer(deb, dest, version):
    """The same package with Version: version (dpkg-deb -R, edit, dpkg-deb -b)."""
    tree = dest + ".tree"
    must(["dpkg-deb", "-R", deb, tree], "dpkg-deb -R %s" % deb)
    control = os.path.join(tree, "DEBIAN", "control")
    text = open(control).read()
    text = re.sub(r"^Version: .*$", "Version: " + version, text, flags=re.M)
    open(control, "w").write(text)
    must(["dpkg-deb", "--build", "-Zxz", tree, dest], "dpkg-deb -b %s" % tree)
    shutil.rmtree(tree)
    return dest


def check_host(tap):
    """Preconditions: root, and a host on which the packages and the user are not."""
    if os.geteuid() != 0:
        tap.check(False, "the install test runs as root",
                  "install, upgrade and purge run in an overlay root made with unshare, "
                  "mount and chroot, which need root: run the package suite as root "
                  "(CI does)")
        return False
    problems = []
    for package in ("baken", "baken-kiosk"):
        status = run(["dpkg-query", "-W", "-f", "${Status}", package])
        if "installed" in status.stdout and "not-installed" not in status.stdout:
            problems.append("%s is installed on this machine (%s)" % (package, status.stdout))
    if run(["getent", "passwd", "baken"]).returncode == 0:
        problems.append("the user baken exists on this machine")
    for tool in ("unshare", "mount", "umount", "chroot", "dpkg", "dpkg-deb"):
        if shutil.which(tool) is None:
            problems.append("%s is not installed" % tool)
    return tap.check(not problems, "the machine can host the install test (root, no baken)",
                     "the overlay root starts as a copy of this machine's /:\n"
                     + "\n".join(problems))


def check_install_cycle(tap, tmp):
    if not check_host(tap):
        return
    debs = sorted(glob.glob(os.path.join(tmp, "baken_*.deb"))) + \
        sorted(glob.glob(os.path.join(tmp, "baken-kiosk_*_all.deb")))
    if not tap.check(len(debs) == 2, "the two packages to install", "found %r" % debs):
        return
    version = run(["dpkg-deb", "-f", debs[0], "Version"]).stdout.strip()
    newer_version = version + "+upgrade1"
    newer = [repack_newer(deb, os.path.join(tmp, "newer-" + os.path.basename(deb)),
                          newer_version) for deb in debs]
    host_etc = {name: open(name).read() for name in ("/etc/passwd", "/etc/group")}
    host_systemd = sorted(os.listdir("/etc/systemd/system")) \
        if os.path.isdir("/etc/systemd/system") else []
    sysrq = open("/proc/sys/kernel/sysrq").read() \
        if os.path.exists("/proc/sys/kernel/sysrq") else None

    root = Root(os.path.join(tmp, "overlay"))
    try:
        try:
            root.mount()
        except CycleError as e:
            tap.check(False, "an overlay root over / in a private mount namespace", str(e))
            return
        tap.check(True, "an overlay root over / in a private mount namespace")
        try:
            run_cycle(tap, root, debs, newer, version, newer_version)
        except CycleError as e:
            tap.check(False, "stopped: %s" % e, str(e))
        except (OSError, subprocess.SubprocessError) as e:
            tap.check(False, "stopped: %s" % e, traceback.format_exc())
    finally:
        gone = root.unmount()
        tap.check(gone, "the overlay root is unmounted", "umount -R %s failed" % root.base)
        if not gone:
            # The caller must not remove tmp: its rmtree would walk into the bound /dev.
            STILL_MOUNTED.append(root.base)

    # The machine itself: untouched.
    now = {name: open(name).read() for name in host_etc}
    tap.check(now == host_etc, "the machine's /etc/passwd and /etc/group are as before",
              "they changed outside the overlay")
    tap.check((sorted(os.listdir("/etc/systemd/system"))
               if os.path.isdir("/etc/systemd/system") else []) == host_systemd,
              "the machine's /etc/systemd/system is as before (no mask, no enable link)",
              "now: %s" % os.listdir("/etc/systemd/system"))
    tap.check((open("/proc/sys/kernel/sysrq").read()
               if os.path.exists("/proc/sys/kernel/sysrq") else None) == sysrq,
              "the machine's kernel.sysrq is as before", "it changed")


def run_cycle(tap, root, debs, newer, version, newer_version):
    # The baseline: no service may start, no man-db index rebuild (tens of seconds of
    # a cache that is not the package's), the groups a Debian 12 box with systemd has.
    with open(root.path("usr/sbin/policy-rc.d"), "w") as f:
        f.write("#!/bin/sh\nexit 101\n")
    os.chmod(root.path("usr/sbin/policy-rc.d"), 0o755)
    if os.path.exists(root.path("var/lib/man-db/auto-update")):
        os.unlink(root.path("var/lib/man-db/auto-update"))
    # A developer's machine may have these from running baken by hand as root (its
    # default state dir): the root starts as a machine that never had Baken.
    for leftover in ("var/lib/baken", "etc/baken"):
        if os.path.lexists(root.path(leftover)):
            shutil.rmtree(root.path(leftover))
    for group in ("input", "render", "video", "audio"):
        if root.chroot(["getent", "group", group]).returncode != 0:
            root.must(["groupadd", "--system", group], "groupadd " + group)
    baseline_users = user_files(root)
    for i, deb in enumerate(debs + newer):
        shutil.copy(deb, root.path("tmp/%d.deb" % i))
    before = root.snapshot()

    # 1. Install.
    result = root.chroot(["dpkg", "-i", "/tmp/0.deb", "/tmp/1.deb"])
    if not tap.check(result.returncode == 0, "dpkg -i baken baken-kiosk (%s)" % version,
                     result.stdout + "\nthe packages' Depends must be installed on this "
                     "machine: scripts/deps.sh"):
        raise CycleError("the packages did not install")
    passwd = root.chroot(["getent", "passwd", "baken"]).stdout.strip().split(":")
    tap.check(len(passwd) == 7 and passwd[5] == "/var/lib/baken"
              and passwd[6].endswith("nologin") and 100 <= int(passwd[2]) < 1000,
              "the system user baken: home /var/lib/baken, no login shell",
              "getent passwd baken: %s" % ":".join(passwd))
    groups = groups_of(root, "baken")
    tap.check({"video", "render", "audio"} <= groups and "input" not in groups,
              "baken is in video, render and audio, not in input (%s)"
              % ", ".join(sorted(groups)), "groups: %s" % sorted(groups))
    tap.check(os.path.isfile(root.path("usr/lib/systemd/system/baken-kiosk.service")),
              "the unit is in /usr/lib/systemd/system", "no baken-kiosk.service")
    tap.check(os.path.isdir(root.path("etc/baken")), "/etc/baken exists", "no /etc/baken")
    tap.check(os.path.islink(root.path("etc/systemd/system/ctrl-alt-del.target"))
              and os.readlink(root.path("etc/systemd/system/ctrl-alt-del.target"))
              == "/dev/null", "baken-kiosk masked ctrl-alt-del.target",
              "no mask link in /etc/systemd/system")
    tap.check(os.path.isfile(root.path("etc/dconf/db/baken")),
              "the postinst compiled the dconf database /etc/dconf/db/baken",
              "no /etc/dconf/db/baken")
    wants = "etc/systemd/system/graphical.target.wants/baken-kiosk.service"
    tap.check(not os.path.lexists(root.path(wants)),
              "installing does not enable the kiosk", "%s exists" % wants)
    result = root.chroot(["systemctl", "enable", "baken-kiosk"])
    tap.check(result.returncode == 0 and os.path.islink(root.path(wants)),
              "systemctl enable baken-kiosk, as docs/install.md says (offline, in the root)",
              result.stdout)

    # What an administrator and the kiosk write.
    conf_text = "[kiosk]\nname = Bibliotheek Voorbeeldstad\n"
    os.makedirs(root.path("etc/baken"), mode=0o755, exist_ok=True)
    with open(root.path("etc/baken/kiosk.conf"), "w") as f:
        f.write(conf_text)
    root.must(["chown", "root:baken", "/etc/baken/kiosk.conf"], "chown")
    os.chmod(root.path("etc/baken/kiosk.conf"), 0o640)
    state_dir = root.path("var/lib/baken")
    os.makedirs(state_dir, exist_ok=True)
    with open(os.path.join(state_dir, "state.sqlite"), "wb") as f:
        f.write(b"SQLite format 3\0" + bytes(range(256)) * 16)
    root.must(["chown", "-R", "baken:baken", "/var/lib/baken"], "chown")
    os.chmod(state_dir, 0o700)
    kept = {rel: describe(root.path(rel)) for rel in
            ("etc/baken/kiosk.conf", "var/lib/baken", "var/lib/baken/state.sqlite")}

    # 2. Upgrade, from a box whose 0.1.0 postinst had put the user in input.
    root.must(["adduser", "--quiet", "baken", "input"], "adduser baken input")
    result = root.chroot(["dpkg", "-i", "--force-confold", "/tmp/2.deb", "/tmp/3.deb"])
    if not tap.check(result.returncode == 0,
                     "dpkg -i of both packages at %s (an upgrade)" % newer_version,
                     result.stdout):
        raise CycleError("the upgrade failed")
    status = root.chroot(["dpkg-query", "-W", "-f", "${Version} ", "baken", "baken-kiosk"])
    tap.check(status.stdout.split() == [newer_version] * 2,
              "both packages are at %s" % newer_version, status.stdout)
    for rel, old in sorted(kept.items()):
        tap.check(describe(root.path(rel)) == old if os.path.lexists(root.path(rel)) else False,
                  "the upgrade keeps /%s (content, owner, mode)" % rel,
                  "before: %s\nafter: %s" % (old, os.path.lexists(root.path(rel))
                                             and describe(root.path(rel))))
    groups = groups_of(root, "baken")
    tap.check("input" not in groups and {"video", "render", "audio"} <= groups,
              "after the upgrade baken is not in input (%s)" % ", ".join(sorted(groups)),
              "groups: %s" % sorted(groups))
    tap.check(os.path.islink(root.path(wants)), "the upgrade keeps the kiosk enabled",
              "%s is gone" % wants)

    # 3. Purge.
    result = root.chroot(["dpkg", "--purge", "baken-kiosk", "baken"])
    if not tap.check(result.returncode == 0, "dpkg --purge baken-kiosk baken", result.stdout):
        raise CycleError("the purge failed")
    status = root.chroot(["dpkg-query", "-W", "-f", "${Status}\n", "baken", "baken-kiosk"])
    tap.check("installed" not in status.stdout.replace("not-installed", ""),
              "dpkg knows neither package any more", status.stdout)
    for rel, what in (("var/lib/baken", "the kiosk's state"),
                      ("etc/baken", "kiosk.conf and /etc/baken"),
                      ("etc/dconf/db/baken", "the compiled dconf database"),
                      ("etc/systemd/system/ctrl-alt-del.target", "the mask of Ctrl+Alt+Del"),
                      (wants, "the enable link")):
        tap.check(not os.path.lexists(root.path(rel)), "purge removes %s (/%s)" % (what, rel),
                  "/%s is still there" % rel)
    tap.check(root.chroot(["getent", "passwd", "baken"]).returncode == 0,
              "purge keeps the system user baken (as most packages keep theirs; "
              "debian/baken.postrm says why)", "the user is gone")
    other = user_lines(baseline_users, user_files(root))
    tap.check(not other, "passwd, group, shadow and gshadow differ only by the user baken",
              "\n".join(other))

    after = root.snapshot()
    for path in glob.glob(root.path("tmp/*.deb")):
        os.unlink(path)
    left = []
    allowed = []
    for rel, old, new in changes(root, before, after):
        if rel.startswith(("tmp/", "run/", "proc/", "dev/")) or rel in ("tmp", "run"):
            continue  # tmpfs and kernel mounts, not in the upper dir's walk anyway
        reason = next((why for pattern, why in ALLOWED if re.match(pattern, rel)), None)
        (allowed if reason else left).append((rel, old, new, reason))
    for reason in dict.fromkeys(reason for _, _, _, reason in allowed):
        tap.note("allowed: %s: %s" % (" ".join("/" + rel for rel, _, _, why in allowed
                                               if why == reason), reason))
    tap.check(not left, "purge leaves nothing else behind (%d allowed differences)"
              % len(allowed),
              "\n".join("/%s: %s -> %s" % (rel, old and old[0], new and new[0])
                        for rel, old, new, _ in left))

