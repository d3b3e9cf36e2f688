"""`icanvas eval STYLE`: measured quality on the clean and the hand-drawn-like test split.

Figures: L1, PSNR and SSIM against the true picture, and line fidelity (does the picture
follow the child's lines: recall of input lines among the output's edges, and precision:
no edges invented where no line was drawn), colour spill onto the background, and how
different the colours of different subjects are. Written into the style's metadata and a
contact sheet, so the model card always shows what was measured.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from icanvas_desktop.ml.lines import dilate
from icanvas_desktop.ml.preprocess import IOSpec, encode_input
from icanvas_desktop.training import datasets
from icanvas_desktop.training.augment import AugmentConfig, augment_pair, canonical_ink
from icanvas_desktop.training.samples import HUE_NAMES, resize_rgb, sample_hints


@torch.no_grad()
def run_model(model, xs: np.ndarray, batch: int = 1) -> np.ndarray:
    """(N, C, S, S) inputs → (N, S, S, 3) outputs in [-1, 1]. One picture at a time, as in
    the app: the classic U-Net normalises with the statistics of its batch."""
    outs = []
    dev = next(model.parameters()).device
    for i in range(0, len(xs), batch):
        y = model(torch.from_numpy(xs[i:i + batch]).to(dev)).float().cpu().numpy()
        outs.append(np.moveaxis(y, 1, -1))
    return np.concatenate(outs)


def test_inputs(data, idx, spec: IOSpec, size: int, augmented: bool, seed: int = 7, hints: bool = False):
    """Inputs, targets and line masks for the test split, clean or augmented (fixed seed)."""
    rng = np.random.default_rng(seed)
    xs, ts, inks = [], [], []
    for i in idx:
        skel = np.asarray(data.lines[i]).astype(bool)
        color = np.asarray(data.color[i])
        if augmented:
            skel, color = augment_pair(rng, skel, color, AugmentConfig())
        ink = canonical_ink(skel, size, spec.line_width_frac)
        tgt = resize_rgb(color, size)
        h_rgb, h_mask = sample_hints(rng, tgt, ink) if hints else (None, None)
        xs.append(encode_input(ink, h_rgb, h_mask, spec.hints))
        ts.append(tgt)
        inks.append(ink)
    return np.stack(xs), np.stack(ts), np.stack(inks)


def ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Mean SSIM (Gaussian window σ=1.5, on each RGB channel) of uint8 image batches."""
    x = torch.from_numpy(a).float().permute(0, 3, 1, 2) / 255
    y = torch.from_numpy(b).float().permute(0, 3, 1, 2) / 255
    g = torch.exp(-(torch.arange(11) - 5.0) ** 2 / (2 * 1.5 ** 2))
    g = (g / g.sum())
    w = (g[:, None] * g[None, :]).expand(3, 1, 11, 11).contiguous()
    blur = lambda t: F.conv2d(t, w, padding=5, groups=3)
    mx, my = blur(x), blur(y)
    vx, vy, cxy = blur(x * x) - mx ** 2, blur(y * y) - my ** 2, blur(x * y) - mx * my
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    s = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2))
    return float(s.mean())


def line_fidelity(out: np.ndarray, inks: np.ndarray) -> tuple[float, float]:
    """(recall, precision) of the output's edges against the input lines, 2-px tolerance."""
    import cv2
    rec, prec = [], []
    for o, ink in zip(out, inks):
        gray = cv2.cvtColor(o, cv2.COLOR_RGB2GRAY)
        edges = np.zeros(gray.shape, bool)
        for c in range(3):
            edges |= cv2.Canny(o[..., c], 60, 160) > 0
        dark = gray < 110
        lines = ink > 0.5
        near_lines = dilate(lines, 2 + 0.02 * len(ink))
        drawn = edges | dark
        near_drawn = dilate(drawn, 2)
        if lines.any():
            rec.append(float((near_drawn & lines).sum() / lines.sum()))
        if edges.any():
            prec.append(float((near_lines & edges).sum() / edges.sum()))
    return float(np.mean(rec)) if rec else 0.0, float(np.mean(prec)) if prec else 1.0


def background_spill(out: np.ndarray, inks: np.ndarray) -> float:
    """Mean colour (0..1) painted on the paper outside every drawn shape."""
    import cv2
    vals = []
    for o, ink in zip(out, inks):
        walls = dilate(ink > 0.3, 2).astype(np.uint8)
        h, w = walls.shape
        flood = walls.copy()
        mask = np.zeros((h + 2, w + 2), np.uint8)
        for seed in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)):
            if flood[seed[1], seed[0]] == 0:
                cv2.floodFill(flood, mask, seed, 2)
        outside = (flood == 2)
        outside &= ~dilate(ink > 0.3, 4)  # anti-aliased line edges are not spill
        if outside.any():
            vals.append(float((255 - o[outside].astype(np.float32)).mean() / 255))
    return float(np.mean(vals)) if vals else 0.0


