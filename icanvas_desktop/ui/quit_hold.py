"""Hold Ctrl+Shift+Q for about two seconds to quit: the grown-ups' way out of a kiosk.

With `noquit` the window ignores its close button, so a child cannot leave by accident. A
grown-up presses and HOLDS Ctrl+Shift+Q; letting go of any of the keys early cancels. A short
tap does nothing, so a child mashing keys does not end the session. The filter watches the
whole application, so it works whichever widget has the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

HOLD_MS = 2000
_KEYS = (Qt.Key.Key_Q, Qt.Key.Key_Control, Qt.Key.Key_Shift)


class HoldToQuit(QObject):
    """Signals: started() when the hold begins, cancelled() if let go early, triggered()."""

    started = Signal()
    cancelled = Signal()
    triggered = Signal()

    def __init__(self, parent: QObject | None = None, hold_ms: int = HOLD_MS):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=hold_ms)
        self._timer.timeout.connect(self.triggered)

    def is_holding(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers()
            wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            if event.key() == Qt.Key.Key_Q and (mods & wanted) == wanted:
                # Key repeat sends more presses while held: only the first one starts the clock.
                if not event.isAutoRepeat() and not self._timer.isActive():
                    self._timer.start()
                    self.started.emit()
                return True
        elif kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent):
            if event.key() in _KEYS and not event.isAutoRepeat() and self._timer.isActive():
                self._timer.stop()
                self.cancelled.emit()
        elif kind == QEvent.Type.ApplicationDeactivate and self._timer.isActive():
            self._timer.stop()        # the keys may be let go in another program
            self.cancelled.emit()
        return False
