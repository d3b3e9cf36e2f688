"""Cutting a picture into parts and finding legs (motion/figure.py)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from icanvas_desktop.core.raster import sketch_image
from icanvas_desktop.core.sample_drawings import house
from icanvas_desktop.motion.figure import MotionError, find_figure, find_legs, looks_like_sketch, on_paper


def page(draw, size=(512, 384)) -> Image.Image:
    img = Image.new("RGB", size, "white")
    draw(ImageDraw.Draw(img))
    return img


def creature(d, legs=(200, 230, 290, 320), foot_y=330):
    """A coloured body with stick legs hanging from it to `foot_y`."""
    d.ellipse((170, 150, 350, 250), fill=(230, 90, 70), outline="black", width=5)
    for x in legs:
        d.line([(x, 232), (x + 3, foot_y)], fill="black", width=6)


def test_an_empty_page_is_refused_with_a_sentence_for_a_child():
    with pytest.raises(MotionError, match="nothing to move"):
        find_figure(Image.new("RGB", (300, 200), "white"))


def test_off_white_paper_and_specks_of_dust_are_paper():
    img = page(lambda d: d.ellipse((200, 150, 300, 250), fill=(40, 120, 220), outline="black", width=4))
    rgb = np.asarray(img).copy()
    rgb[rgb.min(2) == 255] = (246, 244, 240)          # a cream, scanned page
    rgb[10, 10] = (90, 90, 90)                        # one speck of dust
    fig = find_figure(Image.fromarray(rgb), long_side=512)
    paper = fig.owner == 0
    assert (fig.image[paper] == 255).all()
    assert len(fig.parts) == 1 and fig.owner[10, 10] == 0


def test_a_see_through_png_lies_on_white_paper():
    rgba = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(rgba).ellipse((50, 20, 150, 80), fill=(200, 40, 40, 255))
    rgb = np.asarray(on_paper(rgba))
    assert tuple(rgb[0, 0]) == (255, 255, 255) and tuple(rgb[50, 100]) == (200, 40, 40)


def test_a_16_bit_scan_is_read_as_seen_not_as_an_empty_page():
    grey = np.full((200, 300), 65535, np.uint16)
    grey[60:140, 100:200] = 2000                      # a dark block, far below 65,535
    fig = find_figure(Image.fromarray(grey), long_side=300)
    assert len(fig.parts) == 1 and fig.parts[0].box == (100, 60, 200, 140)


def test_things_far_apart_are_parts_of_their_own_and_a_sun_keeps_its_rays():
    def draw(d):
        d.rectangle((40, 200, 160, 330), fill=(250, 220, 60), outline="black", width=5)   # a house
        d.ellipse((360, 60, 440, 140), fill=(250, 160, 40), outline="black", width=5)     # a sun
        for a in np.linspace(0, 2 * np.pi, 8, endpoint=False):                            # its rays
            c, s = np.cos(a), np.sin(a)
            d.line([(400 + 50 * c, 100 + 50 * s), (400 + 75 * c, 100 + 75 * s)], fill="black", width=5)
    fig = find_figure(page(draw), long_side=512)
    assert len(fig.parts) == 2
    house_part, sun_part = fig.parts                       # biggest first
    assert house_part.box[0] < 170 and sun_part.box[0] > 300
    assert sun_part.box[2] - sun_part.box[0] > 140          # the rays are in the sun's part


def test_legs_are_found_under_a_body_with_hips_and_feet_in_place():
    fig = find_figure(page(creature), long_side=512)
    legs = fig.parts[0].legs
    assert len(legs) == 4
    for leg, x in zip(legs, (200, 230, 290, 320)):          # left to right
        assert abs(leg.foot[0] - x) < 8 and leg.foot[1] > 320
        assert 230 <= leg.hip[1] <= 275                      # where they leave the body


def test_wheels_a_trunk_on_the_ground_and_short_arms_are_not_legs():
    def car(d):
        d.rectangle((100, 150, 400, 250), fill=(220, 40, 40), outline="black", width=5)
        d.ellipse((130, 210, 210, 290), fill="grey", outline="black", width=5)
        d.ellipse((290, 210, 370, 290), fill="grey", outline="black", width=5)

    def tree(d):
        d.ellipse((150, 40, 350, 200), fill=(60, 180, 60), outline="black", width=5)
        d.rectangle((235, 190, 265, 320), fill=(140, 90, 40), outline="black", width=5)
        d.line([(120, 322), (380, 322)], fill="black", width=5)

    def arms(d):                      # a body with arms hanging beside it, ending above its feet
        d.rectangle((220, 80, 290, 330), fill=(80, 80, 220), outline="black", width=5)
        d.line([(222, 100), (170, 200)], fill="black", width=6)
        d.line([(288, 100), (340, 200)], fill="black", width=6)

    for draw in (car, tree, arms):
        assert find_figure(page(draw), long_side=512).parts[0].legs == (), draw.__name__


def test_pieces_below_a_body_that_do_not_touch_it_are_not_legs():
    def draw(d):
        d.ellipse((170, 100, 350, 220), fill=(230, 90, 70), outline="black", width=5)
        for x in (220, 300):                                   # lines below, with a gap above them
            d.line([(x, 240), (x, 330)], fill="black", width=6)
    assert find_legs(np.asarray(page(draw)).min(2) < 200) == ()


def test_a_pencil_sketch_is_told_from_a_finished_picture():
    assert looks_like_sketch(sketch_image(house()))
    assert not looks_like_sketch(page(creature))
    assert not looks_like_sketch(Image.new("RGB", (64, 64), "white"))   # nothing at all: not a sketch
