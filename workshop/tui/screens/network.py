"""F5: the actors ranked as connectors (betweenness, ties, bridges), and the ties of the one
under the cursor. The ranking is computed in a worker thread on a read-only connection of its
own, each time the file has changed and the screen is shown; capture never waits for it."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop import model
from workshop.text import one_line
from workshop.tui import overview, reading
from workshop.tui.queries import SCREEN, Column, Rows
from workshop.tui.screens.base import WorkshopScreen
from workshop.tui.texts import tx
from workshop.tui.widgets.record_table import RecordTable

COLUMNS = (
    Column("col_name", 18),
    Column("col_role", 16),
    Column("col_betweenness", 7, True),
    Column("col_degree", 6, True),
    Column("col_cut", 5),
)


def compute(path) -> tuple[list, object]:
    """Runs in a worker thread: the ranking and its overview, from the file as committed."""
    from workshop.analysis import connectors

    network = reading.read(path, connectors.load)
    rows = connectors.rank(network)
    return rows, connectors.overview(network, rows)


class NetworkScreen(WorkshopScreen):
    AUTO_FOCUS = "#ranking"
    BINDINGS = [
        Binding("ctrl+o", "sort", "Sort", id="sort"),
        Binding("ctrl+r", "reverse", "Reverse", id="reverse", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        lang = self.lang
        yield Static(Text(tx("network_title", lang), style="bold"), id="network-title")
        with Container(id="network-body"):
            yield RecordTable(id="ranking", sort=None, empty_text=tx("network_none", lang))
            with Vertical(id="ties-pane"):
                yield Static("", id="ties-title")
                yield OptionList(id="ties")

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")

    def load(self) -> None:
        self.query_one("#network-title", Static).update(
            Text(tx("network_title", self.lang), style="bold").append(
                "   " + tx("network_busy", self.lang), style="dim italic"
            )
        )
        self.rank(self.workshop.path)

    @work(thread=True, exclusive=True, group="analysis")
    def rank(self, path) -> None:
        self.read_then(lambda: compute(path), self._show)

    def _show(self, result) -> None:
        lang = self.lang
        title = Text(tx("network_title", lang), style="bold")
        ranking, facts = result
        title.append(
            "   "
            + tx(
                "network_facts",
                lang,
                actors=facts.actors,
                ties=facts.ties,
                communities=facts.communities,
                cut=facts.articulation_points,
            ),
            style="dim",
        )
        self.query_one("#network-title", Static).update(title)
        rows = Rows(COLUMNS)
        for row in ranking:
            role = model.ROLES.label(row.role, lang) if row.role else ""
            flags = ("A" if row.ambassador else "") + ("S" if row.startmotor else "")
            rows.add(
                "actor",
                row.actor_id,
                one_line(row.shown_name(SCREEN, lang)).casefold(),
                (
                    one_line(row.shown_name(SCREEN, lang), 80),
                    f"{role} {flags}".strip(),
                    f"{row.betweenness:.3f}",
                    str(row.degree),
                    "✓" if row.articulation else "",
                ),
            )
        table = self.query_one("#ranking", RecordTable)
        table.show(rows, [tx(c.key, lang) for c in COLUMNS], keep=table.current)
        if table.current:
            self._ties(table.current[1])

    @on(RecordTable.Highlighted, "#ranking")
    def highlighted(self, event: RecordTable.Highlighted) -> None:
        self._ties(event.id)

    def _ties(self, actor_id: str) -> None:
        store = self.workshop.store
        lang = self.lang
        actor = store.get("actor", actor_id)
        if actor is None:
            return
        from workshop import privacy

        name = privacy.shown_name(actor, "actor", SCREEN, lang)
        self.query_one("#ties-title", Static).update(
            Text(tx("ties_of", lang, name=one_line(name, 60)), style="bold")
        )
        ties = overview.ties_of(store, actor_id, lang)
        options = [Option(Text(label), id=f"{table}:{id_}") for table, id_, label in ties]
        self.query_one("#ties", OptionList).set_options(
            options or [Option(Text(tx("no_ties", lang)), disabled=True)]
        )

    @on(RecordTable.Chosen, "#ranking")
    def edit_actor(self, event: RecordTable.Chosen) -> None:
        from workshop.tui.screens.form import RecordForm

        self.app.push_screen(RecordForm("actor", event.id))

    @on(OptionList.OptionSelected, "#ties")
    def edit_tie(self, event: OptionList.OptionSelected) -> None:
        from workshop.tui.screens.form import RecordForm

        table, _, id_ = (event.option.id or "").partition(":")
        if id_:
            self.app.push_screen(RecordForm(table, id_))

    def action_sort(self) -> None:
        self.query_one("#ranking", RecordTable).sort_by()

    def action_reverse(self) -> None:
        table = self.query_one("#ranking", RecordTable)
        column, reverse = table.sort_state
        table.sort_by(column, not reverse)
