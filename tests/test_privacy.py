"""The consent table of the README, promise by promise."""

from __future__ import annotations

import json

import pytest

from workshop import privacy
from workshop.capture.record import record
from workshop.exchange.tables import export_json
from workshop.file.store import Store

LEVELS = {"geen": "none", "intern": "internal", "print": "print", "openbaar": "public"}


@pytest.fixture
def people(store: Store) -> Store:
    for word in LEVELS:
        record(store, [f"persoon Persoon-{word} #sleutelfiguur tel:06-{word} consent:{word}"])
    record(
        store,
        [
            "persoon Standaard",
            "org Woonstede #woningcorporatie tel:030-1234",
            "n Vertelt graag ~Persoon-intern",
            "n Heeft de sleutel ~Persoon-openbaar",
            "deelnemer Anna #senior",
            "deelnemer Bert consent:openbaar",
        ],
    )
    return store


@pytest.mark.parametrize(
    ("audience", "named"),
    [
        ("internal", {"intern", "print", "openbaar"}),
        ("print", {"print", "openbaar"}),
        ("export", {"openbaar"}),
    ],
)
def test_who_is_named_for_which_audience(people: Store, audience: str, named: set) -> None:
    for word in LEVELS:
        actor = people.find("actor", f"Persoon-{word}")[0]
        shown = privacy.redact(actor, "actor", audience, "nl")
        if word in named:
            assert (shown["name"], shown["tel"]) == (f"Persoon-{word}", f"06-{word}")
        else:
            assert shown["name"].startswith("Sleutelfiguur ") and shown["tel"] is None


def test_defaults_persons_internal_organisations_public(people: Store) -> None:
    assert people.find("actor", "Standaard")[0]["consent"] == "internal"
    org = people.find("actor", "Woonstede")[0]
    assert privacy.redact(org, "actor", "export", "nl")["tel"] == "030-1234"


def test_exports_name_only_public_persons_and_drop_notes_about_others(people: Store) -> None:
    document = json.loads(export_json(people, None))
    text = json.dumps(document, ensure_ascii=False)
    for word in ("geen", "intern", "print"):
        assert f"Persoon-{word}" not in text and f"06-{word}" not in text
    assert "Persoon-openbaar" in text and "Standaard" not in text
    notes = {n["text"] for n in document["note"]}
    assert notes == {None, "Heeft de sleutel"}
    assert {p["name"] for p in document["participant"]} >= {"Bert"}
    assert "Anna" not in text


def test_anonymise_names_nobody(people: Store) -> None:
    text = export_json(people, None, anonymise=True)
    for word in LEVELS:
        assert f"Persoon-{word}" not in text and f"06-{word}" not in text
    assert "Bert" not in text and "Woonstede" in text and "030-1234" not in text


def test_pseudonyms_are_stable(people: Store) -> None:
    actor = people.find("actor", "Persoon-geen")[0]
    assert privacy.pseudonym(actor, "nl") == privacy.pseudonym(dict(actor), "nl")
    assert privacy.pseudonym(actor, "en").startswith("Key figure ")


def test_one_place_decides_the_audience_of_each_output() -> None:
    from workshop.analysis import report
    from workshop.file import redaction
    from workshop.printing.summary import build as summary

    assert redaction.OUTPUT_AUDIENCE == {
        "export": "export",
        "json": "export",
        "print": "print",
        "wall": "print",
        "terminal": "internal",
        "screen": "facilitator",
    }
    assert summary.AUDIENCE == "print"
    assert (report.TEXT_AUDIENCE, report.JSON_AUDIENCE) == ("internal", "export")
    assert set(redaction.OUTPUT_AUDIENCE.values()) == set(privacy.AUDIENCE_NEEDS)


def test_the_facilitators_screens_see_everyone_and_nothing_else_does(people: Store) -> None:
    from workshop.file import redaction

    actor = people.find("actor", "Persoon-geen")[0]
    assert privacy.shown_name(actor, "actor", "facilitator", "nl") == "Persoon-geen"
    assert privacy.shows_contact(actor, "facilitator")
    assert redaction.for_audience(people, "facilitator").empty
    for audience in ("internal", "print", "export"):
        assert privacy.shown_name(actor, "actor", audience, "nl") != "Persoon-geen"
    assert privacy.shown_name(actor, "actor", "facilitator", "nl", anonymise=True) != (
        "Persoon-geen"
    )


def test_free_text_follows_the_same_consent(people: Store) -> None:
    from workshop.file import redaction

    text = "Persoon-geen, Persoon-intern, Persoon-print en Persoon-openbaar"
    shown = {
        audience: redaction.for_audience(people, audience).text(text)
        for audience in ("internal", "print", "export")
    }
    assert "Persoon-geen" not in shown["internal"] and "Persoon-intern" in shown["internal"]
    assert "Persoon-intern" not in shown["print"] and "Persoon-print" in shown["print"]
    assert shown["export"].count("Sleutelfiguur") == 3 and "Persoon-openbaar" in shown["export"]
