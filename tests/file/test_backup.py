"""Backups: consistent single-file copies, rotation that only removes automatic ones."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file import backup
from workshop.file.access import backups_dir
from workshop.file.store import Store


def test_backup_is_a_consistent_private_copy(store: Store) -> None:
    record(store, ["p Buurthuis #buurthuis @C4"])
    path = backup.backup(store)
    assert path.parent == backups_dir(store.path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not Path(str(path) + "-wal").exists()
    with Store.open(path, readonly=True) as copy:
        assert [r["name"] for r in copy.rows("place")] == ["Buurthuis"]


def test_backups_within_one_second_do_not_collide(store: Store, tmp_path: Path) -> None:
    paths = [backup.backup(store, tmp_path / "b", auto=True) for _ in range(3)]
    assert len(set(paths)) == 3
    assert backup.automatic_backups(tmp_path / "b") == paths


def test_backups_at_the_same_moment_each_make_a_whole_copy(store: Store, tmp_path: Path) -> None:
    """The session's timed backup and the one on exit can run at once in one process (issue 10:
    they wrote into the same partial file and one ended as 'incomplete')."""
    record(store, [f"p Plek {i}" for i in range(200)])
    folder = tmp_path / "b"
    made: list[Path] = []
    failed: list[BaseException] = []
    start = threading.Barrier(2)

    def copy() -> None:
        with Store.open(store.path) as mine:
            for _ in range(8):
                start.wait()
                try:
                    made.append(backup.backup(mine, folder, auto=True))
                except BaseException as exc:  # a failure is the finding
                    failed.append(exc)

    threads = [threading.Thread(target=copy) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failed, failed
    assert len(set(made)) == 16
    assert sorted(backup.automatic_backups(folder)) == sorted(made)
    assert not list(folder.glob(".*.part"))
    for path in made:
        with Store.open(path, readonly=True) as copy_:
            assert copy_.count("place") == 200


def test_rotate_keeps_the_newest_automatic_copies_only(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    manual = backup.backup(store, folder)
    autos = [backup.backup(store, folder, auto=True) for _ in range(5)]
    migration_copy = folder / "before-schema-3-20260101-120000.wijk"
    migration_copy.write_bytes(b"x")
    removed = backup.rotate(folder, keep=2)
    assert removed == autos[:3]
    assert sorted(folder.iterdir()) == sorted([manual, migration_copy, *autos[3:]])
    assert backup.latest(folder) in (autos[-1], migration_copy, manual)


def test_rotate_on_a_missing_folder(tmp_path: Path) -> None:
    assert backup.rotate(tmp_path / "none") == []
    assert backup.latest(tmp_path / "none") is None


def test_cli_backup(store: Store, tmp_path: Path) -> None:
    record(store, ["p Plein"])
    store.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["backup", str(store.path)])
    assert result.exit_code == 0, result.output
    made = list(backups_dir(store.path).iterdir())
    assert len(made) == 1 and str(made[0]) in result.output
    result = runner.invoke(cli, ["backup", str(store.path), "--to", str(tmp_path / "usb")])
    assert result.exit_code == 0
    assert len(list((tmp_path / "usb").iterdir())) == 1


def test_cli_backup_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["backup", str(tmp_path / "nope.wijk")])
    assert result.exit_code == 1
    assert "bestaat niet" in result.output and "Traceback" not in result.output
    assert not os.path.exists(tmp_path / "nope.wijk.backups")


def test_the_session_backs_up_to_a_chosen_folder(store: Store, tmp_path: Path) -> None:
    """`workshop run FILE --backup-dir USB`: the automatic copies go to the stick."""
    import asyncio

    from workshop.capture.record import record
    from workshop.tui.app import WorkshopApp

    stick = tmp_path / "usb"
    record(store, ["p Plek"])
    app = WorkshopApp(store, backup_dir=stick)

    async def main() -> None:
        async with app.run_test() as pilot:
            await pilot.press("ctrl+b")
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(main())  # and one more on the way out
    copies = sorted(stick.glob("*.wijk"))
    assert len(copies) == 2
    assert not (tmp_path / "test.wijk.backups").exists()
    with Store.open(copies[-1], readonly=True) as copy:
        assert copy.find("place", "Plek")
