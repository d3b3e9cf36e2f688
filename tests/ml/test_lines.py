"""Line clean-up helpers: dilation with a round pen is exactly a disc, at any size and edge."""

import numpy as np
from hypothesis import given, settings, strategies as st

from icanvas_desktop.ml.lines import dilate


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
