"""`icanvas animate PICTURE_OR_SKETCH --motion NAME --out FILE.gif [--style NAME]`.

A picture (a Magic picture, a gallery creation's PNG) moves as it is. A sketch (a scanned or
photographed drawing, black lines on white: see `figure.looks_like_sketch`) is first made
into a picture by the style, the way `icanvas render` does. `--sketch` or `--picture` says
which it is when the guess would be wrong. Every problem is one line on stderr and a non-zero
exit status: 2 for what the input or the options say, 1 when the file cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable


def animate_command(ns, engine: Callable[[], object]) -> int:
    """Run the command for parsed arguments `ns`; `engine()` gives a loaded engine (only
    called for a sketch, so a picture never waits for a style to load)."""
    from icanvas_desktop.core.atomic import StorageError
    from icanvas_desktop.core.readers import UnreadableFile, read_picture
    from icanvas_desktop.motion import MOTIONS
    from icanvas_desktop.motion.animate import Animation, format_for, save_animation
    from icanvas_desktop.motion.figure import MotionError, looks_like_sketch

    def fail(message: str, code: int = 2) -> int:
        print(f"icanvas: {message}", file=sys.stderr)
        return code

    src, out = Path(ns.picture), Path(ns.out)
    if ns.motion not in MOTIONS:
        return fail(f"unknown motion {ns.motion!r}; choose one of {', '.join(MOTIONS)}")
    if ns.frames < 2 or ns.fps <= 0 or ns.size < 16:
        return fail("--frames must be at least 2, --fps above 0 and --size at least 16")
    try:
        format_for(out)
    except ValueError as err:
        return fail(str(err))
    try:
        picture = read_picture(src)          # size-capped, known formats only, any fault is one reason
    except UnreadableFile as err:
        return fail(f"{src}: not a readable picture ({err.reason})")
    sketch = ns.kind == "sketch" or (ns.kind == "auto" and looks_like_sketch(picture))
    if sketch:
        picture = engine().render_raster(picture, max(512, ns.size))
    try:
        animation = Animation(picture, ns.size)
        frames = list(animation.frames(ns.motion, ns.frames))
        save_animation(frames, out, ns.fps)
    except MotionError as err:
        return fail(f"{src}: {err}")
    except StorageError as err:
        return fail(f"{out}: cannot be written ({err.reason})", 1)
    except OSError as err:
        return fail(f"{out}: cannot be written ({err.strerror or err})", 1)
    if ns.motion == "walk" and not animation.can_walk:
        print(f"icanvas: {src}: no legs to walk on were found, so it hops", file=sys.stderr)
    print(out)
    return 0


def add_arguments(sp, engine_args: Callable) -> None:
    """The command's options on its sub-parser (`engine_args` adds --device/--threads/--backend)."""
    from icanvas_desktop.motion import MOTIONS
    sp.add_argument("picture", help="a picture, or a sketch (rendered by the style first)")
    sp.add_argument("--motion", default="bounce", choices=MOTIONS)
    sp.add_argument("--out", required=True, help="the moving picture: .gif, .png (APNG) or .webp")
    sp.add_argument("--style", help="style that renders a sketch (default: the first style)")
    sp.add_argument("--frames", type=int, default=30, help="frames in the loop (default 30: 2 s at 15 fps)")
    sp.add_argument("--fps", type=float, default=15.0)
    sp.add_argument("--size", type=int, default=512, help="long side of the frames, in pixels")
    kind = sp.add_mutually_exclusive_group()
    kind.add_argument("--sketch", dest="kind", action="store_const", const="sketch",
                      help="it is a sketch: render it first")
    kind.add_argument("--picture", dest="kind", action="store_const", const="picture",
                      help="it is a finished picture: move it as it is")
    sp.set_defaults(kind="auto")
    engine_args(sp)
