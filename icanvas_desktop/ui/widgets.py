"""Small shared widgets: the generated-picture view, the big Yes/No question, the style sheet.

Everything here is built for a child: big targets, pictures before words, friendly messages,
and a cheerful palette that still keeps dark text on light backgrounds for contrast.
"""

from __future__ import annotations


from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath,
                           QPaintEvent, QPixmap)
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from icanvas_desktop.ui.icons import icon

INK = "#2b2d42"


# Two palettes for the window's own style sheet. "hc" is high contrast: white and yellow on
# black, every text pair at least 7:1, with thick borders, as in ui/theme.py's palette.
_COLOURS = {
    False: dict(bg="#fff4dc", ink=INK, button="#ffffff", border="#ead7b7", hover="#ffb703",
                checked="#ffe08a", checked_border="#fb8500", pressed="#ffd166", focus="#3a86ff",
                dis_bg="#f6efe2", dis_ink="#8c8478", dis_border="#efe4d0", title="#e0557f",
                magic_bg="qlineargradient(x1:0, y1:0, x2:1, y2:1, stop:0 #ff70a6, stop:1 #ff9e57)",
                magic_ink="#ffffff", magic_border="#e0557f", magic_dis="#f3c6d5",
                yes="#d8f5df", yes_border="#2a9d4b", no="#ffe0e0", no_border="#e63946",
                checked_ink=INK),
    True: dict(bg="#000000", ink="#ffffff", button="#000000", border="#ffffff", hover="#ffd400",
               checked="#ffd400", checked_border="#ffffff", pressed="#ffd400", focus="#00e5ff",
               dis_bg="#000000", dis_ink="#bdbdbd", dis_border="#bdbdbd", title="#ffd400",
               magic_bg="#ffd400", magic_ink="#000000", magic_border="#ffffff", magic_dis="#555555",
               yes="#000000", yes_border="#7CFC00", no="#000000", no_border="#ff6b6b",
               checked_ink="#000000"),
}


def stylesheet(scale: float = 1.0, high_contrast: bool = False) -> str:
    """The app's Qt style sheet; `scale` makes every button and font bigger or smaller, and
    `high_contrast` swaps the cheerful colours for white and yellow on black (thicker lines)."""
    def px(v: float) -> int:
        return max(1, round(v * scale))
    c = _COLOURS[bool(high_contrast)]
    line = 3   # thicker borders would clip the tool labels; high contrast is in the colours
    return f"""
    QMainWindow, QWidget#Central, QDialog {{ background: {c['bg']}; }}
    QWidget {{ color: {c['ink']}; font-size: {px(15)}px; }}
    QToolButton {{
        background: {c['button']}; color: {c['ink']}; border: {px(line)}px solid {c['border']};
        border-radius: {px(18)}px; padding: {px(5)}px; font-weight: bold; font-size: {px(14)}px;
    }}
    QToolButton:hover {{ border-color: {c['hover']}; }}
    QToolButton:checked {{ background: {c['checked']}; color: {c['checked_ink']};
                           border-color: {c['checked_border']}; }}
    QToolButton:pressed {{ background: {c['pressed']}; color: {c['checked_ink']}; }}
    QToolButton:focus {{ border-color: {c['focus']}; }}
    QToolButton:disabled {{ background: {c['dis_bg']}; color: {c['dis_ink']};
                            border-color: {c['dis_border']}; border-style: dashed; }}
    QToolButton#Swatch {{ border-radius: {px(14)}px; padding: {px(2)}px; }}
    QToolButton#StyleCard {{ font-size: {px(15)}px; border-radius: {px(16)}px; }}
    QToolButton#Magic {{
        background: {c['magic_bg']};
        color: {c['magic_ink']}; border: {px(4)}px solid {c['magic_border']}; border-radius: {px(28)}px;
        font-size: {px(28)}px; padding: {px(8)}px {px(20)}px;
    }}
    QToolButton#Magic:hover {{ border-color: {c['hover'] if high_contrast else '#b8325c'}; }}
    QToolButton#Magic:focus {{ border-color: {c['focus']}; }}
    QToolButton#Magic:pressed {{ background: {c['pressed'] if high_contrast else '#ff5c8a'}; }}
    QToolButton#Magic:disabled {{ background: {c['magic_dis']}; border-color: {c['dis_border']}; }}
    QToolButton#Yes {{ background: {c['yes']}; border-color: {c['yes_border']}; font-size: {px(24)}px; }}
    QToolButton#No {{ background: {c['no']}; border-color: {c['no_border']}; font-size: {px(24)}px; }}
    QLabel#Helper {{
        background: {c['button']}; border: {px(2 if not high_contrast else 3)}px solid {c['border']};
        border-radius: {px(16)}px;
        padding: {px(8)}px {px(16)}px; font-size: {px(18)}px; font-weight: bold;
    }}
    QLabel#Title {{ font-size: {px(26)}px; font-weight: bold; color: {c['title']}; }}
    QLabel#Question {{ font-size: {px(28)}px; font-weight: bold; }}
    QScrollArea {{ background: transparent; border: none; }}
    QScrollArea > QWidget > QWidget {{ background: transparent; }}
    """


