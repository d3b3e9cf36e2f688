"""Closed shapes: found exactly, filled flat, coloured by a hint, open paper left alone."""

import numpy as np
from hypothesis import given, settings, strategies as st

from icanvas_desktop.ml.masks import label_regions, members
from icanvas_desktop.ml.regions import clear_paper, decisive_colour, enclosed_regions, flatten, keep_open_lines


def two_boxes(size=64):
    ink = np.zeros((size, size), np.float32)
    ink[10, 10:30] = ink[30, 10:30] = 1
    ink[10:31, 10] = ink[10:31, 30] = 1
    ink[40, 35:60] = ink[58, 35:60] = 1
    ink[40:59, 35] = ink[40:59, 59] = 1
    return ink


def flood_labels(free):
    """Reference 4-connected labelling by breadth-first search."""
    h, w = free.shape
    lab = np.zeros((h, w), int)
    n = 0
    for y in range(h):
        for x in range(w):
            if free[y, x] and not lab[y, x]:
                n += 1
                stack = [(y, x)]
                lab[y, x] = n
                while stack:
                    cy, cx = stack.pop()
                    for ny, nx in ((cy + 1, cx), (cy - 1, cx), (cy, cx + 1), (cy, cx - 1)):
                        if 0 <= ny < h and 0 <= nx < w and free[ny, nx] and not lab[ny, nx]:
                            lab[ny, nx] = n
                            stack.append((ny, nx))
    return lab, n


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_run_labelling_matches_flood_fill(seed):
    free = np.random.default_rng(seed).random((24, 31)) > 0.45
    lab, n = label_regions(free)
    ref, m = flood_labels(free)
    assert n == m
    # the same regions, numbered alike: in reading order of each region's first pixel
    assert np.array_equal(lab, ref)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 6))
