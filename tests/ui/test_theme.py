"""The friendly and high-contrast palettes, and big-button mode."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QCheckBox, QPushButton  # noqa: E402

from icanvas_desktop.ui import theme  # noqa: E402

R = QPalette.ColorRole


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


PAIRS = [(R.WindowText, R.Window), (R.Text, R.Base), (R.ButtonText, R.Button),
         (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase)]


@pytest.mark.parametrize("high_contrast, minimum", [(False, 4.5), (True, 7.0)])
def test_text_is_readable_on_every_background(high_contrast, minimum):
    palette = theme.palette_for(high_contrast)
    for fg, bg in PAIRS:
        assert contrast(palette.color(fg), palette.color(bg)) >= minimum, (fg, bg)
    disabled = palette.color(QPalette.ColorGroup.Disabled, R.WindowText)
    assert contrast(disabled, palette.color(R.Window)) >= 3.0


def test_high_contrast_is_white_on_black(app_state):
    theme.apply_theme(app_state, high_contrast=True)
    assert app_state.palette().color(R.Window) == QColor("#000000")
    assert app_state.palette().color(R.WindowText) == QColor("#FFFFFF")
    assert theme.is_high_contrast()


def test_big_buttons_are_bigger_and_reapplying_does_not_compound(app_state, qtbot):
    theme.apply_theme(app_state, button_scale=1.0)
    normal_font = app_state.font().pointSizeF()
    button = QPushButton("Undo")
    qtbot.addWidget(button)
    normal = button.sizeHint()
    theme.apply_theme(app_state, button_scale=theme.button_scale_for("big"))
    button.ensurePolished()
    big = button.sizeHint()
    assert big.height() > normal.height() and big.width() > normal.width()
    assert button.minimumSizeHint().height() >= 60 or big.height() >= 60
    assert theme.scaled(40) == 60 and theme.current_button_scale() == 1.5
    theme.apply_theme(app_state, button_scale=1.0)
    theme.apply_theme(app_state, button_scale=1.0)
    assert app_state.font().pointSizeF() == normal_font


def test_check_boxes_show_their_state_in_high_contrast(app_state, qtbot):
    theme.apply_theme(app_state, high_contrast=True)
    images = []
    for checked in (False, True):
        box = QCheckBox("Sound")
        box.setChecked(checked)
        qtbot.addWidget(box)
        box.resize(box.sizeHint())
        image = box.grab().toImage()
        # The box outline must be visible on black: some light pixels in the indicator area.
        h = image.height()
        light = sum(1 for x in range(h) for y in range(h) if image.pixelColor(x, y).lightness() > 128)
        assert light > 10, checked
        images.append(image)
    assert images[0] != images[1]


def test_button_scale_for_unknown_size_is_normal():
    assert theme.button_scale_for("huge") == 1.0
    assert theme.button_scale_for("big") == 1.5
