"""What a settings file may say: the `Settings` dataclass, each key's rule, and migrations.

Pure data and checks, no file access: `core/settings.py` reads the files and layers them.
Every key here is documented for school IT in the README ("Settings for schools").
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable

import platformdirs

SCHEMA_VERSION = 2

LANGS = ("auto", "ko", "en")
BUTTON_SIZES = ("normal", "big")
DEVICES = ("auto", "cpu", "cuda")
START_WITH = ("blank", "last")
MAX_THREADS = 256


def default_savedir() -> Path:
    """The child's drawings go into "Pictures/iCanvas", where a parent looks for pictures."""
    return Path(platformdirs.user_pictures_dir()) / "iCanvas"


@dataclass(frozen=True)
class Settings:
    """Every option iCanvas reads; the defaults are what a family at home wants."""

    savedir: Path = field(default_factory=default_savedir)
    fullscreen: bool = False        # kiosk: fills the screen, no window frame
    noquit: bool = False            # hides Quit; a grown-up holds Ctrl+Shift+Q to quit
    allow_delete: bool = True       # children may delete drawings from the gallery
    allow_export: bool = True       # children may save a copy elsewhere / print
    sound: bool = True
    lang: str = "auto"              # auto follows the computer's language
    button_size: str = "normal"     # "big" for small fingers, touch screens, low vision
    styles: tuple[str, ...] = ()    # style names offered; empty means every installed style
    device: str = "auto"            # where the picture model runs
    threads: int = 0                # 0 = choose automatically
    start_with: str = "blank"       # "last" reopens the last drawing
    live_preview: bool = True       # the picture follows the pen while drawing
    magic_colours: bool = True      # shapes left without a colour hint get a guessed colour
    high_contrast: bool = False

    @property
    def button_scale(self) -> float:
        return 1.5 if self.button_size == "big" else 1.0


KEYS: tuple[str, ...] = tuple(f.name for f in fields(Settings))


class BadValue(ValueError):
    """A value that a key does not accept; str() says what the key wants."""


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise BadValue("must be true or false")


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        raise BadValue("must be one of " + ", ".join(f'"{o}"' for o in options))
    return check


def _path(value: Any) -> Path:
    if not isinstance(value, (str, Path)) or not str(value).strip():
        raise BadValue("must be a folder path in quotes")
    # "~" and "$HOME"-style variables let one school file serve every pupil's account.
    text = os.path.expandvars(os.path.expanduser(str(value).strip()))
    if "\0" in text:       # no file system takes one; Path() would accept it and mkdir() fail
        raise BadValue("holds a NUL character (\\u0000), which no folder name can have")
    return Path(text)


def _threads(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_THREADS:
        return value
    raise BadValue(f"must be a whole number from 0 (automatic) to {MAX_THREADS}")


def _styles(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(dict.fromkeys(v.strip() for v in value))   # keeps order, drops repeats
    raise BadValue('must be a list of style names, e.g. ["sticker", "crayon"]; [] means all')


CHECKS: dict[str, Callable[[Any], Any]] = {
    "savedir": _path,
    "fullscreen": _bool,
    "noquit": _bool,
    "allow_delete": _bool,
    "allow_export": _bool,
    "sound": _bool,
    "lang": _choice(LANGS),
    "button_size": _choice(BUTTON_SIZES),
    "styles": _styles,
    "device": _choice(DEVICES),
    "threads": _threads,
    "start_with": _choice(START_WITH),
    "live_preview": _bool,
    "magic_colours": _bool,
    "high_contrast": _bool,
}
assert set(CHECKS) == set(KEYS), "every Settings field needs a check"


def check_value(key: str, value: Any) -> Any:
    """The value as Settings stores it; raises BadValue (unknown key: KeyError)."""
    return CHECKS[key](value)


def to_toml_value(key: str, value: Any) -> Any:
    """The inverse of check_value, for writing a file."""
    if key == "savedir":
        return str(value)
    if key == "styles":
        return list(value)
    return value


# --- migrations -------------------------------------------------------------------------
# Version 1 (iCanvas 0.0.x) said `kiosk`, `language` and `big_buttons = true|false`.
# Version 2 says `fullscreen`, `lang` and `button_size = "normal"|"big"`.
# A file without `schema_version` is read as version 1: the migration only renames the old
# keys, so a hand-written file that already uses the new names passes through unchanged.

def _v1_to_v2(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    out = dict(data)
    for old, new in (("kiosk", "fullscreen"), ("language", "lang")):
        if old in out:
            value = out.pop(old)
            if new in out:
                notes.append(f'both "{old}" (old name) and "{new}" are set; using "{new}"')
            else:
                out[new] = value
    if "big_buttons" in out:
        value = out.pop("big_buttons")
        if "button_size" in out:
            notes.append('both "big_buttons" (old name) and "button_size" are set; '
                         'using "button_size"')
        elif isinstance(value, bool):
            out["button_size"] = "big" if value else "normal"
        else:
            out["button_size"] = value      # let the button_size check report it
    return out


MIGRATIONS: dict[int, Callable[[dict[str, Any], list[str]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(data: dict[str, Any], version: int, notes: list[str]) -> dict[str, Any]:
    """Bring a file's keys from `version` up to SCHEMA_VERSION; problems go into `notes`."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data, notes)
        version += 1
    return data
