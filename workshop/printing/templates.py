"""Templates: the colours, fonts, logo, texts and card fields of the printouts, in TOML.

`templates/default.toml` holds every key; a municipality's own file only needs the keys it
changes and is laid over the default. In a source checkout the folder is `templates/` at the top
of the repository; in an installed wheel it is `workshop/templates/`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.i18n import UserError
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
            raise UserError("template_file_missing", path=str(path), template=str(self.source))
        return path

    def fonts(self) -> FontSet:
        spec = self.data.get("fonts", {})
        family = spec.get("family", "fira-sans")
        if family not in FAMILIES:
            raise UserError("template_bad", path=str(self.source),
                            detail=f"fonts.family '{family}': choose {', '.join(FAMILIES)}")
        files = dict(FAMILIES[family])
        for style in STYLES:
            if spec.get(style):
                path = (self.folder / spec[style]).resolve()
                if not path.is_file():
                    raise UserError("template_file_missing", path=str(path),
                                    template=str(self.source))
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
            raise UserError("template_bad", path=str(path),
                            detail=f"'{section}' must be a table ([{section}])")
    return Template(_merge(data, over), path.resolve().parent, path)
