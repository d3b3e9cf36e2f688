"""Eight more hand-drawn-looking sketches, drawn after Magic colours' settings were fixed and
never used to choose anything: an apple, a balloon, a star, a boat, a snowman, a butterfly, an
ice cream and an umbrella. `scripts/measure_new_sketches.py` renders them with any style, so a
change can be judged on subjects it was not tuned on (the eight of `sample_drawings` were).
"""

from __future__ import annotations

import math
import random

from icanvas_desktop.core.sample_drawings import _add, _circle
from icanvas_desktop.core.strokes import Drawing


def _page(seed: int) -> tuple[random.Random, Drawing]:
    return random.Random(seed), Drawing(1024, 768)


def apple(seed: int = 11) -> Drawing:
    rng, d = _page(seed)
    _add(d, rng, _circle(512, 420, 170, 160), 10)
    _add(d, rng, [(512, 260), (520, 190)], 9)                                       # stalk
    _add(d, rng, [(525, 230), (600, 190), (620, 230), (540, 250)], 8)               # leaf
    return d


def balloon(seed: int = 12) -> Drawing:
    rng, d = _page(seed)
    _add(d, rng, _circle(512, 300, 130, 170), 10)
    _add(d, rng, [(512, 470), (490, 560), (530, 640), (505, 720)], 6)               # string
    return d


def star(seed: int = 13) -> Drawing:
    rng, d = _page(seed)
    _add(d, rng, [(512 + (230 if k % 2 == 0 else 95) * math.cos(k * math.pi / 5 - math.pi / 2),
                   400 + (230 if k % 2 == 0 else 95) * math.sin(k * math.pi / 5 - math.pi / 2))
                  for k in range(11)], 10)
    return d


def boat(seed: int = 14) -> Drawing:
    rng, d = _page(seed)
    _add(d, rng, [(300, 480), (724, 480), (650, 580), (370, 580), (300, 480)], 10)  # hull
    _add(d, rng, [(512, 480), (512, 180)], 9)                                       # mast
    _add(d, rng, [(512, 200), (680, 440), (512, 440)], 9)                           # sail
    return d


def snowman(seed: int = 15) -> Drawing:
    rng, d = _page(seed)
    _add(d, rng, _circle(512, 520, 150), 10)
    _add(d, rng, _circle(512, 270, 100), 10)
    _add(d, rng, _circle(480, 250, 8), 6)
    _add(d, rng, _circle(545, 250, 8), 6)
    return d


def butterfly(seed: int = 16) -> Drawing:
    rng, d = _page(seed)
    for cx, cy, rx, ry in ((400, 320, 110, 130), (624, 320, 110, 130), (420, 520, 80, 90), (604, 520, 80, 90)):
        _add(d, rng, _circle(cx, cy, rx, ry), 9)                                    # wings
    _add(d, rng, _circle(512, 420, 25, 170), 9)                                     # body
    return d


def ice_cream(seed: int = 17) -> Drawing:
    rng, d = _page(seed)
    _add(d, rng, [(420, 380), (512, 700), (604, 380), (420, 380)], 10)              # cone
    _add(d, rng, _circle(512, 330, 110, 90, start=math.pi, end=2 * math.pi) + [(622, 380)], 10)
    return d


def umbrella(seed: int = 18) -> Drawing:
    rng, d = _page(seed)
    _add(d, rng, _circle(512, 400, 260, 200, start=math.pi, end=2 * math.pi) + [(252, 400)], 10)
    _add(d, rng, [(512, 400), (512, 640), (470, 660), (450, 630)], 9)               # handle
    return d


MORE_SKETCHES = {"apple": apple, "balloon": balloon, "star": star, "boat": boat, "snowman": snowman,
                 "butterfly": butterfly, "ice cream": ice_cream, "umbrella": umbrella}
