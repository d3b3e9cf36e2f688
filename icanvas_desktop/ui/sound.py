"""Play the app's short WAV sounds without QtMultimedia, never blocking and never failing loudly.

Windows plays through `winsound`, macOS through `afplay`, Linux through `paplay` or `aplay`
when one is installed. If none is there (or anything goes wrong) the app simply stays silent:
a missing sound must never interrupt a child's drawing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from icanvas_desktop.core.paths import resources_dir

SOUND_NAMES = ("magic", "pop", "whoosh")


def sound_path(name: str) -> Path:
    return resources_dir() / "sounds" / f"{name}.wav"


def _player_command() -> list[str] | None:
    if sys.platform == "darwin":
        return ["afplay"] if shutil.which("afplay") else None
    for player in ("paplay", "aplay"):
        found = shutil.which(player)
        if found:
            return [found] + (["-q"] if player == "aplay" else [])
    return None


def play(name: str) -> bool:
    """Start playing a sound in the background; returns False if it could not be started."""
    path = sound_path(name)
    if not path.is_file():
        return False
    try:
        if sys.platform == "win32":
            import winsound  # only exists on Windows
            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC
                               | winsound.SND_NODEFAULT)
            return True
        command = _player_command()
        if command is None:
            return False
        # Popen returns at once; the player exits by itself when the short clip ends.
        subprocess.Popen(command + [str(path)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
        return True
    except (OSError, RuntimeError):
        return False