def big_button(icon_name: str, text: str, accessible: str, size: int = 64,
               parent: QWidget | None = None) -> QToolButton:
    """A large rounded button with a picture above a short label."""
    button = QToolButton(parent)
    button.setIcon(icon(icon_name))
    button.setIconSize(QSize(size, size))
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    button.setAccessibleName(accessible)
    button.setToolTip(accessible)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return button


class HelperLine(QLabel):
    """The helper line: one friendly sentence about the tool in hand (`say`), or a one-off
    message (`notice`) that gives way to it again after `notice_ms`. Emits `changed` after
    every new text (a longer one may need another line)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, notice_ms: int = 4000):
        super().__init__(parent)
        self.setObjectName("Helper")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._standing = ""
        self._timer = QTimer(self, singleShot=True, interval=notice_ms)
        self._timer.timeout.connect(lambda: self._show(self._standing))

    def say(self, text: str) -> None:
        """The standing text; shown at once (a notice on show gives way to it)."""
        self._standing = text
        self._timer.stop()
        self._show(text)

    def notice(self, text: str) -> None:
        self._show(text)
        self._timer.start()

    def _show(self, text: str) -> None:
        self.setText(text)
        self.changed.emit()


class PictureView(QWidget):
    """Shows the generated picture, or a friendly message, with a 'thinking' sparkle."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image = QImage()
        self._scaled: QPixmap | None = None
        self._title = ""
        self._detail = ""
        self._busy = False
        self._phase = 0
        self._aspect = 4 / 3
        self._timer = QTimer(self)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Magic picture"))

    # -- state ---------------------------------------------------------------------------------
    def show_image(self, image: QImage) -> None:
        self._image = image
        self._scaled = None
        self._title = self._detail = ""
        self.setAccessibleDescription(self.tr("The picture made from your drawing."))
        self.update()

    def show_message(self, title: str, detail: str = "") -> None:
        self._image = QImage()
        self._scaled = None
        self._title, self._detail = title, detail
        self.setAccessibleDescription(f"{title} {detail}".strip())
        self.update()

    def image(self) -> QImage:
        return self._image

    def message(self) -> tuple[str, str]:
        return self._title, self._detail

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self._timer.start()
        else:
            self._timer.stop()
        self.update(self._sparkle_rect().toAlignedRect())

    def _tick(self) -> None:
        self._phase = (self._phase + 1) % 3
        self.update(self._sparkle_rect().toAlignedRect())

    # -- painting ------------------------------------------------------------------------------
    def set_aspect(self, width: int, height: int) -> None:
        """Shape of the picture frame: the same as the drawing page, so both look alike."""
        self._aspect = max(1, width) / max(1, height)
        self.update()

    def _frame(self) -> QRectF:
        # The frame has the page's shape (image padding included), centred in the widget.
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        w = min(area.width(), (area.height() - 20) * self._aspect + 20)
        h = min(area.height(), (area.width() - 20) / self._aspect + 20)
        return QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)

    def _sparkle_rect(self) -> QRectF:
        f = self._frame()
        return QRectF(f.right() - 74, f.bottom() - 34, 66, 26)

    def resizeEvent(self, event) -> None:
        self._scaled = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self._frame()
        path = QPainterPath()
        path.addRoundedRect(frame, 22, 22)
        p.fillPath(path, QColor("#ffffff"))
        p.setPen(QColor("#ead7b7"))
        p.drawPath(path)
        if not self._image.isNull():
            p.setClipPath(path)
            self._paint_image(p, frame.adjusted(10, 10, -10, -10))
            p.setClipping(False)
        elif self._title:
            self._paint_message(p, frame.adjusted(24, 24, -24, -24))
        if self._busy:
            r = self._sparkle_rect()
            colours = ("#ff70a6", "#ffca3a", "#4cc9f0")
            for i in range(3):
                big = i == self._phase
                d = 16 if big else 10
                c = QColor(colours[i])
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(c)
                cx = r.x() + 11 + i * 22
                p.drawEllipse(QRectF(cx - d / 2, r.center().y() - d / 2, d, d))
        p.end()

    def _paint_image(self, p: QPainter, area: QRectF) -> None:
        dpr = self.devicePixelRatioF()
        target = QSize(round(area.width() * dpr), round(area.height() * dpr))
        if self._scaled is None or self._scaled.size() != self._image.size().scaled(
                target, Qt.AspectRatioMode.KeepAspectRatio):
            # Scale once per size, not once per paint: previews arrive many times a second.
            scaled = self._image.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation)
            self._scaled = QPixmap.fromImage(scaled)
            self._scaled.setDevicePixelRatio(dpr)
        w = self._scaled.width() / dpr
        h = self._scaled.height() / dpr
        x = area.x() + (area.width() - w) / 2
        y = area.y() + (area.height() - h) / 2
        p.drawPixmap(QRectF(x, y, w, h), self._scaled, QRectF(self._scaled.rect()))

    def _paint_message(self, p: QPainter, area: QRectF) -> None:
        # The title and the line under it shrink together until both fit the frame: on a
        # small screen the picture area is small, and a long (Korean) title must not be cut.
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        title_font = QFont(self.font())
        title_font.setBold(True)
        small = QFont(self.font())
        px = max(18, int(min(area.width() / 16, 30)))
        while True:
            title_font.setPixelSize(px)
            small.setPixelSize(max(11, round(px * 0.6)))
            bound = QRectF(0, 0, area.width(), 10_000)
            title_h = QFontMetricsF(title_font).boundingRect(bound, flags, self._title).height()
            detail_h = QFontMetricsF(small).boundingRect(bound, flags, self._detail).height() \
                if self._detail else 0.0
            total = title_h + (12 + detail_h if self._detail else 0.0)
            if total <= area.height() or px <= 12:
                break
            px -= 2
        top = QRectF(area.x(), area.center().y() - total / 2, area.width(), title_h)
        p.setFont(title_font)
        p.setPen(QColor(INK))
        p.drawText(top, flags, self._title)
        if self._detail:
            p.setFont(small)
            p.setPen(QColor("#6c6a66"))
            p.drawText(QRectF(area.x(), top.bottom() + 12, area.width(), detail_h), flags,
                       self._detail)


