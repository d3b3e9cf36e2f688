"""The grown-ups' corner: a sum to solve, then every setting, with school locks shown.

`open_grownups_corner(...)` runs the whole thing: GrownUpGate (a sum like "13 + 8 = ?" with
big number buttons, or typed on the keyboard), then GrownUpsScreen (where the drawings are,
every option; keys that the school's file locked are greyed out with a lock and "Set by your
school"), with an About box (ui/grownups_about.py). Saving goes through
core.settings.update_settings, which writes the per-user file atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QT_TRANSLATE_NOOP, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.core.logs import log_file
from icanvas_desktop.core.settings import LoadedSettings, SettingLocked, update_settings
from icanvas_desktop.ui.grownups_about import AboutDialog, style_title
from icanvas_desktop.ui.grownups_gate import GrownUpGate
from icanvas_desktop.ui.theme import scaled
from icanvas_desktop.ui.wheel_guard import guard_wheel

__all__ = ["GrownUpGate", "GrownUpsScreen", "AboutDialog", "open_grownups_corner", "lock_pixmap"]


def lock_pixmap(size: int = 20, colour: QColor | None = None) -> QPixmap:
    """A padlock drawn in code (no icon font needed)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = colour or QColor("#7A5A00")
    pen = QPen(colour, max(1.5, size / 9))
    painter.setPen(pen)
    painter.drawArc(QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.5), 0, 180 * 16)
    painter.drawLine(QPointF(size * 0.28, size * 0.33), QPointF(size * 0.28, size * 0.45))
    painter.drawLine(QPointF(size * 0.72, size * 0.33), QPointF(size * 0.72, size * 0.45))
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(size * 0.16, size * 0.45, size * 0.68, size * 0.47), 2, 2)
    painter.end()
    return pix


def corner_button(text: str, slot: Callable[[], Any]) -> QPushButton:
    """A plain button of the grown-ups' corner and its dialogs (Enter never presses it)."""
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", ""))
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button


# key, kind, label (translated in the "GrownUpsScreen" context), choices (value, label)
OPTIONS: tuple[tuple[str, str, str, tuple[tuple[Any, str], ...]], ...] = (
    ("fullscreen", "bool", QT_TRANSLATE_NOOP("GrownUpsScreen", "Fill the whole screen"), ()),
    ("noquit", "bool", QT_TRANSLATE_NOOP("GrownUpsScreen", "Hide the Quit button (grown-ups hold "
                                             "Ctrl+Shift+Q to quit)"), ()),
    ("allow_delete", "bool", QT_TRANSLATE_NOOP("GrownUpsScreen", "Children may delete drawings"), ()),
    ("allow_export", "bool", QT_TRANSLATE_NOOP("GrownUpsScreen", "Children may save copies and print"), ()),
    ("sound", "bool", QT_TRANSLATE_NOOP("GrownUpsScreen", "Play sounds"), ()),
    ("button_size", "choice", QT_TRANSLATE_NOOP("GrownUpsScreen", "Button size"), (
        ("normal", QT_TRANSLATE_NOOP("GrownUpsScreen", "Normal")), ("big", QT_TRANSLATE_NOOP("GrownUpsScreen", "Big")))),
    ("high_contrast", "bool", QT_TRANSLATE_NOOP("GrownUpsScreen", "High-contrast colours"), ()),
    ("lang", "choice", QT_TRANSLATE_NOOP("GrownUpsScreen", "Language"), (
        ("auto", QT_TRANSLATE_NOOP("GrownUpsScreen", "Same as the computer")),
        ("ko", QT_TRANSLATE_NOOP("GrownUpsScreen", "Korean (한국어)")),
        ("en", QT_TRANSLATE_NOOP("GrownUpsScreen", "English")))),
    ("start_with", "choice", QT_TRANSLATE_NOOP("GrownUpsScreen", "When iCanvas starts"), (
        ("blank", QT_TRANSLATE_NOOP("GrownUpsScreen", "Start with a blank page")),
        ("last", QT_TRANSLATE_NOOP("GrownUpsScreen", "Open the last drawing")))),
    ("live_preview", "bool", QT_TRANSLATE_NOOP("GrownUpsScreen", "Show the picture while drawing"), ()),
    ("magic_colours", "bool", QT_TRANSLATE_NOOP(
        "GrownUpsScreen", "Magic colours: guess a colour for each shape the child leaves uncoloured"), ()),
    ("device", "choice", QT_TRANSLATE_NOOP("GrownUpsScreen", "Make pictures with"), (
        ("auto", QT_TRANSLATE_NOOP("GrownUpsScreen", "Choose automatically")),
        ("cpu", QT_TRANSLATE_NOOP("GrownUpsScreen", "The processor (CPU)")),
        ("cuda", QT_TRANSLATE_NOOP("GrownUpsScreen", "The graphics card (CUDA)")))),
    ("threads", "threads", QT_TRANSLATE_NOOP("GrownUpsScreen", "Processor threads"), ()),
)
SECTIONS = (
    (QT_TRANSLATE_NOOP("GrownUpsScreen", "Screen and sound"),
     ("fullscreen", "button_size", "high_contrast", "lang", "sound", "start_with")),
    (QT_TRANSLATE_NOOP("GrownUpsScreen", "What children may do"), ("noquit", "allow_delete", "allow_export")),
    (QT_TRANSLATE_NOOP("GrownUpsScreen", "Magic pictures"), ("live_preview", "magic_colours", "styles", "device", "threads")),
)


