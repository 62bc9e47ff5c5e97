"""The headless parts of the TUI: completions of the capture line, what the screens read."""

from __future__ import annotations

import pytest

from tests.tui.conftest import MARKUP_NAME
from workshop.capture import edit
from workshop.capture.grammar import parse
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.model import Context
from workshop.text import normalise
from workshop.tui import overview, queries
from workshop.tui.completion import complete, needs_quotes

NAMES = [
    "Buurthuis De Kuil",
    "Buurthuis De Bron",
    "Dokter de Vries",
    "Jan",
    "Janneke",
    "Café #1",
    "Piet",
    "Bieb",
]


def fake_names(prefix, tables, limit):
    return [n for n in NAMES if normalise(n).startswith(normalise(prefix))][:limit]


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("p Buu", "p Buurthuis De Kuil"),
        ("p buurthuis de b", "p Buurthuis De Bron"),
        ("p Buurthuis #buu", "p Buurthuis #buurthuis"),
        ("p X @c", "p X @C1"),
        ("i Zon +Dok", "i Zon +Dokter de Vries"),
        ('i Zon +"Ca', 'i Zon +"Café #1"'),
        ("Ja", "Jan"),
        ("Jan -> Pi", "Jan -> Piet"),
        ("Jan -> Piet #ke", "Jan -> Piet #kent"),
        ("n hallo ~Bu", "n hallo ~Buurthuis De Kuil"),
        ("a Jan consent:in", "a Jan consent:intern"),
        ("i X status:ac", "i X status:actief"),
        ("ini", "initiatief"),
        ('i X waar:"Buurthuis De K', 'i X waar:"Buurthuis De Kuil"'),
        ("deelnemer Anna woningtype:ap", "deelnemer Anna woningtype:appartement"),
    ],
)
def test_completions(line: str, first: str) -> None:
    found = complete(line, fake_names, Context())
    assert found and found[0].line == first
    assert found[0].line.casefold().startswith(line.casefold())


@pytest.mark.parametrize(
    "line", ["", "p", "p Buurthuis ", "i X waar:Bu", "i Zon +Café", "p Onbekend", "x @c"]
)
def test_no_completion(line: str) -> None:
    assert complete(line, fake_names, Context()) == []


def test_completed_lines_parse(filled: Store) -> None:
    names = lambda p, t, n: [x for _, x in filled.complete(p, tuple(t), n)]  # noqa: E731
    for line in ("i Moestuin +Dok", "p Buurthuis De K", "Jan -> Wij", 'n Mooi ~"[bold'):
        found = complete(line, names, filled.context())
        assert found, line
        parse(found[0].line, filled.context())
    assert complete('n Mooi ~"[bold', names, filled.context())[0].word == f'~"{MARKUP_NAME}"'


def test_names_that_need_quotes() -> None:
    assert needs_quotes("Café #1") and needs_quotes("A -> B") and needs_quotes('Zeg "ja"')
    assert needs_quotes("tel:06") and not needs_quotes("'t Hoekje & [b]")


def test_feed_says_what_each_entry_was(filled: Store) -> None:
    place = filled.find("place", "Bibliotheek")[0]
    edit.save(
        filled, "place", edit.validate(filled, "place", {"cell": "A1"}, place["id"]), place["id"]
    )
    record(filled, ["p Weg"])
    filled.undo()
    items = queries.feed(filled, 5, "nl")
    assert items[0].summary == "Plek · Weg" and items[0].undone and items[0].table is None
    assert items[1].summary == "bewerkt: Plek · Bibliotheek · bibliotheek · A1"
    assert (items[1].table, items[1].id) == ("place", place["id"])
    assert items[2].summary.startswith("Deelnemer · Anna")
    tie = queries.feed(filled, 20, "nl")[-7]
    assert tie.summary == "Verband · Jan → Dokter de Vries · kent" and tie.table == "tie"


def test_the_facilitators_lists_show_and_find_every_person_by_name(filled: Store) -> None:
    """Consent decides what paper, the wall and exports show; the facilitator typed the
    names herself, so her own lists show them, and her filter finds them."""
    record(
        filled,
        [
            'persoon "Geheim" consent:none #bewoner',
            'deelnemer "Fatma Yılmaz" consent:geen',
            "n Geheim komt volgende keer ~Geheim",
        ],
    )
    actors = queries.rows(filled, "actor", "nl")
    names = [cells[0] for cells in actors.cells]
    assert "Geheim" in names and not any(n.startswith("Bewoner ") for n in names)
    assert actors.names[names.index("Geheim")] == "geheim"  # what the filter searches
    people = queries.rows(filled, "participant", "nl")
    assert "Fatma Yılmaz" in [cells[0] for cells in people.cells]
    notes = queries.rows(filled, "note", "nl")
    # the Door column (who said it, issue 11 item 6) is empty for this note
    assert ("Geheim komt volgende keer", "notitie", "Geheim", "") in notes.cells
    assert queries.SCREEN == "facilitator"
    ties = queries.rows(filled, "tie", "en")
    assert ("Dokter de Vries", "→ drives", "Zon op ons dak") in ties.cells
    first = queries.rows(filled, "place", "nl", limit=2)
    assert [c[0] for c in first.cells] == [MARKUP_NAME, "Bibliotheek"]


