"""Build the fallback fonts bundled in workshop/printing/fontfiles/ (run by hand, not at install).

The printouts need glyphs for the scripts Dutch neighbourhoods write (Arabic, Hebrew, Devanagari,
Thai, Tifinagh, Chinese, emoji and symbols) with no font from the system. The sources are OFL
Noto fonts from Python wheels and Debian's fonts-noto-core; reportlab embeds only static
TrueType (glyf) fonts, so each variable font is cut to its Regular and Bold instances, hinting
is dropped (print does not need it) and Chinese is cut to GB 2312 (the 6,763 hanzi that cover
everyday Simplified Chinese) plus kana and CJK punctuation, Korean to the 2,350 Hangul
syllables of KS X 1001. Layout tables (GSUB, GPOS, GDEF)
stay: HarfBuzz shapes with them.

    pip download --no-deps fontpkg-noto-sans-arabic fontpkg-noto-sans-devanagari \
        manimgx-fonts justmytype-intl-cjk   # unzip into SRC/
    apt-get download fonts-noto-core         # dpkg-deb -x into SRC/deb
    python tools/build_fonts.py SRC [FAMILY...]  # needs fonttools (not a runtime dependency)
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parents[1] / "workshop" / "printing" / "fontfiles"

# output stem -> (source path inside SRC, weights to cut; None for a static font)
SOURCES: dict[str, tuple[str, tuple[int, ...] | None]] = {
    "NotoSansArabic": ("fontpkg_noto_sans_arabic/files/NotoSansArabic[wdth,wght].ttf", (400, 700)),
    "NotoSansDevanagari": (
        "fontpkg_noto_sans_devanagari/files/NotoSansDevanagari[wdth,wght].ttf",
        (400, 700),
    ),
    "NotoSansHebrew": ("manimgx_fonts/NotoSansHebrew[wght].ttf", (400, 700)),
    "NotoSansThai": ("manimgx_fonts/NotoSansThai[wght].ttf", (400, 700)),
    "NotoSansSymbols": ("manimgx_fonts/NotoSansSymbols[wght].ttf", (400, 700)),
    "NotoEmoji": ("manimgx_fonts/NotoEmoji[wght].ttf", (400,)),
    "NotoSansSC": ("justmytype_intl_cjk/fonts/ofl/notosanssc/NotoSansSC[wght].ttf", (400,)),
    "NotoSansKR": ("justmytype_intl_cjk/fonts/ofl/notosanskr/NotoSansKR[wght].ttf", (400,)),
    "NotoSansTifinagh": ("deb/usr/share/fonts/truetype/noto/NotoSansTifinagh-Regular.ttf", None),
    "NotoSansSymbols2": ("deb/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", None),
}
WEIGHT_NAMES = {400: "Regular", 700: "Bold"}


def chinese() -> set[int]:
    """GB 2312 (every code that decodes), kana, CJK symbols and full-width forms."""
    out: set[int] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.update(map(ord, bytes([high, low]).decode("gb2312")))
    for start, end in ((0x3000, 0x30FF), (0xFF00, 0xFFEF), (0x0020, 0x007E)):
        out.update(range(start, end + 1))
    return out


def korean() -> set[int]:
    """The 2,350 Hangul syllables of KS X 1001 (everyday Korean) and the compatibility jamo."""
    out: set[int] = set(range(0x3131, 0x318F)) | set(range(0x0020, 0x007F))
    for high in range(0xB0, 0xC9):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.update(map(ord, bytes([high, low]).decode("euc-kr")))
    return out


def cut(font: TTFont, unicodes: set[int] | None, path: Path) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["DSIG", "STAT", "MVAR", "HVAR"]
    sub = subset.Subsetter(options)
    if unicodes is None:
        unicodes = set(font.getBestCmap())
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    font.save(path)
    print(f"{path.name}: {path.stat().st_size // 1024} KiB, {len(font.getBestCmap())} characters")


def main(src: Path, only: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    for stem, (relative, weights) in SOURCES.items():
        if only and stem not in only:
            continue
        unicodes = {"NotoSansSC": chinese, "NotoSansKR": korean}.get(stem, lambda: None)()
        if weights is None:
            cut(TTFont(src / relative), unicodes, OUT / f"{stem}-Regular.ttf")
            continue
        for weight in weights:
            font = TTFont(src / relative)
            axes = {a.axisTag: a.defaultValue for a in font["fvar"].axes}
            axes["wght"] = weight
            if "wdth" in axes:
                axes["wdth"] = 100
            static = instancer.instantiateVariableFont(font, axes, updateFontNames=True)
            cut(static, unicodes, OUT / f"{stem}-{WEIGHT_NAMES[weight]}.ttf")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])  # optionally only the families named
