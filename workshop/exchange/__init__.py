"""Files that carry a neighbourhood out of (and into) the program: Kumu sheets, CSV, JSON,
GeoJSON, GraphML, GEXF, and OpenStreetMap extracts for the map.

`export(store, fmt, target, anonymise=..., delimiter=...)` (in `export.py`) is the one export
both the CLI and the TUI call; its `FORMATS` table is the list of formats. Every export passes
each record through the one redaction (`workshop.file.redaction`, output `export`): person
names and contact details only where consent is `public`, never with `anonymise`, and every
free-text field without the names, phones and mails of the others.

May import the foundation (`workshop.outputs`, `i18n`, `model`, ...), `file/`, `capture/`,
`osm/` and `analysis/`; never `cli/` or `tui/`, and printing not either once the role colours
that `graph.py` still takes from `printing/` live in `model`. Importing this package stays
light: each format's writer loads when that format is used.
"""

from workshop.exchange.export import DELIMITERS, FORMATS, ExportFormat, export, export_text

__all__ = ["DELIMITERS", "FORMATS", "ExportFormat", "export", "export_text"]
