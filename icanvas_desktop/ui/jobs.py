"""Background jobs off the UI thread, the way the render worker does it (ui/worker.py): a worker
QObject on its own QThread, and results that come back to the UI thread as queued signals.

The render worker keeps its own controller (one engine, newest request of each kind wins);
every other job goes through `JobWorker`: the gallery's thumbnails, replay frames and exports
(newest first, so what is on screen now comes first) and the session's saves (in order). A job
is a plain function; it is keyed, and a job submitted again under a key that still waits
replaces the waiting one. Every job ends in exactly one `done(key, result)` signal, where the
result is the exception when the job raised (logged with its traceback). A job may report on
its way through `progress`, which any thread may emit.

A worker that is stopped, or forgotten and collected, ends its thread after the job it is
running (Qt aborts the program when a running QThread is destroyed): `stop()` drops what waits
and returns at once, `stop(finish=True, wait=True)` runs everything that waits first and
returns when it is done (a save is never cut short).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import Any, Callable, Hashable

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

from icanvas_desktop.core.logs import get_logger

log = get_logger(__name__)

# Threads told to stop that may still be finishing a job: their QThread objects must outlive that.
_ending: set[QThread] = set()


class _Jobs:
    """The waiting jobs, shared by the UI thread (submit) and the worker thread (take)."""

    def __init__(self, newest_first: bool):
        self._jobs: OrderedDict[Hashable, Callable[[], Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._newest_first = newest_first

    def put(self, key: Hashable, fn: Callable[[], Any]) -> None:
        with self._lock:
            self._jobs.pop(key, None)
            self._jobs[key] = fn          # submitting again moves a job to the newest place

    def take(self) -> tuple[Hashable, Callable[[], Any]] | None:
        with self._lock:
            return self._jobs.popitem(last=self._newest_first) if self._jobs else None

    def clear(self) -> None:
        with self._lock:
            self._jobs.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._jobs)


class _Runner(QObject):
    """Lives on the worker thread; runs one job per `run_next` it is sent."""

    done = Signal(object, object)

    def __init__(self, jobs: _Jobs):
        super().__init__()
        self._jobs = jobs

    @Slot()
    def run_next(self) -> None:
        job = self._jobs.take()
        if job is None:             # replaced by a newer one of its key, or dropped
            return
        key, fn = job
        try:
            result = fn()
        except Exception as err:   # reported to the UI, never kills the thread
            log.warning("background job %r failed", key, exc_info=True)
            result = err
        self.done.emit(key, result)

    @Slot()
    def quit(self) -> None:
        QThread.currentThread().quit()    # after every job sent before it: events keep their order


def _end(thread: QThread, runner: _Runner, jobs: _Jobs, finish: bool, wait: bool) -> None:
    if not thread.isRunning():
        return
    if not finish:
        jobs.clear()
    _ending.add(thread)
    thread.finished.connect(lambda: _ending.discard(thread))
    QMetaObject.invokeMethod(runner, "quit", Qt.ConnectionType.QueuedConnection)
    if wait:
        thread.wait()


class JobWorker(QObject):
    """Runs keyed jobs one at a time on its own QThread. Signals: done(key, result or the
    exception it raised), progress(key, partial result: emitted by the jobs themselves)."""

    done = Signal(object, object)
    progress = Signal(object, object)

    def __init__(self, name: str = "icanvas-jobs", newest_first: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs = _Jobs(newest_first)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner(self._jobs)
        self._runner.moveToThread(self._thread)
        self._runner.done.connect(self.done)          # queued: the runner lives on the thread
        self._thread.finished.connect(self._runner.deleteLater)
        self._thread.start()
        self._stopped = False
        # Forgotten without stop() (a closed screen, the end of the program): end the thread anyway.
        self._finalizer = weakref.finalize(self, _end, self._thread, self._runner, self._jobs, False, True)

    def submit(self, key: Hashable, fn: Callable[[], Any]) -> None:
        if self._stopped:
            return
        self._jobs.put(key, fn)
        QMetaObject.invokeMethod(self._runner, "run_next", Qt.ConnectionType.QueuedConnection)

    def pending(self) -> int:
        """Jobs waiting (not the one running)."""
        return len(self._jobs)

    def stop(self, finish: bool = False, wait: bool = True) -> None:
        """Take no more jobs; drop the waiting ones (or, `finish`, run them first); end the
        thread after them. `wait` (the default): return only when the thread has ended.

        Why wait: a thread left to end on its own deletes its runner there, and PySide's
        ~QObject takes the GIL while holding Qt's connection lock; a main thread that connects
        or disconnects at that moment (a settings change rebuilding the window, `setStyle`)
        waits for that lock while holding the GIL: both stop for good (seen in CI, in
        test_app_integration). QThread.wait() lets go of the GIL, so the thread can end."""
        if self._stopped:
            if wait:
                self._thread.wait()
            return
        self._stopped = True
        self._finalizer.detach()
        _end(self._thread, self._runner, self._jobs, finish, wait)
