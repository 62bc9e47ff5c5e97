"""Other programs reading the live file (sqlite-utils, Datasette, sqlite3) are a supported use:
while they open and close connections, the program's own reads keep working and every capture
it committed is in the file afterwards.

The cause this guards against: opening and closing the file outside SQLite (to read its
header) dropped the POSIX locks of the process's SQLite connections; another process closing
its last connection then deleted the -wal under them ("disk I/O error", lost captures).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from workshop.capture.record import record
from workshop.file.store import Store

READER = """
import sqlite3, sys
for _ in range(int(sys.argv[2])):
    conn = sqlite3.connect(sys.argv[1])
    conn.execute("SELECT count(*) FROM place").fetchone()
    conn.close()
"""


def test_reads_and_captures_hold_while_another_process_opens_and_closes(tmp_path: Path) -> None:
    path = tmp_path / "druk.wijk"
    store = Store.create(path, name="Drukte")
    errors: list[BaseException] = []
    stop = threading.Event()

    def read_again_and_again() -> None:  # what every worker thread of the TUI does
        while not stop.is_set():
            try:
                with Store.open(path, readonly=True) as reader:
                    reader.rows("place")
            except Exception as exc:  # noqa: BLE001 - every failure counts
                errors.append(exc)
                return

    thread = threading.Thread(target=read_again_and_again)
    thread.start()
    other = subprocess.Popen([sys.executable, "-c", READER, str(path), "400"])
    saved = 0
    try:
        while other.poll() is None and not errors:
            record(store, [f"p Plek{saved}"])
            saved += 1
    finally:
        stop.set()
        thread.join()
        other.wait()
        store.close()
    assert not errors, errors[0]
    assert saved > 0
    with Store.open(path) as again:  # as a fresh program sees the file
        assert again.count("place") == saved
