"""Rasterise strokes with Pillow: the sketch image, the line mask and the colour hints.

Shared by the engine (model input at canonical width), the gallery (sketch thumbnails) and
training, so every consumer sees strokes drawn the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.core.strokes import ERASE, HINT, LINE, Drawing, Stroke


@dataclass(frozen=True)
class View:
    """Maps canvas coordinates to raster pixels: pixel = (canvas - origin) * scale."""
    x0: float = 0.0
    y0: float = 0.0
    scale: float = 1.0

    def map(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.x0) * self.scale, (y - self.y0) * self.scale


def _draw_polyline(draw: ImageDraw.ImageDraw, pts: list[tuple[float, float]], widths: list[float],
                   fill) -> None:
    # Round caps and joins: a disc at every point plus segments between them. Pillow's own
    # joint="curve" only works for a single width, and pen pressure varies along a stroke.
    for (x, y), w in zip(pts, widths):
        r = w / 2
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    for (a, b), w in zip(zip(pts, pts[1:]), widths[1:]):
        draw.line((a, b), fill=fill, width=max(1, int(round(w))))


def _stroke_geometry(stroke: Stroke, view: View, width: float | None) -> tuple[list, list]:
    pts = [view.map(p.x, p.y) for p in stroke.points]
    if width is None:
        widths = [stroke.width_at(i) * view.scale for i in range(len(stroke.points))]
    else:
        widths = [width] * len(pts)
    return pts, widths


def render_layers(strokes: list[Stroke], size: tuple[int, int], view: View = View(),
                  line_width: float | None = None, supersample: int = 2
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw strokes in order into (ink, hint_rgb, hint_mask) arrays.

    ink: float32 HxW in [0, 1], 1 where a line is. hint_rgb: float32 HxWx3 in [0, 1].
    hint_mask: float32 HxW in [0, 1]. `line_width` (raster pixels) overrides the pen widths and
    pressure for LINE strokes: that is the canonical re-rendering that makes a thick marker and
    a thin pen look alike to a model. Eraser strokes clear both layers, in drawing order.
    """
    w, h = size
    ss = max(1, int(supersample))
    big = View(view.x0, view.y0, view.scale * ss)
    # Hint layers cost as much as the line layer; most drawings have none, so skip them.
    with_hints = any(s.kind == HINT and s.points for s in strokes)
    ink = Image.new("L", (w * ss, h * ss), 0)
    d_ink = ImageDraw.Draw(ink)
    if with_hints:
        hint = Image.new("RGB", (w * ss, h * ss), (0, 0, 0))
        hmask = Image.new("L", (w * ss, h * ss), 0)
        d_hint, d_mask = ImageDraw.Draw(hint), ImageDraw.Draw(hmask)
    for s in strokes:
        if not s.points:
            continue
        if s.kind == LINE:
            pts, widths = _stroke_geometry(s, big, None if line_width is None else line_width * ss)
            _draw_polyline(d_ink, pts, widths, 255)
        elif s.kind == HINT:
            pts, widths = _stroke_geometry(s, big, None)
            _draw_polyline(d_hint, pts, widths, tuple(s.color))
            _draw_polyline(d_mask, pts, widths, 255)
        elif s.kind == ERASE:
            pts, widths = _stroke_geometry(s, big, None)
            _draw_polyline(d_ink, pts, widths, 0)
            if with_hints:
                _draw_polyline(d_mask, pts, widths, 0)
    if ss > 1:
        ink = ink.resize((w, h), Image.BOX)
    ink_a = np.asarray(ink, np.float32) / 255.0
    if not with_hints:
        return ink_a, np.zeros((h, w, 3), np.float32), np.zeros((h, w), np.float32)
    if ss > 1:
        hint = hint.resize((w, h), Image.BOX)
        hmask = hmask.resize((w, h), Image.BOX)
    mask_a = np.asarray(hmask, np.float32) / 255.0
    hint_a = np.asarray(hint, np.float32) / 255.0
    # Hint colour was drawn on black; un-premultiply where the mask is partial (edges).
    hint_a = np.where(mask_a[..., None] > 1e-3, hint_a / np.maximum(mask_a[..., None], 1e-3), 0.0)
    return ink_a, np.clip(hint_a, 0, 1).astype(np.float32), mask_a


def sketch_image(drawing: Drawing, size: tuple[int, int] | None = None) -> Image.Image:
    """What the child sees on the canvas: black lines and colour hints on white, as RGB."""
    w, h = size or (drawing.width, drawing.height)
    view = View(0, 0, min(w / max(1, drawing.width), h / max(1, drawing.height)))
    ink, hint, mask = render_layers(drawing.strokes, (w, h), view)
    out = np.ones((h, w, 3), np.float32)
    out = out * (1 - mask[..., None]) + hint * mask[..., None]
    out = out * (1 - ink[..., None])
    return Image.fromarray((out * 255 + 0.5).astype(np.uint8), "RGB")
