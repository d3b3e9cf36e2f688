"""Faces as a child draws them: a round head, dot eyes, a smile, and hair as a closed cap,
long hair round the head, or curls. Wobbly and hand-drawn-looking, like `sample_drawings`.

The Faces style's card, its hint sheet (a hair and a skin hint) and its evaluation use these,
since the eight card sketches (a house, a cat...) are not what that style is for.
"""

from __future__ import annotations

import math
import random

from icanvas_desktop.core.sample_drawings import _add, _circle, with_hint
from icanvas_desktop.core.strokes import Drawing


def _head(d: Drawing, rng: random.Random, cx: float, cy: float, r: float, w: float) -> None:
    _add(d, rng, _circle(cx, cy, r, r * 1.08, n=30), w)                       # the head
    for ex in (cx - 0.36 * r, cx + 0.36 * r):                                  # two round eyes
        _add(d, rng, _circle(ex, cy - 0.12 * r, 0.1 * r, n=10), w * 0.8, 1.0)
    _add(d, rng, _circle(cx, cy + 0.22 * r, 0.42 * r, 0.3 * r, n=12, start=0.35, end=math.pi - 0.35), w)  # smile


def face(seed: int = 31, width: float = 10.0) -> Drawing:
    """A round face whose hair is the top of the head, above a wavy fringe, with a few tufts."""
    rng, d = random.Random(seed), Drawing(1024, 768)
    cx, cy, r = 512, 400, 210
    _head(d, rng, cx, cy, r, width)
    y = cy - 0.42 * r
    half = r * math.sqrt(1 - (0.42 / 1.08) ** 2) + 6          # where the fringe meets the head
    fringe = [(cx - half + 2 * half * k / 12, y + 14 * math.sin(k * math.pi / 2)) for k in range(13)]
    _add(d, rng, fringe, width)
    for dx in (-0.35, 0.0, 0.35):                               # tufts standing up on top
        x0 = cx + dx * r
        top = cy - 1.08 * r * math.sqrt(1 - dx * dx)
        _add(d, rng, [(x0 - 12, top + 4), (x0 + 4, top - 45), (x0 + 16, top + 2)], width * 0.8, 1.5)
    return d


def long_hair(seed: int = 32, width: float = 10.0) -> Drawing:
    """A face framed by long hair that falls to the shoulders."""
    rng, d = random.Random(seed), Drawing(1024, 768)
    cx, cy, r = 512, 360, 180
    _head(d, rng, cx, cy, r, width)
    outline = [(cx - 1.45 * r, cy + 1.8 * r)] + [
        (cx + 1.3 * r * math.cos(a), cy - 0.05 * r + 1.35 * r * math.sin(a))
        for a in [math.pi * 0.98 + math.pi * 1.04 * k / 16 for k in range(17)]] + [(cx + 1.45 * r, cy + 1.8 * r)]
    _add(d, rng, outline + [(cx + 1.1 * r, cy + 1.8 * r), (cx + 1.05 * r, cy + 0.3 * r)], width)
    _add(d, rng, [(cx - 1.05 * r, cy + 0.3 * r), (cx - 1.1 * r, cy + 1.8 * r), (cx - 1.45 * r, cy + 1.8 * r)], width)
    return d


def curls(seed: int = 33, width: float = 10.0) -> Drawing:
    """A face under a cloud of curly hair: a bumpy outline round the top half."""
    rng, d = random.Random(seed), Drawing(1024, 768)
    cx, cy, r = 512, 420, 190
    _head(d, rng, cx, cy, r, width)
    pts = []
    for k in range(9):   # bumps from ear to ear over the top
        a0 = math.pi * 0.95 + math.pi * 1.1 * k / 9
        a1 = math.pi * 0.95 + math.pi * 1.1 * (k + 1) / 9
        for t in range(5):
            a = a0 + (a1 - a0) * t / 4
            rr = r * (1.22 + 0.16 * math.sin(math.pi * t / 4))
            pts.append((cx + rr * math.cos(a), cy - 0.15 * r + rr * math.sin(a)))
    _add(d, rng, pts + [(cx + 0.9 * r, cy - 0.3 * r), (cx - 0.9 * r, cy - 0.3 * r), pts[0]], width)
    return d


FACE_SKETCHES = {"face": face, "long hair": long_hair, "curls": curls}

# Where a child scribbles the hair's and the skin's colour on `face()`.
HAIR_SCRIBBLE = [(420, 230), (470, 215), (530, 222), (600, 232)]
SKIN_SCRIBBLE = [(440, 470), (500, 480), (570, 470)]


def face_with_colours(hair: tuple[int, int, int], skin: tuple[int, int, int] | None = None) -> Drawing:
    """`face()` with a hair colour scribbled in its hair, and a skin colour on its cheeks."""
    d = with_hint(face(), hair, HAIR_SCRIBBLE)
    return with_hint(d, skin, SKIN_SCRIBBLE) if skin else d
