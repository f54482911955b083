"""The `timeline` and `on` commands: JSON, filters, exit codes and the human views."""


import pytest

from cli_runner import run, run_json

EVENT_FIELDS = [
    "date", "end", "precision", "kind", "expression", "anchor", "text", "section",
    "day_of_war", "entities", "source", "sentence", "section_anchor",
]


def one_line_error(result, message):
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("karabakh: error: ")
    assert message in result.stderr


def doc_with(make_doc, body, war="September 27, 2020 – November 10, 2020"):
    infobox = f"infoboxes:\n  - date:\n      text: {war}\n" if war else ""
    return str(make_doc(f"---\ntitle: T\n{infobox}---\n{body}"))


# --- timeline --json -----------------------------------------------------------------------


def test_timeline_json_is_every_event_in_order():
    events = run_json("timeline")
    assert all(list(event) == EVENT_FIELDS for event in events)
    order = [(e["date"], -1 if e["sentence"] is None else e["sentence"]) for e in events]
    assert order == sorted(order)
    sixth = [e for e in events if e["expression"] == "the 6th day of the war"]
    assert [(e["date"], e["end"], e["day_of_war"], e["kind"]) for e in sixth] == [
        ("2020-10-02", "2020-10-02", 6, "ordinal-day")
    ]
    infobox = [e for e in events if e["source"] == "infobox"]
    assert [(e["date"], e["end"], e["sentence"]) for e in infobox] == [("2020-09-27", "2020-11-10", None)]


def test_timeline_from_to_keeps_the_events_that_overlap_the_period():
    events = run_json("timeline", "--from", "5 Oct 2020", "--to", "2020-10-06")
    assert events
    assert all(e["end"] >= "2020-10-05" and e["date"] <= "2020-10-06" for e in events)
    expressions = {e["expression"] for e in events}
    assert {"5 October", "The next day", "6 October 2020", "Two days later"} <= expressions


def test_timeline_month_words():
    events = run_json("timeline", "--from", "December 2020", "--to", "December 2020", "--precision", "day")
    assert events and all("2020-12-01" <= e["date"] <= "2020-12-31" for e in events)


@pytest.mark.parametrize(
    "option, value, check",
    [
        ("--kind", "relative", lambda e: e["kind"] == "relative"),
        ("--precision", "range", lambda e: e["precision"] == "range"),
        ("--about", "ganja", lambda e: "ganja" in e["text"].lower()),
        ("--section", "aftermath", lambda e: e["section"].startswith("Aftermath")),
    ],
)
def test_timeline_filters(option, value, check):
    events = run_json("timeline", option, value)
    assert len(events) >= 3
    assert all(check(e) for e in events)


def test_timeline_limit():
    events = run_json("timeline", "--precision", "day", "--limit", "3")
    assert [e["date"] for e in events] == ["1988-02-20", "1991-12-10", "2020-07-29"]


def test_filters_that_match_nothing_exit_1():
    assert run_json("timeline", "--about", "no such phrase anywhere", code=1) == []
    result = run("timeline", "--about", "no such phrase anywhere")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "karabakh: no dated statement matches --about 'no such phrase anywhere'\n"
    result = run("timeline", "--from", "1 Jan 1900", "--to", "31 Dec 1900")
    assert result.exit_code == 1
    assert "no dated statement matches --from '1 Jan 1900' --to '31 Dec 1900'" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "xyz"], "--from: not a date: 'xyz'"),
        (["--to", "31 Feb 2020"], "--to: not a date: '31 Feb 2020'"),
        (["--from", "Nov 2020", "--to", "Oct 2020"], "--from 'Nov 2020' is after --to 'Oct 2020'"),
        (["--kind", "weekly"], "--kind must be one of explicit, yearless, month"),
        (["--precision", "hour"], "--precision must be one of day, range"),
    ],
)
def test_timeline_bad_options_exit_2_with_one_line(args, message):
    one_line_error(run("timeline", *args), message)


# --- the chart -----------------------------------------------------------------------------


