"""Make the contact sheet of the motions: every card sketch, finished by the default style,
in every motion.

    python scripts/make_motion_sheet.py [--out docs/images/motions.png] [--style NAME]
                                        [--only house,cat] [--cell 176]

One row per picture: the eight card sketches (`core/sample_drawings.py`) and the dog from
`motion/examples.py`, the only one with legs to walk on. One column per motion. A cell shows
one motion in a single still: four moments of its loop as pale ghosts, and its liveliest
moment (the frame furthest from the still picture) drawn solid on top, so the way it moves
can be read at a glance. Written atomically, as a 256-colour PNG; the exit status is 1 when a
picture could not move. About 20 s on a busy 2-core CPU.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from icanvas_desktop.core.atomic import atomic_write_bytes
from icanvas_desktop.core.sample_drawings import SAMPLES
from icanvas_desktop.motion import MOTIONS
from icanvas_desktop.motion.animate import Animation
from icanvas_desktop.motion.examples import dog
from icanvas_desktop.motion.figure import MotionError

ROOT = Path(__file__).resolve().parents[1]
LABEL_W, HEADER_H, PAD = 96, 34, 6
BACKGROUND = (255, 247, 230)     # the app's warm paper colour, like the README's pictures
INK = (70, 60, 50)
GHOSTS = (0, 8, 15, 23)          # frames drawn as ghosts (of 30)
GHOST_STRENGTH = 0.28


def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):   # a Pillow without FreeType: the small bitmap font still reads
        return ImageFont.load_default()


def onion(frames: list[Image.Image], still: Image.Image) -> Image.Image:
    """Ghosts of a few moments, multiplied together, and the liveliest frame solid on top."""
    base = np.asarray(still, np.float32)
    ghosts = np.full_like(base, 255.0)
    for k in GHOSTS:
        f = np.asarray(frames[k % len(frames)], np.float32)
        ghosts *= (255 - (255 - f) * GHOST_STRENGTH) / 255
    key = max(frames, key=lambda f: np.abs(np.asarray(f, np.float32) - base).mean())
    solid = np.asarray(key, np.float32)
    ink = (solid.min(axis=2) < 236)[..., None]
    return Image.fromarray(np.where(ink, solid, ghosts).clip(0, 255).astype(np.uint8))


def make_sheet(pictures: dict[str, Image.Image], cell: int, log=print) -> tuple[Image.Image, list[str]]:
    ch = cell * 3 // 4
    sheet = Image.new("RGB", (LABEL_W + len(MOTIONS) * (cell + PAD) + PAD,
                              HEADER_H + len(pictures) * (ch + PAD) + PAD), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = _font(16)
    for j, motion in enumerate(MOTIONS):
        draw.text((LABEL_W + PAD + j * (cell + PAD) + cell // 2, HEADER_H // 2), motion,
                  fill=INK, font=font, anchor="mm")
    failed = []
    for i, (name, picture) in enumerate(pictures.items()):
        y = HEADER_H + i * (ch + PAD)
        draw.text((LABEL_W - PAD, y + ch // 2), name, fill=INK, font=font, anchor="rm")
        try:
            animation = Animation(picture, long_side=2 * cell)
        except MotionError as err:
            log(f"{name}: {err}")
            failed.append(name)
            continue
        for j, motion in enumerate(MOTIONS):
            tile = onion(list(animation.frames(motion)), animation.still).resize((cell, ch), Image.LANCZOS)
            sheet.paste(tile, (LABEL_W + PAD + j * (cell + PAD), y))
        log(f"{name}: {len(animation.figure.parts)} part(s), "
            f"{'legs' if animation.can_walk else 'no legs (walk hops)'}")
    return sheet, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "images" / "motions.png"))
    ap.add_argument("--style", help="style that finishes the sketches (default: the first style)")
    ap.add_argument("--only", help="comma-separated picture names (default: all)")
    ap.add_argument("--cell", type=int, default=176, help="width of one cell in pixels")
    ns = ap.parse_args(argv)
    from icanvas_desktop.ml.engine import Engine, EngineConfig
    from icanvas_desktop.ml.styles import discover_styles, find_style
    styles = discover_styles()
    style = find_style(ns.style, styles) if ns.style else styles[0]
    engine = Engine(EngineConfig())
    engine.load_style(style)
    drawings = {**SAMPLES, "dog": dog}
    wanted = ns.only.split(",") if ns.only else list(drawings)
    pictures = {name: engine.final(drawings[name](), 768) for name in wanted}
    sheet, failed = make_sheet(pictures, ns.cell)
    buf = io.BytesIO()
    sheet.quantize(256, method=Image.Quantize.MEDIANCUT).save(buf, "PNG", optimize=True)
    atomic_write_bytes(ns.out, buf.getvalue())
    print(f"{ns.out}: {sheet.width}x{sheet.height}, {len(buf.getvalue()) // 1024} KB, style {style.name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
