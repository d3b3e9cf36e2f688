"""Small shared builders for the ml tests: tiny styles with random weights (tests only)."""

from __future__ import annotations

from pathlib import Path

import torch

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
