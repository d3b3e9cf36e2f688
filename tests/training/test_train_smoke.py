"""A tiny real training run: trains, writes a loadable style, resumes, evaluates, and runs
data-parallel under torchrun (gloo, 2 processes) on the CPU."""

import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from icanvas_desktop.ml.checkpoint import load_style
from icanvas_desktop.ml.engine import Engine, EngineConfig
from icanvas_desktop.ml.styles import style_from_file
from icanvas_desktop.training import datasets
from icanvas_desktop.training.config import TrainConfig
from icanvas_desktop.training.evaluate import evaluate
from icanvas_desktop.training.train import train

TINY = dict(name="tiny", dataset="ab", title={"en": "Tiny", "ko": "작은"}, arch="fast_unet",
            arch_config={"channels": [8, 16, 16, 16]}, io={"size": 64, "final_size": 64, "hints": True},
            batch=4, max_steps=6, aug_variants=1, sheet_every=0, threads=1)


@pytest.fixture
def built(tmp_path, ab_folder):
    return datasets.build("pix2pix-ab", tmp_path / "cache", ab_folder, out_name="ab")


def test_tiny_training_writes_a_style_the_engine_can_use(tmp_path, built):
    out = train(TrainConfig(**TINY), built, tmp_path / "work")
    model, meta = load_style(out)
    assert meta["recipe"]["steps"] == 6 and meta["io"]["hints"] is True
    assert "pix2pix AB" in meta["data"]["title"]
    eng = Engine(EngineConfig(backend="torch", threads=1))
    eng.load_style(style_from_file(out))
    from icanvas_desktop.ml.bench import bench_drawing
    pic = eng.preview(bench_drawing())
    assert pic.size == (512, 384)


def test_training_resumes_from_its_checkpoint(tmp_path, built):
    work = tmp_path / "work"
    train(TrainConfig(**TINY), built, work)
    state = torch.load(work / "state.pt", weights_only=True)
    assert state["step"] == 6
    out = train(TrainConfig(**{**TINY, "max_steps": 9}), built, work)
    _, meta = load_style(out)
    assert meta["recipe"]["steps"] == 9  # continued from 6, not restarted


def test_warm_start_begins_from_the_given_styles_weights(tmp_path, built):
    first = train(TrainConfig(**TINY), built, tmp_path / "a")
    # No steps at all: the written style must be exactly the one it started from.
    again = train(TrainConfig(**{**TINY, "max_steps": 0, "init_from": str(first)}), built,
                  tmp_path / "b")
    ma, _ = load_style(first)
    mb, _ = load_style(again)
    for x, y in zip(ma.state_dict().values(), mb.state_dict().values()):
        assert torch.equal(x, y)
    fresh = train(TrainConfig(**{**TINY, "max_steps": 0, "seed": 99}), built, tmp_path / "c")
    mc, _ = load_style(fresh)
    assert any(not torch.equal(x, y) for x, y in zip(ma.state_dict().values(),
                                                     mc.state_dict().values()))


def test_a_recipe_can_start_from_what_an_earlier_recipe_trained(tmp_path, built, monkeypatch):
    # "recipe:STEM" is the style in STEM's work folder under the cache, as `icanvas train` lays it out
    monkeypatch.setenv("ICANVAS_CACHE", str(tmp_path / "cache"))
    first = train(TrainConfig(**TINY), built, tmp_path / "cache" / "train" / "tiny_stage1")
    again = train(TrainConfig(**{**TINY, "max_steps": 0, "init_from": "recipe:tiny_stage1"}), built,
                  tmp_path / "b")
    ma, _ = load_style(first)
    mb, _ = load_style(again)
    assert all(torch.equal(x, y) for x, y in zip(ma.state_dict().values(), mb.state_dict().values()))


@pytest.mark.parametrize("option, value", [("colour_balance", 0.5), ("balance_hues", 1.0)])
def test_colour_rebalancing_options_are_recorded_and_change_the_result(tmp_path, built, option, value):
    """colour_balance reweighs the L1 by colour rarity; balance_hues samples rare main colours more often."""
    plain = train(TrainConfig(**TINY), built, tmp_path / "plain")
    other = train(TrainConfig(**{**TINY, option: value}), built, tmp_path / option)
    mp, _ = load_style(plain)
    mo, meta = load_style(other)
    assert meta["recipe"]["config"][option] == value
    assert any(not torch.equal(x, y) for x, y in zip(mp.state_dict().values(), mo.state_dict().values()))


PALETTE = {**TINY, "arch_config": {"channels": [8, 16, 16, 16], "palette": 6}, "lambda_ce": 10.0,
           "lambda_l1": 10.0}


def test_palette_training_fits_its_colours_from_the_data_and_keeps_them_on_resume(tmp_path, built):
    work = tmp_path / "work"
    model, meta = load_style(train(TrainConfig(**PALETTE), built, work))
    assert meta["arch_config"]["palette"] == 6 and meta["recipe"]["config"]["lambda_ce"] == 10.0
    rgb = (model.colours.t() + 1) * 127.5
    assert torch.allclose(rgb[0], torch.full((3,), 255.0), atol=0.5)   # paper first
    assert len({tuple(c) for c in rgb.round().int().tolist()}) == 6    # then the pictures' colours
    resumed, _ = load_style(train(TrainConfig(**{**PALETTE, "max_steps": 9}), built, work))
    assert torch.equal(resumed.colours, model.colours)                   # fitted once, not refitted


