"""Badges: pure rules over a child's stored history (creations + an events log).

Each badge is a row in core/badge_defs.py (rule type + parameters). `evaluate(history)` gives
every badge's state with progress; `newly_unlocked(before, after)` says which to celebrate.
Badges are rewards only: an earned badge stays earned (Profiles.earn_badges records it and
History.earned carries it back in), so deleting creations never takes one away, and there are
no streaks to lose and no comparisons between children. Progress counts effort made: the
history holds every creation the child made (Gallery.effort), so throwing a picture away, or a
grown-up emptying the trash, never moves a badge's progress backwards either.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from icanvas_desktop.core.atomic import aside_note, atomic_write_text, set_aside
from icanvas_desktop.core.badge_defs import BADGES
from icanvas_desktop.core.readers import describe
from icanvas_desktop.core.paths import resources_dir

# Event kinds written to the events log by the UI.
REPLAYED = "replayed"
USED_HINT = "used_hint"
CHALLENGE_DONE = "challenge_done"
MOVED = "moved"              # a picture was made to move ("Make it move!", or in the gallery)


@dataclass(frozen=True)
class CreationFact:
    """What the rules need to know about one creation (gallery.Entry has these fields)."""
    created: datetime
    style: str = ""
    stroke_count: int = 0
    used_hints: bool = False


@dataclass(frozen=True)
class Event:
    kind: str
    when: datetime
    profile: str = ""
    data: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class History:
    creations: tuple = ()           # CreationFact-like objects
    events: tuple = ()              # Event objects
    styles: tuple = ()              # names of every style the program offers
    earned: frozenset = frozenset()  # badge ids earned before (never taken away)

    @staticmethod
    def of(entries: Iterable, events: Iterable[Event] = (), styles: Iterable[str] = (),
           earned: Iterable[str] = ()) -> "History":
        """From the creations a child made (gallery.effort(profile): kept, in the trash or
        deleted for good) and events (EventLog.events(profile))."""
        facts = tuple(CreationFact(e.created, e.style, e.stroke_count, e.used_hints) for e in entries)
        return History(facts, tuple(events), tuple(styles), frozenset(earned))


@dataclass(frozen=True)
class BadgeDef:
    id: str
    rule: str
    params: dict
    hidden: bool
    title: dict
    description: dict

    def display_title(self, lang: str) -> str:
        return self.title.get(lang) or self.title["en"]

    def display_description(self, lang: str) -> str:
        return self.description.get(lang) or self.description["en"]


@dataclass(frozen=True)
class BadgeState:
    badge: BadgeDef
    unlocked: bool
    progress: int
    goal: int

    @property
    def id(self) -> str:
        return self.badge.id

    @property
    def mystery(self) -> bool:
        """A hidden badge not yet earned: shown as a "?"."""
        return self.badge.hidden and not self.unlocked

    @property
    def fraction(self) -> float:
        return 1.0 if self.unlocked else min(1.0, self.progress / max(1, self.goal))


# -- rules: history + params -> (progress, goal) ------------------------------------------------
def _creations(h: History, p: dict) -> tuple[int, int]:
    return len(h.creations), int(p["count"])


def _distinct_styles(h: History, p: dict) -> tuple[int, int]:
    return len({c.style for c in h.creations if c.style}), int(p["count"])


def _all_styles(h: History, p: dict) -> tuple[int, int]:
    if not h.styles:
        return 0, 1   # unknown offer: cannot be earned yet, but never an error
    return len(set(h.styles) & {c.style for c in h.creations}), len(set(h.styles))


def _used_hints(h: History, p: dict) -> tuple[int, int]:
    n = sum(1 for c in h.creations if c.used_hints) + sum(1 for e in h.events if e.kind == USED_HINT)
    return n, int(p.get("count", 1))


def _strokes_in_one(h: History, p: dict) -> tuple[int, int]:
    need = int(p["more_than"]) + 1
    return min(need, max((c.stroke_count for c in h.creations), default=0)), need


def _distinct_days(h: History, p: dict) -> tuple[int, int]:
    return len({c.created.date() for c in h.creations}), int(p["count"])


def _in_window(hour: int, start: int, end: int) -> bool:
    return start <= hour < end if start < end else (hour >= start or hour < end)


def _hour_window(h: History, p: dict) -> tuple[int, int]:
    hit = any(_in_window(c.created.hour, int(p["from_hour"]), int(p["to_hour"])) for c in h.creations)
    return int(hit), 1


def _weekday(h: History, p: dict) -> tuple[int, int]:
    days = {int(d) for d in p["days"]}
    return int(any(c.created.weekday() in days for c in h.creations)), 1


def _event(h: History, p: dict) -> tuple[int, int]:
    return sum(1 for e in h.events if e.kind == p["kind"]), int(p.get("count", 1))


RULES: dict[str, Callable[[History, dict], tuple[int, int]]] = {
    "creations": _creations, "distinct_styles": _distinct_styles, "all_styles": _all_styles,
    "used_hints": _used_hints, "strokes_in_one": _strokes_in_one, "distinct_days": _distinct_days,
    "hour_window": _hour_window, "weekday": _weekday, "event": _event,
}


def load_defs(table: list[dict] = BADGES) -> list[BadgeDef]:
    """Check and convert the data table; a bad row is a programming error, found by the tests."""
    defs, seen = [], set()
    for row in table:
        if row["rule"] not in RULES:
            raise ValueError(f"badge {row['id']!r}: unknown rule {row['rule']!r}")
        if row["id"] in seen:
            raise ValueError(f"badge {row['id']!r} defined twice")
        if not {"en", "ko"} <= set(row["title"]):
            raise ValueError(f"badge {row['id']!r} needs an English and a Korean title")
        seen.add(row["id"])
        defs.append(BadgeDef(row["id"], row["rule"], dict(row.get("params", {})), bool(row.get("hidden")),
                             dict(row["title"]), dict(row.get("description", row["title"]))))
    return defs


DEFS = load_defs()


def evaluate(history: History, defs: list[BadgeDef] = DEFS) -> list[BadgeState]:
    """Every badge's state, in table order."""
    out = []
    for d in defs:
        progress, goal = RULES[d.rule](history, d.params)
        unlocked = progress >= goal or d.id in history.earned
        out.append(BadgeState(d, unlocked, min(progress, goal), goal))
    return out


