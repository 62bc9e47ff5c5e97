"""After `forget`, undo and redo go on working for every other capture and never bring the
person back, whatever the undo log holds: their old phone and mail, a quote or line break that
JSON escapes, a step left to redo, a trigger that copies old values (issue 14)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.file.test_forget_exact import file_bytes, forget, make
from workshop.capture.record import record
from workshop.file.store import Store

PERSON = "Fatma Yılmaz"
SECRETS = [
    b"fatma",
    "yılmaz".encode(),
    b"yilmaz",
    b"12345678",
    b"87654321",
    b"fatma@",
    b"yilmaz@",
    b"11223344",
]


def assert_never_there(path: Path, step: str) -> None:
    data = file_bytes(path).lower()
    for secret in SECRETS:
        assert secret not in data, (step, secret)
    assert not re.search(rb"bilal(?!2)", data), step  # "Bilal2" is somebody else


def evening(tmp_path: Path) -> Path:
    """Several captures around one person, an edit of their phone and mail, a text with a
    line break and a quote, a step undone (left to redo) that names them."""
    path = make(
        tmp_path,
        [
            'p "Buurthuis De Bron" #buurthuis @C4',
            f'persoon "{PERSON}" tel:06-12345678 mail:fatma@example.nl consent:print',
            f'i Moestuin +"{PERSON}" +Piet wat:"{PERSON} trekt het, bel 0612345678"',
            f'"{PERSON}" -> Piet #kent',
            'n "Fatma\'s dochter helpt" ~"Buurthuis De Bron"',
            'n "Piet komt ook" ~Piet',
            'deelnemer "Fatma Yılmaz" #appartement',
            'kandidaat "Bilal" tel:"+31 6 11223344"',
        ],
        name="Kersenbuurt",
    )
    with Store.open(path) as store:
        fatma = store.find("actor", PERSON)[0]
        place = store.find("place", "Buurthuis De Bron")[0]
        with store.write() as w, w.entry("tel/mail"):
            w.update(
                "actor", fatma["id"], {"tel": "+31 6 8765 4321", "mail": "f.yilmaz@example.nl"}
            )
        with store.write() as w, w.entry("wat"):
            w.update("place", place["id"], {"description": f'Sleutel: "{PERSON}"\nof Piet'})
        record(
            store, ["p Speeltuin", 'n "Bel YILMAZ: 06 8765 4321" ~Speeltuin', "kandidaat Bilal2"]
        )
        store.undo()  # Bilal2
        store.undo()  # the note naming her: now only in the redo stack
    return path


def test_undo_and_redo_never_bring_the_person_back(tmp_path: Path) -> None:
    path = evening(tmp_path)
    forget(path, PERSON)
    forget(path, "Bilal")
    assert_never_there(path, "after forget")
    steps = 0
    with Store.open(path) as store:
        assert sorted(a["name"] for a in store.rows("actor")) == ["Piet"]
        while store.undo() is not None:
            steps += 1
            assert_never_there(path, f"undo {steps}")
        assert store.count("place") == store.count("actor") == store.count("note") == 0
        while store.redo() is not None:
            steps += 1
            assert_never_there(path, f"redo {steps}")
        assert sorted(p["name"] for p in store.rows("place")) == ["Buurthuis De Bron", "Speeltuin"]
        assert [i["description"] for i in store.rows("initiative")] == [
            "[vergeten] trekt het, bel [vergeten]"
        ]
        assert sorted(n["text"] for n in store.rows("note")) == [
            "Bel [vergeten]: [vergeten]",
            "Piet komt ook",
            "[vergeten] dochter helpt",
        ]
        assert store.count("actor_initiative") == 1  # Piet's link to the Moestuin
        assert store.count("participant") == store.count("tie") == 0
        assert [c["name"] for c in store.rows("candidate")] == ["Bilal2"]
        assert store.find("place", "Buurthuis De Bron")[0]["description"] == (
            'Sleutel: "[vergeten]"\nof Piet'
        )
        record(store, ["p Nieuw"])  # and the file goes on working
        assert store.undo()["line"] == "p Nieuw"
    assert steps > 10


def test_a_person_only_in_the_redo_stack_is_found(tmp_path: Path) -> None:
    path = make(tmp_path, ["p Plein", f'persoon "{PERSON}" tel:0612345678'])
    with Store.open(path) as store:
        store.undo()
        assert store.find("actor", PERSON) == []
    forget(path, PERSON)
    assert_never_there(path, "forgotten")
    with Store.open(path) as store:
        assert store.redo() is None
        assert store.undo()["line"] == "p Plein"


def test_a_trigger_that_keeps_old_values_is_followed(tmp_path: Path) -> None:
    path = make(tmp_path, [f'persoon "{PERSON}" tel:0612345678', f'n "{PERSON} helpt"'])
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE audit (old TEXT, at TEXT);
        CREATE TRIGGER keep_old AFTER UPDATE ON note BEGIN
            INSERT INTO audit VALUES (old.text, datetime('now'));
        END;
    """)
    conn.close()
    forget(path, PERSON)
    assert_never_there(path, "after forget")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT old FROM audit").fetchall() == [("[vergeten] helpt",)]
    conn.close()


def test_a_deleted_and_captured_again_person_is_one_person(tmp_path: Path) -> None:
    path = make(tmp_path, ["persoon Bas tel:0612345678", "p Plein"])
    with Store.open(path) as store:
        bas = store.find("actor", "Bas")[0]
        with store.write() as w, w.entry("weg"):
            w.delete("actor", bas["id"])
        record(store, ["persoon Bas tel:0687654321"])
    forget(path, "Bas")
    data = file_bytes(path)
    assert b"12345678" not in data and b"87654321" not in data
    assert not re.search(rb"\bBas\b", data)  # ("Basisbuurt" stays)


def test_a_name_that_json_escapes_is_found_in_the_undo_log(tmp_path: Path) -> None:
    """The old forget grepped the log's JSON text, where `"` and line breaks are escaped."""
    path = make(tmp_path, ['persoon "Els \\"Tante\\" Peters" tel:0612345678', "p Plein"])
    with Store.open(path) as store:
        els = store.rows("actor")[0]
        assert els["name"] == 'Els "Tante" Peters'
        with store.write() as w, w.entry("wat"):
            w.update("actor", els["id"], {"description": "woont\nnaast Plein"})
        with store.write() as w, w.entry("naam"):
            w.update("actor", els["id"], {"name": "Els\nPeters"})
    forget(path, "Els\nPeters")
    with Store.open(path) as store:
        while store.undo() is not None:
            assert b"Peters" not in file_bytes(path)
        while store.redo() is not None:
            assert b"Peters" not in file_bytes(path)
        assert [p["name"] for p in store.rows("place")] == ["Plein"]
