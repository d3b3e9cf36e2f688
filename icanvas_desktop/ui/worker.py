"""Runs the engine off the UI thread: one worker QObject on one low-priority QThread.

`EngineWorker` lives on the worker thread and owns the engine (created there, lazily, so even
torch's start-up never stalls the window). `RenderController` lives on the UI thread and is
the only thing widgets talk to. It keeps at most one job in flight and, per kind, one pending
job: a newer request replaces an older pending one, and a result whose request is no longer
the newest of its kind is dropped, never queued. The worker never touches a widget; results
travel back as queued signals carrying plain data (PIL image + QImage, which are thread-safe).
"""

from __future__ import annotations


import os
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from icanvas_desktop.core.logs import get_logger

PREVIEW, FINAL, STYLE = "preview", "final", "style"
# When several jobs wait, a style change runs first (every picture depends on it), then the
# picture the child asked for with Magic, then the live preview.
_PRIORITY = (STYLE, FINAL, PREVIEW)

log = get_logger(__name__)


@dataclass(frozen=True)
class RenderResult:
    request_id: int
    kind: str                 # "preview" | "final"
    pil: Any                  # PIL.Image.Image, RGB, kept for the gallery
    image: QImage             # the same picture for painting
    revision: int             # Drawing.revision of the snapshot it was made from
    seconds: float            # engine time, for the grown-ups' corner and measurements
    # The style the engine had loaded when it made the picture (a style switch may land
    # between a request and its turn), so a picture is never labelled with the wrong style.
    style: Any = None


def pil_to_qimage(pil) -> QImage:
    """Copy an RGB PIL image into a QImage that owns its memory (safe on any thread)."""
    rgb = pil.convert("RGB")
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # detach from `data`, which Python may free


def qimage_to_pil(image: QImage):
    """An RGB PIL copy of a QImage (a picture kept in the gallery, shown again)."""
    from PIL import Image
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    row = rgb.bytesPerLine()
    data = bytes(rgb.constBits())[: row * rgb.height()]
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", row, 1).copy()


def _lower_thread_priority() -> None:
    """Make the calling (worker) thread yield to the UI thread for CPU time.

    QThread priorities have no effect for normal threads on Linux, so there we renice the
    thread itself (nice values are per-thread on Linux, and threads torch starts from here
    inherit it). On Windows and macOS QThread.LowPriority does the job.
    """
    if sys.platform.startswith("linux"):
        try:
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + 5))
        except (OSError, AttributeError):
            pass


class EngineWorker(QObject):
    """Lives on the worker thread. Every slot reports back through exactly one signal."""

    finished = Signal(int, str, object)   # request_id, kind, RenderResult
    failed = Signal(int, str, str)        # request_id, kind, friendly message
    style_loaded = Signal(int, object)    # request_id, StyleInfo

    def __init__(self, engine_factory: Callable[[], Any]):
        super().__init__()
        self._factory = engine_factory
        self._engine = None
        self._style = None      # the style the engine holds (set once its load succeeded)
        self._prioritised = False

    def _get_engine(self):
        if not self._prioritised:
            _lower_thread_priority()
            self._prioritised = True
        if self._engine is None:
            self._engine = self._factory()
        return self._engine

    @Slot(int, str, object)
    def render(self, request_id: int, kind: str, drawing) -> None:
        try:
            engine = self._get_engine()
            start = time.perf_counter()
            pil = engine.final(drawing) if kind == FINAL else engine.preview(drawing)
            seconds = time.perf_counter() - start
            result = RenderResult(request_id, kind, pil, pil_to_qimage(pil),
                                  getattr(drawing, "revision", 0), seconds, self._style)
        except Exception as exc:  # noqa: BLE001 - any engine failure becomes a friendly message
            # The child sees one friendly line; the log keeps the traceback for a bug report.
            log.error("rendering a %s failed", kind, exc_info=True)
            self.failed.emit(request_id, kind, _message(exc))
            return
        self.finished.emit(request_id, kind, result)

    @Slot(int, object)
    def load_style(self, request_id: int, style) -> None:
        try:
            self._get_engine().load_style(style)
        except Exception as exc:  # noqa: BLE001 - StyleLoadError or anything else
            log.error("loading the style %s failed", getattr(style, "name", style), exc_info=True)
            # The engine knows what it still holds: the old style after an unreadable file,
            # none after a graph that loaded but could not run.
            self._style = getattr(self._engine, "style", None)
            self.failed.emit(request_id, STYLE, _message(exc))
            return
        self._style = style
        self.style_loaded.emit(request_id, style)


