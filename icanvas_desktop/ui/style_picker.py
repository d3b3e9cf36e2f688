"""The style picker: a row of big cards, each a sample picture and a name, one chosen at a time.

It only needs what `discover_styles()` returns (name, display_title(lang), sample_path). A style
without a sample picture gets a friendly coloured card with its first letter instead.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QScrollArea, QSizePolicy, QToolButton,
                               QWidget)

_CARD_COLOURS = ("#ffadad", "#ffd6a5", "#fdffb6", "#caffbf", "#9bf6ff", "#a0c4ff", "#bdb2ff")


def _placeholder(title: str, index: int, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(_CARD_COLOURS[index % len(_CARD_COLOURS)]))
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(size // 2)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#2b2d42"))
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, (title[:1] or "?").upper())
    p.end()
    return pixmap


def style_card_icon(style: Any, lang: str, index: int, size: int = 160) -> QIcon:
    path = getattr(style, "sample_path", None)
    pixmap = QPixmap(str(path)) if path else QPixmap()
    if pixmap.isNull():
        pixmap = _placeholder(style.display_title(lang), index, size)
    else:
        pixmap = pixmap.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
    return QIcon(pixmap)


class StylePicker(QScrollArea):
    """Emits `style_chosen(StyleInfo)` when the child picks a card (or `select` is called)."""

    style_chosen = Signal(object)

    def __init__(self, styles: Sequence[Any], lang: str = "en", scale: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.styles = list(styles)
        self.setAccessibleName(self.tr("Picture styles"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cards themselves take focus
        inner = QWidget(self)
        row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(round(10 * scale))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.cards: list[QToolButton] = []
        icon_px = round(72 * scale)
        for i, style in enumerate(self.styles):
            card = QToolButton(inner)
            card.setObjectName("StyleCard")
            card.setCheckable(True)
            card.setIcon(style_card_icon(style, lang, i))
            card.setIconSize(QSize(icon_px, icon_px))
            title = style.display_title(lang)
            card.setText(title)
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            card.setAccessibleName(self.tr("Style: %1").replace("%1", title))
            description = getattr(style, "description", {}) or {}
            card.setToolTip(description.get(lang) or description.get("en") or title)
            card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            card.setCursor(Qt.CursorShape.PointingHandCursor)
            card.setMinimumWidth(round(110 * scale))
            card.clicked.connect(lambda _=False, s=style: self.style_chosen.emit(s))
            self.group.addButton(card)
            self.cards.append(card)
            row.addWidget(card)
        row.addStretch(1)
        self.setWidget(inner)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(round(icon_px + 56 * scale))

    def select(self, name: str, emit: bool = True) -> Any | None:
        """Check the card of the named style; returns the style or None if unknown."""
        for card, style in zip(self.cards, self.styles):
            if style.name == name:
                card.setChecked(True)
                if emit:
                    self.style_chosen.emit(style)
                return style
        return None
