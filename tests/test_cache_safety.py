"""What the caches trust: only what was actually read, only intact entries, only a folder the
user alone can write, within a size cap; and one failing extractor breaks only its own fact."""

import json
import os
import subprocess
import sys

import pytest

from karabakh_cli import cache, entry
from karabakh_cli.factbase import FactBase
from karabakh_cli.records import to_json

DOC = "---\ntitle: {title}\n---\n## Story\n\nIt began on 3 May 2011. It ended on 9 May 2011.\n"


def karabakh(*args, cache_home, cwd=None, env=None, **options):
    """`python -m karabakh_cli ARGS` in a subprocess with the cache in `cache_home`."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent), **(env or {})}
    environment.pop(cache.DISABLE_ENV, None)
    return subprocess.run(
        [sys.executable, "-m", "karabakh_cli", *args], capture_output=True, text=True,
        env=environment, cwd=cwd, **options,
    )


def title(result) -> str:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["title"]


def answers(cache_home):
    folder = cache_home / "answers"
    return sorted(folder.iterdir()) if folder.exists() else []


# --- answers are keyed by what was actually read -----------------------------------------


def test_a_repointed_symlink_is_not_answered_from_its_old_target(cache_home, tmp_path):
    (tmp_path / "a.md").write_text(DOC.format(title="Alpha"), encoding="utf-8")
    (tmp_path / "b.md").write_text(DOC.format(title="Beta"), encoding="utf-8")
    link = tmp_path / "cur.md"
    link.symlink_to("a.md")
    ask = ("summary", "--json", "--doc", "cur.md")
    assert title(karabakh(*ask, cache_home=cache_home, cwd=tmp_path)) == "Alpha"
    assert title(karabakh(*ask, cache_home=cache_home, cwd=tmp_path)) == "Alpha"  # replayed
    link.unlink()
    link.symlink_to("b.md")
    assert title(karabakh(*ask, cache_home=cache_home, cwd=tmp_path)) == "Beta"


def test_a_repointed_folder_symlink_is_not_answered_from_its_old_target(cache_home, tmp_path):
    for name, heading in (("one", "Uno"), ("two", "Dos")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "war.md").write_text(DOC.format(title=heading), encoding="utf-8")
    current = tmp_path / "current"
    current.symlink_to("one")
    ask = ("summary", "--json", "--doc", str(current / "war.md"))
    assert title(karabakh(*ask, cache_home=cache_home)) == "Uno"
    current.unlink()
    current.symlink_to("two")
    assert title(karabakh(*ask, cache_home=cache_home)) == "Dos"


def test_karabakh_doc_through_a_repointed_symlink(cache_home, tmp_path):
    (tmp_path / "a.md").write_text(DOC.format(title="Alpha"), encoding="utf-8")
    (tmp_path / "b.md").write_text(DOC.format(title="Beta"), encoding="utf-8")
    link = tmp_path / "cur.md"
    link.symlink_to("a.md")
    env = {"KARABAKH_DOC": str(link)}
    assert title(karabakh("summary", "--json", cache_home=cache_home, env=env)) == "Alpha"
    link.unlink()
    link.symlink_to("b.md")
    assert title(karabakh("summary", "--json", cache_home=cache_home, env=env)) == "Beta"


def test_stdin_is_never_cached_nor_replayed(cache_home, tmp_path):
    for heading in ("Alpha", "Beta"):
        path = tmp_path / f"{heading}.md"
        path.write_text(DOC.format(title=heading), encoding="utf-8")
        with open(path, "rb") as redirected:  # `< file`: /dev/stdin resolves to a regular file
            result = karabakh("summary", "--json", "--doc", "/dev/stdin", cache_home=cache_home, stdin=redirected)
        assert title(result) == heading
        piped = karabakh("summary", "--json", "--doc", "/dev/stdin", cache_home=cache_home,
                         input=DOC.format(title=heading + " piped"))
        assert title(piped) == heading + " piped"
    assert answers(cache_home) == [] and list(cache_home.glob("*.facts")) == []


@pytest.mark.parametrize("path", ["/dev/stdin", "/proc/self/fd/0", "/dev/fd/0"])
def test_per_process_paths_are_never_identified(path):
    assert cache.identify(path) is None


def test_only_a_regular_file_is_identified(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "doc.md").write_text("text", encoding="utf-8")
    assert cache.identify(fifo) is None and cache.identify(tmp_path) is None
    resolved, _, inode = cache.identify(tmp_path / "doc.md")
    assert resolved == str((tmp_path / "doc.md").resolve()) and inode == (tmp_path / "doc.md").stat().st_ino


def test_a_document_replaced_by_a_copy_is_answered_afresh(cache_home, tmp_path):
    """Same path, same bytes, another file: the answer is not trusted, only computed again."""
    path = tmp_path / "doc.md"
    path.write_text(DOC.format(title="Same"), encoding="utf-8")
    karabakh("summary", "--json", "--doc", str(path), cache_home=cache_home)
    (tmp_path / "copy.md").write_bytes(path.read_bytes())
    os.replace(tmp_path / "copy.md", path)  # a new inode
    source = FactBase.load(path, use_cache=True).source
    (answer_file,) = answers(cache_home)
    recorded = json.loads(answer_file.read_bytes().partition(b"\n")[2])
    assert recorded["inode"] != source.inode
    assert cache.replay(["summary", "--json", "--doc", str(path)]) is None


# --- integrity --------------------------------------------------------------------------


def facts_json(facts):
    return [to_json(getattr(facts, name)) for name in ("summary", "timeline", "outline")]


def test_every_flipped_bit_in_a_fact_entry_is_caught_or_harmless(cache_home, make_doc):
    path = make_doc(DOC.format(title="Flips"))
    fresh = FactBase.load(path, use_cache=True)
    expected = facts_json(fresh)
    fresh.save()
    (entry_file,) = [p for p in cache_home.iterdir() if p.is_file()]
    sound = entry_file.read_bytes()
    for position in range(0, len(sound) * 8, max(1, len(sound) * 8 // 60)):
        damaged = bytearray(sound)
        damaged[position // 8] ^= 1 << (position % 8)
        entry_file.write_bytes(bytes(damaged))
        assert facts_json(FactBase.load(path, use_cache=True)) == expected, position


def test_a_damaged_fact_is_extracted_again_and_rebuilt(cache_home, make_doc):
    path = make_doc(DOC.format(title="Inner"))
    fresh = FactBase.load(path, use_cache=True)
    expected = facts_json(fresh)
    fresh.save()
    (entry_file,) = cache_home.glob("*.facts")
    stored = cache.read_facts(entry_file.stem)
    blob, sealed = stored["timeline"]
    stored["timeline"] = (blob[:-3] + b"\x00\x00\x00", sealed)  # same length, wrong bytes
    entry_file.unlink()
    cache.write_facts(entry_file.stem, stored)
    with pytest.raises(cache.Damaged):
        cache.unpack(cache.read_facts(entry_file.stem)["timeline"])
    again = FactBase.load(path, use_cache=True)
    assert facts_json(again) == expected
    again.save()
    cache.unpack(cache.read_facts(entry_file.stem)["timeline"])  # sound again


def test_a_damaged_document_fact_is_parsed_again(cache_home, make_doc):
    path = make_doc(DOC.format(title="Reparsed"))
    fresh = FactBase.load(path, use_cache=True)
    fresh.save()
    (entry_file,) = cache_home.glob("*.facts")
    stored = cache.read_facts(entry_file.stem)
    stored["document"] = (b"garbage", stored["document"][1])
    entry_file.unlink()
    cache.write_facts(entry_file.stem, stored)
    assert FactBase.load(path, use_cache=True).document.title == "Reparsed"


def seal_answer(cache_home, argv, answer: dict):
    folder = cache_home / "answers"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / cache._answer_name(argv)).write_bytes(cache._seal(json.dumps(answer).encode()))


def test_an_answer_of_the_wrong_shape_is_answered_afresh(cache_home, make_doc, monkeypatch):
    path = make_doc(DOC.format(title="Shape"))
    argv = ["summary", "--json", "--doc", str(path)]
    source = FactBase.load(path, use_cache=True).source
    seal_answer(cache_home, argv, {**source._asdict(), "stdout": 42, "stderr": "", "code": 0})
    assert cache.replay(argv) is None
    seal_answer(cache_home, argv, [1, 2, 3])
    assert cache.replay(argv) is None
    monkeypatch.chdir(path.parent)
    result = karabakh(*argv, cache_home=cache_home)
    assert title(result) == "Shape" and "Traceback" not in result.stderr


def test_a_damaged_answer_is_not_replayed(cache_home, make_doc):
    path = make_doc(DOC.format(title="Sealed"))
    argv = ["summary", "--json", "--doc", str(path)]
    assert title(karabakh(*argv, cache_home=cache_home)) == "Sealed"
    (answer_file,) = answers(cache_home)
    answer_file.write_bytes(answer_file.read_bytes().replace(b"Sealed", b"Forged"))
    assert cache.replay(argv) is None
    assert title(karabakh(*argv, cache_home=cache_home)) == "Sealed"


# --- bounded size -----------------------------------------------------------------------


def test_answers_are_evicted_least_recently_used_first(cache_home, make_doc, monkeypatch):
    monkeypatch.setattr(cache, "ANSWER_ENTRIES", 3)
    path = make_doc(DOC.format(title="Many"))
    source = FactBase.load(path, use_cache=True).source
    argvs = [["search", f"word{n}", "--json", "--doc", str(path)] for n in range(6)]
    for number, argv in enumerate(argvs):
        cache.remember(argv, source, f"[{number}]\n", "", 0)
        folder = cache_home / "answers"
        os.utime(folder / cache._answer_name(argv), ns=(number * 10**9, number * 10**9))
        if number == 2:
            assert cache.replay(argvs[0]) is not None  # a read makes it the most recently used
    assert len(answers(cache_home)) == 3
    kept = [argv for argv in argvs if cache.replay(argv) is not None]
    assert kept == [argvs[0], argvs[4], argvs[5]]


@pytest.mark.parametrize("cap", ["FACT_ENTRIES", "FACT_BYTES"])
def test_fact_entries_are_evicted_oldest_first(cache_home, make_doc, monkeypatch, cap):
    written = []
    for number in range(4):
        facts = FactBase.load(make_doc(DOC.format(title=f"Doc {number}"), f"d{number}.md"), use_cache=True)
        facts.summary
        facts.save()
        written.append(cache_home / f"{facts._cache_key}.facts")
        os.utime(written[-1], ns=(number * 10**9, number * 10**9))
        if number == 0:  # two entries fit, not three
            monkeypatch.setattr(cache, cap, 2 if cap == "FACT_ENTRIES" else written[0].stat().st_size * 5 // 2)
    assert [path.exists() for path in written] == [False, False, True, True]


def test_the_caps_are_in_the_readme():
    from pathlib import Path

    readme = " ".join((Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert f"{cache.FACT_ENTRIES} documents' facts in at most {cache.FACT_BYTES // 2**20} MB" in readme
    assert f"{cache.ANSWER_ENTRIES} answers in at most {cache.ANSWER_BYTES // 2**20} MB" in readme
    assert f"one over {cache.DOCUMENT_LIMIT // 2**20} MB" in readme


# --- never code from a folder someone else can write -------------------------------------


class Planted:
    """Unpickling this creates a file: what a planted entry would do."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def plant(cache_home, path, marker):
    facts = FactBase.load(path, use_cache=True)
    cache.write_facts(facts._cache_key, {"summary": cache.pack(Planted(marker))})
    return next(cache_home.glob("*.facts"))


