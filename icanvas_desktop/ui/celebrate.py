"""A short, non-blocking celebration: confetti and stars burst over the window, then vanish.

A QTimer drives a small particle system for about two seconds on a transparent overlay that
lets every click through, so the child can keep drawing while it plays. A sound plays too when
sound is on.
"""

from __future__ import annotations

import math
import random

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QWidget

from icanvas_desktop.ui import sound

_COLOURS = ("#ff595e", "#ffca3a", "#8ac926", "#1982c4", "#6a4c93", "#ff70a6", "#4cc9f0")
FRAME_MS = 33
DURATION_MS = 2000


def _star_path(r: float) -> QPainterPath:
    path = QPainterPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + i * math.pi / 5
        pt = QPointF(math.cos(a) * radius, math.sin(a) * radius)
        path.moveTo(pt) if i == 0 else path.lineTo(pt)
    path.closeSubpath()
    return path


class Celebration(QWidget):
    """Overlay covering its parent; starts at once and deletes itself when done."""

    done = Signal()

    def __init__(self, parent: QWidget, origin: QPointF | None = None, count: int = 90,
                 seed: int | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(parent.rect())
        rng = random.Random(seed)
        o = origin or QPointF(parent.width() / 2, parent.height() * 0.55)
        self._particles = []
        for _ in range(count):
            angle = rng.uniform(-math.pi * 0.95, -math.pi * 0.05)  # upwards, in a fan
            speed = rng.uniform(6, 17)
            self._particles.append({
                "x": o.x(), "y": o.y(),
                "vx": math.cos(angle) * speed, "vy": math.sin(angle) * speed,
                "spin": rng.uniform(-0.3, 0.3), "a": rng.uniform(0, math.pi),
                "size": rng.uniform(7, 15), "star": rng.random() < 0.3,
                "colour": QColor(rng.choice(_COLOURS)),
            })
        self._elapsed = 0
        self._star = _star_path(1.0)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._step)
        self._timer.start()
        self.show()
        self.raise_()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def _step(self) -> None:
        self._elapsed += FRAME_MS
        for q in self._particles:
            q["vy"] += 0.45          # gravity
            q["vx"] *= 0.985         # air
            q["x"] += q["vx"]
            q["y"] += q["vy"]
            q["a"] += q["spin"]
        if self._elapsed >= DURATION_MS:
            self._timer.stop()
            self.hide()
            self.done.emit()
            self.deleteLater()
            return
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fade = max(0.0, min(1.0, (DURATION_MS - self._elapsed) / 500))
        p.setOpacity(fade)
        p.setPen(Qt.PenStyle.NoPen)
        for q in self._particles:
            p.save()
            p.translate(q["x"], q["y"])
            p.rotate(math.degrees(q["a"]))
            p.setBrush(q["colour"])
            s = q["size"]
            if q["star"]:
                p.scale(s, s)
                p.drawPath(self._star)
            else:
                p.drawRoundedRect(QRectF(-s / 2, -s / 4, s, s / 2), 2, 2)
            p.restore()
        p.end()


def celebrate(parent: QWidget, play_sound: bool = True, origin: QPointF | None = None
              ) -> Celebration:
    """Start the confetti over `parent` (and the magic sound when allowed); returns at once."""
    if play_sound:
        sound.play("magic")
    return Celebration(parent, origin)
