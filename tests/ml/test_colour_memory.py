"""Colours stay put: a shape the child did not touch keeps the colour it was given, when strokes
are added elsewhere, and a shape the child changed is guessed afresh."""

import copy
import random

import numpy as np
import pytest

from icanvas_desktop.core.sample_drawings import _add, house
from icanvas_desktop.ml.colour_guess import Guess
from icanvas_desktop.ml.colour_memory import ColourMemory, page_labels
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.styles import discover_styles, find_style

RED, BLUE, GREEN = (220, 30, 30), (30, 60, 230), (40, 200, 60)


def square_labels(size, box, label=1):
    lab = np.zeros((size, size), np.int32)
    y0, y1, x0, x1 = box
    lab[y0:y1, x0:x1] = label
    return lab


def test_page_labels_lays_the_models_square_back_onto_the_page():
    lab = square_labels(64, (16, 48, 16, 48))
    grid = page_labels(lab, (100.0, 50.0, 400.0), (1000, 800))
    ys, xs = np.nonzero(grid)
    k = 160 / 1000      # grid cells per page pixel
    # the square's middle half: page x 200..400, y 150..350
    assert abs(xs.min() / k - 200) < 8 and abs(xs.max() / k - 400) < 8
    assert abs(ys.min() / k - 150) < 8 and abs(ys.max() / k - 350) < 8


def test_a_shape_reframed_by_a_far_stroke_keeps_its_colour():
    mem = ColourMemory()
    first = mem.recall([Guess(0.5, 0.5, RED, 1)], square_labels(64, (16, 48, 16, 48)), (100.0, 50.0, 400.0), (1000, 800))
    assert first[0].rgb == RED
    # A stroke far away widens the crop: the same page square now spans other model pixels,
    # and the guesser, seeing another framing, would say blue.
    wider = (100.0, 50.0, 800.0)            # twice the side: the shape is half as big in the square
    again = mem.recall([Guess(0.3, 0.3, BLUE, 7)], square_labels(64, (8, 24, 8, 24), label=7), wider, (1000, 800))
    assert again[0].rgb == RED


def test_a_shape_the_child_changed_is_guessed_afresh():
    mem = ColourMemory()
    mem.recall([Guess(0.5, 0.5, RED, 1)], square_labels(64, (16, 48, 16, 48)), (100.0, 50.0, 400.0), (1000, 800))
    grown = square_labels(64, (4, 60, 4, 60))     # the child drew it much bigger
    assert mem.recall([Guess(0.5, 0.5, BLUE, 1)], grown, (100.0, 50.0, 400.0), (1000, 800))[0].rgb == BLUE
    mem.clear()
    assert mem.recall([Guess(0.5, 0.5, GREEN, 1)], square_labels(64, (16, 48, 16, 48)),
                      (100.0, 50.0, 400.0), (1000, 800))[0].rgb == GREEN


def test_a_new_shape_beside_a_remembered_one_gets_its_own_guess():
    mem = ColourMemory()
    mem.recall([Guess(0.5, 0.5, RED, 1)], square_labels(64, (10, 30, 10, 30)), (0.0, 0.0, 800.0), (1000, 800))
    both = square_labels(64, (10, 30, 10, 30)) + square_labels(64, (36, 56, 36, 56), label=2)
    out = mem.recall([Guess(0.3, 0.3, BLUE, 1), Guess(0.7, 0.7, GREEN, 2)], both, (0.0, 0.0, 800.0), (1000, 800))
    assert [g.rgb for g in out] == [RED, GREEN]


def test_a_shape_whose_object_grew_is_guessed_afresh_though_the_shape_itself_stayed():
    """A crown drawn first is a circle; the trunk drawn under it makes the object a tree, and
    the crown must be guessed again (green), though its own pixels did not move."""
    mem = ColourMemory()
    crown = square_labels(64, (16, 40, 16, 40))
    mem.recall([Guess(0.4, 0.4, RED, 1, (14.0, 14.0, 28.0))], crown, (0.0, 0.0, 800.0), (1000, 800))
    tree = crown + square_labels(64, (40, 60, 26, 30), label=2)
    grown = (10.0, 14.0, 48.0)          # the object's frame now reaches down over the trunk
    out = mem.recall([Guess(0.4, 0.4, GREEN, 1, grown), Guess(0.8, 0.4, BLUE, 2, grown)], tree,
                     (0.0, 0.0, 800.0), (1000, 800))
    assert [g.rgb for g in out] == [GREEN, BLUE]
    # the same object, its frame unchanged, keeps the colour
    out = mem.recall([Guess(0.4, 0.4, RED, 1, grown), Guess(0.8, 0.4, RED, 2, grown)], tree,
                     (0.0, 0.0, 800.0), (1000, 800))
    assert [g.rgb for g in out] == [GREEN, BLUE]


HOUSE_POINTS = {"wall": (560, 450), "roof": (460, 300), "door": (455, 600), "window": (365, 458)}


@pytest.mark.parametrize("style", ["sticker", "emoji"])
def test_adding_a_dash_far_from_the_house_leaves_its_colours_alone(style):
    """Issue 25 item 10: a 50-px dash at the foot of the page recoloured the house (Sticker's
    red roof turned blue, Emoji's orange walls blue)."""
    eng = Engine(EngineConfig(threads=1))
    eng.load_style(find_style(style, discover_styles()))
    d = house()
    before = np.asarray(eng.preview(d).resize((1024, 768))).astype(int)
    more = copy.deepcopy(d)
    _add(more, random.Random(3), [(80, 720), (130, 722)], 9.0)
    after = np.asarray(eng.preview(more).resize((1024, 768))).astype(int)
    final = np.asarray(eng.final(more).resize((1024, 768))).astype(int)
    for name, (x, y) in HOUSE_POINTS.items():
        assert np.abs(after[y, x] - before[y, x]).max() < 30, name
        assert np.abs(final[y, x] - before[y, x]).max() < 45, name


def test_a_new_page_in_the_same_place_is_guessed_afresh():
    """The memory holds while a drawing goes on; a drawing that shares no stroke with the last
    render (a new page, a reopened creation) gets its own guesses."""
    mem = ColourMemory()
    square = square_labels(64, (16, 48, 16, 48))
    mem.recall([Guess(0.5, 0.5, RED, 1)], square, (100.0, 50.0, 400.0), (1000, 800), frozenset({"a", "b"}))
    goes_on = mem.recall([Guess(0.5, 0.5, BLUE, 1)], square, (100.0, 50.0, 400.0), (1000, 800), frozenset({"a", "b", "c"}))
    assert goes_on[0].rgb == RED
    other = mem.recall([Guess(0.5, 0.5, GREEN, 1)], square, (100.0, 50.0, 400.0), (1000, 800), frozenset({"x"}))
    assert other[0].rgb == GREEN
