"""One contact sheet of every installed style: the card sketches and hand-drawn doodles, each
drawn through every style side by side, so the styles can be compared at a glance.

    python scripts/make_style_sheet.py                       # -> models/styles.sheet.png
    python scripts/make_style_sheet.py --doodles 0 --out x.png

Rows: our eight card sketches, the three faces (`core/face_sketches.py`), then Doodle Icons
(npm `doodle-icons`, MIT, measuring only: `training/doodles.py`); columns: the sketch, then each
style in `models/`. Card sketches and faces go through `Engine.final`, as the app renders them;
doodles through `Engine.render_raster`, as `icanvas render` does.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

from icanvas_desktop.core.face_sketches import FACE_SKETCHES
from icanvas_desktop.core.raster import sketch_image
from icanvas_desktop.core.sample_drawings import SAMPLES
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.styles import discover_styles, shipped_models_dir

TILE = (192, 144)
# Doodles that a child might draw, chosen by name before looking at any picture made of them.
DOODLES = ("Car", "Heart", "Sun", "Star", "Home", "Cloud", "Bulb", "Cake", "CoffeeCup1", "Gift", "Bell", "Umbrella")


def _tile(img: Image.Image, label: str = "") -> Image.Image:
    t = Image.new("RGB", TILE, "white")
    im = img.convert("RGB")
    im.thumbnail(TILE, Image.LANCZOS)
    t.paste(im, ((TILE[0] - im.width) // 2, (TILE[1] - im.height) // 2))
    if label:
        ImageDraw.Draw(t).text((4, 2), label, fill=(90, 90, 90))
    return t


def rows(engines: dict, doodles: dict) -> list[list[Image.Image]]:
    out = [[_tile(Image.new("RGB", TILE, "white"))] + [_tile(Image.new("RGB", TILE, "white"), n) for n in engines]]
    for name, make in {**SAMPLES, **FACE_SKETCHES}.items():
        d = make()
        out.append([_tile(sketch_image(d), name)] + [_tile(e.final(d, 384)) for e in engines.values()])
    for name, grey in doodles.items():
        pic = Image.fromarray(grey)
        out.append([_tile(pic, name)] + [_tile(e.render_raster(pic, 384)) for e in engines.values()])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doodles", type=int, default=len(DOODLES), help="how many doodles (0: none)")
    ap.add_argument("--out", help="default: models/styles.sheet.png")
    ns = ap.parse_args(argv)
    engines = {}
    for style in discover_styles():
        eng = Engine(EngineConfig(threads=0))
        eng.load_style(style)
        engines[style.name] = eng
    doodles = {}
    if ns.doodles:
        from icanvas_desktop.training.datasets import default_cache
        from icanvas_desktop.training.doodles import doodles as fetch
        every = fetch(default_cache())
        doodles = {n: every[n] for n in DOODLES[:ns.doodles] if n in every}
    grid = rows(engines, doodles)
    w, h = TILE
    sheet = Image.new("RGB", (len(grid[0]) * w, len(grid) * h), "white")
    for r, row in enumerate(grid):
        for c, tile in enumerate(row):
            sheet.paste(tile, (c * w, r * h))
    out = Path(ns.out) if ns.out else shipped_models_dir() / "styles.sheet.png"
    sheet.save(out, optimize=True)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
