"""One child's session: the gallery, profiles, badge diary and daily challenge, glued together.

`Session` owns the core objects for one gallery root and is what the shell (ui/shell.py)
talks to. Saving a Magic picture runs on one background thread (a JobWorker, ui/jobs.py: the
sketch is rasterised and every file fsynced there), so drawing never waits for the disk;
results come back as queued signals. After every save, replay, hint and finished challenge the
badges are evaluated, new ones are stored for good (Profiles.earn_badges) and announced through
`badges_earned`.
Each child's drawing in progress is theirs: kept on disk (core/autosave.py, written on its own
thread) and, while the app runs, in memory with its undo history (`pages`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QObject, Signal, Slot

from icanvas_desktop.core import challenges
from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.core.autosave import Autosaver, Draft, Drafts
from icanvas_desktop.core.badges import (CHALLENGE_DONE, MOVED, REPLAYED, USED_HINT, BadgeState,
                                         EventLog, History, evaluate)
from icanvas_desktop.core.gallery import (Creation, Gallery, GalleryError, default_export_dir,
                                          default_gallery_root)
from icanvas_desktop.core.profiles import Profile, Profiles
from icanvas_desktop.core.raster import sketch_image
from icanvas_desktop.core.settings import LoadedSettings
from icanvas_desktop.core.strokes import Drawing, Page
from icanvas_desktop.ui.jobs import JobWorker


@dataclass(frozen=True)
class StoragePlaces:
    gallery_root: Path     # entries/, profiles.json, events.json
    export_dir: Path       # where "Save to Pictures" and moving pictures go


def storage_places(loaded: LoadedSettings) -> StoragePlaces:
    """Where the gallery and exports live. With the default `savedir` the gallery is kept in
    the app's data folder and exports go to Pictures/iCanvas; a `savedir` a grown-up or school
    chose holds the gallery itself, with exports in its `exports` folder."""
    if loaded.sources.get("savedir", "default") == "default":
        return StoragePlaces(default_gallery_root(), default_export_dir())
    root = Path(loaded.settings.savedir)
    return StoragePlaces(root, root / "exports")


@dataclass(frozen=True)
class SaveJob:
    """What a save was for, handed back with its result."""
    snapshot: Drawing
    style: str
    profile: str
    purpose: str = "magic"           # "magic" | "challenge"


class Session(QObject):
    """Signals: saved(entry_id, SaveJob), save_failed(reason, SaveJob),
    badges_earned(list[BadgeState]), profile_changed(Profile)."""

    saved = Signal(str, object)
    save_failed = Signal(str, object)
    badges_earned = Signal(list)
    profile_changed = Signal(object)

    def __init__(self, places: StoragePlaces, style_names: Sequence[str] = (),
                 parent: QObject | None = None):
        super().__init__(parent)
        self.places = places
        self.style_names = tuple(style_names)
        self.gallery = Gallery(places.gallery_root)
        self.profiles = Profiles(places.gallery_root)
        self.events = EventLog(places.gallery_root)
        self.drafts = Drafts(places.gallery_root)
        self.autosaver = Autosaver(self.drafts)
        self.pages: dict[str, Page] = {}         # profile id -> their page, while the app runs
        self._saver = JobWorker("icanvas-save", newest_first=False)   # saves, in the order asked
        self._saving: dict[int, SaveJob] = {}     # job key -> what the save is for
        self._save_keys = itertools.count(1)      # every save its own key: none replaces another
        self.pending_saves = 0
        self.last_saved: tuple[str, list, str] | None = None   # (entry id, strokes, style name)
        self._saver.done.connect(self._on_save_done)

    # -- profiles --------------------------------------------------------------------------------
    @property
    def profile(self) -> Profile | None:
        return self.profiles.current

    @property
    def profile_id(self) -> str:
        p = self.profiles.current
        return p.id if p else ""

    def choose_profile(self, profile_id: str) -> Profile:
        p = self.profiles.get(profile_id)
        if self.profiles.current is None or self.profiles.current.id != p.id:
            self.profiles.set_current(p.id)
            self.last_saved = None     # another child's picture never gets this child's sticker
        self.profile_changed.emit(p)
        return p

    def remove_profile(self, profile_id: str) -> None:
        """A grown-up removes a child: their pictures go to the gallery's trash (from where
        they can be brought back), their drawing in progress and their profile are forgotten.
        Raises StorageError, with the profile still there, if a move fails."""
        self.profiles.get(profile_id)                  # KeyError before anything is moved
        for entry in self.gallery.list(profile_id):
            try:
                self.gallery.delete(entry.id)
            except KeyError:
                pass                                   # gone meanwhile: nothing to move
        self.autosaver.flush()                         # no late write brings the draft back
        self.drafts.discard(profile_id)
        self.pages.pop(profile_id, None)
        if self.last_saved is not None and self.profile_id == profile_id:
            self.last_saved = None
        self.profiles.remove(profile_id)

    def problems(self) -> list[str]:
        """Notes for a grown-up about files that had to be set aside or could not be written."""
        out = [p for p in (self.profiles.problem, self.events.problem) if p]
        err = self.autosaver.last_error
        if err is not None:
            out.append(f"The drawing in progress could not be kept ({err.reason}).")
        return out + list(self.drafts.problems) + [str(p) for p in self.gallery.problems]

    # -- the drawing in progress -----------------------------------------------------------------
    def keep_page(self, profile_id: str, drawing: Drawing, style: str = "") -> None:
        """Write `drawing` as the child's drawing in progress, on the autosave thread."""
        # closed: the app has shut down; no profile: a removed child gets no file back
        if profile_id and not self.autosaver.closed and any(p.id == profile_id for p in self.profiles.list()):
            self.autosaver.submit(profile_id, Draft.of(drawing, style, self.is_saved(drawing) or ""))

    def put_page_away(self, profile_id: str, drawing: Drawing, style: str = "") -> None:
        """Another child takes the page: keep this child's page, with its history, for later."""
        if profile_id:
            self.pages[profile_id] = drawing.page()
            self.keep_page(profile_id, drawing, style)

    def page_for(self, profile_id: str) -> tuple[Page, str] | None:
        """The page a child comes back to, and its style ("" = keep the one chosen): the page
        they left while the app ran; else the drawing in progress on disk, unless exactly that
        is kept in the gallery already (a finished picture lives there). None: nothing of
        theirs, a blank page."""
        page = self.pages.pop(profile_id, None)
        if page is not None:
            return page, ""
        draft = self.drafts.load(profile_id) if profile_id else None
        if draft is None or draft.is_blank() or draft.kept:
            return None
        return Page(draft.strokes), draft.style

    # -- saving ----------------------------------------------------------------------------------
    def is_saved(self, drawing: Drawing, style: str | None = None) -> str | None:
        """The entry id if exactly these strokes (in this style, when given) were kept last."""
        if self.last_saved is None:
            return None
        entry_id, strokes, saved_style = self.last_saved
        if strokes != list(drawing.strokes) or (style is not None and style != saved_style):
            return None
        return entry_id

    def save_creation(self, snapshot: Drawing, picture: Any, style: str,
                      purpose: str = "magic") -> SaveJob:
        """Keep a creation in the current profile's gallery, on the save thread."""
        job = SaveJob(snapshot, style, self.profile_id, purpose)
        gallery = self.gallery
        self.pending_saves += 1

        def work() -> str:
            return gallery.add(sketch_image(snapshot), picture, snapshot, style, job.profile)

        key = next(self._save_keys)
        self._saving[key] = job
        self._saver.submit(key, work)
        return job

    @Slot(object, object)
    def _on_save_done(self, key: int, result: Any) -> None:
        job = self._saving.pop(key)
        self.pending_saves -= 1
        if isinstance(result, Exception):
            reason = result.reason if isinstance(result, StorageError) else (str(result) or type(result).__name__)
            self.save_failed.emit(reason, job)
            return
        entry_id = result
        self.last_saved = (entry_id, list(job.snapshot.strokes), job.style)
        if job.snapshot.has_hints():
            self._record(USED_HINT, job.profile, creation=entry_id)
        self.saved.emit(entry_id, job)
        self.check_badges()

    def find_creation(self, drawing: Drawing, style: str) -> Creation | None:
        """The child's kept creation of exactly these strokes in this style, newest first, if
        any (a style switch shows it instead of keeping another copy). Only creations with the
        same style and number of strokes are opened, so this stays quick."""
        strokes = list(drawing.strokes)
        for entry in self.gallery.list(self.profile_id or None):
            if entry.style != style or entry.stroke_count != len(strokes):
                continue
            try:
                creation = self.gallery.load(entry.id)
            except (GalleryError, KeyError, OSError):
                continue     # damaged (set aside) or thrown away meanwhile
            if creation.stroke_objects() == strokes:
                return creation
        return None

    def mark_saved(self, creation: Creation) -> None:
        """A creation opened from the gallery is already kept: 'I did it!' uses it as it is."""
        self.last_saved = (creation.id, creation.stroke_objects(), creation.style)

    def shutdown(self) -> None:
        self._saver.stop(finish=True, wait=True)   # a creation being written is never cut short
        self.autosaver.close()           # nor the drawing in progress

    # -- the badge diary -------------------------------------------------------------------------
    def _record(self, kind: str, profile: str, **data) -> bool:
        try:
            self.events.record(kind, profile, **data)
            return True
        except (StorageError, OSError):
            return False      # a badge a little later is better than a crash

    def record_replay(self, entry_id: str) -> None:
        if self.profile_id:
            self._record(REPLAYED, self.profile_id, creation=entry_id)
            self.check_badges()

    def record_motion(self, motion: str, entry_id: str = "") -> None:
        """The child made a picture move (`entry_id`: its creation, when kept). Each motion of
        a creation is written once, so playing it again and again does not grow the diary."""
        if not self.profile_id:
            return
        done = any(e.kind == MOVED and e.data.get("motion") == motion and e.data.get("creation") == entry_id
                   for e in self.events.events(self.profile_id))
        if not done:
            self._record(MOVED, self.profile_id, motion=motion, creation=entry_id)
            self.check_badges()

    def badge_states(self) -> list[BadgeState]:
        p = self.profile
        if p is None:
            return evaluate(History(styles=self.style_names))
        history = History.of(self.gallery.effort(p.id), self.events.events(p.id),
                             self.style_names, p.badges)
        return evaluate(history)

    def check_badges(self) -> list[BadgeState]:
        """Store and announce badges the current child has newly earned."""
        p = self.profile
        if p is None:
            return []
        fresh = [s for s in self.badge_states() if s.unlocked and s.id not in p.badges]
        if not fresh:
            return []
        try:
            self.profiles.earn_badges(p.id, [s.id for s in fresh])
        except (StorageError, OSError):
            pass          # celebrated now; stored next time the disk lets us
        self.badges_earned.emit(fresh)
        return fresh

    # -- daily challenge -------------------------------------------------------------------------
    def todays_challenge(self, day: date | None = None) -> challenges.Challenge:
        return challenges.challenge_for(day)

    def challenge_done_today(self, challenge: challenges.Challenge, day: date | None = None) -> bool:
        day = day or date.today()
        return any(e.kind == CHALLENGE_DONE and e.data.get("challenge") == challenge.id
                   and e.when.date() == day for e in self.events.events(self.profile_id))

    def complete_challenge(self, entry_id: str, challenge: challenges.Challenge) -> bool:
        try:
            challenges.complete(self.gallery, self.events, entry_id, challenge, self.profile_id)
        except (StorageError, OSError, KeyError, GalleryError):
            return False
        self.check_badges()
        return True

    # -- start with the last drawing --------------------------------------------------------------
    def last_creation(self) -> Creation | None:
        for entry in self.gallery.list(self.profile_id or None)[:3]:
            try:
                return self.gallery.load(entry.id)
            except (GalleryError, KeyError, OSError):
                continue     # damaged: it was set aside; try the one before
        return None

