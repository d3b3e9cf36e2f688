"""Settings layers, locks, migrations, and a never-failing start on bad files."""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path

import pytest

from icanvas_desktop.core import settings as st
from icanvas_desktop.core.settings import (
    SCHEMA_VERSION, LoadedSettings, Settings, SettingLocked, add_settings_arguments,
    load_settings, load_settings_from_args, overrides_from_args, save_user_settings,
    update_settings,
)
from icanvas_desktop.core.settings_schema import BadValue


@pytest.fixture(autouse=True)
def no_real_files(monkeypatch, tmp_path):
    # No test may read the machine's /etc/xdg or the tester's own settings.
    monkeypatch.setenv(st.SYSTEM_ENV, "")
    monkeypatch.setenv(st.USER_ENV, str(tmp_path / "default-user.toml"))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_no_files_gives_the_defaults_and_no_warnings(tmp_path):
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=tmp_path / "no.toml")
    assert loaded.settings == Settings()
    assert loaded.warnings == []
    assert loaded.locked == set()
    assert set(loaded.sources.values()) == {"default"}


def test_user_file_overrides_system_file_which_overrides_defaults(tmp_path):
    system = write(tmp_path / "sys.toml", 'schema_version = 2\nlang = "ko"\nsound = false\n')
    user = write(tmp_path / "user.toml", 'schema_version = 2\nlang = "en"\n')
    loaded = load_settings(system_path=system, user_path=user)
    assert loaded.settings.lang == "en"
    assert loaded.settings.sound is False
    assert loaded.sources["lang"] == "user file"
    assert loaded.sources["sound"] == "system file"
    assert loaded.sources["fullscreen"] == "default"


def test_command_line_overrides_the_user_file(tmp_path):
    user = write(tmp_path / "user.toml", 'schema_version = 2\nlang = "en"\nfullscreen = false\n')
    loaded = load_settings({"lang": "ko", "fullscreen": True, "savedir": str(tmp_path / "art")},
                           system_path=tmp_path / "none.toml", user_path=user)
    assert (loaded.settings.lang, loaded.settings.fullscreen) == ("ko", True)
    assert loaded.settings.savedir == tmp_path / "art"
    assert loaded.sources["lang"] == "command line"


def test_locked_key_beats_user_file_and_command_line(tmp_path):
    system = write(tmp_path / "sys.toml",
                   'schema_version = 2\nnoquit = true\nsavedir = "/srv/art"\n'
                   'locked = ["noquit", "savedir"]\n')
    user = write(tmp_path / "user.toml", 'schema_version = 2\nnoquit = false\nsound = false\n')
    loaded = load_settings({"savedir": "/tmp/elsewhere"}, system_path=system, user_path=user)
    assert loaded.settings.noquit is True
    assert loaded.settings.savedir == Path("/srv/art")
    assert loaded.settings.sound is False        # unlocked keys still follow the user
    assert loaded.locked == {"noquit", "savedir"}
    assert any("user.toml, line 2" in w and "noquit" in w and "locked" in w
               for w in loaded.warnings)
    assert any("--savedir" in w and "locked" in w for w in loaded.warnings)


def test_star_locks_every_key_at_its_system_or_default_value(tmp_path):
    system = write(tmp_path / "sys.toml", 'lang = "ko"\nlocked = ["*"]\n')
    user = write(tmp_path / "user.toml", 'sound = false\n')
    loaded = load_settings({"lang": "en"}, system_path=system, user_path=user)
    assert loaded.locked == set(st.KEYS)
    assert loaded.settings.lang == "ko"
    assert loaded.settings.sound is True


