#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""baken-report over a generated fleet (report_fleet.py): every CSV table holds exactly the
sums of the reports, computed here on their own; a count of 1 to 4 is "<5" in CSV, in the
page's tables and in its charts (no bar drawn); the page's tables show the same numbers as
the CSV; a kiosk behind on content and a silent kiosk are marked; a second report of the
same kiosk and day is left out; --bundle gives names, --lang en English. Prints TAP.

Usage: test-report-fleet.py BAKEN_REPORT DEMO_BUNDLE_DIR DEMO_SOURCE_DIR"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_fleet import (WORDS, Fleet, PageTables, Tap, document, empty_counts,  # noqa: E402
                          expected_csv, read_csv)

TABLES = ["life-events", "life-events-per-week", "situations", "services", "channels", "use",
          "languages", "hours", "helped", "searches-without-result", "wrong", "kiosks"]


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True, timeout=120 * scale())


def scale():
    return float(os.environ.get("BAKEN_TEST_TIME_SCALE", "1"))


def compare(tap, label, got, want):
    if got == want:
        return tap.check(True, label)
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return tap.check(False, label, "row %d\n  got:  %r\n  want: %r" % (i, g, w))
    return tap.check(False, label, "%d rows, want %d" % (len(got), len(want)))


def long_date(day):
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    return "%d %s %d" % (day.day, months[day.month - 1], day.year)


def check_csv(tap, out, expected, label):
    for table in TABLES:
        path = os.path.join(out, table + ".csv")
        if not tap.check(os.path.exists(path), "%s: %s.csv written" % (label, table)):
            continue
        compare(tap, "%s: %s.csv holds the sums of the reports (%d rows)"
                % (label, table, len(expected[table]) - 1), read_csv(path), expected[table])


def check_page(tap, page, expected, names):
    tables = PageTables(page)

    def label(row):
        return "%s|%s" % (row[1], row[0]) if row[1] else row[0]

    # The fleet: name and id, status, serial, version, last report, sync, printer.
    kiosks = expected["kiosks"]
    want = [[WORDS["nl"][k] for k in ("kiosk", "status", "serial", "app_version", "last_seen",
                                      "sync_result", "printer")]]
    for row in kiosks[1:]:
        want.append([label(row), row[2], row[3], row[5],
                     long_date(datetime.date.fromisoformat(row[7])), row[10], row[12]])
    compare(tap, "the page's fleet table shows the kiosks of kiosks.csv",
            tables.tables.get("kiosks"), want)
    marked = {(r, c) for s, r, c in tables.marked if s == "kiosks"}
    rows = {row[0]: i + 1 for i, row in enumerate(kiosks[1:])}
    want_marks = {(rows["k2"], 1), (rows["k2"], 2), (rows["k3"], 1), (rows["k3"], 4)}
    tap.check(marked == want_marks, "only the behind kiosk's serial and the silent kiosk's "
              "last report (and their status) are marked", "%s != %s" % (marked, want_marks))

    # "Klopt er iets niet?": all of it, with "<5" where the CSV has it.
    wrong = expected["wrong"]
    want = [[WORDS["nl"]["service"]] + wrong[0][2:]] + [[label(r)] + r[2:] for r in wrong[1:]]
    compare(tap, "the page's \"Klopt er iets niet?\" table is wrong.csv, \"<5\" and all",
            tables.tables.get("wrong"), want)
    helped = expected["helped"]
    want = [[WORDS["nl"]["service"]] + helped[0][2:] + [""]] + \
        [[label(r)] + r[2:] + ["[chart]"] for r in helped[1:51]]
    compare(tap, "the page's \"Heeft dit u geholpen?\" table is helped.csv",
            tables.tables.get("helped"), want)
    events = expected["life-events"]
    want = [[WORDS["nl"]["life_event"], WORDS["nl"]["opened"], "Per week"]] + \
        [[label(r), r[2], "[chart]"] for r in events[1:]]
    compare(tap, "the page's life events table is life-events.csv, each with its weeks",
            tables.tables.get("weeks"), want)
    tap.check(all("|" in row[0] for row in tables.tables.get("weeks", [])[1:]),
              "with --bundle every life event shows its name from the bundle")
    tap.check(names[("life_event", "le-geld")] in page, "\"%s\" (le-geld) is on the page"
              % names[("life_event", "le-geld")])


def chart_groups(page, section):
    body = page.split('<section id="%s">' % section, 1)[1].split("</section>", 1)[0]
    return re.findall(r"<g><title>([^<]*)</title>(.*?)</g>", body, re.S)


