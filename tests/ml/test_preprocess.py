"""Input preparation: one canonical line whatever the pen, crops, and the way back."""

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.core.strokes import Drawing, Point, Stroke, HINT
from icanvas_desktop.ml.lines import thin
from icanvas_desktop.ml.preprocess import (IOSpec, compose, prepare_drawing, prepare_skeleton,
                                           raster_sketch, raster_skeleton)

PATH = [(200, 200), (400, 260), (520, 420), (380, 560), (220, 500)]


def drawing_with(width: float, pressure: float = 1.0) -> Drawing:
    d = Drawing(1024, 768)
    d.add_stroke(Stroke([Point(x, y, pressure, i * 0.05) for i, (x, y) in enumerate(PATH)], width=width))
    return d


def test_thick_and_thin_strokes_of_one_path_give_the_same_model_input():
    spec = IOSpec(size=128)
    thin_in = prepare_drawing(drawing_with(3), spec, 128)
    thick_in = prepare_drawing(drawing_with(40, pressure=0.6), spec, 128)
    np.testing.assert_allclose(thin_in.x, thick_in.x, atol=1e-6)


def test_raster_thick_and_thin_lines_give_nearly_the_same_input():
    spec = IOSpec(size=128)
    xs = []
    for w in (5, 11):
        im = Image.new("L", (512, 512), 255)
        ImageDraw.Draw(im).line(PATH, fill=0, width=w, joint="curve")
        skel, _ = raster_skeleton(im)
        xs.append(prepare_skeleton(skel, spec, 128).x)
    ink_a, ink_b = (1 - xs[0][0]) / 2, (1 - xs[1][0]) / 2
    assert abs(ink_a.sum() - ink_b.sum()) / ink_a.sum() < 0.1
    assert np.abs(ink_a - ink_b).mean() < 0.02


def test_a_sketch_in_one_flat_pen_colour_is_found_whatever_the_colour():
    # drawn on a computer: one pen colour and white paper, no anti-aliasing to help the threshold
    for pen in [(30, 60, 200), (150, 150, 150), (200, 40, 40), (0, 0, 0), (90, 90, 90)]:
        im = Image.new("RGB", (512, 512), "white")
        ImageDraw.Draw(im).line(PATH, fill=pen, width=9)
        skel, _ = raster_skeleton(im)
        assert skel.sum() > 300, pen                 # the whole path, not a blank page
        ys, xs = np.nonzero(skel)
        assert xs.min() < 215 and xs.max() > 505, pen


def test_a_photo_of_a_blank_page_has_no_lines():
    rng = np.random.default_rng(0)
    paper = np.clip(np.linspace(0.8, 0.95, 400)[None, :] + rng.normal(0, 0.015, (300, 400)), 0, 1)
    skel, _ = raster_skeleton(Image.fromarray((paper * 255).astype(np.uint8)))
    assert skel.sum() == 0


def _skeleton_of(draw, size=(640, 480), paper="white"):
    im = Image.new("RGB", size, paper)
    draw(ImageDraw.Draw(im))
    return raster_skeleton(im)[0]


def test_light_lines_on_dark_paper_give_the_lines_not_the_page():
    dark = _skeleton_of(lambda d: d.line(PATH, fill=(235, 235, 230), width=9), paper=(25, 30, 35))
    light = _skeleton_of(lambda d: d.line(PATH, fill="black", width=9))
    assert 0.8 < dark.sum() / light.sum() < 1.25
    assert (dark & dilate_bool(light, 4)).sum() > 0.9 * dark.sum()   # the same path


def test_the_printed_rules_of_lined_paper_are_not_lines():
    def lined(d):
        for y in range(30, 480, 32):
            d.line([(0, y), (640, y)], fill=(150, 180, 230), width=2)
        d.line(PATH, fill=(80, 80, 85), width=6)
    skel = _skeleton_of(lined)
    plain = _skeleton_of(lambda d: d.line(PATH, fill=(80, 80, 85), width=6))
    assert skel[:, :150].sum() == 0                   # nothing left of the rules left of the drawing
    assert 0.85 < skel.sum() / plain.sum() < 1.15


