"""Colour figures: one colour for every subject scores low, each subject in its own colour high."""

import numpy as np

from icanvas_desktop.training.evaluate import colour_name, dominant_hue, hue_match, hue_spread

RED, GREEN, BLUE, YELLOW, ORANGE = (220, 30, 30), (40, 170, 60), (30, 80, 220), (240, 210, 40), (230, 120, 40)


def picture(colour, size=32):
    img = np.full((size, size, 3), 255, np.uint8)
    img[8:24, 8:24] = colour          # a filled shape on white paper
    return img


def batch(colours):
    return np.stack([picture(c) for c in colours])


def test_a_grey_picture_has_no_dominant_hue():
    assert dominant_hue(picture((120, 120, 120))) is None
    assert dominant_hue(picture(RED)) is not None


def test_one_colour_for_everything_has_no_spread_and_misses_most_subjects():
    truth = batch([RED, GREEN, BLUE, YELLOW])
    all_orange = batch([ORANGE] * 4)
    assert hue_spread(all_orange) < 0.01
    assert hue_match(all_orange, truth) <= 0.25


def test_each_subject_in_its_own_colour_matches_the_truth():
    truth = batch([RED, GREEN, BLUE, YELLOW])
    assert hue_spread(truth) > 0.5
    assert hue_match(truth, truth) == 1.0
    # varied but wrong colours: spread is high, the match is not
    shuffled = batch([GREEN, BLUE, YELLOW, RED])
    assert hue_spread(shuffled) > 0.5 and hue_match(shuffled, truth) == 0.0


def test_colour_match_is_balanced_over_colour_families():
    # Nine yellow subjects and one blue one: painting all of them yellow matches the yellow
    # family only, so the balanced share is one half, not nine tenths.
    truth = batch([YELLOW] * 9 + [BLUE])
    assert hue_match(batch([YELLOW] * 10), truth) == 0.5
    assert hue_match(truth, truth) == 1.0


def test_grey_truths_are_left_out_and_grey_outputs_are_misses():
    truth = batch([RED, (128, 128, 128)])
    assert hue_match(batch([RED, RED]), truth) == 1.0          # the grey truth is not counted
    assert hue_match(batch([(90, 90, 90), RED]), truth) == 0.0  # grey where red was due


def test_colour_names_are_a_childs_words_for_the_main_colour():
    assert colour_name(picture(RED)) == "red"
    assert colour_name(picture(GREEN)) == "green"
    assert colour_name(picture(BLUE)) == "blue"
    assert colour_name(picture(YELLOW)) == "yellow"
    assert colour_name(picture((120, 70, 30))) == "brown"
    assert colour_name(picture((110, 110, 115))) == "grey"
