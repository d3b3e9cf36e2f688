"""The whole child's app: the main window plus gallery, badges, profiles, challenge and settings.

`AppShell` builds a `MainWindow` from the settings and plugs everything in through the window's
extension points: today's challenge under the canvas; big nav buttons for the child's animal,
drawing, gallery and badges; a small gear for the grown-ups' corner; the badge toast; and the
hold-Ctrl+Shift+Q way out of a kiosk (its "Keep holding..." shows on every page). Settings
changed in the corner apply at once: cheap ones (sound, preview, kiosk, gallery rights) in
place; language, sizes, colours, styles and engine by building a fresh window that keeps the
drawing. Each child's drawing in progress is kept
(autosaved a few seconds after each change, on a profile switch and on closing) and comes
back to them; "Keep drawing" on a gallery picture can be undone.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QButtonGroup

from icanvas_desktop.core.settings import LoadedSettings, Settings
from icanvas_desktop.core.strokes import Page
from icanvas_desktop.ui import sound
from icanvas_desktop.ui.badge_shelf import BadgeShelf, UnlockToast
from icanvas_desktop.ui.challenge_card import ChallengeCard
from icanvas_desktop.ui.gallery_view import GalleryView
from icanvas_desktop.ui.grownups import open_grownups_corner
from icanvas_desktop.ui.i18n import install_translator
from icanvas_desktop.ui.main_window import MainWindow, WindowOptions
from icanvas_desktop.ui.page_keeper import PageKeeper
from icanvas_desktop.ui.profile_picker import ProfilePicker, profile_icon
from icanvas_desktop.ui.quit_hold import HOLD_MS, HoldNotice, HoldToQuit
from icanvas_desktop.ui.session import Session, StoragePlaces, storage_places
from icanvas_desktop.ui.theme import apply_theme
from icanvas_desktop.ui.worker import pil_to_qimage

# Settings that change how the window is built: a fresh window keeps the drawing.
REBUILD_KEYS = ("lang", "button_size", "high_contrast", "styles", "device", "threads", "magic_colours")
# core/atomic.py's reasons, offered to lupdate so the child's message is translated.
_REASONS = (QT_TRANSLATE_NOOP("AppShell", "the disk is full"),
            QT_TRANSLATE_NOOP("AppShell", "the folder is read-only"))

EngineFactoryFor = Callable[[Settings], Callable[[], Any]]


def offered_styles(styles: Sequence[Any], wanted: Sequence[str]) -> list:
    """The styles the settings offer (in installed order); every style when none is named or
    none of the named ones is installed (children always get something to pick)."""
    chosen = [s for s in styles if s.name in set(wanted)] if wanted else list(styles)
    return chosen or list(styles)


class AppShell(QObject):
    """Signals: quit_requested() after the grown-ups' hold; window_built(MainWindow)."""

    quit_requested = Signal()
    window_built = Signal(object)

    def __init__(self, loaded: LoadedSettings, styles: Sequence[Any],
                 engine_factory_for: EngineFactoryFor, *, places: StoragePlaces | None = None,
                 open_corner: Callable[..., LoadedSettings | None] = open_grownups_corner,
                 hold_ms: int = HOLD_MS, today: date | None = None):
        super().__init__()
        self.app = QApplication.instance()
        self.loaded = loaded
        self.all_styles = list(styles)
        self._engine_factory_for = engine_factory_for
        self._open_corner = open_corner
        self._today = today
        self._places_given = places
        self.places = places or storage_places(loaded)
        self.session = self._new_session()
        self.window: MainWindow | None = None
        self._pending_challenge = None
        self.page_keeper = PageKeeper(self.session, self)   # whose page, and autosave
        self.hold = HoldToQuit(self, hold_ms)
        self.hold_notice = HoldNotice(self.hold, lambda: self.tr("Keep holding to close iCanvas..."),
                                      lambda: self.window, hold_ms)    # on every page
        self.hold.triggered.connect(self.quit)
        self.app.installEventFilter(self.hold)
        self._build()
        self._start_with_last()

    # -- building ------------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.loaded.settings

    def _new_session(self) -> Session:
        names = [s.name for s in offered_styles(self.all_styles, self.loaded.settings.styles)]
        return Session(self.places, names, self)

    def _build(self, page: Page | None = None, style_name: str | None = None) -> MainWindow:
        s = self.settings
        self.lang = install_translator(self.app, s.lang)
        apply_theme(self.app, s.high_contrast, s.button_scale)
        self.styles = offered_styles(self.all_styles, s.styles)
        options = WindowOptions(lang=self.lang, sound=s.sound, live_preview=s.live_preview,
                                button_scale=s.button_scale, high_contrast=s.high_contrast,
                                fullscreen=s.fullscreen, noquit=s.noquit, style=style_name,
                                magic_callback=self._on_magic, find_final=self._kept_final)
        w = MainWindow(self._engine_factory_for(s), self.styles, options)
        self.window = w
        if page is not None:
            w.drawing.turn_to(page)
        self.page_keeper.watch(w)

        self.challenge_card = ChallengeCard(self.session.todays_challenge(self._today), self.lang, w)
        self.challenge_card.done.connect(self._on_challenge_done)
        self.challenge_card.setMaximumWidth(640)
        w.add_bottom_widget(self.challenge_card)

        self.avatar_button = w.add_nav_button("star", "", self.show_profiles,
                                              self.tr("Who is drawing?"))
        self.draw_button = w.add_nav_button("brush", self.tr("Draw"), w.show_drawing_page)
        self.gallery_button = w.add_nav_button("gallery", self.tr("My pictures"), self.show_gallery)
        self.badges_button = w.add_nav_button("star", self.tr("Badges"), self.show_badges,
                                              self.tr("My badges"))
        self.gear_button = w.add_nav_button("gear", "", self.open_grownups,
                                            self.tr("Grown-ups' corner (settings)"))
        self.gear_button.setIconSize(self.gear_button.iconSize() * (2 / 3))
        self.nav_group = QButtonGroup(w)
        for b in (self.draw_button, self.gallery_button, self.badges_button):
            b.setCheckable(True)
            self.nav_group.addButton(b)
        self.draw_button.setChecked(True)

        self.gallery_view = GalleryView(self.session.gallery, self.session.profile_id or None, w,
                                        allow_delete=s.allow_delete, allow_export=s.allow_export,
                                        export_dir=self.places.export_dir)
        self.gallery_view.open_requested.connect(self._open_creation)
        self.gallery_view.replayed.connect(self.session.record_replay)
        self.gallery_view.moved.connect(lambda entry_id, motion: self.session.record_motion(motion, entry_id))
        w.motion_bar.moved.connect(
            lambda motion: self.session.record_motion(motion, self.session.is_saved(w.drawing) or ""))
        self.badge_shelf = BadgeShelf(w, self.lang)
        self.picker = ProfilePicker(self.session.profiles, w, self.lang, show_name=False)
        self.picker.profile_chosen.connect(self._on_profile_chosen)
        for page in (self.gallery_view, self.badge_shelf, self.picker):
            w.add_page(page)
        w.pages.currentChanged.connect(self._follow_page)

        self.toast = UnlockToast(w.centralWidget(), self.lang, area=w.quiet_area)
        self.session.badges_earned.connect(self._on_badges)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._on_save_failed)
        self._follow_profile()
        self.window_built.emit(w)
        return w

    def _disconnect_session(self) -> None:
        for signal, slot in ((self.session.badges_earned, self._on_badges),
                             (self.session.saved, self._on_saved),
                             (self.session.save_failed, self._on_save_failed)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass

    def _start_with_last(self) -> None:
        """The child's drawing in progress comes back; else, if the grown-ups chose it, the
        last picture in their gallery."""
        if self.session.profile is None:
            return
        if self.page_keeper.switch_to(self.session.profile_id):
            return
        if self.settings.start_with != "last":
            return
        creation = self.session.last_creation()
        if creation is not None:
            self._open_creation(creation)

    def present(self) -> None:
        self.window.present()

    # -- pages and profiles --------------------------------------------------------------------
    def _follow_page(self, _index: int = 0) -> None:
        page = self.window.pages.currentWidget()
        button = {self.window.drawing_page: self.draw_button, self.gallery_view: self.gallery_button,
                  self.badge_shelf: self.badges_button}.get(page)
        if button is not None:
            button.setChecked(True)
        else:                                  # the animal picker: nothing in the bar is "on"
            self.nav_group.setExclusive(False)
            for b in self.nav_group.buttons():
                b.setChecked(False)
            self.nav_group.setExclusive(True)

    def _follow_profile(self) -> None:
        p = self.session.profile
        has = p is not None
        for b in (self.draw_button, self.gallery_button, self.badges_button):
            b.setEnabled(has)
        self.challenge_card.setEnabled(has)
        self.avatar_button.setVisible(has)
        if not has:                            # first start: one tap on an animal, no typing
            self.picker.refresh()
            self.window.show_page(self.picker)
            return
        self.avatar_button.setIcon(profile_icon(p))
        name = self.session.profiles.label(p, self.lang)
        self.avatar_button.setText(name)
        self.avatar_button.setAccessibleName(self.tr("%1 is drawing. Tap to change.").replace("%1", name))
        self.avatar_button.setToolTip(self.avatar_button.accessibleName())
        self.avatar_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        challenge = self.challenge_card.challenge
        self.challenge_card.set_challenge(challenge, self.session.challenge_done_today(challenge, self._today))
        self.gallery_view.set_profile(p.id)
        self.window.fit_top_bar()             # the animal's name may not fit a narrow screen

    def _follow_children(self) -> None:
        """After the grown-ups' corner: names may have changed, and a child may be gone. A
        removed child's drawing leaves the page with them; the next child gets their own."""
        self.picker.refresh()
        if self.page_keeper.owner_gone() and self.session.profile is not None:
            self._on_profile_chosen(self.session.profile.id)
            return
        self._follow_profile()

    def show_profiles(self) -> None:
        self.picker.refresh()
        self.window.show_page(self.picker)

    def show_gallery(self) -> None:
        self.gallery_view.refresh()
        entries = self.gallery_view.model.entries
        if entries and self.gallery_view.selected_id() is None:
            self.gallery_view.select(entries[0].id)   # the buttons work at once, newest first
        self.window.show_page(self.gallery_view)

    def show_badges(self) -> None:
        self.badge_shelf.set_states(self.session.badge_states())
        self.window.show_page(self.badge_shelf)

    def _on_profile_chosen(self, profile_id: str) -> None:
        if profile_id != self.page_keeper.owner:    # the page goes with its child
            self.page_keeper.switch_to(profile_id)
        self.session.choose_profile(profile_id)
        self._follow_profile()
        self.window.show_drawing_page()

    def _open_creation(self, creation) -> None:
        """Keep drawing a creation from the gallery: its strokes, its style and its picture.
        The drawing that was on the page is one Undo away."""
        w = self.window
        unkept = w.has_content() and not self.session.is_saved(w.drawing)
        w.load_drawing(creation.drawing())
        if unkept:
            w.notice(self.tr("Your other drawing is not lost: Undo brings it back."))
        self.session.mark_saved(creation)
        if w.style is None or w.style.name != creation.style:
            w.style_picker.select(creation.style)
        w.show_kept_picture(pil_to_qimage(creation.result), creation.style)

    # -- saving, badges, challenge -------------------------------------------------------------
    def _kept_final(self, snapshot, style_name: str):
        """The picture of a creation kept earlier of these strokes in this style (a style
        switch shows it, and it counts as kept: no second copy, and "I did it!" uses it)."""
        creation = self.session.find_creation(snapshot, style_name)
        if creation is None:
            return None
        self.session.mark_saved(creation)
        return pil_to_qimage(creation.result)

    def _on_magic(self, snapshot, picture, style) -> None:
        name = getattr(style, "name", "")
        kept = self.session.is_saved(snapshot, name)
        if kept:                                   # Magic again on the same drawing: keep one
            if self._pending_challenge is not None:
                self._finish_challenge(kept)
            return
        self.session.save_creation(snapshot, picture, name)

    def _on_saved(self, entry_id: str, job) -> None:
        if self.window.pages.currentWidget() is self.gallery_view:
            self.gallery_view.refresh()
        if self._pending_challenge is not None:
            self._finish_challenge(entry_id)
        else:
            self.window.notice(self.tr("Ta-da! Your picture is kept in your gallery."))

    def _on_save_failed(self, reason: str, job) -> None:
        if self._pending_challenge is not None:
            self._pending_challenge = None
            self.challenge_card.set_done(False)
        self.window.notice(self.tr("Oh no, your picture could not be kept (%1). It is still here. "
                                   "Ask a grown-up to help.").replace("%1", self.tr(reason)))

    def _on_badges(self, states: list) -> None:
        for state in states:
            self.toast.show_badge(state)
        if states and self.settings.sound:
            sound.play("pop")
        if self.window.pages.currentWidget() is self.badge_shelf:
            self.badge_shelf.set_states(self.session.badge_states())

    def _on_challenge_done(self, challenge_id: str) -> None:
        w = self.window
        if not w.has_content() or w.style is None:
            self.challenge_card.set_done(False)
            w.notice(self.tr("Draw today's challenge first, then press \"I did it!\""))
            return
        self._pending_challenge = self.challenge_card.challenge
        kept = self.session.is_saved(w.drawing)
        if kept:
            self._finish_challenge(kept)
        else:
            w.make_magic()          # the picture is kept, then the sticker goes on it

    def _finish_challenge(self, entry_id: str) -> None:
        challenge, self._pending_challenge = self._pending_challenge, None
        if self.session.complete_challenge(entry_id, challenge):
            self.challenge_card.set_done(True)
            self.window.notice(self.tr("You did today's challenge! Your picture got a sticker."))
        else:
            self.challenge_card.set_done(False)
            self.window.notice(self.tr("The sticker could not be kept. Ask a grown-up to help."))

    # -- grown-ups -----------------------------------------------------------------------------
    def corner_settings(self) -> LoadedSettings:
        """The settings as the corner should show them, with any files set aside noted, and why
        Magic colours is off for the style in use when its colour index could not be read."""
        from dataclasses import replace
        found = self.session.problems() + [n for n in [self.window.controller.colours_note()] if n]
        extra = [w for w in found if w not in self.loaded.warnings]
        return replace(self.loaded, warnings=list(self.loaded.warnings) + extra)

    def open_grownups(self) -> None:
        self.page_keeper.keep()       # nothing changes the page while the corner is open
        new = self._open_corner(self.corner_settings(), self.all_styles, self.window, lang=self.lang,
                                session=self.session)
        self._follow_children()
        if new is not None:
            self.apply_settings(new)
        if self.window.pages.currentWidget() is self.gallery_view:
            self.show_gallery()                # pictures may have come back from the trash

    def apply_settings(self, new: LoadedSettings) -> None:
        old, s = self.settings, new.settings
        self.loaded = new
        places = self._places_given or storage_places(new)
        new_place = places != self.places
        if new_place:
            self.page_keeper.keep()          # the page stays the old child's in the old folder
            self.session.shutdown()          # finish saving into the old folder first
            self._disconnect_session()
            self.places = places
            self.session = self._new_session()
            self.page_keeper.session = self.session
            self.page_keeper.owner = self.session.profile_id   # the page carries over to this child
        if new_place or any(getattr(old, k) != getattr(s, k) for k in REBUILD_KEYS):
            self.rebuild()
            return
        w = self.window
        w.options.sound = s.sound
        w.options.noquit = s.noquit
        if w.options.live_preview != s.live_preview:
            w.set_live_preview(s.live_preview)
        self.gallery_view.set_delete_allowed(s.allow_delete)
        self.gallery_view.set_export_allowed(s.allow_export)
        if w.options.fullscreen != s.fullscreen:
            w.options.fullscreen = s.fullscreen
            w.showFullScreen() if s.fullscreen else w.showNormal()

    def rebuild(self) -> MainWindow:
        """A fresh window for new settings; the drawing and the chosen style carry over."""
        old = self.window
        style = old.style or old._wanted_style
        geometry = old.geometry()
        page_was_drawing = old.pages.currentWidget() is old.drawing_page
        self._disconnect_session()
        self.gallery_view.shutdown()
        self._build(old.drawing.page(), style.name if style is not None else None)
        if not self.settings.fullscreen:
            self.window.setGeometry(geometry)
        self.present()
        if page_was_drawing and self.session.profile is not None:
            self.window.show_drawing_page()
        old.allow_close()
        old.close()
        old.deleteLater()
        return self.window

    def quit(self) -> None:
        """The grown-ups' hold: close even in a kiosk."""
        self.window.allow_close()
        self.window.close()
        self.quit_requested.emit()

    def shutdown(self) -> None:
        self.page_keeper.keep()                     # written before the session closes
        self.app.removeEventFilter(self.hold)
        if self.hold_notice is not None:            # a window of its own: no parent takes it
            self.hold_notice.disappear()
            self.hold_notice.deleteLater()
            self.hold_notice = None
        self.window.shutdown()
        self.gallery_view.shutdown()
        self.session.shutdown()
