"""`icanvas train CONFIG`: the pix2pix objective (GAN + λ·L1, PatchGAN) on 2 CPU cores or CUDA.

Budgeted by time as well as steps, checkpointed every few minutes and resumable after a
crash, seeded, with a progress line (losses, speed, ETA) and contact sheets of test-split
outputs. Under `torchrun` it trains data-parallel (gloo on CPU, NCCL on CUDA).

Read top-down, as pix2pix is: `Pix2Pix` (training/gan.py) holds the networks and one step in
named parts (set_input, forward, backward_D, backward_G, optimize); `train` begins or resumes a
`Run`, loads each `Phase` (a resolution and its data) and steps through it in `train_phase`.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from icanvas_desktop.core.paths import resource_root
from icanvas_desktop.ml.checkpoint import save_style
from icanvas_desktop.ml.device import choose_device
from icanvas_desktop.ml.networks import build_generator
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training import datasets
from icanvas_desktop.training.colour_balance import family_frequencies, family_weights
from icanvas_desktop.training.config import TrainConfig
from icanvas_desktop.training.dedupe import drop_colour_variants
from icanvas_desktop.training.gan import Pix2Pix
from icanvas_desktop.training.palette import class_weights, fit_palette
from icanvas_desktop.training.samples import batch_arrays, group_weights, hue_weights, make_variants


def _dist_info() -> tuple[int, int]:
    return int(os.environ.get("RANK", 0)), int(os.environ.get("WORLD_SIZE", 1))


def _log(msg: str, rank: int) -> None:
    if rank == 0:
        print(msg, file=sys.stderr, flush=True)


def style_metadata(cfg: TrainConfig, arch_config: dict, spec: IOSpec, source: dict, recipe: dict,
                   metrics: dict) -> dict:
    data_license = source.get("license", "")
    return {
        "name": cfg.name, "arch": cfg.arch, "arch_config": arch_config, "io": spec.to_meta(),
        "title": cfg.title, "description": cfg.description,
        "data": {k: source.get(k, "") for k in ("dataset", "title", "license", "attribution")},
        "license": f"weights: {data_license} (trained on {source.get('title', '')}); code: MIT",
        "recipe": recipe, "metrics": metrics,
    }


def prepare_data(cfg: TrainConfig, spec: IOSpec, data_dir: Path, size: int, work: Path, rank: int):
    """Augmented variants for the train split, cached in the work folder across restarts."""
    data = datasets.load(data_dir)
    idx = data.split("train")
    if cfg.limit:
        idx = idx[: cfg.limit]
    # Shared by every run on this data set with the same augmentation settings.
    bare = f"_bare{cfg.bare_outlines}" if cfg.bare_outlines else ""
    cache = Path(data_dir) / f"variants_{size}_{spec.line_width_frac}_{cfg.aug_variants}_{cfg.seed}_{len(idx)}{bare}.npz"
    if cache.exists():
        z = np.load(cache)
        ink, tgt = z["ink"], z["tgt"]
    else:
        t0 = time.time()
        ink, tgt = make_variants(data, idx, size, spec, cfg.aug_variants, cfg.seed,
                                 progress=lambda j, n: _log(f"  augmenting {j}/{n}", rank), bare=cfg.bare_outlines)
        if rank == 0:
            tmp = cache.with_suffix(".tmp.npz")
            np.savez(tmp, ink=ink, tgt=tgt)
            os.replace(tmp, cache)
        _log(f"prepared {len(idx)} pictures × {1 + cfg.aug_variants} inputs at {size}² in {time.time() - t0:.0f}s", rank)
    if cfg.dedupe_lines > 0:
        # Thinned after the (shared) variant cache, so every threshold reuses the same cache.
        kept = drop_colour_variants(data.lines, data.color, [e["name"] for e in data.index],
                                    idx, cfg.dedupe_lines).keep
        rows = np.flatnonzero(np.isin(idx, kept))
        _log(f"colour variants: {len(idx) - len(rows)} of {len(idx)} pictures share their line "
             f"art with a kept one (IoU >= {cfg.dedupe_lines}) and are left out", rank)
        idx, ink, tgt = idx[rows], ink[rows], tgt[rows]
    return data, idx, ink, tgt


def generator_config(cfg: TrainConfig, spec: IOSpec) -> dict:
    """The recipe's network config with the input channels its IO convention needs."""
    in_key = "in_ch" if cfg.arch == "fast_unet" else "input_nc"
    return {**cfg.arch_config, in_key: spec.in_channels}


