"""The whole child's app: settings, profiles, gallery saving, badges, challenge, kiosk quit."""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.core.badges import CHALLENGE_DONE, REPLAYED, USED_HINT
from icanvas_desktop.ui import app as app_module
from icanvas_desktop.ui.selftest import mouse_stroke, run_self_test

WAIT = 20_000
HOUSE = [[(300, 400), (300, 650), (650, 650), (650, 400), (300, 400)],
         [(280, 410), (475, 250), (670, 410)]]


def draw_house(window):
    for line in HOUSE:
        mouse_stroke(window.canvas, line)


def press_magic_and_wait_for_save(qtbot, shell):
    with qtbot.waitSignal(shell.session.saved, timeout=WAIT) as blocker:
        QTest.mouseClick(shell.window.magic_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_first_start_asks_for_an_animal_with_one_tap_and_no_text_field(make_shell):
    shell = make_shell(profile=None)
    w = shell.window
    assert w.pages.currentWidget() is shell.picker
    assert not shell.picker.name_edit.isVisible()           # nothing to type for a child
    assert not shell.gallery_button.isEnabled() and not shell.draw_button.isEnabled()
    QTest.mouseClick(shell.picker.animal_buttons["owl"], Qt.MouseButton.LeftButton)
    assert shell.session.profile.avatar == "owl"
    assert w.pages.currentWidget() is w.drawing_page and shell.gallery_button.isEnabled()
    assert "Owl" in shell.avatar_button.text()


def test_magic_picture_is_kept_in_the_childs_gallery_and_earns_the_first_badge(qtbot, make_shell):
    shell = make_shell()
    draw_house(shell.window)
    with qtbot.waitSignal(shell.session.badges_earned, timeout=WAIT) as earned:
        entry_id = press_magic_and_wait_for_save(qtbot, shell)
    entries = shell.session.gallery.list(shell.session.profile_id)
    assert [e.id for e in entries] == [entry_id] and entries[0].stroke_count == 2
    assert entries[0].path.parent.parent == Path(shell.loaded.settings.savedir)
    assert "creations_1" in [s.id for s in earned.args[0]]
    assert "creations_1" in shell.session.profiles.get(shell.session.profile_id).badges
    assert shell.toast.isVisible()
    assert shell.toast.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    central = shell.window.centralWidget()
    for card in shell.window.style_picker.cards:       # the style cards stay in sight
        card_box = card.rect().translated(card.mapTo(central, card.rect().topLeft()))
        assert not shell.toast.geometry().intersects(card_box), card.text()
    # Magic again on the same drawing keeps one creation, not two.
    with qtbot.waitSignal(shell.window.final_shown, timeout=WAIT):
        QTest.mouseClick(shell.window.magic_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert len(shell.session.gallery.list()) == 1


def test_colour_hints_are_recorded_for_the_colour_wizard_badge(qtbot, make_shell):
    shell = make_shell()
    draw_house(shell.window)
    QTest.mouseClick(shell.window.tools.buttons["hint_blue"], Qt.MouseButton.LeftButton)
    mouse_stroke(shell.window.canvas, [(320, 450), (600, 450), (600, 620)])
    press_magic_and_wait_for_save(qtbot, shell)
    kinds = [e.kind for e in shell.session.events.events(shell.session.profile_id)]
    assert USED_HINT in kinds
    assert "colour_hint" in shell.session.profiles.get(shell.session.profile_id).badges


def test_a_full_disk_shows_a_friendly_message_and_the_drawing_stays(qtbot, make_shell, tmp_path):
    shell = make_shell()
    draw_house(shell.window)

    def full(*args, **kwargs):
        raise StorageError(tmp_path, "the disk is full", OSError(28, "No space left"))
    shell.session.gallery.add = full
    with qtbot.waitSignal(shell.session.save_failed, timeout=WAIT):
        QTest.mouseClick(shell.window.magic_button, Qt.MouseButton.LeftButton)
    assert "could not be kept" in shell.window.helper.text()
    assert "disk is full" in shell.window.helper.text()
    assert len(shell.window.drawing.strokes) == 2
    assert not shell.window.picture.image().isNull()


def test_gallery_page_opens_a_creation_to_keep_drawing_and_replay_is_recorded(qtbot, make_shell):
    shell = make_shell()
    draw_house(shell.window)
    entry_id = press_magic_and_wait_for_save(qtbot, shell)
    QTest.mouseClick(shell.window.tools.clear_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(shell.window.clear_dialog.yes_button, Qt.MouseButton.LeftButton)
    assert shell.window.drawing.strokes == []
    QTest.mouseClick(shell.gallery_button, Qt.MouseButton.LeftButton)
    assert shell.window.pages.currentWidget() is shell.gallery_view
    assert shell.gallery_view.selected_id() == entry_id        # buttons work at once
    QTest.mouseClick(shell.gallery_view.replay_btn, Qt.MouseButton.LeftButton)
    assert REPLAYED in [e.kind for e in shell.session.events.events()]
    assert "replay" in shell.session.profiles.get(shell.session.profile_id).badges
    shell.gallery_view._show_grid()
    QTest.mouseClick(shell.gallery_view.open_btn, Qt.MouseButton.LeftButton)
    assert shell.window.pages.currentWidget() is shell.window.drawing_page
    assert len(shell.window.drawing.strokes) == 2
    assert shell.session.is_saved(shell.window.drawing) == entry_id


def test_i_did_it_keeps_the_drawing_and_sticks_the_challenge_sticker_on_it(qtbot, make_shell):
    shell = make_shell()
    card = shell.challenge_card
    QTest.mouseClick(card.button, Qt.MouseButton.LeftButton)       # nothing drawn yet
    assert not card.finished and "challenge first" in shell.window.helper.text()
    draw_house(shell.window)
    with qtbot.waitSignal(shell.session.saved, timeout=WAIT) as saved:
        QTest.mouseClick(card.button, Qt.MouseButton.LeftButton)
    entry = shell.session.gallery.list()[0]
    assert entry.id == saved.args[0]
    assert entry.stickers and entry.stickers[0]["challenge"] == card.challenge.id
    assert CHALLENGE_DONE in [e.kind for e in shell.session.events.events()]
    assert card.finished and not card.button.isEnabled()
    assert "challenge_1" in shell.session.profiles.get(shell.session.profile_id).badges


def test_noquit_ignores_the_close_button_and_holding_ctrl_shift_q_quits(qtbot, make_shell):
    shell = make_shell(noquit=True)
    w = shell.window
    QTest.keyPress(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert shell.hold.is_holding()
    QTest.keyRelease(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not shell.hold.is_holding()          # a short tap does nothing
    qtbot.wait(400)
    assert w.isVisible()
    with qtbot.waitSignal(shell.quit_requested, timeout=WAIT):
        QTest.keyPress(w, Qt.Key.Key_Q,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not w.isVisible()


def test_settings_for_the_gallery_styles_preview_and_engine_are_applied(qtbot, make_shell):
    shell = make_shell(allow_delete=False, allow_export=False, styles=("crayon",),
                       live_preview=False, device="cpu", threads=3, magic_colours=False)
    w = shell.window
    assert [s.name for s in w.styles] == ["crayon"] and w.style.name == "crayon"
    assert shell.engines[-1][0].device == "cpu" and shell.engines[-1][0].threads == 3
    assert shell.engines[-1][0].magic_colours is False
    from icanvas_desktop.ui.app import engine_factory_for     # and the real engine hears it
    assert engine_factory_for(shell.engines[-1][0])().config.magic_colours is False
    shell.show_gallery()
    assert not shell.gallery_view.delete_btn.isVisible()
    assert not shell.gallery_view.export_btn.isVisible()
    w.show_drawing_page()
    draw_house(w)
    qtbot.wait(500)
    engine = shell.engines[-1][1]
    assert not any(kind == "preview" for kind, _ in engine.calls)
    assert w.picture.message()[0] == "Press Magic!"
    press_magic_and_wait_for_save(qtbot, shell)
    assert any(kind == "final" for kind, _ in engine.calls)


def test_high_contrast_makes_the_window_white_on_black(make_shell, qapp):
    shell = make_shell(high_contrast=True, button_size="big")
    sheet = shell.window.styleSheet()
    assert "background: #000000" in sheet and "color: #ffffff" in sheet
    assert qapp.property("icanvas_high_contrast") and qapp.property("icanvas_button_scale") == 1.5


def test_grownups_corner_changes_apply_live_and_keep_the_drawing(qtbot, make_shell):
    asked = []

    def corner(loaded, styles, parent, *, lang, session):
        asked.append((loaded, [s.name for s in styles], lang))
        return dataclasses.replace(loaded, settings=dataclasses.replace(
            loaded.settings, lang="ko", live_preview=False, styles=("sticker", "crayon")))
    shell = make_shell(open_corner=corner)
    old = shell.window
    draw_house(old)
    QTest.mouseClick(shell.gear_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0][1] == ["sticker", "crayon", "broken"]   # every style, to choose from
    new = shell.window
    assert new is not old and shell.lang == "ko"
    assert len(new.drawing.strokes) == 2 and not new.options.live_preview
    assert [s.name for s in new.styles] == ["sticker", "crayon"]
    assert shell.draw_button.text() == "그리기"
    qtbot.waitUntil(lambda: new.style is not None, timeout=WAIT)


def test_start_with_last_reopens_the_last_creation_of_the_child(qtbot, make_shell):
    first = make_shell()
    draw_house(first.window)
    press_magic_and_wait_for_save(qtbot, first)
    first.shutdown()
    again = make_shell(start_with="last")
    assert len(again.window.drawing.strokes) == 2
    assert again.session.is_saved(again.window.drawing)


def test_run_app_from_args_loads_settings_reports_warnings_and_starts(monkeypatch, tmp_path, capsys):
    bad = tmp_path / "settings.toml"
    bad.write_text('sound = "loud"\n', encoding="utf-8")
    monkeypatch.setenv("ICANVAS_SYSTEM_CONFIG", "")
    got = {}

    class FakeShell:
        class _Signal:
            def connect(self, slot):
                got["quit_slot"] = slot
        quit_requested = _Signal()

        def present(self):
            got["presented"] = True

        def shutdown(self):
            got["shut"] = True

    class FakeApp:
        def exec(self):
            return 0
        quit = None
    monkeypatch.setattr(app_module, "create_application", lambda argv=None: FakeApp())
    monkeypatch.setattr(app_module, "build_shell", lambda loaded: got.setdefault("loaded", loaded) and FakeShell())
    ns = argparse.Namespace(lang="ko", savedir=str(tmp_path / "pics"), fullscreen=True,
                            settings_file=str(bad))
    assert app_module.run_app_from_args(ns) == 0
    s = got["loaded"].settings
    assert s.lang == "ko" and s.fullscreen and s.savedir == tmp_path / "pics" and s.sound is True
    assert got["presented"] and got["shut"]
    assert "sound" in capsys.readouterr().err


def test_self_test_uses_a_temporary_gallery_and_passes_with_a_fake_engine(
        app_state, tmp_path, monkeypatch, fake_styles, engine_class):
    user = tmp_path / "user.toml"
    monkeypatch.setenv("ICANVAS_USER_CONFIG", str(user))
    engine = engine_class()
    rc = run_self_test(tmp_path / "shot.png", "en", engine_factory=lambda: engine,
                       styles=fake_styles[:1], timeout_s=30)
    assert rc == 0 and (tmp_path / "shot.png").stat().st_size > 1000
    assert not user.exists() and os.environ["ICANVAS_USER_CONFIG"] == str(user)


def test_self_test_fails_at_once_when_no_style_is_installed(app_state, monkeypatch, capsys):
    import icanvas_desktop.ml.styles as styles
    monkeypatch.setattr(styles, "discover_styles", lambda *a, **k: [])
    assert run_self_test(None, "en") == 1
    assert "no picture style is installed" in capsys.readouterr().out
