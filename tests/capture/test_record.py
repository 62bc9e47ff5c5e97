"""Captures applied to the file: names resolved, ties sorted into their three forms."""

from __future__ import annotations

import pytest

from workshop.capture.grammar import parse
from workshop.capture.record import describe, near_duplicates, record
from workshop.file.store import Store
from workshop.i18n import UserError


def test_the_examples_of_the_brief(store: Store) -> None:
    record(
        store,
        [
            'persoon "Dokter de Vries" #sleutelfiguur !5 tel:0612345678 consent:print',
            'i "Energiecoöperatie \'t Hoekje" #opwek @C4 +"Dokter de Vries" '
            "web:https://hoekje.example",
        ],
    )
    doctor = store.find("actor", "Dokter de Vries")[0]
    assert (
        doctor["type"],
        doctor["role"],
        doctor["influence"],
        doctor["tel"],
        doctor["consent"],
    ) == ("person", "key_figure", 5, "0612345678", "print")
    initiative = store.find("initiative", "Energiecoöperatie 't Hoekje")[0]
    assert initiative["name"] == "Energiecoöperatie 't Hoekje"
    assert (initiative["theme"], initiative["cell"], initiative["website"]) == (
        "energy_generation",
        "C4",
        "https://hoekje.example",
    )
    link = store.rows("actor_initiative")[0]
    assert (link["actor_id"], link["initiative_id"], link["kind"]) == (
        doctor["id"],
        initiative["id"],
        "drives",
    )
    assert store.count("actor") == 1


def test_roles_imply_the_actor_type_and_default_consent(store: Store) -> None:
    record(store, ["a Woonstede #woningcorporatie", "a Sanne #sleutelfiguur", "a Onbekend"])
    types = {a["name"]: (a["type"], a["consent"]) for a in store.rows("actor")}
    assert types == {
        "Woonstede": ("organisation", "public"),
        "Sanne": ("person", "internal"),
        "Onbekend": ("person", "internal"),
    }


def test_ties_in_their_three_forms(store: Store) -> None:
    record(
        store,
        ['p "Buurthuis De Bron" #buurthuis', "i Zonnedak #opwek", "org Bibliotheek #bibliotheek"],
    )
    record(
        store,
        [
            "Jan -> Bibliotheek #kent !2",
            "Jan -> Buurthuis De Bron #beheert",
            "Zonnedak <- Fatma #trekt",
            "Bibliotheek -> Zonnedak",
            "Fatma -> Buurthuis De Bron",
        ],
    )
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
def test_refusals_that_need_the_file(store: Store, lines: list[str], line: str, key: str) -> None:
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
    before = store.count("history")
    outcome = record(store, ["kaart 10"])[0]
    assert outcome.name == "Twee" and not outcome.created and not outcome.saved
    blank = record(store, ["kaart 5"])[0]  # reserved (for a blank card) but not captured
    assert (blank.kind, blank.id, blank.saved, blank.ready_line) == (
        "card",
        None,
        False,
        "i  kaart:5",
    )
    assert "kaart:5" in blank.notices[0]
    assert store.count("history") == before  # a card reference is a look-up, never a save


def test_initiative_where_and_place_quote(store: Store) -> None:
    record(
        store,
        [
            'p "Café \'t Pleintje" #café @D2 "Hier begint alles"',
            'i Buurtsoep waar:"café \'t pleintje"',
        ],
    )
    place = store.rows("place")[0]
    assert store.rows("initiative")[0]["place_id"] == place["id"]
    quote = store.rows("note")[0]
    assert (quote["kind"], quote["text"], quote["about_id"]) == (
        "quote",
        "Hier begint alles",
        place["id"],
    )


def test_participants_attend_the_current_session(store: Store) -> None:
    record(
        store,
        [
            'sessie 2026-10-08 locatie:"Buurthuis De Bron" tafel:1',
            "deelnemer Anna #appartement #senior",
            'sessie 2026-11-05 locatie:"Buurthuis De Bron" tafel:1',
            "deelnemer anna #alleenstaand",
        ],
    )
    anna = store.rows("participant")
    assert len(anna) == 1
    assert anna[0]["attributes"] == {
        "housing": "apartment",
        "life_stage": "senior",
        "household": "single",
    }
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
        ("Buurthuis de Bronn", "place", ["Buurthuis De Bron"])
    ]
    assert near_duplicates(store, parse("i X +Dokter de Vriess", store.context()))
    assert near_duplicates(store, parse('p "buurthuis de bron"', store.context())) == []


