"""Make it move in the app: the player on its worker thread, the bar under the picture after
Magic!, and the gallery's moving-picture page that saves a GIF."""

from __future__ import annotations

import os
from datetime import datetime

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageSequence
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.core.gallery import Gallery
from icanvas_desktop.motion import MOTIONS
from icanvas_desktop.ui.gallery_view import GalleryView
from icanvas_desktop.ui.icons import icon_path, render_svg
from icanvas_desktop.ui.main_window import MainWindow, WindowOptions
from icanvas_desktop.ui.motion_player import EMPTY, MOTION_ICONS, MotionPlayer, motion_label
from icanvas_desktop.ui.selftest import mouse_stroke

WAIT = 20_000


def ball(size=(320, 240)) -> Image.Image:
    img = Image.new("RGB", size, "white")
    ImageDraw.Draw(img).ellipse((110, 70, 210, 170), fill=(240, 80, 60), outline="black", width=5)
    return img


def image_bytes(qimage) -> bytes:
    return bytes(qimage.constBits())


@pytest.fixture
def player(qtbot):
    p = MotionPlayer()
    yield p
    p.shutdown()


def test_the_first_frame_shows_at_once_and_the_loop_keeps_changing(qtbot, player):
    shown = []
    player.frame_shown.connect(lambda image: shown.append(image_bytes(image)))
    with qtbot.waitSignal(player.started, timeout=WAIT) as started:
        player.play(ball(), "wobble")
    assert started.args == ["wobble"] and len(shown) == 1
    qtbot.waitUntil(lambda: player.frames_ready() and len(shown) > 12, timeout=WAIT)
    assert len(set(shown)) > 8                    # it moves: many different frames


def test_the_newest_motion_wins_and_the_old_ones_frames_never_show(qtbot, player):
    started = []
    player.started.connect(started.append)
    player.play(ball(), "bounce")
    player.play(ball(), "spin-hop")               # asked for before the first could finish
    qtbot.waitUntil(player.frames_ready, timeout=WAIT)
    assert started == ["spin-hop"] and player.motion == "spin-hop"


def test_an_empty_picture_fails_with_the_empty_code_and_stops(qtbot, player):
    with qtbot.waitSignal(player.failed, timeout=WAIT) as failed:
        player.play(Image.new("RGB", (200, 150), "white"), "dance")
    assert failed.args == [EMPTY] and not player.is_playing()


def test_every_motion_has_a_drawn_icon_and_a_name():
    for name in MOTION_ICONS:
        assert icon_path(name).exists(), name
        image = render_svg(icon_path(name), 48)
        alpha = np.array([image.pixelColor(x, y).alpha() for x in range(0, 48, 3) for y in range(0, 48, 3)])
        assert (alpha > 0).mean() > 0.1, f"{name} draws almost nothing"
    assert len({motion_label(m) for m in MOTIONS}) == len(MOTIONS)


@pytest.fixture
def window(qtbot, fake_engine, fake_styles):
    """A main window on the fake engine, its style loaded."""
    w = MainWindow(lambda: fake_engine, fake_styles, WindowOptions(sound=False))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.style is not None, timeout=WAIT)
    yield w
    w.shutdown()


def magic(qtbot, window):
    mouse_stroke(window.canvas, [(300, 400), (300, 650), (650, 650), (650, 400), (300, 400)])
    with qtbot.waitSignal(window.final_shown, timeout=WAIT):
        QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)


