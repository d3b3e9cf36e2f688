"""What the eraser rubbed out, as geometry: lines and hints cut to what the child still sees.

The canvas paints an eraser stroke over the lines (core/raster.py does the same), which is
exact at the child's own pen widths. But the engine re-renders every line at one canonical
width, often wider than the pen, and a wide line drawn whole reappears around a thin eraser's
path; and "is the page empty?" cannot be answered from strokes that are still all there.
`rubbed_out` answers both: each line and hint is cut to the parts no later eraser stroke
covers completely. numpy only, no Qt.
"""

from __future__ import annotations

import math
import threading
from typing import Sequence

import numpy as np

from icanvas_desktop.core.strokes import ERASE, HINT, LINE, Point, Stroke


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
        near = [seg for eb, seg in later if _overlap(box, eb)]
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


def _overlap(a: tuple | None, b: tuple | None) -> bool:
    return bool(a and b) and a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def has_untouched(strokes: Sequence[Stroke], kind: str) -> bool:
    """Is some stroke of `kind` clear of every eraser drawn after it? Then it is wholly on the
    page, and "is anything there?" needs no geometry (the usual answer, found in microseconds)."""
    later: list[tuple] = []
    for s in reversed(strokes):
        if s.kind == ERASE and s.points:
            later.append(s.bounds())
        elif s.kind == kind and s.points and not any(_overlap(s.bounds(), box) for box in later):
            return True
    return False
