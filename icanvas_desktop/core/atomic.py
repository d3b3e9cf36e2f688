"""Atomic file writes: temporary file in the same folder, fsync, rename, fsync the folder.

A crash or power cut at any instant leaves either the old file or the new one, never a
half-written mix. Every write to the gallery and to settings goes through here, and so does
setting a damaged file aside (`set_aside`: renamed, never deleted, so a grown-up can still
look at it).
"""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from pathlib import Path


class StorageError(OSError):
    """A write that failed for a reason a grown-up can act on (full disk, read-only folder)."""

    def __init__(self, path: Path, reason: str, cause: OSError | None = None):
        super().__init__(cause.errno if cause else None, f"{reason}: {path}")
        self.path = Path(path)
        self.reason = reason


def _reason(err: OSError) -> str:
    import errno
    if err.errno == errno.ENOSPC:
        return "the disk is full"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only"
    return err.strerror or "the file could not be written"


def fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable. Windows cannot open folders; its rename is durable enough.
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old or the new content, never a mix."""
    path = Path(path)
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        # mkstemp creates 0600; keep the old file's mode, or the usual 0644 for a new one
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            mode = 0o644
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
        fsync_dir(path.parent)
    except OSError as err:
        raise StorageError(path, _reason(err), err) from err
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def set_aside(path: str | os.PathLike) -> Path | None:
    """Rename a damaged file to `<name>.damaged-<time>` beside it, so that the app can start
    afresh without losing it; returns the new path, or None when it could not be moved (it
    stays where it is). A file set aside earlier in the same second is never replaced."""
    path = Path(path)
    aside = path.with_name(f"{path.name}.damaged-{int(time.time())}")
    while aside.exists():
        aside = aside.with_name(f"{aside.name}-{secrets.token_hex(2)}")
    try:
        os.rename(path, aside)
    except OSError:
        return None
    return aside


def aside_note(aside: Path | None) -> str:
    """How a grown-up's note ends after `set_aside`: where the damaged file is now."""
    return f"it was kept as {aside.name}" if aside is not None else "it could not be moved aside"
