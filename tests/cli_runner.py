"""Running the command line in-process, as every CLI test does."""

import json

from typer.testing import CliRunner

from karabakh_cli.cli import app
from karabakh_cli.output import Environment, wants_color

ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


def run(*args, env=None):
    """Invoke `karabakh ARGS` as on a terminal 120 columns wide, without a pager, with no
    colour unless `env` asks for it; returns click's Result."""
    env = {**ENV, **(env or {})}
    color = wants_color("auto", True, {name: value for name, value in env.items() if value is not None})
    terminal = Environment(is_terminal=True, width=120, height=10_000, color=color)
    return CliRunner().invoke(app, [str(arg) for arg in args], env=env, obj=terminal)


def run_json(*args, code=0):
    """Invoke with --json, check the exit code, return the parsed output."""
    result = run(*args, "--json")
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)
