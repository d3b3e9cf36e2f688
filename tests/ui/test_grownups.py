"""The grown-ups' corner: the sum gate, the settings screen with school locks, the About box."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QUrl  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton, QApplication, QCheckBox, QComboBox, QDialog, QLabel, QSpinBox, QWidget,
)

from icanvas_desktop.core.atomic import StorageError  # noqa: E402
from icanvas_desktop.core.settings import load_settings, update_settings  # noqa: E402
from icanvas_desktop.ui import grownups, grownups_about  # noqa: E402
from icanvas_desktop.ui.grownups import AboutDialog, GrownUpGate, GrownUpsScreen  # noqa: E402


@dataclass(frozen=True)
class Style:
    name: str
    title: dict
    license: str
    attribution: str
    card_path: Path | None = None
    colours_path: Path | None = None
    colours_data: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def display_title(self, lang: str) -> str:
        return self.title.get(lang) or self.title["en"]


@pytest.fixture
def styles(tmp_path):
    card = tmp_path / "sticker.md"
    card.write_text("# Sticker model card\n", encoding="utf-8")
    return [Style("sticker", {"en": "Sticker", "ko": "스티커"}, "CC BY-SA 4.0 (OpenMoji)",
                  "Trained on OpenMoji emoji by the OpenMoji team.", card),
            Style("crayon", {"en": "Crayon"}, "CC BY 4.0 (Twemoji)", "Trained on Twemoji.")]


@pytest.fixture
def school(tmp_path):
    system = tmp_path / "system.toml"
    # A savedir iCanvas can make (core/readers.folder_problem): /srv is read-only to a pupil.
    system.write_text(f'savedir = "{tmp_path / "srv" / "art"}"\nnoquit = true\n'
                      'locked = ["noquit", "savedir", "device"]\n', encoding="utf-8")
    return load_settings(system_path=system, user_path=tmp_path / "user.toml")


@pytest.fixture
def home(tmp_path):
    return load_settings(system_path=tmp_path / "none.toml", user_path=tmp_path / "user.toml")


def make_gate(qtbot, seed=3):
    gate = GrownUpGate(rng=random.Random(seed))
    qtbot.addWidget(gate)
    gate.show()
    qtbot.waitExposed(gate)
    return gate


# --- gate ---------------------------------------------------------------------------------

def test_gate_asks_a_two_number_sum_with_a_carry(qtbot):
    for seed in range(30):
        gate = make_gate(qtbot, seed)
        a, b = gate.question
        assert 11 <= a <= 19 and 2 <= b <= 9 and a + b >= 20
        assert f"{a} + {b}" in gate.prompt.text()


def test_gate_opens_when_the_typed_answer_is_right(qtbot):
    gate = make_gate(qtbot)
    qtbot.keyClicks(gate, str(gate.answer))
    qtbot.keyClick(gate, Qt.Key.Key_Return)
    assert gate.result() == QDialog.DialogCode.Accepted


def test_gate_opens_with_the_big_number_buttons(qtbot):
    gate = make_gate(qtbot)
    for digit in str(gate.answer):
        qtbot.mouseClick(gate.digit_buttons[int(digit)], Qt.MouseButton.LeftButton)
    assert gate.display.text() == str(gate.answer)
    qtbot.mouseClick(gate.ok_button, Qt.MouseButton.LeftButton)
    assert gate.result() == QDialog.DialogCode.Accepted


def test_gate_wrong_answer_asks_a_new_sum_and_stays_shut(qtbot):
    gate = make_gate(qtbot)
    wrong = gate.answer + 1
    qtbot.keyClicks(gate, str(wrong))
    gate.submit()
    assert gate.result() != QDialog.DialogCode.Accepted
    assert gate.isVisible()
    assert gate.display.text().strip() == ""
    assert "Not quite" in gate.hint.text()


def test_gate_backspace_erases_the_last_digit(qtbot):
    gate = make_gate(qtbot)
    qtbot.keyClicks(gate, "123")
    qtbot.keyClick(gate, Qt.Key.Key_Backspace)
    assert gate.display.text() == "12"
    qtbot.mouseClick(gate.back_button, Qt.MouseButton.LeftButton)
    assert gate.display.text() == "1"


def test_gate_escape_goes_back_to_drawing(qtbot):
    gate = make_gate(qtbot)
    qtbot.keyClick(gate, Qt.Key.Key_Escape)
    assert gate.result() == QDialog.DialogCode.Rejected and not gate.isVisible()


# --- settings screen ----------------------------------------------------------------------

def make_screen(qtbot, loaded, styles=(), **kw):
    screen = GrownUpsScreen(loaded, styles, **kw)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def lock_badges(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget, "lockBadge") if w.isVisibleTo(widget)]


def test_screen_shows_where_the_drawings_are(qtbot, school, tmp_path):
    screen = make_screen(qtbot, school)
    assert screen.savedir_label.text() == str(tmp_path / "srv" / "art")


def test_locked_settings_are_greyed_out_with_a_lock_and_unlocked_ones_work(qtbot, school, styles):
    screen = make_screen(qtbot, school, styles)
    for key in ("noquit", "savedir", "device"):
        assert not screen.controls[key].isEnabled(), key
    for key in ("fullscreen", "sound", "lang", "threads", "allow_delete"):
        assert screen.controls[key].isEnabled(), key
    badges = lock_badges(screen)
    assert len(badges) == 3
    for badge in badges:
        assert any(label.text() == "Set by your school" for label in badge.findChildren(QLabel))
        assert str(school.system_path) in badge.toolTip()
    assert screen.controls["noquit"].isChecked()          # shows the school's value


def test_nothing_is_locked_at_home(qtbot, home, styles):
    screen = make_screen(qtbot, home, styles)
    assert lock_badges(screen) == []
    assert all(c.isEnabled() for c in screen.controls.values())


def test_save_writes_the_changes_and_reports_the_new_settings(qtbot, home, styles):
    screen = make_screen(qtbot, home, styles)
    screen.controls["high_contrast"].setChecked(True)
    combo = screen.controls["button_size"]
    combo.setCurrentIndex(combo.findData("big"))
    screen.controls["threads"].setValue(2)
    screen.style_boxes["crayon"].setChecked(False)
    assert screen.changes() == {"high_contrast": True, "button_size": "big", "threads": 2,
                                "styles": ("sticker",)}
    with qtbot.waitSignal(screen.settingsSaved) as saved:
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    new = saved.args[0].settings
    assert (new.high_contrast, new.button_size, new.threads, new.styles) == \
        (True, "big", 2, ("sticker",))
    assert screen.result() == QDialog.DialogCode.Accepted
    again = load_settings(system_path=home.system_path, user_path=home.user_path)
    assert again.settings == new


def test_saving_without_changes_writes_nothing(qtbot, home):
    screen = make_screen(qtbot, home)
    assert screen.changes() == {}
    screen.save()
    assert not home.user_path.exists()


def test_locked_keys_never_reach_the_save(qtbot, school):
    seen = []
    screen = make_screen(qtbot, school,
                         save=lambda loaded, changes: seen.append(changes) or loaded)
    screen.controls["noquit"].setChecked(False)     # even if something flips a locked control
    screen.controls["sound"].setChecked(False)
    screen.save()
    assert seen == [{"sound": False}]


def test_the_last_style_cannot_be_unticked(qtbot, home, styles):
    screen = make_screen(qtbot, home, styles)
    screen.style_boxes["sticker"].setChecked(False)
    screen.style_boxes["crayon"].setChecked(False)
    assert screen.style_boxes["crayon"].isChecked()
    screen.style_boxes["sticker"].setChecked(True)
    assert "styles" not in screen.changes()           # all ticked again means "all"


def test_change_folder_uses_the_chosen_folder(qtbot, home, tmp_path):
    screen = make_screen(qtbot, home, choose_folder=lambda parent, current: tmp_path / "art")
    qtbot.mouseClick(screen.change_folder_button, Qt.MouseButton.LeftButton)
    assert screen.savedir_label.text() == str(tmp_path / "art")
    assert screen.changes() == {"savedir": tmp_path / "art"}


def test_a_full_disk_keeps_the_screen_open_with_a_message(qtbot, home, monkeypatch):
    shown = []
    monkeypatch.setattr(grownups.QMessageBox, "warning",
                        lambda parent, title, text: shown.append(text))

    def full(loaded, changes):
        raise StorageError(loaded.user_path, "the disk is full")
    screen = make_screen(qtbot, home, save=full)
    screen.controls["sound"].setChecked(False)
    assert screen.save() is False
    assert screen.isVisible()
    assert shown and "the disk is full" in shown[0]


def test_settings_file_problems_are_shown_to_the_grown_up(qtbot, tmp_path):
    user = tmp_path / "user.toml"
    user.write_text('lang = "fr"\n', encoding="utf-8")
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    screen = make_screen(qtbot, loaded)
    texts = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert f"{user}, line 1" in texts


def controls_of(widget: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QComboBox, QSpinBox)
    return [w for w in widget.findChildren(QWidget) if isinstance(w, kinds)
            and w.isVisibleTo(widget)]


def test_every_control_has_an_accessible_name(qtbot, school, styles):
    screen = make_screen(qtbot, school, styles)
    gate = make_gate(qtbot)
    about = AboutDialog(styles)
    qtbot.addWidget(about)
    for dialog in (screen, gate, about):
        assert dialog.accessibleName()
        controls = controls_of(dialog)
        assert controls
        for control in controls:
            assert control.accessibleName().strip(), (type(control).__name__, control.objectName())


def test_tab_reaches_every_enabled_control(qtbot, home, styles):
    screen = make_screen(qtbot, home, styles)
    with qtbot.waitActive(screen):
        screen.activateWindow()
    wanted = {id(w) for w in controls_of(screen) if w.isEnabled()}
    screen.controls["fullscreen"].setFocus()
    seen = set()
    for _ in range(len(wanted) * 2 + 5):
        seen.add(id(QApplication.focusWidget()))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert wanted <= seen


def test_screen_toggles_a_checkbox_with_the_keyboard(qtbot, home):
    screen = make_screen(qtbot, home)
    box = screen.controls["fullscreen"]
    assert isinstance(box, QCheckBox)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert screen.changes() == {"fullscreen": True}


def test_update_settings_is_the_default_save():
    import inspect
    assert inspect.signature(GrownUpsScreen).parameters["save"].default is update_settings


# --- About --------------------------------------------------------------------------------

def test_about_credits_every_style_and_every_project_licence(qtbot, styles):
    about = AboutDialog(styles)
    qtbot.addWidget(about)
    text = about.browser.toPlainText()
    for style in styles:
        assert style.title["en"] in text and style.license in text and style.attribution in text
    for name, licence in (("PySide6", "LGPL"), ("PyTorch", "BSD"), ("ONNX Runtime", "MIT"),
                          ("OpenMoji", "CC BY-SA 4.0"), ("Twemoji", "CC BY 4.0"),
                          ("Noto Emoji", "Apache-2.0")):
        line = next(line for line in text.splitlines() if name in line)
        assert licence in line, line


def test_about_says_where_magic_colours_come_from_for_styles_that_have_them(qtbot, styles, tmp_path):
    with_index = [Style(**{**styles[0].__dict__, "colours_path": tmp_path / "sticker.colours.safetensors"}),
                  styles[1]]
    about = AboutDialog(with_index)
    qtbot.addWidget(about)
    text = about.browser.toPlainText()
    assert text.count("Magic colours in this style") == 1          # Sticker's, not Crayon's
    assert text.index("Magic colours in this style") < text.index("Crayon")


def test_about_names_the_other_pictures_and_their_licence_when_magic_colours_looks_at_another_set(
        qtbot, styles, tmp_path):
    soft = Style("soft", {"en": "Soft"}, "Apache 2.0 (Noto)", "Noto Emoji by Google.",
                 colours_path=tmp_path / "soft.colours.safetensors", meta={"data": {"dataset": "noto"}},
                 colours_data={"dataset": "twemoji", "license": "CC BY 4.0", "attribution": "Twemoji by Twitter."})
    same = Style("sticker", {"en": "Sticker"}, "CC BY-SA 4.0", "OpenMoji.", colours_path=tmp_path / "s.colours",
                 meta={"data": {"dataset": "openmoji"}}, colours_data={"dataset": "openmoji"})
    about = AboutDialog([soft, same])
    qtbot.addWidget(about)
    text = about.browser.toPlainText()
    soft_part = text[text.index("Soft"):text.index("Sticker")]
    assert "other pictures (twemoji), licence CC BY 4.0" in soft_part and "Twemoji by Twitter." in soft_part
    assert "same pictures" in text[text.index("Sticker"):]


def test_about_shows_korean_style_titles_in_korean(qtbot, styles):
    about = AboutDialog(styles, lang="ko")
    qtbot.addWidget(about)
    assert "스티커" in about.browser.toPlainText()


def test_about_opens_only_local_model_cards(qtbot, styles, monkeypatch):
    opened = []
    monkeypatch.setattr(grownups_about.QDesktopServices, "openUrl", lambda url: opened.append(url))
    about = AboutDialog(styles)
    qtbot.addWidget(about)
    assert 'href="file://' in about.credits_html()
    about.browser.anchorClicked.emit(QUrl.fromLocalFile(str(styles[0].card_path)))
    about.browser.anchorClicked.emit(QUrl("https://example.com/"))
    assert [u.toLocalFile() for u in opened] == [str(styles[0].card_path)]


def test_about_without_styles_says_so(qtbot):
    about = AboutDialog([])
    qtbot.addWidget(about)
    assert "No picture styles are installed." in about.browser.toPlainText()
