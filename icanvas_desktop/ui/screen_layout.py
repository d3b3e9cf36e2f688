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

With big buttons on a small screen the words cost the canvas most of its room: the page then
tries a tight form (tools and style cards with pictures only, a smaller Magic!, the helper line
under a canvas held by its width) and keeps it only when the canvas needs it. The top bar and
fitting the window to the screen are in ui/screen_fit.py.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from icanvas_desktop.ui.canvas import PAGE_MARGIN, CanvasWidget
from icanvas_desktop.ui.style_picker import StylePicker
from icanvas_desktop.ui.tool_panel import (BAND_CHOICES, COLUMN_CHOICES, TIGHT_BAND_CHOICES,
                                           TIGHT_COLUMN_CHOICES, ToolPanel)
from icanvas_desktop.ui.widgets import PictureView

SIDE_SHARE = 0.42       # landscape: the side column takes at most this share of the width,
PICTURE_SHARE = 0.45    # and its picture this share of the height before the cards grow
PORTRAIT_STACK = 0.5    # portrait: the stack beside the picture takes this share of the width,
PORTRAIT_CARDS = 0.2    # and the style cards at most this share of the height
PICTURE_MIN = 120       # px: the smallest picture worth showing
PICTURE_MIN_TIGHT = 80  # px: the same, in the tight form (big buttons on a small screen)
COMPACT_BELOW = 720     # px of page height: below it today's challenge takes its low form
MIN_SHARE = 0.35        # of the window: the drawing page at least this big in landscape (issue 20)
_FULL_STYLE = "icanvas_full_style"   # a button's own tool-button style, kept while compacted
_FULL_ICON = "icanvas_full_icon"     # Magic!'s own picture size, kept while tightened
_TIGHT = "icanvas_tight"             # Magic! is in its tight form


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
        self._tightness = 0
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

    def remove_bottom_widget(self, widget: QWidget) -> None:
        """Take a widget out of the row under the canvas (the window puts it elsewhere)."""
        self.bottom_row.removeWidget(widget)
        self.bottom.setVisible(self.bottom_row.count() > 0)
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
        """The narrowest side column: Magic! with its word and the buttons that joined it as
        pictures, the cards three abreast at their smallest (fewer when there are fewer
        styles), the smallest picture."""
        self._fit_actions(0)
        row = self._row_width()
        cards = self.styles.narrowest_width(max(1, min(3, len(self.styles.cards))))
        return max(row, cards, round(PICTURE_MIN * self._aspect()))

    def _stack(self, x: int, y: int, width: int, height: int, picture_first: bool,
               cards_max: int | None = None, helper: bool = True) -> None:
        """Action row, style cards and helper line in a column of `width` x `height` px (the
        cards under the action row, the helper at the foot unless the caller placed it);
        with `picture_first` the picture goes on top and takes what the rest leaves, else the
        caller places it."""
        g = self.gap
        helper_h = self._helper_need(width) if helper else -g
        if helper:
            self._helper_height = helper_h
        self._fit_actions(width)
        actions_h = self.actions.sizeHint().height()
        fixed = helper_h + actions_h + (3 if picture_first else 2) * g
        least = PICTURE_MIN_TIGHT if self._tightness == 2 else PICTURE_MIN
        picture = max(least, min(self._picture_height_for(width),
                                       round(height * PICTURE_SHARE))) if picture_first else 0
        room = height - fixed - picture
        cards_h = self.styles.arrange(width, max(0, min(room, cards_max or room))).height()
        if self.styles.scrolls and picture > least:
            # The cards come before a big picture: the picture gives up what the smallest
            # cards need (down to its least), no more.
            need = self.styles.smallest_height(width)
            cards_h = self.styles.arrange(width, min(need, height - fixed - least)).height()
        top = y
        if picture_first:
            # The picture keeps its shape; room it cannot use goes above the helper line.
            shown = min(height - fixed - cards_h, self._picture_height_for(width))
            self.picture.setGeometry(x, top, width, shown)
            top += shown + g
        self.actions.setGeometry(x, top, width, actions_h)
        self.styles.setGeometry(x, top + actions_h + g, width, cards_h)
        if helper:
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

    def _tighten(self, level: int) -> None:
        """Level 0: as built. 1: Magic! with a smaller picture and word (still a big enough
        button, its word whole). 2 (big buttons only): the style cards with pictures only too."""
        self.styles.set_words(level < 2)
        self._tightness = level
        magic = self.action_row.itemAt(0).widget() if self.action_row.count() else None
        tight = level >= 1
        if magic is None or bool(magic.property(_TIGHT)) == tight:
            return
        if magic.property(_FULL_ICON) is None:
            magic.setProperty(_FULL_ICON, magic.iconSize())
        magic.setProperty(_TIGHT, tight)
        s = self.scale
        magic.setIconSize(QSize(round(30 * s), round(30 * s)) if tight else magic.property(_FULL_ICON))
        magic.setStyleSheet(f"QToolButton#Magic {{ font-size: {round(18 * s)}px; "
                            f"padding: {round(5 * s)}px {round(8 * s)}px; }}" if tight else "")

    def _levels(self) -> list[tuple[tuple, tuple, int]]:
        """(column arrangements, band arrangements, tightness) to try, biggest first: a smaller
        Magic! (`_tighten`), and with big buttons the tools and cards with pictures only too;
        each taken only when the canvas needs the room (`_best`)."""
        levels = [(COLUMN_CHOICES, BAND_CHOICES, 0), (COLUMN_CHOICES, BAND_CHOICES, 1)]
        if self.scale > 1:
            levels.append((TIGHT_COLUMN_CHOICES, TIGHT_BAND_CHOICES, 2))
        return levels

    def _best(self, plans) -> tuple:
        """The first plan whose drawing page reaches MIN_SHARE of the window (bigger buttons
        come first), else the one with the biggest page. `plans` yields (area, plan) pairs."""
        window = self.window()
        enough = MIN_SHARE * window.width() * window.height()
        best = None
        for area, plan in plans:
            if best is None or area > best[0]:
                best = (area, plan)
            if area >= enough:
                break
        return best[1]

    def _landscape(self, w: int, h: int) -> None:
        def plans():
            for choices, _, tight in self._levels():
                self._tighten(tight)
                need = self.tools.fit_height(h, choices)
                plan = self._landscape_plan(w, h, need) + (self.tools.arrangement, tight)
                yield plan[6], plan
        tw, th, cw, canvas_h, bottom_h, side, _, arrangement, tight = self._best(plans())
        g = self.gap
        self.tools.arrange(*arrangement)
        self._tighten(tight)
        self.tools.setGeometry(0, 0, tw, th)
        # Tight and the page held by its width: the helper line takes the height the page
        # cannot use, under it, and leaves the side column's room to the style cards.
        below = self._helper_need(cw)
        helper_under = tight == 2 and not bottom_h \
            and canvas_h - self._page_fit(cw, canvas_h)[1] >= below + g
        if helper_under:
            canvas_h -= below + g
            self._helper_height = below
            self.helper.setGeometry(tw + g, canvas_h + g, cw, below)
        self.canvas.setGeometry(tw + g, 0, cw, canvas_h)
        if bottom_h:
            self.bottom.setGeometry(tw + g, canvas_h + g, cw, bottom_h)
        self._stack(w - side, 0, side, h, picture_first=True, helper=not helper_under)

    def _landscape_plan(self, w: int, h: int, need: QSize) -> tuple:
        """Tools | canvas (today's challenge under it) | side column, for tools that need
        `need`: (tools width, tools height, canvas width, canvas height, challenge height,
        side width, page area)."""
        g = self.gap
        tw = need.width()
        room_w = w - tw - 2 * g
        side_min = self._side_min_width()
        bottom_h = self._bottom_height(max(1, room_w - side_min))
        canvas_h = h - (bottom_h + g if bottom_h else 0)
        ideal_w, _, _ = self._page_fit(room_w, canvas_h)
        side = max(side_min, min(room_w - ideal_w, round(w * SIDE_SHARE)))
        cw = room_w - side
        return tw, min(need.height(), h), cw, canvas_h, bottom_h, side, self._page_fit(cw, canvas_h)[2]

    def _portrait(self, w: int, h: int) -> None:
        g = self.gap
        bottom_h = self._bottom_height(w)
        foot = bottom_h + g if bottom_h else 0

        def plans():
            for columns, bands, tight in self._levels():
                self._tighten(tight)
                beside, above = self._portrait_plans(w, h, foot, columns, bands, tight)
                plan = max((beside, above), key=lambda plan: plan[0])
                yield plan[0], plan
        _, form, arrangement, tools, (cw, ch, _), stack_w, tight = self._best(plans())
        self.tools.arrange(*arrangement)
        self._tighten(tight)
        if bottom_h:
            self.bottom.setGeometry(0, h - bottom_h, w, bottom_h)
        if form == "beside":
            self.tools.setGeometry(0, 0, tools.width(), tools.height())
            self.canvas.setGeometry(tools.width() + g, 0, w - tools.width() - g, ch)
            used = max(ch, tools.height())
        else:
            tw = min(tools.width(), w)
            self.tools.setGeometry((w - tw) // 2, 0, tw, tools.height())
            self.canvas.setGeometry(0, tools.height() + g, w, ch)
            used = tools.height() + g + ch
        lower_y = used + g
        lower_h = h - foot - lower_y
        picture_w = w - stack_w - g
        self.picture.setGeometry(0, lower_y, picture_w,
                                 min(lower_h, self._picture_height_for(picture_w)))
        self._stack(picture_w + g, lower_y, stack_w, lower_h, picture_first=False,
                    cards_max=round(h * PORTRAIT_CARDS))

    def _portrait_plans(self, w: int, h: int, foot: int, columns: tuple, bands: tuple,
                        tight: int) -> tuple:
        """The tools beside the canvas or as a band above it, with `foot` px for today's
        challenge: ((page area, "beside" | "above", tool arrangement, tools' size, canvas fit,
        stack width, tight), ...) for both."""
        g = self.gap
        stack_w = max(self._side_min_width(), round(w * PORTRAIT_STACK))
        cards_h = self.styles.arrange(stack_w, round(h * PORTRAIT_CARDS)).height()
        lower_min = max(self.actions.sizeHint().height() + cards_h
                        + self._helper_need(stack_w) + 2 * g, PICTURE_MIN)
        room = h - foot - lower_min - g            # for the tools and the canvas
        column = self.tools.fit_height(room, columns)
        beside = self._page_fit(w - column.width() - g, room)
        # Tools that do not fit score by how far they stick out: the least wins when none fit.
        beside_plan = (beside[2] if column.height() <= room else room - column.height(), "beside",
                       self.tools.arrangement, column, beside, stack_w, tight)
        band = self.tools.fit_width(w, bands)
        above = self._page_fit(w, room - band.height() - g)
        above_plan = (above[2] if band.width() <= w else w - band.width(), "above",
                      self.tools.arrangement, band, above, stack_w, tight)
        return beside_plan, above_plan
