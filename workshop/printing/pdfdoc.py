"""Flowing documents (the summary) on reportlab's platypus, with the printouts' fonts.

- `NumberedCanvas` holds the pages back until the end, so every page can say "blad 3 van 12",
  and replays the bookmarks (the PDF outline) onto the pages they belong to.
- `para` turns user text into a Paragraph without ever interpreting it as markup: the text is
  escaped, and each run goes in the font that has its characters (FontSet's fallback).
- `Rows` is a table of records that splits across pages row by row and draws cells with
  FontSet (wrapped to a few lines, never a missing glyph as a box); it stays linear on
  thousands of rows, where platypus' Table grows quadratic when it splits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from workshop.printing.fonts import FontSet, clean


class NumberedCanvas(Canvas):
    """Pages are kept until `save`, then drawn with their footer (which knows the page count)
    and their bookmarks."""

    footer: Callable[[Canvas, int, int], None] = staticmethod(lambda c, page, pages: None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._marks: list[tuple[int, str, str, int]] = []  # page index, key, title, level

    def mark(self, key: str, title: str, level: int) -> None:
        self._marks.append((len(self._pages), key, title, level))

    def showPage(self) -> None:  # noqa: N802  (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        marks = list(self._marks)
        for index, state in enumerate(self._pages):
            self.__dict__.update(state)
            self.footer(self, index + 1, total)
            for page, key, _, _ in marks:
                if page == index:
                    self.bookmarkPage(key)
            Canvas.showPage(self)
        for _, key, title, level in marks:
            self.addOutlineEntry(title, key, level=level, closed=level > 0)
        self.showOutline()
        Canvas.save(self)


class Bookmark(Flowable):
    """An invisible mark: the outline entry `title` points to the page it lands on."""

    def __init__(self, key: str, title: str, level: int = 0):
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, NumberedCanvas):
            canvas.mark(self.key, clean(self.title), self.level)


def markup(fonts: FontSet, text: str, style: str = "regular") -> str:
    """Paragraph markup for plain user text: escaped, with fallback fonts per run."""
    primary = fonts.name(style)
    parts = []
    for font, part in fonts.runs(clean(text), style):
        escaped = escape(part)
        parts.append(escaped if font == primary else f'<font face="{font}">{escaped}</font>')
    return "".join(parts)


def para(fonts: FontSet, text: str, style: ParagraphStyle, font_style: str = "regular",
         extra: str = "") -> Paragraph:
    """A paragraph of user text (`extra` is trusted markup appended, such as a line break)."""
    return Paragraph(markup(fonts, text, font_style) + extra, style)


@dataclass
class Column:
    title: str
    weight: float  # share of the table's width
    lines: int = 2  # at most this many lines per cell; more is cut with an ellipsis
    style: str = "regular"


class Rows(Flowable):
    """A table of plain-text rows with a repeated header, split between rows."""

    def __init__(self, fonts: FontSet, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                 *, size: float = 8, ink: str = "#1d2125", rule: str = "#b9c0c8",
                 head: str = "#f6f4f0"):
        super().__init__()
        self.fonts, self.columns, self.rows = fonts, list(columns), list(rows)
        self.size, self.ink, self.rule, self.head = size, ink, rule, head
        self.leading = size * 1.25
        self.pad = size * 0.35
        self._cells: list[list[list[str]]] | None = None
        self._width = 0.0

    def _widths(self, width: float) -> list[float]:
        total = sum(c.weight for c in self.columns)
        return [width * c.weight / total for c in self.columns]

    def _layout(self, width: float) -> None:
        if self._cells is not None and self._width == width:
            return
        self._width = width
        widths = self._widths(width)
        self._cells = [[self.fonts.wrap(value or "", col.style, self.size, w - 2 * self.pad,
                                        col.lines) or [""]
                        for value, col, w in zip(row, self.columns, widths, strict=True)]
                       for row in self.rows]

    def _row_height(self, cells: list[list[str]]) -> float:
        return max(len(c) for c in cells) * self.leading + 2 * self.pad

    @property
    def _head_height(self) -> float:
        return self.leading + 2 * self.pad

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._layout(available_width)
        assert self._cells is not None
        self.width = available_width
        self.height = self._head_height + sum(self._row_height(c) for c in self._cells)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._layout(available_width)
        assert self._cells is not None
        used = self._head_height
        count = 0
        for cells in self._cells:
            h = self._row_height(cells)
            if used + h > available_height:
                break
            used += h
            count += 1
        if count == 0 or count == len(self.rows):
            return [] if count == 0 else [self]
        first, rest = self._part(0, count), self._part(count, len(self.rows))
        return [first, rest]

    def _part(self, start: int, end: int) -> Rows:
        part = Rows(self.fonts, self.columns, self.rows[start:end], size=self.size, ink=self.ink,
                    rule=self.rule, head=self.head)
        part._cells, part._width = self._cells[start:end], self._width  # type: ignore[index]
        return part

    def draw(self) -> None:
        assert self._cells is not None
        c = self.canv
        widths = self._widths(self.width)
        y = self.height
        c.setFillColor(self.head)
        c.rect(0, y - self._head_height, self.width, self._head_height, stroke=0, fill=1)
        self._draw_cells(c, [[col.title] for col in self.columns], widths, y, "bold")
        y -= self._head_height
        c.setStrokeColor(self.rule)
        c.setLineWidth(0.4)
        for cells in self._cells:
            self._draw_cells(c, cells, widths, y, None)
            y -= self._row_height(cells)
            c.line(0, y, self.width, y)

    def _draw_cells(self, c: Canvas, cells: list[list[str]], widths: list[float], top: float,
                    style: str | None) -> None:
        c.setFillColor(self.ink)
        x = 0.0
        for lines, col, w in zip(cells, self.columns, widths, strict=True):
            y = top - self.pad - self.size
            for line in lines:
                self.fonts.draw(c, x + self.pad, y, line, style or col.style, self.size)
                y -= self.leading
            x += w
