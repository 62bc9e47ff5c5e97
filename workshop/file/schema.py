"""The tables of a neighbourhood file and the migrations that build them.

Every record has a stable UUID (`id`), `created`/`updated` timestamps (UTC, ISO 8601) and the
session it was captured in, so the files of several laptops can be merged. Each migration runs
in its own transaction and sets `PRAGMA user_version` to its number; `application_id` marks the
file as ours.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x574B5348  # "WKSH"


class _Step(NamedTuple):
    name: str
    fn: Callable[[Database], None]


class _Steps:
    """The migration steps, registered like sqlite-utils' `Migrations` (`@MIGRATIONS(name=...)`)
    but handed to it only when a file is migrated: importing sqlite-utils pulls in numpy (and
    pandas when present), ~0.2 s that opening an up-to-date file must not pay."""

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[_Step] = []

    def __call__(self, *, name: str) -> Callable:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            self._migrations.append(_Step(name, fn))
            return fn

        return register

    def _real(self):
        """sqlite-utils' Migrations with these steps (imported now, when a file needs it)."""
        from sqlite_utils.migrations import Migrations

        migrations = Migrations(self.name)
        for name, fn in self._migrations:
            migrations(name=name)(fn)
        return migrations

    def apply(self, db: Database, *, stop_before: str | None = None) -> None:
        self._real().apply(db, stop_before=stop_before)

    def __getattr__(self, name: str):
        """Everything else sqlite-utils' Migrations offers (`applied`, `pending`, ...)."""
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._real(), name)


MIGRATIONS = _Steps("workshop")

_STAMP = """
    created TEXT NOT NULL,
    updated TEXT NOT NULL"""
_ORIGIN = (
    _STAMP
    + """,
    session_id TEXT REFERENCES session(id) DEFERRABLE INITIALLY DEFERRED"""
)

CORE_TABLES = {
    "neighbourhood": """
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    municipality TEXT,
    lang TEXT NOT NULL DEFAULT 'nl' CHECK (lang IN ('nl', 'en')),
    grid_cols INTEGER NOT NULL DEFAULT 8 CHECK (grid_cols BETWEEN 1 AND 26),
    grid_rows INTEGER NOT NULL DEFAULT 6 CHECK (grid_rows BETWEEN 1 AND 99),
    min_lat REAL, min_lon REAL, max_lat REAL, max_lon REAL,
    base_url TEXT,
    next_card INTEGER NOT NULL DEFAULT 1,"""
    + _STAMP,
    "session": """
    id TEXT PRIMARY KEY NOT NULL,
    date TEXT NOT NULL,
    venue TEXT,
    facilitator TEXT,
    table_name TEXT,"""
    + _STAMP,
    "place": """
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    cell TEXT,
    lat REAL, lon REAL,
    description TEXT,
    sentiment TEXT CHECK (sentiment IN ('valued', 'concern')),
    address TEXT,
    tel TEXT, mail TEXT, website TEXT,
    source TEXT NOT NULL DEFAULT 'captured',
    osm_id TEXT,"""
    + _ORIGIN,
    "actor": """
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('person', 'organisation')),
    role TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    influence INTEGER CHECK (influence BETWEEN 0 AND 5),
    groups TEXT,
    ambassador INTEGER NOT NULL DEFAULT 0,
    startmotor INTEGER NOT NULL DEFAULT 0,
    cell TEXT,
    description TEXT,
    address TEXT, tel TEXT, mail TEXT, website TEXT,
    consent TEXT NOT NULL CHECK (consent IN ('none', 'internal', 'print', 'public')),"""
    + _ORIGIN,
    "initiative": """
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    theme TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    status TEXT CHECK (status IN ('idea', 'active', 'inactive', 'stopped')),
    description TEXT,
    needs TEXT,
    offers TEXT,
    place_id TEXT REFERENCES place(id) DEFERRABLE INITIALLY DEFERRED,
    cell TEXT,
    lat REAL, lon REAL,
    website TEXT, tel TEXT, mail TEXT,
    card_number INTEGER UNIQUE,"""
    + _ORIGIN,
    "tie": """
    id TEXT PRIMARY KEY NOT NULL,
    source_id TEXT NOT NULL REFERENCES actor(id) DEFERRABLE INITIALLY DEFERRED,
    target_id TEXT NOT NULL REFERENCES actor(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('directed', 'mutual', 'undirected')),
    strength INTEGER CHECK (strength BETWEEN 1 AND 3),
    tags TEXT NOT NULL DEFAULT '[]',
    description TEXT,"""
    + _ORIGIN,
    "actor_initiative": """
    id TEXT PRIMARY KEY NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actor(id) DEFERRABLE INITIALLY DEFERRED,
    initiative_id TEXT NOT NULL REFERENCES initiative(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL CHECK (kind IN ('drives', 'supports')),
    tags TEXT NOT NULL DEFAULT '[]',"""
    + _ORIGIN,
    "actor_place": """
    id TEXT PRIMARY KEY NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actor(id) DEFERRABLE INITIALLY DEFERRED,
    place_id TEXT NOT NULL REFERENCES place(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL CHECK (kind IN ('meets_at', 'runs')),
    tags TEXT NOT NULL DEFAULT '[]',"""
    + _ORIGIN,
    "participant": """
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    pseudonym TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    tenure TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    consent TEXT NOT NULL DEFAULT 'internal'
        CHECK (consent IN ('none', 'internal', 'print', 'public')),
    tel TEXT, mail TEXT,"""
    + _ORIGIN,
    "attendance": """
    id TEXT PRIMARY KEY NOT NULL,
    participant_id TEXT NOT NULL
        REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,"""
    + _ORIGIN,
    "note": """
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'quote')),
    text TEXT NOT NULL,
    about_table TEXT CHECK (about_table IN ('place', 'initiative', 'actor', 'participant')),
    about_id TEXT,
    tags TEXT NOT NULL DEFAULT '[]',"""
    + _ORIGIN,
    "board_dimension": """
    id TEXT PRIMARY KEY NOT NULL,
    key TEXT NOT NULL UNIQUE,
    label_nl TEXT NOT NULL,
    label_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    "values" TEXT NOT NULL DEFAULT '[]',"""
    + _STAMP,
    "candidate": """
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    pseudonym TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    tenure TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'accepted', 'declined')),
    consent TEXT NOT NULL DEFAULT 'internal'
        CHECK (consent IN ('none', 'internal', 'print', 'public')),
    tel TEXT, mail TEXT,"""
    + _ORIGIN,
}

