"""Magic colours: guessed hints for the shapes a child closed (`ml/colour_guess.py`)."""

import math

import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.ml import colour_guess as cg
from icanvas_desktop.ml.style_meta import CheckpointError

from helpers import colour_index_of as index_of, shape_picture as picture

RED, BLUE = (220, 40, 40), (40, 80, 220)


def outline(points, size=128, width=3) -> np.ndarray:
    """Ink (S, S) in [0, 1] of a closed polyline, as the engine gives it to the model."""
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).line(points + points[:1], fill=255, width=width, joint="curve")
    return np.asarray(img, np.float32) / 255


def circle(cx, cy, r, n=40):
    return [(cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)) for k in range(n)]


def triangle(cx, cy, r):
    return [(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)]


@pytest.fixture
def index():
    return index_of([picture(circle(128, 128, 90), RED), picture(triangle(128, 128, 90), BLUE)])


def near(a, b, tol=40):
    return max(abs(int(x) - int(y)) for x, y in zip(a, b)) <= tol


def test_a_shape_takes_the_colour_of_training_pictures_shaped_like_it(index):
    cfg = cg.GuessConfig(neighbours=1)
    (g,) = cg.guess_colours(outline(circle(60, 70, 40)), index, cfg)
    assert near(g.rgb, RED)
    (g,) = cg.guess_colours(outline(triangle(64, 64, 35)), index, cfg)
    assert near(g.rgb, BLUE)


def test_the_guess_sits_inside_the_shape(index):
    ink = outline(circle(60, 70, 40))
    (g,) = cg.guess_colours(ink, index, cg.GuessConfig(neighbours=1))
    assert math.hypot(g.x * 128 - 60, g.y * 128 - 70) < 30


def test_each_object_of_a_picture_is_guessed_on_its_own(index):
    ink = np.maximum(outline(circle(30, 40, 22)), outline(triangle(95, 85, 25)))
    guesses = sorted(cg.guess_colours(ink, index, cg.GuessConfig(neighbours=1)), key=lambda g: g.x)
    assert len(guesses) == 2
    assert near(guesses[0].rgb, RED) and near(guesses[1].rgb, BLUE)


def test_a_shape_the_child_hinted_is_left_to_the_child(index):
    ink = outline(circle(60, 70, 40))
    taken = np.zeros_like(ink)
    taken[68:72, 58:62] = 1.0
    assert cg.guess_colours(ink, index, taken=taken) == []


def test_a_near_black_picture_does_not_vote_so_no_shape_is_guessed_black():
    """A sun shaped like a new moon stays the style's own colour, not a black blot."""
    dark_only = index_of([picture(circle(128, 128, 90), (63, 63, 63))])
    assert cg.guess_colours(outline(circle(60, 70, 40)), dark_only, cg.GuessConfig(neighbours=1)) == []
    dark_and_red = index_of([picture(circle(128, 128, 90), (63, 63, 63)), picture(circle(128, 128, 80), RED)])
    (g,) = cg.guess_colours(outline(circle(60, 70, 40)), dark_and_red, cg.GuessConfig(neighbours=2))
    assert near(g.rgb, RED)


def test_open_strokes_and_an_empty_page_get_no_guess(index):
    assert cg.guess_colours(np.zeros((128, 128), np.float32), index) == []
    line = np.zeros((128, 128), np.float32)
    line[60:63, 10:110] = 1
    assert cg.guess_colours(line, index) == []


def test_a_guess_becomes_a_hint_dot_and_leaves_the_lines_alone():
    x = np.zeros((5, 64, 64), np.float32)
    x[0] = 1.0
    out = cg.apply_guesses(x, [cg.Guess(0.5, 0.25, (255, 0, 0))], line_channels=1)
    assert out[4, 32, 16] == 1.0 and out[4].sum() < 30        # a small dot, where the guess is
    assert np.allclose(out[1:4, 32, 16], [1.0, -1.0, -1.0])  # red, in the model's [-1, 1]
    assert np.array_equal(out[0], x[0]) and x[4].sum() == 0  # lines kept, input not changed
    assert cg.apply_guesses(x, [], 1) is x


def test_an_index_file_reads_back_and_damage_is_named(tmp_path, index):
    from icanvas_desktop.training.colour_index import quantise_colours, write_index
    palette, layouts = quantise_colours(index.colours)
    path = write_index(index, palette, layouts, tmp_path / "tiny.colours.safetensors")
    back = cg.load_index(path)
    assert np.array_equal(back.silhouettes, index.silhouettes) and np.array_equal(back.lines, index.lines)
    assert np.array_equal(back.colours, index.colours)  # few colours: the palette is exact
    data = path.read_bytes()
    (tmp_path / "cut.colours.safetensors").write_bytes(data[: len(data) - 100])
    with pytest.raises(CheckpointError, match="cut.colours.safetensors.*truncated"):
        cg.load_index(tmp_path / "cut.colours.safetensors")
    from helpers import tiny_style  # noqa: E402 - only this test needs a style
    with pytest.raises(CheckpointError, match="not an iCanvas colour index"):
        cg.load_index(tiny_style(tmp_path))


def test_bit_counting_without_numpy_2_gives_the_same_similarity(index, monkeypatch):
    ink = outline(circle(60, 70, 40))
    with_ufunc = cg.guess_colours(ink, index)
    monkeypatch.delattr(np, "bitwise_count", raising=False)   # as on numpy 1.x
    rows = np.array([[0, 1, 2 ** 63 + 3]], np.uint64)
    assert cg._popcount_rows(rows)[0] == 0 + 1 + 3
    assert cg.guess_colours(ink, index) == with_ufunc
