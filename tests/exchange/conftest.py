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


def two_of_one_name(store: Store) -> dict[str, str]:
    """Two persons called Jan (a resident and a business owner) and two places called
    Buurthuis, as two tables' captures merged would leave them (a capture line would ask
    whether the second is the same one); role -> id of each Jan."""
    with store.write() as w:
        for role in ("resident", "business"):
            w.insert("actor", {"name": "Jan", "type": "person", "role": role, "consent": "public"})
        for cell in ("C4", "D4"):
            w.insert("place", {"name": "Buurthuis", "kind": "community_centre", "cell": cell})
    return {a["role"]: a["id"] for a in store.rows("actor") if a["name"] == "Jan"}