def test_describe_is_the_preview_line() -> None:
    assert describe(parse("p Buurthuis De Kuil #buurthuis @C4"), "nl") == (
        "Plek · Buurthuis De Kuil · buurthuis · C4"
    )
    assert describe(parse("p Buurthuis De Kuil #buurthuis @C4"), "en") == (
        "Place · Buurthuis De Kuil · community centre · C4"
    )
    assert describe(parse("Jan <-> Piet #kent"), "nl") == "Verband · Jan ↔ Piet · kent"


def test_tags_accumulate_and_unknown_words_are_kept(store: Store) -> None:
    record(store, ["p Pleintje #plein #onveilig", "p pleintje #avond"])
    assert store.rows("place")[0]["tags"] == ["onveilig", "avond"]


# --- names mean one thing (issue 10, item 2) ----------------------------------------------------


def test_a_plus_name_that_is_a_place_links_the_place_and_makes_no_person(store: Store) -> None:
    record(store, ['p "Buurthuis De Kuil" #buurthuis @C4'])
    outcome = record(store, ["i Repair Café #sociaal +Buurthuis De Kuil"])[0]
    place = store.rows("place")[0]
    assert store.rows("initiative")[0]["place_id"] == place["id"]
    assert store.count("actor") == 0 and store.count("actor_initiative") == 0
    assert not outcome.notices  # no "new actor" said, because none was made


@pytest.mark.parametrize(
    ("lines", "line", "key"),
    [
        (["i Repair Café"], "i Buurtsoep +Repair Café", "plus_not_actor"),
        (["deelnemer Anna"], "i Buurtsoep +Anna", "plus_not_actor"),
        (["deelnemer Anna"], "Anna -> Piet", "tie_end_not_actor"),
        (["kandidaat Els"], "n Belt terug ~Els", "about_not_here"),
        (["p Kuil", "p Bron", "i Soep +Kuil"], "i Soep +Bron", "plus_place_twice"),
        (["p Kuil", "p Bron"], "i Soep waar:Kuil +Bron", "plus_place_twice"),
    ],
)
def test_a_name_the_role_cannot_use_is_refused_never_made_a_person(
    store: Store, lines: list[str], line: str, key: str
) -> None:
    record(store, lines)
    actors = store.count("actor")
    with pytest.raises(UserError) as info:
        record(store, [line])
    assert info.value.key == key
    message = info.value.message("nl")
    assert "\n" not in message and ("persoon" in message or "~" in message or "waar" in message)
    assert store.count("actor") == actors


def test_a_later_line_of_the_batch_may_create_what_an_earlier_one_names(store: Store) -> None:
    record(store, ['persoon "Dokter de Vries" #sleutelfiguur'])
    outcomes = record(
        store,
        [
            "Dokter de Vries -> Buurthuis De Bron #ontmoet",
            'p "Buurthuis De Bron" #buurthuis @C4',
            "i Soep +Jan +Buurthuis De Bron",
            "persoon Jan !3",
            "n Altijd open ~Buurthuis De Bron",
        ],
    )
    assert [o.kind for o in outcomes] == ["actor_place", "place", "initiative", "actor", "note"]
    place = store.find("place", "Buurthuis De Bron")[0]
    assert store.rows("actor_place")[0]["place_id"] == place["id"]
    assert store.rows("initiative")[0]["place_id"] == place["id"]
    assert sorted(a["name"] for a in store.rows("actor")) == ["Dokter de Vries", "Jan"]
    assert store.find("actor", "Jan")[0]["influence"] == 3
    assert store.rows("note")[0]["about_id"] == place["id"]
    assert store.count("history") == 6  # each line its own undoable step
    for _ in range(5):
        store.undo()
    assert store.count("place") == 0 and store.count("actor") == 1


def test_a_batch_with_a_bad_line_after_a_waiting_one_writes_nothing(store: Store) -> None:
    with pytest.raises(UserError) as info:
        record(store, ["Jan -> Buurthuis #ontmoet", "p Buurthuis", "i Soep waar:Nergens"])
    assert info.value.message("nl").startswith("regel 3:")
    assert (store.count("place"), store.count("actor"), store.count("session")) == (0, 0, 0)
    assert record(store, ["p Buurthuis"])[0].created  # and the store goes on


