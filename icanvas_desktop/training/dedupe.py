"""Drop colour variants: pictures whose line art is (nearly) the same as another picture's.

Emoji sets draw one outline in many colours: OpenMoji has ten hearts, ten circles and seven
squares that share their line art. Trained with an L1 loss, a network that sees one heart
outline with ten colours learns their average, a pale olive, and that is what a child's heart
got. Keeping one picture per line art lets the outline mean one colour again.

Which one stays: a colourful one before a grey, black or white one (a child's heart should
not learn "white"), then the oldest emoji (fewest code points, then the lowest: the red heart
U+2764 is older than its coloured siblings), which for any data set is simply the first name.
Only the training split is thinned; test figures stay comparable with earlier runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from icanvas_desktop.ml.lines import dilate

FINGERPRINT = 64    # line art compared at 64², widened and pooled so stray pixels hardly count
BLOCK = 1024        # rows of the similarity matrix at a time, so big data sets fit in memory


def fingerprints(lines: np.ndarray, items: np.ndarray, size: int = FINGERPRINT) -> np.ndarray:
    """One row of 0/1 per picture: its line skeleton widened by 2 px, max-pooled to size²."""
    side = lines.shape[1]
    cell = side // size
    out = np.zeros((len(items), size * size), np.float32)
    for row, i in enumerate(items):
        wide = dilate(np.asarray(lines[i]).astype(bool), 2.0)[: size * cell, : size * cell]
        out[row] = wide.reshape(size, cell, size, cell).max((1, 3)).ravel()
    return out


def colourful(color: np.ndarray) -> bool:
    """True when most of the drawn (non-paper) part of a picture has a clear hue."""
    c = np.asarray(color).astype(np.int16)
    drawn = c.min(-1) < 235
    if drawn.sum() == 0:
        return False
    chroma = c.max(-1) - c.min(-1)
    return bool((chroma[drawn] > 60).mean() > 0.3)


@dataclass(frozen=True)
class Dedupe:
    keep: np.ndarray                    # the kept items, in their original order
    dropped: dict[int, list[int]]      # kept item -> the items that share its line art


def drop_colour_variants(lines: np.ndarray, color: np.ndarray, names: list[str],
                         items: np.ndarray, threshold: float = 0.95) -> Dedupe:
    """Keep one picture per line art among `items` (indices into lines/color/names).

    Two pictures share line art when the IoU of their fingerprints is at least `threshold`
    (0.95 takes copies that differ in colour or a few pixels; a whole outline moved by one
    pixel already scores about 0.88, so distinct drawings stay).
    Items are visited in preference order and each kept one claims its remaining look-alikes,
    so the preferred picture of every cluster is the one that stays."""
    items = np.asarray(items, np.int64)
    fp = fingerprints(lines, items)
    area = fp.sum(1)
    rich = np.array([colourful(color[i]) for i in items])
    order = sorted(range(len(items)), key=lambda r: (not rich[r], len(names[items[r]]), names[items[r]]))
    similar: list[np.ndarray] = []      # per item, the items whose line art matches it
    for b in range(0, len(items), BLOCK):
        inter = fp[b:b + BLOCK] @ fp.T
        iou = inter / np.maximum(area[b:b + BLOCK, None] + area[None] - inter, 1e-9)
        similar += [np.flatnonzero(row >= threshold) for row in iou]
    gone = np.zeros(len(items), bool)
    dropped: dict[int, list[int]] = {}
    for r in order:
        if gone[r]:
            continue
        mates = [m for m in similar[r] if m != r and not gone[m]]
        gone[mates] = True
        if mates:
            dropped[int(items[r])] = [int(items[m]) for m in mates]
    return Dedupe(items[~gone], dropped)
