"""`icanvas colours`: the Magic colours index of a data set's training split."""

import math

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.ml.colour_guess import GuessConfig, guess_colours, load_index
from icanvas_desktop.training import datasets
from icanvas_desktop.training.colour_index import build_index, write_index

# The colours the `ab_folder` fixture (conftest.py) gives its hearts and triangles (both in the
# training split; its circles happen to fall in val and test).
WANT = {"heart": (250, 200, 30), "triangle": (40, 90, 220)}


def drawn(points, size=128, width=3) -> np.ndarray:
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).line(points + points[:1], fill=255, width=width, joint="curve")
    return np.asarray(img, np.float32) / 255


def test_drawn_shapes_take_the_colours_their_shapes_have_in_the_training_pictures(tmp_path, ab_folder):
    data = datasets.build("pix2pix-ab", tmp_path / "cache", ab_folder, out_name="ab")
    index, palette, layouts = build_index(data, dedupe=1.0)
    splits = datasets.load(data)
    # the training pictures only: the test split measures guesses on pictures the index never saw
    assert len(index) == len(splits.split("train")) < len(splits.index)
    assert index.meta["data"]["split"] == "train"
    path = write_index(index, palette, layouts, tmp_path / "ab.colours.safetensors")
    index = load_index(path)
    cfg = GuessConfig(neighbours=1)
    # Drawn bigger, elsewhere on the page and with a thicker pen than the training lines.
    heart = [(60 + 2.6 * 16 * math.sin(t) ** 3, 60 - 2.6 * (13 * math.cos(t) - 5 * math.cos(2 * t)
              - 2 * math.cos(3 * t) - math.cos(4 * t))) for t in np.linspace(0, 2 * math.pi, 40)]
    triangle = [(64, 20), (110, 105), (18, 105)]
    for points, shape in ((heart, "heart"), (triangle, "triangle")):
        (g,) = guess_colours(drawn(points), index, cfg)
        want = WANT[shape]
        assert max(abs(a - b) for a, b in zip(g.rgb, want)) < 40, (shape, g.rgb)


def test_colours_command_builds_a_styles_index_from_another_data_set_named_in_the_cache(
        tmp_path, ab_folder, monkeypatch):
    from helpers import tiny_style
    from icanvas_desktop.cli import main
    from icanvas_desktop.ml.styles import style_from_file
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    datasets.build("pix2pix-ab", datasets.default_cache(), ab_folder, out_name="other")
    style = tiny_style(tmp_path, hints=True)   # its own data set is not in the cache at all
    assert main(["colours", str(style), "--data", "other"]) == 0
    info = style_from_file(style)
    # the index names where its pictures come from, and the About box and the card read it
    assert info.colours_path is not None and info.colours_data["dataset"] == "other"
    assert info.colours_data["split"] == "train"


def test_colours_command_for_a_data_set_not_built_says_how_to_build_it(tmp_path, monkeypatch, capsys):
    from helpers import tiny_style
    from icanvas_desktop.cli import main
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    style = tiny_style(tmp_path, hints=True)
    assert main(["colours", str(style), "--data", "noto", "--subjects", "3"]) == 2
    assert "icanvas data build noto" in capsys.readouterr().err
    assert not (tmp_path / "tiny.colours.safetensors").exists()


def test_colours_command_adds_drawn_subjects_with_their_margin(tmp_path, ab_folder, monkeypatch):
    from helpers import tiny_style
    from icanvas_desktop.cli import main
    from icanvas_desktop.ml.colour_guess import colours_path, load_index
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    datasets.build("pix2pix-ab", datasets.default_cache(), ab_folder, out_name="other")
    style = tiny_style(tmp_path, hints=True)
    assert main(["colours", str(style), "--data", "other", "--subjects", "4", "--subject-margin", "0.3"]) == 0
    index = load_index(colours_path(style))
    assert len(index) - index.first_drawn == 4 and index.drawn_margin == 0.3
