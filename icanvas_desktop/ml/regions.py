"""Shapes the child closed with lines: find them, fill them flat, colour them by hint.

Connected components of the paper between the lines, found on runs of pixels with whole-array
numpy (a fraction of a millisecond at 128², and no OpenCV in the installed app). Shapes
that touch the border are the open paper and are left to the model.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from typing import NamedTuple

from icanvas_desktop.ml.gaps import GapConfig, bridge_mask
from icanvas_desktop.ml.lines import dilate, halve
from icanvas_desktop.ml.masks import border_labels, label_regions, lines_of, members

# Pen-lift gaps of about 1.5 % of the picture are closed by thickening the lines by this share
# of the side (a child's circle is rarely quite shut); wider ones only where two stroke ends
# point at each other (`gaps`).
CLOSE_FRAC = 0.008


class Shapes(NamedTuple):
    """The shapes a drawing's lines close, found once per render and shared by Magic colours
    and the finishing: labels (0 for walls) and the ids of the enclosed shapes."""
    labels: np.ndarray
    ids: list[int]

    @property
    def mask(self) -> np.ndarray:
        return members(self.labels, self.ids) if self.ids else np.zeros(self.labels.shape, bool)


def closing_px(size: int) -> float:
    """How far the lines are thickened to close small gaps, at a picture side of `size`."""
    return max(1.0, CLOSE_FRAC * size)


def find_shapes(ink: np.ndarray) -> Shapes:
    """The shapes of a model input's ink ((S, S) in [0, 1]), as every render finds them."""
    return Shapes(*enclosed_regions(ink, closing_px(ink.shape[0])))


def enclosed_regions(ink: np.ndarray, close_px: float = 1.0, min_area: int = 6,
                     gaps: GapConfig | None = GapConfig()) -> tuple[np.ndarray, list[int]]:
    """Labels of the shapes the lines enclose, and their ids. Gaps up to about 2 × `close_px`
    are closed by thickening the lines; wider ones where two stroke ends point at each other
    (`gaps`, None for none). A bridged shape reaches up to the far side of its bridge, so its
    colour meets the invisible line across the gap instead of stopping short of it."""
    lines = lines_of(ink)
    walls = dilate(lines, close_px)
    band = None
    if gaps is not None and lines.any():
        joins = bridge_mask(ink, gaps, min_gap=2 * close_px + 1)
        if joins.any():
            band = dilate(joins, close_px) & ~walls
            walls |= band
    labels, n = label_regions(~walls)
    border = set(border_labels(labels).tolist())
    areas = np.bincount(labels.ravel(), minlength=n + 1)
    ids = [i for i in range(1, n + 1) if i not in border and areas[i] >= min_area]
    if band is not None and ids:
        labels = _spread_into(labels, ids, band, 2 * int(np.ceil(close_px)) + 1)   # the band's width
    return labels, ids


def _spread_into(labels: np.ndarray, ids: list[int], band: np.ndarray, rounds: int) -> np.ndarray:
    """Grow the enclosed shapes into the bridges' band, a pixel a round, where exactly one
    shape is next to it (two shapes never meet, which `interior_points` relies on)."""
    keep = np.zeros(labels.max() + 1, np.int32)
    keep[ids] = ids
    lab = keep[labels]
    big = np.iinfo(np.int32).max
    for _ in range(rounds):
        pad = np.pad(lab, 1)
        nb = [pad[1 + dy:1 + dy + lab.shape[0], 1 + dx:1 + dx + lab.shape[1]]
              for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1))]
        hi = np.maximum.reduce(nb)
        lo = np.minimum.reduce([np.where(v > 0, v, big) for v in nb])
        take = band & (lab == 0) & (hi > 0) & (hi == lo)
        if not take.any():
            break
        lab = np.where(take, hi, lab)
    return np.where(band, lab, labels)


