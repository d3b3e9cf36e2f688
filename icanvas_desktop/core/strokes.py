"""Strokes as data: the drawing a child makes, with undo/redo, independent of Qt.

The canvas widget only translates input events into calls on `Drawing` and paints what
`Drawing` holds, so every drawing rule (undo, eraser, clear, colour hints) is testable
without a display and can be saved to the gallery and replayed later.

An eraser stroke is kept as the child made it (the gallery replays it), but what it rubbed
out is geometry too: `rubbed_out` cuts every line and hint to the parts no later eraser
covers, so "is the page empty?", "where is the drawing?" and the engine's re-rendering of the
lines at its own width all see the page as the child sees it (`core/raster.py` draws the
cut pieces, then the erasers over them for the exact edges).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np

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


def pen_widths(width: float, pressures) -> np.ndarray:
    """`Stroke.width_at` for many pressures at once."""
    return np.maximum(1.0, width * np.clip(np.asarray(pressures, np.float64), 0.05, 1.0))


# -- rubbing out ---------------------------------------------------------------------------------
_RING = np.stack([np.cos(np.arange(8) * math.pi / 4), np.sin(np.arange(8) * math.pi / 4)], -1)


def _eraser_segments(stroke: Stroke) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Starts, ends and radii of an eraser's segments (a single dab is a segment of length 0).
    A segment's radius is the smaller of its two ends': it never claims more than it rubbed."""
    xy = np.array([(p.x, p.y) for p in stroke.points], np.float64)
    r = pen_widths(stroke.width, [p.pressure for p in stroke.points]) / 2
    if len(xy) == 1:
        return xy, xy, r
    return xy[:-1], xy[1:], np.minimum(r[:-1], r[1:])


