"""Children told apart (an animal in a colour, or a name); grown-ups rename and remove them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from icanvas_desktop.core.profiles import COLOUR_RGB, COLOUR_TITLES, Profiles
from icanvas_desktop.ui.grownups_children import ChildrenDialog
from icanvas_desktop.ui.profile_picker import ProfilePicker, profile_icon
from icanvas_desktop.ui.selftest import mouse_stroke

WAIT = 20_000
SUN = [(800, 150), (860, 150), (860, 210), (800, 210), (800, 150)]


def ring_colour(profile):
    image = profile_icon(profile, 128).pixmap(128, 128).toImage()
    return image.pixelColor(64, 5).name().upper()            # top of the ring


def test_two_cats_are_told_apart_by_colour_in_the_picker(qtbot, tmp_path):
    profiles = Profiles(tmp_path)
    a, b = profiles.add("cat"), profiles.add("cat")
    picker = ProfilePicker(profiles)
    qtbot.addWidget(picker)
    texts = {pid: button.text() for pid, button in picker.profile_buttons.items()}
    assert texts[a.id] != texts[b.id]
    assert texts[a.id] == f"{COLOUR_TITLES[a.colour]['en']} Cat"
    assert ring_colour(a) == COLOUR_RGB[a.colour].upper() and ring_colour(b) == COLOUR_RGB[b.colour].upper()


def test_a_grown_up_names_a_child_and_the_app_calls_them_so(qtbot, make_shell):
    def corner(loaded, styles, parent, *, lang, session):
        dialog = ChildrenDialog(session, parent, lang=lang)
        qtbot.addWidget(dialog)
        edit = dialog.name_edits[session.profile_id]
        assert edit.placeholderText() == "Fox"
        edit.setText("Mina")
        edit.editingFinished.emit()
        assert dialog.changed
        return None                                          # Cancel: the name is kept anyway
    shell = make_shell(open_corner=corner)
    QTest.mouseClick(shell.gear_button, Qt.MouseButton.LeftButton)
    assert shell.session.profile.name == "Mina" and "Mina" in shell.avatar_button.text()
    assert Profiles(shell.session.places.gallery_root).current.name == "Mina"
    assert shell.picker.profile_buttons[shell.session.profile_id].text() == "Mina"


def test_removing_a_child_keeps_their_pictures_in_the_trash_and_hands_the_page_on(qtbot, make_shell):
    asked = []

    def corner(loaded, styles, parent, *, lang, session):
        dialog = ChildrenDialog(session, parent, lang=lang, confirm=lambda d, q: asked.append(q) or answer[0])
        qtbot.addWidget(dialog)
        QTest.mouseClick(dialog.remove_buttons[gone.id], Qt.MouseButton.LeftButton)
        return None
    shell = make_shell(open_corner=corner)
    w = shell.window
    gone = shell.session.profile
    mouse_stroke(w.canvas, SUN)
    with qtbot.waitSignal(shell.session.saved, timeout=WAIT):
        QTest.mouseClick(w.magic_button, Qt.MouseButton.LeftButton)
    mouse_stroke(w.canvas, [(100, 600), (300, 600)])         # and a drawing in progress
    shell.page_keeper.keep()
    shell.session.autosaver.flush()
    shell.show_profiles()
    shell.picker.show_animals()
    QTest.mouseClick(shell.picker.animal_buttons["owl"], Qt.MouseButton.LeftButton)
    owl = shell.session.profile
    mouse_stroke(w.canvas, [(200, 200), (400, 300)])
    shell.show_profiles()
    QTest.mouseClick(shell.picker.profile_buttons[gone.id], Qt.MouseButton.LeftButton)
    assert len(w.drawing.strokes) == 2                       # the fox's page, back on the canvas

    answer = [False]                                         # "No": nothing happens
    QTest.mouseClick(shell.gear_button, Qt.MouseButton.LeftButton)
    assert "pictures (1)" in asked[0] and "Fox" in asked[0]
    assert any(p.id == gone.id for p in shell.session.profiles.list())

    answer = [True]
    QTest.mouseClick(shell.gear_button, Qt.MouseButton.LeftButton)
    session = shell.session
    assert [p.id for p in session.profiles.list()] == [owl.id]
    assert session.gallery.list(gone.id) == [] and len(session.gallery.trash(gone.id)) == 1
    assert not session.drafts.path(gone.id).exists()
    # the owl is drawing now, on the owl's own page, and the fox's drawing left with the fox
    assert session.profile.id == owl.id and shell.page_keeper.owner == owl.id
    assert len(w.drawing.strokes) == 1 and abs(w.drawing.strokes[0].points[0].x - 200) < 2
    shell.page_keeper.keep()
    session.autosaver.flush()
    assert not session.drafts.path(gone.id).exists()        # no late write brings it back


def test_removing_the_last_child_goes_back_to_picking_an_animal(qtbot, make_shell):
    def corner(loaded, styles, parent, *, lang, session):
        ChildrenDialog(session, parent, confirm=lambda d, q: True).remove(session.profile_id)
        return None
    shell = make_shell(open_corner=corner)
    mouse_stroke(shell.window.canvas, SUN)
    QTest.mouseClick(shell.gear_button, Qt.MouseButton.LeftButton)
    assert shell.session.profile is None
    assert shell.window.pages.currentWidget() is shell.picker
    assert shell.window.drawing.strokes == []


def test_the_grown_ups_corner_offers_the_children_of_the_running_app(qtbot, make_shell):
    from icanvas_desktop.ui.grownups import GrownUpsScreen
    shell = make_shell()
    alone = GrownUpsScreen(shell.corner_settings(), shell.all_styles)
    qtbot.addWidget(alone)
    assert not hasattr(alone, "children_button")            # no app running: no children to show
    screen = GrownUpsScreen(shell.corner_settings(), shell.all_styles, session=shell.session)
    qtbot.addWidget(screen)
    assert screen.children_button.text().replace("&", "") == "Children..."
