"""Make it move, on screen: after Magic! the picture moves in place (`MotionBar`, in the row
under the picture), and in the gallery a creation moves on its own page and can be saved as
a moving picture (`MotionPage`). Both play through a `MotionPlayer` (ui/motion_player.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from icanvas_desktop.motion import MOTIONS
from icanvas_desktop.ui.motion_player import EMPTY, ICONS, MotionPlayer, motion_label
from icanvas_desktop.ui.widgets import big_button
from icanvas_desktop.ui.worker import pil_to_qimage, qimage_to_pil


def _choice_button(name: str, size: int, parent: QWidget) -> QToolButton:
    label = motion_label(name)
    button = big_button(ICONS[name], label, label, size, parent)
    button.setCheckable(True)
    return button


class MotionBar(QWidget):
    """Under the picture, beside Magic!: "Make it move!" once Magic! has made a picture;
    while it moves, a picture button for each motion and one to stop, in place of Magic!.

    `attach(window)` wires it to the main window: it is offered each Magic picture, plays the
    frames in the window's picture, and withdraws when the drawing, the style or the picture
    changes. Signals: `moved(motion)` each time a motion starts, `playing_changed(bool)`."""

    moved = Signal(str)
    playing_changed = Signal(bool)

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = MotionPlayer(self)
        self._picture = None                  # the Magic picture (PIL) it may move
        self._revision = -1                   # the drawing revision that picture belongs to
        self._window = None
        self.motion = MOTIONS[0]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        # Narrow (the label under the picture), so Magic! keeps its room beside it.
        self.move_button = big_button("move", self.tr("Make it move!"), self.tr("Make my picture move"),
                                      round(36 * scale), self)
        self.move_button.clicked.connect(self.start)
        lay.addWidget(self.move_button)
        # The choices: two rows of four, so they fit the picture's width on a small screen.
        self.choice_box = QWidget(self)
        grid = QGridLayout(self.choice_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(round(6 * scale))
        self.choices: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        for i, name in enumerate(MOTIONS):
            b = _choice_button(name, round(34 * scale), self.choice_box)
            b.clicked.connect(lambda _=False, n=name: self.choose(n))
            self._group.addButton(b)
            self.choices[name] = b
            grid.addWidget(b, i // 4, i % 4)
        self.stop_button = big_button("motion_stop", self.tr("Stop"), self.tr("Stop moving"),
                                      round(34 * scale), self.choice_box)
        self.stop_button.clicked.connect(self.finish)
        grid.addWidget(self.stop_button, 1, 2, 1, 2)
        lay.addWidget(self.choice_box)
        self._show_choices(False)
        self.setVisible(False)                # until Magic! has made a picture
        self.player.started.connect(self.moved.emit)
        self.player.failed.connect(self._on_failed)

    # -- wiring ----------------------------------------------------------------------------------
    def attach(self, window) -> None:
        """Follow a MainWindow: its Magic pictures, its picture area, its drawing."""
        self._window = window
        window.final_shown.connect(lambda result: self.offer(result.pil, result.revision))
        # A picture kept earlier and shown again (a style switch back, a creation reopened)
        # can move as well as a new one.
        window.kept_shown.connect(lambda image, revision: self.offer(qimage_to_pil(image), revision))
        window.preview_shown.connect(lambda result: self.withdraw())
        window.style_changed.connect(lambda style: self.withdraw())
        window.drawing.subscribe(self._drawing_changed)
        self.player.frame_shown.connect(window.picture.show_image)
        self.playing_changed.connect(lambda on: window.magic_button.setHidden(on))

    def offer(self, picture, revision: int = -1) -> None:
        """A new Magic picture: it can move now (a motion playing stops for it)."""
        self._stop(restore=False)
        self._picture, self._revision = picture, revision
        self.setVisible(picture is not None)

    def withdraw(self) -> None:
        """The Magic picture is gone (a new stroke, another style): nothing to move."""
        self._stop(restore=False)
        self._picture = None
        self.setVisible(False)

    def _drawing_changed(self) -> None:
        if self._picture is not None and self._window is not None \
                and self._window.drawing.revision != self._revision:
            self.withdraw()

    # -- moving ----------------------------------------------------------------------------------
    def start(self) -> None:
        """"Make it move!": play the last motion chosen and show the choices."""
        if self._picture is None:
            return
        self._show_choices(True)
        self.choose(self.motion)
        self.choices[self.motion].setFocus()     # the button that vanished had it
        if self._window is not None:
            self._window.notice(self.tr("Pick a way to move!"))

    def choose(self, name: str) -> None:
        if self._picture is None:
            return
        self.motion = name
        self.choices[name].setChecked(True)
        self.player.play(self._picture, name)

    def finish(self) -> None:
        """Stop: the still picture comes back, and Magic! with it."""
        self._stop(restore=True)
        self.move_button.setFocus()

    def _stop(self, restore: bool) -> None:
        was = self.player.is_playing() or not self.choice_box.isHidden()
        self.player.stop()
        self._show_choices(False)
        if was and restore and self._picture is not None and self._window is not None:
            self._window.picture.show_image(pil_to_qimage(self._picture))

    def _show_choices(self, on: bool) -> None:
        self.move_button.setVisible(not on)
        self.choice_box.setVisible(on)
        self.playing_changed.emit(on)

    def _on_failed(self, why: str) -> None:
        self._show_choices(False)
        if self._window is not None:
            self._window.notice(self.tr("There is nothing to move yet. Draw something first!") if why == EMPTY
                                else self.tr("The picture could not move this time."))

    def shutdown(self) -> None:
        self.player.shutdown()


class MotionPage(QWidget):
    """The gallery's moving-picture page: the creation moves, a big button per motion,
    Back, and "Save as a moving picture" (a GIF in the export folder). `make_button(text,
    colour, slot)` makes the gallery's own kind of button. Signals: back(), moved(entry id,
    motion), saved(path)."""

    back = Signal()
    moved = Signal(str, str)
    saved = Signal(str)

    def __init__(self, make_button: Callable, export_dir: Callable[[], Path], parent: QWidget | None = None):
        super().__init__(parent)
        self._export_dir = export_dir
        self._entry_id = ""
        self._picture = None
        self.player = MotionPlayer(self)
        lay = QVBoxLayout(self)
        self.view = QLabel(self)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumSize(320, 240)
        self.note = QLabel("", self)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet("font-size: 18px; color: #2F6F3E;")
        choices = QHBoxLayout()
        self.choices: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        for name in MOTIONS:
            b = _choice_button(name, 56, self)
            b.setStyleSheet("QToolButton { font-size: 16px; font-weight: bold; padding: 6px; border-radius: 16px;"
                            " background: #FFFFFF; border: 3px solid #00000022; }"
                            " QToolButton:checked { background: #FFE08A; border-color: #F4A300; }")
            b.setIconSize(QSize(56, 56))
            b.clicked.connect(lambda _=False, n=name: self.choose(n))
            group.addButton(b)
            self.choices[name] = b
            choices.addWidget(b)
        row = QHBoxLayout()
        self.back_button = make_button(self.tr("Back"), "#E4E6EC", self._back)
        row.addWidget(self.back_button)
        self.save_button = make_button(self.tr("Save as a moving picture"), "#FFF1B8", self.save)
        row.addWidget(self.save_button)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.note)
        lay.addLayout(choices)
        lay.addLayout(row)
        self.player.frame_shown.connect(self._show)
        self.player.started.connect(lambda motion: self.moved.emit(self._entry_id, motion))
        self.player.failed.connect(self._on_failed)
        self.player.saved.connect(self._on_saved)
        self.player.save_failed.connect(
            lambda why: self.note.setText(self.tr("Could not save the moving picture: %1").replace("%1", why)))

    def open(self, entry_id: str, picture, motion: str | None = None) -> None:
        """Move a creation's picture (PIL), with `motion` or the last one chosen here."""
        self._entry_id, self._picture = entry_id, picture
        self.note.setText("")
        self.choose(motion or next((n for n, b in self.choices.items() if b.isChecked()), MOTIONS[0]))

    def choose(self, name: str) -> None:
        if self._picture is None:
            return
        self.choices[name].setChecked(True)
        self.player.play(self._picture, name)

    def set_export_allowed(self, allowed: bool) -> None:
        self.save_button.setVisible(allowed)

    def save(self) -> None:
        motion = self.player.motion
        if motion is None or not self.player.frames_ready():
            self.note.setText(self.tr("Wait a moment: the picture is still getting ready to move."))
            return
        self.note.setText(self.tr("Saving..."))
        name = f"iCanvas-{motion}-{self._entry_id or 'picture'}.gif"
        self.player.save(Path(self._export_dir()) / name)

    def stop(self) -> None:
        self.player.stop()

    def shutdown(self) -> None:
        self.player.shutdown()

    def _back(self) -> None:
        self.stop()
        self.back.emit()

    def _show(self, image: QImage) -> None:
        self.view.setPixmap(QPixmap.fromImage(image).scaled(
            self.view.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def _on_saved(self, path: str) -> None:
        self.note.setText(self.tr("Saved in your Pictures folder!"))
        self.saved.emit(path)

    def _on_failed(self, why: str) -> None:
        self.note.setText(self.tr("There is nothing to move yet. Draw something first!") if why == EMPTY
                          else self.tr("The picture could not move this time."))
