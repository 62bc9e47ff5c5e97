from __future__ import annotations

from pathlib import Path

import pytest

from workshop.file.store import Store


@pytest.fixture
def store(tmp_path: Path):
    """A fresh neighbourhood file on disk, 8x6 grid, Dutch."""
    s = Store.create(tmp_path / "test.wijk", name="Testwijk", municipality="Zuiderveen")
    yield s
    s.close()


@pytest.fixture
def store_en(tmp_path: Path):
    s = Store.create(tmp_path / "test-en.wijk", name="Testwijk", lang="en")
    yield s
    s.close()
