"""Check that moving the lab notebook out of README.md lost nothing.

    python scripts/check_readme_move.py [--old COMMIT] [--sentences]

Reads README.md as it was at COMMIT (default: the last commit before the README was cut down
to a guide for users, issue 21) and today's README.md plus docs/*.md, and prints:
- every figure of the old README (a number, a percentage, a date, a size: any run of digits with
  its decimals and thousands) that appears nowhere today; the exit status is 1 when there is one;
- with --sentences, every sentence of the old README that does not appear word for word today
  (whitespace and line breaks ignored), for a person to read: a sentence may be reworded on
  purpose, with its figures still there, and a script cannot tell that from a loss.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEFORE_ISSUE_21 = "129564c"   # the README of 717 lines, 60 KB
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def old_readme(commit: str) -> str:
    return subprocess.run(["git", "show", f"{commit}:README.md"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def new_text() -> str:
    parts = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return "\n".join(p.read_text("utf-8") for p in parts)


def flat(text: str) -> str:
    """Whitespace-normalised, and with the moved scripts' old folders read as today's."""
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"tests/(ui/)?(measure_|stress_)", r"scripts/\2", text)


def missing_figures(old: str, new: str) -> list[tuple[str, int]]:
    """Figures of the old text that the new one has nowhere, with how often the old one had
    them (a figure that appeared in three places and now in one is still there)."""
    before, after = Counter(FIGURE.findall(old)), Counter(FIGURE.findall(new))
    return sorted((f, n) for f, n in before.items() if f not in after)


def units(markdown: str) -> list[str]:
    """The old text in pieces that can be looked for one by one: each heading, table row and
    code line alone, and each paragraph or list item cut into sentences."""
    out, paragraph = [], []

    def flush():
        if paragraph:
            out.extend(re.split(r"(?<=[.;!?])\s+(?=[A-Z*(`])", flat(" ".join(paragraph))))
            paragraph.clear()

    for line in markdown.splitlines():
        text = line.strip()
        if not text or text.startswith(("#", "|", "```")) or line.startswith("    ") and not paragraph:
            flush()
            out.append(text.lstrip("#").strip())
        elif text.startswith(("- ", "1.", "2.", "3.", "4.")):
            flush()
            paragraph.append(text)
        else:
            paragraph.append(text)
    flush()
    return [u for u in out if len(u) > 3]


def missing_sentences(old: str, new: str) -> list[str]:
    new_flat = flat(new)
    return [u for u in units(old) if flat(u).strip() not in new_flat]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--old", default=BEFORE_ISSUE_21, help="the commit whose README.md is the reference")
    p.add_argument("--sentences", action="store_true", help="also list sentences not found word for word")
    ns = p.parse_args(argv)
    old, new = old_readme(ns.old), new_text()
    figures = missing_figures(old, new)
    for figure, count in figures:
        print(f"figure gone: {figure} (was there {count} time(s))")
    print(f"{len(set(FIGURE.findall(old)))} distinct figures in the old README, {len(figures)} gone")
    if ns.sentences:
        lost = missing_sentences(old, new)
        for sentence in lost:
            print(f"- {sentence}")
        print(f"{len(lost)} sentences not found word for word (read them)")
    return 1 if figures else 0


if __name__ == "__main__":
    sys.exit(main())
