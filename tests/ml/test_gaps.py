"""Pen-lift gaps: a gappy outline is closed where its ends point at each other, and only there."""

import math

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.ml.gaps import GapConfig, bridges, stroke_ends
from icanvas_desktop.ml.lines import thin
from icanvas_desktop.ml.preprocess import IOSpec, Prepared, encode_input, postprocess
from icanvas_desktop.ml.masks import label_regions
from icanvas_desktop.ml.regions import enclosed_regions

SIZE = 128


def drawn(*polylines, size=SIZE, width=3):
    """Ink in [0, 1] of polylines drawn at about the canonical line width of a 128² input."""
    img = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(img)
    for pts in polylines:
        d.line(pts, fill=255, width=width, joint="curve")
    return np.asarray(img, np.float32) / 255


def arc(cx, cy, r, start_deg, end_deg, n=60):
    return [(cx + r * math.cos(math.radians(start_deg + (end_deg - start_deg) * k / n)),
             cy + r * math.sin(math.radians(start_deg + (end_deg - start_deg) * k / n))) for k in range(n + 1)]


def gappy_circle(gap_share, r=50):
    """A circle whose opening at the top is `gap_share` of its diameter."""
    half = math.degrees(math.asin(gap_share))          # half the opening angle
    return arc(64, 64, r, -90 + half, 270 - half)


def shapes(ink, gaps=GapConfig()):
    return enclosed_regions(ink, 1.0, gaps=gaps)[1]


def test_a_circle_with_a_pen_lift_gap_is_a_shape_only_when_its_gap_is_bridged():
    for share in (0.1, 0.2):
        ink = drawn(gappy_circle(share))
        assert len(shapes(ink, gaps=None)) == 0, share     # too wide for the thickened lines
        assert len(shapes(ink)) == 1, share


def test_a_circle_drawn_as_two_arcs_with_two_gaps_is_one_shape():
    ink = drawn(arc(64, 64, 50, 10, 170), arc(64, 64, 50, 190, 350))
    assert len(shapes(ink, gaps=None)) == 0
    assert len(shapes(ink)) == 1


def test_open_drawings_stay_open():
    u_shape = drawn([(34, 20), (34, 100), (94, 100), (94, 20)])
    c_shape = drawn(arc(64, 64, 50, 45, 315))                            # opening 0.7 of its size
    smile = drawn(arc(64, 20, 60, 30, 150))
    grass = drawn([(10, 110), (118, 110)], *[[(16 + 12 * k, 110), (18 + 12 * k, 80)] for k in range(9)])
    rays = drawn(*[[(64 + 20 * math.cos(a), 64 + 20 * math.sin(a)), (64 + 55 * math.cos(a), 64 + 55 * math.sin(a))]
                   for a in np.linspace(0, 2 * math.pi, 9)[:-1]])
    parallel = drawn([(20, 30), (60, 30)], [(20, 50), (60, 50)])
    for name, ink in {"U": u_shape, "C": c_shape, "smile": smile, "grass": grass, "rays": rays,
                      "parallel lines": parallel}.items():
        assert bridges(ink > 0.35) == [], name
        assert shapes(ink) == shapes(ink, gaps=None), name


def test_a_gap_wide_beside_the_smaller_piece_stays_open():
    """A cat's whisker pointing at its small nose: the two span the face, but the gap is wider
    than the nose, so it is no gap in an outline."""
    whisker_and_nose = drawn([(10, 64), (48, 64)], [(66, 64), (78, 64)])
    assert bridges(whisker_and_nose > 0.35) == []
    assert len(bridges(whisker_and_nose > 0.35, GapConfig(max_share=10.0))) == 1


def test_a_gap_wider_than_the_config_allows_stays_open():
    ink = drawn(gappy_circle(0.2))
    assert len(shapes(ink, gaps=GapConfig(max_share=0.1))) == 0
    assert len(shapes(ink, gaps=GapConfig(max_gap_frac=0.1))) == 0
    assert len(shapes(ink, gaps=GapConfig(max_turn_deg=5))) == 0     # its ends turn about 12°


def test_a_bridged_shape_reaches_across_its_gap():
    ink = drawn(gappy_circle(0.2))
    labels, (shape,) = enclosed_regions(ink, 1.0)
    # the opening's ends lie about 49 px above the centre: the band of the invisible chord
    # between them (3 px) is the shape's, the paper beyond it is not
    assert all(labels[y, 64] == shape for y in range(14, 18))
    assert labels[12, 64] != shape


def test_line_ends_point_out_of_their_line():
    skel = thin(drawn([(20, 64), (100, 64)]) > 0.35)
    parts, _ = label_regions(skel)
    ends = sorted(stroke_ends(skel, 5, parts), key=lambda e: e.x)
    assert len(ends) == 2
    assert ends[0].dx < -0.9 and ends[1].dx > 0.9


def test_a_short_whisker_left_by_thinning_is_not_a_line_end():
    skel = thin(drawn([(20, 64), (100, 64)]) > 0.35)
    skel[65, 60] = True                                 # a one-pixel spur below the line
    parts, _ = label_regions(skel)
    assert len(stroke_ends(skel, 5, parts)) == 2


def test_a_gappy_circle_keeps_its_colour_where_the_paper_is_cleared():
    """The paper clearing closes only small gaps; the bridged shape must still count as drawn."""
    ink = drawn(gappy_circle(0.2))
    spec = IOSpec(size=SIZE, flat_fill=True, clear_paper=True)
    prep = Prepared(encode_input(ink), (0.0, 0.0, float(SIZE)), (SIZE, SIZE))
    red = np.zeros((SIZE, SIZE, 3), np.float32)
    red[..., 0] = 1.0
    red[..., 1:] = -0.6
    out = postprocess(red, prep, spec)
    assert out[64, 64, 1] < -0.5                         # the middle is still red, not white
    assert (out[2, 2] > 0.95).all()                      # the open page is white


def test_the_same_lines_give_the_same_shapes_every_time():
    """Shapes are computed afresh on each call (no hidden memory between renders), and two
    answers for the same lines agree."""
    ink = drawn(gappy_circle(0.2))
    labels, ids = enclosed_regions(ink, 1.0)
    labels[:] = 0
    ids.clear()
    again, again_ids = enclosed_regions(ink, 1.0)
    assert len(again_ids) == 1 and (again == again_ids[0]).sum() > 1000
    assert shapes(ink, gaps=None) == []                # without bridges the gappy circle is open
