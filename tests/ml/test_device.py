"""Device and backend choice: the CPU whenever CUDA is missing, never an error."""

import torch

from icanvas_desktop.ml import backends, device


def test_cuda_request_falls_back_to_cpu_without_a_gpu(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert device.choose_device("cuda") == "cpu"
    assert device.choose_device("auto") == "cpu"
    assert device.choose_device("cpu") == "cpu"


def test_cuda_is_chosen_when_present(monkeypatch):
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
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert backends.choose_backend("auto") == "torch"
    assert backends.choose_backend("auto", device="cpu") == "onnx"


def test_without_torch_onnx_runtime_is_used(monkeypatch):
    monkeypatch.setattr(backends, "has_module", lambda name: name != "torch")
    assert backends.choose_backend("torch") == "onnx"
