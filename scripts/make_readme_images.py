"""Make the README's two pictures: the app's window, and one sketch in every style.

    python scripts/make_readme_images.py [--out docs/images] [--sketch house] [--lang en]

- `app.png` is what `icanvas --self-test --screenshot FILE` saves: the real window, offscreen,
  after real mouse and pen events drew a house and a sun and pressed Magic!. It runs with a
  temporary HOME, so neither the user's gallery, settings nor their own styles show up.
- `styles.png` is one of the project's hand-drawn card sketches (`core/sample_drawings.py`: the
  same wobbly, gappy input the model cards use) as drawn, then as the engine finishes it in
  every style installed in `models/` (shipped order; user styles are left out), so a new style
  appears in the strip when the script is run again.

Both are written only when they were made whole (a failed style is named and skipped, the
strip still shows the others); the exit status is 1 when anything failed. About 15 s on a
2-core CPU with three styles.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from icanvas_desktop.core.atomic import atomic_write_bytes
from icanvas_desktop.core.raster import sketch_image
from icanvas_desktop.core.sample_drawings import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
TILE = (300, 225)             # 4:3, like the page a child draws on
LABEL_H = 44
PAD = 8
BACKGROUND = (255, 247, 230)  # the app's warm paper colour, so the strip sits well beside the screenshot
INK = (70, 60, 50)


def _font(size: int) -> ImageFont.ImageFont:
    """Pillow's own scalable font: the same on every machine, no system font needed."""
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):   # a Pillow without FreeType: the small bitmap font still reads
        return ImageFont.load_default()


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def screenshot(target: Path, lang: str, timeout_s: float = 240.0) -> str | None:
    """Run the app's own self-test offscreen and keep its screenshot; None when it worked,
    else a line that says why not."""
    with tempfile.TemporaryDirectory(prefix="icanvas-readme-") as tmp:
        shot = Path(tmp) / "app.png"
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=f"{tmp}/data", XDG_CONFIG_HOME=f"{tmp}/config",
                   XDG_CACHE_HOME=f"{tmp}/cache", ICANVAS_SYSTEM_CONFIG="", QT_QPA_PLATFORM="offscreen")
        cmd = [sys.executable, "-m", "icanvas_desktop", "--self-test", "--screenshot", str(shot), "--lang", lang]
        try:
            run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return f"the self-test did not finish within {timeout_s:.0f} s"
        if run.returncode != 0 or not shot.exists():
            tail = (run.stdout + run.stderr).strip().splitlines()[-6:]
            return "the self-test failed:\n  " + "\n  ".join(tail)
        with Image.open(shot) as im:
            atomic_write_bytes(target, _png(im.convert("RGB")))
    return None


def _tile(picture: Image.Image, label: str, font) -> Image.Image:
    tile = Image.new("RGB", (TILE[0], TILE[1] + LABEL_H), BACKGROUND)
    tile.paste(picture.convert("RGB").resize(TILE, Image.LANCZOS), (0, 0))
    draw = ImageDraw.Draw(tile)
    draw.rectangle((0, 0, TILE[0] - 1, TILE[1] - 1), outline=(225, 205, 170), width=2)
    draw.text((TILE[0] / 2, TILE[1] + LABEL_H / 2), label, fill=INK, font=font, anchor="mm")
    return tile


def style_strip(target: Path, sketch: str) -> list[str]:
    """The sketch, then the sketch in every installed style; returns what failed (empty: all
    worked). Raises SystemExit when no style is installed: an empty strip helps nobody."""
    from icanvas_desktop.ml.engine import Engine, EngineConfig, StyleLoadError
    from icanvas_desktop.ml.styles import discover_styles, shipped_models_dir

    problems: list[str] = []
    styles = discover_styles(include_user=False, problems=problems)
    if not styles:
        raise SystemExit(f"make_readme_images: no style found in {shipped_models_dir()}")
    drawing = SAMPLES[sketch]()
    font = _font(24)
    tiles = [_tile(sketch_image(drawing), "The sketch", font)]
    for style in styles:
        engine = Engine(EngineConfig())    # what the app would use on this PC
        try:
            engine.load_style(style)
            picture = engine.final(drawing, 2 * TILE[0])
        except (StyleLoadError, RuntimeError, ValueError, OSError) as err:
            problems.append(f"{style.name}: {err}")
            continue
        tiles.append(_tile(picture, style.display_title("en"), font))
    strip = Image.new("RGB", (PAD + len(tiles) * (TILE[0] + PAD), TILE[1] + LABEL_H + 2 * PAD), BACKGROUND)
    for i, tile in enumerate(tiles):
        strip.paste(tile, (PAD + i * (TILE[0] + PAD), PAD))
    atomic_write_bytes(target, _png(strip))
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "images", help="folder for app.png and styles.png")
    p.add_argument("--sketch", choices=sorted(SAMPLES), default="house", help="which card sketch the strip shows")
    p.add_argument("--lang", choices=("en", "ko"), default="en", help="the app's language in the screenshot")
    p.add_argument("--skip-screenshot", action="store_true", help="only the style strip")
    ns = p.parse_args(argv)
    ns.out.mkdir(parents=True, exist_ok=True)
    failed = False
    start = time.monotonic()
    problems = style_strip(ns.out / "styles.png", ns.sketch)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    failed |= bool(problems)
    print(f"{ns.out / 'styles.png'} ({time.monotonic() - start:.1f} s)")
    if not ns.skip_screenshot:
        start = time.monotonic()
        why = screenshot(ns.out / "app.png", ns.lang)
        if why:
            print(f"app.png not made: {why}", file=sys.stderr)
            failed = True
        else:
            print(f"{ns.out / 'app.png'} ({time.monotonic() - start:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
