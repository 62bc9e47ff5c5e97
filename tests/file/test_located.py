"""`located` says a record's coordinates came from a scan of the poster; any other write of
its coordinates (the capture line, the F2 form, an import, a merge) clears it, in the one
write path, so a scan never takes a typed point for its own."""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop.capture import edit
from workshop.capture.record import record
from workshop.file import merge
from workshop.file.store import Store


def _scanned(store: Store, name: str) -> dict:
    """A place placed by a scan (as `workshop scan` writes it)."""
    record(store, [f"p {name}"])
    [row] = store.find("place", name)
    with store.write() as w, w.entry("scan tafel1.jpg"):
        return w.update(
            "place", row["id"], {"lat": 52.001, "lon": 5.002, "cell": "B2", "located": "scan"}
        )


def test_any_other_write_of_the_coordinates_clears_located(store: Store) -> None:
    row = _scanned(store, "Buurthuis")
    assert row["located"] == "scan"
    with store.write() as w:  # a change of anything else keeps it
        assert w.update("place", row["id"], {"description": "open op dinsdag"})["located"] == "scan"
    edit.save(store, "place", {"lat": 52.003}, row["id"])  # the F2 form
    assert store.get("place", row["id"])["located"] is None
    store.undo()
    assert store.get("place", row["id"])["located"] == "scan"
    with store.write() as w:  # the same coordinates again are no change
        assert w.update("place", row["id"], {"lat": 52.001, "lon": 5.002})["located"] == "scan"
        assert w.update("place", row["id"], {"lon": 5.0})["located"] is None  # an import's


def test_a_merge_takes_the_newer_coordinates_with_where_they_came_from(tmp_path: Path) -> None:
    here = Store.create(tmp_path / "tafel1.wijk", name="Kersenbuurt")
    row = _scanned(here, "Buurthuis")
    here.close()
    shutil.copy(tmp_path / "tafel1.wijk", tmp_path / "tafel2.wijk")
    with Store.open(tmp_path / "tafel2.wijk") as there:  # typed there, later than the scan
        edit.save(there, "place", {"lat": 52.004, "lon": 5.005}, row["id"])
    with Store.open(tmp_path / "tafel1.wijk") as here:
        merge.merge(here, [tmp_path / "tafel2.wijk"])
        merged = here.get("place", row["id"])
    assert (merged["lat"], merged["lon"], merged["located"]) == (52.004, 5.005, None)
