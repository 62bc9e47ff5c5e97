"""City-scale speed of the one redaction (issue 14, item 1).

    python -m pytest tests/benchmarks/test_redaction_speed.py -s

A synthetic city file: 5,000 actors (4,000 persons with made-up first and last names at every
consent level, 1,000 organisations), 2,000 participants, 20,000 notes of about 100 characters
that mention persons, phones and mails, and an undo history in which every person's phone
changed once. Prints how long building the redactor takes for each audience, how fast it
scrubs, and a whole JSON export; asserts nothing about time.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from workshop import model
from workshop.exchange import tables
from workshop.file import redaction
from workshop.file.store import Store

PERSONS, ORGS, PARTICIPANTS, NOTES = 4_000, 1_000, 2_000, 20_000
SYLLABLES = [
    "ja",
    "pie",
    "ke",
    "bas",
    "el",
    "ma",
    "ri",
    "ti",
    "no",
    "der",
    "sen",
    "van",
    "lo",
    "ös",
    "çe",
    "lik",
    "yıl",
    "maz",
    "wo",
    "źni",
    "ak",
    "hen",
    "driks",
    "mül",
]


def _name(rnd: random.Random, parts: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(parts)).capitalize()


def build(path: Path, seed: int = 7) -> tuple[Store, list[str]]:
    rnd = random.Random(seed)
    store = Store.create(path, name="Stad")
    people: list[tuple[str, str]] = []
    with store.write() as w:
        ids = []
        with w.entry("persons"):
            for i in range(PERSONS):
                name = f"{_name(rnd, 2)} {rnd.choice(['', 'van ', 'de '])}{_name(rnd, 3)}"
                tel = f"06-{i:08d}"
                row = w.insert(
                    "actor",
                    {
                        "name": name,
                        "type": "person",
                        "consent": rnd.choice(model.CONSENT_ORDER),
                        "tel": tel,
                        "mail": f"p{i}@example.nl",
                    },
                )
                ids.append(row["id"])
                people.append((name, tel))
            for _ in range(ORGS):
                w.insert(
                    "actor",
                    {
                        "name": f"Stichting {_name(rnd, 3)}",
                        "type": "organisation",
                        "consent": "public",
                        "groups": "buren",
                    },
                )
            for _ in range(PARTICIPANTS):
                w.insert(
                    "participant",
                    {
                        "name": f"{_name(rnd, 2)} {_name(rnd, 3)}",
                        "consent": rnd.choice(model.CONSENT_ORDER),
                    },
                )
        with w.entry("new phones"):
            for i, id_ in enumerate(ids):
                w.update("actor", id_, {"tel": f"+31 6 {i + 50_000_000}"})
        texts = []
        for _ in range(NOTES):
            name, tel = rnd.choice(people)
            first, *_, last = name.split()
            text = rnd.choice(
                [
                    f"Bel {name} op {tel.replace('-', ' ')} over de tuin bij het buurthuis",
                    f"{first} zei dat {last}s buurvrouw ook wil meedoen, mail p1@example.nl",
                    "Koffie in de Basisschool om tien uur, iedereen welkom, ook de buren",
                ]
            )
            texts.append(text)
        with w.entry("notes"):
            for text in texts:
                w.insert("note", {"text": text})
    return store, texts


def test_redaction_speed(tmp_path: Path) -> None:
    start = time.perf_counter()
    store, texts = build(tmp_path / "stad.wijk")
    print(f"\nbuilt the city file in {time.perf_counter() - start:.1f} s")
    for audience, anonymise in (
        ("internal", False),
        ("print", False),
        ("export", False),
        ("export", True),
    ):
        # CPU time as well as wall time: on a shared machine the wall clock mostly measures
        # the neighbours.
        start, cpu = time.perf_counter(), time.process_time()
        engine = redaction.Redactor.build(store, audience, anonymise=anonymise)
        built, built_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        changed = sum(engine.text(t) != t for t in texts)
        scrubbed, scrubbed_cpu = time.perf_counter() - start, time.process_time() - cpu
        chars = sum(map(len, texts))
        print(
            f"{audience:8} anonymise={anonymise!s:5}: build {built * 1000:5.0f} ms "
            f"(cpu {built_cpu * 1000:5.0f} ms; {len(engine.words)} words, "
            f"{len(engine.full)} full names, {len(engine.phones)} phones); "
            f"{len(texts)} texts ({chars / 1e6:.1f} MB) in {scrubbed:.2f} s "
            f"(cpu {scrubbed_cpu:.2f} s = {len(texts) / scrubbed_cpu:,.0f} texts/s), "
            f"{changed} changed"
        )
    start, cpu = time.perf_counter(), time.process_time()
    tables.export_json(store, None)
    print(
        f"json export of the whole file: {time.perf_counter() - start:.2f} s "
        f"(cpu {time.process_time() - cpu:.2f} s)"
    )
    store.close()
