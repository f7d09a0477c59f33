# SPDX-License-Identifier: GPL-3.0-or-later
"""A generated fleet of kiosk reports for the baken-report tests, with the numbers the
report must show, computed here on their own (not by the code under test).

Fleet(...) writes report documents (docs/report-schema.json) as the upload stores them,
DIR/KIOSK-ID/DATE.json, with counts drawn from a seeded random generator over the ids of
the demo content (data/demo), and some chosen on purpose: counts of exactly 0 to 6 (the
"<5" rule), a kiosk behind on content, a silent kiosk, a kiosk renamed on its last day.
expected_csv(...) gives each CSV table, row by row, as baken-report must write it."""
import csv
import datetime
import json
import os
import random

CHANNELS = ["phone", "chat", "appointment", "walk_in", "website"]
HELPED = ["yes", "a_little", "no"]
WRONG = ["phone", "address", "hours", "gone", "other"]
EPOCH = datetime.date(2000, 1, 1)


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, ok, description, detail=""):
        self.n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.n, description), flush=True)
        if not ok:
            self.failed += 1
            for line in str(detail).rstrip().splitlines()[:60]:
                print("#   " + line, flush=True)
        return ok

    def done(self):
        print("1..%d" % self.n, flush=True)
        return 1 if self.failed else 0


def demo_content(source):
    """Ids and Dutch names of the demo content: (events, situations, services, names)."""
    def rows(name):
        with open(os.path.join(source, name), encoding="utf-8") as f:
            return list(csv.DictReader(f))
    events, situations, names = [], [], {}
    for row in rows("life_events.csv"):
        (situations if row["parent_id"] else events).append(row["id"])
        names[("life_event", row["id"])] = row["title"]
    organisations = {row["id"]: row["name"] for row in rows("organizations.csv")}
    services = []
    for row in rows("services.csv"):
        services.append(row["id"])
        if row["status"] == "active":
            names[("service", row["id"])] = "%s (%s)" % (row["name"],
                                                         organisations[row["organization_id"]])
    return events, situations, services, names


def document(kiosk, name, day, serial, counts, **status):
    return {
        "format": "baken-report", "version": 1,
        "kiosk": {"id": kiosk, "name": name},
        "date": day.isoformat(),
        "generated": "%sT23:05:00Z" % day.isoformat(),
        "app": {"version": status.get("version", "0.1.0")},
        "content": {"serial": serial, "published": "2025-01-01T08:00:00Z",
                    "key_id": "9AEC8527F46BB478", "source": "bundle"},
        "status": {"last_sync": {"at": "%sT03:00:00Z" % day.isoformat(),
                                 "result": status.get("sync", "unchanged"),
                                 "reason": status.get("reason", "")},
                   "printer": {"state": status.get("printer", "ready"), "reason": ""},
                   "uptime_s": 3600, "restarts": status.get("restarts", 1),
                   "fallbacks": status.get("fallbacks", 0)},
        "counts": counts,
    }


def empty_counts():
    return {
        "life_events": {}, "situations": {}, "services": {},
        "channels": {k: 0 for k in CHANNELS}, "slips": {"resident": 0, "handover": 0},
        "read_aloud": 0, "speech_mode": 0, "languages": {},
        "text_size": {"large": 0, "very_large": 0}, "high_contrast": 0, "idle_resets": 0,
        "visits_by_hour": [0] * 24, "searches": 0, "searches_without_result": 0,
        "terms_without_result": {}, "helped": {}, "wrong": {},
    }


