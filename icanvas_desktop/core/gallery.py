"""The gallery: every creation a child keeps, stored so that no crash can ever lose one.

Layout under the gallery root::

    entries/<id>/    manifest.json + sketch.png + result.png + strokes.json [+ hints.png]
                     + thumb.png (a cache, rebuilt when missing or unreadable)
    trash/<id>/      deleted creations, restorable
    quarantine/...   damaged or foreign folders, set aside (never deleted) and reported once
    .staging/        creations being written

A creation is written completely into a private folder in `.staging/` (every file fsynced,
the manifest written last, the folder fsynced) and only then renamed into `entries/` in one
atomic step. So a folder in `entries/` is either complete or absent: a kill or power cut
mid-save leaves only a staging leftover, which is never listed. Later changes to an entry
(stickers, thumbnails, the child it belongs to) replace single files through core/atomic.py.
What a good file is (manifest, pictures, strokes) lives in core/gallery_files.py; the trash
(throw away, put back, delete for good) in core/gallery_trash.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import shutil
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from PIL import Image

from icanvas_desktop.core.atomic import StorageError, _reason, atomic_write_bytes, atomic_write_text, fsync_dir
from icanvas_desktop.core.gallery_files import (CODES, ID_RE, IGNORED, MESSAGES, REQUIRED, SCHEMA_VERSION,
                                                THUMB_SIZE, Creation, Entry, GalleryError, Problem, canvas_of,
                                                capped, entry_of, json_strokes, normalize_strokes, open_image,
                                                png_bytes, printable, read_manifest, read_strokes, write_synced)
from icanvas_desktop.core.gallery_trash import GalleryTrash
from icanvas_desktop.core.logs import get_logger
from icanvas_desktop.core.strokes import HINT, Drawing

__all__ = ["CODES", "SCHEMA_VERSION", "THUMB_SIZE", "Creation", "Entry", "Gallery", "GalleryError",
           "Problem", "default_export_dir", "default_gallery_root", "normalize_strokes"]

STAGING_MAX_AGE_S = 600          # staging leftovers older than this belong to no running save

log = get_logger(__name__)


def default_gallery_root() -> Path:
    import platformdirs
    return Path(platformdirs.user_data_dir("iCanvas", appauthor=False)) / "gallery"


def default_export_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_pictures_dir()) / "iCanvas"


class Gallery(GalleryTrash):
    """One gallery folder: add, list, load and export creations here; throw away, put back
    and delete for good in `GalleryTrash` (core/gallery_trash.py)."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.entries_dir = self.root / "entries"
        self.trash_dir = self.root / "trash"
        self.quarantine_dir = self.root / "quarantine"
        self.staging_dir = self.root / ".staging"
        self.problems: list[Problem] = []
        self._reported: set[tuple[str, str]] = set()
        self._cache: dict[str, tuple[tuple, Entry]] = {}   # id -> ((mtime_ns, size), Entry)
        self._lock = threading.RLock()
        self._counter = 0
        try:
            self.entries_dir.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as err:   # ValueError: a NUL in the path
            # A read-only gallery can still be looked at; add() reports the reason.
            log.warning("gallery folder %s cannot be made: %s", self.entries_dir, err)
        self._clean_staging()

    # -- writing ---------------------------------------------------------------------------------
    def _new_id(self) -> str:
        with self._lock:
            self._counter += 1
            n = self._counter
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        return f"{stamp}-{n % 1000:03d}{secrets.token_hex(2)}"

    def add(self, sketch: Image.Image, result: Image.Image, strokes, style: str, profile: str,
            hints=None, *, created: datetime | None = None, stickers: list | None = None) -> str:
        """Store a creation; returns its id once it is safely on disk.

        Raises StorageError (reason "the disk is full" / "the folder is read-only"); nothing
        stored earlier is touched either way. Safe to call from a worker thread.
        """
        created = (created or datetime.now()).astimezone()
        stroke_objs = normalize_strokes(strokes)
        if isinstance(strokes, dict) and "width" in strokes:
            canvas = (int(strokes["width"]), int(strokes["height"]))
        elif isinstance(strokes, Drawing):
            canvas = (strokes.width, strokes.height)
        else:
            canvas = (sketch.width, sketch.height)
        files = {"sketch.png": png_bytes(sketch), "result.png": png_bytes(result)}
        hint_data = None
        if isinstance(hints, Image.Image):
            files["hints.png"] = png_bytes(hints)
        else:
            hint_data = json_strokes(hints) if hints is not None else None
        files["strokes.json"] = json.dumps({"strokes": json_strokes(strokes), "hints": hint_data},
                                           separators=(",", ":")).encode("utf-8")
        thumb = capped(result).convert("RGB")
        thumb.thumbnail((THUMB_SIZE, THUMB_SIZE))
        buf = io.BytesIO()
        thumb.save(buf, "PNG", compress_level=1)
        entry_id = self._new_id()
        manifest = {
            "schema_version": SCHEMA_VERSION, "id": entry_id,
            "created": created.isoformat(), "created_ts": created.timestamp(),
            "updated": created.isoformat(), "profile": str(profile), "style": str(style),
            "canvas": list(canvas), "stroke_count": len(stroke_objs),
            "used_hints": (hints is not None and not (isinstance(hints, (list, tuple, dict)) and not hints))
                          or any(s.kind == HINT and s.points for s in stroke_objs),
            "stickers": list(stickers or []),
            "files": {n: {"size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()},
        }
        stage = self.staging_dir / f"{entry_id}.{secrets.token_hex(4)}"
        try:
            stage.mkdir(parents=True)
            for name, data in files.items():
                write_synced(stage / name, data)
            write_synced(stage / "thumb.png", buf.getvalue())
            write_synced(stage / "manifest.json", json.dumps(manifest, indent=1).encode("utf-8"))
            fsync_dir(stage)
            self.entries_dir.mkdir(parents=True, exist_ok=True)
            self._rename(stage, self.entries_dir / entry_id)
            fsync_dir(self.entries_dir)
        except OSError as err:
            shutil.rmtree(stage, ignore_errors=True)
            log.error("creation not saved in %s: %s", self.root, _reason(err), exc_info=True)
            if isinstance(err, StorageError):
                raise
            raise StorageError(self.root, _reason(err), err) from err
        log.info("creation %s saved", entry_id)
        return entry_id

    @staticmethod
    def _rename(src: Path, dst: Path) -> None:
        if dst.exists():
            raise FileExistsError(f"{dst} already exists")
        for attempt in range(5):
            try:
                os.rename(src, dst)
                return
            except PermissionError:
                # Windows: a virus scanner or indexer may hold a file in the folder briefly.
                if os.name != "nt" or attempt == 4:
                    raise
                time.sleep(0.1 * (attempt + 1))

    def _clean_staging(self) -> None:
        try:
            leftovers = list(self.staging_dir.iterdir())
        except (OSError, ValueError):
            return
        now = time.time()
        for p in leftovers:
            try:
                # Never-finished saves whose add() never returned: no id was promised for them.
                if now - p.stat().st_mtime > STAGING_MAX_AGE_S:
                    shutil.rmtree(p, ignore_errors=True)
            except OSError:
                pass

    def add_sticker(self, entry_id: str, sticker: dict) -> None:
        """Attach a sticker (e.g. a finished daily challenge) to a creation."""
        self._update_manifest(self._folder(entry_id), lambda m: m.setdefault("stickers", []).append(sticker))

    def _update_manifest(self, folder: Path, change: Callable[[dict], object]) -> None:
        """Replace a creation's manifest atomically with `change` applied to it (the pictures
        are untouched). GalleryError if it cannot be read; StorageError if the disk refuses."""
        manifest = read_manifest(folder)
        change(manifest)
        manifest["updated"] = datetime.now().astimezone().isoformat()
        atomic_write_text(folder / "manifest.json", json.dumps(manifest, indent=1))
        # The new manifest may have the old one's size and time stamp: read it afresh.
        self._forget(folder)

    # -- reading ---------------------------------------------------------------------------------
    def list(self, profile: str | None = None) -> list[Entry]:
        """Good creations, newest first; damaged ones are set aside and added to `problems`."""
        return self._scan(self.entries_dir, profile, quarantine=True)

    def trash(self, profile: str | None = None) -> list[Entry]:
        return self._scan(self.trash_dir, profile, quarantine=False)

    def _scan(self, folder: Path, profile: str | None, quarantine: bool) -> list[Entry]:
        try:
            names = os.listdir(folder)
        except OSError:
            return []
        out = []
        for name in names:
            path = folder / name
            if name.lower() in IGNORED or (name.startswith(".") and not path.is_dir()):
                continue
            try:
                entry = self._entry(path, name)
            except GalleryError as err:
                if quarantine:
                    self._set_aside(path, name, err)
                continue
            if profile is None or entry.profile == profile:
                out.append(entry)
        out.sort(key=lambda e: (e.created.timestamp(), e.id), reverse=True)
        return out

    def _entry(self, path: Path, name: str) -> Entry:
        if not ID_RE.match(name) or not path.is_dir():
            raise GalleryError("foreign")
        mpath = path / "manifest.json"
        try:
            st = mpath.stat()
        except OSError:
            raise GalleryError("missing_files") from None
        key = (st.st_mtime_ns, st.st_size)
        with self._lock:
            hit = self._cache.get(str(path))
        if hit and hit[0] == key:
            return hit[1]
        m = read_manifest(path)
        for fname in REQUIRED:
            if fname not in m["files"]:
                raise GalleryError("bad_manifest")
        for fname, info in m["files"].items():
            try:
                size = (path / fname).stat().st_size
            except OSError:
                raise GalleryError("missing_files") from None
            if size != info.get("size"):
                raise GalleryError("damaged")
        entry = entry_of(m, name, path)
        with self._lock:
            self._cache[str(path)] = (key, entry)
        return entry


    def _set_aside(self, path: Path, name: str, err: GalleryError) -> None:
        code = err.code
        shown = printable(name)
        where = ""
        if code != "newer_version":   # a newer app can still read those, so leave them in place
            try:
                self.quarantine_dir.mkdir(parents=True, exist_ok=True)
                dst = self.quarantine_dir / name
                while dst.exists():
                    dst = dst.with_name(dst.name + "-" + secrets.token_hex(2))
                os.rename(path, dst)
                where = f" (in {printable(str(dst))})"
            except OSError:
                pass
        self._forget(path)
        with self._lock:
            if (code, name) in self._reported:
                return
            self._reported.add((code, name))
            msg = f"{MESSAGES[code]}: {shown}{where}. Nothing else was affected."
            self.problems.append(Problem(code, shown, msg, str(err.__cause__ or "")))
        log.warning("gallery: %s (%s)", msg, code, exc_info=err.__cause__)

    def take_problems(self) -> list[Problem]:
        """Problems not yet shown; each is handed out once."""
        with self._lock:
            out, self.problems = self.problems, []
        return out

    def _folder(self, entry_id: str, trashed: bool = False) -> Path:
        if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
            raise KeyError(entry_id)
        folder = (self.trash_dir if trashed else self.entries_dir) / entry_id
        if not folder.is_dir():
            raise KeyError(entry_id)
        return folder

    def _verified(self, folder: Path, manifest: dict, name: str) -> bytes:
        try:
            data = (folder / name).read_bytes()
        except OSError as err:
            raise GalleryError("missing_files") from err
        if hashlib.sha256(data).hexdigest() != manifest["files"][name].get("sha256"):
            raise GalleryError("damaged")
        return data

    def load(self, entry_id: str) -> Creation:
        """Open a creation in full. KeyError if unknown; GalleryError (friendly) if damaged, in
        which case it is set aside and reported like a damaged entry found by list()."""
        folder = self._folder(entry_id)
        try:
            m = read_manifest(folder)
            entry = self._entry(folder, entry_id)
            sketch = open_image(self._verified(folder, m, "sketch.png"), "drawing")
            result = open_image(self._verified(folder, m, "result.png"), "picture")
            canvas = canvas_of(m, sketch)
            strokes, hints = read_strokes(self._verified(folder, m, "strokes.json"), canvas)
            if "hints.png" in m["files"]:
                hints = open_image(self._verified(folder, m, "hints.png"), "colour hints")
        except GalleryError as err:
            self._set_aside(folder, entry_id, err)
            why = MESSAGES[err.code] if str(err) in CODES else str(err)
            raise GalleryError(f"This creation could not be opened: {why}", err.code) from err
        return Creation(id=entry_id, sketch=sketch, result=result, strokes=strokes, hints=hints,
                        style=entry.style, profile=entry.profile, created=entry.created,
                        canvas_size=canvas, stickers=list(m.get("stickers", [])), meta=m)

    def thumbnail(self, entry_id: str, trashed: bool = False) -> Image.Image:
        """The cached thumbnail (RGB, long side THUMB_SIZE), rebuilt from the picture if missing;
        `trashed`: of a creation in the trash (for the grown-ups' trash)."""
        folder = self._folder(entry_id, trashed)
        try:
            img = open_image((folder / "thumb.png").read_bytes(), "thumbnail")
            if max(img.size) <= THUMB_SIZE:
                return img.convert("RGB")
        except (OSError, GalleryError):
            pass
        if trashed:       # read as it is: the trash sets nothing aside
            img = open_image((folder / "result.png").read_bytes(), "picture").convert("RGB")
        else:
            img = self.load(entry_id).result.convert("RGB")
        img.thumbnail((THUMB_SIZE, THUMB_SIZE))
        buf = io.BytesIO()
        img.save(buf, "PNG", compress_level=1)
        try:
            atomic_write_bytes(folder / "thumb.png", buf.getvalue())
        except StorageError:
            pass  # read-only gallery: show the rebuilt thumbnail without caching it
        return img

    # -- moving folders (the trash, core/gallery_trash.py) and export --------------------------------
    def _move(self, src: Path, dst: Path) -> None:
        try:
            dst.parent.mkdir(parents=True, exist_ok=True)
            if dst.exists():   # a stale copy from an interrupted move: keep it, out of the way
                self._move(dst, self.quarantine_dir / f"{dst.name}-{secrets.token_hex(2)}")
            self._rename(src, dst)
            fsync_dir(src.parent)
            fsync_dir(dst.parent)
        except StorageError:
            raise
        except OSError as err:
            raise StorageError(src, _reason(err), err) from err
        self._forget(src)

    def _forget(self, folder: Path) -> None:
        """Drop what the listing cache knows about a folder (moved, or its manifest replaced)."""
        with self._lock:
            self._cache.pop(str(folder), None)

    def export_png(self, entry_id: str, folder: str | os.PathLike | None = None) -> Path:
        """Copy the picture to the Pictures folder (no dialog); returns the new file's path."""
        creation = self.load(entry_id)
        folder = Path(folder) if folder else default_export_dir()
        stem = f"iCanvas-{creation.created.strftime('%Y-%m-%d-%H%M%S')}"
        path = folder / f"{stem}.png"
        n = 2
        while path.exists():
            path, n = folder / f"{stem}-{n}.png", n + 1
        atomic_write_bytes(path, png_bytes(creation.result))
        return path
