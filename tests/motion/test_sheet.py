"""scripts/make_motion_sheet.py still runs: two pictures, small cells, in its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.motion import MOTIONS

ROOT = Path(__file__).resolve().parents[2]


def test_the_contact_sheet_shows_every_motion_of_every_picture_asked_for(tmp_path):
    out = tmp_path / "motions.png"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_motion_sheet.py"), "--only", "heart,dog",
                          "--cell", "96", "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "dog: 1 part(s), legs" in run.stdout
    with Image.open(out) as im:
        assert im.mode == "P"                                    # a small, 256-colour PNG
        sheet = np.asarray(im.convert("RGB"), np.int16)
    cell_h = 96 * 3 // 4
    assert sheet.shape[0] == 34 + 2 * (cell_h + 6) + 6
    assert sheet.shape[1] == 96 + len(MOTIONS) * (96 + 6) + 6
    heart_row = sheet[34:34 + cell_h]
    red = (heart_row[..., 0] > 180) & (heart_row[..., 1] < 120)
    for j in range(len(MOTIONS)):                               # a red heart in every cell
        x = 96 + 6 + j * (96 + 6)
        assert red[:, x:x + 96].mean() > 0.05
