"""Captures applied to the file: names resolved, ties sorted into their three forms."""

from __future__ import annotations

import pytest

from workshop.capture import parse
from workshop.i18n import UserError
from workshop.record import describe, near_duplicates, record
from workshop.store import Store


def test_the_examples_of_the_brief(store: Store) -> None:
    record(store, [
        'persoon "Dokter de Vries" #sleutelfiguur !5 tel:0612345678 consent:print',
        "i \"Energiecoöperatie 't Hoekje\" #opwek @C4 +\"Dokter de Vries\" "
        "web:https://hoekje.example",
    ])
    doctor = store.find("actor", "Dokter de Vries")[0]
    assert (doctor["type"], doctor["role"], doctor["influence"], doctor["tel"],
            doctor["consent"]) == ("person", "key_figure", 5, "0612345678", "print")
    initiative = store.find("initiative", "Energiecoöperatie 't Hoekje")[0]
    assert initiative["name"] == "Energiecoöperatie 't Hoekje"
    assert (initiative["theme"], initiative["cell"], initiative["website"]) == (
        "energy_generation", "C4", "https://hoekje.example")
    link = store.rows("actor_initiative")[0]
    assert (link["actor_id"], link["initiative_id"], link["kind"]) == (
        doctor["id"], initiative["id"], "drives")
    assert store.count("actor") == 1


def test_roles_imply_the_actor_type_and_default_consent(store: Store) -> None:
    record(store, ["a Woonstede #woningcorporatie", "a Sanne #sleutelfiguur", "a Onbekend"])
    types = {a["name"]: (a["type"], a["consent"]) for a in store.rows("actor")}
    assert types == {"Woonstede": ("organisation", "public"),
                     "Sanne": ("person", "internal"), "Onbekend": ("person", "internal")}


def test_ties_in_their_three_forms(store: Store) -> None:
    record(store, ['p "Buurthuis De Bron" #buurthuis', "i Zonnedak #opwek",
                   "org Bibliotheek #bibliotheek"])
    record(store, [
        "Jan -> Bibliotheek #kent !2",
        "Jan -> Buurthuis De Bron #beheert",
        "Zonnedak <- Fatma #trekt",
        "Bibliotheek -> Zonnedak",
        "Fatma -> Buurthuis De Bron",
    ])
    tie = store.rows("tie")[0]
    assert (tie["kind"], tie["direction"], tie["strength"]) == ("knows", "directed", 2)
    assert {(r["kind"]) for r in store.rows("actor_place")} == {"runs", "meets_at"}
    assert sorted(r["kind"] for r in store.rows("actor_initiative")) == ["drives", "supports"]
    assert store.count("actor") == 3  # Jan and Fatma were created as persons


def test_reversed_and_mutual_ties(store: Store) -> None:
    record(store, ["Jan <- Piet", "Klaas <-> Jan #vertrouwt", "Jan <-> Klaas #vertrouwt !3"])
    ids = {a["name"]: a["id"] for a in store.rows("actor")}
    ties = store.rows("tie")
    assert (ties[0]["source_id"], ties[0]["target_id"]) == (ids["Piet"], ids["Jan"])
    assert len(ties) == 2  # the second mutual tie updated the first
    assert (ties[1]["direction"], ties[1]["strength"]) == ("mutual", 3)


@pytest.mark.parametrize(
    ("lines", "line", "key"),
    [
        (['p "Buurthuis De Bron"'], "Jan -> Buurthuis De Bron #kent", "tie_kind_mismatch"),
        ([], "Jan -> Jan", "tie_to_self"),
        (["p Plein", "i Markt"], "Plein -> Markt", "tie_no_actor"),
        ([], "Jan -> Zonnedak #trekt", "not_found"),
        (["p Huis", "i Huis"], "Jan -> Huis", "ambiguous"),
        ([], "n notitie ~Niemand", "not_found"),
        ([], "i Zon waar:Nergens", "not_a_place"),
        (["i Eerste kaart:5"], "i Tweede kaart:5", "card_taken"),
        ([], "kaart 99", "card_unknown"),
    ],
)
def test_refusals_that_need_the_file(store: Store, lines: list[str], line: str,
                                     key: str) -> None:
    if lines:
        record(store, lines)
    before = store.count("history")
    with pytest.raises(UserError) as info:
        record(store, [line])
    assert info.value.key == key
    assert store.count("history") == before


