"""README.md and docs/: short enough to read, and everything they point at is there.

The README is for the people who use iCanvas (issue 21): at most about 200 lines, its pictures
committed, its test command the one CI runs. The docs name files, scripts, recipes and each
other's sections; a rename elsewhere must not leave them pointing at nothing.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from helpers import tiny_style
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
# A path in backticks: a script, a test, a recipe, a module or a shipped file; a file (it has an
# extension) or a folder (it ends in /): a bare dotted name may be a package or a path in the wheel.
NAMED_PATH = re.compile(r"`(?:python )?((?:scripts|tests|icanvas_desktop|models|docs|resources)/[\w./*-]+(?:\.\w+|/))")
# A module named by its package alone (`ml/gaps.py`, `training/publish.py: score`).
MODULE = re.compile(r"`((?:core|ml|training|ui)/\w+\.py)")
RECIPE = re.compile(r"`(\w+)\.toml`")
RECIPE_HOMES = (ROOT / "icanvas_desktop" / "training" / "recipes", ROOT / "docs" / "experiments" / "recipes")


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(markdown: str) -> set[str]:
    anchors, seen, fenced = set(), {}, False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            slug = _slug(line.lstrip("#"))
            anchors.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
            seen[slug] = seen.get(slug, 0) + 1
    return anchors


def _prose(markdown: str) -> str:
    """The text without fenced code blocks (a TOML example's comments are not links)."""
    return re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)


@pytest.mark.parametrize("doc", [README, *DOCS], ids=lambda p: p.name)
def test_every_link_and_anchor_in_the_docs_leads_somewhere(doc):
    text = _prose(doc.read_text("utf-8"))
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):       # https:, mailto: : outside this repository
            continue
        path, _, anchor = target.partition("#")
        file = (doc.parent / path).resolve() if path else doc
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md" and anchor not in _anchors(file.read_text("utf-8")):
            broken.append(f"{target}: no heading with that anchor in {file.name}")
    assert not broken, f"{doc.name}: " + "; ".join(broken)


@pytest.mark.parametrize("doc", [README, *DOCS], ids=lambda p: p.name)
def test_every_script_recipe_and_module_the_docs_name_exists(doc):
    text = doc.read_text("utf-8")
    named = {m.rstrip(".") for m in NAMED_PATH.findall(text)}
    named |= {f"icanvas_desktop/{m}" for m in MODULE.findall(text)}
    missing = sorted(p for p in named if "*" not in p and "NAME" not in p and not (ROOT / p).exists())
    missing += sorted(f"{r}.toml" for r in set(RECIPE.findall(text))    # STEM.toml is a placeholder
                      if not r.isupper() and not any((home / f"{r}.toml").exists() for home in (ROOT, *RECIPE_HOMES)))
    assert not missing, f"{doc.name} names files that are not in the repository: {missing}"


def test_the_readme_is_a_short_guide_with_the_sections_the_issue_asks_for_in_order():
    text = README.read_text("utf-8")
    assert len(text.splitlines()) <= 200 and len(text.encode("utf-8")) <= 20_000
    headings = [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]
    wanted = ["For children", "For grown-ups and schools", "Styles", "Command line", "How it works",
              "Contributing", "Licences"]
    assert [h for h in headings if h in wanted] == wanted


def test_the_readme_shows_the_app_and_every_shipped_style_in_committed_pictures():
    text = README.read_text("utf-8")
    for name in ("app.png", "styles.png"):
        assert f"(docs/images/{name})" in text
        with Image.open(ROOT / "docs" / "images" / name) as im:
            assert im.format == "PNG" and im.width >= 800
    for card in sorted((ROOT / "models").glob("*.md")):
        assert f"(models/{card.name})" in text, f"the README's styles table has no line for {card.stem}"


@pytest.mark.skipif(shutil.which("awk") is None, reason="needs awk, as .ci/run does")
def test_ci_finds_the_readme_test_command_the_way_ci_run_reads_it():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    program = re.search(r"cmd=\$\(awk '(.+?)' README\.md\)", ci).group(1)
    cmd = subprocess.run(["awk", program, "README.md"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert "pip install" in cmd and "python -m pytest" in cmd
    assert cmd in README.read_text("utf-8").split("Run the tests:", 1)[1]


def _images_script():
    spec = importlib.util.spec_from_file_location("make_readme_images", ROOT / "scripts" / "make_readme_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _make_images(out: Path, models: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "make_readme_images.py"), "--out", str(out),
                           "--skip-screenshot"], env=dict(os.environ, ICANVAS_MODELS_DIR=str(models)),
                          capture_output=True, text=True, timeout=300)


def test_the_readme_pictures_script_draws_the_sketch_then_each_style_it_finds(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    tiny_style(models, "one", seed=1)
    tiny_style(models, "two", seed=2)
    run = _make_images(tmp_path / "images", models)
    assert run.returncode == 0, run.stderr
    script = _images_script()
    with Image.open(tmp_path / "images" / "styles.png") as im:
        strip = np.asarray(im.convert("RGB"))
    assert strip.shape[1] == script.PAD + 3 * (script.TILE[0] + script.PAD)    # the sketch and two styles
    step, w, h = script.TILE[0] + script.PAD, script.TILE[0], script.TILE[1]
    tiles = [strip[script.PAD:script.PAD + h, script.PAD + i * step:script.PAD + i * step + w].astype(int)
             for i in range(3)]
    assert all((t.min(axis=2) < 128).any() for t in tiles)          # each tile shows a drawing
    assert np.abs(tiles[1] - tiles[2]).mean() > 1                  # two styles, two pictures


def test_the_readme_pictures_script_says_so_when_no_style_is_installed(tmp_path):
    (tmp_path / "models").mkdir()
    run = _make_images(tmp_path / "images", tmp_path / "models")
    assert run.returncode != 0 and "no style found" in run.stderr
    assert not (tmp_path / "images" / "styles.png").exists()

