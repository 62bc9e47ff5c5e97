"""Fault injection on real disks: a 2 MB tmpfs filled during capture, print, backup, merge and
check; a read-only bind mount; a read-only file as another user; 10 cut-off and 10 bit-flipped
files. Mounting needs root: where it is not allowed the tests say so and are skipped.

Figures (run with -s to see them): captures lost, misleading messages, records salvaged.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.capture.record import record
from workshop.cli import cli
from workshop.file import access as files
from workshop.file import backup
from workshop.file.check import check_file
from workshop.file.store import Store

# The damage message ("X is beschadigd (...)"), a traceback, or the old verdict on a healthy file.
MISLEADING = (
    "is beschadigd (",
    "is damaged (",
    "Traceback",
    "table of contents is lost",
    "inhoudsopgave van het bestand is weg",
)
TABLES = ("place", "actor", "initiative")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    text = result.output  # stdout and stderr, as a person sees them
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        text += f"\nTraceback: {result.exception!r}"
    return result.exit_code, text


def misleading(text: str) -> list[str]:
    return [word for word in MISLEADING if word in text]


def _mount(*args: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs or a read-only bind needs root")
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mount not allowed here: {done.stderr.strip()}")


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs of its own."""
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(disk))
    try:
        yield disk
    finally:
        _umount(disk)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk up, then free `leave` bytes again."""
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def make_file(path: Path, places: int = 20) -> Path:
    with Store.create(path, name="Storingwijk") as store:
        record(store, [f"p Plek{i} #park @B2" for i in range(places)])
        record(store, ["i Zonnedak #opwek @C3", "a Els #sleutelfiguur !4"])
    return path


def names_in(path: Path) -> set[str]:
    with Store.open(path, readonly=True) as store:
        return {r["name"] for r in store.rows("place")}


def integrity(path: Path) -> str:
    # Opened as the program opens a file it only reads: on a full disk a plain mode=ro
    # connection cannot even make the -shm it needs.
    with Store.open(path, readonly=True) as store:
        return store.conn.execute("PRAGMA integrity_check").fetchone()[0]


# --- a full disk ----------------------------------------------------------------------------


def test_a_disk_filling_up_during_capture_loses_no_capture(tiny_disk: Path) -> None:
    path = make_file(tiny_disk / "wijk.wijk")
    filler = fill(tiny_disk, leave=160_000)
    said_saved: list[str] = []
    refused: list[str] = []
    for i in range(120):
        name = f"Vol{i:03d}"
        code, out = run("capture", str(path), f'p {name} "{"x" * 1500}"')
        if code == 0 and "opgeslagen" in out and name in out:
            said_saved.append(name)
        else:
            refused.append(out)
    assert refused, "the disk never filled: the test proves nothing"
    wrong = [m for out in refused for m in misleading(out)]
    assert all("vol" in out for out in refused), refused[:2]
    filler.unlink()  # room again: the file goes on working, and holds every saved capture
    present = names_in(path)
    lost = set(said_saved) - present
    code, out = run("capture", str(path), "p NaDeVolleSchijf")
    assert code == 0, out
    print(
        f"\nfull disk during capture: {len(said_saved)} saved, {len(refused)} refused, "
        f"captures lost {len(lost)}, misleading messages {len(wrong)}"
    )
    assert not lost and not wrong
    assert integrity(path) == "ok"


def test_a_full_disk_is_not_damage_for_print_backup_merge_and_check(
    tiny_disk: Path, tmp_path: Path
) -> None:
    path = make_file(tiny_disk / "wijk.wijk")
    code, out = run("backup", str(path))
    assert code == 0, out
    good = sorted(files.backups_dir(path).iterdir())
    other = make_file(tmp_path / "tafel2.wijk", places=300)
    with Store.open(other) as store:
        record(store, [f'a "Persoon {i}" #sleutelfiguur !2 wat:"{"y" * 400}"' for i in range(300)])
    before = names_in(path)
    fill(tiny_disk)
    outcomes = {
        "print": run("print", "cards", str(path), "-o", str(tiny_disk / "kaarten.pdf")),
        "backup": run("backup", str(path)),
        "merge": run("merge", str(path), str(other)),
        "check": run("check", str(path)),
    }
    wrong = {what: misleading(out) for what, (_, out) in outcomes.items() if misleading(out)}
    print(
        f"\nfull disk: misleading messages {sum(map(len, wrong.values()))} "
        f"({', '.join(f'{k}: exit {c}' for k, (c, _) in outcomes.items())})"
    )
    assert not wrong, {k: outcomes[k][1] for k in wrong}
    for what in ("print", "backup", "merge"):
        code, out = outcomes[what]
        assert code == 1 and "vol" in out and len(out.strip().splitlines()) <= 2, (what, out)
    code, out = outcomes["check"]
    assert code == 0 and "in orde" in out and "vol" in out, out
    assert sorted(files.backups_dir(path).iterdir()) == good  # nothing half-written beside it
    assert not (tiny_disk / "kaarten.pdf").exists()
    assert not any(p.exists() for p in files.sidecars(path))  # check left none behind
    assert names_in(path) == before and integrity(path) == "ok"


def test_a_failed_backup_leaves_nothing_and_rotation_keeps_the_good_ones(
    tiny_disk: Path, tmp_path: Path
) -> None:
    path = make_file(tmp_path / "wijk.wijk")
    folder = tiny_disk / "usb"
    with Store.open(path) as store:
        good = [backup.backup(store, folder, auto=True) for _ in range(3)]
        fill(tiny_disk)
        for _ in range(5):
            with pytest.raises(files.UserError) as refused:
                backup.backup(store, folder, auto=True)
            assert refused.value.key == "disk_full"
    assert set(folder.iterdir()) == set(good)  # no empty copy, no partial copy
    # a 0-byte copy left by an older version never counts, and never pushes a good one out
    (tiny_disk / "filler.bin").unlink()
    empty = folder / "wijk-auto-29991231-235959.wijk"
    empty.touch()
    removed = backup.rotate(folder, keep=3)
    assert removed == [empty] and set(folder.iterdir()) == set(good)
    assert backup.latest(folder) == good[-1]


def test_check_never_recommends_an_empty_or_unsound_backup(tmp_path: Path) -> None:
    path = make_file(tmp_path / "wijk.wijk")
    with Store.open(path) as store:
        sound = backup.backup(store)
    folder = files.backups_dir(path)
    (folder / "wijk-29991231-235959.wijk").touch()  # newest, empty
    cut = folder / "wijk-29991231-235958.wijk"
    cut.write_bytes(sound.read_bytes()[:8192])  # newer, cut off
    os.utime(folder / "wijk-29991231-235959.wijk", (4e9, 4e9))
    os.utime(cut, (3.9e9, 3.9e9))
    path.write_bytes(path.read_bytes()[:5000])
    report = check_file(path)
    assert not report.ok and report.backups == [sound]
    code, out = run("check", str(path))
    assert code == 1 and f"laatste reservekopie: {sound}" in out  # the CLI speaks Dutch here


def test_check_leaves_no_sidecars_behind(tmp_path: Path) -> None:
    path = make_file(tmp_path / "wijk.wijk")
    assert not any(p.exists() for p in files.sidecars(path))
    code, out = run("check", str(path))
    assert code == 0, out
    assert not any(p.exists() for p in files.sidecars(path))


# --- read-only media --------------------------------------------------------------------------


@pytest.fixture
def read_only_stick(tmp_path: Path) -> Iterator[Path]:
    """A folder with a neighbourhood file, bind-mounted read-only (a write-protected stick)."""
    source = tmp_path / "source"
    source.mkdir()
    make_file(source / "wijk.wijk")
    stick = tmp_path / "stick"
    stick.mkdir()
    _mount("--bind", "-o", "ro", str(source), str(stick))
    try:
        yield stick / "wijk.wijk"
    finally:
        _umount(stick)


def test_a_file_on_a_read_only_medium_opens_read_only(
    read_only_stick: Path, tmp_path: Path
) -> None:
    path = read_only_stick
    out_dir = tmp_path / "out"
    looks = {
        "print": run("print", "cards", str(path), "-o", str(out_dir / "kaarten.pdf")),
        "export": run("export", str(path), "--format", "json", "-o", str(out_dir / "w.json")),
        "check": run("check", str(path)),
        "connectors": run("connectors", str(path)),
        "coverage": run("coverage", str(path)),
    }
    for what, (code, out) in looks.items():
        assert code == 0, (what, out)
        assert "alleen-lezen" in out and not misleading(out), (what, out)
    assert (out_dir / "kaarten.pdf").stat().st_size > 0 and (out_dir / "w.json").exists()
    code, out = run("capture", str(path), "p Nieuw")
    assert code == 1 and "alleen-lezen schijf" in out and len(out.strip().splitlines()) == 1
    assert not misleading(out)
    print(f"\nread-only medium: {len(looks)} of {len(looks)} looks work, misleading messages 0")


def test_run_opens_the_tui_read_only_on_a_read_only_medium(
    read_only_stick: Path, monkeypatch
) -> None:
    seen = []
    monkeypatch.setattr(
        "workshop.cli.tui.run_app",
        lambda store, **_: seen.append((store.readonly, store.count("place"))),
    )
    code, out = run("run", str(read_only_stick))
    assert code == 0, out
    assert seen == [(True, 20)] and "alleen-lezen" in out


def test_the_tui_runs_on_a_read_only_store(read_only_stick: Path) -> None:
    import asyncio

    from workshop.tui.app import WorkshopApp

    store = Store.open(read_only_stick, readonly=True)
    app = WorkshopApp(store)

    async def main() -> None:
        async with app.run_test() as pilot:
            await pilot.pause()

    asyncio.run(main())
    store.close()
    assert not any(p.exists() for p in files.sidecars(read_only_stick))


def test_a_read_only_file_in_a_read_only_folder_as_another_user(tmp_path: Path) -> None:
    """chmod 0400 in a 0500 folder, read by its owner (not root, who may write anything)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to act as another user")
    base = Path(tempfile.mkdtemp(prefix="workshop-ro-", dir="/tmp"))
    try:
        os.chmod(base, 0o755)
        folder, out = base / "stick", base / "out"
        folder.mkdir()
        out.mkdir()
        path = make_file(folder / "wijk.wijk")
        for p in (folder, path, out):
            os.chown(p, 65534, 65534)
        os.chmod(path, 0o400)
        os.chmod(folder, 0o500)
        env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": os.pathsep.join(sys.path),
            "HOME": str(out),
            "WORKSHOP_LANG": "nl",
        }

        def as_nobody(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run(
                [
                    "setpriv",
                    "--reuid=65534",
                    "--regid=65534",
                    "--clear-groups",
                    sys.executable,
                    "-m",
                    "workshop",
                    *args,
                ],
                capture_output=True,
                text=True,
                env=env,
                cwd=out,
                timeout=60,
            )

        if as_nobody("--help").returncode != 0:
            # The program itself lies where that user may not read it (a private folder).
            pytest.skip(f"user nobody cannot run {sys.executable} -m workshop here")
        for args in (
            ("check", str(path)),
            ("export", str(path), "--format", "json", "-o", str(out / "w.json")),
        ):
            done = as_nobody(*args)
            assert done.returncode == 0, done.stderr
            assert "schrijfrecht" in done.stdout + done.stderr
            assert not misleading(done.stdout + done.stderr)
        done = as_nobody("capture", str(path), "p Nieuw")
        assert done.returncode == 1 and "schrijfrecht" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert sorted(p.name for p in folder.iterdir()) == ["wijk.wijk"]
    finally:
        os.chmod(base / "stick", 0o700)
        shutil.rmtree(base, ignore_errors=True)


# --- cut-off and bit-flipped files ------------------------------------------------------------


@pytest.fixture(scope="module")
def sound_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sound") / "sound.wijk"
    with Store.create(path, name="Sound") as store:
        record(store, [f'p "Plek {i} met een wat langere naam" #park @B2' for i in range(400)])
        record(store, [f"persoon Persoon{i} !2" for i in range(100)])
        record(store, [f"i Initiatief{i} #opwek" for i in range(50)])
    return path


def _salvage_case(bad: Path, out: Path) -> dict[str, int]:
    code, text = run("check", str(bad), "--salvage", str(out))
    assert "Traceback" not in text and not misleading(text), text
    if not out.exists():
        assert code == 0 and "in orde" in text  # nothing wrong found: nothing to salvage
        with Store.open(bad, readonly=True) as store:
            return {t: store.count(t) for t in TABLES}
    saved = check_file(out)
    # sound; a flipped bit inside a value (cell "B:") is a record check rightly names
    assert not saved.damaged and saved.findings == [], saved
    with Store.open(out, readonly=True) as store:
        return {t: store.count(t) for t in TABLES}


def test_ten_cut_off_files(sound_file: Path, tmp_path: Path) -> None:
    data = sound_file.read_bytes()
    figures = []
    for k in range(1, 11):
        cut = len(data) * k // 11
        bad = tmp_path / f"cut{k}.wijk"
        bad.write_bytes(data[:cut])
        code, text = run("check", str(bad))
        assert code == 1 and "afgekapt" in text and "pagina's zijn er" in text, text
        figures.append((cut * 100 // len(data), _salvage_case(bad, tmp_path / f"saved{k}.wijk")))
    print("\ncut-off files, records salvaged (place/400 actor/100 initiative/50):")
    for percent, got in figures:
        print(f"  cut at {percent:2d}%: " + ", ".join(f"{t} {got[t]}" for t in TABLES))
    assert sum(1 for _, got in figures if got["place"] == 400) >= 5
    assert figures[-1][1]["actor"] == 100


def test_ten_bit_flipped_files(sound_file: Path, tmp_path: Path) -> None:
    data = sound_file.read_bytes()
    rng = random.Random(14)
    figures = []
    for k in range(10):
        flipped = bytearray(data)
        for _ in range(20):
            at = rng.randrange(100, len(flipped))
            flipped[at] ^= 1 << rng.randrange(8)
        bad = tmp_path / f"flip{k}.wijk"
        bad.write_bytes(bytes(flipped))
        before = bad.read_bytes()
        figures.append(_salvage_case(bad, tmp_path / f"saved{k}.wijk"))
        assert bad.read_bytes() == before  # the damaged file is only read
    print("\nbit-flipped files (20 flips each), records salvaged:")
    for k, got in enumerate(figures):
        print(f"  file {k}: " + ", ".join(f"{t} {got[t]}" for t in TABLES))
    assert sum(got["place"] for got in figures) > 0