def newly_unlocked(before: list[BadgeState], after: list[BadgeState]) -> list[BadgeState]:
    """Badges unlocked in `after` that were locked (or absent) in `before`: the ones to celebrate."""
    was = {s.id for s in before if s.unlocked}
    return [s for s in after if s.unlocked and s.id not in was]


def badge_picture(badge_id: str) -> Path:
    return resources_dir() / "badges" / f"{badge_id}.svg"


class EventLog:
    """Things worth a badge that are not creations (replays, hints, finished challenges), kept in
    `<root>/events.json`, replaced atomically on each record."""

    def __init__(self, root: str | os.PathLike):
        self.path = Path(root) / "events.json"
        self.problem: str | None = None
        self._events: list[Event] = []
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            self._events = [Event(str(e["kind"]), datetime.fromisoformat(e["when"]), str(e.get("profile", "")),
                                  dict(e.get("data", {}))) for e in data["events"]]
        except FileNotFoundError:
            pass
        except Exception as err:  # noqa: BLE001 - whatever a damaged file makes json or a check raise
            aside = set_aside(self.path)
            self.problem = f"The badge diary was damaged ({describe(err)}); {aside_note(aside)}."

    def record(self, kind: str, profile: str, when: datetime | None = None, **data) -> Event:
        ev = Event(kind, (when or datetime.now()).astimezone(), profile, data)
        events = self._events + [ev]
        atomic_write_text(self.path, json.dumps({"schema_version": 1, "events": [
            {"kind": e.kind, "when": e.when.isoformat(), "profile": e.profile, "data": e.data} for e in events]},
            ensure_ascii=False))
        self._events = events   # only after the write succeeded
        return ev

    def events(self, profile: str | None = None) -> list[Event]:
        return [e for e in self._events if profile is None or e.profile == profile]
