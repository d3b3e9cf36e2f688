"""Hold Ctrl+Shift+Q to quit, with key auto-repeat as X11 delivers it.

While a key is held, X11 repeats it as release/press pairs. Qt marks a pair as auto-repeat only
when the press already waits behind the release, so real sessions see both marked and unmarked
pairs. The events here are made by hand with those flags, sent through the application's
event filter exactly as the keyboard's would be.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from icanvas_desktop.ui.quit_hold import HoldNotice, HoldToQuit

MODS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
HOLD_MS = 600
REPEAT_MS = 40                 # X11's default rate: 25 repeats a second


@pytest.fixture
def hold(qapp, qtbot):
    target = QWidget()
    qtbot.addWidget(target)
    hold = HoldToQuit(hold_ms=HOLD_MS)
    seen = {"started": 0, "cancelled": 0, "triggered": 0}
    for name in seen:
        getattr(hold, name).connect(lambda name=name: seen.__setitem__(name, seen[name] + 1))
    qapp.installEventFilter(hold)
    hold.target, hold.seen = target, seen
    yield hold
    qapp.removeEventFilter(hold)


def key(hold, kind, auto_repeat=False, k=Qt.Key.Key_Q, mods=MODS):
    event = QKeyEvent(kind, k, mods, "Q" if k == Qt.Key.Key_Q else "", auto_repeat)
    QApplication.sendEvent(hold.target, event)


def repeat(hold, qtbot, ms: int, marked) -> None:
    """Keep the keys down for `ms` while auto-repeat sends release/press pairs; `marked(i)`
    says whether Qt recognised pair i as a repeat."""
    for i in range(ms // REPEAT_MS):
        qtbot.wait(REPEAT_MS)
        key(hold, QEvent.Type.KeyRelease, marked(i))
        key(hold, QEvent.Type.KeyPress, marked(i))


@pytest.mark.parametrize("marked", [lambda i: True, lambda i: False, lambda i: i % 3 != 0],
                         ids=["every pair marked", "no pair marked", "some pairs marked"])
def test_holding_with_auto_repeat_quits_once_timed_from_the_first_press(hold, qtbot, marked):
    key(hold, QEvent.Type.KeyPress)
    repeat(hold, qtbot, 3 * HOLD_MS, marked)       # held three times as long as needed
    assert hold.seen == {"started": 1, "cancelled": 0, "triggered": 1}


def test_letting_go_early_cancels_even_with_repeats_before(hold, qtbot):
    key(hold, QEvent.Type.KeyPress)
    repeat(hold, qtbot, HOLD_MS // 3, lambda i: False)
    key(hold, QEvent.Type.KeyRelease)               # really let go: no press follows
    qtbot.waitUntil(lambda: hold.seen["cancelled"] == 1, timeout=2000)
    qtbot.wait(HOLD_MS)
    assert hold.seen == {"started": 1, "cancelled": 1, "triggered": 0}


@pytest.mark.parametrize("letting_go", [Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Q])
def test_letting_go_of_any_of_the_three_keys_cancels(hold, qtbot, letting_go):
    key(hold, QEvent.Type.KeyPress)
    qtbot.wait(HOLD_MS // 3)
    key(hold, QEvent.Type.KeyRelease, k=letting_go, mods=Qt.KeyboardModifier.NoModifier)
    assert not hold.is_holding()
    qtbot.wait(2 * HOLD_MS)
    assert hold.seen == {"started": 1, "cancelled": 1, "triggered": 0}


def test_a_let_go_in_doubt_when_the_time_is_up_decides_by_what_follows(hold, qtbot):
    key(hold, QEvent.Type.KeyPress)
    qtbot.wait(HOLD_MS - 60)
    key(hold, QEvent.Type.KeyRelease)               # unmarked, just before the time is up
    qtbot.wait(100)                                 # the time is up, the release still in doubt
    assert hold.seen["triggered"] == 0
    key(hold, QEvent.Type.KeyPress)                 # ...it was a repeat after all
    assert hold.seen == {"started": 1, "cancelled": 0, "triggered": 1}


def test_a_new_hold_after_a_cancel_starts_its_own_clock(hold, qtbot):
    key(hold, QEvent.Type.KeyPress)
    key(hold, QEvent.Type.KeyRelease)
    qtbot.waitUntil(lambda: hold.seen["cancelled"] == 1, timeout=2000)
    key(hold, QEvent.Type.KeyPress)
    qtbot.waitUntil(lambda: hold.seen["triggered"] == 1, timeout=5 * HOLD_MS)
    assert hold.seen == {"started": 2, "cancelled": 1, "triggered": 1}


def test_the_combination_is_kept_from_the_widgets_and_other_keys_pass(hold):
    typed = []
    hold.target.keyPressEvent = lambda e: typed.append(e.key())
    key(hold, QEvent.Type.KeyPress)
    key(hold, QEvent.Type.KeyPress, k=Qt.Key.Key_A, mods=Qt.KeyboardModifier.NoModifier)
    key(hold, QEvent.Type.KeyPress, mods=Qt.KeyboardModifier.ControlModifier)   # Ctrl+Q only
    assert typed == [Qt.Key.Key_A, Qt.Key.Key_Q]
    assert hold.seen["started"] == 1


def test_switching_to_another_program_cancels(hold, qtbot):
    key(hold, QEvent.Type.KeyPress)
    QApplication.sendEvent(QApplication.instance(), QEvent(QEvent.Type.ApplicationDeactivate))
    qtbot.wait(2 * HOLD_MS)
    assert hold.seen == {"started": 1, "cancelled": 1, "triggered": 0}


def test_after_quitting_keys_still_held_do_nothing_until_let_go(hold, qtbot):
    key(hold, QEvent.Type.KeyPress)
    qtbot.waitUntil(lambda: hold.seen["triggered"] == 1, timeout=5 * HOLD_MS)
    repeat(hold, qtbot, 2 * HOLD_MS, lambda i: False)
    key(hold, QEvent.Type.KeyRelease)
    qtbot.wait(300)
    assert hold.seen == {"started": 1, "cancelled": 0, "triggered": 1}   # nothing to cancel
    key(hold, QEvent.Type.KeyPress)                                       # a fresh hold
    assert hold.seen["started"] == 2


def test_the_notice_shows_while_the_keys_are_held_and_goes_when_let_go(hold, qtbot):
    hold.target.resize(800, 600)
    hold.target.show()
    notice = HoldNotice(hold, lambda: "Keep holding...", lambda: hold.target, HOLD_MS)
    qtbot.addWidget(notice)
    assert not notice.isVisible()
    key(hold, QEvent.Type.KeyPress)
    assert notice.isVisible() and notice.words() == "Keep holding..."
    over = hold.target.frameGeometry()
    assert over.contains(notice.geometry().center())          # over the window with the keys
    repeat(hold, qtbot, HOLD_MS // 3, lambda i: i % 2 == 0)
    assert notice.isVisible()                                 # repeats do not make it blink
    key(hold, QEvent.Type.KeyRelease)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=2000)
    key(hold, QEvent.Type.KeyPress)
    assert notice.isVisible()
    qtbot.waitUntil(lambda: hold.seen["triggered"] == 1, timeout=5 * HOLD_MS)
    assert not notice.isVisible()


def test_the_app_says_keep_holding_on_every_page(qtbot, make_shell):
    shell = make_shell(noquit=True, lang="ko")
    w = shell.window
    pages = {"gallery": shell.show_gallery, "badges": shell.show_badges,
             "animals": shell.show_profiles, "drawing": w.show_drawing_page}
    for name, show in pages.items():
        show()
        qtbot.keyPress(w, Qt.Key.Key_Q, MODS)
        assert shell.hold_notice.isVisible(), name
        assert shell.hold_notice.words() == "계속 누르고 있으면 iCanvas가 닫혀요..."
        qtbot.keyRelease(w, Qt.Key.Key_Q, MODS)
        qtbot.waitUntil(lambda: not shell.hold_notice.isVisible(), timeout=2000)
    assert w.isVisible()