def test_a_cache_folder_others_can_write_is_not_read(cache_home, make_doc, tmp_path):
    path = make_doc(DOC.format(title="Planted"))
    marker = tmp_path / "ran"
    plant(cache_home, path, marker)
    cache_home.chmod(0o777)
    assert FactBase.load(path, use_cache=True).summary.title == "Planted"
    assert not marker.exists()
    cache_home.chmod(0o700)  # the same entry from a folder only its owner can write is read
    FactBase.load(path, use_cache=True).summary
    assert marker.exists()


def test_an_entry_others_can_write_is_not_read(cache_home, make_doc, tmp_path):
    path = make_doc(DOC.format(title="Planted"))
    marker = tmp_path / "ran"
    plant(cache_home, path, marker).chmod(0o666)
    assert FactBase.load(path, use_cache=True).summary.title == "Planted"
    assert not marker.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_an_entry_owned_by_another_user_is_not_read(cache_home, make_doc, tmp_path):
    path = make_doc(DOC.format(title="Planted"))
    marker = tmp_path / "ran"
    os.chown(plant(cache_home, path, marker), 4242, 4242)
    assert FactBase.load(path, use_cache=True).summary.title == "Planted"
    assert not marker.exists()
    os.chown(next(cache_home.glob("*.facts")), 0, 0)
    os.chown(cache_home, 4242, 4242)  # their folder
    assert FactBase.load(path, use_cache=True).summary.title == "Planted"
    assert not marker.exists()


