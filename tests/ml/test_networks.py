"""Generator networks: the palette head (colour classification) paints palette colours, and its
palette travels with the weights into safetensors and the ONNX graph."""

import numpy as np
import torch

from icanvas_desktop.ml.checkpoint import load_style, save_style
from icanvas_desktop.ml.networks import build_generator
from icanvas_desktop.ml.preprocess import IOSpec

RGB = torch.tensor([[1.0, 1.0, 1.0], [0.8, -0.7, -0.7], [-0.6, 0.4, -0.6], [-0.7, -0.5, 0.9]])


def palette_net(temperature=0.38):
    torch.manual_seed(0)
    net = build_generator("fast_unet", {"in_ch": 1, "channels": [8, 16, 16], "palette": 4,
                                        "temperature": temperature})
    net.set_palette(RGB)
    return net.eval()


def test_palette_generator_paints_mixtures_of_its_palette_colours():
    net = palette_net()
    with torch.no_grad():
        out, logits = net(torch.randn(2, 1, 32, 32), return_logits=True)
    assert out.shape == (2, 3, 32, 32) and logits.shape == (2, 4, 32, 32)
    probs = torch.softmax(logits / 0.38, 1)
    assert torch.allclose(out, torch.einsum("bkhw,kc->bchw", probs, RGB), atol=1e-5)


def test_confident_palette_generator_paints_exactly_a_palette_colour():
    net = palette_net()
    with torch.no_grad():
        net.head.weight.zero_()
        net.head.bias.copy_(torch.tensor([0.0, 0.0, 20.0, 0.0]))  # all pixels: "green"
        out = net(torch.randn(1, 1, 32, 32))
    assert torch.allclose(out[0, :, 5, 5], RGB[2], atol=1e-4)


def test_lower_temperature_paints_more_saturated_colours():
    """The annealed mean: the same logits at a lower temperature lean toward their mode."""
    hot, cold = palette_net(1.0), palette_net(0.2)
    x = torch.randn(1, 1, 32, 32)
    with torch.no_grad():
        a, b = hot(x), cold(x)
    spread = lambda t: (t.max(1).values - t.min(1).values).mean()  # noqa: E731
    assert spread(b) > spread(a)


def test_palette_travels_with_the_weights(tmp_path):
    net = palette_net()
    spec = IOSpec(size=32, final_size=32, hints=False, overlay_lines=False)
    cfg = {"in_ch": 1, "channels": [8, 16, 16], "palette": 4, "temperature": 0.38}
    meta = {"name": "pal", "arch": "fast_unet", "arch_config": cfg, "io": spec.to_meta(),
            "title": {"en": "P", "ko": "P"}, "description": {}, "data": {"license": "test"},
            "license": "test only", "recipe": {}, "metrics": {}}
    path = tmp_path / "pal.safetensors"
    save_style(path, net, meta)
    loaded, _ = load_style(path)
    assert torch.allclose(loaded.colours.t(), RGB, atol=2e-3)  # fp16 on disk

    from icanvas_desktop.ml.backends import import_onnxruntime
    from icanvas_desktop.ml.onnx_export import export_onnx
    ort = import_onnxruntime()      # with its telemetry off, as the app imports it
    sess = ort.InferenceSession(str(export_onnx(path)), providers=["CPUExecutionProvider"])
    x = np.random.default_rng(0).normal(size=(1, 1, 48, 48)).astype(np.float32)
    with torch.no_grad():
        want = loaded(torch.from_numpy(x)).numpy()
    got = sess.run(None, {"sketch": x})[0]
    assert np.abs(got - want).max() < 1e-3


def test_fixed_norms_give_each_picture_the_same_result_alone_or_in_a_batch():
    """Unlike InstanceNorm they use no statistics of the picture, and unlike a training-mode
    BatchNorm none of the batch: a picture's colours never depend on its neighbours."""
    torch.manual_seed(0)
    G = build_generator("fast_unet", {"in_ch": 1, "channels": [8, 16, 16], "norm": "fixed"})
    G.train()
    x = torch.rand(3, 1, 32, 32) * 2 - 1
    with torch.no_grad():
        together = G(x)
        alone = torch.cat([G(x[i:i + 1]) for i in range(3)])
    assert torch.allclose(together, alone, atol=1e-6)


