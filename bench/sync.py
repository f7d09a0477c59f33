#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/sync: apply a 10,000-service bundle from a loopback HTTP server.

Generates a synthetic source (bench/gen-source.py), builds and signs bundles of it with
baken-bundle (serials 1 and 2), serves them with the sync tests' server
(tests/data/sync/server.py) on 127.0.0.1 and runs `baken-sync --now` against it:

  1. first install (serial 1): download, verify and swap times
  2. unchanged: the server answers 304; counts the requests the server saw and the CPU
     time of the whole baken-sync process
  3. update to serial 2

Usage: bench/sync.py [BUILD_DIR] [N_SERVICES]
"""
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_build")
services = sys.argv[2] if len(sys.argv) > 2 else "10000"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
bundle_tool = os.path.join(build, "src", "tools", "baken-bundle")
sync_tool = os.path.join(build, "src", "tools", "baken-sync")


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def server_get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}") as reply:
        return reply.read().decode()


def sync(config, state, port):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run([sync_tool, "--config", config, "--state", state, "--now"],
                          capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.exit(f"baken-sync failed: {proc.stdout}{proc.stderr}")
    result = proc.stdout.splitlines()[0]
    figures = dict(re.findall(r"(\w+) ([\d.]+)", proc.stdout.splitlines()[1]))
    requests = int(server_get(port, "_stats").split()[1])
    server_get(port, "_control?reset=1")
    return result, figures, requests, wall, cpu


def report(label, outcome):
    result, figures, requests, wall, cpu = outcome
    print(f"{label}: {result}")
    print(f"  requests {requests} (server), bytes {int(figures['bytes']):,}")
    print(f"  download {float(figures['download']) * 1000:8.1f} ms")
    print(f"  verify   {float(figures['verify']) * 1000:8.1f} ms")
    print(f"  swap     {float(figures['install']) * 1000:8.1f} ms")
    print(f"  process  {wall * 1000:8.1f} ms wall, {cpu * 1000:.1f} ms CPU")


def main():
    for tool in (bundle_tool, sync_tool):
        if not os.path.exists(tool):
            sys.exit(f"{tool} is missing: build first (ninja -C {build})")

    work = tempfile.mkdtemp(prefix="baken-bench-sync-")
    server = None
    try:
        src = os.path.join(work, "src")
        pub = os.path.join(work, "pub")
        key = os.path.join(work, "key")
        state = os.path.join(work, "state")
        run(sys.executable, os.path.join(root, "bench", "gen-source.py"), src, services)
        run(bundle_tool, "keygen", "--unencrypted", key)
        for serial in ("1", "2"):
            out = os.path.join(work, f"bundle-{serial}")
            run(bundle_tool, "build", "--serial", serial, "--pubkey", key + ".pub", src, out)
            run(bundle_tool, "sign", "--key", key + ".key", out)
        shutil.copytree(os.path.join(work, "bundle-1"), pub)
        size = os.path.getsize(os.path.join(pub, "content-1.sqlite"))
        print(f"bundle: {services} services, content DB {size / 1e6:.1f} MB")

        server = subprocess.Popen([sys.executable,
                                   os.path.join(root, "tests", "data", "sync", "server.py")],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        port = int(server.stdout.readline().split()[1])
        server_get(port, "_control?root=" + urllib.request.quote(pub))

        with open(key + ".pub") as f:
            public_key = f.read().splitlines()[1]
        config = os.path.join(work, "kiosk.conf")
        with open(config, "w") as f:
            f.write(f"[sync]\nurl = http://127.0.0.1:{port}/manifest.json\n"
                    f"public-keys = {public_key}\n")

        report("first install", sync(config, state, port))
        unchanged = sync(config, state, port)
        report("unchanged (304)", unchanged)
        shutil.rmtree(pub)
        shutil.copytree(os.path.join(work, "bundle-2"), pub)
        report("update", sync(config, state, port))

        if unchanged[2] != 1 or not unchanged[0].startswith("unchanged"):
            sys.exit("an unchanged bundle must cost exactly one request")
    finally:
        if server is not None:
            server.stdin.close()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
