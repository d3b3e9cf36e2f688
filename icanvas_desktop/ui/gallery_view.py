"""The gallery screen: a grid of big thumbnails, keep drawing, replay, slideshow, export, delete.

Thumbnails are decoded on a worker thread (newest request first, so what is on screen comes
first) and cached, so the grid stays smooth with thousands of creations. Replay frames and the
GIF are made on worker threads too. Delete asks a child-friendly question with the picture
(no OS message box); export goes straight to the Pictures folder (no file dialog). The job
thread, the list model and the card painter live in ui/gallery_model.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from icanvas_desktop.core.gallery import Gallery, GalleryError, default_export_dir
from icanvas_desktop.core.replay import Frame, export_gif, replay_frames
from icanvas_desktop.ui.gallery_model import CELL, ID_ROLE, CardDelegate, GalleryModel
from icanvas_desktop.ui.jobs import JobWorker
from icanvas_desktop.ui.motion_views import MotionPage
from icanvas_desktop.ui.worker import pil_to_qimage


class GalleryView(QWidget):
    """The gallery screen. Signals:
    open_requested(Creation): keep drawing it (creation.drawing() gives a Drawing);
    replayed(str id); moved(str id, str motion); exported(str path); deleted(str id);
    problems_found(list[Problem])."""

    open_requested = Signal(object)
    replayed = Signal(str)
    moved = Signal(str, str)
    exported = Signal(str)
    deleted = Signal(str)
    problems_found = Signal(list)

    def __init__(self, gallery: Gallery, profile: str | None = None, parent: QWidget | None = None, *,
                 allow_delete: bool = True, allow_export: bool = True, export_dir: Path | None = None):
        super().__init__(parent)
        self.gallery, self.profile = gallery, profile
        self.export_dir = Path(export_dir) if export_dir else default_export_dir()
        self.worker = JobWorker()
        self.worker.done.connect(self._on_worker_done)
        self.worker.progress.connect(self._on_replay_frame)
        self.model = GalleryModel(gallery, self.worker, self)
        self.pages = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.pages)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self._build_grid()
        self._build_confirm()
        self._build_replay()
        self._build_slideshow()
        self.motion_page = MotionPage(self._button, lambda: self.export_dir, self)   # make it move
        self.motion_page.back.connect(self._show_grid)
        self.motion_page.saved.connect(self.exported.emit)
        self.motion_page.moved.connect(self.moved.emit)
        self.pages.addWidget(self.motion_page)
        self.set_delete_allowed(allow_delete)
        self.set_export_allowed(allow_export)
        self.refresh()

    # -- pages -----------------------------------------------------------------------------------
    def _button(self, text: str, colour: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setMinimumHeight(64)
        b.setCursor(Qt.PointingHandCursor)
        b.setStyleSheet(f"QPushButton {{ font-size: 18px; font-weight: bold; padding: 8px 18px; border-radius: 18px;"
                        f" background: {colour}; color: #2B2B3B; border: 3px solid #00000022; }}"
                        f" QPushButton:disabled {{ background: #E4E6EC; color: #9AA0AE; }}")
        b.clicked.connect(slot)
        return b

    def _build_grid(self) -> None:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.list_view = QListView(page)
        self.list_view.setViewMode(QListView.IconMode)
        self.list_view.setUniformItemSizes(True)       # lets the view lay out 1,000s of items instantly
        self.list_view.setResizeMode(QListView.Adjust)
        self.list_view.setMovement(QListView.Static)
        self.list_view.setGridSize(CELL)
        self.list_view.setSelectionMode(QListView.SingleSelection)
        self.list_view.setVerticalScrollMode(QListView.ScrollPerPixel)
        self.list_view.setStyleSheet("QListView { background: #FAFAF7; border: none; }")
        self.list_view.setItemDelegate(CardDelegate(self.list_view))
        self.list_view.setModel(self.model)
        self.list_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.list_view.activated.connect(lambda _: self.open_selected())
        self.empty_label = QLabel(self.tr("No pictures yet. Draw something and keep it here!"), page)
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 22px; color: #6B6B7B;")
        self.note = QLabel("", page)
        self.note.setStyleSheet("font-size: 16px; color: #2F6F3E;")
        bar = QHBoxLayout()
        self.open_btn = self._button(self.tr("Keep drawing"), "#BFF0C8", self.open_selected)
        self.replay_btn = self._button(self.tr("Watch it again"), "#CDE6FF", self.replay_selected)
        self.move_btn = self._button(self.tr("Make it move!"), "#FFD9EC", self.move_selected)
        self.show_btn = self._button(self.tr("Slideshow"), "#E9E4FF", self.start_slideshow)
        self.export_btn = self._button(self.tr("Save to Pictures"), "#FFF1B8", self.export_selected)
        self.delete_btn = self._button(self.tr("Throw away"), "#FFD3D8", self.ask_delete)
        for b in (self.open_btn, self.replay_btn, self.move_btn, self.show_btn, self.export_btn, self.delete_btn):
            bar.addWidget(b)
        lay.addWidget(self.list_view, 1)
        lay.addWidget(self.empty_label, 1)
        lay.addWidget(self.note)
        lay.addLayout(bar)
        self.pages.addWidget(page)

    def _build_confirm(self) -> None:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.confirm_picture = QLabel(page)
        self.confirm_picture.setAlignment(Qt.AlignCenter)
        q = QLabel(self.tr("Throw this picture away?"), page)
        q.setAlignment(Qt.AlignCenter)
        q.setStyleSheet("font-size: 28px; font-weight: bold; color: #2B2B3B;")
        row = QHBoxLayout()
        self.keep_btn = self._button(self.tr("No, keep it!"), "#BFF0C8", self._show_grid)
        self.throw_btn = self._button(self.tr("Yes, throw it away"), "#FFD3D8", self._confirm_delete)
        row.addWidget(self.keep_btn)
        row.addWidget(self.throw_btn)
        lay.addWidget(self.confirm_picture, 1)
        lay.addWidget(q)
        lay.addLayout(row)
        self.pages.addWidget(page)
        self.confirm_page = page

    def _build_replay(self) -> None:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.replay_label = QLabel(page)
        self.replay_label.setAlignment(Qt.AlignCenter)
        self.replay_label.setMinimumSize(320, 240)
        row = QHBoxLayout()
        self.again_btn = self._button(self.tr("Again!"), "#CDE6FF", self._replay_again)
        self.gif_btn = self._button(self.tr("Save as a moving picture"), "#FFF1B8", self._export_gif)
        row.addWidget(self._button(self.tr("Back"), "#E4E6EC", self._show_grid))
        row.addWidget(self.again_btn)
        row.addWidget(self.gif_btn)
        lay.addWidget(self.replay_label, 1)
        lay.addLayout(row)
        self.pages.addWidget(page)
        self.replay_page = page
        self._frames: list[Frame] = []
        self._frame_images: list[QImage] = []
        self._frames_done = False
        self._play_pos = 0
        self._waiting = False
        self._replay_id: str | None = None
        self._replay_token = 0
        self.replay_timer = QTimer(self)
        self.replay_timer.setSingleShot(True)
        self.replay_timer.timeout.connect(self._next_frame)

    def _build_slideshow(self) -> None:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.slide_label = QLabel(page)
        self.slide_label.setAlignment(Qt.AlignCenter)
        self.slide_label.setMinimumSize(320, 240)
        lay.addWidget(self.slide_label, 1)
        lay.addWidget(self._button(self.tr("Stop the show"), "#E4E6EC", self._show_grid))
        self.pages.addWidget(page)
        self.slideshow_page = page
        self._slide_pos = 0
        self.slide_timer = QTimer(self)
        self.slide_timer.setInterval(3000)
        self.slide_timer.timeout.connect(self._next_slide)

    # -- public ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the gallery (after a save, a profile switch or a restore)."""
        self.model.reload(self.profile)
        has = self.model.rowCount() > 0
        self.list_view.setVisible(has)
        self.empty_label.setVisible(not has)
        self._update_buttons()
        problems = self.gallery.take_problems()
        if problems:
            self.note.setText(self._problem_text(problems))
            self.problems_found.emit(problems)

    def set_profile(self, profile: str | None) -> None:
        self.profile = profile
        self.refresh()

    def set_delete_allowed(self, allowed: bool) -> None:
        self.delete_btn.setVisible(allowed)

    def set_export_allowed(self, allowed: bool) -> None:
        self.export_btn.setVisible(allowed)
        self.gif_btn.setVisible(allowed)
        self.motion_page.set_export_allowed(allowed)

    def set_export_dir(self, folder: Path) -> None:
        self.export_dir = Path(folder)

    def select(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            self.list_view.setCurrentIndex(self.model.index(row))

    def selected_id(self) -> str | None:
        idx = self.list_view.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def shutdown(self) -> None:
        self.worker.stop()
        self.replay_timer.stop()
        self.slide_timer.stop()
        self.motion_page.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- actions ---------------------------------------------------------------------------------
    def _update_buttons(self, *args) -> None:
        has = self.selected_id() is not None
        for b in (self.open_btn, self.replay_btn, self.move_btn, self.export_btn, self.delete_btn):
            b.setEnabled(has)
        self.show_btn.setEnabled(self.model.rowCount() > 0)

    def _load(self, entry_id: str):
        try:
            return self.gallery.load(entry_id)
        except (GalleryError, KeyError):
            self.note.setText(self.tr("Oh no, this picture could not be opened. It was put aside safely."))
            self.refresh()
            return None

    def open_selected(self) -> None:
        entry_id = self.selected_id()
        creation = self._load(entry_id) if entry_id else None
        if creation is not None:
            self.open_requested.emit(creation)

    def export_selected(self) -> None:
        entry_id = self.selected_id()
        if entry_id:
            self._run_export(lambda: str(self.gallery.export_png(entry_id, self.export_dir)))

    def _run_export(self, fn) -> None:
        self.note.setText(self.tr("Saving..."))
        self.worker.submit(("export", id(fn)), fn)

    def ask_delete(self) -> None:
        entry_id = self.selected_id()
        if not entry_id:
            return
        pix = self.model.data(self.model.index(self.model.row_of(entry_id)), Qt.DecorationRole)
        self.confirm_picture.setPixmap(pix.scaled(360, 270, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self._pending_delete = entry_id
        self.pages.setCurrentWidget(self.confirm_page)

    def _confirm_delete(self) -> None:
        entry_id = getattr(self, "_pending_delete", None)
        self._show_grid()
        if not entry_id:
            return
        try:
            self.gallery.delete(entry_id)
        except (OSError, KeyError):
            self.note.setText(self.tr("The picture could not be thrown away. Ask a grown-up."))
            return
        self.refresh()
        self.deleted.emit(entry_id)

    def _show_grid(self) -> None:
        self.replay_timer.stop()
        self.slide_timer.stop()
        self._replay_token += 1
        self.motion_page.stop()
        self.pages.setCurrentIndex(0)

    def move_selected(self) -> None:
        """Make the selected creation move, on its own page."""
        entry_id = self.selected_id()
        creation = self._load(entry_id) if entry_id else None
        if creation is not None:
            self.pages.setCurrentWidget(self.motion_page)
            self.motion_page.open(entry_id, creation.result)

    # -- replay ----------------------------------------------------------------------------------
    def replay_selected(self) -> None:
        entry_id = self.selected_id()
        creation = self._load(entry_id) if entry_id else None
        if creation is None:
            return
        self._replay_token += 1
        token = self._replay_token
        self._replay_id, self._frames, self._frame_images, self._frames_done = entry_id, [], [], False
        self.gif_btn.setEnabled(False)
        self.pages.setCurrentWidget(self.replay_page)
        strokes, canvas, picture = creation.stroke_objects(), creation.canvas_size, creation.result
        self._play_pos, self._waiting = 0, True
        progress = self.worker.progress

        def make():   # worker thread: frames stream to the player as they are drawn
            for f in replay_frames(strokes, canvas, picture):
                progress.emit(("replay", token), (f, pil_to_qimage(f.image)))
        self.worker.submit(("replay", token), make)
        self.replayed.emit(entry_id)

    def _on_replay_frame(self, key, item) -> None:
        if key != ("replay", self._replay_token):
            return
        self._frames.append(item[0])
        self._frame_images.append(item[1])
        if self._waiting:
            self._next_frame()

    def _replay_again(self) -> None:
        if self._frames_done:
            self.replay_timer.stop()
            self._play_pos = 0
            self._next_frame()

    def _next_frame(self) -> None:
        self._waiting = self._play_pos >= len(self._frame_images)
        if self._waiting:
            return    # the next frame is still being drawn; it starts playing when it arrives
        img = self._frame_images[self._play_pos]
        self.replay_label.setPixmap(QPixmap.fromImage(img).scaled(
            self.replay_label.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
        duration = self._frames[self._play_pos].duration_ms
        self._play_pos += 1
        if not (self._frames_done and self._play_pos >= len(self._frame_images)):
            self.replay_timer.start(duration)

    def _export_gif(self) -> None:
        if self._frames_done and self._replay_id:
            frames, folder = list(self._frames), self.export_dir
            stem = f"iCanvas-replay-{self._replay_id}"

            def save():
                path = folder / f"{stem}.gif"
                export_gif(frames, path)
                return str(path)
            self._run_export(save)

    # -- slideshow -------------------------------------------------------------------------------
    def start_slideshow(self) -> None:
        if self.model.rowCount() == 0:
            return
        self._slide_pos = 0
        self.pages.setCurrentWidget(self.slideshow_page)
        self._next_slide()
        self.slide_timer.start()

    def _next_slide(self) -> None:
        entries = self.model.entries
        if not entries:
            return self._show_grid()
        entry = entries[self._slide_pos % len(entries)]
        self._slide_pos += 1
        self.worker.submit(("slide", entry.id), lambda: pil_to_qimage(self.gallery.load(entry.id).result))

    # -- worker results --------------------------------------------------------------------------
    def _on_worker_done(self, key, result) -> None:
        kind = key[0]
        if kind == "replay" and key[1] == self._replay_token:
            self._frames_done = True
            self.gif_btn.setEnabled(not isinstance(result, Exception) and bool(self._frames))
        elif kind == "slide" and self.pages.currentWidget() is self.slideshow_page:
            if not isinstance(result, Exception):
                self.slide_label.setPixmap(QPixmap.fromImage(result).scaled(
                    self.slide_label.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
        elif kind == "export":
            if isinstance(result, Exception):
                reason = getattr(result, "reason", str(result))
                self.note.setText(self.tr("Could not save the picture: %1").replace("%1", reason))
            else:
                self.note.setText(self.tr("Saved in your Pictures folder!"))
                self.exported.emit(result)

    def _problem_text(self, problems) -> str:
        texts = {
            "damaged": self.tr("A damaged picture was put aside safely."),
            "missing_files": self.tr("A picture with missing parts was put aside safely."),
            "bad_manifest": self.tr("A picture that could not be read was put aside safely."),
            "newer_version": self.tr("A picture from a newer iCanvas is kept but not shown."),
            "foreign": self.tr("Something that is not a picture was put aside safely."),
        }
        return " ".join(dict.fromkeys(texts.get(p.code, p.message) for p in problems))
