"""Colours stay put: a shape the child did not touch keeps the colour Magic colours gave it.

Magic colours guesses each closed shape's colour from the whole object around it and from how
the drawing is framed, so one small stroke elsewhere (a bird beside the house, a dash at the
foot of the page) could turn a yellow house blue and its roof yellow. The engine therefore
remembers, after each render, which colour each shape was given and where the shape lay on the
page; in the next render a shape that lies where a remembered one lay (the same pixels of the
page, give or take the re-framing) takes the remembered colour instead of a new guess. A shape
the child changed (it grew, it split, it was erased) no longer matches and is guessed afresh, and
so is every shape of an object the child changed: a crown drawn first is a circle (red), and
the trunk drawn under it makes it a tree, whose crown must be guessed again (green). An object
changed when its frame on the page moved or grew (a trunk, a tail, a roof joined to it).

Shapes are compared on the page, not in the model's square: the square follows the drawing's
bounds, so a far-away stroke rescales and shifts every shape in it. The memory holds only while
the drawing goes on: a render that shares no stroke with the last one (a new page, another
creation reopened, a contact sheet's next sketch) is guessed afresh. Pure numpy.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

GRID = 160          # the page is compared on a grid this many cells along its long side
MIN_IOU = 0.7       # a shape matches a remembered one when they overlap this well (and best)
MIN_FRAME_IOU = 0.8  # ... and its object's frame on the page overlaps the remembered one's this well


def page_labels(labels: np.ndarray, crop: tuple[float, float, float], page: tuple[int, int]) -> np.ndarray:
    """The model-square `labels` (S, S) laid back onto a grid over the page (w, h): each cell
    takes the label under its centre, 0 outside the square."""
    w, h = page
    s = labels.shape[0]
    k = GRID / max(w, h)
    gw, gh = max(1, round(w * k)), max(1, round(h * k))
    x0, y0, side = crop
    jx = np.floor(((np.arange(gw) + 0.5) / k - x0) / side * s).astype(np.int64)
    jy = np.floor(((np.arange(gh) + 0.5) / k - y0) / side * s).astype(np.int64)
    out = labels[np.clip(jy, 0, s - 1)[:, None], np.clip(jx, 0, s - 1)[None, :]]
    inside = ((jy >= 0) & (jy < s))[:, None] & ((jx >= 0) & (jx < s))[None, :]
    return np.where(inside, out, 0)


def stroke_keys(strokes) -> frozenset:
    """A fingerprint of each stroke (kind, length, where and when it began), to tell a drawing
    that goes on from a different one without comparing every point."""
    return frozenset((s.kind, len(s.points), round(s.points[0].x, 2), round(s.points[0].y, 2),
                      round(s.points[0].t, 3)) for s in strokes if s.points)


class ColourMemory:
    """The colours of the last render's guessed shapes, on the page."""

    def __init__(self) -> None:
        self._labels: np.ndarray | None = None      # page grid of the remembered shapes' labels
        self._colours: dict[int, tuple[int, int, int]] = {}
        self._frames: dict[int, tuple[float, float, float] | None] = {}   # each shape's object, on the page
        self._strokes: frozenset = frozenset()

    def clear(self) -> None:
        self._labels, self._colours, self._frames, self._strokes = None, {}, {}, frozenset()

    def recall(self, guesses: list, labels: np.ndarray, crop, page, strokes: frozenset = frozenset()) -> list:
        """`guesses` (colour_guess.Guess, with the labels of `labels`) with the remembered colour
        for every shape that matches a remembered one; then remembers this render's. `strokes`
        (`stroke_keys` of the drawing): with none in common with the last render's, nothing
        is recalled."""
        now = page_labels(labels, crop, page)
        goes_on = not (strokes or self._strokes) or bool(strokes & self._strokes)
        x0, y0, side = crop
        k = side / labels.shape[0]
        frames = {g.label: None if g.frame is None else (x0 + g.frame[0] * k, y0 + g.frame[1] * k, g.frame[2] * k)
                  for g in guesses}
        matched = self._match(now, [g.label for g in guesses]) if goes_on else {}
        matched = {lab: (rgb, old) for lab, (rgb, old) in matched.items()
                   if _same_object(frames[lab], self._frames.get(old))}
        out = [replace(g, rgb=matched[g.label][0]) if g.label in matched else g for g in guesses]
        self._labels, self._colours, self._strokes = now, {g.label: g.rgb for g in out}, strokes
        self._frames = frames
        return out

    def _match(self, now: np.ndarray, wanted: list[int]) -> dict[int, tuple[tuple[int, int, int], int]]:
        """{label now: (remembered colour, remembered label)} for the shapes that are the best
        match of each other."""
        old = self._labels
        if old is None or old.shape != now.shape or not self._colours or not wanted:
            return {}
        a, b = now.ravel(), old.ravel()
        na, nb = int(a.max()) + 1, int(b.max()) + 1
        both = np.bincount(a * nb + b, minlength=na * nb).reshape(na, nb)
        area_a, area_b = both.sum(1), both.sum(0)
        found = {}
        for lab in wanted:
            if lab <= 0 or lab >= na:
                continue
            row = both[lab].copy()
            row[0] = 0
            cand = int(np.argmax(row))
            if cand not in self._colours or row[cand] == 0:
                continue
            iou = row[cand] / (area_a[lab] + area_b[cand] - row[cand])
            col = both[:, cand].copy()
            col[0] = 0
            if iou >= MIN_IOU and int(np.argmax(col)) == lab:
                found[lab] = (self._colours[cand], cand)
        return found


def _same_object(a, b) -> bool:
    """Whether two object frames (x0, y0, side) on the page overlap well (unknown ones do)."""
    if a is None or b is None:
        return True
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[2], b[1] + b[2]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / max(a[2] ** 2 + b[2] ** 2 - inter, 1e-9) >= MIN_FRAME_IOU
