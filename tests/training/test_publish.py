"""`icanvas publish`: a trained style ships only when it beats the shipped one; publishing the
shipped file itself refreshes its figures, pictures, card and ONNX graph."""

import pytest
from safetensors.torch import load_file

from icanvas_desktop.ml.checkpoint import update_metadata
from icanvas_desktop.ml.style_meta import read_metadata
from icanvas_desktop.training import datasets
from icanvas_desktop.training.config import TrainConfig
from icanvas_desktop.training.publish import publish
from icanvas_desktop.training.train import train

TINY = dict(name="tiny", dataset="pix2pix-ab", title={"en": "Tiny", "ko": "작은"}, arch="fast_unet",
            arch_config={"channels": [8, 16, 16, 16]},
            io={"size": 64, "final_size": 64, "hints": True, "flat_fill": True, "clear_paper": True},
            batch=4, max_steps=4, aug_variants=1, sheet_every=0, threads=1)
# Figures no version can beat.
PERFECT = {"augmented": {"ssim": 1.0, "line_recall": 1.0, "line_precision": 1.0, "spill": 0.0, "hue_match": 1.0},
           "sketches": {"coloured": 1.0, "as_known": 1.0, "hue_spread": 1.0}}


@pytest.fixture
def trained(tmp_path, ab_folder, monkeypatch):
    # evaluation finds the data set the style names, in the cache
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    data = datasets.build("pix2pix-ab", datasets.default_cache(), ab_folder)
    return train(TrainConfig(**TINY), data, tmp_path / "work")


def test_first_publish_ships_weights_graph_card_and_pictures(tmp_path, trained):
    models = tmp_path / "models"
    ok, message = publish(trained, models)
    assert ok, message
    for suffix in (".safetensors", ".onnx", ".md", ".png", ".sketches.png", ".hints.png"):
        assert (models / f"tiny{suffix}").exists(), suffix
    card = (models / "tiny.md").read_text("utf-8")
    assert "pix2pix AB" in card and "finished as the app shows it" in card
    assert "stays white paper" in card                          # clear paper is described
    metrics = read_metadata(models / "tiny.safetensors")["metrics"]
    assert {"clean", "augmented", "augmented_finished"} <= set(metrics)
    # our own hand-drawn sketches: each picture's colour named, and the spread across them
    assert set(metrics["sketches"]["colours"]) == {"house", "cat", "car", "sun", "fish", "heart", "tree", "flower"}
    assert 0 <= metrics["sketches"]["hue_spread"] <= 1 and "Main colour of each picture" in card
    assert 0 <= metrics["sketches"]["coloured"] <= 1
    assert metrics["sketches"]["as_known"] in (0.0, 0.333, 0.667, 1.0)  # of heart, sun and tree
    assert "in the colour every child knows" in card


def test_the_magic_colours_index_ships_with_its_style_and_is_measured(tmp_path, trained):
    from icanvas_desktop.ml.colour_guess import colours_path
    from icanvas_desktop.training.colour_index import build_index, write_index
    write_index(*build_index(datasets.default_cache() / "pix2pix-ab", dedupe=1.0), colours_path(trained))
    models = tmp_path / "models"
    assert publish(trained, models)[0]
    shipped_index = models / "tiny.colours.safetensors"
    assert shipped_index.read_bytes() == colours_path(trained).read_bytes()
    metrics = read_metadata(models / "tiny.safetensors")["metrics"]
    assert "hue_match" in metrics["augmented_magic"]            # measured with the guesses on
    card = (models / "tiny.md").read_text("utf-8")
    assert "## Magic colours" in card and "tiny.colours.safetensors" in card
    # A later version without an index must not ship beside the old one's index.
    colours_path(trained).unlink()
    assert publish(trained, models, force=True)[0]
    assert not shipped_index.exists() and "## Magic colours" not in (models / "tiny.md").read_text("utf-8")


def test_a_style_that_does_not_beat_the_shipped_one_is_not_shipped(tmp_path, trained):
    models = tmp_path / "models"
    assert publish(trained, models)[0]
    shipped = models / "tiny.safetensors"
    before = shipped.read_bytes()
    # The shipped version now claims perfect figures: nothing can beat it.
    update_metadata(shipped, metrics=PERFECT)
    kept = shipped.read_bytes()
    ok, message = publish(trained, models)
    assert not ok and "does not beat" in message
    assert shipped.read_bytes() == kept != before