def test_chart_json_counts_statements_per_week_of_the_war():
    weeks = run_json("timeline", "--chart")
    assert list(weeks[0]) == ["start", "end", "statements", "ceasefires", "sentences"]
    assert (weeks[0]["start"], weeks[-1]["end"]) == ("2020-09-21", "2020-11-15")
    assert [w["start"] for w in weeks] == [
        "2020-09-21", "2020-09-28", "2020-10-05", "2020-10-12", "2020-10-19", "2020-10-26",
        "2020-11-02", "2020-11-09",
    ]
    ceasefires = [day for week in weeks for day in week["ceasefires"]]
    assert {"2020-10-10", "2020-10-17", "2020-10-26", "2020-11-10"} <= set(ceasefires)
    busiest = max(weeks, key=lambda w: w["sentences"])
    assert busiest["start"] == "2020-09-28"
    assert all(0 < w["sentences"] <= w["statements"] for w in weeks)


def test_chart_human_view_marks_ceasefires():
    result = run("timeline", "--chart")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if line.strip().startswith("5 Oct 2020"))
    assert "█" in row and "◆ 10 Oct" in row


# --- human views ---------------------------------------------------------------------------


def test_timeline_human_view_groups_by_month_with_war_days():
    result = run("timeline", "--from", "29 Oct 2020", "--to", "30 Oct 2020", "--precision", "day")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.strip() == "October 2020" for line in lines)
    row = next(line for line in lines if "Three days later, the Artsakh" in line)
    assert row.split()[:4] == ["29", "Oct", "2020", "33"]


def test_explain_shows_expression_anchor_and_what_was_left_out():
    result = run("timeline", "--section", "Aftermath > Azerbaijan", "--explain")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "About a week later, at a" in line)
    assert "About a week" in row and "11 November" in row
    assert "Not on the timeline" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "On the same day, President Aliyev" in line)
    assert row.split()[:6] == ["the", "same", "day", "its", "anchor", "'8"]


def test_document_text_is_not_read_as_markup_nor_as_terminal_codes(make_doc):
    path = doc_with(make_doc, "On 4 October 2020, [bold]rebels[/bold] took \x1b[31mHill 5[citation needed].\n")
    result = run("timeline", "--doc", path)
    assert result.exit_code == 0
    assert "[bold]rebels[/bold] took" in result.stdout
    assert "[citation needed]" in result.stdout
    assert "\x1b" not in result.stdout


def test_a_document_without_dates_has_an_empty_timeline(make_doc):
    result = run("timeline", "--doc", doc_with(make_doc, "Nothing is dated here.\n", war=None))
    assert result.exit_code == 0
    assert "the article dates no statement" in result.stderr


# --- on ------------------------------------------------------------------------------------


def test_on_a_day_of_the_war_is_on_its_date():
    by_war_day = run_json("on", "day 12")
    assert by_war_day == run_json("on", "8 October 2020")
    assert all(e["date"] <= "2020-10-08" <= e["end"] for e in by_war_day)
    assert {"the same day", "A week later"} <= {e["expression"] for e in by_war_day}


def test_on_human_view_names_the_day():
    result = run("on", "day 12")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Thursday 8 October 2020, day 12 of the war"


def test_on_a_day_with_nothing_exits_1():
    assert run_json("on", "25 Dec 2020", code=1) == []
    result = run("on", "25 Dec 2020")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "karabakh: nothing in the article is dated 25 Dec 2020\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["on", "yesterday-ish"], "DATE: not a date"),
        (["on", "day 0"], "DATE: the days of the war count from day 1"),
    ],
)
def test_on_bad_dates_exit_2(args, message):
    one_line_error(run(*args), message)


def test_on_a_war_day_needs_the_first_day_of_the_war(make_doc):
    path = doc_with(make_doc, "On 4 October 1854, a fort fell.\n", war="1854–1856")
    one_line_error(run("on", "day 3", "--doc", path), "no first day of the war")
    events = run_json("on", "4 Oct 1854", "--doc", path)
    assert [(e["expression"], e["day_of_war"]) for e in events] == [("1854–1856", None), ("4 October 1854", None)]


def test_a_date_without_a_year_takes_the_war_year_never_today():
    assert run_json("on", "8 Oct") == run_json("on", "8 October 2020")


def test_on_lists_the_day_before_the_longer_spans_that_include_it():
    output = run("on", "day 33").stdout
    day = output.index("On 29 October 2020, the President of Azerbaijan")
    longer = output.index("Dated to a longer span that includes it")
    assert output.startswith("Thursday 29 October 2020, day 33 of the war")
    assert day < longer < output.index("Infobox date: September 27, 2020")
