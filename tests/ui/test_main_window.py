"""Main window smoke tests: drawing, live preview, Magic, styles, clearing, keyboard, access."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget

from icanvas_desktop.ui.icons import ICON_NAMES, icon_path, render_svg
from icanvas_desktop.ui.main_window import MainWindow, WindowOptions
from icanvas_desktop.ui.selftest import mouse_stroke, picture_is_good
from icanvas_desktop.ui.sound import SOUND_NAMES, sound_path

WAIT = 20_000


@pytest.fixture
def make_window(qtbot, fake_engine, fake_styles):
    def make(**options) -> MainWindow:
        options.setdefault("sound", False)
        window = MainWindow(lambda: fake_engine, fake_styles, WindowOptions(**options))
        qtbot.addWidget(window)
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


def test_widgets_can_join_the_bottom_row_beside_the_style_cards(make_window):
    window = make_window()
    extra = QWidget()
    window.add_bottom_widget(extra)
    assert extra.parent() is window.drawing_page
