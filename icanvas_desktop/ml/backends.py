"""Forward-pass backends, and the one place that chooses between them.

torch runs where it is installed and CUDA is present, or where settings ask for it; ONNX
Runtime runs otherwise, and wherever torch is absent (the installer edition ships without
it). Only the forward pass differs: pre- and post-processing are shared (`preprocess`).

ONNX Runtime is only ever imported through `import_onnxruntime()`, which switches its
telemetry off first (docs/privacy.md): iCanvas promises parents that nothing leaves the PC.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import numpy as np

from icanvas_desktop.ml.style_meta import CheckpointError


def has_module(name: str) -> bool:
    # find_spec does not import: asking whether torch exists must not cost its 2 s import.
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a blocked or half-installed package counts as absent
        return False


# ONNX Runtime 1.29+ on Linux and macOS starts a telemetry uploader when it is IMPORTED: it
# writes ~/.cache/Microsoft/DeveloperTools/.onnxruntime/ (a device id and a database with a
# queued ProcessInfo event) and would send it over HTTPS. This variable, set before the import,
# is its supported full opt-out: no uploader, no device id, no offline cache (onnxruntime
# pull request 27379). The choice is latched at import, so it is set here, at the import of
# this module, as well as right before each import of onnxruntime.
TELEMETRY_OFF = {"ORT_DISABLE_TELEMETRY": "1"}
os.environ.update(TELEMETRY_OFF)


def import_onnxruntime():
    """The onnxruntime module, imported with its telemetry off (see TELEMETRY_OFF)."""
    os.environ.update(TELEMETRY_OFF)
    import onnxruntime as ort
    # Windows builds report through the system's event tracing instead; this is the switch
    # for those events (a no-op where the variable above already stopped everything).
    ort.disable_telemetry_events()
    return ort


class TorchBackend:
    name = "torch"

    def __init__(self, device: str = "auto", threads: int = 0):
        import torch
        from icanvas_desktop.ml.device import choose_device, choose_threads
        self.device = choose_device(device)
        torch.set_num_threads(choose_threads(threads))
        self.model = None

    def load(self, path: Path) -> dict:
        from icanvas_desktop.ml.checkpoint import load_style
        self.model, meta = load_style(path, self.device)
        return meta

    def run(self, x: np.ndarray) -> np.ndarray:
        """(C, S, S) float32 → (S, S, 3) in [-1, 1]."""
        import torch
        with torch.inference_mode():
            y = self.model(torch.from_numpy(x[None]).to(self.device))
        return np.moveaxis(y[0].float().cpu().numpy(), 0, -1)


class OnnxBackend:
    name = "onnxruntime"

    def __init__(self, device: str = "auto", threads: int = 0):
        from icanvas_desktop.ml.device import choose_threads
        self.device = "cpu"
        self.threads = choose_threads(threads)
        self.session = None
        self.input_name = None

    def load(self, path: Path) -> dict:
        from icanvas_desktop.ml.style_meta import read_metadata
        meta = read_metadata(path)
        onnx_path = Path(path).with_suffix(".onnx")
        if not onnx_path.exists():
            raise CheckpointError(onnx_path, "this style has no ONNX graph; run `icanvas export-onnx`")
        ort = import_onnxruntime()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
            inputs, outputs = self.session.get_inputs(), self.session.get_outputs()
        except Exception as err:  # onnxruntime raises its own exception types for bad graphs
            raise CheckpointError(onnx_path, f"its ONNX graph cannot be loaded ({err})") from err
        if len(inputs) != 1 or not outputs:     # run() feeds one sketch and reads one picture
            raise CheckpointError(onnx_path, f"its ONNX graph takes {len(inputs)} inputs and gives "
                                             f"{len(outputs)} outputs, not one sketch and a picture")
        self.input_name = inputs[0].name
        return meta

    def run(self, x: np.ndarray) -> np.ndarray:
        y = self.session.run(None, {self.input_name: x[None].astype(np.float32)})[0]
        return np.moveaxis(y[0], 0, -1)


BACKENDS = {"torch": TorchBackend, "onnx": OnnxBackend}


def choose_backend(setting: str = "auto", device: str = "auto", onnx_file: bool = True) -> str:
    """"torch" or "onnx" for a style (`onnx_file`: whether it has an ONNX graph)."""
    setting = (setting or "auto").lower()
    torch_ok, ort_ok = has_module("torch"), has_module("onnxruntime") and onnx_file
    if setting == "torch" and torch_ok:
        return "torch"
    if setting == "onnx" and ort_ok:
        return "onnx"
    if torch_ok and device != "cpu":
        from icanvas_desktop.ml.device import cuda_available
        if cuda_available():
            return "torch"
    if ort_ok:
        return "onnx"
    if torch_ok:
        return "torch"
    raise RuntimeError("neither ONNX Runtime nor torch is installed")
