"""Small shared builders for the ml tests: tiny styles with random weights, and colour indexes
of a few drawn shapes (tests only)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from PIL import Image, ImageDraw

from icanvas_desktop.ml.checkpoint import save_style
from icanvas_desktop.ml.networks import build_generator
from icanvas_desktop.ml.preprocess import IOSpec


def tiny_style(folder: Path, name: str = "tiny", hints: bool = False, overlay: bool = True,
               seed: int = 0) -> Path:
    torch.manual_seed(seed)
    spec = IOSpec(size=64, final_size=128, hints=hints, overlay_lines=overlay)
    cfg = {"in_ch": spec.in_channels, "channels": [8, 16, 16, 16]}
    model = build_generator("fast_unet", cfg)
    meta = {"name": name, "arch": "fast_unet", "arch_config": cfg, "io": spec.to_meta(),
            "title": {"en": "Tiny", "ko": "작은"}, "description": {}, "data": {"license": "test"},
            "license": "test only", "recipe": {}, "metrics": {}}
    path = folder / f"{name}.safetensors"
    save_style(path, model, meta)
    return path


def shape_picture(points, colour, size: int = 256) -> np.ndarray:
    """A coloured picture of one shape with a black outline, on white, like an emoji."""
    img = Image.new("RGB", (size, size), "white")
    ImageDraw.Draw(img).polygon(points, fill=colour, outline=(0, 0, 0))
    return np.asarray(img)


def colour_index_of(pictures):
    """A Magic colours index of coloured pictures, framed as `training.colour_index` frames them."""
    from icanvas_desktop.ml import colour_guess as cg
    sil, lines, cols = [], [], []
    for pic in pictures:
        drawn = pic.min(2) < 240
        box = cg.frame(cg.solid(drawn))
        p = np.pad(drawn, 3)
        inner = drawn & p[6:, 3:-3] & p[:-6, 3:-3] & p[3:-3, 6:] & p[3:-3, :-6]
        sil.append(cg.resample(cg.solid(drawn), box, cg.GRID))
        lines.append(cg.resample(drawn & ~inner, box, cg.GRID))
        cols.append(cg.resample(pic, box, cg.COLOUR_GRID))
    return cg.ColourIndex(np.stack(sil), np.stack(lines), np.stack(cols), {})
