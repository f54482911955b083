"""The fact cache: a changed document is never answered from it; damage only costs speed."""

import json
import os
import stat
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from karabakh_cli import cache
from karabakh_cli.cli import app
from karabakh_cli.factbase import FactBase

DOC = "---\ntitle: {title}\n---\n## Story\n\nIt began on a Monday. It ended soon.\n"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv(cache.DISABLE_ENV, raising=False)
    return home / "karabakh"


def entries(folder):
    return sorted(folder.glob("*.pickle")) if folder.exists() else []


def title_via_cli(path):
    result = CliRunner().invoke(app, ["summary", "--doc", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["title"]


def test_second_load_comes_from_the_cache(cache_home, make_doc):
    path = make_doc(DOC.format(title="First"))
    fresh = FactBase.load(path, use_cache=True)
    assert len(entries(cache_home)) == 1
    cached = FactBase.load(path, use_cache=True)
    assert {"document", "sentences", "summary"} <= set(cached._stored)  # nothing to compute
    assert cached.summary == fresh.summary
    assert "document" in cached._stored  # reading one fact unpickles only that fact
    assert [s.text for s in cached.sentences] == ["It began on a Monday.", "It ended soon."]
    assert cached.path == str(path) and cached.document.title == "First"


def test_a_changed_document_is_never_answered_from_the_cache(cache_home, make_doc):
    path = make_doc(DOC.format(title="Before"))
    assert title_via_cli(path) == "Before"
    path.write_text(DOC.format(title="After"), encoding="utf-8")
    assert title_via_cli(path) == "After"
    # Same size, same modification time, different bytes: the key is the content.
    path.write_text(DOC.format(title="Aftex"), encoding="utf-8")
    os.utime(path, ns=(0, 0))
    assert title_via_cli(path) == "Aftex"


def test_a_corrupt_entry_is_ignored_and_rebuilt(cache_home, make_doc):
    path = make_doc(DOC.format(title="Sound"))
    FactBase.load(path, use_cache=True)
    (entry,) = entries(cache_home)
    entry.write_bytes(b"\x80\x05not a pickle at all")
    assert title_via_cli(path) == "Sound"
    assert cache.read(entry.stem) is not None  # rewritten whole


def test_a_read_only_cache_directory_only_costs_speed(cache_home, make_doc, monkeypatch):
    path = make_doc(DOC.format(title="Readonly"))
    cache_home.mkdir(parents=True)
    cache_home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root writes through permissions: refuse the write as the OS would
        import tempfile

        def refused(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    try:
        assert title_via_cli(path) == "Readonly"
        assert title_via_cli(path) == "Readonly"  # and again, with nothing cached
        assert entries(cache_home) == []
    finally:
        cache_home.chmod(stat.S_IRWXU)


def test_an_unwritable_cache_location_only_costs_speed(tmp_path, monkeypatch, make_doc):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv(cache.DISABLE_ENV, raising=False)
    assert title_via_cli(make_doc(DOC.format(title="Blocked"))) == "Blocked"


def test_the_cache_can_be_turned_off(cache_home, make_doc, monkeypatch):
    monkeypatch.setenv(cache.DISABLE_ENV, "1")
    assert title_via_cli(make_doc(DOC.format(title="Off"))) == "Off"
    assert entries(cache_home) == []


def test_the_no_cache_option(cache_home, make_doc):
    result = CliRunner().invoke(app, ["--no-cache", "summary", "--doc", str(make_doc(DOC.format(title="X")))])
    assert result.exit_code == 0
    assert entries(cache_home) == []


def test_no_temporary_files_are_left_behind(cache_home, make_doc):
    FactBase.load(make_doc(DOC.format(title="Tidy")), use_cache=True)
    assert [p.suffix for p in cache_home.iterdir()] == [".pickle"]


# --- the answer cache of --json command lines --------------------------------------------

ENTRY = """
import sys
sys.argv = ["karabakh", *sys.argv[1:]]
from karabakh_cli.entry import main
try:
    main()
finally:
    sys.stderr.write("typer imported: %s\\n" % ("typer" in sys.modules))
"""


def karabakh(*args, cache_home):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    env.pop(cache.DISABLE_ENV, None)
    return subprocess.run([sys.executable, "-c", ENTRY, *args], capture_output=True, text=True, env=env)


def test_a_json_answer_is_replayed_without_the_command_line(cache_home, make_doc):
    path = make_doc(DOC.format(title="Replayed"))
    first = karabakh("summary", "--doc", str(path), "--json", cache_home=cache_home)
    again = karabakh("summary", "--doc", str(path), "--json", cache_home=cache_home)
    assert first.returncode == again.returncode == 0
    assert json.loads(again.stdout)["title"] == "Replayed"
    assert again.stdout == first.stdout
    assert "typer imported: True" in first.stderr
    assert "typer imported: False" in again.stderr


def test_a_replayed_answer_follows_the_document(cache_home, make_doc):
    path = make_doc(DOC.format(title="Old"))
    karabakh("summary", "--doc", str(path), "--json", cache_home=cache_home)
    path.write_text(DOC.format(title="New"), encoding="utf-8")
    again = karabakh("summary", "--doc", str(path), "--json", cache_home=cache_home)
    assert json.loads(again.stdout)["title"] == "New"
    assert "typer imported: True" in again.stderr


def test_notes_and_exit_codes_are_replayed_but_errors_are_not_recorded(cache_home, make_doc):
    plain = make_doc("Only prose here.\n")
    for _ in range(2):
        result = karabakh("infobox", "--doc", str(plain), "--json", cache_home=cache_home)
        assert (result.returncode, result.stdout.strip()) == (0, "{}")
        assert "the document has no infobox" in result.stderr
    assert "typer imported: False" in result.stderr
    for _ in range(2):
        missing = karabakh("summary", "--doc", str(plain) + ".nope", "--json", cache_home=cache_home)
        assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "typer imported: True" in missing.stderr
