"""The sessions of a file: a session is a meeting, and exists only once something is captured in
it. `SessionReads` are the store's questions about them; `SessionWrites` are the writer's: the
session a capture goes into is made, chosen or named inside the writer's transaction, and never
logged for undo (undo is about captures, not about the meeting they were made in)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workshop.file.handle import OpenFile
from workshop.file.rows import new_id, now

# Tables whose rows say which session they were captured in (history is a log, not a capture).
SESSION_HOLDERS = (
    "place",
    "actor",
    "initiative",
    "tie",
    "actor_initiative",
    "actor_place",
    "participant",
    "attendance",
    "note",
    "candidate",
)


def today_session(conn: sqlite3.Connection) -> str | None:
    """Today's latest session, if there is one: a read, nothing is created."""
    row = conn.execute(
        "SELECT id FROM session WHERE date = ? ORDER BY created DESC LIMIT 1",
        (dt.date.today().isoformat(),),
    ).fetchone()
    return row[0] if row else None


class SessionReads:
    """The session questions of `Store`."""

    if TYPE_CHECKING:  # what they use of the store, which defines it
        conn: sqlite3.Connection

        def columns(self, table: str) -> list[str]: ...
        def rows(
            self,
            table: str,
            where: str = "",
            params: tuple | list = (),
            order: str = "",
            limit: int | None = None,
        ) -> list[dict]: ...

    def today_session(self) -> str | None:
        """Today's latest session, if there is one: a read, nothing is created."""
        return today_session(self.conn)

    def held_sessions(self) -> list[dict]:
        """The sessions that hold at least one capture (a record made in it, or someone's
        attendance), by date, venue and table: the meetings that took place."""
        holders = [t for t in SESSION_HOLDERS if "session_id" in self.columns(t)]
        held = " OR ".join(
            f'EXISTS (SELECT 1 FROM "{t}" WHERE session_id = session.id)' for t in holders
        )
        return self.rows("session", held or "0", order="date, venue, table_name, rowid")


class SessionWrites:
    """The session writes of `Writer`, inside its transaction."""

    if TYPE_CHECKING:  # what they use of the writer, which defines it
        file: OpenFile

        def _row(self, table: str, id: str) -> dict | None: ...
        def _insert_row(self, table: str, values: dict) -> None: ...
        def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor: ...

    def current_session(self) -> str:
        """The session captures go into: chosen with `use_session`, else today's latest,
        else a new one for today, created in the running transaction (so a session row
        exists only once something is captured in it)."""
        file = self.file
        facts = file.caches.facts
        if file.session_id and ("session" in facts or self._row("session", file.session_id)):
            facts.add("session")
            return file.session_id
        file.session_id = today_session(file.conn) or self._new_session(
            {"date": dt.date.today().isoformat()}
        )
        facts.add("session")
        return file.session_id

    def _new_session(self, values: dict) -> str:
        stamp = now()
        id_ = new_id()
        self._insert_row("session", {"id": id_, "created": stamp, "updated": stamp, **values})
        return id_

    def use_session(
        self,
        date: str,
        venue: str | None = None,
        table_name: str | None = None,
        facilitator: str | None = None,
        consent: str | None = None,
    ) -> str:
        """Continue the session of that date, venue and table, or start it. Runs inside a
        writer's transaction (a `sessie` line). `consent` sets the session's default consent
        for the persons captured in it; a new session starts without one (another table
        agreed to nothing yet).

        A line naming only some of it keeps the rest of that date's latest session: `sessie
        tafel:2` keeps the venue and facilitator. A session of that date that was started
        without a name (by a first capture) is filled in rather than joined by a second."""
        file = self.file
        sessions = [
            dict(r)
            for r in file.conn.execute(
                "SELECT id, venue, table_name, facilitator, consent FROM session WHERE date = ? "
                "ORDER BY created DESC",
                (date,),
            )
        ]
        named = {"venue": venue, "table_name": table_name, "facilitator": facilitator}
        if consent is not None:
            named["consent"] = consent
        if not sessions:
            file.session_id = self._new_session({"date": date, **named})
            file.caches.facts.add("session")
            return file.session_id
        latest = sessions[0]
        if venue is None and table_name is None and facilitator is None:
            chosen: dict | None = latest  # a bare `sessie DATE`: that date's session goes on
        else:
            venue = venue if venue is not None else latest["venue"]
            facilitator = facilitator if facilitator is not None else latest["facilitator"]
            same = [r for r in sessions if r["venue"] == venue and r["table_name"] == table_name]
            unnamed = [r for r in sessions if r["venue"] is None and r["table_name"] is None]
            chosen = (same or unnamed)[0] if same or unnamed else None
        named.update(venue=venue, facilitator=facilitator)
        if chosen is None:
            file.session_id = self._new_session({"date": date, **named})
        else:
            file.session_id = chosen["id"]
            changed = {k: v for k, v in named.items() if v is not None and chosen.get(k) != v}
            if changed:
                self._run(
                    "UPDATE session SET "
                    + ", ".join(f'"{k}" = ?' for k in changed)
                    + ", updated = ? WHERE id = ?",
                    [*changed.values(), now(), chosen["id"]],
                )
        file.caches.facts.add("session")
        return file.session_id