def _distance(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance from each point p[i] to the segment a[i]-b[i]."""
    d = b - a
    rel = p - a
    t = np.clip((rel * d).sum(-1) / np.maximum((d * d).sum(-1), 1e-12), 0.0, 1.0)
    off = rel - t[:, None] * d
    return np.sqrt((off * off).sum(-1))


def _covered(p, r, pi, a, b, reach) -> np.ndarray:
    """Is the pen's disc (centre p[i], radius r[i]) wholly under the eraser, given the pairs
    (pi[k], segment k) worth measuring? Exactly when one segment's capsule holds it (distance
    + r <= eraser radius); where the child rubbed over it in passes none of which holds it
    alone, when its centre and eight points of its edge are each under some pass."""
    n = len(p)

    def under(points, pairs):       # per point: is it under some of its pairs' segments?
        hit = _distance(points, a[pairs], b[pairs]) <= reach[pairs] + 1e-9
        return np.bincount(pi[pairs], hit, minlength=n) > 0

    every = np.arange(len(pi))
    dist = _distance(p[pi], a, b)
    whole = np.bincount(pi, dist + r[pi] <= reach + 1e-9, minlength=n) > 0
    maybe = ~whole & under(p[pi], every)
    if maybe.any():
        pairs = np.flatnonzero(maybe[pi])
        rim = np.ones(n, bool)
        for direction in _RING:
            rim &= under(p[pi[pairs]] + r[pi[pairs], None] * direction, pairs)
        whole |= maybe & rim
    return whole


def _uncovered_pieces(stroke: Stroke, a: np.ndarray, b: np.ndarray, reach: np.ndarray) -> list[Stroke]:
    """The runs of `stroke` that the eraser segments a-b (radius `reach`, all drawn after it)
    leave visible, as strokes; [stroke] itself when they cover none of it."""
    pts = stroke.points
    xy = np.array([(q.x, q.y) for q in pts], np.float64)
    pr = np.array([q.pressure for q in pts], np.float64)
    radius = pen_widths(stroke.width, pr) / 2
    start, end = (xy[:-1], xy[1:]) if len(xy) > 1 else (xy, xy)
    r_seg = np.maximum(radius[:-1], radius[1:]) if len(xy) > 1 else radius
    # Only segments whose box (grown by the pen) meets an eraser segment's (grown by the
    # eraser) can lose anything: the rest of the line is never measured.
    lo, hi = np.minimum(start, end) - r_seg[:, None], np.maximum(start, end) + r_seg[:, None]
    e_lo, e_hi = np.minimum(a, b) - reach[:, None], np.maximum(a, b) + reach[:, None]
    meets = ((lo[:, None, 0] <= e_hi[None, :, 0]) & (e_lo[None, :, 0] <= hi[:, None, 0])
             & (lo[:, None, 1] <= e_hi[None, :, 1]) & (e_lo[None, :, 1] <= hi[:, None, 1]))
    touched = meets.any(1)
    if not touched.any():
        return [stroke]
    # Test points along touched segments, a pen's radius apart: a cut line ends less than a
    # radius short of the eraser's edge (its round cap reaches most of the way), which is all
    # a re-rendering at another width needs; the child's own widths are drawn from the
    # strokes as made, with the erasers over them (`raster`).
    step = max(1.0, float(radius.min()))
    length = np.sqrt(((end - start) ** 2).sum(-1))
    subs = np.where(touched, np.maximum(1, np.ceil(length / step)), 1).astype(int)
    counts = subs.copy()
    if len(xy) > 1:
        counts[-1] += 1                              # the last point, with the last segment
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    seg_of = np.repeat(np.arange(len(counts)), counts)
    frac = (np.arange(counts.sum()) - first[seg_of]) / subs[seg_of]
    idx = np.minimum(seg_of + (frac >= 1), len(xy) - 1)   # the child's point each test starts at
    frac = np.where(frac >= 1, 0.0, frac)
    nxt = np.minimum(idx + 1, len(xy) - 1)
    p = xy[idx] + frac[:, None] * (xy[nxt] - xy[idx])
    pres = pr[idx] + frac * (pr[nxt] - pr[idx])
    # measuring pairs: each test point against the eraser segments its own segment meets
    ks, js = np.nonzero(meets)
    rep = counts[ks]
    pi = np.repeat(first[ks], rep) + np.arange(rep.sum()) - np.repeat(np.cumsum(rep) - rep, rep)
    pj = np.repeat(js, rep)
    gone = _covered(p, pen_widths(stroke.width, pres) / 2, pi, a[pj], b[pj], reach[pj])
    if not gone.any():
        return [stroke]
    tt = np.array([q.t for q in pts], np.float64)
    pieces = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], (~gone).astype(np.int8), [0]])))
    for lo_i, hi_i in zip(edges[::2], edges[1::2]):           # runs [lo_i, hi_i) of kept points
        # the child's own points, as drawn, and a new point at each end an eraser cut
        own = np.flatnonzero(frac[lo_i:hi_i] == 0.0) + lo_i
        run = [pts[idx[j]] if frac[j] == 0.0 else
               Point(float(p[j, 0]), float(p[j, 1]), float(pres[j]),
                     float(tt[idx[j]] + frac[j] * (tt[nxt[j]] - tt[idx[j]])))
               for j in np.union1d(own, [lo_i, hi_i - 1])]
        pieces.append(Stroke(run, stroke.width, stroke.kind, stroke.color))
    return pieces


_cache: list[tuple[list[Stroke], tuple, list[Stroke]]] = []
_cache_lock = threading.Lock()


def rubbed_out(strokes: Sequence[Stroke], kinds: tuple[str, ...] = (LINE, HINT)) -> list[Stroke]:
    """The strokes as the page shows them: each line and hint (of `kinds`) cut to the parts
    that no eraser stroke drawn after it covers completely (a part the eraser only nibbled
    stays whole), the eraser strokes themselves kept in their places. Strokes nothing rubbed
    out are returned as they are. Remembers its last few answers: the UI and the engine ask
    about the same page several times per preview."""
    strokes = list(strokes)
    if not any(s.kind == ERASE and s.points for s in strokes):
        return strokes
    lengths = (kinds,) + tuple(len(s.points) for s in strokes)
    with _cache_lock:
        for key, key_lengths, answer in _cache:
            if key_lengths == lengths and all(x is y for x, y in zip(key, strokes)):
                return list(answer)
    out: list[Stroke] = []
    later: list[tuple[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]]] = []   # (bounds, segments)
    for s in reversed(strokes):
        if s.kind == ERASE:
            if s.points:
                later.append((s.bounds(), _eraser_segments(s)))
            out.append(s)
            continue
        if s.kind not in kinds or not s.points:
            out.append(s)
            continue
        box = s.bounds()
        near = [seg for eb, seg in later if box and eb[0] <= box[2] and box[0] <= eb[2]
                and eb[1] <= box[3] and box[1] <= eb[3]]
        if not near:
            out.append(s)
            continue
        a, b, reach = (np.concatenate(part) for part in zip(*near))
        out.extend(reversed(_uncovered_pieces(s, a, b, reach)))
    out.reverse()
    with _cache_lock:
        _cache.insert(0, (strokes, lengths, out))
        del _cache[8:]
    return list(out)


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
        """The page as the child sees it: `rubbed_out(self.strokes)`."""
        return rubbed_out(self.strokes)

    def is_empty(self) -> bool:
        """No line to be seen (strokes rubbed out completely count as none)."""
        return not any(s.kind == LINE and s.points for s in self.visible())

    def has_hints(self) -> bool:
        return any(s.kind == HINT and s.points for s in self.visible())

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
        self._current = None
        self._strokes = list(strokes)
        self._undo.clear()
        self._redo.clear()
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