def test_map_cells_count_initiatives_at_their_place(filled: Store) -> None:
    record(filled, ["i Leesclub waar:Bibliotheek"])
    cells = overview.map_cells(filled, "nl")
    assert (cells["C4"].places, cells["C4"].initiatives) == (2, 1)
    assert cells["C4"].cards == [2]
    assert "F2" not in cells


def test_ties_of_an_actor(filled: Store) -> None:
    jan = filled.find("actor", "Jan")[0]
    assert [label for _, _, label in overview.ties_of(filled, jan["id"], "nl")] == [
        "→ kent · Dokter de Vries",
        "↔ werkt samen · Wijkraad",
    ]


def inside_names(prefix, tables, limit):
    """Names holding `prefix` as `Store.complete` finds them (any word of the name)."""
    key = normalise(prefix)
    return [n for n in NAMES + ["'t Pleintje"] if key in normalise(n)][:limit]


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("n hallo ~Plei", "n hallo ~'t Pleintje"),  # found by a word inside the name
        ("n hallo ~'t Pl", "n hallo ~'t Pleintje"),  # after ~' (one name, several words)
        ("i Zon +'t Ple", "i Zon +'t Pleintje"),
        ("i Zon +Buurthuis De B", "i Zon +Buurthuis De Bron"),
        ("n hallo ~Buurthuis De K", "n hallo ~Buurthuis De Kuil"),
        ("q Mooi door:Ja", "q Mooi door:Jan"),
        ("q Mooi door:Dokter de", "q Mooi door:Dokter de Vries"),
        ("p X #zorgp", "p X #zorgpunt"),  # gevoel: a word of the place's second slot
        ("p X gev", "p X gevoel:"),  # field words
        ("sessie loc", "sessie locatie:"),
        ("sessie Buurthuis De K", "sessie Buurthuis De Kuil"),  # a venue: a known place
        ("deelnemer Anna rij", "deelnemer Anna rijwoning"),  # bare board values
        ("deelnemer Anna rijwoning kind", "deelnemer Anna rijwoning jonge-kinderen"),
    ],
)
def test_completions_inside_names_and_words(line: str, first: str) -> None:
    found = complete(line, inside_names, Context())
    assert found and found[0].line == first, found


def test_a_notes_words_are_not_completed_into_fields() -> None:
    assert complete("n Gebouwd doo", fake_names, Context()) == []  # "door" is a Dutch word
    assert complete("p Speeltuin gev", fake_names, Context())[0].word == "gevoel:"


@pytest.mark.parametrize(
    ("line", "lang", "offered", "not_offered"),
    [
        ("a Jan consent:intern", "nl", [], ["consent:internal"]),  # a Dutch word typed in full
        ("a Jan consent:in", "nl", ["consent:intern"], ["consent:internal"]),
        ("Jan -> Piet #k", "nl", ["#kent"], ["#knows"]),
        ("Jan -> Piet #kn", "nl", ["#knows"], []),  # the other language, when typed
        ("a Jan consent:in", "en", ["consent:internal"], ["consent:intern"]),
        ("Jan -> Piet #k", "en", ["#knows"], ["#kent"]),
        ("pe", "nl", ["persoon"], ["person"]),
        ("pe", "en", ["person"], ["persoon"]),
        ("p X #buu", "en", ["#buurthuis"], []),
    ],
)
def test_the_files_language_first(line, lang, offered, not_offered) -> None:
    words = [c.word for c in complete(line, fake_names, Context(lang=lang))]
    assert words[: len(offered)] == offered
    assert not set(not_offered) & set(words)


def test_the_store_finds_names_by_any_word_accents_aside(filled: Store) -> None:
    record(filled, ["p 't Pleintje", "persoon Zoë Öztürk"])
    assert ("place", "'t Pleintje") in filled.complete("plei")
    assert filled.complete("ozt", ("actor",)) == [("actor", "Zoë Öztürk")]
    assert filled.complete("zo", ("actor",))[0] == ("actor", "Zoë Öztürk")  # the start first
    assert filled.complete("rt", ("actor",)) == []  # two letters inside a word: too many
    assert filled.complete("ztu", ("actor",)) == [("actor", "Zoë Öztürk")]
    names = lambda p, t, n: [x for _, x in filled.complete(p, tuple(t), n)]  # noqa: E731
    found = complete("n Mooi ~Plei", names, filled.context())
    assert found[0].line == "n Mooi ~'t Pleintje"
    parse(found[0].line, filled.context())
