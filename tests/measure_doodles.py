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
the data cache, used here only, never shipped or trained on.

    python tests/measure_doodles.py --sheet doodles.png
    python tests/measure_doodles.py --limit 60
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.ml.engine import Engine
from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.masks import solid
from icanvas_desktop.ml.styles import discover_styles
from icanvas_desktop.training.datasets import default_cache, npm_fetch
from icanvas_desktop.training.evaluate import colour_name
from icanvas_desktop.training.svg_render import render_svg

PACKAGE = "doodle-icons@1.1.0"
SIZE = 256


def doodles(cache: Path) -> dict[str, np.ndarray]:
    """name -> (512, 512) uint8 greyscale doodle, black marker on white, fetched once."""
    folder = cache / "doodles"
    pics = folder / "png"
    if not pics.is_dir() or not any(pics.iterdir()):
        pics.mkdir(parents=True, exist_ok=True)
        pkg = npm_fetch(PACKAGE, folder)
        js = (pkg / "build" / "index.js").read_text(encoding="utf-8")
        # Each icon is a React component holding an SVG's viewBox and its paths (the marker
        # strokes, already outlined); the clip paths in <defs> are left out.
        parts = re.split(r"var Svg(\w+) = function \(props\) \{", js)
        for name, body in zip(parts[1::2], parts[2::2]):
            box = re.search(r'viewBox: "([^"]+)"', body).group(1)
            paths = re.findall(r'jsxRuntime\.jsx\("path", \{ d: "([^"]+)"', body.split('jsxRuntime.jsx("defs"')[0])
            svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}"><g transform="translate(10 10) scale(0.9)">'
                   + "".join(f'<path d="{d}" fill="#000"/>' for d in paths) + "</g></svg>")
            rgba = render_svg(svg.encode(), 512).astype(np.float32)
            grey = 255 - rgba[..., 3]               # black marker on white paper
            Image.fromarray(grey.astype(np.uint8)).save(pics / f"{name}.png")
        (folder / "LICENCE.txt").write_text("Doodle Icons by Khushmeen Sidhu (https://khushmeen.com/icons.html), "
                                            f"npm package {PACKAGE} by Srivatsa Rampalli, MIT licence.\n")
    return {p.stem: np.asarray(Image.open(p).convert("L")) for p in sorted(pics.glob("*.png"))}


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
    args = ap.parse_args()
    pics = doodles(default_cache())
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