def test_a_coloured_in_shape_keeps_its_outline_and_a_thick_crayon_line_stays_a_line():
    def sun(d):
        d.ellipse((220, 140, 420, 340), fill=(220, 60, 50))
        d.ellipse((220, 140, 420, 340), outline="black", width=8)
    skel = _skeleton_of(sun)
    ys, xs = np.nonzero(skel)
    radius = np.hypot(xs - 320, ys - 240)
    assert len(xs) > 400 and np.median(radius) > 85      # the circle, not a dot in its middle
    thick = _skeleton_of(lambda d: d.line(PATH, fill=(30, 60, 200), width=30))
    thin_pen = _skeleton_of(lambda d: d.line(PATH, fill=(30, 60, 200), width=6))
    assert 0.8 < thick.sum() / thin_pen.sum() < 1.25    # one line along the middle, not two edges


def test_what_the_child_coloured_in_on_paper_becomes_colour_hints_and_a_pen_drawing_does_not():
    im = Image.new("RGB", (640, 480), "white")
    d = ImageDraw.Draw(im)
    d.ellipse((220, 140, 420, 340), fill=(60, 170, 70))                  # a green crayon area
    d.ellipse((220, 140, 420, 340), outline="black", width=8)
    d.line([(60, 420), (580, 420)], fill=(30, 60, 200), width=12)         # a blue pen line
    sketch = raster_sketch(im)
    mask = sketch.hint_mask > 0.5
    assert mask[240, 320] and not mask[420, 300]     # the area is a hint, the blue line is not
    assert np.allclose(sketch.hint_rgb[240, 320], (60 / 255, 170 / 255, 70 / 255), atol=0.02)
    # through the crop to the model's input: the hint channels hold green inside the circle
    prep = prepare_skeleton(sketch.skeleton, IOSpec(size=64, hints=True), 64, sketch.hint_rgb, sketch.hint_mask)
    rgb, m = prep.x[1:4], prep.x[4]
    assert m[32, 32] == 1 and m[2, 2] == 0
    assert rgb[1, 32, 32] > 0.2 and rgb[0, 32, 32] < -0.4      # green, in [-1, 1]
    # pink paper is paper, not a hint over everything
    pink = Image.new("RGB", (640, 480), (250, 180, 200))
    ImageDraw.Draw(pink).line(PATH, fill="black", width=8)
    assert raster_sketch(pink).hint_mask.sum() == 0


def test_black_coloured_in_becomes_a_black_hint_and_black_lines_and_a_blackboard_do_not():
    """Wheels, hair, a black cat: coloured in with black, they stay black; kept only as an
    outline they were painted in a colour of the style's choosing."""
    im = Image.new("RGB", (640, 480), "white")
    d = ImageDraw.Draw(im)
    d.rectangle((120, 120, 520, 300), outline="black", width=8)          # a car body in lines
    d.ellipse((160, 260, 280, 380), fill=(20, 20, 20))                   # a wheel coloured in
    d.line([(60, 440), (580, 440)], fill="black", width=26)              # a thick marker line
    sketch = raster_sketch(im)
    mask = sketch.hint_mask > 0.5
    assert mask[320, 220] and sketch.hint_rgb[320, 220].max() < 0.15    # the wheel: a black hint
    assert not mask[120, 320] and not mask[200, 320]                     # the body's line, its inside
    assert not mask[440, 400]                                            # the marker: still a line
    # chalk on a blackboard: the board is dark everywhere, it is not a hint
    board = Image.new("RGB", (640, 480), (30, 40, 35))
    ImageDraw.Draw(board).ellipse((220, 140, 420, 340), outline=(235, 235, 235), width=8)
    assert raster_sketch(board).hint_mask.sum() == 0


def test_a_16_bit_scan_a_very_light_pencil_and_a_sideways_phone_photo_are_read_as_seen(tmp_path):
    a = np.full((300, 400), 65535, np.uint16)
    a[100:106, 50:350] = 2000                          # 16-bit greyscale, as scanners write it
    assert raster_skeleton(Image.fromarray(a))[0].sum() > 250
    faint = Image.new("RGB", (600, 400), "white")
    ImageDraw.Draw(faint).ellipse((100, 50, 500, 350), outline=(205, 205, 205), width=4)
    assert raster_skeleton(faint)[0].sum() > 900       # lighter than the 0.75 cap, still lines
    photo = Image.new("RGB", (400, 300), "white")      # stored on its side, EXIF says turn it
    ImageDraw.Draw(photo).line([(50, 150), (350, 150)], fill="black", width=6)
    exif = photo.getexif()
    exif[0x0112] = 6
    photo.save(tmp_path / "phone.jpg", exif=exif)
    with Image.open(tmp_path / "phone.jpg") as im:
        skel, _ = raster_skeleton(im)
    assert skel.shape == (400, 300)                    # portrait, as the phone showed it
    ys, xs = np.nonzero(skel)
    assert np.ptp(ys) > 250 and np.ptp(xs) < 10        # the line stands upright


