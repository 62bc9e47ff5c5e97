"""`workshop publish`: neighbourhoods for the public, as a Datasette site or into PostGIS.

    published, paths = to_sqlite([Path("a.wijk"), Path("b.wijk")], Path("site.db"))
    published, report = to_postgis([Path("a.wijk")], "postgresql://gis@db/kaart")

What is published and why is in `publish_rows`; the site in `publish_sqlite` (its metadata in
`publish_meta`); the database in `publish_pg`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from workshop import outputs
from workshop.exchange import publish_pg, publish_sqlite
from workshop.exchange.publish_rows import PUBLIC, Published, gather
from workshop.file import outputs as written


def to_sqlite(paths: Iterable[Path], target: Path) -> tuple[Published, list[Path]]:
    """`workshop publish FILE... -o SITE.db`: the site and its metadata.json, recorded in each
    file (so `forget` names them)."""
    with outputs.collector_paused():
        published = gather(paths)
        paths_written = publish_sqlite.write(published, Path(target))
    for source in published.sources:
        written.record(source, paths_written, kind="publish", audience=PUBLIC)
    return published, paths_written


def to_postgis(paths: Iterable[Path], url: str) -> tuple[Published, publish_pg.LoadReport]:
    """`workshop publish FILE... --to postgresql://...`: the data and what the load did; the
    address (without its password) recorded in each file, for `forget`."""
    connect = publish_pg.connector(url)  # refuses a bad address or a missing psycopg first
    with outputs.collector_paused():
        published = gather(paths)
        report = publish_pg.load(published, connect)
    for source in published.sources:  # so that `forget` says a publish there removes them
        written.record_database(source, f"postgresql://{connect.where}")
    return published, report
