"""Turn a drawing or a raster sketch into model input, and a model output into a picture.

Shared by every backend (torch and ONNX Runtime) and by training, so the model sees at
inference exactly what it saw in training: lines re-rendered at one canonical width,
cropped to the drawing with a margin, padded to a square. Torch-free (numpy + Pillow).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageColor

from icanvas_desktop.core.raster import View, ink_image, render_layers
from icanvas_desktop.core.strokes import Drawing
from icanvas_desktop.ml.lines import areas_of, dilate, erosion_depth, raster_lines


@dataclass(frozen=True)
class IOSpec:
    """A style's input/output convention, stored in its checkpoint metadata ("io")."""
    size: int = 128                 # the model's native resolution: it trained here, and colours come from here
    preview_size: int = 0           # the live preview's resolution (0 = `size`); detail styles preview sharper
    final_size: int = 256           # resolution the final render runs the model at
    line_width_frac: float = 0.02   # canonical line width as a fraction of the image side
    margin_frac: float = 0.08       # empty border around the drawing, as in the training data
    hints: bool = False             # takes colour hints (RGB + mask) beside the lines
    line_channels: int = 1          # 3 for imported pix2pix models, which read an RGB sketch
    overlay_lines: bool = True      # draw the child's own strokes over the result
    flat_fill: bool = False         # fill each closed shape with one colour (sticker look)
    hint_fill: bool = False         # a colour hint colours the whole closed shape it is in
    hint_shading: bool = False      # ...as the shape's average colour, keeping the network's shading
    hint_light: bool = False        # ...keeping only the network's light (luminance), not its colours (3D)
    fill_strength: float = 1.0      # 1 = flat fills; less keeps some of the model's shading
    clear_paper: bool = False       # white paper away from every line (no smudges between subjects)
    keep_lines: bool = False        # open strokes (rays, whiskers) never fade away (no-outline styles)
    colour_from_preview: bool = True  # final render: colours from a pass at `size`, detail from `final_size`
    look: str = ""                  # the style's own finish on top (`looks.LOOKS`): "" or "watercolour"
    line_colour: str = ""           # colour of the child's lines drawn on top ("#rrggbb"; "" = black)

    @property
    def in_channels(self) -> int:
        return self.line_channels + (4 if self.hints else 0)

    @staticmethod
    def from_meta(io: dict) -> "IOSpec":
        fields = IOSpec.__dataclass_fields__
        return IOSpec(**{k: type(getattr(IOSpec(), k))(v) for k, v in io.items() if k in fields})

    def to_meta(self) -> dict:
        return {k: getattr(self, k) for k in IOSpec.__dataclass_fields__} | {"in_channels": self.in_channels}

    def line_width(self, size: int) -> float:
        return max(1.0, self.line_width_frac * size)


@dataclass(frozen=True)
class Prepared:
    x: np.ndarray                       # (C, S, S) float32: the model input
    crop: tuple[float, float, float]    # x0, y0, side of the square crop, in source pixels
    source_size: tuple[int, int]        # width, height of the source (canvas or raster)


def encode_input(ink: np.ndarray, hint_rgb: np.ndarray | None = None,
                 hint_mask: np.ndarray | None = None, hints: bool = False,
                 line_channels: int = 1) -> np.ndarray:
    """Channels: lines as paper (white = 1, ink = -1), repeated `line_channels` times; with
    hints, RGB in [-1, 1] where a hint is and 0 elsewhere, then the hint mask in [0, 1]."""
    # Written straight into one array: stacking the channels and then casting them cost two
    # copies of the whole input on every live preview.
    out = np.empty((line_channels + (4 if hints else 0),) + ink.shape, np.float32)
    out[:line_channels] = 1.0 - 2.0 * ink
    if hints:
        if hint_mask is None:
            out[line_channels:] = 0.0
        else:
            rgb = np.zeros(ink.shape + (3,), np.float32) if hint_rgb is None else hint_rgb
            for k in range(3):
                out[line_channels + k] = (rgb[..., k] * 2 - 1) * hint_mask
            out[line_channels + 3] = hint_mask
    return out


def square_crop(box: tuple[float, float, float, float], margin_frac: float) -> tuple[float, float, float]:
    x0, y0, x1, y1 = box
    side = max(x1 - x0, y1 - y0, 1.0)
    side = side / (1 - 2 * margin_frac)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - side / 2, cy - side / 2, side


def prepare_drawing(drawing: Drawing, spec: IOSpec, size: int) -> Prepared | None:
    """Model input for vector strokes, re-rendered at the canonical width; None if empty."""
    if drawing.is_empty() and not drawing.has_hints():
        return None
    # The pen's path, not its width, decides the crop: a thick marker and a thin pen frame
    # the drawing identically.
    x0, y0, side = square_crop(drawing.bounds(with_width=False), spec.margin_frac)
    view = View(x0, y0, size / side)
    ink, rgb, mask = render_layers(drawing.strokes, (size, size), view, line_width=spec.line_width(size))
    return Prepared(encode_input(ink, rgb, mask, spec.hints, spec.line_channels), (x0, y0, side), (drawing.width, drawing.height))


