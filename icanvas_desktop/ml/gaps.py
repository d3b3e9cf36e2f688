"""Gaps a child left in an outline: where two stroke ends point at each other, close them.

A child's circle is often not quite shut: the pen lifts a little early, or the second half of a
face is drawn as a new stroke that stops short. `enclosed_regions` closes gaps of about 1.5 % of
the picture by thickening the lines; wider gaps left the shape open, and the style painted it as
paper or with the network's blotchy colour. Thickening more also glues together lines that
were meant apart (a Sticker validation probe lost 0.014 L1), so wider gaps are closed only where
the drawing itself says so, by good continuation: two free stroke ends, each pointing at the
other (within `GapConfig.max_turn_deg`), and the gap small beside each of the pieces it joins.
That closes a gappy circle, but not a U (its ends point the same way), a smile (its ends
point up and out), grass blades or the sun's rays (tips point apart), or a C whose opening is
a large part of its size.

The bridges are invisible: they only tell `enclosed_regions` where a shape ends. Pure numpy on
the model-size line mask (0.5 ms at 128² for the thinning), so one rule serves vector drawings,
raster sketches and the evaluation splits alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.ml.lines import NEIGHBOURS, dilate, halve, neighbour_code, ring_counts, thin
from icanvas_desktop.ml.masks import label_regions, lines_of


@dataclass(frozen=True)
class GapConfig:
    max_gap_frac: float = 0.25      # the widest gap closed, as a share of the picture's side
    max_share: float = 0.35         # ... and of the size of each piece it joins (a C stays open)
    max_turn_deg: float = 40.0      # each end must point within this angle of the other end
    trace_frac: float = 0.08        # how far back along the line an end's direction is read


@dataclass(frozen=True)
class End:
    y: int
    x: int
    dy: float                       # unit direction the line runs out of this end
    dx: float
    part: int                       # which connected piece of the drawing it belongs to


def _end_table() -> np.ndarray:
    """For each 8-neighbour code (`lines.neighbour_code`), whether the pixel ends a line: one
    or two neighbours forming one run round it. Two touching neighbours happen where thinning
    left a corner pixel beside the tip."""
    table = np.zeros(256, bool)
    for code in range(256):
        _, count, runs = ring_counts(code)
        table[code] = runs == 1 and count <= 2
    return table


_ENDS = _end_table()


def end_pixels(skel: np.ndarray) -> np.ndarray:
    """(N, 2) rows and columns of the free ends of a 1-px skeleton. (`training.augment.endpoints`
    counts only single-neighbour tips and misses a tip with a corner pixel beside it; it is
    left so, because the shipped styles' recipes reproduce only with the augmentation as is.)"""
    return np.argwhere(skel & _ENDS[neighbour_code(skel)])


def stroke_ends(skel: np.ndarray, trace: int, parts: np.ndarray, at: np.ndarray | None = None) -> list[End]:
    """The free ends of a 1-px skeleton (or those of them listed in `at`), each with the
    direction its line runs out of it, read `trace` pixels back along the line. Spurs shorter
    than half of that (thinning's whiskers, a dot) stop at a junction early and are not ends."""
    # Traced on nested lists with a ring of paper round them: a numpy element read costs ten
    # times a list's, there is no bounds check to make, and this loop runs on live previews.
    on = np.pad(skel.astype(bool), 1).tolist()
    ends = []
    for y, x in (end_pixels(skel) if at is None else at):
        y, x = int(y), int(x)
        seen = {(y, x)}
        cy, cx = y, x
        steps = 0
        while steps < trace:
            nxt = [(cy + dy, cx + dx) for dy, dx in NEIGHBOURS
                   if on[cy + dy + 1][cx + dx + 1] and (cy + dy, cx + dx) not in seen]
            if not nxt:
                break
            if len(nxt) > 2 or (len(nxt) == 2 and max(abs(nxt[0][0] - nxt[1][0]), abs(nxt[0][1] - nxt[1][1])) > 1):
                break                                   # a junction: the line branches here
            seen.update(nxt)
            # of two touching candidates, step to the one further along (the diagonal)
            cy, cx = max(nxt, key=lambda p: abs(p[0] - cy) + abs(p[1] - cx))
            steps += 1
        if steps < max(2, trace // 2):
            continue
        vy, vx = y - cy, x - cx
        norm = float(np.hypot(vy, vx))
        if norm > 0:
            ends.append(End(int(y), int(x), vy / norm, vx / norm, int(parts[y, x])))
    return ends


def _extent(parts: np.ndarray, n: int) -> np.ndarray:
    """Each part's bounding box (y0, x0, y1, x1), in pixels (row 0 unused)."""
    ys, xs = np.nonzero(parts)
    lab = parts[ys, xs]
    lo = np.full((n + 1, 2), np.inf)
    hi = np.full((n + 1, 2), -np.inf)
    np.minimum.at(lo, lab, np.stack([ys, xs], 1))
    np.maximum.at(hi, lab, np.stack([ys, xs], 1))
    return np.concatenate([lo, hi], 1)


def bridges(lines: np.ndarray, config: GapConfig = GapConfig(), min_gap: float = 0.0) -> list[tuple[End, End]]:
    """Pairs of stroke ends to join: each end pointing at the other, the gap wider than
    `min_gap` (closed anyway) and no wider than the config allows. Each end joins once,
    nearest pairs first."""
    size = lines.shape[0]
    skel = thin(lines)
    at = end_pixels(skel)
    # Only ends with another end at a bridgeable distance are traced: most drawings have
    # none, and tracing is the slow part.
    near = np.hypot(*(at[None, :, :] - at[:, None, :]).transpose(2, 0, 1))
    near = ((near > min_gap) & (near <= config.max_gap_frac * size)).any(1)
    if near.sum() < 2:
        return []
    # 8-connected pieces of the drawing: the 4-connected labels of the skeleton thickened by one
    parts, n = label_regions(dilate(skel, 1.0))
    parts = parts * skel
    ends = stroke_ends(skel, max(3, int(round(config.trace_frac * size))), parts, at[near])
    if len(ends) < 2:
        return []
    p = np.array([(e.y, e.x) for e in ends], float)
    d = np.array([(e.dy, e.dx) for e in ends])
    v = p[None, :, :] - p[:, None, :]                   # v[i, j]: from end i to end j
    gap = np.hypot(v[..., 0], v[..., 1])
    cos_turn = np.cos(np.radians(config.max_turn_deg))
    # end i points at j, and j at i: i's direction along v[i, j], j's along v[j, i] = -v[i, j]
    facing = (np.einsum("ik,ijk->ij", d, v) >= cos_turn * gap)
    box = _extent(parts, n)[[e.part for e in ends]]
    # The smaller of the two pieces sets the scale: a cat's whisker pointing at the tip of its
    # small nose is not a gap in an outline, though the two together span the face.
    own = (box[:, 2:] - box[:, :2]).max(-1) + 1
    span = np.minimum(own[:, None], own[None, :])
    ok = (facing & facing.T & (gap > min_gap) & (gap <= config.max_gap_frac * size)
          & (gap <= config.max_share * span))
    i, j = np.nonzero(np.triu(ok, 1))
    used, out = set(), []
    for k in np.argsort(gap[i, j], kind="stable"):
        a, b = int(i[k]), int(j[k])
        if a in used or b in used:
            continue
        used.update((a, b))
        out.append((ends[a], ends[b]))
    return out


def bridge_mask(ink: np.ndarray, config: GapConfig = GapConfig(), min_gap: float = 0.0,
                work_size: int = 128) -> np.ndarray:
    """The bridges of `bridges` for the lines of `ink` ((S, S) in [0, 1], as the model sees
    it), drawn 1 px wide, as a mask the shape of `ink`.

    Above `work_size` the ends are found on the ink averaged down to it and scaled back: the
    lines are then about as thick as in the preview (taken to any pixel they came out thicker,
    and the final picture found bridges its preview had not), and thinning a 256² render cost
    4 ms more. The two inks are still rounded differently, so a marginal pair of ends can be
    bridged in one and not the other. The bridge is drawn as wide as the reduction, so it seals."""
    h, w = ink.shape
    f = max(1, min(h, w) // work_size)
    if f == 2:
        small = halve(ink[:h // 2 * 2, :w // 2 * 2])
    else:
        small = ink[:h // f * f, :w // f * f].reshape(h // f, f, w // f, f).mean(axis=(1, 3)) if f > 1 else ink
    img = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(img)
    for a, b in bridges(lines_of(small), config, min_gap / f):
        draw.line([(a.x * f + f // 2, a.y * f + f // 2), (b.x * f + f // 2, b.y * f + f // 2)], fill=255, width=f)
    return np.asarray(img) > 0
