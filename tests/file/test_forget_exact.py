"""`forget` forgets one person, exactly (issue 14): whole words only, nobody else touched, and
nothing of them left anywhere in the file, its indexes, tables others added, or its undo log."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store

SKIP = {"history", "tombstone", "_sqlite_migrations", "sqlite_sequence", "output_file"}


def file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def make(tmp_path: Path, lines: list[str], name: str = "Basisbuurt") -> Path:
    with Store.create(tmp_path / "e.wijk", name=name) as store:
        record(store, lines)
    return tmp_path / "e.wijk"


def dump(path: Path) -> dict[str, dict[str, dict]]:
    """Every row of every table of ours, by id."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    out = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if table not in SKIP and "id" in [
            r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
        ]:
            out[table] = {r["id"]: dict(r) for r in conn.execute(f'SELECT * FROM "{table}"')}
    conn.close()
    return out


def forget(path: Path, *args: str):
    result = CliRunner().invoke(cli, ["forget", str(path), *args, "--yes"])
    assert result.exit_code == 0, result.output
    return result


def changed_rows(before: dict, after: dict) -> dict[str, set[str]]:
    """table -> ids of rows that changed or went."""
    out: dict[str, set[str]] = {}
    for table, rows in before.items():
        for id_, row in rows.items():
            if after.get(table, {}).get(id_) != row:
                out.setdefault(table, set()).add(id_)
    return out


def ids(path: Path, table: str, name: str) -> str:
    conn = sqlite3.connect(path)
    found = conn.execute(f"SELECT id FROM {table} WHERE name = ?", (name,)).fetchone()[0]
    conn.close()
    return found


def test_forget_bas_changes_only_bas(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            "persoon Bas tel:06-12345678",
            'p "Basisschool De Regenboog" #school',
            'persoon "Sebastiaan Basten" consent:print',
            'org "Sportclub Bastion" #sportclub',
            'i "Bastuin" wat:"Sebastiaan Basten en de Basisschool"',
            'Bas -> "Sebastiaan Basten"',
            'n "Bas weet waar de sleutel is" ~"Basisschool De Regenboog"',
        ],
    )
    bas, note = ids(path, "actor", "Bas"), None
    before = dump(path)
    note = next(i for i, r in before["note"].items() if r["text"].startswith("Bas "))
    forget(path, "Bas")
    after = dump(path)
    assert changed_rows(before, after) == {
        "actor": {bas},
        "note": {note},
        "tie": set(before["tie"]),
    }
    assert after["note"][note]["text"] == "[vergeten] weet waar de sleutel is"
    assert after["neighbourhood"] == before["neighbourhood"]  # still "Basisbuurt"
    assert sorted(r["name"] for r in after["actor"].values()) == [
        "Sebastiaan Basten",
        "Sportclub Bastion",
    ]


def test_an_does_not_mangle_kantinebuurt_or_anna(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            "persoon An",
            'persoon "Anna de Wit"',
            'n "An en Anna de Wit in de kantine"',
            "An -> Anna de Wit",
        ],
        name="Kantinebuurt",
    )
    before = dump(path)
    forget(path, "An")
    after = dump(path)
    assert [r["name"] for r in after["actor"].values()] == ["Anna de Wit"]
    assert after["neighbourhood"] == before["neighbourhood"]
    assert [r["text"] for r in after["note"].values()] == [
        "[vergeten] en Anna de Wit in de kantine"
    ]


