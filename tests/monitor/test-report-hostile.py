#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""baken-report on bad and hostile files: each is left out with a message that names the
file and what is wrong with it, the good reports beside it are still counted, and nothing
of a hostile text reaches the page unescaped or the CSV as a formula. Prints TAP.

Every case is a folder with one good report and the bad file(s); the run must exit 0,
count the good report, print the expected message for the bad file, and not stall (a
FIFO) or run out of memory (a 10 MB string, deep nesting).

Usage: test-report-hostile.py BAKEN_REPORT"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_fleet import PageTables, Tap, document, empty_counts, read_csv  # noqa: E402

TODAY = "2025-03-04"


def good(kiosk="k1", day="2025-03-03", name="Bibliotheek", **changes):
    counts = empty_counts()
    counts["services"] = {"svc-a": 7}
    counts["channels"]["phone"] = 6
    doc = document(kiosk, name, datetime.date.fromisoformat(day), 3, counts)
    for path, value in changes.items():
        target = doc
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[key]
        if value is DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    return doc


DELETE = object()


def text(doc):
    return json.dumps(doc, indent=1, ensure_ascii=False)


def swap_first(doc_text, old, new):
    assert old in doc_text, old
    return doc_text.replace(old, new, 1)


# (name, file name, contents (str, bytes, or a function making the file), message)
CASES = [
    ("corrupt", "bad.json", "{this is not json", "bad.json:1:2: not valid JSON"),
    ("truncated", "bad.json", lambda p: open(p, "w").write(text(good())[:400]),
     "bad.json:", "the JSON ends too early: the file is cut off"),
    ("empty file", "bad.json", "", "bad.json:1:1: the JSON ends too early"),
    ("binary garbage", "bad.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "bad.json:1:1: not valid JSON"),
    ("future version", "bad.json", text(good(version=2)),
     "bad.json: report format version 2 is newer than this baken-report reads (1); "
     "update baken-report"),
    ("future version, new field first", "bad.json",
     '{"version": 3, "weather": {"sun": true}, "format": "baken-report"}',
     "bad.json: report format version 3 is newer"),
    ("version 0", "bad.json", text(good(version=0)),
     "bad.json: version 0 is not a version of the Baken report format"),
    ("wrong format", "bad.json", text(good(format="baken-manifest")),
     "bad.json: not a Baken report: its format is \"baken-manifest\", not \"baken-report\""),
    ("another JSON document", "datapackage.json", '{"name": "hsds", "resources": []}',
     "datapackage.json: not a Baken report: it has no \"format\": \"baken-report\""),
    ("a JSON list", "bad.json", "[1, 2, 3]",
     "bad.json: not a Baken report: the document is a list, not an object"),
    ("unknown field", "bad.json", text(good(**{"counts.cookies": 1})),
     "bad.json: counts: unknown field \"cookies\""),
    ("missing field", "bad.json", text(good(**{"status.printer": DELETE})),
     "bad.json: status: the field \"printer\" is missing"),
    ("repeated field", "bad.json",
     lambda p: open(p, "w").write(swap_first(text(good()), '"date":',
                                             '"date": "2025-03-02", "date":')),
     "bad.json: date: the field appears twice"),
    ("repeated map key", "bad.json",
     lambda p: open(p, "w").write(swap_first(text(good()), '"svc-a": 7',
                                             '"svc-a": 7, "svc-a": 9')),
     "bad.json: counts.services: the key \"svc-a\" appears twice"),
    ("huge number", "bad.json", text(good(**{"counts.read_aloud": 2000000000})),
     "bad.json: counts.read_aloud: 2000000000 is not a count (a whole number from 0 to "
     "1000000000)"),
    ("number past 64 bits", "bad.json",
     lambda p: open(p, "w").write(swap_first(text(good()), '"svc-a": 7',
                                             '"svc-a": 123456789012345678901234567890')),
     "bad.json:", "not valid JSON (integer overflow)"),
    ("1e30", "bad.json",
     lambda p: open(p, "w").write(swap_first(text(good()), '"svc-a": 7', '"svc-a": 1e30')),
     "bad.json: counts.services.svc-a: 1e+30 is not a whole number"),
    ("negative count", "bad.json", text(good(**{"counts.high_contrast": -1})),
     "bad.json: counts.high_contrast: -1 is not a count"),
    ("a count as text", "bad.json", text(good(**{"counts.searches": "7"})),
     "bad.json: counts.searches: found a text where a count (a whole number from 0 to "
     "1000000000) belongs"),
    ("23 hours", "bad.json", text(good(**{"counts.visits_by_hour": [0] * 23})),
     "bad.json: counts.visits_by_hour: 23 hours instead of 24"),
    ("10 MB string", "bad.json", text(good(name="x" * (10 * 1024 * 1024))),
     "bad.json is 10.0 MiB; a file of this kind may be at most 1.0 MiB"),
    ("long name", "bad.json", text(good(name="Bibliotheek " * 20)),
     "bad.json: kiosk.name: the text is 240 characters long; at most 200 are allowed"),
    ("deep nesting", "bad.json", "[" * 100000 + "]" * 100000,
     "bad.json:1:9: objects and lists nest deeper than 8 levels"),
    ("deep nesting in a field", "bad.json",
     lambda p: open(p, "w").write(swap_first(text(good()), '"svc-a": 7',
                                             '"svc-a": ' + "[" * 4 + "]" * 4)),
     "bad.json: counts.services.svc-a: found a list where a count"),
    ("HTML as a map key", "bad.json",
     lambda p: open(p, "w").write(swap_first(text(good()), '"svc-a": 7',
                                             '"<b>svc</b>": 7')),
     "bad.json: counts.services: the key \"<b>svc</b>\" is not an id"),
    ("invalid UTF-8", "bad.json",
     lambda p: open(p, "wb").write(text(good(name="Bibliotheek")).encode().replace(
         b"Bibliotheek", b"Biblio\xff\xfetheek")),
     "bad.json:6:18: not valid JSON (invalid bytes in UTF8 string)"),
    ("NUL in a text", "bad.json", text(good(name="Biblio\u0000theek")),
     "bad.json: kiosk.name: the text holds a NUL character"),
    ("not a real date", "bad.json", text(good(**{"date": "2025-02-30"})),
     "bad.json: date: \"2025-02-30\" is not a date such as 2025-03-01"),
    ("date after today", "bad.json", text(good(day="2031-01-01")),
     "bad.json: date 2031-01-01 is after today (2025-03-04): the kiosk's clock was wrong"),
    ("date before 2000", "bad.json", text(good(day="1999-12-31")),
     "bad.json: date 1999-12-31 is before 2000"),
    ("bad time", "bad.json", text(good(generated="yesterday")),
     "bad.json: generated: \"yesterday\" is not a time such as 2025-03-01T08:00:00Z"),
    ("unknown choice", "bad.json", text(good(**{"status.printer.state": "<on fire>"})),
     "bad.json: status.printer.state: \"<on fire>\" is not one of ready, busy, problem, none"),
    ("a second report of the day", "again.json", text(good()),
     "again.json: a second report of kiosk k1 for 2025-03-03; only the first one read counts"),
    ("FIFO", "pipe.json", lambda p: os.mkfifo(p),
     "pipe.json is not a regular file"),
    ("link loop", "loop.json", lambda p: os.symlink(os.path.basename(p), p),
     "loop.json: cannot read it (Too many levels of symbolic links)"),
    ("dangling link", "gone.json", lambda p: os.symlink("nowhere.json", p),
     "gone.json: cannot read it (No such file or directory)"),
    ("folder link back up", "up", lambda p: os.symlink("..", p),
     "up: a link to a folder that was read already; left out"),
]


def run(tool, args):
    scale = float(os.environ.get("BAKEN_TEST_TIME_SCALE", "1"))
    return subprocess.run([tool] + args, capture_output=True, timeout=60 * scale)


def make(path, contents):
    if callable(contents):
        contents(path)
    elif isinstance(contents, bytes):
        with open(path, "wb") as f:
            f.write(contents)
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(contents)


def check_cases(tap, tool, work):
    for name, file_name, contents, *messages in CASES:
        folder = os.path.join(work, re.sub(r"\W+", "-", name))
        os.makedirs(os.path.join(folder, "k1"))
        with open(os.path.join(folder, "k1", "2025-03-03.json"), "w") as f:
            f.write(text(good()))
        bad = os.path.join(folder, "k1", file_name)
        make(bad, contents)
        result = run(tool, [folder, "--csv", os.path.join(folder, "out"), "--today", TODAY])
        # GLib writes sizes with a no-break space: "10.0\u00a0MiB".
        err = result.stderr.decode("utf-8", "replace").replace("\u00a0", " ")
        lines = [line for line in err.splitlines() if file_name in line]
        wanted = all(any(m.replace("bad.json", file_name) in line for line in lines)
                     for m in messages)
        tap.check(result.returncode == 0 and wanted and len(lines) == 1 and
                  "read 1 reports of 1 kiosks" in err and "1 files left out" in err,
                  "%s: left out with \"%s\", the good report counted"
                  % (name, messages[-1][:70]), "exit %d\n%s" % (result.returncode, err[:2000]))


def check_escaping(tap, tool, work):
    folder = os.path.join(work, "escaping")
    os.makedirs(folder)
    script = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    names = {
        "k1": script,
        "k2": "=HYPERLINK(\"http://evil.example\",\"klik\")",
        "k3": "Bibliotheek \u202eevil\u202c & \"zo\" 'n naam\u0007",
    }
    for kiosk, name in names.items():
        doc = good(kiosk=kiosk, name=name)
        doc["counts"]["terms_without_result"] = {"</td><td>" + kiosk: 9, "-1+1": 5}
        with open(os.path.join(folder, kiosk + ".json"), "w") as f:
            f.write(text(doc))
    page_path = os.path.join(work, "escaping.html")
    out = os.path.join(work, "escaping-csv")
    result = run(tool, [folder, "-o", page_path, "--csv", out, "--today", TODAY])
    tap.check(result.returncode == 0, "names with HTML, formulas and control characters are "
              "read (they are allowed)", result.stderr.decode())
    page = open(page_path, encoding="utf-8").read()
    tap.check("<script" not in page and "<img" not in page and "onerror=alert" not in page.replace(
        "onerror=alert(2)&gt;", ""), "no tag of a kiosk name reaches the page")
    tap.check("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in page,
              "the name is on the page as text")
    tap.check("\u202e" not in page and "\u0007" not in page and
              "Bibliotheek \ufffdevil\ufffd &amp; &quot;zo&quot; &#39;n naam\ufffd" in page,
              "direction and control characters are replaced, & \" ' escaped")
    tables = PageTables(page)
    kiosk_names = sorted(row[0].split("|")[0] for row in tables.tables["kiosks"][1:])
    tap.check(kiosk_names == sorted(n.replace("\u202e", "\ufffd").replace("\u202c", "\ufffd")
                                    .replace("\u0007", "\ufffd") for n in names.values()),
              "the fleet table shows the three names as text", kiosk_names)
    gaps = [row[0] for row in tables.tables["gaps"][1:]]
    tap.check("</td><td>k1" in gaps and len(tables.tables["gaps"][1]) == 2,
              "a search term with HTML stays one cell", tables.tables["gaps"])
    tap.check("default-src 'none'" in page and "<script" not in page,
              "the page has no script and a policy that forbids any")

    kiosks = read_csv(os.path.join(out, "kiosks.csv"))
    cells = {row[0]: row[1] for row in kiosks[1:]}
    tap.check(cells["k2"] == "'" + names["k2"], "a name that looks like a formula gets a ' "
              "in the CSV", cells["k2"])
    tap.check(cells["k1"] == script, "a name with HTML is plain text in the CSV", cells["k1"])
    terms = {row[0] for row in read_csv(os.path.join(out, "searches-without-result.csv"))[1:]}
    tap.check("'-1+1" in terms, "a search term \"-1+1\" is not a formula in the CSV", terms)


def main():
    tool = sys.argv[1]
    tap = Tap()
    work = tempfile.mkdtemp(prefix="baken-report-hostile-")
    try:
        check_cases(tap, tool, work)
        check_escaping(tap, tool, work)
        result = run(tool, [os.path.join(work, "nowhere"), "-o", os.path.join(work, "x.html")])
        tap.check(result.returncode == 1 and b"nowhere: cannot read it" in result.stderr,
                  "a DIR that does not exist: exit 1, named", result.stderr.decode())
        empty = os.path.join(work, "empty")
        os.makedirs(empty)
        result = run(tool, [empty, "-o", os.path.join(work, "empty.html")])
        tap.check(result.returncode == 1 and b"no report could be counted" in result.stderr and
                  not os.path.exists(os.path.join(work, "empty.html")),
                  "no report at all: exit 1, nothing written", result.stderr.decode())
        result = run(tool, [empty])
        tap.check(result.returncode == 2, "neither -o nor --csv: exit 2")
        result = run(tool, [empty, "-o", "x.html", "--today", "2025-02-30"])
        tap.check(result.returncode == 2 and b"--today" in result.stderr,
                  "--today that is not a date: exit 2")
        result = run(tool, [empty, "-o", "x.html", "--lang", "fr"])
        tap.check(result.returncode == 2, "--lang fr: exit 2")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
