"""What goes wrong reaches the log file, and nothing at start-up ends in a traceback.

Issue 24: a school's bug report can carry a traceback (render failures, slot errors, failed
starts), and the grown-ups' corner says where the file is. Issue 23: a failure at start-up is
logged and explained in a window, and every drawing is kept.
"""

from __future__ import annotations

import argparse
import hashlib

import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from icanvas_desktop.core import logs
from icanvas_desktop.core.gallery import Gallery
from icanvas_desktop.core.settings import load_settings
from icanvas_desktop.core.strokes import Drawing, Point, Stroke
from icanvas_desktop.ui import app as app_module
from icanvas_desktop.ui import start_guard
from icanvas_desktop.ui.grownups import GrownUpsScreen
from icanvas_desktop.ui.worker import RenderController


@pytest.fixture
def log_path(tmp_path):
    path = logs.start_logging(tmp_path / "log")
    yield path
    logs.stop_logging()


class BrokenEngine:
    """Loads styles, then fails to make any picture."""

    def load_style(self, style):
        pass

    def preview(self, drawing):
        raise RuntimeError("the graph has no output named 'picture'")

    final = preview


def test_the_log_receives_a_traceback_when_rendering_fails(qtbot, log_path):
    controller = RenderController(lambda: BrokenEngine())
    try:
        drawing = Drawing()
        drawing.add_stroke(Stroke([Point(10, 10), Point(200, 150)]))
        with qtbot.waitSignal(controller.failed, timeout=20_000) as failed:
            controller.request_preview(drawing.snapshot())
    finally:
        controller.shutdown()
    assert failed.args == ["preview", "the graph has no output named 'picture'"]   # the child's line
    text = log_path.read_text(encoding="utf-8")
    assert "ERROR icanvas_desktop.ui.worker" in text and "rendering a preview failed" in text
    assert "Traceback (most recent call last)" in text and "in preview" in text
    assert "RuntimeError: the graph has no output named 'picture'" in text


def test_the_grown_ups_corner_says_where_the_log_is(qtbot, tmp_path, log_path):
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=tmp_path / "user.toml")
    screen = GrownUpsScreen(loaded)
    qtbot.addWidget(screen)
    assert screen.log_label.text() == str(log_path)
    assert screen.log_label.accessibleName() == "Log file"


def keep_one_drawing(root) -> tuple[str, dict[str, str]]:
    gallery = Gallery(root)
    entry = gallery.add(Image.new("RGB", (32, 24), "white"), Image.new("RGB", (32, 24), "red"),
                        [], "sticker", "p-1")
    return entry, fingerprint(root)


def fingerprint(root) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_failure_at_start_up_is_logged_explained_and_keeps_every_drawing(tmp_path, monkeypatch, qapp, capsys):
    entry, before = keep_one_drawing(tmp_path / "gallery")
    shown = []
    monkeypatch.setattr(app_module, "install_language", lambda app, lang: "en")   # the app's own

    def record(box: QMessageBox):
        shown.append((box.windowTitle(), box.text(), box.informativeText(), box.detailedText()))
        return QMessageBox.StandardButton.Close
    monkeypatch.setattr(QMessageBox, "exec", record)

    def broken_shell(loaded):
        raise KeyError("a style the shell expected")
    monkeypatch.setattr(app_module, "build_shell", broken_shell)
    monkeypatch.setenv("ICANVAS_SYSTEM_CONFIG", "")
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "log"))
    ns = argparse.Namespace(lang="en", savedir=str(tmp_path / "gallery"), fullscreen=None,
                            settings_file=str(tmp_path / "user.toml"))

    assert app_module.run_app_from_args(ns) == 1

    [(title, text, info, details)] = shown
    assert title == "iCanvas could not start" and "Your drawings are safe" in text
    assert str(tmp_path / "log" / logs.FILE_NAME) in info
    assert "KeyError: 'a style the shell expected'" in details
    log_text = (tmp_path / "log" / logs.FILE_NAME).read_text(encoding="utf-8")
    assert "starting: Python" in log_text and "CRITICAL" in log_text
    assert "Traceback (most recent call last)" in log_text and "in broken_shell" in log_text
    assert capsys.readouterr().err.endswith(
        f"iCanvas could not start (KeyError: 'a style the shell expected'); the details are in "
        f"{tmp_path / 'log' / logs.FILE_NAME}.\n")                # one line, no traceback
    assert fingerprint(tmp_path / "gallery") == before
    assert [e.id for e in Gallery(tmp_path / "gallery").list()] == [entry]


def test_without_a_log_folder_the_window_carries_the_details_itself(qapp):
    box = start_guard.start_failure_box("Traceback ...\nValueError: x", None)
    assert "details are below" in box.informativeText()
    assert box.detailedText().endswith("ValueError: x")


def test_an_error_in_a_slot_is_logged_and_the_app_goes_on(qapp, tmp_path, capsys):
    ran = []

    def run() -> int:
        def boom():
            raise ZeroDivisionError("a slot divided by zero")
        QTimer.singleShot(0, boom)
        QTimer.singleShot(50, lambda: ran.append("still running") or qapp.quit())
        return qapp.exec()

    assert start_guard.guarded_start(run, log_folder=tmp_path) == 0
    assert ran == ["still running"]
    text = (tmp_path / logs.FILE_NAME).read_text(encoding="utf-8")
    assert "unexpected error while iCanvas was running" in text
    assert "ZeroDivisionError: a slot divided by zero" in text and "iCanvas closed (exit code 0)" in text
    assert "ZeroDivisionError" in capsys.readouterr().err      # a console still shows it
