"""Line clean-up in numpy: binarise, thin to a 1-pixel skeleton, redraw at a canonical width.

Used for raster sketches (a photo of a paper drawing, a PNG) at inference and for every
training input, so that the model always sees lines of one width, whatever pen drew them.
This is the first defence against the seed project's distribution mismatch.
"""

from __future__ import annotations

import numpy as np

# The 8 neighbours in the bit order of `neighbour_code`: P2..P9 clockwise from north, so
# consecutive bits are neighbours round the ring (Zhang-Suen and `gaps` count runs on it).
NEIGHBOURS = [(-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1)]


def ring_counts(code: int) -> tuple[list[int], int, int]:
    """(the 8 neighbour bits, how many are set, how many separate runs they form round the
    ring) of a `neighbour_code` value."""
    p = [(code >> i) & 1 for i in range(8)]
    return p, sum(p), sum(p[i] == 0 and p[(i + 1) % 8] == 1 for i in range(8))


def _zhang_suen_tables() -> tuple[np.ndarray, np.ndarray]:
    t1 = np.zeros(256, bool)
    t2 = np.zeros(256, bool)
    for code in range(256):
        p, b, a = ring_counts(code)               # p[0]=P2 ... p[7]=P9
        if not (2 <= b <= 6 and a == 1):
            continue
        p2, p3, p4, p5, p6, p7, p8, p9 = p
        if p2 * p4 * p6 == 0 and p4 * p6 * p8 == 0:
            t1[code] = True
        if p2 * p4 * p8 == 0 and p2 * p6 * p8 == 0:
            t2[code] = True
    return t1, t2


_T1, _T2 = _zhang_suen_tables()


def neighbour_code(img: np.ndarray) -> np.ndarray:
    h, w = img.shape
    pad = np.zeros((h + 2, w + 2), np.uint8)       # one uint8 copy, shifted in place
    pad[1:-1, 1:-1] = img
    code = pad[:h, 1:w + 1].copy()                  # bit 0: the north neighbour
    bit_plane = np.empty((h, w), np.uint8)
    for bit, (dy, dx) in enumerate(NEIGHBOURS[1:], 1):
        np.left_shift(pad[1 + dy:1 + dy + h, 1 + dx:1 + dx + w], bit, out=bit_plane)
        code |= bit_plane
    return code


def thin(mask: np.ndarray, max_iter: int = 200) -> np.ndarray:
    """Zhang-Suen thinning of a boolean mask to a connected 1-pixel skeleton.

    Each sub-iteration reads the neighbour code (`neighbour_code`) of the pixels still set,
    and only of them (a gather at eight offsets in the flat, padded picture), then one table
    look-up decides which go. The lines are a small part of the picture, so this is several
    times cheaper than coding every pixel: it runs on every live preview (`gaps`).
    """
    h, w = mask.shape
    wide = w + 2
    pad = np.zeros((h + 2) * wide, np.uint8)
    pad.reshape(h + 2, wide)[1:-1, 1:-1] = mask
    at = np.flatnonzero(pad)
    offsets = [dy * wide + dx for dy, dx in NEIGHBOURS]
    for _ in range(max_iter):
        changed = False
        for table in (_T1, _T2):
            code = pad[at + offsets[0]]
            for bit, off in enumerate(offsets[1:], 1):
                code |= pad[at + off] << bit
            kill = table[code]
            if kill.any():
                pad[at[kill]] = 0
                at = at[~kill]
                changed = True
        if not changed:
            break
    return pad.reshape(h + 2, wide)[1:-1, 1:-1].astype(bool)


