"""The drawing in progress, kept for each child, so that a crash, a close or a power cut loses nothing.

Layout under the gallery root::

    in-progress/<profile id>.json     the strokes on the page (lines, eraser, colour hints),
                                      the style chosen and, when these very strokes are
                                      already kept in the gallery, that creation's id

Each file is replaced atomically (core/atomic.py): after a power cut it holds the last drawing
written or the one before, never a mix. The app writes a few seconds after each change, when
the child switches profile and when it closes (`Autosaver` does the writing off the UI thread,
newest request first). A damaged file is set aside (`<id>.json.damaged-<time>`) and reported,
and the child starts on a blank page.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from icanvas_desktop.core.atomic import StorageError, aside_note, atomic_write_text, set_aside
from icanvas_desktop.core.readers import UnreadableFile, describe, read_limited
from icanvas_desktop.core.strokes import Drawing, Stroke

SCHEMA_VERSION = 1
FOLDER = "in-progress"
MAX_BYTES = 64 * 1024 * 1024        # a day of scribbling is a few MB; more is not a drawing
_PROFILE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class DraftError(Exception):
    """A drawing in progress that cannot be read; str() is for a grown-up."""


@dataclass
class Draft:
    """What a child has on the page: enough to put it back exactly."""
    strokes: list[Stroke] = field(default_factory=list)
    width: int = 1024
    height: int = 768
    style: str = ""            # the style chosen, "" when none was
    kept: str = ""             # the gallery entry holding these very strokes, if any
    saved: str = ""            # when it was written (ISO time), for a grown-up reading the file

    @staticmethod
    def of(drawing: Drawing, style: str = "", kept: str = "") -> "Draft":
        """The finished strokes of `drawing` (a stroke still being drawn is not yet part of it)."""
        return Draft(drawing.page().strokes, drawing.width, drawing.height, style or "", kept or "")

    def drawing(self) -> Drawing:
        return Drawing(self.width, self.height, self.strokes)

    def is_blank(self) -> bool:
        return not self.strokes

    def to_json(self) -> str:
        data = {"schema_version": SCHEMA_VERSION, "saved": datetime.now().astimezone().isoformat(),
                "style": self.style, "kept": self.kept, "width": self.width, "height": self.height,
                "strokes": [s.to_dict() for s in self.strokes]}
        return json.dumps(data, separators=(",", ":"))

    @staticmethod
    def from_json(raw: bytes) -> "Draft":
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or int(data.get("schema_version", 0)) < 1:
            raise ValueError("not a drawing in progress")
        if int(data["schema_version"]) > SCHEMA_VERSION:
            raise ValueError("made by a newer iCanvas")
        width, height = int(data.get("width", 1024)), int(data.get("height", 768))
        if not (16 <= width <= 16384 and 16 <= height <= 16384):
            raise ValueError(f"a page of {width} x {height}")
        strokes = data.get("strokes", [])
        if not isinstance(strokes, list):
            raise ValueError("its strokes are not a list")
        return Draft([Stroke.from_dict(s) for s in strokes], width, height, str(data.get("style", "")),
                     str(data.get("kept", "")), str(data.get("saved", "")))


class Drafts:
    """The drawings in progress under one gallery root, one file per profile."""

    def __init__(self, root: str | os.PathLike):
        self.folder = Path(root) / FOLDER
        self.problems: list[str] = []     # friendly notes about files set aside

    def path(self, profile_id: str) -> Path:
        if not isinstance(profile_id, str) or not _PROFILE_ID.match(profile_id):
            raise ValueError(f"not a profile id: {profile_id!r}")
        return self.folder / f"{profile_id}.json"

    def save(self, profile_id: str, draft: Draft) -> None:
        """Write atomically; raises StorageError (a full disk, a read-only folder)."""
        atomic_write_text(self.path(profile_id), draft.to_json())

    def load(self, profile_id: str) -> Draft | None:
        """The child's drawing in progress; None when there is none or it had to be set aside."""
        path = self.path(profile_id)
        try:
            return Draft.from_json(read_limited(path, MAX_BYTES))
        except FileNotFoundError:
            return None
        except Exception as err:  # noqa: BLE001 - any damage: set aside, start afresh
            aside = set_aside(path)
            reason = str(err) if isinstance(err, UnreadableFile) else describe(err)
            self.problems.append(f"A drawing in progress could not be read ({reason}); {aside_note(aside)}.")
            return None

    def discard(self, profile_id: str) -> None:
        """Forget a child's drawing in progress (their profile was removed)."""
        try:
            self.path(profile_id).unlink()
        except FileNotFoundError:
            pass
        except OSError as err:
            raise StorageError(self.path(profile_id), describe(err), err) from err


class Autosaver:
    """Writes drafts on its own thread, so the pen never waits for the disk. Only the newest
    draft of each profile is written; `flush` waits until everything asked for is on disk."""

    def __init__(self, drafts: Drafts):
        self.drafts = drafts
        self.last_error: StorageError | None = None   # the last write that failed, if any
        self._pending: dict[str, Draft] = {}
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="icanvas-autosave", daemon=True)
        self._thread.start()

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, profile_id: str, draft: Draft) -> None:
        self.drafts.path(profile_id)          # a bad id fails here, in the caller
        with self._cond:
            if self._closed:
                raise RuntimeError("the autosaver is closed")
            self._pending[profile_id] = draft
            self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every submitted draft is written (or failed); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float | None = 10.0) -> bool:
        """Write what is pending, then stop the thread."""
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return done

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return
                profile_id, draft = self._pending.popitem()
                self._busy = True
            try:
                self.drafts.save(profile_id, draft)
                error = None
            except StorageError as err:
                error = err
            with self._cond:
                self._busy = False
                self.last_error = error
                self._cond.notify_all()
