"""Sketch augmentation: hand-drawn-looking, reproducible, and aligned with its target."""

import numpy as np

from icanvas_desktop.training.augment import augment_pair, canonical_ink, contact_sheet, endpoints


def square_skeleton(size=256):
    s = np.zeros((size, size), bool)
    s[60, 60:200] = s[200, 60:200] = True
    s[60:201, 60] = s[60:201, 200] = True
    s[100:140, 120] = True  # a detail line with two loose ends
    return s


def test_augmentation_is_reproducible_with_a_seed():
    skel, tgt = square_skeleton(), np.full((256, 256, 3), 255, np.uint8)
    a1, t1 = augment_pair(np.random.default_rng(3), skel, tgt)
    a2, t2 = augment_pair(np.random.default_rng(3), skel, tgt)
    assert np.array_equal(a1, a2) and np.array_equal(t1, t2)


def test_augmented_lines_differ_but_stay_near_the_original():
    skel = square_skeleton()
    tgt = np.full((256, 256, 3), 255, np.uint8)
    out, _ = augment_pair(np.random.default_rng(0), skel, tgt)
    assert out.shape == skel.shape and out.dtype == bool
    assert not np.array_equal(out, skel)
    assert 0.5 < out.sum() / skel.sum() < 1.6
    ys, xs = np.nonzero(out)
    assert 30 < xs.mean() < 230 and 30 < ys.mean() < 230


def test_geometry_moves_target_with_the_lines():
    skel = square_skeleton()
    tgt = np.full((256, 256, 3), 255, np.uint8)
    tgt[61:200, 61:200] = (255, 0, 0)  # red inside the square
    from icanvas_desktop.training.augment import AugmentConfig
    cfg = AugmentConfig(p_affine=1.0, max_rotate_deg=10, p_wobble=0, p_gaps=0, p_ends=0, p_double=0,
                        p_missing=0, p_thick=0)
    out, t = augment_pair(np.random.default_rng(1), skel, tgt, cfg)
    ys, xs = np.nonzero(out)
    cy, cx = int(ys.mean()), int(xs.mean())
    assert tuple(t[cy, cx]) == (255, 0, 0)  # the middle of the moved square is still red


def test_canonical_ink_has_the_canonical_width():
    skel = np.zeros((256, 256), bool)
    skel[128, 20:236] = True
    ink = canonical_ink(skel, 128, 0.02)
    assert ink.shape == (128, 128)
    width = ink[:, 64].sum()
    assert 2.0 < width < 3.5  # 0.02 × 128 = 2.56 px


def test_endpoints_found_on_open_lines():
    s = np.zeros((20, 20), bool)
    s[10, 3:15] = True
    assert len(endpoints(s)) == 2


def test_contact_sheet_shows_clean_and_variants():
    sheet = contact_sheet([square_skeleton()], variants=3, size=64)
    assert sheet.size == (4 * 68, 68)


def _face(size=256):
    """A red disc with a white eye and a black outline, as emoji colour pictures are drawn."""
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (size, size), "white")
    d = ImageDraw.Draw(img)
    d.ellipse((50, 50, 206, 206), fill=(220, 30, 30), outline=(0, 0, 0), width=5)
    d.ellipse((100, 100, 130, 130), fill=(255, 255, 255), outline=(0, 0, 0), width=3)   # the eye
    return np.asarray(img)


def test_a_bare_outline_is_the_silhouette_only_and_its_target_is_one_colour_inside():
    from icanvas_desktop.training.augment import bare_outline_pair
    skel, target = bare_outline_pair(_face())
    assert not skel[100:131, 100:131].any()                   # no eye: only the outer border
    assert skel[45:56, 128].any() and skel[200:212, 128].any()
    ys, xs = np.nonzero(skel)
    assert ys.min() >= 44 and ys.max() <= 212                 # nothing drawn on the open paper
    assert tuple(target[115, 115]) == (220, 30, 30)           # the eye is filled with the main colour
    assert tuple(target[10, 10]) == (255, 255, 255)           # paper stays paper
    assert tuple(target[50, 128]) == (0, 0, 0)                # the outline is drawn in black


def test_the_main_colour_is_the_one_covering_most_of_the_shape():
    from icanvas_desktop.training.augment import main_colour
    pic = np.zeros((100, 100, 3), np.uint8)
    pic[:70] = (60, 170, 60)                                   # a green crown ...
    pic[70:] = (120, 70, 30)                                   # ... over a brown trunk
    pic[:, :3] = 0                                             # and black lines, which never count
    assert tuple(main_colour(pic, np.ones((100, 100), bool))) == (60, 170, 60)
    assert tuple(main_colour(np.zeros((8, 8, 3), np.uint8), np.ones((8, 8), bool))) == (200, 200, 200)


def _holes(pic: np.ndarray) -> int:
    """White pixels that the paper around the picture cannot reach (an eye inside a face)."""
    import cv2
    paper = np.pad((pic.min(-1) > 230).astype(np.uint8), 1, constant_values=1)
    cv2.floodFill(paper, None, (0, 0), 2)
    return int((paper == 1).sum())


def test_training_variants_can_be_drawn_from_bare_outlines(tmp_path):
    from icanvas_desktop.ml.preprocess import IOSpec
    from icanvas_desktop.training.augment import bare_outline_pair
    from icanvas_desktop.training.datasets import PairSet
    from icanvas_desktop.training.samples import make_variants
    face = _face()
    lines = bare_outline_pair(face)[0] | (np.abs(np.indices((256, 256)) - 115).max(0) == 15)  # outline + eye
    data = PairSet(tmp_path, lines[None], face[None], [{"name": "face", "group": "g", "split": "train"}], {})
    ink, bare = make_variants(data, np.arange(1), 64, IOSpec(size=64), 4, seed=1, bare=1.0)
    _, plain = make_variants(data, np.arange(1), 64, IOSpec(size=64), 4, seed=1)
    assert ink.shape == (1, 5, 64, 64)
    assert np.array_equal(bare[:, 0], plain[:, 0])              # the clean input stays the line art
    assert all(_holes(p) > 0 for p in plain[0, 1:])             # line art: the white eye is there
    assert all(_holes(p) == 0 for p in bare[0, 1:])             # bare: one colour fills the face
