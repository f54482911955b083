"""Date tokens that once made every command fail with an internal error: digits that are not
ASCII, day counts past the calendar, very long numbers, dates at the calendar's end. Each is a
normal answer (the token unresolved) or one line of error, never an exception."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_runner import run, run_json
from karabakh_cli.extract.dates import find_dates, parse_span, place
from karabakh_cli.extract.document import parse
from karabakh_cli.extract.timeline import extract_timeline, weekly
from karabakh_cli.factbase import FactBase

DOC = """---
title: Battle of Orvo
infoboxes:
  - conflict:
      text: Battle of Orvo
    date:
      text: "{date}"
---
{body}
"""


def answered(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("karabakh: error: ")


def timeline_of(make_doc, body, date="3–9 April 2016"):
    doc = make_doc(DOC.format(date=date, body=body))
    for args in (["summary"], ["timeline", "--explain"], ["timeline", "--chart"], ["on", "day 2"]):
        answered(run(*args, "--doc", doc))
    return doc, run_json("timeline", "--doc", doc)


@pytest.mark.parametrize("token", ["² days later", "③ weeks earlier", "٣ days later"])
def test_a_count_in_digits_that_are_not_ascii_is_no_date(make_doc, token):
    doc, events = timeline_of(make_doc, f"On 3 April 2016 Dorsa attacked. {token} Velmar answered.")
    assert [e["expression"] for e in events] == ["3–9 April 2016", "3 April 2016"]


def test_a_day_of_the_month_in_digits_that_are_not_ascii_is_no_date():
    assert find_dates("On ³ May 2016 and on May ٣, 2016 it rained.") == ()


def test_a_count_of_days_past_the_calendar_is_unresolved(make_doc):
    doc, events = timeline_of(make_doc, "On 3 April 2016 Dorsa attacked. 3000000 days later it ended.")
    assert [e["expression"] for e in events] == ["3–9 April 2016", "3 April 2016"]
    facts = FactBase.load(doc)
    assert [(u.expression, u.reason) for u in facts.timeline.unresolved] == [
        ("3000000 days later", "it counts to a day beyond the calendar")
    ]


def test_a_400_digit_number_in_the_body(make_doc):
    digits = "7" * 400
    doc, events = timeline_of(make_doc, f"On 3 April 2016 Dorsa fired {digits} shells. {digits} days later it ended.")
    assert [e["expression"] for e in events] == ["3–9 April 2016", "3 April 2016"]


def test_an_ordinal_day_past_the_calendar_is_unresolved(make_doc):
    doc, events = timeline_of(make_doc, "On the 999th day of the battle, Velmar fell.", "1–31 December 9999")
    assert [e["expression"] for e in events] == ["1–31 December 9999"]


def test_a_chart_in_the_last_week_of_the_calendar(make_doc):
    doc = make_doc(DOC.format(date="1–31 December 9999", body="On 30 December 9999 Dorsa attacked."))
    weeks = run_json("timeline", "--chart", "--doc", doc)
    assert weeks[-1]["start"] == "9999-12-27" and weeks[-1]["end"] == "9999-12-31"
    assert weeks[-1]["statements"] == 1
    assert run_json("timeline", "--chart", "--to", "9999", "--doc", doc)[-1] == weeks[-1]


def test_a_chart_up_to_year_9999_is_refused_in_one_line(make_doc):
    doc = make_doc(DOC.format(date="3–9 April 2016", body="On 3 April 2016 Dorsa attacked."))
    result = run("timeline", "--chart", "--to", "9999", "--doc", doc)
    answered(result)
    assert result.exit_code == 2 and "weeks is too long" in result.stderr


NUMBERS = st.sampled_from(["²", "③", "٣", "७", "3", "3000000", "9" * 400, "twenty", "fourth"])
WORDS = st.sampled_from(
    ["days later", "weeks earlier", "day of the war", "May", "December 9999", "2016", "–", "/",
     ",", "the", "on", "after", "the following morning", "night of"]
)
TOKENS = st.one_of(NUMBERS, WORDS, st.tuples(NUMBERS, WORDS).map(" ".join))
TEXT = st.lists(st.one_of(TOKENS, st.text(max_size=4)), max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT)
def test_dates_never_raise_and_start_before_end(infobox_date, body):
    span = parse_span(infobox_date)
    assert span is None or span.start <= span.end
    for mention in find_dates(body):
        dates = place(mention, 2016)
        assert dates is None or dates[0] <= dates[1]
    sentences = FactBase(parse(f"---\ntitle: Orvo\n---\n{body}\n")).sentences
    timeline = extract_timeline(sentences, span, infobox_date)
    assert all(event.date <= event.end for event in timeline.events)
    weekly(timeline.events)
