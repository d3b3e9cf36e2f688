"""Strokes as data: the drawing a child makes, with undo/redo, independent of Qt.

The canvas widget only translates input events into calls on `Drawing` and paints what
`Drawing` holds, so every drawing rule (undo, eraser, clear, colour hints) is testable
without a display and can be saved to the gallery and replayed later.

An eraser stroke is kept as the child made it (the gallery replays it); what it rubbed out
is worked out by `core/erasing.py`, so that "is the page empty?" and "where is the drawing?"
see the page as the child sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

LINE = "line"    # black sketch lines: the model's main input
ERASE = "erase"  # removes lines and hints under it, in drawing order
HINT = "hint"    # colour scribbles kept apart from the lines, for styles that take hints
KINDS = (LINE, ERASE, HINT)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    pressure: float = 1.0
    t: float = 0.0  # seconds since the drawing started; lets the gallery replay a drawing

    def to_dict(self) -> dict:
        return {"x": self.x, "y": self.y, "pressure": self.pressure, "t": self.t}

    @staticmethod
    def from_dict(d: dict) -> "Point":
        return Point(float(d["x"]), float(d["y"]), float(d.get("pressure", 1.0)), float(d.get("t", 0.0)))


@dataclass
class Stroke:
    points: list[Point] = field(default_factory=list)
    width: float = 8.0                     # nominal pen width in canvas pixels, at pressure 1
    kind: str = LINE
    color: tuple[int, int, int] = (0, 0, 0)  # only meaningful for HINT strokes

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown stroke kind {self.kind!r}")
        self.color = tuple(int(c) for c in self.color)  # type: ignore[assignment]

    def width_at(self, i: int) -> float:
        """Width under point i: pressure scales the pen, never below a visible hairline."""
        return max(1.0, self.width * max(0.05, min(1.0, self.points[i].pressure)))

    def bounds(self, with_width: bool = True) -> tuple[float, float, float, float] | None:
        if not self.points:
            return None
        pad = self.width / 2 if with_width else 0.0
        xs = [p.x for p in self.points]
        ys = [p.y for p in self.points]
        return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad

    def to_dict(self) -> dict:
        return {"kind": self.kind, "width": self.width, "color": list(self.color),
                "points": [p.to_dict() for p in self.points]}

    @staticmethod
    def from_dict(d: dict) -> "Stroke":
        return Stroke(points=[Point.from_dict(p) for p in d.get("points", [])],
                      width=float(d.get("width", 8.0)), kind=str(d.get("kind", LINE)),
                      color=tuple(d.get("color", (0, 0, 0))))


@dataclass
class Page:
    """One child's page: the finished strokes with their undo and redo history."""
    strokes: list[Stroke] = field(default_factory=list)
    undo: list[list[Stroke]] = field(default_factory=list)
    redo: list[list[Stroke]] = field(default_factory=list)