def test_members_is_exactly_where_the_labels_are_among_the_ids(seed, k):
    free = np.random.default_rng(seed).random((19, 23)) > 0.4
    lab, n = label_regions(free)
    ids = np.random.default_rng(seed).permutation(n + 1)[:k].tolist()
    assert np.array_equal(members(lab, ids), np.isin(lab, ids))
    run = list(range(n // 3, n // 3 + k))               # a run of ids, the common case
    assert np.array_equal(members(lab, run), np.isin(lab, run))


def test_labelling_follows_a_long_spiral_corridor_as_one_region():
    # A corridor that winds round and round: labels must travel the whole way, not stop
    # after a fixed number of propagation rounds.
    size = 96
    wall = np.zeros((size, size), bool)
    for k in range(2, size // 2 - 2, 4):
        wall[k, k:size - k] = wall[size - k - 1, k:size - k] = True
        wall[k:size - k, k] = True
        wall[k + 2:size - k, size - k - 1] = True
    lab, n = label_regions(~wall)
    ref, m = flood_labels(~wall)
    assert n == m == 1
    assert len(set(zip(lab[~wall].tolist(), ref[~wall].tolist()))) == n


def test_labelling_an_empty_or_a_full_mask():
    lab, n = label_regions(np.zeros((7, 5), bool))
    assert n == 0 and not lab.any()
    lab, n = label_regions(np.ones((7, 5), bool))
    assert n == 1 and (lab == 1).all()


def test_two_closed_boxes_are_found_and_the_paper_is_not():
    labels, ids = enclosed_regions(two_boxes(), close_px=0.5)
    assert len(ids) == 2
    assert labels[20, 20] in ids and labels[50, 45] in ids
    assert labels[2, 2] not in ids


def test_a_small_gap_is_closed_but_a_wide_opening_is_not():
    ink = two_boxes()
    ink[20, 30] = 0                      # one-pixel gap in the first box
    ink[45:55, 59] = 0                   # a wide opening in the second
    _, ids = enclosed_regions(ink, close_px=1.0)
    labels, _ = enclosed_regions(ink, close_px=1.0)
    assert labels[20, 20] in ids
    assert labels[50, 45] not in ids


def test_flat_fill_makes_each_shape_one_colour_and_keeps_the_paper():
    rng = np.random.default_rng(0)
    rgb = rng.uniform(-1, 1, (64, 64, 3)).astype(np.float32)
    out = flatten(rgb, two_boxes(), close_px=0.5)
    inside = out[13:28, 13:28].reshape(-1, 3)
    assert np.allclose(inside, inside[0])
    assert np.array_equal(out[0:5, 0:5], rgb[0:5, 0:5])


def test_hint_colours_its_shape_only():
    rgb = np.zeros((64, 64, 3), np.float32)
    hint_rgb = np.zeros((64, 64, 3), np.float32)
    mask = np.zeros((64, 64), np.float32)
    hint_rgb[18:21, 18:21] = (1.0, 0.0, 0.0)
    mask[18:21, 18:21] = 1
    out = flatten(rgb, two_boxes(), hint_rgb, mask, flat=False, close_px=0.5)
    assert np.allclose(out[12, 25], (1, -1, -1))      # red, in [-1, 1]
    assert np.allclose(out[50, 45], 0)                # the other box keeps the model's colour


def test_hint_with_shading_takes_the_hint_colour_and_keeps_the_networks_light_and_shade():
    # the network's own picture of the first box: orange, lighter at the top than at the bottom
    rgb = np.zeros((64, 64, 3), np.float32)
    rgb[11:30, 11:30] = (0.6, 0.1, -0.6)
    rgb[11:30, 11:30] += np.linspace(0.2, -0.2, 19, dtype=np.float32)[:, None, None]
    hint_rgb = np.zeros((64, 64, 3), np.float32)
    mask = np.zeros((64, 64), np.float32)
    hint_rgb[18:21, 18:21] = (0.2, 0.4, 0.9)          # a blue scribble, in [0, 1]
    mask[18:21, 18:21] = 1
    out = flatten(rgb, two_boxes(), hint_rgb, mask, flat=True, close_px=0.5, strength=0.6, hint_shading=True)
    inside = out[11:30, 11:30]
    assert np.allclose(inside.mean((0, 1)), (-0.6, -0.2, 0.8), atol=1e-5)   # the hint's colour on average
    # 40 % of the shading: top lighter than bottom by 0.4 of the network's 0.4
    assert np.allclose(inside[0, 5] - inside[-1, 5], 0.4 * 0.4, atol=1e-5)
    flat = flatten(rgb, two_boxes(), hint_rgb, mask, flat=True, close_px=0.5, strength=0.6)
    assert np.ptp(flat[11:30, 11:30, 0]) < np.ptp(inside[..., 0])             # the plain hint fill is flatter
    assert np.allclose(out[50, 45], flat[50, 45])     # the box without a hint is filled as before


def test_hint_with_shading_leaves_no_dot_where_the_network_drew_the_hint_darker():
    rgb = np.zeros((64, 64, 3), np.float32)
    rgb[11:30, 11:30] = (0.6, 0.1, -0.6)
    rgb[18:21, 18:21] = (0.1, -0.5, -0.9)             # the network's dark spot under a guessed dot
    hint_rgb = np.zeros((64, 64, 3), np.float32)
    mask = np.zeros((64, 64), np.float32)
    hint_rgb[18:21, 18:21] = (0.9, 0.1, 0.1)
    mask[18:21, 18:21] = 1
    out = flatten(rgb, two_boxes(), hint_rgb, mask, flat=True, close_px=0.5, strength=0.6, hint_shading=True)
    assert np.allclose(out[11:30, 11:30], out[12, 12], atol=1e-5)   # one even red, the spot gone


def test_hint_light_keeps_the_childs_colour_and_only_the_networks_light():
    """A 3D style (Toy): the hint's hue everywhere in the shape, darker where the network's
    picture is darker, towards white in its highlight, and its own colour blotches gone."""
    rgb = np.zeros((64, 64, 3), np.float32)
    rgb[11:30, 11:30] = (0.6, 0.1, -0.6)                       # orange, with a purple blotch
    rgb[12:16, 22:28] = (0.3, -0.6, 0.5)
    rgb[11:30, 11:30] += np.linspace(0.3, -0.3, 19, dtype=np.float32)[:, None, None]   # lit from above
    hint_rgb = np.zeros((64, 64, 3), np.float32)
    mask = np.zeros((64, 64), np.float32)
    hint_rgb[19:22, 18:21] = (0.1, 0.7, 0.2)                  # a green dot, in [0, 1]
    mask[19:22, 18:21] = 1
    out = (flatten(rgb, two_boxes(), hint_rgb, mask, flat=False, close_px=0.5, strength=0.0,
                   hint_shading=True, light=True) + 1) / 2
    inside = out[12:29, 12:29]
    green = inside[..., 1] > inside[..., 0] + 0.15
    assert green.mean() > 0.85                                  # the child's green, not orange or purple
    top, bottom = inside[1:4, 4:8].mean(), inside[-4:-1, 4:8].mean()
    assert top > bottom + 0.08                                  # the network's light from above stays
    dot = out[19:22, 18:21].mean((0, 1))
    ring = out[17:24, 16:23].reshape(-1, 3).mean(0)
    assert np.abs(dot - ring).max() < 0.06                      # no dot where the hint was


def test_decisive_colour_prefers_the_colour_over_the_grey():
    px = np.concatenate([np.tile([0.6, -0.6, -0.6], (40, 1)), np.tile([0.1, 0.1, 0.1], (60, 1))])
    c = decisive_colour(px.astype(np.float32))
    assert c[0] > 0.5 and c[1] < -0.5


def painted(size=128):
    """A box outline with a pen-lift gap in its top side, green inside, and a grey smudge on
    the open paper far from it (in [-1, 1], white = 1)."""
    ink = np.zeros((size, size), np.float32)
    ink[20, 20:45] = ink[20, 50:70] = 1          # top side, gap of 5 px
    ink[70, 20:70] = 1
    ink[20:71, 20] = ink[20:71, 70] = 1
    rgb = np.ones((size, size, 3), np.float32)
    rgb[21:70, 21:70] = (-0.6, 0.5, -0.6)        # the shape's colour
    rgb[95:120, 90:120] = (0.2, 0.3, 0.2)        # a smudge where nothing was drawn
    return rgb, ink


def test_clear_paper_removes_smudges_far_from_the_lines():
    rgb, ink = painted()
    out = clear_paper(rgb, ink)
    assert np.allclose(out[100:115, 95:115], 1.0)                 # white paper again


def test_clear_paper_clears_a_smudge_hugging_the_outside_of_a_shape():
    # Colour spilled just outside an outline (the model's halo, or a smudge in the corner
    # between two subjects) is open page too: white from a few pixels off the line.
    rgb, ink = painted()
    rgb[30:60, 72:84] = (0.2, 0.3, 0.2)
    out = clear_paper(rgb, ink)
    assert np.allclose(out[30:60, 75:84], 1.0)
    assert np.allclose(out[30:60, 60:70], rgb[30:60, 60:70])      # the shape inside keeps its colour


def test_clear_paper_keeps_colour_in_a_shape_with_a_pen_lift_gap():
    rgb, ink = painted()
    out = clear_paper(rgb, ink)
    assert np.allclose(out[25:66, 25:66], rgb[25:66, 25:66])


def test_clear_paper_keeps_colour_where_a_hint_was_scribbled():
    rgb, ink = painted()
    hint = np.zeros(ink.shape, np.float32)
    hint[100:115, 95:115] = 1                     # the child coloured that spot on purpose
    out = clear_paper(rgb, ink, hint)
    assert np.allclose(out[100:115, 95:115], rgb[100:115, 95:115])


def test_clear_paper_leaves_an_empty_page_alone():
    rgb, _ = painted()
    assert clear_paper(rgb, np.zeros(rgb.shape[:2], np.float32)) is rgb


def sun_with_rays(size=128):
    """A closed circle painted orange by the model, and four rays the model let fade to paper."""
    ink = np.zeros((size, size), np.float32)
    yy, xx = np.mgrid[0:size, 0:size]
    r = np.hypot(yy - 64, xx - 64)
    ink[np.abs(r - 25) < 1.5] = 1                               # the circle
    ink[64, 95:120] = ink[64, 8:33] = ink[95:120, 64] = ink[8:33, 64] = 1  # the rays
    rgb = np.ones((size, size, 3), np.float32)
    rgb[r < 26.5] = (0.9, 0.1, -0.8)                            # orange disc, outline included
    return rgb, ink


def test_open_strokes_that_faded_are_drawn_again_in_a_deep_shade_of_the_drawing():
    rgb, ink = sun_with_rays()
    out = keep_open_lines(rgb, ink, enclosed_regions(ink, 1.0), line_px=2.56)
    ray = out[64, 100:118]
    assert (ray.mean(1) < 0).all()                              # dark, not paper any more
    assert ray[:, 0].mean() > ray[:, 2].mean() + 0.3            # warm, like the sun it belongs to
    assert np.allclose(out[64, 40:88], rgb[64, 40:88])          # the disc and its outline are untouched
    assert np.allclose(out[100:110, 20:30], 1.0)                # the paper stays paper


def test_open_strokes_still_visible_are_left_alone():
    rgb, ink = sun_with_rays()
    rgb[ink > 0] = (-0.8, -0.8, -0.8)                           # the model drew every line dark
    out = keep_open_lines(rgb, ink, enclosed_regions(ink, 1.0), line_px=2.56)
    assert np.allclose(out, rgb)


def test_open_strokes_with_no_shape_in_the_drawing_become_dark_grey():
    size = 64
    ink = np.zeros((size, size), np.float32)
    ink[20:44, 30] = 1                                          # one lonely stroke
    out = keep_open_lines(np.ones((size, size, 3), np.float32), ink, enclosed_regions(ink, 1.0), 1.3)
    line = out[25:40, 30]
    assert (line < -0.2).all() and np.ptp(line, axis=1).max() < 1e-5
