"""What a scan says: one line per sheet and per sticker in the file's language, and the same
as JSON for scripts (`workshop scan --json`).

    sticker 17 → Buurthuis De Kuil, 52.0812 N 5.2310 E, vak C4
"""

from __future__ import annotations

from pathlib import Path

from workshop.i18n import t
from workshop.paper import messages  # noqa: F401  (registers the scan's messages)
from workshop.paper.look import StickerSeen
from workshop.paper.scan import Outcome, ScanReport


def position(lonlat: tuple[float, float]) -> str:
    """52.0812 N 5.2310 E (four decimals: about ten metres, well within a sticker's width)."""
    lon, lat = lonlat
    return f"{abs(lat):.4f} {'N' if lat >= 0 else 'S'} {abs(lon):.4f} {'E' if lon >= 0 else 'W'}"


def _name(path: str) -> str:
    return Path(path).name


def _where(seen: StickerSeen, lang: str) -> str:
    if seen.cell is None:
        return t("scan_where_off", lang, photo=_name(seen.photo))
    return t("scan_where", lang, cell=seen.cell, photo=_name(seen.photo))


def outcome_line(o: Outcome, lang: str, last_printed: int) -> str:
    """The line of one sticker (`last_printed`: the highest sticker number the file printed)."""
    seen = o.seen
    name = o.record["name"] if o.record else ""
    if o.status == "placed":
        if seen.lonlat is None:
            line = t("scan_placed_cell_only", lang, number=o.number, name=name, cell=seen.cell)
        else:
            line = t(
                "scan_placed",
                lang,
                number=o.number,
                name=name,
                position=position(seen.lonlat),
                cell=seen.cell,
            )
        before = o.record["cell"] if o.record else None
        return line + (t("scan_was", lang, cell=before) if before and before != seen.cell else "")
    if o.status == "kept":
        assert o.record is not None
        typed = position((o.record["lon"], o.record["lat"]))
        return t("scan_kept", lang, number=o.number, name=name, position=typed)
    if o.status == "no_record":
        return t("scan_no_record", lang, number=o.number, cell=seen.cell)
    if o.status == "unprinted":
        return _unprinted(o.number, lang, last_printed)
    if o.status == "twice":
        assert o.other is not None
        return t(
            "scan_twice",
            lang,
            number=o.number,
            first=_where(seen, lang),
            second=_where(o.other, lang),
        )
    if o.status == "off_map":
        return t("scan_off_map", lang, number=o.number, photo=_name(seen.photo))
    return t("scan_shared", lang, number=o.number, names=", ".join(o.names))


def _unprinted(number: int, lang: str, last: int) -> str:
    if last < 1:
        return t("scan_unprinted_none", lang, number=number)
    return t("scan_unprinted", lang, number=number, last=last)


def report_lines(report: ScanReport, lang: str, *, file: str, total: bool = True) -> list[str]:
    """Per photo its sheets, then per sticker what was done, then (with `total`) the sum and
    how to take it back on the command line."""
    lines = []
    for found in report.findings:
        for sheet in found.sheets:
            on = sum(1 for s in found.stickers if s.record is sheet.record)
            paper = sheet.record.paper + (f" {sheet.record.tile}" if sheet.record.tile else "")
            lines.append(
                t(
                    "scan_sheet_seen",
                    lang,
                    photo=_name(found.photo),
                    sheet=f"P{sheet.record.short}",
                    paper=paper,
                    corners=len(sheet.sheet.corners_seen),
                    stickers=on,
                )
            )
    lines += [outcome_line(o, lang, report.last_printed) for o in report.outcomes]
    lines += card_lines(report, lang)
    if not report.outcomes and any(found.sheets for found in report.findings):
        lines.append(t("scan_none_found", lang))
    counts = {"placed": len(report.placed), "found": len(report.outcomes)}
    if not total:
        return lines
    if report.attached:
        lines.append(t("scan_cards_kept", lang, count=len(report.attached)))
        if not report.outcomes:
            return lines
    if report.dry_run:
        lines.append(t("scan_dry_run", lang, **counts))
    elif report.written:
        lines.append(t("scan_saved", lang, file=file, **counts))
    elif report.placed:
        lines.append(t("scan_unchanged", lang, **counts))
    else:
        lines.append(t("scan_nothing_saved", lang, **counts))
    return lines


def card_lines(report: ScanReport, lang: str) -> list[str]:
    """Per card found: where its handwriting was kept (or, in a dry run, that it was seen)."""
    lines = [a.line(lang) for a in report.attached]
    for found in report.findings:
        for card in found.cards:
            if card.number is None:
                lines.append(_name(found.photo) + ": " + t("card_photo_unread", lang))
            elif report.dry_run:
                lines.append(
                    t("scan_card_seen", lang, number=card.number, photo=_name(found.photo))
                )
    return lines


def report_json(report: ScanReport, lang: str) -> dict:
    """The report for scripts: every sheet and every sticker, with the line a person reads."""
    return {
        "written": report.written,
        "dry_run": report.dry_run,
        "photos": [
            {
                "photo": found.photo,
                "sheets": [
                    {
                        "record": s.record.id,
                        "sheet": f"P{s.record.short}",
                        "code": s.record.code,
                        "kind": s.record.kind,
                        "paper": s.record.paper,
                        "tile": s.record.tile,
                        "corners": list(s.sheet.corners_seen),
                        "corner_error_mm": round(s.sheet.error_mm, 3),
                        "qr_read": s.tagged,
                    }
                    for s in found.sheets
                ],
                "cards": [
                    {"card": c.number, "corners": list(c.corners), "bytes": len(c.image)}
                    for c in found.cards
                ],
            }
            for found in report.findings
        ],
        "stickers": [_sticker_json(o, lang, report.last_printed) for o in report.outcomes],
    }


def _sticker_json(o: Outcome, lang: str, last_printed: int) -> dict:
    seen = o.seen
    lon, lat = seen.lonlat if seen.lonlat else (None, None)
    return {
        "sticker": o.number,
        "status": o.status,
        "table": o.table,
        "id": o.record["id"] if o.record else None,
        "name": o.record["name"] if o.record else None,
        "lat": lat,
        "lon": lon,
        "cell": seen.cell,
        "photo": seen.photo,
        "sheet": f"P{seen.record.short}" if seen.record else None,
        "page_mm": [round(v, 2) for v in seen.page] if seen.page else None,
        "message": outcome_line(o, lang, last_printed),
    }
