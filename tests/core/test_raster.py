"""Stroke rasterising: round corners where a thick line turns, no breaks where pressure wavers."""

import math

import numpy as np

from icanvas_desktop.core.raster import View, ink_image, render_layers
from icanvas_desktop.core.strokes import Point, Stroke


def disc_pixels(cx, cy, r, size):
    ys, xs = np.mgrid[0:size, 0:size]
    return (xs + 0.5 - cx) ** 2 + (ys + 0.5 - cy) ** 2 <= r * r


def test_a_sharp_corner_of_a_thick_line_is_round_and_solid():
    # A "V" drawn with a 16 px pen: every pixel within the pen's radius of the corner is ink,
    # including the outside of the bend that the two straight segments alone leave open.
    stroke = Stroke([Point(10, 10), Point(40, 55), Point(70, 10)], width=16)
    ink = np.asarray(ink_image([stroke], (80, 80), supersample=1)) / 255
    around_corner = disc_pixels(40, 55, 6.5, 80)
    assert ink[around_corner].min() > 0.99
    # and the ink stops about a radius beyond it: the corner is round, not a mitre spike
    assert ink[66:, :].max() == 0


def test_a_wavering_pressure_draws_one_unbroken_line():
    # Pressure hovering around a width of 3.5 px flips the whole-pixel width at every point.
    pts = [Point(8 + 2 * i, 40 + 6 * math.sin(i / 6), pressure=0.42 + 0.06 * (-1) ** i)
           for i in range(60)]
    stroke = Stroke(pts, width=8)
    ink = np.asarray(ink_image([stroke], (130, 80), supersample=1)) / 255
    for x in range(10, 124):                        # every column the stroke crosses has ink
        assert ink[:, x].max() > 0.5, x
    widths = (ink > 0.5).sum(0)[12:122]
    assert widths.min() >= 2 and widths.max() <= 6


def test_thick_and_thin_pens_give_the_same_model_input():
    path = [Point(20 + 3 * i, 50 + 20 * math.sin(i / 5)) for i in range(40)]
    thin = Stroke(path, width=3)
    thick = Stroke(path, width=30)
    a, _, _ = render_layers([thin], (128, 128), View(0, 0, 1), line_width=2.56)
    b, _, _ = render_layers([thick], (128, 128), View(0, 0, 1), line_width=2.56)
    assert np.array_equal(a, b)
