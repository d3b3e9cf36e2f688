"""Pen-lift gaps: which gappy circles each style fills, and which open drawings stay open.

A circle drawn in the app with an opening of 0 to 35 % of its width (and one drawn as two arcs
with two gaps) is rendered by every shipped style; "filled" is the share of the middle of the
circle that is coloured rather than paper. Open drawings (a U, a C, a smile, grass, rays) must
not be filled by a bridge, so their bridges are counted. `--no-bridges` shows the engine
without `ml/gaps.py`, for the comparison in the README. Writes a contact sheet.

    python scripts/measure_gaps.py --sheet gaps.png
    python scripts/measure_gaps.py --no-bridges
    python scripts/measure_gaps.py --trace 0.04      # read the ends' direction over 4 % instead
    python scripts/measure_gaps.py --smoke           # one style, a few drawings: does it still run?

A child's pen often flicks at the end of a stroke. The last table counts, for circles with an
opening of 10, 15 and 20 % (three wobbles each), how many are still found closed when both ends
end in a hook of 15 or 30 canvas pixels (3 or 6 at the model's 128²) turned 30 or 60 degrees.
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
from icanvas_desktop.ml.gaps import GapConfig, bridges
from icanvas_desktop.ml.masks import lines_of
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


def hooked(share: float, hook: float, turn_deg: float, seed: int) -> Drawing:
    """A gappy circle whose two ends flick by `hook` canvas pixels, turned `turn_deg`."""
    half = math.asin(share)
    pts = arc(-math.pi / 2 + half, 1.5 * math.pi - half)

    def flick(end, before, sign):
        dx, dy = end[0] - before[0], end[1] - before[1]
        n = math.hypot(dx, dy)
        a = math.radians(turn_deg) * sign
        return (end[0] + hook * (dx * math.cos(a) - dy * math.sin(a)) / n,
                end[1] + hook * (dx * math.sin(a) + dy * math.cos(a)) / n)
    return drawing([flick(pts[0], pts[1], -1)] + pts + [flick(pts[-1], pts[-2], 1)], seed=seed)


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
    ap.add_argument("--trace", type=float, default=GapConfig().trace_frac,
                    help="how far back along the line an end's direction is read (share of the side)")
    ap.add_argument("--smoke", action="store_true", help="one style, two drawings of each kind, one hook (CI)")
    args = ap.parse_args()
    config = GapConfig(trace_frac=args.trace)
    if args.no_bridges:
        regions.bridge_mask = lambda lines, *a, **k: np.zeros(lines.shape, bool)
    styles = [s for s in discover_styles(include_user=False) if s.shipped][: 1 if args.smoke else None]
    circles, opened = ({k: d[k] for k in list(d)[:2]} for d in (CIRCLES, OPEN)) if args.smoke else (CIRCLES, OPEN)
    hooks, turns, shares, seeds = ((0,), (30,), (0.1,), (1,)) if args.smoke else \
        ((0, 15, 30), (-60, -30, 30, 60), (0.1, 0.15, 0.2), (1, 2, 3))
    spec = IOSpec()
    close = regions.closing_px(spec.size)
    print(f"bridges found at {spec.size}² (open drawings must have none):")
    for name, d in opened.items():
        ink = (1 - prepare_drawing(d, spec, spec.size).x[0]) / 2
        # the gap the closing leaves, as enclosed_regions asks for it
        print(f"  {name:8s} {0 if args.no_bridges else len(bridges(lines_of(ink), config, min_gap=2 * close + 1))}")
    tile, cells = 160, []
    print("share of the circle's middle coloured, final picture:", "  ".join(f"{s.name:>7s}" for s in styles))
    engines = []
    for s in styles:
        e = Engine()
        e.load_style(s)
        engines.append(e)
    for name, d in {**circles, **opened}.items():
        pics = [e.final(d, 512) for e in engines]
        if name in circles:
            print(f"  {name:10s}", "  ".join(f"{filled(p):7.2f}" for p in pics))
        cells.append(pics)
    print(f"gappy circles found closed at {spec.size}² when their ends flick (of {len(shares) * len(seeds)} each):")
    for hook in hooks:
        row = []
        for turn in turns:
            closed = 0
            for share in shares:
                for seed in seeds:
                    ink = (1 - prepare_drawing(hooked(share, hook, turn, seed), spec, spec.size).x[0]) / 2
                    found = regions.enclosed_regions(ink, close, gaps=None if args.no_bridges else config)[1]
                    closed += len(found) == 1
            row.append(f"{turn:+d}°: {closed}")
        print(f"  hook {hook:2d} px  " + "  ".join(row))
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
