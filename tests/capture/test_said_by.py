"""Who said it (issue 11, item 6): `door:NAME` / `by:NAME` on a note or quote names the
participant or actor who said it; the lists, the summary and the exports show them as consent
allows, `forget` takes the link away, `merge --join` moves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from workshop.capture.grammar import parse
from workshop.capture.record import plan, record
from workshop.cli import cli
from workshop.exchange.tables import export_records
from workshop.file.duplicates import find_pairs, join_pairs
from workshop.file.forget import forget, plan_forget
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.tui import queries


@pytest.fixture
def said(store: Store) -> Store:
    record(
        store,
        [
            "p Bieb @C4",
            "deelnemer Anna rijwoning consent:openbaar",
            'persoon "Geheime Gerda" consent:geen',
            'q "De wijk is van ons" door:Anna ~Bieb',
            'q "Niemand luistert" by:Geheime Gerda',
        ],
    )
    return store


def _speakers(store: Store) -> dict[str, tuple[str | None, str | None]]:
    out = {}
    for note in store.rows("note"):
        table, id_ = note["said_by_table"], note["said_by_id"]
        out[note["text"]] = (table, store.get(table, id_)["name"] if table and id_ else None)
    return out


def test_who_said_it_is_stored_and_resolved_like_other_names(said: Store) -> None:
    assert _speakers(said) == {
        "De wijk is van ons": ("participant", "Anna"),
        "Niemand luistert": ("actor", "Geheime Gerda"),
    }
    preview = plan(said, parse("q Ja door:anna ~bieb", said.context())).text("nl")
    assert "door: Anna" in preview and "deelnemer 'Anna'" in preview
    with pytest.raises(UserError) as exc:
        record(said, ["q Ja door:Bieb"])  # a place says nothing
    assert exc.value.key == "said_by_not_person"
    outcome = record(said, ["n Belt morgen terug door:Kees"])[0]
    assert "Kees" in " ".join(outcome.notices)  # not in the file: a person is made
    record(said, ["n Komt ook door:Piet", "deelnemer Piet"])  # ...unless a later line makes it
    assert _speakers(said)["Belt morgen terug"] == ("actor", "Kees")
    assert _speakers(said)["Komt ook"] == ("participant", "Piet")


def test_lists_summary_and_exports_show_the_speaker_as_consent_allows(
    said: Store, tmp_path: Path
) -> None:
    rows = queries.rows(said, "note", "nl")
    by_text = {cells[0]: cells[3] for cells in rows.cells}
    assert by_text["De wijk is van ons"] == "Anna"
    # The facilitator's own lists name everyone (issue 11, item 5); paper and exports do not.
    assert by_text["Niemand luistert"] == "Geheime Gerda"
    exported = {n["text"]: n for n in export_records(said, "note")}
    assert exported["De wijk is van ons"]["said_by_id"] is not None
    assert exported["Niemand luistert"]["said_by_id"] is None  # not at all
    pdf = tmp_path / "summary.pdf"
    result = CliRunner().invoke(cli, ["print", "summary", str(said.path), "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    text = " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)
    text = " ".join(text.split())
    assert "— Anna, over Bieb" in text
    assert "Geheime Gerda" not in text


def test_forget_takes_the_link_and_merge_join_moves_it(said: Store) -> None:
    forget(said, plan_forget(said, "Geheime Gerda"))
    assert _speakers(said)["Niemand luistert"] == (None, None)  # the words stay
    record(said, ["sessie tafel:2", '"Janneke de Witt" -> Bieb', "q Klopt door:Janneke de Witt"])
    record(said, ["sessie tafel:1", "persoon Janneke de Wit"])
    pairs = [p for p in find_pairs(said) if p[0] == "actor"]
    assert [(keep["name"], fold["name"]) for _, keep, fold in pairs] == [
        ("Janneke de Witt", "Janneke de Wit")
    ]
    join_pairs(said, [("actor", pairs[0][2], pairs[0][1])])  # keep the one without the typo
    assert _speakers(said)["Klopt"] == ("actor", "Janneke de Wit")