def test_the_publish_command_fails_when_it_does_not_ship(tmp_path, trained, capsys):
    from icanvas_desktop.cli import main
    models = tmp_path / "models"
    assert main(["publish", str(trained), "--models", str(models)]) == 0
    update_metadata(models / "tiny.safetensors", metrics=PERFECT)
    assert main(["publish", str(trained), "--models", str(models)]) == 1
    assert "not shipped" in capsys.readouterr().err


def test_a_version_must_win_by_more_than_a_hair_to_be_shipped(tmp_path, trained):
    from icanvas_desktop.training.publish import MARGIN
    models = tmp_path / "models"
    assert publish(trained, models)[0]
    shipped = models / "tiny.safetensors"
    metrics = read_metadata(shipped)["metrics"]
    # the shipped version is a hair worse than the candidate (the same weights, measured the same)
    metrics["augmented"]["ssim"] -= MARGIN / 5
    update_metadata(shipped, metrics=metrics)
    ok, message = publish(trained, models)
    assert not ok and "by more than" in message
    metrics["augmented"]["ssim"] -= 2 * MARGIN                 # now clearly worse: replaced
    update_metadata(shipped, metrics=metrics)
    assert publish(trained, models)[0]


def test_publishing_the_shipped_file_refreshes_it_and_keeps_its_weights(tmp_path, trained):
    models = tmp_path / "models"
    assert publish(trained, models)[0]
    shipped = models / "tiny.safetensors"
    weights = load_file(str(shipped))
    (models / "tiny.md").unlink()
    ok, message = publish(shipped, models)
    assert ok and message.startswith("refreshed")
    assert (models / "tiny.md").exists()
    again = load_file(str(shipped))
    assert all((weights[k] == again[k]).all() for k in weights)


def test_a_shipped_style_measured_before_a_figure_existed_is_measured_again(tmp_path, trained):
    models = tmp_path / "models"
    assert publish(trained, models)[0]
    shipped = models / "tiny.safetensors"
    # Old figures: no colour match yet. Read as they are, they would lose to anything, so
    # publish measures the shipped style again before comparing.
    update_metadata(shipped, metrics={"augmented": {"ssim": 0.1, "line_recall": 0.1, "line_precision": 0.1,
                                                    "spill": 0.0}})
    ok, message = publish(trained, models)
    assert not ok and "does not beat" in message                # the same weights do not beat themselves
    assert "hue_match" in read_metadata(shipped)["metrics"]["augmented"]


def test_the_card_names_the_recipe_file_the_style_was_trained_with(tmp_path, ab_folder, monkeypatch):
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    data = datasets.build("pix2pix-ab", datasets.default_cache(), ab_folder)
    out = train(TrainConfig(**TINY), data, tmp_path / "work", recipe_file="tiny_vivid.toml")
    assert read_metadata(out)["recipe"]["file"] == "tiny_vivid.toml"
    assert publish(out, tmp_path / "models")[0]
    assert "recipes/tiny_vivid.toml" in (tmp_path / "models" / "tiny.md").read_text("utf-8")


@pytest.mark.parametrize("options, said", [
    ({"balance_hues": 0.5}, "rare main colours shown more often"),
    ({"arch_config": {"channels": [8, 16, 16, 16], "palette": 6}, "lambda_ce": 10.0},
     "cross-entropy over a palette of 6 colours"),
    ({"lr_end": 2e-5}, "falling linearly to 2e-05"),
], ids=["balance_hues", "palette", "lr_end"])
def test_the_card_names_the_training_options_the_style_was_made_with(tmp_path, ab_folder, monkeypatch,
                                                                     options, said):
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    data = datasets.build("pix2pix-ab", datasets.default_cache(), ab_folder)
    out = train(TrainConfig(**{**TINY, **options}), data, tmp_path / "work")
    assert publish(out, tmp_path / "models")[0]
    assert said in (tmp_path / "models" / "tiny.md").read_text("utf-8")
    assert (tmp_path / "models" / "tiny.onnx").exists()


