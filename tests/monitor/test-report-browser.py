#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The report page in a real browser: Debian's Chromium, headless, opens the page of a
generated fleet (with a kiosk whose name is a script) and

- takes a screenshot that is not blank, with no message on the browser's console (no
  script error, no request blocked by the page's Content-Security-Policy: the page
  makes none);
- builds a DOM with every section, its charts as SVG, and no script element;
- prints it to PDF, with the headings in the text.

Set BAKEN_REPORT_SCREENSHOTS=DIR to keep the screenshots and the PDF there, to look at.
Prints TAP.

Usage: test-report-browser.py BAKEN_REPORT DEMO_BUNDLE_DIR DEMO_SOURCE_DIR"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_fleet import Fleet, Tap, document, empty_counts  # noqa: E402

SECTIONS = ["summary", "weeks", "situations", "services", "channels", "hours", "use",
            "helped", "gaps", "wrong", "kiosks"]


def scale():
    return float(os.environ.get("BAKEN_TEST_TIME_SCALE", "1"))


def chromium(profile, *args):
    argv = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
            "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0"] + list(args)
    env = dict(os.environ, HOME=profile)
    env.pop("G_DEBUG", None)
    return subprocess.run(argv, capture_output=True, text=True, env=env,
                          timeout=180 * scale())


def console(stderr):
    """The lines the page wrote to the console (errors, policy violations, logs)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def image_stats(path):
    result = subprocess.run(["identify", "-format", "%w %h %[fx:standard_deviation]", path],
                            capture_output=True, text=True)
    width, height, deviation = result.stdout.split()
    return int(width), int(height), float(deviation)


def make_page(tool, bundle, source, work, lang):
    folder = os.path.join(work, "reports")
    if not os.path.isdir(folder):
        fleet = Fleet(folder, source)
        counts = empty_counts()
        counts["terms_without_result"] = {"<img src=x onerror=alert(1)>": 6}
        fleet.add(document("k5", "<script>alert('kiosk')</script>", fleet.last, 42, counts))
        fleet.write()
    page = os.path.join(work, "report-%s.html" % lang)
    result = subprocess.run([tool, folder, "-o", page, "--bundle", bundle, "--lang", lang,
                             "--today", "2025-03-13"], capture_output=True, text=True,
                            timeout=120 * scale())
    return page, result


def main():
    tool, bundle, source = sys.argv[1:4]
    tap = Tap()
    keep = os.environ.get("BAKEN_REPORT_SCREENSHOTS")
    work = tempfile.mkdtemp(prefix="baken-report-browser-")
    profile = os.path.join(work, "profile")
    os.makedirs(profile)
    try:
        if not tap.check(shutil.which("chromium") is not None, "chromium is installed",
                         "install chromium (scripts/deps.sh)"):
            return tap.done()
        for lang in ("nl", "en"):
            page, result = make_page(tool, bundle, source, work, lang)
            tap.check(result.returncode == 0, "%s: baken-report writes the page" % lang,
                      result.stderr)
            url = "file://" + page
            shot = os.path.join(keep or work, "report-%s.png" % lang)
            result = chromium(profile, "--window-size=1100,2400", "--screenshot=" + shot, url)
            tap.check(result.returncode == 0 and os.path.exists(shot),
                      "%s: Chromium takes a screenshot" % lang, result.stderr[-3000:])
            tap.check(not console(result.stderr), "%s: nothing on the browser's console"
                      % lang, "\n".join(console(result.stderr)))
            if os.path.exists(shot):
                width, height, deviation = image_stats(shot)
                tap.check(width == 1100 and height == 2400 and deviation > 0.1,
                          "%s: the screenshot is 1100x2400 and not blank (deviation %.2f)"
                          % (lang, deviation))

        page = os.path.join(work, "report-nl.html")
        result = chromium(profile, "--dump-dom", "file://" + page)
        dom = result.stdout
        tap.check(result.returncode == 0 and "<main>" in dom, "the DOM is built",
                  result.stderr[-2000:])
        missing = [s for s in SECTIONS if '<section id="%s">' % s not in dom]
        tap.check(not missing, "the DOM has all %d sections" % len(SECTIONS), missing)
        charts = len(re.findall(r"<svg class=\"chart\"", dom))
        tap.check(charts == 5, "five charts: weeks, situations, services, channels, hours",
                  charts)
        tap.check("<script" not in dom and "&lt;script&gt;alert('kiosk')&lt;/script&gt;" in dom,
                  "the kiosk named <script> is text in the DOM, no script element")
        tap.check(not console(result.stderr), "nothing on the console while building the DOM",
                  "\n".join(console(result.stderr)))

        pdf = os.path.join(keep or work, "report-nl.pdf")
        result = chromium(profile, "--print-to-pdf=" + pdf, "--no-pdf-header-footer",
                          "file://" + page)
        tap.check(result.returncode == 0 and os.path.exists(pdf), "Chromium prints it to PDF",
                  result.stderr[-2000:])
        if os.path.exists(pdf):
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                                  text=True).stdout
            tap.check(pages >= 3, "the PDF has %d pages" % pages)
            wanted = ["Baken: gebruik en feedback", "Bezoeken per levensgebeurtenis per week",
                      "Heeft dit u geholpen?", "Klopt er iets niet? Meldingen per dienst",
                      "Kiosken", "Zoekvragen zonder resultaat"]
            absent = [w for w in wanted if w not in text]
            tap.check(not absent, "the printed text has the headings", absent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
