"""Hostile and broken documents: Rich markup and terminal escapes in document text, huge and
deep documents, frontmatter fields of the wrong type, arbitrary text (hypothesis); and the
tool never writes to the document it reads, nor answers differently when two read it at once."""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_runner import run
from karabakh_cli.extract import document
from karabakh_cli.extract.document import DocumentError
from karabakh_cli.factbase import FactBase

DOCS = Path(__file__).resolve().parent / "docs"


def commands(day: str = "2 May 2001", name: str = "Foo", word: str = "attacked") -> list[list[str]]:
    return [
        ["summary"], ["infobox"], ["sections"], ["names"], ["sides"], ["casualties"], ["losses"],
        ["timeline"], ["on", day], ["entities"], ["entity", name], ["search", word],
    ]


def answered(result, args) -> None:
    """Exit 0 or 1, or 2 with one line `karabakh: error: ...`; never an exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("karabakh: error: "), (args, result.stderr)


def every_json_answer_parses(doc: Path, **queries) -> dict[str, int]:
    """Every command with --json on `doc`; returns each command's exit code."""
    codes = {}
    for args in commands(**queries):
        result = run(*args, "--doc", doc, "--json")
        answered(result, args)
        if result.exit_code in (0, 1):
            json.loads(result.stdout)
        codes[args[0]] = result.exit_code
    return codes


def frontmatter(fields: dict) -> str:
    """YAML frontmatter with every string double-quoted and escaped as JSON escapes it (YAML
    reads those escapes), so control characters reach the document's values."""
    lines = ["---"]
    for key, value in fields.items():
        if key == "infoboxes":
            lines.append("infoboxes:")
            for i, (name, text) in enumerate(value.items()):
                lines.append(f"  {'- ' if i == 0 else '  '}{name}: {{text: {json.dumps(text)}}}")
        else:
            lines.append(f"{key}: {json.dumps(value)}")
    return "\n".join(lines + ["---", ""])


# --- markup and terminal escapes in document text ------------------------------------------------

MARKUP = "[bold red]Evil[/bold red]"
LINK = "[link=file:///etc/passwd]x[/link]"
TITLE = f"{MARKUP} war \x1b[31mred\x1b[0m \u202eabc"
RESULT = "\x1b]8;;http://evil\x07click\x1b]8;;\x07 victory \u2066iso\u2069"
CASUALTIES = "Per [b]Foo[/b]:\n* 12 soldiers killed \x1b[2J"
HEADING = "[bold red]Heading[/bold red] \x1b[31mred"
SENTENCE = "On 2 May 2001, [link=file:///etc/passwd]Evil[/link] forces attacked \x1b[31mTown\x1b[0m."
NEXT = "The next day, \u202eBar\u202c retreated [citation needed]."
CONTROLS = ("\x1b", "\x07", "\u202e", "\u202c", "\u2066", "\u2069")


@pytest.fixture
def hostile(make_doc):
    infobox = {
        "conflict": LINK, "date": "1–5 May 2001", "result": RESULT,
        "combatant1": "[bold]Foo[/bold]\n\x1b[2J Foo", "combatant2": "Bar \u202eRab",
        "commander1": "[red]Evil Man[/red]", "casualties1": CASUALTIES,
    }
    head = frontmatter({"title": TITLE, "pubDate": "2020-01-01", "infoboxes": infobox})
    return make_doc(f"{head}\n## {HEADING}\n\n{SENTENCE} {NEXT}\n")


def test_document_text_prints_literally_without_control_characters(hostile):
    shown = {}
    for args in commands() + [["infobox", "result"], ["casualties", "--all"], ["timeline", "--explain"]]:
        result = run(*args, "--doc", hostile)
        answered(result, args)
        for control in CONTROLS:
            assert control not in result.stdout and control not in result.stderr, (args, control)
        shown[" ".join(args)] = " ".join(result.stdout.split())  # table cells may wrap
    assert f"{MARKUP} war red abc" in shown["summary"]  # the title: not bold, not red
    assert "click victory iso" in shown["summary"]
    assert LINK in shown["infobox"] and "[bold]Foo[/bold]" in shown["infobox"]
    assert "click victory iso" in shown["infobox result"]
    assert "[bold red]Heading[/bold red] red" in shown["sections"]
    assert "[bold]Foo[/bold]" in shown["sides"] and "[red]Evil Man[/red]" in shown["sides"]
    assert "[bold]Foo[/bold]" in shown["casualties"]
    assert "[b]Foo[/b]" in shown["casualties --all"]
    for command in ("timeline", "on 2 May 2001", "search attacked"):
        assert "[link=file:///etc/passwd]Evil[/link] forces attacked Town." in shown[command], command
    assert "Bar retreated [citation needed]." in shown["timeline"]


