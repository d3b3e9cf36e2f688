"""Loading and saving iCanvas settings, in four layers, without ever stopping the app.

Layers, lowest first: built-in defaults; a system-wide file that school IT deploys; the
per-user file (written by the grown-ups' corner); command-line flags.

The system-wide file may lock keys with `locked = ["noquit", "savedir"]` (or `["*"]` for every
key). A locked key keeps the system file's value (or the default, if the file locks without
setting it): the per-user file cannot change it, the grown-ups' corner shows it greyed out,
and command-line flags cannot override it either - a teacher's lock wins over a shortcut that
a pupil could edit. Every ignored value becomes a warning; nothing here raises on a bad file.

Files are TOML with `schema_version`; older files are migrated when read (settings_schema).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import platformdirs
import tomli_w

from icanvas_desktop.core.atomic import StorageError, atomic_write_bytes, atomic_write_text
from icanvas_desktop.core.logs import get_logger
from icanvas_desktop.core.readers import UnreadableFile, describe, folder_problem, read_limited, short_repr
from icanvas_desktop.core.settings_schema import (
    KEYS, LANGS, SCHEMA_VERSION, BadValue, Settings, check_value, migrate, to_toml_value,
)

__all__ = [
    "Settings", "LoadedSettings", "SettingLocked", "SCHEMA_VERSION", "KEYS",
    "load_settings", "load_settings_from_args", "save_user_settings", "update_settings",
    "add_settings_arguments", "overrides_from_args", "system_config_candidates",
    "find_system_config", "user_config_path",
]

SYSTEM_ENV = "ICANVAS_SYSTEM_CONFIG"   # a path; "" means "no system file" (tests, kiosks)
USER_ENV = "ICANVAS_USER_CONFIG"
LOCK_ALL = "*"
MAX_FILE_BYTES = 1024 * 1024       # a settings file is a few hundred bytes; a huge one is not one
MAX_WARNINGS_PER_FILE = 20         # a file of junk is one problem for a grown-up, not a thousand

log = get_logger(__name__)


class SettingLocked(PermissionError):
    """Raised when something tries to save a key that the school's file locked."""

    def __init__(self, keys: Iterable[str]):
        self.keys = sorted(keys)
        super().__init__("set by your school and locked: " + ", ".join(self.keys))


@dataclass
class LoadedSettings:
    settings: Settings
    locked: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    # key -> where its value came from: "default", "system file", "user file", "command line"
    sources: dict[str, str] = field(default_factory=dict)
    system_path: Path | None = None     # the system file that was read, if any
    user_path: Path | None = None       # where the grown-ups' corner saves


# --- where the files live ---------------------------------------------------------------

def system_config_candidates(platform: str | None = None,
                             environ: Mapping[str, str] | None = None) -> list[Path]:
    """Places a school's settings file may be, most important first."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    if platform.startswith("win"):
        return [Path(environ.get("PROGRAMDATA") or r"C:\ProgramData") / "iCanvas" / "settings.toml"]
    if platform == "darwin":
        return [Path("/Library/Application Support/iCanvas/settings.toml")]
    dirs = [d for d in (environ.get("XDG_CONFIG_DIRS") or "").split(":") if d]
    if "/etc/xdg" not in dirs:
        dirs.append("/etc/xdg")
    return [Path(d) / "icanvas" / "settings.toml" for d in dirs]


def find_system_config() -> Path | None:
    """The system-wide file to read: $ICANVAS_SYSTEM_CONFIG, else the first that exists."""
    if SYSTEM_ENV in os.environ:
        value = os.environ[SYSTEM_ENV]
        return Path(value) if value else None
    for path in system_config_candidates():
        if path.exists():
            return path
    return None


def user_config_path() -> Path:
    """The per-user file: $ICANVAS_USER_CONFIG, else the platform's config folder."""
    if os.environ.get(USER_ENV):
        return Path(os.environ[USER_ENV])
    name = "icanvas" if sys.platform.startswith("linux") else "iCanvas"
    # roaming=True: on Windows school networks the settings follow the pupil's profile.
    return platformdirs.user_config_path(name, appauthor=False, roaming=True) / "settings.toml"


# --- reading one file -------------------------------------------------------------------

_KEY_AT_LINE_START = re.compile(r"""^\s*(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))\s*=""", re.M)


def _key_lines(text: str) -> dict[str, int]:
    """Each top-level-looking key -> the line it is first set on. One pass over the text: a
    warning per key used to scan the whole file again, and a file of many thousand unknown
    keys took minutes."""
    lines: dict[str, int] = {}
    line, pos = 1, 0
    for match in _KEY_AT_LINE_START.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        key = next(g for g in match.groups() if g is not None)
        lines.setdefault(key, line)
    return lines


class _Layer:
    """One file being read: its path, its text and where its keys are, for the warnings."""

    def __init__(self, path: Path, text: str = ""):
        self.path = path
        self.lines = _key_lines(text) if text else {}

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        return f"{self.path}, line {line}" if line else f"{self.path}"


