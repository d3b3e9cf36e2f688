"""The log file: what went wrong, with its traceback, for a grown-up's bug report.

One rotating file, `icanvas.log` (1 MB, then kept as `.1` ... `.4`), in the platform's user
log folder (platformdirs.user_log_dir: ~/.local/state/iCanvas/log on Linux,
%LOCALAPPDATA%\\iCanvas\\Logs on Windows, ~/Library/Logs/iCanvas on macOS), as mu does;
$ICANVAS_LOG_DIR names another folder (tests, a school that gathers logs). It holds start-up,
settings warnings, render failures from the worker thread, failed saves and creations the
gallery set aside. The app calls `start_logging()` once; every module logs through
`get_logger(__name__)`, all under the "icanvas_desktop" logger.

Until then (tests, the command-line tools) records go nowhere: a NullHandler keeps Python from
printing warnings on stderr a second time. A log folder that cannot be written (a read-only
home on a school network) never stops the app: there is just no log file.
Stdlib only: core/ stays free of Qt and torch.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
from pathlib import Path

LOG_ENV = "ICANVAS_LOG_DIR"
ROOT = "icanvas_desktop"          # the package's logger: every module's logger is below it
FILE_NAME = "icanvas.log"
MAX_BYTES = 1024 * 1024           # a month of ordinary use; a bug report stays e-mailable
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s:%(lineno)d (%(threadName)s) %(message)s"

logging.getLogger(ROOT).addHandler(logging.NullHandler())

_handler: logging.Handler | None = None


def get_logger(name: str) -> logging.Logger:
    """`logging.getLogger(name)`; importing it from here guarantees the NullHandler above."""
    return logging.getLogger(name)


def log_dir() -> Path:
    """$ICANVAS_LOG_DIR (tests; a school that gathers logs), else the platform's folder."""
    if os.environ.get(LOG_ENV):
        return Path(os.environ[LOG_ENV])
    import platformdirs
    return Path(platformdirs.user_log_dir("iCanvas", appauthor=False))


def log_file() -> Path:
    """Where the log is written: the file in use, else where `start_logging()` would put it."""
    if _handler is not None:
        return Path(_handler.baseFilename)   # type: ignore[attr-defined]
    return log_dir() / FILE_NAME


def logging_to_file() -> bool:
    return _handler is not None


def start_logging(folder: str | os.PathLike | None = None, level: int = logging.INFO) -> Path | None:
    """Send the package's records (INFO and up) to the rotating file; returns its path, or
    None when the folder cannot be written. Calling it again moves the log to `folder`."""
    global _handler
    stop_logging()
    path = Path(folder) if folder is not None else log_dir()
    try:
        path.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except (OSError, ValueError):
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root = logging.getLogger(ROOT)
    # logging.config.dictConfig in any library disables loggers that exist before it runs;
    # the log file is the one place a grown-up looks, so it is switched back on here.
    root.disabled = False
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler = handler
    return Path(handler.baseFilename)


def stop_logging() -> None:
    """Close the file (tests; the app leaves it to the interpreter's exit)."""
    global _handler
    if _handler is not None:
        logging.getLogger(ROOT).removeHandler(_handler)
        _handler.close()
        _handler = None


def log_start(version: str) -> None:
    """The first lines of a session: which iCanvas, on what, so a report says where it ran."""
    logging.getLogger(ROOT).info("iCanvas %s starting: Python %s on %s (%s)", version,
                                 platform.python_version(), platform.platform(), sys.executable)