def binarise(gray: np.ndarray, darkest_paper: float = 0.75) -> np.ndarray:
    """Ink mask (True = line) of a grayscale image in [0, 1] with dark lines on light paper.

    Otsu's threshold on the histogram, then a guard: a photo of a blank page has no ink,
    rather than its noise becoming lines.

    The threshold is the upper edge of the dark class's last bin, in the middle of the best
    thresholds when several are equally good. A drawing made on a computer has two spikes (one
    pen colour, one paper), every threshold between them separates them equally well, and the
    first one, taken at its bin's centre, cut the pen's own bin in half: a blue pen (grey 0.263,
    above the centre 0.258) or a grey pencil came out as a blank page.
    """
    g = np.clip(gray, 0, 1)
    hist, edges = np.histogram(g, bins=64, range=(0, 1))
    centers = (edges[:-1] + edges[1:]) / 2
    w0 = np.cumsum(hist)
    w1 = w0[-1] - w0
    m0 = np.cumsum(hist * centers)
    mu0 = m0 / np.maximum(w0, 1)
    mu1 = (m0[-1] - m0) / np.maximum(w1, 1)
    between = w0 * w1 * (mu0 - mu1) ** 2
    best = np.flatnonzero(between >= between.max() * (1 - 1e-9))
    k = int(best[len(best) // 2])
    if mu1[k] - mu0[k] < 0.15:
        return np.zeros_like(g, bool)  # no real contrast: a blank page
    return g < min(edges[k + 1], darkest_paper)


def _disk_half_widths(radius: float) -> list[tuple[int, int]]:
    """(dy, half-width) of each row of a digital disc: row dy spans dx in [-w, w]."""
    r = int(np.ceil(radius))
    rows = []
    for dy in range(-r, r + 1):
        left = radius * radius + 1e-6 - dy * dy
        if left >= 0:
            rows.append((dy, int(np.floor(np.sqrt(left)))))
    return rows


def dilate(mask: np.ndarray, radius: float) -> np.ndarray:
    """Binary dilation with a disc: the skeleton redrawn with a round pen.

    Row by row: the disc is a stack of horizontal segments, so the mask is first widened
    sideways once per half-width (each width built from the last), then each row of the
    disc is one vertical shift of the right widening. About 4r array ORs instead of πr²,
    which matters on the live preview's path."""
    if radius < 0.5:
        return mask.astype(bool)
    h, w = mask.shape
    rows = _disk_half_widths(radius)
    wmax = max(hw for _, hw in rows)
    src = np.pad(mask.astype(bool), ((0, 0), (wmax, wmax)))
    widened = [src[:, wmax:wmax + w].copy()]
    for k in range(1, wmax + 1):
        widened.append(widened[-1] | src[:, wmax - k:wmax - k + w] | src[:, wmax + k:wmax + k + w])
    out = np.zeros((h, w), bool)
    for dy, hw in rows:
        if abs(dy) >= h:
            continue
        band = widened[hw]
        # output row y takes input row y + dy
        if dy >= 0:
            out[:h - dy] |= band[dy:]
        else:
            out[-dy:] |= band[:h + dy]
    return out


def halve(a: np.ndarray) -> np.ndarray:
    """A 2-D picture (even sides) at half size, each pixel the mean of its 2x2 block, summed in
    the order numpy's reshape(...).mean((1, 3)) sums it (so the numbers are the same), for a
    tenth of the cost: numpy's reductions over such small axes are slow, and this runs on every
    live preview. A bool mask comes back as whether any of the block is set."""
    if a.dtype == bool:
        return (a[0::2, 0::2] | a[0::2, 1::2]) | (a[1::2, 0::2] | a[1::2, 1::2])
    return ((a[0::2, 0::2] + a[0::2, 1::2]) + (a[1::2, 0::2] + a[1::2, 1::2])) / 4


def redraw(skeleton: np.ndarray, width: float, supersample: int = 1) -> np.ndarray:
    """Draw a skeleton (at `supersample` × the output size) with a round pen of `width`
    output pixels; returns a float ink image in [0, 1] at the output size, anti-aliased."""
    ss = max(1, int(supersample))
    ink = dilate(skeleton, width * ss / 2).astype(np.float32)
    if ss > 1:
        h, w = ink.shape
        ink = ink[: h - h % ss, : w - w % ss].reshape(h // ss, ss, w // ss, ss).mean(axis=(1, 3))
    return ink


def page_rules(ink: np.ndarray, span: float = 0.9) -> np.ndarray:
    """The printed rules of lined or squared paper: straight runs of ink across at least `span`
    of the page, row by row and column by column. A child's line that crosses a rule loses
    only the rule's own 1-3 pixels there, which the canonical redraw closes again."""
    rules = np.zeros_like(ink)
    for axis in (0, 1):
        a = ink if axis == 0 else ink.T
        out = rules if axis == 0 else rules.T
        need = span * a.shape[1]
        # a row whose ink count cannot reach the span is skipped before the run lengths
        for r in np.flatnonzero(a.sum(1) >= need):
            row = np.concatenate(([0], a[r].astype(np.int8), [0]))
            edges = np.flatnonzero(np.diff(row))
            starts, ends = edges[::2], edges[1::2]
            for s0, e0 in zip(starts, ends):
                if e0 - s0 >= need:
                    out[r, s0:e0] = True
    return rules


def erosion_depth(mask: np.ndarray) -> np.ndarray:
    """Each pixel's depth in the mask: the round of 4-neighbour erosion that removes it (the
    picture's edge counts as outside), which is its city-block distance to the nearest pixel
    outside. No SciPy in the app, and a round of erosion per pixel of depth cost a millisecond
    on the live preview's path (Magic colours' points deep inside each shape). The distance is
    separable: along each row to the nearest outside pixel, then down the columns
    min over y' of (row distance at y' + |y - y'|), and both are running minima (four
    `accumulate` scans), on the mask's bounding box only (outside it is all outside)."""
    depth = np.zeros(mask.shape, np.int32)
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    if len(rows) == 0:
        return depth
    m = mask[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = m.shape
    x = np.arange(w, dtype=np.int32)
    # along the rows: distance to the nearest outside pixel on either side (the box's edge is outside)
    left = x - np.maximum.accumulate(np.where(m, np.int32(-1), x), axis=1)
    right = np.minimum.accumulate(np.where(m, np.int32(w), x)[:, ::-1], axis=1)[:, ::-1] - x
    g = np.minimum(left, right)
    # down the columns: g(y') + |y - y'| from above and from below, and the box's top and bottom
    y = np.arange(h, dtype=np.int32)[:, None]
    down = np.minimum.accumulate(g - y, axis=0) + y
    up = np.minimum.accumulate((g + y)[::-1], axis=0)[::-1] - y
    d = np.minimum(np.minimum(down, up), np.minimum(y + 1, h - y))
    depth[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1] = np.where(m, d, 0)
    return depth


def line_half_width(ink: np.ndarray, skel: np.ndarray) -> float:
    """Typical half-width of the lines: the median depth (`erosion_depth`) of the skeleton
    pixels, their medial radius. A coloured-in area adds only a few skeleton pixels, so it
    hardly moves the median (ink area over skeleton length, tried first, read a coloured-in
    sun as lines 96 px wide)."""
    if not skel.any():
        return 0.0
    return float(np.median(erosion_depth(ink)[skel]))


def area_radius(ink: np.ndarray, skel: np.ndarray) -> float:
    """The opening radius that tells an area from a line: three times the drawing's own line
    half-width (`line_half_width`, at most 2.5 % of the page), and at least 1.5 % of the page.
    A drawing that is only one coloured-in shape has no lines to measure (its skeleton is the
    shape's middle); no pen a child holds draws wider than 5 % of the page, so the estimate
    stops there."""
    return max(3.0 * min(line_half_width(ink, skel), 0.025 * max(ink.shape)), 0.015 * max(ink.shape))


def areas_of(mask: np.ndarray, r: float) -> np.ndarray:
    """The parts of `mask` that survive an opening of radius r: areas, not lines."""
    core = ~dilate(~mask, r)
    if not core.any():
        return core
    return dilate(core, r) & mask


def raster_lines(gray: np.ndarray, within: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """(skeleton, area radius) of a page with dark lines on light paper (`paper.photo_to_page`
    turns a dark page round first): binarise, drop the printed rules of lined or squared paper,
    keep only the outline of a shape the child coloured in with a crayon (thinned, a filled
    disc shrinks to one dot and the sun loses its body), thin. `within`: where the sheet is,
    in a photo that shows the table around it (`paper.sheet_of`)."""
    ink = binarise(gray)
    if not ink.any():
        # Nothing darker than 0.75 (the cap keeps paper texture and light crayon out of the
        # lines): a very light pencil. If the page still has two clear levels, they are it.
        ink = binarise(gray, darkest_paper=1.0)
    if within is not None:
        ink &= within
    ink &= ~page_rules(ink)
    skel = thin(ink)
    r = area_radius(ink, skel)
    areas = areas_of(ink, r)
    if areas.any():
        ink = (ink & ~areas) | (areas & dilate(~areas, 1.5))   # an area keeps its outline
        skel = thin(ink)
    return skel, r
