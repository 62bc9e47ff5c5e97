"""Editing and deleting by form: the same vocabularies as the capture line, one undo step."""

from __future__ import annotations

import pytest

from workshop.capture import edit
from workshop.capture.edit import FieldError
from workshop.capture.forms import FIELDS, fields_for, form_values
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.i18n import UserError

MARKUP_NAME = "[bold]Café[/] <b> & 'Hoekje'"


def _one(store: Store, table: str, name: str) -> dict:
    rows = store.find(table, name)
    assert len(rows) == 1
    return rows[0]


def test_form_values_round_trip_every_field(store: Store) -> None:
    record(
        store,
        [
            'p "Buurthuis De Kuil" #buurthuis @C4 #koffie "Altijd open"',
            'i "Zon op ons dak" #opwek @D2 +"Dokter de Vries" waar:"Buurthuis De Kuil"',
        ],
    )
    for table in ("place", "initiative", "actor"):
        row = store.rows(table)[0]
        shown = form_values(store, table, row)
        assert set(shown) == {f.name for f in fields_for(store, table)}
        # What a form shows validates back to what is stored.
        values = edit.validate(store, table, shown, row["id"])
        for key, value in values.items():
            assert row[key] == value, (table, key)


def test_vocabulary_words_in_either_language(store: Store) -> None:
    record(store, ["p Speeltuin"])
    place = _one(store, "place", "Speeltuin")
    values = edit.validate(
        store,
        "place",
        {
            "kind": "playground",
            "sentiment": "zorgpunt",
            "cell": " c4 ",
            "tags": "#groen, kinderen, groen",
        },
        place["id"],
    )
    assert values == {
        "kind": "playground",
        "sentiment": "concern",
        "cell": "C4",
        "tags": ["groen", "kinderen"],
    }
    assert edit.validate(store, "place", {"kind": "speeltuin"}, place["id"])["kind"] == "playground"


@pytest.mark.parametrize(
    ("table", "raw", "field", "key"),
    [
        ("place", {"name": "  "}, "name", "edit_required"),
        ("place", {"kind": "vliegveld"}, "kind", "edit_bad_choice"),
        ("place", {"cell": "Z9"}, "cell", "bad_cell"),
        ("place", {"lat": "91"}, "lat", "edit_bad_number"),
        ("place", {"lat": "noord"}, "lat", "edit_bad_number"),
        ("actor", {"influence": "6"}, "influence", "edit_bad_int"),
        ("actor", {"influence": "veel"}, "influence", "edit_bad_int"),
        ("actor", {"consent": ""}, "consent", "edit_required"),
        ("initiative", {"place_id": "Nergens"}, "place_id", "not_a_place"),
        ("note", {"about_id": "Niemand"}, "about_id", "not_found"),
        ("place", {"name": "a\x00b"}, "name", "edit_bad_text"),
    ],
)
def test_bad_values_name_their_field(store: Store, table, raw, field, key) -> None:
    record(store, ["p Plein", "a Jan", "i Moestuin", "n Iets"])
    row = store.rows(table)[0]
    with pytest.raises(FieldError) as caught:
        edit.validate(store, table, raw, row["id"])
    assert caught.value.field == field
    assert caught.value.key == key
    assert caught.value.message("nl") and caught.value.message("en")
    before = store.get(table, row["id"])
    assert store.get(table, row["id"]) == before


def test_a_second_record_of_the_same_name_is_refused(store: Store) -> None:
    record(store, ["p Buurthuis De Kuil", "p Bibliotheek"])
    library = _one(store, "place", "Bibliotheek")
    with pytest.raises(FieldError) as caught:
        edit.validate(store, "place", {"name": "buurthuis de kuil"}, library["id"])
    assert "Buurthuis De Kuil" in caught.value.message("nl")
    # Renaming a record to itself, in other case, is fine.
    assert edit.validate(store, "place", {"name": "BIBLIOTHEEK"}, library["id"])


def test_card_numbers_stay_unique(store: Store) -> None:
    record(store, ["i Moestuin", "i Repaircafé"])
    second = _one(store, "initiative", "Repaircafé")
    with pytest.raises(FieldError) as caught:
        edit.validate(store, "initiative", {"card_number": "1"}, second["id"])
    assert caught.value.key == "card_taken"
    values = edit.validate(store, "initiative", {"card_number": "40"}, second["id"])
    edit.save(store, "initiative", values, second["id"])
    record(store, ["i Deelauto"])
    assert _one(store, "initiative", "Deelauto")["card_number"] == 41


