"""`icanvas --self-test`: open the real window offscreen, draw, wait for the magic, check it.

Every step goes through real input events (mouse presses, moves and releases, a pen-tablet
stroke, clicks on the Magic button and on the style cards), so this proves the whole path a
child uses: input -> strokes -> worker -> engine -> picture. After Magic! it switches to every
other style and checks that each shows its own final picture, kept in the gallery under its
name; then it checks the layout on a 1024x600, a 1366x768 and a 1920x1080 screen. It prints
each step and returns 0 only if all worked. It runs the whole app (gallery, badges, profiles)
against a temporary gallery and temporary settings, never the user's own files.
"""

from __future__ import annotations


import math
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from icanvas_desktop.ui.screen_fit import fit_to_screen, layout_problems

# A house with a roof, a door and a window, and a sun in the corner (page coordinates).
HOUSE = [
    [(300, 420), (300, 660), (620, 660), (620, 420), (300, 420)],   # walls
    [(280, 430), (460, 260), (640, 430)],                           # roof
    [(420, 660), (420, 540), (500, 540), (500, 660)],               # door
    [(530, 470), (590, 470), (590, 520), (530, 520), (530, 470)],   # window
]
SUN_CENTRE, SUN_RADIUS = (820, 170), 60
STEPS = 8
JOURNEY_SCREEN = QSize(1366, 768)                      # the most common family laptop
LAYOUT_SCREENS = (QSize(1024, 600), QSize(1366, 768), QSize(1920, 1080))


def _circle(cx: float, cy: float, r: float, n: int = 28) -> list[tuple[float, float]]:
    return [(cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n))
            for i in range(n + 1)]


def _densify(points: list[tuple[float, float]], step: float = 12.0) -> list[tuple[float, float]]:
    """Mouse moves every few pixels, like a real hand, instead of jumping corner to corner."""
    out = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(1, n + 1)]
    return out


def mouse_stroke(canvas, points: list[tuple[float, float]]) -> None:
    """Draw one stroke on the canvas with real mouse events (page coordinates in)."""
    pts = [canvas.to_widget(x, y).toPoint() for x, y in _densify(points)]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
    for p in pts[1:]:
        QTest.mouseMove(canvas, p)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])


_STYLUS: QPointingDevice | None = None


def stylus() -> QPointingDevice:
    global _STYLUS
    if _STYLUS is None:
        _STYLUS = QPointingDevice(
            "icanvas-selftest-stylus", 4711, QInputDevice.DeviceType.Stylus,
            QPointingDevice.PointerType.Pen,
            QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)
    return _STYLUS


def tablet_stroke(canvas, points: list[tuple[float, float]], pressures: Sequence[float]) -> None:
    """Draw one stroke with pen-tablet events carrying pressure."""
    kinds = ([QEvent.Type.TabletPress] + [QEvent.Type.TabletMove] * (len(points) - 2)
             + [QEvent.Type.TabletRelease])
    for kind, (x, y), pressure in zip(kinds, points, pressures):
        pos = canvas.to_widget(x, y)
        down = kind != QEvent.Type.TabletRelease
        event = QTabletEvent(kind, stylus(), pos, QPointF(canvas.mapToGlobal(pos)), pressure,
                             0.0, 0.0, 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
                             Qt.MouseButton.LeftButton,
                             Qt.MouseButton.LeftButton if down else Qt.MouseButton.NoButton)
        QApplication.sendEvent(canvas, event)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Keep the window alive until `condition` holds. Events are handled, then the thread
    sleeps in Python: time.sleep lets go of the GIL, so the engine's worker thread runs at
    full speed (QTest.qWait holds the GIL while it waits, and starved the worker for seconds)."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if condition():
            return True
        QApplication.processEvents()
        time.sleep(0.01)
    return condition()


def colourfulness(pil) -> dict:
    """Simple numbers that tell a coloured picture from a blank or grey one."""
    rgb = np.asarray(pil.convert("RGB"), np.float32) / 255.0
    mx, mn = rgb.max(axis=2), rgb.min(axis=2)
    saturation = np.where(mx > 1e-3, (mx - mn) / np.maximum(mx, 1e-3), 0.0)
    colourful = float(((saturation > 0.25) & (mx > 0.2)).mean())
    quantised = (rgb * 15).astype(np.uint8).reshape(-1, 3)
    distinct = len(np.unique(quantised, axis=0))
    return {"colourful_fraction": colourful, "distinct_colours": distinct,
            "std": float(rgb.std())}


def picture_is_good(pil) -> tuple[bool, dict]:
    stats = colourfulness(pil)
    ok = stats["colourful_fraction"] >= 0.05 and stats["distinct_colours"] >= 20 \
        and stats["std"] >= 0.04
    return ok, stats


