"""Magic colours: a colour for each shape the child closed, taken from training pictures of a
similar shape, and given to the style as colour hints.

Why: a network that reads a bare outline cannot tell a heart from a leaf well enough to choose
its colour, so it paints everything the one safe colour of its data (measured over twelve
training runs: see the README). Pictures in the style's own training data whose silhouette and
lines look most like the child's object do know: the shape of a heart finds hearts, and they are
red. Each closed shape of the object takes the colour that the neighbours have at the same place
(a house's roof, its door), and a dot of it goes into the hint channels, exactly where a child's
own hint would go. The child's own hints always win: a shape they coloured is left alone.

The colour index is a small sibling file of the style (`NAME.colours.safetensors`): silhouettes
and line maps at 32², colour layouts at 16², built by `icanvas colours` from the training split
only. Read here with numpy alone (the installed app has no torch or OpenCV).
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.core.readers import UnreadableFile, describe, guarded, read_limited
from icanvas_desktop.ml.lines import dilate, erosion_depth
from icanvas_desktop.ml.masks import label_regions, lines_of, members, solid
from icanvas_desktop.ml.regions import Shapes, find_shapes
from icanvas_desktop.ml.style_meta import CheckpointError, read_header
from icanvas_desktop.ml.styles import COLOURS_SUFFIX as SUFFIX

FORMAT = "icanvas-colours"
FORMAT_VERSION = 1
GRID = 32           # silhouettes and lines are compared at 32²
COLOUR_GRID = 16    # colour layouts: a child's shapes are big, and 16² keeps the file small
DRAWN_MARGIN = 0.15  # an index's drawn subjects' margin, when it names none


@dataclass(frozen=True)
class GuessConfig:
    neighbours: int = 5             # pictures asked per object; their colours vote (chosen on val)
    group_frac: float = 0.05        # strokes this close (of the picture side) are one object
    line_weight: float = 1.0        # lines against silhouette in the shape similarity
    colourful_weight: float = 3.0   # a colourful vote counts up to 1 + this; grey fills rarely win
    sharpness: float = 20.0         # how fast a vote fades with lower similarity
    dot_frac: float = 0.02          # radius of the hint dot, of the picture side
    framing: str = "closed"         # closed | strokes | both (each picture compared in its better one)
    drawn_margin: float | None = None  # how much better than the data's pictures a drawn subject
                                       # must match (None: the index's own, chosen when it was built)


@dataclass(frozen=True)
class ColourIndex:
    silhouettes: np.ndarray     # (N, GRID, GRID) bool
    lines: np.ndarray           # (N, GRID, GRID) bool
    colours: np.ndarray         # (N, COLOUR_GRID, COLOUR_GRID, 3) uint8
    meta: dict                  # data set, licence, attribution, how it was built

    def __len__(self) -> int:
        return len(self.colours)

    @cached_property
    def first_drawn(self) -> int:
        """Where the drawn subjects (`training.subjects`), appended after the data's pictures, begin."""
        drawn = self.meta.get("data", {}).get("subjects", {}).get("pictures", 0)
        return len(self) - drawn if isinstance(drawn, int) and 0 <= drawn <= len(self) else len(self)

    @cached_property
    def drawn_margin(self) -> float:
        """The margin its drawn subjects were built with (`scripts/measure_drawn_subjects.py`)."""
        m = self.meta.get("data", {}).get("subjects", {}).get("margin", DRAWN_MARGIN)
        return float(m) if isinstance(m, (int, float)) and not isinstance(m, bool) and m >= 0 else DRAWN_MARGIN

    @cached_property
    def silhouette_bits(self) -> np.ndarray:
        return _bits(self.silhouettes)

    @cached_property
    def line_bits(self) -> np.ndarray:
        return _bits(self.lines)


@dataclass(frozen=True)
class Guess:
    y: float                    # a point deep inside the shape, as a fraction of the side
    x: float
    rgb: tuple[int, int, int]
    label: int = 0              # the shape's label in the `Shapes` it was guessed for
    frame: tuple[float, float, float] | None = None   # its object's frame (x0, y0, side), in pixels


def colours_path(style_path: Path) -> Path:
    return Path(style_path).with_name(Path(style_path).stem + SUFFIX)


