"""Languages: choose Korean or English, install Qt translators, pick a font that has Hangul.

The language follows the computer (QLocale) unless the settings say `lang = "ko"` or `"en"`.
Our own strings come from `resources/i18n/icanvas_<lang>.qm` (made by update_translations.py);
Qt's own (standard buttons, file dialogs) from Qt's `qtbase_<lang>.qm`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from icanvas_desktop.core.paths import resources_dir

SUPPORTED = ("ko", "en")

# Families that draw Hangul well, best first: Linux (Noto, Nanum), Windows, macOS.
KOREAN_FAMILIES = (
    "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR", "Malgun Gothic",
    "Apple SD Gothic Neo", "AppleSDGothicNeo", "NanumGothic", "NanumBarunGothic",
    "UnDotum", "Baekmuk Gulim", "Gulim", "Dotum",
)

# Translators this module installed, so that a second call replaces instead of stacking.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def choose_language(setting: str = "auto", locale: QLocale | None = None) -> str:
    """"ko" or "en": the setting when it names one, else the computer's language."""
    if setting in SUPPORTED:
        return setting
    locale = locale if locale is not None else QLocale.system()
    wanted = [name.lower() for name in locale.uiLanguages()]
    wanted.append(locale.name().lower())
    for name in wanted:
        code = name.replace("_", "-").split("-")[0]
        if code in SUPPORTED:
            return code
    return "en"


def korean_family(available: Iterable[str] | None = None) -> str | None:
    """A font family on this computer that has Hangul, preferring the known good ones."""
    families = list(available) if available is not None else QFontDatabase.families()
    present = {f.lower(): f for f in families}
    for name in KOREAN_FAMILIES:
        if name.lower() in present:
            return present[name.lower()]
    if available is None:   # any other family that says it writes Korean
        for family in families:
            if QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family):
                return family
    return None


def pick_font(base: QFont, lang: str, available: Iterable[str] | None = None) -> QFont:
    """`base` with families ordered for `lang`: Korean first for ko; for en the usual font
    first with a Hangul font behind it (Korean names in an English app still render)."""
    font = QFont(base)
    hangul = korean_family(available)
    if hangul is None:
        return font
    current = [f for f in (base.families() or [base.family()]) if f and f != hangul]
    font.setFamilies([hangul, *current] if lang == "ko" else [*current, hangul])
    return font


def install_translator(app: QCoreApplication, lang: str = "auto") -> str:
    """Load iCanvas's and Qt's translations for `lang` ("auto", "ko", "en") into `app`,
    replacing any installed before, and set the application font. Returns "ko" or "en".
    Widgets receive QEvent.LanguageChange and can re-read their texts."""
    chosen = choose_language(lang)
    remove_translators(app)

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{chosen}", qt_dir), (f"icanvas_{chosen}", str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)

    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
                       if chosen == "ko" else QLocale(QLocale.Language.English))
    if hasattr(app, "setFont"):         # a QGuiApplication; a bare QCoreApplication has no fonts
        app.setFont(pick_font(app.font(), chosen))
    return chosen


def installed_translators() -> list[QTranslator]:
    return list(_installed)


def remove_translators(app: QCoreApplication) -> None:
    """Back to the untranslated (English) strings; used by tests."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
