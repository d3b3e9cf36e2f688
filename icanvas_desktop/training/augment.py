"""Sketch augmentation: make clean line art look hand-drawn by a child.

All of it lives here, in one place, and `contact_sheet` shows it. Each transform works on a
1-pixel skeleton at 256² (the cached form of every data set); `augment_pair` also moves the
target picture when the geometry changes (rotation, scale), so pairs stay aligned. The last
step is always the canonical re-render that the engine does at inference.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from icanvas_desktop.ml.lines import dilate, redraw, thin


@dataclass(frozen=True)
class AugmentConfig:
    p_affine: float = 0.7
    max_rotate_deg: float = 10.0
    scale_range: tuple[float, float] = (0.85, 1.08)
    p_wobble: float = 0.8
    wobble_px: tuple[float, float] = (1.0, 4.0)     # low-frequency drift of the whole hand
    tremor_px: tuple[float, float] = (0.0, 0.9)     # high-frequency shake
    p_gaps: float = 0.6
    gaps: tuple[int, int] = (1, 8)                  # pen lifts
    p_ends: float = 0.6                             # overshoot / undershoot at closures
    p_double: float = 0.3                           # a second stroke beside the first
    p_missing: float = 0.4                          # small details left out
    p_thick: float = 0.3                            # drawn thick, then thinned (spurs, blobs)


def _smooth_field(rng, shape, cells: int, amp: float) -> tuple[np.ndarray, np.ndarray]:
    import cv2
    h, w = shape
    g = rng.normal(0, 1, (2, cells, cells)).astype(np.float32)
    dx = cv2.resize(g[0], (w, h), interpolation=cv2.INTER_CUBIC) * amp
    dy = cv2.resize(g[1], (w, h), interpolation=cv2.INTER_CUBIC) * amp
    return dx, dy


def _warp(img: np.ndarray, mapx: np.ndarray, mapy: np.ndarray, nearest: bool, border=0) -> np.ndarray:
    import cv2
    interp = cv2.INTER_NEAREST if nearest else cv2.INTER_LINEAR
    return cv2.remap(img, mapx, mapy, interp, borderMode=cv2.BORDER_CONSTANT, borderValue=border)


def _warp_skeleton(skel: np.ndarray, mapx, mapy) -> np.ndarray:
    # A remapped 1-px line can break apart; widen it a little first and thin again after.
    wide = dilate(skel, 1.0).astype(np.uint8) * 255
    return thin(_warp(wide, mapx, mapy, nearest=False) > 100)


def endpoints(skel: np.ndarray) -> np.ndarray:
    from icanvas_desktop.ml.lines import neighbour_code
    code = neighbour_code(skel)
    count = np.unpackbits(code[..., None], axis=-1).sum(-1)
    return np.argwhere(skel & (count == 1))


def _ends(rng, skel: np.ndarray) -> np.ndarray:
    import cv2
    out = skel.copy()
    for y, x in endpoints(skel)[: 40]:
        if rng.random() < 0.5:  # undershoot: the line stops short of where it should meet
            r = int(rng.integers(2, 7))
            out[max(0, y - r):y + r + 1, max(0, x - r):x + r + 1] = False
        else:                    # overshoot: the pen runs on past the corner
            ys, xs = np.nonzero(skel[max(0, y - 5):y + 6, max(0, x - 5):x + 6])
            if len(xs) < 2:
                continue
            cy, cx = ys.mean() + max(0, y - 5), xs.mean() + max(0, x - 5)
            d = np.array([y - cy, x - cx])
            n = np.linalg.norm(d)
            if n < 1e-3:
                continue
            length = rng.uniform(3, 10)
            ey, ex = y + d[0] / n * length, x + d[1] / n * length
            tmp = out.astype(np.uint8)
            cv2.line(tmp, (int(x), int(y)), (int(round(ex)), int(round(ey))), 1, 1)
            out = tmp.astype(bool)
    return out


def _gaps(rng, skel: np.ndarray, count: int) -> np.ndarray:
    out = skel.copy()
    pts = np.argwhere(skel)
    if len(pts) == 0:
        return out
    for y, x in pts[rng.integers(0, len(pts), count)]:
        r = int(rng.integers(1, 4))
        out[max(0, y - r):y + r + 1, max(0, x - r):x + r + 1] = False
    return out


def _double(rng, skel: np.ndarray) -> np.ndarray:
    h, w = skel.shape
    y0, x0 = int(rng.integers(0, h // 2)), int(rng.integers(0, w // 2))
    y1, x1 = y0 + int(rng.integers(h // 4, h // 2)), x0 + int(rng.integers(w // 4, w // 2))
    dy, dx = (int(v) for v in rng.integers(-3, 4, 2))
    part = np.zeros_like(skel)
    part[y0:y1, x0:x1] = skel[y0:y1, x0:x1]
    part = np.roll(np.roll(part, dy, 0), dx, 1)
    return skel | part


def _missing(rng, skel: np.ndarray) -> np.ndarray:
    import cv2
    n, labels, stats, _ = cv2.connectedComponentsWithStats(skel.astype(np.uint8), connectivity=8)
    out = skel.copy()
    for i in range(1, n):
        if stats[i, cv2.CC_STAT_AREA] < 40 and rng.random() < 0.5:
            out[labels == i] = False
    return out


def augment_pair(rng: np.random.Generator, skel: np.ndarray, target: np.ndarray,
                 cfg: AugmentConfig = AugmentConfig()) -> tuple[np.ndarray, np.ndarray]:
    """A hand-drawn-looking skeleton, and the target moved by the same geometry."""
    import cv2
    skel = skel.astype(bool)
    h, w = skel.shape
    gy, gx = np.mgrid[0:h, 0:w].astype(np.float32)
    if rng.random() < cfg.p_affine:
        ang = rng.uniform(-cfg.max_rotate_deg, cfg.max_rotate_deg)
        sc = rng.uniform(*cfg.scale_range)
        m = cv2.getRotationMatrix2D((w / 2, h / 2), ang, sc)
        mi = cv2.invertAffineTransform(m)
        mx = (mi[0, 0] * gx + mi[0, 1] * gy + mi[0, 2]).astype(np.float32)
        my = (mi[1, 0] * gx + mi[1, 1] * gy + mi[1, 2]).astype(np.float32)
        skel = _warp_skeleton(skel, mx, my)
        target = _warp(np.ascontiguousarray(target), mx, my, nearest=False, border=(255, 255, 255))
    if rng.random() < cfg.p_thick:
        skel = thin(dilate(skel, rng.uniform(2, 5)))
    if rng.random() < cfg.p_wobble:
        dx, dy = _smooth_field(rng, (h, w), 4, rng.uniform(*cfg.wobble_px))
        tx, ty = _smooth_field(rng, (h, w), 24, rng.uniform(*cfg.tremor_px))
        skel = _warp_skeleton(skel, gx + dx + tx, gy + dy + ty)
    if rng.random() < cfg.p_missing:
        skel = _missing(rng, skel)
    if rng.random() < cfg.p_ends:
        skel = _ends(rng, skel)
    if rng.random() < cfg.p_double:
        skel = _double(rng, skel)
    if rng.random() < cfg.p_gaps:
        skel = _gaps(rng, skel, int(rng.integers(*cfg.gaps)))
    return skel, target


def main_colour(color: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """The colour that covers most of `inside`: the fullest bin of a coarse colour histogram
    (black lines and paper left out), averaged. A tree's canopy green, not the average of
    green leaves and a brown trunk."""
    px = color[inside].astype(np.int32)
    px = px[(px.max(1) > 60) & (px.min(1) < 235)]
    if len(px) == 0:
        return np.array([200, 200, 200], np.uint8)
    bins = (px[:, 0] // 32) * 64 + (px[:, 1] // 32) * 8 + px[:, 2] // 32
    top = np.bincount(bins).argmax()
    return px[bins == top].mean(0).round().astype(np.uint8)


def bare_outline_pair(color: np.ndarray, line_width_frac: float = 0.02) -> tuple[np.ndarray, np.ndarray]:
    """What a child draws of a picture: only the silhouette's outline, coloured in one colour.

    The line art of emoji sets has inner details (eyes, leaf veins, highlights); children draw
    bare outlines, and on them the styles lost each subject's colour. A bare pair is the
    outline of everything that is not paper (holes filled) as the input, and the silhouette
    in the picture's main colour inside a black line as the target, so the network learns
    colour from shape alone without learning to invent inner details."""
    import cv2
    solid = (color.min(-1) < 235).astype(np.uint8)
    # fill holes: whatever paper the border cannot reach belongs to the silhouette
    flood = np.pad(1 - solid, 1, constant_values=1).astype(np.uint8)   # a frame of paper
    mask = np.zeros((flood.shape[0] + 2, flood.shape[1] + 2), np.uint8)
    cv2.floodFill(flood, mask, (0, 0), 2)
    silhouette = flood[1:-1, 1:-1] != 2
    skel = thin(silhouette & dilate(~silhouette, 1.0))
    target = np.full(color.shape, 255, np.uint8)
    target[silhouette] = main_colour(color, silhouette)
    target[dilate(skel, line_width_frac * color.shape[0] / 2)] = 0
    return skel, target


def canonical_ink(skel: np.ndarray, size: int, line_width_frac: float) -> np.ndarray:
    """The engine's canonical re-render of a 256² skeleton at model resolution `size`."""
    side = skel.shape[0]
    ss = max(1, side // size)
    width = max(1.0, line_width_frac * size)
    ink = redraw(skel, width, supersample=ss)
    if ink.shape[0] != size:
        from PIL import Image
        ink = np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).resize((size, size), Image.BOX),
                         np.float32) / 255.0
    return ink


def contact_sheet(skels: list[np.ndarray], seed: int = 0, variants: int = 5, size: int = 128,
                  line_width_frac: float = 0.02):
    """Rows: one sketch each; columns: clean canonical, then augmented variants."""
    from PIL import Image
    rng = np.random.default_rng(seed)
    tiles = []
    for s in skels:
        row = [canonical_ink(s, size, line_width_frac)]
        dummy = np.full(s.shape + (3,), 255, np.uint8)
        for _ in range(variants):
            a, _ = augment_pair(rng, s, dummy)
            row.append(canonical_ink(a, size, line_width_frac))
        tiles.append(np.concatenate([np.pad(1 - r, 2, constant_values=0.5) for r in row], 1))
    sheet = np.concatenate(tiles, 0)
    return Image.fromarray((sheet * 255).astype(np.uint8))
