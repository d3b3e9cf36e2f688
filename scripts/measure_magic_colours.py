"""Magic colours on a split of a style's data set: the hand-drawn-like pictures as the app
finishes them, without and with guessed colours, for a few guess settings.

Settings are chosen on the validation split (`--split val`) and reported on the test split,
which the colour index (training split only) never saw. Each setting's change of the colour
match is printed with its paired bootstrap interval (`training/uncertainty.py`): Magic colours
against none, every other try against the default. A change whose interval holds zero is within
the noise of the split.
    python scripts/measure_magic_colours.py models/sticker.safetensors --split val
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from dataclasses import replace
from pathlib import Path

from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.ml.colour_guess import GuessConfig, colours_path, load_index
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training import datasets
from icanvas_desktop.training.evaluate import (figures, finish, hue_verdicts, run_model,
                                               test_inputs, to_u8, with_magic_colours)
from icanvas_desktop.training.uncertainty import hue_match_change

TRIES = {"default": {}, "k3": {"neighbours": 3}, "k8": {"neighbours": 8}, "k15": {"neighbours": 15},
         "lines x2": {"line_weight": 2.0}, "silhouette only": {"line_weight": 0.0},
         "no colourful bonus": {"colourful_weight": 0.0}, "soft votes": {"sharpness": 5.0},
         "no grouping": {"group_frac": 0.0}, "framed by all strokes": {"framing": "strokes"},
         "both framings": {"framing": "both"}, "both framings k15": {"framing": "both", "neighbours": 15},
         # an index with drawn subjects (training/subjects.py): without them, and a smaller margin
         "without drawn subjects": {"drawn_margin": float("inf")}, "drawn margin 0.1": {"drawn_margin": 0.1}}


def hue_hits(out, tgt, tolerance_deg: float = 30.0) -> float:
    """Share of colourful true pictures whose picture has their hue (not balanced by colour
    family, unlike `hue_match`: steadier on a small split, though orange-heavy)."""
    families, hits = hue_verdicts(out, tgt, tolerance_deg)
    return round(float(hits[families >= 0].sum()) / max(int((families >= 0).sum()), 1), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("style")
    ap.add_argument("--split", default="val", help="a split, or several joined by + (val+test)")
    ap.add_argument("--data")
    ap.add_argument("--index", help="colour index file (default: the one beside the style)")
    ap.add_argument("--only", help="run only these tries, comma-separated")
    args = ap.parse_args()
    path = Path(args.style)
    model, meta = load_style(path, "cpu")
    spec = IOSpec.from_meta(meta["io"])
    data_dir = Path(args.data) if args.data else datasets.default_cache() / meta["data"]["dataset"]
    data = datasets.load(data_dir)
    idx = np.concatenate([data.split(s) for s in args.split.split("+")])
    x, t, inks = test_inputs(data, idx, spec, spec.size, True)
    keys = ("ssim", "hue_match", "hue_hits", "hue_spread", "spill")
    out = to_u8(finish(run_model(model, x), x, spec))
    plain = figures(out, t, inks) | {"hue_hits": hue_hits(out, t)}
    print(f"{args.split}: {len(x)} hand-drawn-like pictures")
    print("without magic colours", json.dumps({k: plain[k] for k in keys}))
    index = load_index(Path(args.index) if args.index else colours_path(path))
    families, before = hue_verdicts(out, t)
    default_hits = None
    names = [n for n in TRIES if not args.only or n in args.only.split(",")]
    for name in ["default"] + [n for n in names if n != "default"]:   # the default first: the others compare with it
        cfg = replace(GuessConfig(), **TRIES[name])
        xm = with_magic_colours(x, index, spec, cfg)
        out = to_u8(finish(run_model(model, xm), xm, spec))
        hits = hue_verdicts(out, t)[1]
        if name in names:
            f = figures(out, t, inks) | {"hue_hits": hue_hits(out, t)}
            against = "none" if default_hits is None else "default"
            change = hue_match_change(families, before if default_hits is None else default_hits, hits)
            print(f"{name:22s}", json.dumps({k: f[k] for k in keys}), f"colour match against {against}: {change}")
        if default_hits is None:
            default_hits = hits

if __name__ == "__main__":
    main()
