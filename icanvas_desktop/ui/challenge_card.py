"""The daily challenge card: today's gentle prompt and an "I did it!" button.

Finishing is the child's own say-so. The card only emits `done(challenge_id)`; the main window
saves the creation if needed and calls core.challenges.complete() to stick the sticker on it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from icanvas_desktop.core.challenges import Challenge
from icanvas_desktop.core.paths import resources_dir


def sticker_pixmap(name: str, size: int) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    QSvgRenderer(str(resources_dir() / "badges" / f"{name}.svg")).render(p, QRectF(0, 0, size, size))
    p.end()
    return pix


class ChallengeCard(QFrame):
    """Signals: done(str challenge_id) when the child presses "I did it!"."""

    done = Signal(str)

    def __init__(self, challenge: Challenge, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("challengeCard")
        self.setStyleSheet("#challengeCard { background: #FFF8E1; border: 3px solid #FFD23F; border-radius: 22px; }")
        lay = QHBoxLayout(self)
        self.sticker = QLabel(self)
        self.sticker_px = 72
        self.sticker.setFixedSize(72, 72)
        text = QVBoxLayout()
        self.heading = QLabel(self.tr("Today's challenge"), self)
        self.heading.setStyleSheet("font-size: 14px; font-weight: bold; color: #B07A00; border: none;")
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("font-size: 20px; font-weight: bold; color: #2B2B3B; border: none;")
        text.addWidget(self.heading)
        text.addWidget(self.prompt)
        self.button = QPushButton(self.tr("I did it!"), self)
        self.button.setMinimumHeight(56)
        self.button.setCursor(Qt.PointingHandCursor)
        self.button.setFocusPolicy(Qt.NoFocus)   # never steals keys from the canvas
        self.button.setStyleSheet("QPushButton { font-size: 18px; font-weight: bold; padding: 6px 18px;"
                                  " border-radius: 18px; background: #7ED492; color: #1F3B26; }"
                                  " QPushButton:disabled { background: #D8F5DF; color: #1F3B26;"
                                  " border: 3px solid #7ED492; }")
        self.button.clicked.connect(self._pressed)
        lay.addWidget(self.sticker)
        lay.addLayout(text, 1)
        lay.addWidget(self.button)
        self.set_challenge(challenge)

    def set_challenge(self, challenge: Challenge, finished: bool = False) -> None:
        self.challenge = challenge
        self.prompt.setText(challenge.display_text(self.lang))
        self.set_done(finished)

    def set_done(self, finished: bool) -> None:
        """Show the sticker (finished) or the mystery medal and an active button (not yet)."""
        self.finished = finished
        self.sticker.setPixmap(sticker_pixmap(self.challenge.sticker if finished else "mystery",
                                              self.sticker_px))
        self.button.setEnabled(not finished)
        self.button.setText(self.tr("Well done!") if finished else self.tr("I did it!"))

    def set_compact(self, compact: bool) -> None:
        """A lower card for short screens (the main window asks): smaller sticker and text,
        the button still 48 px high for a finger."""
        px = 48 if compact else 72
        if px == self.sticker_px:
            return
        self.sticker_px = px
        self.sticker.setFixedSize(px, px)
        self.layout().setContentsMargins(*(4 * [6 if compact else 11]))
        self.prompt.setStyleSheet(f"font-size: {16 if compact else 20}px; font-weight: bold; "
                                  "color: #2B2B3B; border: none;")
        self.button.setMinimumHeight(48 if compact else 56)
        self.set_done(self.finished)

    def _pressed(self) -> None:
        # The card shows the sticker at once; the main window calls set_done(False) if saving failed.
        if not self.finished:
            self.set_done(True)
            self.done.emit(self.challenge.id)
