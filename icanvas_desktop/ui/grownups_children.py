"""The grown-ups' children list: give a child a name, or remove a child.

Opened from the grown-ups' corner (behind its sum gate). Each child is a row: their animal in
their colour, a name field (empty: they are called by their animal and colour, "Blue Cat"), and
Remove. A name is kept as soon as the field is left. Removing asks first and says what happens:
the child's pictures go to the thrown-away pictures (the trash), from where a grown-up can put
them back; their badges and drawing in progress go with the profile.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import (QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QScrollArea, QVBoxLayout, QWidget)

from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.core.profiles import NAME_MAX, Profile
from icanvas_desktop.ui.grownups import corner_button
from icanvas_desktop.ui.profile_picker import profile_icon
from icanvas_desktop.ui.theme import scaled

ICON = 56
# core/atomic.py's reasons, offered to lupdate so that a grown-up reads them translated.
_REASONS = (QT_TRANSLATE_NOOP("ChildrenDialog", "the disk is full"),
            QT_TRANSLATE_NOOP("ChildrenDialog", "the folder is read-only"))


class ChildrenDialog(QDialog):
    """`session` is the running ui.session.Session (its profiles, gallery and drafts).
    `confirm(dialog, question)` asks before a removal: a question box unless a test gives one.
    `changed` says afterwards whether a name or a child changed."""

    def __init__(self, session, parent: QWidget | None = None, *, lang: str = "en",
                 confirm: Callable[["ChildrenDialog", str], bool] | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self._confirm = confirm or ChildrenDialog.ask
        self.changed = False
        self.name_edits: dict[str, QLineEdit] = {}
        self.remove_buttons: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Children"))
        self.setAccessibleName(self.tr("Children"))
        self.resize(scaled(560), scaled(480))
        intro = QLabel(self.tr("Type a name to tell children apart, or leave it empty to use the "
                               "animal and its colour. Changes are kept at once."))
        intro.setWordWrap(True)
        self.rows = QGridLayout()
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(self.rows)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        close = corner_button(self.tr("Close"), self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        while self.rows.count():
            w = self.rows.takeAt(0).widget()
            if w:
                w.hide()
                w.deleteLater()
        self.name_edits, self.remove_buttons = {}, {}
        profiles = self.session.profiles
        children = profiles.list()
        if not children:
            self.rows.addWidget(QLabel(self.tr("No children yet.")), 0, 0)
        for row, p in enumerate(children):
            picture = QLabel()
            picture.setPixmap(profile_icon(p, ICON).pixmap(QSize(ICON, ICON)))
            edit = QLineEdit(p.name)
            edit.setMaxLength(NAME_MAX)
            edit.setPlaceholderText(self._animal_label(p))
            edit.setAccessibleName(self.tr("Name of %1").replace("%1", profiles.label(p, self.lang)))
            edit.editingFinished.connect(lambda *_, pid=p.id, e=edit: self.rename(pid, e.text()))
            remove = corner_button(self.tr("Remove..."), lambda *_, pid=p.id: self.remove(pid))
            remove.setAccessibleName(self.tr("Remove %1").replace("%1", profiles.label(p, self.lang)))
            self.rows.addWidget(picture, row, 0)
            self.rows.addWidget(edit, row, 1)
            self.rows.addWidget(remove, row, 2)
            self.name_edits[p.id] = edit
            self.remove_buttons[p.id] = remove

    def _animal_label(self, p: Profile) -> str:
        """What the child is called without a name (the placeholder of the name field)."""
        return self.session.profiles.label(replace(p, name=""), self.lang)

    def rename(self, profile_id: str, name: str) -> None:
        profiles = self.session.profiles
        if profiles.get(profile_id).name == name.strip():
            return
        try:
            profiles.rename(profile_id, name)
        except StorageError as err:
            self.note.setText(self.tr("The name could not be kept: %1.").replace("%1", self.tr(err.reason)))
            return
        self.changed = True
        self.note.setText("")

    def remove(self, profile_id: str) -> None:
        profiles = self.session.profiles
        p = profiles.get(profile_id)
        count = len(self.session.gallery.list(profile_id))
        question = (self.tr("Remove %1? Their pictures (%2) go to the thrown-away pictures, where "
                            "you can put them back. Their badges and the drawing they are working "
                            "on are removed.").replace("%1", profiles.label(p, self.lang)).replace("%2", str(count)))
        if not self._confirm(self, question):
            return
        try:
            self.session.remove_profile(profile_id)
        except StorageError as err:
            reason = self.tr(err.reason)
            self.note.setText(self.tr("%1 could not be removed: %2.").replace("%1", profiles.label(p, self.lang))
                              .replace("%2", reason))
            return
        self.changed = True
        self.note.setText(self.tr("%1 was removed.").replace("%1", profiles.label(p, self.lang)))
        self.refresh()

    @staticmethod
    def ask(dialog: "ChildrenDialog", question: str) -> bool:
        title = QCoreApplication.translate("ChildrenDialog", "Remove a child")
        box = QMessageBox(QMessageBox.Icon.Question, title, question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, dialog)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


__all__ = ["ChildrenDialog"]