def test_a_first_name_counts_only_when_nobody_else_has_it(tmp_path: Path) -> None:
    lines = [
        'persoon "Jan Jansen"',
        'persoon "Piet de Boer"',
        'n "Jan belt morgen; Jansens fiets staat bij Piet"',
    ]
    path = make(tmp_path / "a" if (tmp_path / "a").mkdir() is None else tmp_path, lines)
    forget(path, "Jan Jansen")
    assert [r["text"] for r in dump(path)["note"].values()] == [
        "[vergeten] belt morgen; [vergeten] fiets staat bij Piet"
    ]

    other = tmp_path / "b"
    other.mkdir()
    path = make(other, [*lines, 'persoon "Jan de Vries"', 'org "Bakkerij Jansen"'])
    forget(path, "Jan Jansen")
    rows = dump(path)
    assert [r["text"] for r in rows["note"].values()] == [
        "Jan belt morgen; Jansens fiets staat bij Piet"
    ]  # two Jans, and a bakery Jansen
    assert sorted(r["name"] for r in rows["actor"].values()) == [
        "Bakkerij Jansen",
        "Jan de Vries",
        "Piet de Boer",
    ]


def test_a_whole_name_in_a_record_name_and_free_text(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            'persoon "Dokter de Vries" tel:0612345678',
            'i "Spreekuur van Dokter de Vries" wat:"mevrouw De Vries\' praktijk"',
            'p "De Vries-hoeve"',
        ],
    )
    forget(path, "Dokter de Vries")
    rows = dump(path)
    initiative = next(iter(rows["initiative"].values()))
    assert initiative["name"] == "Spreekuur van [vergeten]"
    assert initiative["norm"] == "spreekuur van [vergeten]"
    assert initiative["description"] == "mevrouw [vergeten] praktijk"
    assert [r["name"] for r in rows["place"].values()] == ["De Vries-hoeve"]


NAME = "Małgorzata Nowak-Ĳzerman"
TRACES = [b"nowak", b"zerman", "łgorzata".encode(), b"lgorzata", b"12345678", b"gosia@"]


def assert_gone(path: Path) -> None:
    data = file_bytes(path).lower()
    for trace in TRACES:
        assert trace not in data, trace


