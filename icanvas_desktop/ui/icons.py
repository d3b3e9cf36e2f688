"""Load the project's hand-written SVG icons (`resources/icons/`, found by core/paths.py) as QIcons.

Icons are rendered through QSvgRenderer at several sizes, so they stay crisp on high-DPI
screens without relying on the SVG icon-engine plugin.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from icanvas_desktop.core.paths import resources_dir

# Every icon the UI uses; tests check each file exists, so a typo fails loudly in CI.
ICON_NAMES = ("pen_thin", "pen_medium", "pen_thick", "eraser", "brush", "undo", "redo", "trash",
              "magic", "gallery", "star", "gear", "play", "yes", "no", "new_page")

_SIZES = (24, 32, 48, 64, 96, 128, 192)


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


def render_svg(path: Path, size: int) -> QImage:
    """Render an SVG into a square transparent image; blank (not an exception) if unreadable."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(str(path))
    if renderer.isValid():
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
    return image


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """A QIcon holding the named SVG at several pixel sizes (cached: icons never change)."""
    result = QIcon()
    path = icon_path(name)
    for size in _SIZES:
        pixmap = QPixmap.fromImage(render_svg(path, size))
        result.addPixmap(pixmap, QIcon.Mode.Normal)
        # Disabled buttons keep their colours but fade, which reads better for children
        # than Qt's default grey-out.
        faded = QPixmap(pixmap.size())
        faded.fill(Qt.GlobalColor.transparent)
        p = QPainter(faded)
        p.setOpacity(0.3)
        p.drawPixmap(0, 0, pixmap)
        p.end()
        result.addPixmap(faded, QIcon.Mode.Disabled)
    return result


def swatch_icon(rgb: tuple[int, int, int], size: int = 96) -> QIcon:
    """A round paint blob of one colour, for the colour-hint palette."""
    result = QIcon()
    for s in (32, 48, 64, size):
        pixmap = QPixmap(s, s)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(43, 45, 66))
        p.setBrush(QColor(*rgb))
        margin = s * 0.08
        p.drawEllipse(QRectF(margin, margin, s - 2 * margin, s - 2 * margin))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 110))  # a little shine makes it look like paint
        p.drawEllipse(QRectF(s * 0.28, s * 0.22, s * 0.2, s * 0.14))
        p.end()
        result.addPixmap(pixmap)
    return result
