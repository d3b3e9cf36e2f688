"""The motions: where each part's mesh vertices go at a moment `t` of the loop (0 <= t < 1).

Every motion is a smooth function of position and time, so neighbouring vertices move
together (nothing tears) and the loop closes on itself (frame 0 follows the last frame).
Sizes are shares of the part's own height, with a floor for tiny parts (a dot still hops so
you can see it), and a hop never lifts a part further than the room above it allows.
Walk moves the feet and holds the body; the legs in between follow as rigidly as possible
(motion/arap.py). A part without legs hops instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from icanvas_desktop.motion.arap import Arap
from icanvas_desktop.motion.figure import Part

TAU = 2 * np.pi


@dataclass(frozen=True)
class Stage:
    """What a motion needs to know about the picture around a part."""
    height: int          # the frame's height in pixels

    def reach(self, part: Part) -> float:
        """The part's size for motion: its height, but never less than a fifth of the frame."""
        return max(part.height, 0.2 * self.height)

    def lift(self, part: Part, want: float) -> float:
        """A hop of `want` pixels, lowered when the part is near the top (never below a quarter)."""
        return min(want, max(float(part.box[1]), want / 4))


def _scale(v: np.ndarray, origin, sx: float, sy: float) -> np.ndarray:
    return (v - origin) * (sx, sy) + origin


def _turn(v: np.ndarray, origin, angle) -> np.ndarray:
    """Rotate about `origin`; `angle` a number or one per vertex (radians, clockwise on screen)."""
    c, s = np.cos(angle), np.sin(angle)
    d = v - origin
    return np.stack([c * d[:, 0] - s * d[:, 1], s * d[:, 0] + c * d[:, 1]], 1) + origin


def _up(part: Part, v: np.ndarray) -> np.ndarray:
    """How far up the part each vertex is: 0 at its base, 1 at its top."""
    return np.clip((part.base[1] - v[:, 1]) / max(part.height, 1), 0, 1)


def _hop(t: float, air: tuple[float, float]) -> tuple[float, float, float]:
    """A hop's (height share, squash, stretch) at `t`: on the ground outside `air`, squashing
    down and back up; in the air a parabola, stretched most just after take-off and just
    before landing. All three are 0 at take-off and landing, so the pieces join smoothly."""
    a0, a1 = air
    if a0 <= t < a1:
        a = (t - a0) / (a1 - a0)
        return 4 * a * (1 - a), 0.0, abs(np.sin(TAU * a))
    ground = 1 - (a1 - a0)
    g = ((t - a1) % 1) / ground
    return 0.0, np.sin(np.pi * g), 0.0


def bounce(v: np.ndarray, part: Part, t: float, stage: Stage) -> np.ndarray:
    """Squash down on the ground, spring up (stretched), fall back and land squashing."""
    height, squash, stretch = _hop(t, (0.25, 0.8))
    sy = 1 - 0.18 * squash + 0.1 * stretch
    v = _scale(v, part.base, 1 / sy, sy)
    return v - (0, stage.lift(part, 0.35 * stage.reach(part)) * height)


def wobble(v: np.ndarray, part: Part, t: float, stage: Stage) -> np.ndarray:
    """Jelly: the base stays put, the top sways most and a little late, and the body squashes
    and stretches at twice the sway's beat."""
    up = _up(part, v)
    phase = TAU * 2 * t
    sway = 0.12 * stage.reach(part) * up ** 1.5 * np.sin(phase - 1.2 * up)
    sy = 1 + 0.07 * np.sin(2 * phase)
    v = _scale(v, part.base, 1 / sy, sy)
    return v + np.stack([sway, np.zeros_like(sway)], 1)


def dance(v: np.ndarray, part: Part, t: float, stage: Stage) -> np.ndarray:
    """Sway from the hips (the top leans further than the middle: a bend, not a tilt), a
    squash on each of four beats, and a little step to each side."""
    up = _up(part, v)
    lean = 0.28 * np.sin(TAU * t)
    beat = (0.5 + 0.5 * np.cos(TAU * (4 * t - 0.1))) ** 2    # just after each quarter
    sy = 1 - 0.1 * beat
    v = _scale(v, part.base, 1 / sy, sy)
    v = _turn(v, part.base, lean * up)
    return v + (0.07 * stage.reach(part) * np.sin(TAU * t), 0)


def float_(v: np.ndarray, part: Part, t: float, stage: Stage) -> np.ndarray:
    """Rise, drift and rock gently, breathing a little, and settle back: all in one piece."""
    rise = stage.lift(part, 0.25 * stage.reach(part)) * (0.5 - 0.5 * np.cos(TAU * t))
    breathe = 1 + 0.025 * np.sin(TAU * 2 * t)
    v = _scale(v, part.centre, breathe, breathe)
    v = _turn(v, part.centre, 0.09 * np.sin(TAU * t))
    return v + (0.05 * stage.reach(part) * np.sin(TAU * t), -rise)


def spin_hop(v: np.ndarray, part: Part, t: float, stage: Stage, turn: int = 1) -> np.ndarray:
    """A high hop with a whole turn in the air, squashing on take-off and landing."""
    height, squash, stretch = _hop(t, (0.2, 0.85))
    a = np.clip((t - 0.2) / 0.65, 0, 1)
    spin = turn * TAU * a * a * (3 - 2 * a)          # smooth start and stop of the turn
    sy = 1 - 0.2 * squash + 0.06 * stretch
    v = _scale(v, part.base, 1 / sy, sy)
    lift = stage.lift(part, 0.5 * stage.reach(part)) * height
    return _turn(v, part.centre, spin) - (0, lift)


