"""Device and thread choice, in one place: CUDA if present, else CPU, or what settings ask.

The app keeps a core free for the UI; benchmarks and training may use every core.
"""

from __future__ import annotations

import os


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def choose_threads(setting: int = 0, keep_free: int = 1) -> int:
    """`setting` > 0 wins; otherwise all cores but `keep_free` (at least one)."""
    if setting and setting > 0:
        return int(setting)
    return max(1, cpu_count() - keep_free)


def cuda_available() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()


def choose_device(setting: str = "auto") -> str:
    """"cuda" or "cpu". Asking for CUDA where there is none falls back to the CPU, quietly:
    a child should never see an error because the family PC has no GPU."""
    setting = (setting or "auto").lower()
    if setting == "cpu":
        return "cpu"
    if setting in ("auto", "cuda") and cuda_available():
        return "cuda"
    return "cpu"
