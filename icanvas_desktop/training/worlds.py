"""Data sources for the worlds beyond flat emoji: Fluent Emoji 3D (Toy) and DiceBear faces.

Both come from the npm registry, as the emoji sets do, and land in the same cache layout
(`datasets.build`). Fluent 3D is a folder of WebP pictures named by code point; the Unicode
emoji groups (npm `unicode-emoji-json`) tell a symbol (a keycap, an arrow in a blue square,
a sign) from a thing, so a child's square does not become a blue keycap. DiceBear draws
avatars from seeds with node: the supply is unlimited and reproducible (the same seed is
the same face on every machine).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image

from icanvas_desktop.training.datasets import (RENDER, Pair, _crop, _crop_box, _on_white, edge_lines,
                                               npm_fetch)

FLUENT_3D = "@lobehub/fluent-emoji-3d@1.1.0"
EMOJI_GROUPS = "unicode-emoji-json@0.9.0"
SKIN_TONES = {"1f3fb", "1f3fc", "1f3fd", "1f3fe", "1f3ff"}
# Groups that are not things a child draws: signs, keycaps, arrows, clocks, flags.
LEFT_OUT_GROUPS = {"Symbols", "Flags"}


def _key(codepoints: list[str]) -> str:
    """One spelling for an emoji: its code points, unpadded, without variation selectors."""
    return "-".join(f"{int(c, 16):x}" for c in codepoints if c.lower() not in ("fe0f", "fe0e"))


def emoji_groups(pkg: Path) -> dict[str, tuple[str, str]]:
    """{code point key: (group, slug)} from unicode-emoji-json's data-by-emoji.json."""
    data = json.loads((pkg / "data-by-emoji.json").read_text("utf-8"))
    return {_key([f"{ord(ch):x}" for ch in emoji]): (v["group"], v["slug"]) for emoji, v in data.items()}


def fluent3d_fetch(downloads: Path) -> Path:
    pkg = npm_fetch(FLUENT_3D, downloads)
    groups = npm_fetch(EMOJI_GROUPS, downloads)
    # the groups travel with the pictures, so `fluent3d_pairs` needs only one folder
    shutil.copy(groups / "data-by-emoji.json", pkg / "data-by-emoji.json")
    return pkg


def fluent3d_pairs(pkg: Path) -> Iterator[Pair]:
    """Fluent 3D pictures of things (no skin-tone variants, symbols or flags), lines derived."""
    groups = emoji_groups(pkg)
    for path in sorted((pkg / "assets").glob("*.webp")):
        cps = path.stem.replace("_", "-").split("-")
        if SKIN_TONES & set(cps):
            continue
        group, slug = groups.get(_key(cps), ("Symbols", path.stem))  # unlisted: keycaps, tags
        if group in LEFT_OUT_GROUPS:
            continue
        try:
            with Image.open(path) as im:
                rgba = im.convert("RGBA").resize((RENDER, RENDER), Image.LANCZOS)
        except OSError:
            continue    # a damaged picture in the package is skipped, not fatal
        box = _crop_box(np.asarray(rgba)[..., 3])
        cc = _crop(rgba, box)
        yield Pair(slug, group, edge_lines(np.asarray(cc), on_white=True), _on_white(cc))


# ------------------------------------------------------------------------------ DiceBear
DICEBEAR_VERSION = "9.4.3"
# name: outlined? Outlined styles draw every part with a dark outline, which is the line art
# exactly; flat ones have none and their lines come from colour edges (`edge_lines`).
FACE_STYLES = {"adventurer": True, "big-smile": False, "personas": False}
FACES_PER_STYLE = 1200
_GENERATOR = """
import { createAvatar } from '@dicebear/core';
%(imports)s
const styles = {%(table)s};
const [style, first, count] = process.argv.slice(2);
for (let i = Number(first); i < Number(first) + Number(count); i++) {
  const seed = `${style}-${String(i).padStart(5, '0')}`;
  const svg = createAvatar(styles[style], { seed }).toString();
  process.stdout.write(JSON.stringify({ seed, svg }) + '\\n');
}
"""


def dicebear_fetch(downloads: Path) -> Path:
    """An npm project with DiceBear core and the face styles, and the generator script."""
    folder = downloads / f"dicebear-{DICEBEAR_VERSION}"
    ready = folder / "node_modules" / "@dicebear" / "core"
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise RuntimeError("the faces data set is drawn by DiceBear, which runs on node: install "
                           "Node.js 18 or newer (with npm) and build it again")
    folder.mkdir(parents=True, exist_ok=True)
    if not ready.is_dir():
        (folder / "package.json").write_text('{"name": "icanvas-faces", "private": true, "type": "module"}\n')
        pkgs = [f"@dicebear/{n}@{DICEBEAR_VERSION}" for n in ("core", *FACE_STYLES)]
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", *pkgs], cwd=folder,
                       check=True, capture_output=True, text=True)
    idents = {n: n.replace("-", "_") for n in FACE_STYLES}
    (folder / "faces.mjs").write_text(_GENERATOR % {
        "imports": "\n".join(f"import * as {v} from '@dicebear/{k}';" for k, v in idents.items()),
        "table": ", ".join(f"'{k}': {v}" for k, v in idents.items())}, "utf-8")
    licences = [f"## @dicebear/{n}\n" + (folder / "node_modules" / "@dicebear" / n / "LICENSE").read_text("utf-8")
                for n in FACE_STYLES]
    (folder / "LICENSE.txt").write_text("\n\n".join(licences), "utf-8")
    return folder


def outline_lines(rgba: np.ndarray) -> np.ndarray:
    """The dark outlines of an outlined avatar as 1-px lines: the near-black paint as ink on
    white, through the raster sketch reader, so a black area (dark hair) keeps its outline
    instead of thinning to a spine, exactly as a child's coloured-in shape does."""
    from icanvas_desktop.ml.lines import raster_lines
    rgb = rgba[..., :3].astype(np.float32) / 255
    dark = (rgb.max(-1) < 0.2) & (rgba[..., 3] > 128)
    return raster_lines(np.where(dark, 0.0, 1.0).astype(np.float32))[0]


def dicebear_pairs(folder: Path, per_style: int = FACES_PER_STYLE) -> Iterator[Pair]:
    from icanvas_desktop.training.svg_render import render_svg
    for style, outlined in FACE_STYLES.items():
        run = subprocess.run(["node", "faces.mjs", style, "0", str(per_style)], cwd=folder, check=True,
                             capture_output=True, text=True)
        for line in run.stdout.splitlines():
            item = json.loads(line)
            c = render_svg(item["svg"].encode(), RENDER)
            box = _crop_box(c[..., 3])
            cc = np.asarray(_crop(Image.fromarray(c), box))
            lines = outline_lines(cc) if outlined else edge_lines(cc, on_white=True)
            yield Pair(item["seed"], style, lines, _on_white(Image.fromarray(cc)))