class Drawing:
    """An ordered list of strokes with an undo history.

    History is a list of snapshots of the stroke list (strokes are shared, never mutated
    after they end), so undo/redo of a clear is as cheap and exact as undo of a stroke.
    Listeners are called after every change; the UI uses this to repaint and to ask for a
    fresh preview.
    """

    def __init__(self, width: int = 1024, height: int = 768, strokes: Iterable[Stroke] = ()):
        self.width = int(width)
        self.height = int(height)
        self._strokes: list[Stroke] = list(strokes)
        self._undo: list[list[Stroke]] = []
        self._redo: list[list[Stroke]] = []
        self._current: Stroke | None = None
        self.revision = 0  # bumps on every change; lets workers drop stale requests
        self._listeners: list[Callable[[], None]] = []

    # -- observation -------------------------------------------------------------------------
    def subscribe(self, fn: Callable[[], None]) -> None:
        self._listeners.append(fn)

    def _changed(self) -> None:
        self.revision += 1
        for fn in list(self._listeners):
            fn()

    @property
    def strokes(self) -> list[Stroke]:
        """Finished strokes plus the one being drawn, in drawing order."""
        return self._strokes + ([self._current] if self._current else [])

    @property
    def current(self) -> Stroke | None:
        return self._current

    def visible(self) -> list[Stroke]:
        """The page as the child sees it: `erasing.rubbed_out(self.strokes)`."""
        from icanvas_desktop.core.erasing import rubbed_out   # erasing builds on this module
        return rubbed_out(self.strokes)

    def is_empty(self) -> bool:
        """No line to be seen (strokes rubbed out completely count as none)."""
        return not self._shows(LINE)

    def has_hints(self) -> bool:
        return self._shows(HINT)

    def _shows(self, kind: str) -> bool:
        from icanvas_desktop.core.erasing import has_untouched
        strokes = self.strokes
        if has_untouched(strokes, kind):     # the usual case: no geometry needed
            return True
        return any(s.kind == kind and s.points for s in self.visible())

    def bounds(self, with_width: bool = True) -> tuple[float, float, float, float] | None:
        """Bounding box of everything to be seen (lines and hints), or None on an empty page.
        `with_width=False` gives the box of the pen's path alone, whatever the pen size."""
        boxes = [b for s in self.visible() if s.kind != ERASE for b in [s.bounds(with_width)] if b]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))

    # -- drawing -------------------------------------------------------------------------------
    def begin_stroke(self, point: Point, width: float, kind: str = LINE,
                     color: tuple[int, int, int] = (0, 0, 0)) -> None:
        if self._current is not None:
            self.end_stroke()
        self._current = Stroke([point], width=width, kind=kind, color=color)
        self._changed()

    def extend_stroke(self, point: Point) -> None:
        if self._current is None:
            return
        last = self._current.points[-1]
        if (last.x, last.y) == (point.x, point.y) and last.pressure == point.pressure:
            return  # tablets repeat points at rest; they add nothing but weight
        self._current.points.append(point)
        self._changed()

    def end_stroke(self) -> Stroke | None:
        stroke, self._current = self._current, None
        if stroke is None:
            return None
        self._push_history()
        self._strokes.append(stroke)
        self._changed()
        return stroke

    def add_stroke(self, stroke: Stroke) -> None:
        """Add a finished stroke in one step (used by replay, tests and loading)."""
        self._push_history()
        self._strokes.append(stroke)
        self._changed()

    def clear(self) -> bool:
        """Empty the page; undo brings everything back. Returns False if already empty."""
        self._current = None
        if not self._strokes:
            return False
        self._push_history()
        self._strokes = []
        self._changed()
        return True

    def load(self, strokes: Iterable[Stroke]) -> None:
        """Replace the page with saved strokes, as a fresh start without history."""
        self.turn_to(Page(list(strokes)))

    def replace(self, strokes: Iterable[Stroke]) -> None:
        """Put other strokes on the page (a creation to keep drawing); undo brings back what
        was there. From an empty page there is nothing to bring back, so no history step."""
        self._current = None
        if self._strokes:
            self._push_history()
        self._strokes = list(strokes)
        self._changed()

    def page(self) -> Page:
        """The finished strokes and their history (a stroke still being drawn is not in it)."""
        return Page(list(self._strokes), [list(u) for u in self._undo], [list(r) for r in self._redo])

    def turn_to(self, page: Page) -> None:
        """Show another page (another child's) with its own history, and only that."""
        self._current = None
        self._strokes = list(page.strokes)
        self._undo = [list(u) for u in page.undo]
        self._redo = [list(r) for r in page.redo]
        self._changed()

    # -- history -------------------------------------------------------------------------------
    def _push_history(self) -> None:
        self._undo.append(list(self._strokes))
        self._redo.clear()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> bool:
        if self._current is not None:
            self.end_stroke()
        if not self._undo:
            return False
        self._redo.append(self._strokes)
        self._strokes = self._undo.pop()
        self._changed()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._strokes)
        self._strokes = self._redo.pop()
        self._changed()
        return True

    def snapshot(self) -> "Drawing":
        """A frozen copy for another thread: the stroke in progress is copied, not shared."""
        strokes = list(self._strokes)
        if self._current is not None:
            c = self._current
            strokes.append(Stroke(list(c.points), c.width, c.kind, c.color))
        copy = Drawing(self.width, self.height, strokes)
        copy.revision = self.revision
        return copy

    # -- persistence ---------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"width": self.width, "height": self.height,
                "strokes": [s.to_dict() for s in self._strokes]}

    @staticmethod
    def from_dict(d: dict) -> "Drawing":
        return Drawing(int(d.get("width", 1024)), int(d.get("height", 768)),
                       [Stroke.from_dict(s) for s in d.get("strokes", [])])