def test_make_it_move_appears_after_magic_and_plays_in_the_picture_until_stopped(qtbot, window):
    bar = window.motion_bar
    assert bar.isHidden()                         # nothing to move before Magic!
    magic(qtbot, window)
    still = image_bytes(window.picture.image())
    assert bar.isVisible() and bar.move_button.isVisible()
    moved = []
    bar.moved.connect(moved.append)
    QTest.mouseClick(bar.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: moved == ["bounce"], timeout=WAIT)
    assert window.magic_button.isHidden() and all(b.isVisible() for b in bar.choices.values())
    qtbot.waitUntil(lambda: image_bytes(window.picture.image()) != still, timeout=WAIT)
    QTest.mouseClick(bar.choices["walk"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: moved == ["bounce", "walk"], timeout=WAIT)
    QTest.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
    assert not bar.player.is_playing() and window.magic_button.isVisible()
    assert window.picture.image().size() == window.last_final.image.size()   # the still is back


def test_a_new_stroke_stops_the_motion_and_hides_make_it_move(qtbot, window):
    magic(qtbot, window)
    bar = window.motion_bar
    QTest.mouseClick(bar.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(bar.player.is_playing, timeout=WAIT)
    mouse_stroke(window.canvas, [(100, 100), (200, 120)])
    assert not bar.player.is_playing() and bar.isHidden() and window.magic_button.isVisible()


def test_make_it_move_comes_back_with_the_picture_when_the_child_taps_back_to_a_style(
        qtbot, window, fake_styles):
    magic(qtbot, window)
    first = window.last_final
    with qtbot.waitSignal(window.final_shown, timeout=WAIT):       # another style: a new picture
        window.choose_style(fake_styles[1])
    with qtbot.waitSignal(window.kept_shown, timeout=WAIT):        # back: the picture made before
        window.choose_style(fake_styles[0])
    bar = window.motion_bar
    assert bar.isVisible() and bar.move_button.isVisible()
    assert image_bytes(window.picture.image()) == image_bytes(first.image)
    QTest.mouseClick(bar.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(bar.player.is_playing, timeout=WAIT)
    qtbot.waitUntil(lambda: image_bytes(window.picture.image()) != image_bytes(first.image), timeout=WAIT)


def test_the_gallery_moves_a_creation_and_saves_it_as_a_gif(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    gallery = Gallery(tmp_path / "g")
    entry = gallery.add(Image.new("RGB", (320, 240), "white"), ball(), [], "sticker", "ann",
                        created=datetime(2024, 5, 1))
    view = GalleryView(gallery, "ann", export_dir=tmp_path / "Pictures")
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.select(entry)
    page = view.motion_page
    QTest.mouseClick(view.move_btn, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is page
    QTest.mouseClick(page.choices["float"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.player.motion == "float" and page.player.frames_ready(), timeout=WAIT)
    with qtbot.waitSignal(view.exported, timeout=WAIT) as saved:
        QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    path = saved.args[0]
    assert path.endswith(f"iCanvas-float-{entry}.gif")
    with Image.open(path) as gif:
        frames = [f.convert("RGB") for f in ImageSequence.Iterator(gif)]
    assert len(frames) >= 24 and tuple(np.asarray(frames[0])[0, 0]) == (255, 255, 255)
    QTest.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentIndex() == 0 and not page.player.is_playing()
    view.shutdown()


def test_the_gallery_hides_saving_a_moving_picture_when_grown_ups_turned_export_off(qtbot, tmp_path):
    view = GalleryView(Gallery(tmp_path / "g"), "ann", allow_export=False)
    qtbot.addWidget(view)
    assert view.motion_page.save_button.isHidden()
    view.shutdown()


def test_making_a_picture_move_earns_a_badge_once_in_the_app(qtbot, make_shell):
    shell = make_shell()
    w, session = shell.window, shell.session
    earned = []
    session.badges_earned.connect(lambda states: earned.extend(s.id for s in states))
    mouse_stroke(w.canvas, [(300, 400), (300, 650), (650, 650), (650, 400), (300, 400)])
    with qtbot.waitSignal(session.saved, timeout=WAIT) as saved:
        QTest.mouseClick(w.magic_button, Qt.MouseButton.LeftButton)
    assert "motion" not in earned
    QTest.mouseClick(w.motion_bar.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "motion" in earned, timeout=WAIT)
    assert shell.toast.isVisible()                         # celebrated like any new badge
    moved = [e for e in session.events.events(session.profile_id) if e.kind == "moved"]
    assert [(e.data["motion"], e.data["creation"]) for e in moved] == [("bounce", saved.args[0])]
    for motion in ("walk", "bounce"):                      # bounce again: not written twice
        with qtbot.waitSignal(w.motion_bar.moved, timeout=WAIT):
            QTest.mouseClick(w.motion_bar.choices[motion], Qt.MouseButton.LeftButton)
    moved = [e.data["motion"] for e in session.events.events(session.profile_id) if e.kind == "moved"]
    assert moved == ["bounce", "walk"] and earned.count("motion") == 1


def test_moving_a_creation_in_the_gallery_counts_for_the_badge(qtbot, make_shell):
    shell = make_shell()
    session = shell.session
    entry = session.gallery.add(Image.new("RGB", (320, 240), "white"), ball(), [], "sticker",
                                session.profile_id)
    shell.show_gallery()
    with qtbot.waitSignal(shell.gallery_view.moved, timeout=WAIT) as moved:
        shell.gallery_view.motion_page.open(entry, ball(), "float")
    assert moved.args == [entry, "float"]
    states = {s.id: s for s in session.badge_states()}
    assert states["motion"].unlocked and "motion" in session.profile.badges
