"""Files that carry a neighbourhood out of (and into) the program: Kumu sheets, CSV, xlsx, JSON,
GeoJSON, GraphML, GEXF, and OpenStreetMap extracts for the map.

`export(store, fmt, target, anonymise=..., delimiter=...)` (in `export.py`) is the one export
both the CLI and the TUI call; its `FORMATS` table is the list of formats. Every export passes
each record through the one redaction (`workshop.file.redaction`, output `export`): person
names and contact details only where consent is `public`, never with `anonymise`, and every
free-text field without the names, phones and mails of the others.

    export       the one export(): its FORMATS table, file names, the delimiter choice
    tables       the whole file as CSV (one file per table) or one JSON document
    geojson      places and initiatives as GeoJSON points
    graph        the actor network as GraphML and GEXF
    kumu         Kumu's spreadsheet layout, both ways
    kumu_import  reading Kumu's sheets into a file (merging, refusing what cannot be right)
    kumu_kinds   what a Kumu element is in the file, by its Type
    kumu_keys    which record an element is (its ID, else its label) and what a connection names
    kumu_report  what a Kumu import did, counted from the file before and after
    kumu_records  places and initiatives as Kumu elements, with the actors' links to them
    xlsx         the whole file as one Excel workbook (XlsxWriter), a typed sheet per table
    csv_import   the CSV and xlsx exports read back in
    csv_cells    one cell of an imported sheet as the value the file stores, or its refusal
    rules        the capture line's field rules applied to an imported sheet's cells
    osm_import   an OSM extract into the file: the extract, its places, the map's data
    publish         `workshop publish`: to a Datasette site or into PostGIS
    publish_rows    what is published: the public part of the files, table by table
    publish_sqlite  the published part as one SQLite file for Datasette
    publish_meta    Datasette's metadata.json: titles, licence, the columns' meanings
    publish_pg      the published part into PostgreSQL/PostGIS, by UUID
    files        reading spreadsheets, writing CSV
    decoding     bytes from outside: UTF-8, or what Notepad and Excel saved
    messages     the imports' and exports' messages, in Dutch and English

May import: `analysis` (the network exports carry the connectors' measures), `osm`,
`capture`, `file` and the foundation. Must not import `printing` or a front end. Importing
this package stays light: each format's writer loads when that format is used.
"""

from workshop.exchange import messages  # noqa: F401  (registers the package's messages)
from workshop.exchange.export import DELIMITERS, FORMATS, ExportFormat, export, export_text

__all__ = ["DELIMITERS", "FORMATS", "ExportFormat", "export", "export_text"]
