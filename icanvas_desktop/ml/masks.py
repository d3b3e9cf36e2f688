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

    Whole-array numpy, no Python loop per run: this runs several times on every live preview,
    and the earlier union-find in Python cost as much as a third of the network's forward pass.
    Labels are numbered in reading order of each region's first pixel."""
    h, w = free.shape
    wide = w + 1
    pad = np.zeros((h, w + 2), np.int8)
    pad[:, 1:-1] = free
    # +1 where a run starts, -1 just past its end; in each row they alternate, start first,
    # so one scan for changes finds both (two scans, one per sign, cost twice as much).
    flat = np.flatnonzero(np.diff(pad, axis=1))
    if len(flat) == 0:
        return np.zeros((h, w), np.int32), 0
    rows, cols = np.divmod(flat, wide)
    rows, starts, ends = rows[0::2], cols[0::2], cols[1::2]
    n = len(rows)
    # Runs come sorted by (row, start), so a key row * wide + column orders them globally.
    # The runs of the row above that touch run j are one contiguous block: those that end
    # after j starts and start before j ends. Two searchsorted calls find every block.
    above = (rows - 1) * wide
    lo = np.searchsorted(rows * wide + ends, above + starts, side="right")
    hi = np.searchsorted(rows * wide + starts, above + ends, side="left")
    count = np.where(rows > 0, np.maximum(hi - lo, 0), 0)
    a = np.repeat(np.arange(n), count)                      # run j ...
    b = np.repeat(lo - np.cumsum(count) + count, count) + np.arange(count.sum())  # ... touches run b
    # Hook and compress: each touching pair whose roots differ hangs the larger root under the
    # smaller, then every run points straight at its root. A few rounds even for a spiral
    # (passing the smaller label along one step a round took 20 to 46 on a child's drawing),
    # and each region's root is its first run, as before.
    root = np.arange(n)
    while True:
        ra, rb = root[a], root[b]
        split = ra != rb
        if not split.any():
            break
        ra, rb = ra[split], rb[split]
        np.minimum.at(root, np.maximum(ra, rb), np.minimum(ra, rb))
        while True:
            up = root[root]
            if (up == root).all():
                break
            root = up
    is_root = root == np.arange(n)
    run_label = np.cumsum(is_root, dtype=np.int32)[root]
    # Paint: the runs and the walls between them, in reading order, as one np.repeat.
    s_flat, e_flat = rows * w + starts, rows * w + ends
    lengths = np.empty(2 * n + 1, np.int64)
    lengths[0] = s_flat[0]
    lengths[1:-1:2] = e_flat - s_flat
    lengths[2:-1:2] = s_flat[1:] - e_flat[:-1]
    lengths[-1] = h * w - e_flat[-1]
    values = np.zeros(2 * n + 1, np.int32)
    values[1:-1:2] = run_label
    return np.repeat(values, lengths).reshape(h, w), int(is_root.sum())


def members(labels: np.ndarray, ids) -> np.ndarray:
    """Where `labels` (>= 0) is one of `ids`. The enclosed shapes' ids are often one run of
    numbers, and then two comparisons cost a third of np.isin; otherwise one look-up a pixel
    (np.isin's cost varies with how the labels lie). This runs several times a preview."""
    ids = np.unique(np.asarray(ids, np.int64))
    if len(ids) and ids[-1] - ids[0] + 1 == len(ids):
        return (labels >= ids[0]) & (labels <= ids[-1])
    table = np.zeros(max(int(labels.max()) if labels.size else 0, int(ids[-1]) if len(ids) else 0) + 1, bool)
    table[ids] = True
    return np.take(table, labels)


def border_labels(labels: np.ndarray) -> np.ndarray:
    """The labels (> 0) of the regions that touch the picture's edge: the open paper."""
    border = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    return border[border > 0]


def solid(mask: np.ndarray) -> np.ndarray:
    """The mask with its holes filled: everything the open paper cannot reach.

    Worked out on the mask's box and a pixel of paper round it: all paper outside the box
    reaches the picture's edge, so a hole is a part of the box's paper that does not reach
    the ring, and a small object costs only its own pixels."""
    out = np.zeros(mask.shape, bool)
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    if len(rows) == 0:
        return out
    y0, y1 = max(0, rows[0] - 1), min(mask.shape[0], rows[-1] + 2)
    x0, x1 = max(0, cols[0] - 1), min(mask.shape[1], cols[-1] + 2)
    box = mask[y0:y1, x0:x1]
    labels, n = label_regions(~box)
    hole = np.ones(n + 1, bool)
    hole[0] = False
    hole[border_labels(labels)] = False
    out[y0:y1, x0:x1] = box | hole[labels]
    return out
