"""How different the styles look: the pairwise mean absolute difference of their pictures of
the same sketches, so that a child who taps another style sees another picture.

    python -m icanvas_desktop.training.distinct            # card sketches and doodles -> models/distinct.json
    python -m icanvas_desktop.training.distinct --doodles 60

The sketches are our eight card drawings (`core.sample_drawings`, as the app renders them) and
the hand-drawn Doodle Icons (`training.doodles`, as `icanvas render` renders them). Each picture
is compared in RGB in [0, 1] at 256 px on its long side, paper included, the way the child sees
it. `icanvas styles` prints the table that this writes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from icanvas_desktop.core.atomic import atomic_write_text

SIDE = 256
TARGET = 0.06           # every pair of styles should differ by at least this much (issue 19)


def table_path(models: Path) -> Path:
    return Path(models) / "distinct.json"


def card_pictures(engine) -> list[np.ndarray]:
    from icanvas_desktop.core.sample_drawings import SAMPLES
    return [np.asarray(engine.final(make(), SIDE).convert("RGB"), np.float32) / 255 for make in SAMPLES.values()]


def doodle_pictures(engine, doodles: dict[str, np.ndarray]) -> list[np.ndarray]:
    return [np.asarray(engine.render_raster(Image.fromarray(g), SIDE).convert("RGB"), np.float32) / 255
            for g in doodles.values()]


def pairwise(pictures: dict[str, list[np.ndarray]]) -> dict[tuple[str, str], float]:
    """{(a, b): mean over sketches of the mean absolute pixel difference}, for a < b in order."""
    out = {}
    for a, b in itertools.combinations(pictures, 2):
        out[(a, b)] = float(np.mean([np.abs(x - y).mean() for x, y in zip(pictures[a], pictures[b])]))
    return out


def measure(styles, doodles: dict[str, np.ndarray], log=print) -> dict:
    """Render every sketch through every style and compare them pair by pair."""
    from icanvas_desktop.ml.engine import Engine, EngineConfig
    cards, doods = {}, {}
    for style in styles:
        eng = Engine(EngineConfig(threads=0))
        eng.load_style(style)
        cards[style.name] = card_pictures(eng)
        doods[style.name] = doodle_pictures(eng, doodles) if doodles else []
        log(f"  {style.name}: rendered {len(cards[style.name])} card sketches, {len(doods[style.name])} doodles")
    pc, pd = pairwise(cards), pairwise(doods) if doodles else {}
    pairs = {f"{a}|{b}": {"cards": round(pc[(a, b)], 4), **({"doodles": round(pd[(a, b)], 4)} if pd else {})}
             for a, b in pc}
    return {"styles": [s.name for s in styles], "cards": len(next(iter(cards.values()), [])),
            "doodles": len(doodles), "side": SIDE, "target": TARGET, "pairs": pairs,
            "command": "python -m icanvas_desktop.training.distinct"}


def read_table(models: Path) -> dict | None:
    """The last measured table, or None when there is none or it is unreadable."""
    try:
        data = json.loads(table_path(models).read_text("utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("pairs"), dict) else None
    except (OSError, ValueError):
        return None


def differs_from(table: dict | None, name: str) -> dict:
    """{other style: {"cards": d, "doodles": d}} for one style, from a measured table."""
    out = {}
    for key, v in ((table or {}).get("pairs") or {}).items():
        a, _, b = key.partition("|")
        if name in (a, b) and isinstance(v, dict):
            out[b if a == name else a] = v
    return out


def describe(table: dict, names: list[str]) -> list[str]:
    """Lines for `icanvas styles`: each pair's difference, the smallest first, and whether
    the table still covers the installed styles."""
    lines = []
    rows = []
    for key, v in table["pairs"].items():
        a, _, b = key.partition("|")
        if a in names and b in names and isinstance(v, dict):
            worst = min(x for x in (v.get("cards"), v.get("doodles")) if isinstance(x, (int, float)))
            rows.append((worst, a, b, v))
    for worst, a, b, v in sorted(rows):
        parts = [f"{k} {v[k]:.3f}" for k in ("cards", "doodles") if isinstance(v.get(k), (int, float))]
        flag = "" if worst >= table.get("target", TARGET) else "  (looks alike)"
        lines.append(f"  {a} vs {b}: {', '.join(parts)}{flag}")
    missing = sorted(set(names) - set(table.get("styles", [])))
    if missing:
        lines.append(f"  not measured yet: {', '.join(missing)} (run {table.get('command', '')})")
    return lines


def main(argv: list[str] | None = None) -> int:
    from icanvas_desktop.ml.styles import discover_styles, shipped_models_dir
    from icanvas_desktop.training.datasets import default_cache
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doodles", type=int, default=None, help="only the first N doodles (default: all)")
    ap.add_argument("--no-doodles", action="store_true", help="the card sketches only (no npm fetch)")
    ap.add_argument("--out", help="where to write the table (default: models/distinct.json)")
    ns = ap.parse_args(argv)
    styles = discover_styles()
    doodles = {}
    if not ns.no_doodles:
        from icanvas_desktop.training.doodles import doodles as fetch_doodles
        doodles = fetch_doodles(default_cache())
        if ns.doodles is not None:
            doodles = dict(list(doodles.items())[:ns.doodles])
    table = measure(styles, doodles, log=lambda m: print(m, file=sys.stderr))
    out = Path(ns.out) if ns.out else table_path(shipped_models_dir())
    atomic_write_text(out, json.dumps(table, indent=1))
    for line in describe(table, table["styles"]):
        print(line)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
