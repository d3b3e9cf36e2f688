"""Canvas behaviour driven by synthetic mouse, touch and tablet events (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from icanvas_desktop.core.strokes import ERASE, HINT, LINE, Drawing
from icanvas_desktop.ui.canvas import ERASER, HINT_BRUSH, PEN, CanvasWidget

_STYLUS = None


def make_canvas(qtbot, w=800, h=600):
    drawing = Drawing(1024, 768)
    canvas = CanvasWidget(drawing)
    canvas.resize(w, h)
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas, drawing


def drag(canvas, page_points):
    pts = [canvas.to_widget(x, y).toPoint() for x, y in page_points]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
    for p in pts[1:]:
        QTest.mouseMove(canvas, p)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])


def stylus():
    global _STYLUS
    if _STYLUS is None:
        _STYLUS = QPointingDevice("test-stylus", 99, QInputDevice.DeviceType.Stylus,
                                  QPointingDevice.PointerType.Pen,
                                  QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
                                  1, 2)
    return _STYLUS


def tablet_drag(canvas, page_points, pressure):
    kinds = ([QEvent.Type.TabletPress] + [QEvent.Type.TabletMove] * (len(page_points) - 2)
             + [QEvent.Type.TabletRelease])
    for kind, (x, y) in zip(kinds, page_points):
        pos = canvas.to_widget(x, y)
        down = kind != QEvent.Type.TabletRelease
        ev = QTabletEvent(kind, stylus(), pos, pos, pressure, 0, 0, 0, 0, 0,
                          Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                          Qt.MouseButton.LeftButton if down else Qt.MouseButton.NoButton)
        QApplication.sendEvent(canvas, ev)


def pixel(canvas, x, y) -> QColor:
    image = canvas.grab().toImage()
    p = canvas.to_widget(x, y)
    dpr = image.devicePixelRatio()
    return image.pixelColor(int(p.x() * dpr), int(p.y() * dpr))


def dark_run(canvas, x, y0, y1) -> int:
    """How many pixels in the column at page x, page y0..y1, are dark (ink)."""
    image = canvas.grab().toImage()
    dpr = image.devicePixelRatio()
    top = canvas.to_widget(x, y0)
    bottom = canvas.to_widget(x, y1)
    return sum(1 for yy in range(int(top.y() * dpr), int(bottom.y() * dpr))
               if image.pixelColor(int(top.x() * dpr), yy).lightness() < 128)


def test_mouse_drag_becomes_one_line_stroke_in_page_coordinates(qtbot):
    canvas, drawing = make_canvas(qtbot)
    drag(canvas, [(100, 100), (300, 120), (500, 400)])
    assert len(drawing.strokes) == 1
    stroke = drawing.strokes[0]
    assert stroke.kind == LINE
    first, last = stroke.points[0], stroke.points[-1]
    # Widget pixels are rounded, so page positions come back to within one widget pixel.
    tol = 1.5 / canvas.scale()
    assert abs(first.x - 100) < tol and abs(first.y - 100) < tol
    assert abs(last.x - 500) < tol and abs(last.y - 400) < tol
    times = [p.t for p in stroke.points]
    assert times == sorted(times) and times[0] >= 0


def test_painted_line_shows_black_pixels_where_the_mouse_went(qtbot):
    canvas, _ = make_canvas(qtbot)
    assert pixel(canvas, 400, 300).lightness() > 240
    drag(canvas, [(200, 300), (600, 300)])
    assert pixel(canvas, 400, 300).lightness() < 60


def test_tablet_pressure_changes_stored_width_and_painted_thickness(qtbot):
    canvas, drawing = make_canvas(qtbot)
    canvas.set_pen_size("thick")
    tablet_drag(canvas, [(100, 200), (300, 200), (500, 200)], pressure=0.2)
    tablet_drag(canvas, [(100, 500), (300, 500), (500, 500)], pressure=1.0)
    light, heavy = drawing.strokes
    assert light.points[1].pressure < 0.25 and heavy.points[1].pressure > 0.95
    assert light.width_at(1) < heavy.width_at(1)
    thin_px = dark_run(canvas, 300, 170, 230)
    thick_px = dark_run(canvas, 300, 470, 530)
    assert 0 < thin_px < thick_px


def test_one_finger_draws_and_a_second_finger_is_ignored(qtbot):
    canvas, drawing = make_canvas(qtbot)
    device = QTest.createTouchDevice()
    a = canvas.to_widget(200, 200).toPoint()
    b = canvas.to_widget(400, 250).toPoint()
    other = canvas.to_widget(800, 600).toPoint()
    QTest.touchEvent(canvas, device).press(0, a, canvas).commit()
    QTest.touchEvent(canvas, device).move(0, b, canvas).press(1, other, canvas).commit()
    QTest.touchEvent(canvas, device).stationary(0).move(1, other + QPoint(5, 5), canvas).commit()
    QTest.touchEvent(canvas, device).release(0, b, canvas).release(1, other, canvas).commit()
    assert len(drawing.strokes) == 1
    xs = [p.x for p in drawing.strokes[0].points]
    assert max(xs) < 500  # nothing from the second finger at x=800


def test_eraser_rubs_out_line_pixels_and_is_stored_as_an_erase_stroke(qtbot):
    canvas, drawing = make_canvas(qtbot)
    drag(canvas, [(200, 300), (600, 300)])
    canvas.set_tool(ERASER)
    drag(canvas, [(400, 200), (400, 400)])
    assert [s.kind for s in drawing.strokes] == [LINE, ERASE]
    assert pixel(canvas, 400, 300).lightness() > 240   # erased
    assert pixel(canvas, 250, 300).lightness() < 60    # the rest of the line stays


def test_hint_brush_keeps_colour_apart_and_shows_it_half_transparent(qtbot):
    canvas, drawing = make_canvas(qtbot)
    canvas.set_tool(HINT_BRUSH)
    canvas.set_hint_color((230, 57, 70))
    drag(canvas, [(200, 300), (600, 300)])
    stroke = drawing.strokes[0]
    assert stroke.kind == HINT and stroke.color == (230, 57, 70)
    assert drawing.is_empty() and drawing.has_hints()  # the sketch itself has no lines
    c = pixel(canvas, 400, 300)
    assert c.red() > c.green() + 40        # reddish ...
    assert c.green() > 100                 # ... but lighter than the paint: half transparent


def test_undo_and_redo_repaint_the_page(qtbot):
    canvas, drawing = make_canvas(qtbot)
    drag(canvas, [(200, 300), (600, 300)])
    drawing.undo()
    assert pixel(canvas, 400, 300).lightness() > 240
    drawing.redo()
    assert pixel(canvas, 400, 300).lightness() < 60


def test_resizing_keeps_strokes_and_draws_them_at_the_new_scale(qtbot):
    canvas, drawing = make_canvas(qtbot, 800, 600)
    drag(canvas, [(200, 300), (600, 300)])
    before = drawing.to_dict()
    canvas.resize(400, 500)
    qtbot.wait(10)
    assert drawing.to_dict() == before
    assert pixel(canvas, 400, 300).lightness() < 90


def test_each_new_point_repaints_only_the_area_around_its_segment(qtbot):
    canvas, _ = make_canvas(qtbot)
    drag(canvas, [(100, 100), (900, 100), (900, 700), (100, 700)])  # a big stroke first
    canvas.set_tool(PEN)
    rects = []
    original = canvas.update
    canvas.update = lambda *a: (rects.extend(a), original(*a))  # type: ignore[method-assign]
    start = canvas.to_widget(500, 400).toPoint()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    rects.clear()
    QTest.mouseMove(canvas, canvas.to_widget(510, 405).toPoint())
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       canvas.to_widget(510, 405).toPoint())
    assert rects, "a move must schedule a repaint"
    area = max(r.width() * r.height() for r in rects)
    assert area < canvas.width() * canvas.height() / 50


def test_unknown_tool_or_size_is_refused(qtbot):
    canvas, _ = make_canvas(qtbot)
    import pytest
    with pytest.raises(ValueError):
        canvas.set_tool("spray")
    with pytest.raises(ValueError):
        canvas.set_pen_size("huge")


def test_touch_point_conversion_clamps_strokes_to_the_page(qtbot):
    canvas, _ = make_canvas(qtbot)
    x, y = canvas.to_page(QPointF(-50, 10_000))
    assert (x, y) == (0.0, 768.0)
