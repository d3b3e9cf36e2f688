"""iCanvas never opens a network connection: the self-test passes with networking forbidden.

The self-test runs in a fresh Python whose audit hook refuses every internet socket, every
connect and every name lookup, and records the attempt (in case the app swallows the error).
"""

from __future__ import annotations

import ast
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
