"""--no-cache and --no-color mean the same before or after the command name."""

import json

import pytest

from cli_runner import run
from karabakh_cli import entry

DOC = "---\ntitle: Siege of Quorv\n---\n## Story\n\nIt began on 3 May 1901. It ended soon.\n"


@pytest.mark.parametrize(
    "argv",
    [["--no-cache", "summary", "--json"], ["summary", "--no-cache", "--json"], ["summary", "--json", "--no-cache"]],
)
def test_no_cache_anywhere_neither_reads_nor_writes_the_cache(argv, cache_home, make_doc, capsys):
    doc = make_doc(DOC)
    for _ in range(2):  # a second run would replay an answer the first had stored
        assert entry.answer(argv + ["--doc", str(doc)]) == 0
        assert json.loads(capsys.readouterr().out)["title"] == "Siege of Quorv"
    assert not cache_home.exists()


def test_the_cache_is_still_used_without_the_flag(cache_home, make_doc, capsys):
    assert entry.answer(["summary", "--json", "--doc", str(make_doc(DOC))]) == 0
    assert cache_home.exists()


COLOURED = {"NO_COLOR": None, "FORCE_COLOR": "1"}


@pytest.mark.parametrize("argv", [["--no-color", "summary"], ["summary", "--no-color"]])
def test_no_color_before_or_after_the_command(argv):
    assert "\x1b[" in run("summary", env=COLOURED).stdout  # coloured without the flag
    result = run(*argv, env=COLOURED)
    assert result.exit_code == 0 and "\x1b[" not in result.stdout and "2020" in result.stdout


def test_a_flag_after_double_dash_is_a_value():
    result = run("entity", "--no-color", "--", "--no-cache")
    assert result.exit_code == 1 and "no entity is called '--no-cache'" in result.stderr
