"""Badges: data-defined rules, progress, hidden surprises, never taken away."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icanvas_desktop.core import badges
from icanvas_desktop.core.badge_defs import BADGES
from icanvas_desktop.core.badges import (CHALLENGE_DONE, MOVED, REPLAYED, USED_HINT, CreationFact, Event, EventLog,
                                         History, badge_picture, evaluate, load_defs, newly_unlocked)

NOON = datetime(2024, 5, 1, 12, 0)   # a Wednesday


def states(history):
    return {s.id: s for s in evaluate(history)}


def made(n, when=NOON, **kw):
    return tuple(CreationFact(when, **kw) for _ in range(n))


def test_table_has_at_least_twelve_badges_with_english_korean_titles_and_pictures():
    defs = load_defs()
    assert len(defs) >= 12
    for d in defs:
        assert d.title["en"] and d.title["ko"] and d.display_title("ko") != d.display_title("en")
        assert badge_picture(d.id).exists(), d.id
    assert badge_picture("mystery").exists()
    assert sum(d.hidden for d in defs) >= 6 and sum(not d.hidden for d in defs) >= 4


def test_badges_are_data_not_code_branches():
    # No badge id appears in the evaluation code: every badge is a row of the table.
    source = Path(badges.__file__).read_text()
    for row in BADGES:
        assert f'"{row["id"]}"' not in source


def test_unknown_rule_type_is_rejected():
    with pytest.raises(ValueError):
        load_defs([{"id": "x", "rule": "wishful", "params": {}, "title": {"en": "X", "ko": "엑스"}}])


def test_creation_count_badges_show_progress():
    s = states(History(made(3)))
    assert s["creations_1"].unlocked and not s["creations_5"].unlocked
    assert (s["creations_5"].progress, s["creations_5"].goal) == (3, 5)
    assert s["creations_25"].fraction == pytest.approx(3 / 25)
    assert states(History(made(100)))["creations_100"].unlocked


def test_hidden_badges_are_mysteries_until_earned():
    s = states(History(made(1)))
    assert s["night_owl"].mystery and not s["creations_5"].mystery
    s = states(History(made(1, datetime(2024, 5, 1, 21, 30))))
    assert s["night_owl"].unlocked and not s["night_owl"].mystery


@pytest.mark.parametrize("history,badge", [
    (History(made(1, style="a") + made(1, style="b"), styles=("a", "b")), "every_style"),
    (History(made(1, used_hints=True)), "colour_hint"),
    (History(made(1), events=(Event(USED_HINT, NOON),)), "colour_hint"),
    (History(made(1, stroke_count=51)), "strokes_50"),
    (History(tuple(CreationFact(NOON + timedelta(days=d)) for d in (0, 3, 9))), "days_3"),
    (History(events=(Event(REPLAYED, NOON),)), "replay"),
    (History(events=(Event(MOVED, NOON),)), "motion"),
    (History(made(1, datetime(2024, 5, 2, 1, 0))), "night_owl"),
    (History(made(1, datetime(2024, 5, 2, 6, 30))), "early_bird"),
    (History(made(1, datetime(2024, 5, 4, 12, 0))), "weekend"),
    (History(events=tuple(Event(CHALLENGE_DONE, NOON) for _ in range(5))), "challenge_5"),
    (History(made(1, style="a") + made(1, style="b") + made(1, style="c")), "styles_3"),
])
def test_each_surprise_unlocks_on_its_event(history, badge):
    assert not states(History())[badge].unlocked
    assert states(history)[badge].unlocked


def test_fifty_strokes_exactly_is_not_more_than_fifty():
    assert not states(History(made(1, stroke_count=50)))["strokes_50"].unlocked


def test_all_styles_needs_every_offered_style():
    s = states(History(made(1, style="a"), styles=("a", "b")))["every_style"]
    assert not s.unlocked and (s.progress, s.goal) == (1, 2)


def test_earned_badges_stay_earned_after_creations_are_deleted():
    assert states(History((), earned={"creations_5"}))["creations_5"].unlocked


def test_newly_unlocked_names_only_the_new_ones():
    before = evaluate(History(made(4)))
    after = evaluate(History(made(5, datetime(2024, 5, 1, 22, 0))))
    assert {s.id for s in newly_unlocked(before, after)} == {"creations_5", "night_owl"}
    assert newly_unlocked(after, after) == []


facts = st.builds(CreationFact, created=st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1)),
                  style=st.sampled_from(["", "a", "b", "c"]), stroke_count=st.integers(0, 200),
                  used_hints=st.booleans())
events = st.builds(Event, kind=st.sampled_from([REPLAYED, USED_HINT, CHALLENGE_DONE, "other"]),
                   when=st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1)))


@settings(max_examples=150, deadline=None)
@given(st.lists(facts, max_size=30), st.lists(facts, max_size=10), st.lists(events, max_size=10),
       st.lists(events, max_size=5))
def test_more_history_never_takes_a_badge_away(c1, c2, e1, e2):
    small = evaluate(History(tuple(c1), tuple(e1), ("a", "b")))
    big = evaluate(History(tuple(c1 + c2), tuple(e1 + e2), ("a", "b")))
    for a, b in zip(small, big):
        assert not (a.unlocked and not b.unlocked), a.id
        assert b.progress >= a.progress and 0 <= b.progress <= b.goal
    assert newly_unlocked(big, small) == []
    earned = {s.id for s in small if s.unlocked}
    assert {s.id for s in evaluate(History((), (), ("a", "b"), frozenset(earned))) if s.unlocked} >= earned


def test_event_log_survives_reopening_and_filters_by_profile(tmp_path):
    log = EventLog(tmp_path)
    log.record(REPLAYED, "ann", creation="x")
    log.record(USED_HINT, "bo")
    again = EventLog(tmp_path)
    assert [e.kind for e in again.events("ann")] == [REPLAYED] and again.events("ann")[0].data == {"creation": "x"}
    assert len(again.events()) == 2


def test_damaged_event_log_is_kept_aside_and_starts_afresh(tmp_path):
    (tmp_path / "events.json").write_bytes(b"\x00garbage")
    log = EventLog(tmp_path)
    assert log.events() == [] and "damaged" in log.problem
    assert list(tmp_path.glob("events.json.damaged-*"))
    log.record(REPLAYED, "ann")
    assert len(EventLog(tmp_path).events()) == 1


def test_throwing_pictures_away_or_emptying_the_trash_never_lowers_progress(tmp_path):
    from PIL import Image
    from icanvas_desktop.core.gallery import Gallery
    g = Gallery(tmp_path)
    page = Image.new("RGB", (32, 32), "white")
    ids = [g.add(page, page, [[{"x": 1.0, "y": 2.0}]] * 3, style, "fox", created=NOON + timedelta(days=i))
           for i, style in enumerate(("sticker", "emoji", "soft"))]
    g.add(page, page, [[{"x": 1.0, "y": 2.0}]], "sticker", "owl")     # another child's

    def progress():
        s = states(History.of(g.effort("fox"), styles=("sticker", "emoji", "soft")))
        return {b: (s[b].progress, s[b].goal) for b in ("creations_5", "styles_3", "days_3")}
    first = progress()
    assert first == {"creations_5": (3, 5), "styles_3": (3, 3), "days_3": (3, 3)}
    g.delete(ids[0])
    g.delete(ids[1])
    assert progress() == first                      # thrown away: in the trash
    g.purge(ids[0])
    assert progress() == first                      # deleted for good by a grown-up
    g.empty_trash()
    assert progress() == first
    assert len(g.list("fox")) == 1 and g.trash() == []
