"""Measures of a frame shared by the motion tests: its ink, its colours, its pieces."""

from __future__ import annotations

import numpy as np

from icanvas_desktop.ml.masks import label_regions
from icanvas_desktop.motion.figure import PAPER


def ink_of(frame) -> np.ndarray:
    return np.asarray(frame.convert("RGB")).min(axis=2) < PAPER


def colour_histogram(frame) -> np.ndarray:
    """The share of the ink in each of 64 coarse colours (4 levels a channel)."""
    rgb = np.asarray(frame.convert("RGB"))
    q = rgb[ink_of(frame)].astype(int) // 64
    h = np.bincount(q[:, 0] * 16 + q[:, 1] * 4 + q[:, 2], minlength=64).astype(float)
    return h / max(h.sum(), 1.0)


def colour_distance(a, b) -> float:
    """Total variation between two frames' colour histograms: 0 same colours, 1 none shared."""
    return 0.5 * float(np.abs(colour_histogram(a) - colour_histogram(b)).sum())


def pieces(frame, share: float = 0.005) -> int:
    """Pieces of ink of at least `share` of all the ink (a torn line would add pieces)."""
    ink = ink_of(frame)
    labels, n = label_regions(ink)
    areas = np.bincount(labels.ravel(), minlength=n + 1)[1:]
    return int((areas >= share * ink.sum()).sum())
