"""Flowing documents (the summary) on reportlab's platypus, with the printouts' fonts.

- `NumberedCanvas` holds the pages back until the end, so every page can say "blad 3 van 12",
  and replays the bookmarks (the PDF outline) onto the pages they belong to.
- `para` turns user text into a Paragraph without ever interpreting it as markup: the text is
  escaped, and each run goes in the font that has its characters (FontSet's fallback), in the
  paragraph style's weight. Text that needs shaping (Arabic, Devanagari, emoji, ...) becomes a
  `Lines` flowable instead, wrapped and drawn by FontSet, since platypus draws one glyph per
  character.
- `Rows` is a table of records that splits across pages row by row and draws cells with
  FontSet (wrapped to a few lines, or whole: a row taller than `ROW_LINES` lines goes on in
  the next layout row, so it can continue on the next page; never a missing glyph as a box);
  it stays linear on thousands of rows, where platypus' Table grows quadratic when it splits.
  A cell that reads right to left as a whole is aligned right.
- `wrap=` gives `Lines` and `Rows` another way to break lines (the summary hyphenates), with
  the interface of `FontSet.wrap`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import toColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from workshop.outputs import atomic_output
from workshop.printing.fonts import FontSet, clean
from workshop.printing.shaping import needs_shaping, rtl

Wrap = Callable[[str, str, float, float, int], list[str]]  # text, style, size, width, lines
ROW_LINES = 10  # a cell longer than this goes on in a continuation row, which may start a page


class NumberedCanvas(Canvas):
    """Pages are kept until `save`, then drawn with their footer (which knows the page count)
    and their bookmarks."""

    footer: Callable[[Canvas, int, int], None] = staticmethod(lambda c, page, pages: None)

    def __init__(self, *args, **kwargs):
        if kwargs.get("initialFontName") is None:
            # reportlab would start every page in Helvetica, a font referenced but not embedded
            kwargs["initialFontName"] = FontSet.named().name("regular")
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
    """Paragraph markup for plain user text: escaped, with fallback fonts per run (for text
    that needs no shaping: `para` decides)."""
    primary = fonts.name(style)
    parts = []
    for font, part in fonts.runs(clean(text), style):
        escaped = escape(part)
        parts.append(escaped if font == primary else f'<font face="{font}">{escaped}</font>')
    return "".join(parts)


def para(
    fonts: FontSet,
    text: str,
    style: ParagraphStyle,
    font_style: str = "regular",
    extra: str = "",
    wrap: Wrap | None = None,
) -> Flowable:
    """A paragraph of user text (`extra` is trusted markup appended, such as a line break)."""
    if font_style == "regular":  # a heading's style is bold: so are its fallback runs
        font_style = fonts.style_of(style.fontName)
    if needs_shaping(clean(text)):
        return Lines(fonts, text + ("\n" if "<br" in extra else ""), style, font_style, wrap)
    return Paragraph(markup(fonts, text, font_style) + extra, style)


class Lines(Flowable):
    """A paragraph of shaped user text in a ParagraphStyle's size, leading, colour, indents
    and alignment, split between lines; `bulletText` as a Paragraph has it."""

    def __init__(
        self,
        fonts: FontSet,
        text: str,
        style: ParagraphStyle,
        font_style: str,
        wrap: Wrap | None = None,
    ):
        super().__init__()
        self.fonts, self.text, self.style, self.font_style = fonts, text, style, font_style
        self.wrapper: Wrap = wrap or fonts.wrap
        self.bulletText: str | None = None
        self.lines: list[str] | None = None
        self.width = self.height = 0.0

    def _room(self, available_width: float) -> float:
        return available_width - self.style.leftIndent - self.style.rightIndent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.lines is None or self.width != available_width:
            size = self.style.fontSize
            room = max(self._room(available_width), size)
            self.lines = self.wrapper(self.text, self.font_style, size, room, 100_000)
        self.width = available_width
        self.height = max(len(self.lines), 1) * self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        assert self.lines is not None
        fit = int(available_height // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(self.lines):
            return [self]
        head, tail = copy(self), copy(self)
        head.lines, tail.lines = self.lines[:fit], self.lines[fit:]
        tail.bulletText = None
        for part in (head, tail):  # a part keeps its lines at this width
            part.width = available_width
        return [head, tail]

    def draw(self) -> None:
        c, st = self.canv, self.style
        c.setFillColor(st.textColor)
        size, y = st.fontSize, self.height - st.fontSize
        room = self._room(self.width)
        if self.bulletText:
            self.fonts.draw(c, st.bulletIndent, y, self.bulletText, "regular", size)
        for line in self.lines or []:
            width = self.fonts.width(line, self.font_style, size)
            x = st.leftIndent
            if st.alignment == TA_CENTER:
                x += (room - width) / 2
            elif st.alignment == TA_RIGHT or (st.alignment == TA_LEFT and rtl(line)):
                x += room - width
            self.fonts.draw(c, x, y, line, self.font_style, size)
            y -= st.leading


@dataclass
class Column:
    title: str
    weight: float  # share of the table's width
    lines: int = 2  # at most this many lines per cell, more is cut with an ellipsis; 0: all
    style: str = "regular"


class Rows(Flowable):
    """A table of plain-text rows with a repeated header, split between rows.

    The cells are wrapped once for the whole table; the parts a split makes share that layout
    and its running sum of row heights, so a table of 20,000 rows costs one pass, not one per
    page."""

    def __init__(
        self,
        fonts: FontSet,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        size: float = 8,
        ink: str = "#1d2125",
        rule: str = "#b9c0c8",
        head: str = "#f6f4f0",
        wrap: Wrap | None = None,
    ):
        super().__init__()
        self.fonts, self.columns, self.rows = fonts, list(columns), list(rows)
        self.wrapper: Wrap = wrap or fonts.wrap
        self.size = size
        self.ink, self.rule, self.head = toColor(ink), toColor(rule), toColor(head)
        self.leading = size * 1.25
        self.pad = size * 0.35
        self.start, self.end = 0, len(self.rows)
        self._layout: _Layout | None = None

    def _widths(self, width: float) -> list[float]:
        total = sum(c.weight for c in self.columns)
        return [width * c.weight / total for c in self.columns]

    def _ensure(self, width: float) -> _Layout:
        if self._layout is None or self._layout.width != width:
            widths = self._widths(width)
            cells: list[list[list[str]]] = []
            joined: list[bool] = []  # this layout row goes on in the next (one record)
            for row in self.rows:
                wrapped = [
                    self._lines(value, col, w - 2 * self.pad)
                    for value, col, w in zip(row, self.columns, widths, strict=True)
                ]
                tall = max(len(c) for c in wrapped)
                for start in range(0, tall, ROW_LINES):
                    cells.append([c[start : start + ROW_LINES] for c in wrapped])
                    joined.append(start + ROW_LINES < tall)
            # a record's padding goes above its first and below its last layout row only
            heights = [
                max(len(c) for c in row) * self.leading
                + (0 if i and joined[i - 1] else self.pad)
                + (0 if joined[i] else self.pad)
                for i, row in enumerate(cells)
            ]
            if self.start == 0 and self.end == len(self.rows):
                self.end = len(cells)  # the whole table: its rows are the layout's rows
            self._layout = _Layout(
                width, widths, cells, list(accumulate(heights, initial=0.0)), joined
            )
        return self._layout

    def _lines(self, value: str | None, col: Column, width: float) -> list[str]:
        text = clean(value or "")
        if "\n" not in text and self.fonts.width(text, col.style, self.size) <= width:
            return [text]  # most cells: one measurement instead of one per word
        return self.wrapper(text, col.style, self.size, width, col.lines) or [""]

    @property
    def _head_height(self) -> float:
        return self.leading + 2 * self.pad

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        lay = self._ensure(available_width)
        self.width = available_width
        self.height = self._head_height + lay.prefix[self.end] - lay.prefix[self.start]
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lay = self._ensure(available_width)
        room = available_height - self._head_height + lay.prefix[self.start]
        # the last row that still ends within the room
        last = bisect_right(lay.prefix, room, self.start, self.end + 1) - 1
        count = last - self.start
        if count <= 0:
            return []
        if self.start + count >= self.end:
            return [self]
        return [
            self._part(self.start, self.start + count),
            self._part(self.start + count, self.end),
        ]

    def _part(self, start: int, end: int) -> Rows:
        part = copy(self)
        # platypus keeps its own notes on a flowable (`_postponed`, `_frame`, ...): a part is a
        # new flowable and must not inherit them
        for key in [k for k in vars(part) if k not in _OWN]:
            delattr(part, key)
        part.start, part.end = start, end
        return part

    def draw(self) -> None:
        lay = self._layout
        assert lay is not None
        c = self.canv
        y = self.height
        c.setFillColor(self.head)
        c.rect(0, y - self._head_height, self.width, self._head_height, stroke=0, fill=1)
        self._draw_cells(c, [[col.title] for col in self.columns], lay.widths, y, "bold")
        y -= self._head_height
        c.setStrokeColor(self.rule)
        c.setLineWidth(0.4)
        for index in range(self.start, self.end):
            pad = 0 if index and lay.joined[index - 1] else self.pad
            self._draw_cells(c, lay.cells[index], lay.widths, y, None, pad)
            y -= lay.prefix[index + 1] - lay.prefix[index]
            if not lay.joined[index] or index == self.end - 1:
                c.line(0, y, self.width, y)

    def _draw_cells(
        self,
        c: Canvas,
        cells: list[list[str]],
        widths: list[float],
        top: float,
        style: str | None,
        pad: float | None = None,
    ) -> None:
        c.setFillColor(self.ink)
        x = 0.0
        for lines, col, w in zip(cells, self.columns, widths, strict=True):
            y = top - (self.pad if pad is None else pad) - self.size
            font_style = style or col.style
            right = rtl(" ".join(lines))  # a cell right to left as a whole aligns right
            for line in lines:
                if line:
                    at = x + self.pad
                    if right:
                        at = x + w - self.pad - self.fonts.width(line, font_style, self.size)
                    self.fonts.draw(c, at, y, line, font_style, self.size)
                y -= self.leading
            x += w


_OWN = {
    "fonts",
    "columns",
    "rows",
    "size",
    "ink",
    "rule",
    "head",
    "leading",
    "pad",
    "wrapper",
    "start",
    "end",
    "_layout",
    "width",
    "height",
}


@dataclass
class _Layout:
    width: float
    widths: list[float]
    cells: list[list[list[str]]]
    prefix: list[float]  # prefix[i] = height of rows before row i
    joined: list[bool]  # row i is the same record as row i + 1 (a tall record goes on)


def write_document(
    path: Path,
    story: list[Flowable],
    *,
    pagesize: tuple[float, float],
    margin: float,
    footer: Callable[[Canvas, int, int], None],
    padding: float = 6,
    top_padding: float | None = None,
    **info: str,
) -> int:
    """Lay `story` out on pages of one frame inside `margin`, with `footer(canvas, page,
    pages)` on each page, and write it to `path` whole or not at all; returns the page count.
    `info`: the PDF's title, author, subject, keywords and lang."""
    width, height = pagesize
    canvas_class = type("DocumentCanvas", (NumberedCanvas,), {"footer": staticmethod(footer)})
    with atomic_output(Path(path), "wb") as fh:
        doc = BaseDocTemplate(
            fh,
            pagesize=pagesize,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            creator="workshop",
            **info,
        )
        frame = Frame(
            margin,
            margin,
            width - 2 * margin,
            height - 2 * margin,
            id="body",
            leftPadding=padding,
            rightPadding=padding,
            topPadding=padding if top_padding is None else top_padding,
            bottomPadding=padding,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(story, canvasmaker=canvas_class)
        return doc.page
