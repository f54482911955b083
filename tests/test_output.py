"""Where output goes decides its form: every command on a pseudo-terminal and on a pipe, at
several widths, with and without colour; and the record formats, colour and pager rules."""

import json
import os
import pty
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from cli_runner import run

from karabakh_cli import render
from karabakh_cli.extract.figures import format_figure
from karabakh_cli.output import Environment, pager_command, wants_color

COMMANDS = {
    "summary": ["summary"],
    "infobox": ["infobox"],
    "sections": ["sections"],
    "names": ["names"],
    "sides": ["sides"],
    "casualties": ["casualties"],
    "losses": ["losses"],
    "timeline": ["timeline"],
    "on": ["on", "day 1"],
    "entities": ["entities"],
    "entity": ["entity", "Azerbaijan"],
    "search": ["search", "drone"],
}
WIDTHS = (60, 80, 120)
LINES = 40
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A figure ("2,906", "~5,000", "541+") or an ISO date, as a whole token.
FIGURE = re.compile(r"\d{4}-\d{2}-\d{2}|[~>≤]?\d[\d,.]*\+?")
CUT = re.compile(r"\d…|…\d|\d-…")
PAGER_SCRIPT = '#!/bin/sh\necho paged >> "$1"\ncat\n'


def karabakh(args, env, terminal):
    """Run the tool in a subprocess, its stdout a pipe or a pseudo-terminal; returns
    (exit code, stdout with ANSI kept, stderr)."""
    command = [sys.executable, "-m", "karabakh_cli", *args]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        return done.returncode, done.stdout, done.stderr
    master, slave = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    return process.returncode, b"".join(chunks).decode().replace("\r\n", "\n"), stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every command at every width, with and without colour, on a pipe and on a terminal,
    and each command's --json answer; run two at a time."""
    home = tmp_path_factory.mktemp("output")
    pager = home / "pager.sh"
    pager.write_text(PAGER_SCRIPT)
    pager.chmod(0o755)
    base = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "PAGER")}
    base.update(XDG_CACHE_HOME=str(home / "cache"), LINES=str(LINES), TERM="xterm")
    base.pop("KARABAKH_PAGER", None)
    jobs = {}
    for name, args in COMMANDS.items():
        jobs[(name, "json")] = (args + ["--json"], base, False)
        jobs[(name, "reference")] = (args, {**base, "COLUMNS": "200", "NO_COLOR": "1", "KARABAKH_PAGER": "cat"}, True)
        for width in WIDTHS:
            for colour in (False, True):
                log = home / f"{name}-{width}-{colour}.log"
                # KARABAKH_PAGER in one half, PAGER in the other: both are honoured.
                env = {**base, "COLUMNS": str(width), ("PAGER" if colour else "KARABAKH_PAGER"): f"{pager} {log}"}
                if not colour:
                    env["NO_COLOR"] = "1"
                jobs[(name, width, colour, "terminal")] = (args, env, True)
                piped = args + ["--color", "always"] if colour else args
                jobs[(name, width, colour, "pipe")] = (piped, env, False)
    karabakh(["summary", "--json"], base, False)  # fill the fact cache once
    with ThreadPoolExecutor(2) as pool:
        answers = dict(zip(jobs, pool.map(lambda job: karabakh(*job), jobs.values())))
    return answers, home


def figures(output: str) -> set[str]:
    return set(FIGURE.findall(ANSI.sub("", output)))


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_at_every_width_on_a_terminal_and_a_pipe(runs, name):
    answers, home = runs
    code, answer, _ = answers[(name, "json")]
    assert code == 0
    reference = figures(answers[(name, "reference")][1])
    for width in WIDTHS:
        for colour in (False, True):
            for where in ("terminal", "pipe"):
                case = (name, width, colour, where)
                code, out, err = answers[case]
                assert code == 0 and err == "", (case, err)
                assert out.strip(), case
                shown = ANSI.sub("", out)
                assert not CUT.search(shown), (case, CUT.search(shown))
                # Colour off means no styles at all: no bold, no dim.
                assert ("\x1b[" in out) == colour, case
                if where == "terminal":
                    # Every figure and date the widest screen shows is shown whole on this one.
                    assert figures(out) == reference, (case, figures(out) ^ reference)
            log = home / f"{name}-{width}-{colour}.log"
            terminal_lines = answers[(name, width, colour, "terminal")][1].count("\n")
            # The pager is used on a terminal, for a view taller than the screen, and only there.
            assert log.exists() == (terminal_lines >= LINES), (name, width, colour, terminal_lines)
            if log.exists():
                assert log.read_text().count("paged") == 1
    assert_plain(name, answers[(name, 80, False, "pipe")][1], answer)
    assert answers[(name, 60, False, "pipe")][1] == answers[(name, 120, False, "pipe")][1]  # width-free


