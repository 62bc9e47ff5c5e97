"""The cards as the residents wrote them, at the end of the appendix: only with
`workshop print summary --card-photos`, never by default. A card photo is a resident's
handwriting (names, phone numbers that no redaction can read): the facilitator asks for it, and
the summary is then recorded as an internal printout."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from workshop.file.store import Store
from workshop.i18n import t
from workshop.paper import cardstore
from workshop.printing.fonts import FontSet
from workshop.printing.summary.data import SummaryData
from workshop.printing.summary.parts import Parts
from workshop.printing.templates import Template

PHOTO_HEIGHT = 110 * mm  # two cards a page, each readable as a card in the hand


def card_pages(
    store: Store, data: SummaryData, template: Template, fonts: FontSet, width: float
) -> list[Flowable]:
    """A heading and, per initiative whose card was photographed, its caption and photo."""
    parts = Parts(data, template, fonts, width)
    lang = data.lang
    shown = []
    for initiative in data.initiatives:
        photo = cardstore.photo_of(store, initiative)
        if photo is not None and initiative.get("card_number"):
            shown.append((initiative, photo))
    if not shown:
        return []
    out: list[Flowable] = parts.heading("app-card-photos", t("card_photo", lang).capitalize(), 1)
    for initiative, photo in shown:
        height = min(PHOTO_HEIGHT, width * photo["height"] / photo["width"])
        picture = Image(
            io.BytesIO(photo["image"]),
            width=height * photo["width"] / photo["height"],
            height=height,
        )
        caption = t("card_photo_caption", lang, number=initiative["card_number"])
        out.append(
            KeepTogether(
                [
                    parts.p(f"{caption} · {initiative['name']}", "body", "bold"),
                    picture,
                    Spacer(1, 4 * mm),
                ]
            )
        )
    return out
