"""Shared by every test folder: `helpers` (tests/ml/helpers.py: tiny styles with random weights,
small colour indexes) is importable from any test; tiny data sets made by the tests themselves,
in every generic format the data builder reads (training tests, the scripts' smoke runs); and
`bare_env`, which starts an installed copy of the program (the wheel, the bundle) as a fresh
computer would."""
import math
import os
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).parent / "ml"))


@pytest.fixture
def bare_env(tmp_path) -> dict[str, str]:
    """An environment with nothing of this checkout in it: a new home, offscreen Qt, no
    PYTHONPATH and no ICANVAS_* settings, so an installed program finds only its own files."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
           "PATH": "/usr/bin:/bin", "ICANVAS_SYSTEM_CONFIG": "",
           "ICANVAS_USER_CONFIG": str(home / "settings.toml"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache")}
    for key in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "USERPROFILE", "APPDATA",
                "LOCALAPPDATA", "PROGRAMDATA"):       # Windows cannot start a process without
        if key in os.environ:
            env[key] = os.environ[key]
    return env

SHAPES = ["circle", "square", "triangle", "heart", "star", "house"]
COLOURS = [(230, 40, 40), (40, 160, 60), (40, 90, 220), (250, 200, 30), (160, 60, 200), (250, 130, 30)]


def shape_pair(kind: str, colour, size: int = 96, seed: int = 0) -> tuple[Image.Image, Image.Image]:
    """A line drawing and its coloured picture, pixel-aligned."""
    rng = np.random.default_rng(seed)
    c, r = size / 2 + rng.uniform(-5, 5), size * 0.3
    if kind == "circle":
        pts = [(c + r * math.cos(a / 24 * 2 * math.pi), c + r * math.sin(a / 24 * 2 * math.pi)) for a in range(25)]
    elif kind == "square":
        pts = [(c - r, c - r), (c + r, c - r), (c + r, c + r), (c - r, c + r), (c - r, c - r)]
    elif kind == "triangle":
        pts = [(c, c - r), (c + r, c + r), (c - r, c + r), (c, c - r)]
    elif kind == "star":
        pts = [(c + (r if k % 2 == 0 else r / 2) * math.cos(k * math.pi / 5 - math.pi / 2),
                c + (r if k % 2 == 0 else r / 2) * math.sin(k * math.pi / 5 - math.pi / 2)) for k in range(11)]
    elif kind == "heart":
        pts = [(c + r * 0.9 * 16 * math.sin(t) ** 3 / 16, c - r * 0.9 * (13 * math.cos(t) - 5 * math.cos(2 * t)
                - 2 * math.cos(3 * t) - math.cos(4 * t)) / 16) for t in np.linspace(0, 2 * math.pi, 30)]
    else:
        pts = [(c - r, c), (c, c - r), (c + r, c), (c + r, c + r), (c - r, c + r), (c - r, c)]
    sketch = Image.new("RGB", (size, size), "white")
    picture = Image.new("RGB", (size, size), "white")
    ImageDraw.Draw(picture).polygon(pts, fill=colour, outline=(0, 0, 0))
    ImageDraw.Draw(picture).line(pts, fill=(0, 0, 0), width=3)
    ImageDraw.Draw(sketch).line(pts, fill=(0, 0, 0), width=3)
    return sketch, picture


@pytest.fixture
def ab_folder(tmp_path) -> Path:
    """pix2pix AB layout: train/val/test with sketch and picture side by side."""
    root = tmp_path / "ab"
    for split, n in (("train", 10), ("val", 2), ("test", 3)):
        (root / split).mkdir(parents=True)
        for i in range(n):
            k = (i + len(split)) % len(SHAPES)
            a, b = shape_pair(SHAPES[k], COLOURS[k], seed=i)
            ab = Image.new("RGB", (192, 96))
            ab.paste(a, (0, 0))
            ab.paste(b, (96, 0))
            ab.save(root / split / f"{i}.png")
    return root


@pytest.fixture
def paired_folder(tmp_path) -> Path:
    root = tmp_path / "paired"
    (root / "sketch").mkdir(parents=True)
    (root / "picture").mkdir()
    for i in range(8):
        k = i % len(SHAPES)
        a, b = shape_pair(SHAPES[k], COLOURS[k], seed=i)
        a.save(root / "sketch" / f"{SHAPES[k]}{i}.png")
        b.save(root / "picture" / f"{SHAPES[k]}{i}.jpg")
    (root / "sketch" / "lonely.png").write_bytes(b"")  # no partner: must be skipped
    return root


@pytest.fixture
def picture_folder(tmp_path) -> Path:
    root = tmp_path / "pictures" / "shapes"
    root.mkdir(parents=True)
    for i in range(6):
        _, b = shape_pair(SHAPES[i], COLOURS[i], seed=i)
        b.save(root / f"{i}.png")
    return root.parent