def recipe_record(cfg: TrainConfig, steps: int, elapsed_s: float, device: str, world: int,
                  recipe_file: str | None) -> dict:
    """How the weights were made, for the style's metadata and its model card."""
    recipe = {"config": cfg.to_dict(), "steps": int(steps), "minutes": round(float(elapsed_s) / 60, 1),
              "device": device, "world_size": world, "torch": torch.__version__}
    if recipe_file:
        recipe["file"] = recipe_file
    return recipe


def init_path(init_from: str, name: str) -> Path:
    """Where a warm start's weights are. "recipe:STEM" is what the recipe STEM.toml trained
    (its work folder's NAME.safetensors), so recipes can chain without a path that only
    exists on one machine; other values are style files, relative to the folder that holds
    `models/` (the repository root in a checkout)."""
    if init_from.startswith("recipe:"):
        return datasets.default_cache().parent / "train" / init_from[len("recipe:"):] / f"{name}.safetensors"
    path = Path(init_from).expanduser()
    if not path.is_absolute() and not path.exists():
        path = resource_root() / path
    return path


def warm_start(G: torch.nn.Module, cfg: TrainConfig, arch_config: dict) -> bool:
    """Load the generator weights of the style `cfg.init_from` into G: the same network, or
    the same one with more input channels (a style learning to take colour hints), or with
    fixed-statistics norms where it had InstanceNorms (a faster pass: `networks.FixedNorm`). New
    input channels start with zero weights, so the warm-started network draws exactly what the
    old one drew until training teaches it to read them. Returns whether G's fixed norms still
    need their statistics (`calibrate_norms`, on training inputs)."""
    from icanvas_desktop.ml.checkpoint import load_style
    path = init_path(cfg.init_from, cfg.name)
    src, meta = load_style(path)
    free = ("in_ch", "norm")

    def shape(config: dict) -> dict:
        return {k: v for k, v in config.items() if k not in free}
    norms = (meta["arch_config"].get("norm", "instance"), arch_config.get("norm", "instance"))
    if meta["arch"] != cfg.arch or shape(meta["arch_config"]) != shape(arch_config) or \
            meta["arch_config"].get("in_ch", 1) > arch_config.get("in_ch", 1) or norms == ("fixed", "instance"):
        raise ValueError(f"{path}: its network ({meta['arch']} {meta['arch_config']}) is not the "
                         f"one this recipe trains ({cfg.arch} {arch_config})")
    own = G.state_dict()
    state = dict(own)       # an InstanceNorm has no statistics to give a fixed norm: G keeps its own
    for k, v in src.state_dict().items():
        t = own[k]
        if v.shape != t.shape:   # only an input convolution can differ: (out, in, kh, kw)
            w = torch.zeros_like(t)
            w[:, :v.shape[1]] = v
            v = w
        state[k] = v.to(t.device, t.dtype)
    G.load_state_dict(state)
    return norms == ("instance", "fixed")


