"""Synthesise the app's short sound effects into resources/sounds/*.wav (numpy + wave).

Run `python -m icanvas_desktop.ui.make_sounds` after changing a sound. Everything is generated
from sine waves and shaped noise, so the project owns every sound it ships.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22050


def _envelope(n: int, attack: float = 0.01, release: float = 0.3) -> np.ndarray:
    t = np.arange(n) / RATE
    env = np.minimum(1.0, t / max(attack, 1e-4))
    return env * np.exp(-t / max(release, 1e-4))


def _tone(freq: float, seconds: float, release: float = 0.25) -> np.ndarray:
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    # A touch of the octave makes a bell-like "ting" rather than a bare beep.
    wave_ = np.sin(2 * np.pi * freq * t) + 0.3 * np.sin(2 * np.pi * 2 * freq * t)
    return wave_ * _envelope(n, 0.005, release)


def magic() -> np.ndarray:
    """A rising sparkly arpeggio (C major, up to high C) with a shimmer on top."""
    notes = [523.25, 659.25, 783.99, 1046.5, 1318.5]
    out = np.zeros(int(1.1 * RATE))
    for i, f in enumerate(notes):
        start = int(i * 0.09 * RATE)
        tone = _tone(f, 0.6, 0.22)
        out[start:start + len(tone)] += tone[: len(out) - start]
    rng = np.random.default_rng(7)
    shimmer = np.zeros_like(out)
    for _ in range(14):
        start = rng.integers(int(0.2 * RATE), int(0.9 * RATE))
        tone = _tone(float(rng.uniform(2000, 3500)), 0.12, 0.04) * 0.25
        shimmer[start:start + len(tone)] += tone[: len(out) - start]
    return out + shimmer


def pop() -> np.ndarray:
    """A soft bubble pop: a quick downward pitch sweep."""
    n = int(0.12 * RATE)
    t = np.arange(n) / RATE
    freq = 900 * np.exp(-t * 18) + 250
    phase = 2 * np.pi * np.cumsum(freq) / RATE
    return np.sin(phase) * _envelope(n, 0.002, 0.04)


def whoosh() -> np.ndarray:
    """A gentle whoosh for a new page: noise swelling and fading, smoothed to sound soft."""
    n = int(0.45 * RATE)
    rng = np.random.default_rng(3)
    noise = rng.standard_normal(n)
    kernel = np.ones(24) / 24  # a crude low-pass keeps it from hissing
    noise = np.convolve(noise, kernel, mode="same")
    t = np.linspace(0, 1, n)
    return noise * np.sin(np.pi * t) ** 2 * 4


SOUNDS = {"magic": magic, "pop": pop, "whoosh": whoosh}


def write_wav(path: Path, samples: np.ndarray, volume: float = 0.5) -> None:
    peak = float(np.max(np.abs(samples))) or 1.0
    data = (samples / peak * volume * 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(data.tobytes())


def main() -> int:
    from icanvas_desktop.core.paths import resources_dir
    for name, make in SOUNDS.items():
        target = resources_dir() / "sounds" / f"{name}.wav"
        write_wav(target, make())
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