def test_save_is_one_undo_step_and_keeps_markup_verbatim(store: Store) -> None:
    record(store, ["p Hoekje #cafe @B2"])
    place = _one(store, "place", "Hoekje")
    values = edit.validate(
        store,
        "place",
        {"name": MARKUP_NAME, "cell": "C3", "description": "regel 1\nregel 2"},
        place["id"],
    )
    edit.save(store, "place", values, place["id"])
    saved = store.get("place", place["id"])
    assert (saved["name"], saved["cell"]) == (MARKUP_NAME, "C3")
    assert saved["description"] == "regel 1\nregel 2"
    assert store.find("place", "[BOLD]cafe[/] <b> & 'hoekje'")
    entry = store.undo()
    assert entry["line"].startswith("bewerkt: Plek · [bold]Café[/]")
    assert store.get("place", place["id"])["name"] == "Hoekje"
    store.redo()
    assert store.get("place", place["id"])["name"] == MARKUP_NAME


def test_participant_dimensions_go_into_attributes(store: Store) -> None:
    record(store, ["deelnemer Anna #appartement"])
    anna = _one(store, "participant", "Anna")
    values = edit.validate(
        store, "participant", {"dim:life_stage": "senior", "dim:housing": ""}, anna["id"]
    )
    edit.save(store, "participant", values, anna["id"])
    assert store.get("participant", anna["id"])["attributes"] == {"life_stage": "senior"}


def test_create_by_form(store: Store) -> None:
    values = edit.validate(
        store,
        "actor",
        {"name": "Wijkraad", "type": "organisatie", "consent": "openbaar", "ambassador": True},
    )
    row = edit.save(store, "actor", values)
    assert (row["type"], row["consent"], row["ambassador"]) == ("organisation", "public", 1)
    row = edit.save(store, "initiative", edit.validate(store, "initiative", {"name": "Moestuin"}))
    assert row["card_number"] == 1
    assert store.undo()["line"] == "nieuw: Initiatief · Moestuin"
    assert store.count("initiative") == 0


def test_delete_actor_with_ties_and_links_in_one_step(store: Store) -> None:
    record(
        store,
        [
            "a Jan",
            "a Piet",
            "p Buurthuis",
            "Jan -> Piet #kent",
            "Piet <-> Jan #vertrouwt",
            "i Moestuin +Jan",
            "Jan -> Buurthuis #beheert",
            'n "Kent iedereen" ~Jan',
        ],
    )
    jan = _one(store, "actor", "Jan")
    counts = {tb: store.count(tb) for tb in ("tie", "actor_initiative", "actor_place", "note")}
    assert counts == {"tie": 2, "actor_initiative": 1, "actor_place": 1, "note": 1}
    assert edit.delete(store, "actor", jan["id"]) == 5
    assert store.get("actor", jan["id"]) is None
    assert {tb: store.count(tb) for tb in counts} == {
        "tie": 0,
        "actor_initiative": 0,
        "actor_place": 0,
        "note": 1,
    }
    assert store.rows("note")[0]["about_id"] is None
    assert store.count("actor", "name = 'Piet'") == 1
    entry = store.undo()
    assert entry["line"] == "verwijderd: Actor · Jan"
    assert {tb: store.count(tb) for tb in counts} == counts
    assert store.rows("note")[0]["about_id"] == jan["id"]


def test_delete_place_keeps_its_initiatives(store: Store) -> None:
    record(store, ["p Buurthuis", "i Moestuin waar:Buurthuis"])
    place = _one(store, "place", "Buurthuis")
    edit.delete(store, "place", place["id"])
    assert _one(store, "initiative", "Moestuin")["place_id"] is None
    store.undo()
    assert _one(store, "initiative", "Moestuin")["place_id"] == place["id"]


def test_deleted_record_cannot_be_saved(store: Store) -> None:
    record(store, ["p Plein"])
    place = _one(store, "place", "Plein")
    edit.delete(store, "place", place["id"])
    with pytest.raises(UserError) as caught:
        edit.validate(store, "place", {"name": "Plein 2"}, place["id"])
    assert caught.value.key == "edit_gone"
    with pytest.raises(UserError):
        edit.delete(store, "place", place["id"])


