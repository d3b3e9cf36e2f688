"""Daily challenges: a fresh bilingual prompt each day; "I did it!" earns a sticker."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

from PIL import Image

from icanvas_desktop.core import challenges
from icanvas_desktop.core.badges import CHALLENGE_DONE, EventLog, History, evaluate
from icanvas_desktop.core.gallery import Gallery
from icanvas_desktop.core.paths import resources_dir


def test_there_are_about_thirty_prompts_in_english_and_korean_with_stickers():
    assert len(challenges.CHALLENGES) >= 30
    assert len({c.id for c in challenges.CHALLENGES}) == len(challenges.CHALLENGES)
    for c in challenges.CHALLENGES:
        assert c.text["en"] and c.text["ko"] and c.text["en"] != c.text["ko"]
        assert (resources_dir() / "badges" / f"{c.sticker}.svg").exists()


def test_same_day_same_prompt_and_every_prompt_comes_round():
    d = date(2024, 5, 1)
    assert challenges.challenge_for(d) == challenges.challenge_for(datetime(2024, 5, 1, 23, 59))
    n = len(challenges.CHALLENGES)
    start = date(2024, 1, 1) - timedelta(days=date(2024, 1, 1).toordinal() % n)  # a cycle boundary
    seen = [challenges.challenge_for(start + timedelta(days=i)).id for i in range(n)]
    assert len(set(seen)) == n


def test_neighbouring_days_get_different_prompts():
    days = [challenges.challenge_for(date(2024, 1, 1) + timedelta(days=i)).id for i in range(200)]
    assert all(a != b for a, b in zip(days, days[1:]))


def test_i_did_it_puts_a_sticker_on_the_creation_and_counts_for_badges(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    g, log = Gallery(tmp_path), EventLog(tmp_path)
    eid = g.add(Image.new("RGB", (8, 8)), Image.new("RGB", (8, 8)), [], "s", "ann")
    c = challenges.get("fly")
    sticker = challenges.complete(g, log, eid, c, "ann", datetime(2024, 5, 1, 10))
    assert g.load(eid).stickers == [sticker] and sticker["challenge"] == "fly" and sticker["date"] == "2024-05-01"
    assert [e.kind for e in EventLog(tmp_path).events("ann")] == [CHALLENGE_DONE]
    states = {s.id: s for s in evaluate(History.of(g.list("ann"), log.events("ann")))}
    assert states["challenge_1"].unlocked and states["creations_1"].unlocked
