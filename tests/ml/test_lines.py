"""Line clean-up helpers: dilation with a round pen is exactly a disc, at any size and edge;
erosion depth is the distance to the nearest pixel outside."""

import numpy as np
from hypothesis import given, settings, strategies as st

from icanvas_desktop.ml.lines import dilate, erosion_depth


def disc_dilation(mask, radius):
    """Reference: every pixel within `radius` of a set pixel, by brute force."""
    h, w = mask.shape
    ys, xs = np.nonzero(mask)
    yy, xx = np.mgrid[0:h, 0:w]
    out = np.zeros((h, w), bool)
    for y, x in zip(ys, xs):
        out |= (yy - y) ** 2 + (xx - x) ** 2 <= radius * radius + 1e-6
    return out


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.5, 9.0))
def test_dilation_is_exactly_a_disc_around_every_set_pixel(seed, radius):
    rng = np.random.default_rng(seed)
    h, w = rng.integers(1, 30, 2)
    mask = rng.random((h, w)) < 0.08
    assert np.array_equal(dilate(mask, radius), disc_dilation(mask, radius))


def test_a_radius_below_half_a_pixel_changes_nothing():
    mask = np.eye(5, dtype=bool)
    assert np.array_equal(dilate(mask, 0.3), mask)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.0, 1.0))
def test_erosion_depth_is_the_city_block_distance_to_the_nearest_pixel_outside(seed, fill):
    # 4-neighbour erosion k times is erosion by a diamond of radius k, so a pixel's depth is
    # its city-block distance to the nearest pixel outside the mask, past the edge included.
    rng = np.random.default_rng(seed)
    h, w = rng.integers(1, 25, 2)
    mask = rng.random((h, w)) < fill
    yy, xx = np.mgrid[0:h, 0:w]
    out = [(y, x) for y, x in zip(*np.nonzero(~mask))]
    out += [(-1, x) for x in range(w)] + [(h, x) for x in range(w)] + [(y, -1) for y in range(h)] + [(y, w) for y in range(h)]
    ref = np.min([np.abs(yy - y) + np.abs(xx - x) for y, x in out], axis=0) * mask
    assert np.array_equal(erosion_depth(mask), ref)