def test_tie_forms(store: Store) -> None:
    record(store, ["Jan -> Piet #kent"])
    tie = store.rows("tie")[0]
    values = edit.validate(
        store, "tie", {"kind": "werkt samen", "direction": "wederzijds", "strength": "3"}, tie["id"]
    )
    edit.save(store, "tie", values, tie["id"])
    saved = store.get("tie", tie["id"])
    assert (saved["kind"], saved["direction"], saved["strength"]) == ("works_with", "mutual", 3)
    assert edit.link_text(store, "tie", saved, "en") == "Jan ↔ Piet · works with"


def test_sessions_are_named_without_an_undo_step(store: Store) -> None:
    record(store, ["p Plein"])
    session = store.rows("session")[0]
    edit.name_session(store, session["id"], {"venue": "Buurthuis De Kuil", "table_name": "2"})
    assert store.get("session", session["id"])["venue"] == "Buurthuis De Kuil"
    assert store.undo()["line"] == "p Plein"
    listed = edit.sessions(store)
    assert listed[0]["id"] == session["id"] and listed[0]["captures"] == 0


def test_naming_a_session_before_any_capture_makes_it_only_when_the_form_is_right(
    store: Store,
) -> None:
    assert store.session_id is None and store.count("session") == 0
    with pytest.raises(UserError):
        edit.name_session(store, None, {"date": "31-02-2026", "venue": "Buurthuis De Kuil"})
    assert store.count("session") == 0  # a refused form leaves no empty meeting
    row = edit.name_session(store, None, {"venue": "Buurthuis De Kuil", "table_name": "1"})
    assert store.count("session") == 1 and store.session_id == row["id"]
    record(store, ["p Plein"])
    assert store.count("session") == 1 and store.rows("place")[0]["session_id"] == row["id"]


def test_every_table_has_labels_in_both_languages() -> None:
    for fields in FIELDS.values():
        for field in fields:
            assert field.label("nl") and field.label("en")


def test_a_note_form_says_who_said_it_as_door_does(store: Store) -> None:
    """The line's `door:NAME` (who said a note or quote) is a field of the note's form: a
    participant first, else an actor, stored where the line stores it; a place is refused
    with the line's reason, a name nobody has with a near one, and the form shows the name."""
    record(
        store,
        [
            "deelnemer Anna #senior",
            "persoon Jan",
            "p Bieb",
            'q "De wijk is van ons" door:Anna ~Bieb',
            'n "Meer bankjes"',
        ],
    )
    quote, note = store.rows("note", order="rowid")
    assert form_values(store, "note", quote)["said_by_id"] == "Anna"
    saved = edit.save(
        store, "note", edit.validate(store, "note", {"said_by_id": "jan"}, note["id"]), note["id"]
    )
    assert (saved["said_by_table"], saved["said_by_id"]) == (
        "actor",
        _one(store, "actor", "Jan")["id"],
    )
    assert store.history(1)[0]["line"].startswith("bewerkt: ")
    anna = _one(store, "participant", "Anna")
    values = edit.validate(store, "note", {"said_by_id": "Anna"}, note["id"])
    assert (values["said_by_table"], values["said_by_id"]) == ("participant", anna["id"])
    for typed, key in (("Bieb", "said_by_not_person"), ("Annie", "not_found")):
        with pytest.raises(FieldError) as refused:
            edit.validate(store, "note", {"said_by_id": typed}, note["id"])
        assert (refused.value.field, refused.value.key) == ("said_by_id", key)
    assert "'Bieb' is een plek" in str(
        pytest.raises(
            FieldError, edit.validate, store, "note", {"said_by_id": "Bieb"}
        ).value.message("nl")
    )
    cleared = edit.validate(store, "note", {"said_by_id": ""}, quote["id"])
    assert (cleared["said_by_table"], cleared["said_by_id"]) == (None, None)


def test_a_session_form_sets_the_default_consent_as_the_line_does(store: Store) -> None:
    """`sessie consent:print` sets the default consent of the persons captured in a session;
    its form has the field too, with the same words and the same refusal."""
    record(store, ["sessie locatie:Bron consent:print", "persoon Jan"])
    session = store.rows("session")[0]
    assert form_values(store, "session", session)["consent"] == "print"
    values = edit.validate(store, "session", {"consent": "intern"}, session["id"])
    assert values == {"consent": "internal"}
    edit.save(store, "session", values, session["id"])
    record(store, ["persoon Piet"])
    assert _one(store, "actor", "Piet")["consent"] == "internal"
    with pytest.raises(FieldError) as refused:
        edit.validate(store, "session", {"consent": "misschien"}, session["id"])
    assert refused.value.field == "consent"
    assert edit.validate(store, "session", {"consent": ""}, session["id"]) == {"consent": None}
