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
