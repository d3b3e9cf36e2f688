"""The child's screen, from a 1024x600 netbook to a 4K monitor: the canvas comes first.

`DrawingPage` places the drawing page's parts itself, because the arrangement depends on the
shape of the room, not just its size:

* landscape: tools | canvas (today's challenge under it) | side column: the magic picture,
  the action row (Magic! and room for more), the style cards and the helper line;
* portrait: the tools beside the canvas or as a band of two rows above it (whichever leaves
  the bigger drawing page), then the picture beside a stack of the action row, the style cards
  and the helper line; today's challenge at the foot.

The canvas gets the height first and as much width as its page shape can use; the tools, the
style cards, the picture and today's challenge shrink (smaller pictures, balanced rows, a low
form) before the canvas does. Every part stays inside the page and every button stays at least
48 px high at 100 %.

`TopBar` keeps the top bar inside the window's width, `fit_to_screen` sizes a window to the
screen's free area (never larger), and `layout_problems` says what is wrong with a layout (the
self-test runs it at three screen sizes).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from icanvas_desktop.ui.canvas import PAGE_MARGIN, CanvasWidget
from icanvas_desktop.ui.icons import icon
from icanvas_desktop.ui.style_picker import StylePicker
from icanvas_desktop.ui.tool_panel import ToolPanel
from icanvas_desktop.ui.widgets import PictureView, big_button

SIDE_SHARE = 0.42       # landscape: the side column takes at most this share of the width,
PICTURE_SHARE = 0.45    # and its picture this share of the height before the cards grow
PORTRAIT_STACK = 0.5    # portrait: the stack beside the picture takes this share of the width,
PORTRAIT_CARDS = 0.2    # and the style cards at most this share of the height
PICTURE_MIN = 120       # px: the smallest picture worth showing
COMPACT_BELOW = 720     # px of page height: below it today's challenge takes its low form
_FULL_STYLE = "icanvas_full_style"   # a button's own tool-button style, kept while compacted


class DrawingPage(QWidget):
    """The drawing page: places its parts on every resize (see the module docstring)."""

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.scale = scale
        self.gap = round(10 * scale)
        self.orientation = Qt.Orientation.Horizontal
        self.tools: ToolPanel | None = None
        self.canvas: CanvasWidget | None = None
        self.picture: PictureView | None = None
        self.styles: StylePicker | None = None
        self.helper: QLabel | None = None
        # The row under the picture: the window puts Magic! in it; more can join.
        self.actions = QWidget(self)
        self.action_row = QHBoxLayout(self.actions)
        self.action_row.setContentsMargins(0, 0, 0, 0)
        self.action_row.setSpacing(self.gap)
        # Widgets the shell adds (today's challenge) sit in this row, under the canvas.
        self.bottom = QWidget(self)
        self.bottom_row = QHBoxLayout(self.bottom)
        self.bottom_row.setContentsMargins(0, 0, 0, 0)
        self.bottom_row.setSpacing(self.gap)
        self.bottom.hide()
        self._helper_height = 0
        self._hints: tuple = ()
        # Small enough for any screen the app supports; the window decides the real size.
        self.setMinimumSize(320, 320)

    def set_parts(self, tools: ToolPanel, canvas: CanvasWidget, picture: PictureView,
                  styles: StylePicker, helper: QLabel) -> None:
        self.tools, self.canvas, self.picture = tools, canvas, picture
        self.styles, self.helper = styles, helper
        # This page sizes them: their own minimums would let a small screen push them over
        # one another.
        for part in (canvas, picture, helper):
            part.setMinimumSize(0, 0)
        self.arrange()

    def add_bottom_widget(self, widget: QWidget) -> None:
        self.bottom_row.addWidget(widget)
        self.bottom.show()
        self.arrange()

    def sizeHint(self) -> QSize:
        # A window shown without a size (tests, measurements) gets a 1280x720-like one.
        return QSize(round(1240 * self.scale), round(620 * self.scale))

    # -- arrangement -----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.arrange()

    def event(self, event) -> bool:
        # A button joined the action row, or today's challenge changed its size: make room.
        # (Only those: the tools and cards change their own sizes while being fitted.)
        if event.type() == QEvent.Type.LayoutRequest and self.canvas is not None \
                and self._outside_hints() != self._hints:
            self.arrange()
        return super().event(event)

    def _outside_hints(self) -> tuple:
        return (self.actions.sizeHint(), self.bottom.sizeHint(), self.bottom.isHidden())

    def helper_changed(self) -> None:
        """The helper line got a new text: make room if it needs more (or fewer) lines."""
        if self.helper is not None \
                and self._helper_need(self.helper.width()) != self._helper_height:
            self.arrange()

    def arrange(self) -> None:
        if self.canvas is None:
            return
        w, h = self.width(), self.height()
        self.orientation = Qt.Orientation.Horizontal if w >= h else Qt.Orientation.Vertical
        # Today's challenge takes its low form on short screens and in portrait, so the canvas
        # keeps its height.
        for i in range(self.bottom_row.count()):
            widget = self.bottom_row.itemAt(i).widget()
            if widget is not None and hasattr(widget, "set_compact"):
                widget.set_compact(h < COMPACT_BELOW * self.scale
                                   or self.orientation == Qt.Orientation.Vertical)
                widget.updateGeometry()    # its size hint follows the low form at once
        if self.orientation == Qt.Orientation.Horizontal:
            self._landscape(w, h)
        else:
            self._portrait(w, h)
        self._hints = self._outside_hints()

    def _aspect(self) -> float:
        d = self.canvas.drawing
        return d.width / max(1, d.height)

    def _page_fit(self, width: int, height: int) -> tuple[int, int, float]:
        """The canvas widget size that the page can use within `width` x `height` (the page
        keeps its shape) and the page's area in px²."""
        pw, ph = self.canvas.drawing.width, self.canvas.drawing.height
        scale = max(0.0, min((width - 2 * PAGE_MARGIN) / pw, (height - 2 * PAGE_MARGIN) / ph))
        return (min(width, round(pw * scale + 2 * PAGE_MARGIN)),
                min(height, round(ph * scale + 2 * PAGE_MARGIN)), pw * ph * scale * scale)

    def _helper_need(self, width: int) -> int:
        # At least two lines, so a short tool tip and a longer message take the same room.
        fm = self.helper.fontMetrics()
        text = self.helper.heightForWidth(max(1, width)) if self.helper.text() else 0
        m = self.helper.contentsMargins()
        return max(text, 2 * fm.lineSpacing() + m.top() + m.bottom() + 8)

    def _bottom_height(self, width: int) -> int:
        if self.bottom.isHidden():
            return 0
        lay = self.bottom_row
        hfw = lay.heightForWidth(width) if lay.hasHeightForWidth() else -1
        return max(hfw, lay.sizeHint().height())

    def _picture_height_for(self, width: int) -> int:
        """The picture widget's height whose frame has the page's shape at this width."""
        return round((width - 28) / self._aspect() + 28)

    def _side_min_width(self) -> int:
        """The narrowest side column: Magic! with its word, the cards three abreast at their
        smallest (fewer when there are fewer styles), the smallest picture."""
        first = self.action_row.itemAt(0).widget() if self.action_row.count() else None
        magic = first.sizeHint().width() if first is not None else 0
        cards = self.styles.narrowest_width(max(1, min(3, len(self.styles.cards))))
        return max(magic, cards, round(PICTURE_MIN * self._aspect()))

    def _stack(self, x: int, y: int, width: int, height: int, picture_first: bool,
               cards_max: int | None = None) -> None:
        """Action row, style cards and helper line in a column of `width` x `height` px (the
        cards under the action row, the helper at the foot); with `picture_first` the picture
        goes on top and takes what the rest leaves, else the caller places it."""
        g = self.gap
        helper_h = self._helper_need(width)
        self._helper_height = helper_h
        self._fit_actions(width)
        actions_h = self.actions.sizeHint().height()
        fixed = helper_h + actions_h + (3 if picture_first else 2) * g
        picture = max(PICTURE_MIN, min(self._picture_height_for(width),
                                       round(height * PICTURE_SHARE))) if picture_first else 0
        room = height - fixed - picture
        cards_h = self.styles.arrange(width, max(0, min(room, cards_max or room))).height()
        if self.styles.scrolls and picture > PICTURE_MIN:
            # The cards come before a big picture: the picture gives up what the smallest
            # cards need (down to PICTURE_MIN), no more.
            need = self.styles.smallest_height(width)
            cards_h = self.styles.arrange(width, min(need, height - fixed - PICTURE_MIN)).height()
        top = y
        if picture_first:
            # The picture keeps its shape; room it cannot use goes above the helper line.
            shown = min(height - fixed - cards_h, self._picture_height_for(width))
            self.picture.setGeometry(x, top, width, shown)
            top += shown + g
        self.actions.setGeometry(x, top, width, actions_h)
        self.styles.setGeometry(x, top + actions_h + g, width, cards_h)
        self.helper.setGeometry(x, y + height - helper_h, width, helper_h)

    def _fit_actions(self, width: int) -> None:
        """Magic! keeps its word; when the row is too narrow for every label, the buttons
        that joined it after Magic! show their pictures only (their names stay as tool tips
        and for screen readers)."""
        first = self.action_row.itemAt(0).widget() if self.action_row.count() else None
        extras = [b for b in self.actions.findChildren(QToolButton)
                  if b is not first and b.text()]
        for b in extras:
            full = b.property(_FULL_STYLE)
            if full is None:
                b.setProperty(_FULL_STYLE, int(b.toolButtonStyle().value))
            elif b.toolButtonStyle().value != full:
                b.setToolButtonStyle(Qt.ToolButtonStyle(full))
        if self._row_width() > width:
            for b in extras:
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for i in range(self.action_row.count()):     # the row's cached sizes follow at once
            widget = self.action_row.itemAt(i).widget()
            if widget is not None:
                widget.updateGeometry()

    def _row_width(self) -> int:
        widgets = [self.action_row.itemAt(i).widget() for i in range(self.action_row.count())]
        shown = [w for w in widgets if w is not None and not w.isHidden()]
        return sum(w.sizeHint().width() for w in shown) \
            + self.action_row.spacing() * max(0, len(shown) - 1)

    def _landscape(self, w: int, h: int) -> None:
        g = self.gap
        need = self.tools.fit_height(h)
        tw = need.width()
        self.tools.setGeometry(0, 0, tw, min(need.height(), h))
        room_w = w - tw - 2 * g
        side_min = self._side_min_width()
        bottom_h = self._bottom_height(max(1, room_w - side_min))
        canvas_h = h - (bottom_h + g if bottom_h else 0)
        ideal_w, _, _ = self._page_fit(room_w, canvas_h)
        side = max(side_min, min(room_w - ideal_w, round(w * SIDE_SHARE)))
        cw = room_w - side
        self.canvas.setGeometry(tw + g, 0, cw, canvas_h)
        if bottom_h:
            self.bottom.setGeometry(tw + g, canvas_h + g, cw, bottom_h)
        self._stack(w - side, 0, side, h, picture_first=True)

    def _portrait(self, w: int, h: int) -> None:
        g = self.gap
        bottom_h = self._bottom_height(w)
        foot = bottom_h + g if bottom_h else 0
        if bottom_h:
            self.bottom.setGeometry(0, h - bottom_h, w, bottom_h)
        stack_w = max(self._side_min_width(), round(w * PORTRAIT_STACK))
        picture_w = w - stack_w - g
        cards_h = self.styles.arrange(stack_w, round(h * PORTRAIT_CARDS)).height()
        lower_min = max(self.actions.sizeHint().height() + cards_h
                        + self._helper_need(stack_w) + 2 * g, PICTURE_MIN)
        room = h - foot - lower_min - g            # for the tools and the canvas
        # The tools beside the canvas or as a band above it: whichever leaves the bigger page.
        column = self.tools.fit_height(room)
        beside = self._page_fit(w - column.width() - g, room)
        band = self.tools.fit_width(w)
        above = self._page_fit(w, room - band.height() - g)
        if beside[2] > above[2]:
            column = self.tools.fit_height(room)
            self.tools.setGeometry(0, 0, column.width(), min(column.height(), room))
            cw, ch = w - column.width() - g, beside[1]
            self.canvas.setGeometry(column.width() + g, 0, cw, ch)
            used = max(ch, min(column.height(), room))
        else:
            tw = min(band.width(), w)
            self.tools.setGeometry((w - tw) // 2, 0, tw, band.height())
            ch = above[1]
            self.canvas.setGeometry(0, band.height() + g, w, ch)
            used = band.height() + g + ch
        lower_y = used + g
        lower_h = h - foot - lower_y
        self.picture.setGeometry(0, lower_y, picture_w,
                                 min(lower_h, self._picture_height_for(picture_w)))
        self._stack(picture_w + g, lower_y, stack_w, lower_h, picture_first=False,
                    cards_max=round(h * PORTRAIT_CARDS))


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

    def fit(self, room: int) -> None:
        """Show as much as fits in `room` px."""
        for level in (0, 1, 2):
            self._apply(level)
            self.layout.invalidate()
            # The size hint, not the minimum: squeezed buttons would cut their labels short.
            if self.layout.sizeHint().width() <= room:
                return


def layout_problems(window, screen: QSize, min_share: float = 0.35,
                    min_target: int = 48) -> list[str]:
    """What is wrong with `window`'s drawing page on a screen of this size (empty when all is
    well): the window larger than the screen, a control outside the window, a button lower
    than `min_target` px, or, in landscape, a drawing page under `min_share` of the window.
    The self-test runs this at several screen sizes."""
    from PySide6.QtWidgets import QAbstractButton
    problems = []
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(f"the window ({frame.width()}x{frame.height()}) is larger than the screen")
    inside = window.rect()
    controls = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    for control in controls + [window.canvas, window.picture, window.helper]:
        box = QRect(control.mapTo(window, control.rect().topLeft()), control.size())
        name = control.accessibleName() or type(control).__name__
        if box.isEmpty() or not inside.contains(box):
            problems.append(f"{name} lies outside the window ({box.x()},{box.y()} "
                            f"{box.width()}x{box.height()})")
        elif control in controls and box.height() < min_target:
            problems.append(f"{name} is only {box.height()} px high")
    page = window.canvas.page_rect()
    share = page.width() * page.height() / max(1, window.width() * window.height())
    if window.width() >= window.height() and share < min_share:
        problems.append(f"the drawing page is only {share:.0%} of the window")
    return problems
