"""Save and load self-describing style checkpoints (safetensors, fp16 weights).

Loading never unpickles: weights come from safetensors, and legacy pix2pix `.pth` files
are imported through `torch.load(weights_only=True)` only (see `pix2pix_import`).
"""

from __future__ import annotations

from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file

from icanvas_desktop.core.atomic import atomic_write_bytes
from icanvas_desktop.ml.networks import build_generator
from icanvas_desktop.ml.style_meta import CheckpointError, encode_metadata, read_header, decode_metadata


def save_style(path: Path | str, model: torch.nn.Module, meta: dict, dtype=torch.float16) -> None:
    """Write weights (fp16 by default: half the size, no visible change) and metadata."""
    state = {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}
    state = {k: (v.to(dtype) if v.is_floating_point() else v) for k, v in state.items()}
    from safetensors.torch import save
    atomic_write_bytes(path, save(state, metadata=encode_metadata(meta)))


def load_style(path: Path | str, device: str | torch.device = "cpu") -> tuple[torch.nn.Module, dict]:
    """Build the network that the metadata describes and load its weights, computing in fp32.

    Raises `CheckpointError` (with the file named) for a missing, truncated, foreign,
    mismatched or hostile file.
    """
    path = Path(path)
    table, raw_meta = read_header(path)
    meta = decode_metadata(path, raw_meta)
    try:
        model = build_generator(meta["arch"], meta["arch_config"])
    except (TypeError, ValueError) as err:
        raise CheckpointError(path, f"its architecture cannot be built ({err})") from err
    try:
        state = load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError) as err:
        raise CheckpointError(path, f"its weights are damaged ({err})") from err
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    extra = sorted(set(state) - set(expected))
    if missing or extra:
        raise CheckpointError(path, f"its weights do not match {meta['arch']} "
                                    f"(missing {missing[:3]}, unexpected {extra[:3]})")
    for k, v in expected.items():
        if tuple(state[k].shape) != tuple(v.shape):
            raise CheckpointError(path, f"weight {k} has shape {tuple(state[k].shape)}, "
                                        f"expected {tuple(v.shape)}")
        if v.is_floating_point():
            t = state[k].float()
            if not torch.isfinite(t).all():
                raise CheckpointError(path, f"weight {k} holds NaN or infinite values")
            state[k] = t
    model.load_state_dict(state)
    model.to(device)
    prepare = getattr(model, "prepare_for_inference", None)
    if prepare is not None:
        prepare()
    else:
        model.eval()
    return model, meta


def update_metadata(path: Path | str, **updates) -> None:
    """Rewrite a style file with changed metadata (e.g. evaluation figures), weights untouched."""
    path = Path(path)
    _, raw = read_header(path)
    meta = decode_metadata(path, raw)
    meta.update(updates)
    state = load_file(str(path))
    from safetensors.torch import save
    atomic_write_bytes(path, save(state, metadata=encode_metadata(meta)))
