"""Spreadsheet moves in the lists, driven by keys with Pilot on real files: choose rows with
space and shift+arrows, set a field of all of them in one step, fold two into one, and Ctrl+Z
and Ctrl+Y bring each back whole."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from tests.tui.conftest import drive, settle, text_of
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.browse import BrowseScreen
from workshop.tui.screens.fold import FoldScreen
from workshop.tui.screens.set_field import SetFieldScreen
from workshop.tui.widgets.record_table import RecordTable

PERSONS = [
    'persoon "Jan Jansen" #bewoner consent:print',
    'persoon "Jan Janssen" #sleutelfiguur consent:geen !4',
    'persoon "Piet Bakker" consent:intern',
    'persoon "Truus de Wit" consent:print',
    '"Jan Janssen" -> "Piet Bakker" #kent',
    'i "Moestuin" +"Jan Janssen"',
]


def _table(pilot) -> RecordTable:
    screen = pilot.app.screen
    assert isinstance(screen, BrowseScreen)
    return screen.table()


def _names(table: RecordTable) -> list[str]:
    return [table._rows.cells[i][0] for i in table._view]


def _chosen(table: RecordTable) -> list[str]:
    names = dict(zip(table._rows.ids, (c[0] for c in table._rows.cells), strict=True))
    return [names[key] for key in table.selection]


async def _to_actors(pilot) -> RecordTable:
    await pilot.press("f3")
    await settle(pilot)
    await pilot.press("right", "right")  # places, initiatives, actors
    await settle(pilot)
    table = _table(pilot)
    assert _names(table) == ["Jan Jansen", "Jan Janssen", "Piet Bakker", "Truus de Wit"]
    return table


async def _pick(pilot, label: str) -> None:
    """Choose the option `label` of the open list of choices."""
    options = pilot.app.screen.query_one(OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    options.highlighted = labels.index(label)
    await pilot.press("enter")
    await pilot.pause()


def test_choose_rows_with_space_and_shift_arrows(store: Store) -> None:
    record(store, PERSONS)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        table = await _to_actors(pilot)
        await pilot.press("space")  # Jan Jansen: chosen, and nothing typed in the line
        assert _chosen(table) == ["Jan Jansen"]
        assert isinstance(pilot.app.screen, BrowseScreen)
        assert pilot.app.capture_line().value == ""
        await pilot.press("down", "down", "shift+down")  # Piet and Truus, a run
        assert _chosen(table) == ["Jan Jansen", "Piet Bakker", "Truus de Wit"]
        await pilot.press("shift+up", "shift+up")  # back past where the run began
        assert _chosen(table) == ["Jan Jansen", "Jan Janssen", "Piet Bakker"]
        count = text_of(pilot.app.screen.query_one("#count", Static))
        assert count == "4 van 4 · 3 gekozen"
        await pilot.press("space")  # the cursor is on Jan Janssen: let go of him
        assert _chosen(table) == ["Jan Jansen", "Piet Bakker"]
        await pilot.press("ctrl+o")  # sorted otherwise, the same records stay chosen
        assert _chosen(table) == ["Jan Jansen", "Piet Bakker"]
        await pilot.press("escape")
        assert _chosen(table) == []
        await pilot.press("ctrl+a")
        assert len(_chosen(table)) == 4
        await pilot.press("p")  # a letter still goes to the capture line
        assert pilot.app.current_mode == "capture"

    drive(app, scenario)


def test_set_consent_of_chosen_rows_in_one_step_and_undo(store: Store) -> None:
    record(store, PERSONS)
    app = WorkshopApp(store)
    people = ("Jan Jansen", "Piet Bakker", "Truus de Wit")

    def consents() -> list[str]:
        return [store.find("actor", name)[0]["consent"] for name in people]

    async def scenario(pilot) -> None:
        table = await _to_actors(pilot)
        await pilot.press("space", "down", "down", "space", "shift+down")
        assert _chosen(table) == list(people)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SetFieldScreen)
        await _pick(pilot, "Toestemming")
        await _pick(pilot, "geen")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BrowseScreen)
        assert consents() == ["none", "none", "none"]
        assert [table._rows.cells[i][5] for i in table._view] == ["geen"] * 4
        assert _chosen(table) == list(people)  # still chosen: set another field next
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert consents() == ["print", "internal", "print"]
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert consents() == ["none", "none", "none"]

    drive(app, scenario)
    with Store.open(store.path, readonly=True) as again:  # on disk, one step in the history
        assert [again.find("actor", n)[0]["consent"] for n in people] == ["none"] * 3
        assert again.history(1)[0]["line"] == "bewerkt: 3 actoren · Toestemming: geen"


def test_set_a_cell_typed_in_and_a_refusal_changes_nothing(store: Store) -> None:
    record(store, PERSONS)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        table = await _to_actors(pilot)
        await pilot.press("ctrl+a", "ctrl+e")
        await pilot.pause()
        await _pick(pilot, "Vak op de kaart")
        assert isinstance(pilot.app.focused, Input)
        await pilot.press("z", "9", "9", "enter")
        await settle(pilot)
        assert all(store.find("actor", n)[0]["cell"] is None for n in _names(table))
        await pilot.press("ctrl+e")
        await pilot.pause()
        await _pick(pilot, "Vak op de kaart")
        await pilot.press("escape")  # back to the fields
        assert pilot.app.screen.query_one(OptionList).option_count == 3
        await _pick(pilot, "Vak op de kaart")
        await pilot.press("c", "4", "enter")
        await settle(pilot)
        assert {store.find("actor", n)[0]["cell"] for n in _names(table)} == {"C4"}

    drive(app, scenario)


def test_fold_two_records_says_what_happens_and_undo_brings_both(store: Store) -> None:
    record(store, PERSONS)
    app = WorkshopApp(store)

    async def scenario(pilot) -> None:
        table = await _to_actors(pilot)
        await pilot.press("ctrl+k")  # nothing chosen: it says how
        await pilot.pause()
        assert isinstance(pilot.app.screen, BrowseScreen)
        await pilot.press("space", "down")  # Jan Jansen chosen, the cursor on Jan Janssen
        await pilot.press("ctrl+k")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, FoldScreen)
        question = text_of(screen.query_one("#fold-question", Static))
        assert question == "'Jan Janssen' samenvoegen in 'Jan Jansen'?"
        detail = text_of(screen.query_one("#fold-detail", Static))
        assert "2 verbanden, koppelingen en notities gaan naar 'Jan Jansen'" in detail
        assert "De strengste toestemming blijft: geen." in detail
        await pilot.press("w")  # the other way round
        question = text_of(screen.query_one("#fold-question", Static))
        assert question == "'Jan Jansen' samenvoegen in 'Jan Janssen'?"
        await pilot.press("w", "enter")
        await settle(pilot)
        assert _names(table) == ["Jan Jansen", "Piet Bakker", "Truus de Wit"]
        kept = store.find("actor", "Jan Jansen")[0]
        assert (kept["consent"], kept["influence"]) == ("none", 4)
        assert store.rows("tie")[0]["source_id"] == kept["id"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert _names(table) == ["Jan Jansen", "Jan Janssen", "Piet Bakker", "Truus de Wit"]
        assert store.find("actor", "Jan Jansen")[0]["consent"] == "print"
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert len(_names(table)) == 3

    drive(app, scenario)


def test_setting_many_rows_writes_in_a_worker_and_says_so(store: Store, monkeypatch) -> None:
    """Ctrl+E on hundreds of rows runs in a worker thread (its own connection), so the screen
    draws on; it says it is busy, then what it did, and the step is one Ctrl+Z like any other."""
    import threading

    from workshop.tui import jobs

    record(store, [f'persoon "Buur {i:03d}" consent:print' for i in range(600)])
    app = WorkshopApp(store)
    said: list[str] = []
    threads: list[str] = []
    real_set = jobs.set_field

    def in_a_thread(*args):
        threads.append(threading.current_thread().name)
        return real_set(*args)

    monkeypatch.setattr(jobs, "set_field", in_a_thread)

    async def scenario(pilot) -> None:
        real_say = pilot.app.say
        pilot.app.say = lambda text, **kw: (said.append(text), real_say(text, **kw))
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("right", "right", "ctrl+a", "ctrl+e")
        await pilot.pause()
        await _pick(pilot, "Toestemming")
        await _pick(pilot, "geen")
        await settle(pilot)
        assert said[-2:] == [
            "Bezig: 600 actoren bijwerken …",
            "600 van 600 bijgewerkt (Ctrl+Z maakt het ongedaan).",
        ]
        assert len(threads) == 1 and threads[0] != threading.main_thread().name
        assert store.count("actor", "consent = 'none'") == 600
        assert {row[5] for row in _table(pilot)._rows.cells} == {"geen"}
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert store.count("actor", "consent = 'print'") == 600
        await pilot.press("ctrl+e")  # a value refused in the worker is said, nothing written
        await pilot.pause()
        await _pick(pilot, "Vak op de kaart")
        await pilot.press("z", "9", "9", "enter")
        await settle(pilot)
        assert said[-1].endswith(
            "Vak 'z99' ligt niet op de kaart: kies A1 t/m H6. Er is niets veranderd."
        )
        assert store.count("actor", "cell IS NOT NULL") == 0

    drive(app, scenario)
