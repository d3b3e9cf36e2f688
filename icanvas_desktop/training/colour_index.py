"""`icanvas colours STYLE`: build the colour index that Magic colours reads (`ml.colour_guess`).

From the training split of the style's own data set only, so the test split measures guesses
on pictures the index never saw, and the index carries the same licence as the weights. Colour
variants are dropped first (`dedupe`): one heart outline should vote red, not ten colours.
Each picture gives its silhouette (everything that is not paper, holes filled), its line art
widened to the pen the engine draws with, and its colours, all framed the way the engine frames
a child's object (`colour_guess.frame`). Colours are stored as indices into a 256-colour palette
(k-means), which keeps the file under a megabyte.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from icanvas_desktop.ml import colour_guess as cg
from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.training import datasets
from icanvas_desktop.training.dedupe import drop_colour_variants

PAPER = 240     # a colour picture's pixel is paper when all of R, G, B are at least this


def picture_shape(lines: np.ndarray, color: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(silhouette, lines, colour layout) of one training picture (lines: its skeleton)."""
    drawn = color.min(2) < PAPER
    skel = lines > 0
    if not drawn.any():
        drawn = skel
    if not drawn.any():
        return (np.zeros((cg.GRID, cg.GRID), bool),) * 2 + (np.full((cg.COLOUR_GRID,) * 2 + (3,), 255, np.uint8),)
    # Framed by the whole silhouette. (Framing by the shapes the lines close, as the engine
    # frames a child's object, was tried and did worse on the validation split: 0.216 against
    # 0.441 family-balanced hue match, scripts/measure_magic_colours.py.)
    box = cg.frame(cg.solid(drawn))
    # The engine draws a child's lines 2 % of the side wide; widen the skeleton the same way.
    walls = dilate(skel, 0.01 * lines.shape[0])
    return (cg.resample(cg.solid(drawn), box, cg.GRID), cg.resample(walls, box, cg.GRID),
            cg.resample(color, box, cg.COLOUR_GRID))


def quantise_colours(layouts: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(palette (256, 3), indices) for colour layouts (N, G, G, 3)."""
    import cv2
    px = layouts.reshape(-1, 3).astype(np.float32)
    k = 256
    uniq = np.unique(px, axis=0)
    if len(uniq) <= k:
        palette = np.zeros((k, 3), np.float32)
        palette[:len(uniq)] = uniq
        palette[len(uniq):] = 255
    else:
        cv2.setRNGSeed(seed)
        crit = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 20, 0.5)
        _, _, palette = cv2.kmeans(px, k, None, crit, 2, cv2.KMEANS_PP_CENTERS)
    d = nearest_in_palette(px, palette)
    return np.clip(np.rint(palette), 0, 255).astype(np.uint8), d.reshape(layouts.shape[:-1]).astype(np.uint8)


def nearest_in_palette(px: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Index of the nearest palette colour (K, 3) for each colour of px (N, 3)."""
    d = np.empty((len(px),), np.int64)
    pal = palette.astype(np.float32)
    px = px.astype(np.float32)
    for a in range(0, len(px), 65536):   # in blocks to bound memory
        chunk = px[a:a + 65536]
        d[a:a + 65536] = ((chunk[:, None] - pal[None]) ** 2).sum(-1).argmin(1)
    return d


def build_index(data_dir: Path, dedupe: float = 0.95) -> tuple[cg.ColourIndex, np.ndarray, np.ndarray]:
    """The index of a data set's training split: (index, palette, layouts as palette indices)."""
    data = datasets.load(data_dir)
    train = data.split("train")
    if len(train) == 0:
        raise ValueError(f"{data_dir} has no training pictures to build a colour index from")
    names = [e["name"] for e in data.index]
    keep = drop_colour_variants(data.lines, data.color, names, train, dedupe).keep if dedupe < 1 else train
    shapes = [picture_shape(np.asarray(data.lines[i]), np.asarray(data.color[i])) for i in keep]
    sil, lines, layouts = (np.stack(a) for a in zip(*shapes))
    palette, idx = quantise_colours(layouts)
    src = data.source
    meta = {"data": {"dataset": data_dir.name, "pictures": int(len(keep)), "split": "train",
                     "dedupe": dedupe, "license": src.get("license", ""),
                     "attribution": src.get("attribution", "")}}
    return cg.ColourIndex(sil, lines, palette[idx], meta), palette, idx


def write_index(index: cg.ColourIndex, palette: np.ndarray, layouts: np.ndarray, out: Path) -> Path:
    """Write atomically (temporary file, then rename): a half-written index never loads."""
    from safetensors.numpy import save_file
    out = Path(out)
    meta = {"format": cg.FORMAT, "format_version": str(cg.FORMAT_VERSION),
            "data": json.dumps(index.meta.get("data", {}), ensure_ascii=False)}
    tmp = out.with_name(out.name + ".tmp")
    save_file(cg.index_tensors(index, palette, layouts), str(tmp), metadata=meta)
    os.chmod(tmp, 0o644)   # the writer makes it private; styles are shared files
    tmp.replace(out)
    return out


def add_subjects(index: cg.ColourIndex, palette: np.ndarray, layouts: np.ndarray, count: int,
                 seed: int = 0, margin: float = cg.DRAWN_MARGIN) -> tuple[cg.ColourIndex, np.ndarray, np.ndarray]:
    """The index with `count` drawn subjects (`training.subjects`) appended. Their colours take
    the nearest colour of the palette the data set's pictures chose, so every earlier entry
    stays exactly as it was, whether the index was just built or read from a file. `margin`:
    how much better than the data's pictures they must match to vote (`GuessConfig.drawn_margin`),
    chosen per index with `scripts/measure_drawn_subjects.py`."""
    from icanvas_desktop.training import subjects
    if count <= 0:
        return index, palette, layouts
    sil, lines, cols = subjects.subject_entries(count, seed)
    idx = nearest_in_palette(cols.reshape(-1, 3), palette).astype(np.uint8).reshape(cols.shape[:-1])
    meta = dict(index.meta)
    meta["data"] = dict(meta.get("data", {}), subjects={
        "pictures": int(count), "seed": int(seed), "margin": float(margin), "kinds": list(subjects.SUBJECTS),
        "source": "drawn by iCanvas's own code (training/subjects.py); no third-party pictures"})
    layouts = np.concatenate([layouts, idx])
    return (cg.ColourIndex(np.concatenate([index.silhouettes, sil]), np.concatenate([index.lines, lines]),
                           palette[layouts], meta), palette, layouts)
