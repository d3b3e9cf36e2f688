"""The eraser removes ink from what the engine sees exactly as the child sees it.

For every pen (Thin, Medium, Thick and a pressure pen), a line and a circle, small on the page
(the engine's canonical line is thinner than the pen) and large (it is wider than a thin pen),
rubbed out fully and in part: whatever is blank on the canvas is blank in the engine's input,
and a page rubbed out completely is an empty page.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from icanvas_desktop.core.erasing import rubbed_out
from icanvas_desktop.core.raster import View, ink_image, render_layers, sketch_image
from icanvas_desktop.core.strokes import ERASE, HINT, LINE, Drawing, Point, Stroke
from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.preprocess import IOSpec, prepare_drawing

PENS = {"thin": 4.0, "medium": 9.0, "thick": 18.0}   # ui/canvas.PEN_SIZES
ERASER_FACTOR = 3.0                                   # ui/canvas._ERASER_FACTOR
SPEC = IOSpec()


def line_path(centre, size, pressure=None):
    cx, cy = centre
    n = 40
    return [Point(cx - size / 2 + size * i / n, cy + size * 0.1 * math.sin(i / 6),
                  1.0 if pressure is None else pressure(i / n)) for i in range(n + 1)]


def circle_path(centre, size, pressure=None):
    cx, cy = centre
    n = 48
    return [Point(cx + size / 2 * math.cos(2 * math.pi * i / n), cy + size / 2 * math.sin(2 * math.pi * i / n),
                  1.0 if pressure is None else pressure(i / n)) for i in range(n + 1)]


def pen_stroke(pen, path):
    if pen == "pressure":     # a tablet pen pressed lightly, then hard
        return Stroke([Point(p.x, p.y, 0.25 + 0.75 * abs(math.sin(3 * i / len(path))), p.t)
                       for i, p in enumerate(path)], width=PENS["medium"])
    return Stroke(path, width=PENS[pen])


def eraser_width(pen):
    return PENS["medium" if pen == "pressure" else pen] * ERASER_FACTOR


def scrub(box, width, step_frac=0.6):
    """A child rubbing out a box: a zig-zag whose passes overlap."""
    x0, y0, x1, y1 = box
    pts, y, left = [], y0, True
    while y <= y1 + width * step_frac:
        pts.append(Point(x0 if left else x1, y))
        pts.append(Point(x1 if left else x0, y))
        y += width * step_frac
        left = not left
    return Stroke(pts, width=width, kind=ERASE)


def seen_and_engine(drawing, size):
    """(the canvas as painted, the engine's ink channel), both over the engine's crop."""
    prep = prepare_drawing(drawing, SPEC, size)
    assert prep is not None
    x0, y0, side = prep.crop
    seen = np.asarray(ink_image(drawing.strokes, (size, size), View(x0, y0, size / side))) / 255
    engine = (1 - prep.x[0]) / 2
    return seen, engine, size / side


CASES = [(pen, shape, extent) for pen in ("thin", "medium", "thick", "pressure")
         for shape in ("line", "circle") for extent in (160, 760)]


@pytest.mark.parametrize("pen,shape,extent", CASES)
def test_a_shape_rubbed_out_completely_leaves_an_empty_page(pen, shape, extent):
    path = (line_path if shape == "line" else circle_path)((512, 384), extent)
    drawing = Drawing(1024, 768)
    drawing.add_stroke(pen_stroke(pen, path))
    pad = PENS["thick"]
    xs, ys = [p.x for p in path], [p.y for p in path]
    drawing.add_stroke(scrub((min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad), eraser_width(pen)))
    assert np.asarray(ink_image(drawing.strokes, (1024, 768))).max() == 0     # blank on the canvas
    assert drawing.is_empty() and not drawing.has_hints()
    assert drawing.bounds() is None
    for size in (128, 256):                                                 # preview and Magic!
        assert prepare_drawing(drawing, SPEC, size) is None


@pytest.mark.parametrize("pen,shape,extent", CASES)
def test_a_shape_rubbed_out_along_its_own_path_leaves_an_empty_page(pen, shape, extent):
    # The way children erase a line: the eraser (three times the pen) follows it.
    path = (line_path if shape == "line" else circle_path)((512, 384), extent)
    drawing = Drawing(1024, 768)
    drawing.add_stroke(pen_stroke(pen, path))
    drawing.add_stroke(Stroke(list(path), width=eraser_width(pen), kind=ERASE))
    assert np.asarray(ink_image(drawing.strokes, (1024, 768))).max() == 0
    assert drawing.is_empty()
    assert prepare_drawing(drawing, SPEC, 128) is None
    assert prepare_drawing(drawing, SPEC, 256) is None


@pytest.mark.parametrize("how", ["along", "scrub"])
@pytest.mark.parametrize("pen,shape,extent", CASES)
def test_a_shape_rubbed_out_in_part_is_blank_to_the_engine_where_it_is_blank_on_the_canvas(pen, shape, extent, how):
    path = (line_path if shape == "line" else circle_path)((512, 384), extent)
    half = len(path) // 2
    drawing = Drawing(1024, 768)
    drawing.add_stroke(pen_stroke(pen, path))
    drawing.add_stroke(Stroke([Point(300, 720), Point(700, 720)], width=PENS["medium"]))  # frames the crop
    xs, ys = [p.x for p in path], [p.y for p in path]
    if how == "along":     # the eraser follows the second half of the shape
        drawing.add_stroke(Stroke(path[half:], width=eraser_width(pen), kind=ERASE))
        gone, kept = path[half:], path[:half]
    else:                  # the right half scrubbed away, clear of the line at the bottom
        pad = PENS["thick"]
        drawing.add_stroke(scrub((512, min(ys) - pad, max(xs) + pad, max(ys) + pad), eraser_width(pen)))
        gone, kept = [p for p in path if p.x > 512], [p for p in path if p.x < 512]
    assert not drawing.is_empty()
    for size in (128, 256):
        seen, engine, scale = seen_and_engine(drawing, size)
        canonical = SPEC.line_width(size) / 2
        # blank on the canvas is blank to the engine: the engine's ink lies within its own
        # line's half-width of ink the child can see, nowhere else
        allowed = dilate(seen > 0.02, canonical + 1.5)
        stray = (engine > 0.25) & ~allowed
        assert not stray.any(), (size, int(stray.sum()))
        # and what the child still sees, the engine sees too (within the pen's half-width)
        near_engine = dilate(engine > 0.25, drawing.strokes[0].width * scale / 2 + 1.5)
        assert not np.any((seen > 0.5) & ~near_engine)
        # the rubbed-out part is gone and the rest is there, away from where they meet
        x0, y0, _ = prepare_drawing(drawing, SPEC, size).crop
        reach = (eraser_width(pen) / 2 + PENS["thick"]) * scale + canonical + 2
        meet = [path[half]] + ([path[0]] if shape == "circle" else [])      # where gone meets kept
        ends = [(p.x, p.y) for p in meet] if how == "along" else [(512, p.y) for p in path]

        def far(p):
            return all(math.hypot((p.x - ex) * scale, (p.y - ey) * scale) > reach for ex, ey in ends)

        def at(p):     # outside the engine's crop is outside its picture: blank
            row, col = math.floor((p.y - y0) * scale), math.floor((p.x - x0) * scale)
            return engine[row, col] if 0 <= row < size and 0 <= col < size else 0.0
        assert all(at(p) == 0 for p in gone if far(p))
        assert all(at(p) > 0.5 for p in kept if far(p))
        assert sum(far(p) for p in gone) >= 3 and sum(far(p) for p in kept) >= 3


def test_what_the_page_shows_after_rubbing_out_is_cut_at_the_eraser():
    line = Stroke([Point(100, 100), Point(500, 100)], width=8)
    eraser = Stroke([Point(300, 40), Point(300, 160)], width=24, kind=ERASE)
    pieces = [s for s in rubbed_out([line, eraser]) if s.kind == LINE]
    assert len(pieces) == 2
    left, right = sorted(pieces, key=lambda s: s.points[0].x)
    # each piece ends where the eraser's edge no longer covers the whole pen
    assert 284 <= max(p.x for p in left.points) <= 292 and min(p.x for p in left.points) == 100
    assert 308 <= min(p.x for p in right.points) <= 316 and max(p.x for p in right.points) == 500
    assert all(s.width == 8 for s in pieces)


def test_an_eraser_touching_only_the_edge_of_a_line_keeps_the_line_whole():
    line = Stroke([Point(100, 100), Point(500, 100)], width=18)
    graze = Stroke([Point(300, 60), Point(300, 95)], width=12, kind=ERASE)   # bites the top edge
    assert [s for s in rubbed_out([line, graze]) if s.kind == LINE] == [line]


def test_lines_and_hints_drawn_after_the_eraser_are_not_rubbed_out():
    eraser = Stroke([Point(100, 100), Point(500, 100)], width=40, kind=ERASE)
    line = Stroke([Point(100, 100), Point(500, 100)], width=8)
    hint = Stroke([Point(100, 100), Point(500, 100)], width=27, kind=HINT, color=(255, 0, 0))
    drawing = Drawing(1024, 768, [eraser, line, hint])
    assert not drawing.is_empty() and drawing.has_hints()
    assert rubbed_out(drawing.strokes) == [eraser, line, hint]


def test_hints_rubbed_out_are_gone_from_the_engine_and_the_page_is_empty():
    hint = Stroke(circle_path((400, 400), 200), width=27, kind=HINT, color=(255, 0, 0))
    drawing = Drawing(1024, 768, [hint])
    drawing.add_stroke(scrub((270, 270, 530, 530), 81))
    assert not drawing.has_hints() and drawing.is_empty()
    assert prepare_drawing(drawing, IOSpec(hints=True), 128) is None
    _, _, mask = render_layers(drawing.strokes, (256, 192), View(0, 0, 0.25))
    assert mask.max() == 0


def test_undo_of_the_eraser_brings_the_drawing_back_to_the_engine():
    drawing = Drawing(1024, 768)
    path = line_path((512, 384), 600)
    drawing.add_stroke(Stroke(path, width=4))
    drawing.add_stroke(Stroke(list(path), width=12, kind=ERASE))
    assert drawing.is_empty()
    drawing.undo()
    assert not drawing.is_empty()
    prep = prepare_drawing(drawing, SPEC, 128)
    assert prep is not None and ((1 - prep.x[0]) / 2).max() > 0.9


def test_the_eraser_leaves_no_seam_where_its_path_bends():
    # A round pass over a circle: Pillow's wide polyline leaves a one-pixel seam where two
    # segments meet; the eraser must not leave the line showing through it.
    path = circle_path((512, 384), 600)
    strokes = [Stroke(path, width=4), Stroke(list(path), width=12, kind=ERASE)]
    assert np.asarray(ink_image(strokes, (1024, 768))).max() == 0
    assert np.asarray(sketch_image(Drawing(1024, 768, strokes))).min() == 255
