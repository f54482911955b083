"""What --doc may name and how it is read: pipes and devices refused without blocking, a bound
on the bytes read whatever the file claims, standard input through a pipe, errors that name
the document as given; and single hostile tokens that used to end in an internal error."""

import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cli_runner import run, run_json
from karabakh_cli.extract import document
from karabakh_cli.extract.document import DocumentError
from karabakh_cli.extract.figures import number_value

ROOT = Path(__file__).resolve().parent.parent
VARNEK = Path(__file__).resolve().parent / "docs" / "battle_of_varnek.md"
ARTICLE = "---\ntitle: Ardent war\n---\nThe Ardent army attacked the town on 5 May 2001.\n"


def karabakh(*args, timeout=60, **kwargs):
    """The command line in a subprocess limited to 1 GB of address space, so reading a
    device without end fails fast instead of taking the machine's memory."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    return subprocess.run(
        [sys.executable, "-m", "karabakh_cli", "--no-cache", *map(str, args)],
        capture_output=True, timeout=timeout, preexec_fn=limit, cwd=ROOT, **kwargs,
    )


def one_error_line(stderr: bytes | str) -> str:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert text.startswith("karabakh: error: ") and text.count("\n") == 1, text
    assert "internal error" not in text and "Traceback" not in text, text
    return text


# --- what is read ---------------------------------------------------------------------------


def test_a_named_pipe_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = karabakh("summary", "--doc", fifo, timeout=30)  # no writer: reading would block
    assert result.returncode == 2
    assert one_error_line(result.stderr) == f"karabakh: error: {fifo}: is a named pipe, not a document; give a regular file\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_character_device_is_refused(device):
    result = karabakh("summary", "--doc", device, timeout=30)
    assert result.returncode == 2
    assert "is a character device, not a document" in one_error_line(result.stderr)


def test_standard_input_through_a_pipe_is_read():
    result = karabakh("summary", "--json", "--doc", "/dev/stdin", input=VARNEK.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Battle of Varnek"


def test_a_pipe_is_read_to_the_limit_and_no_further(monkeypatch):
    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    reader, writer = os.pipe()
    written = []

    def endless():  # like `yes`: stops only when the reader goes away
        try:
            while True:
                written.append(os.write(writer, b"y\n" * 500))
        except OSError:
            pass
        finally:
            os.close(writer)

    thread = threading.Thread(target=endless)
    thread.start()
    try:
        with pytest.raises(DocumentError, match="documents over 0 MB are refused"):
            document._read_bounded(reader)
    finally:
        os.close(reader)
        thread.join(timeout=10)


def test_a_file_longer_than_the_limit_is_refused_whatever_its_size(monkeypatch, make_doc):
    path = make_doc(ARTICLE * 100)
    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    with pytest.raises(DocumentError, match="refused"):
        document.read_bytes(path)
    monkeypatch.setattr(document, "MAX_BYTES", len(ARTICLE) * 100)
    assert document.read_bytes(path) == (ARTICLE * 100).encode()


def unreadable(monkeypatch, path: Path) -> None:
    """`path` as a file without read permission (the tests may run as root, who reads all)."""
    real_open = os.open
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)

    def refusing_open(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)


def test_an_unreadable_doc_is_named_as_given(monkeypatch, make_doc):
    path = make_doc(ARTICLE)
    unreadable(monkeypatch, path)
    result = run("summary", "--doc", path)
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == f"karabakh: error: {path}: permission denied\n"


def test_the_environment_is_blamed_only_when_the_path_came_from_it(monkeypatch, make_doc):
    path = make_doc(ARTICLE)
    unreadable(monkeypatch, path)
    result = run("summary", env={"KARABAKH_DOC": str(path)})
    assert one_error_line(result.stderr) == f"karabakh: error: {path} (from KARABAKH_DOC): permission denied\n"
    missing = path.parent / "missing.md"
    result = run("summary", "--doc", missing, env={"KARABAKH_DOC": str(path)})
    assert one_error_line(result.stderr) == f"karabakh: error: {missing}: no such file\n"


def test_too_many_sentences_or_paragraphs_are_refused_in_one_line(monkeypatch, make_doc):
    monkeypatch.setattr(document, "MAX_SENTENCES", 100)
    result = run("summary", "--doc", make_doc("x. " * 101))
    assert "has over 100 sentences; longer documents are refused" in one_error_line(result.stderr)
    monkeypatch.setattr(document, "MAX_PARAGRAPHS", 100)
    result = run("summary", "--doc", make_doc("x\n\n" * 101))
    assert "has over 100 paragraphs; longer documents are refused" in one_error_line(result.stderr)
    assert run("summary", "--doc", make_doc("x\n\n" * 100)).exit_code == 0


# --- memory -----------------------------------------------------------------------------------

PEAK_MEMORY = """
import resource, sys
from karabakh_cli.entry import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""
BYTES_OF_MEMORY_PER_BYTE = 400  # measured: about 300 for `search` matching every sentence


def peak_kilobytes(*args) -> int:
    result = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, "--no-cache", *map(str, args)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300, cwd=ROOT,
    )
    return int(result.stderr.strip().splitlines()[-1])


