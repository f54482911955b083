"""`--doc -` reads the article from standard input, piped or redirected, and never answers
from the cache: two different documents on standard input get two different answers."""

import json
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"


def karabakh(*args, stdin, env_home):
    return subprocess.run(
        [sys.executable, "-m", "karabakh_cli", *args], stdin=stdin, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(env_home), "HOME": str(env_home)}, timeout=120,
    )


def test_doc_dash_reads_a_pipe_and_a_redirected_file_and_never_replays(tmp_path):
    titles = []
    for name in ("battle_of_varnek.md", "city_of_lorn.md", "battle_of_varnek.md", "city_of_lorn.md"):
        with open(DOCS / name, "rb") as redirected:
            result = karabakh("summary", "--json", "--doc", "-", stdin=redirected, env_home=tmp_path)
        assert result.returncode == 0, result.stderr
        titles.append(json.loads(result.stdout)["title"])
    assert titles == ["Battle of Varnek", "Lorn", "Battle of Varnek", "Lorn"]
    piped = subprocess.run(
        [sys.executable, "-m", "karabakh_cli", "names", "--json", "--doc", "-"],
        input=(DOCS / "city_of_lorn.md").read_text(encoding="utf-8"), capture_output=True, text=True, timeout=120,
    )
    assert piped.returncode == 0 and json.loads(piped.stdout)[0]["name"] == "Lorn"


def test_doc_dash_on_a_device_is_one_line_naming_it(tmp_path):
    with open("/dev/null", "rb") as device:
        result = karabakh("summary", "--doc", "-", stdin=device, env_home=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "karabakh: error: -: is a character device, not a document; give a regular file\n"
