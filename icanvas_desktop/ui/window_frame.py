"""The frame of the child's window: the top bar, the pages, and how the window meets the screen.

`WindowFrame` is the part of the main window (ui/main_window.py) that knows nothing of drawing
or pictures: it builds the top bar (ui/screen_fit.TopBar) above a stack of pages whose first
is the drawing page (ui/screen_layout.DrawingPage), offers the extension points the shell plugs
into (nav buttons, pages, today's challenge), opens the window on its screen, keeps a kiosk's
close button shut, and says where a passing celebration hides nothing (`quiet_area`).

Today's challenge (a "bottom widget") sits under the canvas. With big buttons in landscape it
rides in the top bar instead, when the bar has room: the bar is about as tall as the card there,
so the canvas gains the whole height the card took under it (docs/screen.md). Either way it
shows with the drawing page only.

No visible words are made here (lupdate would file them under this class, while Qt looks them
up under the window's own class): the main window gives them.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from icanvas_desktop.ui.screen_fit import TopBar, fit_to_screen
from icanvas_desktop.ui.screen_layout import DrawingPage

TOAST_LEAST = 100   # px: a top bar with less free room than this lends all of itself to a toast


class WindowFrame(QMainWindow):
    """Needs `options` with button_scale, fullscreen and noquit (ui/main_window.WindowOptions)."""

    def __init__(self, options):
        super().__init__()
        self.options = options
        self._allow_close = False
        self._bottom_widgets: list[QWidget] = []
        scale = options.button_scale
        central = QWidget(self)
        central.setObjectName("Central")
        # The window may be as small as the screen: the pages arrange themselves to fit.
        central.setMinimumSize(320, 320)
        outer = QVBoxLayout(central)
        margin = round(10 * scale)
        outer.setContentsMargins(margin, round(8 * scale), margin, margin)
        outer.setSpacing(round(8 * scale))
        self.setCentralWidget(central)
        # Top bar: name on the left, navigation buttons (gallery, badges, grown-ups) on the right.
        self.top = TopBar(central, scale, "")
        self.top_bar, self.nav_bar, self.title = self.top.layout, self.top.nav, self.top.title
        outer.addLayout(self.top_bar)
        self.pages = QStackedWidget(central)
        outer.addWidget(self.pages, 1)
        self.drawing_page = DrawingPage(scale, self.pages)
        self.pages.addWidget(self.drawing_page)
        self.pages.currentChanged.connect(self._follow_page)

    # -- extension points for the gallery, badges and grown-ups' corner ------------------------
    def add_nav_button(self, icon_name: str | QIcon, label: str, callback: Callable[[], None],
                       accessible_name: str | None = None) -> QToolButton:
        """Add a big button to the top bar (e.g. Gallery) that runs `callback` when clicked.
        `icon_name` is a name from ui/icons.py or a ready QIcon (the child's avatar)."""
        button = self.top.add_button(icon_name, label, accessible_name or label,
                                     round(36 * self.options.button_scale), self)
        button.clicked.connect(callback)
        self.fit_top_bar()
        return button

    def add_top_widget(self, widget: QWidget) -> None:
        """Put a widget in the top bar, between the name and the buttons."""
        self.top_bar.insertWidget(2, widget, 1)

    def add_bottom_widget(self, widget: QWidget) -> None:
        """Put a widget (today's challenge) under the drawing; with big buttons in landscape
        it rides in the top bar (`place_bottom_widgets`)."""
        self._bottom_widgets.append(widget)
        self.drawing_page.add_bottom_widget(widget)
        self.place_bottom_widgets()

    def add_page(self, widget: QWidget) -> int:
        """Add a full page (gallery, badge shelf, ...) that `show_page` can switch to."""
        return self.pages.addWidget(widget)

    def show_page(self, widget: QWidget) -> None:
        self.pages.setCurrentWidget(widget)

    # -- where things go -------------------------------------------------------------------------
    def place_bottom_widgets(self) -> None:
        """Today's challenge under the canvas, or, with big buttons in landscape, in the top
        bar when the bar still fits with it (its words may go first, as on any narrow screen).
        Decided by the window's shape and width only, so it never flips back and forth."""
        up = self.options.button_scale > 1 and self.width() >= self.height()
        central = self.centralWidget()
        for widget in self._bottom_widgets:
            in_top = widget.parentWidget() is central
            if up and not in_top:
                self.drawing_page.remove_bottom_widget(widget)
                if hasattr(widget, "set_compact"):
                    widget.set_compact(True)       # the card's low form, as tall as the bar
                # Its own width, or its words would wrap into a tower taller than the bar:
                # the bar's words and name go first, as on any narrow screen.
                widget.setMinimumWidth(min(widget.maximumWidth(), widget.sizeHint().width()))
                self.add_top_widget(widget)
            elif not up and in_top:
                self._put_down(widget)
        if up and any(w.parentWidget() is central for w in self._bottom_widgets) \
                and not self.fit_top_bar():
            for widget in self._bottom_widgets:    # no room even with pictures only: back down
                self._put_down(widget)
        self._follow_page()

    def _put_down(self, widget: QWidget) -> None:
        self.top_bar.removeWidget(widget)
        widget.setMinimumWidth(0)
        self.drawing_page.add_bottom_widget(widget)

    def _follow_page(self, _index: int = 0) -> None:
        # Today's challenge belongs to the drawing page: in the top bar it shows with it only,
        # as it does under the canvas (and the bar's room goes to the other pages' toasts).
        drawing = self.pages.currentWidget() is self.drawing_page
        for widget in self._bottom_widgets:
            if widget.parentWidget() is self.centralWidget():
                widget.setVisible(drawing)
            else:
                widget.show()
        self.fit_top_bar()

    def quiet_area(self) -> QRect:
        """Where a passing celebration (a new badge) hides nothing the child is using, in the
        central widget's coordinates: the magic picture on the drawing page, else the top bar
        left of its buttons (all of it on a screen too narrow for a toast there; the toast lets
        taps through)."""
        central = self.centralWidget()
        picture = getattr(self, "picture", None)
        if self.pages.currentWidget() is self.drawing_page and picture is not None and picture.isVisible():
            return QRect(picture.mapTo(central, picture.rect().topLeft()), picture.size())
        return self.top.free_rect(central, least=TOAST_LEAST)

    # -- the window on its screen ----------------------------------------------------------------
    def present(self) -> None:
        """Show the window the way the options ask: full screen for a kiosk, else maximised
        on its screen (sized to the screen's free area first, for systems that do not
        maximise), unless a size was given already (a rebuilt window keeps the old one)."""
        if self.options.fullscreen:
            self.showFullScreen()
        elif self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self.show()
        else:
            screen = self.screen() or QGuiApplication.primaryScreen()
            fit_to_screen(self, screen.availableGeometry())
            self.showMaximized()

    def fit_top_bar(self) -> bool:
        """Fit the top bar to the window (again after a nav button's label changed); False
        when it does not fit even with pictures only."""
        m = self.centralWidget().layout().contentsMargins()
        return self.top.fit(self.centralWidget().width() - m.left() - m.right())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.place_bottom_widgets()

    def allow_close(self) -> None:
        """Let the next close request through even with `noquit` (the grown-ups' corner)."""
        self._allow_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.options.noquit and not self._allow_close and event.spontaneous():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop what runs behind the window; the main window adds its engine and timers."""
