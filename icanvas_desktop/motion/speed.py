"""How fast a picture starts to move: the motion figures of `icanvas bench`.

Two figures per picture, each the median of several runs on this machine, now:

- first frame: from the finished picture to the first frame of a motion, everything that
  comes before it included (cutting the picture into parts, the meshes, the first pose);
- loop: the same, up to the last frame of the two-second loop (30 frames at 15 fps).

Measured on the bench drawing (the house and its sun) for every motion, and on the dog for
walking on legs (the house has none, so its walk is a hop). Both pictures are made by the
engine the caller hands in, the way Magic! makes them.
"""

from __future__ import annotations

from icanvas_desktop.ml.bench import _median_ms, bench_drawing
from icanvas_desktop.motion import MOTIONS
from icanvas_desktop.motion.animate import FPS, FRAMES, Animation


def first_frame_ms(picture, motion: str, runs: int) -> float:
    return _median_ms(lambda: next(Animation(picture).frames(motion)), runs, warmup=0)


def loop_ms(picture, motion: str, runs: int) -> float:
    return _median_ms(lambda: list(Animation(picture).frames(motion, FRAMES)), runs, warmup=0)


def motion_bench(engine, runs: int = 5, log=print) -> dict:
    """The figures for pictures made by `engine` (a loaded ml.engine.Engine)."""
    from icanvas_desktop.motion.examples import dog
    house, walker = engine.final(bench_drawing()), engine.final(dog())
    still = Animation(house).still
    list(Animation(walker).frames("walk", 2))     # imports and first-use costs, once, unmeasured
    out: dict = {"frames": FRAMES, "fps": FPS, "size": list(still.size), "runs": runs,
                 "first_frame_ms": {}, "loop_ms": {}}
    for motion in MOTIONS:
        out["first_frame_ms"][motion] = first_frame_ms(house, motion, runs)
        out["loop_ms"][motion] = loop_ms(house, motion, runs)
        log(f"{'motion':>10} [{motion:>11}] first frame {out['first_frame_ms'][motion]:7.1f} ms"
            f"   {FRAMES}-frame loop {out['loop_ms'][motion]:7.1f} ms")
    out["walk_on_legs"] = {"first_frame_ms": first_frame_ms(walker, "walk", runs),
                           "loop_ms": loop_ms(walker, "walk", runs)}
    log(f"{'motion':>10} [ dog walks ] first frame {out['walk_on_legs']['first_frame_ms']:7.1f} ms"
        f"   {FRAMES}-frame loop {out['walk_on_legs']['loop_ms']:7.1f} ms")
    return out
