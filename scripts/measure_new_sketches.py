"""Render the eight sketches that no setting was tuned on (`core/more_sketches.py`) with a style,
Magic colours off (top row) and on (bottom row), and name each picture's main colour.
    python scripts/measure_new_sketches.py models/sticker.safetensors --out new_sketches.png
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.core.more_sketches import MORE_SKETCHES
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.styles import style_from_file
from icanvas_desktop.training.evaluate import colour_name


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("style")
    ap.add_argument("--out", default="new_sketches.png")
    args = ap.parse_args()
    w, h, top = 256, 192, 16
    sheet = Image.new("RGB", (w * len(MORE_SKETCHES), top + 2 * h), "white")
    draw = ImageDraw.Draw(sheet)
    for i, name in enumerate(MORE_SKETCHES):
        draw.text((i * w + 4, 2), name, fill="black")
    for row, magic in enumerate((False, True)):
        eng = Engine(EngineConfig(backend="torch", magic_colours=magic))
        eng.load_style(style_from_file(Path(args.style)))
        names = {}
        for i, (name, make) in enumerate(MORE_SKETCHES.items()):
            pic = eng.final(make(), 512).convert("RGB")
            names[name] = colour_name(np.asarray(pic))
            sheet.paste(pic.resize((w, h)), (i * w, top + row * h))
        print("Magic colours", "on: " if magic else "off:", ", ".join(f"{k} {v}" for k, v in names.items()))
    sheet.save(args.out)
    print(args.out)


if __name__ == "__main__":
    main()
