"""Templates a municipality edits by hand, fuzzed: whatever the TOML says, printing cards and a
map either works or stops with one line naming the key; never a traceback, never a hang."""

from __future__ import annotations

import json
import math
import signal
import struct
import zlib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.printing.osmdata import write_osm
from workshop.capture.record import record
from workshop.exchange.osm_import import create_with_extract
from workshop.i18n import UserError
from workshop.osm import extract as osm
from workshop.printing import templates
from workshop.printing.cards import build as cards
from workshop.printing.maps import build as maps


def _flat(table: dict, prefix: str = "") -> list[str]:
    keys = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        keys += _flat(value, name + ".") if isinstance(value, dict) else [name]
    return keys


KEYS = _flat(templates.load().data) + [
    "fonts.regular",
    "logo.size",
    "map.widths",
    "texts.nl",
    "colours",
    "themes.new_theme",
]
NASTY_TEXTS = [
    "{neighbourhood:>999999999}",
    "{0}",
    "{neighbourhood.__class__}",
    "{",
    "}",
    "{neighbourhood!r}",
    "{{ok}}",
    "x" * 5000,
    "{date}",
    "café {neighbourhood}",
]
LOGOS = ["logo.png", "text.png", "huge.png", "missing.png", "logo.jpg", ""]


def _png(width: int, height: int, body: bool = True) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    head = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    rows = (
        zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height))) if body else b""
    )
    return b"\x89PNG\r\n\x1a\n" + head + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


values = st.one_of(
    st.text(max_size=20),
    st.sampled_from(NASTY_TEXTS),
    st.sampled_from(LOGOS),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.sampled_from(["what", "who", "nope", "notes"]), max_size=4),
    st.sampled_from(["#12345", "#GGGGGG", "#a1b2c3", "red", "fira-sans", "comic"]),
    st.just({"x": 1}),
)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else ("inf" if value > 0 else "-inf")
            if math.isinf(value)
            else repr(value)
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"


def _toml(changes: dict[str, object]) -> str:
    tables: dict[str, list[str]] = {}
    for key, value in changes.items():
        table, _, leaf = key.rpartition(".")
        tables.setdefault(table, []).append(f'"{leaf}" = {_toml_value(value)}')
    out = []
    for table, lines in tables.items():
        if table:
            out.append(f"[{table}]")
        out += lines
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def printing_setup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "logo.png").write_bytes(_png(40, 20))
    (folder / "text.png").write_text("geen plaatje")
    (folder / "huge.png").write_bytes(_png(60000, 60000, body=False))
    from PIL import Image

    Image.new("RGB", (30, 30), "red").save(folder / "logo.jpg")
    extract, data = osm.read_extract(write_osm(folder / "w.osm"))
    store = create_with_extract(folder / "w.wijk", extract, data, name="Fuzzwijk")
    record(
        store,
        [
            'i "Zon op het dak" #opwek @B2 wat:"Panelen"',
            "i Buurtmoestuin #vergroening",
            'p "Buurthuis De Bron" #buurthuis @C3',
        ],
    )
    yield folder, store
    store.close()


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.dictionaries(st.sampled_from(KEYS), values, min_size=1, max_size=4))
@example(changes={"fonts.regular": 1})
def test_any_template_prints_or_is_refused_in_one_line(printing_setup, changes) -> None:
    folder, store = printing_setup
    path = folder / "own.toml"
    try:
        path.write_text(_toml(changes), encoding="utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates cannot be written as a file, by anyone
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(60)
    try:
        template = templates.load(path)
        cards.print_cards(store, folder / "cards.pdf", template)
        maps.print_result_map(store, folder / "map.pdf", template, paper="A4")
    except UserError as exc:
        assert "\n" not in exc.message("nl")
    except _Hang:
        pytest.fail(f"printing hung on {changes!r}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("[map.widths]\nmajor = nan\n", "map.widths.major"),
        ("[map.widths]\nmajor = 1e308\n", "map.widths.major"),
        ('[map]\nwidths = "dik"\n', "map.widths"),
        ('[texts.nl]\nfooter = "{neighbourhood:>999999999}"\n', "texts.nl.footer"),
        ("[texts]\nnl = 3\n", "texts.nl"),
        ('[colours]\nink = "rood"\n', "colours.ink"),
        ('[cards]\nfields = "what"\n', "cards.fields"),
        ('[logo]\npath = "text.png"\n', "logo.path"),
        ('[logo]\npath = "huge.png"\n', "logo.path"),
        ("[fonts]\nregular = 1\n", "fonts.regular"),  # found by the fuzz above
    ],
)
def test_the_audit_cases_are_refused_naming_the_key(printing_setup, text: str, word: str) -> None:
    folder, _ = printing_setup
    path = folder / "case.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as refused:
        templates.load(path)
    assert refused.value.key == "template_bad" and word in refused.value.message("en")


def test_a_good_logo_passes(printing_setup) -> None:
    folder, store = printing_setup
    path = folder / "good.toml"
    path.write_text('[logo]\npath = "logo.png"\n', encoding="utf-8")
    cards.print_cards(store, folder / "good.pdf", templates.load(path))