def test_fts_user_tables_norm_and_indexes(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            f'persoon "{NAME}" tel:06-12345678 mail:gosia@example.nl',
            "persoon Piet",
            f'n "{NAME} kent Piet"',
        ],
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sqlite_utils",
            "enable-fts",
            str(path),
            "actor",
            "name",
            "--create-triggers",
        ],
        check=True,
        capture_output=True,
    )
    # (not --create-triggers with --fts4: sqlite-utils then writes FTS5-only triggers, and
    # every UPDATE of the note table fails, ours or anybody's)
    subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "enable-fts", str(path), "note", "text", "--fts4"],
        check=True,
        capture_output=True,
    )
    conn = sqlite3.connect(path)
    conn.executescript(f"""
        CREATE VIRTUAL TABLE own_fts USING fts5(body);
        INSERT INTO own_fts(body) VALUES ('Bel {NAME} op 06 1234 5678'), ('Piet weet het');
        CREATE TABLE mine (body TEXT, n INTEGER);
        INSERT INTO mine VALUES ('{NAME.upper()} (gosia@example.nl)', 1);
        INSERT INTO mine VALUES (CAST('Bel {NAME}' AS BLOB), 2), (X'89504E470D0A1A0A00', 3);
        CREATE TABLE keyed (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
        INSERT INTO keyed VALUES ('wie', '{NAME}');
        CREATE INDEX mine_body ON mine(body);
        CREATE VIEW who AS SELECT name, tel FROM actor UNION ALL SELECT body, n FROM mine;
    """)
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)  # an index naming a column its table lacks cannot rebuild
    conn.executescript(f"""
        CREATE VIRTUAL TABLE broken_fts USING fts4(text, gone, content="note");
        INSERT INTO broken_fts(docid, text, gone) VALUES (1, '{NAME}', 'x');
        CREATE VIRTUAL TABLE broken5_fts USING fts5(text, gone, content="note");
        INSERT INTO broken5_fts(rowid, text, gone) VALUES (1, '{NAME}', 'x');
        CREATE VIRTUAL TABLE bare5_fts USING fts5(body, content='');
        INSERT INTO bare5_fts(rowid, body) VALUES (7, 'Bel {NAME}');
        CREATE VIRTUAL TABLE bare4_fts USING fts4(body, content='');
        INSERT INTO bare4_fts(docid, body) VALUES (7, 'Bel {NAME}');
    """)
    conn.close()
    assert b"nowak" in file_bytes(path).lower()
    forget(path, NAME.lower())
    assert_gone(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("actor_fts", "own_fts", "note_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    assert (
        conn.execute("SELECT count(*) FROM note_fts WHERE note_fts MATCH 'piet'").fetchone()[0] == 1
    )
    assert (
        conn.execute("SELECT count(*) FROM actor_fts WHERE actor_fts MATCH 'piet'").fetchone()[0]
        == 1
    )
    assert (
        conn.execute("SELECT count(*) FROM actor_fts WHERE actor_fts MATCH 'nowak'").fetchone()[0]
        == 0
    )
    assert conn.execute("SELECT body FROM own_fts ORDER BY rowid").fetchall() == [
        ("Bel [vergeten] op [vergeten]",),
        ("Piet weet het",),
    ]
    assert conn.execute("SELECT * FROM mine").fetchall() == [
        ("[vergeten] ([vergeten])", 1),
        (b"Bel [vergeten]", 2),
        (bytes.fromhex("89504E470D0A1A0A00"), 3),
    ]
    assert conn.execute("SELECT * FROM keyed").fetchall() == [("wie", "[vergeten]")]
    assert ("[vergeten] ([vergeten])", 1) in conn.execute("SELECT * FROM who").fetchall()
    assert conn.execute("SELECT text FROM note").fetchall() == [("[vergeten] kent Piet",)]
    conn.close()


def test_without_a_terminal_it_refuses_in_one_line_and_dry_run_changes_nothing(
    tmp_path: Path,
) -> None:
    path = make(tmp_path, ["persoon Bas", 'n "Bas komt"'])
    before = dump(path)
    result = CliRunner().invoke(cli, ["forget", str(path), "Bas"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "--yes" in result.output
    result = CliRunner().invoke(cli, ["forget", str(path), "Bas", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "verwijderd: actor 'Bas'" in result.output
    assert "herschreven: note 'Bas komt', text: «Bas» komt" in result.output
    assert "Proef" in result.output
    assert dump(path) == before


def test_several_persons_of_that_name_choose_by_id(tmp_path: Path) -> None:
    path = make(tmp_path, ["persoon Jan", "p Plein"])
    with Store.open(path) as store, store.write() as w:
        w.insert(
            "actor",
            {
                "name": "Jan",
                "type": "person",
                "consent": "internal",
                "description": "de andere Jan",
            },
        )
        second = store.rows("actor", "description IS NOT NULL")[0]["id"]
    result = CliRunner().invoke(cli, ["forget", str(path), "Jan", "--yes"])
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert "2 personen" in result.output and second[:8] in result.output
    assert "--id" in result.output
    forget(path, "Jan", "--id", second[:8])
    with Store.open(path) as store:
        assert [a["description"] for a in store.rows("actor")] == [None]


def test_not_found_says_how_to_choose(tmp_path: Path) -> None:
    path = make(tmp_path, ['persoon "Jan Jansen"', "p Basisschool"])
    result = CliRunner().invoke(cli, ["forget", str(path), "Jan", "--yes"])
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert "'Jan Jansen'" in result.output
    result = CliRunner().invoke(cli, ["forget", str(path), "Basisschool", "--yes"])
    assert result.exit_code == 1 and "Geen persoon" in result.output


@pytest.mark.parametrize("lang, word", [("nl", "[vergeten]"), ("en", "[forgotten]")])
def test_english_files_say_forgotten(tmp_path: Path, lang: str, word: str) -> None:
    with Store.create(tmp_path / "x.wijk", name="X", lang=lang) as store:
        record(store, ["persoon Bas", 'n "Bas komt"'])
    result = forget(tmp_path / "x.wijk", "Bas")
    assert ("To be forgotten" in result.output) == (lang == "en")
    with Store.open(tmp_path / "x.wijk") as store:
        assert store.rows("note")[0]["text"] == f"{word} komt"
