"""core/paths.py: one rule finds `models/` and `resources/` in a checkout, a wheel and a bundle."""

import sys

from icanvas_desktop.core import paths


def test_a_checkout_finds_the_folders_beside_the_package():
    root = paths.resource_root()
    assert root == paths.PACKAGE_DIR.parent
    assert (paths.resources_dir() / "icons" / "magic.svg").is_file()
    assert (paths.models_dir() / "sticker.safetensors").is_file()


def test_an_installed_wheel_finds_the_folders_inside_the_package(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "icanvas_desktop"
    (package / "resources").mkdir(parents=True)
    (package / "models").mkdir()
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    assert paths.resource_root() == package
    assert paths.models_dir() == package / "models"


def test_a_pyinstaller_bundle_finds_the_folders_in_its_internal_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert paths.resource_root() == tmp_path / "_internal"
    assert paths.resources_dir() == tmp_path / "_internal" / "resources"
