"""The tool column: pen sizes, eraser, colour-hint paints, undo, redo and 'new page'.

It follows the canvas (which tool is on) and the drawing (whether undo/redo can do anything),
and only talks to them through their public methods. Clearing asks first, so the panel just
emits `clear_requested`; the window shows the big Yes/No question.

The same buttons can stand as a column (two or three buttons wide, beside the canvas in
landscape) or as a band of two rows (above the canvas in portrait), in a regular or a compact
size: `arrange` places them and `fit_height` / `fit_width` pick the biggest arrangement that fits
the room the window has. With big buttons on a small screen the words under the pictures cost
the canvas most of its room, so there are also arrangements with pictures only (`TIGHT_*`: the
names stay as tool tips and for screen readers); the drawing page takes one only when the
canvas needs it. Every arrangement keeps each button at least `MIN_TARGET` px high.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QSizePolicy, QToolButton, QWidget

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
    # Peach and brown side by side: a scribble on a face's cheek is its skin in Faces, and Magic
    # colours alone gave the sample face a tan one, so these two are how a child with lighter or
    # darker skin makes a face that looks like them. Nine paints keep the column's paints three
    # rows of three, as eight did.
    ("peach", (247, 196, 160), QT_TRANSLATE_NOOP("ToolPanel", "Peach")),
    ("brown", (140, 90, 60), QT_TRANSLATE_NOOP("ToolPanel", "Brown")),
)

MIN_TARGET = 48     # px at 100 %: the smallest button a child's finger hits reliably (Tux Paint)
# (columns, compact, words[, paint rows]) to try, biggest first: the column beside the canvas
# (landscape) and the band above it (portrait): the tools in one row, the paints in one row or,
# where a narrow portrait screen has no room for nine big paints abreast, in two. The TIGHT
# ones show pictures only.
COLUMN_CHOICES = ((2, False, True), (2, True, True), (3, True, True))
BAND_CHOICES = ((7, False, True), (7, False, True, 2), (7, True, True), (7, True, True, 2))
TIGHT_COLUMN_CHOICES = ((2, True, False), (3, True, False))
TIGHT_BAND_CHOICES = ((7, True, False), (7, True, False, 2))


class ToolPanel(QFrame):
    """Big tool buttons in a column or a band. `tool_changed` fires with no argument after any
    change."""

    tool_changed = Signal()
    clear_requested = Signal()

    def __init__(self, canvas: CanvasWidget, drawing: Drawing, scale: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = canvas
        self.drawing = drawing
        self.scale = scale
        self.setAccessibleName(self.tr("Tools"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}

        sizes = (("thin", "pen_thin", self.tr("Thin"), self.tr("Thin pen")),
                 ("medium", "pen_medium", self.tr("Medium"), self.tr("Medium pen")),
                 ("thick", "pen_thick", self.tr("Thick"), self.tr("Thick pen")))
        for size, icon_name, label, name in sizes:
            b = self._tool_button(icon_name, label, name)
            b.clicked.connect(lambda _=False, s=size: self.choose_pen(s))
            self.buttons[f"pen_{size}"] = b
        eraser = self._tool_button("eraser", self.tr("Eraser"), self.tr("Eraser"))
        eraser.clicked.connect(self.choose_eraser)
        self.buttons["eraser"] = eraser

        self.swatches: list[QToolButton] = []
        for key, rgb, name in PALETTE:
            b = QToolButton(self)
            b.setObjectName("Swatch")
            b.setCheckable(True)
            b.setIcon(swatch_icon(rgb))
            b.setAccessibleName(_t(name) + " " + self.tr("paint"))
            b.setToolTip(b.accessibleName())
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.clicked.connect(lambda _=False, c=rgb, k=key: self.choose_hint(c, k))
            self.group.addButton(b)
            self.buttons[f"hint_{key}"] = b
            self.swatches.append(b)

        self.undo_button = big_button("undo", self.tr("Undo"), self.tr("Undo"), 44, self)
        self.redo_button = big_button("redo", self.tr("Redo"), self.tr("Redo"), 44, self)
        self.clear_button = big_button("trash", self.tr("New page"),
                                       self.tr("Start a new drawing"), 44, self)
        self.undo_button.clicked.connect(self.drawing.undo)
        self.redo_button.clicked.connect(self.drawing.redo)
        self.clear_button.clicked.connect(self.clear_requested)
        for b in self.findChildren(QToolButton):
            # Buttons fill their grid cell: a column of equal, easy targets.
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.arrangement: tuple[int, bool, bool] | None = None
        self.arrange(2, False)

        self.buttons["pen_medium"].setChecked(True)
        drawing.subscribe(self._follow_drawing)
        self._follow_drawing()

    # -- arrangement -------------------------------------------------------------------------------
    def arrange(self, columns: int, compact: bool = False, words: bool = True, paint_rows: int = 1) -> None:
        """Place the buttons `columns` wide: 2 or 3 make a column (tools, paints one more
        abreast, undo/redo, new page); 7 or more make a band (tools with undo/redo/new page in
        one row, then the paints in `paint_rows` rows). `compact` takes smaller pictures;
        without `words` the buttons show their pictures only."""
        arrangement = (columns, compact, words) + ((paint_rows,) if paint_rows > 1 else ())
        if self.arrangement == arrangement:
            return
        self.arrangement = arrangement
        s = self.scale
        icon_px = round((32 if compact else 44) * s)
        swatch_px = round((30 if compact else 34) * s)
        grid = self.grid
        for b in self.findChildren(QToolButton):
            grid.removeWidget(b)
        for r in range(grid.rowCount()):
            grid.setRowStretch(r, 0)
        grid.setSpacing(round((8 if not compact else 6 if words else 4) * s))
        tools = [self.buttons[k] for k in ("pen_thin", "pen_medium", "pen_thick", "eraser")]
        actions = [self.undo_button, self.redo_button]
        for b in tools + actions + [self.clear_button]:
            b.setIconSize(QSize(icon_px, icon_px))
        for b in self.swatches:
            b.setIconSize(QSize(swatch_px, swatch_px))
        band = columns >= 7
        # Wide and low when it spans the whole column; in a band or a row of three, the label
        # goes under the picture like the other buttons.
        self.clear_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextUnderIcon if band or columns > 2
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for b in tools + actions + [self.clear_button]:
            if not words:
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            elif b is not self.clear_button:
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        # The grid is a * b cells wide: a tool button spans b cells, a paint a cells, so `a`
        # tools and `b` paints share one width. Paints are small, so one more fits abreast.
        if band:
            a, b = len(tools) + 3, -(-len(self.swatches) // max(1, paint_rows))
        else:
            a, b = columns, columns + 1
        row = 0

        def place(items: list, per_row: int, span: int) -> None:
            nonlocal row
            for start in range(0, len(items), per_row):
                chunk = items[start:start + per_row]
                offset = (per_row - len(chunk)) * span // 2     # a short last row is centred
                for i, item in enumerate(chunk):
                    grid.addWidget(item, row, offset + i * span, 1, span)
                row += 1

        if band:
            place(tools + actions + [self.clear_button], a, b)
            place(self.swatches, b, a)
        else:
            place(tools, a, b)
            place(self.swatches, b, a)
            if columns == 2 and words:
                place(actions, a, b)
                place([self.clear_button], 1, a * b)
            elif columns == 2:              # pictures only: undo, redo and new page abreast
                place(actions + [self.clear_button], 3, a * b // 3)
            else:
                place(actions + [self.clear_button], a, b)
        grid.setRowStretch(row, 1)

    def needed_size(self) -> QSize:
        """The room the current arrangement needs (every button at its natural size)."""
        self.grid.invalidate()
        return self.grid.sizeHint()

    def fit_height(self, height: int, choices=COLUMN_CHOICES) -> QSize:
        """Stand as a column in `height` px: the biggest of `choices` that fits, else the
        smallest one. Returns the room it needs."""
        return self._fit(choices, lambda size: size.height() <= height)

    def fit_width(self, width: int, choices=BAND_CHOICES) -> QSize:
        """Stand as a band of two rows in `width` px (portrait)."""
        return self._fit(choices, lambda size: size.width() <= width)

    def _fit(self, choices, fits) -> QSize:
        for choice in choices:
            self.arrange(*choice)
            size = self.needed_size()
            if fits(size):
                return size
        return size

    def _tool_button(self, icon_name: str, label: str, name: str) -> QToolButton:
        b = big_button(icon_name, label, name, 44, self)
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
