"""Shared by every test folder: `helpers` (tests/ml/helpers.py: tiny styles with random weights,
small colour indexes) is importable from any test, and `bare_env` starts an installed copy of
the program (the wheel, the bundle) as a fresh computer would."""
import os
import sys
from pathlib import Path

import pytest

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
