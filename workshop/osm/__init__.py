"""OpenStreetMap extracts, as openstreetmap.org's Export gives them (XML or PBF).

    extract      reading extracts with osmium, keeping them in the file, what the map needs
    limits       what an extract may cost before osmium reads it (size, ratio, counts)
    pack         the map's features packed once, kept next to the extract's bytes
    tags         what a tag means on the map: kinds of line, area and place
    messages     the extracts' messages, in Dutch and English

May import: `capture`, `file` and the foundation. Must not import `analysis`, `exchange`,
`printing` or a front end.
"""

from workshop.osm import messages  # noqa: F401  (registers the package's messages)
