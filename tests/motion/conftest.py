"""Pictures for the motion tests: the card sketches and the legged examples, made by the
default (first) shipped style, as a child would see them after Magic!. The measures of a
frame that the tests share are in motion_measures.py (importable from any test)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def pictures() -> dict[str, Image.Image]:
    from icanvas_desktop.core.sample_drawings import SAMPLES
    from icanvas_desktop.ml.engine import Engine, EngineConfig
    from icanvas_desktop.ml.styles import discover_styles
    from icanvas_desktop.motion.examples import EXAMPLES
    engine = Engine(EngineConfig(threads=1))
    engine.load_style(discover_styles()[0])
    return {name: engine.final(make(), 768) for name, make in {**SAMPLES, **EXAMPLES}.items()}
