"""The files of one creation: what is stored, how it is encoded and decoded, and how a
damaged or foreign file is recognised. No folder operations here: `core/gallery.py` decides
where files go and moves them atomically; this module knows what a good file looks like.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PIL import Image

from icanvas_desktop.core.readers import MAX_PIXELS, UnreadableFile, guarded, open_picture, read_limited
from icanvas_desktop.core.strokes import Drawing, Stroke

SCHEMA_VERSION = 1
MAX_MANIFEST_BYTES = 1024 * 1024  # a manifest is ~1 kB; stickers add a few dozen bytes each
MAX_CANVAS = 8192                # canvas side in pixels: an 8K screen; pictures are drawn at it
MAX_COORD = 100_000.0            # a stroke's points, in canvas pixels: far off any canvas
MAX_PEN = 500.0                  # the thickest pen is 18 px, the eraser a few times that
THUMB_SIZE = 320                 # long side of cached thumbnails, in pixels
ID_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,79}$")
FILE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")   # a file of a creation: no folders
IGNORED = {"thumbs.db", "desktop.ini", ".ds_store"}   # files operating systems drop in folders
REQUIRED = ("sketch.png", "result.png", "strokes.json")

CODES = ("damaged", "missing_files", "bad_manifest", "newer_version", "foreign")


class GalleryError(Exception):
    """A creation that cannot be opened; str() is a friendly sentence, `code` one of CODES."""

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.code = code or (message if message in CODES else "damaged")


@dataclass(frozen=True)
class Problem:
    """Something set aside while reading the gallery. `code` lets the UI pick a translated text:
    damaged | missing_files | bad_manifest | newer_version | foreign."""
    code: str
    name: str         # folder name, printable
    message: str      # friendly English sentence
    detail: str = ""  # technical detail for a grown-up

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Entry:
    """One listed creation, read from its manifest only (cheap: no pictures are decoded)."""
    id: str
    created: datetime
    profile: str
    style: str
    stroke_count: int
    used_hints: bool
    stickers: tuple = ()
    path: Path = Path()


@dataclass
class Creation:
    """A creation opened in full."""
    id: str
    sketch: Image.Image
    result: Image.Image
    strokes: object                 # exactly as given to add() (JSON round trip)
    hints: object                   # as given: JSON data, a PIL image, or None
    style: str
    profile: str
    created: datetime
    canvas_size: tuple[int, int]
    stickers: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def stroke_objects(self) -> list[Stroke]:
        return normalize_strokes(self.strokes)

    def drawing(self) -> Drawing:
        """The strokes as a Drawing, ready for the canvas to keep drawing on."""
        return Drawing(self.canvas_size[0], self.canvas_size[1], self.stroke_objects())


def printable(name: str) -> str:
    """A file name that may hold undecodable bytes, made safe to show."""
    return os.fsencode(name).decode("utf-8", "replace")


def normalize_strokes(strokes) -> list[Stroke]:
    """Accept Drawing.to_dict(), a list of Stroke.to_dict(), a list of point lists, a single
    point list, a Drawing, or Stroke objects; give Stroke objects."""
    if isinstance(strokes, Drawing):
        return list(strokes.strokes)
    if isinstance(strokes, dict):
        strokes = strokes.get("strokes", [])
    strokes = list(strokes or [])
    if strokes and isinstance(strokes[0], dict) and "x" in strokes[0]:
        strokes = [strokes]      # one stroke given as its points
    out = []
    for s in strokes:
        if isinstance(s, Stroke):
            out.append(s)
        elif isinstance(s, dict):
            out.append(Stroke.from_dict(s))
        else:
            out.append(Stroke.from_dict({"points": list(s)}))
    return out


def json_strokes(strokes):
    """The strokes as JSON data, keeping the caller's form where it already is data."""
    if isinstance(strokes, Drawing):
        return strokes.to_dict()
    if isinstance(strokes, (list, tuple)):
        return [s.to_dict() if isinstance(s, Stroke) else s for s in strokes]
    return strokes


def png_bytes(img: Image.Image) -> bytes:
    img = capped(img)
    if img.mode not in ("RGB", "RGBA", "L"):
        img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=3)  # level 3: near-best size at a third of the time
    return buf.getvalue()


def capped(img: Image.Image) -> Image.Image:
    if img.width * img.height <= MAX_PIXELS:
        return img
    scale = (MAX_PIXELS / (img.width * img.height)) ** 0.5
    return img.resize((max(1, int(img.width * scale)), max(1, int(img.height * scale))), Image.LANCZOS)


