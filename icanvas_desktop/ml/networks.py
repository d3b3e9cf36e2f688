"""Generator and discriminator networks, in one explicit registry.

* `unet_256` / `unet_128`: the classic pix2pix U-Net, laid out module for module like the
  public pytorch-CycleGAN-and-pix2pix `UnetGenerator`, so its `latest_net_G.pth` state dict
  loads with the same nested `model.model.1.model.3...` keys.
* `fast_unet`: our CPU generator: depthwise-separable convolutions, nearest-neighbour resize
  then convolution on the way up (no checkerboard), and optional low-resolution prediction.

The registry maps an architecture name to a builder taking a plain config dict; a checkpoint
stores that name and dict, so loading needs no command-line flags.
"""

from __future__ import annotations

import functools
from typing import Callable

import torch
from torch import nn
import torch.nn.functional as F


# --------------------------------------------------------------------------- classic pix2pix
def _norm_layer(norm: str):
    if norm == "batch":
        return functools.partial(nn.BatchNorm2d, affine=True, track_running_stats=True)
    if norm == "instance":
        return functools.partial(nn.InstanceNorm2d, affine=False, track_running_stats=False)
    raise ValueError(f"unknown norm {norm!r} (expected 'batch' or 'instance')")


class UnetSkipConnectionBlock(nn.Module):
    """One level of the classic U-Net; attribute names match the public implementation."""

    def __init__(self, outer_nc, inner_nc, input_nc=None, submodule=None, outermost=False,
                 innermost=False, norm_layer=nn.BatchNorm2d, use_dropout=False):
        super().__init__()
        self.outermost = outermost
        use_bias = norm_layer.func == nn.InstanceNorm2d if isinstance(norm_layer, functools.partial) \
            else norm_layer == nn.InstanceNorm2d
        if input_nc is None:
            input_nc = outer_nc
        downconv = nn.Conv2d(input_nc, inner_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
        downrelu = nn.LeakyReLU(0.2, True)
        downnorm = norm_layer(inner_nc)
        uprelu = nn.ReLU(True)
        upnorm = norm_layer(outer_nc)
        if outermost:
            upconv = nn.ConvTranspose2d(inner_nc * 2, outer_nc, kernel_size=4, stride=2, padding=1)
            model = [downconv, submodule, uprelu, upconv, nn.Tanh()]
        elif innermost:
            upconv = nn.ConvTranspose2d(inner_nc, outer_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
            model = [downrelu, downconv, uprelu, upconv, upnorm]
        else:
            upconv = nn.ConvTranspose2d(inner_nc * 2, outer_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
            model = [downrelu, downconv, downnorm, submodule, uprelu, upconv, upnorm]
            if use_dropout:
                model = model + [nn.Dropout(0.5)]
        self.model = nn.Sequential(*model)

    def forward(self, x):
        if self.outermost:
            return self.model(x)
        return torch.cat([x, self.model(x)], 1)


class ClassicUnet(nn.Module):
    """pix2pix `UnetGenerator(input_nc, output_nc, num_downs, ngf, norm, use_dropout)`."""

    def __init__(self, input_nc=3, output_nc=3, num_downs=8, ngf=64, norm="batch", use_dropout=True):
        super().__init__()
        norm_layer = _norm_layer(norm)
        block = UnetSkipConnectionBlock(ngf * 8, ngf * 8, norm_layer=norm_layer, innermost=True)
        for _ in range(num_downs - 5):  # the three innermost non-bottom blocks carry dropout
            block = UnetSkipConnectionBlock(ngf * 8, ngf * 8, submodule=block, norm_layer=norm_layer,
                                            use_dropout=use_dropout)
        block = UnetSkipConnectionBlock(ngf * 4, ngf * 8, submodule=block, norm_layer=norm_layer)
        block = UnetSkipConnectionBlock(ngf * 2, ngf * 4, submodule=block, norm_layer=norm_layer)
        block = UnetSkipConnectionBlock(ngf, ngf * 2, submodule=block, norm_layer=norm_layer)
        self.model = UnetSkipConnectionBlock(output_nc, ngf, input_nc=input_nc, submodule=block,
                                             outermost=True, norm_layer=norm_layer)
        self.norm = norm

    def forward(self, x):
        return self.model(x)

    def prepare_for_inference(self) -> None:
        """The public project never calls eval() at test time: BatchNorm keeps using batch
        statistics, which at batch size 1 is instance normalisation, and dropout stays on.
        We reproduce the normalisation (that is what its weights were tuned for) but switch
        dropout off, so that a render is deterministic for the same sketch."""
        self.eval()
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.train()
                m.track_running_stats = False  # use batch stats; never update the stored ones
                m.running_mean = None
                m.running_var = None


# --------------------------------------------------------------------------- fast generator
class FixedNorm(nn.Module):
    """A normalisation with fixed per-channel statistics: (x - mean) / sqrt(var + eps), then a
    learned scale and shift, the same for every picture.

    InstanceNorm measures each picture's statistics as it runs, and ONNX Runtime cannot fold it
    into the convolution before it: at 256² the 16 InstanceNorms of `FastUnet`, and the layout
    conversions round each of them, took two fifths of the network pass (docs/experiments.md).
    With fixed statistics the norm is a BatchNormalization, which the ONNX export folds into the
    convolution before it, and the whole pass stays in ONNX Runtime's blocked layout. The statistics are buffers, so they
    travel with the weights; `calibrating` (set by training's warm start) measures them once,
    layer after layer, on a batch of training inputs."""

    def __init__(self, channels: int, eps: float = 1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        self.register_buffer("mean", torch.zeros(channels))
        self.register_buffer("var", torch.ones(channels))
        self.calibrating = False

    def forward(self, x):
        if self.calibrating:
            # The statistics InstanceNorm would have used, averaged over the batch: each picture's
            # own mean and variance, so that a typical picture is scaled as it was.
            with torch.no_grad():
                self.mean.copy_(x.mean((2, 3)).mean(0))
                self.var.copy_(x.var((2, 3), unbiased=False).mean(0))
        return F.batch_norm(x, self.mean, self.var, self.weight, self.bias, False, 0.0, self.eps)


NORMS = {"instance": lambda ch: nn.InstanceNorm2d(ch, affine=True), "fixed": FixedNorm}


class DSConv(nn.Module):
    """Depthwise 3×3 (optionally strided) then pointwise 1×1, a normalisation, activation."""

    def __init__(self, cin: int, cout: int, stride: int = 1, act: bool = True, norm: str = "instance"):
        super().__init__()
        self.dw = nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False)
        self.pw = nn.Conv2d(cin, cout, 1, bias=False)
        self.norm = NORMS[norm](cout)
        self.act = nn.LeakyReLU(0.2, inplace=True) if act else nn.Identity()

    def forward(self, x):
        return self.act(self.norm(self.pw(self.dw(x))))


def fuse_upsampled(fuse: nn.Conv2d, h, skip):
    """pix2pix's decoder step fuse(cat(up(h), skip)), with `fuse` a 1×1 convolution and `up`
    nearest ×2, worked out as up(fuse_h(h)) + fuse_skip(skip): a 1×1 convolution commutes with
    nearest resizing, so its share for h runs on a quarter of the pixels and no concatenated
    copy is made. The same sum, a fifth faster through ONNX Runtime at 256² (docs/engine.md);
    the weights are as trained."""
    n = fuse.in_channels - fuse.out_channels   # h's share (a constant: the export folds the split)
    w = fuse.weight
    return F.interpolate(F.conv2d(h, w[:, :n]), scale_factor=2.0, mode="nearest") + F.conv2d(skip, w[:, n:])


class FastUnet(nn.Module):
    """A U-Net for 2-core CPUs.

    Encoder: a full 3×3 stem, then per level a strided DS conv and a residual DS conv.
    Decoder: nearest ×2 resize, concatenate the skip, 1×1 fuse, residual DS conv. With
    `low_res_out`, the last decoder level is skipped and the picture is predicted at half
    resolution and resized bilinearly; the child's crisp lines are drawn over it later.

    With `palette` = K > 0 the network classifies instead of regressing (Zhang et al.,
    "Colorful Image Colorization"): it predicts a distribution over K palette colours per pixel,
    and the picture is its annealed mean (softmax(logits / temperature) · colours). L1 regression
    averages the colours a shape could have (a heart outline is red, pink, yellow, green... in the
    data) into one brownish orange for every sketch; a distribution keeps the modes apart. The
    colours are a buffer, so they travel with the weights; training sets them by k-means.

    `norm` is "instance" (InstanceNorm, as pix2pix) or "fixed" (`FixedNorm`: fixed statistics,
    which ONNX Runtime folds into the convolutions, for a faster pass).
    """

    def __init__(self, in_ch: int = 1, out_ch: int = 3, channels=(24, 48, 96, 160, 224, 224),
                 low_res_out: bool = False, palette: int = 0, temperature: float = 0.38,
                 norm: str = "instance"):
        super().__init__()
        if norm not in NORMS:
            raise ValueError(f"unknown normalisation {norm!r}; known: {sorted(NORMS)}")
        ch = list(channels)
        self.low_res_out = bool(low_res_out)
        self.stem = nn.Sequential(nn.Conv2d(in_ch, ch[0], 3, 1, 1, bias=False),
                                  NORMS[norm](ch[0]), nn.LeakyReLU(0.2, True))
        self.down = nn.ModuleList(DSConv(a, b, stride=2, norm=norm) for a, b in zip(ch, ch[1:]))
        self.down_res = nn.ModuleList(DSConv(b, b, norm=norm) for b in ch[1:])
        ups = list(range(len(ch) - 1, 0, -1))  # decode level i back to level i-1
        if self.low_res_out:
            ups = ups[:-1]
        self.fuse = nn.ModuleList(nn.Conv2d(ch[i] + ch[i - 1], ch[i - 1], 1, bias=False) for i in ups)
        self.up_res = nn.ModuleList(DSConv(ch[i - 1], ch[i - 1], norm=norm) for i in ups)
        last = ch[1] if self.low_res_out else ch[0]
        self.palette_size = int(palette)
        self.temperature = float(temperature)
        if self.palette_size > 0:
            # 1×1 logits: a 3×3 conv to K channels would cost more than the rest of the network
            self.head = nn.Conv2d(last, self.palette_size, 1)
            self.register_buffer("colours", torch.zeros(out_ch, self.palette_size))
        else:
            self.head = nn.Conv2d(last, out_ch, 3, 1, 1)

    def set_palette(self, colours: torch.Tensor) -> None:
        """Palette colours, shaped (K, out_ch), in the output range [-1, 1]."""
        self.colours.copy_(colours.t().to(self.colours))

    def forward(self, x, return_logits: bool = False):
        size = x.shape[-2:]
        h = self.stem(x)
        skips = [h]
        for down, res in zip(self.down, self.down_res):
            h = down(h)
            h = h + res(h)
            skips.append(h)
        skips.pop()
        for fuse, res in zip(self.fuse, self.up_res):
            h = fuse_upsampled(fuse, h, skips.pop())
            h = h + res(h)
        if self.palette_size > 0:
            logits = self.head(h)
            if self.low_res_out:
                logits = F.interpolate(logits, size=size, mode="bilinear", align_corners=False)
            probs = torch.softmax(logits / self.temperature, 1)
            out = F.conv2d(probs, self.colours[:, :, None, None])
            return (out, logits) if return_logits else out
        out = torch.tanh(self.head(h))
        if self.low_res_out:
            out = F.interpolate(out, size=size, mode="bilinear", align_corners=False)
        return (out, None) if return_logits else out


# --------------------------------------------------------------------------- discriminator
class PatchDiscriminator(nn.Module):
    """pix2pix's N-layer PatchGAN, with InstanceNorm so that batch size does not matter."""

    def __init__(self, in_ch: int = 4, ndf: int = 32, n_layers: int = 3):
        super().__init__()
        layers = [nn.Conv2d(in_ch, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)]
        mult = 1
        for n in range(1, n_layers + 1):
            prev, mult = mult, min(2 ** n, 8)
            stride = 2 if n < n_layers else 1
            layers += [nn.Conv2d(ndf * prev, ndf * mult, 4, stride, 1, bias=False),
                       nn.InstanceNorm2d(ndf * mult, affine=True), nn.LeakyReLU(0.2, True)]
        layers += [nn.Conv2d(ndf * mult, 1, 4, 1, 1)]
        self.model = nn.Sequential(*layers)

    def forward(self, x):
        return self.model(x)


# --------------------------------------------------------------------------- registry
def _unet(num_downs: int) -> Callable[..., nn.Module]:
    def build(input_nc=3, output_nc=3, ngf=64, norm="batch", use_dropout=True, **_):
        return ClassicUnet(input_nc, output_nc, num_downs, ngf, norm, use_dropout)
    return build


def _fast(in_ch=1, out_ch=3, channels=(24, 48, 96, 160, 224, 224), low_res_out=False, palette=0,
          temperature=0.38, norm="instance", **_):
    return FastUnet(in_ch, out_ch, tuple(channels), low_res_out, palette, temperature, norm)


GENERATORS: dict[str, Callable[..., nn.Module]] = {
    "unet_256": _unet(8),
    "unet_128": _unet(7),
    "fast_unet": _fast,
}


def build_generator(arch: str, config: dict) -> nn.Module:
    try:
        builder = GENERATORS[arch]
    except KeyError:
        raise ValueError(f"unknown generator architecture {arch!r}; known: {sorted(GENERATORS)}") from None
    return builder(**config)


def count_macs(model: nn.Module, size: int, in_ch: int) -> int:
    """Multiply-accumulates of one forward pass (convolutions only), via forward hooks."""
    total = 0

    def hook(m, inp, out):
        nonlocal total
        if not isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            return
        kk = m.kernel_size[0] * m.kernel_size[1]
        if isinstance(m, nn.ConvTranspose2d):
            total += inp[0].numel() * (m.out_channels // m.groups) * kk
        elif isinstance(m, nn.Conv2d):
            total += out.numel() * (m.in_channels // m.groups) * kk

    handles = [m.register_forward_hook(hook) for m in model.modules()]
    with torch.no_grad():
        model(torch.zeros(1, in_ch, size, size))
    for h in handles:
        h.remove()
    return total
