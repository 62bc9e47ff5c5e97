"""What the session a capture goes into adds to it: the default consent a `sessie
consent:print` line set, for every person captured in that session whose line says none.

A read: the preview asks it (the session captures would go into, without making one), the
write asks it for the session the writer chose."""

from __future__ import annotations

from workshop.file.store import Store

__all__ = ["session_consent"]


def session_consent(store: Store, session_id: str | None = None) -> str | None:
    """The default consent of a session (by default the one captures go into now), or None."""
    session_id = session_id or store.session_id or store.today_session()
    if session_id is None:
        return None
    row = store.conn.execute("SELECT consent FROM session WHERE id = ?", (session_id,)).fetchone()
    return row[0] if row else None
