"""Nothing a child draws is lost: autosave, Keep drawing with Undo, and each child's own page."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.core.autosave import Drafts
from icanvas_desktop.ui.selftest import mouse_stroke
from icanvas_desktop.ui.page_keeper import AUTOSAVE_MS

WAIT = 20_000
HOUSE = [[(300, 400), (300, 650), (650, 650), (650, 400), (300, 400)],
         [(280, 410), (475, 250), (670, 410)]]
SUN = [(800, 150), (860, 150), (860, 210), (800, 210), (800, 150)]


def draw(window, lines):
    for line in lines:
        mouse_stroke(window.canvas, line)


def strokes_of(drawing):
    return [s.to_dict() for s in drawing.strokes]


def magic_and_wait_for_save(qtbot, shell):
    with qtbot.waitSignal(shell.session.saved, timeout=WAIT):
        QTest.mouseClick(shell.window.magic_button, Qt.MouseButton.LeftButton)


def new_child(shell, animal):
    shell.show_profiles()
    shell.picker.show_animals()
    QTest.mouseClick(shell.picker.animal_buttons[animal], Qt.MouseButton.LeftButton)
    return shell.session.profile


def test_the_drawing_is_written_a_few_seconds_after_the_last_stroke(qtbot, make_shell):
    shell = make_shell()
    draw(shell.window, HOUSE)
    path = shell.session.drafts.path(shell.session.profile_id)
    qtbot.waitUntil(path.exists, timeout=AUTOSAVE_MS + 5000)
    data = json.loads(path.read_text())
    assert len(data["strokes"]) == 2 and data["style"] == "sticker" and data["kept"] == ""
    assert not list(path.parent.glob(".*.tmp"))              # written atomically, nothing left over


def test_a_child_who_never_stops_drawing_is_still_saved_every_few_seconds(qtbot, make_shell):
    shell = make_shell()
    path = shell.session.drafts.path(shell.session.profile_id)
    strokes = 0
    while not path.exists():                                 # a stroke every 0.4 s, no pause
        mouse_stroke(shell.window.canvas, [(100 + 10 * strokes, 100), (100 + 10 * strokes, 300)])
        strokes += 1
        qtbot.wait(400)
        assert strokes * 400 < AUTOSAVE_MS + 4000, "nothing was written while the child drew"
    assert strokes >= 2


def test_the_drawing_comes_back_after_closing_the_app(qtbot, make_shell):
    first = make_shell()
    draw(first.window, HOUSE)
    first.window.style_picker.select("crayon")
    qtbot.waitUntil(lambda: first.window.style is not None and first.window.style.name == "crayon", timeout=WAIT)
    drawn = strokes_of(first.window.drawing)
    first.shutdown()                                         # closing writes at once
    again = make_shell()
    assert strokes_of(again.window.drawing) == drawn
    qtbot.waitUntil(lambda: again.window.style is not None and again.window.style.name == "crayon", timeout=WAIT)


def test_a_picture_already_kept_in_the_gallery_does_not_come_back_on_a_blank_start(qtbot, make_shell):
    first = make_shell()
    draw(first.window, HOUSE)
    magic_and_wait_for_save(qtbot, first)
    first.shutdown()
    again = make_shell(start_with="blank")
    assert again.window.drawing.strokes == []               # it is in the gallery; the page is blank
    draw(again.window, [SUN])
    again.shutdown()
    third = make_shell(start_with="blank")                  # but added strokes are work in progress
    assert len(third.window.drawing.strokes) == 1


def test_keep_drawing_on_a_gallery_picture_can_be_undone(qtbot, make_shell):
    shell = make_shell()
    w = shell.window
    draw(w, [SUN])
    magic_and_wait_for_save(qtbot, shell)
    creation = shell.session.last_creation()
    w.tools.clear_requested.emit()
    w.clear_dialog.answered.emit(True)
    draw(w, HOUSE)                                           # a new drawing, not kept anywhere
    unkept = strokes_of(w.drawing)
    shell._open_creation(creation)                           # "Keep drawing" on the sun
    assert len(w.drawing.strokes) == 1
    assert "Undo" in w.helper.text()
    w.drawing.undo()
    assert strokes_of(w.drawing) == unkept
    w.drawing.redo()
    assert len(w.drawing.strokes) == 1


def test_a_new_child_starts_on_a_blank_page_and_each_child_gets_their_page_back(qtbot, make_shell):
    shell = make_shell()
    w = shell.window
    fox = shell.session.profile
    draw(w, HOUSE)
    w.drawing.undo()
    w.drawing.redo()
    fox_page = strokes_of(w.drawing)
    cat = new_child(shell, "cat")
    assert cat.id != fox.id
    assert w.drawing.strokes == [] and not w.drawing.can_undo()   # not the fox's drawing or history
    draw(w, [SUN])
    shell.show_profiles()
    QTest.mouseClick(shell.picker.profile_buttons[fox.id], Qt.MouseButton.LeftButton)
    assert strokes_of(w.drawing) == fox_page and w.drawing.can_undo()
    w.drawing.undo()
    assert len(w.drawing.strokes) == 1                       # the fox's own history, not the cat's
    shell.show_profiles()
    QTest.mouseClick(shell.picker.profile_buttons[cat.id], Qt.MouseButton.LeftButton)
    assert len(w.drawing.strokes) == 1 and abs(w.drawing.strokes[0].points[0].x - SUN[0][0]) < 2
    # each child's drawing is on disk under their own name
    shell.session.autosaver.flush()
    drafts = Drafts(shell.session.places.gallery_root)
    assert len(drafts.load(fox.id).strokes) == 1 and len(drafts.load(cat.id).strokes) == 1


def test_each_child_gets_their_own_drawing_back_after_a_restart(qtbot, make_shell):
    shell = make_shell()
    draw(shell.window, HOUSE)
    fox = shell.session.profile
    new_child(shell, "cat")
    draw(shell.window, [SUN])
    shell.shutdown()
    again = make_shell()
    assert len(again.window.drawing.strokes) == 1            # the cat drew last
    again.show_profiles()
    QTest.mouseClick(again.picker.profile_buttons[fox.id], Qt.MouseButton.LeftButton)
    assert len(again.window.drawing.strokes) == 2


def test_a_damaged_drawing_file_is_set_aside_and_the_child_starts_on_a_blank_page(qtbot, make_shell):
    first = make_shell()
    pid = first.session.profile_id
    first.shutdown()
    path = Drafts(first.session.places.gallery_root).path(pid)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b'{"schema_version": 1, "strokes": [{"kind": "lava"}]}')
    again = make_shell()
    assert again.window.drawing.strokes == []
    assert list(path.parent.glob(f"{path.name}.damaged-*"))
    assert any("could not be read" in p for p in again.session.problems())
