"""`workshop scan` from the TUI: the palette's "Scan" asks for the photos, the scan runs in a
worker, its report is shown line by line, and Ctrl+Z takes the whole scan back as one step."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Static

from tests.paper.photos import Pasted, Shot
from tests.paper.sheets import page_of, photo_file, printed_sheet
from tests.tui.conftest import drive, settle, text_of, type_line
from workshop.capture.record import record
from workshop.file.store import Store
from workshop.tui.app import WorkshopApp
from workshop.tui.screens.scan import ScanScreen, photo_paths


def test_scan_from_the_palette_and_undo_it(store: Store, tmp_path: Path) -> None:
    with store.write() as w:
        w.keep_stickers_from(10)
    sheet = printed_sheet(store)
    record(store, ["p Buurthuis sticker:5"])
    page = page_of(
        store, sheet, [Pasted(5, 100.0, 120.0, 0.0), Pasted(7, 200.0, 200.0, 0.0)], tmp_path
    )
    photo = photo_file(page, tmp_path / "tafel 1.jpg", Shot(turn=90, fill=0.6))
    app = WorkshopApp(store)
    shown: list[str] = []

    async def scenario(pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_line(pilot, "scan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ScanScreen)
        pilot.app.screen.query_one(Input).value = f'"{photo}"'  # as a dropped file is pasted
        await pilot.press("enter")
        await settle(pilot)
        shown.append(text_of(pilot.app.screen.query_one("#scan-report", Static)))
        await pilot.press("escape")
        await pilot.pause()
        [place] = store.rows("place")
        assert place["located"] == "scan" and place["cell"] == "B3"
        await pilot.press("ctrl+z")
        await settle(pilot)

    drive(app, scenario)
    lines = shown[0].splitlines()
    assert lines[0] == f"tafel 1.jpg: kaart P{sheet.short} (A3), 4 van 4 hoeken, 2 stickers"
    assert lines[1].startswith("sticker 5 → Buurthuis, ") and lines[1].endswith(", vak B3")
    assert lines[2].startswith("sticker 7 (vak E4): nog geen plek of initiatief")
    assert lines[-1] == "1 van 2 stickers gezet; Ctrl+Z neemt de hele scan terug."
    [place] = store.rows("place")
    assert (place["lat"], place["located"], place["cell"]) == (None, None, None)


def test_typed_coordinates_are_replaced_only_with_the_box_ticked(
    store: Store, tmp_path: Path
) -> None:
    with store.write() as w:
        w.keep_stickers_from(10)
    sheet = printed_sheet(store)
    record(store, ["p Buurthuis sticker:5 lat:52.009 lon:5.001"])
    page = page_of(store, sheet, [Pasted(5, 100.0, 120.0, 0.0)], tmp_path)
    photo = photo_file(page, tmp_path / "tafel.jpg", Shot(turn=90, fill=0.6))
    app = WorkshopApp(store)
    shown: list[str] = []

    async def scenario(pilot) -> None:
        pilot.app.action_scan()
        await pilot.pause()
        screen = pilot.app.screen
        screen.query_one(Input).value = str(photo)
        await pilot.press("enter")
        await settle(pilot)
        shown.append(text_of(screen.query_one("#scan-report", Static)))
        assert store.rows("place")[0]["located"] is None  # kept: typed by hand
        await pilot.press("tab", "space")  # the box: replace typed coordinates too
        assert screen.query_one(Checkbox).value
        screen.query_one(Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        shown.append(text_of(screen.query_one("#scan-report", Static)))

    drive(app, scenario)
    assert "niet verplaatst" in shown[0].splitlines()[1]
    assert shown[1].splitlines()[1].startswith("sticker 5 → Buurthuis, ")
    [place] = store.rows("place")
    assert place["located"] == "scan" and place["lat"] != 52.009


def test_a_photo_of_cards_says_their_handwriting_is_kept_and_no_sticker_total(
    tmp_path: Path,
) -> None:
    import cv2

    from tests.paper.cardphotos import handwritten, printed
    from tests.paper.photos import photograph

    paper = printed(tmp_path)
    photo, _ = photograph(handwritten(paper.filled), 6.0, Shot(turn=-84, blur=1.0), seed=5)
    assert cv2.imwrite(str(tmp_path / "kaarten.jpg"), photo, [cv2.IMWRITE_JPEG_QUALITY, 80])
    app = WorkshopApp(paper.store)
    shown: list[str] = []

    async def scenario(pilot) -> None:
        pilot.app.action_scan()
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = str(tmp_path / "kaarten.jpg")
        await pilot.press("enter")
        await settle(pilot)
        shown.append(text_of(pilot.app.screen.query_one("#scan-report", Static)))

    drive(app, scenario)
    lines = shown[0].splitlines()
    assert len([line for line in lines if "handschrift bewaard bij" in line]) == 4
    assert lines[-1].startswith("Kaartfoto's bewaard: 4 (undo laat ze staan")
    assert not any("stickers gezet" in line for line in lines)
    assert len(paper.store.rows("card_photo")) == 4
    paper.store.close()


def test_a_refused_photo_is_one_line_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    app = WorkshopApp(store)
    shown: list[str] = []

    async def scenario(pilot) -> None:
        pilot.app.action_scan()
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = "nergens.jpg"
        await pilot.press("enter")
        await settle(pilot)
        shown.append(text_of(pilot.app.screen.query_one("#scan-report", Static)))

    drive(app, scenario)
    assert shown == ["nergens.jpg: die foto bestaat niet; kijk of de naam en de map kloppen."]
    assert store.rows("history") == []


def test_photo_paths_are_read_as_a_terminal_pastes_them(tmp_path: Path) -> None:
    (tmp_path / "a 1.jpg").write_bytes(b"")
    (tmp_path / "b.jpg").write_bytes(b"")
    beside = tmp_path
    assert photo_paths(r"a\ 1.jpg 'b.jpg'", beside) == [tmp_path / "a 1.jpg", tmp_path / "b.jpg"]
    assert photo_paths(f"{tmp_path}/*.jpg", beside) == [tmp_path / "a 1.jpg", tmp_path / "b.jpg"]
    assert photo_paths('"unclosed', beside) == [Path('"unclosed')]
