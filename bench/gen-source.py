#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/gen-source: a large synthetic content source for benchmarks.

Copies the demo content (data/demo) to OUT_DIR and adds N synthetic services (default
10,000) from 500 synthetic organisations, with Dutch-looking names and descriptions
drawn from a Zipf distribution over domain words and their compounds (Dutch glues words
together, so the word list grows like real content: tens of thousands of distinct words).
A fifth of the services get an English name and description; a few records get Arabic,
Ukrainian, Turkish and Polish names, so the search index has a row per record in all six
kiosk languages, as a fully translated bundle would. About 3% of the services are not
active. Every service has a public phone number, and every other one is given at one of
500 synthetic locations with an address and postcode, so numbers can be searched. The
output is the same for the same seed.

Usage: bench/gen-source.py OUT_DIR [N_SERVICES] [SEED]
Then:  baken-bundle build OUT_DIR OUT.sqlite
"""
import csv
import itertools
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

BASE = """
hulp advies steun geld schuld schulden huur woning huis toeslag uitkering werk baan loon
inkomen zorg thuis buurt wijk gezin kind kinderen ouder ouderen jongeren school taal les
cursus brief post formulier aanvraag afspraak gesprek loket balie bureau dienst team punt
centrum stichting vereniging gemeente regio stad dorp recht rechter advocaat boete bezwaar
klacht melding meldpunt veilig geweld slachtoffer politie vrijwilliger maatje coach vervoer
bus auto fiets rolstoel hulpmiddel medicijn dokter huisarts tandarts ziekenhuis verpleging
mantelzorg respijt dagbesteding eten voedsel pakket kleding meubels energie stroom gas water
verzekering premie belasting aangifte administratie budget plan regeling bijstand pensioen
aow ww wajong wia participatie inburgering statushouder vluchteling asiel verblijf paspoort
identiteit digid computer telefoon internet bibliotheek spreekuur inloop ochtend middag avond
week maand jaar gratis kosten betalen sparen lenen krediet bank rekening incasso deurwaarder
beslag achterstand energiearmoede isolatie reparatie onderhoud schimmel lekkage verhuizen
urgentie opvang dakloos nachtopvang beschermd wonen begeleiding dagbesteding werkplaats
sport bewegen gezondheid eenzaamheid ontmoeting koffie maaltijd tuin natuur cultuur muziek
""".split()

SUFFIXES = "hulp loket punt team dienst winkel lijn huis plein centrum regeling fonds".split()

FILLER = """
wij u de het een en voor met bij over als of op in van aan om te uw zijn is kan kunt
helpen helpt geven geeft regelen zoeken vinden bellen komen maken vragen ook samen snel
goed eerst daarna altijd soms alleen
""".split()

CITIES = "Voorbeeldstad Noorderveld Zuiderhaven Oostbroek Westerdijk Middelburcht".split()

TRANSLATED = {
    "ar": ["مساعدة", "ديون", "إيجار", "عمل", "دعم"],
    "uk": ["допомога", "борги", "оренда", "робота", "підтримка"],
    "tr": ["yardım", "borçlar", "kira", "iş", "destek"],
    "pl": ["pomoc", "długi", "czynsz", "praca", "wsparcie"],
}

EN = {
    "hulp": "help", "advies": "advice", "steun": "support", "geld": "money",
    "schuld": "debt", "schulden": "debts", "huur": "rent", "woning": "home",
    "werk": "work", "zorg": "care", "kinderen": "children", "brief": "letter",
}


def zipf_words(rng, vocab, cumulative, n):
    return rng.choices(vocab, cum_weights=cumulative, k=n)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    n_services = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 6)

    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(os.path.join(ROOT, "data", "demo"), out)

    # Domain words plus compounds: "huur" + "toeslag" → "huurtoeslag".
    vocab = list(dict.fromkeys(BASE))
    compounds = set()
    while len(compounds) < 20000:
        a, b = rng.choice(BASE), rng.choice(BASE + SUFFIXES)
        if a != b:
            compounds.add(a + b)
    vocab += sorted(compounds)
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(vocab))]
    cumulative = list(itertools.accumulate(weights))

    def sentence(lo, hi):
        words = []
        for _ in range(rng.randint(lo, hi)):
            if rng.random() < 0.4:
                words.append(rng.choice(FILLER))
            else:
                words.extend(zipf_words(rng, vocab, cumulative, 1))
        return " ".join(words).capitalize() + "."

    with open(os.path.join(out, "organizations.csv"), "a", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for i in range(1, 501):
            name = f"{rng.choice(vocab).capitalize()} {rng.choice(CITIES)}"
            w.writerow([f"org-gen-{i:04d}", name, sentence(8, 20), "", ""])

    with open(os.path.join(out, "services.csv")) as f:
        header = next(csv.reader(f))
    translations = []
    with open(os.path.join(out, "services.csv"), "a", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n", restval="")
        for i in range(1, n_services + 1):
            sid = f"svc-gen-{i:05d}"
            words = zipf_words(rng, vocab, cumulative, rng.randint(2, 4))
            name = " ".join([words[0].capitalize()] + words[1:])
            w.writerow({
                "id": sid,
                "organization_id": f"org-gen-{rng.randint(1, 500):04d}",
                "name": name,
                "status": "active" if rng.random() > 0.03 else "inactive",
                "description": sentence(12, 30)
                + (" " + sentence(6, 15) if rng.random() < 0.5 else ""),
                "application_process": sentence(8, 20),
            })
            if rng.random() < 0.2:
                en = " ".join(EN.get(x, x) for x in name.lower().split()).capitalize()
                translations.append(["service", sid, "name", "en", en])
                translations.append(["service", sid, "description", "en",
                                     " ".join(EN.get(x, x) for x in sentence(10, 20).split())])
            if i <= 50:
                lang = list(TRANSLATED)[i % len(TRANSLATED)]
                translations.append(["service", sid, "name", lang,
                                     " ".join(rng.sample(TRANSLATED[lang], 2))])

    with open(os.path.join(out, "translations.csv"), "a", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(translations)

    add_numbers(out, n_services, random.Random(rng.random()))


def add_numbers(out, n_services, rng):
    """Phones, locations and addresses, from their own random stream so the texts above
    stay the same for a seed."""
    def append(name, rows):
        with open(os.path.join(out, name), "a", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

    locations, addresses = [], []
    for i in range(1, 501):
        lid = f"loc-gen-{i:04d}"
        locations.append([lid, f"org-gen-{i:04d}", f"Locatie {i}", "", "",
                          f"{52.0 + rng.random() / 5:.4f}", f"{5.0 + rng.random() / 5:.4f}"])
        postcode = f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}" \
                   f"{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
        addresses.append([f"addr-gen-{i:04d}", lid, f"Straat {rng.randint(1, 200)}", postcode,
                          rng.choice(CITIES), "NL", "physical"])
    append("locations.csv", locations)
    append("addresses.csv", addresses)

    phones, sals = [], []
    for i in range(1, n_services + 1):
        sid = f"svc-gen-{i:05d}"
        number = f"0{rng.randint(10, 99)} {rng.randint(100, 999)} " \
                 f"{rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"
        phones.append([f"ph-gen-{i:05d}", sid, number, "Bel ons", "public", "", 1])
        if i % 2 == 0:
            sals.append([f"sal-gen-{i:05d}", sid, f"loc-gen-{rng.randint(1, 500):04d}"])
    append("phones.csv", phones)
    append("service_at_location.csv", sals)


if __name__ == "__main__":
    main()
