"""Looks: a style's own way of laying its colours down, after the network and the fills.

Two styles trained on emoji sets of the same kind came out as twins (Emoji and Soft differed
by a mean of 0.016 per pixel on the same sketches), because Magic colours and the hint fills
decide most of the colour. A look is what makes a style recognisable at a glance, the way a
picture book's watercolour is recognisable whatever it shows.

`watercolour` (Soft, "like a picture book"): the classic signs of a wash (Curtis et al.,
"Computer-Generated Watercolor", 1997), done cheaply on the model's square:
- pastel pigment: colours thinned towards the paper, as a wash is;
- edge darkening: pigment pools where a wash dries, so each shape is deeper at its rim;
- an uneven wash: a soft, fixed pigment texture over the shapes (the same drawing always gets
  the same texture, so the picture stays deterministic);
- the network's own light and shade is kept, softened.
The paper stays white: only the child's shapes and lines are painted. Pure numpy + Pillow.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

PASTEL = 0.4            # share of the way from a shape's colour to the paper
RIM = 0.8               # extra pigment at a shape's edge (multiplies the colour's depth)
RIM_FRAC = 0.035        # how far in from the edge the pooled pigment reaches, of the side
GRAIN = 0.22            # the uneven wash: pigment depth varies by this much over a shape


def _texture(size: int) -> np.ndarray:
    """A soft pigment texture in [-1, 1], the same for every picture of this size: smooth
    noise at two scales (blotches of about a fifth and a twentieth of the picture)."""
    rng = np.random.default_rng(20261204)
    out = np.zeros((size, size), np.float32)
    for cells, weight in ((5, 0.65), (20, 0.35)):
        coarse = Image.fromarray(rng.standard_normal((cells, cells)).astype(np.float32), "F")
        out += weight * np.asarray(coarse.resize((size, size), Image.BICUBIC), np.float32)
    return np.clip(out / 1.2, -1, 1)


_TEXTURES: dict[int, np.ndarray] = {}


def texture(size: int) -> np.ndarray:
    """`_texture`, made once per size (a preview and a final size)."""
    if size not in _TEXTURES:
        _TEXTURES[size] = _texture(size)
    return _TEXTURES[size]


def watercolour(rgb: np.ndarray, shapes_mask: np.ndarray) -> np.ndarray:
    """The watercolour look on a finished picture (S, S, 3) in [-1, 1]: pastel, deeper at the
    shapes' rims, unevenly washed. `shapes_mask` is where the child's closed shapes are (the
    paper between them and the open strokes keep their colour)."""
    if not shapes_mask.any():
        return rgb
    size = rgb.shape[0]
    x = (rgb + 1) / 2
    depth = 1.0 - x                                  # pigment: 0 on white paper
    # Distance from each shape pixel to the shape's edge, as a soft ramp: a blur of the mask
    # is low near its edge and 1 deep inside, which is cheaper than a distance transform.
    radius = max(1.0, RIM_FRAC * size)
    m = Image.fromarray(shapes_mask.astype(np.uint8) * 255)
    inner = np.asarray(m.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255
    rim = np.clip(1 - (inner - 0.5) * 2, 0, 1) * shapes_mask      # 1 at the edge, 0 inside
    wash = (1 - PASTEL) * (1 + RIM * rim ** 2) * (1 + GRAIN * texture(size))
    painted = depth * np.where(shapes_mask, wash, 1.0)[..., None]
    out = 1 - np.clip(painted, 0, 1)
    return out * 2 - 1


# The looks a style's `io.look` may name, by name: an explicit table, so the installer finds
# every look and a style file cannot name a function.
LOOKS = {"watercolour": watercolour}


def finish_look(name: str, rgb: np.ndarray, shapes_mask: np.ndarray) -> np.ndarray:
    """The look `name` on a finished picture; an unknown name (a style from a newer iCanvas)
    leaves the picture as the network and the fills made it."""
    look = LOOKS.get(name)
    return rgb if look is None else look(rgb, shapes_mask)
