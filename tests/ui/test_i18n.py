"""Korean and English ship complete, the right language is chosen, and Hangul renders."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from icanvas_desktop.ui import i18n, update_translations as ut  # noqa: E402
from icanvas_desktop.ui.grownups import GrownUpGate  # noqa: E402


@pytest.fixture
def app_state(qapp):
    """install_translator changes application-wide state; put it back for other tests."""
    font = qapp.font()
    yield qapp
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    qapp.setFont(font)


def ko_messages():
    tree = ET.parse(ut.ts_path("ko"))
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg


def test_korean_ts_exists_and_has_messages():
    assert ut.ts_path("ko").exists() and ut.ts_path("en").exists()
    assert len(list(ko_messages())) > 20


def test_every_korean_message_has_a_finished_translation():
    missing = ut.unfinished(ut.ts_path("ko"))
    assert missing == [], "translate these in resources/i18n/icanvas_ko.ts:\n" + "\n".join(missing)
    for _, msg in ko_messages():
        assert msg.find("translation").get("type") is None


def test_korean_translations_keep_every_placeholder_and_shortcut():
    for ctx, msg in ko_messages():
        source = msg.findtext("source")
        korean = msg.findtext("translation") or ""
        for marker in ("%1", "%2", "%n"):
            assert source.count(marker) <= korean.count(marker) or marker not in source, \
                (ctx, source, korean)
        if "&" in source.replace("&&", ""):
            assert "&" in korean, (ctx, source, korean)


def test_english_is_complete_too():
    assert ut.unfinished(ut.ts_path("en")) == []


def test_ts_files_contain_every_string_in_the_ui_code():
    """Fails after a UI change until `python -m icanvas_desktop.ui.update_translations` runs
    and the new Korean strings are translated."""
    problems = ut.check()
    assert problems == [], "\n".join(problems)


def test_the_translations_are_written_where_the_app_reads_them(monkeypatch, tmp_path):
    """One rule (core/paths.resources_dir) for the app and the script, in a checkout or a wheel."""
    assert ut.ts_path("ko").parent == i18n.translations_dir()
    import importlib
    from icanvas_desktop.core import paths
    monkeypatch.setattr(paths, "resource_root", lambda: tmp_path)   # as an installed wheel would
    moved = importlib.reload(ut)
    try:
        assert moved.ts_path("ko") == tmp_path / "resources" / "i18n" / "icanvas_ko.ts"
        assert all(p.is_file() for p in moved.sources()) and moved.sources()
    finally:
        monkeypatch.undo()
        importlib.reload(ut)


def test_shipped_qm_files_are_compiled_from_the_current_ts(tmp_path):
    for lang in ut.LANGS:
        fresh = tmp_path / f"{lang}.qm"
        ut.run_lrelease(ut.ts_path(lang), fresh)
        shipped = ut.ts_path(lang).with_suffix(".qm")
        assert shipped.exists(), f"run update_translations to compile {shipped.name}"
        assert shipped.read_bytes() == fresh.read_bytes(), f"{shipped.name} is stale"


@pytest.mark.parametrize("locale, expected", [
    ("ko_KR", "ko"), ("en_US", "en"), ("en_GB", "en"), ("fr_FR", "en"), ("ja_JP", "en"),
])
def test_auto_language_follows_the_computer(locale, expected):
    assert i18n.choose_language("auto", QLocale(locale)) == expected


def test_settings_choice_beats_the_computer_language():
    assert i18n.choose_language("en", QLocale("ko_KR")) == "en"
    assert i18n.choose_language("ko", QLocale("en_US")) == "ko"


def test_installing_korean_translates_the_widgets(app_state, qtbot):
    assert i18n.install_translator(app_state, "ko") == "ko"
    gate = GrownUpGate()
    qtbot.addWidget(gate)
    assert gate.windowTitle() == "어른용"
    assert gate.ok_button.text() == "확인"


def test_switching_back_to_english_replaces_the_korean_translator(app_state, qtbot):
    i18n.install_translator(app_state, "ko")
    i18n.install_translator(app_state, "en")
    gate = GrownUpGate()
    qtbot.addWidget(gate)
    assert gate.windowTitle() == "For grown-ups"
    assert len(i18n.installed_translators()) <= 2      # never stacks up


def test_korean_family_prefers_known_fonts_and_returns_none_without_any():
    assert i18n.korean_family(["Arial", "Malgun Gothic", "NanumGothic"]) == "Malgun Gothic"
    assert i18n.korean_family(["arial", "nanumgothic"]) == "nanumgothic"
    assert i18n.korean_family(["Arial", "Helvetica"]) is None


def hangul_font_installed() -> bool:
    return i18n.korean_family() is not None


def test_korean_text_renders_with_real_glyphs(app_state):
    if not hangul_font_installed():
        pytest.skip("no Hangul font: apt-get install fonts-noto-cjk")
    i18n.install_translator(app_state, "ko")
    font = QApplication.font()
    assert font.families()[0] == i18n.korean_family()
    metrics = QFontMetrics(font)
    for char in "마법되돌리기":
        assert metrics.inFontUcs4(ord(char)), char
    # Draw it: real glyphs leave many dark pixels; missing ones would be empty boxes.
    image = QImage(300, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(10, 40, "마법! 되돌리기")
    painter.end()
    dark = sum(1 for x in range(300) for y in range(60) if image.pixelColor(x, y).lightness() < 128)
    assert dark > 150


def test_english_font_still_falls_back_to_a_hangul_font(app_state):
    if not hangul_font_installed():
        pytest.skip("no Hangul font installed")
    i18n.install_translator(app_state, "en")
    families = QApplication.font().families()
    assert families[-1] == i18n.korean_family() and len(families) >= 2
