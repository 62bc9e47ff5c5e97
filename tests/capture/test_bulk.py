"""Many records at once and folding two into one, headless, on real files: one undoable step
each, checked by the forms' own rules, and the fold is `merge --join`'s."""

from __future__ import annotations

import sqlite3

import pytest

from workshop.capture import bulk
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.i18n import UserError

LINES = [
    'persoon "Jan Jansen" #bewoner consent:print tel:0611111111',
    'persoon "Jan Janssen" #sleutelfiguur !4 consent:geen groepen:ouderen',
    'persoon "Piet Bakker" consent:intern',
    "org Wijkraad #bewonersorganisatie",
    'i "Zon op ons dak" #opwek @D2 +"Jan Jansen" +"Piet Bakker"',
    'i "Zon op het dak" +"Jan Janssen" +"Piet Bakker" web:https://zon.example',
    '"Jan Janssen" -> "Piet Bakker" #kent',
    '"Jan Jansen" -> "Piet Bakker" #kent',
    '"Jan Jansen" -> "Jan Janssen" #kent',
    'n "Jan Janssen komt volgende keer" ~"Jan Janssen"',
]


@pytest.fixture
def people(store: Store) -> Store:
    record(store, LINES)
    return store


def ids(store: Store, table: str, *names: str) -> list[tuple[str, str]]:
    return [(table, store.find(table, name)[0]["id"]) for name in names]


def history(store: Store) -> int:
    return store.count("history", "undone = 0")


def test_a_selection_can_set_what_all_its_records_have(store: Store) -> None:
    assert [f.name for f in bulk.settable(store, ["actor"])] == ["consent", "cell", "role"]
    assert [f.name for f in bulk.settable(store, ["initiative"])] == ["cell", "theme", "status"]
    assert [f.name for f in bulk.settable(store, ["place"])] == ["cell", "kind"]
    assert [f.name for f in bulk.settable(store, ["participant"])] == ["consent"]
    assert [f.name for f in bulk.settable(store, ["note"])] == ["kind"]
    assert [f.name for f in bulk.settable(store, ["tie"])] == ["kind"]
    # a tie's kind and a link's kind are different words: not both at once
    assert bulk.settable(store, ["tie", "actor_place"]) == []
    assert [f.name for f in bulk.settable(store, ["actor", "participant"])] == ["consent"]


def test_set_consent_of_three_persons_in_one_undoable_step(people: Store) -> None:
    chosen = ids(people, "actor", "Jan Jansen", "Jan Janssen", "Piet Bakker")
    before = history(people)
    assert bulk.set_field(people, chosen, "consent", "intern") == 2  # Piet had it already
    assert history(people) == before + 1
    assert {people.get(t, i)["consent"] for t, i in chosen} == {"internal"}
    assert people.history(1)[0]["line"] == "bewerkt: 3 actoren · Toestemming: intern"
    people.undo()
    assert [people.get(t, i)["consent"] for t, i in chosen] == ["print", "none", "internal"]
    people.redo()
    assert {people.get(t, i)["consent"] for t, i in chosen} == {"internal"}
    # and again, from a fresh connection: it is on disk
    with Store.open(people.path, readonly=True) as again:
        assert {again.get(t, i)["consent"] for t, i in chosen} == {"internal"}


def test_english_words_and_clearing_a_cell(people: Store) -> None:
    chosen = ids(people, "initiative", "Zon op ons dak", "Zon op het dak")
    assert bulk.set_field(people, chosen, "status", "active") == 2
    assert bulk.set_field(people, chosen, "cell", " b3 ") == 2
    assert {people.get(t, i)["cell"] for t, i in chosen} == {"B3"}
    assert bulk.set_field(people, chosen, "cell", "") == 2
    assert {people.get(t, i)["cell"] for t, i in chosen} == {None}
    assert people.history(1)[0]["line"] == "bewerkt: 2 initiatieven · Vak op de kaart: (leeg)"


def test_a_refused_value_changes_nothing_and_names_why(people: Store) -> None:
    chosen = ids(people, "actor", "Jan Jansen", "Piet Bakker")
    before = history(people)
    with pytest.raises(UserError) as refused:
        bulk.set_field(people, chosen, "cell", "Z99")
    message = refused.value.message("nl")
    assert message.startswith("Actor · Jan Jansen") and "Z99" in message
    assert message.endswith("Er is niets veranderd.")
    assert history(people) == before
    with pytest.raises(UserError):
        bulk.set_field(people, chosen, "theme", "opwek")  # actors have no theme
    assert bulk.set_field(people, chosen, "consent", "print") == 1
    assert bulk.set_field(people, chosen, "consent", "print") == 0  # nothing to do: no step
    assert history(people) == before + 1


