"""Style checkpoints: exact round trips, and refusal of broken or hostile files."""

import json
import os
import struct

import pytest
import torch

from icanvas_desktop.ml.checkpoint import load_style, save_style, update_metadata
from icanvas_desktop.ml.style_meta import CheckpointError, read_metadata
from icanvas_desktop.ml.styles import discover_styles, scan

from helpers import tiny_style


def test_round_trip_gives_identical_outputs(tmp_path):
    path = tiny_style(tmp_path)
    m1, meta1 = load_style(path)
    m2, meta2 = load_style(path)
    x = torch.randn(1, 1, 64, 64)
    with torch.no_grad():
        assert torch.equal(m1(x), m2(x))
    assert meta1 == meta2
    assert meta1["io"]["size"] == 64 and meta1["title"]["ko"] == "작은"


def test_weights_are_stored_in_fp16_and_metadata_survives(tmp_path):
    path = tiny_style(tmp_path)
    header_len = struct.unpack("<Q", path.read_bytes()[:8])[0]
    header = json.loads(path.read_bytes()[8:8 + header_len])
    dtypes = {v["dtype"] for k, v in header.items() if k != "__metadata__"}
    assert dtypes == {"F16"}
    assert header["__metadata__"]["format"] == "icanvas-style"


def test_update_metadata_keeps_weights(tmp_path):
    path = tiny_style(tmp_path)
    before, _ = load_style(path)
    update_metadata(path, metrics={"clean": {"ssim": 0.5}})
    after, meta = load_style(path)
    assert meta["metrics"]["clean"]["ssim"] == 0.5
    for a, b in zip(before.state_dict().values(), after.state_dict().values()):
        assert torch.equal(a, b)


def test_truncated_file_is_refused_with_its_name(tmp_path):
    path = tiny_style(tmp_path)
    data = path.read_bytes()
    bad = tmp_path / "cut.safetensors"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="cut.safetensors.*truncated"):
        load_style(bad)


def test_pickle_that_would_run_code_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    bad = tmp_path / "evil.safetensors"
    torch.save({"x": Evil()}, bad)
    with pytest.raises(CheckpointError, match="evil.safetensors"):
        load_style(bad)
    assert not marker.exists()


def test_wrong_shape_is_refused(tmp_path):
    path = tiny_style(tmp_path)
    model, meta = load_style(path)
    meta["arch_config"]["channels"] = [8, 16, 16, 32]  # the file's weights no longer fit
    bad = tmp_path / "shape.safetensors"
    save_style(bad, model, meta)
    with pytest.raises(CheckpointError, match="shape.safetensors"):
        load_style(bad)


def test_nan_weights_are_refused(tmp_path):
    path = tiny_style(tmp_path)
    model, meta = load_style(path)
    with torch.no_grad():
        next(model.parameters()).fill_(float("nan"))
    bad = tmp_path / "nan.safetensors"
    save_style(bad, model, meta)
    with pytest.raises(CheckpointError, match="NaN"):
        load_style(bad)


def test_random_bytes_and_empty_files_are_refused(tmp_path):
    (tmp_path / "junk.safetensors").write_bytes(os.urandom(4096))
    (tmp_path / "empty.safetensors").write_bytes(b"")
    for name in ("junk.safetensors", "empty.safetensors"):
        with pytest.raises(CheckpointError, match=name):
            load_style(tmp_path / name)


def test_future_format_version_is_refused(tmp_path):
    from safetensors.torch import save_file
    bad = tmp_path / "future.safetensors"
    save_file({"w": torch.zeros(1)}, bad, metadata={"format": "icanvas-style", "format_version": "99"})
    with pytest.raises(CheckpointError, match="version"):
        read_metadata(bad)


def test_registry_lists_good_styles_and_reports_broken_ones(tmp_path):
    tiny_style(tmp_path, "good")
    (tmp_path / "broken.safetensors").write_bytes(b"\x00" * 10)
    styles, problems = scan(tmp_path)
    assert [s.name for s in styles] == ["good"]
    assert len(problems) == 1 and "broken.safetensors" in problems[0]
    found = discover_styles([tmp_path], include_user=False)
    assert "good" in [s.name for s in found]
