"""The structure is enforced, not hoped for: layers (import-linter) and a documented public API."""

import ast
import configparser
import inspect
import shutil
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def importlinter_config():
    config = configparser.ConfigParser()
    config.read(BASE_DIR / ".importlinter")
    return config


def first_party_packages():
    """The project's own apps (those with a folder here) plus the settings package."""
    own = {config.name for config in apps.get_app_configs() if (BASE_DIR / config.name).is_dir()}
    return own | {"digivaardig"}


def test_every_app_is_a_root_package_and_has_a_layer():
    config = importlinter_config()
    roots = set(config["importlinter"]["root_packages"].split())
    layered = {
        name.strip().strip("()")
        for line in config["importlinter:contract:layers"]["layers"].split("\n")
        for name in line.split("|")
        if name.strip()
    }
    assert first_party_packages() <= roots, "add the new app to root_packages in .importlinter"
    assert roots <= layered, "give the new app its layer in .importlinter"


def run_lint_imports(folder):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": str(Path(sys.executable).parent)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_project_keeps_its_layers():
    result = run_lint_imports(BASE_DIR)
    assert result.returncode == 0, result.stdout


def test_a_wrong_way_import_breaks_the_lint(tmp_path):
    for package in first_party_packages():
        shutil.copytree(BASE_DIR / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BASE_DIR / ".importlinter", tmp_path / ".importlinter")
    (tmp_path / "personas" / "wrong_way.py").write_text("from campaigns.models import ContentItem  # noqa\n")
    result = run_lint_imports(tmp_path)
    assert result.returncode == 1
    assert "personas is not allowed to import campaigns" in result.stdout


def public_functions(module_name):
    path = BASE_DIR / Path(*module_name.split(".")).with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in tree.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")]


def test_every_public_service_and_selector_is_documented():
    undocumented = []
    for package in sorted(first_party_packages()):
        for kind in ("services", "selectors"):
            if not (BASE_DIR / package / f"{kind}.py").exists():
                continue
            for function in public_functions(f"{package}.{kind}"):
                docstring = ast.get_docstring(function) or ""
                if len(inspect.cleandoc(docstring)) < 20:
                    undocumented.append(f"{package}.{kind}.{function.name}")
    assert undocumented == []
