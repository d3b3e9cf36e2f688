"""`icanvas animate`: every motion written as a GIF and checked frame by frame, sketches
rendered first, and a clear line for every bad input."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageSequence

from icanvas_desktop.cli import main
from icanvas_desktop.core.raster import sketch_image
from icanvas_desktop.core.sample_drawings import house
from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.motion import MOTIONS
from icanvas_desktop.motion.animate import Animation

from motion_measures import colour_distance, ink_of, pieces


def gif_frames(path) -> list[Image.Image]:
    with Image.open(path) as gif:
        return [f.convert("RGB") for f in ImageSequence.Iterator(gif)]


@pytest.fixture(scope="module")
def house_png(pictures, tmp_path_factory):
    path = tmp_path_factory.mktemp("pictures") / "house.png"
    pictures["house"].save(path)
    return path


@pytest.mark.parametrize("motion", MOTIONS)
def test_animate_writes_a_gif_whose_every_frame_moves_and_keeps_colours_pieces_and_white_paper(
        house_png, tmp_path, capsys, motion):
    out = tmp_path / f"{motion}.gif"
    assert main(["animate", str(house_png), "--motion", motion, "--out", str(out)]) == 0
    assert capsys.readouterr().out.split() == [str(out)]
    frames = gif_frames(out)
    assert len(frames) >= 24
    still = Animation(Image.open(house_png)).still
    for a, b in zip(frames, frames[1:]):
        assert not np.array_equal(np.asarray(a), np.asarray(b))
    ink = ink_of(still).sum()
    for f in frames:
        assert colour_distance(f, still) < 0.1                  # the picture's own colours
        assert 0.8 < ink_of(f).sum() / ink < 1.2                # no smear of paper, nothing lost
        assert pieces(f) <= pieces(still)                        # no part tore off
        rgb = np.asarray(f)
        pale = (rgb.min(2) >= 236) & (rgb.min(2) < 255)
        assert pale.mean() < 0.01                                # paper is pure white, not tinted
        assert (rgb[~dilate(ink_of(f), 2)] == 255).all()        # all of it, away from the shape's edge


def test_a_sketch_is_rendered_by_the_style_before_it_moves(tmp_path, capsys):
    sketch = tmp_path / "house-sketch.png"
    sketch_image(house()).save(sketch)
    out = tmp_path / "house.gif"
    assert main(["animate", str(sketch), "--motion", "dance", "--out", str(out), "--frames", "24"]) == 0
    frames = gif_frames(out)
    assert len(frames) == 24
    rgb = np.asarray(frames[0], np.int16)
    colourful = (rgb.max(2) - rgb.min(2)) > 80
    assert colourful.mean() > 0.03                              # coloured in, not pencil lines


def test_walk_without_legs_says_it_hops_and_still_writes_the_gif(house_png, tmp_path, capsys):
    out = tmp_path / "walk.gif"
    assert main(["animate", str(house_png), "--motion", "walk", "--out", str(out), "--size", "256"]) == 0
    assert "no legs" in capsys.readouterr().err
    assert len(gif_frames(out)) == 30


def test_bad_input_gets_one_clear_line_and_no_file(tmp_path, capsys):
    blank = tmp_path / "blank.png"
    Image.new("RGB", (320, 240), "white").save(blank)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    cases = [([str(blank), "--out", str(tmp_path / "a.gif")], "nothing to move"),
             ([str(broken), "--out", str(tmp_path / "b.gif")], "not a readable picture"),
             ([str(tmp_path / "missing.png"), "--out", str(tmp_path / "c.gif")], "not a readable picture"),
             ([str(blank), "--out", str(tmp_path / "d.jpg")], "must end in .gif"),
             ([str(blank), "--out", str(tmp_path / "e.gif"), "--frames", "1"], "--frames")]
    for args, words in cases:
        assert main(["animate", *args]) == 2
        err = capsys.readouterr().err
        assert words in err and len(err.strip().splitlines()) == 1, err
    assert not list(tmp_path.glob("*.gif"))
