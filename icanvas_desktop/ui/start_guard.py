"""iCanvas never ends in a traceback: start-up runs under a guard, and so does every Qt slot.

`guarded_start(run)` starts the log (core/logs.py), runs the app and, if something unexpected
escapes at start-up, writes its traceback to the log and shows a friendly window that says
the drawings are safe (nothing in the gallery is touched on the way out), with the details
for a grown-up. While the app runs, an exception in a slot is logged and the app goes on:
Qt hands it to `sys.excepthook`, which by default only prints it to a console a child never
sees.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import icanvas_desktop
from icanvas_desktop.core.logs import get_logger, log_start, start_logging, stop_logging
from icanvas_desktop.core.readers import describe

log = get_logger(__name__)


def start_failure_box(details: str, log_file: Path | None) -> QMessageBox:
    """The window shown when iCanvas cannot start: what happened, that the drawings are
    safe, where the details are written, and the details themselves (for a bug report)."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("StartFailure", "iCanvas could not start"))
    box.setText(QCoreApplication.translate(
        "StartFailure", "Something went wrong while iCanvas was starting. Your drawings are "
                        "safe: nothing was changed or deleted."))
    if log_file is not None:
        box.setInformativeText(QCoreApplication.translate(
            "StartFailure", "Please show this to a grown-up. The details are written in: %1")
            .replace("%1", str(log_file)))
    else:
        box.setInformativeText(QCoreApplication.translate(
            "StartFailure", "Please show this to a grown-up. The details are below."))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    close = box.button(QMessageBox.StandardButton.Close)
    close.setText(QCoreApplication.translate("StartFailure", "Close"))
    return box


def _show_start_failure(details: str, log_file: Path | None, argv: Sequence[str] | None) -> None:
    try:
        from icanvas_desktop.ui.app import create_application, install_language
        app = QApplication.instance() or create_application(argv)
        install_language(app, "auto")
        start_failure_box(details, log_file).exec()
    except Exception:  # noqa: BLE001 - no window possible (no display...): the console it is
        print("icanvas: your drawings are safe.\n" + details, file=sys.stderr)


def _log_slot_exception(kind, value, tb) -> None:
    log.error("unexpected error while iCanvas was running", exc_info=(kind, value, tb))
    sys.__excepthook__(kind, value, tb)


def guarded_start(run: Callable[[], int], argv: Sequence[str] | None = None,
                  log_folder: Path | None = None) -> int:
    """run() under the guard; its exit code, or 1 after the friendly window. The log goes to
    `log_folder` (tests), else to the platform's user log folder."""
    log_file = start_logging(log_folder)
    log_start(icanvas_desktop.__version__)
    previous_hook = sys.excepthook
    sys.excepthook = _log_slot_exception
    try:
        code = run()
        log.info("iCanvas closed (exit code %s)", code)
        return code
    except Exception as err:  # noqa: BLE001 - the point of the guard
        details = traceback.format_exc()
        log.critical("iCanvas could not start", exc_info=True)
        where = f"the details are in {log_file}" if log_file else "the details follow"
        print(f"icanvas: iCanvas could not start ({describe(err)}); {where}.", file=sys.stderr)
        _show_start_failure(details, log_file, argv)
        return 1
    finally:
        sys.excepthook = previous_hook
        stop_logging()
