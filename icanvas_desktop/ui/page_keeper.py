"""Whose page is on the canvas, and keeping it: autosave, and each child's own page.

The shell (ui/shell.py) has one `PageKeeper`. It knows which child the drawing on the page
belongs to (`owner`), writes that drawing as the child's drawing in progress at most
AUTOSAVE_MS after a change (the timer is not restarted by each change, so a child who never
pauses is saved too), and on a switch of child puts the page away with its history
(ui/session.Session.put_page_away) and takes out the next child's own page, or a blank one.
The writing itself runs on core/autosave.py's thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from icanvas_desktop.core.strokes import Page

AUTOSAVE_MS = 2000   # the drawing in progress is written at most this long after a change


class PageKeeper(QObject):
    """`session` and `window` are the shell's current Session and MainWindow (both are
    replaced when settings change; `watch` a new window)."""

    def __init__(self, session: Any, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.window: Any = None
        self.owner = ""                    # the profile whose drawing is on the page
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.keep)

    def watch(self, window: Any) -> None:
        """Follow a (new) window's drawing and style for autosave."""
        self.window = window
        window.drawing.subscribe(self._changed)
        window.style_changed.connect(lambda _style: self._changed())

    def _changed(self) -> None:
        if self.window.drawing.current is None and not self._timer.isActive():
            self._timer.start()            # a stroke ended, undo, redo, clear, load, a style

    def _style_name(self) -> str:
        style = self.window.style or self.window._wanted_style
        return style.name if style is not None else ""

    def keep(self) -> None:
        """Write the drawing in progress now (on the autosave thread)."""
        self._timer.stop()
        if self.owner and self.window is not None:
            self.session.keep_page(self.owner, self.window.drawing, self._style_name())

    def switch_to(self, profile_id: str) -> bool:
        """The page goes with its child: the owner's page is put away, with its history, and
        `profile_id`'s own page comes out (theirs from earlier, else a blank one with no
        history, never the previous child's). True when they had one."""
        if self.owner and self.owner != profile_id:
            self.session.put_page_away(self.owner, self.window.drawing, self._style_name())
        self.owner = profile_id
        w = self.window
        found = self.session.page_for(profile_id)
        page, style = found if found is not None else (Page(), "")
        w.drawing.turn_to(page)
        self._timer.stop()                 # what is on disk is this page already
        if style and (w.style is None or w.style.name != style):
            w.style_picker.select(style)
        if found is not None and page.strokes:
            w.notice(self.tr("Here is your drawing! Keep going."))
        return found is not None

    def owner_gone(self) -> bool:
        """After a child was removed: if it was the owner, the page is no one's (and is
        cleared); True then."""
        if not self.owner or any(p.id == self.owner for p in self.session.profiles.list()):
            return False
        self.owner = ""
        self.window.drawing.turn_to(Page())
        return True
