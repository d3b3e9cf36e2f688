"""Make it move, in the app: the player that makes a picture's frames off the UI thread and
plays them. Its views are in ui/motion_views.py: the bar under the picture after Magic! and
the gallery's moving-picture page.

Frames are made by motion/ on a worker QObject on its own low-priority QThread, the way the
engine's worker works (ui/worker.py): one request at a time, the newest wins (a worker that
sees a newer request stops making frames for the old one), results come back as queued
signals carrying plain data (PIL image and QImage). The first frame is shown the moment it
exists, and the loop plays at 15 frames a second while the rest are still being made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from icanvas_desktop.motion import MOTIONS
from icanvas_desktop.ui.worker import pil_to_qimage

FPS = 15
EMPTY = "empty"          # the failure code for a picture with nothing on it to move
ICONS = {"bounce": "motion_bounce", "wobble": "motion_wobble", "dance": "motion_dance",
         "float": "motion_float", "spin-hop": "motion_spin_hop", "walk": "motion_walk"}
MOTION_ICONS = ("move", "motion_stop", *ICONS.values())   # every icon this module shows


def motion_label(name: str) -> str:
    """The motion's name for a child, in the app's language."""
    return {"bounce": QCoreApplication.translate("Motion", "Bounce"),
            "wobble": QCoreApplication.translate("Motion", "Wobble"),
            "dance": QCoreApplication.translate("Motion", "Dance"),
            "float": QCoreApplication.translate("Motion", "Float"),
            "spin-hop": QCoreApplication.translate("Motion", "Spin"),
            "walk": QCoreApplication.translate("Motion", "Walk")}[name]


class MotionWorker(QObject):
    """Lives on the motion thread. Makes frames; saves loops. Never touches a widget."""

    frame_ready = Signal(int, int, object)    # request id, frame number, (PIL image, QImage)
    finished = Signal(int)                    # request id: every frame is made
    failed = Signal(int, str)                 # request id, EMPTY or a technical reason
    saved = Signal(int, str)                  # request id, path
    save_failed = Signal(int, str)            # request id, reason

    def __init__(self):
        super().__init__()
        self.newest = 0                       # set by the UI thread; a plain int is safe to share
        self._last: tuple[Any, Any] | None = None   # (picture, Animation): moving it again is quick

    def _animation(self, picture):
        from icanvas_desktop.motion.animate import Animation
        if self._last is None or self._last[0] is not picture:
            self._last = (picture, Animation(picture))
        return self._last[1]

    @Slot(int, object, str, int)
    def make(self, rid: int, picture, motion: str, count: int) -> None:
        from icanvas_desktop.motion.figure import MotionError
        if rid != self.newest:
            return
        try:
            for k, frame in enumerate(self._animation(picture).frames(motion, count)):
                if rid != self.newest:
                    return                    # a newer request came: its frames matter now
                self.frame_ready.emit(rid, k, (frame, pil_to_qimage(frame)))
        except MotionError:
            self.failed.emit(rid, EMPTY)
            return
        except Exception as err:  # noqa: BLE001 - any failure becomes a friendly message
            self.failed.emit(rid, str(err) or type(err).__name__)
            return
        self.finished.emit(rid)

    @Slot(int, object, str)
    def save(self, rid: int, frames, path: str) -> None:
        from icanvas_desktop.core.atomic import StorageError
        from icanvas_desktop.motion.animate import save_animation
        try:
            save_animation(frames, path, FPS)
        except StorageError as err:
            self.save_failed.emit(rid, err.reason)
            return
        except (OSError, ValueError) as err:
            self.save_failed.emit(rid, str(err))
            return
        self.saved.emit(rid, path)


class MotionPlayer(QObject):
    """UI-thread front of the worker: `play(picture, motion)` shows the loop through
    `frame_shown(QImage)`, starting with the first frame as soon as it is made. Signals:
    `started(motion)` when a motion's first frame shows, `failed(code)` (EMPTY or a
    reason), `saved(path)` and `save_failed(reason)`."""

    frame_shown = Signal(QImage)
    started = Signal(str)
    failed = Signal(str)
    saved = Signal(str)
    save_failed = Signal(str)

    _do_make = Signal(int, object, str, int)
    _do_save = Signal(int, object, str)

    def __init__(self, parent: QObject | None = None, count: int = 30):
        super().__init__(parent)
        self.count = count
        self._thread = QThread()
        self._thread.setObjectName("icanvas-motion")
        self._worker = MotionWorker()
        self._worker.moveToThread(self._thread)
        self._do_make.connect(self._worker.make)
        self._do_save.connect(self._worker.save)
        self._worker.frame_ready.connect(self._on_frame)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.saved.connect(lambda rid, path: self.saved.emit(path))
        self._worker.save_failed.connect(lambda rid, why: self.save_failed.emit(why))
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start(QThread.Priority.LowPriority)
        self._timer = QTimer(self, interval=round(1000 / FPS))
        self._timer.timeout.connect(self._tick)
        self._rid = 0
        self.motion: str | None = None
        self._frames: list = []               # (PIL image, QImage) of the current motion
        self._done = False
        self._pos = 0
        self._stopped = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- requests --------------------------------------------------------------------------------
    def play(self, picture, motion: str) -> int:
        """Start moving `picture` (PIL) with `motion`; a newer call replaces this one."""
        if motion not in MOTIONS:
            raise ValueError(f"unknown motion {motion!r}")
        self._rid += 1
        self._worker.newest = self._rid
        self.motion, self._frames, self._done, self._pos = motion, [], False, 0
        self._timer.start()
        if not self._stopped:
            self._do_make.emit(self._rid, picture, motion, self.count)
        return self._rid

    def stop(self) -> None:
        """Stop moving (frames still on their way are dropped)."""
        self._rid += 1
        self._worker.newest = self._rid
        self._timer.stop()
        self.motion = None

    def is_playing(self) -> bool:
        return self.motion is not None

    def frames_ready(self) -> bool:
        """Every frame of the current motion is made (it can be saved)."""
        return self.motion is not None and self._done

    def save(self, path: str | Path) -> None:
        """Save the current motion's loop (once every frame is made) on the worker thread."""
        if self.frames_ready():
            self._do_save.emit(self._rid, [pil for pil, _ in self._frames], str(path))

    def shutdown(self, wait_ms: int = 5000) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.stop()
        self._thread.quit()
        self._thread.wait(wait_ms)

    # -- results ---------------------------------------------------------------------------------
    @Slot(int, int, object)
    def _on_frame(self, rid: int, k: int, frame) -> None:
        if rid != self._rid:
            return
        self._frames.append(frame)
        if k == 0:
            self._show(0)
            self.started.emit(self.motion or "")

    @Slot(int)
    def _on_finished(self, rid: int) -> None:
        if rid == self._rid:
            self._done = True

    @Slot(int, str)
    def _on_failed(self, rid: int, why: str) -> None:
        if rid == self._rid:
            self.stop()
            self.failed.emit(why)

    def _tick(self) -> None:
        if not self._frames:
            return
        nxt = self._pos + 1
        if nxt >= len(self._frames):
            if not self._done:
                return                        # the next frame is still being made: wait for it
            nxt = 0
        self._show(nxt)

    def _show(self, k: int) -> None:
        self._pos = k
        self.frame_shown.emit(self._frames[k][1])
