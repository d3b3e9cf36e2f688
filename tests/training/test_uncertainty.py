"""Bootstrap intervals of colour-match changes (`training/uncertainty.py`)."""

from __future__ import annotations

import numpy as np

from icanvas_desktop.training.evaluate import balanced_share
from icanvas_desktop.training.uncertainty import hue_match_change, interval, mean_hue_match_change


def _families(n: int) -> np.ndarray:
    return np.arange(n) % 6            # every colour family seen n/6 times


def test_balanced_share_averages_the_families_and_leaves_grey_truths_out():
    families = np.array([0, 0, 1, -1])
    hits = np.array([True, False, True, True])
    assert balanced_share(families, hits) == 0.75          # (1/2 + 1/1) / 2; the grey truth is not counted
    assert balanced_share(np.array([-1, -1]), np.array([True, True])) == 0.0


def test_the_same_hits_twice_are_no_change_and_within_the_noise():
    rng = np.random.default_rng(1)
    hits = rng.random(60) < 0.4
    change = hue_match_change(_families(60), hits, hits.copy())
    assert (change.value, change.low, change.high) == (0.0, 0.0, 0.0)
    assert not change.clear and "within the noise" in str(change)


def test_a_setting_that_fixes_every_picture_is_a_clear_change():
    change = hue_match_change(_families(60), np.zeros(60, bool), np.ones(60, bool))
    assert change.value == 1.0 and change.low > 0.9 and change.clear
    assert "within the noise" not in str(change)


def test_one_picture_of_sixty_changing_colour_is_within_the_noise():
    rng = np.random.default_rng(2)
    before = rng.random(60) < 0.5
    after = before.copy()
    after[np.flatnonzero(~before)[0]] = True                 # one more picture in its own colour
    change = hue_match_change(_families(60), before, after)
    assert change.value > 0 and change.low <= 0 < change.high and not change.clear


def test_an_interval_is_the_same_for_the_same_seed():
    rng = np.random.default_rng(3)
    data = rng.random(40)

    def stat(picks):
        return float(data[picks[0]].mean())
    assert interval([40], stat, rounds=300, seed=5) == interval([40], stat, rounds=300, seed=5)
    low, high = interval([40], stat, rounds=300, seed=5)
    assert low < data.mean() < high


def test_pairs_measured_on_one_set_of_pictures_share_its_redraws():
    # Two pairs whose changes cancel picture by picture: only if both see the same redraw of
    # the pictures does every round give exactly zero.
    rng = np.random.default_rng(4)
    a, b = rng.random(60) < 0.3, rng.random(60) < 0.7
    change = mean_hue_match_change([(_families(60), [(a, b), (b, a)])], rounds=300)
    assert (change.value, change.low, change.high) == (0.0, 0.0, 0.0)
    # Two sets are drawn on their own: the same two pairs on two copies of the set do not cancel.
    apart = mean_hue_match_change([(_families(60), [(a, b)]), (_families(60), [(b, a)])], rounds=300)
    assert apart.value == 0.0 and apart.low < 0 < apart.high
