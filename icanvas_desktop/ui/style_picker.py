"""The style picker: big cards, each a sample picture and a name, one chosen at a time.

It only needs what `discover_styles()` returns (name, display_title(lang), sample_path). A style
without a sample picture gets a friendly coloured card with its first letter instead.

The cards stand in a grid that `arrange(width, max_height)` fits to the room the window gives
it: as many columns as fit, rows balanced (six styles make two rows of three, not five and
one), and the biggest pictures that still fit the height. Only when even the smallest cards do
not fit does the grid scroll, up and down, with a wide scroll bar. With big buttons on a small
screen the drawing page may ask for cards with their pictures only (`set_words`): the names
stay as tool tips and for screen readers.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QScrollArea, QSizePolicy, QToolButton,
                               QWidget)

_CARD_COLOURS = ("#ffadad", "#ffd6a5", "#fdffb6", "#caffbf", "#9bf6ff", "#a0c4ff", "#bdb2ff")
# Card picture sizes to try (px at 100 %), biggest first; the smallest card is still about
# 80 px high, well above a finger's 48.
ICON_SIZES = (96, 84, 72, 64, 56, 48, 40)


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


def content_square(image: QImage, margin: float = 0.06) -> QRect:
    """The square around what is drawn on a sample picture (every pixel that is not near-white
    paper), with a `margin` of its side, centred on the drawing and kept inside the picture
    where it can be; the whole picture when it is blank.

    A sample is a whole page: the drawing covers about a third of its width, and scaled into a
    card the Emoji, Soft and Toy houses were 20 px high and looked alike. Cropped to the drawing
    they fill the card, and each style's outlines, shading and light show."""
    if image.isNull():
        return QRect()
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    a = np.frombuffer(rgb.constBits(), np.uint8, count=stride * h).reshape(h, stride)[:, :w * 3]
    drawn = a.reshape(h, w, 3).min(-1) < 235
    if not drawn.any():
        return QRect(0, 0, w, h)
    ys, xs = np.flatnonzero(drawn.any(1)), np.flatnonzero(drawn.any(0))
    x0, x1, y0, y1 = int(xs[0]), int(xs[-1]) + 1, int(ys[0]), int(ys[-1]) + 1
    side = min(max(x1 - x0, y1 - y0) * (1 + 2 * margin), w, h)
    side = int(round(side))
    left = min(max(0, (x0 + x1 - side) // 2), w - side)
    top = min(max(0, (y0 + y1 - side) // 2), h - side)
    return QRect(left, top, side, side)


def style_card_icon(style: Any, lang: str, index: int, size: int = 160) -> QIcon:
    path = getattr(style, "sample_path", None)
    image = QImage(str(path)) if path else QImage()
    if image.isNull():
        pixmap = _placeholder(style.display_title(lang), index, size)
    else:
        pixmap = QPixmap.fromImage(image.copy(content_square(image))).scaled(
            QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return QIcon(pixmap)


class StylePicker(QScrollArea):
    """Emits `style_chosen(StyleInfo)` when the child picks a card (or `select` is called)."""

    style_chosen = Signal(object)

    def __init__(self, styles: Sequence[Any], lang: str = "en", scale: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.styles = list(styles)
        self.scale = scale
        self.setAccessibleName(self.tr("Picture styles"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cards themselves take focus
        inner = QWidget(self)
        self.grid = QGridLayout(inner)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(round(8 * scale))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.cards: list[QToolButton] = []
        for i, style in enumerate(self.styles):
            card = QToolButton(inner)
            card.setObjectName("StyleCard")
            card.setCheckable(True)
            card.setIcon(style_card_icon(style, lang, i))
            title = style.display_title(lang)
            card.setText(title)
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            card.setAccessibleName(self.tr("Style: %1").replace("%1", title))
            description = getattr(style, "description", {}) or {}
            card.setToolTip(description.get(lang) or description.get("en") or title)
            card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            card.setCursor(Qt.CursorShape.PointingHandCursor)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            card.clicked.connect(lambda _=False, s=style: self.style_chosen.emit(s))
            self.group.addButton(card)
            self.cards.append(card)
        self.setWidget(inner)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.columns = 0
        self.icon_px = 0
        self.words = True           # the style's name under each card's picture
        self.scrolls = False        # whether the last arrange() left the cards scrolling
        self._place(max(1, len(self.cards)), round(72 * scale))

    # -- arrangement -------------------------------------------------------------------------------
    def set_words(self, on: bool) -> None:
        """Cards with the style's name under the picture, or the picture only."""
        if on == self.words:
            return
        self.words = on
        for card in self.cards:
            card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon if on
                                    else Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _place(self, columns: int, icon_px: int) -> None:
        if (columns, icon_px) == (self.columns, self.icon_px):
            return
        self.columns, self.icon_px = columns, icon_px
        for card in self.cards:
            self.grid.removeWidget(card)
            card.setIconSize(QSize(icon_px, icon_px))
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)

    def _card_size(self) -> QSize:
        """The biggest natural card size for the current picture size (titles differ)."""
        w = max((c.sizeHint().width() for c in self.cards), default=0)
        h = max((c.sizeHint().height() for c in self.cards), default=0)
        return QSize(w, h)

    def _grid_for(self, width: int, icon_px: int) -> tuple[int, QSize]:
        """Columns and grid size for cards with `icon_px` pictures in `width` px: as many
        abreast as fit, then the rows balanced (six cards make 3 + 3, not 5 + 1)."""
        n = len(self.cards)
        self._place(self.columns, icon_px)
        card = self._card_size()
        gap = self.grid.spacing()
        fit = max(1, min(n, (width + gap) // (card.width() + gap)))
        rows = -(-n // fit)
        columns = -(-n // rows)
        return columns, QSize(columns * card.width() + (columns - 1) * gap,
                              rows * card.height() + (rows - 1) * gap)

    def narrowest_width(self, columns: int) -> int:
        """The width of `columns` of the smallest cards (the titles decide it)."""
        if not self.cards:
            return 0
        self._place(self.columns, round(ICON_SIZES[-1] * self.scale))
        card = self._card_size()
        return columns * card.width() + (columns - 1) * self.grid.spacing()

    def smallest_height(self, width: int) -> int:
        """The height the cards need in `width` px at their smallest."""
        return self._grid_for(width, round(ICON_SIZES[-1] * self.scale))[1].height() \
            if self.cards else 0

    def arrange(self, width: int, max_height: int) -> QSize:
        """Fit the cards into `width` x `max_height` px: the biggest cards that fit, in
        balanced rows. Returns the size the picker needs (at most `max_height` high: below
        that the grid scrolls, and `scrolls` says so)."""
        self.scrolls = False
        if not self.cards:
            return QSize(0, 0)
        for px in ICON_SIZES:
            icon_px = round(px * self.scale)
            columns, size = self._grid_for(width, icon_px)
            if size.height() <= max_height and size.width() <= width:
                self._place(columns, icon_px)
                return QSize(width, size.height())
        self._place(columns, icon_px)
        self.scrolls = True
        return QSize(width, min(size.height(), max_height))

    def select(self, name: str, emit: bool = True) -> Any | None:
        """Check the card of the named style; returns the style or None if unknown."""
        for card, style in zip(self.cards, self.styles):
            if style.name == name:
                card.setChecked(True)
                if emit:
                    self.style_chosen.emit(style)
                return style
        return None
