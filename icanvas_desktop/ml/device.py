"""Device and thread choice, in one place: CUDA if present, else CPU, or what settings ask.

The app keeps a core free for the UI; benchmarks and training may use every core.
"""

from __future__ import annotations

import os
import sys


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


def gpu_driver_present() -> bool:
    """Whether an NVIDIA driver is installed, asked of the system without importing torch.

    CUDA needs the driver, so without one the answer is "no CUDA" at once: a school PC on the
    CPU then never pays torch's import (seconds, and 200 MB of memory) just to learn that."""
    if sys.platform == "darwin":
        return False                           # no CUDA on macOS
    if sys.platform.startswith("win"):
        system = os.environ.get("SystemRoot", r"C:\Windows")
        return os.path.exists(os.path.join(system, "System32", "nvcuda.dll"))
    return (os.path.exists("/proc/driver/nvidia/version")      # the kernel driver is loaded
            or os.path.exists("/usr/lib/wsl/lib/libcuda.so"))  # CUDA on WSL2


def cuda_available() -> bool:
    if not gpu_driver_present():
        return False
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
