"""The pix2pix model as it trains: G, the PatchGAN D, their optimisers, and one step in
pix2pix's named parts (set_input, forward, backward_D, backward_G, optimize).

training/train.py drives it: data, phases, checkpoints. The objective is LSGAN on (input,
picture) pairs plus λ·L1 (colour-balanced when the recipe asks), plus λ·cross-entropy over the
palette for a palette generator.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from icanvas_desktop.ml.networks import PatchDiscriminator, build_generator
from icanvas_desktop.ml.preprocess import IOSpec
from icanvas_desktop.training.colour_balance import balanced_l1
from icanvas_desktop.training.config import TrainConfig
from icanvas_desktop.training.palette import palette_loss


class Pix2Pix:
    """The generator G, the PatchGAN discriminator D and their optimisers."""

    def __init__(self, cfg: TrainConfig, spec: IOSpec, arch_config: dict, dev: torch.device):
        self.cfg = cfg
        self.G = build_generator(cfg.arch, arch_config).to(dev)
        self.D = PatchDiscriminator(spec.in_channels + 3, cfg.ndf).to(dev)
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=cfg.lr, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=cfg.lr, betas=(0.5, 0.999))
        self.gm, self.dm = self.G, self.D         # the same, wrapped for data-parallel runs
        self.class_w: torch.Tensor | None = None  # palette class weights (lambda_ce > 0)
        self.colour_w: torch.Tensor | None = None  # L1 weight per colour family (colour_balance > 0)

    def distribute(self, world: int) -> None:
        """Wrap for data-parallel training, once the weights are loaded (DDP copies rank 0's)."""
        if world > 1:
            from torch.nn.parallel import DistributedDataParallel as DDP
            self.gm, self.dm = DDP(self.G), DDP(self.D)

    def state(self, step: int, elapsed: float, phase: str) -> dict:
        """What state.pt holds (its keys are a format: running trainings resume from it)."""
        return {"G": self.G.state_dict(), "D": self.D.state_dict(), "opt_g": self.opt_g.state_dict(),
                "opt_d": self.opt_d.state_dict(), "step": step, "elapsed": elapsed,
                "phase": int(phase == "final")}

    def load(self, state: dict) -> None:
        self.G.load_state_dict(state["G"]); self.D.load_state_dict(state["D"])
        self.opt_g.load_state_dict(state["opt_g"]); self.opt_d.load_state_dict(state["opt_d"])

    def set_lr(self, lr: float) -> None:
        for group in self.opt_g.param_groups + self.opt_d.param_groups:
            group["lr"] = lr

    def set_input(self, x: torch.Tensor, y: torch.Tensor) -> None:
        self.x, self.y = x, y

    def forward(self) -> None:
        if self.class_w is not None:
            self.fake, self.logits = self.gm(self.x, return_logits=True)
        else:
            self.fake = self.gm(self.x)

    def backward_D(self) -> None:
        """LSGAN: real pairs towards 1, generated pairs (detached from G) towards 0."""
        d_real = self.dm(torch.cat([self.x, self.y], 1))
        d_fake = self.dm(torch.cat([self.x, self.fake.detach()], 1))
        self.loss_d = 0.5 * (F.mse_loss(d_real, torch.ones_like(d_real))
                             + F.mse_loss(d_fake, torch.zeros_like(d_fake)))
        self.loss_d.backward()

    def backward_G(self) -> None:
        """Fool D, and stay close to the picture."""
        cfg = self.cfg
        d_fake = self.dm(torch.cat([self.x, self.fake], 1))
        self.loss_gan = F.mse_loss(d_fake, torch.ones_like(d_fake))
        self.loss_l1 = balanced_l1(self.fake, self.y, self.colour_w) if self.colour_w is not None \
            else F.l1_loss(self.fake, self.y)
        loss_g = cfg.gan_weight * self.loss_gan + cfg.lambda_l1 * self.loss_l1
        if self.class_w is not None:
            self.loss_ce = palette_loss(self.logits, self.y, self.G.colours, self.class_w)
            loss_g = loss_g + cfg.lambda_ce * self.loss_ce
        loss_g.backward()

    def optimize(self, x: torch.Tensor, y: torch.Tensor) -> None:
        """One training step: D first (on G's picture), then G."""
        self.set_input(x, y)
        self.forward()
        self.opt_d.zero_grad(set_to_none=True)
        self.backward_D()
        self.opt_d.step()
        self.opt_g.zero_grad(set_to_none=True)
        self.backward_G()
        self.opt_g.step()

    def losses(self) -> str:
        ce = f"ce {self.loss_ce.item():.3f} " if self.class_w is not None else ""
        return f"l1 {self.loss_l1.item():.3f} {ce}gan {self.loss_gan.item():.3f} d {self.loss_d.item():.3f}"
