"""The style registry: every style in `models/` (shipped) and in the user's models folder.

Found at start-up from metadata alone (no weights are read), so listing styles is instant
and a broken file only removes itself from the list, with a reason, instead of stopping the
app. Imports no torch.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Sequence

from icanvas_desktop.core.paths import models_dir
from icanvas_desktop.ml.style_meta import CheckpointError, read_header, read_metadata

COLOURS_SUFFIX = ".colours.safetensors"   # = colour_guess.SUFFIX, without importing numpy here

# The shipped order: the first style is the default one.
SHIPPED_ORDER = ("sticker", "emoji", "soft")


@dataclass(frozen=True)
class StyleInfo:
    name: str
    path: Path
    title: dict = field(default_factory=dict)
    description: dict = field(default_factory=dict)
    license: str = ""
    attribution: str = ""
    takes_hints: bool = False
    metrics: dict = field(default_factory=dict)
    sample_path: Path | None = None
    card_path: Path | None = None
    onnx_path: Path | None = None
    # The Magic colours index (`colour_guess`) beside the weights, only for a style that takes
    # hints: the guesses reach the network as hint dots, so a hint-less style cannot use one.
    colours_path: Path | None = None
    shipped: bool = False
    meta: dict = field(default_factory=dict, compare=False, repr=False)

    def display_title(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("en") or self.name

    @cached_property
    def colours_data(self) -> dict:
        """Where the index's pictures come from (data set, licence, attribution), read from its
        header when first asked (the About box, the card, `icanvas styles`), not at start-up."""
        return index_data(self.colours_path) if self.colours_path else {}


def other_colours_data(style) -> dict | None:
    """The index's data record when Magic colours looks at another data set than the one the
    style's network learned from (Soft looks at Twemoji's pictures, not Noto's), else None:
    that set's licence and attribution must then be named too. Duck-typed, so the About box
    can pass any style-like object."""
    data = getattr(style, "colours_data", None) or {}
    own = (getattr(style, "meta", None) or {}).get("data", {}).get("dataset")
    if getattr(style, "colours_path", None) is None or not data.get("dataset") or data["dataset"] == own:
        return None
    return data


def shipped_models_dir() -> Path:
    return Path(os.environ.get("ICANVAS_MODELS_DIR") or models_dir())


def user_models_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_data_dir("iCanvas", appauthor=False)) / "models"


def style_from_file(path: Path, shipped: bool = False) -> StyleInfo:
    meta = read_metadata(path)
    data = meta.get("data", {})
    io = meta.get("io", {})
    name = meta.get("name") or path.stem

    def sibling(suffix: str) -> Path | None:
        p = path.with_suffix(suffix)
        return p if p.exists() else None

    return StyleInfo(
        name=name, path=path, title=meta.get("title", {}), description=meta.get("description", {}),
        license=meta.get("license", data.get("license", "")), attribution=data.get("attribution", ""),
        takes_hints=bool(io.get("hints", False)), metrics=meta.get("metrics", {}),
        sample_path=sibling(".png"), card_path=sibling(".md"), onnx_path=sibling(".onnx"),
        colours_path=sibling(COLOURS_SUFFIX) if io.get("hints") else None,
        shipped=shipped, meta=meta)


def index_data(path: Path) -> dict:
    """The "data" record of a colour index's header; {} when it cannot be read (the engine
    then says so, and turns Magic colours off, when it loads the index)."""
    try:
        data = json.loads(read_header(path)[1].get("data", "{}"))
    except (CheckpointError, ValueError, RecursionError):   # RecursionError: [[[[...]]]]
        return {}
    return data if isinstance(data, dict) else {}


def scan(folder: Path, shipped: bool = False) -> tuple[list[StyleInfo], list[str]]:
    styles, problems = [], []
    if not folder.is_dir():
        return styles, problems
    for path in sorted(folder.glob("*.safetensors")):
        if path.name.endswith(COLOURS_SUFFIX):   # a style's colour index, not a style
            continue
        try:
            styles.append(style_from_file(path, shipped))
        except CheckpointError as err:
            problems.append(str(err))
    return styles, problems


def discover_styles(extra_dirs: Sequence[Path] = (), include_user: bool = True,
                    problems: list[str] | None = None) -> list[StyleInfo]:
    """Shipped styles first (in SHIPPED_ORDER), then user styles; a name is taken once."""
    found, issues = scan(shipped_models_dir(), shipped=True)
    rank = {n: i for i, n in enumerate(SHIPPED_ORDER)}
    found.sort(key=lambda s: (rank.get(s.name, len(rank)), s.name))
    dirs = list(extra_dirs) + ([user_models_dir()] if include_user else [])
    for d in dirs:
        more, more_issues = scan(Path(d))
        found += sorted(more, key=lambda s: s.name)
        issues += more_issues
    seen, unique = set(), []
    for s in found:
        if s.name not in seen:
            seen.add(s.name)
            unique.append(s)
    if problems is not None:
        problems.extend(issues)
    return unique


def find_style(name: str, styles: Sequence[StyleInfo] | None = None) -> StyleInfo:
    styles = discover_styles() if styles is None else styles
    for s in styles:
        if s.name == name:
            return s
    known = ", ".join(s.name for s in styles) or "none installed"
    raise KeyError(f"no style named {name!r} (known: {known})")