def calibrate_norms(G: torch.nn.Module, x: torch.Tensor) -> int:
    """Set the statistics of G's fixed norms from one pass over the inputs `x`: each norm, in
    the order the pass reaches it, takes the average of the per-picture statistics of what the
    layers before it (already calibrated) give it. Returns how many norms were set."""
    from icanvas_desktop.ml.networks import FixedNorm
    norms = [m for m in G.modules() if isinstance(m, FixedNorm)]
    for m in norms:
        m.calibrating = True
    try:
        with torch.no_grad():
            G(x)
    finally:
        for m in norms:
            m.calibrating = False
    return len(norms)


@dataclass
class Run:
    """Where a training run is: what state.pt records, plus this process's sampling generator."""
    work: Path
    rank: int
    rng: np.random.Generator
    step: int = 0
    elapsed: float = 0.0
    phase: str = "main"
    last_checkpoint: float = field(default_factory=time.time)
    calibrate: bool = False     # warm-started fixed norms still need their statistics

    def save(self, model: Pix2Pix) -> None:
        if self.rank != 0:
            return
        tmp = self.work / "state.pt.tmp"
        torch.save(model.state(self.step, self.elapsed, self.phase), tmp)
        os.replace(tmp, self.work / "state.pt")


@dataclass
class Phase:
    """One resolution of the run ("main" at io.size, "final" at io.final_size) and its data."""
    name: str
    size: int
    batch: int
    data: datasets.PairSet
    idx: np.ndarray
    ink: np.ndarray
    tgt: np.ndarray
    weights: np.ndarray        # sampling probability of each training picture


def start_device(device: str, world: int) -> torch.device:
    """The device, with the process group started for a data-parallel run."""
    dev = torch.device(choose_device(device))
    if world > 1:
        import torch.distributed as dist
        dist.init_process_group("nccl" if dev.type == "cuda" else "gloo")
        if dev.type == "cuda":
            dev = torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0)))
    return dev


def begin(model: Pix2Pix, cfg: TrainConfig, arch_config: dict, work: Path, dev: torch.device,
          rank: int) -> Run:
    """Resume from the work folder's checkpoint, or warm-start from `init_from`, or start fresh."""
    state_path = work / "state.pt"
    run = Run(work, rank, np.random.default_rng(cfg.seed + 1000 * rank))
    if state_path.exists():
        st = torch.load(state_path, map_location=dev, weights_only=True)
        model.load(st)
        run.step, run.elapsed = int(st["step"]), float(st["elapsed"])
        run.phase = "final" if int(st.get("phase", 0)) else "main"
        run.rng = np.random.default_rng([cfg.seed + 1000 * rank, run.step])
        _log(f"resumed at step {run.step} ({run.elapsed / 60:.1f} min trained)", rank)
    elif cfg.init_from:
        run.calibrate = warm_start(model.G, cfg, arch_config)
        _log(f"generator starts from {cfg.init_from}", rank)
    return run


def phases(cfg: TrainConfig, spec: IOSpec) -> list[tuple[str, int, int]]:
    """(name, size, batch): the main phase, then the final one when the recipe mixes resolutions."""
    out = [("main", spec.size, cfg.batch)]
    if cfg.final_steps > 0 and spec.final_size != spec.size:
        out.append(("final", spec.final_size, cfg.final_batch))
    return out


def load_phase(name: str, size: int, batch: int, cfg: TrainConfig, spec: IOSpec, data_dir: Path,
               work: Path, rank: int) -> Phase:
    data, idx, ink, tgt = prepare_data(cfg, spec, data_dir, size, work, rank)
    weights = group_weights(data, idx, cfg.balance_groups)
    if cfg.balance_hues > 0:
        weights, shares = hue_weights(tgt[:, 0], weights, cfg.balance_hues)
        _log("main colours as sampled: " + ", ".join(f"{k} {v:.0%}" for k, v in
                                                      sorted(shares.items(), key=lambda kv: -kv[1])), rank)
    return Phase(name, size, batch, data, idx, ink, tgt, weights)


