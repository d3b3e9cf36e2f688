"""Magic colours across data sets: each colour index guessing on the pictures of the *other* data
sets, the way a child's drawing is foreign to every index.

A style's own validation split is small (47 to 61 pictures) and drawn like its index, so it
flatters the index built from the same set: with Sticker as the renderer, Noto's own index took
the colour match on Noto's val+test from 0.17 to 0.33, and on OpenMoji's drawn line art it
lowered it from 0.21 to 0.14, below no guessing at all. Here every index meets only pictures of sets it was not built from (500 pictures, each
guessed by two foreign indexes), finished by one renderer style, so two guess settings or two
indexes are compared on something closer to what children bring. The renderer defaults to
Sticker: it paints a guessed colour flat into the shape, so its pictures show the guesses.

    icanvas colours sticker --data noto --out noto.colours.safetensors    # Noto's own index
    python scripts/measure_index_transfer.py models/sticker.colours.safetensors \\
        models/emoji.colours.safetensors noto.colours.safetensors
    python scripts/measure_index_transfer.py INDEX... --guess neighbours=8 --guess line_weight=0

The last line gives the change of the mean colour match with its paired bootstrap interval
(`training/uncertainty.py`): with `--guess`, against the default settings on the same pictures;
without, Magic colours against no guesses. A change whose interval holds zero is within the
noise of these 500 pictures.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import fields, replace
from pathlib import Path

import numpy as np

from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.ml.colour_guess import GuessConfig, load_index
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training import datasets
from icanvas_desktop.training.evaluate import (figures, finish, hue_verdicts, run_model, test_inputs, to_u8,
                                               with_magic_colours)
from icanvas_desktop.training.uncertainty import mean_hue_match_change


def guess_config(pairs: list[str]) -> GuessConfig:
    """GuessConfig with `name=value` changes, each value typed like the field's default."""
    cfg = GuessConfig()
    types = {f.name: type(getattr(cfg, f.name)) for f in fields(GuessConfig)}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key not in types:
            raise SystemExit(f"GuessConfig has no setting {key!r} (it has: {', '.join(types)})")
        cfg = replace(cfg, **{key: types[key](value)})
    return cfg


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("indexes", nargs="+", help="colour index files; each names the data set it was built from")
    ap.add_argument("--renderer", default="models/sticker.safetensors", help="a style that takes hints")
    ap.add_argument("--split", default="val+test")
    ap.add_argument("--guess", action="append", default=[], help="a GuessConfig change, name=value")
    args = ap.parse_args()
    cfg = guess_config(args.guess)
    model, meta = load_style(Path(args.renderer), "cpu")
    spec = IOSpec.from_meta(meta["io"])
    if not spec.hints:
        raise SystemExit(f"{args.renderer} does not take colour hints, so it cannot show guesses")
    indexes = {}
    for p in args.indexes:
        index = load_index(p)
        indexes[index.meta.get("data", {}).get("dataset", Path(p).name)] = index
    results, groups = {}, []
    for target in indexes:
        data = datasets.load(datasets.default_cache() / target)
        idx = np.concatenate([data.split(s) for s in args.split.split("+")])
        x, t, inks = test_inputs(data, idx, spec, spec.size, True)
        plain_out = to_u8(finish(run_model(model, x), x, spec))
        plain = figures(plain_out, t, inks)["hue_match"]
        families, plain_hits = hue_verdicts(plain_out, t)
        print(f"{target}: {len(x)} hand-drawn-like pictures, colour match without guesses {plain}")
        pairs = []
        for source, index in indexes.items():
            if source == target:
                continue

            def guessed(config):
                xm = with_magic_colours(x, index, spec, config)
                return to_u8(finish(run_model(model, xm), xm, spec))
            out = guessed(cfg)
            results[f"{source} -> {target}"] = figures(out, t, inks)["hue_match"]
            base = hue_verdicts(guessed(GuessConfig()), t)[1] if args.guess else plain_hits
            pairs.append((base, hue_verdicts(out, t)[1]))
            print(f"  index of {source:10s} {results[f'{source} -> {target}']}")
        groups.append((families, pairs))
    print("mean over pairs", round(float(np.mean(list(results.values()))), 3), json.dumps(results))
    print(f"change against {'the default settings' if args.guess else 'no guesses'}:", mean_hue_match_change(groups))


if __name__ == "__main__":
    main()
