"""Every write to stdout, replayed from the answer cache or not, ends without a traceback: a
reader that went away quietly, a full disk or a closed stdout as one line, an encoding that
cannot show the text with valid output."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from karabakh_cli import cache

DOC = (
    "---\ntitle: Siege of Øster–Vå\n---\n## Story\n\n"
    "The siege of Øster–Vå began on 3 May 2011. The garrison of Łódźa surrendered on 9 May 2011.\n"
)
COMMANDS = [("summary", "--json"), ("timeline", "--json"), ("timeline",), ("summary",)]


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "siege.md"
    path.write_text(DOC, encoding="utf-8")
    return path


@pytest.fixture
def env(tmp_path):
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "COLUMNS": "100", "NO_COLOR": "1"}
    environment.pop(cache.DISABLE_ENV, None)
    environment.pop("PYTHONIOENCODING", None)
    return environment


def karabakh(args, doc, env, **options):
    return subprocess.run(
        [sys.executable, "-m", "karabakh_cli", *args, "--doc", str(doc)], env=env, stderr=subprocess.PIPE, **options
    )


def warm(args, doc, env):
    """Run once so that a `--json` command line is replayed next time."""
    assert karabakh(args, doc, env, stdout=subprocess.DEVNULL).returncode == 0
    if "--json" in args:
        assert list((Path(env["XDG_CACHE_HOME"]) / "karabakh" / "answers").iterdir())


@pytest.mark.parametrize("replayed", [False, True])
@pytest.mark.parametrize("args", COMMANDS)
def test_a_reader_that_went_away_ends_the_run_quietly(doc, env, args, replayed):
    if replayed:
        warm(args, doc, env)
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails with EPIPE
    try:
        result = karabakh(args, doc, env, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, b"")


@pytest.mark.parametrize("replayed", [False, True])
@pytest.mark.parametrize("args", COMMANDS)
def test_a_full_disk_is_one_line(doc, env, args, replayed):
    if replayed:
        warm(args, doc, env)
    with open("/dev/full", "wb") as full:
        result = karabakh(args, doc, env, stdout=full)
    assert result.returncode == 2
    assert result.stderr == b"karabakh: error: cannot write output: No space left on device\n"


@pytest.mark.parametrize("replayed", [False, True])
def test_a_closed_stdout_is_one_line(doc, env, replayed):
    args = ("summary", "--json")
    if replayed:
        warm(args, doc, env)
    result = karabakh(args, doc, env, preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert result.stderr == b"karabakh: error: cannot write output: standard output is closed\n"


@pytest.mark.parametrize("args", [("summary", "--json"), ("timeline", "--json")])
def test_json_in_an_encoding_that_cannot_show_it_is_escaped_and_equal(doc, env, args):
    utf8 = karabakh(args, doc, {**env, "PYTHONIOENCODING": "utf-8"}, stdout=subprocess.PIPE)
    for _ in range(2):  # extracted, then replayed
        ascii_only = karabakh(args, doc, {**env, "PYTHONIOENCODING": "ascii"}, stdout=subprocess.PIPE)
        assert (ascii_only.returncode, ascii_only.stderr) == (0, b"")
        assert ascii_only.stdout.isascii() and b"\\u00d8ster\\u2013V\\u00e5" in ascii_only.stdout
        assert json.loads(ascii_only.stdout) == json.loads(utf8.stdout.decode("utf-8"))


def test_json_escapes_characters_outside_the_basic_plane_as_surrogate_pairs(tmp_path, env):
    path = tmp_path / "emoji.md"
    path.write_text(DOC.replace("Siege of", "Siege 🏰 of"), encoding="utf-8")
    result = karabakh(("summary", "--json"), path, {**env, "PYTHONIOENCODING": "ascii"}, stdout=subprocess.PIPE)
    assert b"\\ud83c\\udff0" in result.stdout
    assert json.loads(result.stdout)["title"] == "Siege 🏰 of Øster–Vå"


@pytest.mark.parametrize("args", [("summary",), ("timeline",)])
def test_text_in_an_encoding_that_cannot_show_it_is_replaced(doc, env, args):
    result = karabakh(args, doc, {**env, "PYTHONIOENCODING": "ascii"}, stdout=subprocess.PIPE)
    assert (result.returncode, result.stderr) == (0, b"")
    assert b"?ster?V?" in result.stdout
