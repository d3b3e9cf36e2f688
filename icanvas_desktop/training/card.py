"""A style's model card (`models/NAME.md`): one Markdown template, and the data that fills it.

`CARD` is the card's fixed text with `$fields`; `card_fields` reads the rest from the style's
metadata (data set, licence, network, recipe, measured figures) and the files beside it. The
sections a style may or may not have (colour hints, Magic colours, the engine's finishing) are
their own small templates, filled or left out. `icanvas publish` writes the card.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from icanvas_desktop.ml.style_meta import read_metadata
from icanvas_desktop.ml.styles import other_colours_data, style_from_file

NA = "–"     # a figure that was not measured

CARD = Template("""\
# $title ($title_ko) — iCanvas style `$name`

$description / $description_ko

![sketches]($name.sketches.png)

The project's own hand-drawn test sketches (wobbly, gappy, thick lines; not from the training data),
rendered by this style. $sketch_line

## Data and licence
- **Data:** $data_title — licence **$data_license**.
- **Credit:** $attribution
- **These weights:** $license. They are derived from the data above; share them under the
  data's licence terms.
- Built by `icanvas data build $dataset` from the registry package; nothing is downloaded at run time.

## Network
`$arch` $arch_config; input/output convention: $io.
Weights stored in fp16 ($megabytes MB), computed in fp32.
The live preview runs the network at ${preview_size}²; the Magic picture at ${final_size}², finished at the window's size.

## Training recipe
$stage`icanvas train icanvas_desktop/training/recipes/$recipe_file` — pix2pix objective ($objective),
PatchGAN discriminator (ndf $ndf), Adam lr $lr$decay, batch $batch at
${size}², then $final_steps steps (batch $final_batch) at
${final_size}²; $aug_variants hand-drawn-like variants per picture plus
$clean_percent% clean inputs; categories balanced: $balance_groups;
${data_part}seed $seed. Trained $steps steps in $minutes minutes on
$device ($world_size process(es), $threads thread(s), torch $torch)
on a 2-core CPU.

$finish_part
## Measured quality
`icanvas eval $name` on the held-out test split ($test_pictures pictures, ${eval_size}²):

$figures

Augmented / clean: SSIM ratio **$ssim_ratio** (target ≥ 0.9), L1 ratio **$l1_ratio**
(target ≤ 1.15).

![contact sheet]($contact_sheet)

Columns: clean input, its picture, hand-drawn-like input, its picture, the true picture.
$hint_part$magic_part
## Limits
$limits
""")

HINTS = Template("""
## Colour hints
This style takes colour hints: scribbles of colour beside the black lines. It was trained with \
hints sampled from the true picture (dots and short scribbles, none at all for $none_percent% of \
samples). With hints on the clean test split: SSIM $hint_ssim, L1 $hint_l1 (without: $clean_ssim, $clean_l1).

![hints]($name.hints.png)

