"""The README's install section is complete for a newcomer, and CI runs what it says."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def install_section() -> str:
    return README.split("## Install and run", 1)[1].split("\n## A short tour", 1)[0]


def shell_lines(text: str) -> list[str]:
    return [line for block in re.findall(r"```sh\n(.*?)```", text, re.S) for line in block.splitlines()]


def test_it_names_the_python_the_package_requires():
    pyproject = (ROOT / "pyproject.toml").read_text()  # no tomllib: it is Python 3.11+
    version = re.search(r'^requires-python = ">=\s*(\d+\.\d+)"$', pyproject, re.M).group(1)
    assert f"Python {version} or newer" in install_section()


def test_it_goes_from_a_fresh_clone_into_the_project_folder_before_installing():
    lines = shell_lines(install_section())
    clone = next(i for i, line in enumerate(lines) if line.startswith("git clone "))
    install = next(i for i, line in enumerate(lines) if "pip install ." in line)
    assert clone < install and re.search(r"git clone \S.* (\S+) && cd \1$", lines[clone])


def test_ci_runs_the_readmes_install_and_test_commands():
    ci = (ROOT / ".ci" / "run").read_text()
    install, test = [line for line in shell_lines(install_section()) if "pip install" in line]
    assert "pip install ." in install and "pip install '.[test]'" in ci
    assert test == "pip install '.[test]' && python -m pytest -q"
    for command in test.split(" && "):
        assert re.search(rf"^{re.escape(command)}$", ci, re.M), command