@dataclass(frozen=True)
class RasterSketch:
    skeleton: np.ndarray            # (H, W) bool, 1-px lines
    hint_rgb: np.ndarray            # (H, W, 3) in [0, 1]: the colours the child coloured in
    hint_mask: np.ndarray           # (H, W) float32, 1 where they did
    scale: float                    # applied to the source to get here (big photos shrink)


def rgba_as_seen(image: Image.Image) -> Image.Image:
    """The picture as the person sees it, in 8-bit RGBA: turned as the phone's EXIF tag says
    (a portrait photo is stored on its side), and 16-bit or float greyscale (scanners write
    it) scaled down rather than clipped: Pillow's own conversion turned a 16-bit line of
    value 2,000 into white, and the scan into a blank page."""
    from PIL import ImageOps
    image = ImageOps.exif_transpose(image)
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        a = np.asarray(image, np.float64)
        top = 1.0 if image.mode == "F" and a.max() <= 1.0 else (255.0 if a.max() <= 255 else 65535.0)
        image = Image.fromarray(np.clip(a / top * 255.0, 0, 255).astype(np.uint8))
    return image.convert("RGBA")


def _page(image: Image.Image, max_side: int):
    """(the sketch on white, in RGB, reduced to `max_side`; the scale; the page ready for
    `raster_lines` and the sheet's mask, from `paper.photo_to_page`). Big photos are reduced
    first: thinning cost grows with pixels, and lines survive it."""
    from icanvas_desktop.ml.paper import photo_to_page
    img = rgba_as_seen(image)
    paper = Image.new("RGBA", img.size, (255, 255, 255, 255))
    rgb_img = Image.alpha_composite(paper, img).convert("RGB")
    scale = min(1.0, max_side / max(rgb_img.size))
    if scale < 1.0:
        rgb_img = rgb_img.resize((max(1, round(rgb_img.width * scale)), max(1, round(rgb_img.height * scale))),
                                 Image.LANCZOS)
    page, sheet = photo_to_page(np.asarray(rgb_img.convert("L"), np.float32) / 255.0)
    return rgb_img, scale, page, sheet


def _deep_parts(mask: np.ndarray, depth: float) -> np.ndarray:
    """The connected parts of `mask` that reach at least `depth` pixels deep (`erosion_depth`)."""
    if depth <= 0 or not mask.any():
        return mask
    from icanvas_desktop.ml.masks import label_regions
    labels, n = label_regions(mask)
    deepest = np.zeros(n + 1, np.int32)
    np.maximum.at(deepest, labels.ravel(), erosion_depth(mask).ravel())
    return mask & (deepest[labels] >= depth)


def raster_sketch(image: Image.Image, max_side: int = 1024) -> RasterSketch:
    """A raster sketch (photo or PNG) as lines and colour hints.

    A photo's light is evened out and the table around the sheet left out (`paper`). Areas
    the child coloured in (with a crayon, a felt pen) become colour hints, exactly as if they
    had scribbled them with the hint brush: the style paints that shape in that colour. An area
    is colour wider than the drawing's own lines (`lines.raster_lines`), so a drawing in blue
    pen stays a drawing in lines; a page that is mostly colour is coloured paper, not hints."""
    rgb_img, scale, page, sheet = _page(image, max_side)
    skel, r = raster_lines(page, sheet)
    rgb = np.asarray(rgb_img, np.float32) / 255.0
    colourful = (rgb.max(-1) - rgb.min(-1) > 0.25) & (rgb.max(-1) > 0.3)
    # Black or dark grey coloured in (wheels, hair, a black cat) is a colour too: kept only as
    # an outline, the style painted the shape in a colour of its own. But a thick marker's
    # line and the blob where it stopped are black areas too, and as hints they gave the
    # no-outline styles black smudges: a black area counts only where it is 1.3 area radii
    # deep (wheels, hair, a record's middle: 1.4-4.4; marker blobs and bars: 0.65-1.2).
    dark = rgb.max(-1) < 0.35
    on_sheet = True if sheet is None else sheet
    mask = np.zeros(skel.shape, bool)
    for painted, deep in ((colourful, 0.0), (dark, 1.3)):
        if 0 < painted.mean() < 0.5:       # a page that is mostly one colour is coloured paper
            mask |= _deep_parts(areas_of(painted, r), deep * r) & on_sheet
    mask = mask.astype(np.float32)
    return RasterSketch(skel, rgb * mask[..., None], mask, scale)


