"""iCanvas never opens a network connection and writes nothing outside its own folders.

The self-test and a whole child's session run in a fresh Python whose audit hook refuses every
internet socket, every connect and every name lookup, and records the attempt (in case the app
swallows the error). The session runs with HOME in a temporary folder, the way a real child's
account lays out its folders, and afterwards every path under HOME must belong to iCanvas.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]

GUARD = r'''
import socket, sys
attempts = []
BLOCKED = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyaddr", "socket.sendto", "socket.bind", "urllib.Request",
           "http.client.connect", "ftplib.connect", "smtplib.connect"}
def guard(event, args):
    internet = event == "socket.__new__" and args[1] in (socket.AF_INET, socket.AF_INET6)
    if internet or event in BLOCKED:
        attempts.append(event)
        raise PermissionError("network use is forbidden in this test: " + event)
sys.addaudithook(guard)

def finish(code):
    if attempts:
        print("NETWORK ATTEMPTS:", attempts, file=sys.stderr)
        sys.exit(3)
    if "PySide6.QtNetwork" in sys.modules:
        print("PySide6.QtNetwork was imported", file=sys.stderr)
        sys.exit(4)
    sys.exit(code)
'''

RUN_SELF_TEST = GUARD + r'''
from icanvas_desktop.ui.selftest import run_self_test
rc = run_self_test(sys.argv[1], sys.argv[2])
finish(0 if (rc is True or (rc == 0 and rc is not False)) else 1)
'''


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ICANVAS_", "XDG_"))}
    env.update({
        "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"), "ICANVAS_SYSTEM_CONFIG": "",
        "ICANVAS_USER_CONFIG": str(tmp_path / "config" / "settings.toml"),
    })
    return env


def test_the_guard_really_stops_a_connection(tmp_path):
    code = GUARD + r'''
try:
    socket.create_connection(("127.0.0.1", 9), timeout=1)
except OSError:
    pass
finish(0)
'''
    result = subprocess.run([sys.executable, "-c", code], env=clean_env(tmp_path),
                            capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "NETWORK ATTEMPTS" in result.stderr


def test_self_test_passes_with_the_network_forbidden(tmp_path):
    # Korean: the path with the most to load (translations, a CJK font) besides the model.
    shot = tmp_path / "selftest_ko.png"
    result = subprocess.run([sys.executable, "-c", RUN_SELF_TEST, str(shot), "ko"],
                            env=clean_env(tmp_path), capture_output=True, text=True,
                            cwd=tmp_path, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


NETWORK_MODULES = {"socket", "ssl", "urllib.request", "http.client", "requests", "httpx",
                   "aiohttp", "urllib3", "ftplib", "smtplib", "PySide6.QtNetwork",
                   "PySide6.QtWebEngineCore", "huggingface_hub"}


def test_no_app_module_imports_a_networking_library():
    offenders = []
    for path in sorted((ROOT / "icanvas_desktop").rglob("*.py")):
        if "training" in path.relative_to(ROOT).parts:   # training is a developer tool
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                if name in NETWORK_MODULES:
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


# A child's whole session, driven like the self-test through real input events: start, pick an
# animal, draw, wait for the live preview, press Magic!, open the gallery, save a copy to
# Pictures, a grown-up's settings change, quit. The real styles and engine (ONNX Runtime on a
# PC without CUDA) are used. Its last line is iCanvas's own folders for this HOME, as the app
# names them (settings, gallery, Pictures) or platformdirs does (cache, state and log).
RUN_SESSION = GUARD + r'''
import json
import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from icanvas_desktop.core.gallery import default_export_dir, default_gallery_root
from icanvas_desktop.core.settings import load_settings, update_settings, user_config_path
from icanvas_desktop.ui.app import build_shell, create_application
from icanvas_desktop.ui.selftest import HOUSE, mouse_stroke, wait_until

app = create_application()
shell = build_shell(load_settings({"sound": False}))
window = shell.window
window.resize(1280, 820)
window.show()
QTest.mouseClick(next(iter(shell.picker.animal_buttons.values())), Qt.MouseButton.LeftButton)
assert wait_until(lambda: window.style is not None or window.style_error is not None, 600), "no style"
assert window.style is not None, window.style_error
for line in HOUSE:
    mouse_stroke(window.canvas, line)
assert wait_until(lambda: window.last_preview is not None, 600), "no preview"
QTest.mouseClick(window.magic_button, Qt.MouseButton.LeftButton)
assert wait_until(lambda: shell.session.last_saved is not None, 600), "the picture was not kept"
shell.show_gallery()
gallery = shell.gallery_view
assert wait_until(lambda: gallery.model.loaded_count > 0, 120), "no thumbnail"
exported = []
gallery.exported.connect(exported.append)
gallery.export_selected()
assert wait_until(lambda: bool(exported), 120), gallery.note.text()
shell.apply_settings(update_settings(shell.loaded, {"start_with": "last"}))   # the corner's Save
shell.quit()
shell.shutdown()
app.processEvents()
name = "iCanvas"
print(json.dumps([str(user_config_path().parent), str(default_gallery_root().parent),
                  platformdirs.user_cache_dir(name, appauthor=False),
                  platformdirs.user_state_dir(name, appauthor=False),
                  platformdirs.user_log_dir(name, appauthor=False), str(default_export_dir())]))
finish(0)
'''


def strays(home: Path, own: list[Path]) -> list[str]:
    """Every file or folder under `home` that is neither in one of `own` nor on the way to one."""
    own = [p.resolve() for p in own]
    out = []
    for path in sorted(home.rglob("*")):
        path = path.resolve()
        if not any(path == p or p in path.parents or path in p.parents for p in own):
            out.append(str(path.relative_to(home.resolve())))
    return out


def test_strays_names_what_is_outside_the_own_folders(tmp_path):
    (tmp_path / ".local/share/iCanvas/gallery").mkdir(parents=True)
    (tmp_path / ".local/share/iCanvas/gallery/profiles.json").write_text("{}")
    (tmp_path / ".cache/Microsoft/DeveloperTools").mkdir(parents=True)
    (tmp_path / ".cache/Microsoft/DeveloperTools/deviceid").write_text("x")
    own = [tmp_path / ".local/share/iCanvas", tmp_path / ".cache/iCanvas"]
    assert strays(tmp_path, own) == [".cache/Microsoft", ".cache/Microsoft/DeveloperTools",
                                     ".cache/Microsoft/DeveloperTools/deviceid"]


def test_a_whole_session_writes_only_into_icanvas_folders(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    # The child's own account: no XDG variables, so every folder is found from HOME as on a
    # fresh PC, and no school settings file that could move the gallery elsewhere.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ICANVAS_", "XDG_", "ORT_"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(home),
                "ICANVAS_SYSTEM_CONFIG": ""})
    result = subprocess.run([sys.executable, "-c", RUN_SESSION], env=env, capture_output=True,
                            text=True, cwd=tmp_path, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    own = [Path(p) for p in json.loads(result.stdout.strip().splitlines()[-1])]
    assert all(p.is_relative_to(home) for p in own), own
    assert list((home / "Pictures" / "iCanvas").glob("*.png")), "the session saved no copy"
    assert list(home.rglob("settings.toml")), "the session saved no settings"
    assert strays(home, own) == []
    assert not (home / ".cache" / "Microsoft").exists()
