"""Every measurement script in scripts/ still runs: each one, in its own process, on tiny inputs
(a data set of drawn shapes, a small style with random weights, a few drawings) for a second or
a few, so that none of them rots unnoticed between the runs that measure for real.

The gallery's crash stress (scripts/stress_gallery_crash.py) has its own smoke run with five
kills in tests/core/test_gallery.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from helpers import tiny_style
from PIL import Image, ImageDraw

from icanvas_desktop.ml.checkpoint import save_style, update_metadata
from icanvas_desktop.ml.networks import build_generator
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training import datasets
from icanvas_desktop.training.colour_index import build_index, write_index

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
MEASURING = sorted(p.name for p in SCRIPTS.glob("*.py") if p.name.startswith(("measure_", "stress_")))


@pytest.fixture
def cache(tmp_path, ab_folder, monkeypatch) -> Path:
    """A data cache holding the tiny data set twice, as "ab" and "ab2" (two sets for the scripts
    that compare across data sets), each with a Magic colours index built from it."""
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    root = datasets.default_cache()
    for name in ("ab", "ab2"):
        data = datasets.build("pix2pix-ab", root, ab_folder, out_name=name)
        index, palette, layouts = build_index(data, dedupe=1.0)
        write_index(index, palette, layouts, root / f"{name}.colours.safetensors")
    return root


def style_on(folder: Path, dataset: str = "ab", palette: int = 0) -> Path:
    """A tiny style that takes hints and names `dataset` as its data, as a trained one does."""
    if palette:
        spec = IOSpec(size=64, final_size=128, hints=True)
        cfg = {"in_ch": spec.in_channels, "channels": [8, 16, 16, 16], "palette": palette}
        path = folder / "tiny.safetensors"
        save_style(path, build_generator("fast_unet", cfg),
                   {"name": "tiny", "arch": "fast_unet", "arch_config": cfg, "io": spec.to_meta(),
                    "title": {"en": "Tiny"}, "description": {}, "license": "test", "metrics": {}})
    else:
        path = tiny_style(folder, hints=True)
    update_metadata(path, data={"dataset": dataset, "license": "test", "title": "shapes"},
                    recipe={"steps": 0, "minutes": 0.0, "config": {}})
    return path


def run(script: str, *args, env: dict | None = None, timeout: int = 300) -> str:
    done = subprocess.run([sys.executable, str(SCRIPTS / script), *map(str, args)], cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{script}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_every_measuring_script_has_a_smoke_run_here():
    here = Path(__file__).read_text("utf-8")
    assert MEASURING and all(f'"{name}"' in here for name in MEASURING if name != "stress_gallery_crash.py")
    assert not list((ROOT / "tests").rglob("measure_*.py")), "measurement scripts live in scripts/"


def test_bare_outlines(tmp_path, cache):
    out = run("measure_bare_outlines.py", style_on(tmp_path), "--limit", 2)
    assert json.loads(out.splitlines()[-1])["pictures"] == 2


def test_doodles_on_a_folder_of_drawings(tmp_path):
    for name, box in (("circle", (100, 100, 400, 400)), ("square", (150, 150, 350, 350))):
        img = Image.new("L", (512, 512), 255)
        (ImageDraw.Draw(img).ellipse if name == "circle" else ImageDraw.Draw(img).rectangle)(box, outline=0, width=12)
        img.save(tmp_path / f"{name}.png")
    out = run("measure_doodles.py", "--folder", tmp_path, "--limit", 1, "--json")
    result = json.loads(out.splitlines()[-1])
    assert result and all(r["doodles"] == 1 for r in result.values())


def test_drawn_subjects_on_a_folder_of_drawings(tmp_path):
    from helpers import colour_index_of, shape_picture
    from icanvas_desktop.ml.colour_guess import ColourIndex
    from icanvas_desktop.training.colour_index import add_subjects
    # five data pictures, squares: a doodle's fifth neighbour among them is what a drawn tree must beat
    base = colour_index_of([shape_picture([(40 + d, 40), (200, 40 + d), (200 - d, 200), (40, 200 - d)], (200, 60, 60))
                            for d in (0, 4, 8, 12, 16)])
    palette = np.full((256, 3), 255, np.uint8)
    palette[:3] = (200, 60, 60), (60, 150, 60), (120, 80, 60)
    layouts = np.zeros(base.colours.shape[:-1], np.uint8)
    index = write_index(*add_subjects(ColourIndex(base.silhouettes, base.lines, palette[layouts], {}),
                                      palette, layouts, 20, margin=0.15), tmp_path / "x.colours.safetensors")
    # a tree as a child draws it, and a square: a drawn tree reaches the first even at the largest
    # margin, the second not from the smallest one up
    tree = Image.new("L", (512, 512), 255)
    pen = ImageDraw.Draw(tree)
    pen.ellipse((156, 60, 356, 260), outline=0, width=12)
    pen.rectangle((231, 255, 281, 450), outline=0, width=12)
    tree.save(tmp_path / "tree.png")
    square = Image.new("L", (512, 512), 255)
    ImageDraw.Draw(square).rectangle((150, 150, 350, 350), outline=0, width=12)
    square.save(tmp_path / "square.png")
    out = run("measure_drawn_subjects.py", index, "--folder", tmp_path, "--json")
    result = json.loads(out.splitlines()[-1])
    assert result["margin"] == 0.15
    assert result["reached"]["0.05"] == ["tree"] and result["reached"]["0.2"] == ["tree"]


def test_fast_vs_classic(tmp_path, cache):
    out = run("measure_fast_vs_classic.py", style_on(tmp_path))
    assert json.loads(out.splitlines()[-1])[0]["arch"] == "fast_unet"


def test_gaps():
    assert "gappy circles found closed" in run("measure_gaps.py", "--smoke")


def test_generators():
    rows = json.loads(run("measure_generators.py", "--runs", 1, "--threads", 1, "--limit", 1).splitlines()[-1])
    assert len(rows) == 1 and rows[0]["ms"] > 0


def test_index_transfer(tmp_path, cache):
    out = run("measure_index_transfer.py", cache / "ab.colours.safetensors", cache / "ab2.colours.safetensors",
              "--renderer", style_on(tmp_path), "--split", "val")
    assert "ab -> ab2" in out and "mean over pairs" in out


def test_input_latency():
    figures = json.loads(run("measure_input_latency.py", "--seconds", 1, "--fake").splitlines()[-1])
    assert figures["events"] > 0 and figures["p99_ms"] >= figures["p50_ms"] >= 0


def test_screen():
    rows = json.loads(run("measure_screen.py", "--sizes", "1024x600,600x1024").splitlines()[-1])
    assert [r["screen"] for r in rows] == ["1024x600", "600x1024"]
    assert all(r["problems"] == [] and r["lowest_button"] >= 48 for r in rows)
    assert rows[0]["share"] >= 0.35


def test_erasing():
    out = run("measure_erasing.py", "--runs", 1)
    assert "now (cut to what is left): 0 of 64 partly rubbed-out renders had stray ink" in out
    assert "wholly rubbed-out pages sent to the engine: 0 of 32" in out


def test_magic_colours(tmp_path, cache):
    out = run("measure_magic_colours.py", style_on(tmp_path), "--split", "val",
              "--index", cache / "ab.colours.safetensors", "--only", "default")
    assert "without magic colours" in out and "default" in out


def test_main_colours(cache):
    assert "training pictures by main colour" in run("measure_main_colours.py", "ab")


def test_new_sketches(tmp_path):
    out = run("measure_new_sketches.py", style_on(tmp_path), "--out", tmp_path / "sheet.png")
    assert "Magic colours on:" in out and Image.open(tmp_path / "sheet.png").size[0] > 0


def test_temperature(tmp_path, cache):
    out = run("measure_temperature.py", style_on(tmp_path, palette=4), 0.5)
    assert out.startswith("T 0.5: score")
    assert np.isfinite(float(out.split("score ")[1].split()[0]))


def test_style_sheet_puts_every_style_beside_every_sketch(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    for name in ("a", "b"):
        tiny_style(models, name=name, hints=True, seed=len(name))
    out = tmp_path / "sheet.png"
    run("make_style_sheet.py", "--doodles", 0, "--out", out, env={"ICANVAS_MODELS_DIR": str(models)})
    from icanvas_desktop.core.face_sketches import FACE_SKETCHES
    from icanvas_desktop.core.sample_drawings import SAMPLES
    w, h = Image.open(out).size
    assert (w // 192, h // 144) == (3, 1 + len(SAMPLES) + len(FACE_SKETCHES))   # sketch + 2 styles; header + rows


def test_trees(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    tiny_style(models, hints=True)
    out = run("measure_trees.py", "--json", env={"ICANVAS_MODELS_DIR": str(models)})
    crowns = json.loads(out.splitlines()[-1])["tiny"]["crowns"]
    from icanvas_desktop.core.tree_sketches import TREE_SKETCHES
    assert set(crowns) == set(TREE_SKETCHES) and all(isinstance(c, str) for c in crowns.values())
