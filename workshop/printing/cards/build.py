"""Initiative cards (A6, four to an A4 with cut lines, or one per page) and numbered blank cards.

A card is drawn from a plain `CardData` record and the template; `card_records` makes those
records from the file, through the one redaction for paper (`workshop.file.redaction`, output
`print`): persons below print consent as pseudonyms without contact details, and no free text
(what, needs, offers, even the initiative's name) that names them or carries their number.
Blank cards take their numbers from the file's counter inside one write transaction, committed
only once the PDF is in place, so two print runs never share a number and a failed run burns
none.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm

from workshop import model
from workshop.capture import grammar
from workshop.capture.grammar import card_reference
from workshop.file import redaction
from workshop.file.store import Store
from workshop.i18n import UserError, t
from workshop.printing import numbering, qr
from workshop.printing.cards.data import CardData, Person
from workshop.printing.cards.marks import MARK_ROOM, draw_card_marks
from workshop.printing.cards.parts import draw_blank_body, draw_filled_body, ink_on
from workshop.printing.colours import colour_of
from workshop.printing.sheet import PrintResult, Rect, Sheet, document_info, render
from workshop.printing.templates import Template

CARD_W, CARD_H = 105 * mm, 148 * mm  # A6
A4 = (210 * mm, 297 * mm)
MARGIN = 7 * mm
QR_SIDE = 26 * mm
BLANK_QR_SIDE = 22 * mm  # "kaart N" is a version 1 or 2 code: modules of 0.67 mm or more
QR_MAX_VERSION = 6  # keeps modules at 0.5 mm or more in QR_SIDE, readable from a crumpled card
MAX_BLANK = 2000
FOOTER_SIZE = 8


def website_url(text: str) -> str:
    text = text.strip()
    return text if "://" in text or text.startswith("mailto:") else f"https://{text}"


def base_url_for(base_url: str, number: int) -> str:
    base = base_url.strip()
    return f"{base}{number}" if base.endswith(("/", "=", "#")) else f"{base}/{number}"


def website_for_card(website: str, number: int, lang: str) -> str | None:
    """The website with the card's reference as its fragment (`…#kaart-12`): a phone opens the
    site (a browser ignores a fragment it has no anchor for), and the capture line, which takes
    a web address ending in a card number, finds the card. None for an address that cannot
    carry it (not http(s), or a fragment of its own)."""
    url = website_url(website)
    if (
        not url.lower().startswith(("http://", "https://"))
        or "#" in url
        or any(ch.isspace() for ch in url)
    ):
        return None
    return f"{url}#{card_reference(number, lang).replace(' ', '-')}"


def payload_options(
    website: str | None, base_url: str | None, number: int | None, lang: str
) -> list[str]:
    """What a card's QR code may carry, best first: the initiative's website, the
    neighbourhood's base URL with the card number, the card reference the capture line takes.
    Each one, typed into the capture line by a scanner, finds the card."""
    options = []
    if number is None:  # no card number: nothing to find it by but the website itself
        return [website_url(website)] if website and website.strip() else []
    if website and website.strip():
        url = website_for_card(website, number, lang)
        if url is not None:
            options.append(url)
    if base_url and base_url.strip():
        options.append(base_url_for(website_url(base_url), number))
    options.append(card_reference(number, lang))
    return [payload for payload in options if finds_card(payload, number)]


def finds_card(payload: str, number: int) -> bool:
    """Whether the capture line, given `payload` as a scanner types it, looks up card `number`."""
    try:
        capture = grammar.parse(payload)
    except UserError:
        return False
    return capture.kind == "card" and capture.fields.get("card_number") == number


def choose_code(options: list[str]) -> qr.QrCode | None:
    for payload in options:
        code = qr.encode(payload, ("Q", "M"), QR_MAX_VERSION)
        if code is not None:
            return code
    return None


def card_records(store: Store, numbers: set[int] | None = None) -> list[CardData]:
    """The initiatives as cards, by card number, as paper may show them."""
    lang = store.lang
    scrub = redaction.for_output(store, "print")
    places = {p["id"]: scrub.record("place", p) for p in store.rows("place")}
    actors = {a["id"]: a for a in store.rows("actor")}
    links: dict[str, list[dict]] = {}
    for link in store.rows("actor_initiative", order="kind, created"):
        links.setdefault(link["initiative_id"], []).append(link)
    cards = []
    for stored in numbering.ordered_initiatives(store.rows("initiative")):
        if numbers is not None and numbering.initiative_number(stored) not in numbers:
            continue
        row = scrub.record("initiative", stored)
        place = places.get(row["place_id"] or "")
        people = []
        for link in links.get(row["id"], []):
            actor = actors.get(link["actor_id"])
            if actor is None:
                continue
            shown = scrub.record("actor", actor)
            contact = " · ".join(v for v in (shown.get("tel"), shown.get("mail")) if v)
            # a pseudonym already is the role ("Bewoner FA31")
            role = (
                model.ROLES.label(actor["role"], lang)
                if actor.get("role") and shown["name"] == actor["name"]
                else ""
            )
            people.append(Person(shown["name"], role, contact))
        cards.append(
            CardData(
                number=numbering.initiative_number(row),
                name=row["name"],
                theme=row["theme"],
                status=row["status"],
                what=row["description"] or "",
                needs=row["needs"] or "",
                offers=row["offers"] or "",
                place=place["name"] if place else "",
                cell=row["cell"] or (place["cell"] if place and place["cell"] else ""),
                people=people,
                contact=scrub.text(" · ".join(v for v in (row["tel"], row["mail"]) if v)),
                website=row["website"] or "",
            )
        )
    return cards


# --- drawing -------------------------------------------------------------------------------


def _slots(layout: str) -> tuple[tuple[float, float], list[tuple[float, float]]]:
    """Page size and the lower-left corners of the card slots on a page."""
    if layout == "single":
        return (CARD_W, CARD_H), [(0, 0)]
    w, h = A4
    return A4, [(0, h - CARD_H), (CARD_W, h - CARD_H), (0, 0), (CARD_W, 0)]


def _cut_lines(sheet: Sheet) -> None:
    c = sheet.c
    w, h = A4
    c.saveState()
    c.setStrokeColor("#9aa1a9")
    c.setLineWidth(0.4)
    c.setDash(2, 2)
    # along the gutters between the cards' margins, where scissors go
    c.line(CARD_W, 4.5 * mm, CARD_W, h - 4.5 * mm)
    c.line(4.5 * mm, CARD_H + (h - 2 * CARD_H) / 2, w - 4.5 * mm, CARD_H + (h - 2 * CARD_H) / 2)
    c.restoreState()


def _header(
    sheet: Sheet,
    x: float,
    y: float,
    number: int | None,
    colour: str,
    right_top: str,
    right_bottom: str,
) -> float:
    """The coloured band at the top of a card; returns the y below it."""
    c = sheet.c
    band = Rect(
        x + MARGIN + MARK_ROOM,
        y + CARD_H - MARGIN - 15 * mm,
        CARD_W - 2 * (MARGIN + MARK_ROOM),
        15 * mm,
    )
    c.setFillColor(colour_of(colour))
    c.roundRect(band.x, band.y, band.w, band.h, 2.2 * mm, stroke=0, fill=1)
    ink = ink_on(colour)
    label = sheet.t("card")
    sheet.text(band.x + 3.5 * mm, band.y + band.h - 5.2 * mm, label.upper(), "bold", 8, ink)
    shown = str(number) if number is not None else "–"
    sheet.text(band.x + 3.5 * mm, band.y + 2.6 * mm, shown, "bold", 22, ink)
    logo = sheet.template.logo()
    right = band.x + band.w - 3.5 * mm
    if logo is not None:
        size = band.h - 4 * mm
        c.drawImage(
            str(logo),
            right - size,
            band.y + 2 * mm,
            size,
            size,
            mask="auto",
            preserveAspectRatio=True,
            anchor="e",
        )
        right -= size + 2.5 * mm
    fonts = sheet.fonts
    # beside the number and the label, whichever is wider (the corner markers took 2 x 7 mm of the band)
    taken = max(fonts.width(shown, "bold", 22), fonts.width(label.upper(), "bold", 8))
    width = right - (band.x + 3.5 * mm + taken + 4 * mm)
    sheet.text(
        right,
        band.y + band.h - 6 * mm,
        fonts.fit(right_top, "bold", 10, width),
        "bold",
        10,
        ink,
        "right",
    )
    sheet.text(
        right,
        band.y + 3.2 * mm,
        fonts.fit(right_bottom, "regular", 8, width),
        "regular",
        8,
        ink,
        "right",
    )
    sheet.block("card-header", band)
    return band.y


def _footer(
    sheet: Sheet,
    x: float,
    y: float,
    code: qr.QrCode | None,
    lines: list[tuple[str, str]],
    side: float = QR_SIDE,
) -> float:
    """The QR code at the bottom right and small text beside it, each line as (text, suffix):
    the suffix (the card reference) is drawn as a text of its own, so a neighbourhood name that
    loses a character is reported once for the batch, not once per card. Returns the top of
    the area."""
    left = x + MARGIN + MARK_ROOM  # beside the bottom-left corner marker
    right = x + CARD_W - MARGIN
    bottom = y + MARGIN
    # The QR code stands above the bottom-right corner marker, and the (at most two) lines of
    # text run under it, up to that marker.
    lift = max(MARK_ROOM + 1 * mm, 1.5 * mm + 2 * FOOTER_SIZE * 0.42 * mm + 0.2 * mm)
    text_right = right - MARK_ROOM
    if code is not None:
        sheet.qr(code, right - side, bottom + lift, side)
    fonts = sheet.fonts
    width = text_right - left
    muted = sheet.template.colour("colours", "muted")
    ty = bottom + 1.5 * mm
    for text, suffix in reversed(lines):
        tail = fonts.width(suffix, "regular", FOOTER_SIZE) if suffix else 0.0
        head = fonts.fit(text, "regular", FOOTER_SIZE, max(width - tail, width / 3))
        drawn = sheet.text(left, ty, head, "regular", FOOTER_SIZE, muted)
        if suffix:
            sheet.text(left + drawn, ty, suffix, "regular", FOOTER_SIZE, muted)
        ty += FOOTER_SIZE * 0.42 * mm
    sheet.block("card-footer", Rect(left, bottom, width, ty - bottom))
    return bottom + lift + side + 2.5 * mm


def _draw_card(
    sheet: Sheet, x: float, y: float, card: CardData, code: qr.QrCode | None, neighbourhood: str
) -> None:
    lang = sheet.lang
    colour = sheet.template.colour(
        "themes", card.theme or "other", sheet.template.colour("colours", "accent")
    )
    theme = model.THEMES.label(card.theme, lang) if card.theme else sheet.t("initiative")
    status = model.STATUSES.label(card.status, lang) if card.status else ""
    theme, status = theme[:1].upper() + theme[1:], status[:1].upper() + status[1:]
    top = _header(sheet, x, y, card.number, colour, theme, status)
    reference = f" · {card_reference(card.number, lang)}" if card.number is not None else ""
    footer = [(sheet.t("footer", neighbourhood=neighbourhood), reference)]
    if card.website and sheet.template.initiative_contact:
        footer.append((card.website.strip(), ""))
    floor = _footer(sheet, x, y, code, footer)
    draw_filled_body(
        sheet, Rect(x + MARGIN, floor, CARD_W - 2 * MARGIN, top - floor - 2 * mm), card, colour
    )
    draw_card_marks(sheet, x, y, card.number)


def _draw_blank(
    sheet: Sheet,
    x: float,
    y: float,
    number: int,
    code: qr.QrCode | None,
    neighbourhood: str,
    last_cell: str,
) -> None:
    colour = sheet.template.colour("colours", "accent")
    top = _header(sheet, x, y, number, colour, sheet.t("initiative"), sheet.t("blank_hint"))
    floor = _footer(
        sheet,
        x,
        y,
        code,
        [
            (
                sheet.t("footer", neighbourhood=neighbourhood),
                f" · {card_reference(number, sheet.lang)}",
            )
        ],
        BLANK_QR_SIDE,
    )
    # The ruled fields and tick boxes are the same on every blank card: drawn once into a form
    # (a PDF XObject) at the card's origin, then placed on each card.
    c = sheet.c
    form = "workshop-blank-body"
    if form not in _BLANK_FORMS.setdefault(id(c), {}):
        recording, sheet.recording = sheet.recording, False
        c.beginForm(form)
        _BLANK_FORMS[id(c)][form] = draw_blank_body(
            sheet,
            Rect(MARGIN, floor - y - 1.5 * mm, CARD_W - 2 * MARGIN, top - floor - 1 * mm),
            MARGIN,
            BLANK_QR_SIDE,
            last_cell,
        )
        c.endForm()
        sheet.recording = recording
    c.saveState()
    c.translate(x, y)
    c.doForm(form)
    c.restoreState()
    for kind, rect in _BLANK_FORMS[id(c)][form]:
        sheet.block(kind, Rect(rect.x + x, rect.y + y, rect.w, rect.h))
    draw_card_marks(sheet, x, y, number)


_BLANK_FORMS: dict[int, dict[str, list[tuple[str, Rect]]]] = {}  # per canvas: what each form holds


def _with_forms(sheet: Sheet, draw) -> None:
    try:
        draw(sheet)
    finally:
        _BLANK_FORMS.pop(id(sheet.c), None)


def _paginate(sheet: Sheet, layout: str, items: list, draw_one) -> None:
    _, slots = _slots(layout)
    for index, item in enumerate(items):
        slot = index % len(slots)
        if slot == 0 and index:
            sheet.next_page()
        if slot == 0 and layout != "single":
            _cut_lines(sheet)
        draw_one(*slots[slot], item)


def print_cards(
    store: Store,
    path: Path,
    template: Template,
    *,
    layout: str = "4up",
    numbers: set[int] | None = None,
) -> PrintResult:
    cards = card_records(store, numbers)
    if not cards:
        raise UserError("no_initiatives")
    n = store.neighbourhood()
    lang = store.lang
    result = PrintResult(Path(path))
    codes = []
    for card in cards:
        options = payload_options(card.website, n["base_url"], card.number, lang)
        code = choose_code(options)
        if code is not None and card.website.strip() and card.number is not None:
            wanted = website_for_card(card.website, card.number, lang)
            if wanted is None or wanted != code.payload:
                key = "print_qr_fallback" if wanted else "print_qr_site_unusable"
                result.notices.append(t(key, lang, number=card.number, payload=code.payload))
        codes.append(code)
        if card.number is not None:
            result.numbers.append(card.number)

    def draw(sheet: Sheet) -> None:
        _paginate(
            sheet,
            layout,
            list(zip(cards, codes, strict=True)),
            lambda x, y, item: _draw_card(sheet, x, y, item[0], item[1], n["name"]),
        )

    return render(
        path,
        _slots(layout)[0],
        template,
        lang,
        draw,
        title=f"{n['name']} – {template.text('initiative', lang)}",
        result=result,
        **document_info(n, "cards"),
    )


def print_blank_cards(
    store: Store, path: Path, template: Template, *, count: int, layout: str = "4up"
) -> PrintResult:
    """`count` blank cards numbered on from the highest number in the file; the numbers are
    reserved in the same transaction that decides them, committed after the PDF is written."""
    if not 1 <= count <= MAX_BLANK:
        raise UserError("bad_count", count=count, limit=MAX_BLANK)
    n = store.neighbourhood()
    lang = store.lang
    written: Path | None = None
    try:
        with store.write() as w:
            row = store.conn.execute(
                "SELECT next_card, (SELECT max(card_number) FROM initiative) FROM neighbourhood"
            ).fetchone()
            first = max(row[0], (row[1] or 0) + 1)
            numbers = list(range(first, first + count))
            codes = [qr.encode(card_reference(number, lang), ("Q", "M")) for number in numbers]
            result = PrintResult(Path(path), numbers=numbers)

            def draw(sheet: Sheet) -> None:
                _paginate(
                    sheet,
                    layout,
                    list(zip(numbers, codes, strict=True)),
                    lambda x, y, item: _draw_blank(
                        sheet, x, y, item[0], item[1], n["name"], store.grid.last_cell
                    ),
                )

            render(
                path,
                _slots(layout)[0],
                template,
                lang,
                lambda sheet: _with_forms(sheet, draw),
                title=f"{n['name']} – {template.text('initiative', lang)}",
                result=result,
                **document_info(n, "blank-cards"),
            )
            written = Path(path)
            w.update("neighbourhood", n["id"], {"next_card": first + count})
    except BaseException:
        if written is not None:  # the reservation did not commit: the PDF must not stay
            written.unlink(missing_ok=True)
        raise
    return result
