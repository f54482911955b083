"""Every command over several documents: `document` on every record only when more than one
document was read, a failing document named on one line (exit 2), nothing found anywhere
(exit 1), tables grouped under each war's title, the same answer with any --jobs, and the
progress bar only on a terminal."""

import io
import json

import pytest
from cli_runner import run

from karabakh_cli.output import Progress

WAR = """---
title: {title}
infoboxes:
  - conflict: {{text: "{title}"}}
    date: {{text: "1–10 March 2001"}}
    combatant1: {{text: "{one}"}}
    combatant2: {{text: "{two}"}}
    casualties1: {{text: "Per {one}:\\n* 40 soldiers killed"}}
    casualties2: {{text: "Per {two}:\\n* 100 soldiers killed"}}
---
The {title} was fought between {one} and {two}.

## Course

On 3 March 2001, General Ivo Brann led the army of {one} across the border.
{one}'s ministry of defence said that 6 {two}ian tanks were destroyed.
"""

COMMANDS = [
    ("summary",), ("infobox",), ("sections",), ("names",), ("sides",), ("casualties",),
    ("casualties", "--compare"), ("losses",), ("timeline",), ("on", "2001-03-03"), ("entities",),
    ("entity", "Ivo Brann"), ("search", "army"),
]


def write_war(folder, name, title, one, two):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(WAR.format(title=title, one=one, two=two), encoding="utf-8")


@pytest.fixture
def two_wars(tmp_path):
    folder = tmp_path / "wars"
    write_war(folder, "hill.md", "Hill war", "Nordland", "Sudmark")
    write_war(folder, "lake.md", "Lake war", "Ostria", "Westria")
    return folder


def records(answer):
    return answer if isinstance(answer, list) else [answer]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_document_is_on_every_record_only_with_several_documents(command, two_wars, tmp_path):
    several = run(*command, "--json", "--doc", two_wars)
    assert several.exit_code == 0, several.output
    answer = json.loads(several.stdout)
    assert answer and all(record["document"] in (f"{two_wars}/hill.md", f"{two_wars}/lake.md") for record in answer)
    assert {record["document"] for record in answer} == {f"{two_wars}/hill.md", f"{two_wars}/lake.md"}
    alone = tmp_path / "alone"
    write_war(alone, "hill.md", "Hill war", "Nordland", "Sudmark")
    one = run(*command, "--json", "--doc", alone)
    assert one.exit_code == 0, one.output
    assert '"document"' not in one.stdout


def test_a_failing_document_is_one_line_and_the_others_answer(two_wars):
    (two_wars / "broken.md").write_text("", encoding="utf-8")
    result = run("names", "--json", "--doc", two_wars)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"karabakh: error: {two_wars}/broken.md: the file is empty"]
    assert {r["document"] for r in json.loads(result.stdout)} == {f"{two_wars}/hill.md", f"{two_wars}/lake.md"}


def test_nothing_found_in_any_document_is_exit_1(two_wars):
    result = run("search", "zeppelin", "--doc", two_wars)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "karabakh: nothing found in any of the 2 documents"


def test_tables_are_grouped_under_each_wars_title(two_wars):
    out = run("sides", "--doc", two_wars).stdout.splitlines()
    headings = [line for line in out if line.endswith((".md",))]
    assert [h.split()[:2] for h in headings] == [["Hill", "war"], ["Lake", "war"]]
    assert out.index(headings[0]) < [i for i, line in enumerate(out) if "Nordland" in line][0] < out.index(headings[1])


@pytest.mark.parametrize("command", [("summary",), ("casualties", "--compare"), ("timeline",), ("sides", "--json")], ids=" ".join)
def test_any_number_of_jobs_gives_the_same_answer(command, two_wars):
    write_war(two_wars, "river.md", "River war", "Estmark", "Vestmark")
    one, two = (run(*command, "--jobs", jobs, "--doc", two_wars) for jobs in (1, 2))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and "Estmark" in one.stdout


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_progress_bar_shows_on_a_terminal_after_a_second():
    stream, clock = FakeTerminal(), FakeClock()
    progress = Progress(3, "Reading documents", stream, clock)
    progress.advance()
    assert progress.bar is None and stream.getvalue() == ""  # quick so far: nothing
    clock.now += 1.5
    progress.advance()
    assert progress.bar is not None
    progress.message("karabakh: error: x.md: the file is empty\n")
    progress.close()
    assert "x.md: the file is empty" in stream.getvalue()


@pytest.mark.parametrize("stream", [io.StringIO(), FakeTerminal()], ids=["pipe", "terminal, quick"])
def test_no_progress_bar_on_a_pipe_or_for_quick_work(stream):
    clock = FakeClock()
    progress = Progress(3, "Reading documents", stream, clock)
    for _ in range(3):
        if not stream.isatty():
            clock.now += 5  # slow, but not a terminal
        progress.advance()
    progress.close()
    assert progress.bar is None and stream.getvalue() == ""


def test_a_wrong_option_is_said_once_before_any_document_is_read(two_wars):
    result = run("casualties", "--category", "nonsense", "--doc", two_wars)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "karabakh: error: --category must be one of killed, wounded, missing, captured, displaced, not 'nonsense'"
    ]
    assert result.stdout == ""


@pytest.mark.parametrize("output", (["--json"], ["--tsv"], []), ids=("json", "tsv", "fields alone"))
def test_an_unknown_field_is_said_once_naming_no_document(output, two_wars):
    result = run("names", *output, "--fields", "nonsense", "--doc", two_wars)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("karabakh: error: unknown field 'nonsense' for --fields; valid fields: ")
    assert result.stderr.count("\n") == 1 and "document" in result.stderr and "hill.md" not in result.stderr


def test_a_legend_shared_by_the_wars_is_shown_once(two_wars):
    from karabakh_cli import render
    from karabakh_cli.factbase import FactBase
    from karabakh_cli.output import Environment

    groups = []
    for name in ("hill.md", "lake.md"):
        facts = FactBase.load(two_wars / name)
        groups.append((facts.document.title, name, [("casualties", facts.claims, {"parties": facts.side_map.parties})]))
    out = io.StringIO()
    shown = render.show_groups(Environment(stdout=out, is_terminal=True, width=100, height=500), groups)
    assert shown == out.getvalue()
    assert "Hill war" in shown and "Lake war" in shown
    assert shown.count("High/low: each") == 1
