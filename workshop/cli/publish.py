"""`workshop publish`: neighbourhoods for the public, as a Datasette site or into PostGIS."""

from __future__ import annotations

from pathlib import Path

import click

from workshop.cli import cli
from workshop.i18n import join, plural, t


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="SITE.db",
    help="One SQLite file for Datasette (and SITE.metadata.json next to it); replaced whole.",
)
@click.option(
    "--to",
    "url",
    metavar="postgresql://...",
    help="Load into PostgreSQL/PostGIS (schema 'workshop'); needs the postgis extra.",
)
def publish(files: tuple[Path, ...], output: Path | None, url: str | None) -> None:
    """Publish neighbourhood FILES for the public: only what public consent allows, for
    Datasette (-o SITE.db) or PostGIS (--to postgresql://...)."""
    if (output is None) == (url is None):
        raise click.UsageError("say where to publish: -o SITE.db or --to postgresql://...")
    from workshop.exchange import publish as library

    ctx = click.get_current_context()
    ctx.meta["workshop.path"] = str(files[0])
    if output is not None:
        published, written = library.to_sqlite(files, output)
        ctx.meta["workshop.lang"] = lang = published.lang
        click.echo(
            t(
                "cli_published",
                lang,
                path=str(written[0]),
                what=_what(published, lang),
                serve=f"datasette serve {written[0]} -m {written[1]}",
            )
        )
        return
    assert url is not None
    published, report = library.to_postgis(files, url)
    lang = published.lang
    click.echo(
        t(
            "cli_published_pg",
            lang,
            where=report.where,
            what=_what(published, lang),
            inserted=report.inserted,
            updated=report.updated,
            removed=report.removed,
        )
    )


def _what(published, lang: str) -> str:
    counts = [
        plural("cli_n_hood", len(published.hoods), lang),
        plural("n_place", published.count("place"), lang),
        plural("n_initiative", published.count("initiative"), lang),
        plural("n_actor", published.count("actor"), lang),
        plural("n_tie", published.count("tie"), lang),
    ]
    return join(counts, lang)