def raster_skeleton(image: Image.Image, max_side: int = 1024) -> tuple[np.ndarray, float]:
    """1-px skeleton of a raster sketch and the scale applied to it: the lines of
    `raster_sketch` without its colour hints (training pairs have their own pictures)."""
    _, scale, page, sheet = _page(image, max_side)
    return raster_lines(page, sheet)[0], scale


def prepare_skeleton(skel: np.ndarray, spec: IOSpec, size: int, hint_rgb: np.ndarray | None = None,
                     hint_mask: np.ndarray | None = None) -> Prepared | None:
    """Model input for a skeleton: crop square around the ink, redraw at the canonical width.
    Colour hints at the skeleton's scale (`raster_sketch`) go through the same crop."""
    ys, xs = np.nonzero(skel)
    if len(xs) == 0:
        return None
    h, w = skel.shape
    x0, y0, side = square_crop((xs.min(), ys.min(), xs.max() + 1, ys.max() + 1), spec.margin_frac)
    scale = size / side
    # Redraw at the canonical width in source pixels, then reduce: thin lines survive
    # because they are widened before the area reduction, not after.
    radius = spec.line_width(size) / scale / 2
    ink = dilate(skel, radius).astype(np.float32)
    big = max(1, int(round(side)))
    ox, oy = int(round(-x0)), int(round(-y0))
    sx0, sy0 = max(0, -ox), max(0, -oy)
    sx1, sy1 = min(w, big - ox), min(h, big - oy)

    def place(a: np.ndarray) -> np.ndarray:    # a float map on the square crop, at source scale
        c = np.zeros((big, big), np.float32)
        c[sy0 + oy:sy1 + oy, sx0 + ox:sx1 + ox] = a[sy0:sy1, sx0:sx1]
        return c

    def crop(a: np.ndarray) -> np.ndarray:     # ... reduced to size²
        return np.asarray(Image.fromarray(place(a), "F").resize((size, size), Image.BOX), np.float32)
    small = Image.fromarray((place(ink) * 255).astype(np.uint8)).resize((size, size), Image.BOX)
    ink_s = np.asarray(small, np.float32) / 255.0
    h_rgb = h_mask = None
    if spec.hints and hint_mask is not None and hint_mask.any():
        cover = crop(hint_mask)
        h_mask = (cover > 0.5).astype(np.float32)
        h_rgb = np.stack([crop(hint_rgb[..., k] * hint_mask) for k in range(3)], -1) / np.maximum(cover, 1e-6)[..., None]
        h_rgb = np.clip(h_rgb, 0, 1) * h_mask[..., None]
    x = encode_input(ink_s, h_rgb, h_mask, hints=spec.hints, line_channels=spec.line_channels)
    return Prepared(x, (float(x0), float(y0), float(side)), (w, h))


def ink_of(x: np.ndarray) -> np.ndarray:
    """The ink map (S, S) in [0, 1] of an encoded model input (its first line channel)."""
    return (1.0 - x[0]) / 2


def postprocess(rgb: np.ndarray, prep: Prepared, spec: IOSpec, shapes=None) -> np.ndarray:
    """The style's own finishing, at model resolution (see `regions`): flat fills and hint
    fills in the shapes the child closed, white paper outside the drawing, and open strokes
    kept visible. rgb is (S, S, 3) in [-1, 1]. `shapes` is `regions.find_shapes` of this
    input's ink, when the caller (the engine, which also gave them to Magic colours) has them."""
    if not (spec.flat_fill or spec.hint_fill or spec.clear_paper or spec.keep_lines or spec.look):
        return rgb
    from icanvas_desktop.ml.regions import clear_paper, find_shapes, flatten, keep_open_lines
    c = spec.line_channels
    ink = ink_of(prep.x)
    hint_rgb = hint_mask = None
    if spec.hints:
        hint_mask = prep.x[c + 3]
    if spec.hints and spec.hint_fill:
        safe = np.maximum(hint_mask, 1e-3)[None]
        hint_rgb = np.moveaxis((prep.x[c:c + 3] / safe + 1) / 2, 0, -1)
    regions = shapes if shapes is not None else find_shapes(ink)
    if spec.flat_fill or spec.hint_fill:
        rgb = flatten(rgb, ink, hint_rgb, hint_mask if spec.hint_fill else None, flat=spec.flat_fill,
                      strength=spec.fill_strength, regions=regions, hint_shading=spec.hint_shading,
                      light=spec.hint_light)
    if spec.clear_paper:
        rgb = clear_paper(rgb, ink, hint_mask, shapes=regions.mask if regions.ids else None)
    if spec.keep_lines:
        rgb = keep_open_lines(rgb, ink, regions, spec.line_width(ink.shape[0]))
    if spec.look:
        from icanvas_desktop.ml.looks import finish_look
        rgb = finish_look(spec.look, rgb, regions.mask)
    return rgb