def test_plan_says_what_enter_will_do(store: Store) -> None:
    from workshop.capture.preview import plan

    record(store, ['p "Buurthuis De Kuil"', 'persoon "Henk de Groot"', "i Soep"])
    ctx = store.context()
    p = plan(store, parse('i "Repair Café" +buurthuis de kuil +henk de groot +Piet', ctx))
    assert p.action == "new" and p.defaults == {"card_number": 2}
    assert p.new_actors == ["Piet"]
    assert {(r.typed, r.table, r.name) for r in p.resolved} == {
        ("buurthuis de kuil", "place", "Buurthuis De Kuil"),
        ("henk de groot", "actor", "Henk de Groot"),
    }
    text = p.text("nl")
    assert "nieuwe persoon 'Piet'" in text and "kaart 2" in text and "+Henk de Groot" in text
    assert plan(store, parse("persoon Anna", ctx)).text("nl").endswith("intern")
    assert "werkt 'Soep' bij" in plan(store, parse("i soep status:actief", ctx)).text("nl")
    assert plan(store, parse("i X +Soep", ctx)).refusal.key == "plus_not_actor"
    looked = plan(store, parse("kaart 1", ctx))
    assert looked.action == "lookup" and looked.existing["name"] == "Soep"
    assert store.count("actor") == 1  # a plan writes nothing


def test_describe_shows_every_field_that_will_be_saved() -> None:
    text = describe(parse("kandidaat Els status:uitgenodigd consent:print tel:0612"), "nl")
    assert text == "Kandidaat · Els · uitgenodigd · print · tel: 0612"
    assert describe(parse('p Hal "Mooi hier"'), "nl") == "Plek · Hal · “Mooi hier”"
    assert "kaart 7" in describe(parse("i Soep kaart:7 wat:soep"), "nl")


def test_near_duplicates_that_differ_in_a_distinguishing_word_are_marked_different(
    store: Store,
) -> None:
    record(store, ["org Wijkteam Zeist-Oost", 'p "Buurthuis De Kuil"', "p Tafel 1"])
    ctx = store.context()
    found = {
        name: rows
        for name, _, rows in near_duplicates(store, parse("org Wijkteam Zeist-West", ctx))
    }
    assert [(r["name"], r["different"]) for r in found["Wijkteam Zeist-West"]] == [
        ("Wijkteam Zeist-Oost", True)
    ]
    typo = near_duplicates(store, parse('p "Buurthuis De Kuijl"', ctx))[0][2]
    assert [(r["name"], r["different"]) for r in typo] == [("Buurthuis De Kuil", False)]
    assert near_duplicates(store, parse("p Tafel 2", ctx))[0][2][0]["different"]


def test_the_command_line_says_a_different_near_duplicate_was_kept_apart(tmp_path) -> None:
    from click.testing import CliRunner

    from workshop.cli import cli

    path = tmp_path / "w.wijk"
    Store.create(path, name="W").close()
    runner = CliRunner()
    assert runner.invoke(cli, ["capture", str(path), "org Wijkteam Zeist-Oost"]).exit_code == 0
    result = runner.invoke(cli, ["capture", str(path), "org Wijkteam Zeist-West"])
    assert result.exit_code == 0
    assert "verschilt in een woord dat onderscheidt: nieuw vastgelegd" in result.output
    result = runner.invoke(cli, ["capture", str(path), "org Wijkteam Zeist-Oostt"])
    assert "lijkt op 'Wijkteam Zeist-Oost'" in result.output
    with Store.open(path) as store:
        assert store.count("actor") == 3  # the command line never merges


def test_a_card_reference_on_the_command_line_is_a_look_up(tmp_path) -> None:
    from click.testing import CliRunner

    from workshop.cli import cli

    path = tmp_path / "w.wijk"
    Store.create(path, name="W").close()
    runner = CliRunner()
    assert runner.invoke(cli, ["capture", str(path), "i Soep"]).exit_code == 0
    assert (
        runner.invoke(
            cli, ["print", "blank-cards", str(path), "--count", "1", "-o", str(tmp_path / "b.pdf")]
        ).exit_code
        == 0
    )
    found = runner.invoke(cli, ["capture", str(path), "kaart 1"])
    assert found.exit_code == 0
    assert found.output.startswith("opgezocht, niets opgeslagen: Kaart · 1 · Soep")
    blank = runner.invoke(cli, ["capture", str(path), "kaart 2"])
    assert blank.exit_code == 0 and "kaart:2" in blank.output
    assert "opgeslagen:" not in blank.output.replace("niets opgeslagen:", "")
    with Store.open(path) as store:
        assert [h["line"] for h in store.history()] == ["i Soep"]


def test_a_long_batch_still_goes_in_as_one_transaction(store: Store) -> None:
    lines = [f"p Plek {i}" for i in range(2000)] + ["Jan -> Plek 0"]
    outcomes = record(store, lines)
    assert len(outcomes) == 2001 and store.count("place") == 2000
