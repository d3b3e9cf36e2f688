"""Subjects every child knows the colour of, drawn the way children draw them, for the Magic
colours index (`icanvas colours STYLE --subjects N`).

Why: Magic colours finds a shape's colour in the style's own training pictures of a similar
shape. Emoji sets draw a tree as a round crown with almost no trunk, and a child draws a round
crown on a long trunk, so the emoji trees rank far down for a child's tree (31st for the card
tree in Twemoji's index: docs/experiments.md) and the tree came out yellow or orange in every
style. A classifier that recognises the tree failed on the same ambiguity (a circle on a stick is a
tree, a balloon or a lollipop). These entries put the child's own way of drawing a tree into the
index, beside the emoji: a crown of one of several kinds on a trunk with width, coloured green
and brown. A balloon's string or a lollipop's stick is a single line, which is not a trunk.

Drawn by this module's own code from random parameters (the project's licence; no third-party
pictures), with the wobble of a small hand (`core.sample_drawings`), and framed, rasterised and
cut into silhouette, lines and colour layout exactly as the engine treats a child's drawing. The
six trees that measure the result (`core/tree_sketches.py`, `scripts/measure_trees.py`) are not
drawn here: they are the held-out test.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.core.sample_drawings import _wobbly
from icanvas_desktop.core.strokes import Drawing, Point, Stroke
from icanvas_desktop.ml import colour_guess as cg
from icanvas_desktop.ml.masks import lines_of
from icanvas_desktop.ml.preprocess import IOSpec, ink_of, prepare_drawing
from icanvas_desktop.ml.regions import find_shapes

SIZE = 128          # the engine guesses colours on the style's native 128² input
PAGE = (1024, 768)  # the canvas page, as the app's

# Colours a child picks for a tree: leaf greens, bark browns, apple reds.
GREENS = [(67, 160, 71), (76, 175, 80), (46, 125, 50), (104, 159, 56), (56, 142, 60), (124, 179, 66)]
BROWNS = [(121, 85, 72), (141, 94, 56), (109, 76, 65), (150, 100, 60)]
REDS = [(229, 57, 53), (211, 47, 47), (244, 67, 54)]


@dataclass
class Part:
    stroke: list[tuple[float, float]]               # the pen's path, before the hand's wobble
    colour: tuple[int, int, int] | None             # its fill, or None for a line that closes nothing
    fill: list[tuple[float, float]] | None = None   # the area it fills, when not the stroke itself
    closed: bool = False                            # the entry is dropped unless this part's area is a shape


def _ellipse(cx, cy, rx, ry, n=32, bumps=0, bump=0.0):
    """A closed ellipse of n steps; with `bumps`, scalloped outwards like a child's cloud."""
    pts = []
    for k in range(n + 1):
        a = 2 * math.pi * k / n
        r = 1.0 + (bump * abs(math.sin(bumps * a / 2)) if bumps else 0.0)
        pts.append((cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)))
    return pts


def _crown(rng: random.Random, cx: float, base: float, w: float, h: float) -> list[Part]:
    """A crown standing on y = base: a circle, an oval, a cloud of bumps, or a pine's triangles."""
    green = rng.choice(GREENS)
    kind = rng.choice(["round", "round", "oval", "cloud", "cloud", "pine"])
    if kind == "pine":
        tiers = rng.choice([1, 2, 3])
        parts = []
        for t in range(tiers):      # top tier first; each lower one wider, its apex inside the one above
            apex, foot = base - h + t * 0.3 * h, base - (tiers - 1 - t) * 0.7 * h / tiers
            half = w / 2 * (0.6 + 0.4 * (t + 1) / tiers)
            parts.append(Part([(cx, apex), (cx - half, foot), (cx + half, foot), (cx, apex)], green))
        return parts[::-1]          # fills: the lowest tier first, so the upper ones lie over it
    rx, ry = w / 2, h / 2
    cy = base - ry * rng.uniform(0.85, 0.97)   # the trunk reaches a little into the crown
    if kind == "cloud":
        pts = _ellipse(cx, cy, rx * 0.88, ry * 0.88, n=48, bumps=rng.randint(5, 10), bump=0.14)
    else:
        pts = _ellipse(cx, cy, rx, ry if kind == "oval" else min(rx, ry) * rng.uniform(0.9, 1.1), n=32)
    start = rng.randrange(len(pts) - 1)   # children start a circle anywhere
    pts = pts[start:-1] + pts[:start + 1]
    return [Part(pts, green)]


