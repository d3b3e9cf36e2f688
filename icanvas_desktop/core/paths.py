"""Where the shipped files are: the one answer to "where are `models/` and `resources/`".

The checkout keeps them at its top (beside the package), and the design card fixes that
layout. The other three ways the program is installed carry the same two folders under one
root, so one rule serves all four:

- a checkout or an editable install (`pip install -e .`): the repository root;
- an installed wheel: inside the package (`icanvas_desktop/models`, `icanvas_desktop/resources`),
  where pyproject.toml's package-dir mapping puts them;
- the PyInstaller bundle: `sys._MEIPASS` (`_internal/`), where build.spec puts them.

Pure paths: no Qt, no torch, nothing read.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]      # .../icanvas_desktop


def resource_root() -> Path:
    """The folder that holds `models/` and `resources/`."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    # A wheel carries the data inside the package; a checkout has none there.
    if (PACKAGE_DIR / "resources").is_dir():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


def resources_dir() -> Path:
    """Icons, sounds, avatars, badges and compiled translations."""
    return resource_root() / "resources"


def models_dir() -> Path:
    """The shipped styles (ml/styles.py lets ICANVAS_MODELS_DIR point elsewhere)."""
    return resource_root() / "models"