def run_self_test(screenshot: Path | None, lang: str = "en", *,
                  engine_factory: Callable[[], Any] | None = None,
                  styles: Sequence[Any] | None = None, timeout_s: float = 180.0) -> int:
    """The whole app with a temporary gallery and settings (the user's own files are never
    touched), driven by real input; 0 when all eight steps pass, else 1."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from icanvas_desktop.core.settings import SYSTEM_ENV, USER_ENV
    saved_env = {key: os.environ.get(key) for key in (USER_ENV, SYSTEM_ENV)}
    with tempfile.TemporaryDirectory(prefix="icanvas-selftest-") as tmp:
        os.environ[USER_ENV] = str(Path(tmp) / "settings.toml")
        os.environ.setdefault(SYSTEM_ENV, "")      # a school's file, unless one is named
        try:
            return _run(Path(tmp), screenshot, lang, engine_factory, styles, timeout_s)
        finally:
            for key, value in saved_env.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def _run(tmp: Path, screenshot: Path | None, lang: str, engine_factory, styles,
         timeout_s: float) -> int:
    from icanvas_desktop.core.settings import load_settings
    from icanvas_desktop.ui.app import build_shell, create_application

    results: list[bool] = []

    def step(n: int, text: str, ok: bool, detail: str = "") -> bool:
        print(f"[{n}/{STEPS}] {text}: {'ok' if ok else 'FAILED'}{' - ' + detail if detail else ''}",
              flush=True)
        results.append(ok)
        return ok

    if styles is None:
        from icanvas_desktop.ml.styles import discover_styles, shipped_models_dir
        styles = discover_styles()
        if not styles:   # fail now, not after waiting minutes for a style that cannot come
            step(1, "open the main window and load a style", False,
                 f"no picture style is installed: put a style (.safetensors) in "
                 f"{shipped_models_dir()} or set ICANVAS_MODELS_DIR")
            return 1
    app = create_application()
    gallery_root = tmp / "gallery"
    loaded = load_settings({"lang": lang, "savedir": str(gallery_root), "sound": False})
    factory_for = (lambda _settings: engine_factory) if engine_factory is not None else None
    try:
        shell = build_shell(loaded, styles, factory_for)
    except Exception as exc:  # noqa: BLE001 - report, don't crash, in a self-test
        step(1, "open the main window", False, f"{type(exc).__name__}: {exc}")
        return 1
    window = shell.window
    fit_to_screen(window, QRect(QPoint(0, 0), JOURNEY_SCREEN))
    window.show()
    try:
        return _steps(app, shell, window, gallery_root, screenshot, timeout_s, step, results)
    finally:
        shell.shutdown()
        window.close()


def _report_stuck(controller) -> None:
    """A style that never arrives is a bug to find, not to retry: print the request queue
    and every thread's stack, so the log of a failed run shows where the engine stood."""
    print(f"  engine queue: in flight {controller.in_flight_kind()!r}, "
          f"idle {controller.is_idle()}", flush=True)
    names = {t.ident: t.name for t in threading.enumerate()}
    for ident, frame in sys._current_frames().items():
        print(f"  thread {names.get(ident, ident)}:", flush=True)
        print("".join(traceback.format_stack(frame)), flush=True)


