"""Colour-rebalanced L1: rare colours weigh more, the paper keeps weight 1, and a run trains with it."""

import numpy as np
import torch

from icanvas_desktop.training.colour_balance import (FAMILIES, NEUTRAL, balanced_l1, colour_family,
                                                     family_frequencies, family_weights)


def as_target(rgb_uint8):
    return torch.from_numpy(np.moveaxis(np.asarray(rgb_uint8, np.float32) / 127.5 - 1, -1, 1))


def test_pixels_fall_into_their_hue_family_and_greys_are_neutral():
    px = np.array([[[[230, 20, 20], [240, 220, 30], [30, 180, 40], [30, 200, 210], [30, 60, 230],
                     [200, 30, 210], [255, 255, 255], [20, 20, 20], [128, 120, 125]]]], np.uint8)
    assert colour_family(as_target(px)).flatten().tolist() == [0, 1, 2, 3, 4, 5, NEUTRAL, NEUTRAL, NEUTRAL]


def test_a_rare_colour_weighs_more_than_a_common_one_and_the_paper_stays_at_one():
    # 90 % of the colourful pixels yellow, 10 % blue, on white paper
    pics = np.full((10, 8, 8, 3), 255, np.uint8)
    pics[:9, 2:6, 2:6] = (240, 220, 30)
    pics[9, 2:6, 2:6] = (30, 60, 230)
    freq = family_frequencies(pics)
    assert abs(freq.sum() - 1) < 1e-9 and freq[NEUTRAL] > 0.7
    w = family_weights(freq, 0.5)
    assert w[4] > 2.5 * w[1]                           # blue (rare) over yellow (common)
    assert w[NEUTRAL] == 1.0
    share = freq[:FAMILIES] / freq[:FAMILIES].sum()
    assert abs(float((share * w[:FAMILIES].numpy()).sum()) - 1) < 1e-5  # colourful total unchanged
    assert torch.equal(family_weights(freq, 0.0), torch.ones(FAMILIES + 1))


def test_picture_weights_count_in_the_frequencies():
    pics = np.full((2, 4, 4, 3), 255, np.uint8)
    pics[0] = (240, 220, 30)
    pics[1] = (30, 60, 230)
    freq = family_frequencies(pics, np.array([3.0, 1.0]))
    assert abs(freq[1] - 0.75) < 1e-9 and abs(freq[4] - 0.25) < 1e-9


def test_balanced_l1_is_plain_l1_with_equal_weights_and_favours_rare_colours_otherwise():
    target = as_target(np.array([[[[30, 60, 230], [240, 220, 30]]]], np.uint8))
    fake = torch.zeros_like(target)
    plain = (fake - target).abs().mean()
    assert torch.allclose(balanced_l1(fake, target, torch.ones(FAMILIES + 1)), plain)
    w = torch.ones(FAMILIES + 1)
    w[4] = 3.0                                         # blue pixels count three times
    err = (fake - target).abs().mean(dim=(0, 1, 2))
    assert torch.allclose(balanced_l1(fake, target, w), (3 * err[0] + err[1]) / 2)
