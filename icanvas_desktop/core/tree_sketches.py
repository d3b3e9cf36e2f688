"""Trees as children draw them: a cloud or a circle on a trunk, a pine of stacked triangles, a
crown on a stick trunk, an apple tree, a wide crown. The test of whether a style knows what was
drawn: a child's tree should come out with a green crown (docs/experiments.md).
"""

from __future__ import annotations

import math
import random

from icanvas_desktop.core.sample_drawings import _add, _circle
from icanvas_desktop.core.sample_drawings import tree as card_tree
from icanvas_desktop.core.strokes import Drawing


def _page(seed: int) -> tuple[random.Random, Drawing]:
    return random.Random(seed), Drawing(1024, 768)


def lollipop_tree(seed: int = 21, w: float = 10.0) -> Drawing:
    """A circle on a rectangular trunk, on a ground line."""
    rng, d = _page(seed)
    _add(d, rng, _circle(512, 260, 150, n=30), w)
    _add(d, rng, [(480, 405), (482, 640), (545, 642), (543, 405)], w)
    _add(d, rng, [(300, 645), (730, 648)], w)
    return d


def pine(seed: int = 22, w: float = 10.0) -> Drawing:
    """Two stacked triangles on a short trunk."""
    rng, d = _page(seed)
    _add(d, rng, [(512, 90), (380, 300), (645, 300), (512, 90)], w)
    _add(d, rng, [(512, 200), (340, 450), (685, 452), (512, 200)], w)
    _add(d, rng, [(490, 452), (490, 600), (535, 600), (535, 452)], w)
    return d


def stick_trunk_tree(seed: int = 23, w: float = 10.0) -> Drawing:
    """A scalloped crown on a trunk of two lines."""
    rng, d = _page(seed)
    pts = []
    for k in range(9):   # nine bumps round the crown
        a0, a1 = 2 * math.pi * k / 9, 2 * math.pi * (k + 1) / 9
        for t in range(5):
            a = a0 + (a1 - a0) * t / 4
            r = 160 + 28 * math.sin(math.pi * t / 4)
            pts.append((512 + r * math.cos(a), 300 + 0.8 * r * math.sin(a)))
    _add(d, rng, pts, w)
    _add(d, rng, [(495, 430), (492, 680)], w)
    _add(d, rng, [(535, 430), (538, 680)], w)
    return d


def apple_tree(seed: int = 24, w: float = 10.0) -> Drawing:
    """The lollipop tree with five apples in its crown."""
    d = lollipop_tree(seed, w)
    rng = random.Random(seed + 100)
    for cx, cy in ((450, 220), (560, 200), (520, 320), (430, 310), (600, 290)):
        _add(d, rng, _circle(cx, cy, 18, n=12), w * 0.8)
    return d


def wide_tree(seed: int = 25, w: float = 10.0) -> Drawing:
    """A wide oval crown on a thick trunk."""
    rng, d = _page(seed)
    _add(d, rng, _circle(512, 300, 260, 150, n=34), w)
    _add(d, rng, [(470, 445), (465, 680), (560, 682), (555, 445)], w)
    return d


TREE_SKETCHES = {"card tree": card_tree, "lollipop": lollipop_tree, "pine": pine,
                 "stick trunk": stick_trunk_tree, "apple tree": apple_tree, "wide": wide_tree}