def _steps(app, shell, window, gallery_root: Path, screenshot, timeout_s, step, results) -> int:
    # First start: the child picks an animal with one tap (no typing), then draws.
    animal = next(iter(shell.picker.animal_buttons.values()), None)
    if shell.session.profile is None and animal is not None:
        QTest.mouseClick(animal, Qt.MouseButton.LeftButton)
    loaded = wait_until(lambda: window.style is not None or window.style_error is not None,
                        timeout_s) and window.style is not None
    if not step(1, "open the main window and load a style", loaded and window.isVisible(),
                (window.style.name if window.style else
                 "no style loaded: " + " / ".join(window.picture.message()))):
        if window.style_error is None:   # still waiting: say what the worker was doing
            _report_stuck(window.controller)
        return 1

    canvas = window.canvas
    before = len(window.drawing.strokes)
    for line in HOUSE:
        mouse_stroke(canvas, line)
    mouse_stroke(canvas, _circle(*SUN_CENTRE, SUN_RADIUS))
    rays = []
    for k in range(8):
        a = 2 * math.pi * k / 8
        cx, cy = SUN_CENTRE
        rays.append([(cx + 80 * math.cos(a), cy + 80 * math.sin(a)),
                     (cx + 105 * math.cos(a), cy + 105 * math.sin(a)),
                     (cx + 130 * math.cos(a), cy + 130 * math.sin(a))])
    for ray in rays[:4]:
        tablet_stroke(canvas, ray, (0.3, 0.7, 1.0))
    for ray in rays[4:]:
        mouse_stroke(canvas, ray)
    drawn = len(window.drawing.strokes) - before
    step(2, "draw a house and a sun with mouse and pen events", drawn == 4 + 1 + 8,
         f"{drawn} strokes")

    got_preview = wait_until(lambda: window.last_preview is not None, timeout_s)
    detail = (f"{window.last_preview.image.width()}x{window.last_preview.image.height()} in "
              f"{window.last_preview.seconds * 1000:.0f} ms" if got_preview else
              " / ".join(window.picture.message()))
    step(3, "live preview arrives", got_preview, detail)

    failures: list[str] = []
    shell.session.save_failed.connect(lambda reason, _job: failures.append(reason))
    QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
    got_final = wait_until(lambda: window.last_final is not None, timeout_s)
    kept = got_final and wait_until(
        lambda: shell.session.last_saved is not None or bool(failures), timeout_s)
    entries = shell.session.gallery.list()
    kept = bool(kept and not failures and len(entries) == 1
                and entries[0].path.is_relative_to(gallery_root))
    if got_final:
        detail = (f"{window.last_final.pil.width}x{window.last_final.pil.height} in "
                  f"{window.last_final.seconds:.2f} s, "
                  + ("kept in the (temporary) gallery" if kept else
                     "NOT kept in the gallery" + (f": {failures[0]}" if failures else "")))
    else:
        detail = " / ".join(window.picture.message())
    step(4, "press Magic and get the final picture", got_final and kept, detail)

    if got_final:
        good, stats = picture_is_good(window.last_final.pil)
        step(5, "the picture is coloured, not blank", good,
             ", ".join(f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}"
                       for k, v in stats.items()))
    else:
        step(5, "the picture is coloured, not blank", False, "no picture")

    step(6, "switch to every other style after Magic!", *_switch_styles(shell, window, timeout_s))

    problems = []
    for screen in LAYOUT_SCREENS:
        fit_to_screen(window, QRect(QPoint(0, 0), screen))
        wait_until(lambda: False, 0.2)
        problems += [f"{screen.width()}x{screen.height()}: {p}"
                     for p in layout_problems(window, screen)]
    step(7, "the layout fits " + ", ".join(f"{s.width()}x{s.height()}" for s in LAYOUT_SCREENS),
         not problems, "; ".join(problems[:4]))
    fit_to_screen(window, QRect(QPoint(0, 0), JOURNEY_SCREEN))

    if screenshot is not None:
        # Let the celebration and any badge toast finish, so the screenshot shows the picture.
        wait_until(lambda: False, 2.3)
        wait_until(lambda: not shell.toast.isVisible(), 10.0)
        screenshot = Path(screenshot)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(screenshot))
        step(8, "save a screenshot", bool(saved), str(screenshot))
    else:
        step(8, "save a screenshot", True, "not asked for")
    ok = all(results)
    print("self-test passed" if ok else "self-test FAILED", flush=True)
    return 0 if ok else 1


def _switch_styles(shell, window, timeout_s: float) -> tuple[bool, str]:
    """Tap every other style card after Magic!: each must show its own final picture (a
    coloured one) and keep it in the gallery under its name."""
    if window.last_final is None:
        return False, "no Magic picture to start from"
    first = window.style.name
    others = [(card, style) for card, style in zip(window.style_picker.cards, window.styles)
              if style.name != first]
    notes = []
    for card, style in others:
        start = time.monotonic()
        QTest.mouseClick(card, Qt.MouseButton.LeftButton)
        shown = wait_until(lambda: window.style_error is not None or (
            window.last_final.style is not None and window.last_final.style.name == style.name
            and window.picture.image().cacheKey() == window.last_final.image.cacheKey()),
            timeout_s)
        if not shown or window.style_error is not None:
            return False, f"{style.name}: " + " / ".join(window.picture.message())
        good, _ = picture_is_good(window.last_final.pil)
        kept = wait_until(lambda: style.name in {e.style for e in shell.session.gallery.list()},
                          timeout_s)
        if not (good and kept):
            return False, f"{style.name}: " + ("not kept in the gallery" if good else "blank")
        notes.append(f"{style.name} {time.monotonic() - start:.1f} s")
    names = sorted(e.style for e in shell.session.gallery.list())
    if "" in names:
        return False, "a creation was kept without a style name"
    if others:
        # Back to the first style, as a child taps back: its picture comes back, and it is the
        # one kept before, not a second copy (the screenshot then shows the default style).
        before = len(shell.session.gallery.list())
        first_card = next(c for c, s in zip(window.style_picker.cards, window.styles) if s.name == first)
        QTest.mouseClick(first_card, Qt.MouseButton.LeftButton)
        def shows_first() -> bool:
            kept = window.finals.kept(window.drawing.revision, first)
            return (window.style is not None and window.style.name == first and kept is not None
                    and window.picture.image().cacheKey() == kept.cacheKey())
        back = wait_until(shows_first, timeout_s)
        wait_until(lambda: False, 0.3)
        if not back:
            return False, f"back to {first}: " + " / ".join(window.picture.message())
        if len(shell.session.gallery.list()) != before:
            return False, f"back to {first}: its picture was kept a second time"
        notes.append(f"back to {first}")
    return True, ", ".join(notes) or "only one style is installed"
