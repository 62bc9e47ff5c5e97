"""Sessions are meetings (issue 10, item 3): no session row until something is captured in it,
a `sessie` line fills in the session an evening started without a name, opening a file to look
or print writes nothing, and the summary counts evenings and tables, not session rows."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from workshop import demo as demo_data
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.printing import templates
from workshop.printing.summary.build import print_summary

TODAY = dt.date.today().isoformat()


def _dump(path: Path) -> list[str]:
    """The file's contents, less the log of files written (`forget` needs to know of them:
    printing may add to that log, and to nothing else)."""
    with Store.open(path, readonly=True) as store:
        return [
            line
            for line in store.conn.iterdump()
            if not line.startswith('INSERT INTO "output_file"')
        ]


def test_no_session_exists_until_something_is_captured(store: Store) -> None:
    assert store.count("session") == 0
    store.rows("place")
    store.history()
    assert store.count("session") == 0
    record(store, ["p Plein"])
    assert [s["date"] for s in store.rows("session")] == [TODAY]


def test_a_session_line_fills_in_the_session_the_evening_started_without_a_name(
    store: Store,
) -> None:
    record(store, ["p Plein", "persoon Jan"])
    record(store, ['sessie locatie:"Buurthuis De Kuil" tafel:1 begeleider:Els', "p Bieb"])
    sessions = store.rows("session")
    assert len(sessions) == 1
    assert (sessions[0]["venue"], sessions[0]["table_name"], sessions[0]["facilitator"]) == (
        "Buurthuis De Kuil",
        "1",
        "Els",
    )
    assert {p["session_id"] for p in store.rows("place")} == {sessions[0]["id"]}


def test_a_first_session_line_makes_one_session_not_two(store: Store) -> None:
    record(store, ['sessie locatie:"Buurthuis De Kuil" tafel:1'])
    record(store, ["p Plein"])
    assert store.count("session") == 1


def test_a_session_line_naming_only_the_table_keeps_venue_and_facilitator(store: Store) -> None:
    record(store, ['sessie locatie:"Buurthuis De Kuil" tafel:1 begeleider:Els', "p Plein"])
    record(store, ["sessie tafel:2", "p Bieb"])
    rows = {s["table_name"]: s for s in store.rows("session")}
    assert set(rows) == {"1", "2"}
    assert (rows["2"]["venue"], rows["2"]["facilitator"]) == ("Buurthuis De Kuil", "Els")
    record(store, ["sessie tafel:1", "p Markt"])  # back to the first table
    assert store.find("place", "Markt")[0]["session_id"] == rows["1"]["id"]
    assert store.count("session") == 2


def test_printing_and_looking_change_nothing_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wijk.wijk"
    Store.create(path, name="Wijk").close()
    with Store.open(path) as store:
        record(store, ["sessie 2026-10-08 tafel:1", "p Plein", "i Soep +Jan"])
    before = _dump(path)
    runner = CliRunner()
    for args in (
        ["print", "summary", str(path), "-o", str(tmp_path / "s.pdf")],
        ["print", "cards", str(path), "-o", str(tmp_path / "c.pdf")],
        ["connectors", str(path)],
        ["coverage", str(path)],
        ["check", str(path)],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    with Store.open(path) as store:
        store.rows("session")
    assert _dump(path) == before
    with Store.open(path, readonly=True) as store:
        written = {row["kind"] for row in store.rows("output_file")}
    assert written == {"summary", "cards"}


def test_opening_the_demo_and_quitting_at_once_adds_nothing(tmp_path: Path) -> None:
    from workshop.tui.app import WorkshopApp

    path = tmp_path / "kersenbuurt.wijk"
    demo_data.build(path).close()
    before = _dump(path)
    store = Store.open(path)
    app = WorkshopApp(store)

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+q")

    asyncio.run(main())
    store.close()
    after = _dump(path)
    assert [line for line in after if 'INSERT INTO "session"' in line] == [
        line for line in before if 'INSERT INTO "session"' in line
    ]
    assert [line for line in after if 'INSERT INTO "history"' in line] == [
        line for line in before if 'INSERT INTO "history"' in line
    ]


def test_the_summary_counts_evenings_and_tables_and_lists_held_sessions(
    store: Store, tmp_path: Path
) -> None:
    store.use_session("2026-10-08")  # an empty session, as an older version opened it
    record(
        store,
        [
            'sessie 2026-10-08 locatie:"Buurthuis De Kuil" tafel:1',
            "p Plein",
            "sessie 2026-10-08 tafel:2",
            "p Bieb",
        ],
    )
    store.use_session("2026-10-09", "Bibliotheek", "7")  # named, but nothing captured in it
    assert store.count("session") == 3
    assert [(s["venue"], s["table_name"]) for s in store.held_sessions()] == [
        ("Buurthuis De Kuil", "1"),
        ("Buurthuis De Kuil", "2"),
    ]
    out = tmp_path / "summary.pdf"
    print_summary(store, out, templates.load())
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "In één bijeenkomst" in text and "Aan 2 tafels" in text
    assert "Bibliotheek" not in text and "tafel 7" not in text
    assert len(re.findall(r"tafel [12]\b", text)) >= 2
