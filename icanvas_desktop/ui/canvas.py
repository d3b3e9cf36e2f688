"""The drawing canvas: turns mouse, touch and pen-tablet input into `Drawing` strokes and paints them.

The model's coordinates are logical pixels of a fixed page (the Drawing's width x height),
scaled to fit the widget, so resizing never loses or distorts a stroke. Finished and in-progress
strokes are painted into two cached layer images (black lines, colour hints); each new input
point only paints its own new segment into those layers, so a paint costs O(new points), not
O(all strokes). The layers are rebuilt from the model only on rare whole-page changes
(undo, redo, clear, load, resize).
"""

from __future__ import annotations


import time

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QPen,
                           QPointingDevice, QResizeEvent, QTabletEvent, QTouchEvent)
from PySide6.QtWidgets import QSizePolicy, QWidget

from icanvas_desktop.core.strokes import ERASE, HINT, LINE, Drawing, Point, Stroke

PEN, ERASER, HINT_BRUSH = "pen", "eraser", "hint"
TOOLS = (PEN, ERASER, HINT_BRUSH)

# Pen sizes in page pixels (a 1024x768 page). Eraser and hint brush are wider at the same
# size step: children rub out and colour in with broad movements.
PEN_SIZES = {"thin": 4.0, "medium": 9.0, "thick": 18.0}
_ERASER_FACTOR = 3.0
_HINT_FACTOR = 3.0
HINT_OPACITY = 0.5  # hints show through, so the black sketch stays the main thing

_BACKGROUND = QColor("#fdf3e1")
PAGE_MARGIN = 8.0   # px of background around the page, so its border never touches the edge
_PAGE_BORDER = QColor("#e0cfae")


