"""Gallery store: round trips, ordering, trash, stickers, export, storage errors, crash safety."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from PIL import Image, ImageDraw

from icanvas_desktop.core import gallery as gallery_mod
from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.core.gallery import SCHEMA_VERSION, Gallery, default_gallery_root
from icanvas_desktop.core.strokes import HINT, Drawing, Point, Stroke

REPO = Path(__file__).resolve().parents[2]


def pictures(seed: int = 0):
    sketch = Image.new("RGB", (64, 48), "white")
    ImageDraw.Draw(sketch).line((5, 5, 60, 40 - seed % 30), fill="black", width=3)
    result = Image.new("RGB", (96, 72), (seed * 37 % 256, 120, 200))
    return sketch, result


def point_strokes(n: int = 3):
    return [[{"x": float(i), "y": float(j), "pressure": 0.5, "t": i * 0.1 + j} for i in range(4)] for j in range(n)]


@pytest.fixture(autouse=True)
def fast_fsync(monkeypatch):
    # fsync makes the tests slow on a busy disk; the crash test below runs with the real one.
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def test_add_then_load_gives_back_the_same_pictures_strokes_and_metadata(tmp_path):
    g = Gallery(tmp_path)
    sketch, result = pictures(1)
    strokes = point_strokes()
    eid = g.add(sketch, result, strokes, "sticker", "kid1", hints=[{"kind": "hint", "color": [255, 0, 0]}])
    c = g.load(eid)
    assert c.sketch.tobytes() == sketch.tobytes() and c.result.tobytes() == result.tobytes()
    assert c.strokes == strokes
    assert c.hints == [{"kind": "hint", "color": [255, 0, 0]}]
    assert (c.style, c.profile) == ("sticker", "kid1")
    assert abs((datetime.now().astimezone() - c.created).total_seconds()) < 60
    assert [s.points[1].t for s in c.stroke_objects()] == [0.1, 1.1, 2.1]
    assert c.meta["schema_version"] == SCHEMA_VERSION


def test_strokes_from_drawing_dict_and_stroke_dicts_are_replayable(tmp_path):
    g = Gallery(tmp_path)
    d = Drawing(800, 600)
    d.add_stroke(Stroke([Point(1, 2, 0.7, 0.0), Point(3, 4, 0.8, 0.25)], 6.0))
    d.add_stroke(Stroke([Point(9, 9, 1, 1.0)], 20.0, HINT, (0, 200, 0)))
    sketch, result = pictures()
    a = g.add(sketch, result, d.to_dict(), "s", "p")
    b = g.add(sketch, result, [s.to_dict() for s in d.strokes], "s", "p")
    ca, cb = g.load(a), g.load(b)
    assert ca.strokes == d.to_dict() and ca.canvas_size == (800, 600)
    assert ca.drawing().to_dict() == d.to_dict()
    assert [s.to_dict() for s in cb.stroke_objects()] == [s.to_dict() for s in d.strokes]
    assert g.list()[0].used_hints  # a HINT stroke counts as using colour hints


def test_list_is_newest_first_and_filters_by_profile(tmp_path):
    g = Gallery(tmp_path)
    base = datetime(2024, 5, 1, 10, 0)
    ids = [g.add(*pictures(i), point_strokes(1), "s", "ann" if i % 2 else "bo", created=base + timedelta(hours=i))
           for i in range(5)]
    assert [e.id for e in g.list()] == ids[::-1]
    assert [e.id for e in g.list(profile="ann")] == [ids[3], ids[1]]
    assert g.list(profile="nobody") == []


def test_delete_moves_to_trash_and_restore_brings_it_back_intact(tmp_path):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(2), point_strokes(), "s", "p")
    before = g.load(eid).result.tobytes()
    g.delete(eid)
    assert g.list() == [] and [e.id for e in g.trash()] == [eid]
    with pytest.raises(KeyError):
        g.load(eid)
    g.restore(eid)
    assert [e.id for e in g.list()] == [eid] and g.load(eid).result.tobytes() == before
    with pytest.raises(KeyError):
        g.restore(eid)
    with pytest.raises(KeyError):
        g.delete("no-such-id")


def test_a_creation_put_back_for_another_child_is_listed_only_in_their_gallery(tmp_path):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(3), point_strokes(), "sticker", "gone")
    before = g.load(eid)
    g.delete(eid)
    assert [e.profile for e in g.trash()] == ["gone"]          # listed once, under the old child
    g.restore(eid, "ann")
    assert [e.id for e in g.list("ann")] == [eid] and g.list("gone") == []
    back = g.load(eid)
    assert back.profile == "ann" and back.result.tobytes() == before.result.tobytes()
    assert back.strokes == before.strokes and back.created == before.created
    assert [e.profile for e in g.effort()] == ["ann"]          # its badge progress goes with it
    g.reassign(eid, "bo")                                      # a kept creation can move too
    assert [e.id for e in g.list("bo")] == [eid] and g.problems == []


def test_a_put_back_the_disk_refuses_leaves_the_creation_whole_in_the_trash(tmp_path, monkeypatch):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(6), point_strokes(), "s", "gone")
    g.delete(eid)

    def refuse(*args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(gallery_mod.os, "rename", refuse)
    with pytest.raises(StorageError):
        g.restore(eid, "ann")
    monkeypatch.undo()
    assert [e.id for e in g.trash()] == [eid] and g.list() == []
    g.restore(eid, "ann")
    assert g.load(eid).profile == "ann"


def test_purge_deletes_the_creation_and_keeps_only_what_badges_count(tmp_path):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(4), point_strokes(5), "sticker", "fox", hints=[])
    made = g.list()[0]
    g.delete(eid)
    g.purge(eid)
    assert g.trash() == [] and not (tmp_path / "trash" / eid).exists()
    assert list((tmp_path / ".staging").iterdir()) == []          # nothing half-deleted left
    kept = json.loads((tmp_path / "purged.json").read_text())["purged"]
    assert kept == [{"id": eid, "profile": "fox", "created": made.created.isoformat(), "style": "sticker",
                     "stroke_count": 5, "used_hints": False}]
    assert [(e.id, e.stroke_count) for e in g.effort("fox")] == [(eid, 5)]
    with pytest.raises(KeyError):
        g.purge(eid)
    with pytest.raises(KeyError):
        g.restore(eid)


def test_empty_trash_deletes_what_the_grown_up_was_shown_and_nothing_else(tmp_path):
    g = Gallery(tmp_path)
    ids = [g.add(*pictures(i), point_strokes(), "s", "p", created=datetime(2024, 1, 1, 9, i)) for i in range(4)]
    for eid in ids[:3]:
        g.delete(eid)
    shown = [e.id for e in g.trash()]
    g.delete(ids[3])                                       # thrown away after the grown-up looked
    assert g.empty_trash(shown) == 3
    assert [e.id for e in g.trash()] == [ids[3]]
    assert g.empty_trash() == 1 and g.trash() == [] and g.list() == []
    assert sorted(e.id for e in g.effort()) == sorted(ids)
    assert g.empty_trash() == 0


def test_a_purge_the_disk_refuses_leaves_the_creation_in_the_trash(tmp_path, monkeypatch):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(5), point_strokes(), "s", "p")
    g.delete(eid)

    def refuse(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")
    monkeypatch.setattr(gallery_mod.os, "rename", refuse)
    with pytest.raises(StorageError) as err:
        g.empty_trash()
    assert err.value.reason == "the folder is read-only"
    monkeypatch.undo()
    assert [e.id for e in g.trash()] == [eid]
    g.restore(eid)
    assert g.load(eid).strokes


def test_a_trashed_creation_has_a_thumbnail_even_without_its_cache(tmp_path):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(6), point_strokes(), "s", "p")
    shown = g.thumbnail(eid).tobytes()
    g.delete(eid)
    (tmp_path / "trash" / eid / "thumb.png").unlink()
    assert g.thumbnail(eid, trashed=True).tobytes() == shown
    with pytest.raises(KeyError):
        g.thumbnail(eid)


def test_effort_survives_a_damaged_purged_file_with_the_lines_it_can_read(tmp_path):
    g = Gallery(tmp_path)
    (tmp_path / "purged.json").write_text('{"purged": [{"id": "a", "created": "2024-01-01T10:00:00"},'
                                          ' {"id": "b", "created": "yesterday"}, 7]}')
    assert [e.id for e in g.effort()] == ["a"]
    (tmp_path / "purged.json").write_text("{not json")
    assert g.effort() == []


def test_thumbnail_is_rebuilt_when_the_cache_is_missing_or_damaged(tmp_path):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(3), point_strokes(), "s", "p")
    thumb_file = tmp_path / "entries" / eid / "thumb.png"
    first = g.thumbnail(eid)
    thumb_file.unlink()
    assert g.thumbnail(eid).tobytes() == first.tobytes() and thumb_file.exists()
    thumb_file.write_bytes(b"not a png")
    assert g.thumbnail(eid).size == first.size and g.problems == []


def test_sticker_is_stored_with_the_creation(tmp_path):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(), point_strokes(), "s", "p")
    g.add_sticker(eid, {"kind": "challenge", "challenge": "fly"})
    assert g.load(eid).stickers == [{"kind": "challenge", "challenge": "fly"}]
    assert Gallery(tmp_path).list()[0].stickers == ({"kind": "challenge", "challenge": "fly"},)


def test_export_png_writes_a_new_file_each_time_without_a_dialog(tmp_path):
    g = Gallery(tmp_path / "g")
    sketch, result = pictures(4)
    eid = g.add(sketch, result, point_strokes(), "s", "p")
    p1, p2 = g.export_png(eid, tmp_path / "Pictures"), g.export_png(eid, tmp_path / "Pictures")
    assert p1 != p2 and p1.suffix == ".png"
    assert Image.open(p1).convert("RGB").tobytes() == result.tobytes()


@pytest.mark.parametrize("err,reason", [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "the folder is read-only")])
def test_full_or_read_only_disk_raises_storage_error_and_harms_nothing(tmp_path, monkeypatch, err, reason):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(5), point_strokes(), "s", "p")

    def failing(*a, **k):
        raise OSError(err, os.strerror(err))
    monkeypatch.setattr(gallery_mod, "write_synced", failing)
    with pytest.raises(StorageError) as info:
        g.add(*pictures(6), point_strokes(), "s", "p")
    assert info.value.reason == reason
    assert [e.id for e in Gallery(tmp_path).list()] == [eid]
    assert list((tmp_path / ".staging").iterdir()) == []
    assert g.load(eid).result.tobytes() == pictures(5)[1].tobytes()


def test_half_written_staging_folder_is_never_listed(tmp_path):
    g = Gallery(tmp_path)
    eid = g.add(*pictures(), point_strokes(), "s", "p")
    half = tmp_path / ".staging" / "20240101-000000-000000-0001abcd.1234"
    half.mkdir(parents=True)
    (half / "sketch.png").write_bytes(b"\x89PNG")
    assert [e.id for e in Gallery(tmp_path).list()] == [eid]
    assert Gallery(tmp_path).problems == []


def test_default_root_is_a_per_user_icanvas_folder():
    root = default_gallery_root()
    assert "iCanvas" in str(root) and root.is_absolute()


class StoreMachine(RuleBasedStateMachine):
    """Any sequence of add/delete/restore (to any child)/purge/empty keeps list(), trash() and
    effort() equal to a simple model: effort() is every creation ever made, whatever happened to it since."""

    def __init__(self):
        super().__init__()
        import tempfile
        self.tmp = tempfile.TemporaryDirectory()
        self.g = Gallery(self.tmp.name)
        self.live: dict[str, str] = {}
        self.trashed: dict[str, str] = {}
        self.gone: dict[str, str] = {}      # deleted for good
        self.n = 0

    @rule(profile=st.sampled_from(["a", "b"]))
    def add(self, profile):
        self.n += 1
        eid = self.g.add(*pictures(self.n), point_strokes(1), "s", profile,
                         created=datetime(2024, 1, 1) + timedelta(minutes=self.n))
        self.live[eid] = profile

    @rule(data=st.data())
    def delete(self, data):
        if self.live:
            eid = data.draw(st.sampled_from(sorted(self.live)))
            self.g.delete(eid)
            self.trashed[eid] = self.live.pop(eid)

    @rule(data=st.data())
    def restore(self, data):
        if self.trashed:
            eid = data.draw(st.sampled_from(sorted(self.trashed)))
            self.g.restore(eid)
            self.live[eid] = self.trashed.pop(eid)

    @rule(data=st.data(), profile=st.sampled_from(["a", "b"]))
    def restore_for(self, data, profile):
        if self.trashed:
            eid = data.draw(st.sampled_from(sorted(self.trashed)))
            self.g.restore(eid, profile)
            self.trashed.pop(eid)
            self.live[eid] = profile

    @rule(data=st.data())
    def purge(self, data):
        if self.trashed:
            eid = data.draw(st.sampled_from(sorted(self.trashed)))
            self.g.purge(eid)
            self.gone[eid] = self.trashed.pop(eid)

    @rule()
    def empty_trash(self):
        assert self.g.empty_trash() == len(self.trashed)
        self.gone.update(self.trashed)
        self.trashed.clear()

    @invariant()
    def consistent(self):
        made = {**self.live, **self.trashed, **self.gone}
        assert sorted(e.id for e in self.g.effort()) == sorted(made)
        assert sorted(e.id for e in self.g.effort("a")) == sorted(i for i in made if made[i] == "a")
        listed = [e.id for e in self.g.list()]
        assert sorted(listed) == sorted(self.live) and listed == sorted(listed, reverse=True)
        assert [e.id for e in self.g.list("a")] == [i for i in listed if self.live[i] == "a"]
        assert sorted(e.id for e in self.g.trash()) == sorted(self.trashed)
        assert self.g.problems == []

    def teardown(self):
        self.tmp.cleanup()


StoreMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=12, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow])
test_store_sequences_keep_the_list_consistent = StoreMachine.TestCase


def test_crash_stress_script_loses_nothing_with_five_kills(tmp_path, monkeypatch):
    monkeypatch.undo()  # the child processes use the real fsync anyway; keep the parent honest too
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "stress_gallery_crash.py"), "--kills", "5",
                          "--root", str(tmp_path), "--max-delay", "0.3"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    figures = dict(line.split(": ", 1) for line in out.stdout.strip().splitlines())
    assert figures["lost"] == "0" and figures["damaged"] == "0"
    assert int(figures["listed"]) >= int(figures["promised"])


def test_hint_layer_image_and_drawing_object_are_accepted(tmp_path):
    g = Gallery(tmp_path)
    d = Drawing(300, 200)
    d.add_stroke(Stroke([Point(1, 2, 1, 0.0), Point(30, 40, 1, 0.5)], 5.0))
    hints = Image.new("RGB", (30, 20), (0, 0, 255))
    eid = g.add(*pictures(), d, "s", "p", hints=hints)
    c = g.load(eid)
    assert c.hints.tobytes() == hints.tobytes() and c.canvas_size == (300, 200)
    assert c.drawing().to_dict() == d.to_dict() and g.list()[0].used_hints
    empty = g.add(*pictures(), [], "s", "p", hints=[])
    assert not next(e for e in g.list() if e.id == empty).used_hints   # an empty hint list is no hint
