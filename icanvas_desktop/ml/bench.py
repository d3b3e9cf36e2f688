"""`icanvas bench`: is this PC fast enough? Medians of real renders, on this machine, now.

Measures, in one run and with the same threads: the preview and the 512² final render of
every installed style on every available backend, and the classic pix2pix UNet-256 (ngf 64,
random weights) as the reference, then prints the speed ratio. Peak memory is read before
the reference network is built, so it is the engine's own; where this system cannot say
(no `resource` module and no Windows process counters), it is reported as unknown.
"""

from __future__ import annotations

import statistics
import sys
import time

from icanvas_desktop.core.sample_drawings import house
from icanvas_desktop.core.strokes import Drawing
from icanvas_desktop.ml.backends import has_module
from icanvas_desktop.ml.device import choose_threads
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.preprocess import prepare_drawing
from icanvas_desktop.ml.styles import StyleInfo, discover_styles


def bench_drawing() -> Drawing:
    """A child's wobbly house with a sun: about 13 strokes, like a typical drawing."""
    return house()


def _median_ms(fn, runs: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(ts), 2)


def peak_rss_mb() -> float | None:
    """The most memory this process has held so far, in MB; None where it cannot be read."""
    try:
        import resource          # POSIX only
    except ImportError:
        return _windows_peak_mb() if sys.platform.startswith("win") else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux counts kilobytes, macOS bytes.
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _windows_peak_mb() -> float | None:
    """PeakWorkingSetSize from GetProcessMemoryInfo: the Windows peak resident memory."""
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):    # PROCESS_MEMORY_COUNTERS
        _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
            (name, ctypes.c_size_t) for name in (
                "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage",
                "QuotaPagedPoolUsage", "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage",
                "PagefileUsage", "PeakPagefileUsage")]

    counters = Counters(cb=ctypes.sizeof(Counters))
    try:
        process = ctypes.windll.kernel32.GetCurrentProcess()
        if not ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
            return None
    except (AttributeError, OSError):
        return None
    return round(counters.PeakWorkingSetSize / (1024 * 1024), 1)


def reference_ms(threads: int, runs: int) -> float | None:
    if not has_module("torch"):
        return None
    import torch
    from icanvas_desktop.ml.networks import build_generator
    torch.set_num_threads(threads)
    net = build_generator("unet_256", {"input_nc": 3, "output_nc": 3, "ngf": 64, "norm": "batch"}).eval()
    x = torch.randn(1, 3, 256, 256)
    with torch.inference_mode():
        return _median_ms(lambda: net(x), runs)


def run_bench(threads: int = 0, runs: int = 20, backends: list[str] | None = None,
              styles: list[StyleInfo] | None = None, log=print) -> dict:
    threads = choose_threads(threads, keep_free=0)
    styles = discover_styles() if styles is None else styles
    available = [b for b in (backends or ["onnx", "torch"])
                 if has_module({"onnx": "onnxruntime", "torch": "torch"}[b])]
    drawing = bench_drawing()
    result: dict = {"threads": threads, "runs": runs, "backends": available, "styles": {}}
    device = "cpu"
    per: dict[str, dict] = {s.name: {} for s in styles}
    rss: dict[str, float] = {}
    # ONNX Runtime first: ru_maxrss only grows, so its peak is read before torch is imported.
    for b in available:
        for style in styles:
            if b == "onnx" and style.onnx_path is None:
                continue
            eng = Engine(EngineConfig(threads=threads, backend=b))
            eng.load_style(style)
            device = eng.device_name
            x = prepare_drawing(drawing, eng.spec, eng.preview_size).x   # the preview's own network pass
            fig = {"preview_size": eng.preview_size,
                   "preview_ms": _median_ms(lambda: eng.preview(drawing), runs),
                   "network_ms": _median_ms(lambda: eng.network(x), runs),
                   "final_512_ms": _median_ms(lambda: eng.final(drawing, 512), runs)}
            per[style.name][eng.backend_name] = fig
            log(f"{style.name:>10} [{eng.backend_name:>11}] preview at {eng.preview_size}² {fig['preview_ms']:7.1f} ms"
                f" (network alone {fig['network_ms']:6.1f} ms)"
                f"   final 512² {fig['final_512_ms']:7.1f} ms")
            eng = None  # free the session before the next style is loaded
        rss[b] = peak_rss_mb()
    for style in styles:
        if not per[style.name]:
            continue
        chosen = Engine(EngineConfig(threads=threads))
        chosen.load_style(style)
        name = chosen.backend_name if chosen.backend_name in per[style.name] else next(iter(per[style.name]))
        result["styles"][style.name] = {**per[style.name][name], "backend": name, "backends": per[style.name]}
    default = next(iter(result["styles"].values()), {}).get("backend", "")
    result["backend"] = default
    result["peak_rss_mb_by_backend"] = rss
    # the engine's own peak: the default backend's pass (the first pass when it is ONNX Runtime)
    result["peak_rss_mb"] = rss.get("onnx" if default == "onnxruntime" else "torch", peak_rss_mb())
    result["device"] = device
    if styles:      # how fast a picture of the default style starts to move (motion/speed.py)
        from icanvas_desktop.motion.speed import motion_bench
        engine = Engine(EngineConfig(threads=threads))
        engine.load_style(styles[0])
        result["motion"] = motion_bench(engine, max(1, runs // 4), log)
    ref = reference_ms(threads, runs)
    result["reference_unet256_ms"] = ref
    if ref:
        log(f"{'reference':>10} [      torch] classic pix2pix UNet-256 (ngf 64) {ref:7.1f} ms")
        for name, s in result["styles"].items():
            s["speedup_vs_reference"] = round(ref / s["preview_ms"], 1)
            s["network_speedup_vs_reference"] = round(ref / s["network_ms"], 1)
            log(f"{name:>10}: the whole preview (lines in, picture out) is {s['speedup_vs_reference']}× faster "
                f"than the reference network; the network alone {s['network_speedup_vs_reference']}×")
    peak = result["peak_rss_mb"]
    log(f"peak memory of the engine: {'not known on this system' if peak is None else f'{peak} MB'}; "
        f"threads: {threads}; device: {device}")
    return result
