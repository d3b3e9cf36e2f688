"""Fuzz every file reader of iCanvas: the promise is that a bad file never stops it.

Each reader gets bytes for one file, puts them where iCanvas would find them, and reads them
the way the app does (then uses what it got: lists the gallery, opens the creation, builds
the style's entry, turns the picture into lines). It must give good data or raise its own
module's friendly error; any other exception, or a broken promise about the data, is a crash.

The bytes are random, a good sample cut short, a good sample with a few bytes changed, a
good document with one value swapped for another type, and values nested thousands deep.

tests/test_fuzz_readers.py runs every reader for a few seconds in CI. This script runs many
more cases and prints cases, crashes and the slowest case per reader (the figures in
docs/robustness.md):

    nice -n 5 python tests/fuzz_readers.py --cases 10000
    python tests/fuzz_readers.py --reader settings --cases 500 --save /tmp/crashes
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from fuzz_samples import (  # noqa: E402
    CREATION_FILES, JSON_DOCS, PICTURES, RawJSON, creation_template, dump, index_bytes,
    onnx_bytes, style_bytes, style_meta,
)

# ------------------------------------------------------------------------ how bytes go wrong
JSON_LEAVES = (st.none() | st.booleans() | st.integers() | st.floats()
               | st.sampled_from([10 ** 400, -1, 0, 1e308, "", "\x00", "../../x", "é" * 3]) | st.text(max_size=12))
json_values = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def deep(open_: str, close: str, inner: str = "1") -> st.SearchStrategy[str]:
    """A value nested 1 to 20,000 deep: past every recursion limit."""
    return st.integers(1, 20_000).map(lambda n: open_ * n + inner + close * n)


deep_json = deep("[", "]") | deep('{"a":', "}")


def truncated(sample: bytes) -> st.SearchStrategy[bytes]:
    return st.integers(0, max(0, len(sample) - 1)).map(lambda n: sample[:n])


def edited(sample: bytes) -> st.SearchStrategy[bytes]:
    """The sample with 1-8 bytes replaced, inserted or deleted."""
    edit = st.tuples(st.sampled_from("rid"), st.integers(0, max(0, len(sample) - 1)), st.integers(0, 255))

    def apply(edits) -> bytes:
        out = bytearray(sample)
        for kind, at, value in edits:
            at = min(at, len(out))
            if kind == "r" and at < len(out):
                out[at] = value
            elif kind == "i":
                out[at:at] = bytes([value])
            elif out:
                del out[min(at, len(out) - 1)]
        return bytes(out)
    return st.lists(edit, min_size=1, max_size=8).map(apply)


def damaged(sample: bytes, max_junk: int = 4096) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=max_junk), truncated(sample), edited(sample))


def swapped(doc: dict, keys: list[list[str]]) -> st.SearchStrategy[dict]:
    """The document with the value at one of `keys` (a path of keys) replaced by any JSON value
    or a deeply nested one (kept as raw text, spliced in when the document is written)."""
    def put(path, value):
        out = json.loads(json.dumps(doc))
        node = out
        for k in path[:-1]:
            node = node[k] if isinstance(node, dict) else node[int(k)]
        if isinstance(node, list):
            node[int(path[-1])] = value
        else:
            node[path[-1]] = value
        return out
    return st.builds(put, st.sampled_from(keys), json_values | deep_json.map(RawJSON))


def json_file(name: str) -> st.SearchStrategy[bytes]:
    """A JSON file damaged as bytes, with one value swapped, or nothing but nesting."""
    doc, keys, wrap = JSON_DOCS[name]()
    wrap = wrap or (lambda b: b)
    return st.one_of(damaged(wrap(dump(doc))), swapped(doc, keys).map(lambda d: wrap(dump(d))),
                     deep_json.map(lambda t: wrap(t.encode())))


# ------------------------------------------------------------------------------ the readers
@dataclass(frozen=True)
class Reader:
    name: str
    files: Callable[[], st.SearchStrategy[bytes]]   # built lazily: samples cost a moment
    read: Callable[[bytes, Path], None]             # raises a friendly error, or returns
    friendly: Callable[[], tuple[type[BaseException], ...]]


def _settings_file() -> st.SearchStrategy[bytes]:
    import tomli_w
    from icanvas_desktop.core.settings_schema import KEYS
    keys = st.sampled_from(list(KEYS) + ["locked", "schema_version", "kiosk", "language",
                                         "big_buttons"]) | st.text(max_size=10)
    toml_leaves = (st.booleans() | st.integers(-2 ** 63, 2 ** 63 - 1) | st.floats() | st.text(max_size=20)
                   | st.sampled_from(["\x00/x", "~/x\x00", "/dev/null", "/proc/1/x", "/" + "a" * 5000,
                                      "$HOME/Drawings", "*", "ko", "big", "cuda"]))
    toml_values = st.recursive(toml_leaves, lambda inner: st.lists(inner, max_size=4)
                               | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=10)
    docs = st.dictionaries(keys, toml_values, max_size=8).map(
        lambda d: tomli_w.dumps(d).encode("utf-8"))
    sample = b'schema_version = 2\nlang = "ko"\nsavedir = "~/Drawings"\nlocked = ["noquit"]\n'
    nested = (deep("[", "]") | deep("{a=", "}")).map(lambda v: f"x = {v}\n".encode())
    return st.one_of(docs, damaged(sample), nested)


def _read_settings(data: bytes, tmp: Path) -> None:
    from icanvas_desktop.core.settings import Settings, load_settings
    (tmp / "system.toml").write_bytes(data)
    (tmp / "user.toml").write_bytes(data)
    loaded = load_settings(system_path=tmp / "system.toml", user_path=tmp / "user.toml")
    assert isinstance(loaded.settings, Settings)
    assert "\0" not in str(loaded.settings.savedir), "a NUL reached the gallery's path"
    assert all(isinstance(w, str) and len(w) < 2000 for w in loaded.warnings)
    assert len(loaded.warnings) <= 60


def _read_profiles(data: bytes, tmp: Path) -> None:
    from icanvas_desktop.core.profiles import Profiles
    (tmp / "profiles.json").write_bytes(data)
    profiles = Profiles(tmp)
    for p in profiles.list():
        assert isinstance(p.display_name("ko"), str)
    profiles.add("cat")                       # the children can go on after the damage
    assert Profiles(tmp).current is not None


def _read_badges(data: bytes, tmp: Path) -> None:
    from icanvas_desktop.core.badges import EventLog, History, evaluate
    (tmp / "events.json").write_bytes(data)
    log = EventLog(tmp)
    evaluate(History.of([], log.events()))
    log.record("replayed", "p-1")


def _gallery_reader(*names: str):
    """Replace files of a good creation (with matching checksums most of the time, so the
    decoder is what gets tested) and use the gallery as the app does."""
    def read(data: bytes, tmp: Path) -> None:
        import hashlib
        import shutil
        from icanvas_desktop.core.gallery import Gallery
        from icanvas_desktop.core.raster import sketch_image
        from icanvas_desktop.core.replay import replay_frames
        root = tmp / "gallery"
        shutil.copytree(creation_template(), root)
        folder = next((root / "entries").iterdir())
        for name in names:
            (folder / name).write_bytes(data)
            if name in ("strokes.json", "result.png") and data[-1:] != b"!":   # a few keep the old checksum
                m = json.loads((folder / "manifest.json").read_text())
                m["files"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                (folder / "manifest.json").write_text(json.dumps(m))
        gallery = Gallery(root)
        for entry in gallery.list():
            creation = gallery.load(entry.id)
            sketch_image(creation.drawing(), (64, 48))      # the strokes can be drawn again
            frames = replay_frames(creation.stroke_objects(), creation.canvas_size, creation.result)
            list(itertools.islice(frames, 3))                # ... and replayed
            gallery.thumbnail(entry.id)
        for problem in gallery.take_problems():
            assert problem.code and problem.message
    return read


def _read_style(data: bytes, tmp: Path) -> None:
    from icanvas_desktop.ml.styles import scan
    (tmp / "x.safetensors").write_bytes(data)
    styles, problems = scan(tmp)               # what the app does at start-up
    for s in styles:
        assert isinstance(s.display_title("ko"), str) and isinstance(s.name, str)
        assert isinstance(s.metrics, dict) and isinstance(s.takes_hints, bool)


def _read_index(data: bytes, tmp: Path) -> None:
    from icanvas_desktop.ml.colour_guess import load_index
    from icanvas_desktop.ml.styles import index_data
    (tmp / "x.colours.safetensors").write_bytes(data)
    assert isinstance(index_data(tmp / "x.colours.safetensors"), dict)   # the About box's read
    index = load_index(tmp / "x.colours.safetensors")
    assert index.silhouettes.shape[1:] == (32, 32)


def _read_onnx(data: bytes, tmp: Path) -> None:
    import onnxruntime
    from icanvas_desktop.ml.backends import OnnxBackend
    onnxruntime.set_default_logger_severity(3)      # its warnings about each damaged graph: noise
    (tmp / "x.safetensors").write_bytes(style_bytes())
    (tmp / "x.onnx").write_bytes(data)
    OnnxBackend(threads=1).load(tmp / "x.safetensors")


def _read_raster(data: bytes, tmp: Path) -> None:
    from icanvas_desktop.core.readers import read_picture
    from icanvas_desktop.ml.preprocess import raster_sketch
    (tmp / "sketch").write_bytes(data)
    sketch = raster_sketch(read_picture(tmp / "sketch"), max_side=128)
    assert sketch.skeleton.ndim == 2


def _style_file() -> st.SearchStrategy[bytes]:
    meta = style_meta()
    keys = [[k] for k in meta] + [["title", "en"], ["io", "hints"], ["data", "license"]]
    typed = swapped(meta, keys).map(lambda m: style_bytes(m))
    return st.one_of(damaged(style_bytes(), 512), typed, json_file("style header"))


def _checkpoint_error():
    from icanvas_desktop.ml.style_meta import CheckpointError
    return (CheckpointError,)


def _gallery_error():
    from icanvas_desktop.core.gallery import GalleryError
    return (GalleryError,)


def _unreadable():
    from icanvas_desktop.core.readers import UnreadableFile
    return (UnreadableFile,)


READERS: tuple[Reader, ...] = (
    Reader("settings", _settings_file, _read_settings, lambda: ()),      # never raises at all
    Reader("profiles", lambda: json_file("profiles.json"), _read_profiles, lambda: ()),
    Reader("badges", lambda: json_file("events.json"), _read_badges, lambda: ()),
    Reader("gallery manifest", lambda: json_file("manifest.json"), _gallery_reader("manifest.json"),
           _gallery_error),
    Reader("strokes", lambda: json_file("strokes.json"), _gallery_reader("strokes.json"), _gallery_error),
    Reader("gallery pictures", lambda: st.one_of(*(damaged(CREATION_FILES()[n], 1024) for n in
                                                  ("sketch.png", "result.png", "thumb.png"))),
           _gallery_reader("result.png", "thumb.png"), _gallery_error),
    Reader("style metadata", _style_file, _read_style, _checkpoint_error),
    Reader("colour index", lambda: damaged(index_bytes(), 512) | json_file("index header"), _read_index,
           _checkpoint_error),
    Reader("onnx graph", lambda: damaged(onnx_bytes(), 512), _read_onnx, _checkpoint_error),
    Reader("raster sketches", lambda: st.one_of(*(damaged(p, 512) for p in PICTURES().values())),
           _read_raster, _unreadable),
)


def run_case(reader: Reader, data: bytes) -> str | None:
    """None when the reader kept its promise, else the traceback of what escaped."""
    with tempfile.TemporaryDirectory(prefix="icanvas-fuzz-") as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")       # Pillow warns of corrupt EXIF: not a crash
        try:
            reader.read(data, Path(tmp))
        except reader.friendly():
            return None
        except Exception:  # noqa: BLE001 - that is what is being looked for
            return traceback.format_exc()
    return None


# ------------------------------------------------------------------------------ the long run
def fuzz(reader: Reader, cases: int, seed_value: int, save: Path | None) -> dict:
    tried, crashes, slowest = 0, [], (0.0, b"")

    @seed(seed_value)
    @settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(reader.files())
    def one(data: bytes) -> None:
        nonlocal tried, slowest
        tried += 1
        start = time.perf_counter()
        crash = run_case(reader, data)
        took = time.perf_counter() - start
        if took > slowest[0]:
            slowest = (took, data)
        if crash:
            crashes.append(crash)
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{reader.name.replace(' ', '_')}-{len(crashes)}.bin").write_bytes(data)
    one()
    if save:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{reader.name.replace(' ', '_')}-slowest.bin").write_bytes(slowest[1])
    kinds = sorted({c.strip().splitlines()[-1][:160] for c in crashes})
    return {"reader": reader.name, "cases": tried, "crashes": len(crashes),
            "slowest_ms": round(slowest[0] * 1000, 1), "kinds": kinds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_000, help="cases per reader")
    ap.add_argument("--reader", action="append", help="only this reader (repeatable)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--save", type=Path, help="keep each crashing file, and the slowest, in this folder")
    ap.add_argument("--json", action="store_true", help="one JSON object per reader")
    ns = ap.parse_args(argv)
    os.environ.setdefault("ICANVAS_SYSTEM_CONFIG", "")
    chosen = [r for r in READERS if not ns.reader or r.name in ns.reader]
    if not chosen:
        ap.error("readers: " + ", ".join(r.name for r in READERS))
    total = 0
    print(f"{'reader':18} {'cases':>7} {'crashes':>8} {'slowest':>10}", flush=True)
    for reader in chosen:
        start = time.perf_counter()
        result = fuzz(reader, ns.cases, ns.seed, ns.save)
        result["seconds"] = round(time.perf_counter() - start, 1)
        total += result["crashes"]
        if ns.json:
            print(json.dumps(result), flush=True)
        else:
            print(f"{reader.name:18} {result['cases']:>7} {result['crashes']:>8} "
                  f"{result['slowest_ms']:>8} ms  ({result['seconds']} s)", flush=True)
            for kind in result["kinds"]:
                print(f"    {kind}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