def test_on_a_terminal_document_markup_makes_no_link_or_colour(hostile):
    """With colour forced, Rich styles its own parts; the document still cannot open a
    hyperlink (OSC 8), clear the screen or colour its own words."""
    env = {"NO_COLOR": None, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}
    for args in (["summary"], ["infobox"], ["sections"], ["sides"], ["timeline"], ["search", "attacked"]):
        result = run(*args, "--doc", hostile, env=env)
        assert result.exit_code == 0, (args, result.output)
        assert "\x1b[" in result.stdout  # colour is on
        assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout, args
        assert "\x1b[31mred" not in result.stdout and "\x1b[31mTown" not in result.stdout, args
    assert "file:///etc/passwd" in run("infobox", "--doc", hostile, env=env).stdout  # as text


def test_json_keeps_document_text_without_its_control_characters(hostile):
    """Markup stays literal; escape sequences, control characters and bidi overrides are
    dropped as the document is read, so no output path carries them."""
    def query(*args):
        result = run(*args, "--doc", hostile, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    assert query("summary")["title"] == f"{MARKUP} war red abc"
    box = query("infobox")
    assert (box["conflict"]["text"], box["result"]["text"], box["casualties1"]["text"]) == (
        LINK, "click victory iso", "Per [b]Foo[/b]:\n* 12 soldiers killed ",
    )
    assert "[bold red]Heading[/bold red] red" in [s["title"] for s in query("sections")]
    clean_sentence = "On 2 May 2001, [link=file:///etc/passwd]Evil[/link] forces attacked Town."
    assert [hit["text"] for hit in query("search", "attacked")] == [clean_sentence]
    texts = [event["text"] for event in query("timeline")]
    assert clean_sentence in texts and "The next day, Bar retreated [citation needed]." in texts
    assert "[b]Foo[/b]" in [claim["claimant"] for claim in query("casualties")]


def test_errors_and_remarks_are_one_line_without_control_characters(make_doc):
    doc = make_doc('---\ninfoboxes:\n  - "a\\nb\\e[31m": {text: x}\n---\nText.\n')
    result = run("infobox", "zz", "--doc", doc)
    assert result.exit_code == 2
    assert result.stderr == f"karabakh: error: {doc}: no infobox field 'zz'; `karabakh infobox` lists the fields\n"
    # The escape sequence is gone as the document is read; the line break is shown escaped.
    suggested = run("infobox", "ab", "--doc", doc)
    assert suggested.stderr == f"karabakh: error: {doc}: no infobox field 'ab'; did you mean 'a\\nb'?\n"


# --- size and shape -----------------------------------------------------------------------------

HEAD = "---\ntitle: Big\ninfoboxes:\n  - date: {text: 1–30 May 2001}\n    combatant1: {text: Foo}\n    combatant2: {text: Bar}\n---\n"
PROSE = "On 3 May 2001, Foo forces attacked [citation needed] the town of Bar, killing 5 soldiers and destroying 2 tanks; "


def million(piece: str) -> str:
    """One line of 1 MB without a newline."""
    return (piece * (2**20 // len(piece) + 1))[: 2**20]


def test_a_1_mb_line_every_command(make_doc):
    doc = make_doc(HEAD + million(PROSE))
    started = time.monotonic()
    codes = every_json_answer_parses(doc, name="Bar")
    assert time.monotonic() - started < 60
    assert set(codes.values()) == {0}
    events = json.loads(run("timeline", "--doc", doc, "--json").stdout)
    assert {e["date"] for e in events if e["source"] == "body"} == {"2001-05-03"}


@pytest.mark.parametrize(
    "piece",
    [
        "x", "[a ", "![a ", "[a](", "*a ", "_a ", "<a ", "Mr.\t", "## #", "\x1b[31m",
        "Foo Bar ", "killed 5 ", "Armenian 5 soldiers killed ", "according to X, 5 tanks destroyed ",
    ],
)
def test_a_long_line_of_one_pattern_is_read_in_linear_time(piece):
    """Patterns that made a regular expression or a loop quadratic: minutes on 256 KB, hours
    on 1 MB. Now about 6 s per MB for the slowest."""
    started = time.monotonic()
    facts = FactBase(document.parse(HEAD + million(piece)[: 2**18])).all_facts()
    assert time.monotonic() - started < 20, piece
    assert all(len(s.text) <= 2000 for s in facts["sentences"])


def test_deep_headings_and_10000_sections(make_doc):
    levels = "".join(f"{'#' * (1 + i % 6)} Level {i}\n\nOn {1 + i % 28} May 2001, step {i}.\n\n" for i in range(3000))
    odd = "####### seven hashes are text\n" + "#" * 200_000 + "\n" + "# " + " #" * 100_000 + "\n"
    deep = make_doc(HEAD + levels + odd, "deep.md")
    outline = json.loads(run("sections", "--doc", deep, "--json").stdout)
    assert len(outline) == 3001 and max(s["level"] for s in outline) == 6
    assert outline[5]["path"] == "Level 0 > Level 1 > Level 2 > Level 3 > Level 4 > Level 5"
    assert outline[6]["path"] == "Level 6"
    every_json_answer_parses(deep, name="Level")

    many = make_doc(HEAD + "".join(f"## Section {i}\n\nOn {1 + i % 28} May 2001, event {i} happened.\n\n" for i in range(10_000)), "many.md")
    started = time.monotonic()
    codes = every_json_answer_parses(many, day="3 May 2001", name="Foo", word="event")
    assert time.monotonic() - started < 60
    assert (codes["sections"], codes["timeline"], codes["search"]) == (0, 0, 0)
    assert len(json.loads(run("sections", "--doc", many, "--json").stdout)) == 10_000


def test_thousands_of_infobox_fields_and_infoboxes(make_doc):
    fields = "".join(f"    field{i}:\n      text: value {i}\n" for i in range(5000))
    boxes = "".join(f"  - name{i}: {{text: box {i}}}\n" for i in range(2000))
    doc = make_doc(
        "---\ntitle: Wide\ninfoboxes:\n  - date:\n      text: 1–5 May 2001\n" + fields + boxes + "---\nOn 2 May 2001, Foo attacked.\n"
    )
    every_json_answer_parses(doc)
    assert len(json.loads(run("infobox", "--doc", doc, "--json").stdout)) == 5001
    assert json.loads(run("infobox", "field4999", "--doc", doc, "--json").stdout)["text"] == "value 4999"


WRONG_TYPES = {
    "title is a list": "title: [a, b]\n",
    "title is a number": "title: 12\n",
    "title is null": "title: null\n",
    "title is a mapping": "title: {x: 1}\n",
    "title is binary": "title: !!binary aGVsbG8=\n",
    "title is a set": "title: !!set {a, b}\n",
    "title is a date": "title: 2001-01-01\n",
    "pubDate is no date": "pubDate: not a date\n",
    "pubDate is a number": "pubDate: 2020\n",
    "pubDate is a list": "pubDate: [1, 2]\n",
    "pubDate is a timestamp": "pubDate: 2020-01-05T10:00:00Z\n",
    "description is a list": "description: [a, {b: c}]\nshortDescription: {x: y}\nauthor: [1]\nimg: 5\n",
    "numbers are nan and inf": "title: .nan\npubDate: .inf\ninfoboxes:\n  - date: .nan\n    casualties1: .inf\n",
    "infoboxes is a string": "infoboxes: hello\n",
    "infoboxes is a number": "infoboxes: 12\n",
    "infoboxes is a mapping": "infoboxes: {date: {text: 1–5 May 2001}, combatant1: {text: Foo}}\n",
    "infoboxes is null": "infoboxes: null\n",
    "infoboxes holds no mappings": "infoboxes: [a, 1, null, [b]]\n",
    "infobox is empty": "infoboxes: [{}]\n",
    "fields are strings": "infoboxes:\n  - date: 1–5 May 2001\n    combatant1: Foo\n    casualties1: 12 soldiers killed\n",
    "fields are numbers": "infoboxes:\n  - date: 2001\n    combatant1: 3\n    casualties1: 12\n",
    "fields are null": "infoboxes:\n  - date: null\n    combatant1: null\n    casualties1: null\n",
    "fields are lists": "infoboxes:\n  - date: [a, b]\n    combatant1: [Foo, Bar]\n    casualties1: [1, 2]\n",
    "text is a list or mapping": (
        "infoboxes:\n  - date: {text: [1–5 May 2001]}\n    combatant1: {text: [Foo, {text: Bar}]}\n"
        "    casualties1: {text: {a: 1}}\n    commander1: {text: 5}\n"
    ),
    "text is nested mappings": "infoboxes:\n  - combatant1: {text: {text: {text: {text: Foo}}}}\n",
    "links and formatting are wrong": (
        "infoboxes:\n  - combatant1: {text: Foo, links: 5, formatting: 5}\n"
        "    combatant2: {text: Bar, links: [5, null, {page: 3}, {text: [1]}], formatting: {bold: 5, italic: [1, null]}}\n"
        "    casualties1: {text: 'Per X:\n* 5 killed', formatting: {bold: [{a: 1}]}}\n"
    ),
    "field names are not strings": "infoboxes:\n  - 1: {text: a}\n    null: {text: b}\n    3.5: {text: c}\n    true: {text: d}\n",
    "aliases and merge keys": "a: &x {text: Foo}\ninfoboxes:\n  - combatant1: *x\n    combatant2: {<<: *x}\n",
    "huge numbers": "infoboxes:\n  - combatant1: {text: Foo}\n    casualties1: {text: \"99999999999999999999999999 soldiers killed\"}\n",
    "dates out of range": "infoboxes:\n  - date: {text: '31 February 2001 – 99 May 9999'}\n",
    "a reversed date span": "infoboxes:\n  - date: {text: '5 May 2001 – 1 May 2000'}\n",
}


@pytest.mark.parametrize("name", WRONG_TYPES)
def test_fields_of_the_wrong_type_never_crash(make_doc, name):
    doc = make_doc("---\n" + WRONG_TYPES[name] + "---\n## H\n\nOn 2 May 2001, Foo attacked Bar. The next day Foo won.\n")
    codes = every_json_answer_parses(doc)
    assert (codes["summary"], codes["sections"], codes["timeline"], codes["search"]) == (0, 0, 0, 0)
    for args in commands():
        answered(run(*args, "--doc", doc), args)


REFUSED = {
    "missing": ("MISSING", "no such file"),
    "folder without articles": ("DIRECTORY", "no *.md file in this folder"),
    "empty": (b"", "the file is empty"),
    "blank": (b" \n", "the file is empty"),
    "binary": (b"\x89PNG\x00\x00", "binary file"),
    "not UTF-8": (b"caf\xe9", "not valid UTF-8"),
    "frontmatter never closed": (b"---\ntitle: x\n", "never closed"),
    "frontmatter a list": (b"---\n- a\n---\nx\n", "expected a mapping"),
    "invalid YAML": (b"---\ntitle: [x\n---\n", "invalid YAML in frontmatter at line"),
    "unhashable key": (b"---\n[1, 2]: x\n---\nx\n", "unhashable key"),
    "recursive alias": (b"---\na: &x [*x]\n---\nx\n", "expands through YAML aliases"),
    "python object": (b"---\nx: !!python/object/apply:os.system ['true']\n---\n", "could not determine a constructor"),
    "over 64 MB": (None, "documents over 64 MB are refused"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_refused_documents_exit_2_with_one_line(tmp_path, name):
    content, message = REFUSED[name]
    path = tmp_path / "doc.md"
    if content == "DIRECTORY":
        path = tmp_path
    elif content is None:
        with open(path, "wb") as out:  # sparse: nothing is written, nothing is read
            out.truncate(65 * 2**20)
    elif content != "MISSING":
        path.write_bytes(content)
    human = [["summary"], ["timeline"]]  # and every command with --json
    for args in human + [[*args, "--json"] for args in commands()]:
        result = run(*args, "--doc", path)
        assert result.exit_code == 2 and result.stdout == "", (args, result.output)
        assert result.stderr.startswith(f"karabakh: error: {path}: ") and message in result.stderr
        assert result.stderr.count("\n") == 1


# --- arbitrary text (hypothesis) -------------------------------------------------------------------

WORDS = [
    "On", "3 May 2001", "the next day", "## ", "\n", "\n\n", "---\n", "killed", "1,000", "–", "Per X:",
    "*", "[", "]", "(", ")", "**", "_", "Armenian", "soldiers", "tanks", "destroyed", " ", ".", "Mr.",
    "the 5th day of the war", "winter of 1854–55", "between 4 and 17 October", "\x1b[31m", "\u202e",
    "![a](b)", "[[File:x", "]]", "1999–2001", "early October", "Foo", "according to", "Bar",
]
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=3)), max_size=40).map("".join),
)
VALUE = st.recursive(
    st.one_of(TEXT, st.none(), st.integers(), st.floats(), st.booleans()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["text", "links", "page", "formatting", "bold"]), inner, max_size=3)),
    max_leaves=8,
)
FIELD_NAMES = ["date", "combatant1", "combatant2", "combatant3", "commander1", "casualties1", "casualties2", "casualties3", "result", "place", "units1", "strength1"]
BOX = st.dictionaries(st.sampled_from(FIELD_NAMES), VALUE, max_size=6)
DOCUMENT = st.one_of(
    TEXT,
    st.builds(
        lambda box, title, body: "---\n" + yaml.safe_dump({"title": title, "infoboxes": [box]}, allow_unicode=True) + "---\n" + body,
        BOX, VALUE, TEXT,
    ),
)
EXAMPLES = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def extract_everything(text: str) -> None:
    try:
        parsed = document.parse(text)
    except DocumentError:
        return
    facts = FactBase(parsed)
    facts.all_facts()
    for entity in facts.entities[:3]:
        facts.entity_profile(entity)
    facts.search("a b")


