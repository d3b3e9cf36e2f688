"""The inference engine: deterministic pictures, the right sizes, friendly failures."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.core.sample_drawings import house
from icanvas_desktop.core.strokes import Drawing
from icanvas_desktop.ml.engine import Engine, EngineConfig, StyleLoadError
from icanvas_desktop.ml.onnx_export import export_onnx
from icanvas_desktop.ml.styles import style_from_file

from helpers import tiny_style


@pytest.fixture(params=["torch", "onnx"])
def engine(request, tmp_path):
    path = tiny_style(tmp_path, hints=True)
    export_onnx(path)
    eng = Engine(EngineConfig(backend=request.param, threads=1))
    eng.load_style(style_from_file(path))
    assert eng.backend_name == {"torch": "torch", "onnx": "onnxruntime"}[request.param]
    return eng


def test_same_drawing_gives_the_same_picture(engine):
    a, b = engine.final(house(), 512), engine.final(house(), 512)
    assert np.array_equal(np.asarray(a), np.asarray(b))


def test_preview_and_final_have_the_canvas_shape(engine):
    assert engine.preview(house()).size == (512, 384)
    assert engine.final(house()).size == (1024, 768)
    assert engine.final(house(), 600).size == (600, 450)


def test_empty_page_gives_white_paper(engine):
    pic = np.asarray(engine.preview(Drawing(800, 600)))
    assert pic.shape == (384, 512, 3) and pic.min() == 255


def test_childs_lines_are_drawn_crisp_on_top(engine):
    d = house()
    pic = np.asarray(engine.final(d, 1024))
    p = d.strokes[0].points[0]
    assert pic[int(p.y), int(p.x)].max() < 60  # the first point of the first stroke is ink


def test_raster_sketch_renders(engine):
    im = Image.new("RGB", (512, 512), "white")
    ImageDraw.Draw(im).ellipse((100, 100, 400, 400), outline="black", width=9)
    pic = engine.render_raster(im, 256)
    assert pic.size == (256, 256)
    blank = engine.render_raster(Image.new("RGB", (300, 200), "white"), 300)
    assert np.asarray(blank).min() == 255 and blank.size == (300, 200)


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_a_shape_coloured_in_on_paper_comes_out_in_the_childs_colour(tmp_path, backend):
    from icanvas_desktop.ml.checkpoint import update_metadata
    from icanvas_desktop.ml.style_meta import read_metadata
    path = tiny_style(tmp_path, hints=True)
    update_metadata(path, io={**read_metadata(path)["io"], "hint_fill": True, "flat_fill": True})
    if backend == "onnx":
        export_onnx(path)
    eng = Engine(EngineConfig(backend=backend, magic_colours=False))
    eng.load_style(style_from_file(path))
    im = Image.new("RGB", (400, 400), "white")
    d = ImageDraw.Draw(im)
    d.ellipse((100, 100, 300, 300), fill=(230, 40, 40))
    d.ellipse((100, 100, 300, 300), outline="black", width=6)
    r, g, b = np.asarray(eng.render_raster(im, 400))[200, 200].astype(int)
    assert r > 150 and g < 110 and b < 110            # the child's red, whatever the random weights


def test_broken_style_raises_a_friendly_error_naming_the_file(tmp_path):
    path = tiny_style(tmp_path)
    style = style_from_file(path)
    path.write_bytes(path.read_bytes()[:300])
    eng = Engine(EngineConfig(backend="torch"))
    with pytest.raises(StyleLoadError, match="tiny.safetensors"):
        eng.load_style(style)
    with pytest.raises(StyleLoadError):
        eng.preview(house())  # nothing loaded: a clear error, not an AttributeError


def test_backends_agree_on_a_tiny_style(tmp_path):
    path = tiny_style(tmp_path)
    export_onnx(path)
    style = style_from_file(path)
    pics = []
    for b in ("torch", "onnx"):
        eng = Engine(EngineConfig(backend=b, threads=1))
        eng.load_style(style)
        pics.append(np.asarray(eng.final(house(), 512)).astype(int))
    assert np.abs(pics[0] - pics[1]).max() <= 2


def test_a_graph_that_loads_but_cannot_run_is_refused_when_the_style_loads(tmp_path):
    # The ONNX graph takes 1 channel, but the metadata (edited by hand, say) promises colour
    # hints (5 channels): the graph loads, and fails on its first picture. That must show up
    # as a style that cannot load, with the file named, not as a crash at the first stroke.
    from icanvas_desktop.ml.checkpoint import update_metadata
    from icanvas_desktop.ml.style_meta import read_metadata
    path = tiny_style(tmp_path)
    export_onnx(path)
    update_metadata(path, io={**read_metadata(path)["io"], "hints": True})
    eng = Engine(EngineConfig(backend="onnx", threads=1))
    with pytest.raises(StyleLoadError, match="tiny.onnx|tiny.safetensors"):
        eng.load_style(style_from_file(path))
    with pytest.raises(StyleLoadError):
        eng.preview(house())


def test_the_final_picture_keeps_the_colours_the_preview_showed(engine):
    # A network that forgets the subject at the final size: red at its native size, orange with
    # a white highlight at the final size. The Magic picture must stay red, with the highlight.
    native = engine.spec.size

    def run(x):
        s = x.shape[-1]
        out = np.empty((s, s, 3), np.float32)
        out[:] = (0.8, -0.8, -0.8) if s == native else (0.9, 0.2, -0.8)
        if s != native:
            out[:, s // 2] = 1.0
        return out

    engine._backend.run = run
    pic = np.asarray(engine.final(house(), 512)).astype(int)
    body = pic[(pic.min(-1) < 250) & (pic.max(-1) > 150)]      # coloured: not lines, not paper
    assert np.median(body, axis=0)[1] < 60                      # red (the orange has green ~140)
    highlight = (pic[..., 2] > 100) & (pic.min(-1) < 230)       # whiter than the red, not paper
    assert highlight.sum() > 50
    preview = np.asarray(engine.preview(house())).astype(int)
    assert np.median(preview[(preview.min(-1) < 250) & (preview.max(-1) > 150)], axis=0)[1] < 60