$hint_caption
""")

MAGIC = Template("""
## Magic colours
Each shape the child closes and leaves without a hint gets a guessed hint: the colour that the \
most similar training pictures (silhouette and lines, `ml/colour_guess.py`) have in the same place, \
so a heart outline finds hearts. The index (`$index`, $index_mb MB) holds $pictures pictures of the \
$split split of `$dataset` (licence $license; the test split is not in it), built by \
`icanvas colours $stem$data_option`.$foreign$drawn The child's own hints always win. Hand-drawn-like test \
split as the app finishes it, without / with: SSIM $ssim / $magic_ssim, subjects in their own colour \
$hue_match / $magic_hue_match, hue spread $hue_spread / $magic_hue_spread. The sketches above are \
drawn with it on.
""")

# A data set's own Limits text is in its `datasets.SOURCES` entry; the emoji sets share this one.
LIMITS_EMOJI = ("Trained on emoji-like pictures: it colours what looks like faces, animals, food, objects and "
                "symbols in the data's palette. Subjects far from that (scenes, text) get plausible but generic "
                "colours.")
HINT_CAPTIONS = {
    "faces": ("A face with no hint, then a brown, a yellow and a black scribble in the hair, the last two with a "
              "brown and a peach one on the cheek: the hair scribble colours the hair, the cheek scribble the skin."),
}
HINT_CAPTION = "A car with no hint, a red, a blue and a green scribble."

DRAWN = Template(" After them come $count $kinds drawn by iCanvas's own code as children draw them "
                 "(`training/subjects.py`: a crown on a closed trunk, green and brown; no third-party pictures), "
                 "so that a child's tree comes out green. Each competes with its similarity (0 to 1) lowered by $margin, "
                 "so it votes only where it matches clearly better than the data's pictures "
                 "(`scripts/measure_drawn_subjects.py`: the smallest margin at which none of 439 foreign doodles "
                 "takes a drawn subject's colour).")

FOREIGN = Template(" The index is built from another data set than the network's (`$dataset`, not `$own`): "
                   "$attribution.")

# What the engine does after the network, said for each `io` switch that is on, in this order.
PREVIEW_COLOURS = Template(
    "the final picture runs the network at ${final}² for detail but keeps the colours of a ${size}² pass, "
    "the size it mostly trained at and the one the live preview shows, so the Magic picture has the "
    "preview's colours")
FINISHING = (
    ("overlay_lines", "the child's own strokes are drawn over the picture, crisp at full size"),
    ("flat_fill", "each shape the child closed is filled with one colour (the colour the network leans to in "
                  "that shape, a little brighter), so fills are clean instead of blotchy"),
    ("hint_fill", "a colour hint colours the whole closed shape it was scribbled in"),
    ("clear_paper", "the open page well away from every line stays white paper, so no smudge of colour appears "
                    "where nothing was drawn (a shape with a pen-lift gap keeps its colour)"),
    ("hint_light", "the network's light and shade (its 3D gloss) are kept on a shape a hint coloured, and where "
                   "the network painted a bump round the hint's dot, the light around it fills the dot in"),
    ("keep_lines", "an open stroke (sun rays, whiskers) that the network let fade to paper is drawn again in a "
                   "deep shade of the drawing's own colour, so nothing the child drew disappears"),
)
HINT_SHADING = ("a colour hint sets the colour of the whole closed shape it was scribbled in, and the network's "
                "own light and shade stay on it (as much as on the other fills)")
LOOK_TEXT = {"watercolour": "last, a picture-book watercolour wash (`ml/looks.py`): pastel colours thinned towards "
                             "the paper, deeper pigment at each shape's rim, and an even, fixed grain over the shapes"}
FINISH = Template("""
## Finishing in the engine
After the network, the engine (`ml/regions.py`, `ml/preprocess.py`): $steps. The first two \
columns of figures below are the network's own output; the last is the finished picture.
""")

FIGURES = (("l1", "L1 (lower is better)"), ("psnr", "PSNR dB"), ("ssim", "SSIM"),
           ("line_recall", "line recall: input lines the picture follows"),
           ("line_precision", "line precision: edges only where lines were drawn"),
           ("spill", "colour spilled on the paper (lower is better)"),
           ("hue_spread", "hue spread across subjects (0 = one colour for all)"),
           ("hue_match", "subjects in their own colour (share with the true picture's hue, ±20°)"))


def figure_rows(m: dict) -> str:
    c, a, f = m.get("clean", {}), m.get("augmented", {}), m.get("augmented_finished", {})
    rows = [f"| {label} | {c.get(k, NA)} | {a.get(k, NA)} | {f.get(k, NA)} |" for k, label in FIGURES]
    return "\n".join(["| figure | clean test split | hand-drawn-like (augmented) | hand-drawn-like, "
                      "finished as the app shows it |", "|---|---|---|---|"] + rows)


def hints_part(meta: dict, name: str) -> str:
    if not meta.get("io", {}).get("hints"):
        return ""
    m, cfg = meta.get("metrics", {}), meta.get("recipe", {}).get("config", {})
    h, clean = m.get("with_hints", {}), m.get("clean", {})
    caption = HINT_CAPTIONS.get(meta.get("data", {}).get("dataset", ""), HINT_CAPTION)
    return HINTS.substitute(none_percent=round((1 - cfg.get("hint_prob", 0)) * 100), hint_ssim=h.get("ssim", NA),
                            hint_l1=h.get("l1", NA), clean_ssim=clean.get("ssim", NA),
                            clean_l1=clean.get("l1", NA), name=name, hint_caption=caption)


def magic_part(style_path: Path, m: dict) -> str:
    """The Magic colours section, when the style has a colour index beside it."""
    info = style_from_file(style_path)
    path, d = info.colours_path, info.colours_data
    if path is None:
        return ""
    foreign = ""
    if other_colours_data(info):
        foreign = FOREIGN.substitute(dataset=d["dataset"], own=info.meta.get("data", {}).get("dataset"),
                                     attribution=d.get("attribution", "").rstrip("."))
    drawn, options = "", " --data " + d["dataset"] if foreign else ""
    sub = d.get("subjects") if isinstance(d.get("subjects"), dict) else None
    if sub:
        kinds = sub.get("kinds") or ["subjects"]
        drawn = DRAWN.substitute(count=sub.get("pictures", NA), kinds=" and ".join(f"{k}s" for k in kinds),
                                 margin=sub.get("margin", NA))
        options += f" --subjects {sub.get('pictures')} --subject-margin {sub.get('margin')}"
    a, g = m.get("augmented_finished", {}), m.get("augmented_magic", {})
    return MAGIC.substitute(
        index=path.name, index_mb=f"{path.stat().st_size / 1e6:.1f}", pictures=d.get("pictures", NA),
        split=d.get("split", "train"), dataset=d.get("dataset", ""), license=d.get("license", ""),
        stem=style_path.stem, data_option=options, foreign=foreign, drawn=drawn,
        ssim=a.get("ssim", NA), magic_ssim=g.get("ssim", NA), hue_match=a.get("hue_match", NA),
        magic_hue_match=g.get("hue_match", NA), hue_spread=a.get("hue_spread", NA),
        magic_hue_spread=g.get("hue_spread", NA))


def finish_part(io: dict) -> str:
    steps = []
    if io.get("colour_from_preview", True) and io.get("final_size") != io.get("size"):
        steps.append(PREVIEW_COLOURS.substitute(final=io.get("final_size"), size=io.get("size")))
    for switch, text in FINISHING:
        if io.get(switch):
            steps.append(HINT_SHADING if switch == "hint_fill" and io.get("hint_shading") else text)
    if io.get("look"):
        steps.append(LOOK_TEXT.get(io["look"], f"the `{io['look']}` look (`ml/looks.py`)"))
    return FINISH.substitute(steps="; ".join(steps)) if steps else ""


def training_parts(meta: dict) -> dict:
    """The recipe's sentences: where the run started, what was done to the data, the objective."""
    cfg = meta.get("recipe", {}).get("config", {})
    arch_config = meta.get("arch_config", {})
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
        objective += (f" + {cfg['lambda_ce']}·cross-entropy over a palette of {arch_config.get('palette')} colours "
                      f"(colour classification, class rebalancing mix {cfg.get('ce_rebalance')}, "
                      f"`training/palette.py`); the picture is the annealed mean at temperature "
                      f"{arch_config.get('temperature')}")
    decay = f" falling linearly to {cfg['lr_end']} (then kept for the final steps)" if cfg.get("lr_end") else ""
    return {"stage": stage, "data_part": data_part, "objective": objective, "decay": decay}