def test_cache_folders_are_private_whatever_the_umask(cache_home, make_doc):
    previous = os.umask(0o002)
    try:
        cache.remember(["x", "--json"], FactBase.load(make_doc(DOC.format(title="Mask")), use_cache=True).source, "", "", 0)
    finally:
        os.umask(previous)
    assert (cache_home.stat().st_mode & 0o777, (cache_home / "answers").stat().st_mode & 0o777) == (0o700, 0o700)
    assert cache.replay(["x", "--json"]) is not None


def test_a_symlinked_entry_or_folder_is_not_followed(cache_home, make_doc, tmp_path):
    path = make_doc(DOC.format(title="Planted"))
    marker = tmp_path / "ran"
    planted = plant(cache_home, path, marker)
    elsewhere = tmp_path / "elsewhere.facts"
    planted.rename(elsewhere)
    planted.symlink_to(elsewhere)
    assert FactBase.load(path, use_cache=True).summary.title == "Planted"
    assert not marker.exists()
    planted.unlink()
    elsewhere.rename(planted)
    cache_home.rename(tmp_path / "their-folder")
    cache_home.symlink_to(tmp_path / "their-folder")
    assert FactBase.load(path, use_cache=True).summary.title == "Planted"
    assert not marker.exists()


def test_a_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch, make_doc):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert cache.directory() == tmp_path / "home" / ".cache" / "karabakh"
    facts = FactBase.load(make_doc(DOC.format(title="Home")), use_cache=True)
    facts.summary
    facts.save()
    assert not (tmp_path / "relative-cache").exists()
    assert list((tmp_path / "home" / ".cache" / "karabakh").glob("*.facts"))


