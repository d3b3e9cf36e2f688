"""The log file: tracebacks kept for a bug report, rotated, and never a reason to stop."""

from __future__ import annotations

import logging
import logging.handlers
import os
import subprocess
import sys

import pytest

from icanvas_desktop.core import logs


@pytest.fixture(autouse=True)
def no_log_left_open():
    yield
    logs.stop_logging()


def test_records_of_every_module_reach_the_file_with_their_traceback(tmp_path):
    path = logs.start_logging(tmp_path)
    assert path == tmp_path / logs.FILE_NAME == logs.log_file()
    try:
        raise ValueError("a stroke went missing")
    except ValueError:
        logs.get_logger("icanvas_desktop.core.gallery").exception("saving failed")
    logs.get_logger("icanvas_desktop.ui.worker").debug("too chatty to keep")
    text = path.read_text(encoding="utf-8")
    assert "ERROR icanvas_desktop.core.gallery" in text and "saving failed" in text
    assert "Traceback (most recent call last)" in text and "ValueError: a stroke went missing" in text
    assert "too chatty" not in text


def test_the_file_rotates_and_keeps_a_few_old_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.start_logging(tmp_path)
    log = logs.get_logger("icanvas_desktop.test")
    for i in range(400):
        log.info("line %d of a long session", i)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [logs.FILE_NAME] + [f"{logs.FILE_NAME}.{n}" for n in range(1, logs.BACKUPS + 1)]
    assert path.stat().st_size <= 2_000
    assert "line 399 of a long session" in path.read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_means_no_file_and_no_error(tmp_path):
    in_the_way = tmp_path / "state"
    in_the_way.write_text("a file where the folder should be")
    assert logs.start_logging(in_the_way / "log") is None
    assert not logs.logging_to_file()
    logs.get_logger("icanvas_desktop.test").error("nowhere to go, and that is fine")
    assert logs.log_file() == logs.log_dir() / logs.FILE_NAME      # where it would be


def test_starting_again_moves_the_log_instead_of_writing_twice(tmp_path):
    first = logs.start_logging(tmp_path / "a")
    second = logs.start_logging(tmp_path / "b")
    logs.get_logger("icanvas_desktop.test").warning("once")
    assert first.read_text(encoding="utf-8") == ""
    assert second.read_text(encoding="utf-8").count("once") == 1
    handlers = [h for h in logging.getLogger(logs.ROOT).handlers
                if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(handlers) == 1


def test_the_log_is_in_the_platforms_user_log_folder_unless_the_environment_says(monkeypatch, tmp_path):
    monkeypatch.delenv(logs.LOG_ENV, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert logs.log_dir() == tmp_path / "iCanvas" / "log"
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "school-logs"))
    assert logs.log_file() == tmp_path / "school-logs" / logs.FILE_NAME


def test_without_a_log_file_the_tools_print_no_second_copy_of_a_warning(tmp_path):
    # Before start_logging (the command-line tools), Python's last-resort handler would print
    # every settings warning to stderr again.
    bad = tmp_path / "user.toml"
    bad.write_text('lang = "fr"\n', encoding="utf-8")
    code = ("from icanvas_desktop.core.settings import load_settings; "
            f"print(len(load_settings(user_path={str(bad)!r}).warnings))")
    env = dict(os.environ, ICANVAS_SYSTEM_CONFIG="")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "1" and done.stderr == ""
