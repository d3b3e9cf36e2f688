"""The motions on real pictures, and the loop saved as GIF, APNG and WebP (motion/animate.py).
Every motion's frames are checked one by one through `icanvas animate` in test_command.py."""

from __future__ import annotations

import io
import os

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageSequence, features

from icanvas_desktop.core.atomic import StorageError
from icanvas_desktop.motion.animate import (FRAMES, Animation, animation_bytes, check_motion, durations_ms,
                                            save_animation)
from icanvas_desktop.motion.figure import MotionError

from motion_measures import colour_distance, ink_of


def box_of(frame) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(ink_of(frame))
    return xs.min(), ys.min(), xs.max(), ys.max()


def test_the_house_and_the_sun_move_each_on_their_own(pictures):
    animation = Animation(pictures["house"])
    assert len(animation.figure.parts) == 2
    house, sun = animation.figure.parts
    heights = {p.label: [] for p in (house, sun)}
    for t in np.linspace(0, 1, 12, endpoint=False):
        pose = animation.pose("bounce", t)
        for part, span in zip(animation.figure.parts, animation.mesh.spans):
            heights[part.label].append(pose[span][:, 1].max())
    # The sun follows the house a moment later: their hops do not line up.
    assert np.argmin(heights[house.label]) != np.argmin(heights[sun.label])


def test_legs_walk_while_the_head_stays_up_and_a_legless_cat_hops_instead(pictures):
    dog = Animation(pictures["dog"])
    assert dog.can_walk
    part = dog.figure.parts[0]
    hip = min(leg.hip[1] for leg in part.legs)
    frames = [np.asarray(f, np.int16) for f in dog.frames("walk")]
    legs = np.mean([np.abs(a[int(hip) + 10:] - b[int(hip) + 10:]).mean() for a, b in zip(frames, frames[1:])])
    head = np.mean([np.abs(a[:part.box[1] + 30] - b[:part.box[1] + 30]).mean() for a, b in zip(frames, frames[1:])])
    assert legs > 3 * head
    cat = Animation(pictures["cat"])
    assert not cat.can_walk
    tops = [box_of(f)[1] for f in cat.frames("walk")]
    assert min(tops) < box_of(cat.still)[1] - 10                # it leaves the ground: a hop


def test_spin_hop_turns_the_picture_over_in_the_air(pictures):
    animation = Animation(pictures["fish"])
    frames = list(animation.frames("spin-hop"))
    eye_side = [np.asarray(f)[:, :, 0].astype(float) for f in frames]
    # Half-way round, the fish is upside down: its frame differs from the still most there.
    diffs = [np.abs(e - eye_side[0]).mean() for e in eye_side]
    assert max(diffs) > 5 * min(diffs[1:] + diffs[-1:])


def test_a_single_dot_still_moves_and_a_full_page_moves_as_one():
    dot = Image.new("RGB", (1024, 768), "white")
    ImageDraw.Draw(dot).ellipse((500, 380, 512, 392), fill="black")
    frames = list(Animation(dot).frames("bounce"))
    assert len({np.asarray(f).tobytes() for f in frames}) > FRAMES // 2
    full = Image.fromarray(np.random.default_rng(1).integers(0, 200, (96, 128, 3), dtype=np.uint8))
    full_frames = list(Animation(full).frames("dance"))
    assert len(Animation(full).figure.parts) == 1
    assert not np.array_equal(np.asarray(full_frames[0]), np.asarray(full_frames[5]))


def test_an_empty_page_and_an_unknown_motion_get_clear_messages():
    with pytest.raises(MotionError, match="nothing to move"):
        Animation(Image.new("RGB", (640, 480), "white"))
    with pytest.raises(ValueError, match="bounce, wobble"):
        check_motion("moonwalk")


def test_frame_times_add_up_to_two_seconds_in_gif_hundredths():
    ms = durations_ms(30, 15, 10)
    assert sum(ms) == 2000 and set(ms) == {60, 70}
    assert sum(durations_ms(30, 15)) == 2000


def test_a_gif_keeps_every_frame_white_paper_and_loops_forever(pictures):
    animation = Animation(pictures["heart"])
    frames = list(animation.frames("wobble"))
    gif = Image.open(io.BytesIO(animation_bytes(frames, "GIF")))
    assert gif.n_frames == len(frames) and gif.info["loop"] == 0
    back = [f.convert("RGB") for f in ImageSequence.Iterator(gif)]
    for mine, theirs in zip(frames, back):
        assert tuple(np.asarray(theirs)[0, 0]) == (255, 255, 255)
        assert colour_distance(mine, theirs) < 0.05              # one palette, no dithering


@pytest.mark.parametrize("suffix", [".png", ".webp"])
def test_apng_and_webp_hold_the_whole_loop(tmp_path, pictures, suffix):
    if suffix == ".webp" and not features.check("webp"):
        pytest.skip("this Pillow has no WebP")
    frames = list(Animation(pictures["heart"], long_side=256).frames("float"))
    path = save_animation(frames, tmp_path / f"heart{suffix}")
    with Image.open(path) as im:
        assert im.n_frames == len(frames)


def test_saving_to_a_read_only_folder_says_why_and_leaves_nothing(tmp_path, pictures):
    if os.name == "nt" or os.geteuid() == 0:
        pytest.skip("needs a folder this user cannot write to")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    frames = list(Animation(pictures["heart"], long_side=128).frames("bounce", 4))
    try:
        with pytest.raises(StorageError) as err:
            save_animation(frames, folder / "heart.gif")
        assert err.value.reason == "the folder is read-only"
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_a_file_name_without_an_animation_ending_is_refused_before_any_work(tmp_path):
    with pytest.raises(ValueError, match=".gif, .png"):
        save_animation([Image.new("RGB", (8, 8))], tmp_path / "heart.jpg")