# ----------------------------------------------------------------------------------- shapes
def frame(mask: np.ndarray, pad_frac: float = 0.05) -> tuple[float, float, float]:
    """A square around the mask's box (x0, y0, side), so aspect ratio stays part of the shape."""
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))   # cheaper than every pixel's place
    y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    side = max(y1 - y0, x1 - x0) * (1 + 2 * pad_frac)
    return (x0 + x1) / 2 - side / 2, (y0 + y1) / 2 - side / 2, side


def resample(img: np.ndarray, box: tuple[float, float, float], g: int, soft: bool = False) -> np.ndarray:
    """The square `box` of a bool mask (area-averaged: the share covered, or >= half of it
    when not `soft`) or of an RGB image (nearest), at g²."""
    x0, y0, side = box
    pad = int(np.ceil(side))     # the box may reach past the picture: that is paper
    if img.ndim == 2:
        # Only the part of the padded picture under the box is built (the whole of it cost a
        # picture several times the size on every live preview). The box, as Pillow reads it
        # (C floats), is moved onto that part by whole pixels, which leaves every number
        # Pillow computes from it exact at these grids (powers of two): the same result.
        h, w = img.shape
        bx = np.float32([x0 + pad, y0 + pad, x0 + pad + side, y0 + pad + side]).astype(np.float64)
        wx0, wy0 = max(0, int(bx[0]) - 1), max(0, int(bx[1]) - 1)
        wx1, wy1 = min(w + 2 * pad, int(bx[2]) + 2), min(h + 2 * pad, int(bx[3]) + 2)
        win = np.zeros((wy1 - wy0, wx1 - wx0), np.uint8)
        ax0, ay0, ax1, ay1 = max(wx0, pad), max(wy0, pad), min(wx1, pad + w), min(wy1, pad + h)
        if ax1 > ax0 and ay1 > ay0:
            win[ay0 - wy0:ay1 - wy0, ax0 - wx0:ax1 - wx0] = img[ay0 - pad:ay1 - pad, ax0 - pad:ax1 - pad]
            win *= 255
        small = np.asarray(Image.fromarray(win).resize(
            (g, g), Image.BOX, box=(bx[0] - wx0, bx[1] - wy0, bx[2] - wx0, bx[3] - wy0)))
        return small.astype(np.float32) / 255 if soft else small >= 128
    big = np.pad(img, ((pad, pad), (pad, pad), (0, 0)), constant_values=255)
    small = Image.fromarray(big).resize((g, g), Image.NEAREST, box=(x0 + pad, y0 + pad, x0 + pad + side, y0 + pad + side))
    return np.asarray(small)


def frame_of(walls: np.ndarray, labels: np.ndarray, regs: list[int]) -> tuple[float, float, float]:
    """The frame of a child's object: the box of the shapes its lines close, so that a ground
    line or a sun's long rays do not shrink the object; the box of its strokes when it closes
    little. On the validation split this beat framing by every stroke (0.441 against 0.245
    family-balanced hue match) and comparing each picture in the better of the two (0.328):
    scripts/measure_magic_colours.py. Its cost: a star's thin tips and a sun's rays fall outside
    the frame, so a sun is matched as a circle."""
    closed = members(labels, regs)
    return frame(closed if closed.sum() > 0.2 * walls.sum() else walls)


