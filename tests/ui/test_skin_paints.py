"""The paints include skin colours that Faces follows, so any child can draw a face like theirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from icanvas_desktop.core.face_sketches import face_with_colours  # noqa: E402
from icanvas_desktop.ml.engine import Engine, EngineConfig  # noqa: E402
from icanvas_desktop.ml.styles import discover_styles, find_style  # noqa: E402
from icanvas_desktop.ui.tool_panel import PALETTE  # noqa: E402

PAINTS = {key: rgb for key, rgb, _ in PALETTE}
CHEEKS = [(430, 420), (600, 420), (380, 470)]     # inside the face, away from the scribble


@pytest.fixture(scope="module")
def faces():
    style = find_style("faces", discover_styles())
    if style is None:
        pytest.skip("the Faces style is not installed")
    eng = Engine(EngineConfig(threads=1))
    eng.load_style(style)
    return eng


def skin(eng: Engine, paint: str) -> np.ndarray:
    eng._memory.clear()      # each face is a new page: no colour remembered from the last
    drawing = face_with_colours(PAINTS["purple"], PAINTS[paint])
    picture = np.asarray(eng.final(drawing, drawing.width)).astype(int)
    return np.array([picture[y, x] for x, y in CHEEKS])


@pytest.mark.parametrize("paint", ["peach", "brown"])
def test_a_skin_paint_on_the_cheek_colours_the_whole_face_in_that_paint(faces, paint):
    assert np.abs(skin(faces, paint) - np.array(PAINTS[paint])).max() <= 25


def test_peach_and_brown_give_a_light_and_a_dark_face(faces):
    assert skin(faces, "peach").mean() - skin(faces, "brown").mean() > 70
