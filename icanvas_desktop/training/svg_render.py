"""Render SVG files to RGBA arrays with Qt's SVG renderer, offscreen.

Training data for the emoji styles comes as SVG; QSvgRenderer draws OpenMoji, Twemoji and
Noto correctly and fast (hundreds per second), with no extra dependency.
"""

from __future__ import annotations

import os

import numpy as np


def _ensure_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([])
    return app


def render_svg(svg: bytes, size: int) -> np.ndarray:
    """(size, size, 4) uint8 RGBA, straight (not premultiplied) alpha; empty on a broken SVG."""
    _ensure_app()
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    renderer = QSvgRenderer(QByteArray(svg))
    img = QImage(size, size, QImage.Format_RGBA8888)
    img.fill(Qt.transparent)
    if renderer.isValid():
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        renderer.render(p)
        p.end()
    ptr = img.constBits()
    arr = np.frombuffer(ptr, np.uint8, count=img.sizeInBytes()).reshape(size, img.bytesPerLine() // 4, 4)
    return arr[:, :size].copy()