def shape_of(walls: np.ndarray, box, silhouette: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(silhouette, lines) of one object at GRID², as stored in the index. `silhouette` is
    `solid(walls)`, when the caller has it."""
    return resample(solid(walls) if silhouette is None else silhouette, box, GRID), resample(walls, box, GRID)


def interior_points(labels: np.ndarray, ids: list[int]) -> dict[int, tuple[int, int]]:
    """For each shape, a pixel as far inside it as erosion reaches (no SciPy in the app): each
    pixel's depth is the round of 4-neighbour erosion that removes it; one sort then finds the
    deepest pixel of every shape."""
    # Shapes are 4-connected components, so two shapes never touch side by side and one
    # erosion of their union erodes each on its own: no labels per round.
    depth = erosion_depth(members(labels, ids))
    flat_l, flat_d = labels.ravel(), depth.ravel()
    inside = np.flatnonzero(flat_d > 0)
    lab, dep = flat_l[inside], flat_d[inside]
    deepest = np.zeros(int(lab.max()) + 1 if len(lab) else 1, dep.dtype)
    np.maximum.at(deepest, lab, dep)
    at_top = inside[dep == deepest[lab]]            # in reading order: the first one wins ties
    labs, first = np.unique(flat_l[at_top], return_index=True)
    w = labels.shape[1]
    return {int(lab): (int(at_top[i] // w), int(at_top[i] % w)) for lab, i in zip(labs, first)}


# ----------------------------------------------------------------------------------- guessing
def _bits(masks: np.ndarray) -> np.ndarray:
    """(N, G, G) bool -> (N, G*G/64) uint64: IoU by popcount is 10x faster than on bools."""
    return np.packbits(masks.reshape(len(masks), -1), axis=1).view(np.uint64)


_POP8 = np.array([bin(i).count("1") for i in range(256)], np.uint8)


def _popcount_rows(a: np.ndarray) -> np.ndarray:
    """Set bits per row of a (N, W) uint64 array (numpy >= 2 has a ufunc; older, a table)."""
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(a).sum(1, dtype=np.int64)
    return _POP8[a.view(np.uint8)].sum(1, dtype=np.int64)


def _similarity(sil: np.ndarray, lines: np.ndarray, index: ColourIndex, line_weight: float) -> np.ndarray:
    def iou(q, bank):
        q = _bits(q[None])
        return _popcount_rows(bank & q) / np.maximum(_popcount_rows(bank | q), 1)
    return (iou(sil, index.silhouette_bits) + line_weight * iou(lines, index.line_bits)) / (1 + line_weight)


def _vote(cands: list[tuple[np.ndarray, float]]) -> np.ndarray:
    """The colour most of the weighted votes lie close to (a weighted medoid), never an average:
    the average of a red and a green heart is a brown nobody chose."""
    cs = np.array([c for c, _ in cands], np.float32)
    ws = np.array([w for _, w in cands], np.float32)
    d = np.sqrt(((cs[:, None] - cs[None]) ** 2).sum(-1))
    support = (np.exp(-d / 40.0) * ws[None]).sum(1) * ws
    return cs[int(np.argmax(support))]


def _region_colours(weights: np.ndarray, layouts: np.ndarray, darkest: float = 90.0) -> list[np.ndarray | None]:
    """Median fill colour of each neighbour's layout under a shape (lines and paper left out),
    or None: weights (K, G, G) of the shape in each neighbour's framing, layouts (K, G, G, 3).

    A neighbour whose fill there is near-black (OpenMoji's dark grey #3F3F3F, a bomb, a new
    moon) does not vote: among 439 hand-drawn doodles (`scripts/measure_doodles.py`) it painted
    two suns and a ring black, a blot that hides what the child drew inside; a child who wants
    black colours it in, and that is a hint. Measured neutral: Sticker's val split and the
    cross-data-set colour match unchanged (0.427, 0.203).

    All neighbours at once (one sort, not a median each: this runs on every live preview):
    the cells under the shape (or, when none is half covered, those it touches), of them the
    fill cells; each channel's median is the middle of its sorted fill cells, the mean of the
    two middle ones for an even count, as np.median takes it."""
    k = len(weights)
    w = weights.reshape(k, -1)
    px = layouts.reshape(k, -1, 3).transpose(0, 2, 1).astype(np.float32)      # (K, 3, cells)
    under = w >= 0.5
    bare = ~under.any(1)
    under[bare] = w[bare] > 0.1
    r, g, b = px[:, 0], px[:, 1], px[:, 2]      # by slices: numpy's reductions over 3 are slow
    fill = under & (np.minimum(np.minimum(r, g), b) < 235) & (np.maximum(np.maximum(r, g), b) > 60)
    n_px, n_fill = under.sum(1), fill.sum(1)
    ordered = np.sort(np.where(fill[:, None], px, np.inf), axis=-1)
    rows = np.arange(k)
    middle = (ordered[rows, :, np.maximum(n_fill - 1, 0) // 2] + ordered[rows, :, n_fill // 2]) / 2
    ok = (n_fill > 0) & (n_fill >= 0.3 * n_px) & (middle.max(1) > darkest)
    return [c if good else None for c, good in zip(middle, ok.tolist())]


def object_views(walls: np.ndarray, labels: np.ndarray, ids: list[int], config: GuessConfig = GuessConfig(),
                 points: dict | None = None) -> list[tuple[list[int], np.ndarray, list]]:
    """The child's objects as Magic colours compares them: for each, (its shapes, its lines, its
    frames). An object is strokes near each other, holes filled, so every shape lies inside one.
    The index's own drawn subjects (`training.subjects`) are cut by this too."""
    size = walls.shape[0]
    objects, n = label_regions(solid(dilate(walls, config.group_frac * size)))
    points = interior_points(labels, ids) if points is None else points
    owner = {r: int(objects[points[r]]) for r in ids}
    out = []
    for obj in range(1, n + 1):
        regs = [r for r in ids if owner[r] == obj]
        if not regs:
            continue
        own = (objects == obj) & walls
        if own.sum() < 4:
            continue
        closed = frame_of(own, labels, regs) if config.framing != "strokes" else None
        strokes = frame(own) if config.framing != "closed" else None
        out.append((regs, own, {"closed": [closed], "strokes": [strokes], "both": [closed, strokes]}[config.framing]))
    return out