def hop(v: np.ndarray, part: Part, t: float, stage: Stage) -> np.ndarray:
    """Walk without legs: two little hops, one to each side, leaning the way it goes."""
    half = (2 * t) % 1
    height, squash, stretch = _hop(half, (0.15, 0.85))
    side = 1 if t < 0.5 else -1
    sy = 1 - 0.14 * squash + 0.05 * stretch
    v = _scale(v, part.base, 1 / sy, sy)
    v = _turn(v, part.base, side * 0.12 * height)
    drift = 0.1 * stage.reach(part) * np.sin(TAU * t - 0.5)
    return v + (drift, -stage.lift(part, 0.2 * stage.reach(part)) * height)


class Walker:
    """Walk for a part with legs: the body bobs and rocks over the standing foot; each leg
    swings from its hip in turn (neighbouring legs opposite, like a child's stride or a dog's
    trot) and lifts as it swings forward, drawn up along its length so a stick leg stays a
    straight line. The body and the legs below the hip are placed; the hip joint between
    them bends as rigidly as possible."""

    SWING = 0.3             # radians each way, at most
    LIFT = 0.22             # of the leg's length

    def __init__(self, part: Part, rest: np.ndarray, tris: np.ndarray, cell: float):
        self.rest = rest
        self.legs = legs = sorted(part.legs, key=lambda g: g.hip[0])
        self.hip_y = min(g.hip[1] for g in legs)
        self.hip_c = (float(np.mean([g.hip[0] for g in legs])), self.hip_y)
        self.length = float(np.mean([g.foot[1] - g.hip[1] for g in legs]))
        # Neighbouring feet swing towards each other: never so far that they cross.
        gaps = [b.foot[0] - a.foot[0] for a, b in zip(legs, legs[1:])]
        self.swing = min(self.SWING, float(np.arctan2(0.3 * max(1.0, min(gaps)), self.length)))
        x, y = rest[:, 0], rest[:, 1]
        body = y <= self.hip_y - 0.5 * cell
        # Each vertex under the hip joint goes with the leg whose middle line is nearest.
        off = np.stack([np.abs(x - self._axis_x(g, y)) for g in legs])
        nearest = off.argmin(0)
        below = y >= self.hip_y + cell
        self.feet = [np.nonzero(below & (nearest == k) & (off[k] <= (g.box[2] - g.box[0]) / 2 + cell))[0]
                     for k, g in enumerate(legs)]
        held = body.copy()
        for f in self.feet:
            held[f] = True
        body |= _unanchored(tris, len(rest), held)
        self.body = np.nonzero(body)[0]
        self.arap = Arap(rest, tris, np.concatenate([self.body] + self.feet))
        self._last: np.ndarray | None = None

    @staticmethod
    def _axis_x(leg, y: np.ndarray) -> np.ndarray:
        """The leg's middle line (hip to foot) at height y."""
        (hx, hy), (fx, fy) = leg.hip, leg.foot
        return hx + (y - hy) / max(fy - hy, 1.0) * (fx - hx)

    def pose(self, t: float) -> np.ndarray:
        rock = 0.05 * np.sin(TAU * t)                           # over the standing foot
        stance = self.swing * np.sin(TAU * t)
        drop = self.length * (1 - np.cos(stance))               # legs apart: the body is lower
        want = _turn(self.rest, self.hip_c, rock) + (0, drop)     # the body's vertices
        for k, (leg, idx) in enumerate(zip(self.legs, self.feet)):
            phase = TAU * t + np.pi * (k % 2)
            swing = self.swing * np.sin(phase)
            lift = self.LIFT * max(0.0, np.cos(phase)) ** 2      # while it swings forward
            hip = _turn(np.array([leg.hip]), self.hip_c, rock)[0] + (0, drop)   # moves with the body
            axis = np.subtract(leg.foot, leg.hip)
            axis = axis / max(np.hypot(*axis), 1e-9)
            rel = self.rest[idx] - leg.hip
            rel = rel - lift * (rel @ axis)[:, None] * axis       # drawn up towards the hip
            want[idx] = _turn(rel + hip, hip, swing)
        out = self.arap.solve(want[self.arap.handles], self._last,
                              rounds=4 if self._last is not None else 12)
        self._last = out
        return out

    def reset(self) -> None:
        self._last = None


def _unanchored(tris: np.ndarray, n: int, held: np.ndarray) -> np.ndarray:
    """Vertices of mesh islands that hold no handle (a speck near a leg): they go with the body."""
    lab = np.arange(n)
    a, b = tris[:, [0, 1, 2]].ravel(), tris[:, [1, 2, 0]].ravel()
    while True:
        m = np.minimum(lab[a], lab[b])
        new = lab.copy()
        np.minimum.at(new, a, m)
        np.minimum.at(new, b, m)
        new = new[new]
        if np.array_equal(new, lab):
            break
        lab = new
    anchored = np.isin(lab, lab[held])
    used = np.isin(np.arange(n), tris.ravel())
    return used & ~anchored


SIMPLE = {"bounce": bounce, "wobble": wobble, "dance": dance, "float": float_, "spin-hop": spin_hop}
