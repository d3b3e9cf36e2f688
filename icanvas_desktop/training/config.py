"""Typed training configuration, read from a small TOML recipe (no global options object)."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path


@dataclass(frozen=True)
class TrainConfig:
    name: str                                   # style name, e.g. "sticker"
    dataset: str                                # data set folder name in the cache
    title: dict = field(default_factory=lambda: {"en": "", "ko": ""})
    description: dict = field(default_factory=dict)
    arch: str = "fast_unet"
    arch_config: dict = field(default_factory=lambda: {"channels": [24, 48, 96, 160, 224, 224]})
    io: dict = field(default_factory=dict)      # IOSpec fields (size, hints, overlay_lines, ...)
    batch: int = 8
    lr: float = 2e-4
    # pix2pix's linear decay: the main phase's learning rate falls from lr to lr_end over its time
    # budget, and the final phase trains at lr_end (None = constant lr throughout)
    lr_end: float | None = None
    lambda_l1: float = 100.0
    gan_weight: float = 1.0
    ndf: int = 32
    aug_variants: int = 3                       # precomputed hand-drawn variants per picture
    clean_fraction: float = 0.25                # share of clean (unaugmented) inputs
    balance_groups: bool = True                 # equal chance per category, so faces don't win
    bare_outlines: float = 0.0                  # share of hand-drawn variants drawn from the bare silhouette outline
    dedupe_lines: float = 0.0                   # drop colour variants of one line art (IoU threshold, 0 = keep all)
    hint_prob: float = 0.7                      # share of samples that get colour hints
    colour_balance: float = 0.0                 # rebalance L1 by colour rarity: weight share^-x (0 = plain L1)
    balance_hues: float = 0.0                   # show rare main colours more often: sample weight share^-x
    # Palette generators (arch_config palette = K): weight of the colour-classification loss, and
    # its class-weight mix (1 = plain cross-entropy, 0 = every colour the same total weight).
    lambda_ce: float = 0.0
    ce_rebalance: float = 0.5
    max_minutes: float = 60.0
    max_steps: int = 100000
    final_steps: int = 0                        # extra steps at io.final_size (mixed resolution)
    final_batch: int = 4
    checkpoint_minutes: float = 5.0
    sheet_every: int = 500
    seed: int = 1234
    threads: int = 2
    limit: int | None = None                    # use only the first N pictures (smoke tests)
    # Warm start: a style file (.safetensors) whose generator weights the run begins from, so a
    # longer run continues a shipped style instead of repeating its first hour. Relative paths
    # are taken from the repository root; "recipe:STEM" is what recipes/STEM.toml trained (its
    # work folder in the cache). Ignored once the run has its own checkpoint.
    init_from: str | None = None

    @staticmethod
    def from_file(path: Path | str) -> "TrainConfig":
        data = tomllib.loads(Path(path).read_text("utf-8"))
        known = {f.name for f in fields(TrainConfig)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{path}: unknown keys {unknown}")
        return TrainConfig(**data)

    def to_dict(self) -> dict:
        return asdict(self)
