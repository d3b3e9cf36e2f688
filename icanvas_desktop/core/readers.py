"""What every file reader in iCanvas shares, so that no file can stop the app.

A file may be written by a person, a school's script, a newer iCanvas, a crashing disk or
someone hostile. Each reader (settings, profiles, badges, the gallery's manifests, strokes and
pictures, style and colour-index headers, the ONNX graph, raster sketches) promises one thing:
it returns good data or raises its own module's friendly error, never anything else. The tools:

- `guarded(make_error)`: a context manager that turns *any* exception (RecursionError from a
  deeply nested file, OverflowError from `1e999`, a library's private error type...) into the
  module's error, keeping the original as `__cause__` for the log;
- `read_limited(path, max_bytes)`: refuses a folder, a device or a file far larger than the
  thing it claims to be before reading it (a FIFO or /dev/zero would never end);
- `open_picture(data, what)`: a picture decoded with a size cap, or `UnreadableFile`;
- `short_repr(value)`: a bad value shown in a warning without recursing into it;
- `folder_problem(path)`: why a folder named in a file (the drawings' `savedir`) cannot be
  used, before anything is written there.

Stdlib and Pillow only: core/ stays free of Qt and torch.
"""

from __future__ import annotations

import io
import os
import reprlib
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from PIL import Image

MAX_PIXELS = 25_000_000          # ~5000x5000: far above any canvas, far below a decompression bomb
MAX_PICTURE_BYTES = 200 * 1024 * 1024   # a phone photo is ~10 MB; a bigger "picture" is not one
# Formats a picture may be in. Not every format Pillow knows: EPS and PDF would start
# Ghostscript, and the rarer plug-ins are where decoder bugs live.
PICTURE_FORMATS = ("PNG", "JPEG", "BMP", "GIF", "WEBP", "TIFF")


class UnreadableFile(Exception):
    """A file that cannot be used. str() is what to tell a person: a reason to put after the
    file's name ("is too large (3,000,000 bytes; at most 1,048,576)"), or for a picture a
    sentence ("The drawing is damaged and cannot be shown."); `reason` is always the short
    form ("it is damaged")."""

    def __init__(self, message: str, reason: str | None = None):
        super().__init__(message)
        self.reason = reason or message


@contextmanager
def guarded(make_error: Callable[[BaseException], BaseException],
            passthrough: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
    """Inside the block, any exception but `passthrough` (the module's own friendly errors,
    already worded) becomes `make_error(exc)`, raised from it. KeyboardInterrupt and
    SystemExit are not Exceptions and pass as they are."""
    try:
        yield
    except passthrough:
        raise
    except Exception as err:  # noqa: BLE001 - the point: whatever a bad file makes a library raise
        raise make_error(err) from err


def describe(err: BaseException) -> str:
    """A short technical reason for a log line or a grown-up's message."""
    if isinstance(err, RecursionError):
        return "it is nested too deeply"
    if isinstance(err, MemoryError):
        return "it is too large"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    return f"{type(err).__name__}: {text[:200]}" if text else type(err).__name__


def read_limited(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. Raises FileNotFoundError when it is
    absent (most callers treat that as "no file yet") and UnreadableFile for everything else."""
    path = Path(path)
    try:
        # stat before open: opening a FIFO would wait for a writer that never comes.
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("cannot be read (it is a folder, not a file)")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("cannot be read (it is not a regular file)")
        if info.st_size > max_bytes:
            raise UnreadableFile(f"is too large ({info.st_size:,} bytes; at most {max_bytes:,})")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)      # the file may have grown since stat
    except FileNotFoundError:
        raise
    except OSError as err:
        raise UnreadableFile(f"cannot be read ({err.strerror or err})") from err
    except ValueError as err:                 # a NUL in the path
        raise UnreadableFile(f"cannot be read ({err})") from err
    if len(data) > max_bytes:
        raise UnreadableFile(f"is too large (more than {max_bytes:,} bytes)")
    return data


def open_picture(data: bytes, what: str = "picture", max_pixels: int = MAX_PIXELS,
                 formats: tuple[str, ...] = PICTURE_FORMATS) -> Image.Image:
    """A fully decoded PIL image, or UnreadableFile ("The drawing is damaged and cannot be
    shown."). The size is checked from the header before any pixel is decoded."""
    from PIL import Image

    def damaged(err: BaseException) -> UnreadableFile:
        if isinstance(err, (Image.DecompressionBombError, MemoryError)):
            return UnreadableFile(f"The {what} is far too big to open.", "it is far too big")
        return UnreadableFile(f"The {what} is damaged and cannot be shown.", "it is damaged")

    with guarded(damaged, passthrough=(UnreadableFile,)):
        img = Image.open(io.BytesIO(data), formats=list(formats))
        width, height = img.size
        if width < 1 or height < 1:
            raise UnreadableFile(f"The {what} is empty.", "it is empty")
        if width * height > max_pixels:
            raise UnreadableFile(f"The {what} is far too big to open ({width} x {height}).",
                                 f"it is far too big ({width} x {height})")
        img.load()
        return img


def read_picture(path: str | os.PathLike, what: str = "picture") -> Image.Image:
    """A picture file (a scanned or photographed sketch) decoded, or UnreadableFile."""
    try:
        data = read_limited(path, MAX_PICTURE_BYTES)
    except FileNotFoundError:
        raise UnreadableFile(f"The {what} does not exist.", "it does not exist") from None
    return open_picture(data, what)


def folder_problem(path: Path) -> str | None:
    """Why `path` cannot hold the drawings, or None. An existing folder is fine even when it is
    read-only (the gallery shows what is there and says why it cannot save); a missing one
    must be possible to make."""
    try:
        if path.exists():
            return None if path.is_dir() else "is a file, not a folder"
        parent = path.parent
        while not parent.exists():
            if parent == parent.parent:          # nothing of it exists: no such drive or share
                return f"cannot be made ({parent} is not there)"
            parent = parent.parent
        if not parent.is_dir():
            return f"cannot be made ({parent} is a file, not a folder)"
        if not os.access(parent, os.W_OK | os.X_OK):
            return f"cannot be made ({parent} is read-only)"
    except (OSError, ValueError) as err:
        return f"cannot be used ({describe(err)})"
    return None


_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = 6


def short_repr(value: object) -> str:
    """repr() for a warning: at most a line, and never a RecursionError on a deep value."""
    try:
        return _REPR.repr(value)
    except Exception:  # noqa: BLE001 - an object whose repr fails is still just "a bad value"
        return f"<{type(value).__name__}>"