def test_colour_classification_without_a_palette_network_is_refused(tmp_path, built):
    with pytest.raises(ValueError, match="needs a palette generator"):
        train(TrainConfig(**{**TINY, "lambda_ce": 10.0}), built, tmp_path / "w")


def test_learning_rate_decays_over_the_main_phase_and_the_final_phase_trains_at_its_end(tmp_path, built):
    decay = {**TINY, "io": {"size": 64, "final_size": 96, "hints": True}, "max_steps": 100000,
             "max_minutes": 0.02, "final_steps": 2, "lr_end": 2e-5}
    train(TrainConfig(**decay), built, tmp_path / "decay")
    state = torch.load(tmp_path / "decay" / "state.pt", weights_only=True)
    assert state["phase"] == 1
    assert all(g["lr"] == 2e-5 for g in state["opt_g"]["param_groups"] + state["opt_d"]["param_groups"])
    train(TrainConfig(**{**decay, "final_steps": 0}), built, tmp_path / "main")
    lr = torch.load(tmp_path / "main" / "state.pt", weights_only=True)["opt_g"]["param_groups"][0]["lr"]
    assert 2e-5 <= lr <= 2e-4        # within the schedule (how far it fell depends on the machine's speed)
    train(TrainConfig(**{**decay, "lr_end": None}), built, tmp_path / "constant")
    state = torch.load(tmp_path / "constant" / "state.pt", weights_only=True)
    assert state["opt_g"]["param_groups"][0]["lr"] == 2e-4


def test_warm_start_from_a_different_network_is_refused(tmp_path, built):
    first = train(TrainConfig(**TINY), built, tmp_path / "a")
    wider = {**TINY, "arch_config": {"channels": [8, 16, 16, 32]}, "init_from": str(first)}
    with pytest.raises(ValueError, match="is not the one this recipe trains"):
        train(TrainConfig(**wider), built, tmp_path / "b")


def test_a_style_can_learn_to_take_hints_from_one_that_took_none(tmp_path, built):
    plain = {**TINY, "io": {**TINY["io"], "hints": False}}
    first = train(TrainConfig(**plain), built, tmp_path / "a")
    again = train(TrainConfig(**{**TINY, "max_steps": 0, "init_from": str(first)}), built, tmp_path / "b")
    ma, meta_a = load_style(first)
    mb, meta_b = load_style(again)
    assert meta_a["arch_config"]["in_ch"] == 1 and meta_b["arch_config"]["in_ch"] == 5
    lines = torch.rand(1, 1, 64, 64) * 2 - 1
    hints = torch.rand(1, 4, 64, 64)
    # The new hint channels start at zero weight: whatever hints say, the old picture comes out.
    with torch.no_grad():
        assert torch.allclose(ma(lines), mb(torch.cat([lines, hints], 1)), atol=1e-6)
    # The other way round (dropping channels) is a different network.
    with pytest.raises(ValueError, match="is not the one this recipe trains"):
        train(TrainConfig(**{**plain, "init_from": str(again)}), built, tmp_path / "c")


def test_a_style_can_trade_its_instance_norms_for_fixed_ones_calibrated_on_its_data(tmp_path, built):
    """A warm start into fixed norms (a faster pass) keeps every weight, measures the norms'
    statistics on training inputs before the first step, and ships them; the reverse is refused."""
    first = train(TrainConfig(**TINY), built, tmp_path / "a")
    fixed = {**TINY, "arch_config": {**TINY["arch_config"], "norm": "fixed"}}
    again = train(TrainConfig(**{**fixed, "max_steps": 0, "init_from": str(first)}), built, tmp_path / "b")
    ma, _ = load_style(first)
    mb, meta = load_style(again)
    assert meta["arch_config"]["norm"] == "fixed"
    sa, sb = ma.state_dict(), mb.state_dict()
    assert all(torch.equal(sa[k], sb[k]) for k in sa)              # every weight carried over
    assert not torch.equal(sb["stem.1.mean"], torch.zeros_like(sb["stem.1.mean"]))   # calibrated
    # Calibrated, the new network paints closer to the old one than with untouched statistics.
    raw, _ = load_style(again)
    for m in raw.modules():
        if hasattr(m, "calibrating"):
            m.mean.zero_()
            m.var.fill_(1.0)
    from icanvas_desktop.core.sample_drawings import car, cat, heart, house
    from icanvas_desktop.ml.preprocess import IOSpec, prepare_drawing
    spec = IOSpec.from_meta(meta["io"])
    x = torch.from_numpy(np.stack([prepare_drawing(f(), spec, 64).x for f in (house, cat, car, heart)]))
    with torch.no_grad():
        assert (ma(x) - mb(x)).abs().mean() < (ma(x) - raw(x)).abs().mean()
    with pytest.raises(ValueError, match="is not the one this recipe trains"):
        train(TrainConfig(**{**TINY, "init_from": str(again)}), built, tmp_path / "c")


