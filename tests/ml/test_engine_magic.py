"""Magic colours in the engine: a style with a colour index colours the child's shapes the
way pictures of that shape are coloured, unless the child hinted, and a damaged index only
turns the guesses off."""

import math

import numpy as np
import pytest

from icanvas_desktop.core.sample_drawings import heart, with_hint
from icanvas_desktop.ml.checkpoint import update_metadata
from icanvas_desktop.ml.colour_guess import colours_path
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.style_meta import read_metadata
from icanvas_desktop.ml.styles import scan, style_from_file
from icanvas_desktop.training.colour_index import quantise_colours, write_index

from helpers import colour_index_of, shape_picture, tiny_style

RED, BLUE = (220, 30, 30), (30, 60, 230)


def heart_points(c=128, r=7.0):
    pts = []
    for k in range(40):
        t = 2 * math.pi * k / 40
        pts.append((c + r * 16 * math.sin(t) ** 3,
                    c - r * (13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))))
    return pts


@pytest.fixture
def style(tmp_path):
    """A tiny hint-taking style whose hints colour whole shapes, with an index that knows red
    hearts and blue triangles."""
    path = tiny_style(tmp_path, hints=True)
    update_metadata(path, io={**read_metadata(path)["io"], "hint_fill": True, "flat_fill": True})
    index = colour_index_of([shape_picture(heart_points(), RED),
                             shape_picture([(128, 40), (216, 216), (40, 216)], BLUE)])
    write_index(index, *quantise_colours(index.colours), colours_path(path))
    return path


def inside_heart(pic) -> np.ndarray:
    return np.asarray(pic)[400, 512].astype(int)     # the middle of the sample heart


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_a_heart_comes_out_red_with_magic_colours(style, backend):
    if backend == "onnx":
        from icanvas_desktop.ml.onnx_export import export_onnx
        export_onnx(style)
    eng = Engine(EngineConfig(backend=backend, threads=1))
    eng.load_style(style_from_file(style))
    assert eng.has_magic_colours
    for pic in (eng.final(heart()), eng.preview(heart())):
        assert np.abs(inside_heart(pic.resize((1024, 768))) - RED).max() < 40


def test_without_magic_colours_the_network_chooses(style):
    eng = Engine(EngineConfig(backend="torch", threads=1, magic_colours=False))
    eng.load_style(style_from_file(style))
    assert not eng.has_magic_colours
    assert np.abs(inside_heart(eng.final(heart())) - RED).max() > 60


def test_the_childs_own_hint_wins_over_the_guess(style):
    eng = Engine(EngineConfig(backend="torch", threads=1))
    eng.load_style(style_from_file(style))
    hinted = with_hint(heart(), BLUE, [(490, 420), (530, 425)])
    assert np.abs(inside_heart(eng.final(hinted)) - BLUE).max() < 40


def test_a_damaged_index_turns_magic_colours_off_and_the_style_still_draws(style):
    colours_path(style).write_bytes(b"not an index at all")
    eng = Engine(EngineConfig(backend="torch", threads=1))
    eng.load_style(style_from_file(style))
    assert not eng.has_magic_colours
    assert "Magic colours is off" in eng.colours_note and "tiny.colours.safetensors" in eng.colours_note
    assert eng.final(heart()).size == (1024, 768)


def test_the_index_beside_a_style_is_not_listed_as_a_style(style):
    styles, problems = scan(style.parent)
    assert [s.name for s in styles] == ["tiny"] and problems == []


def test_a_style_without_hints_does_not_claim_the_index_beside_it(style):
    update_metadata(style, io={**read_metadata(style)["io"], "hints": False})
    assert style_from_file(style).colours_path is None


def test_each_render_finds_its_shapes_once_per_size_for_magic_colours_and_the_finishing(style, monkeypatch):
    """One `Shapes` per size and render, handed to Magic colours and to the finishing (there
    used to be a hidden cache that hit only because two copies of the rule agreed)."""
    from icanvas_desktop.ml import engine as engine_module
    from icanvas_desktop.ml import regions
    eng = Engine(EngineConfig(backend="torch", threads=1))
    eng.load_style(style_from_file(style))
    sizes, find = [], regions.find_shapes
    monkeypatch.setattr(engine_module, "find_shapes", lambda ink: sizes.append(ink.shape[0]) or find(ink))
    monkeypatch.setattr(regions, "find_shapes", lambda ink: pytest.fail("the finishing found the shapes again"))
    eng.preview(heart())
    assert sizes == [eng.preview_size]
    sizes.clear()
    eng.final(heart())
    assert sorted(sizes) == sorted([eng.spec.final_size, eng.spec.size])
