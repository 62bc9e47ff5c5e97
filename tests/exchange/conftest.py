from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop import demo
from workshop.file.store import Store


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    """The demo neighbourhood, built once; tests get their own copy."""
    path = tmp_path_factory.mktemp("demo") / "kersenbuurt.wijk"
    demo.build(path).close()
    return path


@pytest.fixture
def demo_file(demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kersenbuurt.wijk"
    shutil.copy(demo_master, target)
    return target


@pytest.fixture
def demo_store(demo_file: Path):
    store = Store.open(demo_file)
    yield store
    store.close()