def test_calibrating_sets_each_fixed_norm_to_the_statistics_its_layer_sees():
    from icanvas_desktop.ml.networks import FixedNorm
    from icanvas_desktop.training.train import calibrate_norms
    torch.manual_seed(0)
    G = build_generator("fast_unet", {"in_ch": 1, "channels": [8, 16, 16], "norm": "fixed"})
    x = torch.rand(4, 1, 32, 32) * 2 - 1
    seen = {}
    stem_norm = G.stem[1]
    def keep_input(module, inputs, output):     # returns None: the output stays as it is
        seen.setdefault("in", inputs[0].detach().clone())
    stem_norm.register_forward_hook(keep_input)
    assert calibrate_norms(G, x) == sum(isinstance(m, FixedNorm) for m in G.modules()) == 7
    stem_in = seen["in"]
    assert torch.allclose(stem_norm.mean, stem_in.mean((2, 3)).mean(0), atol=1e-6)
    assert torch.allclose(stem_norm.var, stem_in.var((2, 3), unbiased=False).mean(0), atol=1e-6)
    with torch.no_grad():       # after calibration, the stem's output is about zero-mean, unit-variance
        out = stem_norm(stem_in)
    assert out.mean().abs() < 0.05 and abs(out.var().item() - 1) < 0.2
    assert not stem_norm.calibrating


def test_a_fixed_norm_network_exports_to_onnx_without_instance_norms(tmp_path):
    """The point of fixed norms: they fold into the convolution before them (the export already
    does it), where an InstanceNormalization stays a node of its own."""
    import onnx
    from icanvas_desktop.ml.onnx_export import export_onnx
    spec = IOSpec(size=32, hints=False)
    G = build_generator("fast_unet", {"in_ch": 1, "channels": [8, 16, 16], "norm": "fixed"}).eval()
    path = tmp_path / "fixed.safetensors"
    save_style(path, G, {"name": "fixed", "arch": "fast_unet",
                         "arch_config": {"in_ch": 1, "channels": [8, 16, 16], "norm": "fixed"}, "io": spec.to_meta()})
    ops = {n.op_type for n in onnx.load(str(export_onnx(path))).graph.node}
    assert "Conv" in ops and not ops & {"BatchNormalization", "InstanceNormalization"}
    loaded, meta = load_style(path)
    assert meta["arch_config"]["norm"] == "fixed"
    x = torch.rand(1, 1, 32, 32) * 2 - 1
    with torch.no_grad():
        assert torch.allclose(loaded(x), G(x), atol=1e-3)    # statistics travel with the (fp16) weights


def test_an_unknown_norm_is_refused_by_name():
    import pytest
    with pytest.raises(ValueError, match="unknown normalisation 'group'"):
        build_generator("fast_unet", {"in_ch": 1, "channels": [8, 16], "norm": "group"})


def test_the_split_fuse_paints_what_resize_concatenate_and_fuse_paint():
    """The decoder's 1×1 fuse runs h's share before the resize: the same sum, with no
    concatenation in the graph (a fifth of the network pass through ONNX Runtime)."""
    import torch.nn.functional as F
    from icanvas_desktop.ml.networks import fuse_upsampled
    torch.manual_seed(1)
    fuse = torch.nn.Conv2d(24 + 16, 16, 1, bias=False)
    h, skip = torch.randn(2, 24, 8, 8), torch.randn(2, 16, 16, 16)
    with torch.no_grad():
        want = fuse(torch.cat([F.interpolate(h, scale_factor=2.0, mode="nearest"), skip], 1))
        assert torch.allclose(fuse_upsampled(fuse, h, skip), want, atol=1e-5)


def test_the_exported_graph_has_no_concatenation_and_paints_as_torch(tmp_path):
    import onnx
    from icanvas_desktop.ml.backends import import_onnxruntime
    from icanvas_desktop.ml.onnx_export import export_onnx
    cfg = {"in_ch": 1, "channels": [8, 16, 16], "norm": "fixed"}
    torch.manual_seed(2)
    G = build_generator("fast_unet", cfg).eval()
    path = tmp_path / "split.safetensors"
    save_style(path, G, {"name": "split", "arch": "fast_unet", "arch_config": cfg,
                         "io": IOSpec(size=32, hints=False).to_meta()})
    graph = export_onnx(path)
    ops = [n.op_type for n in onnx.load(str(graph)).graph.node]
    assert "Concat" not in ops and "Slice" not in ops       # the weight split is folded
    loaded, _ = load_style(path)
    session = import_onnxruntime().InferenceSession(str(graph), providers=["CPUExecutionProvider"])
    x = np.random.default_rng(0).uniform(-1, 1, (1, 1, 48, 48)).astype(np.float32)
    with torch.no_grad():
        want = loaded(torch.from_numpy(x)).numpy()
    assert np.allclose(session.run(None, {session.get_inputs()[0].name: x})[0], want, atol=1e-4)
