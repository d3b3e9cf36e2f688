"""The gallery grid's parts: the list model that asks for thumbnails lazily (on the gallery's
JobWorker, ui/jobs.py) and caches them, and the card that paints one creation.
`ui/gallery_view.py` puts them on screen.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from icanvas_desktop.core.gallery import Gallery
from icanvas_desktop.core.paths import resources_dir
from icanvas_desktop.ui.jobs import JobWorker
from icanvas_desktop.ui.worker import pil_to_qimage

CELL = QSize(232, 196)   # a big, finger-friendly card
THUMB_EDGE = 200
ID_ROLE = Qt.UserRole + 1
ENTRY_ROLE = Qt.UserRole + 2


class GalleryModel(QAbstractListModel):
    """Entries of one profile (or all), newest first; thumbnails load lazily when asked for.
    `trashed`: the creations in the trash instead (the grown-ups' trash, ui/trash_view.py)."""

    def __init__(self, gallery: Gallery, worker: JobWorker, parent=None, *, trashed: bool = False):
        super().__init__(parent)
        self.gallery, self.worker, self.trashed = gallery, worker, trashed
        self.entries: list = []
        self._rows: dict[str, int] = {}
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self._asked: set[str] = set()
        self.loaded_count = 0
        self._placeholder = QPixmap(THUMB_EDGE, THUMB_EDGE * 3 // 4)
        self._placeholder.fill(QColor("#EEF0F5"))
        worker.done.connect(self._on_done)

    def reload(self, profile: str | None) -> None:
        self.beginResetModel()
        self.entries = self.gallery.trash(profile) if self.trashed else self.gallery.list(profile)
        self._rows = {e.id: i for i, e in enumerate(self.entries)}
        self._asked.clear()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        if role == ID_ROLE:
            return e.id
        if role == ENTRY_ROLE:
            return e
        if role == Qt.DecorationRole:
            pix = self._cache.get(e.id)
            if pix is not None:
                self._cache.move_to_end(e.id)
                return pix
            if e.id not in self._asked:
                self._asked.add(e.id)
                self.worker.submit(("thumb", e.id), lambda i=e.id: self._make_thumb(i))
            return self._placeholder
        if role == Qt.ToolTipRole:
            return e.created.strftime("%Y-%m-%d %H:%M")
        return None

    def _make_thumb(self, entry_id: str) -> QImage:
        img = self.gallery.thumbnail(entry_id, self.trashed)   # worker thread: decode + scale
        img.thumbnail((THUMB_EDGE, THUMB_EDGE))
        return pil_to_qimage(img)

    def _on_done(self, key, result) -> None:
        if key[0] != "thumb":
            return
        row = self._rows.get(key[1])
        if row is None or isinstance(result, Exception):
            return
        self._cache[key[1]] = QPixmap.fromImage(result)
        self.loaded_count += 1
        while len(self._cache) > 600:          # ~60 MB at most; far rows reload when scrolled back
            old, _ = self._cache.popitem(last=False)
            self._asked.discard(old)
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [Qt.DecorationRole])

    def row_of(self, entry_id: str) -> int | None:
        return self._rows.get(entry_id)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._sticker = QSvgRenderer(str(resources_dir() / "badges" / "sticker_star.svg"))

    def sizeHint(self, option, index) -> QSize:
        return CELL

    def paint(self, p: QPainter, option, index) -> None:
        p.save()
        p.setRenderHint(QPainter.Antialiasing)
        r = option.rect.adjusted(6, 6, -6, -6)
        selected = bool(option.state & QStyle.State_Selected)
        p.setPen(QColor("#FF9F1C") if selected else QColor("#D8DCE6"))
        p.setBrush(QColor("#FFF4D6") if selected else QColor("white"))
        p.drawRoundedRect(r, 16, 16)
        pix: QPixmap = index.data(Qt.DecorationRole)
        if pix is not None and not pix.isNull():
            s = pix.size().scaled(r.size() - QSize(20, 20), Qt.KeepAspectRatio)
            target = QRect(0, 0, s.width(), s.height())
            target.moveCenter(r.center())
            p.drawPixmap(target, pix)
        entry = index.data(ENTRY_ROLE)
        if entry is not None and entry.stickers:
            self._sticker.render(p, QRect(r.right() - 52, r.top() + 2, 48, 48))
        p.restore()
