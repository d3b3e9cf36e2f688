"""Diagnostic: the publish score of a palette style decoded at other temperatures.

A palette generator (`FastUnet(palette=K)`) paints softmax(logits / T) times its colours; T is in
the style's metadata, not in its weights, so it can be tried after training. For each T this
copies the style into a temporary folder, rewrites its `arch_config.temperature`, and measures it
the way `icanvas publish` does (test split and our eight sketches). Nothing is shipped.

    python scripts/measure_temperature.py ~/.cache/iCanvas/train/sticker_palette/sticker.safetensors 0.2 0.6 1.0
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from icanvas_desktop.ml.checkpoint import update_metadata
from icanvas_desktop.ml.style_meta import read_metadata
from icanvas_desktop.training.publish import measure, score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("style", type=Path)
    ap.add_argument("temperatures", type=float, nargs="+")
    ns = ap.parse_args()
    if not read_metadata(ns.style)["arch_config"].get("palette"):
        raise SystemExit(f"{ns.style} is not a palette style (no arch_config palette)")
    with tempfile.TemporaryDirectory() as tmp:
        for t in ns.temperatures:
            path = Path(tmp) / f"{t}" / ns.style.name
            path.parent.mkdir()
            shutil.copyfile(ns.style, path)
            update_metadata(path, arch_config={**read_metadata(path)["arch_config"], "temperature": t})
            m = measure(path)
            a = m["augmented"]
            print(f"T {t}: score {score(m):.4f}  SSIM {a['ssim']}  colour match {a['hue_match']}  "
                  f"line precision {a['line_precision']}  sketches {m['sketches']['colours']}", flush=True)


if __name__ == "__main__":
    main()
