"""Read and validate a style file's self-describing metadata without torch.

A style is one `.safetensors` file whose header metadata says everything needed to load and
credit it: format version, architecture and config, input/output convention, titles, data
source and licence, training recipe and measured quality. Reading the header costs one small
read, so the app can list every style at start-up without loading any weights.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

from icanvas_desktop.core.readers import describe, guarded, short_repr

FORMAT = "icanvas-style"
FORMAT_VERSION = 1
MAX_HEADER = 16 * 1024 * 1024  # real headers are a few kB; anything huge is hostile or broken
JSON_KEYS = ("arch_config", "io", "title", "description", "data", "recipe", "metrics")


class CheckpointError(Exception):
    """A style file that cannot be used; the message names the file and says why."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{Path(path).name}: {reason}")
        self.path = Path(path)
        self.reason = reason


def read_header(path: Path | str) -> tuple[dict, dict]:
    """(tensor table, metadata) of a safetensors file, checked for sanity: every tensor has
    whole-number offsets inside the file, and the metadata maps strings to strings (the
    safetensors format says so). Raises CheckpointError only, whatever the file holds."""
    path = Path(path)
    with guarded(lambda err: CheckpointError(path, f"its header is damaged ({describe(err)})"),
                 passthrough=(CheckpointError,)):
        return _read_header(path)


def _read_header(path: Path) -> tuple[dict, dict]:
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            raw = f.read(8)
            if len(raw) < 8:
                raise CheckpointError(path, "the file is too short to be a style (truncated?)")
            (n,) = struct.unpack("<Q", raw)
            if n <= 0 or n > MAX_HEADER or 8 + n > size:
                raise CheckpointError(path, "the file is not a safetensors style, or it is truncated")
            header = f.read(n)
    except (OSError, ValueError) as err:     # ValueError: a NUL in the path
        raise CheckpointError(path, f"cannot be read ({describe(err)})") from err
    try:
        table = json.loads(header.decode("utf-8"))
        if not isinstance(table, dict):
            raise ValueError("header is not an object")
    except (UnicodeDecodeError, ValueError) as err:
        raise CheckpointError(path, f"its header is damaged ({err})") from err
    meta = table.pop("__metadata__", None) or {}
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise CheckpointError(path, "its metadata is damaged")
    end = 8 + n
    for name, info in table.items():
        offsets = info.get("data_offsets") if isinstance(info, dict) else None
        if not (isinstance(offsets, list) and len(offsets) == 2
                and all(type(v) is int for v in offsets)):
            raise CheckpointError(path, f"tensor {name!r} has no valid offsets")
        a, b = offsets
        if not (0 <= a <= b and end + b <= size):
            raise CheckpointError(path, "the file is truncated (tensor data is missing)")
    return table, meta


# What each JSON value must be for the app to use it: StyleInfo reads these without asking.
_TEXTS = ("title", "description")          # {"en": "Sticker", "ko": "스티커"}


def decode_metadata(path: Path | str, meta: dict) -> dict:
    """Parse the string metadata into typed values and check the format: every JSON value
    is an object, and titles and descriptions map languages to text. CheckpointError only."""
    with guarded(lambda err: CheckpointError(path, f"its metadata is damaged ({describe(err)})"),
                 passthrough=(CheckpointError,)):
        return _decode_metadata(path, meta)


def _decode_metadata(path: Path | str, meta: dict) -> dict:
    if meta.get("format") != FORMAT:
        raise CheckpointError(path, "this is not an iCanvas style (no style metadata); "
                                    "use `icanvas import-pix2pix` for pix2pix weights")
    try:
        version = int(meta.get("format_version", "0"))
    except ValueError:
        version = 0
    if version < 1 or version > FORMAT_VERSION:
        raise CheckpointError(path, f"style format version {short_repr(meta.get('format_version'))} is "
                                    f"not supported by this iCanvas (it reads up to {FORMAT_VERSION})")
    out: dict = dict(meta)
    out["format_version"] = version
    for key in JSON_KEYS:
        try:
            out[key] = json.loads(meta.get(key, "{}"))
        except ValueError:
            raise CheckpointError(path, f"its {key!r} metadata is damaged") from None
        if not isinstance(out[key], dict):
            raise CheckpointError(path, f"its {key!r} metadata is damaged (not an object)")
    for key in _TEXTS:
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in out[key].items()):
            raise CheckpointError(path, f"its {key!r} metadata is damaged (not text)")
    if "arch" not in meta:
        raise CheckpointError(path, "its architecture is not described")
    return out


def encode_metadata(meta: dict) -> dict[str, str]:
    """Inverse of `decode_metadata`: every value becomes a string, dicts become JSON."""
    enc = {"format": FORMAT, "format_version": str(FORMAT_VERSION)}
    for k, v in meta.items():
        if k in ("format", "format_version"):
            continue
        enc[k] = json.dumps(v, ensure_ascii=False, sort_keys=True) if k in JSON_KEYS else str(v)
    return enc


def read_metadata(path: Path | str) -> dict:
    return decode_metadata(path, read_header(path)[1])