def coarse_colours(fine: np.ndarray, coarse: np.ndarray) -> np.ndarray:
    """The fine pass's detail on the coarse pass's colours: fine + up(coarse - down(fine)).

    Styles train mostly at their native size and only briefly at the final size. At the final
    size a child's drawing spans twice the pixels, more than the network's view takes in, and
    it forgets what the subject is: the preview showed a red heart, the Magic button gave an
    orange one. So the final render keeps each coarse cell's average colour from a pass at the
    native size (what the preview showed) and takes only what is finer than a cell (edges,
    highlights, shading) from the final-size pass. Both are (S, S, 3) in [-1, 1], over the same
    crop."""
    n, m = fine.shape[0], coarse.shape[0]
    if n == m:
        return coarse
    if n % m == 0:
        f = n // m
        down = fine.reshape(m, f, m, f, 3).mean((1, 3))
    else:
        down = np.stack([np.asarray(Image.fromarray(np.ascontiguousarray(fine[..., c], np.float32), "F")
                                    .resize((m, m), Image.BOX)) for c in range(3)], -1)
    diff = (coarse - down).astype(np.float32)
    up = np.stack([np.asarray(Image.fromarray(np.ascontiguousarray(diff[..., c]), "F")
                              .resize((n, n), Image.BILINEAR)) for c in range(3)], -1)
    return np.clip(fine + up, -1, 1)


def to_uint8(rgb: np.ndarray) -> np.ndarray:
    """Model output (S, S, 3) in [-1, 1] to uint8, with near-white paper made white.

    A generator leaves a faint tint on empty paper; pasted onto the white page it would
    show as a square. Pixels that are almost white and almost grey are pushed to white with
    a smooth ramp, so real light colours (yellow, sky blue) keep their colour."""
    x = np.clip(rgb, -1, 1, dtype=np.float32)
    x += 1
    x *= 0.5
    # channel min and max by slices: numpy's reductions over a length-3 last axis are slow
    r, g, b = x[..., 0], x[..., 1], x[..., 2]
    lo, hi = np.minimum(np.minimum(r, g), b), np.maximum(np.maximum(r, g), b)
    paperness = np.clip((lo - 0.82) * 10, 0, 1) * np.clip(1 - (hi - lo) * (1 / 0.12), 0, 1)
    white = np.subtract(1, x)           # x + (1 - x) * paperness, without a temporary a step
    white *= paperness[..., None]
    x += white
    x *= 255
    x += 0.5
    return x.astype(np.uint8)


def compose(model_rgb: np.ndarray, prep: Prepared, out_size: tuple[int, int],
            overlay_ink: Image.Image | np.ndarray | None = None, quick: bool = False,
            line_colour: str = "") -> Image.Image:
    """Place the model's square picture back where the drawing was, on white paper, at
    `out_size`, and draw the child's own lines over it (crisp, at full resolution), in
    `line_colour` ("#rrggbb", black when empty)."""
    ow, oh = out_size
    sw, sh = prep.source_size
    k = min(ow / sw, oh / sh)
    x0, y0, side = prep.crop
    px = max(1, int(round(side * k)))
    # bilinear is half the cost of bicubic and looks the same under the child's lines
    pic = Image.fromarray(to_uint8(model_rgb), "RGB").resize((px, px), Image.BILINEAR if quick else Image.BICUBIC)
    out = Image.new("RGB", (ow, oh), (255, 255, 255))
    out.paste(pic, (int(round(x0 * k)), int(round(y0 * k))))
    if overlay_ink is not None:
        mask = overlay_ink if isinstance(overlay_ink, Image.Image) else \
            Image.fromarray((np.clip(overlay_ink, 0, 1) * 255 + 0.5).astype(np.uint8), "L")
        box = mask.getbbox()  # only where the lines are: blending the whole page costs more
        if box:
            ink = ImageColor.getrgb(line_colour) if line_colour else (0, 0, 0)
            out.paste(ink, box, mask.crop(box))  # the lines' colour through the mask
    return out


def drawing_overlay(drawing: Drawing, out_size: tuple[int, int], quick: bool = False) -> Image.Image:
    """The child's strokes at output resolution, with their own pen widths and pressure.
    The live preview (`quick`) skips the 2× supersampling: at its small size the edge
    smoothing is not visible, and drawing a quarter of the pixels is a third of its cost."""
    k = min(out_size[0] / drawing.width, out_size[1] / drawing.height)
    return ink_image(drawing.strokes, out_size, View(0, 0, k), supersample=1 if quick else 2)


def output_size(source: tuple[int, int], long_side: int) -> tuple[int, int]:
    w, h = source
    k = long_side / max(w, h)
    return max(1, round(w * k)), max(1, round(h * k))
