"""A photo of a paper drawing, made ready for `lines.raster_lines`: the page turned the right
way round, its light evened out, and the table around the sheet left out.

Parents photograph drawings with a phone. Two things in such photos became lines before this
module: the shadow of the hand or the phone (a dark side of the page turned into a thick bar
next to the drawing) and the table around the sheet (a frame around the drawing, and the
whole sheet then filled as one shape). Scans and drawings made on a computer have neither,
and pass through unchanged. Numpy and Pillow only: the installed app has no OpenCV.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.masks import label_regions, solid


def right_way_round(gray: np.ndarray) -> np.ndarray:
    """Dark lines on light paper: a page that is mostly dark (chalk on a board, white pen on
    black card) is turned round. The paper is most of the page, so the median is the paper."""
    return 1.0 - gray if np.median(gray) < 0.5 else gray


def even_light(gray: np.ndarray, reach_frac: float = 0.15) -> np.ndarray:
    """The page divided by its own local paper brightness, so a shadow falling across it is
    paper again. The paper brightness is the brightest value within `reach_frac` of the page
    around each point, found on an eighth-size copy and smoothed back up. The reach is wide:
    a shape the child coloured in is dark too, and with a short reach (4 %, tried first) the
    middle of a coloured-in tree's crown counted as shadow and the crown got a second outline;
    a shadow's light changes slowly, so a wide reach still evens it out."""
    h, w = gray.shape
    f = 8
    small = np.asarray(Image.fromarray(gray.astype(np.float32), "F").resize(
        (max(1, w // f), max(1, h // f)), Image.BOX), np.float32)
    r = max(1, int(round(reach_frac * max(h, w) / f)))
    bright = small
    for axis in (0, 1):     # a square window, one axis at a time
        pad = np.pad(bright, [(r, r) if a == axis else (0, 0) for a in (0, 1)], mode="edge")
        n = bright.shape[axis]
        bright = np.max(np.stack([np.take(pad, range(k, k + n), axis=axis) for k in range(2 * r + 1)]), axis=0)
    paper = np.asarray(Image.fromarray(bright, "F").resize((w, h), Image.BILINEAR), np.float32)
    return np.clip(gray / np.maximum(paper, 0.05), 0.0, 1.0)


def sheet_of(gray: np.ndarray) -> np.ndarray | None:
    """Where the sheet of paper is, when the photo shows a darker table around it (the photo's
    edges are mostly dark): the largest bright region, with the lines on it (holes in the
    bright region) filled back in, less a band along the sheet's edge, where the paper's edge
    and its shadow would become a frame. None when the paper reaches the photo's edges (a
    scan, a drawing made on a computer, a photo taken close)."""
    h, w = gray.shape
    ring = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    paper_level = np.percentile(gray, 90)
    if np.median(ring) > 0.7 * paper_level:
        return None                                  # paper reaches the edges: no table
    labels, n = label_regions(gray > 0.8 * paper_level)
    if n == 0:
        return None
    areas = np.bincount(labels.ravel(), minlength=n + 1)
    areas[0] = 0
    sheet = solid(labels == int(np.argmax(areas)))    # the lines on it filled back in
    if sheet.mean() < 0.15:
        return None                                  # no sheet worth the name: leave it alone
    return ~dilate(~sheet, 0.015 * max(h, w))


def photo_to_page(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """(page with even light, dark lines on light paper; the sheet's mask or None)."""
    gray = right_way_round(np.clip(gray, 0.0, 1.0))
    return even_light(gray), sheet_of(gray)
