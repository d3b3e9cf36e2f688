"""Every file reader keeps its promise under damaged and hostile files (issue 23).

Each reader of tests/fuzz_readers.py gets a few seconds of hypothesis cases here (random
bytes, truncations, byte edits, type confusion, deep nesting): it gives good data or its
module's friendly error, never anything else. The long run is `python tests/fuzz_readers.py`.
Below them, the files the fuzzing found that once stopped iCanvas, kept as plain cases.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from icanvas_desktop.core.gallery import Gallery, GalleryError

sys.path.insert(0, str(Path(__file__).parent))   # --import-mode=importlib adds no test folder
import fuzz_readers as fz  # noqa: E402
from fuzz_samples import CREATION_FILES, creation_template, index_bytes, style_bytes  # noqa: E402

# Cases per reader in CI: about two seconds each on a busy two-core machine.
CI_CASES = {"gallery manifest": 60, "strokes": 60, "gallery pictures": 60, "onnx graph": 80}


@pytest.fixture(autouse=True)
def no_school_file(monkeypatch):
    monkeypatch.setenv("ICANVAS_SYSTEM_CONFIG", "")


@pytest.mark.parametrize("reader", fz.READERS, ids=[r.name for r in fz.READERS])
def test_a_damaged_file_gives_good_data_or_a_friendly_error(reader):
    @settings(max_examples=CI_CASES.get(reader.name, 150), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(reader.files())
    def check(data: bytes) -> None:
        crash = fz.run_case(reader, data)
        assert crash is None, crash
    check()


def reader(name: str) -> fz.Reader:
    return next(r for r in fz.READERS if r.name == name)


def header_file(header: dict, tail: bytes = b"") -> bytes:
    raw = json.dumps(header).encode()
    return struct.pack("<Q", len(raw)) + raw + tail


def swap_meta(raw: bytes, **changes) -> bytes:
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    header["__metadata__"].update(changes)
    return header_file(header, raw[8 + n:])


def manifest(**changes) -> bytes:
    """The good creation's manifest with some values changed."""
    m = json.loads(CREATION_FILES()["manifest.json"])
    m.update(changes)
    return json.dumps(m).encode()


def strokes(**changes) -> bytes:
    stroke = {"kind": "line", "width": 4, "color": [0, 0, 0], "points": [{"x": 1, "y": 1}, {"x": 9, "y": 9}]}
    stroke.update(changes)
    return json.dumps({"strokes": [stroke]}).encode()


def no_input_graph() -> bytes:
    """A valid ONNX graph that takes nothing: ONNX Runtime loads it, a style cannot use it."""
    from onnx import TensorProto, helper
    out = helper.make_tensor_value_info("picture", TensorProto.FLOAT, [1])
    node = helper.make_node("Constant", [], ["picture"],
                            value=helper.make_tensor("v", TensorProto.FLOAT, [1], [0.0]))
    model = helper.make_model(helper.make_graph([node], "empty", [], [out]),
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString()


FOUND = [   # (reader, the file): each once raised something other than the friendly error
    ("settings", b'savedir = "\\u0000/x"\n'),                        # ValueError in mkdir
    ("settings", b"x = " + b"[" * 2000 + b"]" * 2000 + b"\n"),         # RecursionError
    ("profiles", b"[" * 100_000),                                       # RecursionError
    ("badges", b'{"events": ' + b"{\"a\":" * 50_000 + b"1" + b"}" * 50_000 + b"}"),
    ("gallery manifest", manifest(files={"sketch.png": None, "result.png": None, "strokes.json": None})),
    ("gallery manifest", manifest(stroke_count=float("inf"))),          # OverflowError in int()
    ("gallery manifest", manifest(canvas="wide")),                      # ValueError in load()
    ("strokes", strokes(width=1e300)),                                  # OverflowError drawing it
    ("strokes", strokes(kind="hint", color=[1, 2])),
    ("style metadata", swap_meta(style_bytes(), title='["a list"]')),  # AttributeError at start
    ("style metadata", swap_meta(style_bytes(), data="[[[[" * 5000 + "]]]]" * 5000)),
    ("style metadata", header_file({"w": {"dtype": "F16", "shape": [1], "data_offsets": ["0", 2]}})),
    ("colour index", swap_meta(index_bytes(), data="[" * 5000 + "]" * 5000)),  # the About box
    ("onnx graph", no_input_graph()),                                    # IndexError
    ("colour index", header_file({"__metadata__": {"format": "icanvas-colours", "format_version": "1"},
                                  "silhouettes": {"dtype": "U8", "shape": 128, "data_offsets": [0, 128]}},
                                 bytes(128))),
]


@pytest.mark.parametrize("name,data", FOUND, ids=[f"{n}-{i}" for i, (n, _) in enumerate(FOUND)])
def test_files_that_once_stopped_icanvas_now_give_a_friendly_error(name, data):
    assert fz.run_case(reader(name), data) is None


def test_a_pen_wider_than_its_canvas_makes_the_creation_damaged_not_slow(tmp_path):
    # Replaying it drew discs hundreds of times the frame's size: seconds per stroke.
    shutil.copytree(creation_template(), tmp_path / "g")
    folder = next((tmp_path / "g" / "entries").iterdir())
    m = json.loads((folder / "manifest.json").read_text())
    assert m["canvas"] == [64, 48]
    for width, opens in ((64, True), (65, False)):
        data = strokes(width=width)
        (folder / "strokes.json").write_bytes(data)
        m["files"]["strokes.json"] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        (folder / "manifest.json").write_text(json.dumps(m))
        if opens:
            assert Gallery(tmp_path / "g").load(folder.name).stroke_objects()[0].width == 64
        else:
            with pytest.raises(GalleryError, match="damaged"):
                Gallery(tmp_path / "g").load(folder.name)
