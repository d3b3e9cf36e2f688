"""Scrolling the grown-ups' corner with the mouse wheel scrolls it and changes no setting."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox  # noqa: E402

from icanvas_desktop.core.settings import load_settings  # noqa: E402
from icanvas_desktop.ui.grownups import GrownUpsScreen  # noqa: E402


def turn_wheel(widget, notches: int = -1) -> None:
    """One wheel turn over the middle of `widget` (negative: towards the user, scrolling down),
    delivered as the window system would: to the widget under the pointer, then its parents."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def screen(qtbot, tmp_path):
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=tmp_path / "user.toml")
    screen = GrownUpsScreen(loaded)
    qtbot.addWidget(screen)
    screen.resize(640, 360)                 # short, so the page scrolls
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.mark.parametrize("key", ["start_with", "lang", "device", "threads"])
def test_the_wheel_over_an_unfocused_control_scrolls_the_page_and_keeps_the_value(screen, key):
    control = screen.controls[key]
    assert isinstance(control, (QComboBox, QSpinBox))
    bar = screen.findChild(QScrollArea).verticalScrollBar()
    assert bar.maximum() > 0
    control_value = control.currentIndex() if isinstance(control, QComboBox) else control.value()
    bar.setValue(0)
    for _ in range(2):
        turn_wheel(control)
    now = control.currentIndex() if isinstance(control, QComboBox) else control.value()
    assert now == control_value
    assert bar.value() > 0
    assert not control.hasFocus()
    assert screen.changes() == {}


def test_a_control_the_grown_up_clicked_into_takes_the_wheel(screen, qtbot):
    combo = screen.controls["start_with"]
    screen.activateWindow()
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    assert combo.currentData() == "blank"
    turn_wheel(combo)
    assert combo.currentData() == "last"
    assert screen.changes() == {"start_with": "last"}
