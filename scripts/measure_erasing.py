"""What the eraser leaves for the engine, and what working it out costs.

Part 1, the engine's input against the canvas: lines and circles drawn with every pen (Thin,
Medium, Thick, a pressure pen), small and large on the page, rubbed out in part (along half
the path, or half scrubbed away) and wholly (along the path); at the preview and final sizes,
the "stray" pixels are those the engine sees as ink (> 0.25) farther than its own line's
half-width from any ink the child can see. Printed for the lines cut to what the eraser left
(`core/erasing.rubbed_out`, now) and drawn whole under the eraser (before), with how many
wholly rubbed-out pages were still sent to the engine.

Part 2, the cost: `rubbed_out` on the eight card sketches with and without eraser strokes, and
on a heavy page (40 strokes, 6 big scribbles), and `Drawing.is_empty` there; median of --runs,
cache cleared each time.

    python scripts/measure_erasing.py
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from icanvas_desktop.core import erasing, raster  # noqa: E402
from icanvas_desktop.core.raster import View, ink_image  # noqa: E402
from icanvas_desktop.core.sample_drawings import SAMPLES  # noqa: E402
from icanvas_desktop.core.strokes import ERASE, Drawing, Point, Stroke  # noqa: E402
from icanvas_desktop.ml.lines import dilate  # noqa: E402
from icanvas_desktop.ml.preprocess import IOSpec, prepare_drawing  # noqa: E402

PENS = {"thin": 4.0, "medium": 9.0, "thick": 18.0, "pressure": 9.0}
SPEC = IOSpec()


def path_of(shape: str, extent: float) -> list[Point]:
    n = 40
    if shape == "line":
        return [Point(512 - extent / 2 + extent * i / n, 384 + extent * 0.1 * math.sin(i / 6)) for i in range(n + 1)]
    return [Point(512 + extent / 2 * math.cos(2 * math.pi * i / n), 384 + extent / 2 * math.sin(2 * math.pi * i / n))
            for i in range(n + 1)]


def page(pen: str, shape: str, extent: float, how: str) -> Drawing:
    path = path_of(shape, extent)
    if pen == "pressure":
        path = [Point(p.x, p.y, 0.25 + 0.75 * abs(math.sin(3 * i / len(path)))) for i, p in enumerate(path)]
    d = Drawing(1024, 768)
    d.add_stroke(Stroke(path, PENS[pen]))
    rub = PENS[pen] * 3
    if how == "whole":
        d.add_stroke(Stroke(list(path), rub, ERASE))
        return d
    d.add_stroke(Stroke([Point(300, 720), Point(700, 720)], 9))          # something stays
    if how == "along":
        d.add_stroke(Stroke(path[len(path) // 2:], rub, ERASE))
    else:                                                                 # scrub the right half
        ys = [p.y for p in path]
        pts, y, left = [], min(ys) - 18, True
        while y <= max(ys) + 18 + rub * 0.6:
            pts += [Point(512 if left else 900, y), Point(900 if left else 512, y)]
            y, left = y + rub * 0.6, not left
        d.add_stroke(Stroke(pts, rub, ERASE))
    return d


def stray(d: Drawing, size: int) -> int | None:
    prep = prepare_drawing(d, SPEC, size)
    if prep is None:
        return None
    x0, y0, side = prep.crop
    seen = np.asarray(ink_image(d.strokes, (size, size), View(x0, y0, size / side))) / 255
    engine = (1 - prep.x[0]) / 2
    return int(((engine > 0.25) & ~dilate(seen > 0.02, SPEC.line_width(size) / 2 + 1.5)).sum())


def part1() -> None:
    cases = [(pen, shape, extent, how) for pen in PENS for shape in ("line", "circle")
             for extent in (160, 760) for how in ("along", "scrub", "whole")]
    real_cut, real_visible = raster.rubbed_out, Drawing.visible
    print("Part 1: engine input against the canvas, %d pages x sizes 128 and 256" % len(cases))
    for label, whole_lines in (("before (lines drawn whole)", True), ("now (cut to what is left)", False)):
        if whole_lines:       # what the code did before: no geometry, the eraser only painted over
            raster.rubbed_out = lambda strokes, kinds=None: list(strokes)
            Drawing.visible = lambda self: self.strokes
        erasing._cache.clear()
        rows, sent = [], 0
        for pen, shape, extent, how in cases:
            d = page(pen, shape, extent, how)
            for size in (128, 256):
                n = stray(d, size)
                if how == "whole":
                    sent += n is not None
                else:
                    rows.append((pen, n))
        raster.rubbed_out, Drawing.visible = real_cut, real_visible
        bad = [n for _, n in rows if n]
        print(f"  {label}: {len(bad)} of {len(rows)} partly rubbed-out renders had stray ink "
              f"(total {sum(bad)} px, worst {max(bad, default=0)} px; by pen: "
              + ", ".join(f"{p} {sum(n for q, n in rows if q == p)}" for p in PENS)
              + f"); wholly rubbed-out pages sent to the engine: {sent} of {2 * len(cases) // 3}")


def scribble(rng: random.Random, width: float) -> Stroke:
    cx, cy = rng.uniform(150, 850), rng.uniform(150, 600)
    return Stroke([Point(cx + 90 * math.cos(i / 3), cy + 1.2 * i) for i in range(120)], width, ERASE)


def timed(strokes, runs: int) -> float:
    times = []
    for _ in range(runs):
        erasing._cache.clear()
        t = time.perf_counter()
        erasing.rubbed_out(strokes)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def part2(runs: int) -> None:
    rng = random.Random(1)
    print(f"Part 2: rubbed_out, median of {runs} runs (ms)")
    plain, rubbed = [], []
    for name, make in SAMPLES.items():
        d = make()
        plain.append(timed(d.strokes, runs))
        rubbed.append(timed(d.strokes + [scribble(rng, 27) for _ in range(3)], runs))
    print(f"  card sketches, no eraser:        {statistics.median(plain):.3f} (median of 8; max {max(plain):.3f})")
    print(f"  card sketches, 3 eraser scribbles: {statistics.median(rubbed):.1f} (median of 8; max {max(rubbed):.1f})")
    heavy = []
    for _ in range(40):
        cx, cy = rng.uniform(100, 900), rng.uniform(100, 650)
        heavy.append(Stroke([Point(cx + 120 * math.cos(i / 10), cy + 80 * math.sin(i / 7)) for i in range(120)], 9))
    heavy += [scribble(rng, 27) for _ in range(6)]
    print(f"  heavy page (40 strokes of 120 points, 6 scribbles): {timed(heavy, runs):.1f}")
    page_ = Drawing(1024, 768, heavy)
    times = []
    for _ in range(runs):
        erasing._cache.clear()
        t = time.perf_counter()
        page_.is_empty()
        times.append(time.perf_counter() - t)
    print(f"  Drawing.is_empty on the heavy page (the canvas asks it when a stroke ends): "
          f"{statistics.median(times) * 1000:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ns = ap.parse_args(argv)
    part1()
    part2(ns.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
