"""The mesh over each part and the warp that carries the picture (motion/mesh.py)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from icanvas_desktop.motion.figure import find_figure
from icanvas_desktop.motion.mesh import Warper, build_mesh


def two_things() -> Image.Image:
    """A blue ball and, close to it but apart, a red bar."""
    img = Image.new("RGB", (400, 300), "white")
    d = ImageDraw.Draw(img)
    d.ellipse((60, 80, 200, 220), fill=(40, 110, 230), outline="black", width=5)
    d.rectangle((270, 60, 300, 240), fill=(230, 50, 50), outline="black", width=4)
    return img


def setup(img=None):
    fig = find_figure(img or two_things(), long_side=400)
    mesh = build_mesh(fig)
    return fig, mesh, Warper(fig, mesh)


def test_the_still_pose_gives_back_the_picture_exactly():
    fig, mesh, warper = setup()
    assert np.array_equal(warper.render(mesh.rest), fig.image)


def test_moving_every_vertex_by_whole_pixels_moves_the_picture_by_as_many():
    fig, mesh, warper = setup()
    moved = warper.render(mesh.rest + (7, -5))
    assert np.array_equal(moved[:-5 or None, 7:][:295 - 5], fig.image[5:, :-7][:295 - 5])
    assert (moved[-5:] == 255).all() and (moved[:, :7] == 255).all()   # paper where it was


def test_the_mesh_covers_all_ink_and_each_part_has_its_own_vertices():
    fig, mesh, warper = setup()
    flat, _, _, label = warper.source_map(mesh.rest)
    covered = np.zeros(fig.owner.size, bool)
    covered[flat] = True
    assert covered[fig.owner.ravel() > 0].all()
    assert len(mesh.spans) == len(fig.parts) == 2
    for tri in mesh.tris:                      # no triangle joins two parts
        assert len({next(i for i, s in enumerate(mesh.spans) if s.start <= v < s.stop) for v in tri}) == 1


def test_a_part_never_drags_its_neighbours_ink_along():
    fig, mesh, warper = setup()
    ball = mesh.spans[0] if fig.parts[0].box[0] < 200 else mesh.spans[1]
    moved = mesh.rest.copy()
    moved[ball] += (0, -40)                    # only the ball jumps
    frame = warper.render(moved)
    red = (frame[..., 0] > 180) & (frame[..., 1] < 100)
    blue = (frame[..., 2] > 180) & (frame[..., 0] < 100)
    assert red[:, 260:310].sum() == ((fig.image[..., 0] > 180) & (fig.image[..., 1] < 100)).sum()
    assert not red[:, :240].any()              # no red copy travelled with the ball
    assert blue[:120].any() and not blue[250:].any()


def test_where_two_parts_overlap_ink_shows_and_paper_never_covers_it():
    fig, mesh, warper = setup()
    bar = mesh.spans[0] if fig.parts[0].box[0] > 200 else mesh.spans[1]
    moved = mesh.rest.copy()
    moved[bar] += (-110, 0)                    # the bar slides over the ball
    frame = warper.render(moved)
    blue = (frame[..., 2] > 180) & (frame[..., 0] < 100)
    red = (frame[..., 0] > 180) & (frame[..., 1] < 100)
    # The bar (the smaller part) passes in front; the ball's blue stays all around it.
    assert red[100:200, 165:186].all() and blue[100:200, 100:150].mean() > 0.9
