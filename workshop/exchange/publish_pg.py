"""The published neighbourhoods into PostgreSQL/PostGIS, for a municipality's GIS.

    target = connector("postgresql://gis@db.gemeente.example/kaart")
    report = load(published, target)   # one transaction: all of it, or nothing

The tables of `publish.TABLES` in the schema `workshop`, with the UUID as primary key, the
`neighbourhood` and `neighbourhood_id` columns indexed, and a geometry in EPSG:4326: a point
`geom` on places and initiatives, the map extent `extent` on neighbourhoods (GiST-indexed; QGIS
finds them as layers). Publishing again updates each record by its UUID and removes, within
the neighbourhoods published, the records the files no longer hold (forgotten, joined,
deleted); other neighbourhoods in the same tables are left alone. The rows come in by COPY.

psycopg is an optional extra (`pip install 'workshop[postgis]'`); without it `connector` says
so in one line. The address is shown without its password in every message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workshop.exchange.publish_rows import POINT_TABLES, REFERENCES, TABLES, Published
from workshop.i18n import UserError

SCHEMA = "workshop"
_PG_TYPES = {
    "text": "text",
    "integer": "integer",
    "real": "double precision",
    "boolean": "boolean",
    "json": "jsonb",
}
GEOMETRY = {
    **{table: ("geom", "Point") for table in POINT_TABLES},
    "neighbourhood": ("extent", "Polygon"),
}
_MAKE_GEOMETRY = {
    "Point": "ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)",
    "Polygon": "ST_MakeEnvelope(min_lon, min_lat, max_lon, max_lat, 4326)",
}
_HAS_GEOMETRY = {
    "Point": "longitude IS NOT NULL AND latitude IS NOT NULL",
    "Polygon": "min_lon IS NOT NULL AND min_lat IS NOT NULL "
    "AND max_lon IS NOT NULL AND max_lat IS NOT NULL",
}
_URL_STARTS = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Target:
    url: str
    where: str  # the address without its password, for messages

    def hide(self, detail: str) -> str:
        """psycopg's message without the password, which it may quote with the address."""
        secret = _password(self.url)
        return detail.replace(secret, "***") if secret else detail


@dataclass
class LoadReport:
    where: str
    inserted: int = 0
    updated: int = 0
    removed: int = 0
    tables: dict[str, int] = field(default_factory=dict)  # table -> rows published


def connector(url: str) -> Target:
    """Check the address and that psycopg is installed, before any file is read."""
    if not url.startswith(_URL_STARTS):  # shown as given (not as psycopg would read it)
        raise UserError("publish_not_pg_url", url=_cut_password(url))
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise UserError("publish_no_psycopg") from None
    return Target(url, _without_password(url))


def _password(url: str) -> str:
    """The password in the address (`user:password@` or `?password=`), or ""."""
    head, _, rest = url.partition("://")
    user_part, at, _ = rest.partition("/")[0].rpartition("@")
    found = user_part.partition(":")[2] if at else ""
    query = rest.partition("?")[2]
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key == "password" and value:
            found = found or value
    return found


def _cut_password(url: str) -> str:
    secret = _password(url)
    return url.replace(":" + secret + "@", "@").replace(secret, "***") if secret else url


def _without_password(url: str) -> str:
    try:
        from psycopg.conninfo import conninfo_to_dict

        info = conninfo_to_dict(url)
    except Exception:  # psycopg missing or an address it cannot read: cut by hand
        return _cut_password(url)
    user = str(info.get("user") or "")
    host = info.get("host") or "localhost"
    port = f":{info['port']}" if info.get("port") else ""
    dbname = info.get("dbname") or ""
    return f"{user + '@' if user else ''}{host}{port}/{dbname}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def load(published: Published, target: Target) -> LoadReport:
    import psycopg

    try:
        conn = psycopg.connect(target.url, connect_timeout=10, autocommit=True)
    except psycopg.Error as exc:
        raise UserError(
            "publish_pg_unreachable", where=target.where, detail=target.hide(_first_line(exc))
        ) from None
    report = LoadReport(target.where)
    try:
        _ensure_postgis(conn, target)
        with conn.transaction():
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{SCHEMA}"')
            hood_ids = [h["id"] for h in published.hoods]
            for table in TABLES:
                _create(conn, table)
                _load_table(conn, table, published.rows[table], hood_ids, report)
    except psycopg.Error as exc:
        raise UserError(
            "publish_pg_failed", where=target.where, detail=target.hide(_first_line(exc))
        ) from None
    finally:
        conn.close()
    return report


