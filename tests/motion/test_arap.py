"""As-rigid-as-possible bending of a triangle mesh (motion/arap.py)."""

from __future__ import annotations

import numpy as np

from icanvas_desktop.motion.arap import Arap


def strip(n: int = 12, cell: float = 10.0) -> tuple[np.ndarray, np.ndarray]:
    """A bar of n square cells, two rows of vertices, each cell cut into two triangles."""
    top = [(i * cell, 0.0) for i in range(n + 1)]
    bottom = [(i * cell, cell) for i in range(n + 1)]
    rest = np.array(top + bottom)
    tris = []
    for i in range(n):
        a, b, c, d = i, i + 1, n + 2 + i, n + 1 + i
        tris += [(a, b, c), (a, c, d)]
    return rest, np.array(tris)


def turn(points, angle, about=(0.0, 0.0)):
    c, s = np.cos(angle), np.sin(angle)
    d = np.asarray(points) - about
    return np.stack([c * d[:, 0] - s * d[:, 1], s * d[:, 0] + c * d[:, 1]], 1) + about


def edge_lengths(pos, tris):
    e = np.concatenate([pos[tris[:, 1]] - pos[tris[:, 0]], pos[tris[:, 2]] - pos[tris[:, 1]],
                        pos[tris[:, 0]] - pos[tris[:, 2]]])
    return np.hypot(e[:, 0], e[:, 1])


def test_handles_moved_rigidly_carry_the_whole_mesh_rigidly():
    rest, tris = strip()
    n = len(rest) // 2
    ends = np.array([0, n - 1, n, 2 * n - 1])             # the four corners of the bar
    moved = turn(rest, 0.7, about=(40, 5)) + (13, -8)
    out = Arap(rest, tris, ends).solve(moved[ends], rounds=100)
    assert np.abs(out - moved).max() < 0.05


def arc(points, angle, length):
    """The bar (centre line y = 5) bent into a circular arc that turns by `angle` over
    `length`: each point keeps its distance along the bar and from the centre line."""
    radius = length / angle
    phi = points[:, 0] / radius
    d = points[:, 1] - 5.0
    return np.stack([(radius - d) * np.sin(phi), 5.0 + radius - (radius - d) * np.cos(phi)], 1)


def test_a_bar_held_at_one_end_and_turned_at_the_other_bends_into_an_arc():
    rest, tris = strip()
    n = len(rest) // 2
    held = np.array([0, 1, n, n + 1])                      # the left end stays
    moved_end = np.array([n - 2, n - 1, 2 * n - 2, 2 * n - 1])
    arap = Arap(rest, tris, np.concatenate([held, moved_end]))
    bent = arc(rest, np.pi / 3, 120.0)                    # the right end turned by 60 degrees
    out = arap.solve(np.concatenate([rest[held], bent[moved_end]]), rounds=80)
    ratio = edge_lengths(out, tris) / edge_lengths(rest, tris)
    assert 0.85 < ratio.min() and ratio.max() < 1.15     # nothing stretches or squashes much
    # The middle follows the arc; a straight blend of the two ends would cut its corner.
    assert np.abs(out - bent).max() < 3.0
    assert np.abs(out[n // 2] - rest[n // 2]).max() > 5


def test_each_frame_starts_from_the_last_and_handles_land_exactly():
    rest, tris = strip()
    n = len(rest) // 2
    handles = np.array([0, n, n - 1, 2 * n - 1])
    arap = Arap(rest, tris, handles)
    first = arap.solve(rest[handles] + (0, 3), rounds=20)
    second = arap.solve(rest[handles] + (0, 3.5), start=first, rounds=2)
    assert np.allclose(second[handles], rest[handles] + (0, 3.5))
    assert np.abs(second - (rest + (0, 3.5))).max() < 0.5   # two rounds from a close start suffice
