"""The tool column: pen sizes, eraser, colour-hint paints, undo, redo and 'new page'.

It follows the canvas (which tool is on) and the drawing (whether undo/redo can do anything),
and only talks to them through their public methods. Clearing asks first, so the panel just
emits `clear_requested`; the window shows the big Yes/No question.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QToolButton, QWidget

from icanvas_desktop.core.strokes import Drawing
from icanvas_desktop.ui.canvas import ERASER, HINT_BRUSH, PEN, CanvasWidget
from icanvas_desktop.ui.icons import swatch_icon
from icanvas_desktop.ui.widgets import big_button


def _t(text: str) -> str:
    return QCoreApplication.translate("ToolPanel", text)


# (key, rgb, accessible name). Saturated but not neon, so hints read well at half opacity.
PALETTE = (
    ("red", (230, 57, 70), QT_TRANSLATE_NOOP("ToolPanel", "Red")),
    ("orange", (251, 133, 0), QT_TRANSLATE_NOOP("ToolPanel", "Orange")),
    ("yellow", (255, 202, 58), QT_TRANSLATE_NOOP("ToolPanel", "Yellow")),
    ("green", (67, 170, 60), QT_TRANSLATE_NOOP("ToolPanel", "Green")),
    ("blue", (25, 130, 196), QT_TRANSLATE_NOOP("ToolPanel", "Blue")),
    ("purple", (131, 56, 236), QT_TRANSLATE_NOOP("ToolPanel", "Purple")),
    ("pink", (255, 112, 166), QT_TRANSLATE_NOOP("ToolPanel", "Pink")),
    ("brown", (140, 90, 60), QT_TRANSLATE_NOOP("ToolPanel", "Brown")),
)


class ToolPanel(QFrame):
    """Big tool buttons in two columns. `tool_changed` fires with no argument after any change."""

    tool_changed = Signal()
    clear_requested = Signal()

    def __init__(self, canvas: CanvasWidget, drawing: Drawing, scale: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = canvas
        self.drawing = drawing
        self.setAccessibleName(self.tr("Tools"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(round(8 * scale))
        icon_size = round(44 * scale)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}

        sizes = (("thin", "pen_thin", self.tr("Thin"), self.tr("Thin pen")),
                 ("medium", "pen_medium", self.tr("Medium"), self.tr("Medium pen")),
                 ("thick", "pen_thick", self.tr("Thick"), self.tr("Thick pen")))
        for i, (size, icon_name, label, name) in enumerate(sizes):
            b = self._tool_button(icon_name, label, name, icon_size)
            b.clicked.connect(lambda _=False, s=size: self.choose_pen(s))
            self.buttons[f"pen_{size}"] = b
            grid.addWidget(b, i // 2, i % 2)
        eraser = self._tool_button("eraser", self.tr("Eraser"), self.tr("Eraser"), icon_size)
        eraser.clicked.connect(self.choose_eraser)
        self.buttons["eraser"] = eraser
        grid.addWidget(eraser, 1, 1)

        swatch_size = round(34 * scale)
        for i, (key, rgb, name) in enumerate(PALETTE):
            b = QToolButton(self)
            b.setObjectName("Swatch")
            b.setCheckable(True)
            b.setIcon(swatch_icon(rgb))
            b.setIconSize(QSize(swatch_size, swatch_size))
            b.setAccessibleName(_t(name) + " " + self.tr("paint"))
            b.setToolTip(b.accessibleName())
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.clicked.connect(lambda _=False, c=rgb, k=key: self.choose_hint(c, k))
            self.group.addButton(b)
            self.buttons[f"hint_{key}"] = b
            grid.addWidget(b, 2 + i // 2, i % 2)

        self.undo_button = big_button("undo", self.tr("Undo"), self.tr("Undo"), icon_size, self)
        self.redo_button = big_button("redo", self.tr("Redo"), self.tr("Redo"), icon_size, self)
        self.clear_button = big_button("trash", self.tr("New page"),
                                       self.tr("Start a new drawing"), icon_size, self)
        self.undo_button.clicked.connect(self.drawing.undo)
        self.redo_button.clicked.connect(self.drawing.redo)
        # Wide and low: it spans both columns, so the label goes beside the picture.
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.clicked.connect(self.clear_requested)
        grid.addWidget(self.undo_button, 6, 0)
        grid.addWidget(self.redo_button, 6, 1)
        grid.addWidget(self.clear_button, 7, 0, 1, 2)
        grid.setRowStretch(8, 1)

        self.buttons["pen_medium"].setChecked(True)
        drawing.subscribe(self._follow_drawing)
        self._follow_drawing()

    def _tool_button(self, icon_name: str, label: str, name: str, size: int) -> QToolButton:
        b = big_button(icon_name, label, name, size, self)
        b.setCheckable(True)
        self.group.addButton(b)
        return b

    # -- choices -------------------------------------------------------------------------------
    def choose_pen(self, size: str) -> None:
        self.canvas.set_pen_size(size)
        self.canvas.set_tool(PEN)
        self.buttons[f"pen_{size}"].setChecked(True)
        self.tool_changed.emit()

    def choose_eraser(self) -> None:
        self.canvas.set_tool(ERASER)
        self.buttons["eraser"].setChecked(True)
        self.tool_changed.emit()

    def choose_hint(self, rgb: tuple[int, int, int], key: str | None = None) -> None:
        self.canvas.set_hint_color(rgb)
        self.canvas.set_tool(HINT_BRUSH)
        key = key or next((k for k, c, _ in PALETTE if c == tuple(rgb)), None)
        if key:
            self.buttons[f"hint_{key}"].setChecked(True)
        self.tool_changed.emit()

    def hint_name(self) -> str:
        rgb = tuple(self.canvas.hint_color)
        return next((_t(n) for _, c, n in PALETTE if c == rgb), self.tr("Colour"))

    def _follow_drawing(self) -> None:
        # Runs on every model change (also per pen point), so it only flips two flags.
        can_undo, can_redo = self.drawing.can_undo(), self.drawing.can_redo()
        if self.undo_button.isEnabled() != can_undo:
            self.undo_button.setEnabled(can_undo)
        if self.redo_button.isEnabled() != can_redo:
            self.redo_button.setEnabled(can_redo)
