"""The short forms of the capture line (issue 11, item 2): they extend the grammar, so the long
forms mean what they meant, and each short form stores what its long form does."""

from __future__ import annotations

import pytest

from workshop.capture.grammar import parse
from workshop.capture.record import plan, record
from workshop.file.store import Store
from workshop.i18n import UserError


@pytest.mark.parametrize(
    ("short", "long"),
    [
        (
            "deelnemer Anna rijwoning jonge-kinderen gezin",
            "deelnemer Anna #rijwoning #jonge-kinderen #gezin",
        ),
        ("deelnemer Anna Bakker flat senior", "deelnemer Anna Bakker #flat #senior"),
        ("deelnemer Anna #rijwoning senior", "deelnemer Anna #rijwoning #senior"),
        ('deelnemer "Jan Senior" gezin', 'deelnemer "Jan Senior" #gezin'),
        ("kandidaat Piet huur", "kandidaat Piet #huur"),
        ("sessie Buurthuis De Kuil tafel:2", 'sessie locatie:"Buurthuis De Kuil" tafel:2'),
        ("sessie locatie:Buurthuis De Kuil tafel:2", 'sessie locatie:"Buurthuis De Kuil" tafel:2'),
        ("sessie tafel:2 begeleider:Sanne de Wit", 'sessie tafel:2 begeleider:"Sanne de Wit"'),
        ("sessie 2026-11-26 Bieb", "sessie 2026-11-26 locatie:Bieb"),
    ],
)
def test_a_short_form_is_its_long_form(short: str, long: str) -> None:
    a, b = parse(short), parse(long)
    assert (a.name, a.fields, a.attributes, a.tags) == (b.name, b.fields, b.attributes, b.tags)


def test_bare_words_stay_in_the_name_where_they_could_be_either() -> None:
    assert parse("deelnemer Senior").name == "Senior"  # the name is never empty
    assert parse("deelnemer Anna senior oudere").name == "Anna senior"  # one life stage
    assert parse("p Speeltuin senior").name == "Speeltuin senior"  # not a person's line
    with pytest.raises(UserError):
        parse("deelnemer Anna #rijwoning bakker")  # not a board value: apart from the name


def test_long_forms_mean_what_they_meant() -> None:
    assert parse("sessie 2026-11-26").fields == {"date": "2026-11-26"}
    with pytest.raises(UserError) as exc:
        parse("sessie 2026-13-01")
    assert exc.value.key == "bad_date"
    assert parse("n Bel Jan tel:0612345678 ~Bieb").name == "Bel Jan tel:0612345678"


def test_a_session_consent_is_the_default_of_the_persons_captured_in_it(store: Store) -> None:
    record(store, ["sessie Buurthuis De Kuil tafel:1 begeleider:Els consent:print"])
    assert "print" in plan(store, parse("persoon Jan", store.context())).text("nl")
    record(
        store,
        [
            "persoon Jan",
            "deelnemer Anna rijwoning",
            "kandidaat Kees",
            "org Wijkraad",
            "persoon Piet consent:geen",
            "Jan -> Mies",  # named in passing: not captured as a person of this table
        ],
    )
    consent = {
        r["name"]: r["consent"]
        for t in ("actor", "participant", "candidate")
        for r in store.rows(t)
    }
    assert consent == {
        "Jan": "print",
        "Anna": "print",
        "Kees": "print",
        "Wijkraad": "public",
        "Piet": "none",
        "Mies": "internal",
    }
    record(store, ["persoon Jan consent:intern", "persoon Jan #bewoner"])  # an update keeps it
    assert store.find("actor", "Jan")[0]["consent"] == "internal"


def test_the_next_table_keeps_venue_and_facilitator_but_not_the_consent(store: Store) -> None:
    record(store, ["sessie Buurthuis De Kuil tafel:1 begeleider:Els consent:print"])
    preview = plan(store, parse("sessie tafel:2", store.context())).text("nl")
    assert "houdt Buurthuis De Kuil, Els" in preview
    record(store, ["sessie tafel:2", "persoon Jan"])
    session = store.get("session", store.session_id)
    assert (session["venue"], session["facilitator"], session["consent"]) == (
        "Buurthuis De Kuil",
        "Els",
        None,
    )
    assert store.find("actor", "Jan")[0]["consent"] == "internal"


def test_tilde_dot_is_what_the_line_before_named(store: Store) -> None:
    with pytest.raises(UserError) as exc:
        record(store, ["n Mooi ~."])
    assert exc.value.key == "no_last"
    record(store, ["p Bieb @C4", "org Bieb", "n Over de club ~.", "q Zelfde ~."])
    record(store, ["p Kuil"])
    assert "~Kuil" in plan(store, parse("n Kuil ~.", store.context())).text("nl")
    record(store, ["Jan -> Kuil #ontmoet", "n Bij de ingang ~."])
    record(store, ["sessie tafel:3", 'n "~." ~.'])  # a session line names nothing
    notes = [(n["text"], n["about_table"]) for n in store.rows("note", order="rowid")]
    assert notes == [
        ("Over de club", "actor"),  # the org of that name, not the place
        ("Zelfde", "actor"),
        ("Bij de ingang", "place"),
        ("~.", "place"),
    ]
    store.undo()
    store.undo()
    store.undo()  # the notes about Kuil and the tie are gone: Kuil was named last
    assert "~Kuil" in plan(store, parse("n x ~.", store.context())).text("nl")
    store.undo()  # p Kuil undone: back to the club
    assert plan(store, parse("n x ~.", store.context())).resolved[0].table == "actor"
