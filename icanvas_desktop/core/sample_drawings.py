"""A few drawings as a child makes them: wobbly, thick, with gaps and overshoots.

Used by `icanvas bench`, the model cards' contact sheets and the self-test, so every
figure and picture is made from the same honest, hand-drawn-looking input rather than
clean edge maps. Coordinates are on a 1024×768 page.
"""

from __future__ import annotations

import math
import random

from icanvas_desktop.core.strokes import HINT, Drawing, Point, Stroke


def _wobbly(pts, rng: random.Random, amp: float = 4.0, step: float = 10.0):
    """Densify a polyline and add a slow drift plus tremor, like a small hand."""
    out = []
    phase = rng.uniform(0, 6.28)
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        n = max(2, int(math.hypot(x1 - x0, y1 - y0) / step))
        for i in range(n):
            t = i / n
            drift = amp * math.sin(phase + len(out) * 0.15)
            out.append((x0 + (x1 - x0) * t + drift * 0.6 + rng.gauss(0, amp * 0.15),
                        y0 + (y1 - y0) * t + drift + rng.gauss(0, amp * 0.15)))
    out.append(pts[-1])
    return out


def _circle(cx, cy, rx, ry=None, n=28, start=0.0, end=2 * math.pi):
    ry = rx if ry is None else ry
    return [(cx + rx * math.cos(start + (end - start) * k / n), cy + ry * math.sin(start + (end - start) * k / n))
            for k in range(n + 1)]


def _add(d: Drawing, rng: random.Random, pts, width: float, wobble: float = 4.0) -> None:
    t0 = d.strokes[-1].points[-1].t + 0.3 if d.strokes else 0.0
    pts = _wobbly(pts, rng, wobble)
    d.add_stroke(Stroke([Point(x, y, rng.uniform(0.7, 1.0), t0 + i * 0.02) for i, (x, y) in enumerate(pts)],
                        width=width))