class GrownUpsScreen(QDialog):
    """Every setting. Emits settingsSaved(LoadedSettings) after a successful save."""

    settingsSaved = Signal(object)

    def __init__(self, loaded: LoadedSettings, styles: Sequence[Any] = (),
                 parent: QWidget | None = None, *, lang: str = "en",
                 save: Callable[[LoadedSettings, dict], LoadedSettings] = update_settings,
                 choose_folder: Callable[[QWidget, Path], Path | None] | None = None,
                 session: Any = None):
        super().__init__(parent)
        self.session = session          # the running ui.session.Session: its children, for renaming
        self.loaded = loaded
        self._styles = list(styles)
        self._lang = lang
        self._save = save
        self._choose_folder = choose_folder or _ask_for_folder
        self._savedir = loaded.settings.savedir
        self.controls: dict[str, QWidget] = {}
        self.style_boxes: dict[str, QCheckBox] = {}
        self.setWindowTitle(self.tr("Grown-ups' corner"))
        self.setAccessibleName(self.tr("Grown-ups' corner"))
        self.resize(scaled(680), scaled(720))

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self._drawings_group())
        for title, keys in SECTIONS:
            column.addWidget(self._section(self.tr(title), keys))
        if loaded.warnings:
            column.addWidget(self._warnings_group())
        column.addWidget(self._log_group())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(body.minimumSizeHint().width())

        self.about_button = self._button(self.tr("&About iCanvas"), self.show_about)
        self.cancel_button = self._button(self.tr("Cancel"), self.reject)
        self.save_button = self._button(self.tr("&Save"), self.save)
        self.save_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.about_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        guard_wheel(self)        # the wheel scrolls the page; it changes no setting by accident

    # --- building ---------------------------------------------------------------------
    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        return corner_button(text, slot)

    def _lock_label(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        icon.setPixmap(lock_pixmap(scaled(18), self.palette().windowText().color()))
        text = QLabel(self.tr("Set by your school"))
        row.addWidget(icon)
        row.addWidget(text)
        row.addStretch(1)
        box.setObjectName("lockBadge")
        where = self.loaded.system_path
        box.setToolTip(self.tr("Locked in the school's settings file: %1")
                       .replace("%1", str(where) if where else "?"))
        return box

    def _row(self, form: QFormLayout, key: str, label: str, control: QWidget) -> None:
        control.setAccessibleName(label)
        self.controls[key] = control
        if key in self.loaded.locked:
            control.setEnabled(False)
            control.setAccessibleDescription(self.tr("Set by your school"))
            holder = QWidget()
            line = QVBoxLayout(holder)         # the lock goes underneath: no sideways scrolling
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(0)
            line.addWidget(control)
            line.addWidget(self._lock_label())
            control = holder
        if isinstance(self.controls[key], QCheckBox):
            form.addRow(control)
        else:
            caption = QLabel(label)
            caption.setBuddy(self.controls[key])
            form.addRow(caption, control)

    def _drawings_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Drawings"))
        form = QFormLayout(group)
        # Where the gallery really is: with the default savedir that is the app's data folder
        # (exports go to Pictures); a chosen savedir holds the gallery itself.
        from icanvas_desktop.ui.session import storage_places
        self.savedir_label = QLabel(str(storage_places(self.loaded).gallery_root))
        self.savedir_label.setWordWrap(True)
        self.savedir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.savedir_label.setAccessibleName(self.tr("Drawings are saved in"))
        form.addRow(QLabel(self.tr("Drawings are saved in:")))
        form.addRow(self.savedir_label)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.open_folder_button = self._button(self.tr("&Open the folder"), self.open_folder)
        self.change_folder_button = self._button(self.tr("&Change folder..."), self.change_folder)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.change_folder_button)
        row.addStretch(1)
        self.controls["savedir"] = self.change_folder_button
        if "savedir" in self.loaded.locked:
            self.change_folder_button.setEnabled(False)
            self.change_folder_button.setAccessibleDescription(self.tr("Set by your school"))
            form.addRow(buttons)
            form.addRow(self._lock_label())
        else:
            form.addRow(buttons)
        # The trash of the gallery in use (a changed folder counts once it is saved).
        self.trash_button = self._button(self.tr("&Thrown-away pictures..."), self.open_trash)
        trash_row = QHBoxLayout()
        trash_row.addWidget(self.trash_button)
        if self.session is not None:    # the children of the gallery in use: rename, remove
            self.children_button = self._button(self.tr("C&hildren..."), self.open_children)
            trash_row.addWidget(self.children_button)
        trash_row.addStretch(1)
        form.addRow(trash_row)
        return group

    def _section(self, title: str, keys: Sequence[str]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        specs = {spec[0]: spec for spec in OPTIONS}
        values = self.loaded.settings
        for key in keys:
            if key == "styles":
                self._styles_rows(form)
                continue
            _, kind, label_src, choices = specs[key]
            label = self.tr(label_src)
            if kind == "bool":
                control: QWidget = QCheckBox(label)
                control.setChecked(bool(getattr(values, key)))
            elif kind == "choice":
                control = QComboBox()
                for value, text in choices:
                    control.addItem(self.tr(text), value)
                control.setCurrentIndex(max(0, control.findData(getattr(values, key))))
            else:
                control = QSpinBox()
                control.setRange(0, 64)
                control.setSpecialValueText(self.tr("Automatic"))
                control.setValue(min(64, values.threads))
            self._row(form, key, label, control)
        return group

    def _styles_rows(self, form: QFormLayout) -> None:
        if not self._styles:
            return
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        offered = set(self.loaded.settings.styles)
        for style in self._styles:
            check = QCheckBox(style_title(style, self._lang))
            check.setAccessibleName(check.text())
            check.setChecked(not offered or style.name in offered)
            check.toggled.connect(self._keep_one_style)
            self.style_boxes[style.name] = check
            column.addWidget(check)
        label = self.tr("Picture styles children can choose")
        self._row(form, "styles", label, box)
        if "styles" in self.loaded.locked:
            for check in self.style_boxes.values():
                check.setEnabled(False)

    def _warnings_group(self) -> QGroupBox:
        # Settings files, files set aside, a style's unreadable colour index (the shell adds those).
        group = QGroupBox(self.tr("Problems iCanvas found"))
        column = QVBoxLayout(group)
        text = QLabel("\n".join(self.loaded.warnings))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(self.tr("Problems iCanvas found"))
        column.addWidget(text)
        return group

    def _log_group(self) -> QGroupBox:
        """Where the log file is (core/logs.py), for a grown-up sending a bug report."""
        group = QGroupBox(self.tr("Problem reports"))
        column = QVBoxLayout(group)
        intro = QLabel(self.tr("When something goes wrong, iCanvas writes the details in this "
                               "file. Send it along when you report a problem:"))
        intro.setWordWrap(True)
        self.log_label = QLabel(str(log_file()))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setAccessibleName(self.tr("Log file"))
        column.addWidget(intro)
        column.addWidget(self.log_label)
        return group

    # --- actions ----------------------------------------------------------------------
    def _keep_one_style(self, checked: bool) -> None:
        if not checked and not any(c.isChecked() for c in self.style_boxes.values()):
            self.sender().setChecked(True)     # children always have at least one style

    def changes(self) -> dict[str, Any]:
        """The settings the grown-up changed on this screen (locked keys never appear)."""
        current = self.loaded.settings
        out: dict[str, Any] = {}
        for key, control in self.controls.items():
            if key in self.loaded.locked:
                continue
            if key == "savedir":
                value: Any = self._savedir
            elif key == "styles":
                names = tuple(n for n, c in self.style_boxes.items() if c.isChecked())
                value = () if len(names) == len(self.style_boxes) else names
            elif isinstance(control, QCheckBox):
                value = control.isChecked()
            elif isinstance(control, QComboBox):
                value = control.currentData()
            else:
                value = control.value()
            if value != getattr(current, key):
                out[key] = value
        return out

    def save(self) -> bool:
        try:
            new = self._save(self.loaded, self.changes())
        except StorageError as err:
            QMessageBox.warning(self, self.tr("Settings not saved"),
                                self.tr("The settings could not be saved: %1.")
                                .replace("%1", self.tr(err.reason)))
            return False
        except SettingLocked:
            return False                       # cannot happen: locked controls are disabled
        self.loaded = new
        self.settingsSaved.emit(new)
        self.accept()
        return True

    def change_folder(self) -> None:
        chosen = self._choose_folder(self, self._savedir)
        if chosen:
            self._savedir = Path(chosen)
            self.savedir_label.setText(str(self._savedir))

    def open_folder(self) -> None:
        try:
            self._savedir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._savedir)))

    def show_about(self) -> None:
        AboutDialog(self._styles, self, lang=self._lang).exec()

    def open_children(self) -> None:
        from icanvas_desktop.ui.grownups_children import ChildrenDialog
        ChildrenDialog(self.session, self, lang=self._lang).exec()

    def open_trash(self) -> None:
        from icanvas_desktop.core.gallery import Gallery
        from icanvas_desktop.ui.session import storage_places
        from icanvas_desktop.ui.trash_view import TrashDialog
        root = storage_places(self.loaded).gallery_root
        # The running app's children, when it is their gallery (a removed child is gone there).
        same = self.session is not None and self.session.gallery.root == root
        TrashDialog(Gallery(root), self, profiles=self.session.profiles if same else None,
                    lang=self._lang).exec()


# The storage reasons from core/atomic.py, so that lupdate offers them for translation.
_REASONS = (QT_TRANSLATE_NOOP("GrownUpsScreen", "the disk is full"), QT_TRANSLATE_NOOP("GrownUpsScreen", "the folder is read-only"))


def _ask_for_folder(parent: QWidget, current: Path) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("GrownUpsScreen", "Where should the drawings be saved?"),
        str(current))
    return Path(chosen) if chosen else None


def open_grownups_corner(loaded: LoadedSettings, styles: Sequence[Any] = (),
                         parent: QWidget | None = None, *, lang: str = "en",
                         session: Any = None) -> LoadedSettings | None:
    """Gate, then the settings screen. Returns the new LoadedSettings after a save, else None;
    the caller applies them (theme, language, kiosk...). With the running `session`, the
    screen also lets a grown-up rename or remove a child (kept at once, even on Cancel)."""
    if GrownUpGate(parent).exec() != QDialog.DialogCode.Accepted:
        return None
    screen = GrownUpsScreen(loaded, styles, parent, lang=lang, session=session)
    if screen.exec() != QDialog.DialogCode.Accepted:
        return None
    return screen.loaded
