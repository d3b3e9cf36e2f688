"""Every style on 439 hand-drawn doodles that no style was trained on: filled, clean, varied?

The emoji test splits are line art derived from the same sets the styles learned from. The
Doodle Icons (Khushmeen Sidhu, packaged on npm as `doodle-icons` 1.1.0, MIT) are drawn by hand
with a thick, wobbly marker: closer to what a child brings, and foreign to every style. They
have no colour, so there is no truth to compare with; what can be measured is what the issue
asks of any picture:
- filled: the share of the area inside the drawing (its closed parts) that is coloured;
- spill: the share of the open page, away from the lines, that is not white paper;
- colours: how many pictures get each colour name (one colour for everything is a failure).
The pictures go through `icanvas render`'s path (`Engine.render_raster`). Fetched with npm into
the data cache (`training/doodles.py`), used for measuring only, never shipped or trained on.

    python scripts/measure_doodles.py --sheet doodles.png
    python scripts/measure_doodles.py --limit 60
    python scripts/measure_doodles.py --folder my_drawings/     # any black-on-white PNGs instead
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.ml.engine import Engine
from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.masks import solid
from icanvas_desktop.ml.styles import discover_styles
from icanvas_desktop.training.datasets import default_cache
from icanvas_desktop.training.doodles import doodles
from icanvas_desktop.training.evaluate import colour_name

SIZE = 256


def scores(picture: Image.Image, drawing: np.ndarray) -> tuple[float | None, float]:
    """(filled share of the inside, or None when the doodle closes nothing; spill share)."""
    out = np.asarray(picture.convert("RGB"), np.float32) / 255
    ink = np.asarray(Image.fromarray(drawing).resize(picture.size, Image.BILINEAR)) < 128
    near = dilate(ink, 3)
    inside = solid(ink) & ~near
    coloured = out.min(-1) < 0.92
    open_page = ~solid(dilate(ink, 2)) & ~dilate(ink, 6)
    filled = float(coloured[inside].mean()) if inside.sum() > 0.01 * ink.size else None
    return filled, float(coloured[open_page].mean()) if open_page.any() else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="only the first N doodles (by name)")
    ap.add_argument("--sheet", help="write a contact sheet (doodle, then each style) here")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    ap.add_argument("--folder", type=Path, help="black-on-white drawings (PNG) to use instead of the Doodle Icons")
    args = ap.parse_args()
    pics = {p.stem: np.asarray(Image.open(p).convert("L")) for p in sorted(args.folder.glob("*.png"))} \
        if args.folder else doodles(default_cache())
    names = list(pics)[: args.limit] if args.limit else list(pics)
    styles = [s for s in discover_styles(include_user=False) if s.shipped]
    result, tiles = {}, {n: [Image.fromarray(pics[n]).convert("RGB").resize((96, 96))] for n in names}
    for style in styles:
        eng = Engine()
        eng.load_style(style)
        filled, spill, colours, blank = [], [], collections.Counter(), 0
        for n in names:
            out = eng.render_raster(Image.fromarray(pics[n]), SIZE)
            f, s = scores(out, pics[n])
            if f is not None:
                filled.append(f)
                blank += f < 0.2
            spill.append(s)
            colours[colour_name(np.asarray(out))] += 1
            tiles[n].append(out.resize((96, 96)))
        top = colours.most_common(1)[0]
        result[style.name] = {"doodles": len(names), "closed": len(filled), "filled": round(float(np.mean(filled)), 3),
                              "left_white": int(blank), "spill": round(float(np.mean(spill)), 4),
                              "colours": dict(colours.most_common()), "most_common_share": round(top[1] / len(names), 3)}
        r = result[style.name]
        print(f"{style.name:>8}: inside coloured {r['filled']:.3f} (of {r['closed']} doodles that close a shape; "
              f"{r['left_white']} left mostly white), open page coloured {r['spill']:.4f}, "
              f"most common colour {top[0]} {r['most_common_share']:.0%}: {r['colours']}")
    if args.sheet:
        cols = 4
        per = 1 + len(styles)
        rows = (len(names) + cols - 1) // cols
        sheet = Image.new("RGB", (96 * per * cols, 96 * rows), "white")
        for k, n in enumerate(names):
            for j, t in enumerate(tiles[n]):
                sheet.paste(t, (96 * (per * (k % cols) + j), 96 * (k // cols)))
        sheet.save(args.sheet)
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
