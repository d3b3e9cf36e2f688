"""Hold Ctrl+Shift+Q for about two seconds to quit: the grown-ups' way out of a kiosk.

With `noquit` (and in a kiosk) the window ignores its close button: a school wants a child not
to leave by accident, and a close button that worked would be the first thing tried. The
way out for a grown-up always works instead: press and HOLD Ctrl+Shift+Q. Letting go of any
of the keys early cancels, and a short tap does nothing, so a child mashing keys does not end
the session. The filter watches the whole application, so it works whichever widget or
dialog has the keyboard.

The two seconds run from the FIRST press. Key auto-repeat (on by default under X11) sends a
release and a new press many times a second while a key is held. Qt marks the pairs it
recognises (isAutoRepeat), but only when the new press is already waiting behind the release,
so some pairs reach us unmarked and would look like letting go. A release therefore only
counts after a short grace: a press of the combination within it shows that the key never
went up, and the hold goes on with its clock untouched.

While the keys are held, `HoldNotice` says "Keep holding..." over whichever window has the
keyboard (the drawing page, the gallery, the badges, the grown-ups' corner), with a bar that
fills up as the two seconds pass, and goes away when the keys are let go.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPainterPath, QPen, QRegion
from PySide6.QtWidgets import QApplication, QWidget

HOLD_MS = 2000
# X11 sends a repeat's release and press with the same timestamp, back to back; this only has
# to cover their delivery, not the repeat rate. A grown-up's real let-go is seen this late.
RELEASE_GRACE_MS = 150
_KEYS = (Qt.Key.Key_Q, Qt.Key.Key_Control, Qt.Key.Key_Shift)
_MODS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class HoldToQuit(QObject):
    """Signals: started() when the hold begins, cancelled() if let go early, triggered()."""

    started = Signal()
    cancelled = Signal()
    triggered = Signal()

    def __init__(self, parent: QObject | None = None, hold_ms: int = HOLD_MS,
                 grace_ms: int = RELEASE_GRACE_MS):
        super().__init__(parent)
        self._hold = QTimer(self, singleShot=True, interval=hold_ms)
        self._hold.timeout.connect(self._held_long_enough)
        self._grace = QTimer(self, singleShot=True, interval=grace_ms)
        self._grace.timeout.connect(self._let_go)
        self._due = False             # the time was up while a release was still in doubt
        self._done = False            # triggered; repeats start nothing until the keys go up

    def is_holding(self) -> bool:
        """The hold is running and no key of it is (perhaps) up right now."""
        return self._hold.isActive() and not self._grace.isActive()

    def _active(self) -> bool:
        return self._hold.isActive() or self._due or self._done

    def _held_long_enough(self) -> None:
        if self._grace.isActive():
            self._due = True          # decide when the grace tells whether the key went up
        else:
            self._fire()

    def _fire(self) -> None:
        self._due, self._done = False, True
        self.triggered.emit()

    def _let_go(self) -> None:
        holding = self._hold.isActive() or self._due
        self._hold.stop()
        self._grace.stop()
        self._due = self._done = False
        if holding:
            self.cancelled.emit()

    def _pressed_again(self) -> None:
        """A press of the combination while a release is in doubt: it was auto-repeat."""
        self._grace.stop()
        if self._due:
            self._fire()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Q and (event.modifiers() & _MODS) == _MODS:
                if self._grace.isActive():
                    self._pressed_again()
                elif not self._active():
                    self._hold.start()
                    self.started.emit()
                # else: a repeat while held; the clock keeps running from the first press
                return True
        elif kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent):
            if event.key() in _KEYS and self._active():
                self._grace.start()   # marked repeats too: the press that follows ends it
        elif kind == QEvent.Type.ApplicationDeactivate and self._active():
            self._let_go()            # the keys may be let go in another program
        return False


class HoldNotice(QWidget):
    """The feedback of a hold: a small floating card over the window with the keyboard, on
    every page. It never takes focus or the mouse. `text()` gives the (translated) words."""

    def __init__(self, hold: HoldToQuit, text: Callable[[], str], window: Callable[[], QWidget | None],
                 hold_ms: int = HOLD_MS):
        super().__init__(None, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._text, self._window, self._hold_ms = text, window, max(1, hold_ms)
        self._clock = QElapsedTimer()
        self._tick = QTimer(self, interval=33)          # the bar fills at about 30 frames a second
        self._tick.timeout.connect(self.update)
        hold.started.connect(self.appear)
        hold.cancelled.connect(self.disappear)
        hold.triggered.connect(self.disappear)
        self.resize(420, 96)

    def resizeEvent(self, event) -> None:
        # A rounded card without a compositor (X11 kiosks often have none): a window mask.
        path = QPainterPath()
        path.addRoundedRect(QRectF(self.rect()), 20, 20)
        self.setMask(QRegion(path.toFillPolygon().toPolygon()))
        super().resizeEvent(event)

    def words(self) -> str:
        return self._text()

    def appear(self) -> None:
        """Over the active window (a dialog of the corner, say), else the app's main window."""
        over = QApplication.activeWindow() or self._window()
        if over is not None:
            box = over.frameGeometry()
            self.move(box.center().x() - self.width() // 2, box.top() + box.height() // 4)
        self._clock.start()
        self._tick.start()
        self.show()
        self.raise_()

    def disappear(self) -> None:
        self._tick.stop()
        self.hide()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        p.setPen(QPen(QColor("#2b2d42"), 3))
        p.setBrush(QColor(255, 251, 230))
        p.drawRoundedRect(card, 19, 19)
        font = QFont(self.font())
        font.setPixelSize(20)
        font.setBold(True)
        p.setFont(font)
        p.drawText(card.adjusted(16, 8, -16, -40), Qt.AlignmentFlag.AlignCenter, self.words())
        done = min(1.0, self._clock.elapsed() / self._hold_ms) if self._clock.isValid() else 0.0
        bar = QRectF(card.left() + 24, card.bottom() - 32, card.width() - 48, 14)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#ead7b7"))
        p.drawRoundedRect(bar, 7, 7)
        p.setBrush(QColor("#fb8500"))
        p.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * done, bar.height()), 7, 7)
        p.end()
