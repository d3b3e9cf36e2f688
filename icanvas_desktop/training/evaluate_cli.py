"""`icanvas eval STYLE`: run the evaluation and write the figures into the style itself."""

from __future__ import annotations

from pathlib import Path

from icanvas_desktop.ml.checkpoint import load_style, update_metadata
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training import datasets
from icanvas_desktop.training.evaluate import evaluate, sheet_for_model


def style_path(style: str) -> Path:
    p = Path(style)
    if p.exists():
        return p
    from icanvas_desktop.ml.styles import discover_styles, find_style
    return find_style(style, discover_styles()).path


def evaluate_style(style: str, data_dir: Path | None = None, sheet: str | None = None,
                   limit: int | None = None, write: bool = True) -> dict:
    path = style_path(style)
    model, meta = load_style(path, "cpu")
    spec = IOSpec.from_meta(meta["io"])
    if data_dir is None:
        data_dir = datasets.default_cache() / meta.get("data", {}).get("dataset", meta.get("name", ""))
    from icanvas_desktop.ml.colour_guess import load_index
    from icanvas_desktop.ml.styles import style_from_file
    index_path = style_from_file(path).colours_path
    colours = load_index(index_path) if index_path is not None else None
    result = evaluate(model, spec, data_dir, spec.size, limit, colours)
    sheet_path = Path(sheet) if sheet else path.with_name(path.stem + ".eval.png")
    sheet_for_model(model, spec, datasets.load(data_dir), spec.size, 8).save(sheet_path)
    result["contact_sheet"] = sheet_path.name
    if write:
        update_metadata(path, metrics=result)
    return result
