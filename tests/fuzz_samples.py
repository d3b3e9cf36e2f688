"""Good files of every kind iCanvas reads, for tests/fuzz_readers.py to damage.

Each sample is made once per process, small, and without torch: a creation in a gallery,
profiles, the badge diary, a style's safetensors header, a colour index, an ONNX graph and
sketches in every picture format and mode a school might scan or photograph.
"""

from __future__ import annotations

import atexit
import functools
import io
import json
import shutil
import struct
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw


class RawJSON(str):
    """Text that goes into a JSON document as it is (a nesting too deep for json.dumps)."""


def dump(doc) -> bytes:
    """json.dumps, with RawJSON values spliced in as they are."""
    raw: list[str] = []

    def walk(v):
        if isinstance(v, RawJSON):
            raw.append(v)
            return f"@@RAW{len(raw) - 1}@@"
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v
    text = json.dumps(walk(doc))
    for i, r in enumerate(raw):
        text = text.replace(f'"@@RAW{i}@@"', r)
    return text.encode("utf-8", "surrogatepass")


# --------------------------------------------------------------------------------- gallery
@functools.cache
def creation_template() -> Path:
    """A gallery root holding one good creation (strokes, a hint stroke, a sticker)."""
    from icanvas_desktop.core.gallery import Gallery
    from icanvas_desktop.core.strokes import HINT, Drawing, Point, Stroke
    root = Path(tempfile.mkdtemp(prefix="icanvas-fuzz-template-"))
    atexit.register(shutil.rmtree, root, True)
    drawing = Drawing(64, 48, [
        Stroke([Point(5, 5, 0.8, 0.0), Point(50, 40, 1.0, 0.2), Point(60, 10, 0.5, 0.4)], 4.0),
        Stroke([Point(20, 20), Point(30, 25)], 6.0, HINT, (250, 20, 20)),
    ])
    sketch = Image.new("RGB", (64, 48), "white")
    ImageDraw.Draw(sketch).line([(5, 5), (50, 40)], fill="black", width=3)
    result = Image.new("RGB", (64, 48), (250, 200, 40))
    Gallery(root / "gallery").add(sketch, result, drawing.to_dict(), "sticker", "p-1",
                                  stickers=[{"challenge": "cat", "when": "2024-05-01"}])
    return root / "gallery"


def _folder() -> Path:
    return next((creation_template() / "entries").iterdir())


@functools.cache
def CREATION_FILES() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in _folder().iterdir()}


def _paths(doc, prefix=()) -> list[list[str]]:
    """Every key path in a JSON document (list items by their index, as text)."""
    out = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for k, v in items:
        path = list(prefix) + [str(k)]
        out.append(path)
        out.extend(_paths(v, path))
    return out


def _profiles():
    doc = {"schema_version": 1, "current": "p-1", "profiles": [
        {"id": "p-1", "avatar": "cat", "name": "Mina", "created": "2024-05-01T10:00:00+09:00",
         "badges": {"first_picture": "2024-05-01T10:05:00+09:00"}},
        {"id": "p-2", "avatar": "owl", "name": "", "created": "", "badges": {}}]}
    return doc, _paths(doc), None


def _events():
    doc = {"schema_version": 1, "events": [
        {"kind": "replayed", "when": "2024-05-01T10:00:00+09:00", "profile": "p-1", "data": {}},
        {"kind": "challenge_done", "when": "2024-05-02T09:00:00", "profile": "p-1",
         "data": {"challenge": "cat"}}]}
    return doc, _paths(doc), None


def _creation_json(name: str):
    def make():
        doc = json.loads(CREATION_FILES()[name])
        return doc, _paths(doc), None
    return make


def _header(sample):
    """The JSON header of a safetensors file; `wrap` puts it back between its length and the
    tensor data."""
    def make():
        raw = sample()
        (n,) = struct.unpack("<Q", raw[:8])
        doc, data = json.loads(raw[8:8 + n]), raw[8 + n:]

        def wrap(header: bytes) -> bytes:
            return struct.pack("<Q", len(header)) + header + data
        return doc, _paths(doc), wrap
    return make


JSON_DOCS = {"profiles.json": _profiles, "events.json": _events,
             "manifest.json": _creation_json("manifest.json"),
             "strokes.json": _creation_json("strokes.json"),
             "style header": _header(lambda: style_bytes()), "index header": _header(lambda: index_bytes())}


