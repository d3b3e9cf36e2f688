"""Subjects drawn as children draw them, for the Magic colours index (`training/subjects.py`)."""

import random

import numpy as np
import pytest

from icanvas_desktop.core.tree_sketches import TREE_SKETCHES
from icanvas_desktop.ml import colour_guess as cg
from icanvas_desktop.ml.preprocess import IOSpec, ink_of, prepare_drawing
from icanvas_desktop.training import colour_index, subjects

from helpers import colour_index_of, shape_picture

GREY = (150, 150, 150)


def is_green(rgb) -> bool:
    r, g, b = (int(v) for v in rgb)
    return g > r + 30 and g > b + 30


def is_brown(rgb) -> bool:
    r, g, b = (int(v) for v in rgb)
    return r > g > b and r - b > 30 and r < 190


def test_a_drawn_tree_has_a_green_crown_above_a_brown_trunk_in_its_colour_layout():
    sil, lines, layouts = subjects.subject_entries(12, seed=3)
    assert sil.shape == lines.shape == (12, cg.GRID, cg.GRID) and layouts.shape == (12, 16, 16, 3)
    for lay in layouts:
        rows = [r for r in range(16) if any(is_green(px) for px in lay[r])]
        trunk = [r for r in range(16) if any(is_brown(px) for px in lay[r])]
        assert rows and trunk, "each tree has both a crown and a trunk"
        assert np.mean(rows) < np.mean(trunk), "the crown is above the trunk"


def test_drawn_subjects_are_the_same_for_the_same_seed_and_differ_for_another():
    a = subjects.subject_entries(4, seed=1)
    b = subjects.subject_entries(4, seed=1)
    c = subjects.subject_entries(4, seed=2)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not np.array_equal(a[0], c[0])


def test_a_tree_whose_trunk_closes_nothing_is_not_made_an_entry():
    crown = subjects.Part(subjects._ellipse(512, 300, 150, 150), subjects.GREENS[0])
    box = [(480, 430), (480, 650), (545, 650), (545, 430)]
    wide = subjects.Part(box, subjects.BROWNS[0], box, closed=True)
    assert subjects.index_entry([wide, crown], random.Random(1)) is not None
    # a trunk drawn as one line closes nothing: the engine would frame the tree by its crown
    # alone, and the entry would teach that a plain circle is green
    line = [(512, 430), (512, 650)]
    thin = subjects.Part(line, subjects.BROWNS[0], [(511, 430), (511, 650), (513, 650), (513, 430)], closed=True)
    assert subjects.index_entry([thin, crown], random.Random(1)) is None


def test_added_subjects_leave_every_picture_of_the_data_exactly_as_it_was():
    base = colour_index_of([shape_picture([(40, 40), (200, 40), (200, 200), (40, 200)], GREY)])
    palette = np.zeros((256, 3), np.uint8)
    palette[0], palette[1], palette[2] = GREY, (60, 150, 60), (120, 80, 60)
    layouts = np.zeros(base.colours.shape[:-1], np.uint8)
    index = cg.ColourIndex(base.silhouettes, base.lines, palette[layouts], {"data": {"dataset": "x"}})
    grown, pal, lay = colour_index.add_subjects(index, palette, layouts, 5)
    assert len(grown) == 6 and grown.first_drawn == 1 and index.first_drawn == 1
    assert np.array_equal(grown.silhouettes[:1], index.silhouettes) and np.array_equal(lay[:1], layouts)
    assert grown.meta["data"]["dataset"] == "x" and grown.meta["data"]["subjects"]["pictures"] == 5
    # the drawn colours are the palette's nearest: green crowns, brown trunks
    assert (lay[1:] == 1).any() and (lay[1:] == 2).any()


def test_a_written_index_keeps_where_its_drawn_subjects_begin(tmp_path):
    base = colour_index_of([shape_picture([(40, 40), (200, 40), (120, 200)], GREY)])
    palette = np.full((256, 3), 255, np.uint8)
    palette[0] = GREY
    layouts = np.zeros(base.colours.shape[:-1], np.uint8)
    grown = colour_index.add_subjects(cg.ColourIndex(base.silhouettes, base.lines, palette[layouts], {}),
                                      palette, layouts, 3)
    path = colour_index.write_index(*grown, tmp_path / "x.colours.safetensors")
    from safetensors.numpy import load_file
    back, raw = cg.load_index(path), load_file(str(path))
    pal, lay = raw["palette"], raw["layouts"]
    assert len(back) == 4 and back.first_drawn == 1
    assert np.array_equal(lay, grown[2]) and np.array_equal(pal, palette)


@pytest.fixture(scope="module")
def trees_only():
    sil, lines, layouts = subjects.subject_entries(60, seed=5)
    return cg.ColourIndex(sil, lines, layouts, {"data": {"subjects": {"pictures": 60}}})


@pytest.mark.parametrize("name", ["card tree", "lollipop"])
def test_a_childs_tree_takes_a_green_crown_from_the_drawn_trees(trees_only, name):
    x = prepare_drawing(TREE_SKETCHES[name](), IOSpec(hints=True), 128).x
    guesses = cg.guess_colours(ink_of(x), trees_only, cg.GuessConfig(drawn_margin=0.0))
    top = min(guesses, key=lambda g: g.y)        # the crown is the highest shape
    assert is_green(top.rgb), top.rgb


def test_a_drawn_subject_must_beat_the_datas_pictures_by_the_margin():
    circle = [(128 + 90 * np.cos(a), 128 + 90 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 40)]
    red, green = (220, 40, 40), (40, 170, 40)
    both = colour_index_of([shape_picture(circle, red), shape_picture(circle, green)])
    index = cg.ColourIndex(both.silhouettes, both.lines, both.colours, {"data": {"subjects": {"pictures": 1}}})
    assert index.first_drawn == 1
    from PIL import Image, ImageDraw
    img = Image.new("L", (128, 128), 0)
    ImageDraw.Draw(img).line([(64 + 40 * np.cos(a), 64 + 40 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 40)],
                             fill=255, width=3)
    ink = np.asarray(img, np.float32) / 255
    # equally alike: the data's picture wins at any margin; with no margin they tie and both vote
    (g,) = cg.guess_colours(ink, index, cg.GuessConfig(neighbours=1, drawn_margin=0.15))
    assert g.rgb[0] > 150 and g.rgb[1] < 100
    (g,) = cg.guess_colours(ink, index, cg.GuessConfig(neighbours=1, drawn_margin=-0.15))
    assert g.rgb[1] > 120 and g.rgb[0] < 100