def decisive_colour(px: np.ndarray, boost: float = 1.7) -> np.ndarray:
    """One colour for a shape, from model pixels in [-1, 1].

    The median of all pixels is muddy where the model hesitates between colours; the median
    of the more colourful half is the colour it leans to. A chroma boost (1.7, chosen by eye
    on contact sheets: 1.35 looked muddy, 2.2 garish) then gives the
    bright, flat sticker look (greys and whites stay as they are)."""
    x = (px + 1) / 2
    chroma = x.max(1) - x.min(1)
    keep = x[np.argsort(chroma)[len(x) // 2:]]
    c = np.median(keep, axis=0)
    grey = c.mean()
    c = np.clip(grey + (c - grey) * boost, 0, 1)
    return c * 2 - 1


def flatten(rgb: np.ndarray, ink: np.ndarray, hint_rgb: np.ndarray | None = None,
            hint_mask: np.ndarray | None = None, flat: bool = True, close_px: float = 1.0,
            strength: float = 1.0, regions: tuple[np.ndarray, list[int]] | None = None,
            hint_shading: bool = False, light: bool = False) -> np.ndarray:
    """Fill each enclosed shape with one colour: the hint's colour where the child scribbled
    one, else (with `flat`) the model's decisive colour for that shape, mixed in with
    `strength` (1 = flat, less keeps some of the model's shading). rgb is (S, S, 3) in [-1, 1];
    the result has the same range. Open paper and the lines keep the model's pixels.
    `regions` is `enclosed_regions(ink, close_px)` when the caller has it already.

    With `hint_shading` a hinted shape takes the hint's colour as its average and keeps the
    network's own light and shade around it (1 - `strength` of it, as the unhinted shapes
    keep): a shading style whose network follows a hint only weakly (Soft follows blue but
    barely red or green) still paints the colour asked for, without turning flat.

    With `light` as well, only the network's light is kept, not its colours: the hint's colour
    is darkened where the network's picture is darker than the shape's average and turned
    towards white where it is lighter (highlights), from a smoothed luminance map
    (`light_map`). A 3D style's network knows where light falls better than which colour a
    thing is; its colour blotches no longer show through the child's colour."""
    labels, ids = regions if regions is not None else enclosed_regions(ink, close_px)
    if not ids:
        return rgb
    out = rgb.copy()
    flat_labels = labels.ravel()
    pix = rgb.reshape(-1, 3)
    has_hints = hint_mask is not None and hint_mask.max() > 0.5
    if has_hints:
        hm = hint_mask.ravel() > 0.5
        hc = hint_rgb.reshape(-1, 3)
        if hint_shading and light:
            # the network paints a dot's mark wider than the dot (a 3D bump round it): the
            # light under a wider ring is read from around it
            wide = ~dilate(hint_mask > 0.5, max(1.0, 0.035 * hint_mask.shape[0]))
            lum = light_map(rgb, wide).ravel()
        elif hint_shading:
            # The network draws a hint dot or scribble as a darker spot of its colour; kept as
            # "shading" it would show Magic colours' dot in the middle of the shape. The light
            # and shade are taken away from the hints, and the hints themselves get the colour.
            calm = ~dilate(hint_mask > 0.5, max(1.0, 0.015 * hint_mask.shape[0])).ravel()
    for i, members in zip(ids, _pixels_of(flat_labels, ids)):
        colour, k = None, strength
        if has_hints:
            hinted = members[hm[members]]
            if len(hinted):
                colour, k = np.median(hc[hinted] * 2 - 1, axis=0), max(strength, 0.85)  # the child asked for it
                if hint_shading and light:
                    out.reshape(-1, 3)[members] = _lit(colour, lum[members], strength)
                    continue
                if hint_shading:
                    quiet = calm[members]
                    own = pix[members]
                    shade = (own - own[quiet].mean(0)) * quiet[:, None] if quiet.any() else 0.0
                    out.reshape(-1, 3)[members] = np.clip(colour + (1 - strength) * shade, -1, 1)
                    continue
        if colour is None and flat:
            colour = decisive_colour(pix[members])
        if colour is not None:
            out.reshape(-1, 3)[members] = k * colour + (1 - k) * pix[members]
    return out


def _pixels_of(flat_labels: np.ndarray, ids: list[int]):
    """The flat indices of each shape's pixels, in reading order: one scan a shape for a few
    shapes (a child's drawing), one stable sort of the picture for many."""
    if len(ids) <= 24:
        return (np.flatnonzero(flat_labels == i) for i in ids)
    order = np.argsort(flat_labels, kind="stable")
    bounds = np.searchsorted(flat_labels[order], np.arange(flat_labels.max() + 2))
    return (order[bounds[i]:bounds[i + 1]] for i in ids)


LUMA = np.array([0.299, 0.587, 0.114], np.float32)
# The network's light and shade vary less over a shape than a glossy toy's, so they are made a
# little bolder: by eye on Toy's heart, house, cat and fish, 1 looked flat, 2 showed the
# network's blotches as light, and 3 turned them into dark stains.
LIGHT_GAIN = 1.5


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur of an image in [0, 1], through Pillow's 8-bit blur: the light map needs
    no finer steps than 1/255, and Pillow's C blur costs a fraction of a numpy convolution on
    the live preview's path."""
    img = Image.fromarray((np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.GaussianBlur(sigma)), np.float32) / 255


def light_map(rgb: np.ndarray, calm: np.ndarray, blur_frac: float = 0.008, fill_frac: float = 0.035) -> np.ndarray:
    """The network's light, (S, S) in [0, 1]: its luminance, smoothed a little (the network's
    8-px texture is not light), and filled in where `calm` is False (round the hints' dots)
    from the light around (normalised blurs: a fine one, and one as wide as the holes), so no
    dot shows; NaN deep inside a big hint, where there is no light around to read. Found at
    half size and scaled back (light is smooth, and this runs on the live preview's path)."""
    size = rgb.shape[0]
    half = size // 2
    lum = ((rgb[:half * 2, :half * 2] @ LUMA) + 1) / 2
    w = calm[:half * 2, :half * 2].astype(np.float32)
    small_w, small_lum = halve(w), halve(lum * w)
    fine, wide = max(0.5, blur_frac * half), max(1.0, fill_frac * half)
    near, far = _blur(small_w, fine), _blur(small_w, wide)
    filled = np.where(near > 0.5, _blur(small_lum, fine) / np.maximum(near, 1 / 255),
                      np.where(far > 0.05, _blur(small_lum, wide) / np.maximum(far, 1 / 255), np.nan))
    big = Image.fromarray(filled.astype(np.float32), "F").resize((rgb.shape[1], size), Image.BILINEAR)
    return np.clip(np.asarray(big, np.float32), 0, 1)


def _lit(colour: np.ndarray, lum: np.ndarray, strength: float) -> np.ndarray:
    """A shape of one `colour` ([-1, 1]) lit by `lum` ([0, 1], one per pixel): darker than the
    shape's mean light darkens the colour in proportion, lighter turns it towards white; the
    light counts for 1 - `strength`."""
    c = (colour + 1) / 2
    known = np.isfinite(lum)
    mean = max(float(np.median(lum[known])), 0.05) if known.any() else 1.0
    ratio = np.where(known, lum, mean) / mean         # no light known: the plain colour
    ratio = 1 + LIGHT_GAIN * (ratio - 1)             # the network's light, a little bolder
    shadow = c[None] * np.minimum(ratio, 1.0)[:, None]
    glow = np.clip((ratio - 1.0) / max(1.0 / mean - 1.0, 1e-3), 0, 1)[:, None]
    lit = np.where(ratio[:, None] <= 1.0, shadow, c[None] + (1 - c[None]) * glow)
    k = 1 - strength
    return np.clip((c[None] + k * (lit - c[None])) * 2 - 1, -1, 1)


def clear_paper(rgb: np.ndarray, ink: np.ndarray, hint_mask: np.ndarray | None = None,
                reach_frac: float = 0.04, feather_frac: float = 0.015,
                shapes: np.ndarray | None = None) -> np.ndarray:
    """White paper where the child drew nothing: the open page outside every shape and line.

    A generator sometimes leaves smudges of colour in the empty space between subjects
    (between a roof and a sun, under a car). That colour belongs to nothing the child drew,
    so it goes. The drawing is first closed morphologically over `reach_frac` of the picture
    (dilated, then eroded by as much): a shape whose outline has a pen-lift gap still counts
    as a shape and keeps its colour, but the open page still reaches up to the lines, so a
    smudge in the corner between two subjects is cleared too (a plain dilation kept a 4 %
    band of it). A colour hint counts as drawn, and so do `shapes` (the enclosed shapes, a
    mask): a circle whose gap `enclosed_regions` bridged is wider than this closing. The edge
    is feathered over `feather_frac`. rgb is (S, S, 3) in [-1, 1]."""
    size = ink.shape[0]
    drawn = lines_of(ink)
    if hint_mask is not None:
        drawn |= hint_mask > 0.5
    if shapes is not None:
        drawn |= shapes
    if not drawn.any():
        return rgb
    # The open page is found at half resolution (a quarter of the work, on the live preview's
    # path): it is a coarse, feathered region, and a line 1 px wide survives the max-pooling.
    half = size // 2
    small = halve(drawn[:half * 2, :half * 2])
    reach = max(1.0, reach_frac * half)
    closed = ~dilate(~dilate(small, reach), reach)
    labels, n = label_regions(~closed)
    outside = members(labels, border_labels(labels))
    # Feather: full white only a little inside the open page, a smooth ramp towards the lines.
    blur = max(1, int(feather_frac * half))
    soft = Image.fromarray(outside.astype(np.uint8) * 255).filter(ImageFilter.BoxBlur(blur))
    w = np.clip(np.asarray(soft, np.float32) / 255 * 2 - 1, 0, 1) * outside
    w = np.asarray(Image.fromarray(w).resize((ink.shape[1], size), Image.BILINEAR)) * ~drawn
    out = 1.0 - rgb                  # rgb + (1 - rgb) * w, in place (a sum's order does not matter)
    out *= w[..., None]
    out += rgb
    return out


def keep_open_lines(rgb: np.ndarray, ink: np.ndarray, regions: tuple[np.ndarray, list[int]],
                    line_px: float) -> np.ndarray:
    """Every stroke stays in the picture, for styles without black outlines.

    Such a style paints a shape's outline in the shape's colour, but an open stroke with no
    shape beside it (the sun's rays, a cat's whiskers, a blade of grass) tends to fade to
    paper, and the picture drops what the child drew. Where a line that belongs to no closed
    shape has faded, it is drawn in a deep shade of the drawing's own colour (the mean colour
    of its shapes: deep orange rays round an orange sun; dark grey when nothing is closed).
    Outlines of shapes are left as they are: the style has no outlines, and the shape's own
    colour marks its edge. `regions` is `enclosed_regions(ink, ...)`; rgb is (S, S, 3) in
    [-1, 1]."""
    labels, ids = regions
    weights = np.array([0.3, 0.59, 0.11], np.float32)        # sums to 1: x @ w = (rgb @ w + 1) / 2
    shapes = Shapes(labels, ids).mask
    inside = np.flatnonzero(shapes)
    pix = rgb.reshape(-1, 3)
    tint = (pix[inside].mean(0) + 1) / 2 if len(inside) else np.full(3, 0.5, np.float32)
    line_colour = np.clip(tint * (0.3 / max(float(tint @ weights), 0.05)), 0, 1)  # luminance 0.3
    # an outline is within about a line width of the shape inside it
    near_shape = dilate(shapes, 1.5 * line_px)
    # 0 where the line is still dark enough to see, 1 where it has faded to paper; the ink
    # ramp keeps the line's anti-aliased edge soft. Worked out on the open strokes' pixels
    # only (a few hundred): the whole picture in [0, 1] and back cost a millisecond a preview.
    lines = np.flatnonzero((ink > 0.2) & ~near_shape)
    x = (pix[lines] + 1) / 2
    fade = np.clip((x @ weights - 0.55) / 0.3, 0, 1) * np.clip((ink.ravel()[lines] - 0.2) / 0.5, 0, 1)
    faded = fade > 0
    out = rgb.copy()
    x, f = x[faded], fade[faded, None]
    out.reshape(-1, 3)[lines[faded]] = (x + (line_colour - x) * f) * 2 - 1
    return out
