"""Line clean-up helpers: dilation with a round pen is exactly a disc, at any size and edge;
erosion depth is the distance to the nearest pixel outside; thinning is the textbook Zhang-Suen."""

import numpy as np
from hypothesis import given, settings, strategies as st

from icanvas_desktop.ml.lines import dilate, erosion_depth, thin


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


def zhang_suen(mask):
    """Reference: Zhang and Suen (1984) pixel by pixel, P2..P9 clockwise from north."""
    img = np.pad(mask.astype(int), 1)
    while True:
        changed = False
        for step in (0, 1):
            kill = []
            for y in range(1, img.shape[0] - 1):
                for x in range(1, img.shape[1] - 1):
                    if not img[y, x]:
                        continue
                    p = [img[y - 1, x], img[y - 1, x + 1], img[y, x + 1], img[y + 1, x + 1],
                         img[y + 1, x], img[y + 1, x - 1], img[y, x - 1], img[y - 1, x - 1]]
                    b = sum(p)
                    a = sum(p[i] == 0 and p[(i + 1) % 8] == 1 for i in range(8))
                    p2, p4, p6, p8 = p[0], p[2], p[4], p[6]
                    side = (p2 * p4 * p6 == 0 and p4 * p6 * p8 == 0) if step == 0 else \
                        (p2 * p4 * p8 == 0 and p2 * p6 * p8 == 0)
                    if 2 <= b <= 6 and a == 1 and side:
                        kill.append((y, x))
            for y, x in kill:
                img[y, x] = 0
            changed |= bool(kill)
        if not changed:
            return img[1:-1, 1:-1].astype(bool)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.floats(1.0, 4.0))
def test_thinning_is_zhang_suen_applied_pixel_by_pixel(seed, radius):
    rng = np.random.default_rng(seed)
    h, w = rng.integers(3, 26, 2)
    mask = dilate(rng.random((h, w)) < 0.04, radius) | (rng.random((h, w)) < 0.05)
    assert np.array_equal(thin(mask), zhang_suen(mask))
