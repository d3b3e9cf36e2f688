"""Pen-lift gaps: which gappy circles each style fills, and which open drawings stay open.

A circle drawn in the app with an opening of 0 to 35 % of its width (and one drawn as two arcs
with two gaps) is rendered by every shipped style; "filled" is the share of the middle of the
circle that is coloured rather than paper. Open drawings (a U, a C, a smile, grass, rays) must
not be filled by a bridge, so their bridges are counted. `--no-bridges` shows the engine
without `ml/gaps.py`, for the comparison in the README. Writes a contact sheet.

    python tests/measure_gaps.py --sheet gaps.png
    python tests/measure_gaps.py --no-bridges
"""

from __future__ import annotations

import argparse
import math
import random

import numpy as np
from PIL import Image

from icanvas_desktop.core.strokes import Drawing, Point, Stroke
from icanvas_desktop.ml import regions
from icanvas_desktop.ml.engine import Engine
from icanvas_desktop.ml.gaps import bridges
from icanvas_desktop.ml.preprocess import IOSpec, prepare_drawing
from icanvas_desktop.ml.styles import discover_styles

CX, CY, R = 512, 384, 250


def stroke(pts, rng: random.Random, width: float = 10.0) -> Stroke:
    """A hand-drawn-looking stroke: the points with a little tremor."""
    return Stroke([Point(x + rng.gauss(0, 1.5), y + rng.gauss(0, 1.5), 0.9, 0.02 * i) for i, (x, y) in enumerate(pts)],
                  width=width)


def arc(start: float, end: float, r: float = R, cx: float = CX, cy: float = CY, n: int = 60):
    return [(cx + r * math.cos(start + (end - start) * k / n), cy + r * math.sin(start + (end - start) * k / n))
            for k in range(n + 1)]


def drawing(*polylines, seed: int = 1) -> Drawing:
    rng = random.Random(seed)
    return Drawing(1024, 768, [stroke(p, rng) for p in polylines])


def gappy_circle(share: float) -> Drawing:
    """A circle whose opening at the top is `share` of its width."""
    half = math.asin(share)
    return drawing(arc(-math.pi / 2 + half, 1.5 * math.pi - half))


CIRCLES = {f"gap {round(s * 100)} %": gappy_circle(s) for s in (0.0, 0.06, 0.1, 0.15, 0.2, 0.25, 0.35)}
CIRCLES["two arcs"] = drawing(arc(0.15, math.pi - 0.15), arc(math.pi + 0.15, 2 * math.pi - 0.15))
OPEN = {
    "U": drawing([(350, 200), (350, 600), (670, 600), (670, 200)]),
    "C": drawing(arc(math.pi / 4, 2 * math.pi - math.pi / 4)),
    "smile": drawing(arc(0.2 * math.pi, 0.8 * math.pi, cy=250)),
    "grass": drawing([(200, 600), (820, 600)], *[[(240 + 70 * k, 600), (250 + 70 * k, 470)] for k in range(9)]),
    "rays": drawing(*[[(CX + 90 * math.cos(a), CY + 90 * math.sin(a)), (CX + 240 * math.cos(a), CY + 240 * math.sin(a))]
                      for a in np.linspace(0, 2 * math.pi, 9)[:-1]]),
}


def filled(picture: Image.Image) -> float:
    """Share of the middle of the circle (within 0.6 of its radius) that is not white paper."""
    a = np.asarray(picture.convert("RGB"), np.float32) / 255
    h, w = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    # the picture keeps the canvas's proportions: the circle sits at the same relative place
    middle = np.hypot((xx + 0.5) / w * 1024 - CX, (yy + 0.5) / h * 768 - CY) < 0.6 * R
    return float((a[middle].min(1) < 0.85).mean())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-bridges", action="store_true", help="the engine without gap bridging")
    ap.add_argument("--sheet", help="write a contact sheet of every drawing in every style here")
    args = ap.parse_args()
    if args.no_bridges:
        regions.bridge_mask = lambda lines, *a, **k: np.zeros(lines.shape, bool)
    styles = [s for s in discover_styles(include_user=False) if s.shipped]
    spec = IOSpec()
    print("bridges found at 128² (open drawings must have none):")
    for name, d in OPEN.items():
        ink = (1 - prepare_drawing(d, spec, spec.size).x[0]) / 2
        print(f"  {name:8s} {0 if args.no_bridges else len(bridges(ink > 0.35, min_gap=2 * 1.024 + 1))}")
    tile, cells = 160, []
    print("share of the circle's middle coloured, final picture:", "  ".join(f"{s.name:>7s}" for s in styles))
    engines = []
    for s in styles:
        e = Engine()
        e.load_style(s)
        engines.append(e)
    for name, d in {**CIRCLES, **OPEN}.items():
        pics = [e.final(d, 512) for e in engines]
        if name in CIRCLES:
            print(f"  {name:10s}", "  ".join(f"{filled(p):7.2f}" for p in pics))
        cells.append(pics)
    if args.sheet:
        sheet = Image.new("RGB", (tile * len(styles), tile * len(cells)), "white")
        for r, pics in enumerate(cells):
            for c, p in enumerate(pics):
                p = p.copy()
                p.thumbnail((tile, tile))
                sheet.paste(p, (c * tile, r * tile))
        sheet.save(args.sheet)


if __name__ == "__main__":
    main()
