"""Gallery screen: lazy thumbnails for 1,000 creations, open, delete question, export, replay, slideshow."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest
from PIL import Image, ImageDraw
from PySide6.QtWidgets import QMessageBox

from icanvas_desktop.core.gallery import Gallery
from icanvas_desktop.ui.gallery_view import GalleryView

SHOTS = os.environ.get("ICANVAS_SHOTS")  # set to a folder to keep screenshots for a look


@pytest.fixture(autouse=True)
def fast_fsync(monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def fill(gallery: Gallery, n: int, profile="ann") -> list[str]:
    ids = []
    for i in range(n):
        sketch = Image.new("RGB", (160, 120), "white")
        result = Image.new("RGB", (160, 120), ((i * 53) % 256, (90 + i * 31) % 256, 200))
        d = ImageDraw.Draw(result)
        d.ellipse((40, 20, 120, 100), fill=(255, 220, 60), outline="black", width=4)
        strokes = [[{"x": 10.0 + k * 20, "y": 10.0 + j * 15, "pressure": 1.0, "t": j + k * 0.05} for k in range(5)]
                   for j in range(6)]
        ids.append(gallery.add(sketch, result, strokes, "sticker", profile,
                               created=datetime(2024, 5, 1) + timedelta(minutes=i)))
    return ids


def make_view(qtbot, gallery, **kw):
    view = GalleryView(gallery, "ann", **kw)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def shot(view, name):
    if SHOTS:
        view.grab().save(os.path.join(SHOTS, name))


def test_thousand_creations_load_thumbnails_lazily_and_on_demand(qtbot, tmp_path):
    gallery = Gallery(tmp_path / "g")
    ids = fill(gallery, 1000)
    view = make_view(qtbot, gallery)
    assert view.model.rowCount() == 1000
    assert view.model.entries[0].id == ids[-1]   # newest first
    qtbot.waitUntil(lambda: view.model.loaded_count >= 8 and view.worker.pending() == 0, timeout=20000)
    first_batch = view.model.loaded_count
    assert first_batch < 200                      # only what is on screen, not all 1,000
    shot(view, "gallery_grid.png")
    view.list_view.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.loaded_count > first_batch and view.worker.pending() == 0, timeout=20000)
    last = view.model.index(999)
    assert view.model.data(last, 0x1) is not view.model._placeholder  # DecorationRole now a thumbnail
    assert view.model.loaded_count < 400


def test_open_emits_the_creation_with_its_strokes(qtbot, tmp_path):
    gallery = Gallery(tmp_path)
    [eid] = fill(gallery, 1)
    view = make_view(qtbot, gallery)
    view.select(eid)
    with qtbot.waitSignal(view.open_requested) as sig:
        view.open_btn.click()
    drawing = sig.args[0].drawing()
    assert len(drawing.strokes) == 6 and drawing.strokes[0].points[1].t == pytest.approx(0.05)


def test_delete_asks_a_picture_question_and_only_yes_throws_away(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda *a: pytest.fail("no OS message boxes"))
    gallery = Gallery(tmp_path)
    a, b = fill(gallery, 2)
    view = make_view(qtbot, gallery)
    qtbot.waitUntil(lambda: view.model.loaded_count == 2)
    view.select(b)
    view.delete_btn.click()
    assert view.pages.currentWidget() is view.confirm_page and view.confirm_picture.pixmap() is not None
    shot(view, "gallery_delete.png")
    view.keep_btn.click()
    assert len(gallery.list()) == 2 and view.pages.currentIndex() == 0
    view.select(b)
    view.delete_btn.click()
    with qtbot.waitSignal(view.deleted):
        view.throw_btn.click()
    assert [e.id for e in gallery.list()] == [a] and [e.id for e in gallery.trash()] == [b]
    assert view.model.rowCount() == 1


def test_delete_and_export_can_be_hidden_by_grown_up_settings(qtbot, tmp_path):
    view = make_view(qtbot, Gallery(tmp_path), allow_delete=False, allow_export=False)
    assert not view.delete_btn.isVisible() and not view.export_btn.isVisible() and not view.gif_btn.isVisible()
    view.set_delete_allowed(True)
    assert view.delete_btn.isVisible()
    assert view.empty_label.isVisible()


def test_export_writes_png_to_the_pictures_folder_without_a_dialog(qtbot, tmp_path):
    gallery = Gallery(tmp_path / "g")
    [eid] = fill(gallery, 1)
    view = make_view(qtbot, gallery, export_dir=tmp_path / "Pictures")
    view.select(eid)
    with qtbot.waitSignal(view.exported, timeout=10000) as sig:
        view.export_btn.click()
    assert sig.args[0].endswith(".png") and os.path.exists(sig.args[0])
    assert "Pictures" in view.note.text()


def test_replay_plays_frames_then_the_picture_and_saves_a_gif(qtbot, tmp_path):
    gallery = Gallery(tmp_path / "g")
    [eid] = fill(gallery, 1)
    view = make_view(qtbot, gallery, export_dir=tmp_path / "Pictures")
    view.select(eid)
    with qtbot.waitSignal(view.replayed):
        view.replay_btn.click()
    assert view.pages.currentWidget() is view.replay_page
    qtbot.waitUntil(lambda: view._frames_done and view._play_pos == len(view._frames), timeout=30000)
    assert view._frames[-1].phase == "picture" and view.replay_label.pixmap() is not None
    shot(view, "gallery_replay.png")
    with qtbot.waitSignal(view.exported, timeout=20000) as sig:
        view.gif_btn.click()
    gif = Image.open(sig.args[0])
    assert gif.format == "GIF" and gif.n_frames == len(view._frames)


def test_slideshow_shows_pictures_until_stopped(qtbot, tmp_path):
    gallery = Gallery(tmp_path)
    fill(gallery, 3)
    view = make_view(qtbot, gallery)
    view.show_btn.click()
    assert view.pages.currentWidget() is view.slideshow_page
    qtbot.waitUntil(lambda: view.slide_label.pixmap() is not None and not view.slide_label.pixmap().isNull(),
                    timeout=10000)
    view._show_grid()
    assert not view.slide_timer.isActive()


def test_damaged_creation_is_reported_once_and_the_rest_shows(qtbot, tmp_path):
    gallery = Gallery(tmp_path)
    a, b = fill(gallery, 2)
    (tmp_path / "entries" / a / "manifest.json").write_bytes(b"{broken")
    problems = []
    view = GalleryView(Gallery(tmp_path), "ann")
    qtbot.addWidget(view)
    assert view.model.rowCount() == 1 and "put aside" in view.note.text()
    view.problems_found.connect(problems.append)
    view.refresh()
    assert problems == []    # already told once


# -- the other gallery-area widgets: badge shelf, unlock toast, profile picker, challenge card ---

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget  # noqa: E402

from icanvas_desktop.core.badges import CreationFact, History, evaluate  # noqa: E402
from icanvas_desktop.core.challenges import get as get_challenge  # noqa: E402
from icanvas_desktop.core.profiles import Profiles  # noqa: E402
from icanvas_desktop.ui.badge_shelf import BadgeShelf, UnlockToast  # noqa: E402
from icanvas_desktop.ui.challenge_card import ChallengeCard  # noqa: E402
from icanvas_desktop.ui.profile_picker import ProfilePicker  # noqa: E402


def test_badge_shelf_shows_mysteries_for_hidden_badges_and_progress_for_counts(qtbot):
    shelf = BadgeShelf(lang="ko")
    qtbot.addWidget(shelf)
    shelf.set_states(evaluate(History((CreationFact(datetime(2024, 5, 1, 12)),) * 3)))
    tiles = {t.state.id: t for t in shelf.tiles}
    assert tiles["creations_1"].title.text() == "첫 번째 그림!"
    assert tiles["night_owl"].title.text() == "Surprise!" and not tiles["night_owl"].progress.isVisibleTo(shelf)
    assert tiles["creations_5"].progress.isVisibleTo(shelf) and tiles["creations_5"].progress.value() == 3
    assert shelf.tiles[0].state.unlocked      # earned ones first
    shelf.set_states(evaluate(History()))
    assert len(shelf.tiles) == len(tiles)


def test_unlock_toast_never_takes_focus_or_the_mouse(qtbot):
    win = QWidget()
    qtbot.addWidget(win)
    win.resize(800, 500)
    pen = QLineEdit(win)          # stands in for the canvas that has the focus mid-stroke
    pen.setGeometry(0, 0, 800, 500)
    win.show()
    win.activateWindow()
    pen.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pen)
    toast = UnlockToast(win, duration_ms=200)
    states = [s for s in evaluate(History((CreationFact(datetime(2024, 5, 1, 22)),))) if s.unlocked]
    toast.show_badge(states[0])
    toast.show_badge(states[1])
    assert toast.isVisible() and toast.testAttribute(Qt.WA_TransparentForMouseEvents)
    assert QApplication.focusWidget() is pen
    assert win.childAt(toast.geometry().center()) is pen     # clicks land on the canvas beneath
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=5000)
    assert toast._queue == []


def test_profile_picker_first_run_is_one_tap_on_an_animal(qtbot, tmp_path):
    profiles = Profiles(tmp_path)
    picker = ProfilePicker(profiles)
    qtbot.addWidget(picker)
    assert picker.pages.currentIndex() == 1          # straight to the animals
    with qtbot.waitSignal(picker.profile_chosen) as sig:
        picker.animal_buttons["owl"].click()
    assert profiles.current.id == sig.args[0] and profiles.current.avatar == "owl"
    assert picker.pages.currentIndex() == 0


def test_profile_picker_switches_between_children_and_adds_with_optional_name(qtbot, tmp_path):
    profiles = Profiles(tmp_path)
    a = profiles.add("cat", "Mina")
    picker = ProfilePicker(profiles)
    qtbot.addWidget(picker)
    picker.add_btn.click()
    picker.name_edit.setText("Jun")
    with qtbot.waitSignal(picker.profile_chosen) as sig:
        picker.animal_buttons["frog"].click()
    assert profiles.get(sig.args[0]).name == "Jun"
    with qtbot.waitSignal(picker.profile_chosen) as sig:
        picker.profile_buttons[a.id].click()
    assert sig.args[0] == a.id and Profiles(tmp_path).current.id == a.id
    assert picker.profile_buttons[a.id].text() == "Mina"


def test_challenge_card_says_the_prompt_and_i_did_it_marks_it_done(qtbot):
    card = ChallengeCard(get_challenge("fly"), lang="ko")
    qtbot.addWidget(card)
    assert card.prompt.text() == "날 수 있는 것을 그려 보세요!"
    with qtbot.waitSignal(card.done) as sig:
        card.button.click()
    assert sig.args == ["fly"] and not card.button.isEnabled()
    card.set_challenge(get_challenge("tree"))
    assert card.button.isEnabled() and "나무" in card.prompt.text()