def test_user_file_cannot_lock_anything(tmp_path):
    user = write(tmp_path / "user.toml", 'locked = ["sound"]\nsound = false\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert loaded.locked == set()
    assert loaded.settings.sound is False
    assert any("only the system-wide file can lock" in w for w in loaded.warnings)


def test_unknown_key_and_bad_value_warn_with_file_and_line_and_use_the_default(tmp_path):
    user = write(tmp_path / "user.toml",
                 'schema_version = 2\n# comment\ncolour = "red"\nlang = "fr"\nthreads = -3\n'
                 'sound = "yes"\nbutton_size = "big"\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    text = "\n".join(loaded.warnings)
    assert f"{user}, line 3: unknown setting \"colour\"" in text
    assert f"{user}, line 4: \"lang\" must be one of" in text
    assert f"{user}, line 5: \"threads\" must be a whole number" in text
    assert f"{user}, line 6: \"sound\" must be true or false" in text
    s = loaded.settings
    assert (s.lang, s.threads, s.sound) == ("auto", 0, True)
    assert s.button_size == "big"                # the good line next to bad ones still counts


def test_bad_value_in_user_file_falls_back_to_the_system_value(tmp_path):
    system = write(tmp_path / "sys.toml", 'lang = "ko"\n')
    user = write(tmp_path / "user.toml", 'lang = 5\n')
    loaded = load_settings(system_path=system, user_path=user)
    assert loaded.settings.lang == "ko"


@pytest.mark.parametrize("content", [
    b'lang = "ko\nsound = ',                                   # broken TOML
    bytes(range(256)) * 4,                                     # binary junk
    b"\xff\xfe\x00l\x00a\x00n\x00g",                           # UTF-16, not UTF-8
    b"",                                                       # empty file
    b"[[[[",
])
def test_broken_files_never_stop_the_app(tmp_path, content):
    system = tmp_path / "sys.toml"
    system.write_bytes(content)
    user = tmp_path / "user.toml"
    user.write_bytes(content)
    loaded = load_settings(system_path=system, user_path=user)
    assert loaded.settings == Settings()
    if content:
        assert any(str(system) in w for w in loaded.warnings)
        assert any(str(user) in w for w in loaded.warnings)


def test_broken_toml_warning_names_the_line(tmp_path):
    user = write(tmp_path / "user.toml", 'sound = true\nlang = "ko\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert len(loaded.warnings) == 1
    assert str(user) in loaded.warnings[0] and "line 2" in loaded.warnings[0]


def test_unreadable_file_and_folder_instead_of_file_are_ignored_with_a_warning(tmp_path):
    folder = tmp_path / "settings.toml"
    folder.mkdir()
    loaded = load_settings(system_path=folder, user_path=tmp_path / "none.toml")
    assert loaded.settings == Settings()
    assert any("cannot be read" in w for w in loaded.warnings)
    if os.name == "posix" and os.geteuid() != 0:       # root reads everything
        locked_out = write(tmp_path / "secret.toml", 'lang = "ko"\n')
        locked_out.chmod(0)
        loaded = load_settings(system_path=locked_out, user_path=tmp_path / "none.toml")
        assert loaded.settings.lang == "auto"
        assert any("cannot be read" in w for w in loaded.warnings)


def test_a_nul_in_savedir_warns_and_the_drawings_stay_in_the_usual_folder(tmp_path):
    # issue 23: a school file with this stopped the app (ValueError in the gallery's mkdir).
    system = write(tmp_path / "sys.toml", 'savedir = "\\u0000/x"\nlocked = ["savedir"]\n')
    loaded = load_settings(system_path=system, user_path=tmp_path / "none.toml")
    assert loaded.settings.savedir == Settings().savedir
    assert loaded.sources["savedir"] == "default"       # so the gallery stays in the data folder
    assert len(loaded.warnings) == 1
    assert f"{system}, line 1" in loaded.warnings[0] and "NUL" in loaded.warnings[0]


def test_a_savedir_that_is_a_file_or_cannot_be_made_falls_back_with_a_warning(tmp_path):
    a_file = write(tmp_path / "drawings.txt", "not a folder")
    system = write(tmp_path / "sys.toml", f'savedir = "{tmp_path / "school"}"\n')
    for bad, why in ((a_file, "is a file, not a folder"),
                     (a_file / "inside", f"cannot be made ({a_file} is a file, not a folder)")):
        user = write(tmp_path / "user.toml", f'savedir = "{bad}"\n')
        loaded = load_settings(system_path=system, user_path=user)
        assert loaded.settings.savedir == tmp_path / "school"      # the layer below wins
        assert why in loaded.warnings[0]
    loaded = load_settings({"savedir": str(a_file)}, system_path=system, user_path=tmp_path / "none")
    assert loaded.settings.savedir == tmp_path / "school"
    assert loaded.warnings[0].startswith("command line: --savedir is a file")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes everywhere")
def test_a_savedir_in_a_read_only_place_cannot_be_made_but_a_read_only_gallery_is_kept(tmp_path):
    locked = tmp_path / "locked"
    (locked / "gallery").mkdir(parents=True)
    locked.chmod(0o555)
    try:
        new = load_settings({"savedir": str(locked / "new")}, system_path=tmp_path / "none.toml",
                            user_path=tmp_path / "none.toml")
        kept = load_settings({"savedir": str(locked / "gallery")}, system_path=tmp_path / "none.toml",
                             user_path=tmp_path / "none.toml")
    finally:
        locked.chmod(0o755)
    assert new.settings.savedir == Settings().savedir
    assert f"cannot be made ({locked} is read-only)" in new.warnings[0]
    assert kept.settings.savedir == locked / "gallery" and not kept.warnings


@pytest.mark.parametrize("nested", ["[" * 2000 + "]" * 2000, "{a=" * 2000 + "1" + "}" * 2000])
def test_a_deeply_nested_file_is_ignored_with_a_warning(tmp_path, nested):
    # issue 23: RecursionError out of tomllib stopped the app and `icanvas --self-test`.
    system = write(tmp_path / "sys.toml", f'lang = "ko"\nx = {nested}\n')
    loaded = load_settings(system_path=system, user_path=tmp_path / "none.toml")
    assert loaded.settings == Settings()
    assert loaded.warnings == [f"{system}: cannot be read (it is nested too deeply); ignoring this file."]


def test_a_file_far_too_large_for_settings_is_ignored_unread(tmp_path):
    big = tmp_path / "sys.toml"
    big.write_bytes(b'lang = "ko"\n' + b"#" * st.MAX_FILE_BYTES)
    loaded = load_settings(system_path=big, user_path=tmp_path / "none.toml")
    assert loaded.settings.lang == "auto"
    assert "is too large" in loaded.warnings[0] and "ignoring this file" in loaded.warnings[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_or_a_device_as_the_settings_file_is_not_read(tmp_path):
    pipe = tmp_path / "settings.toml"
    os.mkfifo(pipe)           # reading it would wait for a writer for ever
    loaded = load_settings(system_path=pipe, user_path=Path(os.devnull))
    assert loaded.settings == Settings()
    assert [w.split(": ", 1)[1] for w in loaded.warnings] == \
        ["cannot be read (it is not a regular file); ignoring this file."] * 2


def test_a_file_of_many_bad_keys_gives_a_short_list_of_warnings(tmp_path):
    keys = "".join(f"junk{i} = {i}\n" for i in range(20_000))
    user = write(tmp_path / "user.toml", keys + 'lang = "ko"\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert loaded.settings.lang == "ko"
    assert len(loaded.warnings) == st.MAX_WARNINGS_PER_FILE
    assert loaded.warnings[0] == f'{user}, line 1: unknown setting "junk0"; ignoring it.'
    assert loaded.warnings[-1] == f"{user}: 19981 more problems like these."


def test_a_bad_value_is_shown_short_however_deep_it_is(tmp_path):
    deep = "[" * 60 + "1" + "]" * 60
    user = write(tmp_path / "user.toml", f"lang = {deep}\n")
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert len(loaded.warnings) == 1 and len(loaded.warnings[0]) < 300
    assert '"lang" must be one of' in loaded.warnings[0]


def test_settings_warnings_go_to_the_log(tmp_path, caplog):
    user = write(tmp_path / "user.toml", 'lang = "fr"\n')
    with caplog.at_level("WARNING", logger="icanvas_desktop"):
        loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert [r.getMessage() for r in caplog.records] == [f"settings: {loaded.warnings[0]}"]


def test_version_1_file_is_migrated_to_the_new_key_names(tmp_path):
    user = write(tmp_path / "user.toml",
                 'schema_version = 1\nkiosk = true\nlanguage = "ko"\nbig_buttons = true\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    s = loaded.settings
    assert (s.fullscreen, s.lang, s.button_size) == (True, "ko", "big")
    assert loaded.warnings == []


def test_file_without_version_using_new_names_reads_unchanged(tmp_path):
    user = write(tmp_path / "user.toml", 'fullscreen = true\nbutton_size = "big"\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert (loaded.settings.fullscreen, loaded.settings.button_size) == (True, "big")
    assert loaded.warnings == []


def test_file_from_a_newer_version_is_read_with_a_warning(tmp_path):
    user = write(tmp_path / "user.toml", 'schema_version = 99\nlang = "ko"\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert loaded.settings.lang == "ko"
    assert any("newer iCanvas" in w and "line 1" in w for w in loaded.warnings)


def test_save_writes_toml_with_the_current_schema_and_keeps_other_keys(tmp_path):
    user = write(tmp_path / "user.toml", 'schema_version = 1\nkiosk = true\n')
    save_user_settings({"lang": "ko", "styles": ["sticker"]}, user_path=user)
    data = tomllib.loads(user.read_text(encoding="utf-8"))
    assert data == {"schema_version": SCHEMA_VERSION, "fullscreen": True, "lang": "ko",
                    "styles": ["sticker"]}
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert loaded.settings.styles == ("sticker",) and loaded.warnings == []


def test_save_refuses_locked_keys_and_leaves_the_file_alone(tmp_path):
    user = write(tmp_path / "user.toml", 'sound = false\n')
    with pytest.raises(SettingLocked) as err:
        save_user_settings({"noquit": False, "sound": True}, user_path=user, locked={"noquit"})
    assert err.value.keys == ["noquit"]
    assert user.read_text(encoding="utf-8") == 'sound = false\n'


def test_save_refuses_bad_values_and_unknown_keys(tmp_path):
    user = tmp_path / "user.toml"
    with pytest.raises(BadValue):
        save_user_settings({"lang": "fr"}, user_path=user)
    with pytest.raises(KeyError):
        save_user_settings({"colour": "red"}, user_path=user)
    assert not user.exists()


def test_save_over_a_broken_file_keeps_a_copy_of_it(tmp_path):
    user = tmp_path / "user.toml"
    user.write_bytes(b'lang = "ko\n')
    save_user_settings({"sound": False}, user_path=user)
    assert (tmp_path / "user.toml.broken").read_bytes() == b'lang = "ko\n'
    assert load_settings(system_path=tmp_path / "none.toml", user_path=user).settings.sound is False


def test_save_uses_atomic_write(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(st, "atomic_write_text", lambda p, t: calls.append(Path(p)))
    save_user_settings({"sound": False}, user_path=tmp_path / "u.toml")
    assert calls == [tmp_path / "u.toml"]


def test_update_settings_saves_and_returns_the_new_settings(tmp_path):
    system = write(tmp_path / "sys.toml", 'locked = ["noquit"]\n')
    loaded = load_settings(system_path=system, user_path=tmp_path / "user.toml")
    new = update_settings(loaded, {"high_contrast": True, "button_size": "big"})
    assert new.settings.high_contrast and new.settings.button_scale == 1.5
    assert new.sources["high_contrast"] == "user file"
    again = load_settings(system_path=system, user_path=tmp_path / "user.toml")
    assert again.settings == new.settings
    with pytest.raises(SettingLocked):
        update_settings(loaded, {"noquit": True})


def test_cli_flags_round_trip_through_argparse(tmp_path):
    parser = argparse.ArgumentParser()
    add_settings_arguments(parser)
    ns = parser.parse_args(["--lang", "ko", "--savedir", str(tmp_path), "--fullscreen",
                            "--config", str(tmp_path / "mine.toml")])
    assert overrides_from_args(ns) == {"lang": "ko", "savedir": str(tmp_path), "fullscreen": True}
    assert overrides_from_args(parser.parse_args([])) == {}
    assert overrides_from_args(parser.parse_args(["--no-fullscreen"])) == {"fullscreen": False}
    loaded = load_settings_from_args(ns)
    assert loaded.user_path == tmp_path / "mine.toml"
    assert loaded.settings.savedir == tmp_path and loaded.settings.lang == "ko"


def test_bad_command_line_value_warns_and_keeps_the_file_value(tmp_path):
    loaded = load_settings({"lang": "fr", "colour": 1}, system_path=tmp_path / "x.toml",
                           user_path=tmp_path / "y.toml")
    assert loaded.settings.lang == "auto"
    assert any("--lang" in w for w in loaded.warnings)
    assert any("colour" in w for w in loaded.warnings)


def test_system_file_locations_per_platform():
    win = st.system_config_candidates("win32", {"PROGRAMDATA": r"D:\PD"})
    assert win == [Path(r"D:\PD") / "iCanvas" / "settings.toml"]
    assert st.system_config_candidates("darwin", {}) == [
        Path("/Library/Application Support/iCanvas/settings.toml")]
    assert st.system_config_candidates("linux", {}) == [Path("/etc/xdg/icanvas/settings.toml")]
    assert st.system_config_candidates("linux", {"XDG_CONFIG_DIRS": "/opt/conf:/etc/xdg"}) == [
        Path("/opt/conf/icanvas/settings.toml"), Path("/etc/xdg/icanvas/settings.toml")]


def test_environment_variables_choose_the_files(tmp_path, monkeypatch):
    system = write(tmp_path / "sys.toml", 'lang = "ko"\n')
    monkeypatch.setenv(st.SYSTEM_ENV, str(system))
    monkeypatch.setenv(st.USER_ENV, str(tmp_path / "u.toml"))
    loaded = load_settings()
    assert loaded.system_path == system and loaded.user_path == tmp_path / "u.toml"
    assert loaded.settings.lang == "ko"


def test_first_existing_xdg_config_dir_wins(tmp_path, monkeypatch):
    monkeypatch.delenv(st.SYSTEM_ENV)
    monkeypatch.setattr(sys, "platform", "linux")
    (tmp_path / "b" / "icanvas").mkdir(parents=True)
    write(tmp_path / "b" / "icanvas" / "settings.toml", 'lang = "ko"\n')
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    assert st.find_system_config() == tmp_path / "b" / "icanvas" / "settings.toml"


def test_savedir_expands_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    user = write(tmp_path / "user.toml", 'savedir = "~/Drawings"\n')
    loaded = load_settings(system_path=tmp_path / "none.toml", user_path=user)
    assert loaded.settings.savedir == tmp_path / "Drawings"


def test_core_settings_import_no_qt_or_torch():
    import subprocess
    code = ("import sys, icanvas_desktop.core.settings; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'torch'))]; "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_loaded_settings_is_the_documented_shape(tmp_path):
    loaded = load_settings(system_path=tmp_path / "a", user_path=tmp_path / "b")
    assert isinstance(loaded, LoadedSettings)
    with pytest.raises(Exception):
        loaded.settings.lang = "ko"          # frozen