class CanvasWidget(QWidget):
    """Paints a `Drawing` and edits it from pointer input.

    Signals: `stroke_started()`, `stroke_moved()` (throttle-friendly: emitted per input event
    while drawing) and `stroke_finished()`; the main window uses them to schedule previews.
    """

    stroke_started = Signal()
    stroke_moved = Signal()
    stroke_finished = Signal()

    def __init__(self, drawing: Drawing, parent: QWidget | None = None):
        super().__init__(parent)
        self.drawing = drawing
        self.tool = PEN
        self.pen_size = "medium"
        self.hint_color: tuple[int, int, int] = (255, 89, 94)
        self._t0: float | None = None
        self._lines = QImage()
        self._hints = QImage()
        self._layer_strokes: list[Stroke] = []  # strokes painted into the layers, in order
        self._live: Stroke | None = None         # stroke being painted point by point
        self._live_painted = 0                   # how many of its points are in the layers
        self._touch_id: int | None = None        # the one finger that draws
        self._pointer_down = False
        self._blank = self._page_is_blank()        # shows the "Draw here!" invitation
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Drawing page"))
        self.setAccessibleDescription(self.tr("Draw here with the mouse, a finger or a pen."))
        drawing.subscribe(self._on_model_changed)

    # -- tools -------------------------------------------------------------------------------
    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(f"unknown tool {tool!r}")
        self.tool = tool

    def set_pen_size(self, size: str) -> None:
        if size not in PEN_SIZES:
            raise ValueError(f"unknown pen size {size!r}")
        self.pen_size = size

    def set_hint_color(self, rgb: tuple[int, int, int]) -> None:
        self.hint_color = tuple(int(c) for c in rgb)  # type: ignore[assignment]

    def stroke_width(self, tool: str | None = None) -> float:
        tool = tool or self.tool
        base = PEN_SIZES[self.pen_size]
        return base * {PEN: 1.0, ERASER: _ERASER_FACTOR, HINT_BRUSH: _HINT_FACTOR}[tool]

    # -- geometry ------------------------------------------------------------------------------
    def page_rect(self) -> QRectF:
        """Where the page lies in widget coordinates: as large as fits, centred."""
        margin = PAGE_MARGIN
        w, h = self.width() - 2 * margin, self.height() - 2 * margin
        scale = max(1e-3, min(w / self.drawing.width, h / self.drawing.height))
        pw, ph = self.drawing.width * scale, self.drawing.height * scale
        return QRectF((self.width() - pw) / 2, (self.height() - ph) / 2, pw, ph)

    def scale(self) -> float:
        return self.page_rect().width() / self.drawing.width

    def to_page(self, pos: QPointF) -> tuple[float, float]:
        r = self.page_rect()
        s = r.width() / self.drawing.width
        x = (pos.x() - r.x()) / s
        y = (pos.y() - r.y()) / s
        # Strokes that leave the page keep going along its edge instead of being lost.
        return (min(max(x, 0.0), float(self.drawing.width)),
                min(max(y, 0.0), float(self.drawing.height)))

    def to_widget(self, x: float, y: float) -> QPointF:
        r = self.page_rect()
        s = r.width() / self.drawing.width
        return QPointF(r.x() + x * s, r.y() + y * s)

    # -- pointer input (shared by mouse, touch and tablet) ---------------------------------------
    def _start_clock(self) -> None:
        now = time.monotonic()
        if not self.drawing.strokes:
            self._t0 = now  # an empty page starts the clock again
        elif self._t0 is None:
            # A loaded drawing: continue after its last time stamp, so replay stays in order.
            last = max((p.t for s in self.drawing.strokes for p in s.points[-1:]), default=0.0)
            self._t0 = now - last

    def _now(self) -> float:
        return time.monotonic() - (self._t0 or 0.0)

    def press(self, pos: QPointF, pressure: float = 1.0, tool: str | None = None) -> None:
        tool = tool or self.tool
        x, y = self.to_page(pos)
        kind = {PEN: LINE, ERASER: ERASE, HINT_BRUSH: HINT}[tool]
        color = self.hint_color if kind == HINT else (0, 0, 0)
        self._pointer_down = True
        self._start_clock()
        self.drawing.begin_stroke(Point(x, y, pressure, self._now()), self.stroke_width(tool),
                                  kind, color)
        self.stroke_started.emit()

    def move(self, pos: QPointF, pressure: float = 1.0) -> None:
        if not self._pointer_down:
            return
        x, y = self.to_page(pos)
        self.drawing.extend_stroke(Point(x, y, pressure, self._now()))
        self.stroke_moved.emit()

    def release(self, pos: QPointF | None = None, pressure: float | None = None) -> None:
        if not self._pointer_down:
            return
        if pos is not None:
            x, y = self.to_page(pos)
            cur = self.drawing.current
            p = pressure if pressure is not None else (cur.points[-1].pressure if cur else 1.0)
            self.drawing.extend_stroke(Point(x, y, p, self._now()))
        self._pointer_down = False
        self.drawing.end_stroke()
        self.stroke_finished.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._pointer_down:
            self.press(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.move(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.release(event.position())
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting tablet events stops Qt from also synthesising mouse events for them.
        pressure = float(event.pressure())
        t = event.type()
        if t == QEvent.Type.TabletPress:
            eraser_end = event.pointerType() == QPointingDevice.PointerType.Eraser
            self.press(event.position(), pressure, ERASER if eraser_end else None)
        elif t == QEvent.Type.TabletMove:
            self.move(event.position(), pressure)
        elif t == QEvent.Type.TabletRelease:
            self.release(event.position(), pressure)
        event.accept()

    def event(self, event: QEvent) -> bool:
        t = event.type()
        if t in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                 QEvent.Type.TouchCancel):
            self._touch(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        event.accept()
        if event.type() == QEvent.Type.TouchCancel:
            self._touch_id = None
            self.release()
            return
        for point in event.points():
            # One finger draws; a palm or a second finger resting on the screen is ignored.
            if self._touch_id is None and point.state() == point.State.Pressed \
                    and not self._pointer_down:
                self._touch_id = point.id()
                self.press(point.position())
            elif point.id() == self._touch_id:
                if point.state() == point.State.Released:
                    self._touch_id = None
                    self.release(point.position())
                elif point.state() == point.State.Updated:
                    self.move(point.position())

    # -- model -> layers -----------------------------------------------------------------------
    def _on_model_changed(self) -> None:
        cur = self.drawing.current
        if cur is not None and cur is self._live:
            self._paint_live()  # the hot path: only the new points of the stroke being drawn
            return
        strokes = self.drawing.strokes
        old = self._layer_strokes
        appended = len(strokes) >= len(old) and all(a is b for a, b in zip(strokes, old))
        if appended and not self._lines.isNull():
            for stroke in strokes[len(old):]:
                self._live, self._live_painted = stroke, 0
                self._layer_strokes.append(stroke)
                self._paint_live()
            if cur is None:
                self._live = None
        else:
            self.rebuild_layers()
        blank = self._page_is_blank()
        if blank != self._blank:
            self._blank = blank
            self.update()      # the "Draw here!" invitation comes or goes: the whole page

    def _page_is_blank(self) -> bool:
        """Nothing to be seen: never drawn on, or rubbed out clean (`Drawing.is_empty`). Asked
        when a stroke starts or ends, not per point."""
        cur = self.drawing.current
        if cur is not None and cur.kind != ERASE:
            return False
        return self.drawing.is_empty() and not self.drawing.has_hints()

    def rebuild_layers(self) -> None:
        """Repaint both layers from the model: after undo, redo, clear, load or a resize."""
        r = self.page_rect()
        dpr = self.devicePixelRatioF()
        size = (max(1, round(r.width() * dpr)), max(1, round(r.height() * dpr)))
        for attr in ("_lines", "_hints"):
            image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(Qt.GlobalColor.transparent)
            setattr(self, attr, image)
        self._layer_strokes = []
        self._live = None
        for stroke in self.drawing.strokes:
            self._live, self._live_painted = stroke, 0
            self._layer_strokes.append(stroke)
            self._paint_live(update=False)
        self._live = self.drawing.current
        self.update()

    def _paint_live(self, update: bool = True) -> None:
        stroke = self._live
        if stroke is None or self._lines.isNull():
            return
        pts = stroke.points
        start = self._live_painted
        if start >= len(pts):
            return
        s = self.scale()
        targets = {LINE: [self._lines], HINT: [self._hints], ERASE: [self._lines, self._hints]}
        for image in targets[stroke.kind]:
            p = QPainter(image)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.scale(s, s)
            if stroke.kind == ERASE:
                # DestinationOut with an opaque pen removes exactly what it covers, with soft
                # antialiased edges, from lines and hints alike.
                p.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOut)
                color = QColor(0, 0, 0)
            else:
                color = QColor(*stroke.color) if stroke.kind == HINT else QColor(0, 0, 0)
            for i in range(start, len(pts)):
                if i == 0:
                    p.setPen(_pen(color, stroke.width_at(0)))
                    p.drawPoint(QPointF(pts[0].x, pts[0].y))
                else:
                    w = (stroke.width_at(i - 1) + stroke.width_at(i)) / 2
                    p.setPen(_pen(color, w))
                    p.drawLine(QPointF(pts[i - 1].x, pts[i - 1].y), QPointF(pts[i].x, pts[i].y))
            p.end()
        self._live_painted = len(pts)
        if update:
            lo = max(0, start - 1)
            xs = [q.x for q in pts[lo:]]
            ys = [q.y for q in pts[lo:]]
            pad = stroke.width / 2 + 2
            a = self.to_widget(min(xs) - pad, min(ys) - pad)
            b = self.to_widget(max(xs) + pad, max(ys) + pad)
            self.update(QRectF(a, b).toAlignedRect().adjusted(-2, -2, 2, 2))

    # -- Qt painting ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.rebuild_layers()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._lines.isNull():
            self.rebuild_layers()
        p = QPainter(self)
        clip = event.rect()
        p.fillRect(clip, _BACKGROUND)
        page = self.page_rect()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(_PAGE_BORDER, 3))
        p.setBrush(QColor("white"))
        p.drawRect(page.adjusted(-1.5, -1.5, 1.5, 1.5))
        # Only the damaged part of each layer is copied: painting stays proportional to the
        # region the new segment touched.
        target = QRectF(clip).intersected(page)
        if not target.isEmpty():
            dpr = self._lines.devicePixelRatio()
            source = QRectF((target.x() - page.x()) * dpr, (target.y() - page.y()) * dpr,
                            target.width() * dpr, target.height() * dpr)
            p.setOpacity(HINT_OPACITY)
            p.drawImage(target, self._hints, source)
            p.setOpacity(1.0)
            p.drawImage(target, self._lines, source)
        if self._blank:
            self._paint_invitation(p, page)
        p.end()

    def _paint_invitation(self, p: QPainter, page: QRectF) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(14.0, page.height() / 18))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor(190, 178, 160))
        p.drawText(page, Qt.AlignmentFlag.AlignCenter, self.tr("Draw here!"))

    def layer_images(self) -> tuple[QImage, QImage]:
        """The cached (lines, hints) layers; for tests and the self-test."""
        return self._lines, self._hints


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen

