"""Colours and sizes: a warm, friendly palette, a high-contrast one, and big-button mode.

`apply_theme(app, high_contrast, button_scale)` may be called again whenever the grown-ups'
corner changes a setting; it never compounds (sizes are computed from the first font seen).
Widgets that size icons themselves use `scaled(px)` so that big-button mode reaches them too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

BUTTON_SCALES = {"normal": 1.0, "big": 1.5}

_BASE_POINT_SIZE = 12          # children read bigger text than desktop defaults
_PROP_SCALE = "icanvas_button_scale"
_PROP_CONTRAST = "icanvas_high_contrast"

# role -> colour. Normal: cream paper, dark ink, a clear blue focus colour.
_FRIENDLY = {
    QPalette.ColorRole.Window: "#FFF8EC",
    QPalette.ColorRole.WindowText: "#2B2B2B",
    QPalette.ColorRole.Base: "#FFFFFF",
    QPalette.ColorRole.AlternateBase: "#FFF1D6",
    QPalette.ColorRole.Text: "#2B2B2B",
    QPalette.ColorRole.Button: "#FFE2A8",
    QPalette.ColorRole.ButtonText: "#2B2B2B",
    QPalette.ColorRole.BrightText: "#FFFFFF",
    QPalette.ColorRole.Highlight: "#1F6FD1",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.Link: "#1557A8",
    QPalette.ColorRole.ToolTipBase: "#FFFBE6",
    QPalette.ColorRole.ToolTipText: "#2B2B2B",
    QPalette.ColorRole.PlaceholderText: "#6B6B6B",
    QPalette.ColorRole.Light: "#FFFFFF",
    QPalette.ColorRole.Midlight: "#FFD27A",
    QPalette.ColorRole.Mid: "#B08A4A",
    QPalette.ColorRole.Dark: "#6E5530",
    QPalette.ColorRole.Shadow: "#3A2C14",
}
# High contrast: white on black, yellow focus; every pair is at least 7:1 (WCAG AAA).
_HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#FFFFFF",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#1A1A1A",
    QPalette.ColorRole.Text: "#FFFFFF",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.ButtonText: "#FFFFFF",
    QPalette.ColorRole.BrightText: "#FFFF00",
    QPalette.ColorRole.Highlight: "#FFD400",
    QPalette.ColorRole.HighlightedText: "#000000",
    QPalette.ColorRole.Link: "#7FDBFF",
    QPalette.ColorRole.ToolTipBase: "#000000",
    QPalette.ColorRole.ToolTipText: "#FFFFFF",
    QPalette.ColorRole.PlaceholderText: "#D0D0D0",
    QPalette.ColorRole.Light: "#FFFFFF",
    QPalette.ColorRole.Midlight: "#333333",
    QPalette.ColorRole.Mid: "#FFFFFF",
    QPalette.ColorRole.Dark: "#FFFFFF",
    QPalette.ColorRole.Shadow: "#FFFFFF",
}
_DISABLED = {False: ("#8C8C8C", "#F3EBDD"), True: ("#BDBDBD", "#000000")}   # text, button


def button_scale_for(button_size: str) -> float:
    """Settings.button_size ("normal" | "big") -> a size factor."""
    return BUTTON_SCALES.get(button_size, 1.0)


def palette_for(high_contrast: bool) -> QPalette:
    palette = QPalette()
    for role, colour in (_HIGH_CONTRAST if high_contrast else _FRIENDLY).items():
        palette.setColor(role, QColor(colour))
    text, button = _DISABLED[high_contrast]
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(text))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(button))
    return palette


def current_button_scale(app: QGuiApplication | None = None) -> float:
    app = app or QGuiApplication.instance()
    value = app.property(_PROP_SCALE) if app is not None else None
    return float(value) if value else 1.0


def is_high_contrast(app: QGuiApplication | None = None) -> bool:
    app = app or QGuiApplication.instance()
    return bool(app.property(_PROP_CONTRAST)) if app is not None else False


def scaled(px: int | float, scale: float | None = None) -> int:
    """A size in pixels for the current button scale (icons, swatches, hit areas)."""
    return round(px * (current_button_scale() if scale is None else scale))


def style_sheet(high_contrast: bool, button_scale: float) -> str:
    """Buttons big enough for small fingers and a focus ring you can see across a room."""
    s = button_scale
    border = 3 if high_contrast else 2
    focus = 4 if high_contrast else 3
    return f"""
