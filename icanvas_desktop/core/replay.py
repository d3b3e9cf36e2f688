"""Replay: a drawing redraws itself stroke by stroke, then turns into its picture.

Pure Pillow, so the gallery screen (on a worker thread) and the animated-GIF export share one
frame list. Stroke timing comes from the points' `t` stamps, squeezed so that a slow drawing
still replays in a few seconds and a fast one is still watchable.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Iterator

from PIL import Image

from icanvas_desktop.core.atomic import atomic_write_bytes
from icanvas_desktop.core.raster import View, render_layers
from icanvas_desktop.core.strokes import Stroke

import numpy as np


@dataclass(frozen=True)
class ReplayConfig:
    long_side: int = 480          # frame size; the canvas aspect is kept
    max_steps: int = 60           # at most this many drawing frames (strokes are grouped beyond)
    min_frame_ms: int = 70
    max_frame_ms: int = 450
    max_drawing_ms: int = 9000    # whole drawing phase, before the picture appears
    fade_frames: int = 8
    fade_ms: int = 90
    start_hold_ms: int = 400
    end_hold_ms: int = 2000


@dataclass(frozen=True)
class Frame:
    image: Image.Image            # RGB
    duration_ms: int
    phase: str                    # "drawing" | "fade" | "picture"


def frame_size(canvas_size: tuple[int, int], long_side: int) -> tuple[int, int]:
    w, h = max(1, canvas_size[0]), max(1, canvas_size[1])
    s = long_side / max(w, h)
    return max(1, round(w * s)), max(1, round(h * s))


def steps(strokes: list[Stroke], max_steps: int) -> list[int]:
    """How many strokes are visible in each drawing frame: one per stroke, grouped evenly
    when there are more strokes than frames. Always ends with all strokes."""
    n = len(strokes)
    if n <= max_steps:
        return list(range(1, n + 1))
    return sorted({round(n * (i + 1) / max_steps) for i in range(max_steps)})


def _durations(strokes: list[Stroke], counts: list[int], cfg: ReplayConfig) -> list[int]:
    def end_t(k: int) -> float:
        pts = strokes[k - 1].points
        return pts[-1].t if pts else 0.0
    out, prev = [], (strokes[0].points[0].t if strokes and strokes[0].points else 0.0)
    for k in counts:
        t = end_t(k)
        gap_ms = max(0.0, (t - prev) * 1000.0)
        out.append(int(min(cfg.max_frame_ms, max(cfg.min_frame_ms, gap_ms))))
        prev = max(prev, t)
    total = sum(out)
    if total > cfg.max_drawing_ms:
        scale = cfg.max_drawing_ms / total
        out = [max(cfg.min_frame_ms // 2, int(d * scale)) for d in out]
    return out


def _render(strokes: list[Stroke], canvas_size: tuple[int, int], size: tuple[int, int]) -> Image.Image:
    view = View(0, 0, size[0] / max(1, canvas_size[0]))
    ink, hint, mask = render_layers(strokes, size, view)
    out = np.ones((size[1], size[0], 3), np.float32)
    out = out * (1 - mask[..., None]) + hint * mask[..., None]
    out = out * (1 - ink[..., None])
    return Image.fromarray((out * 255 + 0.5).astype(np.uint8), "RGB")


def _fit(picture: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The picture scaled to cover the frame, centred (it has the canvas aspect already)."""
    pic = picture.convert("RGB")
    s = max(size[0] / pic.width, size[1] / pic.height)
    pic = pic.resize((max(1, round(pic.width * s)), max(1, round(pic.height * s))), Image.LANCZOS)
    x, y = (pic.width - size[0]) // 2, (pic.height - size[1]) // 2
    return pic.crop((x, y, x + size[0], y + size[1]))


def replay_frames(strokes: list[Stroke], canvas_size: tuple[int, int], picture: Image.Image | None = None,
                  cfg: ReplayConfig = ReplayConfig()) -> Iterator[Frame]:
    """Frames of the replay, produced lazily (each costs one rasterisation)."""
    size = frame_size(canvas_size, cfg.long_side)
    strokes = [s for s in strokes if s.points]
    yield Frame(Image.new("RGB", size, "white"), cfg.start_hold_ms, "drawing")
    counts = steps(strokes, cfg.max_steps)
    last = Image.new("RGB", size, "white")
    for k, ms in zip(counts, _durations(strokes, counts, cfg)):
        last = _render(strokes[:k], canvas_size, size)
        yield Frame(last, ms, "drawing")
    if picture is None:
        yield Frame(last, cfg.end_hold_ms, "picture")
        return
    pic = _fit(picture, size)
    for i in range(1, cfg.fade_frames):
        yield Frame(Image.blend(last, pic, i / cfg.fade_frames), cfg.fade_ms, "fade")
    yield Frame(pic, cfg.end_hold_ms, "picture")


def gif_bytes(frames: list[Frame]) -> bytes:
    """An animated GIF that loops forever."""
    if not frames:
        raise ValueError("no frames to save")
    images = [f.image.convert("RGB") for f in frames]
    buf = io.BytesIO()
    images[0].save(buf, "GIF", save_all=True, append_images=images[1:],
                   duration=[f.duration_ms for f in frames], loop=0, optimize=False, disposal=1)
    return buf.getvalue()


def export_gif(frames: list[Frame], path: str | os.PathLike) -> None:
    """Write the GIF atomically (StorageError with a friendly reason on a full or read-only disk)."""
    atomic_write_bytes(path, gif_bytes(frames))
