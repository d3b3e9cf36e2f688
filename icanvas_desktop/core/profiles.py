"""Profiles: several children on one computer, each with an animal, a name and their own badges.

No passwords, nothing to type: a profile is created by picking an animal; a grown-up may add a
name. Stored as one JSON file under the gallery root, replaced atomically on every change. A
damaged file is kept aside (profiles.json.damaged-<time>) and the children start afresh
rather than the program failing to open.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from icanvas_desktop.core.atomic import aside_note, atomic_write_text, set_aside
from icanvas_desktop.core.readers import describe
from icanvas_desktop.core.paths import resources_dir

SCHEMA_VERSION = 1
AVATARS = ("cat", "dog", "rabbit", "bear", "fox", "owl", "frog", "penguin")
AVATAR_TITLES = {
    "cat": {"en": "Cat", "ko": "고양이"}, "dog": {"en": "Dog", "ko": "강아지"},
    "rabbit": {"en": "Rabbit", "ko": "토끼"}, "bear": {"en": "Bear", "ko": "곰"},
    "fox": {"en": "Fox", "ko": "여우"}, "owl": {"en": "Owl", "ko": "부엉이"},
    "frog": {"en": "Frog", "ko": "개구리"}, "penguin": {"en": "Penguin", "ko": "펭귄"},
}
# Each child also has a colour (the ring around their animal), so two children can both be a
# cat: "the blue cat" and "the red cat". Far apart hues, and words a small child knows.
COLOURS = ("red", "blue", "yellow", "green", "purple", "orange", "pink", "brown")
COLOUR_TITLES = {
    "red": {"en": "Red", "ko": "빨간"}, "blue": {"en": "Blue", "ko": "파란"},
    "yellow": {"en": "Yellow", "ko": "노란"}, "green": {"en": "Green", "ko": "초록"},
    "purple": {"en": "Purple", "ko": "보라"}, "orange": {"en": "Orange", "ko": "주황"},
    "pink": {"en": "Pink", "ko": "분홍"}, "brown": {"en": "Brown", "ko": "갈색"},
}
COLOUR_RGB = {"red": "#E53935", "blue": "#1E88E5", "yellow": "#FDD835", "green": "#43A047",
              "purple": "#8E24AA", "orange": "#FB8C00", "pink": "#EC6FAE", "brown": "#8D6E63"}
NAME_MAX = 40


def avatar_path(avatar: str) -> Path:
    name = avatar if avatar in AVATARS else AVATARS[0]
    return resources_dir() / "avatars" / f"{name}.svg"


@dataclass
class Profile:
    id: str
    avatar: str
    name: str = ""
    created: str = ""
    badges: dict[str, str] = field(default_factory=dict)   # badge id -> when it was earned
    colour: str = ""                                        # one of COLOURS

    def display_name(self, lang: str = "en") -> str:
        """The name, or the animal's name when a grown-up has not typed one
        (`Profiles.label` adds the colour when another child has the same animal)."""
        return self.name or AVATAR_TITLES.get(self.avatar, {}).get(lang, self.avatar)


def clean_name(name: str) -> str:
    """A name as typed, without control characters or surrounding space, at most NAME_MAX long."""
    return "".join(ch for ch in str(name) if ch.isprintable()).strip()[:NAME_MAX].strip()


class Profiles:
    """The children's profiles, read from and written to `<root>/profiles.json`."""

    def __init__(self, root: str | os.PathLike):
        self.path = Path(root) / "profiles.json"
        self.problem: str | None = None     # a friendly note if the file had to be set aside
        self._profiles: list[Profile] = []
        self._current: str | None = None
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as err:
            self.problem = f"The children's profiles could not be read ({err.strerror})."
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or int(data.get("schema_version", 0)) < 1:
                raise ValueError("not a profiles file")
            if int(data["schema_version"]) > SCHEMA_VERSION:
                raise ValueError("made by a newer iCanvas")
            self._profiles = [Profile(id=str(p["id"]), avatar=str(p.get("avatar", AVATARS[0])),
                                      name=str(p.get("name", "")), created=str(p.get("created", "")),
                                      badges={str(k): str(v) for k, v in dict(p.get("badges", {})).items()},
                                      colour=str(p.get("colour", "")))
                              for p in data.get("profiles", [])]
            for p in self._profiles:        # an older file, or a colour this iCanvas lacks
                if p.colour not in COLOURS:
                    p.colour = ""
                    p.colour = self._free_colour(p.avatar)
            cur = data.get("current")
            self._current = cur if any(p.id == cur for p in self._profiles) else None
        except Exception as err:  # noqa: BLE001 - whatever a damaged file makes json or a check raise
            aside = set_aside(self.path)
            self._profiles, self._current = [], None
            self.problem = f"The children's profiles file was damaged ({describe(err)}); {aside_note(aside)}."

    def _save(self) -> None:
        data = {"schema_version": SCHEMA_VERSION, "current": self._current,
                "profiles": [asdict(p) for p in self._profiles]}
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1))

    # -- queries ---------------------------------------------------------------------------------
    def list(self) -> list[Profile]:
        return list(self._profiles)

    def get(self, profile_id: str) -> Profile:
        for p in self._profiles:
            if p.id == profile_id:
                return p
        raise KeyError(profile_id)

    @property
    def current(self) -> Profile | None:
        return self.get(self._current) if self._current else None

    def label(self, profile: Profile, lang: str = "en") -> str:
        """What the child is called on screen: the name a grown-up typed; else the animal,
        with the colour in front when another child has the same animal ("Blue Cat")."""
        if profile.name:
            return profile.name
        animal = profile.display_name(lang)
        if not any(p.avatar == profile.avatar and p.id != profile.id for p in self._profiles):
            return animal
        colour = COLOUR_TITLES.get(profile.colour, {}).get(lang, profile.colour)
        return f"{colour} {animal}"

    def _free_colour(self, avatar: str) -> str:
        """A colour no other child with this animal has, one nobody has if there is one."""
        same = {p.colour for p in self._profiles if p.avatar == avatar}
        anyone = {p.colour for p in self._profiles}
        for taken in (anyone | same, same):
            free = [c for c in COLOURS if c not in taken]
            if free:
                return free[0]
        return COLOURS[len(same) % len(COLOURS)]    # more than eight of one animal: names help

    # -- changes (each one saved at once) ---------------------------------------------------------
    def add(self, avatar: str, name: str = "", colour: str | None = None) -> Profile:
        if avatar not in AVATARS:
            raise ValueError(f"unknown avatar {avatar!r}")
        if colour is not None and colour not in COLOURS:
            raise ValueError(f"unknown colour {colour!r}")
        p = Profile(id=f"p-{secrets.token_hex(4)}", avatar=avatar, name=clean_name(name),
                    created=datetime.now().astimezone().isoformat(),
                    colour=colour or self._free_colour(avatar))
        self._profiles.append(p)
        if self._current is None:
            self._current = p.id
        self._save()
        return p

    def set_current(self, profile_id: str) -> Profile:
        p = self.get(profile_id)
        self._current = p.id
        self._save()
        return p

    def rename(self, profile_id: str, name: str) -> None:
        """Give a child a name (a grown-up's action); an empty name goes back to the animal."""
        self.get(profile_id).name = clean_name(name)
        self._save()

    def set_avatar(self, profile_id: str, avatar: str) -> None:
        if avatar not in AVATARS:
            raise ValueError(f"unknown avatar {avatar!r}")
        self.get(profile_id).avatar = avatar
        self._save()

    def remove(self, profile_id: str) -> None:
        """Forget a profile (a grown-up's action). Its creations are not touched here
        (`ui.session.Session.remove_profile` moves them to the gallery's trash)."""
        p = self.get(profile_id)
        self._profiles.remove(p)
        if self._current == p.id:
            self._current = self._profiles[0].id if self._profiles else None
        self._save()

    def earn_badges(self, profile_id: str, badge_ids) -> list[str]:
        """Record badges as earned for good (a badge once earned is never taken away);
        returns those that are new."""
        p = self.get(profile_id)
        new = [b for b in badge_ids if b not in p.badges]
        if new:
            now = datetime.now().astimezone().isoformat()
            for b in new:
                p.badges[b] = now
            self._save()
        return new
