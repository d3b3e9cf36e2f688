"""The badge shelf (big badge pictures with progress) and the unlock toast.

The shelf takes `BadgeState`s from core.badges.evaluate() and only shows them. Hidden badges not
yet earned show a mystery "?" medal. The toast celebrates a new badge with a short bounce in a
place where it hides nothing the child is using (the window says where: over the magic picture
on the drawing page, else over the top bar left of its buttons), sized to fit there, and never
interrupts a stroke: it is a mouse-transparent child overlay that never takes focus or
activates, so the pen keeps drawing under it.
"""

from __future__ import annotations

from math import cos, radians, sin
from typing import Callable

from PySide6.QtCore import QEasingCurve, QRect, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QScrollArea, QVBoxLayout, QWidget

from icanvas_desktop.core.badges import BadgeState, badge_picture

PICTURE = 128
TOAST_SIZE = QSize(360, 200)     # the toast at its largest: a card with the medal and the words
STRIP_BELOW = 80                 # px: a lower toast is a strip with the medal and the badge's name
WORDS_LEAST = 60                 # px: narrower than this beside the medal, the medal shows alone


def badge_pixmap(badge_id: str, size: int, faded: bool = False) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    if faded:
        p.setOpacity(0.35)   # a badge to look forward to: visible, clearly not yet earned
    QSvgRenderer(str(badge_picture(badge_id))).render(p, QRectF(0, 0, size, size))
    p.end()
    return pix


class BadgeTile(QWidget):
    """One badge on the shelf: picture, title, and progress while locked."""

    def __init__(self, state: BadgeState, lang: str, parent=None):
        super().__init__(parent)
        self.state = state
        lay = QVBoxLayout(self)
        lay.setSpacing(4)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignCenter)
        self.picture.setFixedHeight(PICTURE)   # a two-line title must not squeeze the medal
        if state.mystery:
            self.picture.setPixmap(badge_pixmap("mystery", PICTURE))
            title = self.tr("Surprise!")
            self.setToolTip(self.tr("Keep drawing to find this surprise badge."))
        else:
            self.picture.setPixmap(badge_pixmap(state.id, PICTURE, faded=not state.unlocked))
            title = state.badge.display_title(lang)
            self.setToolTip(state.badge.display_description(lang))
        self.title = QLabel(title, self)
        self.title.setAlignment(Qt.AlignCenter)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold; color: #2B2B3B;")
        lay.addWidget(self.picture)
        lay.addWidget(self.title)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, state.goal)
        self.progress.setValue(state.progress)
        self.progress.setFormat(f"{state.progress} / {state.goal}")
        self.progress.setStyleSheet("QProgressBar { border: 2px solid #D8DCE6; border-radius: 8px; height: 18px;"
                                    " text-align: center; font-size: 13px; background: white; }"
                                    " QProgressBar::chunk { background: #7ED492; border-radius: 6px; }")
        # Progress only where it means something to a child: counting badges not yet earned.
        self.progress.setVisible(not state.unlocked and not state.mystery and state.goal > 1)
        lay.addWidget(self.progress)
        lay.addStretch(1)
        self.setFixedWidth(PICTURE + 48)


