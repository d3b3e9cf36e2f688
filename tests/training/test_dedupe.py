"""Colour variants (one line art in several colours) are thinned to one picture per outline."""

import json

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training import datasets
from icanvas_desktop.training.config import TrainConfig
from icanvas_desktop.training.dedupe import colourful, drop_colour_variants
from icanvas_desktop.training.train import prepare_data


def _ring(radius: int = 70) -> np.ndarray:
    img = Image.new("L", (256, 256), 0)
    ImageDraw.Draw(img).ellipse((128 - radius, 128 - radius, 128 + radius, 128 + radius), outline=1)
    return np.asarray(img).astype(bool)


def _square() -> np.ndarray:
    img = Image.new("L", (256, 256), 0)
    ImageDraw.Draw(img).rectangle((60, 60, 196, 196), outline=1)
    return np.asarray(img).astype(bool)


def _painted(lines: np.ndarray, rgb) -> np.ndarray:
    out = np.full((256, 256, 3), 255, np.uint8)
    ys, xs = np.nonzero(lines)
    out[ys.min():ys.max(), xs.min():xs.max()] = rgb
    return out


def test_one_outline_in_many_colours_keeps_the_oldest_colourful_picture():
    # names as in OpenMoji: the red heart U+2764 is older (shorter) than its coloured siblings,
    # and the white one is left out even though its name sorts first
    names = ["1F90D", "2764", "1F49A", "1F499", "25A1"]
    lines = np.stack([_ring(), _ring(), _ring(), _ring(), _square()])
    colour = np.stack([_painted(lines[0], (250, 250, 250)), _painted(lines[1], (220, 30, 30)),
                       _painted(lines[2], (30, 180, 60)), _painted(lines[3], (30, 60, 220)),
                       _painted(lines[4], (240, 200, 20))])
    result = drop_colour_variants(lines, colour, names, np.arange(5))
    assert [names[i] for i in result.keep] == ["2764", "25A1"]   # the square is a different outline
    assert sorted(names[i] for i in result.dropped[1]) == ["1F499", "1F49A", "1F90D"]


def test_outlines_that_differ_in_size_are_both_kept():
    lines = np.stack([_ring(radius=70), _ring(radius=50)])
    colour = np.stack([_painted(lines[0], (220, 30, 30)), _painted(lines[1], (30, 60, 220))])
    assert list(drop_colour_variants(lines, colour, ["a", "b"], np.arange(2)).keep) == [0, 1]


def test_grey_and_pale_pictures_are_not_colourful():
    assert colourful(_painted(_ring(), (220, 30, 30)))
    assert not colourful(_painted(_ring(), (90, 90, 90)))
    assert not colourful(np.full((256, 256, 3), 255, np.uint8))   # empty paper


def test_training_leaves_out_colour_variants_and_keeps_inputs_aligned(tmp_path, paired_folder):
    # the paired folder has two circles (circle0, circle6): make the second an exact copy of the
    # first's outline in another colour, as emoji sets do
    (paired_folder / "sketch" / "circle6.png").write_bytes((paired_folder / "sketch" / "circle0.png").read_bytes())
    red = Image.open(paired_folder / "picture" / "circle0.jpg").convert("RGB")
    Image.merge("RGB", red.split()[::-1]).save(paired_folder / "picture" / "circle6.jpg")   # blue
    data_dir = datasets.build("paired-folders", tmp_path / "cache", paired_folder)
    index = datasets.load(data_dir).index
    for e in index:                      # every picture in the train split, so both circles are
        e["split"] = "train"
    (data_dir / "index.json").write_text(json.dumps(index), "utf-8")
    spec = IOSpec(size=32)
    cfg = TrainConfig(name="t", dataset="paired-folders", aug_variants=1, dedupe_lines=0.95)
    _, idx, ink, tgt = prepare_data(cfg, spec, data_dir, 32, tmp_path / "work", 0)
    _, all_idx, all_ink, _ = prepare_data(TrainConfig(name="t", dataset="paired-folders", aug_variants=1),
                                          spec, data_dir, 32, tmp_path / "work", 0)
    names = [datasets.load(data_dir).index[i]["name"] for i in idx]
    assert len(all_idx) == 8 and len(idx) == 7
    assert not ("circle0" in names and "circle6" in names)
    # the rows that stay are the same rows as without thinning, picture for picture
    for row, i in enumerate(idx):
        assert (ink[row] == all_ink[list(all_idx).index(i)]).all()
    assert len(ink) == len(tgt) == len(idx)
