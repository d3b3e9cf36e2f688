"""Diagnostic: how many training pictures of a data set have each main colour?

A style learns the colours its data leans to. This counts the training split's pictures by the
hue family of their main colour (`training.augment.main_colour`: the colour that covers most
of the drawn part), so "a tree is green in too few pictures to win" is a number, not a guess.

    python scripts/measure_main_colours.py openmoji [--dedupe 0.95]
"""

from __future__ import annotations

import argparse
import collections
import numpy as np

from icanvas_desktop.training import datasets
from icanvas_desktop.training.dedupe import drop_colour_variants
from icanvas_desktop.training.samples import main_colour_family



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--dedupe", type=float, default=0.0, help="leave out colour variants first (IoU)")
    ns = ap.parse_args()
    data = datasets.load(datasets.default_cache() / ns.dataset)
    idx = data.split("train")
    if ns.dedupe:
        idx = drop_colour_variants(data.lines, data.color, [e["name"] for e in data.index], idx, ns.dedupe).keep
    counts = collections.Counter()
    for i in idx:
        counts[main_colour_family(np.asarray(data.color[i]))] += 1
    print(f"{ns.dataset}: {len(idx)} training pictures by main colour")
    for name, n in counts.most_common():
        print(f"  {name:22s} {n:5d}  {n / len(idx):6.1%}")


if __name__ == "__main__":
    main()