def test_fold_two_actors_as_merge_join_does(people: Store) -> None:
    [(_, keep)], [(_, gone)] = (
        ids(people, "actor", "Jan Jansen"),
        ids(people, "actor", "Jan Janssen"),
    )
    before = history(people)
    plan = bulk.fold_plan(people, "actor", keep, gone)
    question, detail = bulk.describe_fold(plan, "nl")
    assert question == "'Jan Janssen' samenvoegen in 'Jan Jansen'?"
    assert "4 verbanden, koppelingen en notities gaan naar 'Jan Jansen'" in detail
    assert "De strengste toestemming blijft: geen." in detail
    assert "Aangevuld uit de ander:" in detail and "Invloed" in detail
    bulk.fold(people, plan)
    assert history(people) == before + 1
    kept = people.get("actor", keep)
    assert people.get("actor", gone) is None
    assert (kept["consent"], kept["influence"], kept["groups"]) == ("none", 4, "ouderen")
    assert kept["tel"] == "0611111111"
    ties = people.rows("tie")
    assert all(gone not in (t["source_id"], t["target_id"]) for t in ties)
    assert len(ties) == 1  # Jansen -> Bakker twice became one; Jansen -> Janssen pointed at itself
    note = people.rows("note")[0]
    assert note["about_id"] == keep
    tomb = people.conn.execute("SELECT kept_id, reason FROM tombstone WHERE id = ?", (gone,))
    assert tuple(tomb.fetchone()) == (keep, "joined")
    people.undo()
    assert people.get("actor", gone)["consent"] == "none"
    assert people.get("actor", keep)["consent"] == "print"
    assert len(people.rows("tie")) == 3
    assert people.rows("note")[0]["about_id"] == gone
    assert people.conn.execute("SELECT count(*) FROM tombstone").fetchone()[0] == 0
    people.redo()
    assert people.get("actor", gone) is None and len(people.rows("tie")) == 1


def test_fold_two_initiatives_moves_their_people(people: Store) -> None:
    [(_, keep)] = ids(people, "initiative", "Zon op ons dak")
    [(_, gone)] = ids(people, "initiative", "Zon op het dak")
    plan = bulk.fold_plan(people, "initiative", keep, gone)
    assert plan.moved == 2
    assert (
        "Kaart 2 hoort daarna bij niets meer; deze houdt kaart 1."
        in (bulk.describe_fold(plan, "nl")[1])
    )
    bulk.fold(people, plan)
    links = people.rows("actor_initiative", "initiative_id = ?", (keep,))
    assert len(links) == 3  # Jansen, Janssen, and Bakker once
    assert people.get("initiative", keep)["website"] == "https://zon.example"
    assert people.history(1)[0]["line"].startswith("samengevoegd: Zon op het dak in Initiatief")
    people.undo()
    other_way = plan.swapped(people)
    assert (other_way.keep["id"], other_way.fold["id"]) == (gone, keep)
    assert "Website" not in other_way.filled  # the one kept has a website of its own


def test_what_cannot_be_folded_is_refused_with_how(people: Store) -> None:
    [(_, person)] = ids(people, "actor", "Piet Bakker")
    [(_, org)] = ids(people, "actor", "Wijkraad")
    for args, key in (
        (("actor", person, org), "fold_types"),
        (("actor", person, person), "fold_two"),
        (("note", "a", "b"), "fold_not_here"),
    ):
        with pytest.raises(UserError) as refused:
            bulk.fold_plan(people, *args)
        assert refused.value.key == key


def test_a_fold_that_cannot_be_written_leaves_both(people: Store, monkeypatch) -> None:
    [(_, keep)], [(_, gone)] = (
        ids(people, "actor", "Jan Jansen"),
        ids(people, "actor", "Jan Janssen"),
    )
    plan = bulk.fold_plan(people, "actor", keep, gone)
    from workshop.file import writer

    real = writer.Writer.delete

    def fail(self, table, id):
        if table == "actor":
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, table, id)

    monkeypatch.setattr(writer.Writer, "delete", fail)
    with pytest.raises(sqlite3.OperationalError):
        bulk.fold(people, plan)
    assert people.get("actor", gone) is not None and len(people.rows("tie")) == 3


def test_a_big_selection_is_read_in_batches_and_one_undoable_step(store: Store) -> None:
    """Setting a field of 1,200 records once read each record twice and wrote it whole, one
    statement at a time (10,000 rows of a city froze the screen for seconds): now they are read
    a batch at a time and written by one statement that sets only what changed (SQLite traces
    each row of it), and undo and redo do the same; the rows end as the per-record path left
    them, in one undoable step."""
    with store.write() as w, w.entry("many"):
        for i in range(1_200):
            w.insert("actor", {"name": f"Persoon {i:04d}", "type": "person", "consent": "print"})
    before = {r["id"]: r for r in store.rows("actor")}
    chosen = [("actor", id_) for id_ in sorted(before)]
    steps = history(store)
    statements: list[str] = []

    def traced(write) -> dict[str, int]:
        statements.clear()
        store.conn.set_trace_callback(statements.append)
        try:
            assert write()
        finally:
            store.conn.set_trace_callback(None)
        words = [s.split(None, 1)[0].upper() for s in statements]
        return {word: words.count(word) for word in set(words)}

    done = traced(lambda: bulk.set_field(store, chosen, "consent", "geen") == 1_200)
    assert done["SELECT"] < 30 and done["UPDATE"] == 1_200 and done.get("INSERT", 0) <= 1
    for sql in statements:
        if sql.startswith('UPDATE "actor"'):
            assert sql.startswith('UPDATE "actor" SET "consent" = \'none\', "updated" = '), sql
    undone = traced(lambda: store.undo() is not None)
    assert undone["SELECT"] < 30 and undone["UPDATE"] == 1_201  # and the history's entry
    assert history(store) == steps
    assert {r["id"]: r for r in store.rows("actor")} == before
    assert traced(lambda: store.redo() is not None)["UPDATE"] == 1_201
    after = store.rows("actor")
    assert {r["consent"] for r in after} == {"none"}
    assert all(r["field_times"]["consent"] == r["updated"] for r in after)
    assert {r["id"]: r["created"] for r in after} == {k: r["created"] for k, r in before.items()}
