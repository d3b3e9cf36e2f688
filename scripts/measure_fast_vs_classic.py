"""Fast generator vs classic pix2pix U-Net, trained with the same recipe and time budget
(`training/recipes/compare_fast.toml`, `compare_classic.toml`), evaluated on the same test
split. Not a test: a script that prints the table in README.md.

    icanvas train icanvas_desktop/training/recipes/compare_fast.toml
    icanvas train icanvas_desktop/training/recipes/compare_classic.toml
    python scripts/measure_fast_vs_classic.py WORK/compare_fast/compare_fast.safetensors \
        WORK/compare_classic/compare_classic.safetensors

The same at 256² against pix2pix's own UNet-256 (`compare_fast_256.toml`,
`compare_classic_256.toml`): one thread each, both runs started together so that they share
the machine alike.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training.datasets import default_cache
from icanvas_desktop.training.evaluate import evaluate


def main(paths: list[str]) -> None:
    rows = []
    for p in paths:
        model, meta = load_style(Path(p))
        spec = IOSpec.from_meta(meta["io"])
        res = evaluate(model, spec, default_cache() / meta["data"]["dataset"])
        params = sum(t.numel() for t in model.parameters()) / 1e6
        rows.append({"arch": meta["arch"], "params_m": round(params, 2), "steps": meta["recipe"]["steps"],
                     "minutes": meta["recipe"]["minutes"], **res})
    print("| generator | params | steps in budget | min | SSIM clean | SSIM hand-drawn "
          "| L1 clean | L1 hand-drawn | line recall | line precision | spill |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        c, a = r["clean"], r["augmented"]
        print(f"| {r['arch']} | {r['params_m']} M | {r['steps']} | {r['minutes']} | {c['ssim']} | "
              f"{a['ssim']} | {c['l1']} | {a['l1']} | {a['line_recall']} | {a['line_precision']} | {a['spill']} |")
    print(json.dumps(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
