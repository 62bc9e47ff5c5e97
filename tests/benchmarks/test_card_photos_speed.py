"""40 photographed cards back in (issue 15: at most 20 s on this 2-core machine): each a 12 MP
JPEG of one printed blank card, written on, turned, tilted, blurred; timed from the JPEG's bytes
through `find_cards` to `attach` in its own transaction. Run with:
python -m pytest tests/benchmarks/test_card_photos_speed.py -s
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import numpy as np

from tests.paper.cardphotos import PX_PER_MM, STROKES, render_page
from tests.paper.photos import Shot, photograph
from workshop.file.store import Store
from workshop.paper import cards, cardstore
from workshop.printing import templates
from workshop.printing.cards import build

PHOTOS = 40
BUDGET_S = 20.0


def test_forty_card_photos(tmp_path: Path) -> None:
    import cv2

    store = Store.create(tmp_path / "b.wijk", name="Bench")
    pdf = tmp_path / "blank.pdf"
    numbers = build.print_blank_cards(
        store, pdf, templates.load(), count=PHOTOS, layout="single"
    ).numbers
    shots = itertools.cycle(
        [
            Shot(turn=90, tilt=0, fill=0.6, blur=1.0),
            Shot(turn=-80, tilt=25, fill=0.5, blur=2.0),
            Shot(turn=265, tilt=-25, fill=0.45, blur=1.5),
            Shot(turn=275, tilt=10, fill=0.55, blur=0.5),
        ]
    )
    jpegs = []
    for index, shot in zip(range(PHOTOS), shots, strict=False):
        page = render_page(pdf, index, PX_PER_MM).copy()
        left, top, right, bottom = (int(v * PX_PER_MM) for v in STROKES)
        cv2.line(page, (left, top), (right, bottom), 30, 4)
        photo, _ = photograph(page, PX_PER_MM, shot, seed=index)
        ok, data = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 85])
        assert ok
        jpegs.append(data.tobytes())
    wall, cpu = time.perf_counter(), time.process_time()
    found = []
    for data in jpegs:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        for shot in cards.find_cards(image):
            with store.write() as w:
                cardstore.attach(w, store, shot)
            found.append((shot.number, len(shot.image)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    biggest = max(size for _, size in found)
    print(
        f"\n{PHOTOS} card photos (12 MP JPEG -> find_cards -> attach): {wall:.1f} s wall,"
        f" {cpu:.1f} s CPU, {wall / PHOTOS * 1000:.0f} ms a photo; largest kept image"
        f" {biggest / 1024:.0f} KB"
    )
    assert sorted(n for n, _ in found) == list(numbers)
    assert biggest <= 200 * 1024 and store.count("card_photo") == PHOTOS
    assert wall <= BUDGET_S
