"""The child's main window: tools, canvas, live magic picture, Magic button and style cards.

The window owns one `Drawing`, hands it to the canvas and the tool column, and asks the
`RenderController` for previews: ~150 ms after each stroke end, undo, redo or clear, and,
while the pen moves, whenever the worker is free (so the picture follows the pen as fast as
the engine allows without piling up work). Its frame (ui/window_frame.py) holds the top bar and
the pages: the gallery, badges and grown-ups' corner plug in through `add_page` and
`add_nav_button`, and the window meets the screen there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QSizePolicy

from icanvas_desktop.core.strokes import Drawing
from icanvas_desktop.ui import sound
from icanvas_desktop.ui.canvas import ERASER, HINT_BRUSH, CanvasWidget
from icanvas_desktop.ui.celebrate import celebrate
from icanvas_desktop.ui.final_pictures import FinalPictures, made_in_wanted_style
from icanvas_desktop.ui.icons import icon
from icanvas_desktop.ui.motion_views import MotionBar
from icanvas_desktop.ui.style_picker import StylePicker
from icanvas_desktop.ui.tool_panel import ToolPanel
from icanvas_desktop.ui.widgets import (ConfirmDialog, HelperLine, PictureView, big_button,
                                        stylesheet)
from icanvas_desktop.ui.window_frame import WindowFrame
from icanvas_desktop.ui.worker import FINAL, STYLE, RenderController, RenderResult

DEBOUNCE_MS = 150   # after a stroke ends / undo / redo / clear
LIVE_MS = 90        # while drawing: how often to check whether the worker is free
NOTICE_MS = 4000    # how long a one-off helper message stays before the tool help returns


@dataclass
class WindowOptions:
    lang: str = "en"
    sound: bool = True
    live_preview: bool = True
    button_scale: float = 1.0
    high_contrast: bool = False
    fullscreen: bool = False
    noquit: bool = False  # the window ignores the close button (kiosk use); close() still works
    # Called after each Magic picture: (drawing snapshot, PIL RGB picture, StyleInfo).
    magic_callback: Callable[[Drawing, Any, Any], None] | None = None
    # A final picture of exactly these strokes in the named style kept earlier (the gallery),
    # as a QImage, or None: a style switch shows it rather than making and keeping another.
    find_final: Callable[[Drawing, str], QImage | None] | None = None
    style: str | None = None               # style name to choose first; None = the first style
    page_size: tuple[int, int] = (1024, 768)


class MainWindow(WindowFrame):
    preview_shown = Signal(object)   # RenderResult
    final_shown = Signal(object)     # RenderResult
    kept_shown = Signal(object, int)  # QImage, revision: a final picture kept earlier, shown again
    style_changed = Signal(object)   # StyleInfo, once the engine has it loaded
    message_shown = Signal(str)      # friendly message shown in the picture area

    def __init__(self, engine_factory: Callable[[], Any], styles: Sequence[Any],
                 options: WindowOptions):
        super().__init__(options)
        self.styles = list(styles)
        self.style = None                   # StyleInfo the engine has loaded
        self._wanted_style = None           # StyleInfo last chosen (may still be loading)
        self.last_preview: RenderResult | None = None
        self.last_final: RenderResult | None = None
        self.finals = FinalPictures()       # the finals of the strokes on the page, by style
        self._live_revision = -1
        self.style_error: str | None = None  # the last style-load failure (self-test stops early)
        self.drawing = Drawing(*options.page_size)
        self.controller = RenderController(engine_factory, self)
        scale = options.button_scale
        self.setWindowTitle(self.tr("iCanvas"))
        self.setWindowIcon(icon("magic"))
        self.setStyleSheet(stylesheet(scale, options.high_contrast))
        self.title.setText(self.tr("iCanvas"))

        page = self.drawing_page
        self.canvas = CanvasWidget(self.drawing, page)
        self.tools = ToolPanel(self.canvas, self.drawing, scale, page)
        self.picture = PictureView(page)
        self.picture.set_aspect(self.drawing.width, self.drawing.height)
        self.magic_button = big_button("magic", self.tr("Magic!"),
                                       self.tr("Magic! Make my picture"), round(48 * scale))
        self.magic_button.setObjectName("Magic")
        self.magic_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.magic_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The row under the picture: Magic! first; more picture buttons can join it.
        self.action_row = page.action_row
        self.action_row.addWidget(self.magic_button, 1)
        self.motion_bar = MotionBar(scale, page)    # "Make it move!" once Magic! made a picture
        self.action_row.addWidget(self.motion_bar)
        self.style_picker = StylePicker(self.styles, options.lang, scale, page)
        self.helper = HelperLine(page, NOTICE_MS)
        self.helper.setAccessibleName(self.tr("Helper"))
        self.helper.changed.connect(page.helper_changed)   # a longer message gets its lines
        page.set_parts(self.tools, self.canvas, self.picture, self.style_picker, self.helper)
        self.motion_bar.attach(self)

        # -- wiring ------------------------------------------------------------------------------
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.request_preview)
        self._live = QTimer(self, interval=LIVE_MS)
        self._live.timeout.connect(self._live_tick)
        self.canvas.stroke_started.connect(self._on_stroke_started)
        self.canvas.stroke_finished.connect(self._live.stop)
        self.drawing.subscribe(self._on_drawing_changed)
        self.tools.tool_changed.connect(self._show_tool_help)
        self.tools.clear_requested.connect(self.ask_clear)
        self.magic_button.clicked.connect(self.make_magic)
        self.style_picker.style_chosen.connect(self.choose_style)
        self.controller.preview_ready.connect(self._on_preview)
        self.controller.final_ready.connect(self._on_final)
        self.controller.style_ready.connect(self._on_style_ready)
        self.controller.failed.connect(self._on_failed)
        self.controller.busy_changed.connect(self.picture.set_busy)
        for keys, slot in (("Ctrl+Z", self.drawing.undo), ("Ctrl+Y", self.drawing.redo),
                           ("Ctrl+Shift+Z", self.drawing.redo)):
            QShortcut(QKeySequence(keys), self, activated=slot)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.make_magic)

        self._show_tool_help()
        if not self.styles:
            self._say(self.tr("No picture styles are here yet."),
                      self.tr("You can still draw! A grown-up can add styles."))
        else:
            first = options.style or self.styles[0].name
            if self.style_picker.select(first) is None:
                self.style_picker.select(self.styles[0].name)
        self.canvas.setFocus()

    # -- what the shell shows on the drawing page --------------------------------------------------
    def show_drawing_page(self) -> None:
        self.show_page(self.drawing_page)
        self.canvas.setFocus()

    def set_live_preview(self, on: bool) -> None:
        """Turn the picture-follows-the-pen preview on or off (grown-ups' corner)."""
        self.options.live_preview = on
        if not on:
            self._live.stop()
        self.request_preview()

    def load_drawing(self, drawing: Drawing) -> None:
        """Put saved strokes on the page (e.g. 'draw more' from the gallery); Undo brings
        back what was there."""
        self.drawing.replace(drawing.strokes)
        self.show_drawing_page()

    def show_kept_picture(self, image: QImage, style_name: str = "") -> None:
        """Show a picture kept in the gallery for the strokes now on the page, made in the
        named style; a preview of the same strokes does not replace it, and a switch to
        another style makes the final picture in that style."""
        self.finals.show(self.drawing.revision, style_name, image)
        self.picture.show_image(image)
        self.kept_shown.emit(image, self.drawing.revision)

    # -- styles --------------------------------------------------------------------------------
    def choose_style(self, style: Any) -> None:
        self._wanted_style = style
        self.style_error = None
        self.style = None
        # The sparkle runs while the engine loads: progress, and a picture follows by itself.
        self._say(self.tr("Getting the %1 magic ready...").replace(
            "%1", style.display_title(self.options.lang)))
        self.controller.request(STYLE, style)

    def _on_style_ready(self, style: Any) -> None:
        self.style = style
        self.style_changed.emit(style)
        self._show_tool_help()
        self._picture_in_style(style)

    def _picture_in_style(self, style: Any) -> None:
        if not (self.finals.showing(self.drawing.revision) and self._has_content()):
            self.request_preview()
            return
        # A final picture was showing (after Magic!, or a creation from the gallery): show the
        # final picture in this style too. One made before for these strokes (on this page, or
        # kept in the gallery) comes back at once; otherwise it is made, and kept in the
        # gallery the way Magic! keeps one.
        kept = self.finals.kept(self.drawing.revision, style.name)
        if kept is None and self.options.find_final is not None:
            kept = self.options.find_final(self.drawing.snapshot(), style.name)
            if kept is not None:
                self.finals.keep(self.drawing.revision, style.name, kept)
        if kept is not None:
            self.picture.show_image(kept)
            self.kept_shown.emit(kept, self.drawing.revision)
        elif not self.finals.pending():
            self._say(self.tr("Making your picture in the %1 style...").replace(
                "%1", style.display_title(self.options.lang)))
            self._request_final(magic=False)

    # -- previews and Magic ------------------------------------------------------------------------
    def _has_content(self) -> bool:
        return not self.drawing.is_empty() or self.drawing.has_hints()

    has_content = _has_content

    def _on_drawing_changed(self) -> None:
        if self.drawing.current is None:  # a stroke ended, undo, redo, clear or load
            self._debounce.start()

    def _on_stroke_started(self) -> None:
        self._show_tool_help()
        if self.options.live_preview:
            self._live.start()

    def _live_tick(self) -> None:
        # Ask again only when the worker has no preview to do: the picture follows the pen at
        # the engine's own pace, and requests never pile up behind a slow engine.
        if self.controller.has_work("preview") or self.drawing.revision == self._live_revision:
            return
        self.request_preview()

    def request_preview(self) -> None:
        if self.style is None:
            return
        if not self._has_content():
            self._say(self.tr("Draw something,"), self.tr("and watch it come alive here!"))
            return
        if not self.options.live_preview:
            if self.picture.image().isNull():   # the last Magic picture stays until the next
                self._say(self.tr("Press Magic!"),
                          self.tr("Your picture appears here when you press the Magic button."))
            return
        self._live_revision = self.drawing.revision
        self.controller.request_preview(self.drawing.snapshot())

    def make_magic(self) -> None:
        if not self._has_content():
            self.notice(self.tr("Draw something first, then press Magic!"))
            return
        if self.style is None and (self._wanted_style is None or self.style_error is not None):
            self.notice(self.tr("Pick a picture style first."))
            return
        # While a style loads, the final simply waits its turn: the worker loads styles first.
        self._request_final(magic=True)
        self.notice(self.tr("Magic is happening..."))

    def _request_final(self, magic: bool) -> None:
        snapshot = self.drawing.snapshot()
        self.finals.asked(self.controller.request_final(snapshot), snapshot, magic)

    def _on_preview(self, result: RenderResult) -> None:
        # A preview never replaces a Magic picture of the same (or a newer) drawing.
        if result.revision <= self.finals.revision or not self._has_content() \
                or not made_in_wanted_style(result, self._wanted_style):
            return
        self.last_preview = result
        self.picture.show_image(result.image)
        self.preview_shown.emit(result)

    def _on_final(self, result: RenderResult) -> None:
        snapshot, magic = self.finals.answered(result.request_id)
        # The picture is labelled with the style that made it, whatever was chosen since.
        style = result.style or self.style
        self.finals.show(result.revision, getattr(style, "name", ""), result.image)
        self.last_final = result
        if made_in_wanted_style(result, self._wanted_style):
            self.picture.show_image(result.image)
            if magic:
                center = self.picture.mapTo(self.centralWidget(), self.picture.rect().center())
                celebrate(self.centralWidget(), self.options.sound, QPointF(center))
                self.notice(self.tr("Ta-da! Look what you made!"))
            self.final_shown.emit(result)
        elif self.style is not None:        # the chosen style is already there: make it in that
            self._picture_in_style(self.style)
        if self.options.magic_callback is not None and snapshot is not None and style is not None:
            self.options.magic_callback(snapshot, result.pil, style)

    def _on_failed(self, kind: str, message: str) -> None:
        if kind == STYLE:
            self.style = None
            self.style_error = message
            self._say(self.tr("Oh no! This picture style is sleeping."),
                      self.tr("You can keep drawing, or pick another style.") + "\n\n" + message)
        else:
            self._say(self.tr("The magic got stuck this time."),
                      self.tr("Keep drawing and try again!"))
            if kind == FINAL:
                self.finals.failed()
                self.notice(self.tr("The magic got stuck. Try Magic again!"))

    def _say(self, title: str, detail: str = "") -> None:
        self.picture.show_message(title, detail)
        self.message_shown.emit(title)

    # -- clearing --------------------------------------------------------------------------------
    def ask_clear(self) -> ConfirmDialog | None:
        if not self.drawing.strokes:
            return None
        dialog = ConfirmDialog(self.tr("Start a new drawing?"), "new_page", self)
        dialog.setStyleSheet(self.styleSheet())
        dialog.answered.connect(self._clear_answered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.clear_dialog = dialog
        return dialog

    def _clear_answered(self, yes: bool) -> None:
        if yes and self.drawing.clear():
            self.finals.forget()
            if self.options.sound:
                sound.play("whoosh")
            self.notice(self.tr("A fresh page! Undo brings the old one back."))
        self.canvas.setFocus()

    # -- helper line -------------------------------------------------------------------------------
    def notice(self, text: str) -> None:
        """Show a one-off message in the helper line; the tool help comes back after a while."""
        self.helper.notice(text)

    def _show_tool_help(self) -> None:
        canvas = self.canvas
        if canvas.tool == ERASER:
            text = self.tr("Eraser: rub out lines and colours.")
        elif canvas.tool == HINT_BRUSH:
            text = self.tr("%1 paint: scribble where you want %1 in the magic picture.").replace(
                "%1", self.tools.hint_name())
            if self.style is not None and not getattr(self.style, "takes_hints", True):
                text += " " + self.tr("(This style picks its own colours.)")
        else:
            text = {"thin": self.tr("Thin pen: draw fine black lines."),
                    "medium": self.tr("Medium pen: draw black lines."),
                    "thick": self.tr("Thick pen: draw big bold lines.")}[canvas.pen_size]
        self.helper.say(text)

    def shutdown(self) -> None:
        """Stop timers and the engine thread; safe to call more than once."""
        self._live.stop()
        self._debounce.stop()
        self.controller.shutdown()
        self.motion_bar.shutdown()