# --- one failing extractor breaks only its own fact --------------------------------------


def boom(*args, **kwargs):
    raise RuntimeError("the extractor broke")


@pytest.mark.parametrize("cached_before", [False, True])
def test_a_failing_extractor_breaks_only_the_commands_that_need_it(
    cache_home, make_doc, monkeypatch, capsys, cached_before
):
    path = make_doc(DOC.format(title="Isolated"))
    if cached_before:
        assert entry.run(["sections", "--doc", str(path)]) == 0
    import karabakh_cli.extract.timeline as timeline_module

    monkeypatch.setattr(timeline_module, "extract_timeline", boom)
    capsys.readouterr()
    assert entry.run(["summary", "--json", "--doc", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Isolated"
    assert entry.run(["timeline", "--json", "--doc", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"karabakh: error: {path}: could not extract timeline: RuntimeError: the extractor broke\n"


def test_a_fact_another_fact_needs_is_the_one_named(cache_home, make_doc, monkeypatch):
    import karabakh_cli.extract.entities as entities_module

    monkeypatch.setattr(entities_module, "extract_entities", boom)
    facts = FactBase.load(make_doc(DOC.format(title="Nested")), use_cache=True)
    with pytest.raises(Exception, match="could not extract entity index: RuntimeError"):
        facts.timeline
    assert facts.summary.title == "Nested"