def sketch_line(sk: dict) -> str:
    if not sk:
        return ""
    return ("Main colour of each picture: " + ", ".join(f"{k} {v}" for k, v in sk.get("colours", {}).items())
            + f"; coloured (not grey): {sk.get('coloured')}; heart, sun and tree in the colour every child "
            f"knows (red or pink, yellow or orange, green): {sk.get('as_known')}; finished in the colour the "
            f"live preview showed: {sk.get('preview_agrees')}; hue spread across them {sk.get('hue_spread')} "
            "(0 = one colour for all).")


def limits_of(dataset: str) -> str:
    from icanvas_desktop.training.datasets import SOURCES
    source = SOURCES.get(dataset)
    return (source.limits if source is not None else "") or LIMITS_EMOJI


def card_fields(style_path: Path) -> dict:
    """Everything CARD asks for, from the style file and what lies beside it."""
    meta = read_metadata(style_path)
    m, rc, data = meta.get("metrics", {}), meta.get("recipe", {}), meta.get("data", {})
    cfg, io = rc.get("config", {}), meta.get("io", {})
    name = meta.get("name", style_path.stem)
    return {
        "name": name, "title": meta["title"].get("en", name), "title_ko": meta["title"].get("ko", ""),
        "description": meta.get("description", {}).get("en", ""),
        "description_ko": meta.get("description", {}).get("ko", ""),
        "sketch_line": sketch_line(m.get("sketches", {})),
        "data_title": data.get("title", ""), "data_license": data.get("license", ""),
        "attribution": data.get("attribution", ""), "license": meta.get("license", ""),
        "dataset": data.get("dataset", ""),
        "arch": meta["arch"], "arch_config": meta.get("arch_config"), "io": io,
        "megabytes": f"{style_path.stat().st_size / 1e6:.1f}",
        # Styles trained before the recipe file travelled in the metadata are named by rule.
        "recipe_file": rc.get("file") or f"{name}{'_more' if cfg.get('init_from') else ''}.toml",
        **training_parts(meta),
        "ndf": cfg.get("ndf"), "lr": cfg.get("lr"), "batch": cfg.get("batch"), "size": io.get("size"),
        "final_steps": cfg.get("final_steps"), "final_batch": cfg.get("final_batch"),
        "final_size": io.get("final_size"), "preview_size": io.get("preview_size") or io.get("size"),
        "limits": limits_of(data.get("dataset", "")), "aug_variants": cfg.get("aug_variants"),
        "clean_percent": round(cfg.get("clean_fraction", 0) * 100), "balance_groups": cfg.get("balance_groups"),
        "seed": cfg.get("seed"), "steps": rc.get("steps"), "minutes": rc.get("minutes"),
        "device": rc.get("device"), "world_size": rc.get("world_size"), "threads": cfg.get("threads"),
        "torch": rc.get("torch"),
        "finish_part": finish_part(io),
        "test_pictures": m.get("test_pictures", NA), "eval_size": m.get("size", NA), "figures": figure_rows(m),
        "ssim_ratio": m.get("ssim_ratio", NA), "l1_ratio": m.get("l1_ratio", NA),
        "contact_sheet": m.get("contact_sheet", name + ".eval.png"),
        "hint_part": hints_part(meta, name), "magic_part": magic_part(style_path, m),
    }


def write_card(style_path: Path) -> Path:
    card = style_path.with_suffix(".md")
    card.write_text(CARD.substitute(card_fields(style_path)), "utf-8")
    return card
