"""`large.preload`: the compiled search loads once, in the background, however many callers
ask for it (`workshop connectors` asks as soon as it has counted, `measure` again)."""

from __future__ import annotations

import sys

from workshop.analysis import large


def test_preload_starts_one_thread_that_leaves_the_compiled_search_loaded() -> None:
    first = large.preload()
    assert large.preload() is first
    first.join(timeout=120)
    assert not first.is_alive()
    assert {"workshop.analysis.brandes", "workshop.analysis.folding"} <= set(sys.modules)
    assert large.preload() is first  # done: asking again starts nothing
