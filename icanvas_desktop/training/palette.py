"""Colour classification for palette generators (`FastUnet(palette=K)`), after Zhang et al.

Regression (L1) on an ambiguous outline learns the per-channel median of every colour the
shape has in the data: one brownish orange for a heart, a tree, a car. Classification over a
palette keeps the modes apart, and class rebalancing (rare colours weigh more, white paper
less) keeps the vivid ones from being drowned by the common ones.

* `fit_palette`: white paper plus k-means colours of the training pictures' inked pixels.
* `class_weights`: Zhang's rebalancing, w ∝ 1 / ((1 - λ)·p + λ/K), with E_p[w] = 1.
* `palette_loss`: weighted cross-entropy against each target pixel's nearest palette colour.
"""

from __future__ import annotations

import cv2
import numpy as np
import torch
import torch.nn.functional as F

PAPER = (255, 255, 255)


def _pixels(targets: np.ndarray, n: int, seed: int) -> np.ndarray:
    """Up to n random pixels (uint8, (n, 3)) of a stack of pictures shaped (..., H, W, 3)."""
    flat = targets.reshape(-1, 3)
    rng = np.random.default_rng(seed)
    return flat[rng.integers(0, len(flat), min(n, len(flat)))]


def fit_palette(targets: np.ndarray, k: int, seed: int = 0, samples: int = 200_000) -> torch.Tensor:
    """K colours in [-1, 1], shaped (K, 3): paper white first, then k-means centres of the
    pixels that are not paper (so the background, most of every picture, takes one entry and
    the pictures' own colours the other K - 1)."""
    if k < 2:
        raise ValueError(f"a palette needs at least 2 colours (got {k})")
    px = _pixels(targets, samples, seed)
    inked = px[np.abs(px.astype(np.int16) - np.array(PAPER)).sum(1) > 24].astype(np.float32)
    if len(inked) < k - 1:
        raise ValueError(f"too few coloured pixels ({len(inked)}) to fit {k - 1} palette colours")
    cv2.setRNGSeed(seed)
    crit = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 50, 0.5)
    _, _, centres = cv2.kmeans(inked, k - 1, None, crit, 3, cv2.KMEANS_PP_CENTERS)
    colours = np.vstack([np.array(PAPER, np.float32), centres])
    return torch.from_numpy(colours / 127.5 - 1.0).float()


def palette_index(y: torch.Tensor, colours: torch.Tensor) -> torch.Tensor:
    """Nearest palette entry of every pixel: y (B, 3, H, W) and colours (3, K), both in [-1, 1]
    -> (B, H, W) long."""
    d = (y.unsqueeze(2) - colours[None, :, :, None, None]).pow(2).sum(1)
    return d.argmin(1)


def class_weights(targets: np.ndarray, colours: torch.Tensor, mix: float = 0.5,
                  seed: int = 0, samples: int = 200_000) -> torch.Tensor:
    """Zhang's rebalancing weights (K,) for colours (3, K): mix = 1 is plain cross-entropy,
    0 gives every colour the same total weight however rare (Zhang et al. use 0.5)."""
    px = torch.from_numpy(_pixels(targets, samples, seed).astype(np.float32) / 127.5 - 1.0)
    idx = palette_index(px.t()[None, :, :, None], colours)[0, :, 0]
    k = colours.shape[1]
    p = torch.bincount(idx, minlength=k).float() / len(idx)
    w = 1.0 / ((1.0 - mix) * p + mix / k)
    return w / (p * w).sum()


def palette_loss(logits: torch.Tensor, y: torch.Tensor, colours: torch.Tensor,
                 weights: torch.Tensor | None) -> torch.Tensor:
    """Cross-entropy of the logits (B, K, H, W) against the nearest palette colour of y."""
    return F.cross_entropy(logits, palette_index(y, colours), weight=weights)
