"""A coarse triangle mesh over each part, and the warp that carries the picture along with it.

The mesh is the regular grid of square cells that touch a part's ink (widened by two pixels
so a line's soft edge is inside), each cell cut into two triangles along alternating
diagonals. A grid needs no triangulator, covers any silhouette, and its triangles are all
alike, which keeps the as-rigid-as-possible solve well behaved. Parts get separate meshes, so
a house and the sun beside it never drag each other along.

Drawing a frame is the inverse warp: every frame pixel finds the moved triangle it lies in,
and the triangle's affine map says where that pixel was in the still picture, sampled
bilinearly. All triangles are rasterised together in whole-array numpy (no loop per
triangle), so a frame costs a few milliseconds. Where moved triangles overlap, a pixel shows
ink before paper, and a small part before a big one (the sun passes in front of the house).
A part only ever shows its own ink: a neighbour's line inside its cells is paper to it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.motion.figure import Figure, Part

CELLS_ACROSS = 14      # cells along a part's longer side: coarse and smooth, yet legs get their own
EDGE_PX = 2.0          # the mesh reaches this far past the ink


@dataclass
class Mesh:
    rest: np.ndarray           # (V, 2) float64 vertex positions (x, y) in the still picture
    tris: np.ndarray           # (T, 3) int64 vertex indices
    tri_label: np.ndarray      # (T,) int32: the owner label of the part the triangle belongs to
    spans: list[slice]         # each part's vertices: rest[spans[i]] belong to figure.parts[i]
    cells: list[float]         # each part's cell size in pixels


def cell_size(part: Part, cells_across: int = CELLS_ACROSS) -> float:
    """Cells about 1/14 of the part; finer where legs stand close, so each leg has its own."""
    cell = max(part.width, part.height) / cells_across
    legs = sorted(part.legs, key=lambda g: g.box[0])
    for a, b in zip(legs, legs[1:]):
        cell = min(cell, max(1.0, b.box[0] - a.box[2]) / 1.5 + 1.0)
    for leg in legs:
        cell = min(cell, (leg.box[3] - leg.box[1]) / 4)
    return float(np.clip(cell, 3.0, 40.0))


def build_mesh(figure: Figure, cells_across: int = CELLS_ACROSS) -> Mesh:
    rest, tris, labels, spans, cells = [], [], [], [], []
    start = 0
    for part in figure.parts:
        cell = cell_size(part, cells_across)
        verts, faces = _part_mesh(figure, part, cell)
        rest.append(verts)
        tris.append(faces + start)
        labels.append(np.full(len(faces), part.label, np.int32))
        spans.append(slice(start, start + len(verts)))
        cells.append(cell)
        start += len(verts)
    return Mesh(np.concatenate(rest), np.concatenate(tris), np.concatenate(labels), spans, cells)


def _part_mesh(figure: Figure, part: Part, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """Vertices and triangles of the grid cells that touch the part's (slightly widened) ink."""
    x0, y0, x1, y1 = part.box
    pad = int(np.ceil(EDGE_PX)) + 1
    gx, gy = x0 - pad, y0 - pad                       # grid origin
    nx = int(np.ceil((x1 - x0 + 2 * pad) / cell))
    ny = int(np.ceil((y1 - y0 + 2 * pad) / cell))
    # The part's ink in a crop of the grid's size (cells may reach past the picture's edge).
    hgt, wid = int(np.ceil(ny * cell)) + 1, int(np.ceil(nx * cell)) + 1
    crop = np.zeros((hgt, wid), bool)
    H, W = figure.owner.shape
    sy0, sx0 = max(0, gy), max(0, gx)
    sy1, sx1 = min(H, gy + hgt), min(W, gx + wid)
    crop[sy0 - gy:sy1 - gy, sx0 - gx:sx1 - gx] = figure.owner[sy0:sy1, sx0:sx1] == part.label
    crop = dilate(crop, EDGE_PX)
    ys, xs = np.nonzero(crop)
    used = np.zeros((ny, nx), bool)
    used[np.minimum((ys / cell).astype(int), ny - 1), np.minimum((xs / cell).astype(int), nx - 1)] = True
    ci, cj = np.nonzero(used)                          # cell rows, columns
    a = ci * (nx + 1) + cj                             # corner vertex ids on the full grid
    b, c, d = a + 1, a + nx + 2, a + nx + 1            # right, down-right, down
    flip = (ci + cj) % 2 == 1                          # alternate diagonals: no grain to bend along
    faces = np.concatenate([np.stack([a, b, np.where(flip, d, c)], 1),
                            np.stack([np.where(flip, b, a), c, d], 1)])
    keep, inverse = np.unique(faces, return_inverse=True)
    verts = np.stack([gx + (keep % (nx + 1)) * cell, gy + (keep // (nx + 1)) * cell], 1).astype(np.float64)
    return verts, inverse.reshape(faces.shape).astype(np.int64)


class Warper:
    """Draws a frame from moved mesh vertices: `render(vertices)` -> (H, W, 3) uint8."""

    def __init__(self, figure: Figure, mesh: Mesh):
        self.mesh = mesh
        h, w = figure.owner.shape
        self.size = (w, h)
        # One pixel of white paper around the picture: sampling past its edge finds paper.
        owner = np.pad(figure.owner, 1)
        self._owner = owner
        self._img = np.pad(figure.image, ((1, 1), (1, 1), (0, 0)), constant_values=255).reshape(-1, 3).astype(np.float32)
        # The one part whose ink lies in each 2 x 2 block of pixels (0: paper only, -1: two
        # parts'), so a bilinear sample checks the part of its four pixels with one look-up.
        quad = np.stack([owner, np.roll(owner, -1, 1), np.roll(owner, -1, 0), np.roll(owner, (-1, -1), (0, 1))])
        most = quad.max(0)
        least = np.where(quad > 0, quad, np.iinfo(np.int32).max).min(0)
        self._block = np.where(most == 0, 0, np.where(least == most, most, -1)).ravel()
        # Later (smaller) parts win ties, so they pass in front of bigger ones.
        rank = np.zeros(int(figure.owner.max()) + 1, np.int64)
        rank[[p.label for p in figure.parts]] = np.arange(len(figure.parts))
        self._rank = rank[mesh.tri_label]

    def source_map(self, vertices: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """For the frame pixels some moved triangle covers: their flat indices, where they were
        in the still picture (x, y) and the label of the part that shows there.

        Scanline rasterisation of all triangles at once: each (triangle, pixel row) pair gets
        its span of pixels from the triangle's edges, and along a span the source position
        grows by a constant step. An edge is always computed from its lower-numbered vertex,
        so two triangles that share it agree to the last bit and no pixel falls between them."""
        w, h = self.size
        tris = self.mesh.tris
        p = vertices[tris]                                 # (T, 3, 2) where the triangles are now
        ext = np.concatenate([p, np.ones((len(tris), 3, 1))], 2).transpose(0, 2, 1)   # columns (x, y, 1)
        ok = np.abs(np.linalg.det(ext)) > 1e-9
        # The affine map from a frame point (x, y, 1) to where it was: rest corners times the
        # inverse of the moved corners.
        aff = self.mesh.rest[tris].transpose(0, 2, 1) @ np.linalg.inv(np.where(ok[:, None, None], ext, np.eye(3)))
        y0 = np.maximum(np.ceil(p[..., 1].min(1) - 1e-6), 0).astype(np.int64)
        y1 = np.minimum(np.floor(p[..., 1].max(1) + 1e-6), h - 1).astype(np.int64)
        rows = np.where(ok, np.maximum(y1 - y0 + 1, 0), 0)
        t = np.repeat(np.arange(len(tris)), rows)          # one entry per (triangle, row)
        y = (np.arange(rows.sum()) - np.repeat(np.cumsum(rows) - rows, rows) + y0[t]).astype(np.float64)
        xl = np.full(len(t), np.inf)
        xr = np.full(len(t), -np.inf)
        for a, b in ((0, 1), (1, 2), (2, 0)):
            first = tris[:, a] < tris[:, b]
            pa = np.where(first[:, None], p[:, a], p[:, b])[t]
            pb = np.where(first[:, None], p[:, b], p[:, a])[t]
            dy = pb[:, 1] - pa[:, 1]
            crosses = (y >= np.minimum(pa[:, 1], pb[:, 1]) - 1e-6) & (y <= np.maximum(pa[:, 1], pb[:, 1]) + 1e-6)
            flat_edge = np.abs(dy) < 1e-12
            x = pa[:, 0] + (y - pa[:, 1]) * (pb[:, 0] - pa[:, 0]) / np.where(flat_edge, 1.0, dy)
            lo = np.where(flat_edge, np.minimum(pa[:, 0], pb[:, 0]), x)
            hi = np.where(flat_edge, np.maximum(pa[:, 0], pb[:, 0]), x)
            xl = np.where(crosses, np.minimum(xl, lo), xl)
            xr = np.where(crosses, np.maximum(xr, hi), xr)
        x0 = np.maximum(np.ceil(xl - 1e-6), 0)
        x1 = np.minimum(np.floor(xr + 1e-6), w - 1)
        n = np.where(np.isfinite(xl), np.maximum(x1 - x0 + 1, 0), 0).astype(np.int64)
        # Each row's span, pixel by pixel: where its first pixel was, plus a step per pixel.
        a = aff[t]
        sx0 = a[:, 0, 0] * x0 + a[:, 0, 1] * y + a[:, 0, 2]
        sy0 = a[:, 1, 0] * x0 + a[:, 1, 1] * y + a[:, 1, 2]
        k = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
        sx = np.repeat(sx0, n) + np.repeat(a[:, 0, 0], n) * k
        sy = np.repeat(sy0, n) + np.repeat(a[:, 1, 0], n) * k
        flat = np.repeat((y * w + x0).astype(np.int64), n) + k
        label = np.repeat(self.mesh.tri_label[t], n)
        return self._resolve(flat, sx, sy, label, np.repeat(self._rank[t], n))

    def _resolve(self, flat, sx, sy, label, rank):
        """Pixels that two moved triangles cover keep one: ink before paper, then the smaller
        part. Neighbouring triangles share their edge pixels too, which settles the same way."""
        w, h = self.size
        twice = np.bincount(flat, minlength=w * h)[flat] > 1
        if not twice.any():
            return flat, sx, sy, label
        d = np.nonzero(twice)[0]
        near = self._owner[np.clip(np.rint(sy[d]).astype(np.int64) + 1, 0, h + 1),
                           np.clip(np.rint(sx[d]).astype(np.int64) + 1, 0, w + 1)]
        score = (near == label[d]) * 1024 + rank[d]
        best = np.full(w * h, -1, np.int64)
        np.maximum.at(best, flat[d], score)
        win = d[score == best[flat[d]]]
        _, first = np.unique(flat[win], return_index=True)     # equal scores: the first one
        keep = ~twice
        keep[win[first]] = True
        return flat[keep], sx[keep], sy[keep], label[keep]

    def render(self, vertices: np.ndarray) -> np.ndarray:
        w, h = self.size
        flat, sx, sy, label = self.source_map(vertices)
        # Bilinear sampling in the padded picture, from the part's own ink and paper only.
        x, y = sx + 1, sy + 1
        ix = np.clip(np.floor(x).astype(np.int64), 0, w)
        iy = np.clip(np.floor(y).astype(np.int64), 0, h)
        fx = np.clip(x - ix, 0, 1).astype(np.float32)[:, None]
        fy = np.clip(y - iy, 0, 1).astype(np.float32)[:, None]
        row = w + 2
        base = iy * row + ix
        corners = [np.take(self._img, base + off, axis=0) for off in (0, 1, row, row + 1)]
        block = np.take(self._block, base)
        mixed = np.nonzero((block != 0) & (block != label))[0]      # a neighbour's ink is near
        for c, off in zip(corners, (0, 1, row, row + 1)):
            own = np.take(self._owner, base[mixed] + off)
            c[mixed[(own != 0) & (own != label[mixed])]] = 255.0
        top = corners[0] + fx * (corners[1] - corners[0])
        bottom = corners[2] + fx * (corners[3] - corners[2])
        out = np.full((h * w, 3), 255, np.uint8)
        out[flat] = (top + fy * (bottom - top) + 0.5).astype(np.uint8)
        return out.reshape(h, w, 3)
