"""The README's tour shows real output: each `karabakh ARGS` block is what the command prints on
a terminal 100 columns wide without colour. `python tests/test_readme_examples.py` rewrites
the blocks from the tool; the test fails when one has drifted."""

import re
import shlex
import sys
from pathlib import Path

from typer.testing import CliRunner

from karabakh_cli.cli import app
from karabakh_cli.output import Environment

README = Path(__file__).resolve().parent.parent / "README.md"
# "`karabakh ARGS` (first lines): what it shows." then a text block
EXAMPLE = re.compile(r"^`karabakh ([^`]+)`(?P<said>[^\n]*(?:\n(?!```)[^\n]+)*)\n\n```text\n(?P<block>.*?)```", re.M | re.S)


def shown(args: str) -> list[str]:
    terminal = Environment(is_terminal=True, width=100, height=10_000, color=False)
    result = CliRunner().invoke(app, shlex.split(args), env={"COLUMNS": "100", "NO_COLOR": "1"}, obj=terminal)
    assert result.exit_code == 0, (args, result.output)
    return trimmed(result.stdout)


def trimmed(text: str) -> list[str]:
    """The lines of `text` without trailing spaces, and without blank lines around them."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def examples(text: str):
    for match in EXAMPLE.finditer(text):
        yield match, match.group(1), "first lines" in match.group("said")


def expected(args: str, written: list[str], first_lines: bool) -> list[str]:
    output = shown(args)
    return trimmed("\n".join(output[: len(written)])) if first_lines else output


def test_every_tour_block_is_what_the_tool_prints():
    found = 0
    for match, args, first_lines in examples(README.read_text(encoding="utf-8")):
        written = trimmed(match.group("block"))
        assert written == expected(args, written, first_lines), f"README block of `karabakh {args}` drifted"
        found += 1
    assert found >= 10


def rewrite() -> None:
    text = README.read_text(encoding="utf-8")
    pieces, last = [], 0
    for match, args, first_lines in examples(text):
        written = trimmed(match.group("block"))
        lines = expected(args, written, first_lines)
        pieces += [text[last : match.start("block")], "\n".join(lines) + "\n"]
        last = match.end("block")
    README.write_text("".join(pieces) + text[last:], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(rewrite())
