"""What stays of creations deleted for good: the few facts that badge progress counts.

A child's badge progress counts effort made, so neither "Throw away" (the picture waits in
the trash) nor a grown-up emptying the trash may lower it. When a creation leaves the trash for
good, its picture, drawing and strokes are deleted; one line stays in `<gallery>/purged.json`:
its id, whose it was, when it was made, in which style, how many strokes and whether it used
colour hints (docs/privacy.md). Nothing else is kept. `core/gallery.py` writes it before each
purge and reads it for `Gallery.effort`.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Iterable

from icanvas_desktop.core.atomic import atomic_write_text
from icanvas_desktop.core.gallery_files import Entry

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