def guess_colours(ink: np.ndarray, index: ColourIndex, config: GuessConfig = GuessConfig(),
                  taken: np.ndarray | None = None, shapes: Shapes | None = None) -> list[Guess]:
    """One guess per closed shape of `ink` ((S, S) in [0, 1], as the model sees it), except
    shapes that already hold a hint (`taken`, the hint mask). `shapes` is `find_shapes(ink)`,
    the shapes the finishing fills, when the caller has them."""
    size = ink.shape[0]
    walls = lines_of(ink)
    if not walls.any() or len(index) == 0:
        return []
    labels, ids = shapes if shapes is not None else find_shapes(ink)
    if not ids:
        return []
    points = interior_points(labels, ids)
    # the shapes that already hold a hint, in one pass over the picture
    hinted = set() if taken is None else set(np.unique(labels[taken > 0]).tolist())
    guesses = []
    for regs, own, boxes in object_views(walls, labels, ids, config, points):
        silhouette = solid(own)
        sims = np.stack([_similarity(*shape_of(own, b, silhouette), index, config.line_weight) for b in boxes])
        # A drawn subject must match clearly better than any picture of the data: a round
        # crown on a trunk is a tree, but a flower on its stem or an ice cream is only a little
        # like one, and the data's own pictures know those better (the margin: the smallest that
        # reaches none of 439 foreign doodles, none of them a tree, `scripts/measure_drawn_subjects.py`).
        sims[:, index.first_drawn:] -= index.drawn_margin if config.drawn_margin is None else config.drawn_margin
        which, sim = sims.argmax(0), sims.max(0)
        top = np.argsort(-sim)[:config.neighbours]
        for r in regs:
            if r in hinted:
                continue
            rm = labels == r
            weights = [resample(rm, b, COLOUR_GRID, soft=True) for b in boxes]
            cands = []
            found = _region_colours(np.stack([weights[which[t]] for t in top]), index.colours[top])
            for t, c in zip(top, found):
                if c is not None:
                    chroma = (c.max() - c.min()) / 255.0
                    cands.append((c, float(np.exp(config.sharpness * (sim[t] - sim[top[0]]))
                                           * (1 + config.colourful_weight * chroma))))
            if cands:
                y, x = points[r]
                guesses.append(Guess((y + 0.5) / size, (x + 0.5) / size, tuple(int(v) for v in _vote(cands)), r,
                                     tuple(float(v) for v in boxes[0])))
    return guesses


def guess_for_input(x: np.ndarray, index: ColourIndex, line_channels: int,
                    config: GuessConfig = GuessConfig(), shapes: Shapes | None = None) -> list[Guess]:
    """Guesses for an encoded model input (C, S, S): its lines, and its hint mask as `taken`."""
    from icanvas_desktop.ml.preprocess import ink_of
    return guess_colours(ink_of(x), index, config, taken=x[line_channels + 3], shapes=shapes)


