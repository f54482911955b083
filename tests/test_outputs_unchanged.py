"""Speed work must not change a single byte of output: every fact command's --json on the
bundled article and on each development-corpus document equals a snapshot written by
/tmp/snapshot.sh (or any tool writing <snapshot>/<doc>/<command>.json) at a known commit.

    KARABAKH_SNAPSHOT=/path/to/snapshot python -m pytest tests/test_outputs_unchanged.py

Without KARABAKH_SNAPSHOT (or when the corpus is absent) there is nothing to compare with
and the test is skipped."""

import os
from pathlib import Path

import pytest

from tests.cli_runner import run

SNAPSHOT = os.environ.get("KARABAKH_SNAPSHOT")
CORPUS = Path(os.environ.get("KARABAKH_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
COMMANDS = ["summary", "infobox", "sections", "names", "sides", "casualties --all", "losses --all", "timeline", "entities"]


def documents() -> list[tuple[str, Path | None]]:
    found = [("seed", None)]
    if CORPUS.is_dir():
        found += [(path.stem, path) for path in sorted(CORPUS.glob("*.md")) if path.name != "README.md"]
    return found


@pytest.mark.skipif(not SNAPSHOT, reason="KARABAKH_SNAPSHOT names no snapshot to compare with")
@pytest.mark.parametrize("name,path", documents(), ids=[name for name, _ in documents()])
def test_every_command_matches_the_snapshot(name, path):
    doc = [] if path is None else ["--doc", str(path)]
    for command in COMMANDS:
        expected = Path(SNAPSHOT, name, command.split()[0] + ".json").read_text(encoding="utf-8")
        result = run("--no-cache", *command.split(), *doc, "--json")
        assert result.stdout == expected, f"{name}: {command} --json differs from the snapshot"