def test_memory_follows_the_bytes_for_a_document_of_tiny_sentences(tmp_path):
    """Every sentence matches and is written out: the worst case per byte of the document."""
    tiny = tmp_path / "tiny.md"
    tiny.write_text("x.\n\n" * 100_000)
    small = tmp_path / "small.md"
    small.write_text("x.\n")
    baseline = peak_kilobytes("search", "x", "--json", "--doc", small)
    peak = peak_kilobytes("search", "x", "--json", "--doc", tiny)
    assert (peak - baseline) * 1024 < BYTES_OF_MEMORY_PER_BYTE * tiny.stat().st_size, (baseline, peak)


# --- single hostile tokens --------------------------------------------------------------------


def summary_of(make_doc, head: str) -> dict:
    result = run("summary", "--json", "--doc", make_doc(f"---\n{head}\n---\n{ARTICLE.split('---')[-1]}"))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_an_impossible_pub_date_is_no_snapshot_date(make_doc):
    assert summary_of(make_doc, "pubDate: 2022-02-30")["as_of"] is None
    assert summary_of(make_doc, "pubDate: 2022-02-28")["as_of"] == "2022-02-28"


@pytest.mark.parametrize("tag", ["!!int", "!!float", "!!bool", "!!timestamp", "!!binary"])
def test_a_value_tagged_as_a_type_it_is_not_stays_its_text(make_doc, tag):
    assert summary_of(make_doc, f"title: {tag} Ardent")["title"] == "Ardent"


def test_collections_tagged_as_sets_and_ordered_maps_are_read_in_order(make_doc):
    assert summary_of(make_doc, "title: !!set {Zed, Ardent, Moss}")["title"] == "Zed\nArdent\nMoss"
    assert summary_of(make_doc, "title: !!omap [text: Ardent]")["title"] == "Ardent"


def test_a_huge_integer_stays_its_digits(make_doc):
    digits = "9" * 5000
    assert summary_of(make_doc, f"title: {digits}")["title"] == digits


def test_deep_nesting_is_refused_naming_the_field(make_doc):
    deep = "[" * 400 + "x" + "]" * 400
    doc = make_doc(f"---\ninfoboxes:\n  - result: {{text: {deep}}}\n---\nText.\n")
    result = run("infobox", "--doc", doc)
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (
        f"karabakh: error: {doc}: frontmatter field 'infoboxes > result > text' is nested over 64 levels deep\n"
    )


def test_a_claimant_in_digits_that_are_no_number_is_a_usage_error():
    for claimant in ("²", "③", "9" * 5000):
        result = run("casualties", "--claimant", claimant, "--doc", VARNEK)
        assert isinstance(result.exception, SystemExit) and result.exit_code == 2, (claimant, result.exception)
        assert "is not a side number" in result.stderr, claimant
    assert run("casualties", "--claimant", "2", "--doc", VARNEK).exit_code == 0


def test_figures_stay_exact_integers():
    assert number_value("9007199254740993") == 9007199254740993
    assert number_value("2.5 million") == 2_500_000
    assert number_value("1" * 400) is None  # no count of anything is that long
    assert number_value("²") is None


def test_a_huge_number_in_the_body_is_no_error(make_doc):
    doc = make_doc(
        "---\ninfoboxes:\n  - combatant1: {text: Ardent}\n    combatant2: {text: Moss}\n---\n"
        f"On 5 May 2001, {'1' * 400} soldiers and 9007199254740993 civilians were killed, said Moss.\n"
    )
    claims = run_json("casualties", "--doc", doc)
    assert [claim["value"] for claim in claims] == [9007199254740993]


def test_an_unclosed_image_block_ends_with_its_paragraph(make_doc):
    doc = make_doc(
        "## Events\n\n[[File:Map.svg|thumb|A map of the front\n\nThe Ardent army attacked the town.\n\n"
        "[[File:Other.svg|thumb|A caption the export cut\n\n]]\n\nMoss retreated.\n"
    )
    texts = [hit["text"] for hit in run_json("search", "the", "--doc", doc)]
    assert texts == ["The Ardent army attacked the town."]
    assert [hit["text"] for hit in run_json("search", "retreated", "--doc", doc)] == ["Moss retreated."]
    sections = run_json("sections", "--doc", doc)
    assert [(s["title"], s["sentences"]) for s in sections] == [("Events", 2)]


@pytest.mark.parametrize("when", ["32 Oct", "Oct 99", "05/10/2020", "5.10.2020", "13/10/2020", "30 Feb 2021"])
def test_impossible_ambiguous_and_two_digit_year_dates_are_refused(when):
    result = run("on", when, "--doc", VARNEK)
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert "2020-10-05" in line or "out of range" in line, line


def test_unambiguous_dates_are_read():
    for when in ("2016-04-05", "5 Apr 2016", "April 2016", "2016/04/05"):
        assert run("on", when, "--doc", VARNEK).exit_code in (0, 1), when


def test_control_characters_never_reach_the_json(make_doc):
    doc = make_doc(
        '---\ntitle: "Ardent\\u009b war\\u009d"\n---\n'
        "The Ardent\u009b army\u009d attacked\u202e the town\x0bon 5 May 2001.\n"
    )
    for args in (["summary"], ["search", "attacked"], ["timeline"], ["sections"]):
        output = run(*args, "--json", "--doc", doc).stdout
        assert not any(0x80 <= ord(c) <= 0x9F or c in "\u202e\x0b" for c in output), args
    assert run_json("summary", "--doc", doc)["title"] == "Ardent war"
    assert [hit["text"] for hit in run_json("search", "attacked", "--doc", doc)] == [
        "The Ardent army attacked the town on 5 May 2001."
    ]
