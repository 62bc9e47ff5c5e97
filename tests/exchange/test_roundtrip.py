"""Any printable name goes through the capture line into the file and comes back unchanged."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.capture.record import record
from workshop.file.store import Store

_chars = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))
names = st.text(_chars, min_size=1, max_size=80).filter(lambda s: s.strip() == s)


def quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


@settings(max_examples=120, deadline=None)
@given(place=names, person=names, text=names)
def test_names_round_trip_through_the_file(place: str, person: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.wijk"
        store = Store.create(path, name="R")
        initiative = place + " (initiatief)"
        record(
            store,
            [
                f"p {quote(place)} @B2",
                f"persoon {quote(person)} !3",
                f"i {quote(initiative)} +{quote(person)}",
                f"n {quote(text)} ~{quote(place)}",
            ],
        )
        store.close()
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT name FROM place").fetchall() == [(place,)]
        assert conn.execute("SELECT name FROM actor").fetchall() == [(person,)]
        assert conn.execute("SELECT name FROM initiative").fetchall() == [(initiative,)]
        assert conn.execute("SELECT text FROM note").fetchall() == [(text,)]
        conn.close()


@settings(max_examples=60, deadline=None)
@given(
    st.text(_chars, min_size=1, max_size=40).filter(
        lambda s: s.strip() == s and not set(s) & set('#@!+~"<>-:')
    )
)
def test_unquoted_names_are_kept_exactly(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.create(Path(folder) / "r.wijk", name="R")
        record(store, [f"p {name} @A1"])
        assert store.rows("place")[0]["name"] == name
        store.close()
