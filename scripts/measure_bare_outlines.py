"""Diagnostic: does a style still tell subjects apart when it sees only their outline?

Children draw bare outlines (a heart is one closed line); the training data is emoji line art
with inner details. This script runs a style on its own test split twice: with the line art as
in training, and with only the silhouette's outline (the border of everything that is not
paper in the true picture, redrawn at the canonical width). If the colour figures collapse on
bare outlines, the one-colour pictures on children's sketches come from that gap, not from the
network's capacity.

    python scripts/measure_bare_outlines.py emoji [--limit 200]
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.preprocess import IOSpec, encode_input
from icanvas_desktop.training import datasets
from icanvas_desktop.training.augment import canonical_ink
from icanvas_desktop.training.evaluate import figures, run_model, to_u8
from icanvas_desktop.training.evaluate_cli import style_path
from icanvas_desktop.training.samples import resize_rgb


def bare_outline(color: np.ndarray) -> np.ndarray:
    """1-px outline of everything that is not white paper in a picture."""
    solid = color.min(-1) < 235
    return solid & dilate(~solid, 1.0)  # solid pixels that touch the paper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("style")
    ap.add_argument("--limit", type=int)
    ns = ap.parse_args()
    path = style_path(ns.style)
    model, meta = load_style(path, "cpu")
    spec = IOSpec.from_meta(meta["io"])
    data = datasets.load(datasets.default_cache() / meta["data"]["dataset"])
    idx = data.split("test")[:ns.limit]
    size = spec.size
    result = {}
    for name, lines_of in (("line art", lambda i: np.asarray(data.lines[i]).astype(bool)),
                           ("bare outline", lambda i: bare_outline(np.asarray(data.color[i])))):
        inks = np.stack([canonical_ink(lines_of(i), size, spec.line_width_frac) for i in idx])
        x = np.stack([encode_input(k, hints=spec.hints, line_channels=spec.line_channels) for k in inks])
        tgt = np.stack([resize_rgb(np.asarray(data.color[i]), size) for i in idx])
        f = figures(to_u8(run_model(model, x)), tgt, inks)
        result[name] = {k: f[k] for k in ("ssim", "l1", "hue_spread", "hue_match")}
        print(f"{name:>13}: " + ", ".join(f"{k} {v}" for k, v in result[name].items()))
    print(json.dumps({"style": meta["name"], "pictures": len(idx), **result}))


if __name__ == "__main__":
    main()