# ------------------------------------------------------------------------ styles and models
def style_meta() -> dict:
    from icanvas_desktop.ml.preprocess import IOSpec
    return {"name": "tiny", "arch": "fast_unet", "arch_config": {"in_ch": 5, "channels": [8, 16]},
            "io": IOSpec(size=64, final_size=128, hints=True).to_meta(),
            "title": {"en": "Tiny", "ko": "작은"}, "description": {"en": "A test style"},
            "data": {"license": "test", "attribution": "made in a test", "dataset": "none"},
            "license": "test only", "recipe": {"steps": 1}, "metrics": {"augmented": {"ssim": 0.5}}}


def style_bytes(meta: dict | None = None) -> bytes:
    """A safetensors style file of one tiny tensor; JSON values may hold RawJSON."""
    from safetensors.numpy import save
    from icanvas_desktop.ml.style_meta import FORMAT, FORMAT_VERSION, JSON_KEYS
    meta = style_meta() if meta is None else meta
    enc = {"format": FORMAT, "format_version": str(FORMAT_VERSION)}
    for k, v in meta.items():
        enc[k] = dump(v).decode("utf-8", "surrogatepass") if k in JSON_KEYS else str(v)
    return save({"w": np.zeros((2, 2), np.float16)}, metadata=enc)


@functools.cache
def index_bytes() -> bytes:
    from safetensors.numpy import save
    from icanvas_desktop.ml import colour_guess as cg
    rng = np.random.default_rng(0)
    arrays = {"silhouettes": rng.integers(0, 256, (3, cg.GRID * cg.GRID // 8), dtype=np.uint8),
              "lines": rng.integers(0, 256, (3, cg.GRID * cg.GRID // 8), dtype=np.uint8),
              "layouts": rng.integers(0, 256, (3, cg.COLOUR_GRID, cg.COLOUR_GRID), dtype=np.uint8),
              "palette": rng.integers(0, 256, (256, 3), dtype=np.uint8)}
    meta = {"format": cg.FORMAT, "format_version": str(cg.FORMAT_VERSION),
            "data": json.dumps({"dataset": "none", "license": "test"})}
    return save(arrays, metadata=meta)


@functools.cache
def onnx_bytes() -> bytes:
    """A graph with a style's shape of input and output (5 channels in, 3 out)."""
    import onnx
    from onnx import TensorProto, helper
    weight = helper.make_tensor("w", TensorProto.FLOAT, [3, 5, 1, 1], [0.1] * 15)
    graph = helper.make_graph(
        [helper.make_node("Conv", ["sketch", "w"], ["conv"]), helper.make_node("Tanh", ["conv"], ["picture"])],
        "tiny", [helper.make_tensor_value_info("sketch", TensorProto.FLOAT, [1, 5, 64, 64])],
        [helper.make_tensor_value_info("picture", TensorProto.FLOAT, [1, 3, 64, 64])], [weight])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString()


# ---------------------------------------------------------------------------------- pictures
@functools.cache
def PICTURES() -> dict[str, bytes]:
    """One small sketch (lines and a coloured-in blob) in each format and mode."""
    base = Image.new("RGB", (40, 32), "white")
    d = ImageDraw.Draw(base)
    d.ellipse((6, 6, 30, 26), outline="black", width=2)
    d.rectangle((12, 12, 20, 18), fill=(230, 40, 40))

    def save(img: Image.Image, fmt: str, **kw) -> bytes:
        buf = io.BytesIO()
        img.save(buf, fmt, **kw)
        return buf.getvalue()
    exif = Image.Exif()
    exif[0x0112] = 6                                  # a phone held upright
    grey16 = Image.fromarray((np.asarray(base.convert("L"), np.uint16) * 257))
    return {
        "png": save(base, "PNG"), "png-rgba": save(base.convert("RGBA"), "PNG"),
        "png-la": save(base.convert("LA"), "PNG"), "png-1bit": save(base.convert("1"), "PNG"),
        "png-16bit": save(grey16, "PNG"), "png-palette": save(base.convert("P"), "PNG"),
        "jpeg-exif": save(base, "JPEG", exif=exif), "bmp": save(base, "BMP"),
        "gif": save(base.convert("P"), "GIF"), "webp": save(base, "WEBP"),
        "tiff-float": save(Image.fromarray(np.asarray(base.convert("L"), np.float32) / 255), "TIFF"),
        "tiff-cmyk": save(base.convert("CMYK"), "TIFF"),
    }
