"""The Doodle Icons: 439 hand-drawn doodles that no style was trained on, for measuring only.

Drawn by Khushmeen Sidhu with a thick, wobbly marker and packaged on npm as `doodle-icons`
1.1.0 (MIT): closer to what a child brings than the emoji test splits, and foreign to every
style. Fetched with npm into the data cache on first use; never trained on or shipped. Used by
`scripts/measure_doodles.py` (filled, spill, colours) and `training.distinct` (how different
the styles look).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.training.datasets import npm_fetch
from icanvas_desktop.training.svg_render import render_svg

PACKAGE = "doodle-icons@1.1.0"
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