def test_a_version_that_turns_the_hand_drawn_sketches_grey_loses():
    from icanvas_desktop.training.publish import score
    test_split = {"ssim": 0.7, "line_recall": 1.0, "line_precision": 0.8, "spill": 0.02, "hue_match": 0.2}
    colourful = {"augmented": test_split, "sketches": {"coloured": 1.0, "as_known": 0.333, "hue_spread": 0.1}}
    # better on the emoji test split, but grey on what children draw
    grey = {"augmented": {**test_split, "ssim": 0.75}, "sketches": {"coloured": 0.125, "as_known": 0.0, "hue_spread": 0.0}}
    assert score(grey) < score(colourful)
    assert score({"augmented": test_split}) == float("-inf")     # unmeasured sketches: measure first
    # variety alone is not rewarded: one red tree among teal everything is not "each its own colour"
    varied = {"augmented": test_split, "sketches": {"coloured": 1.0, "as_known": 0.333, "hue_spread": 0.5}}
    assert score(varied) == score(colourful)


def test_a_known_colour_counts_only_when_the_style_does_not_paint_most_sketches_that_colour():
    from icanvas_desktop.training.publish import known_share, score
    orange_everything = {"house": "orange", "cat": "orange", "car": "orange", "sun": "orange", "fish": "red",
                         "heart": "red", "tree": "red", "flower": "orange"}
    assert known_share(orange_everything) == 0.333    # the red heart counts, the sun orange like everything does not
    varied = {**orange_everything, "house": "blue", "car": "green", "flower": "yellow"}
    assert known_share(varied) == 0.667
    # stored figures are recounted from the colour names, whatever as_known says
    test_split = {"ssim": 0.7, "line_recall": 1.0, "line_precision": 0.8, "spill": 0.02, "hue_match": 0.2}
    stored = {"augmented": test_split, "sketches": {"coloured": 1.0, "as_known": 0.667, "colours": orange_everything}}
    recounted = {"augmented": test_split, "sketches": {"coloured": 1.0, "as_known": 0.333}}
    assert score(stored) == score(recounted)


def test_a_red_heart_and_a_green_tree_count_for_a_version():
    from icanvas_desktop.training.publish import score
    test_split = {"ssim": 0.7, "line_recall": 1.0, "line_precision": 0.8, "spill": 0.02, "hue_match": 0.2}
    all_yellow = {"augmented": test_split, "sketches": {"coloured": 1.0, "as_known": 0.333}}
    knows = {"augmented": {**test_split, "ssim": 0.68}, "sketches": {"coloured": 1.0, "as_known": 1.0}}
    assert score(knows) > score(all_yellow)
    # measured before the known-colour figure existed: publish measures the sketches again
    assert score({"augmented": test_split, "sketches": {"coloured": 1.0}}) == float("-inf")


def test_the_card_template_is_filled_with_nothing_left_over(tmp_path, trained):
    from icanvas_desktop.training.card import card_fields, write_card
    text = write_card(trained).read_text("utf-8")
    assert "$" not in text and "None" not in text.split("## Network")[0]
    fields = card_fields(trained)
    assert text.startswith(f"# {fields['title']} ({fields['title_ko']}) — iCanvas style `tiny`")
    assert "## Colour hints" in text and "## Finishing in the engine" in text     # TINY takes hints, fills flat
    assert "## Magic colours" not in text                                          # no index beside it


def test_the_card_says_what_its_own_data_set_knows_and_how_its_hints_are_used(tmp_path, trained):
    from icanvas_desktop.training.card import card_fields, write_card
    generic = write_card(trained).read_text("utf-8")
    assert "emoji-like pictures" in generic and "A car with no hint" in generic
    assert "The live preview runs the network at 64²" in generic
    meta = read_metadata(trained)
    update_metadata(trained, data={**meta.get("data", {}), "dataset": "faces"},
                    io={**meta["io"], "look": "watercolour", "preview_size": 128})
    faces = write_card(trained).read_text("utf-8")
    assert "cartoon faces only" in faces and "emoji-like" not in faces
    assert "A face with no hint" in faces and "A car with no hint" not in faces
    assert "watercolour wash" in faces and "runs the network at 128²" in faces
    assert "$" not in faces and card_fields(trained)["preview_size"] == 128
