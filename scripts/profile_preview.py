"""Where a live preview's time goes: each stage of `Engine.preview`, and each ONNX Runtime
operator of the network pass, for one installed style. Not a test: run it before and after a
change to the preview's path, on a quiet machine (a busy neighbour makes 2-thread runs 2-4x
slower), and compare with `icanvas bench`, which times the whole preview.

    python scripts/profile_preview.py [--style toy] [--threads 2] [--runs 30] [--json]

The stages are timed one at a time on the bench's house (`bench.bench_drawing`), each on the
previous stage's real output, so their sum is close to the whole preview but not equal to it (the
whole is timed too). Operator times come from ONNX Runtime's own profiler (`enable_profiling`);
`Reorder*` are its conversions to and from the blocked NCHWc layout that its convolutions use.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import tempfile

from icanvas_desktop.ml import preprocess as P
from icanvas_desktop.ml.backends import import_onnxruntime
from icanvas_desktop.ml.bench import _median_ms as median_ms, bench_drawing   # the bench's own timing
from icanvas_desktop.ml.engine import PREVIEW_LONG_SIDE, Engine, EngineConfig
from icanvas_desktop.ml.regions import find_shapes
from icanvas_desktop.ml.styles import discover_styles, find_style


def stages(eng: Engine, runs: int) -> dict[str, float]:
    """Median ms of each stage of one preview, in the order the engine runs them."""
    d, spec, size = bench_drawing(), eng.spec, eng.preview_size
    out: dict[str, float] = {}
    prep = P.prepare_drawing(d, spec, size)
    out["lines and hints in (prepare_drawing)"] = median_ms(lambda: P.prepare_drawing(d, spec, size), runs)
    shapes = find_shapes(P.ink_of(prep.x))
    out["shapes (find_shapes)"] = median_ms(lambda: find_shapes(P.ink_of(prep.x)), runs)
    if eng.has_magic_colours:
        out["Magic colours (guess + dots)"] = median_ms(lambda: eng._magic(prep, None, shapes, None), runs)
        prep = eng._magic(prep, None, shapes, None)[0]
    out["network"] = median_ms(lambda: eng.network(prep.x), runs)
    rgb = eng.network(prep.x)
    out["finishing (postprocess)"] = median_ms(lambda: P.postprocess(rgb, prep, spec, shapes), runs)
    done = P.postprocess(rgb, prep, spec, shapes)
    wh = P.output_size((d.width, d.height), PREVIEW_LONG_SIDE)
    overlay = None
    if spec.overlay_lines:
        out["the child's lines (drawing_overlay)"] = median_ms(lambda: P.drawing_overlay(d, wh, True), runs)
        overlay = P.drawing_overlay(d, wh, True)
    out["placing (compose)"] = median_ms(lambda: P.compose(done, prep, wh, overlay, True, spec.line_colour), runs)
    out["sum of the stages"] = round(sum(out.values()), 2)
    out["whole preview"] = median_ms(lambda: eng.preview(d), runs)
    return out


def operators(onnx_path, size: int, channels: int, threads: int, runs: int) -> dict[str, dict]:
    """Per operator type: mean ms per network pass and how many nodes of it ran."""
    import numpy as np
    ort = import_onnxruntime()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads, opts.inter_op_num_threads = threads, 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.enable_profiling = True
    with tempfile.TemporaryDirectory() as tmp:
        opts.profile_file_prefix = os.path.join(tmp, "ort")
        session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        x = {session.get_inputs()[0].name: np.random.default_rng(0).uniform(-1, 1, (1, channels, size, size))
             .astype(np.float32)}
        for _ in range(runs):
            session.run(None, x)
        with open(session.end_profiling()) as f:
            events = json.load(f)
    total, count = collections.Counter(), collections.Counter()
    for e in events:
        if e.get("cat") == "Node" and e.get("name", "").endswith("_kernel_time"):
            op = e["args"]["op_name"]
            total[op] += e["dur"]
            count[op] += 1
    return {op: {"ms": round(us / runs / 1000, 2), "nodes": count[op] // runs} for op, us in total.most_common()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--style", default="toy")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--json", action="store_true")
    ns = ap.parse_args(argv)
    style = find_style(ns.style, discover_styles())
    if style is None:
        ap.error(f"no installed style is called {ns.style!r}")
    eng = Engine(EngineConfig(threads=ns.threads, backend="onnx"))
    eng.load_style(style)
    result = {"style": style.name, "preview_size": eng.preview_size, "backend": eng.backend_name,
              "stages_ms": stages(eng, ns.runs)}
    if style.onnx_path is not None:
        result["operators"] = operators(style.onnx_path, eng.preview_size, eng.spec.in_channels, ns.threads, ns.runs)
    if ns.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{style.name}: preview at {eng.preview_size}² on {eng.backend_name}, {ns.threads} threads, medians")
    for name, ms in result["stages_ms"].items():
        print(f"  {name:<40} {ms:7.2f} ms")
    if "operators" in result:
        print("  the network pass by operator (ONNX Runtime's profiler):")
        for op, fig in result["operators"].items():
            print(f"    {op:<24} {fig['ms']:6.2f} ms  ({fig['nodes']} nodes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
