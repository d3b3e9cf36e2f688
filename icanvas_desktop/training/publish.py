"""`icanvas publish STYLE`: evaluate a trained style and ship it into `models/` with its card.

One reproducible step: measure (figures into the metadata), compare with the style already
shipped under that name (weights are replaced only when they are better: git history is
forever), export the ONNX graph, render the pictures (card sample, the project's own
hand-drawn sketches, colour-hint demo) and write the model card.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.core.raster import sketch_image
from icanvas_desktop.core.sample_drawings import CAR_HINT_SCRIBBLE, KNOWN_COLOURS, SAMPLES, car, with_hint
from icanvas_desktop.ml.checkpoint import update_metadata
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.style_meta import read_metadata
from icanvas_desktop.ml.styles import other_colours_data, style_from_file
from icanvas_desktop.training.evaluate import colour_name, hue_spread
from icanvas_desktop.training.evaluate_cli import evaluate_style


SCORED = ("ssim", "line_recall", "line_precision", "spill", "hue_match")
# A new version must win by more than this. A run once won by 0.0009 while its colours were
# plainly more uniform (sticker_bare.toml); a tie on one number is not worth new weights in
# the repository's history.
MARGIN = 0.005


def known_share(colours: dict[str, str]) -> float:
    """The share of the sketches with a colour every child knows (a red or pink heart, a yellow
    or orange sun, a green tree) that get it, counting a subject only when its colour is not the
    colour of most of the sketches: a style that paints everything orange does not know that the
    sun is orange (the Soft shipped until 2026-11-24, orange on five of eight, scored its sun that way)."""
    names = list(colours.values())
    known = [colours.get(n) in ok and 2 * names.count(colours[n]) <= len(names)
             for n, ok in KNOWN_COLOURS.items()]
    return round(sum(known) / len(known), 3)


def score(metrics: dict) -> float:
    """One number to compare two versions of a style: quality on hand-drawn-like input
    (SSIM, following the lines), colours that belong to the subject (a quarter weight: a
    network that paints everything one safe colour scores well on SSIM alone), minus colour
    spilled on the paper, plus the share of the project's own hand-drawn sketches that come
    out coloured rather than grey, and the share of them whose subject has a colour every
    child knows (heart, sun, tree) and gets it (`known_share`, recounted from the stored
    colour names, so a style measured before the rule is scored by it too). The test split
    is emoji line art; the sketches are what children draw, and a version that scores
    better on the first can still turn the second grey (it happened: see the README). The
    sketches' hue spread is reported but not scored: on eight pictures it rewards any
    variety, and a run that painted everything teal and one tree red looked "varied" to it."""
    a, sk = metrics.get("augmented", {}), metrics.get("sketches", {})
    if not all(k in a for k in SCORED) or not all(k in sk for k in ("coloured", "as_known")):
        return float("-inf")
    known = known_share(sk["colours"]) if isinstance(sk.get("colours"), dict) else sk["as_known"]
    f1 = 2 * a["line_recall"] * a["line_precision"] / max(1e-6, a["line_recall"] + a["line_precision"])
    return (a["ssim"] + 0.5 * f1 + 0.25 * a["hue_match"] - a["spill"] + 0.2 * sk["coloured"]
            + 0.2 * known)


def measure(style_path: Path, limit: int | None = None) -> dict:
    """Test-split figures and sketch colours, written into the style file; returns them."""
    result = evaluate_style(str(style_path), limit=limit, write=False)
    result["sketches"] = sketch_colours(style_path)
    update_metadata(style_path, metrics=result)  # one rewrite of the file, with both
    return result


def sketch_colours(style_path: Path) -> dict:
    """Our own hand-drawn sketches have no true picture, but they show whether different
    subjects get different colours: each picture's colour named, the share that is not
    grey, the share of subjects with a colour every child knows that get it (a red or pink
    heart, a yellow or orange sun, a green tree), the hue spread across them, and the share
    whose finished picture has the colour that the live preview showed while drawing."""
    eng = Engine(EngineConfig(backend="torch"))
    eng.load_style(style_from_file(style_path))
    pics = np.stack([np.asarray(eng.final(f(), 512).convert("RGB")) for f in SAMPLES.values()])
    names = {n: colour_name(p) for n, p in zip(SAMPLES, pics)}
    previews = {n: colour_name(np.asarray(eng.preview(f()).convert("RGB"))) for n, f in SAMPLES.items()}
    return {"colours": names, "coloured": round(sum(v != "grey" for v in names.values()) / len(names), 3),
            "as_known": known_share(names),
            "hue_spread": round(hue_spread(pics), 3),
            "preview_agrees": round(sum(previews[n] == names[n] for n in names) / len(names), 3)}


def _tile(img: Image.Image, label: str, size=(256, 192)) -> Image.Image:
    t = img.convert("RGB").resize(size, Image.LANCZOS)
    ImageDraw.Draw(t).text((6, 4), label, fill=(90, 90, 90))
    return t


def _grid(rows: list[list[Image.Image]], pad: int = 4) -> Image.Image:
    w, h = rows[0][0].size
    out = Image.new("RGB", (len(rows[0]) * (w + pad) + pad, len(rows) * (h + pad) + pad), (210, 210, 210))
    for r, row in enumerate(rows):
        for c, im in enumerate(row):
            out.paste(im, (pad + c * (w + pad), pad + r * (h + pad)))
    return out


def render_pictures(style_path: Path) -> None:
    """NAME.png (card sample), NAME.sketches.png, and NAME.hints.png for hint styles."""
    style = style_from_file(style_path)
    eng = Engine(EngineConfig(backend="torch"))
    eng.load_style(style)
    sketches = [f() for f in SAMPLES.values()]
    results = [eng.final(d, 512) for d in sketches]
    results[0].resize((320, 240), Image.LANCZOS).save(style_path.with_suffix(".png"))
    tiles = [(_tile(sketch_image(d), n), _tile(r, "")) for n, d, r in zip(SAMPLES, sketches, results)]
    half = (len(tiles) + 1) // 2
    _grid([[a for a, _ in tiles[:half]], [b for _, b in tiles[:half]],
           [a for a, _ in tiles[half:]], [b for _, b in tiles[half:]]]).save(
        style_path.with_name(style_path.stem + ".sketches.png"))
    if style.takes_hints:
        base = car()
        variants = [("no hint", base), ("red scribble", with_hint(base, (220, 30, 30), CAR_HINT_SCRIBBLE)),
                    ("blue scribble", with_hint(base, (30, 80, 220), CAR_HINT_SCRIBBLE)),
                    ("green scribble", with_hint(base, (40, 170, 60), CAR_HINT_SCRIBBLE))]
        _grid([[_tile(sketch_image(d), n) for n, d in variants],
               [_tile(eng.final(d, 512), "") for _, d in variants]]).save(
            style_path.with_name(style_path.stem + ".hints.png"))


def _fig_rows(m: dict) -> str:
    c, a, f = m.get("clean", {}), m.get("augmented", {}), m.get("augmented_finished", {})
    names = [("l1", "L1 (lower is better)"), ("psnr", "PSNR dB"), ("ssim", "SSIM"),
             ("line_recall", "line recall: input lines the picture follows"),
             ("line_precision", "line precision: edges only where lines were drawn"),
             ("spill", "colour spilled on the paper (lower is better)"),
             ("hue_spread", "hue spread across subjects (0 = one colour for all)"),
             ("hue_match", "subjects in their own colour (share with the true picture's hue, ±20°)")]
    rows = [f"| {label} | {c.get(k, '–')} | {a.get(k, '–')} | {f.get(k, '–')} |" for k, label in names]
    return "\n".join(["| figure | clean test split | hand-drawn-like (augmented) | hand-drawn-like, "
                      "finished as the app shows it |", "|---|---|---|---|"] + rows)


def _magic_part(style_path: Path, m: dict) -> str:
    """The card's Magic colours section, when the style has a colour index beside it."""
    info = style_from_file(style_path)
    path, d = info.colours_path, info.colours_data
    if path is None:
        return ""
    foreign = ""
    if other_colours_data(info):
        foreign = (f" The index is built from another data set than the network's (`{d['dataset']}`, not "
                   f"`{info.meta.get('data', {}).get('dataset')}`): {d.get('attribution', '').rstrip('.')}.")
    a, g = m.get("augmented_finished", {}), m.get("augmented_magic", {})
    return (f"\n## Magic colours\nEach shape the child closes and leaves without a hint gets a guessed hint: the colour "
            f"that the most similar training pictures (silhouette and lines, `ml/colour_guess.py`) have in the same "
            f"place, so a heart outline finds hearts. The index (`{path.name}`, {path.stat().st_size / 1e6:.1f} MB) "
            f"holds {d.get('pictures', '–')} pictures of the {d.get('split', 'train')} split of `{d.get('dataset', '')}` "
            f"(licence {d.get('license', '')}; the test split is not in it), built by `icanvas colours {style_path.stem}"
            f"{' --data ' + d['dataset'] if foreign else ''}`.{foreign} "
            f"The child's own hints always win. Hand-drawn-like test split as the app finishes it, without / with: "
            f"SSIM {a.get('ssim', '–')} / {g.get('ssim', '–')}, subjects in their own colour "
            f"{a.get('hue_match', '–')} / {g.get('hue_match', '–')}, hue spread {a.get('hue_spread', '–')} / "
            f"{g.get('hue_spread', '–')}. The sketches above are drawn with it on.\n")


