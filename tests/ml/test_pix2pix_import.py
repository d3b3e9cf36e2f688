"""Public pix2pix generators import as styles and compute exactly what the classic net does."""

import os

import pytest
import torch

from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.ml.networks import ClassicUnet
from icanvas_desktop.ml.pix2pix_import import import_pix2pix
from icanvas_desktop.ml.style_meta import CheckpointError

# Key names exactly as pytorch-CycleGAN-and-pix2pix saves a unet_128 generator
# (UnetGenerator(3, 3, 7, ngf, BatchNorm2d, use_dropout=True)).
PUBLIC_KEYS_UNET128 = [
    "model.model.0.weight",  # no bias: BatchNorm follows (use_bias is False)
    "model.model.1.model.1.weight",
    "model.model.1.model.2.weight", "model.model.1.model.2.bias",
    "model.model.1.model.2.running_mean", "model.model.1.model.2.running_var",
    "model.model.1.model.3.model.1.weight",
    "model.model.1.model.3.model.3.model.3.model.3.model.3.model.1.weight",
    "model.model.1.model.3.model.3.model.3.model.3.model.3.model.3.weight",
    "model.model.1.model.5.weight", "model.model.1.model.6.weight",
    "model.model.3.weight", "model.model.3.bias",
]


def public_state(ngf=4, norm="batch", seed=0):
    torch.manual_seed(seed)
    net = ClassicUnet(3, 3, 7, ngf, norm)
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-1, 1)
                m.running_var.uniform_(0.5, 2)
    state = {k: v.clone() for k, v in net.state_dict().items() if not k.endswith("num_batches_tracked")}
    return net, state


def test_classic_unet_uses_the_public_key_names():
    _, state = public_state()
    for key in PUBLIC_KEYS_UNET128:
        assert key in state, key


def test_import_gives_the_same_output_as_the_classic_network(tmp_path):
    net, state = public_state()
    pth = tmp_path / "latest_net_G.pth"
    torch.save(state, pth)
    out = import_pix2pix(pth, "edges", "batch", tmp_path / "models")
    model, meta = load_style(out)
    assert meta["arch"] == "unet_128" and meta["io"]["line_channels"] == 3
    # The public test script never calls eval(): BatchNorm uses the batch's own statistics.
    net.prepare_for_inference()
    x = torch.randn(1, 3, 128, 128)
    with torch.no_grad():
        ref, got = net(x), model(x)
    # fp16 storage: equal up to half-precision rounding of the weights
    assert torch.allclose(ref, got, atol=2e-2), (ref - got).abs().max()
    with torch.no_grad():
        assert torch.equal(model(x), model(x)), "inference must be deterministic (dropout off)"


def test_norm_flag_must_match_the_file(tmp_path):
    _, state = public_state(norm="instance")
    pth = tmp_path / "g.pth"
    torch.save(state, pth)
    with pytest.raises(CheckpointError, match="--norm batch"):
        import_pix2pix(pth, "x", "batch", tmp_path)


def test_old_instance_norm_files_with_saved_statistics_import(tmp_path):
    net, state = public_state(norm="instance")
    # old pix2pix saved running statistics for InstanceNorm; they must be ignored
    state = dict(state)
    state["model.model.1.model.2.running_mean"] = torch.zeros(8)
    state["model.model.1.model.2.running_var"] = torch.ones(8)
    pth = tmp_path / "old.pth"
    torch.save(state, pth)
    model, _ = load_style(import_pix2pix(pth, "old", "instance", tmp_path))
    x = torch.randn(1, 3, 128, 128)
    net.eval()
    with torch.no_grad():
        assert torch.allclose(net(x), model(x), atol=2e-2)


def test_instance_norm_generator_imports(tmp_path):
    net, state = public_state(norm="instance")
    pth = tmp_path / "g.pth"
    torch.save(state, pth)
    out = import_pix2pix(pth, "inst", "instance", tmp_path)
    model, _ = load_style(out)
    x = torch.randn(1, 3, 128, 128)
    net.eval()
    with torch.no_grad():
        assert torch.allclose(net(x), model(x), atol=2e-2)


def test_hostile_pth_is_refused_without_running_code(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    pth = tmp_path / "evil.pth"
    torch.save({"model.model.0.weight": Evil()}, pth)
    with pytest.raises(CheckpointError, match="evil.pth"):
        import_pix2pix(pth, "evil", "batch", tmp_path)
    assert not marker.exists()


def test_truncated_pth_is_refused(tmp_path):
    _, state = public_state()
    pth = tmp_path / "cut.pth"
    torch.save(state, pth)
    pth.write_bytes(pth.read_bytes()[:1000])
    with pytest.raises(CheckpointError, match="cut.pth"):
        import_pix2pix(pth, "cut", "batch", tmp_path)
