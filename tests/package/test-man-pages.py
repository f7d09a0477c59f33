#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the manual pages against the programs they describe.

Usage: test-man-pages.py EXECUTABLE:PAGE ...
       (e.g. _build/src/baken:_build/docs/man/baken.1)

For each page:
- groff renders it without a warning (-ww) and man -l reads it;
- every long option in EXECUTABLE --help (and, for baken-bundle, every command and
  every option of COMMAND --help) starts a paragraph of the rendered page: it is
  described there, not only named in the synopsis.
So a new option fails this test until its page says what it does. Prints TAP."""
import os
import re
import shutil
import subprocess
import sys

# Options GLib adds to every program, which the pages need not repeat.
GLIB_OPTIONS = {"--help-all", "--help-gapplication", "--gapplication-service"}


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


def run(argv, env):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, env=env)


def long_options(help_text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", help_text)) - GLIB_OPTIONS


def bundle_commands(help_text):
    """The command names listed under "Commands:" in baken-bundle --help."""
    commands = []
    in_commands = False
    for line in help_text.splitlines():
        if line.strip() == "Commands:":
            in_commands = True
            continue
        if in_commands:
            match = re.match(r"^  ([a-z][a-z-]*)\s", line)
            if not match:
                break
            commands.append(match.group(1))
    return commands


def main():
    tap = Tap()
    env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "G_DEBUG"):
        env.pop(name, None)
    for tool in ("groff", "man"):
        if not tap.check(shutil.which(tool) is not None, "%s is installed" % tool,
                         "install groff-base and man-db (scripts/deps.sh)"):
            print("1..%d" % tap.n)
            return 1

    for argument in sys.argv[1:]:
        program, page = argument.rsplit(":", 1)
        name = os.path.basename(program)

        lint = run(["groff", "-man", "-Tutf8", "-ww", "-z", page], env)
        tap.check(lint.returncode == 0 and not lint.stderr.strip(),
                  "%s: groff -man -ww renders it without a warning" % os.path.basename(page),
                  lint.stderr)
        shown = run(["man", "-l", page], env)
        tap.check(shown.returncode == 0 and "NAME" in shown.stdout and not shown.stderr.strip(),
                  "%s: man -l shows it" % os.path.basename(page), shown.stderr)

        # Plain text, no hyphenation, lines long enough that no option is broken.
        text = run(["groff", "-man", "-Tascii", "-P-cbou", "-rHY=0", "-rLL=1000n", page],
                   env).stdout

        helps = {"": run([program, "--help"], env)}
        if name == "baken-bundle":
            commands = bundle_commands(helps[""].stdout)
            tap.check(len(commands) >= 9, "baken-bundle --help lists %d commands" % len(commands),
                      helps[""].stdout)
            for command in commands:
                heading = re.search(r"^ {0,3}%s\b" % re.escape(command), text, re.M)
                tap.check(heading is not None,
                          "baken-bundle.1 has a section for the command %s" % command,
                          "no line of the page starts with %s" % command)
                if command != "help":
                    helps[command] = run([program, command, "--help"], env)

        for command, result in sorted(helps.items()):
            label = " ".join(filter(None, [name, command, "--help"]))
            if not tap.check(result.returncode == 0 and "Usage" in result.stdout,
                             "%s exits 0 with its usage" % label,
                             result.stdout + result.stderr):
                continue
            options = sorted(long_options(result.stdout))
            # Described, not just named: the option starts a line (its own .TP item),
            # after its short form if it has one.
            missing = [option for option in options
                       if not re.search(r"^\s*(-[A-Za-z0-9], )?%s(?![\w-])" % re.escape(option),
                                        text, re.M)]
            tap.check(options and not missing,
                      "%s: the page has all %d options of %s" % (os.path.basename(page),
                                                                 len(options), label),
                      "not in %s: %s" % (page, " ".join(missing)))

    print("1..%d" % tap.n, flush=True)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
