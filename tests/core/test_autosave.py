"""The drawing in progress on disk: written atomically, read back exactly, damage set aside."""

from __future__ import annotations

import threading

import pytest

from icanvas_desktop.core import autosave
from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.core.autosave import Autosaver, Draft, Drafts
from icanvas_desktop.core.strokes import ERASE, HINT, Drawing, Point, Stroke


def a_drawing() -> Drawing:
    d = Drawing(1024, 768)
    d.add_stroke(Stroke([Point(10, 10, 0.5, 0.1), Point(200, 120, 0.9, 0.4)], width=9))
    d.add_stroke(Stroke([Point(50, 50), Point(80, 90)], width=27, kind=HINT, color=(255, 89, 94)))
    d.add_stroke(Stroke([Point(150, 100)], width=27, kind=ERASE))
    d.begin_stroke(Point(300, 300), 9)                # still being drawn: not part of the page yet
    return d


def test_a_draft_is_read_back_exactly_with_its_style_and_hints(tmp_path):
    drafts = Drafts(tmp_path)
    drawing = a_drawing()
    drafts.save("p-1", Draft.of(drawing, "crayon", kept=""))
    back = drafts.load("p-1")
    assert [s.to_dict() for s in back.strokes] == [s.to_dict() for s in drawing.page().strokes]
    assert back.style == "crayon" and back.kept == "" and (back.width, back.height) == (1024, 768)
    assert [s.kind for s in back.drawing().strokes] == ["line", "hint", "erase"]
    assert drafts.load("p-2") is None                  # nobody drew yet


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe", b"[]", b'{"schema_version": 99}',
                                     b'{"schema_version": 1, "strokes": {"kind": "line"}}',
                                     b'{"schema_version": 1, "strokes": [{"kind": "lava"}]}',
                                     b'{"schema_version": 1, "width": 0, "strokes": []}',
                                     b'{"schema_version": 1, "strokes": [{"points": [{"x": "a"}]}]}',
                                     b"[" * 100_000])
def test_a_damaged_draft_is_set_aside_and_reported(tmp_path, content):
    drafts = Drafts(tmp_path)
    path = drafts.path("p-1")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert drafts.load("p-1") is None
    assert not path.exists() and len(list(path.parent.glob("p-1.json.damaged-*"))) == 1
    assert drafts.problems and "could not be read" in drafts.problems[0]


def test_a_profile_id_cannot_name_a_file_outside_the_folder(tmp_path):
    drafts = Drafts(tmp_path)
    for bad in ("../profiles", "a/b", "", "x" * 200, "p-\x00"):
        with pytest.raises(ValueError):
            drafts.path(bad)


def test_the_autosaver_writes_the_newest_draft_and_flush_waits_for_it(tmp_path, monkeypatch):
    drafts = Drafts(tmp_path)
    written, gate = [], threading.Event()
    real_save = drafts.save

    def slow_save(pid, draft):
        gate.wait(5)
        written.append((pid, len(draft.strokes)))
        real_save(pid, draft)
    monkeypatch.setattr(drafts, "save", slow_save)
    saver = Autosaver(drafts)
    d = Drawing()
    for n in range(1, 6):                             # five changes while the disk is slow
        d.add_stroke(Stroke([Point(n, n), Point(n + 5, n)], width=4))
        saver.submit("p-1", Draft.of(d))
    saver.submit("p-2", Draft.of(Drawing()))
    assert not saver.flush(timeout=0.2)
    gate.set()
    assert saver.flush(timeout=5)
    # the first may already have been under way; after it, only the newest of each child
    assert written[-2:] in ([("p-1", 5), ("p-2", 0)], [("p-2", 0), ("p-1", 5)]) and len(written) <= 3
    assert len(drafts.load("p-1").strokes) == 5
    assert saver.close()
    assert saver.closed


def test_a_write_that_fails_is_reported_and_the_next_one_clears_it(tmp_path, monkeypatch):
    drafts = Drafts(tmp_path)
    d = Drawing()
    d.add_stroke(Stroke([Point(1, 1), Point(9, 9)], width=4))
    drafts.save("p-1", Draft.of(d))
    saver = Autosaver(drafts)
    real_write = autosave.atomic_write_text

    def full_disk(path, text):
        raise StorageError(path, "the disk is full")
    monkeypatch.setattr(autosave, "atomic_write_text", full_disk)
    d.add_stroke(Stroke([Point(2, 2), Point(8, 8)], width=4))
    saver.submit("p-1", Draft.of(d))
    saver.flush(5)
    assert saver.last_error is not None and saver.last_error.reason == "the disk is full"
    assert len(drafts.load("p-1").strokes) == 1        # the last good draft is still there
    monkeypatch.setattr(autosave, "atomic_write_text", real_write)
    saver.submit("p-1", Draft.of(d))
    saver.close()
    assert saver.last_error is None and len(drafts.load("p-1").strokes) == 2


def test_discarding_forgets_a_childs_draft(tmp_path):
    drafts = Drafts(tmp_path)
    drafts.save("p-1", Draft.of(a_drawing()))
    drafts.discard("p-1")
    drafts.discard("p-1")                              # twice is fine
    assert drafts.load("p-1") is None
    assert autosave.FOLDER in str(drafts.path("p-1"))
