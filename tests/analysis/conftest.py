from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop import demo
from workshop.file.store import Store


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo-analysis") / "kersenbuurt.wijk"
    demo.build(path).close()
    return path


@pytest.fixture
def demo_store(demo_master: Path, tmp_path: Path):
    target = tmp_path / "kersenbuurt.wijk"
    shutil.copy(demo_master, target)
    store = Store.open(target)
    yield store
    store.close()


@pytest.fixture(autouse=True)
def _invariant_pdfs():
    """Byte-identical PDFs for the same input (no timestamps, fixed ids)."""
    from reportlab import rl_config

    old = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = old