def apply_guesses(x: np.ndarray, guesses: list[Guess], line_channels: int,
                  config: GuessConfig = GuessConfig()) -> np.ndarray:
    """A copy of the model input (C, S, S) with a hint dot for each guess, as a child would draw."""
    if not guesses:
        return x
    out = x.copy()
    s = x.shape[-1]
    r = max(1.0, config.dot_frac * s)
    for g in guesses:
        cy, cx = g.y * s, g.x * s
        y0, y1 = max(0, int(cy - r)), min(s, int(cy + r) + 2)   # only the dot's own window
        x0, x1 = max(0, int(cx - r)), min(s, int(cx + r) + 2)
        yy, xx = np.mgrid[y0:y1, x0:x1]
        dot = (yy + 0.5 - cy) ** 2 + (xx + 0.5 - cx) ** 2 <= r * r
        rgb = np.array(g.rgb, np.float32) / 255 * 2 - 1
        for k in range(3):
            out[line_channels + k, y0:y1, x0:x1][dot] = rgb[k]
        out[line_channels + 3, y0:y1, x0:x1][dot] = 1.0
    return out


# ----------------------------------------------------------------------------------- the file
# Stored small: shapes as packed bits, colour layouts as indices into a 256-colour palette.
_SHAPES = {"silhouettes": (GRID * GRID // 8,), "lines": (GRID * GRID // 8,),
           "layouts": (COLOUR_GRID, COLOUR_GRID), "palette": (3,)}


MAX_INDEX_BYTES = 256 * 1024 * 1024   # shipped indexes are ~1 MB; 256 MB is ~300,000 pictures


def load_index(path: Path | str) -> ColourIndex:
    """Read a colour index (safetensors, uint8 only: never pickle), checked before use.
    Raises CheckpointError only, whatever the file holds."""
    path = Path(path)
    with guarded(lambda err: CheckpointError(path, f"the colour index is damaged ({describe(err)})"),
                 passthrough=(CheckpointError,)):
        return _load_index(path)


def _load_index(path: Path) -> ColourIndex:
    table, meta = read_header(path)
    if meta.get("format") != FORMAT:
        raise CheckpointError(path, "this is not an iCanvas colour index")
    if str(meta.get("format_version")) != str(FORMAT_VERSION):
        raise CheckpointError(path, f"colour index version {meta.get('format_version')!r} is not supported")
    try:
        raw = read_limited(path, MAX_INDEX_BYTES)
    except (OSError, UnreadableFile) as err:
        raise CheckpointError(path, f"the colour index {err}") from err
    (n,) = struct.unpack("<Q", raw[:8])
    blob = raw[8 + n:]
    arrays = {}
    for name, tail in _SHAPES.items():
        info = table.get(name)
        shape = info.get("shape") if isinstance(info, dict) else None
        if (not isinstance(info, dict) or info.get("dtype") != "U8" or not isinstance(shape, list)
                or not all(type(v) is int and v >= 0 for v in shape) or tuple(shape)[1:] != tail):
            raise CheckpointError(path, f"the colour index has no valid {name!r} table")
        a, b = info["data_offsets"]        # whole numbers inside the file: read_header checked
        if b - a != int(np.prod(shape, dtype=np.int64)):
            raise CheckpointError(path, f"the colour index table {name!r} has the wrong size")
        arrays[name] = np.frombuffer(blob[a:b], np.uint8).reshape(shape)
    count = len(arrays["layouts"])
    if len(arrays["silhouettes"]) != count or len(arrays["lines"]) != count or len(arrays["palette"]) != 256:
        raise CheckpointError(path, "the colour index tables do not agree in length")
    info = {k: v for k, v in meta.items() if k not in ("format", "format_version")}
    for k in ("config", "data"):
        if k in info:
            try:
                info[k] = json.loads(info[k])
            except ValueError:
                raise CheckpointError(path, f"the colour index metadata {k!r} is damaged") from None
            if not isinstance(info[k], dict):
                raise CheckpointError(path, f"the colour index metadata {k!r} is damaged (not an object)")

    def bits(a):
        return np.unpackbits(a, axis=1)[:, :GRID * GRID].reshape(-1, GRID, GRID).astype(bool)
    return ColourIndex(bits(arrays["silhouettes"]), bits(arrays["lines"]),
                       arrays["palette"][arrays["layouts"]], info)


def index_tensors(index: ColourIndex, palette: np.ndarray, layouts: np.ndarray) -> dict[str, np.ndarray]:
    """The arrays as stored, for the writer in `training.colour_index` (which fits the palette)."""
    return {"silhouettes": index.silhouette_bits.view(np.uint8), "lines": index.line_bits.view(np.uint8),
            "layouts": np.ascontiguousarray(layouts, np.uint8), "palette": np.ascontiguousarray(palette, np.uint8)}
