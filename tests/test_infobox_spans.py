"""Infobox date spans as Wikipedia writes them (dates.parse_span) and what `summary` says of
them: US-style day ranges, wars still going on, two-part dates, notes after the span."""

from datetime import date

import pytest

from cli_runner import run, run_json
from karabakh_cli.extract.dates import parse_span, starts_on_a_day


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("June 5–10, 1967", date(1967, 6, 5), date(1967, 6, 10)),
        ("March 3-9, 1911", date(1911, 3, 3), date(1911, 3, 9)),
        ("23 August 1942 – 2 February 1943a (5 months…)", date(1942, 8, 23), date(1943, 2, 2)),
        # The right end takes the left's year; what follows ";" is another reading.
        ("7 August 2008 – 16 August (Preliminary ceasefire); or 12 August 2008",
         date(2008, 8, 7), date(2008, 8, 16)),
        ("12 July – 14 August 2006 (the blockade of Lorn ended on 8 September 2006)",
         date(2006, 7, 12), date(2006, 8, 14)),
        ("12 July – 14 August 2006\n(the blockade of Lorn ended on 8 September 2006)",
         date(2006, 7, 12), date(2006, 8, 14)),
        ("20 December – 5 January 1855", date(1854, 12, 20), date(1855, 1, 5)),
        ("23 August 1942[a] – 2 February 1943[note 2]", date(1942, 8, 23), date(1943, 2, 2)),
        ("23 August 1942 – 2 February 1943 (5 months, 1 week", date(1942, 8, 23), date(1943, 2, 2)),
    ],
)
def test_spans_written_in_other_ways(text, start, end):
    span = parse_span(text)
    assert (span.start, span.end, span.ongoing) == (start, end, False)
    assert starts_on_a_day(span)


@pytest.mark.parametrize(
    "text",
    [
        "11–14 September 1967 (Varnek Pass) / 1 October 1967 (Dorsa Ridge)",
        "11–14 September 1967 (Varnek Pass)\n1 October 1967 (Dorsa Ridge)",
    ],
)
def test_a_two_part_date_spans_from_the_first_day_to_the_last(text):
    span = parse_span(text)
    assert (span.start, span.end) == (date(1967, 9, 11), date(1967, 10, 1))


def test_a_line_that_is_not_a_date_is_a_note_and_never_extends_the_span():
    span = parse_span("2 August 1990 – 28 February 1991\n(6 months)\nAir phase: 17 January 1992")
    assert (span.start, span.end) == (date(1990, 8, 2), date(1991, 2, 28))


@pytest.mark.parametrize(
    "text",
    ["23 May 2017 – present", "August 7, 2008 – Ongoing", "May 23, 2017 (2017-05-23) – present"],
)
def test_a_war_going_on_has_a_start_and_no_end(text):
    span = parse_span(text)
    assert span.ongoing and span.days is None
    assert span.start in (date(2017, 5, 23), date(2008, 8, 7))


def test_a_span_counts_both_its_ends():
    assert parse_span("5–10 June 1967").days == 6
    assert parse_span("5 June 1967").days == 1


def test_a_word_after_a_dash_that_is_not_present_is_no_span():
    assert parse_span("3 May 2001 – unknown") is None


DOC = """---
title: Orvo uprising
infoboxes:
  - conflict:
      text: Orvo uprising
    date:
      text: "{date}"
---
On 15 April 2023 Dorsan troops entered Orvo.
"""


def test_summary_of_an_ongoing_war(make_doc):
    doc = make_doc(DOC.format(date="15 April 2023 – present"))
    data = run_json("summary", "--doc", doc)
    assert (data["start"], data["end"], data["duration_days"]) == ("2023-04-15", None, None)
    assert data["ongoing"] is True and list(data)[-2:] == ["ongoing", "url"]
    assert "2023-04-15 to present (ongoing)" in run("summary", "--doc", doc).stdout
    assert run_json("on", "day 3", "--doc", doc, code=1) == []  # day 3 is 17 April: no statement


def test_summary_of_a_one_day_battle_says_1_day(make_doc):
    doc = make_doc(DOC.format(date="15 April 2023"))
    data = run_json("summary", "--doc", doc)
    assert (data["duration_days"], data["ongoing"]) == (1, False)
    assert "2023-04-15 to 2023-04-15 (1 day)" in run("summary", "--doc", doc).stdout


def test_day_n_counts_from_a_us_style_span(make_doc):
    doc = make_doc(DOC.format(date="April 14–20, 2023"))
    events = run_json("on", "day 2", "--doc", doc)
    assert [e["expression"] for e in events] == ["April 14–20, 2023", "15 April 2023"]


def test_sqlite_export_of_a_document_without_claims(make_doc, tmp_path):
    doc = make_doc(DOC.format(date="15 April 2023 – present"))
    result = run("export", tmp_path / "out.sqlite", "--doc", doc)
    assert result.exit_code == 0, result.output
