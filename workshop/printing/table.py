"""Every printout, once: what it is called, which function draws it, its default paper and
options, and the file it goes to. `workshop print WHAT` and the TUI's F8 both go through
`print_out()`, so they offer the same printouts and write the same files.

    print_out(store, "map", paper="A1")     # -> PrintResult for printouts/STEM-kaart-A1.pdf
    PRINTOUTS["blank-cards"].writes         # True: reserves card numbers, needs a writable file

A printout's file is named in the file's language: `STEM-samenvatting.pdf` in a Dutch
neighbourhood, `STEM-summary.pdf` in an English one (the CLI's printout names stay English).

The drawing module of a printout is imported when it is printed (by its name in the table):
the summary pulls in analysis and the network layout, which a card sheet should not wait for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop import outputs
from workshop.file import outputs as written
from workshop.file.store import Store
from workshop.i18n import pick

if TYPE_CHECKING:  # the templates bring reportlab's fonts: loaded with the first printout
    from workshop.printing.sheet import PrintResult
    from workshop.printing.templates import Template


@dataclass(frozen=True)
class Printout:
    name: str  # as in `workshop print NAME`
    module: str
    function: str
    paper: str | None = None  # the default paper; None: its paper is fixed (cards: A6 on A4)
    paper_in_name: bool = False  # the file name says the paper (map-A3.pdf)
    tiles: bool = False  # can be cut into A4 tiles
    writes: bool = False  # changes the file (blank cards reserve their numbers)
    # ... and can do without on a file that cannot be written (a map prints without its
    # print record, and says it cannot be scanned back); blank cards and stickers cannot
    writes_if_it_can: bool = False
    # As whose eyes the PDF is recorded in the file's outputs (`forget` names it). The key
    # holds every name, as backups do: `internal`, the widest audience the record knows.
    recorded_as: str = "print"
    options: dict[str, Any] = field(default_factory=dict)  # other options and their defaults
    file_words: tuple[str, str] | None = None  # the KIND of its file in Dutch, English

    def file_kind(self, paper: str | None = None, tiles: bool = False, lang: str = "nl") -> str:
        """The KIND in printouts/STEM-KIND.pdf, in the file's language."""
        kind = pick(self.file_words or (self.name, self.name), lang)
        if self.paper_in_name:
            kind += f"-{(paper or self.paper or '').upper()}"
        return kind + ("-" + pick(TILES, lang) if tiles and self.tiles else "")

    def default_path(
        self,
        store_path: str | Path,
        paper: str | None = None,
        tiles: bool = False,
        lang: str = "nl",
    ) -> Path:
        return outputs.printout_path(store_path, self.file_kind(paper, tiles, lang))

    def load(self) -> Callable[..., Any]:
        """The function that draws it (its module imported now)."""
        return getattr(importlib.import_module(self.module), self.function)


TILES = ("tegels", "tiles")  # a poster cut into A4 sheets, in a file name
CARDS = "workshop.printing.cards.build"
MAPS = "workshop.printing.maps.build"
PRINTOUTS: dict[str, Printout] = {
    p.name: p
    for p in (
        Printout(
            "cards",
            CARDS,
            "print_cards",
            options={"layout": "4up", "numbers": None},
            file_words=("kaarten", "cards"),
        ),
        Printout(
            "map",
            MAPS,
            "print_map",
            "A3",
            paper_in_name=True,
            tiles=True,
            writes=True,  # stores each sheet's print record
            writes_if_it_can=True,
            file_words=("kaart", "map"),
        ),
        Printout(
            "result-map",
            MAPS,
            "print_result_map",
            "A3",
            paper_in_name=True,
            tiles=True,
            writes=True,  # stores each sheet's print record
            writes_if_it_can=True,
            file_words=("resultaatkaart", "result-map"),
        ),
        Printout(
            "network",
            "workshop.printing.network",
            "print_network",
            "A3",
            paper_in_name=True,
            options={"initiatives": False, "places": False},
            file_words=("netwerk", "network"),
        ),
        Printout(
            "summary",
            "workshop.printing.summary.build",
            "print_summary",
            "A4",
            options={"card_photos": False},
            file_words=("samenvatting", "summary"),
        ),
        # The confidential key to the pseudonyms on paper: for the facilitator only.
        Printout(
            "key",
            "workshop.printing.key",
            "print_key",
            "A4",
            recorded_as="internal",
            file_words=("sleutel", "key"),
        ),
        # Last in F8's menu: printed before an evening, and it writes (reserves numbers).
        Printout(
            "blank-cards",
            CARDS,
            "print_blank_cards",
            writes=True,
            options={"count": 40, "layout": "4up"},
            file_words=("lege-kaarten", "blank-cards"),
        ),
        Printout(
            "stickers",
            "workshop.printing.stickers",
            "print_stickers",
            writes=True,
            options={"count": 65},
            file_words=("stickers", "stickers"),
        ),
    )
}
LAYOUTS = ("4up", "single")


def print_out(
    store: Store,
    what: str,
    output: Path | None = None,
    template: Template | None = None,
    *,
    paper: str | None = None,
    tiles: bool = False,
    **options: Any,
) -> PrintResult:
    """Print `what` of `store` to `output` (default printouts/STEM-KIND.pdf, KIND in the
    file's language) with the
    printout's defaults for what is not given, record the PDF in the file, and return the
    PrintResult."""
    from workshop.printing import templates

    printout = PRINTOUTS[what]
    unknown = set(options) - set(printout.options)
    if unknown:
        raise TypeError(f"{what} takes no {sorted(unknown)}")
    kwargs = {**printout.options, **options}
    if printout.paper is not None:
        kwargs["paper"] = paper or printout.paper
    if printout.tiles:
        kwargs["tiles"] = tiles
    path = (
        output
        if output is not None
        else printout.default_path(store.path, paper, tiles, store.lang)
    )
    result = printout.load()(store, path, template or templates.load(), **kwargs)
    # A summary with the residents' handwriting (card photos) is for the facilitator's eyes.
    audience = "internal" if kwargs.get("card_photos") else printout.recorded_as
    written.record(store, result.path, kind=what, audience=audience)
    return result
