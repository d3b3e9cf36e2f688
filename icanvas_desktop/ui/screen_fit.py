"""How the window meets the screen: its size, the top bar, and the check of the whole layout.

`fit_to_screen` sizes a window to the screen's free area (never larger). `TopBar` keeps the top
bar inside the window's width: first every label, then without the name beside the star, then
the nav buttons as pictures only (their names stay as tool tips and for screen readers); it
also says which part of it nothing is tapped on (`free_rect`, where a badge toast may go).
`layout_problems` says what is wrong with a layout (the self-test runs it at three screen sizes,
scripts/measure_screen.py at ten). The drawing page itself is arranged in ui/screen_layout.py.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from icanvas_desktop.ui.icons import icon
from icanvas_desktop.ui.screen_layout import MIN_SHARE
from icanvas_desktop.ui.widgets import big_button


def fit_to_screen(window: QWidget, available: QRect) -> QSize:
    """Size `window` to the screen's available geometry (never larger) and place it there;
    returns the size given. The window's frame, once known, is taken off too."""
    frame = window.frameGeometry().size() - window.geometry().size() if window.isVisible() \
        else QSize(0, 0)
    size = QSize(max(1, available.width() - max(0, frame.width())),
                 max(1, available.height() - max(0, frame.height())))
    size = size.boundedTo(window.maximumSize())
    # A screen smaller than the window's usual minimum still gets the whole window on it.
    window.setMinimumSize(window.minimumSize().boundedTo(size))
    window.resize(size)
    window.move(available.topLeft())
    return size


class TopBar:
    """The top bar: the star and the app's name on the left, big nav buttons on the right.
    `fit` keeps it inside the window's width: first every label, then without the name beside
    the star, then the nav buttons as pictures only (their names stay as tool tips and for
    screen readers)."""

    def __init__(self, parent: QWidget, scale: float, title: str):
        self.layout = QHBoxLayout()
        self.star = QLabel(parent)
        self.star.setPixmap(icon("star").pixmap(QSize(36, 36)))
        self.title = QLabel(title, parent)
        self.title.setObjectName("Title")
        self.layout.addWidget(self.star)
        self.layout.addWidget(self.title)
        self.layout.addStretch(1)
        self.nav = QHBoxLayout()
        self.nav.setSpacing(round(10 * scale))
        self.layout.addLayout(self.nav)
        self.level = 0

    def add_button(self, icon_name: str | QIcon, label: str, accessible: str, size: int,
                   parent: QWidget) -> QToolButton:
        """A big nav button at the right end; `icon_name` is a name from ui/icons.py or a
        ready QIcon (the child's avatar)."""
        button = big_button("star" if isinstance(icon_name, QIcon) else icon_name, label,
                            accessible, size, parent)
        if isinstance(icon_name, QIcon):
            button.setIcon(icon_name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if label
                                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.nav.addWidget(button)
        return button

    def free_rect(self, parent: QWidget, least: int = 0) -> QRect:
        """The part of the bar left of its buttons (the star and the name, in `parent`'s
        coordinates): nothing there is for tapping. Narrower than `least` px (a narrow screen
        with big buttons), the whole bar."""
        shown = [b for b in self._nav_buttons() if b.isVisible()]
        left = self.star.mapTo(parent, self.star.rect().topLeft())
        right = min((b.mapTo(parent, b.rect().topLeft()).x() for b in shown), default=parent.width())
        right -= self.nav.spacing()
        if right - left.x() < least and shown:
            last = shown[-1]
            right = last.mapTo(parent, last.rect().topRight()).x()
        height = max([b.height() for b in shown] + [self.star.height()])
        top = min([b.mapTo(parent, b.rect().topLeft()).y() for b in shown] + [left.y()])
        return QRect(left.x(), top, max(0, right - left.x()), height)

    def _nav_buttons(self) -> list:
        return [self.nav.itemAt(i).widget() for i in range(self.nav.count())
                if self.nav.itemAt(i).widget() is not None]

    def _apply(self, level: int) -> None:
        self.title.setVisible(level < 1)
        style = (Qt.ToolButtonStyle.ToolButtonIconOnly if level >= 2
                 else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for b in self._nav_buttons():
            wanted = style if b.text() else Qt.ToolButtonStyle.ToolButtonIconOnly
            if b.toolButtonStyle() != wanted:
                b.setToolButtonStyle(wanted)
        self.level = level

    def fit(self, room: int) -> bool:
        """Show as much as fits in `room` px; False when even pictures only do not fit."""
        for level in (0, 1, 2):
            self._apply(level)
            self.layout.invalidate()
            # The size hint, not the minimum: squeezed buttons would cut their labels short.
            if self.layout.sizeHint().width() <= room:
                return True
        return False


def layout_problems(window, screen: QSize, min_share: float = MIN_SHARE,
                    min_target: int = 48) -> list[str]:
    """What is wrong with `window`'s drawing page on a screen of this size (empty when all is
    well): the window larger than the screen, a control outside the window, a button lower
    than `min_target` px, style cards with less room than one card (scrolled cards count by
    what their list shows), or, in landscape, a drawing page under `min_share` of the window.
    The self-test runs this at several screen sizes."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea
    problems = []
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(f"the window ({frame.width()}x{frame.height()}) is larger than the screen")
    inside = window.rect()
    controls = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    for control in controls + [window.canvas, window.picture, window.helper]:
        box = QRect(control.mapTo(window, control.rect().topLeft()), control.size())
        name = control.accessibleName() or type(control).__name__
        scroller = control.parentWidget()
        while scroller is not None and not isinstance(scroller, QAbstractScrollArea):
            scroller = scroller.parentWidget()
        if scroller is not None and scroller is not window:
            # In a scrolling list (the style cards): what shows is what its viewport shows;
            # a card scrolled away is still there, one scroll away.
            view = scroller.viewport()
            shown = box.intersected(QRect(view.mapTo(window, view.rect().topLeft()), view.size()))
            if shown.isEmpty():
                continue
            if not inside.contains(shown):
                problems.append(f"{name} shows outside the window")
            elif box.height() < min_target:
                problems.append(f"{name} is only {box.height()} px high")
            continue
        if box.isEmpty() or not inside.contains(box):
            problems.append(f"{name} lies outside the window ({box.x()},{box.y()} "
                            f"{box.width()}x{box.height()})")
        elif control in controls and box.height() < min_target:
            problems.append(f"{name} is only {box.height()} px high")
    cards = window.style_picker.viewport().height()
    if window.style_picker.cards and cards < min_target:
        problems.append(f"the style cards have only {cards} px to show in")
    page = window.canvas.page_rect()
    share = page.width() * page.height() / max(1, window.width() * window.height())
    if window.width() >= window.height() and share < min_share:
        problems.append(f"the drawing page is only {share:.0%} of the window")
    return problems
