"""Colour-rebalanced L1: rare colours count more, so one safe colour stops winning everything.

With plain L1 a generator that is unsure of a subject's colour paints the colour that is
cheapest on average; in emoji data, where yellow and orange faces dominate, that is orange
for everything (the Soft style's failure). Colourisation work (Zhang et al., "Colorful
Image Colorization") answers with class rebalancing: weigh each pixel's error by how rare
its true colour is. Here the classes are six hue families of the colourful pixels; the
paper, greys, black lines and pale tints keep weight 1, so the paper stays as clean as before.
"""

from __future__ import annotations

import numpy as np
import torch

FAMILIES = 6          # red, yellow, green, cyan, blue, magenta (60° each, centred on them)
NEUTRAL = FAMILIES    # paper, greys, black lines and pale tints: not rebalanced
SATURATED = 0.25      # chroma (max - min of RGB in [0, 1]) above which a pixel has a hue


def colour_family(y: torch.Tensor) -> torch.Tensor:
    """(N, 3, H, W) pictures in [-1, 1] → (N, H, W) family index, NEUTRAL for grey pixels."""
    x = (y + 1) / 2
    r, g, b = x[:, 0], x[:, 1], x[:, 2]
    mx, _ = x.max(1)
    mn, _ = x.min(1)
    d = (mx - mn).clamp_min(1e-6)
    h = torch.where(r >= mx, (g - b) / d, torch.where(g >= mx, 2 + (b - r) / d, 4 + (r - g) / d))
    family = torch.round(h).long() % FAMILIES  # hue in sixths of the circle, family centred on it
    return torch.where(mx - mn > SATURATED, family, torch.full_like(family, NEUTRAL))


def family_frequencies(targets: np.ndarray, picture_weights: np.ndarray | None = None) -> np.ndarray:
    """Share of each family among all pixels of uint8 targets (N, H, W, 3), each picture
    weighted as the training samples it (`picture_weights`, e.g. category balance)."""
    counts = np.zeros(FAMILIES + 1)
    w = np.full(len(targets), 1.0) if picture_weights is None else np.asarray(picture_weights, float)
    for i in range(0, len(targets), 256):
        y = torch.from_numpy(np.moveaxis(targets[i:i + 256].astype(np.float32) / 127.5 - 1, -1, 1))
        fam = colour_family(y).reshape(len(y), -1)
        per = torch.stack([torch.bincount(f, minlength=FAMILIES + 1) for f in fam]).double().numpy()
        counts += (per * w[i:i + 256, None]).sum(0)
    return counts / max(counts.sum(), 1e-12)


def family_weights(freq: np.ndarray, strength: float) -> torch.Tensor:
    """Per-family loss weights: colourful families weigh (share)^-strength, scaled so that
    the colourful pixels as a whole keep their total weight; NEUTRAL weighs 1. Families
    that never occur get the largest weight seen, not infinity."""
    freq = np.asarray(freq, float)
    colourful = freq[:FAMILIES]
    total = colourful.sum()
    w = np.ones(FAMILIES + 1)
    if total <= 0 or strength <= 0:
        return torch.tensor(w, dtype=torch.float32)
    share = colourful / total
    seen = share > 0
    raw = np.zeros(FAMILIES)
    raw[seen] = share[seen] ** -strength
    raw[~seen] = raw[seen].max() if seen.any() else 1.0
    raw /= (share * raw).sum()  # mean weight over colourful pixels stays 1
    w[:FAMILIES] = raw
    return torch.tensor(w, dtype=torch.float32)


def balanced_l1(fake: torch.Tensor, target: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    """L1 with each pixel's error weighted by its true colour's family weight."""
    w = weights.to(target.device)[colour_family(target)].unsqueeze(1)
    return (w * (fake - target).abs()).mean()
