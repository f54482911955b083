"""Help speaks the reader's language: readable metavars, no Click internals."""

import re

import pytest

from cli_runner import run
from karabakh_cli.cli import app

COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]
# An option line: the option, then its metavar (an upper-case word, `a,b,c`, or choices a|b).
OPTION_WITH_VALUE = re.compile(r"^\s+(?:-\w, )?(--[\w-]+) (\S+)", re.MULTILINE)
READABLE = re.compile(r"^([A-Z]+|[a-z]+(\|[a-z]+)+|a,b,c)$")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_readable_metavars(command):
    result = run(command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "<" not in result.stdout and "[x>" not in result.stdout and "[x<" not in result.stdout
    options = OPTION_WITH_VALUE.findall(result.stdout)
    assert options  # every command takes --doc PATH
    for option, metavar in options:  # a flag's help text stands further off: not matched
        assert READABLE.match(metavar), (option, metavar)


def test_the_helps_name_their_numbers_n():
    assert re.search(r"--side SIDE\b", run("sides", "--help").stdout)  # a number or a party
    assert re.search(r"--limit N\b", run("timeline", "--help").stdout)
    assert "-f, --format json|jsonl|csv|sqlite" in run("export", "--help", env={"COLUMNS": "200"}).stdout


@pytest.mark.parametrize(
    "args, says",
    [
        (("sides", "--side", "0"), "sides are numbered from 1"),
        (("entities", "--limit", "-1"), "or more"),
        (("timeline", "--limit", "-2"), "or more"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(args, says):
    result = run(*args)
    assert result.exit_code == 2 and says in result.stderr
