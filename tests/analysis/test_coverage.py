"""Sounding-board coverage: counts per combination, gaps, and who could fill them."""

from __future__ import annotations

import pytest

from workshop.analysis import board, coverage
from workshop.capture.record import record
from workshop.i18n import UserError


def _cell(cov: coverage.Coverage, *values: str) -> coverage.Cell:
    return next(c for c in cov.cells if c.values == values)


def test_counts_per_combination(store) -> None:
    record(
        store,
        [
            "deelnemer Anna #appartement #senior #alleenstaand",
            "deelnemer Bram #appartement #senior #alleenstaand",
            "deelnemer Chris #rijwoning",  # incomplete: not guessed into a cell
            "kandidaat Dewi status:aangemeld #vrijstaand #jonge-kinderen #gezin",
            "kandidaat Eef status:uitgenodigd #rijwoning #jongvolwassen #stel",
            "kandidaat Fenna status:afgemeld #rijwoning #jongvolwassen #stel",
        ],
    )
    cov = coverage.coverage(store)
    assert len(cov.cells) == 36 and cov.has_board
    assert (cov.participants, cov.candidates) == (3, 3)
    assert (cov.incomplete_participants, cov.incomplete_candidates) == (1, 0)
    assert _cell(cov, "apartment", "senior", "single").participants == 2
    assert _cell(cov, "detached", "young_children", "family").accepted == 1
    pending = _cell(cov, "terraced", "young_adult", "couple")
    assert (pending.invited, pending.declined, pending.is_gap) == (1, 1, True)
    assert len(cov.gaps) == 34
    assert cov.label(pending, "nl") == "rijwoning · jongvolwassen · stel"
    assert cov.label(pending, "en") == "terraced house · young adult · couple"


def test_suggestions_come_from_groups_and_roles_with_reasons(store) -> None:
    record(
        store,
        [
            'org "Seniorenclub De Linde" groepen:"senioren, alleenstaanden in de flats" !3',
            'org "Basisschool De Wilg" #school',
            'org "Buurthuis De Bron" groepen:"jonge gezinnen"',
        ],
    )
    cov = coverage.coverage(store)
    best = _cell(cov, "apartment", "senior", "single").suggestions
    assert best[0].name == "Seniorenclub De Linde" and best[0].score == 3.0
    words = {(r.value, r.source, r.evidence) for r in best[0].reasons}
    assert words == {
        ("apartment", "groups", "flats"),
        ("senior", "groups", "senioren"),
        ("single", "groups", "alleenstaanden"),
    }
    # The seniors' club is no way to young adults, whatever flats it reaches.
    young = _cell(cov, "apartment", "young_adult", "single").suggestions
    assert "Seniorenclub De Linde" not in [s.name for s in young]
    families = _cell(cov, "terraced", "young_children", "family").suggestions
    assert [s.name for s in families] == ["Buurthuis De Bron", "Basisschool De Wilg"]
    assert families[1].reasons[0].source == "role"
    assert (
        coverage.explain(families[0].reasons[0], cov.dimensions, "nl")
        == "jonge kinderen (groepen: jonge gezinnen)"
    )


def test_longest_phrase_wins() -> None:
    from workshop.model import DEFAULT_DIMENSIONS

    life = DEFAULT_DIMENSIONS[1]
    assert coverage.match_values("jonge gezinnen en jongeren", life) == [
        ("young_children", "jonge gezinnen"),
        ("young_adult", "jongeren"),
    ]
    assert coverage.match_values("", life) == []
    assert coverage.match_values("[red]<b>&amp; 👩‍👩‍👧", life) == []


def test_no_board_and_a_board_too_large(store) -> None:
    for dim in store.dimensions():
        board.remove_dimension(store, dim.key)
    assert not coverage.coverage(store).has_board
    for n in range(4):
        board.set_dimension(store, f"d{n}", ", ".join(f"v{i}" for i in range(30)))
    cov = coverage.coverage(store)
    assert cov.too_large and cov.cells == []


def test_board_edits_are_undoable_and_keep_synonyms(store) -> None:
    board.set_dimension(store, "woningtype", "rijwoning|terraced, flat|apartment, hofje|almshouse")
    housing = store.dimensions()[0]
    assert [v.key for v in housing.values] == ["terraced", "apartment", "almshouse"]
    assert "portiekflat" in housing.values[1].synonyms
    record(store, ["deelnemer Anna #hofje #senior #alleenstaand"])
    assert _cell(coverage.coverage(store), "almshouse", "senior", "single").participants == 1
    board.set_dimension(store, "eigendom", "koop|owned, huur|rented", label="eigendom|tenure")
    assert [d.key for d in store.dimensions()][-1] == "eigendom"
    assert coverage.coverage(store).incomplete_participants == 1
    store.undo()
    store.undo()
    store.undo()
    assert [v.key for v in store.dimensions()[0].values] == ["terraced", "apartment", "detached"]
    with pytest.raises(UserError):
        board.set_dimension(store, "x", " , ")
    with pytest.raises(UserError):
        board.set_dimension(store, "x", "a, A")
    with pytest.raises(UserError):
        board.remove_dimension(store, "nope")


def test_plurals_and_compounds_but_not_lookalikes() -> None:
    from workshop.model import DEFAULT_DIMENSIONS

    housing, life, household = DEFAULT_DIMENSIONS
    assert coverage.match_values("jongens van 12 tot 18", life) == []
    assert coverage.match_values("de jeugdteams", life) == [("older_children", "jeugdteams")]
    assert coverage.match_values("zeventigplussers", life) == [("senior", "zeventigplussers")]
    assert coverage.match_values("jonge stellen", household) == [("couple", "stellen")]
    assert coverage.match_values("Poolse gezinnen in de flats", housing) == [("apartment", "flats")]
    assert coverage.match_values("alleenstaande moeders", household) == [
        ("single", "alleenstaande"),
        ("family", "moeders"),
    ]
