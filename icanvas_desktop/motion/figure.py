"""What moves: a picture cut into its parts, and the legs a part stands on.

Everything is found from the picture alone (a Magic picture, a gallery creation or any PNG),
so the command line, the app and the gallery move the same thing the same way. Paper is
what is (nearly) white; the rest is ink: the child's lines and the shapes they coloured in.
Ink that lies close together is one *part* (a sun and its rays, a cat and its whiskers); parts
far apart (a house and the sun in the sky) move each on their own. A part has *legs* when
narrow, upright pieces hang from its body down to its bottom edge: those can walk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.masks import label_regions, solid

PAPER = 236            # a pixel whose darkest channel is at least this is paper (JPEG noise included)
GROUP_FRAC = 0.025     # ink closer than this share of the long side belongs to one part
MIN_INK_PX = 3         # fewer ink pixels than this in one speck is dust, not drawing
MAX_PARTS = 24         # beyond this, the smallest specks join one last part (a page of confetti)


class MotionError(ValueError):
    """A picture that cannot move; `str()` is a friendly sentence for a child or a grown-up."""


@dataclass(frozen=True)
class Leg:
    hip: tuple[float, float]     # where it leaves the body (x, y), in frame pixels
    foot: tuple[float, float]    # its lowest point
    box: tuple[int, int, int, int]   # x0, y0, x1, y1 (exclusive) of the leg below the hip


@dataclass(frozen=True)
class Part:
    label: int                   # its pixels in Figure.owner
    box: tuple[int, int, int, int]   # x0, y0, x1, y1 (exclusive)
    area: int                    # ink pixels
    legs: tuple[Leg, ...] = ()

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]

    @property
    def base(self) -> tuple[float, float]:
        """The middle of its bottom edge: what it stands on."""
        return (self.box[0] + self.box[2] - 1) / 2, float(self.box[3] - 1)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2] - 1) / 2, (self.box[1] + self.box[3] - 1) / 2


@dataclass
class Figure:
    image: np.ndarray            # (H, W, 3) uint8, paper made pure white
    owner: np.ndarray            # (H, W) int32: 0 on paper, else the label of the ink's part
    parts: list[Part]            # biggest first

    @property
    def size(self) -> tuple[int, int]:
        return self.image.shape[1], self.image.shape[0]

    def part_mask(self, part: Part) -> np.ndarray:
        return self.owner == part.label


def frame_size(picture_size: tuple[int, int], long_side: int) -> tuple[int, int]:
    w, h = picture_size
    s = long_side / max(w, h, 1)
    return max(1, round(w * s)), max(1, round(h * s))


def on_paper(picture: Image.Image) -> Image.Image:
    """The picture in RGB as a person sees it, the way the engine reads a sketch: turned as its
    EXIF tag says, a 16-bit scan scaled rather than clipped to white, and see-through parts (a
    PNG with no background) on white paper."""
    from icanvas_desktop.ml.preprocess import rgba_as_seen
    rgba = rgba_as_seen(picture)
    return Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB")


def looks_like_sketch(picture: Image.Image, colourful_share: float = 0.03) -> bool:
    """A drawing in pencil or pen, not yet a picture: hardly any of its ink is colourful.
    (Every style colours the shapes in; a photographed sketch is grey on grey-white.)"""
    small = on_paper(picture)
    small.thumbnail((256, 256))
    rgb = np.asarray(small, np.int16)
    ink = rgb.min(axis=2) < PAPER
    if not ink.any():
        return False
    chroma = rgb.max(axis=2) - rgb.min(axis=2)
    return float((chroma[ink] > 48).mean()) < colourful_share


def find_figure(picture: Image.Image, long_side: int = 512) -> Figure:
    """The picture at the frame size, its ink and its parts. Raises MotionError on an empty page."""
    pic = on_paper(picture)
    size = frame_size(pic.size, long_side)
    if pic.size != size:
        pic = pic.resize(size, Image.LANCZOS, reducing_gap=1.0)   # whole 2 x 2 boxes first: 5x faster
    rgb = np.asarray(pic, np.uint8).copy()
    ink = rgb.min(axis=2) < PAPER
    labels, n = label_regions(ink)
    if n:
        # Specks of dust (a stray JPEG pixel) are paper; a child's dot is bigger than this.
        areas = np.bincount(labels.ravel(), minlength=n + 1)
        ink &= (areas >= MIN_INK_PX)[labels]
    if not ink.any():
        raise MotionError("There is nothing to move yet: the page is empty. Draw something first!")
    rgb[~ink] = 255
    owner, parts = _group(ink, max(1.0, GROUP_FRAC * max(size)))
    return Figure(rgb, owner, parts)


def _group(ink: np.ndarray, reach: float) -> tuple[np.ndarray, list[Part]]:
    """Parts: ink that touches once every piece is widened by `reach`, labelled on the ink."""
    near, n = label_regions(dilate(ink, reach))
    owner = np.where(ink, near, 0).astype(np.int32)
    areas = np.bincount(owner.ravel(), minlength=n + 1)
    areas[0] = 0
    order = [int(k) for k in np.argsort(-areas, kind="stable") if areas[k] > 0]
    if len(order) > MAX_PARTS:
        rest = order[MAX_PARTS - 1:]
        owner[np.isin(owner, rest)] = rest[0]
        order = order[:MAX_PARTS]
    # Relabel 1..n, biggest first, so labels and list positions agree.
    remap = np.zeros(n + 1, np.int32)
    remap[order] = np.arange(1, len(order) + 1)
    owner = remap[owner]
    parts = []
    for label in range(1, len(order) + 1):
        ys, xs = np.nonzero(owner == label)
        box = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
        mask = owner[box[1]:box[3], box[0]:box[2]] == label
        parts.append(Part(label, box, int(mask.sum()), find_legs(mask, box[0], box[1])))
    return owner, parts


def find_legs(mask: np.ndarray, x0: int = 0, y0: int = 0, step_frac: float = 0.025) -> tuple[Leg, ...]:
    """Legs: two or more narrow, upright pieces that hang from a body down to its bottom.

    The part's silhouette (holes filled) is cut by a line that rises from the bottom a little
    at a time. Below the cut, a leg is a piece that reaches (nearly) the bottom, is at least a
    tenth of the part tall, taller than it is wide and narrower than two fifths of the part.
    The cut rises while none of these pieces joins the body; the last cut that had them all
    is the hip line. Wheels are wider than they hang, a tree trunk stands on a ground line (one
    piece), arms end above the feet: none of these walk. `mask` is the part's box; x0, y0 put
    the answer in frame pixels."""
    h, w = mask.shape
    if h < 8 or w < 4:
        return ()
    if h > 160:
        # A big part is looked at in 2 x 2 blocks (any ink makes a block ink: a thin leg stays):
        # a quarter of the work, and hips and feet a pixel off at most.
        pooled = np.pad(mask, ((0, h % 2), (0, w % 2))).reshape((h + 1) // 2, 2, (w + 1) // 2, 2).any(axis=(1, 3))
        return tuple(Leg((2 * g.hip[0] + 0.5 + x0, 2 * g.hip[1] + y0),
                         (2 * g.foot[0] + 0.5 + x0, 2 * g.foot[1] + 1 + y0),
                         (2 * g.box[0] + x0, 2 * g.box[1] + y0, min(2 * g.box[2], w) + x0, min(2 * g.box[3], h) + y0))
                     for g in find_legs(pooled, 0, 0, step_frac))
    body = solid(mask)
    whole, _ = label_regions(body)
    step = max(1, int(round(step_frac * h)))
    found: tuple[Leg, ...] = ()
    for cut in range(h - max(2, int(0.1 * h)), int(0.35 * h), -step):
        legs = _legs_below(body, whole, cut, h, w)
        if found and len(legs) < len(found):
            break           # legs have joined the body: the last cut was the hips
        if len(legs) >= 2:
            found = tuple(Leg((hx + x0, hy + y0), (fx + x0, fy + y0), (bx0 + x0, by0 + y0, bx1 + x0, by1 + y0))
                          for (hx, hy), (fx, fy), (bx0, by0, bx1, by1) in legs)
    return found


def _legs_below(body: np.ndarray, whole: np.ndarray, cut: int, h: int, w: int) -> list:
    """The leg-like pieces under the line `cut`; `whole` labels the uncut silhouette. Each
    piece's extent comes from one pass over its pixels (a part is cut some twenty times)."""
    labels, n = label_regions(body[cut:])
    if n == 0:
        return []
    ys, xs = np.nonzero(labels)
    lab = labels[ys, xs]
    big = np.iinfo(np.int64).max
    y0, x0 = np.full(n + 1, big), np.full(n + 1, big)
    y1, x1 = np.full(n + 1, -1), np.full(n + 1, -1)
    np.minimum.at(y0, lab, ys)
    np.maximum.at(y1, lab, ys)
    np.minimum.at(x0, lab, xs)
    np.maximum.at(x1, lab, xs)
    size = np.bincount(lab, minlength=n + 1)
    above = np.bincount(whole[:cut].ravel(), minlength=int(whole.max()) + 1)
    legs = []
    for k in range(1, n + 1):
        bottom, tall, wide = y1[k] + cut, y1[k] - y0[k] + 1, x1[k] - x0[k] + 1
        if y0[k] != 0 or bottom < h - 1 - 0.2 * h or tall < 0.1 * h or tall < wide or wide > 0.4 * w:
            continue
        # It must hang from a body: touch the cut, joined to more above the cut than there is
        # of it below (a line drawn under a body without touching it is not a leg).
        first = np.argmax(lab == k)
        if above[whole[cut + ys[first], xs[first]]] <= 2 * size[k]:
            continue
        mine = lab == k
        top = xs[mine & (ys == y0[k])]
        low = xs[mine & (ys == y1[k])]
        legs.append(((float(top.mean()), float(cut)), (float(low.mean()), float(bottom)),
                     (int(x0[k]), cut + int(y0[k]), int(x1[k]) + 1, int(bottom) + 1)))
    return sorted(legs)
