#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers of docs/architecture.md hold: calls point down only.

Checks, and prints TAP:
  1. every quoted "baken-*.h" include in src/LAYER/ names a header of the same layer or
     of a layer below it (the table LOWER);
  2. the executable baken defines no symbol of the authoring library (IT's compiler,
     lint, HSDS) and no layer library calls up: an object file of a layer references no
     symbol that a higher layer defines (read with nm from the static libraries);
  3. no two source files call each other, directly or round a circle (the call graph of
     the object files, from nm);
  4. no source file is longer than MAX_LINES lines.

Usage: test-layers.py SOURCE_ROOT BAKEN LAYER=LIBRARY.a ..."""
import collections
import os
import re
import subprocess
import sys

# What each folder of src/ may use besides itself (docs/architecture.md).
LOWER = {
    "base": set(),
    "content": {"base"},
    "trust": {"base"},
    "sync": {"base", "content", "trust"},
    "print": {"base", "content"},
    "config": {"base", "content", "trust", "sync", "print"},
    "authoring": {"base", "content", "trust", "print"},
    "ui": {"base", "content", "trust", "sync", "print", "config"},
    "tools": {"base", "content", "trust", "sync", "print", "config", "authoring"},
}

MAX_LINES = 600
# Past MAX_LINES for now: each is a cut still to redraw (issue notes say which). The
# list may only shrink; a file that is not over the limit must not be on it.
LONG_FILES = set()

# Circles of files that call each other, still to redraw. Only shrinks.
KNOWN_CIRCLES = [
]

INCLUDE = re.compile(r'^\s*#\s*include\s+"(baken-[a-z0-9-]+\.h)"', re.M)


def headers_by_layer(src):
    owner = {}
    for layer in LOWER:
        folder = os.path.join(src, layer)
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if name.endswith(".h"):
                owner[name] = layer
    return owner


def nm(path):
    """{object: (defined, undefined)} of the global symbols in an archive or program."""
    result = subprocess.run(["nm", "-A", "-g", path], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise SystemExit("Bail out! nm %s: %s" % (path, result.stdout.strip()))
    objects = collections.defaultdict(lambda: (set(), set()))
    for line in result.stdout.splitlines():
        head, _, rest = line.rpartition(":")
        fields = rest.split()
        if len(fields) < 2:
            continue
        kind, symbol = fields[-2], fields[-1]
        obj = head.split(":")[-1] if head.count(":") else head
        defined, undefined = objects[obj]
        (undefined if kind == "U" else defined).add(symbol)
    return objects


def unit(obj):
    """baken-window-focus.c.o (or a meson-mangled path) → baken-window-focus.c"""
    base = os.path.basename(obj)
    base = re.sub(r"\.o$", "", base)
    return base.split("_")[-1]


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    src = os.path.join(sys.argv[1], "src")
    baken = sys.argv[2]
    libraries = [arg.split("=", 1) for arg in sys.argv[3:]]
    n = 0
    failed = 0

    def check(ok, what, detail=""):
        nonlocal n, failed
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
        if not ok:
            failed += 1
            for line in detail.splitlines():
                print("# " + line)

    # 1. Includes point down.
    owner = headers_by_layer(src)
    for layer in sorted(LOWER):
        folder = os.path.join(src, layer)
        wrong = []
        for name in sorted(os.listdir(folder)):
            if not name.endswith((".c", ".h")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            for header in INCLUDE.findall(text):
                target = owner.get(header)
                if target is None or target == layer or target in LOWER[layer]:
                    continue
                wrong.append("src/%s/%s includes %s of %s, which %s may not use"
                             % (layer, name, header, target, layer))
        check(not wrong, "src/%s/ includes only its own headers and those of %s"
              % (layer, ", ".join(sorted(LOWER[layer])) or "nothing else"), "\n".join(wrong))

    # 2. Symbols: no layer library calls up, baken carries no authoring code.
    symbols = collections.defaultdict(dict)
    for layer, path in libraries:
        symbols[layer].update(nm(path))
    defined_in = {}
    for layer, objects in symbols.items():
        for obj, (defined, _) in objects.items():
            for symbol in defined:
                if symbol.startswith("baken_") or symbol.startswith("_baken_"):
                    defined_in[symbol] = (layer, unit(obj))
    for layer, objects in sorted(symbols.items()):
        up = []
        for obj, (_, undefined) in sorted(objects.items()):
            for symbol in sorted(undefined):
                target = defined_in.get(symbol)
                if target is None or target[0] == layer or target[0] in LOWER.get(layer, ()):
                    continue
                up.append("%s (%s) calls %s of %s (%s)"
                          % (unit(obj), layer, symbol, target[1], target[0]))
        check(not up, "the %s library calls only down" % layer, "\n".join(up))

    authoring = {s for obj, (defined, _) in symbols.get("authoring", {}).items()
                 for s in defined if s.startswith("baken_")}
    check(len(authoring) > 20, "the authoring library defines its functions (%d)"
          % len(authoring))
    in_baken = set()
    for _, (defined, _) in nm(baken).items():
        in_baken |= defined & authoring
    check(not in_baken, "baken contains no authoring code",
          "\n".join(sorted(in_baken)[:20]))

    # 3. No circles between files (Tarjan on the object call graph).
    graph = collections.defaultdict(set)
    for layer, objects in symbols.items():
        for obj, (_, undefined) in objects.items():
            me = unit(obj)
            for symbol in undefined:
                target = defined_in.get(symbol)
                if target is not None and target[1] != me:
                    graph[me].add(target[1])
    index = {}
    low = {}
    stack = []
    on_stack = set()
    circles = []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            strong(v)
    known = [sorted(c) for c in KNOWN_CIRCLES]
    new = [c for c in circles if c not in known]
    gone = [c for c in known if c not in circles]
    check(not new, "no source files call each other (round a circle)",
          "\n".join("circle: " + " → ".join(c) for c in new))
    check(not gone, "the list of known circles is up to date",
          "\n".join("no longer a circle, take it off KNOWN_CIRCLES: " + ", ".join(c)
                    for c in gone))

    # 4. File length.
    long_now = {}
    for folder, _, names in os.walk(src):
        for name in names:
            if name.endswith(".c"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    lines = sum(1 for _ in f)
                if lines > MAX_LINES:
                    long_now[os.path.relpath(os.path.join(folder, name), src)] = lines
    too_long = sorted(set(long_now) - set(LONG_FILES))
    check(not too_long, "no source file over %d lines" % MAX_LINES,
          "\n".join("src/%s: %d lines" % (p, long_now[p]) for p in too_long))
    stale = sorted(set(LONG_FILES) - set(long_now))
    check(not stale, "the list of long files is up to date",
          "\n".join("src/%s is no longer over %d lines: take it off LONG_FILES"
                    % (p, MAX_LINES) for p in stale))

    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
