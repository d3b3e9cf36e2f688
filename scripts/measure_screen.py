"""How the child's screen is shared out at each screen size (a script, not a test).

Builds the whole app offscreen (a temporary gallery and settings, an engine that draws a blank
picture, six style cards, today's challenge) and fits it to each screen size as
`MainWindow.present` does. Prints per size: the window, the drawing page in px and as a share
of the window, the share again after Magic! (when "Make it move!" joins Magic! in its row),
the tool column (columns, regular or compact, pictures only), the style cards (columns x
picture px, pictures only, scrolling), the lowest button, and what
`screen_fit.layout_problems` found (nothing, when all is well). Then one JSON line.

    QT_QPA_PLATFORM=offscreen python scripts/measure_screen.py [--lang ko] [--big]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image  # noqa: E402
from PySide6.QtCore import QRect, QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication  # noqa: E402

SIZES = ("1024x600", "1280x720", "1280x800", "1366x768", "1920x1080", "2560x1440", "3840x2160",
         "600x1024", "768x1024", "1080x1920")
NAMES = ("sticker", "emoji", "soft", "toy", "faces", "crayon")


@dataclass(frozen=True)
class CardStyle:
    """Just what a style card and the engine's queue need."""
    name: str
    takes_hints: bool = True
    sample_path: Path | None = None
    description: dict = field(default_factory=dict)

    def display_title(self, lang: str) -> str:
        return self.name.title()


class BlankEngine:
    style = None

    def load_style(self, style) -> None:
        self.style = style

    def preview(self, drawing):
        return Image.new("RGB", (256, 192), "white")

    def final(self, drawing, long_side: int = 1024):
        return Image.new("RGB", (512, 384), "white")


def measure(sizes, lang: str = "en", big: bool = False) -> list[dict]:
    from icanvas_desktop.core.settings import load_settings
    from icanvas_desktop.ui.app import build_shell, create_application
    from icanvas_desktop.ui.screen_fit import fit_to_screen, layout_problems

    app = create_application(["measure_screen"])
    rows = []
    with tempfile.TemporaryDirectory(prefix="icanvas-screen-") as tmp:
        os.environ["ICANVAS_USER_CONFIG"] = str(Path(tmp) / "settings.toml")
        loaded = load_settings({"lang": lang, "savedir": str(Path(tmp) / "gallery"),
                                "sound": False, "button_size": "big" if big else "normal"})
        engine = BlankEngine()
        shell = build_shell(loaded, [CardStyle(n) for n in NAMES], lambda _s: lambda: engine)
        window = shell.window
        window.show()
        QTest.mouseClick(next(iter(shell.picker.animal_buttons.values())),
                         Qt.MouseButton.LeftButton)
        still = Image.new("RGB", (512, 384), "white")
        for text in sizes:
            w, h = (int(v) for v in text.split("x"))
            fit_to_screen(window, QRect(0, 0, w, h))
            settle(app)
            row = {"screen": text, "window": f"{window.width()}x{window.height()}",
                   **arrangement(window), "problems": layout_problems(window, QSize(w, h))}
            # After Magic!: "Make it move!" joins Magic! in its row, which may widen the side.
            window.motion_bar.offer(still, window.drawing.revision)
            settle(app)
            after = arrangement(window)
            row.update(after_page=after["page"], after_share=after["share"],
                       after_problems=layout_problems(window, QSize(w, h)))
            window.motion_bar.withdraw()
            rows.append(row)
        shell.shutdown()
        window.close()
    return rows


def settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def arrangement(window) -> dict:
    """The drawing page's size and share of the window, the tools, the cards, the lowest button."""
    page = window.canvas.page_rect()
    buttons = [b.height() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    columns, compact, words = window.tools.arrangement
    cards = window.style_picker
    return {"page": f"{page.width():.0f}x{page.height():.0f}",
            "share": round(page.width() * page.height() / (window.width() * window.height()), 3),
            "tools": f"{'band' if columns >= 7 else columns}{' compact' if compact else ''}"
                     f"{'' if words else ' pictures'}",
            "cards": f"{cards.columns}x{cards.icon_px}px{'' if cards.words else ' pictures'}"
                     f"{' scrolling' if cards.scrolls else ''}",
            "lowest_button": min(buttons)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="en")
    ap.add_argument("--big", action="store_true", help="big buttons (the grown-ups' setting)")
    ap.add_argument("--sizes", default=",".join(SIZES), help="comma-separated WxH screens")
    args = ap.parse_args(argv)
    rows = measure(args.sizes.split(","), args.lang, args.big)
    print(f"{'screen':>10} {'window':>10} {'drawing page':>13} {'share':>6} {'after Magic!':>13} "
          f"{'tools':>19} {'cards':>24} {'lowest':>6}  problems")
    for r in rows:
        problems = r["problems"] + [f"after Magic!: {p}" for p in r["after_problems"]]
        print(f"{r['screen']:>10} {r['window']:>10} {r['page']:>13} {r['share']:>6.0%} "
              f"{r['after_share']:>13.0%} {r['tools']:>19} {r['cards']:>24} "
              f"{r['lowest_button']:>6}  {'; '.join(problems) or 'none'}")
    print(json.dumps(rows))
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
