"""As-rigid-as-possible deformation of a 2-D triangle mesh (Sorkine and Alexa, 2007).

Some vertices (the handles) are put where a motion wants them; every other vertex follows so
that each triangle stays as close to a rotated copy of itself as it can. That is what lets a
leg swing from the hip and bend smoothly without a skeleton: the body is held, the foot is
moved, and the leg in between turns and curves instead of shearing.

The solve alternates two steps: each triangle's best rotation for the current shape (a
closed form in 2-D), then the positions that best match those rotated triangles (one linear
system whose matrix depends only on the mesh and which vertices are handles, so it is
inverted once). A motion's frames follow one another closely, so each frame starts from the
last frame's answer and needs only a few rounds.
"""

from __future__ import annotations

import numpy as np

_EDGES = ((0, 1), (1, 2), (2, 0))


class Arap:
    def __init__(self, rest: np.ndarray, tris: np.ndarray, handles: np.ndarray):
        """`rest` (V, 2) positions, `tris` (T, 3) indices, `handles` the indices that the
        caller places (each once; `solve` takes their targets in this order). Vertices no
        triangle uses are left where they are."""
        self.rest = np.asarray(rest, np.float64)
        self.tris = np.asarray(tris, np.int64)
        n = len(self.rest)
        self.handles = np.asarray(handles, np.int64)
        if len(np.unique(self.handles)) != len(self.handles):
            raise ValueError("a vertex is given as a handle twice")
        is_free = np.ones(n, bool)
        is_free[self.handles] = False
        is_free[np.setdiff1d(np.arange(n), self.tris.ravel())] = False
        self.free = np.nonzero(is_free)[0]
        # Each triangle edge (i, j), both ways round: the graph Laplacian with unit weights
        # (the grid's triangles are all alike, so cotangent weights would change nothing).
        i = np.concatenate([self.tris[:, a] for a, _ in _EDGES])
        j = np.concatenate([self.tris[:, b] for _, b in _EDGES])
        self._i, self._j = i, j
        lap = np.zeros((n, n))
        np.add.at(lap, (i, j), -1.0)
        np.add.at(lap, (j, i), -1.0)
        np.add.at(lap, (i, i), 1.0)
        np.add.at(lap, (j, j), 1.0)
        f, hd = self.free, self.handles
        self._solve = np.linalg.inv(lap[np.ix_(f, f)]) if len(f) else np.zeros((0, 0))
        self._lap_fh = lap[np.ix_(f, hd)]
        self._rest_edges = (self.rest[j] - self.rest[i]).reshape(3, -1, 2)   # (edge, tri, xy)

    def solve(self, targets: np.ndarray, start: np.ndarray | None = None, rounds: int = 4) -> np.ndarray:
        """Positions of every vertex with the handles at `targets` ((H, 2), in the order of
        `self.handles`), starting from `start` (the last frame; the rest pose if None)."""
        pos = (self.rest if start is None else start).copy()
        pos[self.handles] = targets
        if not len(self.free):
            return pos
        rhs_fixed = self._lap_fh @ pos[self.handles]
        n = len(pos)
        for _ in range(rounds):
            now = (pos[self._j] - pos[self._i]).reshape(3, -1, 2)
            r = self._rest_edges
            # The rotation that best turns each triangle's rest edges onto its current ones.
            cross = (r[..., 0] * now[..., 1] - r[..., 1] * now[..., 0]).sum(0)
            dot = (r[..., 0] * now[..., 0] + r[..., 1] * now[..., 1]).sum(0)
            ang = np.arctan2(cross, dot)
            c, s = np.cos(ang)[None], np.sin(ang)[None]
            turned = np.stack([c * r[..., 0] - s * r[..., 1], s * r[..., 0] + c * r[..., 1]], -1).reshape(-1, 2)
            # Each vertex wants its edges to be the turned rest edges: b = sum over its edges.
            b = np.zeros((n, 2))
            np.add.at(b, self._j, turned)
            np.add.at(b, self._i, -turned)
            pos[self.free] = self._solve @ (b[self.free] - rhs_fixed)
        return pos