class ConfirmDialog(QDialog):
    """A big picture question with big Yes/No buttons (no OS message box in a child's path)."""

    answered = Signal(bool)

    def __init__(self, question: str, picture: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(question)
        self.setModal(True)
        self.setAccessibleName(question)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(18)
        art = QLabel(self)
        art.setPixmap(icon(picture).pixmap(QSize(128, 128)))
        art.setAlignment(Qt.AlignmentFlag.AlignCenter)
        art.setAccessibleName(question)
        layout.addWidget(art)
        label = QLabel(question, self)
        label.setObjectName("Question")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.yes_button = big_button("yes", self.tr("Yes"), self.tr("Yes"), 72, self)
        self.yes_button.setObjectName("Yes")
        self.no_button = big_button("no", self.tr("No"), self.tr("No"), 72, self)
        self.no_button.setObjectName("No")
        for b in (self.yes_button, self.no_button):
            b.setMinimumSize(150, 130)
            row.addWidget(b)
        layout.addLayout(row)
        self.yes_button.clicked.connect(self.accept)
        self.no_button.clicked.connect(self.reject)
        self.finished.connect(lambda code: self.answered.emit(code == QDialog.DialogCode.Accepted))
        # "No" is the safe default: Enter or Space on an untouched dialog keeps the drawing.
        self.no_button.setFocus()
