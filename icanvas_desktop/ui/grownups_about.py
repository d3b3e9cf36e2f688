"""The About box: who made iCanvas's parts, and the licence of every data set and library.

Part of the grown-ups' corner (ui/grownups.py). Links open only local files (model cards);
nothing here reaches the network.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget,
)

import icanvas_desktop
from icanvas_desktop.ml.styles import other_colours_data


@dataclass(frozen=True)
class Credit:
    name: str
    license: str
    note: str            # English; translated through the "AboutDialog" context


PROJECT_CREDITS: tuple[Credit, ...] = (
    Credit("Qt 6 / PySide6", "LGPL-3.0",
           QT_TRANSLATE_NOOP("AboutDialog", "The Qt Company and contributors. iCanvas uses Qt as "
                             "separate libraries, which you may replace with your own build.")),
    Credit("PyTorch", "BSD-3-Clause",
           QT_TRANSLATE_NOOP("AboutDialog", "Meta Platforms and contributors. Used to train the "
                             "picture styles.")),
    Credit("ONNX Runtime", "MIT",
           QT_TRANSLATE_NOOP("AboutDialog", "Microsoft and contributors. Runs the picture styles "
                             "on this computer.")),
    Credit("OpenMoji", "CC BY-SA 4.0",
           QT_TRANSLATE_NOOP("AboutDialog", "Emoji artwork by OpenMoji, the open-source emoji and "
                             "icon project (openmoji.org). Used as drawing examples for training.")),
    Credit("Twemoji", "CC BY 4.0",
           QT_TRANSLATE_NOOP("AboutDialog", "Emoji graphics copyright Twitter, Inc. and other "
                             "contributors. Used as drawing examples for training.")),
    Credit("Noto Emoji", "Apache-2.0",
           QT_TRANSLATE_NOOP("AboutDialog", "Google and contributors. Used as drawing examples for "
                             "training.")),
    Credit("NumPy", "BSD-3-Clause", QT_TRANSLATE_NOOP("AboutDialog", "NumPy developers.")),
    Credit("Pillow", "MIT-CMU (HPND)",
           QT_TRANSLATE_NOOP("AboutDialog", "Jeffrey A. Clark and contributors.")),
    Credit("safetensors", "Apache-2.0", QT_TRANSLATE_NOOP("AboutDialog", "Hugging Face.")),
    Credit("platformdirs, tomli-w", "MIT",
           QT_TRANSLATE_NOOP("AboutDialog", "Their authors and contributors.")),
    Credit("Python", "PSF-2.0",
           QT_TRANSLATE_NOOP("AboutDialog", "Python Software Foundation.")),
)


def style_title(style: Any, lang: str) -> str:
    if hasattr(style, "display_title"):
        return style.display_title(lang)
    title = getattr(style, "title", "")
    return title.get(lang) or title.get("en", "") if isinstance(title, dict) else str(title)


def _translated_note(credit: Credit) -> str:
    # Kept apart from tr() calls: pyside6-lupdate mislabels tr() that follow translate() in a
    # function body.
    return QCoreApplication.translate("AboutDialog", credit.note)


def _para(text: str) -> str:
    return "<br>".join(html.escape(line) for line in str(text).strip().splitlines())


class AboutDialog(QDialog):
    """`styles`: the installed StyleInfo list (title, license, attribution, card_path)."""

    def __init__(self, styles: Sequence[Any] = (), parent: QWidget | None = None, *,
                 lang: str = "en"):
        super().__init__(parent)
        self._styles = list(styles)
        self._lang = lang
        self.setWindowTitle(self.tr("About iCanvas"))
        self.setAccessibleName(self.tr("About iCanvas"))
        self.resize(640, 560)

        heading = QLabel(self.tr("iCanvas %1").replace("%1", icanvas_desktop.__version__))
        heading.setObjectName("aboutHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)

        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)         # we decide which links may open: local files
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setAccessibleName(self.tr("Credits and licences"))
        self.browser.setHtml(self.credits_html())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        close.setFocus()

    def credits_html(self) -> str:
        parts = [
            "<p>" + html.escape(self.tr(
                "iCanvas turns children's drawings into pictures, right on this computer. "
                "It never connects to the internet, and the drawings stay here.")) + "</p>",
            "<h2>" + html.escape(self.tr("Picture styles")) + "</h2>",
        ]
        if not self._styles:
            parts.append("<p>" + html.escape(self.tr("No picture styles are installed.")) + "</p>")
        for style in self._styles:
            parts.append(f"<h3>{html.escape(style_title(style, self._lang))}</h3>")
            parts.append("<p><b>" + html.escape(self.tr("Licence:")) + "</b> "
                         + html.escape(str(getattr(style, "license", ""))) + "</p>")
            parts.append(f"<p>{_para(getattr(style, 'attribution', ''))}</p>")
            if getattr(style, "colours_path", None) is not None:
                parts.append(self._magic_colours_credit(style))
            card = getattr(style, "card_path", None)
            if card is not None and Path(card).exists():
                url = QUrl.fromLocalFile(str(Path(card).resolve())).toString()
                parts.append(f'<p><a href="{html.escape(url)}">'
                             + html.escape(self.tr("Read the model card")) + "</a></p>")
        parts.append("<h2>" + html.escape(self.tr("Made with")) + "</h2>")
        for credit in PROJECT_CREDITS:
            note = _translated_note(credit)
            parts.append(f"<p><b>{html.escape(credit.name)}</b> &mdash; "
                         f"{html.escape(credit.license)}<br>{html.escape(note)}</p>")
        return "\n".join(parts)

    def _magic_colours_credit(self, style) -> str:
        """Whose pictures Magic colours looks at: the style's own, or another set's, named with
        its licence and attribution (Soft's index is built from Twemoji, not from Noto)."""
        index = other_colours_data(style)
        if index is None:
            return "<p>" + html.escape(self.tr(
                "Magic colours in this style looks at small copies of the same pictures, "
                "under the same licence.")) + "</p>"
        text = self.tr("Magic colours in this style looks at small copies of other pictures "
                       "(%1), licence %2:").replace("%1", str(index["dataset"])).replace(
                           "%2", str(index.get("license", "")))
        return f"<p>{html.escape(text)} {_para(index.get('attribution', ''))}</p>"

    def _open_link(self, url: QUrl) -> None:
        if url.isLocalFile():
            QDesktopServices.openUrl(url)