def write_card(style_path: Path) -> Path:
    meta = read_metadata(style_path)
    m, rc, data = meta.get("metrics", {}), meta.get("recipe", {}), meta.get("data", {})
    cfg = rc.get("config", {})
    name = meta.get("name", style_path.stem)
    hint_part = ""
    if meta.get("io", {}).get("hints"):
        h = m.get("with_hints", {})
        hint_part = (f"\n## Colour hints\nThis style takes colour hints: scribbles of colour beside the black lines. "
                     f"It was trained with hints sampled from the true picture (dots and short scribbles, none at "
                     f"all for {round((1 - cfg.get('hint_prob', 0)) * 100)}% of samples). With hints on the clean "
                     f"test split: SSIM {h.get('ssim', '–')}, L1 {h.get('l1', '–')} (without: "
                     f"{m.get('clean', {}).get('ssim', '–')}, {m.get('clean', {}).get('l1', '–')}).\n\n"
                     f"![hints]({name}.hints.png)\n\nA car with no hint, a red, a blue and a green scribble.\n")
    magic_part = _magic_part(style_path, m)
    io = meta.get("io", {})
    finishing = []
    if io.get("colour_from_preview", True) and io.get("final_size") != io.get("size"):
        finishing.append(f"the final picture runs the network at {io.get('final_size')}² for detail but keeps the "
                         f"colours of a {io.get('size')}² pass, the size it mostly trained at and the one the live "
                         "preview shows, so the Magic picture has the preview's colours")
    if io.get("overlay_lines"):
        finishing.append("the child's own strokes are drawn over the picture, crisp at full size")
    if io.get("flat_fill"):
        finishing.append("each shape the child closed is filled with one colour (the colour the network leans to "
                         "in that shape, a little brighter), so fills are clean instead of blotchy")
    if io.get("hint_fill") and io.get("hint_shading"):
        finishing.append("a colour hint sets the colour of the whole closed shape it was scribbled in, and the "
                         "network's own light and shade stay on it (as much as on the other fills)")
    elif io.get("hint_fill"):
        finishing.append("a colour hint colours the whole closed shape it was scribbled in")
    if io.get("clear_paper"):
        finishing.append("the open page well away from every line stays white paper, so no smudge of colour "
                         "appears where nothing was drawn (a shape with a pen-lift gap keeps its colour)")
    if io.get("keep_lines"):
        finishing.append("an open stroke (sun rays, whiskers) that the network let fade to paper is drawn again in "
                         "a deep shade of the drawing's own colour, so nothing the child drew disappears")
    finish_part = ("\n## Finishing in the engine\nAfter the network, the engine (`ml/regions.py`, "
                   "`ml/preprocess.py`): " + "; ".join(finishing) + ". The first two columns of figures below "
                   "are the network's own output; the last is the finished picture.\n") if finishing else ""
    # The recipe file travels in the metadata; styles trained before it did name it by rule.
    recipe_file = rc.get("file") or f"{name}{'_more' if cfg.get('init_from') else ''}.toml"
    stage = ""
    if cfg.get("init_from"):
        stage = (f"This run started from the weights of an earlier stage (`{cfg['init_from']}`, as it was "
                 f"before this run; the recipe's header says how that stage was trained) and continued them "
                 f"with this recipe. ")
    data_part = ""
    if cfg.get("dedupe_lines"):
        data_part += (f"colour variants left out (training pictures whose line art matches a kept one's at "
                      f"IoU >= {cfg['dedupe_lines']}, `training/dedupe.py`); ")
    if cfg.get("bare_outlines"):
        data_part += (f"{round(cfg['bare_outlines'] * 100)}% of the hand-drawn-like inputs drawn from the picture's "
                      "bare silhouette outline, with the silhouette in its main colour as the target; ")
    if cfg.get("balance_hues"):
        data_part += (f"pictures of rare main colours shown more often (sample weight x share of the main-colour "
                      f"family^-{cfg['balance_hues']}, `training/samples.py: hue_weights`); ")
    objective = f"LSGAN + {cfg.get('lambda_l1')}·L1"
    if cfg.get("lambda_ce"):
        objective += (f" + {cfg['lambda_ce']}·cross-entropy over a palette of "
                      f"{meta.get('arch_config', {}).get('palette')} colours (colour classification, class "
                      f"rebalancing mix {cfg.get('ce_rebalance')}, `training/palette.py`); the picture is the "
                      f"annealed mean at temperature {meta.get('arch_config', {}).get('temperature')}")
    decay = f" falling linearly to {cfg['lr_end']} (then kept for the final steps)" if cfg.get("lr_end") else ""
    sk = m.get("sketches", {})
    sketch_line = ("Main colour of each picture: " + ", ".join(f"{k} {v}" for k, v in sk.get("colours", {}).items())
                   + f"; coloured (not grey): {sk.get('coloured')}; "
                   f"heart, sun and tree in the colour every child knows (red or pink, yellow or orange, green): "
                   f"{sk.get('as_known')}; finished in the colour the live preview showed: "
                   f"{sk.get('preview_agrees')}; hue spread across them {sk.get('hue_spread')} "
                   "(0 = one colour for all)." if sk else "")
    text = f"""# {meta['title'].get('en', name)} ({meta['title'].get('ko', '')}) — iCanvas style `{name}`

{meta.get('description', {}).get('en', '')} / {meta.get('description', {}).get('ko', '')}

![sketches]({name}.sketches.png)

The project's own hand-drawn test sketches (wobbly, gappy, thick lines; not from the training data),
rendered by this style. {sketch_line}

## Data and licence
- **Data:** {data.get('title', '')} — licence **{data.get('license', '')}**.
- **Credit:** {data.get('attribution', '')}
- **These weights:** {meta.get('license', '')}. They are derived from the data above; share them under the
  data's licence terms.
- Built by `icanvas data build {data.get('dataset', '')}` from the registry package; nothing is downloaded at run time.

## Network
`{meta['arch']}` {meta.get('arch_config')}; input/output convention: {meta.get('io')}.
Weights stored in fp16 ({style_path.stat().st_size / 1e6:.1f} MB), computed in fp32.

## Training recipe
{stage}`icanvas train icanvas_desktop/training/recipes/{recipe_file}` — pix2pix objective ({objective}),
PatchGAN discriminator (ndf {cfg.get('ndf')}), Adam lr {cfg.get('lr')}{decay}, batch {cfg.get('batch')} at
{meta.get('io', {}).get('size')}², then {cfg.get('final_steps')} steps (batch {cfg.get('final_batch')}) at
{meta.get('io', {}).get('final_size')}²; {cfg.get('aug_variants')} hand-drawn-like variants per picture plus
{round(cfg.get('clean_fraction', 0) * 100)}% clean inputs; categories balanced: {cfg.get('balance_groups')};
{data_part}seed {cfg.get('seed')}. Trained {rc.get('steps')} steps in {rc.get('minutes')} minutes on
{rc.get('device')} ({rc.get('world_size')} process(es), {cfg.get('threads')} thread(s), torch {rc.get('torch')})
on a 2-core CPU.

{finish_part}
## Measured quality
`icanvas eval {name}` on the held-out test split ({m.get('test_pictures', '–')} pictures, {m.get('size', '–')}²):

{_fig_rows(m)}

Augmented / clean: SSIM ratio **{m.get('ssim_ratio', '–')}** (target ≥ 0.9), L1 ratio **{m.get('l1_ratio', '–')}**
(target ≤ 1.15).

![contact sheet]({m.get('contact_sheet', name + '.eval.png')})

Columns: clean input, its picture, hand-drawn-like input, its picture, the true picture.
{hint_part}{magic_part}
## Limits
Trained on emoji-like pictures: it colours what looks like faces, animals, food, objects and symbols
in the data's palette. Subjects far from that (scenes, text) get plausible but generic colours.
"""
    card = style_path.with_suffix(".md")
    card.write_text(text, "utf-8")
    return card