def _read_toml(path: Path, warnings: list[str]) -> tuple[dict[str, Any], str] | None:
    """The file's table and text, or None (with a warning) when it cannot be used."""
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        return None
    except UnreadableFile as err:
        warnings.append(f"{path}: {err}; ignoring this file.")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append(f"{path}: is not a text file (not UTF-8); ignoring this file.")
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # tomllib's message already ends in "(at line N, column M)".
        warnings.append(f"{path}: is not valid TOML: {err}; ignoring this file.")
        return None
    except Exception as err:  # noqa: BLE001 - RecursionError on `x = [[[[...]]]]`, and the like
        warnings.append(f"{path}: cannot be read ({describe(err)}); ignoring this file.")
        return None
    return data, text


def _read_layer(path: Path, warnings: list[str]) -> tuple[dict[str, Any], list[str] | None, _Layer]:
    """Checked values, the `locked` list (None when absent) and the file, read for warnings.
    Never raises: a file that makes anything unexpected happen is ignored, with a warning."""
    got = _read_toml(path, warnings)
    if got is None:
        return {}, None, _Layer(path)
    data, text = got
    layer = _Layer(path, text)
    found: list[str] = []
    try:
        values, locked = _layer_values(layer, data, found)
    except Exception as err:  # noqa: BLE001 - a bug must not stop the app; the log keeps it
        log.warning("settings file %s could not be used", path, exc_info=True)
        found.append(f"{path}: could not be used ({describe(err)}); ignoring this file.")
        values, locked = {}, None
    if len(found) > MAX_WARNINGS_PER_FILE:
        more = len(found) - MAX_WARNINGS_PER_FILE + 1
        found[MAX_WARNINGS_PER_FILE - 1:] = [f"{path}: {more} more problems like these."]
    warnings.extend(found)
    return values, locked, layer


def _layer_values(layer: _Layer, data: dict[str, Any], warnings: list[str]
                  ) -> tuple[dict[str, Any], list[str] | None]:
    path = layer.path
    version = data.pop("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        warnings.append(f"{layer.where('schema_version')}: schema_version must be a "
                        f"whole number; reading the file as version 1.")
        version = 1
    if version > SCHEMA_VERSION:
        warnings.append(f"{layer.where('schema_version')}: written by a newer iCanvas "
                        f"(schema {version}, this one reads {SCHEMA_VERSION}); "
                        f"using the settings it shares with this version.")
    locked = data.pop("locked", None)
    notes: list[str] = []
    data = migrate(data, min(version, SCHEMA_VERSION), notes)
    warnings.extend(f"{path}: {note}." for note in notes)

    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            kind = "table" if isinstance(value, dict) else "setting"
            warnings.append(f"{layer.where(key)}: unknown {kind} \"{short_repr(key)[1:-1]}\"; "
                            f"ignoring it.")
            continue
        try:
            values[key] = _checked(key, value)
        except BadValue as err:
            warnings.append(f"{layer.where(key)}: \"{key}\" {err} (it says {short_repr(value)}); "
                            f"ignoring it.")
    if locked is not None:
        locked = _check_locked(layer, locked, warnings)
    return values, locked


def _checked(key: str, value: Any) -> Any:
    """check_value, and for `savedir` also a look at the disk: the gallery must be able to
    live there (a file, or a folder that cannot be made, would stop the gallery)."""
    value = check_value(key, value)
    if key == "savedir":
        problem = folder_problem(value)
        if problem:
            raise BadValue(problem)
    return value


def _check_locked(layer: _Layer, locked: Any, warnings: list[str]) -> list[str]:
    where = layer.where("locked")
    if not isinstance(locked, list) or not all(isinstance(k, str) for k in locked):
        warnings.append(f'{where}: "locked" must be a list of setting names, '
                        f'e.g. ["noquit", "savedir"]; nothing is locked.')
        return []
    good = []
    for key in locked:
        if key == LOCK_ALL:
            good.extend(KEYS)
        elif key in KEYS:
            good.append(key)
        else:
            warnings.append(f'{where}: cannot lock unknown setting "{short_repr(key)[1:-1]}".')
    return good


# --- the layers -------------------------------------------------------------------------

