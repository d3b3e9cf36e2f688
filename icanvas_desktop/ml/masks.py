"""Masks of a picture: which pixels are lines, and the connected parts of a mask.

The one place that says what counts as a line (`LINE_INK`) and how connected parts are found;
shared by the shapes (`regions`), the gap bridges (`gaps`), the photo's sheet (`paper`) and
Magic colours, which all need the same answers. Whole-array numpy, no OpenCV in the installed app.
"""

from __future__ import annotations

import numpy as np

# Ink at or above this (of the model input's ink, 0 = paper, 1 = full line) is a line. The
# canonical pen is anti-aliased: its faint fringe is not a wall between two shapes.
LINE_INK = 0.35


def lines_of(ink: np.ndarray) -> np.ndarray:
    """The line pixels of an ink map in [0, 1]."""
    return ink > LINE_INK


def label_regions(free: np.ndarray) -> tuple[np.ndarray, int]:
    """4-connected labels of True pixels: (labels with 0 for walls, number of labels).

    Whole-array numpy, no Python loop per run: this runs twice on every live preview, and
    the earlier union-find in Python cost as much as a third of the network's forward pass."""
    h, w = free.shape
    wide = w + 2
    pad = np.zeros((h, wide), bool)
    pad[:, 1:-1] = free
    d = np.diff(pad.view(np.int8), axis=1)
    rows, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)
    n = len(rows)
    if n == 0:
        return np.zeros((h, w), np.int32), 0
    # Runs come sorted by (row, start), so a key row * wide + column orders them globally.
    # The runs of the row above that touch run j are one contiguous block: those that end
    # after j starts and start before j ends. Two searchsorted calls find every block.
    above = (rows - 1) * wide
    lo = np.searchsorted(rows * wide + ends, above + starts, side="right")
    hi = np.searchsorted(rows * wide + starts, above + ends, side="left")
    count = np.where(rows > 0, np.maximum(hi - lo, 0), 0)
    a = np.repeat(np.arange(n), count)                      # run j ...
    b = np.repeat(lo - np.cumsum(count) + count, count) + np.arange(count.sum())  # ... touches run b
    # Min-label propagation with pointer jumping: a handful of rounds even for a spiral.
    lab = np.arange(n)
    while True:
        m = np.minimum(lab[a], lab[b])
        new = lab.copy()
        np.minimum.at(new, a, m)
        np.minimum.at(new, b, m)
        new = new[new[new]]
        if np.array_equal(new, lab):
            break
        lab = new
    uniq, compact = np.unique(lab, return_inverse=True)
    run_label = (compact + 1).astype(np.int32)
    # Paint the runs: +label where a run starts, -label where it ends, summed along the row.
    acc = np.zeros((h, wide), np.int32)
    np.add.at(acc, (rows, starts), run_label)
    np.add.at(acc, (rows, ends), -run_label)
    return np.cumsum(acc, axis=1, dtype=np.int32)[:, :w], len(uniq)


def border_labels(labels: np.ndarray) -> np.ndarray:
    """The labels (> 0) of the regions that touch the picture's edge: the open paper."""
    border = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    return border[border > 0]


def solid(mask: np.ndarray) -> np.ndarray:
    """The mask with its holes filled: everything the open paper cannot reach."""
    labels, _ = label_regions(~mask)
    return mask | ~np.isin(labels, border_labels(labels)) & (labels > 0)
