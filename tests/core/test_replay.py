"""Replay: stroke-by-stroke frames that end in the picture, and the animated GIF."""

from __future__ import annotations

import numpy as np
from PIL import Image

from icanvas_desktop.core.replay import ReplayConfig, export_gif, frame_size, gif_bytes, replay_frames, steps
from icanvas_desktop.core.strokes import Point, Stroke


def strokes(n, gap=0.5):
    return [Stroke([Point(50 + 10 * i, 50, 1, i * gap), Point(50 + 10 * i, 250, 1, i * gap + 0.2)], 6)
            for i in range(n)]


def test_frames_draw_one_more_stroke_each_then_fade_into_the_picture():
    pic = Image.new("RGB", (200, 150), (255, 0, 0))
    frames = list(replay_frames(strokes(5), (400, 300), pic, ReplayConfig(long_side=200)))
    drawing = [f for f in frames if f.phase == "drawing"]
    assert len(drawing) == 1 + 5 and frames[-1].phase == "picture"
    inked = [int((np.asarray(f.image)[..., 0] < 128).sum()) for f in drawing]
    assert inked == sorted(inked) and inked[0] == 0 and inked[-1] > inked[1] > 0
    assert frames[-1].image.getpixel((100, 75)) == (255, 0, 0)
    assert all(f.image.size == (200, 150) for f in frames)


def test_many_strokes_are_grouped_into_a_bounded_number_of_frames():
    counts = steps(strokes(500), 60)
    assert len(counts) <= 60 and counts[-1] == 500 and counts == sorted(set(counts))


def test_slow_drawings_replay_in_a_few_seconds_and_fast_ones_stay_watchable():
    cfg = ReplayConfig()
    slow = [f.duration_ms for f in replay_frames(strokes(40, gap=30), (400, 300), None, cfg) if f.phase == "drawing"]
    fast = [f.duration_ms for f in replay_frames(strokes(5, gap=0.001), (400, 300), None, cfg) if f.phase == "drawing"]
    assert sum(slow[1:]) <= cfg.max_drawing_ms
    assert min(fast[1:]) >= cfg.min_frame_ms


def test_empty_drawing_still_gives_a_picture_frame():
    frames = list(replay_frames([], (400, 300), Image.new("RGB", (40, 30), "blue")))
    assert frames[-1].phase == "picture" and frame_size((400, 300), 480) == (480, 360)


def test_gif_export_is_an_animation_with_every_frame(tmp_path):
    frames = list(replay_frames(strokes(3), (400, 300), Image.new("RGB", (40, 30), "blue"), ReplayConfig(long_side=120)))
    path = tmp_path / "replay.gif"
    export_gif(frames, path)
    gif = Image.open(path)
    assert gif.format == "GIF" and gif.n_frames == len(frames) and gif.info.get("loop") == 0
    assert gif_bytes(frames)[:6] == b"GIF89a"
