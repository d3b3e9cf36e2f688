"""Data set builder: every generic format gives aligned pairs, splits and a licence file."""

import json

import numpy as np
import pytest

from icanvas_desktop.training import datasets


def test_pix2pix_ab_folders_build_into_pairs(tmp_path, ab_folder):
    out = datasets.build("pix2pix-ab", tmp_path / "cache", ab_folder)
    data = datasets.load(out)
    assert data.lines.shape == (15, 256, 256) and data.color.shape == (15, 256, 256, 3)
    assert data.lines.sum() > 0
    # the picture is coloured where the sketch has a closed shape
    assert (np.abs(data.color[0].astype(int) - 255).sum(-1) > 60).mean() > 0.05
    assert (out / "LICENSE.txt").exists()
    assert json.loads((out / "SOURCE.json").read_text())["count"] == 15


def test_paired_folders_match_by_name_and_skip_orphans(tmp_path, paired_folder):
    data = datasets.load(datasets.build("paired-folders", tmp_path / "c", paired_folder))
    assert len(data.index) == 8
    assert all(e["name"] != "lonely" for e in data.index)


def test_pictures_without_lines_get_derived_lines(tmp_path, picture_folder):
    data = datasets.load(datasets.build("pictures", tmp_path / "c", picture_folder))
    assert len(data.index) == 6
    for i in range(6):
        lines = np.asarray(data.lines[i]).astype(bool)
        assert 100 < lines.sum() < 0.2 * lines.size  # outlines, not filled areas


def test_splits_are_stable_across_builds():
    names = [f"item{i}" for i in range(300)]
    first = [datasets.split_of(n) for n in names]
    assert first == [datasets.split_of(n) for n in names]
    assert {"train", "val", "test"} <= set(first)


def test_unknown_data_set_and_missing_folder_say_what_to_do(tmp_path):
    with pytest.raises(KeyError, match="openmoji"):
        datasets.build("nope", tmp_path)
    with pytest.raises(ValueError, match="--from"):
        datasets.build("pictures", tmp_path)


def test_loading_a_data_set_that_was_never_built_says_how_to_build_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="icanvas data build noto"):
        datasets.load(tmp_path / "noto")
