"""`icanvas train CONFIG`: the pix2pix objective (GAN + λ·L1, PatchGAN) on 2 CPU cores or CUDA.

Budgeted by time as well as steps, checkpointed every few minutes and resumable after a
crash, seeded, with a progress line (losses, speed, ETA) and contact sheets of test-split
outputs. Under `torchrun` it trains data-parallel (gloo on CPU, NCCL on CUDA).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from icanvas_desktop.ml.checkpoint import save_style
from icanvas_desktop.ml.device import choose_device
from icanvas_desktop.ml.networks import PatchDiscriminator, build_generator
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training import datasets
from icanvas_desktop.training.colour_balance import balanced_l1, family_frequencies, family_weights
from icanvas_desktop.training.config import TrainConfig
from icanvas_desktop.training.dedupe import drop_colour_variants
from icanvas_desktop.training.palette import class_weights, fit_palette, palette_loss
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
    exists on one machine; other values are style files, relative to the repository root."""
    if init_from.startswith("recipe:"):
        return datasets.default_cache().parent / "train" / init_from[len("recipe:"):] / f"{name}.safetensors"
    path = Path(init_from).expanduser()
    if not path.is_absolute() and not path.exists():
        path = Path(__file__).resolve().parents[2] / path
    return path


def warm_start(G: torch.nn.Module, cfg: TrainConfig, arch_config: dict) -> None:
    """Load the generator weights of the style `cfg.init_from` into G: the same network, or
    the same one with more input channels (a style learning to take colour hints). New input
    channels start with zero weights, so the warm-started network draws exactly what the old
    one drew until training teaches it to read them."""
    from icanvas_desktop.ml.checkpoint import load_style
    path = init_path(cfg.init_from, cfg.name)
    src, meta = load_style(path)
    same = {k: v for k, v in meta["arch_config"].items() if k != "in_ch"} == \
        {k: v for k, v in arch_config.items() if k != "in_ch"}
    if meta["arch"] != cfg.arch or not same or meta["arch_config"].get("in_ch", 1) > arch_config.get("in_ch", 1):
        raise ValueError(f"{path}: its network ({meta['arch']} {meta['arch_config']}) is not the "
                         f"one this recipe trains ({cfg.arch} {arch_config})")
    own = G.state_dict()
    state = {}
    for k, v in src.state_dict().items():
        t = own[k]
        if v.shape != t.shape:   # only an input convolution can differ: (out, in, kh, kw)
            w = torch.zeros_like(t)
            w[:, :v.shape[1]] = v
            v = w
        state[k] = v.to(t.device, t.dtype)
    G.load_state_dict(state)


