"""A card photo is a resident's handwriting: it never leaves the file (exports in every format,
anonymised or not, publish, the wall, a summary without --card-photos), `forget` removes the
photos of the person's initiatives from the file's bytes, its WAL and its backups, and `merge`
copies photos by UUID."""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from tests.file.test_forget import file_bytes
from workshop.capture.record import record
from workshop.exchange.export import FORMATS, export
from workshop.file import access as files
from workshop.file.forget import forget, forget_in_backups, plan_forget
from workshop.file.merge import merge
from workshop.file.store import Store
from workshop.paper import cards, cardstore

pytest.importorskip("cv2")
NAME = "Gerrit Zwanenburg"


def photo_bytes(seed: int) -> bytes:
    """A real JPEG nobody could mistake for another (noise), as `find_cards` makes them."""
    rng = np.random.default_rng(seed)
    data, _, _ = cards.encode(rng.integers(0, 255, (120, 90), dtype=np.uint8))
    return data


def shot(number: int, seed: int) -> cards.CardShot:
    return cards.CardShot(number, photo_bytes(seed), "image/jpeg", 90, 120, (0, 1, 2, 3))


def traces(image: bytes) -> list[bytes]:
    """What a way out would carry of the photo: its raw bytes, as base64, or its table."""
    middle = image[len(image) // 2 : len(image) // 2 + 48]
    return [middle, base64.b64encode(middle)[:40], b"card_photo", b"kaartfoto"]


def with_photos(path: Path) -> tuple[Store, bytes, bytes]:
    store = Store.create(path, name="Fotowijk")
    record(
        store,
        [
            f'persoon "{NAME}" #bewoner tel:0612121212 consent:public',
            f'i "Moestuin Oost" #vergroening +"{NAME}" @B2',
            'i "Repair café" #sociaal @C3',
        ],
    )
    mine, other = shot(1, 1), shot(2, 2)
    with store.write() as w:
        cardstore.attach(w, store, mine)
        cardstore.attach(w, store, other)
    return store, mine.image, other.image


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Store, bytes, bytes]:
    return with_photos(tmp_path / "f.wijk")


def _all_bytes(paths: list[Path]) -> bytes:
    out = b""
    for path in paths:
        for file in [path] if path.is_file() else sorted(path.rglob("*")):
            if not file.is_file():
                continue
            out += file.read_bytes()
            if zipfile.is_zipfile(file):  # xlsx: its sheets, unpacked
                with zipfile.ZipFile(file) as z:
                    out += b"".join(z.read(n) for n in z.namelist())
    return out


@pytest.mark.parametrize("anonymise", [False, True])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_export_carries_a_card_photo(filled, tmp_path: Path, fmt: str, anonymise) -> None:
    store, mine, other = filled
    suffix = "" if fmt in ("csv", "kumu") else f".{fmt}"
    paths = export(store, fmt, tmp_path / f"out{suffix}", anonymise=anonymise)
    data = _all_bytes(paths)
    assert data  # something was written
    for trace in traces(mine) + traces(other):
        assert trace not in data, (fmt, trace)


def test_publish_carries_no_card_photo(filled, tmp_path: Path) -> None:
    from workshop.exchange.publish import to_sqlite

    store, mine, other = filled
    store.close()
    _, written = to_sqlite([tmp_path / "f.wijk"], tmp_path / "site.db")
    with sqlite3.connect(tmp_path / "site.db") as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert "card_photo" not in tables and "initiative" in tables
    for trace in traces(mine) + traces(other):
        assert trace not in _all_bytes(written)


def test_the_wall_carries_no_card_photo(filled) -> None:
    from workshop.tui.wall_state import wall_lines, wall_state

    store, mine, other = filled
    shown = json.dumps(wall_state(store)).encode() + "\n".join(wall_lines(store, 50, "nl")).encode()
    assert b"Moestuin Oost" in shown
    for trace in traces(mine) + traces(other):
        assert trace not in shown


def _images(pdf: Path) -> int:
    return sum(len(page.images) for page in PdfReader(pdf).pages)


def test_the_summary_shows_card_photos_only_when_asked(filled, tmp_path: Path) -> None:
    from workshop.printing.table import print_out

    store, mine, _ = filled
    plain = print_out(store, "summary", tmp_path / "plain.pdf")
    assert _images(plain.path) == 0
    assert b"zoals de bewoner" not in plain.path.read_bytes()
    asked = print_out(store, "summary", tmp_path / "asked.pdf", card_photos=True)
    assert _images(asked.path) == 2
    text = "".join(page.extract_text() for page in PdfReader(asked.path).pages)
    assert "Kaart 1, zoals de bewoner het schreef" in text
    audiences = dict(store.conn.execute("SELECT path, audience FROM output_file"))
    assert audiences[str(plain.path)] == "print" and audiences[str(asked.path)] == "internal"


def test_forget_removes_the_photos_of_their_initiatives_everywhere(tmp_path: Path) -> None:
    store, mine, other = with_photos(tmp_path / "f.wijk")
    copy = store.backup(files.backups_dir(store.path) / "copy.wijk")
    plan = plan_forget(store, NAME)
    assert ("delete", "card_photo", "#1") in [(i.action, i.table, i.label) for i in plan.items]
    forget(store, plan)
    assert [r["card_number"] for r in store.rows("card_photo")] == [2]
    path = store.path
    store.close()
    data = file_bytes(path)
    assert traces(mine)[0] not in data and traces(other)[0] in data
    forget_in_backups(path, NAME)
    assert traces(mine)[0] not in file_bytes(copy) and traces(other)[0] in file_bytes(copy)
    with Store.open(path) as again:
        assert again.count("tombstone", "table_name = 'card_photo'") == 1


def test_forget_removes_a_waiting_photo_once_its_initiative_names_them(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "w.wijk", name="W")
    waiting = shot(7, 7)
    with store.write() as w:
        cardstore.attach(w, store, waiting)  # a blank card, photographed first
    record(store, [f'persoon "{NAME}"', f'i "Buurtkast" kaart:7 +"{NAME}"'])
    forget(store, plan_forget(store, NAME))
    assert store.count("card_photo") == 0


def test_merge_copies_photos_by_uuid_and_the_newer_photo_of_a_card_wins(tmp_path: Path) -> None:
    here, mine, other = with_photos(tmp_path / "here.wijk")
    here.close()
    shutil.copy(tmp_path / "here.wijk", tmp_path / "there.wijk")
    target = Store.open(tmp_path / "here.wijk")
    with target.write() as w:  # the card photographed again here, and its first photo gone
        for row in target.rows("card_photo", "card_number = 2"):
            w.delete("card_photo", row["id"])
    source = Store.open(tmp_path / "there.wijk")
    newer = shot(1, 11)
    with source.write() as w:
        cardstore.attach(w, source, newer)  # card 1 photographed again there
    ids = {r["card_number"]: r["id"] for r in source.rows("card_photo")}
    source.close()
    report = merge(target, [tmp_path / "there.wijk"])
    assert report.added.get("card_photo") == 2
    rows = {r["card_number"]: r for r in target.rows("card_photo")}
    assert rows[1]["image"] == newer.image and rows[2]["image"] == other
    assert {n: r["id"] for n, r in rows.items()} == ids
    again = merge(target, [tmp_path / "there.wijk"])  # twice: nothing changes
    assert "card_photo" not in again.added and target.count("card_photo") == 2