QPushButton, QToolButton {{
    min-height: {round(40 * s)}px; min-width: {round(40 * s)}px;
    padding: {round(4 * s)}px {round(12 * s)}px;
    border: {border}px solid palette(mid); border-radius: {round(10 * s)}px;
    background: palette(button); color: palette(button-text);
}}
QPushButton:hover, QToolButton:hover {{ border-color: palette(highlight); }}
QPushButton:pressed, QToolButton:pressed, QPushButton:checked, QToolButton:checked {{
    background: palette(midlight);
}}
QPushButton:focus, QToolButton:focus {{ border: {focus}px solid palette(highlight); }}
QPushButton:disabled, QToolButton:disabled {{ color: {_DISABLED[high_contrast][0]}; border-style: dashed; }}
QCheckBox, QRadioButton {{ spacing: {round(8 * s)}px; min-height: {round(32 * s)}px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {round(22 * s)}px; height: {round(22 * s)}px; }}
QComboBox, QSpinBox, QLineEdit {{ min-height: {round(34 * s)}px; }}
QToolTip {{ border: 1px solid palette(window-text); }}
"""


class FriendlyStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons drawn from the palette's text colour: big,
    outlined marks that stay visible on black (Fusion derives their outline from the window
    colour, which vanishes in high contrast)."""

    def __init__(self):
        super().__init__("Fusion")

    def drawPrimitive(self, element, option, painter: QPainter, widget=None) -> None:
        PE = QStyle.PrimitiveElement
        if element not in (PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton):
            super().drawPrimitive(element, option, painter, widget)
            return
        state = option.state
        group = (QPalette.ColorGroup.Normal if state & QStyle.StateFlag.State_Enabled
                 else QPalette.ColorGroup.Disabled)
        pal = option.palette
        ink = pal.color(group, QPalette.ColorRole.Text)
        mark = pal.color(group, QPalette.ColorRole.Highlight) if group == QPalette.ColorGroup.Normal \
            else ink
        side = min(option.rect.width(), option.rect.height())
        box = QRectF(option.rect.x(), option.rect.y(), side, side).adjusted(1.5, 1.5, -1.5, -1.5)
        line = max(2.0, side / 11)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ink, line))
        painter.setBrush(pal.color(group, QPalette.ColorRole.Base))
        on = bool(state & QStyle.StateFlag.State_On)
        if element == PE.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                painter.drawEllipse(box.adjusted(side * 0.25, side * 0.25, -side * 0.25, -side * 0.25))
        else:
            painter.drawRoundedRect(box, side / 5, side / 5)
            pen = QPen(mark, line * 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                       Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            x, y, w, h = box.x(), box.y(), box.width(), box.height()
            if on:
                painter.drawPolyline(QPolygonF([QPointF(x + w * 0.22, y + h * 0.52),
                                                QPointF(x + w * 0.43, y + h * 0.74),
                                                QPointF(x + w * 0.80, y + h * 0.28)]))
            elif state & QStyle.StateFlag.State_NoChange:
                painter.drawLine(QPointF(x + w * 0.25, y + h / 2), QPointF(x + w * 0.75, y + h / 2))
        painter.restore()


def apply_theme(app: QApplication, high_contrast: bool = False, button_scale: float = 1.0) -> None:
    """Set the style, palette, font size and button sizes for the whole application."""
    button_scale = max(0.75, min(float(button_scale), 3.0))
    if app.property("icanvas_base_point_size") is None:
        app.setProperty("icanvas_base_point_size", max(app.font().pointSizeF(), _BASE_POINT_SIZE))
    base = float(app.property("icanvas_base_point_size"))
    # Fusion draws the same on every OS and honours the palette (native styles may not).
    if not isinstance(app.style(), FriendlyStyle):
        app.setStyle(FriendlyStyle())
    app.setPalette(palette_for(high_contrast))
    font = app.font()
    font.setPointSizeF(base * (1.0 + (button_scale - 1.0) * 0.6))   # text grows a bit less
    app.setFont(font)
    app.setProperty(_PROP_SCALE, button_scale)
    app.setProperty(_PROP_CONTRAST, bool(high_contrast))
    app.setStyleSheet(style_sheet(high_contrast, button_scale))