def publish(trained: Path, models_dir: Path, force: bool = False, limit: int | None = None) -> tuple[bool, str]:
    """Evaluate `trained`; ship it if it beats the shipped style of the same name."""
    result = measure(trained, limit)
    name = read_metadata(trained).get("name", trained.stem)
    target = models_dir / f"{name}.safetensors"
    new = score(result)
    # Publishing the shipped file itself refreshes it: new figures, pictures, card and ONNX
    # graph (after a change to the engine's finishing, say); the weights stay as they are.
    refresh = target.exists() and target.resolve() == Path(trained).resolve()
    old = float("-inf")
    if not refresh:
        if target.exists():
            old = score(read_metadata(target).get("metrics", {}))
            if old == float("-inf"):
                # measured before today's figures existed: measure it again, same test split
                old = score(measure(target, limit))
            if new <= old + MARGIN and not force:
                return False, (f"not shipped: score {new:.4f} does not beat the shipped {old:.4f} "
                               f"by more than {MARGIN}")
        models_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(trained, target)
        # What was measured is what ships: the Magic colours index beside the trained style
        # goes with it, and an index beside the old one goes if the new style came without.
        from icanvas_desktop.ml.colour_guess import colours_path
        if colours_path(trained).exists():
            shutil.copyfile(colours_path(trained), colours_path(target))
        elif colours_path(target).exists():
            colours_path(target).unlink()
        sheet = trained.with_name(trained.stem + ".eval.png")
        if sheet.exists():
            shutil.copyfile(sheet, models_dir / sheet.name)
    from icanvas_desktop.ml.onnx_export import export_onnx
    export_onnx(target)
    render_pictures(target)
    write_card(target)
    if refresh:
        return True, f"refreshed {target} (score {new:.4f})"
    return True, f"shipped {target} (score {new:.4f}, previous {old:.4f})"
