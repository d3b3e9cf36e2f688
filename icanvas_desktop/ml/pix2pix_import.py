"""`icanvas import-pix2pix latest_net_G.pth`: a public pix2pix generator as an iCanvas style.

The file is read with `torch.load(weights_only=True)` only: tensors and plain containers,
never arbitrary pickled objects, so a hostile file cannot run code. The network shape
(depth, width, channels) is read off the state dict itself.
"""

from __future__ import annotations

import pickle
import re
import zipfile
from pathlib import Path

import torch

from icanvas_desktop.ml.checkpoint import save_style
from icanvas_desktop.ml.networks import ClassicUnet
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.ml.style_meta import CheckpointError


def read_state_dict(path: Path) -> dict[str, torch.Tensor]:
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError, zipfile.BadZipFile, ValueError, OSError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise CheckpointError(path, f"not a plain pix2pix weight file, or damaged: {first}") from err
    if isinstance(obj, dict) and "state_dict" in obj and isinstance(obj["state_dict"], dict):
        obj = obj["state_dict"]
    if not isinstance(obj, dict) or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise CheckpointError(path, "it does not hold a generator state dict")
    # DataParallel saves add a "module." prefix.
    return {re.sub(r"^module\.", "", k): v for k, v in obj.items()}


def infer_shape(state: dict[str, torch.Tensor], path: Path) -> tuple[int, int, int, int]:
    """(input_nc, output_nc, num_downs, ngf) of a pix2pix UnetGenerator state dict."""
    first = state.get("model.model.0.weight")
    if first is None or first.ndim != 4:
        raise CheckpointError(path, "it is not a pix2pix U-Net generator (no model.model.0.weight)")
    ngf, input_nc = int(first.shape[0]), int(first.shape[1])
    depth = max(k.count("model.") for k in state if k.endswith("weight"))
    num_downs = depth - 1  # the generator adds one "model.", every nested block one more
    out_key = "model.model.3.weight"  # outermost ConvTranspose2d: (inner_nc*2, output_nc, 4, 4)
    if out_key not in state:
        raise CheckpointError(path, "it is not a pix2pix U-Net generator (no outer up-convolution)")
    return input_nc, int(state[out_key].shape[1]), num_downs, ngf


def import_pix2pix(path: Path | str, name: str, norm: str, out_dir: Path | str,
                   title: str | None = None) -> Path:
    path = Path(path)
    state = read_state_dict(path)
    input_nc, output_nc, num_downs, ngf = infer_shape(state, path)
    stats = ("running_mean", "running_var", "num_batches_tracked")
    if norm == "instance":
        # Old pix2pix versions built InstanceNorm with track_running_stats=True and saved its
        # (unused) statistics; the public loader deletes them, and so do we.
        state = {k: v for k, v in state.items() if not k.endswith(stats)}
    has_running = any(k.endswith("running_mean") for k in state)
    if norm == "batch" and not has_running:
        raise CheckpointError(path, f"--norm {norm} does not match the file "
                                    f"({'it has' if has_running else 'it has no'} BatchNorm statistics)")
    model = ClassicUnet(input_nc, output_nc, num_downs, ngf, norm, use_dropout=True)
    expected = model.state_dict()
    for k, v in expected.items():  # older pix2pix files lack BatchNorm's step counters
        if k.endswith("num_batches_tracked") and k not in state:
            state[k] = torch.zeros_like(v)
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as err:
        raise CheckpointError(path, f"its weights do not fit a {num_downs}-level U-Net: "
                                    f"{str(err).splitlines()[0]}") from err
    arch = {8: "unet_256", 7: "unet_128"}.get(num_downs)
    if arch is None:
        raise CheckpointError(path, f"a U-Net with {num_downs} levels is not supported (7 or 8)")
    size = 2 ** num_downs
    spec = IOSpec(size=size, final_size=size, hints=False, overlay_lines=False,
                  line_channels=input_nc)
    meta = {"name": name, "arch": arch,
            "arch_config": {"input_nc": input_nc, "output_nc": output_nc, "ngf": ngf, "norm": norm},
            "io": spec.to_meta(), "title": {"en": title or name, "ko": title or name},
            "description": {"en": "Imported pix2pix generator", "ko": "가져온 pix2pix 생성기"},
            "data": {"title": "unknown (imported)", "license": "unknown: check the source of the weights"},
            "license": "unknown: imported from a pix2pix checkpoint",
            "recipe": {"imported_from": path.name, "framework": "pytorch-CycleGAN-and-pix2pix"},
            "metrics": {}}
    out = Path(out_dir) / f"{name}.safetensors"
    save_style(out, model, meta)
    return out
