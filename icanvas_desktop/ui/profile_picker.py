"""Who is drawing? Big animal buttons to switch profile; adding one is picking an animal.

No typing and no passwords for a child: a tap on an animal chooses a profile, the "+" button
shows the animals, and a tap on one creates a profile. The name field is optional and small,
for a grown-up to fill in. Each child's animal sits in a ring of their own colour, so two
children who both chose the cat are "the blue cat" and "the red cat".
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget,
                               QToolButton, QVBoxLayout, QWidget)

from icanvas_desktop.core.profiles import AVATAR_TITLES, AVATARS, COLOUR_RGB, Profile, Profiles, avatar_path

BIG = 128


def avatar_icon(avatar: str, size: int = BIG, colour: str = "") -> QIcon:
    """The animal's picture; with a colour (core.profiles.COLOURS), inside a ring of it."""
    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    ring = size * 0.09 if colour in COLOUR_RGB else 0.0
    QSvgRenderer(str(avatar_path(avatar))).render(p, QRectF(ring, ring, size - 2 * ring, size - 2 * ring))
    if ring:
        p.setPen(QPen(QColor(COLOUR_RGB[colour]), ring))
        p.setBrush(Qt.NoBrush)
        p.drawEllipse(QRectF(ring / 2, ring / 2, size - ring, size - ring))
    p.end()
    return QIcon(pix)


def profile_icon(profile: Profile, size: int = BIG) -> QIcon:
    return avatar_icon(profile.avatar, size, profile.colour)


def _big_button(parent, icon: QIcon, text: str) -> QToolButton:
    b = QToolButton(parent)
    b.setIcon(icon)
    b.setIconSize(QSize(BIG, BIG))
    b.setText(text)
    b.setToolButtonStyle(Qt.ToolButtonTextUnderIcon)
    b.setCursor(Qt.PointingHandCursor)
    b.setMinimumSize(BIG + 40, BIG + 56)
    b.setStyleSheet("QToolButton { font-size: 18px; font-weight: bold; border-radius: 24px; border: 3px solid #E4E6EC;"
                    " color: #2B2B3B;"
                    " background: white; padding: 8px; } QToolButton:checked { border-color: #FF9F1C;"
                    " background: #FFF4D6; }")
    return b


class ProfilePicker(QWidget):
    """Signals: profile_chosen(str profile_id) when a child taps their animal or makes a new one."""

    profile_chosen = Signal(str)

    def __init__(self, profiles: Profiles, parent: QWidget | None = None, lang: str = "en", columns: int = 4,
                 show_name: bool = True):
        super().__init__(parent)
        self.profiles, self.lang, self.columns = profiles, lang, columns
        self.pages = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.pages)
        # Page 0: who is drawing?
        who = QWidget(self)
        lay = QVBoxLayout(who)
        title = QLabel(self.tr("Who is drawing?"), who)
        title.setStyleSheet("font-size: 30px; font-weight: bold; color: #2B2B3B;")
        title.setAlignment(Qt.AlignCenter)
        self.people = QGridLayout()
        self.people.setSpacing(16)
        lay.addWidget(title)
        row = QHBoxLayout()              # the children's tiles together in the middle, not spread
        row.addStretch(1)
        row.addLayout(self.people)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        self.pages.addWidget(who)
        # Page 1: pick your animal
        new = QWidget(self)
        lay2 = QVBoxLayout(new)
        t2 = QLabel(self.tr("Pick your animal!"), new)
        t2.setStyleSheet("font-size: 30px; font-weight: bold; color: #2B2B3B;")
        t2.setAlignment(Qt.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.animal_buttons: dict[str, QToolButton] = {}
        for i, a in enumerate(AVATARS):
            b = _big_button(new, avatar_icon(a), AVATAR_TITLES[a].get(lang, a))
            b.clicked.connect(lambda _=False, a=a: self._create(a))
            grid.addWidget(b, i // columns, i % columns)
            self.animal_buttons[a] = b
        name_row = QHBoxLayout()
        name_label = QLabel(self.tr("Name (for a grown-up to type, if you like):"), new)
        name_label.setStyleSheet("font-size: 14px; color: #6B6B7B;")
        self.name_edit = QLineEdit(new)
        self.name_edit.setMaxLength(40)
        self.name_edit.setMaximumWidth(260)
        name_row.addStretch(1)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit)
        # The app hides the name field (nothing to type in a child's path); the animal's name is used.
        name_label.setVisible(show_name)
        self.name_edit.setVisible(show_name)
        back = QPushButton(self.tr("Back"), new)
        back.setMinimumHeight(56)
        back.setStyleSheet("font-size: 18px; border-radius: 16px; background: #E4E6EC; padding: 6px 20px;")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        back.setVisible(bool(profiles.list()))
        self.back_btn = back
        lay2.addWidget(t2)
        lay2.addLayout(grid)
        lay2.addLayout(name_row)
        lay2.addWidget(back, 0, Qt.AlignLeft)
        lay2.addStretch(1)
        self.pages.addWidget(new)
        self.profile_buttons: dict[str, QToolButton] = {}
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the buttons from the stored profiles (first run: go straight to the animals)."""
        while self.people.count():
            w = self.people.takeAt(0).widget()
            if w:
                w.hide()          # gone at once, not only when the event loop gets to deleteLater
                w.deleteLater()
        self.profile_buttons = {}
        current = self.profiles.current
        items = self.profiles.list()
        for i, p in enumerate(items):
            b = _big_button(self, profile_icon(p), self.profiles.label(p, self.lang))
            b.setAccessibleName(b.text())
            b.setCheckable(True)
            b.setChecked(current is not None and p.id == current.id)
            b.clicked.connect(lambda _=False, pid=p.id: self._choose(pid))
            self.people.addWidget(b, i // self.columns, i % self.columns)
            self.profile_buttons[p.id] = b
        self.add_btn = QToolButton(self)
        self.add_btn.setText("+")
        self.add_btn.setToolTip(self.tr("Add someone new"))
        self.add_btn.setMinimumSize(BIG + 40, BIG + 56)
        self.add_btn.setCursor(Qt.PointingHandCursor)
        self.add_btn.setAccessibleName(self.tr("Add someone new"))
        # min-width/height in the sheet too: an application style sheet's sizes beat setMinimumSize.
        self.add_btn.setStyleSheet(f"QToolButton {{ min-width: {BIG + 40}px; min-height: {BIG + 56}px;"
                                   " font-size: 64px; font-weight: bold; color: #8E6CEF;"
                                   " border-radius: 24px; border: 3px dashed #C9B6E4; background: #FAF7FF; }")
        self.add_btn.clicked.connect(self.show_animals)
        n = len(items)
        self.people.addWidget(self.add_btn, n // self.columns, n % self.columns)
        self.back_btn.setVisible(bool(items))
        self.pages.setCurrentIndex(0 if items else 1)

    def show_animals(self) -> None:
        self.name_edit.clear()
        self.pages.setCurrentIndex(1)

    def _choose(self, profile_id: str) -> None:
        self.profiles.set_current(profile_id)
        for pid, b in self.profile_buttons.items():
            b.setChecked(pid == profile_id)
        self.profile_chosen.emit(profile_id)

    def _create(self, avatar: str) -> None:
        p = self.profiles.add(avatar, self.name_edit.text())
        self.profiles.set_current(p.id)
        self.refresh()
        self.profile_chosen.emit(p.id)
