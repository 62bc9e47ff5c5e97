"""What every printout shares: paper sizes, writing the PDF without leaving half a file, and a
canvas that records where it put each QR code and each other block, so tests (and the layout
itself) can check that nothing is drawn over a code or its quiet zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from workshop.i18n import t
from workshop.outputs import atomic_output
from workshop.printing import qr
from workshop.printing.colours import colour_of
from workshop.printing.fonts import FontSet
from workshop.printing.templates import Template

PAPERS = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594), "A1": (594, 841), "A0": (841, 1189)}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Rect) -> bool:
        return (
            self.x < other.x + other.w
            and other.x < self.x + self.w
            and self.y < other.y + other.h
            and other.y < self.y + self.h
        )

    def inset(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.x + other.w <= self.x + self.w
            and other.y + other.h <= self.y + self.h
        )


@dataclass(frozen=True)
class PlacedCode:
    page: int
    rect: Rect  # the code including its quiet zone, in points
    payload: str
    modules: int  # modules per side including the quiet zone


@dataclass
class PrintResult:
    path: Path
    pages: int = 0
    codes: list[PlacedCode] = field(default_factory=list)
    boxes: list[tuple[int, str, Rect]] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)  # characters no font could draw
    lost: dict[str, set[str]] = field(default_factory=dict)  # text -> its characters not drawn
    numbers: list[int] = field(default_factory=list)  # card numbers printed (or reserved)
    notices: list[str] = field(default_factory=list)
    records: list = field(default_factory=list)  # the maps' print records (paper.record), stored

    def note_fonts(self, fonts: FontSet) -> None:
        """Take over what `fonts` could not draw while this printout was drawn."""
        self.missing |= fonts.missing
        for text, chars in fonts.lost.items():
            self.lost.setdefault(text, set()).update(chars)


def paper_size(name: str, landscape: bool = False) -> tuple[float, float]:
    w, h = PAPERS[name.upper()]
    return (h * mm, w * mm) if landscape else (w * mm, h * mm)


_FILL_OPS: dict[str, str] = {}


def fill(c: Canvas, colour: str) -> None:
    """`c.setFillColor(colour)` for an opaque "#RRGGBB", its operator formatted once: the
    cards set a text colour some 16,000 times a run."""
    op = _FILL_OPS.get(colour)
    if op is None:
        obj = colour_of(colour)
        if getattr(obj, "alpha", 1) != 1:
            c.setFillColor(obj)
            return
        op = _FILL_OPS[colour] = f"{fp_str(obj.red, obj.green, obj.blue)} rg"
    c._code.append(op)  # noqa: SLF001  (what setFillColor appends for an opaque RGB colour)
    c._fillColorObj = colour_of(colour)  # noqa: SLF001


class Sheet:
    """A reportlab canvas with the template's fonts and a record of what went where."""

    def __init__(
        self,
        canvas: Canvas,
        template: Template,
        lang: str,
        result: PrintResult,
        fonts: FontSet | None = None,
    ):
        self.c = canvas
        self.template = template
        self.lang = lang
        self.fonts: FontSet = fonts or template.fonts()
        self.result = result
        self.page = 1
        self.scale = 1.0  # the current drawing scale (maps draw in A4 points, scaled)
        self.recording = True  # off while drawing a form that is placed elsewhere (tiles)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        style: str = "regular",
        size: float = 9,
        colour: str = "#000000",
        anchor: str = "left",
    ) -> float:
        fill(self.c, colour)
        return self.fonts.draw(self.c, x, y, text, style, size, anchor)

    def t(self, key: str, **params: object) -> str:
        return self.template.text(key, self.lang, **params)

    def _on_page(self, rect: Rect) -> Rect:
        s = self.scale
        return Rect(rect.x * s, rect.y * s, rect.w * s, rect.h * s)

    def block(self, kind: str, rect: Rect) -> Rect:
        """Record that `rect` holds something (text, legend, ...)."""
        if self.recording:
            self.result.boxes.append((self.page, kind, self._on_page(rect)))
        return rect

    def qr(self, code: qr.QrCode, x: float, y: float, side: float) -> Rect:
        qr.draw(self.c, code, x, y, side)
        rect = Rect(x, y, side, side)
        if self.recording:
            self.result.codes.append(
                PlacedCode(self.page, self._on_page(rect), code.payload, code.span)
            )
        return rect

    def next_page(self) -> None:
        self.c.showPage()
        self.page += 1


def document_info(hood: dict, printout: str) -> dict[str, str]:
    """`author` (the municipality, else the neighbourhood) and `subject` of a printout's PDF,
    for `render`; `printout` is its name in `workshop print` (cards, map, network...)."""
    lang = hood.get("lang") or "nl"
    author = (
        t("pdf_author", lang, name=hood["municipality"])
        if hood.get("municipality")
        else hood["name"]
    )
    return {"author": author, "subject": t(f"pdf_subject_{printout}", lang, name=hood["name"])}


def render(
    path: Path,
    pagesize: tuple[float, float],
    template: Template,
    lang: str,
    draw: Callable[[Sheet], None],
    *,
    title: str = "",
    result: PrintResult | None = None,
    author: str = "",
    subject: str = "",
) -> PrintResult:
    """Draw a PDF with `draw(sheet)` and move it to `path` only when complete: a failure on the
    way leaves no file behind. The PDF says its title, author (the municipality), subject and
    language, and references no font it does not embed (reportlab's canvas starts every page
    in Helvetica unless told otherwise)."""
    result = result or PrintResult(Path(path))
    result.path = Path(path)
    fonts = template.fonts()
    with atomic_output(Path(path), "wb") as fh:
        canvas = Canvas(
            fh,
            pagesize=pagesize,
            pageCompression=1,
            initialFontName=fonts.name("regular"),
            lang=lang,
        )
        canvas.setTitle(title)
        canvas.setAuthor(author or "workshop")
        canvas.setSubject(subject or title)
        canvas.setCreator("workshop")
        sheet = Sheet(canvas, template, lang, result, fonts)
        draw(sheet)
        result.pages = (
            canvas.getPageNumber() - 1 if _page_is_empty(canvas) else canvas.getPageNumber()
        )
        canvas.save()
        result.note_fonts(sheet.fonts)
    return result


def _page_is_empty(canvas: Canvas) -> bool:
    return not canvas._code  # noqa: SLF001  (after showPage() nothing is drawn yet)
