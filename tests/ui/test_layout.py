"""The child's screen at every size: the window fits, every control is inside it, the canvas
comes first, and every button stays big enough for a finger.

Each screen is faked by fitting the whole app (shell, challenge card, nav buttons, six styles)
to an available screen geometry with `fit_to_screen`, exactly as `MainWindow.present` does.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from icanvas_desktop.ui.screen_fit import fit_to_screen
from icanvas_desktop.ui.tool_panel import MIN_TARGET

LANDSCAPE = [(1024, 600), (1280, 720), (1280, 800), (1366, 768), (1920, 1080), (2560, 1440),
             (3840, 2160)]
PORTRAIT = [(600, 1024), (768, 1024), (800, 1280), (1080, 1920)]
SIX = ("sticker", "emoji", "soft", "toy", "faces", "crayon")


@pytest.fixture
def six_styles(style_class):
    return [style_class(n, title={"en": n.title(), "ko": n.title()}) for n in SIX]


def fit(window, w: int, h: int) -> None:
    fit_to_screen(window, QRect(0, 0, w, h))
    for _ in range(3):
        QApplication.processEvents()


def box(widget: QWidget, window) -> QRect:
    """A widget's rectangle in the window's coordinates."""
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def shown_controls(window) -> list[QWidget]:
    controls = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    return controls + [window.canvas, window.picture, window.helper]


def page_area(window) -> float:
    page = window.canvas.page_rect()
    return page.width() * page.height()


def check_screen(window, w: int, h: int, min_target: int = MIN_TARGET, all_cards: bool = True,
                 page_first: bool = True) -> None:
    fit(window, w, h)
    frame = window.frameGeometry()
    assert frame.width() <= w and frame.height() <= h, (frame, w, h)
    inside = window.rect()
    for control in shown_controls(window):
        r = box(control, window)
        name = control.accessibleName() or type(control).__name__
        assert inside.contains(r), f"{name} at {r} is outside the {inside} window ({w}x{h})"
        assert not r.isEmpty(), name
        if isinstance(control, QAbstractButton):       # big enough for a child's finger
            assert r.height() >= min_target, f"{name} is {r.height()} px high at {w}x{h}"
    # The parts of the drawing page never lie on top of each other.
    for i, (a, ra) in enumerate(boxes := part_boxes(window)):
        for b, rb in boxes[i + 1:]:
            assert not ra.intersects(rb), (type(a).__name__, ra, type(b).__name__, rb, (w, h))
    # The canvas is the largest thing on the screen: its page beats the magic picture.
    if page_first:
        assert page_area(window) > window.picture.width() * window.picture.height() * 0.9, (w, h)
    view = window.style_picker.viewport()
    if all_cards:                      # all the style cards show at once, none scrolled away
        assert not window.style_picker.scrolls, (w, h)
        for card in window.style_picker.cards:
            assert view.rect().contains(QRect(card.mapTo(view, card.rect().topLeft()), card.size()))
    else:                              # or the cards scroll, with their bar in sight
        assert not window.style_picker.scrolls or window.style_picker.verticalScrollBar().isVisible()


def part_boxes(window) -> list:
    page = window.drawing_page
    parts = [window.tools, window.canvas, window.picture, window.magic_button.parentWidget(),
             window.style_picker, window.helper, page.bottom]
    return [(p, box(p, window)) for p in parts if p.isVisibleTo(window)]


def share(window) -> float:
    return page_area(window) / (window.width() * window.height())


def test_in_landscape_every_control_is_inside_and_the_canvas_takes_over_a_third(
        make_shell, six_styles):
    window = make_shell(installed=six_styles).window
    for w, h in LANDSCAPE:
        check_screen(window, w, h)
        share = page_area(window) / (window.width() * window.height())
        assert share >= 0.35, f"the drawing page is {share:.0%} of the window at {w}x{h}"
        # Beside the canvas: the picture and Magic! to its right, the tools to its left.
        canvas = box(window.canvas, window)
        assert box(window.picture, window).left() >= canvas.right()
        assert box(window.magic_button, window).left() >= canvas.right()
        assert box(window.tools, window).right() <= canvas.left()


def test_in_portrait_the_picture_and_magic_sit_below_the_canvas(make_shell, six_styles):
    window = make_shell(installed=six_styles).window
    for w, h in PORTRAIT:
        check_screen(window, w, h)
        canvas = box(window.canvas, window)
        assert box(window.picture, window).top() >= canvas.bottom(), (w, h)
        assert box(window.magic_button, window).top() >= canvas.bottom(), (w, h)


def test_the_korean_screen_fits_too(make_shell, six_styles):
    window = make_shell(installed=six_styles, lang="ko").window
    for w, h in [(1024, 600), (1366, 768), (600, 1024)]:
        check_screen(window, w, h)


BIG_TARGET = round(MIN_TARGET * 1.5)      # big buttons stay big: 72 px


def after_magic(window) -> None:
    """As after Magic!: "Make it move!" joins Magic! in its row."""
    from PIL import Image
    window.motion_bar.offer(Image.new("RGB", (64, 48), "white"), window.drawing.revision)
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_big_buttons_leave_the_canvas_over_a_third_from_1366x768_up(make_shell, six_styles, lang):
    window = make_shell(installed=six_styles, button_size="big", lang=lang).window
    for w, h in [(1366, 768), (1920, 1080), (2560, 1440), (3840, 2160)]:
        check_screen(window, w, h, BIG_TARGET)
        assert share(window) >= 0.35, f"the drawing page is {share(window):.0%} at {w}x{h}"
        after_magic(window)
        check_screen(window, w, h, BIG_TARGET)
        assert share(window) >= 0.35, f"after Magic! the page is {share(window):.0%} at {w}x{h}"
        magic = window.magic_button
        assert magic.width() >= magic.sizeHint().width(), (w, h)    # its word is never cut short
        window.motion_bar.withdraw()


def test_big_buttons_on_small_screens_stay_big_and_the_page_beats_all_but_the_tools(
        make_shell, six_styles):
    """Below 1366x768 the big buttons take what they need (the tool column may be the biggest
    part, at 1024x600); the drawing page comes next, before the picture, the cards and the rest.
    In portrait big buttons want a tall screen: every control still fits and none overlap."""
    window = make_shell(installed=six_styles, button_size="big").window
    for w, h in [(1024, 600), (1280, 720), (1280, 800)] + PORTRAIT:
        landscape = w > h
        for magic in (False, True):
            if magic:
                after_magic(window)
            check_screen(window, w, h, BIG_TARGET, all_cards=False, page_first=landscape)
            others = [r for part, r in part_boxes(window) if part not in (window.canvas, window.tools)]
            assert not landscape or all(page_area(window) > r.width() * r.height() for r in others), \
                (w, h, magic)
        window.motion_bar.withdraw()


def test_big_buttons_trade_their_words_only_when_the_canvas_needs_the_room(make_shell, six_styles):
    normal = make_shell(installed=six_styles).window
    for w, h in LANDSCAPE + PORTRAIT:                      # normal buttons keep every word
        fit(normal, w, h)
        assert normal.tools.arrangement[2] and normal.style_picker.words, (w, h)
    big = make_shell(installed=six_styles, button_size="big").window
    fit(big, 1920, 1080)
    assert big.tools.arrangement[2] and big.style_picker.words      # room enough: words stay
    fit(big, 1366, 768)
    assert not big.tools.arrangement[2] and not big.style_picker.words
    pen = big.tools.buttons["pen_thin"]
    card = big.style_picker.cards[0]
    assert pen.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert (pen.accessibleName(), pen.toolTip()) == ("Thin pen", "Thin pen")   # still named
    assert card.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert card.accessibleName() == "Style: Sticker"
    fit(big, 1920, 1080)                                   # and they come back with the room
    assert pen.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    assert card.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon


def test_on_a_narrow_portrait_screen_big_paints_take_two_rows_and_each_stays_a_full_target(
        make_shell, six_styles):
    """Nine big paints abreast are wider than a 600-px portrait screen: the band gives them a
    second row rather than shrinking them or pushing the last ones (Peach, Brown) off screen."""
    window = make_shell(installed=six_styles, button_size="big").window
    fit(window, 600, 1024)
    assert window.tools.arrangement[-1] == 2
    swatches = window.tools.swatches
    rows = sorted({box(b, window).top() for b in swatches})
    assert len(rows) == 2
    names = [b.accessibleName() for b in swatches]
    assert "Peach paint" in names and "Brown paint" in names
    for b in swatches:
        assert window.rect().contains(box(b, window)) and b.height() >= BIG_TARGET, b.accessibleName()
    fit(window, 1080, 1920)                                 # a wide portrait screen: one row
    assert len(window.tools.arrangement) == 3
    assert len({box(b, window).top() for b in swatches}) == 1


def test_with_big_buttons_in_landscape_todays_challenge_rides_in_the_top_bar(make_shell, six_styles):
    shell = make_shell(installed=six_styles, button_size="big")
    window, card = shell.window, shell.challenge_card
    fit(window, 1366, 768)
    assert card.parentWidget() is window.centralWidget() and card.isVisible()
    assert not window.drawing_page.bottom.isVisibleTo(window)
    assert box(card, window).bottom() < box(window.drawing_page, window).top()
    shell.show_gallery()
    assert not card.isVisible()                            # it belongs to the drawing page
    window.show_drawing_page()
    assert card.isVisible()
    fit(window, 768, 1024)                                 # portrait: no room in the bar
    assert card.parentWidget() is window.drawing_page.bottom and card.isVisibleTo(window)
    normal = make_shell(installed=six_styles)
    fit(normal.window, 1366, 768)
    assert normal.challenge_card.parentWidget() is normal.window.drawing_page.bottom


def test_a_narrow_screen_keeps_the_top_bar_inside_and_a_wide_one_brings_the_labels_back(
        make_shell, six_styles):
    shell = make_shell(installed=six_styles)
    window = shell.window
    fit(window, 600, 1024)
    assert not window.title.isVisibleTo(window)
    assert shell.gallery_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert shell.gallery_button.accessibleName() == "My pictures"   # still named for a reader
    check_screen(window, 600, 1024)
    fit(window, 1366, 768)
    assert window.title.isVisibleTo(window)
    assert shell.gallery_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_turning_the_screen_moves_the_picture_beside_or_below_the_canvas(make_shell, six_styles):
    shell = make_shell(installed=six_styles)
    window = shell.window
    fit(window, 1280, 800)
    assert window.drawing_page.orientation == Qt.Orientation.Horizontal
    fit(window, 800, 1280)
    assert window.drawing_page.orientation == Qt.Orientation.Vertical
    assert box(window.picture, window).top() >= box(window.canvas, window).bottom()
    fit(window, 1280, 800)
    assert box(window.picture, window).left() >= box(window.canvas, window).right()


def test_a_drawing_keeps_its_place_on_the_page_when_the_window_changes_size(make_shell):
    from icanvas_desktop.ui.selftest import mouse_stroke
    shell = make_shell()
    window = shell.window
    fit(window, 1366, 768)
    mouse_stroke(window.canvas, [(100, 100), (900, 700)])
    before = [(p.x, p.y) for p in window.drawing.strokes[0].points]
    fit(window, 768, 1024)
    assert [(p.x, p.y) for p in window.drawing.strokes[0].points] == before
    lines, _ = window.canvas.layer_images()
    dpr = lines.devicePixelRatio()
    # The layer was rebuilt for the new size and still holds the line through the middle.
    middle = window.canvas.to_widget(500, 400) - window.canvas.page_rect().topLeft()
    assert lines.pixelColor(int(middle.x() * dpr), int(middle.y() * dpr)).alpha() > 0


def test_present_opens_the_window_on_the_screen_never_larger(qtbot, fake_engine, fake_styles):
    from icanvas_desktop.ui.main_window import MainWindow, WindowOptions
    window = MainWindow(lambda: fake_engine, fake_styles, WindowOptions(sound=False))
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    # Maximised: the window takes the screen's free area (its frame is the platform's).
    assert window.isMaximized()
    assert window.size() == available.size()


def test_fit_to_screen_takes_the_frame_off_once_it_is_known(qtbot, fake_engine, fake_styles):
    from icanvas_desktop.ui.main_window import MainWindow, WindowOptions
    window = MainWindow(lambda: fake_engine, fake_styles, WindowOptions(sound=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    fit_to_screen(window, QRect(0, 0, 1024, 600))
    assert window.frameGeometry().width() <= 1024 and window.frameGeometry().height() <= 600


def test_a_new_badge_hides_nothing_the_child_is_using_at_every_size(make_shell, six_styles):
    """The toast goes over the magic picture on the drawing page and over the top bar's name
    elsewhere: never over the tools, the canvas, the style cards, Magic! or a button."""
    from icanvas_desktop.core.badges import History, evaluate
    badge = evaluate(History())[0]
    for big in (False, True):
        shell = make_shell(installed=six_styles, button_size="big" if big else "normal")
        window = shell.window
        toast = shell.toast
        for w, h in LANDSCAPE + PORTRAIT:
            fit(window, w, h)
            for page in (window.show_drawing_page, shell.show_gallery, shell.show_badges):
                page()
                QApplication.processEvents()
                toast.anim.stop()
                toast.show_badge(badge)
                where = box(toast, window)
                assert window.rect().contains(where) and where.height() >= 48, (w, h, big, where)
                on_drawing = window.pages.currentWidget() is window.drawing_page
                for control in shown_controls(window):
                    if control is window.picture and on_drawing:
                        assert box(control, window).contains(where), (w, h, big)
                    elif not (big and (w, h) == (600, 1024) and not on_drawing):
                        assert not where.intersects(box(control, window)), \
                            (control.accessibleName() or type(control).__name__, where, w, h, big)
                toast.hide()