def random_counts(rng, events, situations, services):
    c = empty_counts()
    for e in rng.sample(events, rng.randint(0, len(events))):
        c["life_events"][e] = rng.randint(0, 9)
    for s in rng.sample(situations, rng.randint(0, 6)):
        c["situations"][s] = rng.randint(1, 4)
    for s in rng.sample(services, rng.randint(0, 8)):
        c["services"][s] = rng.randint(0, 7)
    for k in CHANNELS:
        c["channels"][k] = rng.randint(0, 3)
    c["slips"] = {"resident": rng.randint(0, 5), "handover": rng.randint(0, 1)}
    c["read_aloud"] = rng.randint(0, 2)
    c["speech_mode"] = rng.randint(0, 1)
    c["languages"] = {lang: rng.randint(1, 3) for lang in rng.sample(["en", "ar", "uk", "tr"], 2)}
    c["text_size"] = {"large": rng.randint(0, 2), "very_large": rng.randint(0, 1)}
    c["high_contrast"] = rng.randint(0, 1)
    c["idle_resets"] = rng.randint(0, 9)
    c["visits_by_hour"] = [rng.randint(0, 4) if 9 <= h <= 17 else 0 for h in range(24)]
    c["searches"] = rng.randint(0, 6)
    c["searches_without_result"] = rng.randint(0, c["searches"])
    for t in rng.sample(["huurtoeslag", "kwijtschelding", "schuld hulp", "scootmobiel",
                         "rijbewijs kwijt"], rng.randint(0, 2)):
        c["terms_without_result"][t] = rng.randint(1, 2)
    for s in rng.sample(services, rng.randint(0, 3)):
        c["helped"][s] = {k: rng.randint(0, 3) for k in HELPED}
    if rng.random() < 0.3:
        c["wrong"][rng.choice(services)] = {k: rng.randint(0, 1) for k in WRONG}
    return c