def assert_plain(name, out, answer):
    """Piped with no format asked: tab-separated, no padding, no colour, every figure whole."""
    assert "\x1b" not in out
    for line in out.splitlines():
        assert line == line.strip(" "), (name, line)
        for field in line.split("\t"):
            if "  " in field:  # only where the document's own text has two spaces
                assert json.dumps(field, ensure_ascii=False)[1:-1] in answer, (name, field)
    data = json.loads(answer)
    shown = figures(out)
    expected = {
        "entities": lambda: {str(e["mentions"]) for e in data},
        # dates to the day are shown whole; a month or a year only as precise as the article
        "entity": lambda: {m["date"] for m in data["mentions"] if m["precision"] == "day"},
        "search": lambda: {h["date"] for h in data if h["precision"] == "day"},
        "sections": lambda: {str(s["words"]) for s in data},
        "summary": lambda: {data["start"], data["end"], f"{data['counts']['words']:,}"},
    }.get(name, lambda: set())()
    assert expected <= shown, (name, expected - shown)
    if name == "losses":
        for claim in data:
            assert format_figure(claim["value"], claim["upper"], claim["qualifier"]) in re.split(r"[\t\n]", out), claim


def test_exit_codes(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    cases = [
        (["search", "zzxqv"], 1),
        (["entity", "Qwertyland"], 1),
        (["on", "2001-01-01"], 1),
        (["entities", "--fields", "name,nope"], 2),
        (["timeline", "--csv", "--tsv"], 2),
        (["names", "--json", "--csv"], 2),
        (["sides", "--color", "sometimes"], 2),
        (["timeline", "--limit", "-1"], 2),
    ]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda case: karabakh(case[0], env, False), cases))
    for (args, expected), (code, out, err) in zip(cases, results):
        assert code == expected, (args, code, err)
        assert err.count("\n") == 1 and "Traceback" not in err, (args, err)
    assert "valid fields: name, type, aliases, page, side, mentions" in results[3][2]


# --- in-process: record formats, limits, colour and pager rules -----------------------------------


def test_csv_tsv_and_fields_choose_and_order_the_json_fields():
    tsv = run("entities", "--tsv", "--fields", "mentions,name", "--limit", "3").stdout.splitlines()
    data = json.loads(run("entities", "--json", "--limit", "3").stdout)
    assert tsv == ["mentions\tname"] + [f"{e['mentions']}\t{e['name']}" for e in data]
    csv_lines = run("sections", "--csv", "--fields", "title,words").stdout.splitlines()
    assert csv_lines[0] == "title,words" and len(csv_lines) == 1 + len(json.loads(run("sections", "--json").stdout))
    chosen = json.loads(run("timeline", "--json", "--fields", "date,text", "--limit", "2").stdout)
    assert [list(event) for event in chosen] == [["date", "text"], ["date", "text"]]
    alone = run("names", "--fields", "name").stdout.splitlines()  # --fields alone: TSV
    assert alone[0] == "name" and "\t" not in "".join(alone)


def test_a_long_list_shows_the_first_rows_and_says_how_to_see_all():
    shown = run("entities").stdout
    every = run("entities", "--limit", "0").stdout
    total = len(json.loads(run("entities", "--json").stdout))
    assert f"Showing the first 50 entities; {total - 50} more: --limit 0 shows all." in " ".join(shown.split())
    assert "more: --limit 0" not in every and every.count("\n") > shown.count("\n")
    assert len(json.loads(run("entities", "--json").stdout)) == total  # JSON is never cut by default