CORE_INDEXES = [
    "CREATE INDEX place_norm ON place(norm)",
    "CREATE INDEX actor_norm ON actor(norm)",
    "CREATE INDEX initiative_norm ON initiative(norm)",
    "CREATE INDEX participant_norm ON participant(norm)",
    "CREATE INDEX candidate_norm ON candidate(norm)",
    "CREATE INDEX place_cell ON place(cell)",
    "CREATE INDEX initiative_cell ON initiative(cell)",
    "CREATE INDEX tie_source ON tie(source_id)",
    "CREATE INDEX tie_target ON tie(target_id)",
    "CREATE INDEX actor_initiative_actor ON actor_initiative(actor_id)",
    "CREATE INDEX actor_initiative_initiative ON actor_initiative(initiative_id)",
    "CREATE INDEX actor_place_actor ON actor_place(actor_id)",
    "CREATE INDEX actor_place_place ON actor_place(place_id)",
    "CREATE UNIQUE INDEX attendance_once ON attendance(participant_id, session_id)",
    "CREATE INDEX note_about ON note(about_id)",
    "CREATE INDEX initiative_place ON initiative(place_id)",
]

HISTORY_TABLE = """
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT,
    at TEXT NOT NULL,
    line TEXT,
    changes TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0"""


def _set_version(db: Database) -> None:
    """user_version = how many migrations the file has had, this one included (so the number
    does not depend on the order in which branches added their migrations)."""
    version = len(MIGRATIONS.applied(db)) + 1
    db.execute(f"PRAGMA user_version = {version}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@MIGRATIONS(name="0001_core")
def _m0001_core(db: Database) -> None:
    for table, columns in CORE_TABLES.items():
        db.execute(f'CREATE TABLE "{table}" ({columns}\n)')
    for statement in CORE_INDEXES:
        db.execute(statement)
    _set_version(db)


@MIGRATIONS(name="0002_history")
def _m0002_history(db: Database) -> None:
    """The log behind undo and redo: per capture, the rows before and after it."""
    db.execute(f"CREATE TABLE history ({HISTORY_TABLE}\n)")
    # A new capture clears the redo stack: found through this index, not a scan of the log.
    db.execute("CREATE INDEX history_undone ON history(undone) WHERE undone = 1")
    _set_version(db)


@MIGRATIONS(name="0005_tombstones")
def _m0005_tombstones(db: Database) -> None:
    """Records that were joined into another or forgotten: a later merge of a laptop that
    still has them must not bring them back."""
    db.execute("""CREATE TABLE tombstone (
    id TEXT PRIMARY KEY NOT NULL,
    table_name TEXT NOT NULL,
    kept_id TEXT,
    reason TEXT NOT NULL CHECK (reason IN ('joined', 'forgotten')),
    at TEXT NOT NULL
)""")
    _set_version(db)


@MIGRATIONS(name="0003_osm_extract")
def _m0003_osm_extract(db: Database) -> None:
    """The OpenStreetMap extract behind the printed base map, kept inside the file so that one
    file on a USB stick is enough to print the map later: the original bytes, zlib-compressed,
    the extent its data covers, and what the map draws from it, packed (`workshop.osm.pack`),
    so printing need not parse the extract again."""
    db.execute(
        """CREATE TABLE osm_extract (
    id TEXT PRIMARY KEY NOT NULL,
    filename TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('osm', 'osm.gz', 'osm.bz2', 'pbf')),
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    min_lat REAL, min_lon REAL, max_lat REAL, max_lon REAL,
    data BLOB NOT NULL,
    features BLOB,"""
        + _STAMP
        + "\n)"
    )
    _set_version(db)


# The tables whose records several laptops can change: each field carries when it last changed.
# In dependency order (a table comes after those it points at): merge copies them in this order.
FIELD_TIME_TABLES = (
    "session",
    "place",
    "actor",
    "initiative",
    "tie",
    "actor_initiative",
    "actor_place",
    "participant",
    "attendance",
    "note",
    "board_dimension",
    "candidate",
)
# Columns that are not fields a person edits: they carry no time of their own.
FIELD_TIME_SKIP = frozenset({"id", "created", "updated", "norm", "field_times"})


@MIGRATIONS(name="0014_field_times")
def _m0014_field_times(db: Database) -> None:
    """Per record, a JSON object {field: time it last changed}, for merging laptops field by
    field. A field that is absent last changed when the record was created. Records of older
    files only know when the record as a whole changed: their fields get that time."""
    import json

    for table in FIELD_TIME_TABLES:
        db.execute(f"ALTER TABLE \"{table}\" ADD COLUMN field_times TEXT NOT NULL DEFAULT '{{}}'")
        fields = [
            r[1]
            for r in db.execute(f'PRAGMA table_info("{table}")').fetchall()
            if r[1] not in FIELD_TIME_SKIP
        ]
        changed = db.execute(f'SELECT id, updated FROM "{table}" WHERE updated > created')
        for id_, updated in changed.fetchall():
            db.execute(
                f'UPDATE "{table}" SET field_times = ? WHERE id = ?',
                (json.dumps(dict.fromkeys(fields, updated), separators=(",", ":")), id_),
            )
    _set_version(db)


@MIGRATIONS(name="0006_output_file")
def _m0006_output_file(db: Database) -> None:
    """What the program wrote where: each export, printout and backup folder (`outputs`), so
    that `forget` can name the files written earlier that may still hold a person."""
    db.execute(
        """CREATE TABLE output_file (
    id TEXT PRIMARY KEY NOT NULL,
    path TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('internal', 'print', 'export')),
    anonymised INTEGER NOT NULL DEFAULT 0,"""
        + _STAMP
        + "\n)"
    )
    _set_version(db)


@MIGRATIONS(name="0016_session_consent_note_said_by")
def _m0016_session_consent_note_said_by(db: Database) -> None:
    """Fewer keys and who said it (issue 11): a session's default consent (`sessie
    consent:print`: the persons captured in it get it unless their line says otherwise), and
    the participant or actor who said a note or quote (`door:NAME`)."""
    consent = "CHECK (consent IN ('none', 'internal', 'print', 'public'))"
    db.execute(f"ALTER TABLE session ADD COLUMN consent TEXT {consent}")
    db.execute(
        "ALTER TABLE note ADD COLUMN said_by_table TEXT"
        " CHECK (said_by_table IN ('actor', 'participant'))"
    )
    db.execute("ALTER TABLE note ADD COLUMN said_by_id TEXT")
    db.execute("CREATE INDEX note_said_by ON note(said_by_id)")
    _set_version(db)


@MIGRATIONS(name="0017_stickers")
def _m0017_stickers(db: Database) -> None:
    """Numbered stickers for the poster (`workshop print stickers`): the next number to print,
    reserved like blank cards' numbers."""
    db.execute("ALTER TABLE neighbourhood ADD COLUMN next_sticker INTEGER NOT NULL DEFAULT 1")
    _set_version(db)


@MIGRATIONS(name="0018_sticker_field")
def _m0018_sticker_field(db: Database) -> None:
    """Which printed sticker a place or initiative carries on the poster (`sticker:17`), so
    that a scan of the poster finds its record. An index, as a scan looks records up by it.
    No field times to fill in: a field absent from `field_times` changed when its record was
    made, and every record's sticker is empty until it is set."""
    for table in ("place", "initiative"):
        db.execute(f'ALTER TABLE "{table}" ADD COLUMN sticker INTEGER')
        db.execute(f'CREATE INDEX {table}_sticker ON "{table}"(sticker) WHERE sticker IS NOT NULL')
    _set_version(db)


@MIGRATIONS(name="0019_print_record")
def _m0019_print_record(db: Database) -> None:
    """What each printed map sheet was (`workshop.paper.record`): its paper, page, corner
    markers, map frame, extent and grid, so that `workshop scan` maps a photo of it back to the
    ground. And where a place's or initiative's coordinates came from (`located`): 'scan' when
    a scan of the poster set them; empty when they were typed, imported or taken from OSM (a
    scan does not overwrite those without `--overwrite`)."""
    db.execute(
        """CREATE TABLE print_record (
    id TEXT PRIMARY KEY NOT NULL,
    code INTEGER NOT NULL CHECK (code BETWEEN 0 AND 249),
    kind TEXT NOT NULL CHECK (kind IN ('base', 'result')),
    paper TEXT NOT NULL,
    tile TEXT,
    geometry TEXT NOT NULL,"""
        + _STAMP
        + "\n)"
    )
    db.execute("CREATE INDEX print_record_code ON print_record(code)")
    for table in ("place", "initiative"):
        db.execute(f"ALTER TABLE \"{table}\" ADD COLUMN located TEXT CHECK (located IN ('scan'))")
    _set_version(db)


@MIGRATIONS(name="0020_card_photo")
def _m0020_card_photo(db: Database) -> None:
    """A photographed initiative card's handwriting (`workshop.paper.cards`): the card
    rectified, as a compact grey image (JPEG, at most 200 KB), one per card number. Personal
    data (a resident's handwriting, names, phone numbers): internal, never exported, removed
    by `forget` with the person linked to its initiative. A blank card photographed before its
    initiative was captured has no `initiative_id` yet: it belongs to the initiative that
    carries its `card_number` (and to that one's id once it is attached again)."""
    db.execute(
        """CREATE TABLE card_photo (
    id TEXT PRIMARY KEY NOT NULL,
    initiative_id TEXT REFERENCES initiative(id) ON DELETE SET NULL
        DEFERRABLE INITIALLY DEFERRED,
    card_number INTEGER NOT NULL CHECK (card_number >= 1),
    image BLOB NOT NULL CHECK (length(image) <= 204800),
    mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/webp')),
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,"""
        + _ORIGIN
        + "\n)"
    )
    db.execute("CREATE INDEX card_photo_number ON card_photo(card_number)")
    db.execute("CREATE INDEX card_photo_initiative ON card_photo(initiative_id)")
    _set_version(db)


LATEST_VERSION = len(MIGRATIONS._migrations)


def migrate(conn: sqlite3.Connection, *, stop_before: str | None = None) -> None:
    from sqlite_utils import Database

    MIGRATIONS.apply(Database(conn), stop_before=stop_before)