class Fleet:
    """Reports of several kiosks over DAYS days ending on LAST; kiosk k2 runs an older
    serial, k3 stops reporting 5 days before the end, k1 is renamed on its last day."""

    def __init__(self, folder, source, days=24, last=datetime.date(2025, 3, 12), seed=7):
        self.folder = folder
        self.events, self.situations, self.services, self.names = demo_content(source)
        self.last = last
        self.docs = []
        rng = random.Random(seed)
        kiosks = [("k1", "Bibliotheek Centrum"), ("k2", "Stadhuis"), ("k3", "Wijkcentrum Noord"),
                  ("k4", "Gezondheidscentrum")]
        for kiosk, name in kiosks:
            for d in range(days):
                day = last - datetime.timedelta(days=days - 1 - d)
                if kiosk == "k3" and day > last - datetime.timedelta(days=5):
                    continue
                serial = 41 if kiosk == "k2" else (41 if d < days // 2 else 42)
                counts = random_counts(rng, self.events, self.situations, self.services)
                shown = name + " (nieuw)" if kiosk == "k1" and d == days - 1 else name
                self.add(document(kiosk, shown, day, serial, counts,
                                  printer="problem" if kiosk == "k4" else "ready",
                                  restarts=d % 3))
        # Counts chosen for the "<5" rule: one service seen 1 .. 6 times in total.
        for n, service in enumerate(self.services[:7]):
            counts = empty_counts()
            counts["wrong"][service] = {k: (n if k == "gone" else 0) for k in WRONG}
            self.add(document("k9", "Servicepunt", last - datetime.timedelta(days=n), 42,
                              counts))

    def add(self, doc):
        self.docs.append(doc)

    def write(self):
        for doc in self.docs:
            path = os.path.join(self.folder, doc["kiosk"]["id"], doc["date"] + ".json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=1, ensure_ascii=False)


def small(n):
    return "<5" if 1 <= n <= 4 else str(n)


def monday(day):
    return day - datetime.timedelta(days=day.weekday())


def ranked(totals):
    """Keys by total, highest first, then by key (as bytes, as strcmp)."""
    return sorted(totals, key=lambda k: (-totals[k], k.encode()))


def expected_csv(docs, today, names=None, words=None):
    """{table file: [rows]} as baken-report writes them (rows of strings, header first)."""
    names = names or {}
    w = words
    parsed = [(doc, datetime.date.fromisoformat(doc["date"])) for doc in docs]
    sums = {key: {} for key in ("life_events", "situations", "services", "terms", "languages")}
    weekly = {}
    helped, wrong = {}, {}
    totals = {k: 0 for k in CHANNELS + ["resident", "handover", "read_aloud", "speech_mode",
                                        "large", "very_large", "high_contrast", "idle_resets"]}
    hours = [0] * 24
    for doc, day in parsed:
        c = doc["counts"]
        for key, field in (("life_events", "life_events"), ("situations", "situations"),
                           ("services", "services"), ("terms", "terms_without_result"),
                           ("languages", "languages")):
            for k, v in c[field].items():
                sums[key][k] = sums[key].get(k, 0) + v
        for k, v in c["life_events"].items():
            weekly[(monday(day), k)] = weekly.get((monday(day), k), 0) + v
        for s, answers in c["helped"].items():
            sums["services"].setdefault(s, 0)
            row = helped.setdefault(s, [0, 0, 0])
            for i, k in enumerate(HELPED):
                row[i] += answers[k]
        for s, reasons in c["wrong"].items():
            sums["services"].setdefault(s, 0)
            row = wrong.setdefault(s, [0] * 5)
            for i, k in enumerate(WRONG):
                row[i] += reasons[k]
        for k in CHANNELS:
            totals[k] += c["channels"][k]
        totals["resident"] += c["slips"]["resident"]
        totals["handover"] += c["slips"]["handover"]
        totals["large"] += c["text_size"]["large"]
        totals["very_large"] += c["text_size"]["very_large"]
        for k in ("read_aloud", "speech_mode", "high_contrast", "idle_resets"):
            totals[k] += c[k]
        for h in range(24):
            hours[h] += c["visits_by_hour"][h]

    def name(kind, key):
        return names.get((kind, key), "")

    out = {}
    out["life-events"] = [[w["id"], w["life_event"], w["opened"]]] + [
        [k, name("life_event", k), small(sums["life_events"][k])]
        for k in ranked(sums["life_events"])]
    out["situations"] = [[w["id"], w["situation"], w["opened"]]] + [
        [k, name("life_event", k), small(sums["situations"][k])]
        for k in ranked(sums["situations"])]
    rows = [[w["week_start"], w["week"], w["id"], w["life_event"], w["count"]]]
    first = min(day for _, day in parsed)
    last = max(day for _, day in parsed)
    week = monday(first)
    while week <= last:
        iso = week.isocalendar()
        for k in ranked(sums["life_events"]):
            n = weekly.get((week, k), 0)
            if n:
                rows.append([week.isoformat(), "%d-W%02d" % (iso[0], iso[1]), k,
                             name("life_event", k), small(n)])
        week += datetime.timedelta(days=7)
    out["life-events-per-week"] = rows
    out["services"] = [[w["id"], w["service"], w["viewed"]] + w["helped_names"] +
                       [w["wrong_reports"]]] + [
        [k, name("service", k), small(sums["services"][k])] +
        [small(n) for n in helped.get(k, [0, 0, 0])] + [small(sum(wrong.get(k, [0])))]
        for k in ranked(sums["services"])]
    out["channels"] = [[w["channel"], w["count"]]] + [
        [w["channel_names"][i], small(totals[k])] for i, k in enumerate(CHANNELS)]
    out["use"] = [[w["use_item"], w["count"]]] + [
        [w[label], small(totals[k])] for label, k in (
            ("slips_resident", "resident"), ("slips_handover", "handover"),
            ("read_aloud", "read_aloud"), ("speech_mode", "speech_mode"),
            ("text_large", "large"), ("text_very_large", "very_large"),
            ("high_contrast", "high_contrast"), ("idle_resets", "idle_resets"))]
    codes = ["nl", "en", "ar", "tr", "pl", "uk"]
    out["languages"] = [[w["id"], w["language"], w["chosen"]]] + [
        [k, w["language_names"][codes.index(k)] if k in codes else "",
         small(sums["languages"][k])] for k in ranked(sums["languages"])]
    out["hours"] = [[w["hour"], w["visits"]]] + [["%02d:00" % h, small(hours[h])]
                                                 for h in range(24)]
    answered = sorted(helped, key=lambda k: (-sum(helped[k]), k.encode()))
    out["helped"] = [[w["id"], w["service"]] + w["helped_names"] + [w["answers"]]] + [
        [k, name("service", k)] + [small(n) for n in helped[k]] + [small(sum(helped[k]))]
        for k in answered if sum(helped[k]) > 0]
    out["searches-without-result"] = [[w["term"], w["count"]]] + [
        [k, small(sums["terms"][k])] for k in ranked(sums["terms"])]
    reported = sorted(wrong, key=lambda k: (-sum(wrong[k]), k.encode()))
    out["wrong"] = [[w["id"], w["service"]] + w["wrong_names"] + [w["total"]]] + [
        [k, name("service", k)] + [small(n) for n in wrong[k]] + [small(sum(wrong[k]))]
        for k in reported if sum(wrong[k]) > 0]
    out["kiosks"] = expected_kiosks(parsed, today, w)
    return out


def expected_kiosks(parsed, today, w):
    kiosks = {}
    for doc, day in sorted(parsed, key=lambda p: p[1]):
        k = kiosks.setdefault(doc["kiosk"]["id"], {"first": day, "days": 0, "restarts": 0,
                                                   "fallbacks": 0})
        k["days"] += 1
        k["restarts"] += doc["status"]["restarts"]
        k["fallbacks"] += doc["status"]["fallbacks"]
        k["last"] = day
        k["doc"] = doc
    newest = max(k["doc"]["content"]["serial"] for k in kiosks.values())
    results = dict(zip(["never", "installed", "unchanged", "failed"], w["sync_results"]))
    printers = dict(zip(["ready", "busy", "problem", "none"], w["printer_states"]))
    rows = []
    for kid, k in kiosks.items():
        doc = k["doc"]
        silent = (today - k["last"]).days if (today - k["last"]).days > 2 else 0
        behind = doc["content"]["serial"] < newest
        status = []
        if silent:
            status.append(w["status_silent"].replace("%s", str(silent)))
        if behind:
            status.append(w["status_behind"])
        rows.append(((silent > 0) * 2 + behind, kid, [
            kid, doc["kiosk"]["name"], "; ".join(status) or w["status_ok"],
            str(doc["content"]["serial"]), doc["content"]["published"] or "",
            doc["app"]["version"], k["first"].isoformat(), k["last"].isoformat(),
            str(k["days"]), doc["status"]["last_sync"]["at"] or "",
            results[doc["status"]["last_sync"]["result"]],
            doc["status"]["last_sync"]["reason"],
            printers[doc["status"]["printer"]["state"]], str(k["restarts"]),
            str(k["fallbacks"])]))
    rows.sort(key=lambda r: (-r[0], r[1].encode()))
    header = [w["id"], w["kiosk"], w["status"], w["serial"], w["published"],
              w["app_version"], w["first_seen"], w["last_seen"], w["days_reported"],
              w["last_sync"], w["sync_result"], w["sync_reason"], w["printer"],
              w["restarts"], w["fallbacks"]]
    return [header] + [r[2] for r in rows]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [row for row in csv.reader(f)]


# The words of the tables' headers and values, as the report must write them.
WORDS = {
    "nl": {
        "id": "Code", "life_event": "Levensgebeurtenis", "situation": "Situatie",
        "opened": "Geopend", "week_start": "Week begint op", "week": "week",
        "count": "Aantal", "service": "Dienst", "viewed": "Bekeken",
        "helped_names": ["Ja", "Een beetje", "Nee"],
        "wrong_reports": "Meldingen “Klopt er iets niet?”", "channel": "Contactmanier",
        "channel_names": ["Bellen", "Chatten", "Afspraak maken", "Langskomen", "Website"],
        "use_item": "Onderdeel", "slips_resident": "Bonnen geprint door inwoners",
        "slips_handover": "Bonnen geprint bij een warme overdracht",
        "read_aloud": "Voorlezen aangezet",
        "speech_mode": "Spraakmodus gestart (toetsenblok of koptelefoon)",
        "text_large": "Grotere tekst", "text_very_large": "Heel grote tekst",
        "high_contrast": "Hoog contrast",
        "idle_resets": "Bezoeken gestopt omdat niemand meer tikte",
        "language": "Taal", "chosen": "Gekozen",
        "language_names": ["Nederlands", "Engels", "Arabisch", "Turks", "Pools", "Oekraïens"],
        "hour": "Uur", "visits": "Bezoeken", "answers": "Antwoorden", "term": "Zoekvraag",
        "wrong_names": ["Telefoonnummer", "Adres", "Openingstijden", "Bestaat niet meer",
                        "Iets anders"],
        "total": "Totaal", "kiosk": "Kiosk", "status": "Status",
        "serial": "Inhoud (serienummer)", "published": "Inhoud gepubliceerd",
        "app_version": "Versie", "first_seen": "Eerste rapport",
        "last_seen": "Laatste rapport", "days_reported": "Dagen met rapport",
        "last_sync": "Laatste synchronisatie", "sync_result": "Resultaat",
        "sync_reason": "Reden",
        "sync_results": ["nooit", "nieuwe inhoud", "niets nieuws", "mislukt"],
        "printer": "Printer", "printer_states": ["klaar", "bezig", "probleem", "geen printer"],
        "restarts": "Herstarts", "fallbacks": "Terug naar oude inhoud",
        "status_ok": "In orde", "status_behind": "Loopt achter",
        "status_silent": "Stil sinds %s dagen",
    },
    "en": {
        "id": "Id", "life_event": "Life event", "situation": "Situation", "opened": "Opened",
        "week_start": "Week starts on", "week": "week", "count": "Count",
        "service": "Service", "viewed": "Viewed", "helped_names": ["Yes", "A little", "No"],
        "wrong_reports": "“Is something wrong?” reports", "channel": "Contact way",
        "channel_names": ["Phone", "Chat", "Appointment", "Walk in", "Website"],
        "use_item": "Item", "slips_resident": "Slips printed by residents",
        "slips_handover": "Slips printed at a warm handover",
        "read_aloud": "Read aloud switched on",
        "speech_mode": "Speech mode started (keypad or headset)",
        "text_large": "Larger text", "text_very_large": "Very large text",
        "high_contrast": "High contrast",
        "idle_resets": "Visits ended because no one tapped any more",
        "language": "Language", "chosen": "Chosen",
        "language_names": ["Dutch", "English", "Arabic", "Turkish", "Polish", "Ukrainian"],
        "hour": "Hour", "visits": "Visits", "answers": "Answers", "term": "Search",
        "wrong_names": ["Phone number", "Address", "Opening hours", "No longer exists",
                        "Something else"],
        "total": "Total", "kiosk": "Kiosk", "status": "Status",
        "serial": "Content (serial)", "published": "Content published",
        "app_version": "Version", "first_seen": "First report", "last_seen": "Last report",
        "days_reported": "Days with a report", "last_sync": "Last sync",
        "sync_result": "Result", "sync_reason": "Reason",
        "sync_results": ["never", "new content", "nothing new", "failed"],
        "printer": "Printer", "printer_states": ["ready", "busy", "problem", "no printer"],
        "restarts": "Restarts", "fallbacks": "Back to old content", "status_ok": "Fine",
        "status_behind": "Behind", "status_silent": "Silent for %s days",
    },
}


class PageTables:
    """The tables of a report page, by the id of their section: {id: [[cell, ...], ...]}
    (cell texts, the header row first; a labelled cell's name and id as "NAME|ID"), and
    the cells marked (class "mark") as (section, row, column)."""

    def __init__(self, page):
        from html.parser import HTMLParser
        self.tables = {}
        self.marked = set()
        outer = self

        class Parser(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.section = None
                self.row = None
                self.cell = None
                self.in_id = False

            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                if tag == "section":
                    self.section = attrs.get("id")
                elif tag == "tr" and self.section:
                    self.row = []
                elif tag in ("td", "th") and self.row is not None:
                    self.cell = ""
                    if "mark" in (attrs.get("class") or "").split():
                        rows = outer.tables.get(self.section, [])
                        outer.marked.add((self.section, len(rows), len(self.row)))
                elif tag == "span" and attrs.get("class") == "id" and self.cell is not None:
                    self.cell += "|"
                elif tag == "svg" and self.cell is not None:
                    self.cell += "[chart]"

            def handle_endtag(self, tag):
                if tag in ("td", "th") and self.cell is not None:
                    self.row.append(self.cell.strip())
                    self.cell = None
                elif tag == "tr" and self.row is not None:
                    outer.tables.setdefault(self.section, []).append(self.row)
                    self.row = None
                elif tag == "section":
                    self.section = None

            def handle_data(self, data):
                if self.cell is not None and "[chart]" not in self.cell:
                    self.cell += data

        Parser().feed(page)
