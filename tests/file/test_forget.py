"""Forgetting a person: gone from every table, every text, the undo log and the file's bytes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file import access as files
from workshop.file.forget import forget, forget_in_backups, plan_forget
from workshop.file.store import Store

NAME = "Małgorzata Nowak-Ĳzerman"


def file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            data += side.read_bytes()
    return data


def populated(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "f.wijk", name="F")
    record(
        store,
        [
            f'persoon "{NAME}" #sleutelfiguur tel:0612345678 mail:gosia@voorbeeld.example',
            'p "Buurthuis De Bron" #buurthuis',
            f'i "Moestuin van {NAME}" +"{NAME}" wat:"opgezet door {NAME.upper()}"',
            f'"{NAME}" -> Jan #kent',
            f'"{NAME}" -> "Buurthuis De Bron" #beheert',
            f'n "Bel 0612345678 voor de sleutel" ~"{NAME}"',
            f'n "{NAME} weet alles van de wijk" ~"Buurthuis De Bron"',
            'n "Jan kent iedereen"',
            f'deelnemer "{NAME}" #appartement',
        ],
    )
    return store


def test_forget_removes_every_trace(tmp_path: Path) -> None:
    store = populated(tmp_path)
    store.undo()
    store.redo()
    plan = plan_forget(store, NAME.lower())
    assert {t for t, _ in plan.people} == {"actor", "participant"}
    forget(store, plan)
    path = store.path
    assert store.find("actor", NAME) == [] and store.find("participant", NAME) == []
    assert [a["name"] for a in store.rows("actor")] == ["Jan"]
    assert store.count("tie") == 0 and store.count("actor_place") == 0
    assert store.rows("initiative")[0]["name"] == "Moestuin van [vergeten]"
    assert store.rows("initiative")[0]["description"] == "opgezet door [vergeten]"
    notes = [n["text"] for n in store.rows("note")]
    assert notes == ["[vergeten] weet alles van de wijk", "Jan kent iedereen"]
    store.close()
    data = file_bytes(path)
    for secret in (NAME, NAME.upper(), "0612345678", "gosia@voorbeeld", "Nowak"):
        assert secret.encode() not in data, secret
    with Store.open(path) as again:  # still a sound file, and its undo log still works
        record(again, ["p Nieuw"])
        again.undo()
        assert again.count("place") == 1


def test_forget_in_backups(tmp_path: Path) -> None:
    store = populated(tmp_path)
    copy = store.backup(files.backups_dir(store.path) / "copy.wijk")
    forget(store, plan_forget(store, NAME))
    results = forget_in_backups(store.path, NAME)
    assert [(r.path, r.error) for r in results] == [(copy, None)]
    assert NAME.encode() not in file_bytes(copy)


def test_forget_command_asks_and_lists(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("workshop.cli.trust._interactive", lambda: True)  # a person answers
    populated(tmp_path).close()
    runner = CliRunner()
    result = runner.invoke(cli, ["forget", "f.wijk", NAME], input="n\n")
    assert result.exit_code == 1 and "Afgebroken" in result.output
    assert NAME.encode() in file_bytes(tmp_path / "f.wijk")
    result = runner.invoke(cli, ["forget", "f.wijk", NAME], input="y\n")
    assert result.exit_code == 0, result.output
    assert "vergeten" in result.output
    assert NAME.encode() not in file_bytes(tmp_path / "f.wijk")
    result = runner.invoke(cli, ["forget", "f.wijk", "Niemand"])
    assert result.exit_code == 1 and "Geen persoon 'Niemand'" in result.output


def test_organisations_are_not_forgotten_as_persons(store: Store) -> None:
    record(store, ["org Woonstede #woningcorporatie"])
    assert plan_forget(store, "Woonstede").empty


def test_forget_in_a_backup_folder_elsewhere(tmp_path: Path) -> None:
    store = populated(tmp_path)
    stick = tmp_path / "usb"
    copy = store.backup(stick / "copy.wijk")
    forget(store, plan_forget(store, NAME))
    assert NAME.encode() in file_bytes(copy)
    forget_in_backups(store.path, NAME, (stick,))
    assert NAME.encode() not in file_bytes(copy)


def test_a_forget_cut_off_midway_is_finished_by_the_same_command(tmp_path: Path, monkeypatch):
    """The backups go first, so a forget cut off before the file (Ctrl+C, a closed pipe)
    leaves the person findable in the file; and one gone from the file but not from a
    backup is forgotten there by the same command."""
    from workshop.file import forget as forgetting

    store = populated(tmp_path)
    copy = store.backup(files.backups_dir(store.path) / "copy.wijk")
    path = store.path
    store.close()

    real = forgetting.forget

    def cut_off(target: Store, plan) -> None:  # the command stops before the file's turn
        if target.path == path:
            raise KeyboardInterrupt
        real(target, plan)

    with monkeypatch.context() as m:
        m.setattr(forgetting, "forget", cut_off)
        CliRunner().invoke(cli, ["forget", str(path), NAME, "--yes"])
    assert NAME.encode() not in file_bytes(copy) and NAME.encode() in file_bytes(path)
    done = CliRunner().invoke(cli, ["forget", str(path), NAME, "--yes"])
    assert done.exit_code == 0, done.output
    assert NAME.encode() not in file_bytes(path)

    with Store.open(path) as again:  # a backup still holding them while the file does not
        record(again, [f'persoon "{NAME}"'])
        second = again.backup(files.backups_dir(path) / "later.wijk")
        forget(again, plan_forget(again, NAME))  # the file only, as a cut-off forget did
    assert NAME.encode() in file_bytes(second)
    listed = CliRunner().invoke(cli, ["forget", str(path), NAME, "--dry-run"])
    assert listed.exit_code == 0 and "later.wijk" in listed.output
    assert NAME.encode() in file_bytes(second)
    finished = CliRunner().invoke(cli, ["forget", str(path), NAME, "--yes"])
    assert finished.exit_code == 0, finished.output
    assert NAME.encode() not in file_bytes(second)