def test_not_found_suggests_the_close_name(store: Store) -> None:
    record(store, ['p "Buurthuis De Bron"'])
    with pytest.raises(UserError) as info:
        record(store, ["n Druk ~Buurthuis Bron"])
    assert "Buurthuis De Bron" in info.value.message("nl")


def test_card_numbers_are_given_in_order_and_looked_up(store: Store) -> None:
    record(store, ["i Een", "i Twee kaart:10", "i Drie"])
    numbers = {r["name"]: r["card_number"] for r in store.rows("initiative")}
    assert numbers == {"Een": 1, "Twee": 10, "Drie": 11}
    outcome = record(store, ["kaart 10"])[0]
    assert outcome.name == "Twee" and not outcome.created
    with pytest.raises(UserError) as info:
        record(store, ["kaart 5"])  # reserved (for a blank card) but not captured
    assert info.value.key == "card_blank" and "kaart:5" in info.value.message("nl")


def test_initiative_where_and_place_quote(store: Store) -> None:
    record(store, ['p "Café \'t Pleintje" #café @D2 "Hier begint alles"',
                   "i Buurtsoep waar:\"café 't pleintje\""])
    place = store.rows("place")[0]
    assert store.rows("initiative")[0]["place_id"] == place["id"]
    quote = store.rows("note")[0]
    assert (quote["kind"], quote["text"], quote["about_id"]) == (
        "quote", "Hier begint alles", place["id"])


def test_participants_attend_the_current_session(store: Store) -> None:
    record(store, ['sessie 2026-10-08 locatie:"Buurthuis De Bron" tafel:1',
                   "deelnemer Anna #appartement #senior",
                   'sessie 2026-11-05 locatie:"Buurthuis De Bron" tafel:1',
                   "deelnemer anna #alleenstaand"])
    anna = store.rows("participant")
    assert len(anna) == 1
    assert anna[0]["attributes"] == {"housing": "apartment", "life_stage": "senior",
                                     "household": "single"}
    assert store.count("attendance") == 2 and store.count("session") == 2


def test_session_lines_continue_an_earlier_session(store: Store) -> None:
    record(store, ["sessie 2026-10-08 tafel:1", "p A"])
    first = store.session_id
    record(store, ["sessie 2026-10-08 tafel:2", "p B", "sessie 2026-10-08 tafel:1", "p C"])
    assert store.session_id == first
    assert store.find("place", "C")[0]["session_id"] == first
    assert store.count("session") == 2


def test_near_duplicates_before_creating(store: Store) -> None:
    record(store, ['p "Buurthuis De Bron"', "persoon Dokter de Vries"])
    capture = parse('p "Buurthuis de Bronn"', store.context())
    found = near_duplicates(store, capture)
    assert [(n, t, [r["name"] for r in rows]) for n, t, rows in found] == [
        ("Buurthuis de Bronn", "place", ["Buurthuis De Bron"])]
    assert near_duplicates(store, parse("i X +Dokter de Vriess", store.context()))
    assert near_duplicates(store, parse('p "buurthuis de bron"', store.context())) == []


def test_describe_is_the_preview_line() -> None:
    assert describe(parse("p Buurthuis De Kuil #buurthuis @C4"), "nl") == (
        "Plek · Buurthuis De Kuil · buurthuis · C4")
    assert describe(parse("p Buurthuis De Kuil #buurthuis @C4"), "en") == (
        "Place · Buurthuis De Kuil · community centre · C4")
    assert describe(parse("Jan <-> Piet #kent"), "nl") == "Verband · Jan ↔ Piet · kent"


def test_tags_accumulate_and_unknown_words_are_kept(store: Store) -> None:
    record(store, ["p Pleintje #plein #onveilig", "p pleintje #avond"])
    assert store.rows("place")[0]["tags"] == ["onveilig", "avond"]