def test_same_seed_gives_the_same_weights(tmp_path, built):
    a = train(TrainConfig(**TINY), built, tmp_path / "a")
    b = train(TrainConfig(**TINY), built, tmp_path / "b")
    ma, _ = load_style(a)
    mb, _ = load_style(b)
    for x, y in zip(ma.state_dict().values(), mb.state_dict().values()):
        assert torch.equal(x, y)


def test_evaluation_reports_clean_and_augmented_figures(tmp_path, built):
    out = train(TrainConfig(**TINY), built, tmp_path / "work")
    model, meta = load_style(out)
    from icanvas_desktop.ml.preprocess import IOSpec
    res = evaluate(model, IOSpec.from_meta(meta["io"]), built)
    for split in ("clean", "augmented", "augmented_finished"):
        for k in ("l1", "psnr", "ssim", "line_recall", "line_precision", "spill", "hue_spread", "hue_match"):
            assert np.isfinite(res[split][k]), (split, k)
    assert "with_hints" in res and res["ssim_ratio"] > 0


def test_finished_figures_show_the_engine_clearing_the_paper(tmp_path, built):
    out = train(TrainConfig(**TINY), built, tmp_path / "work")
    model, meta = load_style(out)
    from icanvas_desktop.ml.preprocess import IOSpec
    spec = IOSpec.from_meta({**meta["io"], "clear_paper": True, "flat_fill": True})
    res = evaluate(model, spec, built)
    # Finishing only ever removes colour from the open page: never more spill than the network.
    assert res["augmented_finished"]["spill"] <= res["augmented"]["spill"]


@pytest.mark.slow
def test_data_parallel_training_with_torchrun_on_cpu(tmp_path, built):
    cfg = tmp_path / "tiny.toml"
    cfg.write_text("\n".join([
        'name = "tiny"', 'dataset = "ab"', 'arch = "fast_unet"', 'arch_config = { channels = [8, 16, 16, 16] }',
        'io = { size = 64, final_size = 64 }', "batch = 2", "max_steps = 4", "aug_variants = 1",
        "sheet_every = 0", "threads = 2"]))
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
                           "-m", "icanvas_desktop", "train", str(cfg), "--data", str(built),
                           "--work", str(tmp_path / "ddp"), "--device", "cpu"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    _, meta = load_style(tmp_path / "ddp" / "tiny.safetensors")
    assert meta["recipe"]["world_size"] == 2 and meta["recipe"]["steps"] == 4


def test_the_checkpoint_keeps_the_format_running_trainings_resume_from(tmp_path, built):
    train(TrainConfig(**TINY), built, tmp_path / "work")
    state = torch.load(tmp_path / "work" / "state.pt", weights_only=True)
    assert set(state) == {"G", "D", "opt_g", "opt_d", "step", "elapsed", "phase"}
    assert state["step"] == 6 and state["phase"] == 0 and isinstance(state["elapsed"], float)


def test_the_discriminator_step_leaves_the_generator_alone_and_the_generator_step_moves_it():
    from icanvas_desktop.ml.preprocess import IOSpec
    from icanvas_desktop.training.gan import Pix2Pix
    from icanvas_desktop.training.train import generator_config
    cfg = TrainConfig(**TINY)
    spec = IOSpec.from_meta(cfg.io)
    model = Pix2Pix(cfg, spec, generator_config(cfg, spec), torch.device("cpu"))
    x, y = torch.rand(2, spec.in_channels, 64, 64) * 2 - 1, torch.rand(2, 3, 64, 64) * 2 - 1
    model.set_input(x, y)
    model.forward()
    model.backward_D()
    assert all(p.grad is None for p in model.G.parameters())          # D learns from a detached picture
    assert all(p.grad is not None for p in model.D.parameters())
    before = [p.detach().clone() for p in model.G.parameters()]
    model.optimize(x, y)
    assert any(not torch.equal(a, p) for a, p in zip(before, model.G.parameters()))
    assert "l1 " in model.losses() and "gan " in model.losses() and "ce " not in model.losses()


def test_learning_rate_falls_linearly_over_the_main_phases_budget_then_stays_at_its_end():
    from icanvas_desktop.training.train import learning_rate
    cfg = TrainConfig(**{**TINY, "lr": 2e-4, "lr_end": 2e-5, "max_minutes": 10.0})
    assert learning_rate(cfg, "main", 0.0) == 2e-4
    assert abs(learning_rate(cfg, "main", 300.0) - 1.1e-4) < 1e-12        # half the budget, half way
    assert abs(learning_rate(cfg, "main", 900.0) - 2e-5) < 1e-12          # past the budget: the end
    assert learning_rate(cfg, "final", 0.0) == 2e-5
    assert learning_rate(TrainConfig(**{**TINY, "lr": 3e-4}), "main", 300.0) == 3e-4   # no lr_end: constant
