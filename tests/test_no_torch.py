"""The installer edition runs without torch: with torch made unimportable, the self-test
still draws, renders live and makes the Magic picture through ONNX Runtime."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCK_TORCH = r'''
import importlib.abc, sys
class NoTorch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "torch" or name.startswith("torch."):
            raise ImportError("torch is blocked in this test")
        return None
sys.meta_path.insert(0, NoTorch())

from icanvas_desktop.ml.backends import has_module
assert not has_module("torch"), "the block must also hide torch from find_spec"
from icanvas_desktop.ui.selftest import run_self_test
rc = run_self_test(None, "en")
leaked = sorted(m for m in sys.modules if m == "torch" or m.startswith("torch."))
if leaked:
    print("torch modules were imported:", leaked[:5], file=sys.stderr)
    sys.exit(5)
sys.exit(rc)
'''


def test_self_test_passes_with_torch_blocked(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICANVAS_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
                "XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_DATA_HOME": str(tmp_path / "d"),
                "ICANVAS_SYSTEM_CONFIG": "", "ICANVAS_USER_CONFIG": str(tmp_path / "c" / "s.toml")})
    result = subprocess.run([sys.executable, "-c", BLOCK_TORCH], env=env, capture_output=True, text=True,
                            cwd=tmp_path, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