def write_synced(path: Path, data: bytes) -> None:
    # Inside a private staging folder no reader can see a half file, so a plain write+fsync is
    # enough; the atomic step is the folder rename that follows.
    with open(path, "xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def open_image(data: bytes, what: str) -> Image.Image:
    """A picture of a creation (always PNG: `png_bytes` wrote it), or GalleryError."""
    try:
        return open_picture(data, what, MAX_PIXELS, formats=("PNG",))
    except UnreadableFile as err:
        raise GalleryError(str(err)) from err.__cause__


MESSAGES = {   # the friendly English sentence for each code
    "damaged": "A creation's picture file is damaged, so it was set aside",
    "missing_files": "A creation is missing some of its files, so it was set aside",
    "bad_manifest": "A creation's description file cannot be read, so it was set aside",
    "newer_version": "A creation was made by a newer iCanvas; it is kept but not shown",
    "foreign": "A folder that is not a creation was found in the gallery and set aside",
}


def read_manifest(folder: Path) -> dict:
    """A creation's manifest, checked for shape and version (GalleryError with a code if not):
    a dict whose `files` maps names to {"size": int, "sha256": str} and whose `stickers`, if
    any, is a list. Any other surprise in the file is "bad_manifest" too."""
    try:
        raw = read_limited(folder / "manifest.json", MAX_MANIFEST_BYTES)
    except FileNotFoundError:
        raise GalleryError("missing_files") from None
    except UnreadableFile as err:
        raise GalleryError("bad_manifest") from err
    with guarded(lambda err: GalleryError("bad_manifest"), passthrough=(GalleryError,)):
        m = json.loads(raw.decode("utf-8"))
        if not isinstance(m, dict) or not isinstance(m.get("files"), dict):
            raise GalleryError("bad_manifest")
        v = m.get("schema_version")
        if not isinstance(v, int) or isinstance(v, bool) or v < 1:
            raise GalleryError("bad_manifest")
        if v > SCHEMA_VERSION:
            raise GalleryError("newer_version")
        for name, info in m["files"].items():
            if not (FILE_RE.fullmatch(name) and isinstance(info, dict) and type(info.get("size")) is int
                    and isinstance(info.get("sha256"), str)):
                raise GalleryError("bad_manifest")
        if not isinstance(m.get("stickers", []), list):
            raise GalleryError("bad_manifest")
        return m


def entry_of(m: dict, name: str, path: Path) -> Entry:
    """The listed facts of a checked manifest (GalleryError "bad_manifest" if they are not)."""
    with guarded(lambda err: GalleryError("bad_manifest")):
        created = m["created"]
        if not isinstance(created, str):
            raise TypeError("created is not a date")
        return Entry(id=name, created=datetime.fromisoformat(created), profile=str(m.get("profile", "")),
                     style=str(m.get("style", "")), stroke_count=int(m.get("stroke_count", 0)),
                     used_hints=bool(m.get("used_hints", False)),
                     stickers=tuple(m.get("stickers", [])), path=path)


def read_strokes(data: bytes, canvas: tuple[int, int]) -> tuple[object, object]:
    """(strokes, hints) of a creation's strokes.json, checked to make Stroke objects that can
    be drawn again on `canvas` (GalleryError "damaged" if they do not): a pen 1e300 wide
    overflowed the rasteriser, and one far wider than the canvas took minutes to replay."""
    with guarded(lambda err: GalleryError("damaged"), passthrough=(GalleryError,)):
        doc = json.loads(data.decode("utf-8"))
        strokes, hints = doc["strokes"], doc.get("hints")
        for stroke in normalize_strokes(strokes):
            if not drawable(stroke, canvas):
                raise GalleryError("damaged")
        return strokes, hints


def drawable(stroke: Stroke, canvas: tuple[int, int]) -> bool:
    """Whether a stroke read from a file can be drawn: finite numbers, a pen no wider than
    MAX_PEN nor than the canvas, points within MAX_COORD of it and an RGB colour."""
    if not (math.isfinite(stroke.width) and 0 <= stroke.width <= min(MAX_PEN, max(canvas))):
        return False
    if len(stroke.color) != 3 or not all(0 <= c <= 255 for c in stroke.color):
        return False
    return all(abs(p.x) <= MAX_COORD and abs(p.y) <= MAX_COORD   # False for NaN too
               and math.isfinite(p.pressure) and math.isfinite(p.t) for p in stroke.points)


def canvas_of(m: dict, sketch: Image.Image) -> tuple[int, int]:
    """The canvas size the strokes were drawn on: the manifest's, else the sketch's."""
    with guarded(lambda err: GalleryError("bad_manifest")):
        w, h = (int(v) for v in m.get("canvas", (sketch.width, sketch.height)))
        if not (0 < w <= MAX_CANVAS and 0 < h <= MAX_CANVAS):
            raise ValueError(f"canvas {w} x {h}")
        return w, h
