"""Photos of paper drawings: shadows and the table around the sheet are not lines."""

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from icanvas_desktop.ml.paper import photo_to_page
from icanvas_desktop.ml.preprocess import raster_skeleton


def heart(cx, cy, s):
    return [(cx + s * 16 * math.sin(t) ** 3,
             cy - s * (13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)))
            for t in np.linspace(0, 2 * math.pi, 80)]


def plain_heart() -> np.ndarray:
    im = Image.new("RGB", (1000, 750), "white")
    ImageDraw.Draw(im).line(heart(500, 380, 14), fill=(40, 40, 45), width=8, joint="curve")
    return raster_skeleton(im)[0]


def test_a_shadow_across_the_page_is_not_a_line():
    x = np.linspace(0, 1, 1000)[None, :]
    lum = 0.55 + 0.4 * np.clip(x * 1.6, 0, 1) + np.random.default_rng(5).normal(0, 0.01, (750, 1000))
    im = Image.fromarray((np.clip(np.stack([lum] * 3, -1), 0, 1) * 255).astype(np.uint8))
    ImageDraw.Draw(im).line(heart(500, 380, 14), fill=(40, 40, 45), width=8, joint="curve")
    skel = raster_skeleton(im.filter(ImageFilter.GaussianBlur(1)))[0]
    assert skel[:, :250].sum() == 0                   # the dark side of the page holds nothing
    assert 0.85 < skel.sum() / plain_heart().sum() < 1.15


def test_the_table_around_the_sheet_is_not_a_frame():
    im = Image.new("RGB", (1000, 750), (90, 60, 40))
    sheet = Image.new("RGB", (800, 600), (245, 243, 238))
    ImageDraw.Draw(sheet).line(heart(400, 300, 14), fill=(30, 30, 35), width=8, joint="curve")
    im.paste(sheet.rotate(4, expand=True, fillcolor=(90, 60, 40)), (70, 40))
    skel = raster_skeleton(im)[0]
    ys, xs = np.nonzero(skel)
    assert xs.min() > 250 and xs.max() < 750 and ys.min() > 100 and ys.max() < 650   # the heart only
    assert 0.85 < skel.sum() / plain_heart().sum() < 1.15


def test_a_scan_passes_through_unchanged():
    rng = np.random.default_rng(1)
    gray = np.clip(0.97 + rng.normal(0, 0.01, (300, 400)), 0, 1).astype(np.float32)
    gray[100:104, 50:350] = 0.1                      # a line
    page, sheet = photo_to_page(gray)
    assert sheet is None
    assert np.abs(page - gray).max() < 0.05


def test_a_big_coloured_in_shape_gets_one_outline_not_two():
    def crown(fill):
        im = Image.new("RGB", (800, 600), "white")
        d = ImageDraw.Draw(im)
        d.ellipse((250, 80, 550, 380), fill=fill)
        d.ellipse((250, 80, 550, 380), outline="black", width=8)
        return raster_skeleton(im)[0]
    for fill in [(60, 170, 70), "white"]:
        ys, xs = np.nonzero(crown(fill))
        radius = np.hypot(xs - 400, ys - 230)
        lo, hi = np.percentile(radius, [2, 98])
        assert hi - lo < 8 and lo > 140, fill      # one ring at the crown's edge, none inside
