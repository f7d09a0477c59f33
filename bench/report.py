#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/report: baken-report over a year of daily reports of a large fleet.

Generates KIOSKS x DAYS report documents (docs/report-schema.json) as the upload writes
them, DIR/KIOSK-ID/DATE.json: a municipality-sized content of 40 life events (120
situations) and 300 services, each kiosk with its own traffic (busy library or quiet
health centre, closed on Sunday), popularity that follows a power law, a few searches
without a result, feedback and "Klopt er iets niet?" reports, bundles published every
month and picked up late by some kiosks. Then runs `baken-report DIR -o HTML --csv DIR`
over them and prints the wall time, the CPU time and the peak resident memory of the
baken-report process, for a tenth of the fleet and for all of it: the memory must stay
the same when the input grows tenfold (it is read as a stream, never held).

Generating takes a minute or two and about 1.5 GB of disk for 1,000 x 365; --dir keeps
the reports for a next run (they are reused when DIR/.bench-report-v1 says the same size).

Usage: bench/report.py [BUILD_DIR] [--kiosks N] [--days N] [--dir DIR] [--runs N]
"""
import argparse
import datetime
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

STAMP = ".bench-report-v1"
LAST_DAY = datetime.date(2025, 12, 31)


def content(rng):
    words = ["schulden", "huur", "werk", "scheiding", "brief", "boete", "zorg", "geld",
             "wonen", "kinderen", "ziek", "uitkering", "toeslag", "belasting", "buren",
             "pensioen", "studie", "taal", "digid", "verhuizen"]
    events = ["le-%s-%d" % (words[i % len(words)], i) for i in range(40)]
    situations = {e: ["%s-s%d" % (e, j) for j in range(3)] for e in events}
    services = ["svc-%s-%03d" % (words[i % len(words)], i) for i in range(300)]
    vocabulary = ["%s %s" % (a, b) for a in words for b in
                  ("aanvragen", "betalen", "hulp", "regeling", "formulier", "kwijt",
                   "telefoon", "adres", "afspraak", "vraag")]
    rng.shuffle(vocabulary)
    return events, situations, services, vocabulary


def zipf_weights(n, s=1.1):
    return [1.0 / (k + 1) ** s for k in range(n)]


def kiosk_profiles(rng, kiosks):
    places = ["Bibliotheek", "Stadhuis", "Gezondheidscentrum", "Wijkcentrum", "Servicepunt"]
    out = []
    for k in range(kiosks):
        out.append({
            "id": "k%04d" % k,
            "name": "%s %d" % (places[k % len(places)], k // len(places) + 1),
            "visits": rng.choice([4, 8, 15, 25, 40, 70]),
            "lag": rng.choice([0] * 8 + [20, 60]),     # days late picking up a bundle
            "silent_from": rng.choice([None] * 30 + [300, 350, 360]),
        })
    return out


def sample_counts(rng, ids, weights, draws):
    counts = {}
    for item in rng.choices(ids, weights, k=draws) if draws else []:
        counts[item] = counts.get(item, 0) + 1
    return counts


def document(rng, kiosk, day, world):
    events, situations, services, vocabulary, w_events, w_services = world
    weekday = day.weekday()
    visits = 0 if weekday == 6 else max(0, int(rng.gauss(kiosk["visits"], kiosk["visits"] / 3)))
    hours = [0] * 24
    for _ in range(visits):
        hours[rng.randint(9, 17 if weekday < 5 else 13)] += 1
    life = sample_counts(rng, events, w_events, int(visits * 1.3))
    sits = {}
    for e, n in life.items():
        for s in rng.choices(situations[e], k=n // 2):
            sits[s] = sits.get(s, 0) + 1
    views = sample_counts(rng, services, w_services, int(visits * 1.1))
    helped = {}
    for s in rng.sample(list(views), min(len(views), visits // 8)):
        helped[s] = {"yes": rng.randint(0, 3), "a_little": rng.randint(0, 1),
                     "no": rng.randint(0, 1)}
    wrong = {}
    if visits and rng.random() < 0.15:
        s = rng.choice(list(views) or services)
        wrong[s] = {k: 0 for k in ("phone", "address", "hours", "gone", "other")}
        wrong[s][rng.choice(list(wrong[s]))] = 1
    searches = visits // 4
    misses = searches // 4
    terms = {}
    for t in rng.choices(vocabulary[:120], k=misses // 2):
        terms[t] = terms.get(t, 0) + 1
    # A bundle every 30 days; a lagging kiosk installs it late.
    first = LAST_DAY - datetime.timedelta(days=364)
    age = (day - datetime.timedelta(days=kiosk["lag"]) - first).days
    serial = 100 + age // 30 if age >= 0 else 99
    published = first + datetime.timedelta(days=30 * (serial - 100))
    channels = sample_counts(rng, ["phone", "chat", "appointment", "walk_in", "website"],
                             [5, 1, 3, 4, 2], visits // 2)
    return {
        "format": "baken-report", "version": 1,
        "kiosk": {"id": kiosk["id"], "name": kiosk["name"]},
        "date": day.isoformat(),
        "generated": "%sT23:05:00Z" % day.isoformat(),
        "app": {"version": "0.1.0"},
        "content": {"serial": serial,
                    "published": "%sT08:00:00Z" % published.isoformat(),
                    "key_id": "9AEC8527F46BB478", "source": "bundle"},
        "status": {"last_sync": {"at": "%sT03:10:00Z" % day.isoformat(),
                                 "result": "unchanged", "reason": ""},
                   "printer": {"state": rng.choice(["ready"] * 20 + ["problem"]),
                               "reason": ""},
                   "uptime_s": 80000, "restarts": 1, "fallbacks": 0},
        "counts": {
            "life_events": life, "situations": sits, "services": views,
            "channels": {k: channels.get(k, 0)
                         for k in ("phone", "chat", "appointment", "walk_in", "website")},
            "slips": {"resident": visits // 3, "handover": visits // 20},
            "read_aloud": visits // 15, "speech_mode": visits // 60,
            "languages": {"en": visits // 10, "ar": visits // 25} if visits else {},
            "text_size": {"large": visits // 12, "very_large": visits // 40},
            "high_contrast": visits // 30, "idle_resets": visits,
            "visits_by_hour": hours, "searches": searches,
            "searches_without_result": misses, "terms_without_result": terms,
            "helped": helped, "wrong": wrong,
        },
    }


def generate(folder, kiosks, days):
    rng = random.Random(20251231)
    events, situations, services, vocabulary = content(rng)
    world = (events, situations, services, vocabulary,
             zipf_weights(len(events)), zipf_weights(len(services)))
    dates = [LAST_DAY - datetime.timedelta(days=d) for d in range(days - 1, -1, -1)]
    for kiosk in kiosk_profiles(rng, kiosks):
        path = os.path.join(folder, kiosk["id"])
        os.makedirs(path, exist_ok=True)
        for i, day in enumerate(dates):
            if kiosk["silent_from"] is not None and i >= kiosk["silent_from"] * days // 365:
                break
            with open(os.path.join(path, day.isoformat() + ".json"), "w") as f:
                json.dump(document(rng, kiosk, day, world), f, separators=(",", ":"))
    with open(os.path.join(folder, STAMP), "w") as f:
        f.write("%d %d\n" % (kiosks, days))


def disk_size(folder):
    files = size = 0
    for top, _, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(top, name))
    return files, size


def run_report(tool, inputs, out):
    argv = [tool, "--today", (LAST_DAY + datetime.timedelta(days=1)).isoformat(),
            "-o", os.path.join(out, "report.html"), "--csv", os.path.join(out, "csv")]
    argv += inputs
    # Each run in its own child, so that ru_maxrss is this run's own peak.
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.monotonic()\n"
             "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "wall = time.monotonic() - t\n"
             "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "sys.stderr.write(p.stderr)\n"
             "print(p.returncode, wall, r.ru_utime + r.ru_stime, r.ru_maxrss)\n")
    proc = subprocess.run([sys.executable, "-c", probe] + argv, capture_output=True, text=True)
    rc, wall, cpu, rss = proc.stdout.split()
    if rc != "0":
        sys.exit("baken-report failed (%s):\n%s" % (rc, proc.stderr))
    summary = [line for line in proc.stderr.splitlines() if "read" in line]
    return float(wall), float(cpu), int(rss), summary[-1] if summary else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", default="_build")
    parser.add_argument("--kiosks", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--dir", help="keep the generated reports here and reuse them")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tool = os.path.join(os.path.abspath(args.build), "src", "tools", "baken-report")
    if not os.access(tool, os.X_OK):
        sys.exit("no %s: build first" % tool)

    folder = args.dir or tempfile.mkdtemp(prefix="baken-bench-report-")
    stamp = os.path.join(folder, STAMP)
    wanted = "%d %d\n" % (args.kiosks, args.days)
    if not (os.path.exists(stamp) and open(stamp).read() == wanted):
        start = time.monotonic()
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        generate(folder, args.kiosks, args.days)
        print("generated %d kiosks x %d days in %.0f s" % (args.kiosks, args.days,
                                                          time.monotonic() - start))
    files, size = disk_size(folder)
    print("input: %d files, %.0f MB, in %s" % (files, size / 1e6, folder))

    out = tempfile.mkdtemp(prefix="baken-bench-report-out-")
    try:
        kiosks = sorted(k for k in os.listdir(folder) if not k.startswith("."))
        for label, inputs in (("1/10 of the fleet", [os.path.join(folder, k)
                                                     for k in kiosks[:len(kiosks) // 10]]),
                              ("the whole fleet", [folder])):
            for run in range(args.runs):
                wall, cpu, rss, summary = run_report(tool, inputs, out)
                print("%-17s run %d: %.2f s wall, %.2f s CPU, peak RSS %.1f MB"
                      % (label, run + 1, wall, cpu, rss / 1024))
            print("  %s" % summary)
        html = os.path.getsize(os.path.join(out, "report.html"))
        print("report.html: %.0f kB; CSV: %s" % (html / 1e3,
                                                 ", ".join(sorted(os.listdir(os.path.join(out, "csv"))))))
    finally:
        shutil.rmtree(out, ignore_errors=True)
        if args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
