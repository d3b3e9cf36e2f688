"""Training samples: precomputed hand-drawn-looking inputs, balanced sampling, colour hints."""

from __future__ import annotations

import colorsys

import numpy as np
from PIL import Image

from icanvas_desktop.ml.preprocess import IOSpec, encode_input
from icanvas_desktop.training.augment import (AugmentConfig, augment_pair, bare_outline_pair, canonical_ink,
                                              main_colour)
from icanvas_desktop.training.datasets import PairSet


def resize_rgb(rgb: np.ndarray, size: int) -> np.ndarray:
    if rgb.shape[0] == size:
        return np.asarray(rgb)
    return np.asarray(Image.fromarray(np.asarray(rgb)).resize((size, size), Image.BOX))


def make_variants(data: PairSet, idx: np.ndarray, size: int, spec: IOSpec, variants: int,
                  seed: int, cfg: AugmentConfig = AugmentConfig(), progress=None, bare: float = 0.0):
    """Inputs (ink, uint8) and targets (uint8) at `size`: the clean one first, then
    `variants` augmented ones per picture, each of which is drawn from the picture's bare
    outline (`bare_outline_pair`) with probability `bare`. Returns arrays shaped
    (len(idx), 1+variants, ...)."""
    rng = np.random.default_rng(seed)
    n = len(idx)
    ink = np.zeros((n, 1 + variants, size, size), np.uint8)
    tgt = np.zeros((n, 1 + variants, size, size, 3), np.uint8)
    for j, i in enumerate(idx):
        skel = np.asarray(data.lines[i]).astype(bool)
        color = np.asarray(data.color[i])
        ink[j, 0] = (canonical_ink(skel, size, spec.line_width_frac) * 255).astype(np.uint8)
        tgt[j, 0] = resize_rgb(color, size)
        for v in range(variants):
            base = bare_outline_pair(color, spec.line_width_frac) if bare and rng.random() < bare else (skel, color)
            s, t = augment_pair(rng, base[0], base[1], cfg)
            ink[j, 1 + v] = (canonical_ink(s, size, spec.line_width_frac) * 255).astype(np.uint8)
            tgt[j, 1 + v] = resize_rgb(t, size)
        if progress and (j + 1) % 100 == 0:
            progress(j + 1, n)
    return ink, tgt


def sample_hints(rng: np.random.Generator, target: np.ndarray, ink: np.ndarray,
                 max_hints: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """Colour hints taken from the true picture: a few dots and short scribbles of its colour,
    as in user-guided colourisation. Sometimes none at all, so the style works without."""
    size = target.shape[0]
    rgb = np.zeros((size, size, 3), np.float32)
    mask = np.zeros((size, size), np.float32)
    n = int(rng.integers(1, max_hints + 1))
    t = target.astype(np.float32) / 255.0
    colourful = (t.max(-1) - t.min(-1) > 0.15) & (ink < 0.3)
    cand = np.argwhere(colourful)
    if len(cand) == 0:
        return rgb, mask
    r = max(1, size // 64)
    for _ in range(n):
        y, x = cand[rng.integers(len(cand))]
        colour = np.median(t[max(0, y - 2):y + 3, max(0, x - 2):x + 3].reshape(-1, 3), axis=0)
        steps = 1 if rng.random() < 0.5 else int(rng.integers(4, 14))  # a dot, or a scribble
        for _ in range(steps):
            y0, y1, x0, x1 = max(0, y - r), min(size, y + r + 1), max(0, x - r), min(size, x + r + 1)
            # a scribble follows the colour it started on, as a child colours inside a shape
            same = np.abs(t[y0:y1, x0:x1] - colour).sum(-1) < 0.25
            rgb[y0:y1, x0:x1][same] = colour
            mask[y0:y1, x0:x1][same] = 1.0
            y = int(np.clip(y + rng.integers(-2, 3) * r, 0, size - 1))
            x = int(np.clip(x + rng.integers(-2, 3) * r, 0, size - 1))
    return rgb, mask


def batch_arrays(rng, ink: np.ndarray, tgt: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                 spec: IOSpec, hint_prob: float) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for r, c in zip(rows, cols):
        k = ink[r, c].astype(np.float32) / 255.0
        t = tgt[r, c]
        if spec.hints and rng.random() < hint_prob:
            h_rgb, h_mask = sample_hints(rng, t, k)
        else:
            h_rgb, h_mask = None, None
        xs.append(encode_input(k, h_rgb, h_mask, spec.hints))
        ys.append(np.moveaxis(t.astype(np.float32) / 127.5 - 1.0, -1, 0))
    return np.stack(xs), np.stack(ys)


def group_weights(data: PairSet, idx: np.ndarray, balance: bool) -> np.ndarray:
    if not balance:
        return np.full(len(idx), 1.0 / len(idx))
    groups = [data.index[i]["group"] for i in idx]
    counts = {g: groups.count(g) for g in set(groups)}
    w = np.array([1.0 / counts[g] for g in groups])
    return w / w.sum()


# A child's colour words by hue (degrees, upper limits): the model cards' "heart red, tree
# green" and the main-colour families that `hue_weights` balances.
HUE_NAMES = [(15, "red"), (40, "orange"), (70, "yellow"), (165, "green"), (195, "teal"), (255, "blue"),
             (290, "purple"), (345, "pink"), (360, "red")]


def main_colour_family(picture: np.ndarray) -> str:
    """The hue family ("green", "blue"... or "grey, white or black") of the colour that covers
    most of a picture's drawn part (`augment.main_colour`): a tree's canopy, a car's body."""
    rgb = main_colour(picture, picture.min(-1) < 235).astype(np.float64) / 255
    h, lightness, s = colorsys.rgb_to_hls(*rgb)
    if s < 0.25 or not 0.1 <= lightness <= 0.9:
        return "grey, white or black"
    return next(name for limit, name in HUE_NAMES if h * 360 < limit)


def hue_weights(pictures: np.ndarray, weights: np.ndarray, strength: float) -> tuple[np.ndarray, dict]:
    """Sampling weights that show pictures of rare main colours more often.

    In the emoji sets yellow faces and orange food outnumber green plants six to one, and a
    network that is unsure of a shape's colour paints the colour it saw most. Each picture's
    weight is multiplied by (share of its main-colour family)^-strength, the shares taken
    under the incoming `weights` (category balance), so strength 0.5 shows a green picture
    about 2.4 times as often as before next to a yellow one. Unlike a per-pixel loss weight
    (`colour_balance`), every picture keeps its true colours: the network sees more green
    trees, not a loss that pays more for green. Returns (weights, family -> new share)."""
    fams = [main_colour_family(p) for p in pictures]
    share = _family_shares(fams, weights)
    out = np.array([w * share[f] ** -strength for f, w in zip(fams, weights)])
    out /= out.sum()
    return out, _family_shares(fams, out)


def _family_shares(fams: list[str], weights) -> dict[str, float]:
    """Each family's share of the total sampling weight."""
    share: dict[str, float] = {}
    for f, w in zip(fams, weights):
        share[f] = share.get(f, 0.0) + float(w)
    total = sum(share.values())
    return {f: v / total for f, v in share.items()}
