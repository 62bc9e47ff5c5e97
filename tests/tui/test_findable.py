"""Everything findable (issue 11, item 3): every F-key and Ctrl+Q in the key bar at 80
columns, the header in words naming the neighbourhood from 100 columns on, F1 listing every
word and field the line takes (from the vocabularies and the field table), a refused field
naming the fields that are allowed."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.tui.conftest import drive, settle
from workshop.capture.grammar import parse
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.model import FIELDS, Context
from workshop.tui import guide
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.help import HelpScreen, help_text
from workshop.tui.widgets.key_bar import KeyBar, arrange
from workshop.tui.widgets.status_bar import StatusBar

EVERY_KEY = [f"F{n}" for n in range(1, 10)] + ["^Q"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_f1_lists_every_word_and_field_and_its_examples_are_lines(lang: str) -> None:
    ctx = Context(lang=lang)
    text = help_text(ctx, lang)
    for _, listed in guide.words(ctx):
        for word in listed.split(", "):
            assert word in text
    for kind in guide.KINDS:
        for word in ctx.field_words(kind):
            assert word in text
        parse(guide.EXAMPLES[kind][lang], ctx)  # every example is a line the grammar takes
    assert ("gevoel:" if lang == "nl" else "sentiment:") in text
    assert "P plekken" in text if lang == "nl" else "P places" in text
    # the fields are the field table's, in the screen's language
    rule = FIELDS["influence"]
    assert rule.word_in(lang) + ":" in text


@pytest.mark.parametrize(
    ("lang", "line", "refused", "allowed"),
    [
        ("nl", "a Jan biedt:soep", "biedt:", ["tel:", "invloed:", "rol:"]),
        ("en", "a Jan offers:soup", "biedt:", ["phone:", "influence:", "role:"]),
    ],
)
def test_a_refused_field_names_the_allowed_ones(lang, line, refused, allowed) -> None:
    with pytest.raises(UserError) as caught:
        parse(line, Context(lang=lang))
    message = caught.value.message(lang)
    assert refused in message and all(word in message for word in allowed)


def _bar_text(pilot) -> str:
    bar = pilot.app.screen.query_one(KeyBar)
    return str(bar.render()), bar.region.height


def test_every_f_key_and_ctrl_q_at_80_columns(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await settle(pilot)
        for key in ("f2", "f3", "f4", "f5", "f6"):
            await pilot.press(key)
            await settle(pilot)
            text, height = _bar_text(pilot)
            for label in EVERY_KEY:
                assert f"{label} " in text, (key, label)
            if key == "f2":
                assert "F10 Minikaart" in text and height == 2
            assert height <= 3 and all(len(row) <= 78 for row in text.splitlines())

    drive(app, scenario)


def test_rows_of_keys_fill_greedily() -> None:
    keys = [("F1", "Hulp", "a"), ("F2", "Invoer", "b"), ("F3", "Lijsten", "c")]
    assert arrange(keys, 18) == [keys[:2], keys[2:]]
    assert arrange(keys, 80) == [keys]


def test_the_header_names_the_neighbourhood_in_words_from_100_columns(filled: Store) -> None:
    # In words from 100 columns on where the session's date still fits whole beside them
    # (this file's words need 120: at 100 the date came out "2026-1…").
    today = f"sessie {dt.date.today().isoformat()} "
    for size, expected, absent in (
        ((120, 30), ["Testwijk", "4 plekken", "actoren", today], ["test.wijk", "P4 "]),
        ((100, 30), ["Testwijk", "P4 ", today], ["test.wijk", "…"]),
        ((80, 24), ["Testwijk", "P4 ", today], ["test.wijk"]),
    ):
        app = WorkshopApp(filled)

        async def scenario(pilot, expected=expected, absent=absent) -> None:
            await settle(pilot)
            text = str(pilot.app.screen.query_one(StatusBar).render())
            assert all(e in text for e in expected), text
            assert not any(a in text for a in absent), text

        drive(app, scenario, size=size)


def test_f1_opens_with_the_generated_lists(filled: Store) -> None:
    app = WorkshopApp(filled)

    async def scenario(pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        shown = str(pilot.app.screen.query_one("#help Static").render())
        assert "gevoel:" in shown and "sleutelfiguur" in shown and "F10" in shown

    drive(app, scenario)