def test_colour_rules():
    terminal, pipe = True, False
    assert wants_color("auto", terminal, {}) and not wants_color("auto", pipe, {})
    assert not wants_color("auto", terminal, {"NO_COLOR": "1"}) and not wants_color("auto", terminal, {"TERM": "dumb"})
    assert wants_color("auto", pipe, {"FORCE_COLOR": "1"}) and wants_color("always", pipe, {"NO_COLOR": "1"})
    assert not wants_color("never", terminal, {"FORCE_COLOR": "1"})


def test_pager_choice():
    assert pager_command({}) == ["less", "-FRX"]
    assert pager_command({"PAGER": "most -s"}) == ["most", "-s"]
    assert pager_command({"KARABAKH_PAGER": "pg", "PAGER": "most"}) == ["pg"]
    assert pager_command({"PAGER": "cat"}) is None and pager_command({"KARABAKH_PAGER": ""}) is None


def test_a_pager_that_cannot_start_prints_directly(capsys):
    env = Environment(is_terminal=True, width=80, height=3, pager=["/nonexistent/pager-program"])
    out = render.Output(env)
    for number in range(10):
        out.print(f"line {number}")
    out.flush()
    assert capsys.readouterr().out.count("line ") == 10


def test_a_table_too_wide_for_the_screen_becomes_blocks_with_whole_figures():
    from rich.table import Table

    table = Table("Who", "Figure", "As of")
    table.columns[1].no_wrap = table.columns[2].no_wrap = True
    table.add_row("Army of Freedonia", "~12,345,678 (2001-02-03)", "2001-02-03")
    for width, blocks in ((36, True), (80, False)):
        out = render.Output(Environment(is_terminal=True, width=width))
        out.print(table)
        shown = out.buffer.getvalue()
        assert "~12,345,678 (2001-02-03)" in shown and "…" not in shown
        assert ("Figure: ~12,345,678" in shown) == blocks


def test_an_entity_shows_its_first_mentions_and_still_counts_them_all():
    total = len(json.loads(run("entity", "Azerbaijan", "--json").stdout)["mentions"])
    for args, shown in (((), 50), (("--limit", "3"), 3)):
        out = " ".join(run("entity", "Azerbaijan", *args).stdout.split())
        assert f"Mentions {total} sentences" in out
        assert f"Showing the first {shown} mentions; {total - shown} more: --limit 0 shows all." in out
    assert "more: --limit 0" not in run("entity", "Azerbaijan", "--limit", "0").stdout


@pytest.mark.parametrize(
    "args", [["casualties", "--all"], ["timeline", "--explain"], ["timeline", "--chart"], ["infobox", "result"]]
)
def test_other_views_piped_have_no_padding(args):
    from typer.testing import CliRunner

    from karabakh_cli.cli import app

    piped = Environment(is_terminal=False, width=80)
    result = CliRunner().invoke(app, args, env={"NO_COLOR": None, "FORCE_COLOR": None}, obj=piped)
    assert result.exit_code == 0 and result.stdout.strip()
    assert "\x1b" not in result.stdout
    for line in result.stdout.splitlines():
        assert not line.endswith(" ") and "   " not in line, (args, line)


def test_a_view_taller_than_the_screen_goes_through_the_pager(tmp_path):
    import io

    from karabakh_cli.pager import write_view

    paged = tmp_path / "paged"
    pager = [sys.executable, "-c", f"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())"]
    direct = io.StringIO()
    write_view("a\nb\nc\n", direct, is_terminal=True, height=2, pager=pager)
    assert paged.read_text() == "a\nb\nc\n" and direct.getvalue() == ""
    write_view("a\n", direct, is_terminal=True, height=2, pager=pager)  # fits: printed
    write_view("a\nb\nc\n", direct, is_terminal=False, height=2, pager=pager)  # a pipe: printed
    assert direct.getvalue() == "a\na\nb\nc\n"
