"""The layer rules in pyproject.toml's import-linter contracts hold: core/ and motion/ import
neither Qt nor torch, ml/ no Qt, training/ no ui/, and the app no training/."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# import-linter configures logging with dictConfig, which disables every logger that already
# exists (the app's own among them) for the rest of the process; so it runs in a child process.
LINT = ("import sys; from importlinter import cli; "
        "sys.exit(cli.lint_imports(config_filename=sys.argv[1], no_cache=True))")


def test_the_import_contracts_are_kept():
    run = subprocess.run([sys.executable, "-c", LINT, str(ROOT / "pyproject.toml")],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    assert len(contracts) >= 5 and f"{len(contracts)} kept, 0 broken" in report
