"""Shared by every test folder: `helpers` (tests/ml/helpers.py: tiny styles with random weights,
small colour indexes) is importable from any test."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "ml"))
