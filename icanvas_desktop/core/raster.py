"""Rasterise strokes with Pillow: the sketch image, the line mask and the colour hints.

Shared by the engine (model input at canonical width), the gallery (sketch thumbnails) and
training, so every consumer sees strokes drawn the same way. Erasers are drawn over the lines
and hints in order, as on the canvas. When the engine re-renders the lines at its own width,
which can be wider than the child's pen, the lines are first cut to what the eraser left of
them (`erasing.rubbed_out`): drawn whole, a wide line reappeared around a thin eraser's path.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.core.erasing import rubbed_out
from icanvas_desktop.core.strokes import ERASE, HINT, LINE, Drawing, Stroke


@dataclass(frozen=True)
class View:
    """Maps canvas coordinates to raster pixels: pixel = (canvas - origin) * scale."""
    x0: float = 0.0
    y0: float = 0.0
    scale: float = 1.0

    def map(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.x0) * self.scale, (y - self.y0) * self.scale


# A joint turning less than this leaves a notch on the outside of the bend smaller than a
# tenth of a pixel for the pens children use (the notch is w/2 * (1 - cos(angle/2)) deep).
_SHARP_TURN_COS = math.cos(math.radians(25))


def _sharp_vertices(pts: list[tuple[float, float]]) -> list[int]:
    """Indices of interior points where the line turns by more than 25 degrees."""
    if len(pts) < 3:
        return []
    p = np.asarray(pts, np.float64)
    v1, v2 = p[1:-1] - p[:-2], p[2:] - p[1:-1]
    dot = (v1 * v2).sum(1)
    norm = np.sqrt((v1 * v1).sum(1) * (v2 * v2).sum(1))
    return (np.nonzero(dot < _SHARP_TURN_COS * norm)[0] + 1).tolist()


def _draw_polyline(draw: ImageDraw.ImageDraw, pts: list[tuple[float, float]], widths: list[float],
                   fill, every_joint: bool = False) -> None:
    """Round caps and joins. Pen pressure varies along a stroke, but slowly: runs of points
    with about the same whole-pixel width are drawn as one Pillow polyline, and discs are drawn
    where a run starts or ends and where the line turns sharply. Pillow's own round joints
    ("curve") draw a pie slice at every point, which was most of the cost of rendering a
    drawing; on a gentle bend the joint it fills is far below a pixel. `every_joint` puts a
    disc on every point: Pillow fills a wide polyline segment by segment and can leave a
    one-pixel seam where two meet, which an eraser must not leave."""
    # Whole-pixel widths with a little hysteresis: a pressure hovering near 3.5 px would
    # otherwise flip between 3 and 4 at every point and cut the stroke into tiny runs.
    iw, cur = [], None
    for w in widths:
        if cur is None or abs(w - cur) > 0.75:
            cur = max(1, int(round(w)))
        iw.append(cur)
    sharp = set(_sharp_vertices(pts)) if max(iw) > 4 else set()
    start = 0
    for i in range(1, len(pts) + 1):
        if i < len(pts) and iw[i] == iw[start]:
            continue
        first = max(0, start - 1)  # overlap one point so consecutive runs join
        run = pts[first:i]
        w = iw[start]
        r = widths[start] / 2
        discs = [run[0], run[-1]]
        if len(run) > 1:
            draw.line(run, fill=fill, width=w)
            if every_joint:
                discs += run[1:-1]
            elif w > 4:  # thinner lines show no notch (Pillow's own rule for its joints)
                discs += [pts[k] for k in range(first + 1, i - 1) if k in sharp]
        for x, y in discs:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
        start = i


def _stroke_geometry(stroke: Stroke, view: View, width: float | None) -> tuple[list, list]:
    """Raster points and widths of a stroke. Points closer than a pixel to the last kept one
    are dropped: at a small raster they add drawing calls but no visible shape."""
    pts, widths = [], []
    last = None
    n = len(stroke.points)
    for i, p in enumerate(stroke.points):
        x, y = view.map(p.x, p.y)
        if last is not None and i < n - 1 and (x - last[0]) ** 2 + (y - last[1]) ** 2 < 1.0:
            continue
        last = (x, y)
        pts.append(last)
        widths.append(stroke.width_at(i) * view.scale if width is None else width)
    return pts, widths


def render_layers(strokes: list[Stroke], size: tuple[int, int], view: View = View(),
                  line_width: float | None = None, supersample: int = 2
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw strokes in order into (ink, hint_rgb, hint_mask) arrays.

    ink: float32 HxW in [0, 1], 1 where a line is. hint_rgb: float32 HxWx3 in [0, 1].
    hint_mask: float32 HxW in [0, 1]. `line_width` (raster pixels) overrides the pen widths and
    pressure for LINE strokes: that is the canonical re-rendering that makes a thick marker and
    a thin pen look alike to a model, of the lines as the eraser left them. Eraser strokes
    clear both layers, in drawing order.
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
    # At the child's own widths the erasers alone give exactly what the canvas showed.
    for s in strokes if line_width is None else rubbed_out(strokes, kinds=(LINE,)):
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
            _draw_polyline(d_ink, pts, widths, 0, every_joint=True)
            if with_hints:
                _draw_polyline(d_mask, pts, widths, 0, every_joint=True)
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


def ink_image(strokes: list[Stroke], size: tuple[int, int], view: View = View(),
              supersample: int = 2) -> Image.Image:
    """The LINE strokes (with their own widths, erased where the eraser went) as an 8-bit mask."""
    w, h = size
    ss = max(1, int(supersample))
    big = View(view.x0, view.y0, view.scale * ss)
    ink = Image.new("L", (w * ss, h * ss), 0)
    d = ImageDraw.Draw(ink)
    for s in strokes:
        if s.points and s.kind in (LINE, ERASE):
            pts, widths = _stroke_geometry(s, big, None)
            _draw_polyline(d, pts, widths, 255 if s.kind == LINE else 0, every_joint=s.kind == ERASE)
    return ink.resize((w, h), Image.BOX) if ss > 1 else ink


def sketch_image(drawing: Drawing, size: tuple[int, int] | None = None) -> Image.Image:
    """What the child sees on the canvas: black lines and colour hints on white, as RGB."""
    w, h = size or (drawing.width, drawing.height)
    view = View(0, 0, min(w / max(1, drawing.width), h / max(1, drawing.height)))
    ink, hint, mask = render_layers(drawing.strokes, (w, h), view)
    out = np.ones((h, w, 3), np.float32)
    out = out * (1 - mask[..., None]) + hint * mask[..., None]
    out = out * (1 - ink[..., None])
    return Image.fromarray((out * 255 + 0.5).astype(np.uint8), "RGB")
