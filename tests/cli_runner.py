"""Running the command line in-process, as every CLI test does."""

import json

from typer.testing import CliRunner

from karabakh_cli.cli import app

ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


def run(*args, env=None):
    """Invoke `karabakh ARGS` with a fixed width and no colour; returns click's Result."""
    return CliRunner().invoke(app, [str(arg) for arg in args], env={**ENV, **(env or {})})


def run_json(*args, code=0):
    """Invoke with --json, check the exit code, return the parsed output."""
    result = run(*args, "--json")
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)
