"""Is a child's tree green? The crown's colour of six hand-drawn trees in every style.

    python scripts/measure_trees.py [--json] [--sheet trees.png]

The trees are `core/tree_sketches.py` (the card tree, a lollipop tree, a pine, a tree with a stick
trunk, an apple tree, a wide crown), rendered by `Engine.final` as the app renders them. The crown is
the largest closed shape in the upper part of the drawing (found on the child's strokes, not on
the picture); its colour is named as the model cards name colours (`evaluate.colour_name`).
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from PIL import Image

from icanvas_desktop.core.raster import View, ink_image
from icanvas_desktop.core.tree_sketches import TREE_SKETCHES
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.regions import find_shapes
from icanvas_desktop.ml.styles import discover_styles
from icanvas_desktop.training.evaluate import colour_name

W, H = 512, 384


def crown_mask(drawing) -> np.ndarray:
    """The tree's crown: the largest closed shape whose middle is in the top 60 % of the drawing."""
    k = W / drawing.width
    ink = np.asarray(ink_image(drawing.strokes, (W, H), View(0, 0, k)), np.float32) / 255
    labels, ids = find_shapes(np.pad(ink, ((0, W - H), (0, 0))))     # square, as the engine's shapes
    labels = labels[:H]
    ys = np.nonzero(ink > 0.35)[0]
    top = ys.min() + 0.6 * (ys.max() - ys.min())
    best = max((i for i in ids if np.nonzero(labels == i)[0].mean() < top),
               key=lambda i: (labels == i).sum(), default=None)
    return labels == best if best is not None else np.zeros((H, W), bool)


def crown_colour(picture: Image.Image, mask: np.ndarray) -> str:
    px = np.asarray(picture.convert("RGB").resize((W, H)))
    only = np.full_like(px, 255)
    only[mask] = px[mask]
    return colour_name(only)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sheet", help="a contact sheet: a row per style, a tree per column")
    ns = ap.parse_args(argv)
    masks = {n: crown_mask(f()) for n, f in TREE_SKETCHES.items()}
    result, rows = {}, []
    for style in discover_styles():
        eng = Engine(EngineConfig(threads=0))
        eng.load_style(style)
        pics = {n: eng.final(f(), W) for n, f in TREE_SKETCHES.items()}
        names = {n: crown_colour(p, masks[n]) for n, p in pics.items()}
        result[style.name] = {"crowns": names, "green": sum(v == "green" for v in names.values())}
        rows.append(list(pics.values()))
        if not ns.json:
            print(f"{style.name}: {result[style.name]['green']} of {len(names)} crowns green "
                  f"({', '.join(f'{n} {c}' for n, c in names.items())})")
    if ns.sheet and rows:
        w, h = 256, 192
        sheet = Image.new("RGB", (w * len(rows[0]), h * len(rows)), "white")
        for r, row in enumerate(rows):
            for c, pic in enumerate(row):
                sheet.paste(pic.convert("RGB").resize((w, h)), (c * w, r * h))
        sheet.save(ns.sheet)
    if ns.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