@EXAMPLES
@given(DOCUMENT)
def test_any_text_never_makes_the_loader_or_an_extractor_raise(text):
    extract_everything(text)


@EXAMPLES
@given(BOX, VALUE)
def test_any_frontmatter_values_never_raise(box, title):
    extract_everything("---\n" + yaml.safe_dump({"title": title, "pubDate": title, "infoboxes": [box]}) + "---\nOn 3 May 2001, Foo attacked.\n")


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=DOCUMENT)
def test_every_json_answer_parses_for_any_document(scratch, text):
    path = scratch / "doc.md"
    path.write_text(text, encoding="utf-8", newline="")
    every_json_answer_parses(path)


# --- reading only ------------------------------------------------------------------------------------


def test_no_command_writes_to_the_document_or_beside_it(tmp_path):
    path = tmp_path / "varnek.md"
    path.write_bytes((DOCS / "battle_of_varnek.md").read_bytes())
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path)))
    for args in commands(day="6 April 2016", name="Anton Reyes", word="artillery"):
        for extra in (["--json"], []):
            assert run(*args, "--doc", path, *extra).exit_code == 0, args
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(tmp_path))) == before


def test_two_processes_reading_one_document_at_once_agree(tmp_path):
    path = tmp_path / "tri.md"
    path.write_bytes((DOCS / "tri_border_war.md").read_bytes())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "120", "NO_COLOR": "1"}
    env.pop("KARABAKH_NO_CACHE", None)

    def together(*args, **extra_env):
        command = [sys.executable, "-m", "karabakh_cli", *args, "--doc", str(path)]
        processes = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**env, **extra_env})
            for _ in range(2)
        ]
        answers = [(*process.communicate(timeout=60), process.returncode) for process in processes]
        assert answers[0] == answers[1]
        assert answers[0][2] == 0, answers[0][1]
        return answers[0]

    cold = together("timeline", "--json")  # both extract and write the caches at once
    assert together("timeline", "--json") == cold  # both replay the cached answer
    assert json.loads(cold[0])[0]["expression"] == "from June 1998 to March 1999"
    together("casualties", KARABAKH_NO_CACHE="1")
