"""The grown-ups' trash: put thrown-away pictures back, or empty it after saying yes; and a
thrown-away picture still counts for the child's badges."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QToolButton  # noqa: E402

from icanvas_desktop.core.gallery import Gallery  # noqa: E402
from icanvas_desktop.core.profiles import Profiles  # noqa: E402
from icanvas_desktop.core.settings import load_settings  # noqa: E402
from icanvas_desktop.ui import trash_view  # noqa: E402
from icanvas_desktop.ui.grownups import GrownUpsScreen  # noqa: E402
from icanvas_desktop.ui.session import Session, StoragePlaces  # noqa: E402
from icanvas_desktop.ui.trash_view import TrashDialog  # noqa: E402

NOON = datetime(2024, 5, 1, 12, 0).astimezone()


def keep(gallery: Gallery, n: int, profile: str = "fox", colour=(200, 80, 40)) -> list[str]:
    page, picture = Image.new("RGB", (48, 36), "white"), Image.new("RGB", (48, 36), colour)
    return [gallery.add(page, picture, [[{"x": 1.0, "y": 2.0}]], ("sticker", "emoji", "soft")[i % 3], profile,
                        created=NOON + timedelta(days=i)) for i in range(n)]


@pytest.fixture
def gallery(tmp_path):
    return Gallery(tmp_path / "gallery")


@pytest.fixture
def open_trash(qtbot):
    def make(gallery, answers=None, heirs=None, profiles=None):
        asked, whose = [], []

        def confirm(dialog, count):
            asked.append(count)
            return answers.pop(0) if answers else False

        def choose(dialog, children, count):
            whose.append(([p.id for p in children], count))
            return heirs.pop(0) if heirs else None
        dialog = TrashDialog(gallery, confirm=confirm, choose=choose, profiles=profiles)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.asked, dialog.whose = asked, whose
        return dialog
    return make


def test_the_trash_shows_every_childs_thrown_away_pictures_and_nothing_kept(gallery, open_trash, qtbot):
    fox, owl = keep(gallery, 3), keep(gallery, 1, "owl")
    for entry_id in fox[:2] + owl:
        gallery.delete(entry_id)
    dialog = open_trash(gallery)
    assert sorted(e.id for e in dialog.model.entries) == sorted(fox[:2] + owl)
    qtbot.waitUntil(lambda: dialog.model.loaded_count == 3, timeout=10_000)   # thumbnails from the trash
    assert dialog.list_view.isVisible() and not dialog.empty_label.isVisible()
    assert not dialog.restore_button.isEnabled() and dialog.empty_button.isEnabled()


def test_put_back_returns_the_chosen_pictures_to_their_childs_gallery(gallery, open_trash):
    ids = keep(gallery, 3)
    for entry_id in ids:
        gallery.delete(entry_id)
    dialog = open_trash(gallery)
    dialog.select(ids[:2])
    assert dialog.restore_button.isEnabled()
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert sorted(e.id for e in gallery.list("fox")) == sorted(ids[:2])
    assert [e.id for e in dialog.model.entries] == [ids[2]]
    assert dialog.changed and "2 pictures are back" in dialog.note.text()


def test_emptying_asks_first_and_keeps_everything_on_no(gallery, open_trash):
    ids = keep(gallery, 2)
    for entry_id in ids:
        gallery.delete(entry_id)
    dialog = open_trash(gallery, answers=[False])
    QTest.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.asked == [2]
    assert sorted(e.id for e in gallery.trash()) == sorted(ids)


def test_emptying_on_yes_deletes_only_the_pictures_that_were_shown(gallery, open_trash):
    ids = keep(gallery, 3)
    for entry_id in ids[:2]:
        gallery.delete(entry_id)
    dialog = open_trash(gallery, answers=[True])
    gallery.delete(ids[2])                       # thrown away while the grown-up was looking
    QTest.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.asked == [2]
    assert [e.id for e in gallery.trash()] == [ids[2]]
    assert not (gallery.trash_dir / ids[0]).exists() and not (gallery.trash_dir / ids[1]).exists()
    assert "2 pictures were deleted for good" in dialog.note.text()
    assert [e.id for e in dialog.model.entries] == [ids[2]]      # now shown, for next time


def test_an_empty_trash_says_so_and_offers_nothing_to_do(gallery, open_trash):
    keep(gallery, 1)
    dialog = open_trash(gallery)
    assert dialog.empty_label.isVisible() and not dialog.list_view.isVisible()
    assert not dialog.empty_button.isEnabled() and not dialog.restore_button.isEnabled()


def test_the_grown_ups_corner_opens_the_trash_of_the_gallery_in_use(qtbot, tmp_path, monkeypatch):
    gallery = Gallery(tmp_path / "art")
    gallery.delete(keep(gallery, 1)[0])
    opened = []
    monkeypatch.setattr(trash_view.TrashDialog, "exec",
                        lambda self: opened.append([e.id for e in self.model.entries]) or 0)
    loaded = load_settings({"savedir": str(tmp_path / "art")}, system_path=tmp_path / "none.toml",
                           user_path=tmp_path / "user.toml")
    screen = GrownUpsScreen(loaded)
    qtbot.addWidget(screen)
    QTest.mouseClick(screen.trash_button, Qt.MouseButton.LeftButton)
    assert opened == [[e.id for e in gallery.trash()]] and opened[0]


def test_the_corner_of_the_running_app_puts_pictures_back_among_its_own_children(
        qtbot, tmp_path, monkeypatch):
    session = Session(StoragePlaces(tmp_path / "art", tmp_path / "exports"), ["sticker"])
    try:
        session.profiles.add("owl")
        seen = []
        monkeypatch.setattr(trash_view.TrashDialog, "exec",
                            lambda self: seen.append((self.profiles, self.lang)) or 0)
        loaded = load_settings({"savedir": str(tmp_path / "art")}, system_path=tmp_path / "none.toml",
                               user_path=tmp_path / "user.toml")
        screen = GrownUpsScreen(loaded, session=session, lang="ko")
        qtbot.addWidget(screen)
        QTest.mouseClick(screen.trash_button, Qt.MouseButton.LeftButton)
        assert seen == [(session.profiles, "ko")]
    finally:
        session.shutdown()


def test_throwing_a_picture_away_or_emptying_the_trash_never_lowers_badge_progress(qapp, tmp_path):
    session = Session(StoragePlaces(tmp_path / "gallery", tmp_path / "exports"), ["sticker", "emoji", "soft"])
    try:
        child = session.profiles.add("fox")
        session.choose_profile(child.id)
        ids = keep(session.gallery, 3, child.id)

        def progress():
            s = {b.id: b for b in session.badge_states()}
            return s["creations_5"].progress, s["styles_3"].progress, s["days_3"].progress
        assert progress() == (3, 3, 3)
        session.gallery.delete(ids[0])           # the child's "Throw away"
        assert progress() == (3, 3, 3)
        session.gallery.empty_trash()            # a grown-up empties the trash
        assert progress() == (3, 3, 3)
    finally:
        session.shutdown()


def test_a_removed_childs_pictures_go_back_to_the_only_child_left(gallery, open_trash):
    profiles = Profiles(gallery.root)
    ann = profiles.add("cat")
    gone = keep(gallery, 2, "p-removed")
    for entry_id in gone:
        gallery.delete(entry_id)
    dialog = open_trash(gallery, profiles=profiles)
    dialog.select(gone)
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.whose == []                                     # nobody else to ask about
    assert sorted(e.id for e in gallery.list(ann.id)) == sorted(gone)
    assert "Cat's gallery" in dialog.note.text()


def test_with_several_children_the_grown_up_picks_who_gets_a_removed_childs_pictures(
        gallery, open_trash):
    profiles = Profiles(gallery.root)
    ann, bo = profiles.add("cat"), profiles.add("dog")
    own, gone = keep(gallery, 1, ann.id), keep(gallery, 2, "p-removed")
    for entry_id in own + gone:
        gallery.delete(entry_id)
    dialog = open_trash(gallery, profiles=profiles, heirs=[None, bo.id])
    dialog.select(own + gone)
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.whose == [([ann.id, bo.id], 2)]                 # asked about the two orphans
    assert len(gallery.trash()) == 3 and gallery.list() == []     # "Keep in the trash": nothing moved
    dialog.select(own + gone)
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [e.id for e in gallery.list(ann.id)] == own            # their own child's, as before
    assert sorted(e.id for e in gallery.list(bo.id)) == sorted(gone)
    assert "3 pictures are back" in dialog.note.text() and "Dog's gallery" in dialog.note.text()


def test_the_question_shows_every_child_and_returns_the_one_tapped(gallery, qtbot):
    profiles = Profiles(gallery.root)
    children = [profiles.add("cat"), profiles.add("cat"), profiles.add("owl")]
    dialog = TrashDialog(gallery, profiles=profiles)
    qtbot.addWidget(dialog)

    def answer():
        buttons = {b.accessibleName(): b for b in dialog.whose_box.findChildren(QToolButton)}
        assert sorted(buttons) == ["Give to Blue Cat", "Give to Owl", "Give to Red Cat"]
        buttons["Give to Blue Cat"].click()
    QTimer.singleShot(0, answer)
    assert dialog.ask_whose(children, 2) == children[1].id
    QTimer.singleShot(0, lambda: dialog.whose_box.reject())          # "Keep in the trash"
    assert dialog.ask_whose(children, 1) is None


def test_removing_a_child_in_the_corner_then_putting_back_shows_their_pictures_again(qapp, tmp_path):
    """The promise of Children... > Remove: the pictures can be put back, and a child sees them."""
    session = Session(StoragePlaces(tmp_path / "gallery", tmp_path / "exports"), ["sticker"])
    try:
        ann, bo = session.profiles.add("cat"), session.profiles.add("dog")
        ids = keep(session.gallery, 2, bo.id)
        session.remove_profile(bo.id)
        assert session.gallery.list(ann.id) == [] and len(session.gallery.trash()) == 2
        dialog = TrashDialog(session.gallery, profiles=session.profiles)
        dialog.select(ids)
        dialog.restore_selected()
        assert sorted(e.id for e in session.gallery.list(ann.id)) == sorted(ids)
        dialog.done(0)
    finally:
        session.shutdown()
