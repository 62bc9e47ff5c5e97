"""Fonts: every character of Dutch, Turkish and Polish names has a glyph; a character without
one is reported, never a silent box; text fitted into a box never runs past it."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.printing.fonts import ELLIPSIS, REPLACEMENT, FontSet

FONTS = FontSet.named()


def test_dutch_turkish_polish_and_markup_have_glyphs_in_every_style() -> None:
    text = (
        "Coöperatie 't Hoekje ĳ Ĳ é è ë ï ü ğ Ğ ş Ş ı İ ç ö ł Ł ż Ż ą ę ć ń ó ś ź "
        "< > & [ ] € – — … ‘ ’ “ ” · © °"
    )
    for style in ("regular", "bold", "italic"):
        fonts = FontSet.named()
        runs = fonts.runs(text, style)
        assert "".join(part for _, part in runs) == text
        assert fonts.missing == set()
        assert len({font for font, _ in runs}) == 1  # all from the primary font


def test_fallback_font_and_missing_characters() -> None:
    fonts = FontSet.named()
    runs = fonts.runs("Namaste क ji", "regular")
    # Devanagari: from Noto Sans Devanagari (bundled, with a real bold), not Fira Sans
    assert len(runs) == 3 and runs[1] == ("wk-NotoSansDevanagari-Regular", "क")
    assert fonts.missing == set()
    runs = fonts.runs("Feest 🎉 𓀀!", "regular")  # emoji: Noto Emoji; hieroglyphs: no font
    assert "".join(part for _, part in runs) == f"Feest 🎉 {REPLACEMENT}!"
    assert fonts.missing == {"𓀀"}
    assert fonts.lost == {"Feest 🎉 𓀀!": {"𓀀"}}


@settings(max_examples=80, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S")), max_size=300
    ),
    st.floats(min_value=20, max_value=300),
    st.integers(min_value=1, max_value=6),
)
def test_wrapped_lines_fit_and_cut_with_an_ellipsis(text: str, width: float, lines: int) -> None:
    out = FONTS.wrap(text, "regular", 9, width, lines)
    assert len(out) <= lines
    for line in out:
        assert FONTS.width(line, "regular", 9) <= width + 1e-6
    letters = "".join(unicodedata.normalize("NFC", text).split()).replace(ELLIPSIS, "")
    if out and "".join("".join(out).split()).replace(ELLIPSIS, "") != letters:
        assert out[-1].endswith(ELLIPSIS)  # whatever was left out is marked


def test_fit_cuts_long_names() -> None:
    name = "Stichting Bewonersvereniging " * 10
    line = FONTS.fit(name, "bold", 12, 150)
    assert line.endswith(ELLIPSIS) and FONTS.width(line, "bold", 12) <= 150
    assert FONTS.fit("Kort", "bold", 12, 150) == "Kort"