class BadgeShelf(QWidget):
    """A scrollable shelf of every badge. Call set_states(evaluate(history)) when history changes."""

    def __init__(self, parent: QWidget | None = None, lang: str = "en", columns: int = 4):
        super().__init__(parent)
        self.lang, self.columns = lang, columns
        self.tiles: list[BadgeTile] = []
        outer = QVBoxLayout(self)
        self.heading = QLabel(self.tr("My badges"), self)
        self.heading.setStyleSheet("font-size: 28px; font-weight: bold; color: #2B2B3B;")
        self.count = QLabel("", self)
        self.count.setStyleSheet("font-size: 18px; color: #6B6B7B;")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { border: none; background: #FFFBF0; }")
        self.board = QWidget()
        self.board.setStyleSheet("background: #FFFBF0;")
        self.grid = QGridLayout(self.board)
        self.grid.setSpacing(18)
        scroll.setWidget(self.board)
        outer.addWidget(self.heading)
        outer.addWidget(self.count)
        outer.addWidget(scroll, 1)

    def set_states(self, states: list[BadgeState]) -> None:
        for t in self.tiles:
            self.grid.removeWidget(t)
            t.hide()
            t.deleteLater()
        # Earned first, then ones with progress to look forward to, then the surprises.
        order = sorted(states, key=lambda s: (not s.unlocked, s.mystery))
        self.tiles = [BadgeTile(s, self.lang, self.board) for s in order]
        for i, t in enumerate(self.tiles):
            self.grid.addWidget(t, i // self.columns, i % self.columns, Qt.AlignTop | Qt.AlignHCenter)
        earned = sum(s.unlocked for s in states)
        self.count.setText(self.tr("Badges found: %1").replace("%1", str(earned)))


class UnlockToast(QWidget):
    """A celebration over `parent` (the main window's central widget) that ignores the mouse and
    focus. `area()` gives the rectangle (in the parent's coordinates) it may cover; the toast
    takes up to TOAST_SIZE of it, centred, and lays itself out for the size it gets (a card, or
    a strip over the top bar).

    show_badge() may be called several times; badges are celebrated one after another."""

    def __init__(self, parent: QWidget, lang: str = "en", duration_ms: int = 3200,
                 area: Callable[[], QRect] | None = None):
        super().__init__(parent)
        self.lang = lang
        self.area = area or (lambda: parent.rect())
        self.setAttribute(Qt.WA_TransparentForMouseEvents)   # strokes pass straight through
        self.setAttribute(Qt.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.NoFocus)
        self.resize(TOAST_SIZE)
        self._queue: list[BadgeState] = []
        self._state: BadgeState | None = None
        self._pix: QPixmap | None = None
        self._t = 0.0
        self.anim = QVariantAnimation(self)
        self.anim.setStartValue(0.0)
        self.anim.setEndValue(1.0)
        self.duration_ms = duration_ms
        self.anim.setDuration(duration_ms)
        self.anim.valueChanged.connect(self._tick)
        self.anim.finished.connect(self._next)
        self.hide()

    def show_badge(self, state: BadgeState) -> None:
        self._queue.append(state)
        if self.anim.state() != QVariantAnimation.Running:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self._state = None
            self.hide()
            return
        self._state = self._queue.pop(0)
        self._pix = badge_pixmap(self._state.id, PICTURE)
        # When several badges arrive at once each one is shown for less time.
        self.anim.setDuration(self.duration_ms if not self._queue else max(1200, self.duration_ms // 2))
        self.place()
        self.raise_()
        self.show()
        self.anim.start()

    def place(self) -> None:
        """Take up to TOAST_SIZE of the free area, centred in it."""
        free = self.area()
        size = TOAST_SIZE.boundedTo(free.size())
        self.setGeometry(QRect(free.x() + (free.width() - size.width()) // 2,
                               free.y() + (free.height() - size.height()) // 2, size.width(), size.height()))

    def _tick(self, t) -> None:
        self._t = float(t)
        self.update()

    def paintEvent(self, event) -> None:
        if self._state is None or self._pix is None:
            return
        t = self._t
        w, h = self.width(), self.height()
        pop = QEasingCurve(QEasingCurve.OutBack).valueForProgress(min(1.0, t / 0.2))   # bounce in
        fade = 1.0 if t < 0.8 else max(0.0, (1.0 - t) / 0.2)                            # fade out
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setOpacity(fade)
        p.setPen(QColor("#F5B700"))
        p.setBrush(QColor(255, 251, 230, 240))
        p.drawRoundedRect(QRectF(2, 2, w - 4, h - 4), min(28, h / 4), min(28, h / 4))
        # The medal on the left, as big as the height allows, the words beside it; in a narrow
        # place the medal on top and the words under it.
        pad = max(6.0, min(w, h) * 0.08)
        upright = w < 1.6 * h
        medal = min(h * 0.55, w - 2 * pad) if upright else min(h - 2 * pad, w * 0.4)
        cx, cy = (w / 2, pad + medal / 2) if upright else (pad + medal / 2, h / 2)
        # A few confetti dots that drift outwards.
        for i, colour in enumerate(("#FF5A5F", "#3FA9F5", "#5CC46A", "#8E6CEF", "#FF9F1C", "#FFD23F")):
            angle = i * 60 + t * 90
            r = medal * (0.18 + 0.42 * min(1.0, t * 2))
            dot = max(4.0, medal / 11)
            p.setBrush(QColor(colour))
            p.setPen(Qt.NoPen)
            p.drawEllipse(QRectF(cx + r * cos(radians(angle)) - dot / 2, cy + r * sin(radians(angle)) - dot / 2,
                                 dot, dot))
        size = medal * max(0.05, pop)
        p.drawPixmap(QRectF(cx - size / 2, cy - size / 2, size, size), self._pix, QRectF(self._pix.rect()))
        p.setPen(QColor("#2B2B3B"))
        if upright:
            text = QRectF(pad, 1.5 * pad + medal, w - 2 * pad, h - 2.5 * pad - medal)
            side = Qt.AlignHCenter
        else:
            text = QRectF(2 * pad + medal, pad, w - 3 * pad - medal, h - 2 * pad)
            side = Qt.AlignLeft
        f = QFont(self.font())
        f.setBold(True)
        title = self._state.badge.display_title(self.lang)
        if text.width() < WORDS_LEAST:      # a corner of a narrow top bar: the medal alone
            p.end()
            return
        if h < STRIP_BELOW:          # a strip over the top bar: the medal says "badge", the name fits
            f.setPixelSize(13)
            p.setFont(f)
            p.drawText(text, side | Qt.AlignVCenter | Qt.TextWordWrap, title)
            p.end()
            return
        f.setPixelSize(round(min(18, max(11, text.height() * 0.14))))
        p.setFont(f)
        top = max(p.fontMetrics().height(), text.height() / 2)
        p.drawText(QRectF(text.left(), text.top(), text.width(), top), side | Qt.AlignBottom,
                   self.tr("New badge!"))
        f.setPixelSize(round(min(24, max(13, text.height() * 0.17))))
        p.setFont(f)
        p.drawText(QRectF(text.left(), text.top() + top, text.width(), text.height() - top),
                   side | Qt.AlignTop | Qt.TextWordWrap, title)
        p.end()
