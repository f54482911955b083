"""The fact cache: a changed document is never answered from it; damage only costs speed."""

import json
import os
import stat
import subprocess
import sys

from karabakh_cli import cache, entry
from karabakh_cli.factbase import FactBase

DOC = "---\ntitle: {title}\n---\n## Story\n\nIt began on a Monday. It ended soon.\n"


def entries(folder):
    return sorted(folder.glob("*.facts")) if folder.exists() else []


def title_via_cli(path, capsys):
    """`karabakh summary --json` in-process through the entry point, which saves the facts."""
    assert entry.run(["summary", "--doc", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["title"]


def test_second_load_comes_from_the_cache(cache_home, make_doc):
    path = make_doc(DOC.format(title="First"))
    fresh = FactBase.load(path, use_cache=True)
    fresh.summary
    assert entries(cache_home) == []  # nothing is written before `save`
    fresh.save()
    assert len(entries(cache_home)) == 1
    cached = FactBase.load(path, use_cache=True)
    assert {"document", "sentences", "summary"} <= set(cached._stored)  # nothing to compute
    assert "timeline" not in cached._stored  # never extracted, so never stored
    assert cached.summary == fresh.summary
    assert "document" in cached._stored  # reading one fact unpickles only that fact
    assert [s.text for s in cached.sentences] == ["It began on a Monday.", "It ended soon."]
    assert cached.path == str(path) and cached.document.title == "First"


def test_facts_computed_later_are_added_to_the_entry(cache_home, make_doc):
    path = make_doc(DOC.format(title="Growing"))
    first = FactBase.load(path, use_cache=True)
    first.summary
    first.save()
    second = FactBase.load(path, use_cache=True)
    second.outline
    second.save()
    (entry_file,) = entries(cache_home)
    assert {"summary", "outline", "document"} <= set(cache.read_facts(entry_file.stem))


def test_a_changed_document_is_never_answered_from_the_cache(cache_home, make_doc, capsys):
    path = make_doc(DOC.format(title="Before"))
    assert title_via_cli(path, capsys) == "Before"
    path.write_text(DOC.format(title="After"), encoding="utf-8")
    assert title_via_cli(path, capsys) == "After"
    # Same size, same modification time, different bytes: the key is the content.
    path.write_text(DOC.format(title="Aftex"), encoding="utf-8")
    os.utime(path, ns=(0, 0))
    assert title_via_cli(path, capsys) == "Aftex"


def test_a_corrupt_entry_is_ignored_and_rebuilt(cache_home, make_doc, capsys):
    path = make_doc(DOC.format(title="Sound"))
    assert title_via_cli(path, capsys) == "Sound"
    (entry_file,) = entries(cache_home)
    entry_file.write_bytes(b"\x80\x05not an entry at all")
    assert cache.read_facts(entry_file.stem) is None
    assert title_via_cli(path, capsys) == "Sound"
    assert "summary" in cache.read_facts(entry_file.stem)  # rewritten whole


def test_a_read_only_cache_directory_only_costs_speed(cache_home, make_doc, monkeypatch, capsys):
    path = make_doc(DOC.format(title="Readonly"))
    cache_home.mkdir(parents=True)
    cache_home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root writes through permissions: refuse the write as the OS would
        real_open = os.open

        def refused(name, flags, *args, **kwargs):
            if flags & os.O_CREAT:
                raise PermissionError(13, "Permission denied")
            return real_open(name, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refused)
    try:
        assert title_via_cli(path, capsys) == "Readonly"
        assert title_via_cli(path, capsys) == "Readonly"  # and again, with nothing cached
        assert entries(cache_home) == []
    finally:
        cache_home.chmod(stat.S_IRWXU)


def test_an_unwritable_cache_location_only_costs_speed(tmp_path, monkeypatch, make_doc, capsys):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv(cache.DISABLE_ENV, raising=False)
    assert title_via_cli(make_doc(DOC.format(title="Blocked")), capsys) == "Blocked"


def test_the_cache_can_be_turned_off(cache_home, make_doc, monkeypatch, capsys):
    monkeypatch.setenv(cache.DISABLE_ENV, "1")
    assert title_via_cli(make_doc(DOC.format(title="Off")), capsys) == "Off"
    assert not cache_home.exists()


def test_the_no_cache_option(cache_home, make_doc):
    assert entry.run(["--no-cache", "summary", "--doc", str(make_doc(DOC.format(title="X")))]) == 0
    assert not cache_home.exists()


def test_no_temporary_files_are_left_behind(cache_home, make_doc, capsys):
    title_via_cli(make_doc(DOC.format(title="Tidy")), capsys)
    assert sorted(p.suffix or p.name for p in cache_home.iterdir()) == [".facts", "answers"]
    assert [p.suffix for p in (cache_home / "answers").iterdir()] == [".json"]


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


def test_a_view_for_people_is_replayed_as_rendered(cache_home, make_doc):
    path = make_doc(DOC.format(title="Viewed"))
    first = karabakh("summary", "--doc", str(path), cache_home=cache_home)
    again = karabakh("summary", "--doc", str(path), cache_home=cache_home)
    assert first.returncode == again.returncode == 0
    assert "Viewed" in first.stdout and again.stdout == first.stdout
    assert "typer imported: False" in again.stderr
    path.write_text(DOC.format(title="Edited"), encoding="utf-8")
    edited = karabakh("summary", "--doc", str(path), cache_home=cache_home)
    assert "Edited" in edited.stdout and "typer imported: True" in edited.stderr


def test_a_view_is_replayed_only_in_the_surroundings_it_was_rendered_for(cache_home, make_doc, monkeypatch):
    path = make_doc(DOC.format(title="Surroundings"))
    karabakh("summary", "--doc", str(path), cache_home=cache_home)
    for name, value in (("NO_COLOR", "1"), ("TERM", "dumb"), ("COLUMNS", "61")):
        monkeypatch.setenv(name, value)
        other = karabakh("summary", "--doc", str(path), cache_home=cache_home)
        assert "typer imported: True" in other.stderr, name


def test_an_answer_about_a_folder_is_never_replayed(cache_home, tmp_path):
    folder = tmp_path / "wars"
    folder.mkdir()
    (folder / "a.md").write_text(DOC.format(title="Alone"), encoding="utf-8")
    for _ in range(2):
        alone = karabakh("summary", "--doc", str(folder), "--json", cache_home=cache_home)
        assert json.loads(alone.stdout)["title"] == "Alone" and "typer imported: True" in alone.stderr
    (folder / "b.md").write_text(DOC.format(title="Joined"), encoding="utf-8")
    both = karabakh("summary", "--doc", str(folder), "--json", cache_home=cache_home)
    assert [record["title"] for record in json.loads(both.stdout)] == ["Alone", "Joined"]
