"""Main window tests: drawing, live preview, Magic, style switches in every state, clearing,
keyboard, access."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from icanvas_desktop.ui.icons import ICON_NAMES, icon_path, render_svg
from icanvas_desktop.ui.main_window import MainWindow, WindowOptions
from icanvas_desktop.ui.selftest import mouse_stroke, picture_is_good
from icanvas_desktop.ui.sound import SOUND_NAMES, sound_path
from icanvas_desktop.ui.widgets import big_button

WAIT = 20_000


@pytest.fixture
def make_window(qtbot, fake_engine, fake_styles):
    def make(**options) -> MainWindow:
        options.setdefault("sound", False)
        engine = options.pop("engine", fake_engine)
        window = MainWindow(lambda: engine, fake_styles, WindowOptions(**options))
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.style is not None, timeout=WAIT)
        return window
    return make


def draw_house(window):
    c = window.canvas
    mouse_stroke(c, [(300, 400), (300, 650), (650, 650), (650, 400), (300, 400)])
    mouse_stroke(c, [(280, 410), (475, 250), (670, 410)])


def test_drawing_with_the_mouse_brings_a_live_preview(qtbot, make_window, fake_engine):
    window = make_window()
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT) as blocker:
        draw_house(window)
    assert blocker.args[0].revision > 0
    assert not window.picture.image().isNull()
    assert ("preview", blocker.args[0].revision) in fake_engine.calls


def test_magic_click_makes_a_coloured_picture_and_hands_it_to_the_gallery_hook(qtbot, make_window):
    received = []
    window = make_window(magic_callback=lambda d, pil, style: received.append((d, pil, style)))
    draw_house(window)
    with qtbot.waitSignal(window.final_shown, timeout=WAIT):
        QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    snapshot, pil, style = received[0]
    assert len(snapshot.strokes) == 2 and style.name == "sticker"
    assert picture_is_good(pil)[0]
    assert window.picture.image().width() == pil.width


def test_magic_on_an_empty_page_asks_for_a_drawing_first(qtbot, make_window, fake_engine):
    window = make_window()
    QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert window.last_final is None
    assert not any(kind == "final" for kind, _ in fake_engine.calls)
    assert "Draw something first" in window.helper.text()


def test_a_broken_style_shows_a_friendly_message_and_drawing_still_works(qtbot, make_window):
    window = make_window()
    broken = window.style_picker.cards[2]
    with qtbot.waitSignal(window.message_shown, timeout=WAIT,
                          check_params_cb=lambda title: "sleeping" in title):
        QTest.mouseClick(broken, Qt.MouseButton.LeftButton)
    title, detail = window.picture.message()
    assert "sleeping" in title and "keep drawing" in detail
    assert "Traceback" not in detail
    draw_house(window)
    assert len(window.drawing.strokes) == 2
    assert window.canvas.layer_images()[0].pixelColor(10, 10).alpha() == 0  # canvas still paints
    # ...and choosing a working style again brings the magic back.
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT):
        QTest.mouseClick(window.style_picker.cards[0], Qt.MouseButton.LeftButton)


def test_choosing_another_style_renders_the_preview_again(qtbot, make_window, fake_engine):
    window = make_window()
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT):
        draw_house(window)
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT):
        QTest.mouseClick(window.style_picker.cards[1], Qt.MouseButton.LeftButton)
    assert window.style.name == "crayon" and fake_engine.style.name == "crayon"


def test_new_page_asks_with_big_yes_and_no_and_undo_brings_the_drawing_back(qtbot, make_window):
    window = make_window()
    draw_house(window)
    QTest.mouseClick(window.tools.clear_button, Qt.MouseButton.LeftButton)
    dialog = window.clear_dialog
    assert dialog.isVisible()
    QTest.mouseClick(dialog.no_button, Qt.MouseButton.LeftButton)
    assert len(window.drawing.strokes) == 2
    QTest.mouseClick(window.tools.clear_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.clear_dialog.yes_button, Qt.MouseButton.LeftButton)
    assert window.drawing.strokes == []
    QTest.mouseClick(window.tools.undo_button, Qt.MouseButton.LeftButton)
    assert len(window.drawing.strokes) == 2


def test_undo_and_redo_work_from_keyboard_shortcuts_and_buttons(qtbot, make_window):
    window = make_window()
    draw_house(window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.drawing.strokes) == 1
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(window.drawing.strokes) == 2
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.drawing.strokes) == 2
    assert not window.tools.redo_button.isEnabled()
    QTest.mouseClick(window.tools.undo_button, Qt.MouseButton.LeftButton)
    assert window.tools.redo_button.isEnabled()
    QTest.mouseClick(window.tools.redo_button, Qt.MouseButton.LeftButton)
    assert len(window.drawing.strokes) == 2


def test_tool_buttons_switch_the_canvas_tool_and_the_helper_line_explains_it(qtbot, make_window):
    window = make_window()
    QTest.mouseClick(window.tools.buttons["eraser"], Qt.MouseButton.LeftButton)
    assert window.canvas.tool == "eraser" and "Eraser" in window.helper.text()
    QTest.mouseClick(window.tools.buttons["hint_blue"], Qt.MouseButton.LeftButton)
    assert window.canvas.tool == "hint" and window.canvas.hint_color == (25, 130, 196)
    assert "Blue" in window.helper.text()
    QTest.mouseClick(window.tools.buttons["pen_thick"], Qt.MouseButton.LeftButton)
    assert window.canvas.tool == "pen" and window.canvas.pen_size == "thick"
    assert "Thick" in window.helper.text()


def test_every_control_has_an_accessible_name_and_takes_keyboard_focus(qtbot, make_window):
    window = make_window()
    buttons = window.findChildren(QAbstractButton)
    assert len(buttons) > 15
    for b in buttons:
        assert b.accessibleName(), b.text()
        assert b.focusPolicy() & Qt.FocusPolicy.TabFocus, b.accessibleName()
    assert window.canvas.accessibleName() and window.picture.accessibleName()


def test_nav_buttons_and_pages_can_be_added_later(qtbot, make_window):
    window = make_window()
    page = QWidget()
    clicks = []
    button = window.add_nav_button("gallery", "Gallery", lambda: (clicks.append(1),
                                                                 window.show_page(page)))
    window.add_page(page)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [1] and window.pages.currentWidget() is page
    window.show_drawing_page()
    assert window.pages.currentWidget() is window.drawing_page


def test_every_icon_and_sound_file_exists_and_icons_are_not_blank():
    for name in ICON_NAMES:
        image = render_svg(icon_path(name), 32)
        opaque = sum(image.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32))
        assert opaque > 50, name
    for name in SOUND_NAMES:
        assert sound_path(name).stat().st_size > 1000


def test_a_picture_kept_in_the_gallery_stays_when_a_preview_of_the_same_strokes_arrives(
        qtbot, make_window):
    from PySide6.QtGui import QImage
    window = make_window()
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT):
        draw_house(window)
    kept = QImage(40, 30, QImage.Format.Format_RGB888)
    kept.fill(Qt.GlobalColor.green)
    window.show_kept_picture(kept)
    window.request_preview()
    qtbot.wait(300)
    assert window.picture.image().size() == kept.size()


def test_with_live_preview_off_the_picture_area_asks_for_magic(qtbot, make_window, fake_engine):
    window = make_window(live_preview=False)
    draw_house(window)
    qtbot.waitUntil(lambda: window.picture.message()[0] == "Press Magic!", timeout=WAIT)
    assert not any(kind == "preview" for kind, _ in fake_engine.calls)
    window.set_live_preview(True)
    qtbot.waitUntil(lambda: any(kind == "preview" for kind, _ in fake_engine.calls), timeout=WAIT)


def test_widgets_can_join_the_row_under_the_canvas(make_window):
    window = make_window()
    extra = QWidget()
    extra.setMinimumHeight(60)
    window.add_bottom_widget(extra)
    QApplication.processEvents()
    canvas = window.canvas.geometry()
    place = extra.mapTo(window.drawing_page, extra.rect().topLeft())
    assert extra.isVisibleTo(window) and place.y() >= canvas.bottom()
    assert canvas.left() <= place.x() <= canvas.right()


def test_more_picture_buttons_can_join_the_row_under_the_picture(make_window):
    window = make_window()
    more = big_button("play", "Move", "Make it move!", 40)
    window.action_row.addWidget(more)
    QApplication.processEvents()
    magic = window.magic_button.geometry()
    assert more.geometry().top() == magic.top() and not more.geometry().intersects(magic)
    row = window.magic_button.parentWidget().geometry()       # in the drawing page
    assert window.picture.geometry().bottom() < row.top()
    assert more.isVisibleTo(window) and row.contains(more.geometry().translated(row.topLeft()))


# -- a style switch always shows a picture in the new style (issue 20, issue 25 item 9) --------

def tinted_engine(engine_class, **kwargs):
    """A fake engine whose pictures carry the loaded style's colour, and whose style load can
    be slow: a picture shows which style made it."""
    tints = {"sticker": (230, 40, 40), "crayon": (40, 40, 230), "broken": (0, 0, 0)}

    class Tinted(engine_class):
        load_delay = 0.0

        def load_style(self, style):
            if self.load_delay:
                import time
                time.sleep(self.load_delay)
            super().load_style(style)

        def _make(self, drawing, long_side):
            picture = super()._make(drawing, long_side)
            picture.paste(tints[self.style.name], (0, 0, 16, 16))
            return picture
    return Tinted(broken=("broken",), **kwargs)


def tint(image) -> tuple[int, int, int]:
    c = image.pixelColor(4, 4)
    return c.red(), c.green(), c.blue()


def click_style(window, index: int) -> None:
    QTest.mouseClick(window.style_picker.cards[index], Qt.MouseButton.LeftButton)


def test_a_style_switch_after_magic_shows_the_final_picture_in_the_new_style_and_keeps_both(
        qtbot, make_window, engine_class):
    kept = []
    window = make_window(engine=tinted_engine(engine_class),
                         magic_callback=lambda d, pil, style: kept.append((pil.size, style.name)))
    draw_house(window)
    with qtbot.waitSignal(window.final_shown, timeout=WAIT):
        QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    assert tint(window.picture.image()) == (230, 40, 40)
    with qtbot.waitSignal(window.final_shown, timeout=WAIT) as shown:
        click_style(window, 1)
    result = shown.args[0]
    assert result.kind == "final" and result.style.name == "crayon"
    assert tint(window.picture.image()) == (40, 40, 230)        # the final, in Crayon
    assert window.picture.image().size() == result.image.size()
    assert kept == [((512, 384), "sticker"), ((512, 384), "crayon")]   # the gallery keeps both


def test_switching_back_shows_the_first_final_again_without_a_second_copy(
        qtbot, make_window, engine_class):
    kept = []
    engine = tinted_engine(engine_class)
    window = make_window(engine=engine,
                         magic_callback=lambda d, pil, style: kept.append(style.name))
    draw_house(window)
    with qtbot.waitSignal(window.final_shown, timeout=WAIT):
        QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.final_shown, timeout=WAIT):
        click_style(window, 1)
    with qtbot.waitSignal(window.style_changed, timeout=WAIT):
        click_style(window, 0)
    qtbot.wait(300)
    assert tint(window.picture.image()) == (230, 40, 40)
    assert kept == ["sticker", "crayon"]
    assert [kind for kind, _ in engine.calls].count("final") == 2


def test_a_switch_while_magic_is_running_keeps_each_picture_under_the_style_that_made_it(
        qtbot, make_window, engine_class):
    kept = []
    engine = tinted_engine(engine_class, delay=0.3)
    window = make_window(engine=engine, magic_callback=lambda d, pil, style: kept.append(
        (style.name, tint(pil_image(pil)))))
    draw_house(window)
    qtbot.waitUntil(lambda: engine.busy.is_set() or window.last_preview is not None, timeout=WAIT)
    QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    click_style(window, 1)                     # at once, before the Magic picture is back
    qtbot.waitUntil(lambda: window.last_final is not None and window.last_final.style is not None
                    and window.last_final.style.name == "crayon", timeout=WAIT)
    qtbot.waitUntil(lambda: tint(window.picture.image()) == (40, 40, 230), timeout=WAIT)
    assert kept and all(name in ("sticker", "crayon") for name, _ in kept)
    # Every kept picture is labelled with the style whose colour it carries; never "".
    colours = {"sticker": (230, 40, 40), "crayon": (40, 40, 230)}
    assert all(colours[name] == colour for name, colour in kept)
    assert kept[-1][0] == "crayon"


def pil_image(pil):
    from icanvas_desktop.ui.worker import pil_to_qimage
    return pil_to_qimage(pil)


def test_a_creation_from_the_gallery_switches_to_its_final_picture_in_the_new_style(
        qtbot, make_window, engine_class):
    from PySide6.QtGui import QImage
    kept = []
    window = make_window(engine=tinted_engine(engine_class),
                         magic_callback=lambda d, pil, style: kept.append(style.name))
    draw_house(window)
    creation = window.drawing.snapshot()
    window.drawing.clear()
    window.load_drawing(creation)
    picture = QImage(64, 48, QImage.Format.Format_RGB888)
    picture.fill(Qt.GlobalColor.green)
    window.show_kept_picture(picture, "sticker")
    qtbot.wait(300)
    assert window.picture.image().size() == picture.size()      # the kept picture stays
    with qtbot.waitSignal(window.final_shown, timeout=WAIT) as shown:
        click_style(window, 1)
    assert shown.args[0].style.name == "crayon" and kept == ["crayon"]
    assert tint(window.picture.image()) == (40, 40, 230)


def test_a_slow_style_shows_progress_then_a_picture_without_another_stroke(
        qtbot, make_window, engine_class):
    engine = tinted_engine(engine_class)
    window = make_window(engine=engine)
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT):
        draw_house(window)
    engine.load_delay = 0.6
    click_style(window, 1)
    assert window.picture.message()[0] == "Getting the Crayon magic ready..."
    qtbot.waitUntil(lambda: window.picture._busy, timeout=WAIT)          # the sparkle runs
    strokes = len(window.drawing.strokes)
    with qtbot.waitSignal(window.preview_shown, timeout=WAIT):
        pass
    assert len(window.drawing.strokes) == strokes
    assert tint(window.picture.image()) == (40, 40, 230)


def test_a_style_switch_on_an_empty_page_ends_in_the_drawing_invitation(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.style_changed, timeout=WAIT):
        click_style(window, 1)
    qtbot.waitUntil(lambda: window.picture.message()[0] == "Draw something,", timeout=WAIT)


def test_magic_pressed_while_a_style_loads_makes_the_picture_in_that_style(
        qtbot, make_window, engine_class):
    engine = tinted_engine(engine_class)
    window = make_window(engine=engine)
    draw_house(window)
    engine.load_delay = 0.4
    click_style(window, 1)
    with qtbot.waitSignal(window.final_shown, timeout=WAIT) as shown:
        QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].style.name == "crayon"
    assert tint(window.picture.image()) == (40, 40, 230)


def test_the_self_test_switches_to_every_style_after_magic_and_checks_three_screens(
        app_state, tmp_path, monkeypatch, fake_styles, engine_class, capsys):
    from icanvas_desktop.ui.selftest import run_self_test
    monkeypatch.setenv("ICANVAS_USER_CONFIG", str(tmp_path / "user.toml"))
    engine = tinted_engine(engine_class)
    rc = run_self_test(None, "en", engine_factory=lambda: engine, styles=fake_styles[:2],
                       timeout_s=30)
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "[6/8] switch to every other style after Magic!: ok - crayon" in out
    assert "[7/8] the layout fits 1024x600, 1366x768, 1920x1080: ok" in out


def test_the_self_test_fails_when_a_style_switch_brings_no_picture(
        app_state, tmp_path, monkeypatch, fake_styles, engine_class, capsys):
    from icanvas_desktop.ui.selftest import run_self_test
    monkeypatch.setenv("ICANVAS_USER_CONFIG", str(tmp_path / "user.toml"))
    engine = tinted_engine(engine_class)
    rc = run_self_test(None, "en", engine_factory=lambda: engine,
                       styles=[fake_styles[0], fake_styles[2]], timeout_s=5)
    out = capsys.readouterr().out
    assert rc == 1 and "[6/8] switch to every other style after Magic!: FAILED - broken" in out
