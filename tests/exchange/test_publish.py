"""`workshop publish -o SITE.db`: one SQLite site for Datasette holding only what public consent
allows, served by the real Datasette and read back through its JSON API."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workshop.capture.record import record
from workshop.cli import cli
from workshop.exchange import publish, publish_meta, publish_rows, publish_sqlite
from workshop.file import outputs
from workshop.file.rows import is_uuid
from workshop.file.store import Store

FACILITATOR = "Fenna Faciliteerder"
# Persons below public consent, their phones and mails: never in the site, in any form.
SECRETS = [
    "Wilhelmina",
    "Geheimhouder",
    "Cornelis",
    "Binnenkamp",
    "Theodora",
    "Drukker",
    "Hendrikus",
    "Verborgen",
    "0611112222",
    "0622223333",
    "0633334444",
    "0655556666",
    "1111 2222",
    "wilhelmina@geheim.example",
    "cornelis@binnen.example",
    "theodora@druk.example",
    "Faciliteerder",
    "Fenna",
    "राजेश",  # whole words in scripts with vowel signs and harakat, not the letters between
    "कुमार",
    "مُحَمَّد",
    "الْعَلِي",
]
PUBLIC = ["Publieke Petronella", "0644445555", "petronella@open.example", "Stichting Openbaar"]


def build_first(path: Path) -> Path:
    store = Store.create(path, name="Eerste Wijk", bbox=(52.0, 5.0, 52.06, 5.08))
    record(
        store,
        [
            f'sessie 2026-03-01 locatie:"Buurthuis De Bron" tafel:1 begeleider:"{FACILITATOR}"',
            'persoon "Wilhelmina Geheimhouder" #bewoner consent:none tel:0611112222 '
            "mail:wilhelmina@geheim.example",
            'persoon "Cornelis Binnenkamp" #sleutelfiguur consent:internal tel:0622223333 '
            'mail:cornelis@binnen.example wat:"woont boven de bakker"',
            'persoon "Theodora Drukker" #bewoner consent:print tel:0633334444 '
            "mail:theodora@druk.example @B2",
            'persoon "Publieke Petronella" #bewoner consent:public tel:0644445555 '
            "mail:petronella@open.example",
            'org "Stichting Openbaar" #welzijn',
            'p "Buurthuis De Bron" #buurthuis @A1 "Cornelis Binnenkamp zit hier elke dag"',
            'p "Het Park" #park lat:52.03 lon:5.04',
            'i "Zon op het dak" #opwek waar:"Het Park" +"Theodora Drukker" '
            "tel:0611112222 "
            'wat:"Bel Wilhelmina op 06-1111 2222"',
            '"Cornelis Binnenkamp" -> "Publieke Petronella" #kent',
            '"Stichting Openbaar" <-> "Theodora Drukker"',
            'n "Theodora Drukker wil meedoen, mail theodora@druk.example" ~"Stichting Openbaar"',
            'n "Petronella belt de coöperatie" ~"Publieke Petronella"',
            'n "Cornelis is er elke donderdag" ~"Cornelis Binnenkamp"',
        ],
    )
    store.close()
    return path


def build_second(path: Path) -> Path:
    store = Store.create(path, name="Tweede Wijk", bbox=(52.1, 5.1, 52.16, 5.18))
    record(
        store,
        [
            'persoon "Hendrikus Verborgen" #bewoner consent:print tel:0655556666',
            'org "Stichting Openbaar Twee" #welzijn',
            'p "Bibliotheek Oost" #bibliotheek @C3',
            'i "Repair café" #sociaal +"Hendrikus Verborgen"',
            'persoon "राजेश कुमार" #bewoner consent:internal',
            'persoon "مُحَمَّد الْعَلِي" #bewoner consent:print',
            'n "राजेश कुमार en مُحَمَّد الْعَلِي komen ook" ~"Stichting Openbaar Twee"',
        ],
    )
    store.close()
    return path


@pytest.fixture(scope="module")
def hoods(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hoods")
    return build_first(folder / "eerste.wijk"), build_second(folder / "tweede.wijk")


@pytest.fixture(scope="module")
def site(hoods, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site") / "site.db"
    result = CliRunner().invoke(cli, ["publish", *map(str, hoods), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "datasette serve" in result.output
    return target


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(base: str, path: str) -> object:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def served(site: Path):
    """The real Datasette serving the site with its metadata, on 127.0.0.1."""
    pytest.importorskip("datasette")  # in the test extra; a bare install skips, not fails
    port = _free_port()
    meta = publish_sqlite.metadata_path(site)
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(site), "-m", str(meta)]
        + ["-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base, "/-/versions.json")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        server.stderr.read().decode() if server.stderr else ""
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        server.kill()
        server.wait(timeout=10)


def test_datasette_serves_no_hidden_person_and_every_public_one(served) -> None:
    database = _get(served, "/site.json")
    assert isinstance(database, dict)
    names = {t["name"] for t in database["tables"]}
    assert {"place", "initiative", "actor", "tie", "note", "actor_fts"} <= names
    assert not names & {"history", "output_file", "tombstone", "attendance", "osm_extract"}
    served_text = ""
    for table in sorted(names):
        rows = _get(served, f"/site/{urllib.parse.quote(table)}.json?_shape=array&_size=max")
        served_text += json.dumps(rows, ensure_ascii=False)
    served_text += json.dumps(_get(served, "/-/metadata.json"), ensure_ascii=False)
    for secret in SECRETS:
        assert secret.casefold() not in served_text.casefold(), secret
    for shown in PUBLIC:
        assert shown in served_text, shown
    # The sessions are there, without their facilitator
    sessions = _get(served, "/site/session.json?_shape=array")
    assert isinstance(sessions, list)
    first = [s for s in sessions if s["neighbourhood"] == "Eerste Wijk"]
    assert [s["venue"] for s in first] == ["Buurthuis De Bron"]
    assert "facilitator" not in sessions[0]


def test_datasette_search_finds_the_public_and_not_the_hidden(served) -> None:
    def search(table: str, words: str) -> list[dict]:
        query = urllib.parse.urlencode({"_search": words, "_shape": "array"})
        found = _get(served, f"/site/{table}.json?{query}")
        assert isinstance(found, list)
        return found

    assert [a["name"] for a in search("actor", "Petronella")] == ["Publieke Petronella"]
    assert search("actor", "Wilhelmina") == [] and search("actor", "Theodora") == []
    # accents ignored: "cooperatie" finds "coöperatie"
    assert [n["text"] for n in search("note", "cooperatie")] == ["Petronella belt de coöperatie"]
    found = search("initiative", "dak")
    assert [i["name"] for i in found] == ["Zon op het dak"]
    assert found[0]["description"] == "Bel Bewoner " + found[0]["description"].split()[2] + (
        " op (telefoon)"
    )


def test_datasette_reads_the_metadata_in_the_files_language(served) -> None:
    meta = _get(served, "/-/metadata.json")
    assert isinstance(meta, dict)
    assert meta["title"] == "Wijkkaart: Eerste Wijk, Tweede Wijk"
    assert meta["license"] and meta["license_url"].startswith("https://")
    assert "eerste.wijk" in meta["source"]
    place = meta["databases"]["site"]["tables"]["place"]
    assert place["description"] == "Plekken die bewoners noemden"
    assert place["columns"]["neighbourhood"] == "De wijk waar het record vandaan komt"


def test_an_english_file_gets_english_metadata(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "e.wijk", name="Riverside", lang="en")
    store.close()
    published, written = publish.to_sqlite([tmp_path / "e.wijk"], tmp_path / "town.db")
    meta = json.loads(written[1].read_text(encoding="utf-8"))
    assert (
        written[1].name == "town.metadata.json" and meta["title"] == "Neighbourhood map: Riverside"
    )
    actor = meta["databases"]["town"]["tables"]["actor"]
    assert actor["columns"]["influence"] == "Influence 0–5 (Net-Map's influence tower)"
    assert published.records("neighbourhood")[0]["lang"] == "en"


def test_every_published_column_is_described_in_both_languages() -> None:
    for table, columns in publish_rows.TABLES.items():
        for column in columns:
            assert publish_meta.column_text(table, column.name, "nl")
            assert publish_meta.column_text(table, column.name, "en")


def test_the_site_holds_both_neighbourhoods_apart_with_pseudonyms(site: Path, hoods) -> None:
    # the bytes of the file, not only what Datasette shows (FTS shadow tables included)
    raw = site.read_bytes()
    for secret in SECRETS:
        assert secret.encode() not in raw, secret
    conn = sqlite3.connect(site)
    try:
        hood_rows = conn.execute("SELECT id, name FROM neighbourhood ORDER BY name").fetchall()
        assert [name for _, name in hood_rows] == ["Eerste Wijk", "Tweede Wijk"]
        by_hood = dict(
            conn.execute(
                "SELECT neighbourhood || ' ' || neighbourhood_id, count(*) FROM place GROUP BY 1"
            ).fetchall()
        )
        assert by_hood == {
            f"{name} {id_}": 2 if name == "Eerste Wijk" else 1 for id_, name in hood_rows
        }
        persons = conn.execute(
            "SELECT name, pseudonym, tel, mail, cell, description FROM actor "
            "WHERE type = 'person' ORDER BY name"
        ).fetchall()
        shown = [p for p in persons if not p[1]]
        assert shown == [
            ("Publieke Petronella", 0, "0644445555", "petronella@open.example", None, None)
        ]
        hidden = [p for p in persons if p[1]]
        assert len(hidden) == 6 and all(p[2:] == (None, None, None, None) for p in hidden)
        # the pseudonym is the one the summary prints: role and four characters of the UUID
        store = Store.open(hoods[0], readonly=True)
        try:
            drukker = store.find("actor", "Theodora Drukker")[0]
        finally:
            store.close()
        assert ("Bewoner " + drukker["id"][:4].upper(),) in conn.execute(
            "SELECT name FROM actor"
        ).fetchall()
        cornelis = conn.execute("SELECT name FROM actor WHERE role = 'key_figure'").fetchone()
        # a note about a hidden person is not published; one mentioning them is scrubbed
        second = conn.execute("SELECT text FROM note WHERE neighbourhood = 'Tweede Wijk'")
        assert re.fullmatch(r"Bewoner \w{4} en Bewoner \w{4} komen ook", second.fetchone()[0])
        notes = [
            r[0]
            for r in conn.execute(
                "SELECT text FROM note WHERE neighbourhood = 'Eerste Wijk' ORDER BY text"
            )
        ]
        assert notes == [
            "Bewoner " + drukker["id"][:4].upper() + " wil meedoen, mail (e-mail)",
            "Petronella belt de coöperatie",
            cornelis[0] + " zit hier elke dag",
        ]
        # an initiative's phone that is a hidden person's is withheld; the point is its place's
        row = conn.execute(
            "SELECT tel, latitude, longitude, location, place FROM initiative "
            "WHERE name = 'Zon op het dak'"
        ).fetchone()
        assert row == ("(telefoon)", 52.03, 5.04, "place_coordinates", "Het Park")
        assert conn.execute("PRAGMA application_id").fetchone()[0] == (
            publish_sqlite.SITE_APPLICATION_ID
        )
    finally:
        conn.close()


def test_publishing_is_recorded_so_forget_names_the_site(site: Path, hoods) -> None:
    store = Store.open(hoods[0], readonly=True)
    try:
        known = {(Path(w.path), w.kind, w.audience) for w in outputs.known(store)}
    finally:
        store.close()
    meta = publish_sqlite.metadata_path(site)
    assert {(site.resolve(), "publish", "export"), (meta.resolve(), "publish", "export")} <= known
    result = CliRunner().invoke(cli, ["forget", str(hoods[0]), "Publieke Petronella", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"{site.parent.resolve()}/ (2 " in result.output and "publish" in result.output


def test_republishing_replaces_the_site_whole_and_refuses_other_files(tmp_path: Path) -> None:
    source = build_second(tmp_path / "wijk.wijk")
    target = tmp_path / "out" / "site.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["publish", str(source), "-o", str(target)]).exit_code == 0
    reader = sqlite3.connect(target)  # a server still reading the old site
    try:
        with Store.open(source) as store:
            record(store, ['p "Nieuwe Plek" #park'])
        result = runner.invoke(cli, ["publish", str(source), "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert reader.execute("SELECT count(*) FROM place").fetchone() == (1,)
    finally:
        reader.close()
    with sqlite3.connect(target) as fresh:
        assert fresh.execute("SELECT count(*) FROM place").fetchone() == (2,)
    assert sorted(p.name for p in target.parent.iterdir()) == ["site.db", "site.metadata.json"]
    # never over a neighbourhood file or a file it did not write
    before = source.read_bytes()
    refused = runner.invoke(cli, ["publish", str(source), "-o", str(source)])
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "kies een andere naam" in refused.output and source.read_bytes() == before
    other = tmp_path / "notes.db"
    other.write_bytes(b"mine")
    refused = runner.invoke(cli, ["publish", str(source), "-o", str(other)])
    assert refused.exit_code == 1 and "geen site van workshop publish" in refused.output
    assert other.read_bytes() == b"mine"


def test_the_same_neighbourhood_twice_is_refused(hoods, tmp_path: Path) -> None:
    copy = tmp_path / "kopie.wijk"
    copy.write_bytes(hoods[1].read_bytes())
    result = CliRunner().invoke(
        cli, ["publish", str(hoods[1]), str(copy), "-o", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 1
    assert "workshop merge" in result.output and not (tmp_path / "s.db").exists()


def test_one_file_named_twice_is_refused_without_a_merge_of_itself(hoods, tmp_path) -> None:
    alias = tmp_path / "ook.wijk"
    alias.symlink_to(hoods[0])
    for twice in (str(hoods[0]), str(alias)):
        result = CliRunner().invoke(
            cli, ["publish", str(hoods[0]), twice, "-o", str(tmp_path / "s.db")]
        )
        assert result.exit_code == 1 and "merge" not in result.output
        assert f"{hoods[0]} staat twee keer in de opdracht" in result.output
    assert not (tmp_path / "s.db").exists()


def test_publish_needs_one_target(hoods) -> None:
    result = CliRunner().invoke(cli, ["publish", str(hoods[0])])
    assert result.exit_code == 2 and "-o SITE.db or --to" in result.output


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "leeg.wijk"
    Store.create(path, name="Wijk").close()
    return path


_PART = st.text(alphabet="bcdfghklmnprstvwz", min_size=5, max_size=8).map(str.capitalize)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(
        st.tuples(_PART, _PART, st.sampled_from(["none", "internal", "print", "public"])),
        min_size=2,
        max_size=5,
    )
)
def test_property_only_public_persons_reach_the_site(tmp_path_factory, empty_file, people) -> None:
    parts = [p for first, last, _ in people for p in (first, last)]
    # a part inside another would make the check below see one name in the other
    assume(all(a == b or a.lower() not in b.lower() for a in parts for b in parts))
    assume(len(set(parts)) == len(parts))
    folder = tmp_path_factory.mktemp("prop")
    (folder / "p.wijk").write_bytes(empty_file.read_bytes())
    store = Store.open(folder / "p.wijk")
    lines = []
    for n, (first, last, consent) in enumerate(people):
        lines.append(f'persoon "{first} {last}" #bewoner consent:{consent} tel:06{n:08d}')
    for n, (first, _last, _) in enumerate(people):
        other = people[(n + 1) % len(people)]
        lines.append(f'n "{first} zag {other[0]} {other[1]} bij de markt, 06{n:08d}"')
    record(store, lines)
    store.close()
    published, written = publish.to_sqlite([folder / "p.wijk"], folder / "site.db")
    raw = written[0].read_bytes().lower() + written[1].read_bytes().lower()
    for n, (first, last, consent) in enumerate(people):
        if consent == "public":
            assert f"{first} {last}".encode() in written[0].read_bytes()
        else:
            assert first.lower().encode() not in raw and last.lower().encode() not in raw
            assert f"06{n:08d}".encode() not in raw
    assert published.count("actor") == len(people)


def test_coordinates_off_the_earth_are_published_as_the_geojson_places_them(
    tmp_path: Path,
) -> None:
    """A file edited outside the program (lat 30681) gets no point on the site, as in the
    GeoJSON: the initiative at such a place falls back to the place's grid cell."""
    path = tmp_path / "wijk.wijk"
    with Store.create(path, name="Randwijk") as store:
        record(store, ['p "Buurthuis" #buurthuis @C4 lat:52.1 lon:5.1', 'i "Zon" #opwek'])
    with sqlite3.connect(path) as raw:
        raw.execute(
            "UPDATE neighbourhood SET min_lat = 52.0, min_lon = 5.0, max_lat = 52.2, max_lon = 5.2"
        )
        raw.execute("UPDATE place SET lat = 30681")
        place_id = raw.execute("SELECT id FROM place").fetchone()[0]
        raw.execute("UPDATE initiative SET place_id = ?", (place_id,))
    target = tmp_path / "site.db"
    result = CliRunner().invoke(cli, ["publish", str(path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as site:
        place = site.execute("SELECT latitude, longitude, location FROM place").fetchone()
        initiative = site.execute("SELECT latitude, location FROM initiative").fetchone()
    assert place[2] == "cell_centre" and -90 <= place[0] <= 90 and -180 <= place[1] <= 180
    assert initiative == (place[0], "place_cell_centre")


def made_up_ids(folder: Path) -> tuple[Path, Path]:
    """Two neighbourhoods where an old import gave a place the id 1 (`Bakkerij Bol` in
    Noord, `Kapper Knip` in Zuid), with an initiative there."""
    files = []
    for hood, place in (("Noord", "Bakkerij Bol"), ("Zuid", "Kapper Knip")):
        path = folder / f"{hood.lower()}.wijk"
        with Store.create(path, name=hood) as store, store.write() as w:
            w.insert("place", {"id": "1", "name": place, "lat": 52.1, "lon": 5.1})
            w.insert("initiative", {"name": f"bij {place}", "place_id": "1", "card_number": 1})
        files.append(path)
    return files[0], files[1]


def test_another_neighbourhoods_place_1_is_another_place(tmp_path: Path) -> None:
    noord, zuid = made_up_ids(tmp_path)
    target = tmp_path / "site.db"
    result = CliRunner().invoke(cli, ["publish", str(noord), str(zuid), "-o", str(target)])
    assert result.exit_code == 0, result.output  # not "the same records (a copy?)"
    with sqlite3.connect(target) as site:
        places = dict(site.execute("SELECT name, id FROM place"))
        at = dict(site.execute("SELECT name, place_id FROM initiative"))
    assert sorted(places) == ["Bakkerij Bol", "Kapper Knip"]
    assert all(is_uuid(i) for i in places.values()) and len(set(places.values())) == 2
    assert at == {
        "bij Bakkerij Bol": places["Bakkerij Bol"],
        "bij Kapper Knip": places["Kapper Knip"],
    }
    again = tmp_path / "again.db"
    assert (
        CliRunner().invoke(cli, ["publish", str(noord), str(zuid), "-o", str(again)]).exit_code == 0
    )
    with sqlite3.connect(again) as site:
        assert dict(site.execute("SELECT name, id FROM place")) == places  # the same ids