def check_small_charts(tap, tool, work):
    """One kiosk, one day: a count below 5 is never drawn as a bar."""
    folder = os.path.join(work, "tiny")
    counts = empty_counts()
    counts["channels"].update(phone=3, chat=5, appointment=0, walk_in=12, website=1)
    counts["visits_by_hour"][10] = 2
    counts["visits_by_hour"][11] = 7
    doc = document("k1", "Bibliotheek", datetime.date(2025, 3, 3), 1, counts)
    os.makedirs(folder)
    with open(os.path.join(folder, "2025-03-03.json"), "w") as f:
        import json
        json.dump(doc, f)
    page_path = os.path.join(work, "tiny.html")
    result = run([tool, folder, "-o", page_path, "--today", "2025-03-04"])
    tap.check(result.returncode == 0, "a fleet of one report gives a page", result.stderr)
    page = open(page_path, encoding="utf-8").read()
    bars = {title.split(":")[0]: body for title, body in chart_groups(page, "channels")}
    tap.check("<rect" not in bars.get("Bellen", "<rect") and "&lt;5" in bars["Bellen"],
              "3 calls: no bar, \"<5\"", bars.get("Bellen"))
    tap.check("<rect" not in bars.get("Website", "<rect") and "&lt;5" in bars["Website"],
              "1 website: no bar, \"<5\"", bars.get("Website"))
    tap.check("<rect" in bars.get("Chatten", "") and ">5</text>" in bars["Chatten"],
              "5 chats: a bar, \"5\"", bars.get("Chatten"))
    tap.check("<rect" not in bars.get("Afspraak maken", "<rect") and
              ">0</text>" in bars["Afspraak maken"], "0 appointments: no bar, \"0\"")
    hours = {title.split(": ")[0]: (title, body) for title, body in chart_groups(page, "hours")}
    tap.check('height="0"' in hours["10:00"][1] and hours["10:00"][0].endswith("&lt;5"),
              "2 visits at 10:00: a column of height 0, \"<5\" in its tooltip", hours["10:00"])
    tap.check('height="0"' not in hours["11:00"][1] and hours["11:00"][0].endswith(": 7"),
              "7 visits at 11:00: a column, \"7\" in its tooltip", hours["11:00"])
    # The kiosks' own figures (serial 1, days with a report) are shown as they are.
    counts_part = re.sub(r'<section id="kiosks">.*?</section>', "", page, flags=re.S)
    shown = re.findall(r'(?:<bdi>|class="value"[^>]*>|class="number">)([^<]*)<', counts_part)
    tap.check(shown and not [v for v in shown if v in ("1", "2", "3", "4")],
              "no count from 1 to 4 anywhere on the page (%d values)" % len(shown))


def main():
    tool, bundle, source = sys.argv[1:4]
    tap = Tap()
    work = tempfile.mkdtemp(prefix="baken-report-fleet-")
    try:
        folder = os.path.join(work, "reports")
        fleet = Fleet(folder, source)
        fleet.write()
        # The same report again, elsewhere in the tree: counted once.
        twin = os.path.join(folder, "usb-copy")
        os.makedirs(twin)
        shutil.copy(os.path.join(folder, "k1", "2025-03-01.json"), twin)
        today = fleet.last + datetime.timedelta(days=1)

        out = os.path.join(work, "csv")
        page_path = os.path.join(work, "report.html")
        result = run([tool, folder, "-o", page_path, "--csv", out, "--today", today.isoformat(),
                      "--bundle", bundle])
        tap.check(result.returncode == 0, "baken-report exits 0", result.stderr)
        summary = "read %d reports of 5 kiosks, 2025-02-17 to 2025-03-12; 1 files left out" \
            % len(fleet.docs)
        tap.check(summary in result.stderr, "it says: " + summary, result.stderr)
        tap.check("usb-copy/2025-03-01.json: a second report of kiosk k1 for 2025-03-01"
                  in result.stderr, "the second copy of a report is left out, by name",
                  result.stderr)

        expected = expected_csv(fleet.docs, today, fleet.names, WORDS["nl"])
        check_csv(tap, out, expected, "nl, --bundle")
        kiosks = {row[0]: row for row in expected["kiosks"][1:]}
        tap.check(kiosks["k2"][2] == "Loopt achter" and kiosks["k3"][2] == "Stil sinds 6 dagen"
                  and kiosks["k1"][2] == "In orde", "the fleet: k2 behind, k3 silent 6 days")
        tap.check(kiosks["k1"][1] == "Bibliotheek Centrum (nieuw)",
                  "a kiosk's name is that of its newest report")
        tap.check(any("<5" in cell for row in expected["wrong"] for cell in row) and
                  any(row[5] == "5" for row in expected["wrong"][1:]),
                  "the fleet has counts of 1 to 4 and of exactly 5 (the \"<5\" rule is tried)")
        page = open(page_path, encoding="utf-8").read()
        check_page(tap, page, expected, fleet.names)

        out_en = os.path.join(work, "csv-en")
        result = run([tool, folder, "--csv", out_en, "--today", today.isoformat(), "--lang", "en"])
        tap.check(result.returncode == 0, "--lang en, no bundle: exits 0", result.stderr)
        check_csv(tap, out_en, expected_csv(fleet.docs, today, {}, WORDS["en"]), "en")

        check_small_charts(tap, tool, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
