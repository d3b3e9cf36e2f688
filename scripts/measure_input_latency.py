"""Measure how long pen input waits while the engine refreshes the preview (a script, not a test).

Runs the real main window offscreen with the real engine (or `--fake`: a CPU-busy stand-in),
keeps a stroke going so the live preview refreshes continuously, and posts mouse-move events
at 120 Hz from a separate thread, each stamped with the time it was posted. The delay is
measured until the canvas has handled the event (its `stroke_moved` signal). Prints p50, p95,
p99 and max in ms, then one JSON line. Target: p99 <= 16 ms on 2 cores, e.g.

    QT_QPA_PLATFORM=offscreen taskset -c 0,1 python scripts/measure_input_latency.py
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import threading
import time
from collections import deque

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from icanvas_desktop.core.raster import sketch_image  # noqa: E402
from icanvas_desktop.ui.app import AppOptions, build_window, create_application  # noqa: E402
from icanvas_desktop.ui.main_window import WindowOptions  # noqa: E402


class BusyEngine:
    """Stand-in with the Engine API that keeps a CPU core busy for ~`work_ms` per picture."""

    def __init__(self, work_ms: float = 80.0):
        self.work_ms = work_ms
        self.style = None
        self.backend_name, self.device_name = "busy-fake", "cpu"

    def load_style(self, style) -> None:
        self.style = style

    def _make(self, drawing, side: int):
        end = time.perf_counter() + self.work_ms / 1000
        a = np.random.rand(256, 256).astype(np.float32)
        while time.perf_counter() < end:
            a = a @ a.T / 256  # numpy releases the GIL here, like torch does
        h = round(side * drawing.height / drawing.width)
        return sketch_image(drawing, (side, h)).convert("RGB") if drawing.strokes else \
            Image.new("RGB", (side, h), (200, 120, 250))

    def preview(self, drawing):
        return self._make(drawing, 512)

    def final(self, drawing, long_side: int = 1024):
        return self._make(drawing, long_side)


class _Style:
    name = "busy"
    takes_hints = False
    sample_path = None
    description: dict = {}

    def display_title(self, lang: str) -> str:
        return "Busy"


def percentile(values, q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--rate", type=float, default=120.0, help="input events per second")
    ap.add_argument("--fake", action="store_true", help="use a CPU-busy fake engine")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args(argv)

    app = create_application(["measure"])
    options = AppOptions(window=WindowOptions(sound=False), device=args.device,
                         threads=args.threads)
    if args.fake:
        window = build_window(options, engine_factory=BusyEngine, styles=[_Style()])
    else:
        window = build_window(options)
    window.resize(1280, 820)
    window.show()
    end = time.monotonic() + 300
    while window.style is None and time.monotonic() < end:
        QTest.qWait(50)
        if window.picture.message()[0] and "sleeping" in window.picture.message()[0]:
            break
    if window.style is None:
        print("no style could be loaded:", " / ".join(window.picture.message()), file=sys.stderr)
        return 2

    canvas = window.canvas
    posted: deque[float] = deque()
    latencies: list[float] = []
    previews: list[float] = []
    lock = threading.Lock()

    def handled() -> None:
        now = time.perf_counter()
        with lock:
            if posted:
                latencies.append((now - posted.popleft()) * 1000)
    canvas.stroke_moved.connect(handled)
    window.preview_shown.connect(lambda r: previews.append(r.seconds))

    stop = threading.Event()

    def post(kind: QEvent.Type, x: float, y: float, buttons) -> None:
        pos = canvas.to_widget(x, y)
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else \
            Qt.MouseButton.NoButton
        ev = QMouseEvent(kind, pos, QPointF(canvas.mapToGlobal(pos)), button, buttons,
                         Qt.KeyboardModifier.NoModifier)
        if kind == QEvent.Type.MouseMove:
            with lock:
                posted.append(time.perf_counter())
        QCoreApplication.postEvent(canvas, ev)

    def feeder() -> None:
        # A separate thread posts the input, so a busy UI thread cannot delay the posting
        # itself and hide its own lateness.
        period = 1.0 / args.rate
        i = 0
        stroke_len = int(args.rate * 1.5)  # a new stroke every 1.5 s, like a child's scribbles
        nxt = time.perf_counter()
        while not stop.is_set():
            t = i * period
            x = 512 + 380 * math.sin(t * 1.7 + i // stroke_len)
            y = 384 + 280 * math.sin(t * 2.3)
            down = Qt.MouseButton.LeftButton
            if i % stroke_len == 0:
                post(QEvent.Type.MouseButtonPress, x, y, down)
            elif i % stroke_len == stroke_len - 1:
                post(QEvent.Type.MouseButtonRelease, x, y, Qt.MouseButton.NoButton)
            else:
                post(QEvent.Type.MouseMove, x, y, down)
            i += 1
            nxt += period
            time.sleep(max(0.0, nxt - time.perf_counter()))

    thread = threading.Thread(target=feeder, daemon=True)
    thread.start()
    # A real event loop: QTest.qWait sleeps between event batches and would add fake latency.
    loop = QEventLoop()
    QTimer.singleShot(int(args.seconds * 1000), loop.quit)
    loop.exec()
    stop.set()
    thread.join()
    QTest.qWait(200)
    window.close()

    result = {
        "events": len(latencies), "p50_ms": round(percentile(latencies, 50), 2),
        "p95_ms": round(percentile(latencies, 95), 2), "p99_ms": round(percentile(latencies, 99), 2),
        "max_ms": round(max(latencies) if latencies else float("nan"), 2),
        "previews": len(previews),
        "preview_mean_ms": round(1000 * float(np.mean(previews)), 1) if previews else None,
        "engine": "fake" if args.fake else "real", "cpus": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity") else os.cpu_count(),
    }
    print(f"input events: {result['events']}, previews shown: {result['previews']}")
    print(f"latency p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
          f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