def _message(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


class RenderController(QObject):
    """UI-thread front of the worker: newest request wins, stale results are dropped.

    Signals carry only current results: `preview_ready(RenderResult)`,
    `final_ready(RenderResult)`, `style_ready(StyleInfo)`, `failed(kind, message)`, and
    `busy_changed(bool)` when the worker starts or stops working.
    """

    preview_ready = Signal(object)
    final_ready = Signal(object)
    style_ready = Signal(object)
    failed = Signal(str, str)
    busy_changed = Signal(bool)

    _do_render = Signal(int, str, object)
    _do_load_style = Signal(int, object)

    def __init__(self, engine_factory: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("icanvas-engine")
        self._worker = EngineWorker(engine_factory)
        self._worker.moveToThread(self._thread)
        self._do_render.connect(self._worker.render)
        self._do_load_style.connect(self._worker.load_style)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.style_loaded.connect(self._on_style_loaded)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start(QThread.Priority.LowPriority)
        self._next_id = 0
        self._newest: dict[str, int] = {}                  # kind -> newest request id
        self._pending: dict[str, tuple[int, Any]] = {}     # kind -> (id, payload)
        self._in_flight: tuple[int, str] | None = None
        self._stopped = False
        self._busy = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- requests ------------------------------------------------------------------------------
    def request(self, kind: str, payload: Any) -> int:
        """Ask for a preview/final (payload: a Drawing snapshot) or a style load (a StyleInfo)."""
        if kind not in _PRIORITY:
            raise ValueError(f"unknown request kind {kind!r}")
        self._next_id += 1
        rid = self._next_id
        self._newest[kind] = rid
        self._pending[kind] = (rid, payload)  # replaces an older pending request of this kind
        self._pump()
        return rid

    def request_preview(self, snapshot) -> int:
        return self.request(PREVIEW, snapshot)

    def request_final(self, snapshot) -> int:
        return self.request(FINAL, snapshot)

    def request_style(self, style) -> int:
        return self.request(STYLE, style)

    def is_idle(self) -> bool:
        return self._in_flight is None and not self._pending

    def in_flight_kind(self) -> str | None:
        return self._in_flight[1] if self._in_flight else None

    def has_work(self, kind: str) -> bool:
        """True while a request of this kind waits or runs."""
        return kind in self._pending or (self._in_flight is not None and self._in_flight[1] == kind)

    def _pump(self) -> None:
        if self._in_flight is not None or self._stopped:
            return
        for kind in _PRIORITY:
            if kind in self._pending:
                rid, payload = self._pending.pop(kind)
                self._in_flight = (rid, kind)
                if kind == STYLE:
                    self._do_load_style.emit(rid, payload)
                else:
                    self._do_render.emit(rid, kind, payload)
                self._set_busy(True)
                return

    def _done(self, rid: int) -> None:
        if self._in_flight is not None and self._in_flight[0] == rid:
            self._in_flight = None
        self._pump()
        if self._in_flight is None:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _current(self, rid: int, kind: str) -> bool:
        return self._newest.get(kind) == rid

    def colours_note(self) -> str:
        """Why Magic colours is off for the loaded style (a damaged colour index), or "". The
        engine writes it while loading, before `style_ready`; a str is read whole across threads."""
        return getattr(self._worker._engine, "colours_note", "") or ""

    # -- results (queued from the worker thread) ----------------------------------------------
    @Slot(int, str, object)
    def _on_finished(self, rid: int, kind: str, result: RenderResult) -> None:
        current = self._current(rid, kind)
        self._done(rid)
        if current and not self._stopped:
            (self.final_ready if kind == FINAL else self.preview_ready).emit(result)

    @Slot(int, str, str)
    def _on_failed(self, rid: int, kind: str, message: str) -> None:
        current = self._current(rid, kind)
        self._done(rid)
        if current and not self._stopped:
            self.failed.emit(kind, message)

    @Slot(int, object)
    def _on_style_loaded(self, rid: int, style) -> None:
        current = self._current(rid, STYLE)
        self._done(rid)
        if current and not self._stopped:
            self.style_ready.emit(style)

    # -- lifetime ------------------------------------------------------------------------------
    def shutdown(self, wait_ms: int = 5000) -> None:
        """Drop pending work and stop the thread (waits for a running engine call to end)."""
        if self._stopped:
            return
        self._stopped = True
        self._pending.clear()
        self._thread.quit()
        self._thread.wait(wait_ms)
