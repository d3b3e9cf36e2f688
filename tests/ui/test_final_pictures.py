"""Final pictures by style: a switch back, or a switch on a creation reopened from the gallery,
shows the picture already made for the same strokes and keeps no second copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.ui.final_pictures import FinalPictures
from icanvas_desktop.ui.selftest import mouse_stroke

WAIT = 20_000
HOUSE = [[(300, 400), (300, 650), (650, 650), (650, 400), (300, 400)],
         [(280, 410), (475, 250), (670, 410)]]


def test_a_final_is_remembered_per_style_for_its_revision_only():
    finals = FinalPictures()
    finals.show(3, "sticker", "S")
    finals.keep(3, "crayon", "C")
    assert finals.showing(3) and (finals.kept(3, "sticker"), finals.kept(3, "crayon")) == ("S", "C")
    assert finals.kept(4, "sticker") is None          # another drawing: nothing kept for it
    finals.keep(4, "crayon", "C4")
    assert finals.kept(3, "crayon") is None and finals.kept(4, "crayon") == "C4"
    finals.forget()
    assert not finals.showing(3)


def choose(shell, index: int) -> None:
    QTest.mouseClick(shell.window.style_picker.cards[index], Qt.MouseButton.LeftButton)


def test_a_style_switch_on_a_reopened_creation_shows_the_copy_kept_earlier(qtbot, make_shell):
    shell = make_shell()
    w, session = shell.window, shell.session
    for line in HOUSE:
        mouse_stroke(w.canvas, line)
    with qtbot.waitSignal(session.saved, timeout=WAIT):
        QTest.mouseClick(w.magic_button, Qt.MouseButton.LeftButton)          # Sticker, kept
    with qtbot.waitSignal(session.saved, timeout=WAIT):
        choose(shell, 1)                                                      # Crayon, kept too
    by_style = {e.style: e.id for e in session.gallery.list()}
    assert sorted(by_style) == ["crayon", "sticker"]
    engine = shell.engines[-1][1]
    finals_made = [kind for kind, _ in engine.calls].count("final")

    # Another day: the page holds something else; the child reopens the Sticker picture.
    w.tools.clear_requested.emit()
    w.clear_dialog.answered.emit(True)
    shell._open_creation(session.gallery.load(by_style["sticker"]))
    with qtbot.waitSignal(w.style_changed, timeout=WAIT):
        choose(shell, 1)
    qtbot.wait(400)                                    # time for a render and a save, were one asked
    crayon = session.gallery.load(by_style["crayon"]).result
    shown = w.picture.image().convertToFormat(w.picture.image().Format.Format_RGB888)
    assert (shown.width(), shown.height()) == crayon.size
    assert shown.pixelColor(40, 40).getRgb()[:3] == crayon.getpixel((40, 40))
    assert len(session.gallery.list()) == 2                                   # no third copy
    assert [kind for kind, _ in engine.calls].count("final") == finals_made   # nothing made again
    assert session.is_saved(w.drawing, "crayon") == by_style["crayon"]        # "I did it!" uses it
    with qtbot.waitSignal(w.style_changed, timeout=WAIT):
        choose(shell, 0)                                                      # and back again
    assert len(session.gallery.list()) == 2


def test_a_switch_to_a_style_never_made_for_these_strokes_still_makes_and_keeps_it(
        qtbot, make_shell):
    shell = make_shell()
    w, session = shell.window, shell.session
    for line in HOUSE:
        mouse_stroke(w.canvas, line)
    with qtbot.waitSignal(session.saved, timeout=WAIT):
        QTest.mouseClick(w.magic_button, Qt.MouseButton.LeftButton)
    kept = session.gallery.list()[0]
    mouse_stroke(w.canvas, [(100, 100), (200, 120)])     # a second drawing, kept in Sticker too
    with qtbot.waitSignal(session.saved, timeout=WAIT):
        QTest.mouseClick(w.magic_button, Qt.MouseButton.LeftButton)
    shell._open_creation(session.gallery.load(kept.id))
    with qtbot.waitSignal(session.saved, timeout=WAIT):
        choose(shell, 1)
    assert sorted(e.style for e in session.gallery.list()) == ["crayon", "sticker", "sticker"]