def dilate_bool(m, r):
    from icanvas_desktop.ml.lines import dilate
    return dilate(m, r)


def test_thinning_makes_one_pixel_lines():
    m = np.zeros((40, 40), bool)
    m[10:20, 5:35] = True
    s = thin(m)
    assert s.sum() > 15
    assert s.sum(axis=0).max() <= 2  # one or two pixels across, not ten


def test_crop_centres_the_drawing_with_a_margin():
    spec = IOSpec(size=64, margin_frac=0.1)
    prep = prepare_drawing(drawing_with(8), spec, 64)
    ink = (1 - prep.x[0]) / 2
    ys, xs = np.nonzero(ink > 0.5)
    assert xs.min() >= 4 and ys.min() >= 4 and xs.max() <= 59 and ys.max() <= 59
    x0, y0, side = prep.crop
    assert side > 0 and x0 < 200 and y0 < 200


def test_empty_drawing_has_no_input():
    assert prepare_drawing(Drawing(), IOSpec(), 128) is None
    assert prepare_skeleton(np.zeros((64, 64), bool), IOSpec(), 128) is None


def test_hints_get_their_own_channels():
    d = drawing_with(8)
    d.add_stroke(Stroke([Point(300, 300), Point(330, 320)], width=20, kind=HINT, color=(255, 0, 0)))
    prep = prepare_drawing(d, IOSpec(size=64, hints=True), 64)
    assert prep.x.shape == (5, 64, 64)
    mask = prep.x[4]
    assert mask.max() == 1.0
    red = prep.x[1][mask > 0.99]
    assert np.all(red > 0.95)


def test_compose_places_the_picture_back_and_draws_lines_on_top():
    d = drawing_with(8)
    spec = IOSpec(size=64)
    prep = prepare_drawing(d, spec, 64)
    rgb = np.zeros((64, 64, 3), np.float32)  # all "black" in [-1, 1] → (0, 0, 0)? no: -1 → 0
    rgb[...] = [1.0, -1.0, -1.0]             # pure red
    ink = np.zeros((384, 512), np.float32)
    ink[0:5, 0:5] = 1
    out = compose(rgb, prep, (512, 384), ink)
    arr = np.asarray(out)
    assert out.size == (512, 384)
    assert tuple(arr[2, 2]) == (0, 0, 0)            # child's line drawn on top
    cx, cy = int(360 * 0.5), int(380 * 0.5)          # inside the drawing's square
    assert tuple(arr[cy, cx]) == (255, 0, 0)
    assert tuple(arr[380, 510]) == (255, 255, 255)   # paper outside the crop stays white


def test_coarse_colours_take_the_colour_of_the_coarse_pass_and_the_detail_of_the_fine_one():
    from icanvas_desktop.ml.preprocess import coarse_colours
    red, orange = np.array([0.8, -0.8, -0.8]), np.array([0.9, 0.2, -0.8])
    coarse = np.broadcast_to(red, (64, 64, 3)).astype(np.float32)
    fine = np.broadcast_to(orange, (128, 128, 3)).astype(np.float32).copy()
    fine[:, 60] = 1.0                                     # a one-pixel highlight only the fine pass drew
    out = coarse_colours(fine, coarse)
    assert out.shape == (128, 128, 3)
    assert np.allclose(out[:, 20], red, atol=0.02) and np.allclose(out[:, 110], red, atol=0.02)
    # the highlight stands out from its neighbours as much as it did in the fine pass
    assert (out[:, 60] - out[:, 58]).mean() > 0.5 * (fine[:, 60] - fine[:, 58]).mean()
    assert out.min() >= -1 and out.max() <= 1
    # at the same size there is nothing finer to keep: the coarse pass is the answer
    assert coarse_colours(coarse, coarse) is coarse
    # sizes that do not divide still line up (a style with final size 3/2 of its native size)
    odd = coarse_colours(np.broadcast_to(orange, (96, 96, 3)).astype(np.float32), coarse)
    assert np.allclose(odd[10:-10, 10:-10], red, atol=0.02)
