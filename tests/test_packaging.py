"""Packaging facts a user relies on: the Whoosh distribution, the README, the CI script."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata

from search.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_whoosh_comes_from_the_pinned_whoosh3_distribution() -> None:
    assert metadata.version("whoosh3") == "3.54.0"
    for other in ("Whoosh", "Whoosh-Reloaded", "whoosh-ng", "Whoosh-Novo"):
        try:
            metadata.version(other)
        except metadata.PackageNotFoundError:
            continue
        raise AssertionError(f"{other} is installed beside whoosh3: two owners of `whoosh`")


def test_whoosh_imports_with_syntax_warnings_as_errors() -> None:
    code = "import whoosh.index, whoosh.qparser, whoosh.highlight, whoosh.searching"
    result = subprocess.run([sys.executable, "-W", "error::SyntaxWarning", "-c", code],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_pyproject_pins_whoosh3_exactly() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'"whoosh3==\d+\.\d+\.\d+"', pyproject)


def test_readme_quick_start_is_two_commands_and_ci_runs_the_test_command() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", section)
    assert len(commands) == 2
    assert "paraindex index corpus/" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text()


def test_every_command_is_documented_in_the_readme() -> None:
    for name in cli.commands:
        assert f"paraindex {name}" in README, name
