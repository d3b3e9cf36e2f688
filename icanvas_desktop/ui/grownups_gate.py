"""The grown-up gate: a sum a young child cannot do yet ("13 + 9 = ?"), with big number buttons.

Typed digits, Backspace and Enter work too. Part of the grown-ups' corner (ui/grownups.py).
"""

from __future__ import annotations

import random

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from icanvas_desktop.ui.theme import scaled


class GrownUpGate(QDialog):
    """Asks a sum a young child cannot do yet; accept() when the answer is right."""

    def __init__(self, parent: QWidget | None = None, rng: random.Random | None = None):
        super().__init__(parent)
        self._rng = rng or random.Random()
        self._typed = ""
        self.setWindowTitle(self.tr("For grown-ups"))
        self.setAccessibleName(self.tr("For grown-ups"))

        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = self.prompt.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.prompt.setFont(big)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display = QLabel()
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setFont(big)
        self.display.setFrameShape(QLabel.Shape.Box)
        self.display.setMinimumHeight(scaled(56))
        self.display.setAccessibleName(self.tr("Your answer"))

        pad = QGridLayout()
        self.digit_buttons: dict[int, QPushButton] = {}
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setFont(big)
            button.setMinimumSize(QSize(scaled(72), scaled(64)))
            button.setAutoDefault(False)
            button.setAccessibleName(str(digit))
            button.clicked.connect(lambda _=False, d=digit: self.press_digit(d))
            self.digit_buttons[digit] = button
            row, col = (3, 1) if digit == 0 else ((digit - 1) // 3, (digit - 1) % 3)
            pad.addWidget(button, row, col)
        self.back_button = QPushButton(self.tr("Erase"))
        self.back_button.setAccessibleName(self.tr("Erase the last number"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.backspace)
        pad.addWidget(self.back_button, 3, 0)
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setAccessibleName(self.tr("Check my answer"))
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        pad.addWidget(self.ok_button, 3, 2)
        self.cancel_button = QPushButton(self.tr("Back to drawing"))
        self.cancel_button.setAccessibleName(self.tr("Back to drawing"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.hint)
        layout.addWidget(self.display)
        layout.addLayout(pad)
        layout.addWidget(self.cancel_button)
        self.new_question()
        self.digit_buttons[1].setFocus()

    @property
    def answer(self) -> int:
        return self.question[0] + self.question[1]

    def new_question(self) -> None:
        # Two-digit + one-digit with a carry: easy for a parent, not for a five-year-old.
        a = self._rng.randint(11, 19)
        b = self._rng.randint(max(2, 20 - a), 9)
        self.question = (a, b)
        self._typed = ""
        self.prompt.setText(self.tr("What is %1 + %2?").replace("%1", str(a))
                            .replace("%2", str(b)))
        self.prompt.setAccessibleName(self.prompt.text())
        self._show_typed()

    def press_digit(self, digit: int) -> None:
        if len(self._typed) < 3:
            self._typed += str(digit)
        self._show_typed()

    def backspace(self) -> None:
        self._typed = self._typed[:-1]
        self._show_typed()

    def submit(self) -> None:
        if self._typed and int(self._typed) == self.answer:
            self.accept()
            return
        self.hint.setText(self.tr("Not quite. Here is another one."))
        self.new_question()

    def _show_typed(self) -> None:
        self.display.setText(self._typed or " ")
        if not self.hint.text():
            self.hint.setText(self.tr("Grown-ups only: type the answer or tap the numbers."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.press_digit(int(text))
        elif event.key() == Qt.Key.Key_Backspace:
            self.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not isinstance(self.focusWidget(), QPushButton):
            self.submit()
        else:
            super().keyPressEvent(event)
