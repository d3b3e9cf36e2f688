"""Looks: Soft's watercolour is pastel, deeper at the rims, unevenly washed, and leaves the
paper white."""

import numpy as np

from icanvas_desktop.ml.looks import texture, watercolour


def disc(size=128, r=40):
    yy, xx = np.mgrid[:size, :size]
    return (yy - size / 2) ** 2 + (xx - size / 2) ** 2 < r * r


def test_watercolour_paints_only_the_shapes_pastel_and_deeper_at_the_rim():
    mask = disc()
    red = np.full((128, 128, 3), 1.0, np.float32)
    red[mask] = (0.8, -0.8, -0.8)              # a red disc on white, in [-1, 1]
    out = (watercolour(red, mask) + 1) / 2
    assert (out[~mask] == 1.0).all()           # the paper stays white
    green_depth = 1 - out[..., 1]              # how much pigment there is
    middle = green_depth[disc(r=20)].mean()
    rim = green_depth[mask & ~disc(r=37)].mean()   # a ring 3 px wide inside the edge
    assert middle < 0.9 * (1 - 0.1)            # thinned towards the paper (was 0.9 deep)
    assert rim > middle * 1.2                  # pigment pools at the edge


def test_the_wash_is_uneven_but_the_same_every_time():
    t = texture(128)
    assert t.std() > 0.1 and t.min() >= -1 and t.max() <= 1
    mask = disc()
    grey = np.where(mask[..., None], 0.0, 1.0).astype(np.float32) * np.ones(3, np.float32)
    a, b = watercolour(grey, mask), watercolour(grey, mask)
    assert np.array_equal(a, b)
    assert a[mask][:, 0].std() > 0.01           # not one flat tone


def test_a_drawing_without_shapes_is_left_alone():
    rgb = np.random.default_rng(0).uniform(-1, 1, (64, 64, 3)).astype(np.float32)
    assert np.array_equal(watercolour(rgb, np.zeros((64, 64), bool)), rgb)


def test_a_look_this_version_does_not_know_leaves_the_picture_as_it_was():
    from icanvas_desktop.ml.looks import finish_look
    mask = disc()
    rgb = np.zeros((128, 128, 3), np.float32)
    rgb[mask] = (0.8, -0.8, -0.8)
    assert finish_look("from-a-newer-icanvas", rgb, mask) is rgb
    np.testing.assert_array_equal(finish_look("watercolour", rgb, mask), watercolour(rgb, mask))
