"""The grown-ups' trash: pictures the children threw away, to put back or delete for good.

"Throw away" in the gallery only moves a creation into the trash. Here, inside the grown-ups'
corner (behind its sum gate), a grown-up sees every child's thrown-away pictures, puts the
chosen ones back into their child's gallery, or empties the trash after saying yes to a
question that names how many pictures go. Emptying deletes exactly the pictures that were
shown: one thrown away meanwhile stays. Badge progress is kept (core/gallery_trash.py).

A picture whose child was removed (Children... in the corner sends their pictures here) goes
back to a child who is still here: the only one, or the one the grown-up picks from big
animal buttons. With no children at all it goes back as it was (every picture is shown then).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListView, QMessageBox, QToolButton, QVBoxLayout, QWidget,
)

from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.core.gallery import Gallery, GalleryError
from icanvas_desktop.core.profiles import Profile, Profiles
from icanvas_desktop.ui.gallery_model import CELL, ID_ROLE, CardDelegate, GalleryModel
from icanvas_desktop.ui.grownups import corner_button
from icanvas_desktop.ui.jobs import JobWorker
from icanvas_desktop.ui.profile_picker import profile_icon
from icanvas_desktop.ui.theme import scaled

CHILD_ICON = 72


# core/atomic.py's reasons, offered to lupdate so that a grown-up reads them translated.
_REASONS = (QT_TRANSLATE_NOOP("TrashDialog", "the disk is full"),
            QT_TRANSLATE_NOOP("TrashDialog", "the folder is read-only"))


class TrashDialog(QDialog):
    """`changed` says afterwards whether a picture went back into a gallery. `profiles` are the
    children of this gallery (the running session's; else read from its folder). `confirm(dialog,
    count)` asks before emptying (ask_to_empty) and `choose(dialog, children, count)` which child
    gets pictures whose child was removed (ask_whose), unless a test gives others."""

    def __init__(self, gallery: Gallery, parent: QWidget | None = None, *,
                 profiles: Profiles | None = None, lang: str = "en",
                 confirm: Callable[["TrashDialog", int], bool] | None = None,
                 choose: Callable[["TrashDialog", list[Profile], int], str | None] | None = None):
        super().__init__(parent)
        self.gallery = gallery
        self.profiles = profiles if profiles is not None else Profiles(gallery.root)
        self.lang = lang
        self._confirm = confirm or TrashDialog.ask_to_empty
        self._choose = choose or TrashDialog.ask_whose
        self.changed = False
        self.setWindowTitle(self.tr("Thrown-away pictures"))
        self.setAccessibleName(self.tr("Thrown-away pictures"))
        self.resize(scaled(720), scaled(560))

        intro = QLabel(self.tr("Pictures the children threw away wait here. Put them back into "
                               "their gallery, or empty the trash to delete them for good."))
        intro.setWordWrap(True)
        self.worker = JobWorker()
        self.model = GalleryModel(gallery, self.worker, self, trashed=True)
        self.list_view = QListView()
        self.list_view.setViewMode(QListView.ViewMode.IconMode)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setMovement(QListView.Movement.Static)
        self.list_view.setGridSize(CELL)
        self.list_view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.list_view.setItemDelegate(CardDelegate(self.list_view))
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(self.tr("Thrown-away pictures"))
        self.list_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("The trash is empty."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel("")
        self.note.setWordWrap(True)

        self.restore_button = corner_button(self.tr("&Put back"), self.restore_selected)
        self.empty_button = corner_button(self.tr("&Empty the trash..."), self.empty)
        self.close_button = corner_button(self.tr("Close"), self.accept)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.empty_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload(None)                  # every child's: a grown-up looks after them all
        has = self.model.rowCount() > 0
        self.list_view.setVisible(has)
        self.empty_label.setVisible(not has)
        self._update_buttons()

    def _update_buttons(self, *args) -> None:
        self.restore_button.setEnabled(bool(self.selected_ids()))
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def selected_ids(self) -> list[str]:
        return [i.data(ID_ROLE) for i in self.list_view.selectionModel().selectedIndexes()]

    def select(self, entry_ids) -> None:
        wanted = set(entry_ids)
        for row, entry in enumerate(self.model.entries):
            if entry.id in wanted:
                self.list_view.selectionModel().select(
                    self.model.index(row), self.list_view.selectionModel().SelectionFlag.Select)

    def ask_to_empty(self, count: int) -> bool:
        """The question before emptying; the safe answer is the default."""
        text = (self.tr("Delete this picture for good? It cannot be brought back.") if count == 1 else
                self.tr("Delete these %1 pictures for good? They cannot be brought back.")
                .replace("%1", str(count)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Empty the trash?"), text,
                          QMessageBox.StandardButton.NoButton, self)
        delete = box.addButton(self.tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep it") if count == 1 else self.tr("Keep them"),
                             QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)              # Enter keeps the pictures
        box.exec()
        return box.clickedButton() is delete

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        children = self.profiles.list()
        known = {p.id for p in children}
        orphans = {e.id for e in self.model.entries if e.id in ids and e.profile not in known}
        heir = None                               # the child who gets the orphans
        if orphans and children:
            heir = children[0].id if len(children) == 1 else self._choose(self, children, len(orphans))
            if heir is None:
                return                            # the grown-up kept them in the trash
        back = 0
        for entry_id in ids:
            try:
                self.gallery.restore(entry_id, heir if entry_id in orphans else None)
                back += 1
            except KeyError:
                pass                             # put back meanwhile (another window)
            except (StorageError, GalleryError) as err:
                reason = self.tr(err.reason) if isinstance(err, StorageError) else self.tr("it is damaged")
                self.note.setText(self.tr("A picture could not be put back: %1.").replace("%1", reason))
                break
        else:
            self.note.setText(self._back_note(back, heir))
        self.changed = self.changed or back > 0
        self.refresh()

    def _back_note(self, back: int, heir: str | None) -> str:
        if heir is not None:
            name = self.profiles.label(self.profiles.get(heir), self.lang)
            if back == 1:
                return self.tr("The picture is back, in %1's gallery.").replace("%1", name)
            return (self.tr("%1 pictures are back. Those whose child was removed are in %2's gallery.")
                    .replace("%1", str(back)).replace("%2", name))
        return (self.tr("The picture is back in its gallery.") if back == 1 else
                self.tr("%1 pictures are back in their gallery.").replace("%1", str(back)))

    def ask_whose(self, children: list[Profile], count: int) -> str | None:
        """Which child gets pictures whose own child was removed: a big button for each child
        (their animal in their colour, and their name). None: keep them in the trash."""
        box = QDialog(self)
        box.setWindowTitle(self.tr("Whose pictures?"))
        text = (self.tr("The child who made this picture was removed. Whose gallery should it go to?")
                if count == 1 else
                self.tr("The child who made these %1 pictures was removed. Whose gallery should "
                        "they go to?").replace("%1", str(count)))
        question = QLabel(text)
        question.setWordWrap(True)
        row = QHBoxLayout()
        chosen: list[str] = []
        for p in children:
            name = self.profiles.label(p, self.lang)
            button = QToolButton()
            button.setIcon(profile_icon(p, CHILD_ICON))
            button.setIconSize(QSize(CHILD_ICON, CHILD_ICON))
            button.setText(name)
            button.setAccessibleName(self.tr("Give to %1").replace("%1", name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.clicked.connect(lambda *_, pid=p.id: (chosen.append(pid), box.accept()))
            row.addWidget(button)
        row.addStretch(1)
        keep = corner_button(self.tr("Keep in the trash"), box.reject)
        column = QVBoxLayout(box)
        column.addWidget(question)
        column.addLayout(row)
        column.addWidget(keep, 0, Qt.AlignmentFlag.AlignRight)
        self.whose_box = box                     # a test can find and answer it
        return chosen[-1] if box.exec() == QDialog.DialogCode.Accepted and chosen else None

    def empty(self) -> None:
        shown = [e.id for e in self.model.entries]
        if not shown or not self._confirm(self, len(shown)):
            return
        try:
            gone = self.gallery.empty_trash(shown)
        except StorageError as err:
            self.note.setText(self.tr("The trash could not be emptied: %1.").replace("%1", self.tr(err.reason)))
        else:
            self.note.setText(self.tr("The picture was deleted for good.") if gone == 1 else
                              self.tr("%1 pictures were deleted for good.").replace("%1", str(gone)))
        self.refresh()

    def done(self, result: int) -> None:
        self.worker.stop()
        super().done(result)
