"""Crash stress for the gallery: save creations in a child process, SIGKILL it at random moments.

After every kill the gallery is opened afresh and every creation whose `add` had returned (the
child prints its id, flushed, right after `add` returns) must be listed and byte-identical to
what was saved. Prints the figures; exit status 1 if anything promised was lost or damaged.

    nice -n 19 python scripts/stress_gallery_crash.py --kills 200
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402


def make_creation(seed: int):
    """A deterministic creation: the parent regenerates it from the seed to compare."""
    rnd = random.Random(seed)
    strokes = []
    t = 0.0
    for _ in range(rnd.randint(1, 40)):
        pts = []
        x, y = rnd.uniform(0, 640), rnd.uniform(0, 480)
        for _ in range(rnd.randint(2, 60)):
            x, y, t = x + rnd.uniform(-9, 9), y + rnd.uniform(-9, 9), t + 0.016
            pts.append({"x": x, "y": y, "pressure": rnd.random(), "t": t})
        strokes.append({"kind": "line", "width": 8.0, "color": [0, 0, 0], "points": pts})
    sketch = Image.new("RGB", (640, 480), "white")
    result = Image.new("RGB", (768, 576), tuple(rnd.randrange(256) for _ in range(3)))
    ds, dr = ImageDraw.Draw(sketch), ImageDraw.Draw(result)
    for s in strokes:
        xy = [(p["x"], p["y"]) for p in s["points"]]
        ds.line(xy, fill="black", width=4)
        dr.line([(x * 1.2, y * 1.2) for x, y in xy], fill=tuple(rnd.randrange(256) for _ in range(3)), width=12)
    # Noise so the PNG is big enough for a kill to land mid-write.
    noise = Image.frombytes("RGB", (256, 128), rnd.randbytes(256 * 128 * 3))
    result.paste(noise, (rnd.randrange(500), rnd.randrange(440)))
    return sketch, result, strokes, f"style{seed % 3}", f"kid{seed % 2}"


def child(root: str, seed0: int) -> None:
    from icanvas_desktop.core.gallery import Gallery
    gallery = Gallery(root)
    print("ready", flush=True)
    seed = seed0
    while True:
        sketch, result, strokes, style, profile = make_creation(seed)
        t0 = time.perf_counter()
        entry_id = gallery.add(sketch, result, strokes, style, profile)
        print(f"{entry_id} {seed} {time.perf_counter() - t0:.4f}", flush=True)
        seed += 1


def verify(root: Path, promised: dict[str, int], compare: set[str]) -> tuple[list[str], list[str], object]:
    """(lost ids, damaged ids, gallery) for a freshly opened gallery: every promised id must be
    listed; those in `compare` are also opened and compared byte for byte."""
    from icanvas_desktop.core.gallery import Gallery, GalleryError
    gallery = Gallery(root)
    listed = {e.id for e in gallery.list()}
    lost, damaged = [], []
    for entry_id, seed in promised.items():
        if entry_id not in listed:
            lost.append(entry_id)
            continue
        if entry_id not in compare:
            continue
        sketch, result, strokes, style, profile = make_creation(seed)
        try:
            c = gallery.load(entry_id)
        except (GalleryError, KeyError):
            damaged.append(entry_id)
            continue
        same = (c.sketch.tobytes() == sketch.tobytes() and c.result.tobytes() == result.tobytes()
                and json.dumps(c.strokes) == json.dumps(strokes) and c.style == style and c.profile == profile)
        if not same:
            damaged.append(entry_id)
    return lost, damaged, gallery


def run(kills: int, root: Path, seed: int = 1, max_delay: float = 0.6, verify_every: int = 1) -> dict:
    rnd = random.Random(seed)
    promised: dict[str, int] = {}
    add_times: list[float] = []
    lost_total: set[str] = set()
    damaged_total: set[str] = set()
    problems = 0
    t_start = time.time()
    for k in range(kills):
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(root), str(seed * 10**7 + k * 1000)],
                                stdout=subprocess.PIPE, text=True, bufsize=1)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        reader.start()
        while not lines and proc.poll() is None:
            time.sleep(0.005)
        time.sleep(rnd.uniform(0, max_delay))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join()
        if not lines or lines[0].strip() != "ready":
            raise SystemExit(f"child failed to start: {lines!r}")
        new = set()
        for line in lines[1:]:
            parts = line.split()
            if len(parts) == 3:      # a line cut short by the kill was never a promise
                promised[parts[0]] = int(parts[1])
                add_times.append(float(parts[2]))
                new.add(parts[0])
        if (k + 1) % verify_every == 0 or k == kills - 1:
            # New ones and a sample of old ones byte for byte each round; everything at the end.
            compare = set(promised) if k == kills - 1 else new | set(rnd.sample(sorted(promised), min(20, len(promised))))
            lost, damaged, gallery = verify(root, promised, compare)
            lost_total.update(lost)
            damaged_total.update(damaged)
            problems += len(gallery.take_problems())
    from icanvas_desktop.core.gallery import Gallery
    gallery = Gallery(root)
    listed = len(gallery.list())
    staging = len(list((root / ".staging").iterdir())) if (root / ".staging").exists() else 0
    add_times.sort()
    return {
        "kills": kills, "promised": len(promised), "listed": listed,
        "lost": len(lost_total), "damaged": len(damaged_total),
        "unpromised_but_complete": listed - len(promised) + len(lost_total),
        "staging_leftovers": staging, "problems_reported": problems,
        "add_ms_median": round(1000 * add_times[len(add_times) // 2], 1) if add_times else None,
        "add_ms_p95": round(1000 * add_times[int(len(add_times) * 0.95)], 1) if add_times else None,
        "seconds": round(time.time() - t_start, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--root", type=Path, default=None, help="gallery folder (default: a fresh temp folder)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-delay", type=float, default=0.6, help="longest wait before a kill, seconds")
    ap.add_argument("--child", nargs=2, metavar=("ROOT", "SEED"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    if args.root is None:
        with tempfile.TemporaryDirectory(prefix="icanvas-stress-") as tmp:
            figures = run(args.kills, Path(tmp), args.seed, args.max_delay)
    else:
        figures = run(args.kills, args.root, args.seed, args.max_delay)
    for key, value in figures.items():
        print(f"{key}: {value}")
    return 0 if figures["lost"] == 0 and figures["damaged"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
