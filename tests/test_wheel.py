"""The Python edition as pip installs it: a wheel built from a clean copy of the checkout,
installed into a fresh virtual environment, lists every shipped style and passes its self-test.

The slow test copies only what a clone has (files git tracks, and new ones it does not ignore),
builds the wheel there without network (`--no-build-isolation`), and installs it into a venv
that borrows torch, Qt and the rest from this interpreter (`--system-site-packages`), but whose
own icanvas_desktop is the wheel's: the test checks that the checkout is not what gets imported.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from icanvas_desktop.core.paths import models_dir
from icanvas_desktop.ml.styles import scan

ROOT = Path(__file__).resolve().parents[1]
SETUP = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
LEFT_OUT = {".ts"}      # translation sources: the compiled .qm ships


def _matches(path: Path, folder: Path, patterns: list[str]) -> bool:
    return any(path in folder.glob(pattern) for pattern in patterns)


def test_every_package_folder_is_named_in_pyproject():
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "icanvas_desktop").rglob("*.py") if "__pycache__" not in p.parts}
    assert found <= set(SETUP["packages"]), f"add to [tool.setuptools] packages: {found - set(SETUP['packages'])}"


def test_every_shipped_kind_of_file_is_package_data():
    for package, folder in SETUP["package-dir"].items():
        base = ROOT / folder
        missing = [str(p.relative_to(ROOT)) for p in base.rglob("*")
                   if p.is_file() and p.suffix not in LEFT_OUT
                   and not _matches(p, base, SETUP["package-data"][package])]
        assert not missing, f"{package}: no package-data pattern ships {missing}"


def _clean_copy(target: Path) -> Path:
    """What a fresh clone holds, with this checkout's uncommitted changes."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():                   # a file deleted but not yet committed is skipped
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / name)
    return target


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.mark.slow
def test_a_wheel_installed_in_a_fresh_venv_lists_the_styles_and_passes_its_self_test(tmp_path, bare_env, capsys,
                                                                                      record_property):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to know what a clone holds")
    # Built without network, with this environment's setuptools: it must be what pyproject asks.
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["build-system"]["requires"]
    least = int(re.search(r"setuptools>=(\d+)", " ".join(wanted)).group(1))
    have = version("setuptools")
    if int(have.split(".")[0]) < least:
        pytest.skip(f"the build needs {wanted}; this environment has setuptools {have}")
    source = _clean_copy(tmp_path / "clone")
    _run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
          "-q", "-w", str(tmp_path / "dist")], cwd=tmp_path, timeout=600)
    wheel = next((tmp_path / "dist").glob("icanvas_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("icanvas_desktop/models/sticker.safetensors", "icanvas_desktop/resources/i18n/icanvas_ko.qm",
                    "icanvas_desktop/resources/icons/magic.svg", "icanvas_desktop/training/recipes/sticker.toml"):
        assert shipped in names
    counts = {part: sum(n.startswith(f"icanvas_desktop/{part}/") for n in names)
              for part in ("models", "resources", "training/recipes")}
    size_mb = round(wheel.stat().st_size / 1e6, 1)
    record_property("wheel_mb", size_mb)
    with capsys.disabled():
        print(f"\n{wheel.name}: {size_mb} MB, {len(names)} files; " + ", ".join(f"{v} in {k}/" for k, v in counts.items()))

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], timeout=300)
    bin_dir = venv / ("Scripts" if sys.platform.startswith("win") else "bin")
    python = bin_dir / ("python.exe" if sys.platform.startswith("win") else "python")
    # --ignore-installed: this interpreter's editable install must not count as "already there"
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--ignore-installed",
          str(wheel)], timeout=300)
    home = bare_env["HOME"]
    where = _run([str(python), "-c", "import icanvas_desktop.core.paths as p; print(p.__file__); "
                  "print(p.resource_root())"], env=bare_env, cwd=home, timeout=120).stdout.split()
    assert all(Path(w).resolve().is_relative_to(venv.resolve()) for w in where), where

    icanvas = str(bin_dir / "icanvas")
    listed = json.loads(_run([icanvas, "styles", "--json"], env=bare_env, cwd=home, timeout=300).stdout)
    shipped = {s.name for s in scan(models_dir(), shipped=True)[0]}
    assert shipped and {s["name"] for s in listed} == shipped
    assert all(s["shipped"] and s["onnx"] for s in listed)

    test = _run([icanvas, "--self-test"], env=bare_env, cwd=home, timeout=900)
    assert "self-test passed" in test.stdout
