"""core/atomic.py: setting a damaged file aside keeps it, beside the original, never replaced."""

from __future__ import annotations

import time

import pytest

from icanvas_desktop.core.atomic import aside_note, set_aside
from icanvas_desktop.core.autosave import Drafts
from icanvas_desktop.core.badges import EventLog
from icanvas_desktop.core.profiles import Profiles


def test_a_damaged_file_is_renamed_beside_itself_with_its_content(tmp_path, monkeypatch):
    monkeypatch.setattr(time, "time", lambda: 1_700_000_000.5)
    path = tmp_path / "profiles.json"
    path.write_bytes(b"{broken")
    aside = set_aside(path)
    assert aside == tmp_path / "profiles.json.damaged-1700000000"
    assert not path.exists() and aside.read_bytes() == b"{broken"
    assert aside_note(aside) == "it was kept as profiles.json.damaged-1700000000"


def test_a_file_that_cannot_be_moved_stays_and_the_note_says_so(tmp_path):
    assert set_aside(tmp_path / "missing.json") is None
    assert aside_note(None) == "it could not be moved aside"


def test_two_damaged_files_in_the_same_second_are_both_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(time, "time", lambda: 1_700_000_000.0)
    path = tmp_path / "events.json"
    path.write_bytes(b"first")
    first = set_aside(path)
    path.write_bytes(b"second")
    second = set_aside(path)
    assert first != second
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"


def draft_problem(root) -> str:
    drafts = Drafts(root)
    assert drafts.load("p-1") is None
    return " ".join(drafts.problems)


@pytest.mark.parametrize("name, read", [
    ("profiles.json", lambda root: Profiles(root).problem),
    ("events.json", lambda root: EventLog(root).problem),
    ("in-progress/p-1.json", draft_problem),
])
def test_every_reader_of_a_damaged_file_sets_it_aside_the_same_way(tmp_path, monkeypatch, name, read):
    """Profiles, the badge diary and the drawings in progress: a damage twice in one second
    keeps both files (each reader once replaced the first with the second)."""
    monkeypatch.setattr(time, "time", lambda: 1_700_000_000.0)
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    for content in (b"\x00one", b"\x00two"):
        path.write_bytes(content)
        assert "it was kept as " + path.name + ".damaged-1700000000" in read(tmp_path)
        assert not path.exists()
    kept = sorted(p.read_bytes() for p in path.parent.glob(f"{path.name}.damaged-1700000000*"))
    assert kept == [b"\x00one", b"\x00two"]
