"""Colour classification for palette generators: the palette, its class weights, its loss."""

import numpy as np
import pytest
import torch

from icanvas_desktop.training.palette import class_weights, fit_palette, palette_index, palette_loss

RED, GREEN, BLUE = (220, 30, 30), (30, 170, 60), (40, 80, 230)


def pictures(n=6, size=32):
    """White pages with a big red block and small green and blue ones (green rarest)."""
    out = np.full((n, size, size, 3), 255, np.uint8)
    out[:, 4:20, 4:20] = RED
    out[:, 22:26, 4:12] = GREEN
    out[:, 22:30, 16:28] = BLUE
    return out


def test_palette_has_paper_first_and_finds_the_pictures_colours():
    pal = fit_palette(pictures(), 4)
    assert pal.shape == (4, 3)
    rgb = (pal + 1) * 127.5
    assert torch.allclose(rgb[0], torch.tensor([255.0, 255, 255]))
    for c in (RED, GREEN, BLUE):
        assert (rgb - torch.tensor(c, dtype=torch.float32)).abs().max(1).values.min() < 2


def test_palette_refuses_pictures_with_too_few_colours():
    with pytest.raises(ValueError, match="too few coloured pixels"):
        fit_palette(np.full((2, 16, 16, 3), 255, np.uint8), 4)


def test_each_pixel_takes_its_nearest_palette_colour():
    colours = torch.tensor([[1.0, 1, 1], [-1, -1, -1], [1, -1, -1]]).t()   # white, black, red
    y = torch.tensor([0.9, 0.8, 0.7]).view(1, 3, 1, 1).expand(1, 3, 2, 2).clone()
    y[0, :, 1, 1] = torch.tensor([0.6, -0.8, -0.9])
    y[0, :, 0, 1] = torch.tensor([-0.8, -0.9, -0.7])
    idx = palette_index(y, colours)
    assert idx[0, 1, 1] == 2 and idx[0, 0, 1] == 1 and idx[0, 0, 0] == 0


def test_class_weights_favour_rare_colours_and_average_to_one():
    pics = pictures()
    pal = fit_palette(pics, 4).t()
    w = class_weights(pics, pal, 0.5)
    idx = palette_index(torch.from_numpy(pics).permute(0, 3, 1, 2).float() / 127.5 - 1, pal)
    p = torch.bincount(idx.flatten(), minlength=4).float() / idx.numel()
    assert abs(float((p * w).sum()) - 1.0) < 0.02   # mean weight one over the pixels (sampled)
    assert w[0] == w.min()                            # paper, the commonest, weighs least
    assert torch.allclose(class_weights(pics, pal, 1.0), torch.ones(4), atol=0.05)


def test_palette_loss_is_low_for_logits_on_the_right_colours():
    colours = torch.tensor([[1.0, 1, 1], [1, -1, -1]]).t()
    y = torch.ones(1, 3, 4, 4)
    y[0, 1:, :2] = -1                                # top half red, bottom half white
    right = torch.zeros(1, 2, 4, 4)
    right[0, 1, :2] = 8
    right[0, 0, 2:] = 8
    assert palette_loss(right, y, colours, None) < 0.01 < palette_loss(-right, y, colours, None)
