"""Shared fixtures for the UI tests: offscreen Qt, a fake engine and fake styles.

The fake engine has exactly the documented Engine API (load_style, preview, final) and makes a
coloured picture from the sketch, so every UI test runs without torch or trained models.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12 on Python 3.11 drops references to None/True/False; must run before Qt starts.


import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QLocale, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from icanvas_desktop.core.raster import sketch_image  # noqa: E402
from icanvas_desktop.core.settings import load_settings  # noqa: E402

WAIT = 20_000


@dataclass(frozen=True)
class FakeStyle:
    name: str
    path: Path = Path("/nonexistent/fake.safetensors")
    title: dict = field(default_factory=dict)
    description: dict = field(default_factory=dict)
    license: str = "test"
    attribution: str = "test"
    takes_hints: bool = True
    metrics: dict = field(default_factory=dict)
    sample_path: Path | None = None
    card_path: Path | None = None

    def display_title(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.name


class FakeStyleLoadError(Exception):
    pass


class FakeEngine:
    """Same methods as ml.engine.Engine. Records calls; optional delay and failing styles."""

    def __init__(self, delay: float = 0.0, broken: tuple[str, ...] = ()):
        self.delay = delay
        self.broken = set(broken)
        self.style = None
        self.backend_name = "fake"
        self.device_name = "cpu"
        self.calls: list[tuple[str, int]] = []   # (kind, drawing.revision)
        self.busy = threading.Event()             # set while "computing"
        self.thread_ids: set[int] = set()

    def load_style(self, style) -> None:
        self.thread_ids.add(threading.get_ident())
        if style.name in self.broken:
            raise FakeStyleLoadError(f"Could not read the style file {style.path.name}")
        self.style = style

    def _make(self, drawing, long_side: int):
        self.thread_ids.add(threading.get_ident())
        self.busy.set()
        try:
            if self.delay:
                time.sleep(self.delay)
            w = long_side
            h = round(long_side * drawing.height / drawing.width)
            sketch = np.asarray(sketch_image(drawing, (w, h)), np.float32) / 255
            yy, xx = np.mgrid[0:h, 0:w]
            sky = np.stack([0.55 + 0.3 * xx / w, 0.8 - 0.2 * yy / h, 1.0 - 0.1 * yy / h], -1)
            ink = sketch.mean(axis=2, keepdims=True)
            out = sky * ink + np.array([0.9, 0.2, 0.5]) * (1 - ink)
            return Image.fromarray((np.clip(out, 0, 1) * 255).astype(np.uint8), "RGB")
        finally:
            self.busy.clear()

    def preview(self, drawing):
        self.calls.append(("preview", drawing.revision))
        return self._make(drawing, 256)

    def final(self, drawing, long_side: int = 1024):
        self.calls.append(("final", drawing.revision))
        return self._make(drawing, 512)


@pytest.fixture(autouse=True)
def log_in_a_temporary_folder(monkeypatch, tmp_path_factory):
    """A test that starts the app (ui/start_guard.py) logs here, not in the tester's own log."""
    monkeypatch.setenv("ICANVAS_LOG_DIR", str(tmp_path_factory.mktemp("log")))


@pytest.fixture
def fake_styles():
    return [FakeStyle("sticker", title={"en": "Sticker"}),
            FakeStyle("crayon", title={"en": "Crayon"}, takes_hints=False),
            FakeStyle("broken", title={"en": "Broken"})]


@pytest.fixture
def fake_engine():
    return FakeEngine(broken=("broken",))


@pytest.fixture
def engine_class():
    """The FakeEngine class, for tests that need their own delays or failures."""
    return FakeEngine


@pytest.fixture
def style_class():
    return FakeStyle


@pytest.fixture
def app_state(qapp):
    """Language, theme and style sheet are application-wide: put them back afterwards."""
    from icanvas_desktop.ui import i18n
    saved = (qapp.font(), qapp.palette(), qapp.styleSheet(), qapp.style().name())
    yield qapp
    font, palette, sheet, style = saved
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    for prop in ("icanvas_base_point_size", "icanvas_button_scale", "icanvas_high_contrast"):
        qapp.setProperty(prop, None)


@pytest.fixture
def make_shell(qtbot, app_state, tmp_path, fake_styles, engine_class):
    """Start the whole app (AppShell) on a fake engine, in a gallery under tmp_path; a second
    call starts it again on the same gallery (a restart)."""
    from icanvas_desktop.ui.shell import AppShell
    shells = []

    def make(*, profile: str | None = "fox", installed=None, open_corner=None, **settings) -> AppShell:
        settings.setdefault("savedir", str(tmp_path / "gallery"))
        settings.setdefault("sound", False)
        settings.setdefault("lang", "en")
        loaded = load_settings(settings, system_path=tmp_path / "none.toml",
                               user_path=tmp_path / "settings.toml")
        engines = []

        def factory_for(s):
            engine = engine_class(broken=("broken",))
            engines.append((s, engine))
            return lambda: engine
        kwargs = {"hold_ms": 150, "today": date(2024, 5, 1)}
        if open_corner is not None:
            kwargs["open_corner"] = open_corner
        shell = AppShell(loaded, fake_styles if installed is None else installed, factory_for, **kwargs)
        shell.engines = engines
        shells.append(shell)
        shell.window.resize(1280, 720)   # a laptop's screen (present() would fit the real one)
        shell.window.show()
        qtbot.waitExposed(shell.window)
        if profile is not None and shell.session.profile is None:
            QTest.mouseClick(shell.picker.animal_buttons[profile], Qt.MouseButton.LeftButton)
        if shell.session.profile is not None:
            qtbot.waitUntil(lambda: shell.window.style is not None, timeout=WAIT)
        return shell

    yield make
    for shell in shells:
        shell.shutdown()
        shell.window.allow_close()
        shell.window.close()
