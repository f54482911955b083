"""Every date in an answer carries its precision; --from/--to keep what lies inside the range
unless --overlapping; the chart counts sentences. On a small invented article."""

import pytest

from cli_runner import run, run_json

ARTICLE = """---
title: Lorn war
infoboxes:
  - conflict:
      text: Lorn war
    date:
      text: 1 March 1990 – 30 April 1990
---
# Lorn war

The Lorn war was fought in 1990.

## Course

Kesh troops crossed the Lorn river on 5 March 1990.

Umbara shelled Tarsa on 6 March 1990 and again on 8 March 1990.

In March 1990, the Tarsa council fled.
"""


@pytest.fixture
def lorn(make_doc):
    return str(make_doc(ARTICLE))


def test_search_hits_carry_end_and_precision(lorn):
    council, = run_json("search", "council", "--doc", lorn)
    assert (council["date"], council["end"], council["precision"]) == ("1990-03-01", "1990-03-31", "month")
    crossed, = run_json("search", "crossed", "--doc", lorn)
    assert (crossed["date"], crossed["end"], crossed["precision"]) == ("1990-03-05", "1990-03-05", "day")
    assert list(crossed)[-4:] == ["score", "end", "precision", "section_anchor"]


def test_a_terminal_shows_a_date_no_more_precise_than_the_article(lorn):
    shown = run("search", "council", "--doc", lorn).stdout
    assert "1990-03" in shown and "1990-03-01" not in shown


def test_entity_mentions_carry_end_and_precision(lorn):
    tarsa = run_json("entity", "Tarsa", "--doc", lorn)
    dated = {(m["date"], m["end"], m["precision"]) for m in tarsa["mentions"]}
    assert dated == {("1990-03-06", "1990-03-06", "day"), ("1990-03-01", "1990-03-31", "month")}


def test_from_to_keep_what_lies_inside_the_range(lorn):
    week = ("timeline", "--from", "5 Mar 1990", "--to", "11 Mar 1990", "--doc", lorn)
    inside = run_json(*week)
    assert [(e["date"], e["precision"]) for e in inside] == [
        ("1990-03-05", "day"), ("1990-03-06", "day"), ("1990-03-08", "day"),
    ]
    touching = run_json(*week, "--overlapping")
    assert {e["precision"] for e in touching} == {"day", "month", "range"}  # the month and the war too
    assert len(touching) == len(inside) + 2


def test_on_a_day_still_shows_the_spans_that_contain_it(lorn):
    assert {e["precision"] for e in run_json("on", "6 Mar 1990", "--doc", lorn)} >= {"day", "month"}


def test_the_chart_counts_each_sentence_once_a_week_and_says_so(lorn):
    weeks = run_json("timeline", "--chart", "--doc", lorn)
    busy = next(w for w in weeks if w["start"] == "1990-03-05")
    assert (busy["statements"], busy["sentences"]) == (3, 2)  # two dates in one sentence count once
    shown = run("timeline", "--chart", "--doc", lorn).stdout
    assert "Sentences" in shown and "each counted once" in shown
    row = next(line for line in shown.splitlines() if line.strip().startswith("5 Mar 1990"))
    assert row.split()[3] == "2"


def test_a_claims_as_of_says_how_precise_its_date_is(make_doc):
    doc = make_doc(
        "---\ntitle: Reed war\ninfoboxes:\n  - date: {text: 1 March – 30 June 2031}\n"
        "    combatant1: {text: Nordland}\n    combatant2: {text: Sudmark}\n"
        '    casualties1: {text: "40 soldiers killed\\n(as of 19 June)"}\n---\n'
        "## War\n\nBy mid-April 2031, 120 Sudmarkian soldiers had been killed. "
        "On 2 May 2031, 15 more Sudmarkian soldiers were killed.\n"
    )
    claims = run_json("casualties", "--doc", doc)
    dated = {(c["source"], c["value"]): (c["as_of"], c["as_of_precision"]) for c in claims}
    assert dated[("infobox", 40)] == ("2031-06-19", "day")
    assert dated[("body", 120)] == ("2031-04-20", "mid-month")
    assert dated[("body", 15)] == ("2031-05-02", "day")
    assert list(claims[0])[-2:] == ["as_of_precision", "claimant_entity"]
