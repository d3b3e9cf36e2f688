"""Daily challenges: a gentle drawing prompt each day, in English and Korean.

The day's prompt follows from the date alone (no network, no stored state), so it is the same
all day and changes tomorrow. Finishing is self-declared ("I did it!"): the creation gets a
sticker in its metadata and the events log notes it for the badges. Nothing is ever lost for
skipping a day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime

from icanvas_desktop.core.badges import CHALLENGE_DONE, EventLog


@dataclass(frozen=True)
class Challenge:
    id: str
    text: dict        # {"en": ..., "ko": ...}
    sticker: str      # sticker picture name (a badge-like SVG under resources/badges)

    def display_text(self, lang: str) -> str:
        return self.text.get(lang) or self.text["en"]


def _c(cid: str, en: str, ko: str, sticker: str = "star") -> Challenge:
    return Challenge(cid, {"en": en, "ko": ko}, sticker)


CHALLENGES: tuple[Challenge, ...] = (
    _c("fly", "Draw something that can fly!", "날 수 있는 것을 그려 보세요!", "sticker_star"),
    _c("fav_animal", "Draw your favourite animal.", "가장 좋아하는 동물을 그려 보세요.", "sticker_heart"),
    _c("house", "Draw a house you would like to live in.", "살고 싶은 집을 그려 보세요.", "sticker_sun"),
    _c("monster", "Draw a friendly monster.", "착한 괴물을 그려 보세요.", "sticker_star"),
    _c("breakfast", "Draw what you ate for breakfast.", "아침에 먹은 것을 그려 보세요.", "sticker_heart"),
    _c("sea", "Draw something that lives in the sea.", "바다에 사는 것을 그려 보세요.", "sticker_sun"),
    _c("robot", "Draw a robot helper.", "도와주는 로봇을 그려 보세요.", "sticker_star"),
    _c("tree", "Draw a big tree.", "커다란 나무를 그려 보세요.", "sticker_heart"),
    _c("vehicle", "Draw something with wheels.", "바퀴 달린 것을 그려 보세요.", "sticker_sun"),
    _c("face", "Draw a happy face.", "웃는 얼굴을 그려 보세요.", "sticker_star"),
    _c("weather", "Draw today's weather.", "오늘 날씨를 그려 보세요.", "sticker_heart"),
    _c("flower", "Draw a flower garden.", "꽃밭을 그려 보세요.", "sticker_sun"),
    _c("space", "Draw something from outer space.", "우주에 있는 것을 그려 보세요.", "sticker_star"),
    _c("pet", "Draw a pet you would like to have.", "키우고 싶은 동물을 그려 보세요.", "sticker_heart"),
    _c("castle", "Draw a castle.", "성을 그려 보세요.", "sticker_sun"),
    _c("fruit", "Draw your favourite fruit.", "가장 좋아하는 과일을 그려 보세요.", "sticker_star"),
    _c("friend", "Draw your best friend.", "가장 친한 친구를 그려 보세요.", "sticker_heart"),
    _c("dinosaur", "Draw a dinosaur.", "공룡을 그려 보세요.", "sticker_sun"),
    _c("boat", "Draw a boat on the water.", "물 위의 배를 그려 보세요.", "sticker_star"),
    _c("bug", "Draw a tiny bug.", "작은 벌레를 그려 보세요.", "sticker_heart"),
    _c("hat", "Draw a funny hat.", "재미있는 모자를 그려 보세요.", "sticker_sun"),
    _c("cake", "Draw a birthday cake.", "생일 케이크를 그려 보세요.", "sticker_star"),
    _c("family", "Draw your family.", "가족을 그려 보세요.", "sticker_heart"),
    _c("bird", "Draw a bird in its nest.", "둥지 속의 새를 그려 보세요.", "sticker_sun"),
    _c("toy", "Draw your favourite toy.", "가장 좋아하는 장난감을 그려 보세요.", "sticker_star"),
    _c("mountain", "Draw a mountain.", "산을 그려 보세요.", "sticker_heart"),
    _c("music", "Draw something that makes music.", "소리를 내는 것을 그려 보세요.", "sticker_sun"),
    _c("rain", "Draw a rainy day.", "비 오는 날을 그려 보세요.", "sticker_star"),
    _c("superhero", "Draw yourself as a superhero.", "슈퍼히어로가 된 나를 그려 보세요.", "sticker_heart"),
    _c("dream", "Draw something from a dream.", "꿈에서 본 것을 그려 보세요.", "sticker_sun"),
    _c("snow", "Draw a snowman.", "눈사람을 그려 보세요.", "sticker_star"),
    _c("cat_dog", "Draw a cat and a dog playing.", "함께 노는 고양이와 강아지를 그려 보세요.", "sticker_heart"),
)

_ORDER_SEED = 20240501  # a fixed shuffle, so neighbouring days get unrelated prompts


def challenge_for(day: date | datetime | None = None) -> Challenge:
    """The prompt for a day: every prompt once per cycle, in a fixed shuffled order."""
    day = (day or date.today())
    if isinstance(day, datetime):
        day = day.date()
    order = list(range(len(CHALLENGES)))
    cycle, pos = divmod(day.toordinal(), len(CHALLENGES))
    random.Random(_ORDER_SEED + cycle).shuffle(order)
    return CHALLENGES[order[pos]]


def get(challenge_id: str) -> Challenge:
    for c in CHALLENGES:
        if c.id == challenge_id:
            return c
    raise KeyError(challenge_id)


def sticker_for(challenge: Challenge, when: datetime | None = None) -> dict:
    when = (when or datetime.now()).astimezone()
    return {"kind": "challenge", "challenge": challenge.id, "sticker": challenge.sticker,
            "date": when.date().isoformat(), "text": dict(challenge.text)}


def complete(gallery, events: EventLog, creation_id: str, challenge: Challenge, profile: str,
             when: datetime | None = None) -> dict:
    """The child said "I did it!" for a creation: stick the sticker on it, note it for badges."""
    sticker = sticker_for(challenge, when)
    gallery.add_sticker(creation_id, sticker)
    events.record(CHALLENGE_DONE, profile, when, challenge=challenge.id, creation=creation_id)
    return sticker
