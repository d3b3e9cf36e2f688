"""How different the styles look: the pairwise mean absolute difference, and what `icanvas
styles` says about it."""

import json

import numpy as np

from icanvas_desktop.training.distinct import describe, differs_from, pairwise, read_table, table_path


def test_pairwise_difference_is_the_mean_absolute_pixel_difference_over_sketches():
    white = np.ones((4, 4, 3), np.float32)
    half = white * 0.5
    pics = {"a": [white, white], "b": [white, half], "c": [half, half]}
    d = pairwise(pics)
    assert d[("a", "b")] == 0.25          # the same on one sketch, 0.5 apart on the other
    assert d[("a", "c")] == 0.5 and d[("b", "c")] == 0.25


def test_describe_flags_twins_and_styles_not_measured_yet():
    table = {"styles": ["a", "b"], "target": 0.06, "command": "python -m x",
             "pairs": {"a|b": {"cards": 0.01, "doodles": 0.02}}}
    lines = describe(table, ["a", "b", "new"])
    assert "a vs b" in lines[0] and "looks alike" in lines[0]
    assert "not measured yet: new" in lines[-1]
    assert "looks alike" not in describe({**table, "pairs": {"a|b": {"cards": 0.1, "doodles": 0.2}}}, ["a", "b"])[0]


def test_a_damaged_table_is_no_table(tmp_path):
    table_path(tmp_path).write_text("{not json")
    assert read_table(tmp_path) is None
    table_path(tmp_path).write_text(json.dumps({"pairs": {"x|y": {"cards": 0.2}}}))
    assert differs_from(read_table(tmp_path), "y") == {"x": {"cards": 0.2}}
    assert differs_from(None, "y") == {}
