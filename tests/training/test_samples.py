"""Training samples: the main-colour family of a picture and sampling that shows rare main
colours more often (`training/samples.py`)."""

import numpy as np
import pytest

from icanvas_desktop.training.samples import hue_weights, main_colour_family


def _picture(rgb, size=32) -> np.ndarray:
    pic = np.full((size, size, 3), 255, np.uint8)          # paper ...
    pic[8:24, 8:24] = rgb                                   # ... with one coloured shape
    return pic


def test_a_pictures_main_colour_family_is_named_like_a_child_would():
    tree = _picture((60, 170, 60))
    tree[20:24, 14:18] = (120, 70, 30)                     # a small brown trunk does not win
    assert main_colour_family(tree) == "green"
    assert main_colour_family(_picture((250, 210, 40))) == "yellow"
    assert main_colour_family(_picture((40, 80, 220))) == "blue"
    assert main_colour_family(_picture((128, 128, 128))) == "grey, white or black"


def test_hue_weights_show_a_rare_main_colour_more_often():
    pics = np.stack([_picture((250, 210, 40))] * 6 + [_picture((60, 170, 60))] * 2)
    even = np.full(8, 1 / 8)
    same, shares = hue_weights(pics, even, 0.0)
    assert np.allclose(same, even) and shares["green"] == pytest.approx(0.25)
    half, shares = hue_weights(pics, even, 0.5)
    assert half.sum() == pytest.approx(1.0)
    assert half[6] / half[0] == pytest.approx(3 ** 0.5)    # green is 3x rarer than yellow
    assert 0.25 < shares["green"] < 0.5
    _, shares = hue_weights(pics, even, 1.0)               # strength 1: every family alike
    assert shares["green"] == pytest.approx(0.5) and shares["yellow"] == pytest.approx(0.5)


def test_hue_weights_build_on_the_category_balance_they_are_given():
    pics = np.stack([_picture((250, 210, 40)), _picture((60, 170, 60)), _picture((60, 170, 60))])
    weights = np.array([0.5, 0.25, 0.25])                   # e.g. one category per picture
    out, shares = hue_weights(pics, weights, 1.0)
    assert shares["yellow"] == pytest.approx(0.5)           # 0.5 yellow vs 0.5 green: already even
    assert np.allclose(out, weights)
