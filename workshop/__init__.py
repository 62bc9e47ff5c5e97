"""workshop: community mapping for the neighbourhood approach, in layers. Arrows point down:
a package imports only the layers below it (import-linter's `layers` contract in
pyproject.toml checks it, `tests/test_architecture.py` checks there are no cycles).

    cli          the `workshop` command: each command opens the file, calls one function
    tui          the live-session TUI (Textual: the only package that may import it)
    demo         the bundled demo neighbourhood, built through the capture line
    printing     PDF printouts with reportlab: cards, maps, the network poster, the summary
    paper        the paper round trip: markers on printed sheets, found again in photos (OpenCV)
    exchange     files out and in: CSV, JSON, GeoJSON, GraphML/GEXF, Kumu, OSM import
    analysis     connectors and sounding-board coverage: read-only analyses of a file
    osm          OpenStreetMap extracts: reading, limits, packing for the map
    capture      what a person types or edits: the capture line, forms, applying them
    file         the .wijk file: schema, store and its one write path, backup, forget, merge
    outputs      writing a file whole, the output folders and file names
    privacy      what may be shown of a person, and where (consent and audiences)
    model        the vocabularies and the grid, with their Dutch and English words
    i18n         messages a person reads, in Dutch and English; `UserError`
    text         text helpers: normalising names, one-line and visible forms

The root holds the foundation only (outputs, privacy, model, i18n, text); everything else lives in a
package. Nothing outside `tui` imports Textual; nothing but `cli` and `tui` is a front end.
"""
