"""The eraser on the real canvas: what it rubs out is gone from the engine's input too.

Lines are drawn and rubbed out with the mouse (and a pressure pen) at every pen size; the
engine's ink channel (ml/preprocess.prepare_drawing) is compared with the canvas's own painted
line layer, brought to the engine's crop.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.core.strokes import Drawing
from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.preprocess import IOSpec, prepare_drawing
from icanvas_desktop.ui.canvas import ERASER, PEN, CanvasWidget
from icanvas_desktop.ui.main_window import MainWindow, WindowOptions
from icanvas_desktop.ui.selftest import mouse_stroke, tablet_stroke

SPEC = IOSpec()
WAIT = 20_000


def make_canvas(qtbot):
    drawing = Drawing(1024, 768)
    canvas = CanvasWidget(drawing)
    canvas.resize(900, 700)
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas, drawing


def wave(x0, x1, y, n=60):
    return [(x0 + (x1 - x0) * i / n, y + 40 * math.sin(i / 8)) for i in range(n + 1)]


def draw(canvas, kind, path):
    canvas.set_tool(PEN)
    if kind == "pressure":
        canvas.set_pen_size("medium")
        tablet_stroke(canvas, path, [0.3 + 0.7 * abs(math.sin(i / 9)) for i in range(len(path))])
    else:
        canvas.set_pen_size(kind)
        mouse_stroke(canvas, path)


def rub(canvas, kind, path):
    canvas.set_tool(ERASER)
    canvas.set_pen_size("medium" if kind == "pressure" else kind)
    mouse_stroke(canvas, path)


def painted_lines(canvas, crop, size):
    """The canvas's line layer (its alpha: what the child sees as ink), over the engine's crop."""
    layer = canvas.layer_images()[0]
    w, h = layer.width(), layer.height()
    ptr = layer.constBits()
    argb = np.frombuffer(ptr, np.uint8, count=layer.bytesPerLine() * h).reshape(h, layer.bytesPerLine())
    alpha = argb[:, : w * 4].reshape(h, w, 4)[..., 3].copy()
    k = w / canvas.drawing.width                      # layer pixels per page pixel
    x0, y0, side = crop
    box = tuple(round(v) for v in (x0 * k, y0 * k, (x0 + side) * k, (y0 + side) * k))
    image = Image.fromarray(alpha, "L").crop(box).resize((size, size), Image.BOX)
    return np.asarray(image, np.float32) / 255


@pytest.mark.parametrize("kind", ["thin", "medium", "thick", "pressure"])
def test_a_line_rubbed_out_along_its_path_leaves_an_empty_page_for_the_engine(qtbot, kind):
    canvas, drawing = make_canvas(qtbot)
    path = wave(120, 900, 380)
    draw(canvas, kind, path)
    assert not canvas._blank
    rub(canvas, kind, path)
    alpha = painted_lines(canvas, (0, 0, 1024), 512)
    assert alpha.max() < 0.02                       # the child sees a blank page
    assert drawing.is_empty() and prepare_drawing(drawing, SPEC, 128) is None
    assert canvas._blank                            # and is invited to draw again


@pytest.mark.parametrize("extent", [(420, 600), (80, 950)])
@pytest.mark.parametrize("kind", ["thin", "medium", "thick", "pressure"])
def test_half_a_line_rubbed_out_is_blank_to_the_engine_where_the_canvas_is_blank(qtbot, kind, extent):
    canvas, drawing = make_canvas(qtbot)
    path = wave(extent[0], extent[1], 380)
    draw(canvas, kind, path)
    rub(canvas, kind, path[len(path) // 2:])
    for size in (128, 256):
        prep = prepare_drawing(drawing, SPEC, size)
        engine = (1 - prep.x[0]) / 2
        seen = painted_lines(canvas, prep.crop, size)
        scale = size / prep.crop[2]
        stray = (engine > 0.25) & ~dilate(seen > 0.02, SPEC.line_width(size) / 2 + 1.5)
        assert not stray.any(), int(stray.sum())
        pen_radius = drawing.strokes[0].width * scale / 2
        assert not np.any((seen > 0.5) & ~dilate(engine > 0.25, pen_radius + 1.5))
        assert engine.max() > 0.9


def test_a_page_rubbed_out_clean_is_an_empty_page_to_the_window(qtbot, fake_engine, fake_styles):
    kept = []
    window = MainWindow(lambda: fake_engine, fake_styles,
                        WindowOptions(sound=False, magic_callback=lambda *made: kept.append(made)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.style is not None, timeout=WAIT)
    path = wave(300, 700, 380)
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT):
        draw(window.canvas, "medium", path)
    rub(window.canvas, "medium", path)
    with qtbot.waitSignal(window.message_shown, timeout=WAIT) as said:
        pass
    assert said.args[0] == "Draw something,"          # the empty page's invitation, no picture
    QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert not kept and window.last_final is None     # no Magic, so nothing kept and no badge
    assert ("final", window.drawing.revision) not in fake_engine.calls
    assert "Draw something first" in window.helper.text()
