"""The layer rules in pyproject.toml's import-linter contracts hold: core/ and motion/ import
neither Qt nor torch, ml/ no Qt, training/ no ui/, and the app no training/."""

import tomllib
from pathlib import Path

from importlinter import cli as lint      # the test extra installs import-linter

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_kept(capsys):
    status = lint.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    report = capsys.readouterr().out
    assert status == lint.EXIT_STATUS_SUCCESS, report
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    assert len(contracts) >= 5 and f"{len(contracts)} kept, 0 broken" in report