def house(seed: int = 1, width: float = 9.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    _add(d, rng, [(300, 380), (300, 650), (620, 652), (615, 375), (296, 382)], width)
    _add(d, rng, [(270, 392), (460, 215), (648, 388)], width)                   # roof, overshooting
    _add(d, rng, [(420, 650), (420, 530), (490, 532), (492, 648)], width)        # door
    _add(d, rng, [(335, 430), (395, 430), (395, 485), (335, 485), (335, 432)], width)
    _add(d, rng, _circle(820, 150, 62, n=24, end=6.0), width)                     # sun with a gap
    for k in range(8):
        a = k / 8 * 2 * math.pi
        _add(d, rng, [(820 + 85 * math.cos(a), 150 + 85 * math.sin(a)),
                      (820 + 125 * math.cos(a), 150 + 125 * math.sin(a))], width, 1.5)
    return d


def cat(seed: int = 2, width: float = 10.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    _add(d, rng, _circle(512, 360, 170, 150), width)
    _add(d, rng, [(380, 250), (395, 120), (470, 215)], width)
    _add(d, rng, [(555, 212), (630, 118), (648, 252)], width)
    _add(d, rng, _circle(450, 330, 18), width, 1.0)
    _add(d, rng, _circle(575, 330, 18), width, 1.0)
    _add(d, rng, [(495, 400), (512, 420), (530, 400)], width, 1.0)
    for dy in (-15, 10):
        _add(d, rng, [(430, 410 + dy), (300, 395 + dy * 2)], width * 0.7, 1.0)
        _add(d, rng, [(595, 410 + dy), (725, 395 + dy * 2)], width * 0.7, 1.0)
    return d


def car(seed: int = 3, width: float = 10.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    _add(d, rng, [(200, 480), (205, 390), (340, 380), (420, 280), (640, 282), (720, 385), (830, 395),
                  (835, 482), (198, 484)], width)
    _add(d, rng, [(440, 300), (430, 375), (560, 378), (555, 298), (442, 300)], width * 0.8)
    _add(d, rng, _circle(330, 500, 62), width)
    _add(d, rng, _circle(700, 500, 62), width)
    return d


def sun(seed: int = 4, width: float = 11.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    _add(d, rng, _circle(512, 384, 150), width)
    for k in range(12):
        a = k / 12 * 2 * math.pi
        _add(d, rng, [(512 + 185 * math.cos(a), 384 + 185 * math.sin(a)),
                      (512 + 270 * math.cos(a), 384 + 270 * math.sin(a))], width, 2.0)
    _add(d, rng, _circle(460, 350, 14), width, 0.5)
    _add(d, rng, _circle(565, 350, 14), width, 0.5)
    _add(d, rng, _circle(512, 400, 70, 50, start=0.4, end=2.7, n=12), width, 1.0)
    return d


def fish(seed: int = 5, width: float = 8.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    _add(d, rng, _circle(480, 384, 220, 130, start=0.5, end=2 * math.pi - 0.5, n=30), width)
    _add(d, rng, [(672, 322), (840, 230), (835, 540), (670, 446)], width)
    _add(d, rng, _circle(360, 350, 20), width, 0.5)
    _add(d, rng, [(520, 270), (560, 384), (520, 500)], width * 0.8, 2.0)
    return d


def heart(seed: int = 6, width: float = 10.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    pts = []
    for k in range(41):  # the classic heart curve, drawn in one go from the dip at the top
        t = math.pi * (k / 20 - 1)
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((512 + 16 * x, 370 - 16 * y))
    _add(d, rng, pts, width)
    return d


def tree(seed: int = 7, width: float = 10.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    _add(d, rng, [(470, 700), (478, 470), (548, 468), (556, 702)], width)           # trunk
    crown = []
    for k in range(7):  # a cloud of bumps
        a0, a1 = k / 7 * 2 * math.pi, (k + 1) / 7 * 2 * math.pi
        cx, cy = 512 + 150 * math.cos((a0 + a1) / 2), 300 + 120 * math.sin((a0 + a1) / 2)
        crown += _circle(cx, cy, 75, 65, n=8, start=(a0 + a1) / 2 - 1.3, end=(a0 + a1) / 2 + 1.3)
    _add(d, rng, crown + crown[:1], width)
    _add(d, rng, [(300, 702), (760, 700)], width, 2.0)                                # the ground
    return d


def flower(seed: int = 8, width: float = 9.0) -> Drawing:
    rng, d = random.Random(seed), Drawing(1024, 768)
    _add(d, rng, _circle(512, 280, 45), width, 1.0)                                  # the middle
    for k in range(6):
        a = k / 6 * 2 * math.pi
        cx, cy = 512 + 100 * math.cos(a), 280 + 100 * math.sin(a)
        petal = [(cx + 55 * math.cos(t) * math.cos(a) - 32 * math.sin(t) * math.sin(a),
                  cy + 55 * math.cos(t) * math.sin(a) + 32 * math.sin(t) * math.cos(a))
                 for t in (j / 12 * 2 * math.pi for j in range(13))]
        _add(d, rng, petal, width, 1.5)
    _add(d, rng, [(512, 390), (505, 540), (515, 720)], width)                        # the stem
    _add(d, rng, [(510, 600), (600, 540), (640, 560), (580, 610), (512, 610)], width, 1.5)  # a leaf
    return d


SAMPLES = {"house": house, "cat": cat, "car": car, "sun": sun, "fish": fish,
           "heart": heart, "tree": tree, "flower": flower}

# Subjects whose colour every child knows; the others (a house, a car) may be any colour.
# The words are those of `training.evaluate.colour_name`.
KNOWN_COLOURS = {"heart": ("red", "pink"), "sun": ("yellow", "orange"), "tree": ("green",)}


def with_hint(drawing: Drawing, colour: tuple[int, int, int], pts, width: float = 26.0) -> Drawing:
    """A copy of `drawing` with one colour-hint scribble."""
    d = Drawing(drawing.width, drawing.height, drawing.strokes)
    d.add_stroke(Stroke([Point(x, y, 1.0, 0.0) for x, y in pts], width=width, kind=HINT, color=colour))
    return d


CAR_HINT_SCRIBBLE = [(470, 420), (520, 440), (580, 425), (640, 445), (700, 430)]
