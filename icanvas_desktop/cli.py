"""The `icanvas` command (and `python -m icanvas_desktop`).

With no sub-command it starts the app for a child. Sub-commands do the grown-up work
headless: render sketches, list styles, benchmark this PC, import or export models, build
data sets, train and evaluate styles. Heavy modules are imported inside each command, so
`icanvas styles` answers instantly and the app starts without loading torch on the UI thread.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _styles_cmd(ns) -> int:
    from icanvas_desktop.ml.styles import discover_styles, other_colours_data, shipped_models_dir
    from icanvas_desktop.training.distinct import describe, differs_from, read_table
    problems: list[str] = []
    styles = discover_styles(problems=problems)
    table = read_table(shipped_models_dir())     # how different they look, as last measured
    if ns.json:
        print(json.dumps([{"name": s.name, "title": s.title, "description": s.description,
                           "license": s.license, "attribution": s.attribution, "takes_hints": s.takes_hints,
                           "metrics": s.metrics, "path": str(s.path), "onnx": bool(s.onnx_path),
                           "magic_colours": bool(s.colours_path), "magic_colours_data": s.colours_data,
                           "shipped": s.shipped, "differs_from": differs_from(table, s.name)}
                          for s in styles], ensure_ascii=False, indent=1))
    else:
        for i, s in enumerate(styles):
            default = " (default)" if i == 0 else ""
            m = s.metrics.get("augmented", {})
            quality = f"SSIM {m['ssim']:.3f} on hand-drawn-like sketches" if "ssim" in m else "not evaluated"
            magic = "; Magic colours" if s.colours_path else ""
            other = other_colours_data(s)
            if other:
                magic += f" (from {other['dataset']} pictures, {other.get('license', '')})"
            print(f"{s.name}{default}: {s.display_title('en')} / {s.display_title('ko')} — {s.license}; "
                  f"{quality}{magic}")
        if not styles:
            print("no styles installed", file=sys.stderr)
        elif table and len(styles) > 1:
            print("How different they look (mean absolute difference of the same sketches, 0..1):")
            for line in describe(table, [s.name for s in styles]):
                print(line)
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    return 0


def _engine(ns):
    from icanvas_desktop.ml.engine import Engine, EngineConfig, StyleLoadError
    from icanvas_desktop.ml.styles import discover_styles, find_style
    styles = discover_styles()
    try:
        style = find_style(ns.style, styles) if ns.style else styles[0]
    except (KeyError, IndexError) as err:
        raise SystemExit(f"icanvas: {err.args[0] if err.args else 'no styles installed'}")
    eng = Engine(EngineConfig(device=ns.device, threads=ns.threads, backend=ns.backend))
    try:
        eng.load_style(style)
    except StyleLoadError as err:
        raise SystemExit(f"icanvas: {err}")
    return eng


# `render --size`: a smaller picture shows nothing, and memory grows with the square of the
# size (peak 0.17 GB at 512 and 0.46 GB at 4096 with ONNX Runtime, measured by
# `/usr/bin/time -f %M icanvas render sketch.png --out o --size N`); 100000 was killed at 21 GB.
RENDER_SIZES = (64, 4096)


def _render_plan(ns) -> list[tuple[Path, Path]] | str:
    """Each sketch with the file its picture goes to, checked before any work starts; a line
    for the user instead when the size, the folder or the files cannot be used as given."""
    low, high = RENDER_SIZES
    if not low <= ns.size <= high:
        return f"--size {ns.size}: the long side must be {low} to {high} pixels"
    out = Path(ns.out)
    if out.exists() and not out.is_dir():
        return f"--out {out}: this is a file; --out names the folder the pictures go into"
    sketches = [Path(s) for s in ns.sketch]
    plan, taken = [], {}
    for src in sketches:
        target = out / f"{src.stem}.png"
        # resolve: "sub/.." is the folder itself even before sub exists (mkdir makes sub);
        # samefile, not names: it sees through links and case-insensitive disks
        real = target.resolve()
        hit = next((s for s in sketches if real.exists() and s.exists() and os.path.samefile(real, s)), None)
        if hit is not None:
            return f"{src}: its picture would be written over the sketch {hit}; choose another --out folder"
        key = os.path.normcase(real)
        if key in taken:
            return f"{taken[key]} and {src} would both become {target}; render them into different folders"
        taken[key] = src
        plan.append((src, target))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return f"--out {out}: the folder cannot be made ({err.strerror or err})"
    return plan


def _render_cmd(ns) -> int:
    from icanvas_desktop.core.readers import UnreadableFile, read_picture
    plan = _render_plan(ns)
    if isinstance(plan, str):
        print(f"icanvas: {plan}", file=sys.stderr)
        return 2
    eng = _engine(ns)
    failed = 0
    for src, target in plan:
        try:
            pic = eng.render_raster(read_picture(src), ns.size)
        except UnreadableFile as err:
            print(f"icanvas: {src}: not a readable picture ({err.reason})", file=sys.stderr)
            failed += 1
            continue
        try:
            pic.save(target)
        except OSError as err:
            print(f"icanvas: {target}: cannot be written ({err.strerror or err})", file=sys.stderr)
            failed += 1
            continue
        print(target)
    return 1 if failed else 0


def _animate_cmd(ns) -> int:
    from icanvas_desktop.motion.command import animate_command
    return animate_command(ns, lambda: _engine(ns))


def _bench_cmd(ns) -> int:
    from icanvas_desktop.ml.bench import run_bench
    log = (lambda *a: print(*a, file=sys.stderr)) if ns.json else print
    result = run_bench(threads=ns.threads, runs=ns.runs, backends=ns.backend and [ns.backend], log=log)
    if ns.json:
        print(json.dumps(result))
    return 0


def _import_cmd(ns) -> int:
    from icanvas_desktop.ml.pix2pix_import import import_pix2pix
    from icanvas_desktop.ml.style_meta import CheckpointError
    from icanvas_desktop.ml.styles import user_models_dir
    try:
        out = import_pix2pix(ns.pth, ns.name, ns.norm, ns.out or user_models_dir(), ns.title)
    except CheckpointError as err:
        print(f"icanvas: {err}", file=sys.stderr)
        return 2
    print(out)
    return 0


def _export_cmd(ns) -> int:
    from icanvas_desktop.ml.onnx_export import export_onnx
    from icanvas_desktop.ml.styles import discover_styles, find_style
    path = Path(ns.style)
    if not path.exists():
        path = find_style(ns.style, discover_styles()).path
    print(export_onnx(path))
    return 0


def _data_cmd(ns) -> int:
    from icanvas_desktop.training.datasets import build, default_cache
    out = build(ns.name, Path(ns.cache) if ns.cache else default_cache(),
                Path(ns.source) if ns.source else None, ns.out_name, ns.limit,
                progress=lambda i: i % 200 == 0 and print(f"  {i} pairs", file=sys.stderr))
    print(out)
    return 0


def _train_cmd(ns) -> int:
    from icanvas_desktop.training.config import TrainConfig
    from icanvas_desktop.training.datasets import default_cache
    from icanvas_desktop.training.train import train
    cfg = TrainConfig.from_file(ns.config)
    data = Path(ns.data) if ns.data else default_cache() / cfg.dataset
    # One work folder per recipe (not per style), so a follow-up recipe of the same style
    # never resumes the first recipe's checkpoint.
    work = Path(ns.work) if ns.work else default_cache().parent / "train" / Path(ns.config).stem
    print(train(cfg, data, work, Path(ns.out) if ns.out else None, ns.device, Path(ns.config).name))
    return 0


def _eval_cmd(ns) -> int:
    from icanvas_desktop.training.evaluate_cli import evaluate_style
    result = evaluate_style(ns.style, Path(ns.data) if ns.data else None, ns.sheet, ns.limit, write=not ns.dry_run)
    print(json.dumps(result, indent=1))
    return 0


def _colours_cmd(ns) -> int:
    from icanvas_desktop.ml.colour_guess import colours_path
    from icanvas_desktop.ml.style_meta import read_metadata
    from icanvas_desktop.training.colour_index import add_subjects, build_index, write_index
    from icanvas_desktop.training.datasets import default_cache
    from icanvas_desktop.training.evaluate_cli import style_path
    path = style_path(ns.style)
    if not read_metadata(path).get("io", {}).get("hints"):
        print(f"{path.name} takes no colour hints: Magic colours reaches the network as hints, so it "
              "cannot use an index", file=sys.stderr)
        return 2
    # --data: a folder, or the name of a data set in the cache (Soft's index is Twemoji's)
    name = ns.data or read_metadata(path).get("data", {}).get("dataset", "")
    data = Path(ns.data) if ns.data and Path(ns.data).is_dir() else default_cache() / name
    try:
        index, palette, layouts = build_index(data, ns.dedupe)
    except FileNotFoundError as err:
        print(f"icanvas colours: {err}", file=sys.stderr)
        return 2
    index, palette, layouts = add_subjects(index, palette, layouts, ns.subjects, margin=ns.subject_margin)
    print(write_index(index, palette, layouts, Path(ns.out) if ns.out else colours_path(path)))
    return 0


def _publish_cmd(ns) -> int:
    from icanvas_desktop.ml.styles import shipped_models_dir
    from icanvas_desktop.training.publish import publish
    ok, msg = publish(Path(ns.trained), Path(ns.models) if ns.models else shipped_models_dir(), ns.force, ns.limit)
    print(msg, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1     # a script or CI that publishes must see that nothing shipped


def build_parser() -> argparse.ArgumentParser:
    from icanvas_desktop.core.settings import add_settings_arguments
    p = argparse.ArgumentParser(prog="icanvas", description="iCanvas Desktop: draw, and watch it come alive.")
    p.add_argument("--self-test", action="store_true", help="open the app offscreen, draw, press Magic, check")
    p.add_argument("--screenshot", metavar="FILE", help="with --self-test: save a screenshot of the window")
    add_settings_arguments(p)
    sub = p.add_subparsers(dest="command")

    def engine_args(sp):
        sp.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
        sp.add_argument("--threads", type=int, default=0, help="0 = automatic")
        sp.add_argument("--backend", default="auto", choices=["auto", "torch", "onnx"])

    sp = sub.add_parser("render", help="turn sketch pictures into pictures, headless")
    sp.add_argument("sketch", nargs="+")
    sp.add_argument("--style", help="style name (default: the first style)")
    sp.add_argument("--out", required=True, help="output folder")
    sp.add_argument("--size", type=int, default=512,
                    help=f"long side of the output, {RENDER_SIZES[0]} to {RENDER_SIZES[1]} pixels")
    engine_args(sp)
    sp.set_defaults(fn=_render_cmd)

    sp = sub.add_parser("animate", help="make a picture (or a sketch, rendered first) move: a GIF")
    from icanvas_desktop.motion.command import add_arguments as animate_args
    animate_args(sp, engine_args)
    sp.set_defaults(fn=_animate_cmd)

    sp = sub.add_parser("styles", help="list installed styles, licences and measured quality")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(fn=_styles_cmd)

    sp = sub.add_parser("bench", help="measure how fast this PC makes pictures")
    sp.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    sp.add_argument("--threads", type=int, default=0, help="0 = every core")
    sp.add_argument("--runs", type=int, default=20)
    sp.add_argument("--backend", choices=["torch", "onnx"], default=None, help="only this backend")
    sp.set_defaults(fn=_bench_cmd)

    sp = sub.add_parser("import-pix2pix", help="convert a public pix2pix generator (.pth) into a style")
    sp.add_argument("pth")
    sp.add_argument("--name", required=True)
    sp.add_argument("--norm", choices=["batch", "instance"], default="batch")
    sp.add_argument("--title")
    sp.add_argument("--out", help="folder (default: the user models folder)")
    sp.set_defaults(fn=_import_cmd)

    sp = sub.add_parser("export-onnx", help="write the ONNX graph beside a style")
    sp.add_argument("style", help="style name or .safetensors path")
    sp.set_defaults(fn=_export_cmd)

    sp = sub.add_parser("data", help="data sets for training")
    dsub = sp.add_subparsers(dest="data_command", required=True)
    bp = dsub.add_parser("build", help="fetch, render, split and cache a data set")
    bp.add_argument("name", help="openmoji | twemoji | noto | pix2pix-ab | paired-folders | pictures")
    bp.add_argument("--from", dest="source", help="local folder, for the generic formats")
    bp.add_argument("--cache", help="cache folder (default: the user cache)")
    bp.add_argument("--out-name", help="folder name in the cache (default: NAME)")
    bp.add_argument("--limit", type=int)
    bp.set_defaults(fn=_data_cmd)

    sp = sub.add_parser("colours", help="build the Magic colours index beside a style that takes hints")
    sp.add_argument("style", help="style name or .safetensors path")
    sp.add_argument("--data", help="data set folder or name in the cache (default: the style's own)")
    sp.add_argument("--dedupe", type=float, default=0.95, help="line-art IoU that makes two pictures one")
    sp.add_argument("--subjects", type=int, default=0,
                    help="add this many subjects drawn as children draw them (trees; the shipped styles use 600)")
    sp.add_argument("--subject-margin", type=float, default=0.15,
                    help="how much better than the data's pictures a drawn subject must match "
                         "(choose with scripts/measure_drawn_subjects.py)")
    sp.add_argument("--out", help="output file (default: NAME.colours.safetensors beside the style)")
    sp.set_defaults(fn=_colours_cmd)

    sp = sub.add_parser("train", help="train a style from a recipe (TOML)")
    sp.add_argument("config")
    sp.add_argument("--data", help="built data set folder (default: cache/<dataset>)")
    sp.add_argument("--work", help="work folder: checkpoints, contact sheets (resumes from it)")
    sp.add_argument("--out", help="where to write the style (.safetensors)")
    sp.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    sp.set_defaults(fn=_train_cmd)

    sp = sub.add_parser("eval", help="measure a style on the clean and hand-drawn-like test split")
    sp.add_argument("style", help="style name or .safetensors path")
    sp.add_argument("--data", help="built data set folder (default: the one the style was trained on)")
    sp.add_argument("--sheet", help="contact sheet PNG (default: beside the style)")
    sp.add_argument("--limit", type=int)
    sp.add_argument("--dry-run", action="store_true", help="do not write figures into the style")
    sp.set_defaults(fn=_eval_cmd)

    sp = sub.add_parser("publish", help="evaluate a trained style and ship it into models/ if it is better")
    sp.add_argument("trained", help="the trained .safetensors")
    sp.add_argument("--models", help="models folder (default: the shipped one)")
    sp.add_argument("--force", action="store_true", help="ship even if it does not beat the shipped one")
    sp.add_argument("--limit", type=int, help="evaluate on the first N test pictures only")
    sp.set_defaults(fn=_publish_cmd)
    return p


def main(argv: list[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    if ns.self_test:
        from icanvas_desktop.ui.selftest import run_self_test
        return run_self_test(Path(ns.screenshot) if ns.screenshot else None, ns.lang or "en")
    if ns.command:
        return ns.fn(ns)
    from icanvas_desktop.ui.app import run_app_from_args
    return run_app_from_args(ns)
