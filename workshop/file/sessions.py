"""The sessions of a file: a session is a meeting, and exists only once something is captured in
it. Part of the `Store` (its one write path and its transaction); kept apart to keep the store's
reading and writing readable."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

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


class Sessions:
    """The session methods of `Store`."""

    if TYPE_CHECKING:  # what they use of the store, which defines it
        conn: sqlite3.Connection
        session_id: str | None
        _session_checked: bool

        def _raw_row(self, table: str, id: str) -> dict | None: ...
        def _raw_insert(self, table: str, values: dict) -> None: ...
        def columns(self, table: str) -> list[str]: ...
        def rows(
            self,
            table: str,
            where: str = "",
            params: tuple | list = (),
            order: str = "",
            limit: int | None = None,
        ) -> list[dict]: ...
        def _transaction(self) -> AbstractContextManager[None]: ...

    def current_session(self) -> str:
        """The session captures go into: chosen with `use_session`, else today's latest,
        else a new one for today, created in the running transaction (so a session row
        exists only once something is captured in it)."""
        if self.session_id and (self._session_checked or self._raw_row("session", self.session_id)):
            self._session_checked = True
            return self.session_id
        self.session_id = self.today_session() or self._new_session(
            {"date": dt.date.today().isoformat()}
        )
        self._session_checked = True
        return self.session_id

    def today_session(self) -> str | None:
        """Today's latest session, if there is one: a read, nothing is created."""
        row = self.conn.execute(
            "SELECT id FROM session WHERE date = ? ORDER BY created DESC LIMIT 1",
            (dt.date.today().isoformat(),),
        ).fetchone()
        return row[0] if row else None

    def held_sessions(self) -> list[dict]:
        """The sessions that hold at least one capture (a record made in it, or someone's
        attendance), by date, venue and table: the meetings that took place."""
        holders = [t for t in SESSION_HOLDERS if "session_id" in self.columns(t)]
        held = " OR ".join(
            f'EXISTS (SELECT 1 FROM "{t}" WHERE session_id = session.id)' for t in holders
        )
        return self.rows("session", held or "0", order="date, venue, table_name, rowid")

    def _new_session(self, values: dict) -> str:
        stamp = now()
        id_ = new_id()
        self._raw_insert("session", {"id": id_, "created": stamp, "updated": stamp, **values})
        return id_

    def use_session(
        self,
        date: str,
        venue: str | None = None,
        table_name: str | None = None,
        facilitator: str | None = None,
    ) -> str:
        """Continue the session of that date, venue and table, or start it. Runs inside a
        write transaction (a `sessie` line) or in one of its own.

        A line naming only some of it keeps the rest of that date's latest session: `sessie
        tafel:2` keeps the venue and facilitator. A session of that date that was started
        without a name (by a first capture) is filled in rather than joined by a second."""
        if not self.conn.in_transaction:
            with self._transaction():
                return self.use_session(date, venue, table_name, facilitator)
        sessions = [
            dict(r)
            for r in self.conn.execute(
                "SELECT id, venue, table_name, facilitator FROM session WHERE date = ? "
                "ORDER BY created DESC",
                (date,),
            )
        ]
        if not sessions:
            self.session_id = self._new_session(
                {"date": date, "venue": venue, "table_name": table_name, "facilitator": facilitator}
            )
            self._session_checked = True
            return self.session_id
        latest = sessions[0]
        if venue is None and table_name is None and facilitator is None:
            chosen: dict | None = latest  # a bare `sessie DATE`: that date's session goes on
        else:
            venue = venue if venue is not None else latest["venue"]
            facilitator = facilitator if facilitator is not None else latest["facilitator"]
            same = [r for r in sessions if r["venue"] == venue and r["table_name"] == table_name]
            unnamed = [r for r in sessions if r["venue"] is None and r["table_name"] is None]
            chosen = (same or unnamed)[0] if same or unnamed else None
        if chosen is None:
            self.session_id = self._new_session(
                {"date": date, "venue": venue, "table_name": table_name, "facilitator": facilitator}
            )
        else:
            self.session_id = chosen["id"]
            values = {"venue": venue, "table_name": table_name, "facilitator": facilitator}
            changed = {k: v for k, v in values.items() if v is not None and chosen[k] != v}
            if changed:
                self.conn.execute(
                    "UPDATE session SET "
                    + ", ".join(f'"{k}" = ?' for k in changed)
                    + ", updated = ? WHERE id = ?",
                    [*changed.values(), now(), chosen["id"]],
                )
        self._session_checked = True
        return self.session_id
