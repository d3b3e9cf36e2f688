"""A drawing survives kill -9: start iCanvas, draw, wait, SIGKILL it, start it again, compare.

The app is the real one (settings, profiles, the engine and the installed styles, AppShell),
started in a child process offscreen (or on $DISPLAY with --display), with HOME, the settings
and the gallery in a temporary folder. The child picks an animal and draws a house with real
mouse events, prints its strokes (flushed) and goes on running; the parent waits --wait seconds
after the last stroke, kills it with SIGKILL, starts the app again and reads what is on the
page. Prints per round how long after the last stroke the drawing was on disk; exit status 1
if any round lost a stroke.

    python scripts/crash_recovery.py                   # one round, killed 10 s after the last stroke
    python scripts/crash_recovery.py --rounds 5 --wait 3
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOUSE = [[(300, 400), (300, 650), (650, 650), (650, 400), (300, 400)],
         [(280, 410), (475, 250), (670, 410)],
         [(420, 650), (420, 540), (500, 540), (500, 650)]]


def child(mode: str, savedir: str) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer

    from icanvas_desktop.core.settings import load_settings
    from icanvas_desktop.ui.app import build_shell, create_application
    from icanvas_desktop.ui.selftest import mouse_stroke, wait_until

    app = create_application()
    shell = build_shell(load_settings({"savedir": savedir, "sound": False, "lang": "en"}))
    shell.present()

    def report(tag: str) -> None:
        strokes = [s.to_dict() for s in shell.window.drawing.strokes]
        print(tag, time.time(), json.dumps(strokes), flush=True)

    def draw() -> None:
        wait_until(lambda: shell.window.isVisible(), 30)
        if shell.session.profile is None:                    # first start: one tap on an animal
            next(iter(shell.picker.animal_buttons.values())).click()
        for line in HOUSE:
            mouse_stroke(shell.window.canvas, line)
        report("DRAWN")                                      # then it keeps running, till killed

    def look() -> None:
        report("PAGE")
        shell.shutdown()
        app.quit()

    QTimer.singleShot(0, draw if mode == "draw" else look)
    app.exec()


def start(mode: str, home: Path, display: bool) -> subprocess.Popen:
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               ICANVAS_SYSTEM_CONFIG="", ICANVAS_USER_CONFIG=str(home / "settings.toml"))
    if not display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.Popen([sys.executable, __file__, "--child", mode, str(home / "gallery")],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)


def line_from(proc: subprocess.Popen, tag: str, timeout: float) -> tuple[float, list]:
    end = time.monotonic() + timeout
    for line in proc.stdout:
        if line.startswith(tag + " "):
            _, when, strokes = line.split(" ", 2)
            return float(when), json.loads(strokes)
        if time.monotonic() > end:
            break
    raise RuntimeError(f"the app never said {tag} (exit status {proc.poll()})")


def one_round(wait: float, display: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="icanvas-crash-") as tmp:
        home = Path(tmp)
        proc = start("draw", home, display)
        try:
            drawn_at, drawn = line_from(proc, "DRAWN", 180)
            time.sleep(max(0.0, drawn_at + wait - time.time()))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        killed_after = time.time() - drawn_at
        drafts = list((home / "gallery" / "in-progress").glob("*.json"))
        written_after = (max(p.stat().st_mtime for p in drafts) - drawn_at) if drafts else None
        again = start("look", home, display)
        try:
            _, page = line_from(again, "PAGE", 180)
        finally:
            again.wait(60)
        return {"strokes": len(drawn), "killed_after_s": round(killed_after, 2),
                "on_disk_after_s": None if written_after is None else round(written_after, 2),
                "kill_status": proc.returncode, "same": page == drawn, "back": len(page)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--wait", type=float, default=10.0, help="seconds after the last stroke before the kill")
    ap.add_argument("--display", action="store_true", help="use $DISPLAY (e.g. Xvfb) instead of offscreen")
    ap.add_argument("--child", nargs=2, metavar=("MODE", "SAVEDIR"), help=argparse.SUPPRESS)
    ns = ap.parse_args(argv)
    if ns.child:
        child(*ns.child)
        return 0
    lost = 0
    for n in range(ns.rounds):
        r = one_round(ns.wait, ns.display)
        lost += not r["same"]
        print(f"round {n + 1}: drew {r['strokes']} strokes, on disk {r['on_disk_after_s']} s after the last, "
              f"killed ({r['kill_status']}) after {r['killed_after_s']} s, back after restart: "
              f"{r['back']} strokes, {'identical' if r['same'] else 'NOT the same'}", flush=True)
    print(f"{ns.rounds - lost} of {ns.rounds} drawings survived kill -9")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
