"""The gallery's trash: throw a creation away, put it back (to its child or another), delete
it for good, and the few facts that stay of creations deleted for good.

"Throw away" only moves a creation's folder from `entries/` into `trash/` in one rename; "Put
back" moves it again. A creation whose child was removed goes back under another child: its
manifest is rewritten atomically while it is still in the trash, then it moves, so it is never
listed under a child who no longer exists, and a crash in between leaves it whole in the trash.

A child's badge progress counts effort made, so neither "Throw away" (the picture waits in
the trash) nor a grown-up emptying the trash may lower it. When a creation leaves the trash for
good, its picture, drawing and strokes are deleted; one line stays in `<gallery>/purged.json`:
its id, whose it was, when it was made, in which style, how many strokes and whether it used
colour hints (docs/privacy.md). Nothing else is kept. `GalleryTrash.effort` reads it back.
`GalleryTrash` is part of `core.gallery.Gallery`, which moves the folders.
"""

from __future__ import annotations

import json
import secrets
import shutil
from datetime import datetime
from pathlib import Path
from typing import Iterable

from icanvas_desktop.core.atomic import atomic_write_text
from icanvas_desktop.core.gallery_files import Entry, GalleryError, read_manifest

PURGED_FILE = "purged.json"


def read_purged(root: Path) -> list[Entry]:
    """The facts of every creation deleted for good; a missing or damaged file gives the
    lines that can be read (badge progress is a reward, never worth a crash)."""
    try:
        rows = json.loads((Path(root) / PURGED_FILE).read_text(encoding="utf-8"))["purged"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    out = []
    for row in rows if isinstance(rows, list) else []:
        try:
            out.append(Entry(id=str(row["id"]), created=datetime.fromisoformat(row["created"]),
                             profile=str(row.get("profile", "")), style=str(row.get("style", "")),
                             stroke_count=int(row.get("stroke_count", 0)),
                             used_hints=bool(row.get("used_hints", False)), path=Path()))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


def add_purged(root: Path, entries: Iterable[Entry]) -> None:
    """Remember `entries` as deleted for good (atomically; raises StorageError)."""
    known = {e.id: e for e in read_purged(root)}
    known.update((e.id, e) for e in entries)
    rows = [{"id": e.id, "profile": e.profile, "created": e.created.isoformat(), "style": e.style,
             "stroke_count": e.stroke_count, "used_hints": e.used_hints}
            for e in sorted(known.values(), key=lambda e: (e.created.timestamp(), e.id))]
    atomic_write_text(Path(root) / PURGED_FILE,
                      json.dumps({"schema_version": 1, "purged": rows}, ensure_ascii=False, indent=0))


class GalleryTrash:
    """The trash half of `core.gallery.Gallery` (which provides the folders, `_folder`,
    `_entry`, `_move`, `_update_manifest`, `list` and `trash`)."""

    def delete(self, entry_id: str) -> None:
        """Move a creation to the trash, from where restore() brings it back."""
        self._move(self._folder(entry_id), self.trash_dir / entry_id)

    def restore(self, entry_id: str, profile: str | None = None) -> None:
        """Bring a creation back from the trash; with `profile`, into that child's gallery
        (its own child was removed). KeyError if it is not in the trash; StorageError if the
        disk refuses, with the creation still in the trash."""
        folder = self._folder(entry_id, trashed=True)
        if profile is not None:
            self.reassign(entry_id, profile, trashed=True)
        self._move(folder, self.entries_dir / entry_id)

    def reassign(self, entry_id: str, profile: str, *, trashed: bool = False) -> None:
        """Give a creation to another child: its manifest is replaced atomically (the
        pictures are untouched). KeyError if unknown, GalleryError if its manifest cannot be
        read, StorageError if the disk refuses."""
        folder = self._folder(entry_id, trashed)
        if read_manifest(folder).get("profile") != profile:
            self._update_manifest(folder, lambda m: m.update(profile=str(profile)))

    def purge(self, entry_id: str) -> None:
        """Delete a trashed creation for good (a grown-up's action). KeyError if it is not in
        the trash; StorageError if the disk refuses, with the creation still in the trash."""
        folder = self._folder(entry_id, trashed=True)
        try:
            facts = [self._entry(folder, entry_id)]
        except GalleryError:
            facts = []            # unreadable: nothing a badge could count
        self._purge(folder, facts)

    def empty_trash(self, ids=None) -> int:
        """Purge every creation the trash lists, or those of them in `ids` (what a grown-up
        was shown and agreed to); returns how many went."""
        wanted = None if ids is None else set(ids)
        doomed = [e for e in self.trash() if wanted is None or e.id in wanted]
        if doomed:
            add_purged(self.root, doomed)          # one write for all of them, first
        for entry in doomed:
            self._purge(entry.path, [])
        return len(doomed)

    def _purge(self, folder: Path, facts: list[Entry]) -> None:
        if facts:
            add_purged(self.root, facts)    # badge progress counts effort made
        # Out of the trash in one rename, then deleted: a crash midway leaves the creation
        # whole in the trash or a staging leftover (cleaned at a later start), never half.
        gone = self.staging_dir / f"{folder.name}.purged-{secrets.token_hex(4)}"
        self._move(folder, gone)
        shutil.rmtree(gone, ignore_errors=True)

    def effort(self, profile: str | None = None) -> list[Entry]:
        """Every creation made, newest first, for badge progress: kept, thrown away (in the
        trash) and deleted for good (their facts, read_purged), each once."""
        made = {e.id: e for e in read_purged(self.root) + self.trash(profile) + self.list(profile)
                if profile is None or e.profile == profile}
        return sorted(made.values(), key=lambda e: (e.created.timestamp(), e.id), reverse=True)
