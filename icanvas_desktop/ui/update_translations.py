"""Refresh the translation files: `python -m icanvas_desktop.ui.update_translations`.

1. pyside6-lupdate reads every `icanvas_desktop/ui/*.py` and updates
   `resources/i18n/icanvas_ko.ts` and `icanvas_en.ts` (new strings appear as "unfinished",
   strings no longer in the code are dropped, existing translations are kept).
2. English is the source language, so every English message is filled with its source text.
3. pyside6-lrelease compiles both to `.qm`, which the app loads (ui/i18n.py).

Then translate the new Korean messages in `icanvas_ko.ts` (Qt Linguist, or by hand: replace
`<translation type="unfinished"></translation>`) and run this again to compile.
`--check` changes nothing and exits 1 when the .ts files miss strings that the code has.
Run it after every change to a visible string; tests/ui/test_i18n.py fails until you do.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

from icanvas_desktop.ui.i18n import translations_dir

UI_DIR = Path(__file__).resolve().parent
ROOT = UI_DIR.parents[1]            # the folder holding the package: sources are named from it
I18N_DIR = translations_dir()       # core/paths.resources_dir(): where the app loads them from
LANGS = ("ko", "en")


def ts_path(lang: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"icanvas_{lang}.ts"


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.glob("*.py") if p.name != Path(__file__).name)


def qt_tool(name: str) -> str:
    """The lupdate/lrelease binary shipped inside the PySide6 wheel (or the pyside6- wrapper)."""
    exe = ".exe" if sys.platform.startswith("win") else ""
    inside = Path(PySide6.__file__).parent / f"{name}{exe}"
    if inside.exists():
        return str(inside)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return wrapper
    raise SystemExit(f"cannot find {name}: install PySide6 (pyside6-essentials)")


def run_lupdate(ts: Path, lang: str) -> None:
    rel = [str(p.relative_to(ROOT)) for p in sources()]
    cmd = [qt_tool("lupdate"), "-no-obsolete", "-locations", "relative",
           "-source-language", "en", "-target-language", lang, *rel, "-ts", str(ts)]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(ts)
    return [(ctx.findtext("name") or "", msg)
            for ctx in tree.getroot().iter("context") for msg in ctx.iter("message")]


def unfinished(ts: Path) -> list[str]:
    """`context: source` for every message without a finished, non-empty translation."""
    out = []
    for ctx, msg in messages(ts):
        tr = msg.find("translation")
        forms = tr.findall("numerusform") if tr is not None else []
        texts = [f.text for f in forms] if forms else [tr.text if tr is not None else None]
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or \
                not all(t and t.strip() for t in texts):
            out.append(f"{ctx}: {msg.findtext('source')}")
    return out


def bad_contexts(ts: Path) -> list[str]:
    # lupdate files a self.tr() that follows QCoreApplication.translate() in the same function
    # under a made-up context such as "QCoreApplication.self"; such strings never translate.
    return sorted({ctx for ctx, _ in messages(ts) if "." in ctx})


def fill_english(ts: Path) -> int:
    """English needs no translator: each message's translation is its source text."""
    tree = ET.parse(ts)
    filled = 0
    for msg in tree.getroot().iter("message"):
        tr = msg.find("translation")
        if tr is None or (tr.get("type") != "unfinished" and (tr.text or list(tr))):
            continue
        source = msg.findtext("source") or ""
        forms = tr.findall("numerusform")
        for form in forms:
            form.text = source
        if not forms:
            tr.text = source
        tr.attrib.pop("type", None)
        filled += 1
    if filled:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                      encoding="utf-8")
    return filled


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def update(folder: Path = I18N_DIR) -> dict[str, list[str]]:
    """Extract, fill English, compile. Returns the unfinished messages per language."""
    folder.mkdir(parents=True, exist_ok=True)
    report = {}
    for lang in LANGS:
        ts = ts_path(lang, folder)
        run_lupdate(ts, lang)
        if lang == "en":
            fill_english(ts)
        run_lrelease(ts, ts.with_suffix(".qm"))
        report[lang] = unfinished(ts)
    return report


def check() -> list[str]:
    """Problems that a fresh extraction would show, without touching the shipped files."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            copy = ts_path(lang, Path(tmp))
            if ts_path(lang).exists():
                shutil.copy(ts_path(lang), copy)
            run_lupdate(copy, lang)
            if lang == "en":
                fill_english(copy)
            problems += [f"{lang}: not translated: {m}" for m in unfinished(copy)]
            problems += [f"{lang}: lupdate could not tell the class of strings in context "
                         f"{c!r}; do not mix translate() and self.tr() in one function"
                         for c in bad_contexts(copy)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a string is missing or untranslated")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations are complete and up to date")
        return 1 if problems else 0
    report = update()
    for lang, missing in report.items():
        print(f"{lang}: {len(missing)} message(s) still need a translation")
        for line in missing[:50]:
            print("   ", line)
    for lang in LANGS:
        for ctx in bad_contexts(ts_path(lang)):
            print(f"warning: strings filed under bogus context {ctx!r} (see bad_contexts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