def _hues(rgb: np.ndarray) -> np.ndarray:
    """HSV hue in [0, 1) of (N, 3) RGB rows in [0, 1] (as colorsys computes it, vectorised)."""
    mx, mn = rgb.max(1), rgb.min(1)
    d = np.maximum(mx - mn, 1e-9)
    r, g, b = (mx[:, None] - rgb).T / d
    h = np.where(rgb[:, 0] == mx, b - g, np.where(rgb[:, 1] == mx, 2.0 + r - b, 4.0 + g - r))
    return (h / 6.0) % 1.0


def dominant_hue(img: np.ndarray) -> float | None:
    """Circular mean hue (radians) of a uint8 picture's colourful pixels; None if it is grey."""
    px = img.reshape(-1, 3).astype(np.float32) / 255
    col = px[px.max(1) - px.min(1) > 0.25]
    if len(col) < 10:
        return None
    h = _hues(col[:: max(1, len(col) // 200)])
    return float(np.angle(np.exp(2j * np.pi * h).mean()))


def hue_spread(out: np.ndarray) -> float:
    """Circular spread (0 = one hue for everything, 1 = evenly spread) of each picture's
    dominant hue across subjects: 'a heart red, a tree green', not yellow for all."""
    angles = [a for a in (dominant_hue(o) for o in out) if a is not None]
    if len(angles) < 2:
        return 0.0
    return float(1 - abs(np.exp(1j * np.array(angles)).mean()))


def hue_verdicts(out: np.ndarray, tgt: np.ndarray, tolerance_deg: float = 20.0) -> tuple[np.ndarray, np.ndarray]:
    """Per picture: the colour family of its truth (0-5: red, yellow, green, cyan, blue, magenta;
    -1 for a grey truth, which is left out) and whether its dominant hue is within
    `tolerance_deg` of the truth's (a grey picture where the truth has colour is a miss).
    `hue_match` and the intervals of `training/uncertainty.py` are made from these."""
    families = np.full(len(tgt), -1, np.int64)
    hits = np.zeros(len(tgt), bool)
    for i, (o, t) in enumerate(zip(out, tgt)):
        truth = dominant_hue(t)
        if truth is None:
            continue
        families[i] = int(round(np.degrees(truth) / 60)) % 6
        got = dominant_hue(o)
        hits[i] = got is not None and abs(np.angle(np.exp(1j * (got - truth)))) <= np.radians(tolerance_deg)
    return families, hits


def balanced_share(families: np.ndarray, hits: np.ndarray) -> float:
    """The share of hits in each colour family seen, averaged over the families."""
    seen = families >= 0
    totals = np.bincount(families[seen], minlength=6)
    got = np.bincount(families[seen], weights=hits[seen], minlength=6)
    have = totals > 0
    return float((got[have] / totals[have]).mean()) if have.any() else 0.0


def hue_match(out: np.ndarray, tgt: np.ndarray, tolerance_deg: float = 20.0) -> float:
    """Do subjects come out in their own colour (is the heart red and the tree green)?

    A picture matches when its dominant hue is within `tolerance_deg` of the true picture's.
    The share is balanced over six colour families of the truth (red, yellow, green, cyan,
    blue, magenta) and averaged, because emoji test splits are mostly yellow and orange: a
    network that paints everything orange would otherwise score about one half. A grey
    picture where the truth has colour is a miss; grey truths are left out."""
    return balanced_share(*hue_verdicts(out, tgt, tolerance_deg))


def colour_name(img: np.ndarray) -> str:
    """A child's word for the main colour of a finished picture on white paper ("grey" when
    the drawn part has hardly any colour). For the model cards: "heart red, tree green"."""
    px = img.reshape(-1, 3).astype(np.float32) / 255
    drawn = px[px.min(1) < 0.9]                          # everything that is not paper
    col = drawn[drawn.max(1) - drawn.min(1) > 0.25]
    if len(col) < max(10, 0.15 * len(drawn)):
        return "grey"
    hue = (np.degrees(dominant_hue(img)) + 360) % 360
    name = next(n for limit, n in HUE_NAMES if hue < limit)
    if name in ("red", "orange") and np.median(col.max(1)) < 0.6:
        return "brown"
    return name


def figures(out_u8: np.ndarray, tgt: np.ndarray, inks: np.ndarray) -> dict:
    o = out_u8.astype(np.float32) / 255
    t = tgt.astype(np.float32) / 255
    l1 = float(np.abs(o - t).mean())
    mse = ((o - t) ** 2).reshape(len(o), -1).mean(1)
    psnr = float(np.mean(10 * np.log10(1.0 / np.maximum(mse, 1e-10))))
    rec, prec = line_fidelity(out_u8, inks)
    return {"l1": round(l1, 4), "psnr": round(psnr, 2), "ssim": round(ssim(out_u8, tgt), 4),
            "line_recall": round(rec, 3), "line_precision": round(prec, 3),
            "spill": round(background_spill(out_u8, inks), 4), "hue_spread": round(hue_spread(out_u8), 3),
            "hue_match": round(hue_match(out_u8, tgt), 3)}


def to_u8(y: np.ndarray) -> np.ndarray:
    return ((np.clip(y, -1, 1) + 1) * 127.5 + 0.5).astype(np.uint8)


def sheet(rows: list[list[np.ndarray]], tile: int = 128) -> Image.Image:
    """A grid of uint8 RGB or float ink tiles, one list per row."""
    def norm(a):
        if a.ndim == 2:
            a = np.repeat(((1 - a) * 255).astype(np.uint8)[..., None], 3, -1)
        im = Image.fromarray(a).resize((tile, tile), Image.BICUBIC)
        return np.pad(np.asarray(im), ((2, 2), (2, 2), (0, 0)), constant_values=200)
    return Image.fromarray(np.concatenate([np.concatenate([norm(a) for a in r], 1) for r in rows], 0))


def sheet_for_model(model, spec: IOSpec, data, size: int, n: int = 8) -> Image.Image:
    """Test pictures: clean input, output, augmented input, output, truth."""
    idx = data.split("test")[:: max(1, len(data.split("test")) // n)][:n]
    model.eval()
    xc, tc, ic = test_inputs(data, idx, spec, size, False)
    xa, ta, ia = test_inputs(data, idx, spec, size, True)
    oc, oa = to_u8(run_model(model, xc)), to_u8(run_model(model, xa))
    return sheet([[ic[k], oc[k], ia[k], oa[k], tc[k]] for k in range(len(idx))])


def finish(y: np.ndarray, x: np.ndarray, spec: IOSpec) -> np.ndarray:
    """The engine's finishing (`preprocess.postprocess`) on a batch of model outputs."""
    from icanvas_desktop.ml.preprocess import Prepared, postprocess
    size = x.shape[-1]
    return np.stack([postprocess(yk, Prepared(xk, (0.0, 0.0, float(size)), (size, size)), spec)
                     for yk, xk in zip(y, x)])


def with_magic_colours(x: np.ndarray, index, spec: IOSpec, config=None) -> np.ndarray:
    """Inputs (N, C, S, S) with the hint dots that Magic colours adds in the engine."""
    from icanvas_desktop.ml.colour_guess import GuessConfig, apply_guesses, guess_for_input
    config = config or GuessConfig()
    c = spec.line_channels
    return np.stack([apply_guesses(xk, guess_for_input(xk, index, c, config), c, config) for xk in x])


def evaluate(model, spec: IOSpec, data_dir: Path, size: int | None = None, limit: int | None = None,
             colours=None) -> dict:
    """Figures on the test split; with `colours` (a style's colour index) also the hand-drawn-like
    pictures as the app finishes them with Magic colours on."""
    data = datasets.load(data_dir)
    idx = data.split("test")[:limit]
    size = size or spec.size
    result = {"test_pictures": int(len(idx)), "size": size}
    for name, aug in (("clean", False), ("augmented", True)):
        x, t, inks = test_inputs(data, idx, spec, size, aug)
        y = run_model(model, x)
        result[name] = figures(to_u8(y), t, inks)
    # What the child sees: the same hand-drawn-like pictures after the engine's finishing
    # (flat fills, clear paper), so spill and colour figures describe the real picture.
    result["augmented_finished"] = figures(to_u8(finish(y, x, spec)), t, inks)
    if colours is not None and spec.hints:
        xm = with_magic_colours(x, colours, spec)
        result["augmented_magic"] = figures(to_u8(finish(run_model(model, xm), xm, spec)), t, inks)
    c, a = result["clean"], result["augmented"]
    result["ssim_ratio"] = round(a["ssim"] / max(c["ssim"], 1e-6), 3)
    result["l1_ratio"] = round(a["l1"] / max(c["l1"], 1e-6), 3)
    if spec.hints:
        x, t, inks = test_inputs(data, idx, spec, size, False, hints=True)
        result["with_hints"] = figures(to_u8(run_model(model, x)), t, inks)
    return result
