"""A drawing survives kill -9 of the real app, ten seconds after its last stroke.

Runs scripts/crash_recovery.py: the app (real settings, engine and styles) starts offscreen in a
child process, draws with mouse events, is killed with SIGKILL ten seconds after the last
stroke and started again; the page must hold the very same strokes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "crash_recovery.py"


@pytest.mark.slow
def test_a_drawing_survives_kill_9_ten_seconds_after_its_last_stroke():
    out = subprocess.run([sys.executable, str(SCRIPT), "--wait", "10"], capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 of 1 drawings survived kill -9" in out.stdout
    assert "identical" in out.stdout and "killed (-9)" in out.stdout
