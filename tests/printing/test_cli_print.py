"""`workshop print ...` end to end through the command line, as a facilitator types it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.printing.conftest import decoded_payloads, text_of
from workshop.capture.record import record
from workshop.cli import cli
from workshop.file.store import Store
from workshop.i18n import UserError
from workshop.printing import templates
from workshop.printing.cards import build as cards


def test_demo_prints_everything(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "k.wijk", "--no-tui"]).exit_code == 0
    for args in (
        ["cards", "k.wijk"],
        ["blank-cards", "k.wijk", "--count", "40"],
        ["map", "k.wijk", "--paper", "A3"],
        ["result-map", "k.wijk"],
    ):
        result = runner.invoke(cli, ["print", *args])
        assert result.exit_code == 0, result.output
        assert "geschreven: printouts/k-" in result.output
    written = sorted(p.name for p in (tmp_path / "printouts").iterdir())
    assert written == [
        "k-kaart-A3.pdf",
        "k-kaarten.pdf",
        "k-lege-kaarten.pdf",
        "k-resultaatkaart-A3.pdf",
    ]
    blank = decoded_payloads(tmp_path / "printouts" / "k-lege-kaarten.pdf", pages=[0, 9])
    assert blank == [
        "kaart 15",
        "kaart 16",
        "kaart 17",
        "kaart 18",
        "kaart 51",
        "kaart 52",
        "kaart 53",
        "kaart 54",
    ]


def test_cli_errors_are_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    runner.invoke(cli, ["new", "w.wijk", "--name", "Wijk"])
    cases = [
        ["print", "cards", "w.wijk"],  # no initiatives yet
        ["print", "cards", "bestaat-niet.wijk"],
        ["print", "blank-cards", "w.wijk", "--count", "0"],
        ["print", "map", "w.wijk", "-o", "w.wijk/kaart.pdf"],  # inside a file: unwritable
        ["print", "map", "w.wijk", "--template", "geen.toml"],
        ["print", "cards", "w.wijk", "--only", "drie"],
    ]
    for args in cases:
        result = runner.invoke(cli, args)
        assert result.exit_code == 1, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output
        assert result.output.startswith("workshop: ") and "Traceback" not in result.output
    assert not (tmp_path / "printouts").exists() or not any((tmp_path / "printouts").iterdir())


def test_output_option_and_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    runner.invoke(cli, ["new", "w.wijk", "--name", "Wijk", "--lang", "en"])
    runner.invoke(cli, ["capture", "w.wijk", "i Een", "i Twee", "i Drie"])
    result = runner.invoke(
        cli,
        ["print", "cards", "w.wijk", "-o", "uit/twee.pdf", "--only", "2-3", "--layout", "single"],
    )
    assert result.exit_code == 0 and "written: uit/twee.pdf (2 p.)" in result.output
    assert decoded_payloads(tmp_path / "uit" / "twee.pdf") == ["card 2", "card 3"]


NAMES = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        + list("öëïéèçĳĲğĞşŞıİłŁżŻąęćńóśź'<>&[]()-.,!?€     ")
    ),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        NAMES.filter(
            lambda n: n.strip() == n and n.strip() and max(len(w) for w in n.split()) <= 16
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda n: n.casefold(),
    )
)
def test_names_print_as_stored(tmp_path_factory, names: list[str]) -> None:
    folder = tmp_path_factory.mktemp("names")
    store = Store.create(folder / "n.wijk", name="Namen")
    escaped = [n.replace("\\", "\\\\").replace('"', '\\"') for n in names]
    try:
        record(store, [f'i "{n}" #sociaal' for n in escaped])
    except UserError:  # e.g. two names the grammar takes as one: not what this test is about
        store.close()
        return
    stored = [r["name"] for r in store.rows("initiative")]
    cards.print_cards(store, folder / "n.pdf", templates.load())
    text = " ".join(text_of(folder / "n.pdf").split())  # a long title wraps onto two lines
    for name in stored:
        assert " ".join(name.split()) in text
    store.close()
