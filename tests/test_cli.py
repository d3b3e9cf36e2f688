"""The `icanvas` command line, headless: render, styles, bench and the module entry point.

These run the real shipped styles (models/) through `icanvas_desktop.cli.main`, the function
behind both `icanvas` and `python -m icanvas_desktop`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.cli import main
from icanvas_desktop.ml.styles import discover_styles

ROOT = Path(__file__).resolve().parents[1]


def hand_drawn_sketch(path: Path, width: int = 9) -> Path:
    """A 512² page like the maintainers' held-out sketches: black hand-drawn lines on white,
    a few pixels thick (a face with ears, eyes and a smile, and a wobbly sun)."""
    img = Image.new("RGB", (512, 512), "white")
    d = ImageDraw.Draw(img)
    rng = np.random.default_rng(3)
    t = np.linspace(0, 2 * np.pi, 90)
    r = 120 + rng.normal(0, 2.5, t.size).cumsum() * 0.3          # a wobbly, not-quite circle
    face = list(zip(256 + r * np.cos(t), 290 + r * np.sin(t)))
    d.line(face, fill="black", width=width, joint="curve")
    d.line([(160, 210), (170, 110), (235, 180)], fill="black", width=width)   # ears
    d.line([(280, 180), (345, 110), (355, 212)], fill="black", width=width)
    d.ellipse((200, 250, 225, 275), outline="black", width=width - 2)        # eyes
    d.ellipse((290, 250, 315, 275), outline="black", width=width - 2)
    d.arc((200, 280, 315, 360), 20, 160, fill="black", width=width)         # smile
    img.save(path)
    return path


def test_render_writes_a_coloured_picture_for_each_sketch(tmp_path, capsys):
    a = hand_drawn_sketch(tmp_path / "cat.png", width=5)
    b = hand_drawn_sketch(tmp_path / "thick.png", width=11)
    out = tmp_path / "out"
    code = main(["render", str(a), str(b), "--style", "sticker", "--out", str(out), "--size", "256"])
    assert code == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / "cat.png"), str(out / "thick.png")]
    for name in ("cat.png", "thick.png"):
        with Image.open(out / name) as im:
            assert im.size == (256, 256)
            rgb = np.asarray(im.convert("RGB"), np.float32) / 255
        saturation = rgb.max(-1) - rgb.min(-1)
        assert (saturation > 0.2).mean() > 0.05, f"{name} is not coloured"
        assert rgb[:8, :8].min() > 0.9, f"{name}: the paper in the corner is not white"


def test_render_reports_a_broken_picture_and_still_renders_the_good_one(tmp_path, capsys):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    good = hand_drawn_sketch(tmp_path / "good.png")
    out = tmp_path / "out"
    code = main(["render", str(broken), str(good), "--out", str(out), "--size", "128"])
    err = capsys.readouterr().err
    assert code == 1
    assert "broken.png" in err and "not a readable picture" in err
    assert "Traceback" not in err
    assert (out / "good.png").exists() and not (out / "broken.png").exists()


def test_render_with_an_unknown_style_says_which_styles_exist(tmp_path):
    sketch = hand_drawn_sketch(tmp_path / "s.png")
    with pytest.raises(SystemExit) as stop:
        main(["render", str(sketch), "--style", "no-such-style", "--out", str(tmp_path / "o")])
    assert "no-such-style" in str(stop.value.code)


def test_styles_json_lists_names_titles_licences_and_metrics_default_first(capsys):
    assert main(["styles", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    names = [s["name"] for s in listed]
    assert {"sticker", "emoji", "soft"} <= set(names)
    assert names[0] == discover_styles()[0].name == "sticker"
    for entry in listed:
        assert entry["title"]["en"] and entry["title"]["ko"]
        assert entry["license"]
        assert "ssim" in entry["metrics"]["clean"] and "ssim" in entry["metrics"]["augmented"]
    # every shipped style takes hints and has an index beside it, so each guesses colours
    by_name = {s["name"]: s for s in listed}
    assert all(by_name[n]["magic_colours"] for n in ("sticker", "emoji", "soft"))
    # Soft's index holds Twemoji pictures, not its own Noto ones, and says so with its licence
    assert by_name["soft"]["magic_colours_data"]["dataset"] == "twemoji"
    assert by_name["soft"]["magic_colours_data"]["license"] == "CC BY 4.0"


def test_bench_json_last_line_has_the_documented_shape(capsys):
    assert main(["bench", "--json", "--runs", "1", "--threads", "1", "--backend", "onnx"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    report = json.loads(last)
    assert report["threads"] == 1 and report["device"] == "cpu"
    assert report["reference_unet256_ms"] > 0 and report["peak_rss_mb"] > 0
    for name in ("sticker", "emoji", "soft"):
        assert report["styles"][name]["preview_ms"] > 0
        assert report["styles"][name]["final_512_ms"] > 0


def test_python_dash_m_is_the_same_command(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "icanvas_desktop", "styles"], env=env,
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].startswith("sticker (default)")


def test_colours_refuses_a_style_that_takes_no_hints(capsys, tmp_path):
    from helpers import tiny_style
    assert main(["colours", str(tiny_style(tmp_path, hints=False))]) == 2
    assert "takes no colour hints" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.colours.safetensors"))


def one_line_refusal(capsys) -> str:
    """What `render` printed when it refused: exactly one line on stderr, nothing on stdout."""
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert captured.out == "" and len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_render_refuses_an_existing_file_as_the_out_folder(tmp_path, capsys):
    sketch = hand_drawn_sketch(tmp_path / "cat.png")
    not_a_folder = tmp_path / "picture.png"
    not_a_folder.write_bytes(b"a grown-up's file")
    assert main(["render", str(sketch), "--out", str(not_a_folder), "--size", "128"]) == 2
    assert "is a file" in one_line_refusal(capsys)
    assert not_a_folder.read_bytes() == b"a grown-up's file"


def test_render_refuses_to_write_a_picture_over_its_own_sketch(tmp_path, capsys, monkeypatch):
    sketch = hand_drawn_sketch(tmp_path / "cat.png")
    original = sketch.read_bytes()
    monkeypatch.chdir(tmp_path)
    for out in (".", str(tmp_path), "./"):
        assert main(["render", "cat.png", "--out", out, "--size", "128"]) == 2
        assert "written over the sketch cat.png" in one_line_refusal(capsys)
    # a JPEG sketch whose picture would land on another sketch given on the same line
    Image.open(sketch).convert("RGB").save(tmp_path / "dog.jpg")
    assert main(["render", "dog.jpg", "cat.png", "--out", "sub/..", "--size", "128"]) == 2
    assert "written over the sketch cat.png" in one_line_refusal(capsys)
    assert not (tmp_path / "sub").exists()      # refused before anything was made
    assert sketch.read_bytes() == original


def test_render_refuses_two_sketches_that_would_become_one_picture(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = hand_drawn_sketch(tmp_path / "a" / "cat.png"), hand_drawn_sketch(tmp_path / "b" / "cat.png")
    out = tmp_path / "out"
    assert main(["render", str(first), str(second), "--out", str(out), "--size", "128"]) == 2
    assert "would both become" in one_line_refusal(capsys)
    assert not out.exists()                     # refused before anything was made


@pytest.mark.parametrize("size", [0, -5, 63, 4097, 100000])
def test_render_refuses_a_size_outside_64_to_4096(tmp_path, capsys, size):
    sketch = hand_drawn_sketch(tmp_path / "cat.png")
    out = tmp_path / "out"
    assert main(["render", str(sketch), "--out", str(out), "--size", str(size)]) == 2
    assert f"--size {size}" in one_line_refusal(capsys)
    assert not out.exists()


def test_render_accepts_the_smallest_size(tmp_path, capsys):
    sketch = hand_drawn_sketch(tmp_path / "cat.png")
    assert main(["render", str(sketch), "--out", str(tmp_path / "out"), "--size", "64"]) == 0
    with Image.open(tmp_path / "out" / "cat.png") as im:
        assert max(im.size) == 64
