"""Bad-input corpus: damaged entries are set aside with a clear message; good ones still load."""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from icanvas_desktop.core.gallery import Gallery, GalleryError


@pytest.fixture(autouse=True)
def fast_fsync(monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def png_bytes(w=32, h=24, colour=(10, 200, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), colour).save(buf, "PNG")
    return buf.getvalue()


def bomb_png(w=100_000, h=100_000) -> bytes:
    """A tiny PNG whose header claims a gigantic picture."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def gallery_with_two(tmp_path):
    g = Gallery(tmp_path)
    good = g.add(Image.new("RGB", (32, 24), "white"), Image.new("RGB", (32, 24), "red"), [], "s", "p")
    bad = g.add(Image.new("RGB", (32, 24), "white"), Image.new("RGB", (32, 24), "blue"), [], "s", "p")
    return g, good, bad, tmp_path / "entries" / bad


def replace_file(folder: Path, name: str, data: bytes, fix_manifest: bool = True) -> None:
    """Put bad bytes in place; with fix_manifest the checksums agree, so the decoder is tested."""
    (folder / name).write_bytes(data)
    if fix_manifest:
        m = json.loads((folder / "manifest.json").read_text())
        m["files"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        (folder / "manifest.json").write_text(json.dumps(m))


def assert_good_one_survives(tmp_path, good):
    g2 = Gallery(tmp_path)
    assert [e.id for e in g2.list()] == [good]
    assert g2.load(good).result.getpixel((0, 0)) == (255, 0, 0)


def test_truncated_png_is_set_aside_when_listing(tmp_path):
    g, good, bad, folder = gallery_with_two(tmp_path)
    data = (folder / "result.png").read_bytes()
    replace_file(folder, "result.png", data[: len(data) // 2], fix_manifest=False)
    assert [e.id for e in g.list()] == [good]
    [problem] = g.take_problems()
    assert problem.code == "damaged" and bad in problem.message and "set aside" in problem.message
    assert (tmp_path / "quarantine" / bad / "result.png").exists()  # kept, not deleted
    assert g.list() and g.take_problems() == []                     # reported once
    assert_good_one_survives(tmp_path, good)


@pytest.mark.parametrize("name,data,words", [
    ("result.png", None, "damaged"),                 # truncated but checksums agree: decoder fails
    ("result.png", b"", "damaged"),                  # zero-byte picture
    ("sketch.png", b"GIF89a nonsense", "damaged"),
    ("strokes.json", b"{not json", "damaged"),
    ("strokes.json", b'{"strokes": [{"points": [{"y": 1}]}]}', "damaged"),
    ("result.png", bomb_png(), "too big"),           # decompression bomb: refused from the header
])
def test_bad_file_with_matching_checksum_fails_load_with_a_clear_message(tmp_path, name, data, words):
    g, good, bad, folder = gallery_with_two(tmp_path)
    if data is None:
        data = png_bytes()[:40]
    replace_file(folder, name, data)
    assert {e.id for e in g.list()} == {good, bad}   # sizes agree: found only when opened
    with pytest.raises(GalleryError) as info:
        g.load(bad)
    assert "could not be opened" in str(info.value)
    assert words in str(info.value.__cause__) or words in str(info.value)
    assert [p.code for p in g.take_problems()] == ["damaged"]
    assert_good_one_survives(tmp_path, good)


def test_changed_bytes_of_the_same_size_are_caught_by_the_checksum(tmp_path):
    g, good, bad, folder = gallery_with_two(tmp_path)
    data = bytearray((folder / "result.png").read_bytes())
    data[-20] ^= 0xFF
    replace_file(folder, "result.png", bytes(data), fix_manifest=False)
    with pytest.raises(GalleryError):
        g.load(bad)
    assert_good_one_survives(tmp_path, good)


@pytest.mark.parametrize("manifest,code", [
    (b"{ this is not json", "bad_manifest"),
    (b"", "bad_manifest"),                                   # zero-byte manifest
    (b"\xff\xfe\x00garbage", "bad_manifest"),                # not UTF-8 at all
    (b'{"schema_version": "one", "files": {}}', "bad_manifest"),
    (b'[1, 2, 3]', "bad_manifest"),
])
def test_unreadable_manifest_is_quarantined_with_a_message(tmp_path, manifest, code):
    g, good, bad, folder = gallery_with_two(tmp_path)
    (folder / "manifest.json").write_bytes(manifest)
    assert [e.id for e in g.list()] == [good]
    assert [p.code for p in g.problems] == [code]
    assert (tmp_path / "quarantine" / bad).is_dir()
    assert_good_one_survives(tmp_path, good)


def test_newer_schema_version_is_left_in_place_and_not_shown(tmp_path):
    g, good, bad, folder = gallery_with_two(tmp_path)
    m = json.loads((folder / "manifest.json").read_text())
    m["schema_version"] = 99
    (folder / "manifest.json").write_text(json.dumps(m))
    assert [e.id for e in g.list()] == [good]
    assert [p.code for p in g.problems] == ["newer_version"] and "newer iCanvas" in g.problems[0].message
    assert folder.is_dir()  # a newer iCanvas can still read it
    g.list()
    assert len(g.problems) == 1


@pytest.mark.parametrize("missing", ["result.png", "manifest.json", "strokes.json"])
def test_missing_files_are_reported(tmp_path, missing):
    g, good, bad, folder = gallery_with_two(tmp_path)
    (folder / missing).unlink()
    assert [e.id for e in g.list()] == [good]
    assert [p.code for p in g.problems] == ["missing_files"]
    assert_good_one_survives(tmp_path, good)


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are always Unicode")
def test_non_utf8_folder_and_file_names_do_not_crash(tmp_path):
    g, good, bad, folder = gallery_with_two(tmp_path)
    (folder / "result.png").rename(folder / "result.png")  # untouched good entry
    weird = os.fsdecode(b"\xff\xfeodd")
    (tmp_path / "entries" / weird).mkdir()
    (tmp_path / "entries" / os.fsdecode(b"stray\xe9.png")).write_bytes(b"x")
    (folder / os.fsdecode(b"extra\xff")).write_bytes(b"x")      # unknown file inside an entry: ignored
    listed = {e.id for e in g.list()}
    assert listed == {good, bad}
    messages = [p.message for p in g.problems]
    assert len(messages) == 2 and all(m.encode("utf-8") for m in messages)  # printable text
    assert all(p.code == "foreign" for p in g.problems)


def test_thumbnail_of_damaged_entry_raises_gallery_error_not_a_crash(tmp_path):
    g, good, bad, folder = gallery_with_two(tmp_path)
    (folder / "thumb.png").unlink()
    replace_file(folder, "result.png", b"\x89PNG broken")
    with pytest.raises(GalleryError):
        g.thumbnail(bad)
    assert g.thumbnail(good).size == (32, 24)