def train(cfg: TrainConfig, data_dir: Path, work: Path, out: Path | None = None,
          device: str = "auto", recipe_file: str | None = None) -> Path:
    """Train (or resume) in `work`; write the style to `out`. `recipe_file` names the recipe
    in the style's metadata, so its model card can say how to train it again."""
    rank, world = _dist_info()
    work.mkdir(parents=True, exist_ok=True)
    dev = torch.device(choose_device(device))
    if world > 1:
        import torch.distributed as dist
        dist.init_process_group("nccl" if dev.type == "cuda" else "gloo")
        if dev.type == "cuda":
            dev = torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0)))
    torch.set_num_threads(max(1, cfg.threads // world))
    torch.manual_seed(cfg.seed + rank)
    spec = IOSpec.from_meta(cfg.io)
    arch_config = generator_config(cfg, spec)
    G = build_generator(cfg.arch, arch_config).to(dev)
    D = PatchDiscriminator(spec.in_channels + 3, cfg.ndf).to(dev)
    opt_g = torch.optim.Adam(G.parameters(), lr=cfg.lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=cfg.lr, betas=(0.5, 0.999))
    state_path = work / "state.pt"
    step, elapsed, phase = 0, 0.0, "main"
    rng = np.random.default_rng(cfg.seed + 1000 * rank)
    if state_path.exists():
        st = torch.load(state_path, map_location=dev, weights_only=True)
        G.load_state_dict(st["G"]); D.load_state_dict(st["D"])
        opt_g.load_state_dict(st["opt_g"]); opt_d.load_state_dict(st["opt_d"])
        step, elapsed = int(st["step"]), float(st["elapsed"])
        phase = "final" if int(st.get("phase", 0)) else "main"
        rng = np.random.default_rng([cfg.seed + 1000 * rank, step])
        _log(f"resumed at step {step} ({elapsed / 60:.1f} min trained)", rank)
    elif cfg.init_from:
        warm_start(G, cfg, arch_config)
        _log(f"generator starts from {cfg.init_from}", rank)
    palette = getattr(G, "palette_size", 0)
    if cfg.lambda_ce > 0 and palette <= 0:  # before minutes of data preparation, not after
        raise ValueError("lambda_ce needs a palette generator (arch_config palette = K)")
    fresh_palette = palette > 0 and not state_path.exists() and not cfg.init_from
    gm, dm = G, D
    if world > 1:
        from torch.nn.parallel import DistributedDataParallel as DDP
        gm, dm = DDP(G), DDP(D)

    def save_state() -> None:
        if rank != 0:
            return
        tmp = work / "state.pt.tmp"
        torch.save({"G": G.state_dict(), "D": D.state_dict(), "opt_g": opt_g.state_dict(),
                    "opt_d": opt_d.state_dict(), "step": step, "elapsed": elapsed,
                    "phase": int(phase == "final")}, tmp)
        os.replace(tmp, state_path)

    main_steps = cfg.max_steps
    budget = cfg.max_minutes * 60
    phases = [("main", spec.size, cfg.batch)]
    if cfg.final_steps > 0 and spec.final_size != spec.size:
        phases.append(("final", spec.final_size, cfg.final_batch))
    source = {}
    last_ckpt = time.time()
    for name, size, batch in phases:
        if name == "main" and phase == "final":
            continue
        phase = name
        data, idx, ink, tgt = prepare_data(cfg, spec, data_dir, size, work, rank)
        source = data.source
        weights = group_weights(data, idx, cfg.balance_groups)
        if cfg.balance_hues > 0:
            weights, shares = hue_weights(tgt[:, 0], weights, cfg.balance_hues)
            _log("main colours as sampled: " + ", ".join(f"{k} {v:.0%}" for k, v in
                                                          sorted(shares.items(), key=lambda kv: -kv[1])), rank)
        if fresh_palette:
            # fitted once, on the first phase's clean training pictures; then it is a buffer of G
            # that checkpoints, resumes and ships with the weights
            G.set_palette(fit_palette(tgt[:, 0], palette, cfg.seed).to(dev))
            fresh_palette = False
        class_w = None
        if cfg.lambda_ce > 0:
            class_w = class_weights(tgt[:, 0], G.colours.cpu(), cfg.ce_rebalance, cfg.seed).to(dev)
            _log(f"palette of {palette} colours; class weights {class_w.min():.2f}..{class_w.max():.2f} "
                 f"(paper {class_w[0]:.2f})", rank)
        colour_w = None
        if cfg.colour_balance > 0:
            colour_w = family_weights(family_frequencies(tgt[:, 0], weights), cfg.colour_balance).to(dev)
            _log("colour balance: loss weight per family (red yellow green cyan blue magenta | grey) "
                 + " ".join(f"{v:.2f}" for v in colour_w.tolist()), rank)
        end_step = main_steps if name == "main" else None
        final_start = step
        t_start, elapsed0, step0 = time.time(), elapsed, step
        while True:
            if name == "main" and (step >= end_step or elapsed >= budget):
                break
            if name == "final" and step - final_start >= cfg.final_steps and final_start != step:
                break
            if cfg.lr_end is not None:
                lr = cfg.lr_end if name == "final" else \
                    cfg.lr + (cfg.lr_end - cfg.lr) * min(1.0, elapsed / max(budget, 1e-6))
                for group in opt_g.param_groups + opt_d.param_groups:
                    group["lr"] = lr
            rows = rng.choice(len(idx), size=batch, p=weights)
            cols = np.where(rng.random(batch) < cfg.clean_fraction, 0,
                            rng.integers(1, ink.shape[1], batch)) if ink.shape[1] > 1 else np.zeros(batch, int)
            x, y = batch_arrays(rng, ink, tgt, rows, cols, spec, cfg.hint_prob)
            x, y = torch.from_numpy(x).to(dev), torch.from_numpy(y).to(dev)
            if class_w is not None:
                fake, logits = gm(x, return_logits=True)
            else:
                fake = gm(x)
            # discriminator: LSGAN on (input, picture) pairs
            opt_d.zero_grad(set_to_none=True)
            d_real = dm(torch.cat([x, y], 1))
            d_fake = dm(torch.cat([x, fake.detach()], 1))
            loss_d = 0.5 * (F.mse_loss(d_real, torch.ones_like(d_real)) + F.mse_loss(d_fake, torch.zeros_like(d_fake)))
            loss_d.backward()
            opt_d.step()
            # generator: fool D, stay close to the picture
            opt_g.zero_grad(set_to_none=True)
            d_fake = dm(torch.cat([x, fake], 1))
            loss_gan = F.mse_loss(d_fake, torch.ones_like(d_fake))
            loss_l1 = balanced_l1(fake, y, colour_w) if colour_w is not None else F.l1_loss(fake, y)
            loss_g = cfg.gan_weight * loss_gan + cfg.lambda_l1 * loss_l1
            if class_w is not None:
                loss_ce = palette_loss(logits, y, G.colours, class_w)
                loss_g = loss_g + cfg.lambda_ce * loss_ce
            loss_g.backward()
            opt_g.step()
            step += 1
            elapsed = elapsed0 + time.time() - t_start
            if step % 10 == 0:
                rate = (step - step0) * batch * world / max(1e-6, time.time() - t_start)
                left = min(budget - elapsed, (end_step - step) * batch * world / max(rate, 1e-6)) \
                    if name == "main" else (cfg.final_steps - (step - final_start)) * batch / max(rate, 1e-6)
                ce = f"ce {loss_ce.item():.3f} " if class_w is not None else ""
                _log(f"[{name} {size}²] step {step} l1 {loss_l1.item():.3f} {ce}gan {loss_gan.item():.3f} "
                     f"d {loss_d.item():.3f} | {rate:.1f} samples/s | ETA {max(0, left) / 60:.1f} min", rank)
            if time.time() - last_ckpt > cfg.checkpoint_minutes * 60:
                save_state()
                last_ckpt = time.time()
            if rank == 0 and cfg.sheet_every and step % cfg.sheet_every == 0:
                from icanvas_desktop.training.evaluate import sheet_for_model
                sheet_for_model(G, spec, data, size, 8).save(work / f"sheet_{step:06d}.png")
                G.train()
        save_state()
    recipe = recipe_record(cfg, step, elapsed, dev.type, world, recipe_file)
    out = out or work / f"{cfg.name}.safetensors"
    if rank == 0:
        G.eval()
        save_style(out, G, style_metadata(cfg, arch_config, spec, source, recipe, {}))
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
