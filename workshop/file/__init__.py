"""The .wijk file: one neighbourhood in one SQLite file, and every way it is written.

    access           the file on disk: recognising, connecting, copying; errors said plainly
    disk             what the disk is to blame for (full, read-only, no permission)
    schema           the tables and the migrations that build them
    rows             rows as stored: ids, timestamps, JSON columns
    handle           `OpenFile`: the connection, lock and caches the store and the writer share
    store            `Store`: the file's reads; `Store.write()` opens the one write path
    writer           the one write path: every insert, update and delete, in a transaction
    erasure          the writer's erasing writes (forget): nothing erased stays in the file
    sessions         sessions: a meeting exists once something is captured in it
    similar          near-duplicate names by blocking keys
    duplicates       the same actor or place captured at two tables: pairs and folding
    outputs          what the program wrote where (exports, printouts, backups)
    redaction        the one redaction of every way out, per audience
    redaction_words  the word, phone and mail layer under every redaction
    mentions         where a text mentions one person, by whole words
    forget           `workshop forget`: erase exactly one person
    forget_scan      what in a file holds one person, and the plan to erase them
    backup           consistent copies and their rotation
    check            `workshop check`: what is right and wrong, read-only
    salvage          what can be read from a damaged file, into a new one
    salvage_schema   a damaged file's tables when its table of contents is gone
    merge            `workshop merge`: several files into one, by UUID, field by field
    merge_ids        a merge's ids: records an old import gave the same made-up id kept apart
    card_photos      the photographed cards' table: unlogged writes, forget, merge
    messages         the file's messages (check, forget, merge, faults), in Dutch and English

May import: the foundation (`text`, `i18n`, `model`, `privacy`). Must not import `capture`,
`osm`, `analysis`, `exchange`, `printing` or a front end: they are built on the file.
"""

from workshop.file import messages  # noqa: F401  (registers the package's messages)
