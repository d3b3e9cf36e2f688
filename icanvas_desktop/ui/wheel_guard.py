"""The mouse wheel scrolls a long page instead of changing the drop-down or number under it.

Qt's drop-downs and spin boxes change their value on a wheel turn whenever the pointer is over
them, so a grown-up scrolling through the settings turned "Start with a blank page" into
"Open the last drawing" without noticing. `guard_wheel(page)` makes every such control inside
`page` take the wheel only once it has the keyboard focus (clicked or tabbed to); before that
the turn goes on to the scroll area around it, which scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class WheelGuard(QObject):
    """An event filter: a wheel turn over an unfocused control scrolls the page around it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget) or obj.hasFocus():
            return False
        area = _scroll_area_of(obj)
        if area is not None:
            # Handed to the page straight away: Qt passes a wheel event on to the parents
            # only when it came from the window system, and a page should scroll either way.
            QApplication.sendEvent(area.viewport(), event)
        else:
            event.ignore()            # no page around it: let the parents have it
        return True                   # never the control itself


def guard_wheel(page: QWidget) -> WheelGuard:
    """Guard every drop-down and spin box inside `page` (built already); returns the filter,
    which `page` owns."""
    guard = WheelGuard(page)
    for control in page.findChildren(QWidget):
        if isinstance(control, _GUARDED):
            # StrongFocus: click or Tab focuses it, a wheel turn does not (the default,
            # WheelFocus, would focus it on the first turn and then change it on the next).
            control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            control.installEventFilter(guard)
    return guard
