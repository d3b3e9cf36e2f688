"""Device and backend choice: the CPU whenever CUDA is missing, never an error."""

import os
import subprocess
import sys
from pathlib import Path

import torch

from icanvas_desktop.ml import backends, device


def test_cuda_request_falls_back_to_cpu_without_a_gpu(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert device.choose_device("cuda") == "cpu"
    assert device.choose_device("auto") == "cpu"
    assert device.choose_device("cpu") == "cpu"


def test_cuda_is_chosen_when_present(monkeypatch):
    monkeypatch.setattr(device, "gpu_driver_present", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert device.choose_device("auto") == "cuda"
    assert device.choose_device("cpu") == "cpu"


def test_threads_leave_a_core_for_the_ui(monkeypatch):
    monkeypatch.setattr(device, "cpu_count", lambda: 2)
    assert device.choose_threads(0) == 1
    assert device.choose_threads(0, keep_free=0) == 2
    assert device.choose_threads(3) == 3
    monkeypatch.setattr(device, "cpu_count", lambda: 1)
    assert device.choose_threads(0) == 1


def test_backend_is_onnx_on_cpu_and_torch_with_cuda(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert backends.choose_backend("auto") == "onnx"
    assert backends.choose_backend("torch") == "torch"
    assert backends.choose_backend("auto", onnx_file=False) == "torch"
    monkeypatch.setattr(device, "gpu_driver_present", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert backends.choose_backend("auto") == "torch"
    assert backends.choose_backend("auto", device="cpu") == "onnx"


def test_without_torch_onnx_runtime_is_used(monkeypatch):
    monkeypatch.setattr(backends, "has_module", lambda name: name != "torch")
    assert backends.choose_backend("torch") == "onnx"


def test_without_a_gpu_driver_cuda_is_ruled_out_before_torch_is_imported(monkeypatch):
    monkeypatch.setattr(device, "gpu_driver_present", lambda: False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)   # would say yes if asked
    assert device.choose_device("auto") == "cpu"
    assert backends.choose_backend("auto") == "onnx"


def test_the_app_engine_on_a_cpu_never_imports_torch(tmp_path):
    # The engine as the app builds it (automatic backend and device) on a PC with no NVIDIA
    # driver: ONNX Runtime renders, and torch (2 s and 200 MB) is never imported.
    code = """
import sys
from icanvas_desktop.ml import device
device.gpu_driver_present = lambda: False
from icanvas_desktop.ml.bench import bench_drawing
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.styles import discover_styles
engine = Engine(EngineConfig())
engine.load_style(discover_styles()[0])
picture = engine.preview(bench_drawing())
assert picture.size == (512, 384), picture.size
print(engine.backend_name, "torch" in sys.modules)
"""
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(root)}, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split() == ["onnxruntime", "False"]
