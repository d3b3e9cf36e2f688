"""Every recipe in the package reproduces: it reads, its chain resolves (`recipe:` names a recipe
that is in the package, never a file that only exists on one machine), and it trains for a few
steps on tiny data with its own network, inputs and options, the chain included."""

from pathlib import Path

import pytest

from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.training import datasets
from icanvas_desktop.training.config import TrainConfig
from icanvas_desktop.training.train import train

RECIPES = Path(__file__).resolve().parents[2] / "icanvas_desktop" / "training" / "recipes"
NAMES = sorted(p.stem for p in RECIPES.glob("*.toml"))
# What the smoke run changes: how long and on how much, never what is trained.
SMOKE = dict(max_steps=2, batch=2, final_batch=2, aug_variants=1, sheet_every=0, threads=1,
             checkpoint_minutes=60.0)


def recipe(stem: str) -> TrainConfig:
    return TrainConfig.from_file(RECIPES / f"{stem}.toml")


def chain(stem: str) -> list[str]:
    """The recipes that must train before `stem`, first first, then `stem` itself."""
    init = recipe(stem).init_from
    return (chain(init.removeprefix("recipe:")) if init else []) + [stem]


def test_the_package_holds_the_shipped_recipes_and_the_comparisons():
    assert {"sticker", "sticker_dedup", "emoji_hints", "soft_scratch_hints"} <= set(NAMES)
    assert {n for n in NAMES if n.startswith("compare_")} == {
        "compare_fast", "compare_classic", "compare_fast_256", "compare_classic_256"}


@pytest.mark.parametrize("stem", NAMES)
def test_a_recipe_chains_only_from_a_recipe_in_the_package(stem):
    init = recipe(stem).init_from
    if init:
        assert init.startswith("recipe:"), f"{stem}: starts from {init}, which a fresh clone does not have"
        assert init.removeprefix("recipe:") in NAMES


@pytest.mark.slow
@pytest.mark.parametrize("stem", NAMES)
def test_a_recipe_trains_a_few_steps_on_tiny_data(stem, tmp_path, ab_folder, monkeypatch):
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    data = datasets.build("pix2pix-ab", datasets.default_cache(), ab_folder)
    for step in chain(stem):
        cfg = recipe(step)
        smoke = TrainConfig(**{**cfg.to_dict(), **SMOKE, "final_steps": min(cfg.final_steps, 1)})
        # the work folder `icanvas train` uses, which is where `recipe:` looks
        out = train(smoke, data, datasets.default_cache().parent / "train" / step,
                    device="cpu", recipe_file=f"{step}.toml")
    model, meta = load_style(out)
    assert meta["recipe"]["file"] == f"{stem}.toml" and meta["arch"] == recipe(stem).arch
    assert meta["recipe"]["steps"] == 2 + min(recipe(stem).final_steps, 1)
    assert meta["io"]["size"] == recipe(stem).io["size"]
