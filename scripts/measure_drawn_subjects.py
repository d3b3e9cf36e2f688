"""How far do the drawn subjects of a colour index reach? Chooses `GuessConfig.drawn_margin`.

The Magic colours index of a style may end with subjects drawn the way children draw them
(`training/subjects.py`: trees, so that a child's tree comes out green). They must colour what
they are and nothing else. This counts, on the 439 hand-drawn Doodle Icons (`training/doodles.py`,
foreign to every style), the doodles whose colours would come from a drawn subject (one among the
five neighbours of any of their objects), for several margins. None of the doodles is a tree (the
two named Tree are hierarchy diagrams, MoneyPlant a sprout holding a coin), so every doodle reached
is a false colour, and an index is built with the smallest margin that reaches none. The card
sketches and `core/tree_sketches.py` are not used here: they stay the held-out test
(`scripts/measure_trees.py`).

    python scripts/measure_drawn_subjects.py models/emoji.colours.safetensors
    python scripts/measure_drawn_subjects.py INDEX --folder my_drawings/   # black-on-white PNGs instead
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.ml import colour_guess as cg
from icanvas_desktop.ml.masks import lines_of, solid
from icanvas_desktop.ml.preprocess import IOSpec, ink_of, prepare_skeleton, raster_sketch
from icanvas_desktop.ml.regions import find_shapes
from icanvas_desktop.training.datasets import default_cache
from icanvas_desktop.training.doodles import doodles

MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2)


def drawn_lead(grey: np.ndarray, index: cg.ColourIndex, config: cg.GuessConfig) -> float:
    """The most any object of the doodle's best drawn subject beats its fifth-best data picture
    (> -margin: a drawn subject is among its five neighbours at that margin)."""
    skel = raster_sketch(Image.fromarray(grey)).skeleton
    prep = prepare_skeleton(skel, IOSpec(hints=True), 128)
    if prep is None:
        return -1.0
    ink = ink_of(prep.x)
    labels, ids = find_shapes(ink)
    lead = -1.0
    for _, own, (box,) in cg.object_views(lines_of(ink), labels, ids, config):
        sim = cg._similarity(*cg.shape_of(own, box, solid(own)), index, config.line_weight)   # before any margin
        data, drawn = sim[:index.first_drawn], sim[index.first_drawn:]
        fifth = np.sort(data)[-config.neighbours] if len(data) >= config.neighbours else -1.0
        lead = max(lead, float(drawn.max()) - float(fifth)) if len(drawn) else lead
    return lead


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index", help="a colour index with drawn subjects")
    ap.add_argument("--folder", type=Path, help="black-on-white drawings (PNG) to use instead of the Doodle Icons")
    ap.add_argument("--json", action="store_true", help="also print the doodles reached at each margin as JSON")
    ns = ap.parse_args()
    index = cg.load_index(Path(ns.index))
    if index.first_drawn == len(index):
        raise SystemExit(f"{ns.index} has no drawn subjects")
    config = cg.GuessConfig()
    pics = {p.stem: np.asarray(Image.open(p).convert("L")) for p in sorted(ns.folder.glob("*.png"))} \
        if ns.folder else doodles(default_cache())
    leads = {name: drawn_lead(grey, index, config) for name, grey in pics.items()}
    print(f"{len(leads)} doodles")
    clean, table = None, {}
    for m in MARGINS:
        reached = table[m] = sorted(n for n, lead in leads.items() if lead > m)
        clean = m if clean is None and not reached else clean
        print(f"margin {m:.2f}: {len(reached)} doodles reached "
              f"({', '.join(reached[:12])}{' ...' if len(reached) > 12 else ''})")
    # The rule the shipped indexes follow: the smallest margin that gives no doodle a false colour.
    print(f"this index was built with margin {index.drawn_margin:.2f}; "
          f"the smallest that reaches no doodle: {clean if clean is not None else 'none tried'}")
    if ns.json:
        print(json.dumps({"margin": index.drawn_margin, "clean": clean, "reached": {str(m): r for m, r in table.items()}}))


if __name__ == "__main__":
    main()
