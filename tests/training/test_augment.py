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
