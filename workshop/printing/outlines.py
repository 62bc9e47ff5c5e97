"""Glyph outlines as PDF paths: the halos under map and poster names are drawn from them, so a
halo is a drawing, not a second run of text that a reader, a search or a copy would find."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib.rl_accel import fp_str

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from workshop.printing.shaping import Face


@lru_cache(maxsize=8192)
def outline(face: Face, gid: int) -> str:
    """Glyph `gid` of `face` as PDF path operators, in font units (HarfBuzz's outline; a
    quadratic segment as the cubic that is the same curve)."""
    ops: list[str] = []
    pen = _Pen(ops)
    face.hb.draw_glyph_with_pen(gid, pen)
    return " ".join(ops)


class _Pen:
    """The pen protocol HarfBuzz draws a glyph with, writing PDF path operators."""

    def __init__(self, ops: list[str]):
        self.ops = ops
        self.at = (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:  # noqa: N802  (the pen protocol's names)
        self.ops.append(f"{fp_str(*p)} m")
        self.at = p

    def lineTo(self, p: tuple[float, float]) -> None:  # noqa: N802
        self.ops.append(f"{fp_str(*p)} l")
        self.at = p

    def qCurveTo(self, q: tuple[float, float], p: tuple[float, float]) -> None:  # noqa: N802
        (x0, y0), (qx, qy), (x, y) = self.at, q, p
        c1 = (x0 + 2 * (qx - x0) / 3, y0 + 2 * (qy - y0) / 3)
        c2 = (x + 2 * (qx - x) / 3, y + 2 * (qy - y) / 3)
        self.ops.append(f"{fp_str(*c1, *c2, x, y)} c")
        self.at = p

    def curveTo(self, c1, c2, p: tuple[float, float]) -> None:  # noqa: N802
        self.ops.append(f"{fp_str(*c1, *c2, *p)} c")
        self.at = p

    def closePath(self) -> None:  # noqa: N802
        self.ops.append("h")

    def endPath(self) -> None:  # noqa: N802
        pass


def stroke_outlines(
    c: Canvas, glyphs: list[tuple[Face, int, float, float]], size: float, width: float
) -> None:
    """Stroke the outlines of `glyphs` ((face, glyph id, x, y) in points) in white, `width`
    points wide with round joins: a halo that is a drawing, not text, so a reader, a search
    or a copy finds the text it lies under once."""
    ops = ["q 1 1 1 RG 1 j 1 J"]
    for face, gid, gx, gy in glyphs:
        path = outline(face, gid)
        if not path:
            continue  # a space
        scale = size / face.hb.face.upem
        ops.append(f"q {fp_str(scale, 0, 0, scale, gx, gy)} cm {fp_str(width / scale)} w")
        ops.append(path)
        ops.append("S Q")
    ops.append("Q")
    c._code.append(" ".join(ops))  # noqa: SLF001