def _ensure_postgis(conn: Any, target: Target) -> None:
    import psycopg

    found = conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
    if found:
        return
    try:
        with conn.transaction():
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except psycopg.Error as exc:
        raise UserError(
            "publish_no_postgis", where=target.where, detail=target.hide(_first_line(exc))
        ) from None


def _qualified(table: str) -> str:
    return f'"{SCHEMA}"."{table}"'


def _create(conn: Any, table: str) -> None:
    """The table as `TABLES` says, created or given the columns a newer version added."""
    columns = TABLES[table]
    name = _qualified(table)
    defs = [
        f'"{c.name}" {_PG_TYPES[c.kind]}' + (" PRIMARY KEY" if c.name == "id" else "")
        for c in columns
    ]
    geometry = GEOMETRY.get(table)
    if geometry:
        defs.append(f'"{geometry[0]}" geometry({geometry[1]}, 4326)')
    conn.execute(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(defs)})")
    for c in columns[1:]:
        conn.execute(f'ALTER TABLE {name} ADD COLUMN IF NOT EXISTS "{c.name}" {_PG_TYPES[c.kind]}')
    indexed = [col for col, _ in REFERENCES.get(table, ())]
    if table != "neighbourhood":
        indexed.append("neighbourhood_id")
    for col in indexed:
        conn.execute(f'CREATE INDEX IF NOT EXISTS "{table}_{col}" ON {name} ("{col}")')
    if geometry:
        conn.execute(
            f'CREATE INDEX IF NOT EXISTS "{table}_{geometry[0]}" ON {name} '
            f'USING gist ("{geometry[0]}")'
        )


def _load_table(
    conn: Any, table: str, rows: list[tuple], hood_ids: list[str], report: LoadReport
) -> None:
    columns = TABLES[table]
    names = [c.name for c in columns]
    quoted = ", ".join(f'"{n}"' for n in names)
    incoming = f'"incoming_{table}"'
    conn.execute(
        f"CREATE TEMP TABLE {incoming} (LIKE {_qualified(table)} INCLUDING DEFAULTS) ON COMMIT DROP"
    )
    with conn.cursor() as cur, cur.copy(f"COPY {incoming} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    every, selected = names, [f'"{n}"' for n in names]
    geometry = GEOMETRY.get(table)
    if geometry:
        column, shape = geometry
        every = [*names, column]
        selected.append(f"CASE WHEN {_HAS_GEOMETRY[shape]} THEN {_MAKE_GEOMETRY[shape]} END")
    listed = ", ".join(f'"{n}"' for n in every)
    changes = ", ".join(f'"{n}" = EXCLUDED."{n}"' for n in every if n != "id")
    before = ", ".join(f'{_qualified(table)}."{n}"' for n in every if n != "id")
    after = ", ".join(f'EXCLUDED."{n}"' for n in every if n != "id")
    # A record that did not change is not written again (nor counted as updated).
    flags = conn.execute(
        f"INSERT INTO {_qualified(table)} ({listed}) SELECT {', '.join(selected)} "
        f"FROM {incoming} ON CONFLICT (id) DO UPDATE SET {changes} "
        f"WHERE ({before}) IS DISTINCT FROM ({after}) RETURNING (xmax = 0)"
    ).fetchall()
    added = sum(1 for (inserted,) in flags if inserted)
    report.inserted += added
    report.updated += len(flags) - added
    report.tables[table] = len(rows)
    if table != "neighbourhood":
        gone = conn.execute(
            f"DELETE FROM {_qualified(table)} AS old WHERE old.neighbourhood_id = ANY(%s) "
            f"AND NOT EXISTS (SELECT 1 FROM {incoming} AS new WHERE new.id = old.id)",
            (hood_ids,),
        )
        report.removed += gone.rowcount
