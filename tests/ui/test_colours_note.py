"""Why Magic colours is off (the engine's colours_note, set when a style's colour index cannot be
read) reaches the grown-ups' corner, among the other problems iCanvas found."""

from PySide6.QtWidgets import QGroupBox, QLabel

from icanvas_desktop.ui.grownups import GrownUpsScreen

NOTE = "Magic colours is off for “Sticker”: sticker.colours.safetensors is damaged"


def test_the_corner_names_why_magic_colours_is_off(qtbot, make_shell):
    shell = make_shell()
    assert shell.window.controller.colours_note() == ""
    assert NOTE not in shell.corner_settings().warnings
    engine = shell.engines[-1][1]
    engine.colours_note = NOTE            # as Engine._load_colours leaves it after a damaged index
    loaded = shell.corner_settings()
    assert loaded.warnings.count(NOTE) == 1
    screen = GrownUpsScreen(loaded)
    qtbot.addWidget(screen)
    group = next(g for g in screen.findChildren(QGroupBox) if g.title() == "Problems iCanvas found")
    assert any(NOTE in label.text() for label in group.findChildren(QLabel))
