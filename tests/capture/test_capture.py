"""The capture grammar, line by line: what each line makes and how a bad line is refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.capture.grammar import card_reference, parse
from workshop.i18n import UserError
from workshop.model import Context, Grid

CTX = Context()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "p Buurthuis #buurthuis @C4",
            {
                "kind": "place",
                "name": "Buurthuis",
                "cell": "C4",
                "fields": {"kind": "community_centre"},
            },
        ),
        (
            "PLEK Buurthuis #Community-Centre @c4",
            {
                "kind": "place",
                "name": "Buurthuis",
                "cell": "C4",
                "fields": {"kind": "community_centre"},
            },
        ),
        (
            'place Park #green @h6 "Hier spelen de kinderen"',
            {
                "kind": "place",
                "name": "Park",
                "cell": "H6",
                "quote": "Hier spelen de kinderen",
                "fields": {"kind": "park"},
            },
        ),
        ("p Markt #markt #zorgpunt", {"fields": {"kind": "market", "sentiment": "concern"}}),
        ("p Speelplek #speeltuin #onveilig", {"tags": ["onveilig"]}),
        (
            'persoon "Dokter de Vries" #sleutelfiguur !5 tel:0612345678 consent:print',
            {
                "kind": "actor",
                "name": "Dokter de Vries",
                "fields": {
                    "type": "person",
                    "role": "key_figure",
                    "influence": 5,
                    "tel": "0612345678",
                    "consent": "print",
                },
            },
        ),
        (
            "org Woonstede #woningcorporatie !4",
            {
                "kind": "actor",
                "fields": {"type": "organisation", "role": "housing_corporation", "influence": 4},
            },
        ),
        (
            "a Fatma #bewoner #ambassadeur #startmotor",
            {"fields": {"role": "resident", "ambassador": True, "startmotor": True}},
        ),
        (
            "actor Bibliotheek #library consent:openbaar",
            {"fields": {"role": "library", "consent": "public"}},
        ),
        (
            'i "Energiecoöperatie \'t Hoekje" #opwek @C4 +"Dokter de Vries" '
            "web:https://hoekje.example",
            {
                "kind": "initiative",
                "name": "Energiecoöperatie 't Hoekje",
                "cell": "C4",
                "actors": ["Dokter de Vries"],
                "fields": {"theme": "energy_generation", "website": "https://hoekje.example"},
            },
        ),
        (
            'i Zon op school +Jan de Boer +Fatma @B2 status:actief wat:"panelen op het dak"',
            {
                "name": "Zon op school",
                "actors": ["Jan de Boer", "Fatma"],
                "fields": {"status": "active", "description": "panelen op het dak"},
            },
        ),
        (
            'initiative Repair café #social #idee nodig:ruimte biedt:"koffie en hulp"',
            {
                "fields": {
                    "theme": "social",
                    "status": "idea",
                    "needs": "ruimte",
                    "offers": "koffie en hulp",
                }
            },
        ),
        ("Jan -> Piet", {"kind": "tie", "name": "Jan", "target": "Piet", "direction": "directed"}),
        ("Jan <- Piet #kent", {"direction": "reversed", "tie_words": ["kent"]}),
        (
            "Jan <-> Piet de Vries !3",
            {"direction": "mutual", "target": "Piet de Vries", "fields": {"strength": 3}},
        ),
        ("Jan -- Piet #werkt-samen", {"direction": "undirected", "tie_words": ["werkt-samen"]}),
        ("Jan->Piet", {"name": "Jan", "target": "Piet"}),
        ('"A -> B" -> C', {"name": "A -> B", "target": "C"}),
        (
            "n Altijd druk op dinsdag ~Buurthuis De Bron",
            {
                "kind": "note",
                "name": "Altijd druk op dinsdag",
                "about": "Buurthuis De Bron",
                "fields": {"kind": "note"},
            },
        ),
        (
            'q "Hier kent iedereen elkaar" ~"Café \'t Pleintje"',
            {
                "name": "Hier kent iedereen elkaar",
                "about": "Café 't Pleintje",
                "fields": {"kind": "quote"},
            },
        ),
        ("n -- pauze, 20 min --", {"name": "-- pauze, 20 min --"}),
        (
            "deelnemer Anna #appartement #senior #alleenstaand consent:intern",
            {
                "kind": "participant",
                "attributes": {
                    "housing": "apartment",
                    "life_stage": "senior",
                    "household": "single",
                },
                "fields": {"consent": "internal"},
            },
        ),
        (
            'participant Bob woningtype:rijwoning levensfase:"jonge kinderen" eigendom:koop',
            {
                "attributes": {"housing": "terraced", "life_stage": "young_children"},
                "fields": {"tenure": "owner"},
            },
        ),
        (
            "kandidaat Carla status:afgemeld #vrijstaand",
            {
                "kind": "candidate",
                "fields": {"status": "declined"},
                "attributes": {"housing": "detached"},
            },
        ),
        (
            'sessie 2026-11-26 locatie:"Buurthuis De Bron" tafel:2 begeleider:Sanne',
            {
                "kind": "session",
                "fields": {
                    "date": "2026-11-26",
                    "venue": "Buurthuis De Bron",
                    "table_name": "2",
                    "facilitator": "Sanne",
                },
            },
        ),
        ("kaart 12", {"kind": "card", "fields": {"card_number": 12}}),
        ("card 7", {"kind": "card", "fields": {"card_number": 7}}),
    ],
)
def test_lines(line: str, expected: dict) -> None:
    capture = parse(line, CTX)
    for key, value in expected.items():
        if key == "fields":
            for field, wanted in value.items():
                assert capture.fields[field] == wanted, field
        else:
            assert getattr(capture, key) == value, key


@pytest.mark.parametrize(
    "name",
    [
        "Café [red]<b> & 't Hoekje 🎉",
        "Ĳsbrand Kooĳman",
        "Fatma Yılmaz-Öztürk",
        "Małgorzata Żak",
        "Tijd:nu",  # not a known field, so part of the name
        "jan@voorbeeld.nl",
        "Naam  met   spaties",
        "[bold]x[/bold]",
        "<script>alert(1)</script>",
        "Smith & Zn.",
    ],
)
def test_names_kept_exactly_as_typed(name: str) -> None:
    assert parse(f"p {name} @A1", CTX).name == name
    assert parse(f"a {name}", CTX).name == name


def test_quoted_names_with_special_characters() -> None:
    assert parse(r'p "#1 plek @ de !hoek" @B2', CTX).name == "#1 plek @ de !hoek"
    assert parse(r'p "Zij zei \"hoi\""', CTX).name == 'Zij zei "hoi"'
    assert parse(r'p "C:\map\\"', CTX).name == "C:\\map\\"
    assert parse('i X +"Jan ~ Piet"', CTX).actors == ["Jan ~ Piet"]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("", "empty_line"),
        ("   ", "empty_line"),
        ("Buurthuis De Bron", "no_keyword"),
        ('p "Buurthuis', "unclosed_quote"),
        ("p #buurthuis @C4", "no_name"),
        ("p Buurthuis @Z9", "bad_cell"),
        ("p Buurthuis @C9", "bad_cell"),
        ("p Buurthuis @C4 @D5", "two_cells"),
        ("a Jan !9", "bad_influence"),
        ("a Jan !x", "bad_influence"),
        ("p Buurthuis !3", "marker_not_here"),
        ("p Buurthuis +Jan", "marker_not_here"),
        ("a Jan ~Piet", "marker_not_here"),
        ("p Buurthuis #", "empty_marker"),
        ("p Buurthuis #buurthuis De Bron", "name_split"),
        ("p Buurthuis tel:", "empty_field"),
        ("p Buurthuis invloed:3", "field_not_here"),
        ("i Zon status:misschien", "bad_value"),
        ("a Jan consent:misschien", "bad_value"),
        ("p Plek lat:91", "bad_coordinate"),
        ("p Plek lon:abc", "bad_number"),
        ("a Jan -> Piet", "arrow_with_keyword"),
        ("Jan -> Piet -> Klaas", "two_arrows"),
        ("-> Piet", "tie_side_missing"),
        ("Jan ->", "tie_side_missing"),
        ("Jan -> Piet !5", "bad_strength"),
        ("deelnemer Anna woningtype:woonboot", "bad_value"),
        ("sessie 26-11-2026", "bad_date"),
        ("kaart twaalf", "bad_card_ref"),
        ("p Bad\x00name", "nul_char"),
    ],
)
def test_refusals(line: str, key: str) -> None:
    with pytest.raises(UserError) as info:
        parse(line, CTX)
    assert info.value.key == key
    for lang in ("nl", "en"):
        message = info.value.message(lang)
        assert "\n" not in message and message


def test_cells_follow_the_files_grid() -> None:
    small = Context(grid=Grid(3, 2))
    assert parse("p X @C2", small).cell == "C2"
    with pytest.raises(UserError) as info:
        parse("p X @D1", small)
    assert "C2" in info.value.message("en")


def test_card_reference_is_a_capture_line() -> None:
    for lang in ("nl", "en"):
        capture = parse(card_reference(42, lang), CTX)
        assert capture.kind == "card" and capture.fields["card_number"] == 42


def quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


_name_chars = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))


@settings(max_examples=300, deadline=None)
@given(st.text(_name_chars, min_size=1, max_size=60).filter(lambda s: s.strip() == s and s))
def test_any_printable_name_round_trips_when_quoted(name: str) -> None:
    quoted = quote(name)
    assert parse(f"p {quoted} @A1", CTX).name == name
    assert parse(f"persoon {quoted} !2", CTX).name == name
    other = quote(name + "x")
    tie = parse(f"{quoted} -> {other}", CTX)
    assert (tie.name, tie.target) == (name.strip(), (name + "x").strip())