def set_phase_losses(model: Pix2Pix, cfg: TrainConfig, phase: Phase, dev: torch.device, rank: int) -> None:
    """The phase's class weights (palette generators) and colour-family weights, from its data."""
    palette = getattr(model.G, "palette_size", 0)
    model.class_w = None
    if cfg.lambda_ce > 0:
        model.class_w = class_weights(phase.tgt[:, 0], model.G.colours.cpu(), cfg.ce_rebalance, cfg.seed).to(dev)
        _log(f"palette of {palette} colours; class weights {model.class_w.min():.2f}..{model.class_w.max():.2f} "
             f"(paper {model.class_w[0]:.2f})", rank)
    model.colour_w = None
    if cfg.colour_balance > 0:
        model.colour_w = family_weights(family_frequencies(phase.tgt[:, 0], phase.weights),
                                        cfg.colour_balance).to(dev)
        _log("colour balance: loss weight per family (red yellow green cyan blue magenta | grey) "
             + " ".join(f"{v:.2f}" for v in model.colour_w.tolist()), rank)


def sample_batch(run: Run, cfg: TrainConfig, spec: IOSpec, phase: Phase,
                 dev: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    """A batch of (input, picture): pictures drawn by their weights, each input clean or one of
    its hand-drawn-like variants, with colour hints sampled from the picture."""
    rows = run.rng.choice(len(phase.idx), size=phase.batch, p=phase.weights)
    ink = phase.ink
    cols = np.where(run.rng.random(phase.batch) < cfg.clean_fraction, 0,
                    run.rng.integers(1, ink.shape[1], phase.batch)) if ink.shape[1] > 1 else np.zeros(phase.batch, int)
    x, y = batch_arrays(run.rng, ink, phase.tgt, rows, cols, spec, cfg.hint_prob)
    return torch.from_numpy(x).to(dev), torch.from_numpy(y).to(dev)


def train_phase(model: Pix2Pix, run: Run, phase: Phase, cfg: TrainConfig, spec: IOSpec,
                dev: torch.device, world: int) -> None:
    """Steps until the phase is done: the main phase by steps or time budget, the final one by
    its own step count. Logs every 10 steps, checkpoints every few minutes, draws sheets."""
    budget = cfg.max_minutes * 60
    end_step = cfg.max_steps if phase.name == "main" else None
    final_start = run.step
    t_start, elapsed0, step0 = time.time(), run.elapsed, run.step
    while True:
        if phase.name == "main" and (run.step >= end_step or run.elapsed >= budget):
            break
        if phase.name == "final" and run.step - final_start >= cfg.final_steps and final_start != run.step:
            break
        if cfg.lr_end is not None:
            model.set_lr(learning_rate(cfg, phase.name, run.elapsed))
        model.optimize(*sample_batch(run, cfg, spec, phase, dev))
        run.step += 1
        run.elapsed = elapsed0 + time.time() - t_start
        if run.step % 10 == 0:
            rate = (run.step - step0) * phase.batch * world / max(1e-6, time.time() - t_start)
            left = min(budget - run.elapsed, (end_step - run.step) * phase.batch * world / max(rate, 1e-6)) \
                if phase.name == "main" else (cfg.final_steps - (run.step - final_start)) * phase.batch / max(rate, 1e-6)
            _log(f"[{phase.name} {phase.size}²] step {run.step} {model.losses()} | {rate:.1f} samples/s | "
                 f"ETA {max(0, left) / 60:.1f} min", run.rank)
        if time.time() - run.last_checkpoint > cfg.checkpoint_minutes * 60:
            run.save(model)
            run.last_checkpoint = time.time()
        if run.rank == 0 and cfg.sheet_every and run.step % cfg.sheet_every == 0:
            from icanvas_desktop.training.evaluate import sheet_for_model
            sheet_for_model(model.G, spec, phase.data, phase.size, 8).save(run.work / f"sheet_{run.step:06d}.png")
            model.G.train()



def learning_rate(cfg: TrainConfig, phase: str, elapsed_s: float) -> float:
    """pix2pix's linear decay: from lr to lr_end over the main phase's time budget, then lr_end
    in the final phase (constant lr when the recipe sets no lr_end)."""
    if cfg.lr_end is None:
        return cfg.lr
    if phase == "final":
        return cfg.lr_end
    return cfg.lr + (cfg.lr_end - cfg.lr) * min(1.0, elapsed_s / max(cfg.max_minutes * 60, 1e-6))


def train(cfg: TrainConfig, data_dir: Path, work: Path, out: Path | None = None,
          device: str = "auto", recipe_file: str | None = None) -> Path:
    """Train (or resume) in `work`; write the style to `out`. `recipe_file` names the recipe
    in the style's metadata, so its model card can say how to train it again."""
    rank, world = _dist_info()
    work.mkdir(parents=True, exist_ok=True)
    dev = start_device(device, world)
    torch.set_num_threads(max(1, cfg.threads // world))
    torch.manual_seed(cfg.seed + rank)
    spec = IOSpec.from_meta(cfg.io)
    arch_config = generator_config(cfg, spec)
    model = Pix2Pix(cfg, spec, arch_config, dev)
    resuming = (work / "state.pt").exists()
    run = begin(model, cfg, arch_config, work, dev, rank)
    palette = getattr(model.G, "palette_size", 0)
    if cfg.lambda_ce > 0 and palette <= 0:  # before minutes of data preparation, not after
        raise ValueError("lambda_ce needs a palette generator (arch_config palette = K)")
    fresh_palette = palette > 0 and not resuming and not cfg.init_from
    model.distribute(world)
    source = {}
    for name, size, batch in phases(cfg, spec):
        if name == "main" and run.phase == "final":
            continue
        run.phase = name
        phase = load_phase(name, size, batch, cfg, spec, data_dir, work, rank)
        source = phase.data.source
        if fresh_palette:
            # fitted once, on the first phase's clean training pictures; then it is a buffer of G
            # that checkpoints, resumes and ships with the weights
            model.G.set_palette(fit_palette(phase.tgt[:, 0], palette, cfg.seed).to(dev))
            fresh_palette = False
        set_phase_losses(model, cfg, phase, dev, rank)
        if run.calibrate:
            # 4 batches of training inputs, as the run will see them (hints, hand-drawn variants)
            x = torch.cat([sample_batch(run, cfg, spec, phase, dev)[0] for _ in range(4)])
            _log(f"fixed norms: statistics of {calibrate_norms(model.G, x)} layers set on {len(x)} inputs", rank)
            run.calibrate = False
        train_phase(model, run, phase, cfg, spec, dev, world)
        run.save(model)
    recipe = recipe_record(cfg, run.step, run.elapsed, dev.type, world, recipe_file)
    out = out or work / f"{cfg.name}.safetensors"
    if rank == 0:
        model.G.eval()
        save_style(out, model.G, style_metadata(cfg, arch_config, spec, source, recipe, {}))
        _log(f"wrote {out}", rank)
    if world > 1:
        import torch.distributed as dist
        dist.barrier()
        dist.destroy_process_group()
    return out


def export_from_state(cfg: TrainConfig, data_dir: Path, work: Path, out: Path,
                      recipe_file: str | None = None) -> Path:
    """Write a style from the latest checkpoint in `work` (e.g. while training goes on)."""
    spec = IOSpec.from_meta(cfg.io)
    arch_config = generator_config(cfg, spec)
    G = build_generator(cfg.arch, arch_config)
    st = torch.load(work / "state.pt", map_location="cpu", weights_only=True)
    G.load_state_dict(st["G"])
    recipe = recipe_record(cfg, st["step"], st["elapsed"], "cpu", 1, recipe_file)
    save_style(out, G.eval(), style_metadata(cfg, arch_config, spec, datasets.load(data_dir).source, recipe, {}))
    return out
