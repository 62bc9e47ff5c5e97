"""`workshop publish --to postgresql://...`: the same public data in a throwaway PostgreSQL 15 +
PostGIS cluster on a unix socket in a temporary folder, read back with psycopg."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.exchange.test_publish import PUBLIC, SECRETS, build_first, build_second, made_up_ids
from workshop.capture.record import record
from workshop.cli import cli
from workshop.exchange import publish_rows
from workshop.file.store import Store

PG_BIN = Path(os.environ.get("WORKSHOP_PG_BIN", "/usr/lib/postgresql/15/bin"))
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")


def _as_postgres_may_run() -> dict:
    """initdb and postgres refuse to run as root: there, run them as nobody."""
    if os.getuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


@pytest.fixture(scope="module")
def cluster():
    """A fresh cluster; yields (url, folder). Skips where PostgreSQL or PostGIS is missing."""
    pytest.importorskip("psycopg")
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL is not installed ({PG_BIN}/initdb)")
    if not POSTGIS_CONTROL.exists():
        pytest.skip(f"PostGIS is not installed ({POSTGIS_CONTROL})")
    folder = Path(tempfile.mkdtemp(prefix="wpg-"))  # short: a socket path has ~100 bytes
    run_as = _as_postgres_may_run()
    if run_as:
        os.chown(folder, run_as["user"], run_as["group"])
    data = folder / "data"

    def pg(tool: str, *args: str) -> None:
        done = subprocess.run(
            [str(PG_BIN / tool), *args], cwd=folder, capture_output=True, text=True, **run_as
        )
        assert done.returncode == 0, f"{tool}: {done.stdout}{done.stderr}"

    started = False
    try:
        pg("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync")
        options = f"-k {folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        pg("pg_ctl", "start", "-w", "-D", str(data), "-l", str(folder / "log"), "-o", options)
        started = True
        yield f"postgresql://postgres@/postgres?host={folder}", folder
    finally:
        if started:
            pg("pg_ctl", "stop", "-w", "-m", "immediate", "-D", str(data))
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def hoods(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pg-hoods")
    return build_first(folder / "eerste.wijk"), build_second(folder / "tweede.wijk")


def _publish(url: str, *files: Path) -> str:
    result = CliRunner().invoke(cli, ["publish", *map(str, files), "--to", url])
    assert result.exit_code == 0, result.output
    return result.output


def _query(url: str, sql: str, params: tuple = ()) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def test_postgis_holds_the_public_part_with_geometries_and_keys(cluster, hoods) -> None:
    url, _ = cluster
    output = _publish(url, *hoods)
    assert "workshop" in output and "postgres@" in output
    per_hood = _query(
        url,
        "SELECT neighbourhood, count(*) FROM workshop.place GROUP BY 1 ORDER BY 1",
    )
    assert per_hood == [("Eerste Wijk", 2), ("Tweede Wijk", 1)]
    points = _query(
        url,
        "SELECT name, ST_AsText(geom), ST_SRID(geom), location FROM workshop.place "
        "WHERE geom IS NOT NULL ORDER BY name",
    )
    assert ("Het Park", "POINT(5.04 52.03)", 4326, "coordinates") in points
    assert {p[0] for p in points} == {"Het Park", "Buurthuis De Bron", "Bibliotheek Oost"}
    # the geometry columns as QGIS lists them, and the extent of each neighbourhood
    columns = _query(
        url,
        "SELECT f_table_name, f_geometry_column, srid, type FROM geometry_columns "
        "WHERE f_table_schema = 'workshop' ORDER BY 1",
    )
    assert columns == [
        ("initiative", "geom", 4326, "POINT"),
        ("neighbourhood", "extent", 4326, "POLYGON"),
        ("place", "geom", 4326, "POINT"),
    ]
    assert _query(
        url,
        "SELECT ST_AsText(extent) FROM workshop.neighbourhood WHERE name = 'Eerste Wijk'",
    ) == [("POLYGON((5 52,5 52.06,5.08 52.06,5.08 52,5 52))",)]
    keys = _query(
        url,
        "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc "
        "JOIN information_schema.key_column_usage kcu USING (constraint_name, table_schema) "
        "WHERE tc.table_schema = 'workshop' AND tc.constraint_type = 'PRIMARY KEY'",
    )
    assert {c for _, c in keys} == {"id"} and len(keys) == 12
    # nothing of a hidden person, a facilitator or the history, in any table
    everything = " ".join(
        str(row[0])
        for table in publish_rows.TABLES
        for row in _query(url, f"SELECT row_to_json(t)::text FROM workshop.{table} t")
    )
    for secret in SECRETS:
        assert secret.casefold() not in everything.casefold(), secret
    for shown in PUBLIC:
        assert shown in everything, shown


def test_republishing_updates_by_uuid_and_removes_what_went(cluster, hoods, tmp_path) -> None:
    url, _ = cluster
    first = tmp_path / "eerste.wijk"
    shutil.copy(hoods[0], first)
    _publish(url, first, hoods[1])
    assert "0 nieuw, 0 bijgewerkt, 0 verwijderd" in _publish(url, first, hoods[1])
    park_id = _query(url, "SELECT id FROM workshop.place WHERE name = 'Het Park'")[0][0]
    petronella = _query(url, "SELECT id FROM workshop.actor WHERE name = 'Publieke Petronella'")
    assert petronella
    ties_before = _query(url, "SELECT count(*) FROM workshop.tie")[0][0]
    second_before = _query(
        url, "SELECT id, name FROM workshop.place WHERE neighbourhood = 'Tweede Wijk'"
    )
    forgot = CliRunner().invoke(cli, ["forget", str(first), "Publieke Petronella", "--yes"])
    assert forgot.exit_code == 0, forgot.output
    # forget names the database the person was loaded into, and how to remove them there
    named = [line for line in forgot.output.splitlines() if "publish --to" in line]
    assert len(named) == 1 and named[0].strip().startswith("postgresql://postgres@")
    with Store.open(first) as store:
        park = store.find("place", "Het Park")[0]
        with store.write() as w:
            w.update("place", park["id"], {"name": "Het Stadspark"})
        record(store, ['p "Nieuwe Tuin" #park lat:52.01 lon:5.01'])
    output = _publish(url, first)  # only the first neighbourhood this time
    assert "verwijderd" in output
    assert _query(
        url, "SELECT name, ST_AsText(geom) FROM workshop.place WHERE id = %s", (park_id,)
    ) == [("Het Stadspark", "POINT(5.04 52.03)")]
    assert _query(url, "SELECT count(*) FROM workshop.place WHERE name = 'Nieuwe Tuin'") == [(1,)]
    assert _query(
        url, "SELECT count(*) FROM workshop.actor WHERE id = %s", (petronella[0][0],)
    ) == [(0,)]
    # her tie went with her; the other neighbourhood is untouched
    assert _query(url, "SELECT count(*) FROM workshop.tie")[0][0] == ties_before - 1
    assert (
        _query(url, "SELECT id, name FROM workshop.place WHERE neighbourhood = 'Tweede Wijk'")
        == second_before
    )
    text = " ".join(
        str(r[0]) for r in _query(url, "SELECT row_to_json(t)::text FROM workshop.note t")
    )
    assert "Petronella" not in text


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://gis:geheim@/kaart?host={tmp}/nergens",
        "postgresql:///kaart?host={tmp}/nergens&password=geheim",
        "postgresql://gis:geheim@[::1/kaart",  # psycopg quotes an address it cannot read
    ],
)
def test_a_database_that_cannot_be_reached_is_one_line(tmp_path, url: str) -> None:
    pytest.importorskip("psycopg")
    source = build_second(tmp_path / "w.wijk")
    url = url.format(tmp=tmp_path)
    result = CliRunner().invoke(cli, ["publish", str(source), "--to", url])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "niet bereikbaar" in result.output and "geheim" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_without_psycopg_it_says_how_to_install_the_extra(tmp_path, monkeypatch) -> None:
    source = build_second(tmp_path / "w.wijk")
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` raises ImportError
    result = CliRunner().invoke(cli, ["publish", str(source), "--to", "postgresql:///kaart"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "workshop: Publiceren naar PostgreSQL heeft psycopg nodig: pip install 'workshop[postgis]'"
    )
    wrong = CliRunner().invoke(cli, ["publish", str(source), "--to", "mysql://x:pw@h/db"])
    assert wrong.exit_code == 1 and "postgresql://" in wrong.output and "pw" not in wrong.output
    assert "'mysql://x@h/db'" in wrong.output
    empty = CliRunner().invoke(cli, ["publish", str(source), "--to", ""])
    assert empty.exit_code == 1 and empty.output.strip().endswith("niet ''.")  # as given


def test_two_neighbourhoods_place_1_are_two_rows_updated_by_id(cluster, tmp_path) -> None:
    url, _ = cluster
    noord, zuid = made_up_ids(tmp_path)
    _publish(url, noord, zuid)
    sql = "SELECT name, id::text FROM workshop.place WHERE neighbourhood IN ('Noord', 'Zuid')"
    first = dict(_query(url, sql))
    assert sorted(first) == ["Bakkerij Bol", "Kapper Knip"] and len(set(first.values())) == 2
    with Store.open(zuid) as store, store.write() as w:
        w.update("place", "1", {"name": "Kapsalon Knip"})
    _publish(url, noord, zuid)
    assert dict(_query(url, sql)) == {
        "Bakkerij Bol": first["Bakkerij Bol"],
        "Kapsalon Knip": first["Kapper Knip"],
    }