def load_settings(argv_overrides: Mapping[str, Any] | None = None,
                  system_path: str | os.PathLike | None = None,
                  user_path: str | os.PathLike | None = None) -> LoadedSettings:
    """Defaults, then the system file, the user file and `argv_overrides`. Never raises on
    bad files or values: each problem becomes one line in `.warnings`."""
    warnings: list[str] = []
    values: dict[str, Any] = {}
    sources = {key: "default" for key in KEYS}
    locked: set[str] = set()

    sys_file = Path(system_path) if system_path is not None else find_system_config()
    if sys_file is not None:
        sys_values, sys_locked, _ = _read_layer(sys_file, warnings)
        values.update(sys_values)
        sources.update({key: "system file" for key in sys_values})
        locked.update(sys_locked or ())

    user_file = Path(user_path) if user_path is not None else user_config_path()
    user_values, user_locked, user_layer = _read_layer(user_file, warnings)
    if user_locked:
        warnings.append(f"{user_layer.where('locked')}: only the system-wide file "
                        f"can lock settings; ignoring \"locked\".")
    for key, value in user_values.items():
        if key in locked:
            warnings.append(f"{user_layer.where(key)}: \"{key}\" is set by your "
                            f"school and locked; ignoring it.")
        else:
            values[key] = value
            sources[key] = "user file"

    for key, value in (argv_overrides or {}).items():
        if value is None:
            continue
        flag = "--" + key.replace("_", "-")
        if key not in KEYS:
            warnings.append(f"command line: unknown setting \"{key}\"; ignoring it.")
        elif key in locked:
            warnings.append(f"command line: {flag} ignored: \"{key}\" is set by your school "
                            f"and locked.")
        else:
            try:
                values[key] = _checked(key, value)
                sources[key] = "command line"
            except BadValue as err:
                warnings.append(f"command line: {flag} {err} (got {short_repr(value)}); "
                                f"ignoring it.")

    for warning in warnings:
        log.warning("settings: %s", warning)
    return LoadedSettings(settings=Settings(**values), locked=locked, warnings=warnings,
                          sources=sources, system_path=sys_file, user_path=user_file)


# --- saving the per-user file -----------------------------------------------------------

def save_user_settings(changes: Mapping[str, Any], *, user_path: str | os.PathLike | None = None,
                       locked: Iterable[str] = ()) -> Path:
    """Merge `changes` into the per-user file, atomically. Refuses locked keys
    (SettingLocked), unknown keys (KeyError) and bad values (settings_schema.BadValue) before
    touching the disk. A user file that cannot be read is kept beside as `.broken`."""
    bad_lock = set(changes) & set(locked)
    if bad_lock:
        raise SettingLocked(bad_lock)
    checked = {}
    for key, value in changes.items():
        if key not in KEYS:
            raise KeyError(f'unknown setting "{key}"')
        checked[key] = check_value(key, value)

    path = Path(user_path) if user_path is not None else user_config_path()
    existing: dict[str, Any] = {}
    scratch: list[str] = []
    got = _read_toml(path, scratch)
    if got is not None:
        data, _ = got
        version = data.pop("schema_version", 1)
        version = version if isinstance(version, int) and 1 <= version <= SCHEMA_VERSION else 1
        existing = migrate(data, version, [])
    elif scratch and path.exists():
        try:  # keep what a grown-up wrote by hand, even if it is broken
            atomic_write_bytes(path.with_name(path.name + ".broken"), path.read_bytes())
        except OSError:
            pass

    existing.update({key: to_toml_value(key, value) for key, value in checked.items()})
    ordered = {"schema_version": SCHEMA_VERSION}
    ordered.update({key: existing.pop(key) for key in KEYS if key in existing})
    ordered.update(existing)        # unknown keys a newer version wrote stay as they were
    header = "# iCanvas settings for this user, written by the grown-ups' corner.\n"
    try:
        atomic_write_text(path, header + tomli_w.dumps(ordered))
    except StorageError as err:
        log.warning("settings not saved to %s: %s", path, err.reason)
        raise
    return path


def update_settings(loaded: LoadedSettings, changes: Mapping[str, Any]) -> LoadedSettings:
    """Save `changes` to `loaded.user_path` and return the settings now in force."""
    changes = {k: v for k, v in changes.items() if getattr(loaded.settings, k, object()) != v}
    if not changes:
        return loaded
    save_user_settings(changes, user_path=loaded.user_path, locked=loaded.locked)
    new = dataclasses.replace(loaded.settings, **{k: check_value(k, v) for k, v in changes.items()})
    sources = dict(loaded.sources)
    sources.update({key: "user file" for key in changes})
    return dataclasses.replace(loaded, settings=new, sources=sources)


# --- command line -----------------------------------------------------------------------

def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """Adds --lang, --savedir, --fullscreen/--no-fullscreen and --config. Flags do not
    override settings that the school's system-wide file locked."""
    group = parser.add_argument_group("settings (override the settings files for this run)")
    group.add_argument("--lang", choices=LANGS, default=None,
                       help="language of the app: ko, en, or auto (follow the computer)")
    group.add_argument("--savedir", metavar="DIR", default=None,
                       help="folder where the drawings are kept")
    group.add_argument("--fullscreen", action=argparse.BooleanOptionalAction, default=None,
                       help="fill the whole screen (kiosk mode)")
    # dest "settings_file", not "config": sub-commands (e.g. `icanvas train CONFIG`) use that.
    group.add_argument("--config", metavar="FILE", dest="settings_file", default=None,
                       help="use FILE as the per-user settings file (read and written)")


def overrides_from_args(ns: argparse.Namespace) -> dict[str, Any]:
    """The settings the user gave on the command line (flags not given are left out)."""
    out = {key: getattr(ns, key, None) for key in ("lang", "savedir", "fullscreen")}
    return {key: value for key, value in out.items() if value is not None}


def load_settings_from_args(ns: argparse.Namespace) -> LoadedSettings:
    """load_settings with the flags that add_settings_arguments added."""
    return load_settings(overrides_from_args(ns), user_path=getattr(ns, "settings_file", None))
