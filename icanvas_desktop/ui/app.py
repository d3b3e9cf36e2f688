"""Start the child's app: QApplication, settings, engine, styles and the whole shell.

`run_app_from_args(ns)` is what the `icanvas` command calls: it loads the settings (files and
flags), reports problems in them without stopping, and runs `AppShell` (ui/shell.py).
`run_app(AppOptions(...))` / `build_window` start the bare drawing window (measurements).
The engine is only *described* here (a factory); the worker thread builds it, so torch's
start-up never freezes the window.
"""

from __future__ import annotations


import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from icanvas_desktop.core.logs import get_logger
from icanvas_desktop.core.settings import LoadedSettings, Settings, load_settings_from_args
from icanvas_desktop.ui.icons import icon
from icanvas_desktop.ui.main_window import MainWindow, WindowOptions

log = get_logger(__name__)


@dataclass
class AppOptions:
    window: WindowOptions = field(default_factory=WindowOptions)
    device: str = "auto"       # EngineConfig.device: auto | cpu | cuda
    threads: int = 0           # EngineConfig.threads: 0 = auto (leaves a core for the UI)
    magic_colours: bool = True  # EngineConfig.magic_colours: guessed colours for unhinted shapes
    backend: str = "auto"      # EngineConfig.backend: auto | torch | onnx
    extra_style_dirs: tuple[Path, ...] = ()


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, set up once for sharp high-DPI drawing and a responsive UI thread."""
    app = QApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    # Fractional scale factors (125 %, 150 %) as they are, instead of rounding to 1x or 2x:
    # icons are SVG and the canvas paints at device resolution, so nothing gets blurry.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # The worker thread runs Python between torch calls; a shorter GIL switch interval lets
    # the UI thread take the GIL back sooner, which keeps pen input smooth (default 5 ms).
    sys.setswitchinterval(0.001)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("iCanvas")
    app.setOrganizationName("iCanvas")
    app.setApplicationDisplayName("iCanvas")
    app.setWindowIcon(icon("magic"))
    return app


def install_language(app: QApplication, lang: str) -> str:
    """Install our Korean/English translations; returns the language in use."""
    try:
        from icanvas_desktop.ui import i18n
    except ImportError:
        return lang
    return i18n.install_translator(app, lang)


def real_engine_factory(options: AppOptions) -> Callable[[], Any]:
    """A factory the worker thread calls once; imports torch only there."""
    def make():
        from icanvas_desktop.ml.engine import Engine, EngineConfig
        return Engine(EngineConfig(device=options.device, threads=options.threads,
                                   magic_colours=options.magic_colours,
                                   backend=options.backend))
    return make


def find_styles(options: AppOptions) -> list:
    from icanvas_desktop.ml.styles import discover_styles
    return discover_styles(list(options.extra_style_dirs))


def build_window(options: AppOptions, engine_factory: Callable[[], Any] | None = None,
                 styles: Sequence[Any] | None = None) -> MainWindow:
    """The main window with the real engine and styles unless others are given (tests)."""
    styles = find_styles(options) if styles is None else styles
    factory = engine_factory or real_engine_factory(options)
    # The first style (or options.window.style) is chosen by the window itself.
    return MainWindow(factory, styles, options.window)


def run_app(options: AppOptions, argv: Sequence[str] | None = None) -> int:
    app = create_application(argv)
    options.window.lang = install_language(app, options.window.lang)
    window = build_window(options)
    window.present()
    code = app.exec()
    window.shutdown()
    return int(code)


def engine_factory_for(settings: Settings) -> Callable[[], Any]:
    """The engine factory for the settings' device and threads (used by AppShell)."""
    return real_engine_factory(AppOptions(device=settings.device, threads=settings.threads,
                                          magic_colours=settings.magic_colours))


def report_settings_warnings(loaded: LoadedSettings, stream=None) -> None:
    """Settings problems go to stderr (and the grown-ups' corner lists them); never fatal."""
    stream = stream or sys.stderr
    for warning in loaded.warnings:
        print(f"icanvas: settings: {warning}", file=stream)


def build_shell(loaded: LoadedSettings, styles: Sequence[Any] | None = None,
                engine_factory: Callable[[Settings], Callable[[], Any]] | None = None, **kwargs):
    """The whole app (an AppShell) for these settings; the real engine and styles unless
    others are given (tests, self-test)."""
    from icanvas_desktop.ui.shell import AppShell
    if styles is None:
        from icanvas_desktop.ml.styles import discover_styles
        styles = discover_styles()
    return AppShell(loaded, styles, engine_factory or engine_factory_for, **kwargs)


def run_app_from_args(ns, argv: Sequence[str] | None = None) -> int:
    """`icanvas` with no sub-command: settings from files and the flags in `ns`, then the app.
    Runs under ui/start_guard.py: what goes wrong at start-up is logged and explained in a
    window, never a traceback."""
    from icanvas_desktop.ui.start_guard import guarded_start
    return guarded_start(lambda: _run_shell(ns, argv), argv)


def _run_shell(ns, argv: Sequence[str] | None) -> int:
    loaded = load_settings_from_args(ns)
    report_settings_warnings(loaded)
    app = create_application(argv)
    shell = build_shell(loaded)
    shell.quit_requested.connect(app.quit)
    shell.present()
    code = app.exec()
    try:
        shell.shutdown()
    except Exception:  # noqa: BLE001 - the window is gone: a log line, not a start-up failure
        log.error("iCanvas did not close cleanly", exc_info=True)
        return 1
    return int(code)
