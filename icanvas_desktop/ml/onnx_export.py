"""`icanvas export-onnx STYLE`: an ONNX graph beside a style, with its metadata carried over.

The installer edition runs styles through ONNX Runtime, without torch. The graph takes any
square size (preview and final renders share it), and it carries the style's metadata as
ONNX metadata properties, so it stays self-describing on its own.
"""

from __future__ import annotations

import io
from pathlib import Path

import torch

from icanvas_desktop.core.atomic import atomic_write_bytes
from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.ml.style_meta import encode_metadata

OPSET = 17


def export_onnx(style_path: Path | str, out: Path | str | None = None) -> Path:
    import onnx
    style_path = Path(style_path)
    out = Path(out) if out else style_path.with_suffix(".onnx")
    model, meta = load_style(style_path, "cpu")
    spec = IOSpec.from_meta(meta.get("io", {}))
    x = torch.zeros(1, spec.in_channels, spec.size, spec.size)
    buf = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(model, (x,), buf, input_names=["sketch"], output_names=["picture"],
                          dynamic_axes={"sketch": {0: "batch", 2: "height", 3: "width"},
                                        "picture": {0: "batch", 2: "height", 3: "width"}},
                          opset_version=OPSET, dynamo=False)
    graph = onnx.load_from_string(buf.getvalue())
    for k, v in encode_metadata(meta).items():
        graph.metadata_props.add(key=k, value=v)
    onnx.checker.check_model(graph)
    atomic_write_bytes(out, graph.SerializeToString())
    return out
