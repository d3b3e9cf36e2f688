"""Make a picture move: the frames of a motion, and the loop saved as an animated GIF
(or APNG, or WebP).

`Animation(picture)` does the slow part once (parts, meshes); each frame after that is one
pose and one warp. Frames come out one at a time, in order, so a player can show the first
while the rest are made. Each part starts its motion a moment after the one before it, so a
sun next to a house bounces just behind it, as if it were following.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image, features

from icanvas_desktop.core.atomic import atomic_write_bytes
from icanvas_desktop.motion.figure import Figure, MotionError, find_figure
from icanvas_desktop.motion.mesh import Warper, build_mesh
from icanvas_desktop.motion import MOTIONS
from icanvas_desktop.motion.motions import SIMPLE, Stage, Walker, hop, spin_hop

FPS = 15
FRAMES = 30            # a two-second loop
LONG_SIDE = 512        # frame size: the live picture's size in the app
FOLLOW = 0.07          # how far (a share of the loop) each part lags the one before it
# Frames sit a little off the loop's round fractions. A motion turns round at round moments
# (the top of a hop at 1/4); two frames placed evenly either side of such a moment would be
# the same picture twice.
PHASE = 0.37
FORMATS = {".gif": "GIF", ".png": "PNG", ".apng": "PNG", ".webp": "WEBP"}


def check_motion(name: str) -> str:
    if name not in MOTIONS:
        raise ValueError(f"unknown motion {name!r}; choose one of {', '.join(MOTIONS)}")
    return name


class Animation:
    """A picture ready to move. Raises MotionError when there is nothing on it to move."""

    def __init__(self, picture: Image.Image, long_side: int = LONG_SIDE):
        self.figure: Figure = find_figure(picture, long_side)
        self.mesh = build_mesh(self.figure)
        self.warper = Warper(self.figure, self.mesh)
        self.stage = Stage(self.figure.image.shape[0])
        self._walkers: dict[int, Walker] = {}

    @property
    def still(self) -> Image.Image:
        """The picture at the frame size, paper made white: what every frame is made from."""
        return Image.fromarray(self.figure.image)

    @property
    def can_walk(self) -> bool:
        """Has some part legs to walk on? (Otherwise walk is a hop.)"""
        return any(p.legs for p in self.figure.parts)

    def _walker(self, i: int) -> Walker:
        if i not in self._walkers:
            span = self.mesh.spans[i]
            tris = self.mesh.tris[(self.mesh.tris >= span.start).all(1) & (self.mesh.tris < span.stop).all(1)]
            self._walkers[i] = Walker(self.figure.parts[i], self.mesh.rest[span], tris - span.start,
                                      self.mesh.cells[i])
        return self._walkers[i]

    def pose(self, motion: str, t: float) -> np.ndarray:
        """Every mesh vertex at moment `t` of the loop (0 <= t < 1)."""
        check_motion(motion)
        out = self.mesh.rest.copy()
        for i, (part, span) in enumerate(zip(self.figure.parts, self.mesh.spans)):
            ti = (t - FOLLOW * i) % 1.0
            v = self.mesh.rest[span]
            if motion == "walk":
                out[span] = self._walker(i).pose(ti) if part.legs else hop(v, part, ti, self.stage)
            elif motion == "spin-hop":
                out[span] = spin_hop(v, part, ti, self.stage, turn=1 if i % 2 == 0 else -1)
            else:
                out[span] = SIMPLE[motion](v, part, ti, self.stage)
        return out

    def frame(self, motion: str, t: float) -> Image.Image:
        return Image.fromarray(self.warper.render(self.pose(motion, t)))

    def frames(self, motion: str, count: int = FRAMES) -> Iterator[Image.Image]:
        """The loop's frames in order (lazily: each costs one pose and one warp)."""
        check_motion(motion)
        for w in self._walkers.values():
            w.reset()           # walking starts from the rest pose, the same way every time
        for k in range(max(1, count)):
            yield self.frame(motion, (k + PHASE) / max(1, count))


def animate(picture: Image.Image, motion: str, count: int = FRAMES, long_side: int = LONG_SIDE) -> list[Image.Image]:
    """Every frame of one motion of a picture."""
    check_motion(motion)
    return list(Animation(picture, long_side).frames(motion, count))


def durations_ms(count: int, fps: float = FPS, tick_ms: int = 1) -> list[int]:
    """Frame times that add up to the loop's length exactly, in whole `tick_ms` (GIF counts
    hundredths of a second: 15 fps is 70, 60, 70, ... ms, not 70 ms throughout)."""
    ticks = [round((i + 1) * 1000 / fps / tick_ms) - round(i * 1000 / fps / tick_ms) for i in range(count)]
    return [t * tick_ms for t in ticks]


def animation_bytes(frames: list[Image.Image], fmt: str = "GIF", fps: float = FPS) -> bytes:
    """The frames as a forever-looping GIF, APNG ("PNG") or WebP."""
    if not frames:
        raise ValueError("no frames to save")
    fmt = fmt.upper()
    rgb = [f.convert("RGB") for f in frames]
    buf = io.BytesIO()
    if fmt == "GIF":
        # One palette for the whole loop, from the first frame, without dithering: the colours
        # stay put from frame to frame instead of shimmering.
        # The paper stays pure white: a median cut averages it with the pale pixels at the
        # lines' edges (and Pillow matches colours on a coarse grid), which greyed the page.
        # Near-white entries become white.
        colours = np.array(rgb[0].quantize(255, method=Image.Quantize.MEDIANCUT).getpalette()[:255 * 3])
        colours = colours.reshape(-1, 3)
        colours[colours.min(1) >= 244] = 255
        palette = Image.new("P", (1, 1))
        palette.putpalette(colours.ravel().tolist() + [255, 255, 255] * (256 - len(colours)))
        pal = [f.quantize(palette=palette, dither=Image.Dither.NONE) for f in rgb]
        pal[0].save(buf, "GIF", save_all=True, append_images=pal[1:], loop=0, disposal=1,
                    duration=durations_ms(len(pal), fps, 10), optimize=False)
    elif fmt == "PNG":
        rgb[0].save(buf, "PNG", save_all=True, append_images=rgb[1:], loop=0,
                    duration=durations_ms(len(rgb), fps), compress_level=6)
    elif fmt == "WEBP":
        if not features.check("webp"):
            raise ValueError("this computer's Pillow cannot write WebP; save a .gif instead")
        rgb[0].save(buf, "WEBP", save_all=True, append_images=rgb[1:], loop=0,
                    duration=durations_ms(len(rgb), fps), quality=90, method=4)
    else:
        raise ValueError(f"unknown animation format {fmt!r}; use GIF, PNG (APNG) or WEBP")
    return buf.getvalue()


def format_for(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{Path(path).name}: the file name must end in .gif, .png, .apng or .webp")
    return FORMATS[suffix]


def save_animation(frames: list[Image.Image], path: str | os.PathLike, fps: float = FPS) -> Path:
    """Write the loop atomically, in the format its name ends with (StorageError with a
    friendly reason on a full or read-only disk)."""
    data = animation_bytes(frames, format_for(path), fps)
    atomic_write_bytes(path, data)
    return Path(path)


__all__ = ["Animation", "FPS", "FRAMES", "LONG_SIDE", "MOTIONS", "MotionError", "animate", "animation_bytes",
           "check_motion", "durations_ms", "format_for", "save_animation"]