def tree_parts(rng: random.Random) -> list[Part]:
    """One tree on the 1024×768 page: a closed trunk with width, a crown, sometimes apples,
    sometimes a ground line."""
    cx = rng.uniform(380, 640)
    w = rng.uniform(220, 420)                    # crown width
    h = w * rng.uniform(0.7, 1.3)
    trunk_h = rng.uniform(0.35, 0.9) * h
    trunk_w = w * rng.uniform(0.12, 0.3)
    foot = rng.uniform(560, 720)
    base = foot - trunk_h
    if base - h < 40:                            # keep the whole tree on the page
        shrink = (foot - 40) / (h + trunk_h)
        h, trunk_h, w, trunk_w = h * shrink, trunk_h * shrink, w * shrink, trunk_w * shrink
        base = foot - trunk_h
    brown = rng.choice(BROWNS)
    xl, xr = cx - trunk_w / 2, cx + trunk_w / 2
    top = base - 0.15 * h                        # hidden under the crown
    body = [(xl, foot), (xr, foot), (xr, top), (xl, top)]
    # A closed trunk only: a trunk of two lines open at the foot closes nothing, so the engine
    # frames such a tree by its crown alone, and the entry would teach that a plain circle is
    # green (measured: suns, balloons and a cat turned green).
    if rng.random() < 0.7:                       # drawn in one stroke
        parts = [Part([(xl, top), (xl, foot), (xr, foot), (xr, top)], brown, body, closed=True)]
    else:                                        # two sides, then the foot
        parts = [Part([(xl, top), (xl, foot)], None), Part([(xr, top), (xr, foot)], None),
                 Part([(xl - 3, foot), (xr + 3, foot)], brown, body, closed=True)]
    parts += _crown(rng, cx, base, w, h)
    if rng.random() < 0.25:                      # apples
        red = rng.choice(REDS)
        for _ in range(rng.randint(3, 6)):
            ax, ay = cx + rng.uniform(-0.3, 0.3) * w, base - h * rng.uniform(0.25, 0.7)
            parts.append(Part(_ellipse(ax, ay, w * 0.05, w * 0.05, n=12), red))
    if rng.random() < 0.3:                       # the ground
        parts.append(Part([(cx - w * rng.uniform(0.6, 1.0), foot + 4), (cx + w * rng.uniform(0.6, 1.0), foot + 6)], None))
    return parts


SUBJECTS = {"tree": tree_parts}   # name -> parts of one drawing (explicit: no lookup by string)


def drawing_of(parts: list[Part], rng: random.Random, width: float = 10.0) -> tuple[Drawing, list]:
    """The child's drawing of the parts (wobbly strokes), and each part's fill polygon on the page."""
    d, fills, t = Drawing(*PAGE), [], 0.0
    for part in parts:
        pts = _wobbly(part.stroke, rng, 4.0) if part.stroke else []
        if pts:
            d.add_stroke(Stroke([Point(x, y, 1.0, t + i * 0.02) for i, (x, y) in enumerate(pts)], width=width))
            t += len(pts) * 0.02 + 0.3
        if part.colour is not None:
            fills.append((part.fill or pts, part.colour, part.closed))
    return d, fills


def index_entry(parts: list[Part], rng: random.Random, spec: IOSpec = IOSpec(hints=True)):
    """(silhouette, lines, colour layout) of one drawn subject, framed as the engine frames a
    child's object (`colour_guess.object_views`), or None when it is not one object or a part
    that must close a shape (a trunk) closes none."""
    d, fills = drawing_of(parts, rng)
    prep = prepare_drawing(d, spec, SIZE)
    ink = ink_of(prep.x)
    labels, ids = find_shapes(ink)
    walls = lines_of(ink)
    objects = cg.object_views(walls, labels, ids, cg.GuessConfig())
    if len(objects) != 1:        # a tree is one object; a stray part would teach a wrong shape
        return None
    regs, own, (box,) = objects[0]
    x0, y0, side = prep.crop
    k = SIZE / side
    picture = Image.new("RGB", (SIZE, SIZE), "white")
    pen = ImageDraw.Draw(picture)
    for poly, colour, closed in fills:
        flat = [((x - x0) * k, (y - y0) * k) for x, y in poly]
        if closed:
            # A trunk thinner than the pen closes nothing at this size: the engine would then
            # frame the tree by its crown, or see the trunk as one thick line, and the entry
            # would teach that a circle, or a flower on its stem, is green.
            cx, cy = (int(np.mean([p[i] for p in flat])) for i in (0, 1))
            if not (0 <= cx < SIZE and 0 <= cy < SIZE) or labels[cy, cx] not in regs:
                return None
        pen.polygon(flat, fill=colour)
    px = np.asarray(picture).copy()
    px[ink > 0.5] = 40           # the child's lines, dark, as in the emoji pictures
    sil, lines = cg.shape_of(own, box)
    return sil, lines, cg.resample(px, box, cg.COLOUR_GRID)


def subject_entries(count: int, seed: int = 0, subjects=tuple(SUBJECTS)):
    """`count` entries, the subjects taken in turn: (silhouettes, lines, layouts) arrays."""
    rng = random.Random(seed)
    out, tries = [], 0
    while len(out) < count:
        tries += 1
        if tries > 20 * count:     # about 2 trees in 100 are dropped; far more means a broken generator
            raise RuntimeError(f"only {len(out)} of {tries} drawn subjects were usable")
        entry = index_entry(SUBJECTS[subjects[len(out) % len(subjects)]](rng), rng)
        if entry is not None:
            out.append(entry)
    if not out:
        return (np.zeros((0, cg.GRID, cg.GRID), bool),) * 2 + (np.zeros((0, cg.COLOUR_GRID, cg.COLOUR_GRID, 3), np.uint8),)
    sil, lines, layouts = (np.stack(a) for a in zip(*out))
    return sil, lines, layouts
