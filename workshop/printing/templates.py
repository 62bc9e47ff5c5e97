"""Templates: the colours, fonts, logo, texts and card fields of the printouts, in TOML.

`templates/default.toml` holds every key; a municipality's own file only needs the keys it
changes and is laid over the default. In a source checkout the folder is `templates/` at the top
of the repository; in an installed wheel it is `workshop/templates/`.
"""

from __future__ import annotations

import difflib
import math
import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.i18n import Phrase, UserError
from workshop.printing.fonts import FAMILIES, STYLES, FontSet

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def templates_dir() -> Path:
    """The folder of the bundled templates, in an installed wheel or a source checkout."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "default.toml").is_file():
            return candidate
    raise FileNotFoundError("workshop's templates folder (default.toml) is missing")


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise UserError("template_missing", path=str(path)) from None
    except OSError as exc:
        raise UserError("template_bad", path=str(path), detail=exc.strerror or str(exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError("template_bad", path=str(path), detail=str(exc)) from None


@dataclass
class Template:
    data: dict[str, Any]
    folder: Path  # paths in the template are relative to it
    source: Path

    # --- reading values --------------------------------------------------------------------

    def colour(self, section: str, key: str, default: str = "#000000") -> str:
        table = self.data.get(section, {})
        value = table.get(key) if isinstance(table, dict) else None
        return value if isinstance(value, str) and _COLOUR.match(value) else default

    def map_colour(self, key: str) -> str:
        return self.colour("map", key, "#888888")

    def width(self, key: str) -> float:
        value = self.data.get("map", {}).get("widths", {}).get(key, 0.3)
        return float(value) if isinstance(value, (int, float)) else 0.3

    def text(self, key: str, lang: str, **params: Any) -> str:
        texts = self.data.get("texts", {})
        value = texts.get(lang, {}).get(key) or texts.get("en", {}).get(key) or key
        try:
            return str(value).format(**params)
        except (KeyError, IndexError, ValueError):
            return str(value)  # a template's text with a placeholder we do not know

    @property
    def card_fields(self) -> list[str]:
        fields = self.data.get("cards", {}).get("fields", [])
        return [f for f in fields if isinstance(f, str)]

    @property
    def initiative_contact(self) -> bool:
        return bool(self.data.get("cards", {}).get("initiative_contact", True))

    def logo(self) -> Path | None:
        value = self.data.get("logo", {}).get("path") or ""
        if not value:
            return None
        path = (self.folder / value).resolve()
        if not path.is_file():
            raise UserError(
                "template_file_missing",
                path=str(path),
                template=str(self.source),
                setting="logo.path",
            )
        return path

    def fonts(self) -> FontSet:
        spec = self.data.get("fonts", {})
        family = spec.get("family", "fira-sans")
        if family not in FAMILIES:
            raise UserError(
                "template_bad",
                path=str(self.source),
                detail=Phrase("tpl_family", family=family, choices=", ".join(FAMILIES)),
            )
        files = dict(FAMILIES[family])
        for style in STYLES:
            if spec.get(style):
                path = (self.folder / spec[style]).resolve()
                if not path.is_file():
                    raise UserError(
                        "template_file_missing",
                        path=str(path),
                        template=str(self.source),
                        setting=f"fonts.{style}",
                    )
                files[style] = path
        return FontSet(files)


def load(path: str | Path | None = None) -> Template:
    """The default template, with the file at `path` (if any) laid over it."""
    folder = templates_dir()
    default = folder / "default.toml"
    data = _read(default)
    if path is None:
        return Template(data, folder, default)
    path = Path(path)
    over = _read(path)
    for section, value in over.items():
        if section in data and isinstance(data[section], dict) and not isinstance(value, dict):
            raise UserError(
                "template_bad", path=str(path), detail=Phrase("tpl_section_table", section=section)
            )
    merged = _merge(data, over)
    folder = path.resolve().parent
    validate(merged, data, path, folder)
    return Template(merged, folder, path)


# --- checking a template before anything is drawn with it -----------------------------------

MAX_WIDTH_MM = 10.0  # a line of a base map; wider would cover the map
MAX_TEXT = 400  # characters of one text of a template
MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 4096 * 4096
_LOGO_KINDS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def validate(data: dict, default: dict, source: Path, folder: Path) -> None:
    """Refuse, in one line naming the key, what would break or hang the drawing: a value of
    another type than the default's, a colour that is not #RRGGBB, a line width that is not a
    finite number of millimetres, a text with placeholders other than {name}, a logo that is
    not a PNG or JPEG of a sensible size."""

    def bad(key: str, detail: Phrase) -> UserError:
        return UserError(
            "template_bad", path=str(source), detail=Phrase("tpl_keyed", name=key, detail=detail)
        )

    _check_known("", data, default, bad)
    for section, table in default.items():
        if not isinstance(table, dict):
            continue
        mine = data.get(section, {})
        if not isinstance(mine, dict):
            raise bad(section, Phrase("tpl_table", name=section))
        _check_table(section, mine, table, bad)
    _check_logo(data.get("logo", {}).get("path") or "", folder, bad, source)
    for style in STYLES:
        _check_file(f"fonts.{style}", data.get("fonts", {}).get(style) or "", folder, source)


# Keys a template may have that the default does not spell out (it shows them as comments).
OPTIONAL_KEYS = {f"fonts.{style}" for style in STYLES}


def _check_known(prefix: str, mine: dict, default: dict, bad) -> None:
    """A key the default does not have is a misspelling that would be ignored: refused, with
    the nearest key it may have meant."""
    for key, value in mine.items():
        name = f"{prefix}{key}"
        if key not in default and name not in OPTIONAL_KEYS:
            known = [k for k in default] + [
                o.rpartition(".")[2] for o in OPTIONAL_KEYS if o.startswith(prefix) and prefix
            ]
            near = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            raise bad(
                name,
                Phrase("tpl_unknown_near", near=f"{prefix}{near[0]}")
                if near
                else Phrase("tpl_unknown", choices=", ".join(sorted(known))),
            )
        if isinstance(value, dict) and isinstance(default.get(key), dict):
            _check_known(f"{name}.", value, default[key], bad)


def _check_file(key: str, value: object, folder: Path, source: Path) -> None:
    """A file a template names (logo, fonts) must be there before anything is drawn."""
    if not value or not isinstance(value, str):
        return
    path = (folder / value).resolve()
    if not path.is_file():
        raise UserError("template_file_missing", path=str(path), template=str(source), setting=key)


def _check_table(prefix: str, mine: dict, default: dict, bad) -> None:
    for key, value in mine.items():
        name = f"{prefix}.{key}"
        model = default.get(key)
        if isinstance(model, dict):
            if not isinstance(value, dict):
                raise bad(name, Phrase("tpl_table", name=name))
            _check_table(name, value, model, bad)
        elif prefix.startswith("texts."):
            _check_text(name, value, bad)
        elif prefix == "fonts":  # the family, or paths to TrueType files: text either way
            if not isinstance(value, str):
                raise bad(name, Phrase("tpl_font_text"))
        elif prefix == "map.widths":
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not math.isfinite(value)
                or not 0 < value <= MAX_WIDTH_MM
            ):
                raise bad(name, Phrase("tpl_width", value=value, limit=f"{MAX_WIDTH_MM:g}"))
        elif (
            isinstance(model, str)
            and _COLOUR.match(model)
            or (model is None and prefix in ("colours", "themes", "place_kinds", "map"))
        ):
            if not isinstance(value, str) or not _COLOUR.match(value):
                raise bad(name, Phrase("tpl_colour", value=str(value)[:40]))
        elif isinstance(model, bool):
            if not isinstance(value, bool):
                raise bad(name, Phrase("tpl_bool"))
        elif isinstance(model, list):
            known = set(model)
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v in known for v in value
            ):
                raise bad(name, Phrase("tpl_list", choices=", ".join(model)))
        elif isinstance(model, str) and not isinstance(value, str):
            raise bad(name, Phrase("tpl_text"))


def _check_text(name: str, value: object, bad) -> None:
    if not isinstance(value, str):
        raise bad(name, Phrase("tpl_text"))
    if len(value) > MAX_TEXT:
        raise bad(name, Phrase("tpl_too_long", limit=MAX_TEXT))
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as exc:
        raise bad(name, Phrase("tpl_braces", error=exc)) from None
    for _, field_name, spec, conversion in parts:
        if field_name is None:
            continue
        if not field_name.isidentifier() or spec or conversion:
            placeholder = field_name + (":" + spec if spec else "")
            raise bad(name, Phrase("tpl_placeholder", placeholder=placeholder))


def _check_logo(value: object, folder: Path, bad, source: Path) -> None:
    if not value:
        return
    if not isinstance(value, str):
        raise bad("logo.path", Phrase("tpl_file_name"))
    _check_file("logo.path", value, folder, source)
    path = (folder / value).resolve()
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return  # said by Template.logo(), with the template's name
    kind = next((k for magic, k in _LOGO_KINDS.items() if head.startswith(magic)), None)
    if kind is None:
        raise bad("logo.path", Phrase("tpl_logo_kind", file=path.name))
    if size > MAX_LOGO_BYTES:
        raise bad("logo.path", Phrase("tpl_logo_large", file=path.name, limit=MAX_LOGO_BYTES >> 20))
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height = image.size
            image.verify()
    except (
        OSError,
        UnidentifiedImageError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise bad(
            "logo.path", Phrase("tpl_logo_unreadable", file=path.name, kind=kind, error=exc)
        ) from None
    if width * height > MAX_LOGO_PIXELS or not width or not height:
        raise bad(
            "logo.path",
            Phrase(
                "tpl_logo_pixels",
                file=path.name,
                width=width,
                height=height,
                side=int(MAX_LOGO_PIXELS**0.5),
            ),
        )
