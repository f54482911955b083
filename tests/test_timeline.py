"""The timeline: date expressions placed by the narrative rules of DESIGN §4."""

from dataclasses import fields
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karabakh_cli.extract.dates import BARE_YEAR, COMMEMORATIVE, parse_span
from karabakh_cli.extract.document import Sentence
from karabakh_cli.extract.timeline import (
    Event,
    extract_timeline,
    parse_when,
    select_events,
    weekly,
)
from karabakh_cli.factbase import FactBase
from karabakh_cli.records import to_data

WAR_2020 = "September 27, 2020 – November 10, 2020"


def find(timeline, expression, text):
    """The one event of `expression` in the sentence containing `text`."""
    found = [e for e in timeline.events if e.expression == expression and text in e.text]
    assert len(found) == 1, [(e.expression, e.text[:50]) for e in found]
    return found[0]


def dates(event):
    return (event.date, event.end)


def day(iso):
    d = date.fromisoformat(iso)
    return (d, d)


def timeline_of(make_doc, body, war=WAR_2020):
    infobox = f"infoboxes:\n  - date:\n      text: {war}\n" if war else ""
    return FactBase.load(make_doc(f"---\ntitle: T\n{infobox}---\n{body}")).timeline


# --- the seed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression, text, expected, anchor",
    [
        # yearless, after events of October 2020: the next year
        ("11 January", "Azerbaijan stated that 2,853", day("2021-01-11"), "27 October 2020"),
        ("Three days later", "5 km from Shusha", day("2020-10-29"), "26 October 2020"),
        # the anchor is the statement's own date, not the future date inside it
        ("The following day", "write off the debts of the Armenian", day("2020-10-22"),
         "21 October 2020"),
        ("12 December", "lifted the curfew", day("2020-12-12"), "By 4 November 2020"),
        # a later date of the same statement: its own year, not the next one
        ("September", "lifted the curfew", (date(2020, 9, 1), date(2020, 9, 30)), "12 December"),
        ("August of the same year", "moved the country's parliament to Shusha",
         (date(2020, 8, 1), date(2020, 8, 31)), "2020"),
        ("early September", "further exercises", (date(2020, 9, 1), date(2020, 9, 10)),
         "29 July 2020"),
        ("A week later", "three Russian journalists", day("2020-10-08"), "1 October 2020"),
        ("About a week later", "plenary session", day("2020-11-18"), "11 November"),
        ("the same day", "Seventeen new orders", day("2020-11-18"), "About a week later"),
        ("the same day", "truce signed on the same day", day("2020-10-10"), "10 October 2020"),
        # first sentence of a paragraph: anchored in the paragraph before
        ("The same day", "Vardan Toganyan", day("2020-09-28"), "The next day"),
        ("Two days later", "Hikmat Hajiyev", day("2020-10-06"), "The next day"),
        # a flashback of weeks does not move to the next year
        ("16 October", "ombudsman report", day("2020-10-16"), "7 December"),
        ("2 October", "Over the course of 2 October", day("2020-10-02"),
         "the first day of hostilities"),
    ],
)
def test_seed_yearless_and_relative_dates(seed, expression, text, expected, anchor):
    event = find(seed.timeline, expression, text)
    assert dates(event) == expected
    assert event.anchor == anchor


@pytest.mark.parametrize(
    "expression, text, expected, day_of_war",
    [
        ("the 6th day of the war", "targeted Ganja", day("2020-10-02"), 6),
        ("the fourth day", "largest counterattack", day("2020-09-30"), 4),
        ("the first day of the war", "targeted infrastructure", day("2020-09-27"), 1),
        ("the first day of hostilities", "revised to 36 tanks", day("2020-09-27"), 1),
        ("the morning of the seventh day", "major offensive", day("2020-10-03"), 7),
        ("the fifth day of war", "1,500 deserters", day("2020-10-01"), 5),
        ("the first three days of the conflict", "limited gains",
         (date(2020, 9, 27), date(2020, 9, 29)), 1),
        ("the next three days", "exchanged fire", (date(2020, 9, 30), date(2020, 10, 2)), 4),
        ("the day before the conflict", "48 times", day("2020-09-26"), None),
    ],
)
def test_seed_days_of_the_war(seed, expression, text, expected, day_of_war):
    event = find(seed.timeline, expression, text)
    assert dates(event) == expected
    assert event.day_of_war == day_of_war


@pytest.mark.parametrize(
    "expression, text, expected",
    [
        ("Between 4 and 17 October", "missile attacks on the city of Ganja",
         (date(2020, 10, 4), date(2020, 10, 17))),
        ("between 9–15 October 2020", "The BBC also investigated",
         (date(2020, 10, 9), date(2020, 10, 15))),
        ("27 and 28 October 2020", "Barda", (date(2020, 10, 27), date(2020, 10, 28))),
        ("1, 2, and 3 October 2020", "denied using cluster", (date(2020, 10, 1), date(2020, 10, 3))),
        ("from 29 July to 10 August 2020", "military exercises",
         (date(2020, 7, 29), date(2020, 8, 10))),
    ],
)
def test_seed_ranges(seed, expression, text, expected):
    event = find(seed.timeline, expression, text)
    assert dates(event) == expected
    assert (event.kind, event.precision) == ("range", "range")


def test_seed_vague_and_month_dates(seed):
    timeline = seed.timeline
    assert dates(find(timeline, "mid-November", "Amin Musayev")) == (date(2020, 11, 11), date(2020, 11, 20))
    assert dates(find(timeline, "late October", "white phosphorus")) == (date(2020, 10, 21), date(2020, 10, 31))
    assert dates(find(timeline, "early November", "white phosphorus")) == (date(2020, 11, 1), date(2020, 11, 10))
    assert dates(find(timeline, "Throughout November", "resigned")) == (date(2020, 11, 1), date(2020, 11, 30))
    assert dates(find(timeline, "as of 14 December", "arrested four")) == day("2020-12-14")


def test_seed_restarts_the_narrative_at_each_section(seed):
    # "Suspected war crimes > White phosphorus" follows a section ending in May 2021
    event = find(seed.timeline, "4 November", "ANAMA")
    assert dates(event) == day("2020-11-04")
    first = find(seed.timeline, "late October", "white phosphorus")
    assert first.anchor == WAR_2020


def test_seed_leaves_unplaceable_expressions_out_with_a_reason(seed):
    timeline = seed.timeline
    reasons = {(u.expression, u.reason) for u in timeline.unresolved}
    assert ("22 November", COMMEMORATIVE) in reasons
    assert ("1993", BARE_YEAR) in reasons
    same_day = [u for u in timeline.unresolved if u.text.startswith("On the same day, President Aliyev")]
    assert [u.reason for u in same_day] == ["its anchor '8 November' could not be placed"]
    placed = {(e.expression, e.sentence) for e in timeline.events}
    assert not {(u.expression, u.sentence) for u in timeline.unresolved} & placed


def test_seed_events_are_plausible_and_in_order(seed):
    events = seed.timeline.events
    snapshot = date.fromisoformat(seed.document.frontmatter["pubDate"])
    assert all(date(1988, 1, 1) <= e.date <= e.end <= snapshot for e in events)
    assert all(e.precision != "year" for e in events if e.source == "body")  # no bare years
    order = [(e.date, -1 if e.sentence is None else e.sentence) for e in events]
    assert order == sorted(order)
    for e in events:
        war_day = (e.date - date(2020, 9, 27)).days + 1
        to_the_day = e.precision in ("day", "range")  # "October 2020" is no day of the war
        assert e.day_of_war == (war_day if 1 <= war_day <= 45 and to_the_day else None)


def test_seed_infobox_event(seed):
    infobox = [e for e in seed.timeline.events if e.source == "infobox"]
    assert len(infobox) == 1
    assert dates(infobox[0]) == (date(2020, 9, 27), date(2020, 11, 10))
    assert (infobox[0].sentence, infobox[0].day_of_war, infobox[0].expression) == (None, 1, WAR_2020)
    first_day = [e for e in seed.timeline.events if e.date == date(2020, 9, 27)]
    assert first_day[0] is infobox[0] and len(first_day) > 1  # before the body's 27 September


def test_event_json_fields_in_order(seed):
    data = to_data(find(seed.timeline, "the 6th day of the war", "targeted Ganja"))
    assert list(data) == [
        "date", "end", "precision", "kind", "expression", "anchor", "text", "section",
        "day_of_war", "entities", "source", "sentence", "section_anchor",
    ]
    assert data["date"] == data["end"] == "2020-10-02"
    assert data["section"] == "Course of the war > Overview"
    assert data["entities"] == ["Armenia", "Artsakh", "Ganja", "Ganja International Airport"]
    assert data["text"].startswith("On the 6th day of the war, Armenia/Artsakh targeted Ganja")
    assert [f.name for f in fields(Event)] == list(data)


def test_seed_event_texts_are_their_sentences(seed):
    for event in seed.timeline.events:
        if event.sentence is not None:
            assert event.text == seed.sentences[event.sentence].text
            assert event.section == seed.sentences[event.sentence].section


# --- small documents -----------------------------------------------------------------------


def test_a_war_of_1854(make_doc):
    timeline = timeline_of(
        make_doc,
        "## Siege\n\nShips arrived on 12 March 1854. On 20 March, batteries opened fire. "
        "The following day, the garrison answered.\n\n"
        "In the winter of 1854–55, cholera spread. On 18 June, the assault failed. "
        "On the 100th day of the war, nothing happened.\n\n"
        "## Aftermath\n\nThe treaty was signed on 30 March 1856. On 2 April, the fleets left.\n",
        war="12 March 1854 – 9 September 1855",
    )
    got = {e.expression: dates(e) for e in timeline.events if e.source == "body"}
    assert got == {
        "12 March 1854": day("1854-03-12"),
        "20 March": day("1854-03-20"),
        "The following day": day("1854-03-21"),
        "the winter of 1854–55": (date(1854, 12, 1), date(1855, 2, 28)),
        "18 June": day("1855-06-18"),  # after the winter: 1855, not 1854
        "the 100th day of the war": day("1854-06-19"),
        "30 March 1856": day("1856-03-30"),
        "2 April": day("1856-04-02"),
    }


def test_a_war_known_only_to_the_year_has_no_days_of_war(make_doc):
    timeline = timeline_of(
        make_doc, "On the 6th day of the war, a fort fell. On 4 October, another.\n", war="1854–1856"
    )
    assert [(e.expression, e.day_of_war) for e in timeline.events if e.source == "body"] == [
        ("4 October", None)
    ]
    assert dates(timeline.events[1]) == day("1854-10-04")
    assert [u.expression for u in timeline.unresolved] == ["the 6th day of the war"]


def test_without_an_infobox_date(make_doc):
    timeline = timeline_of(
        make_doc,
        "## Siege\n\nOn 3 October, the siege began. On 17 October 1854, the bombardment started. "
        "On the 6th day of the war, a fort fell.\n\n"
        "## Later\n\nOn 5 May, nothing was known.\n",
        war=None,
    )
    assert [(e.expression, e.date) for e in timeline.events] == [
        ("3 October", date(1854, 10, 3)),  # the section's first explicit year
        ("17 October 1854", date(1854, 10, 17)),
    ]
    assert {u.expression: u.reason for u in timeline.unresolved} == {
        "the 6th day of the war": "the infobox gives no first day of the conflict to count from",
        "5 May": "no year: no dated statement before it in this section",
    }


def test_a_section_after_one_ending_in_2021_restarts_at_the_conflict_year(make_doc):
    timeline = timeline_of(
        make_doc,
        "## Trials\n\nOn 5 March 2021, a court opened. On 11 May, it closed.\n\n"
        "## Reactions\n\nOn 4 October, the UN spoke. On 11 January, the EU spoke.\n",
    )
    got = [(e.expression, e.date) for e in timeline.events if e.source == "body"]
    assert sorted(got, key=lambda pair: pair[1]) == [
        ("4 October", date(2020, 10, 4)),
        ("11 January", date(2021, 1, 11)),
        ("5 March 2021", date(2021, 3, 5)),
        ("11 May", date(2021, 5, 11)),
    ]


def test_a_later_date_in_the_same_sentence_may_fall_in_the_year_before(make_doc):
    timeline = timeline_of(
        make_doc, "On 5 January 2021, the court heard of the attack of 28 December.\n"
    )
    assert find(timeline, "28 December", "court").date == date(2020, 12, 28)


def test_relative_dates_look_back_one_paragraph_only(make_doc):
    timeline = timeline_of(
        make_doc,
        "On 1 October 2020, talks began.\n\nThe delegates left.\n\nThe next day, it rained.\n\n"
        "On 5 October 2020, talks resumed.\n\nThe next day, they ended.\n",
    )
    assert [e.expression for e in timeline.events if e.source == "body"] == [
        "1 October 2020", "5 October 2020", "The next day",
    ]
    assert find(timeline, "The next day", "they ended").date == date(2020, 10, 6)
    assert [(u.expression, u.reason) for u in timeline.unresolved] == [
        ("The next day", "no dated statement before it in this paragraph or the one before")
    ]


def test_relative_day_after_a_month_is_not_guessed(make_doc):
    timeline = timeline_of(make_doc, "In November 2020, talks began. A week later, they ended.\n")
    assert [e.expression for e in timeline.events if e.source == "body"] == ["November 2020"]
    assert timeline.unresolved[0].reason == "its anchor 'November 2020' is not a single day"


def test_a_day_of_the_war_after_its_end_is_not_placed(make_doc):
    timeline = timeline_of(make_doc, "On the 50th day of the war, it was over.\n")
    assert timeline.unresolved[0].reason == "day 50 is after the end of the conflict"


def test_the_same_year_needs_a_year_mentioned_in_the_section(make_doc):
    timeline = timeline_of(
        make_doc, "## A\n\nIt moved in 2019.\n\n## B\n\nIn August of the same year, it moved.\n"
    )
    assert [u.reason for u in timeline.unresolved] == [
        BARE_YEAR, "no year mentioned before it in this section"
    ]


# --- questions asked of the timeline -------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5 Oct 2020", day("2020-10-05")),
        ("2020-10-05", day("2020-10-05")),
        ("October 2020", (date(2020, 10, 1), date(2020, 10, 31))),
        ("2021", (date(2021, 1, 1), date(2021, 12, 31))),
        ("8 Oct", day("2020-10-08")),  # the war's year, never today's
        ("29 Feb", day("2020-02-29")),
        ("day 12", day("2020-10-08")),
        ("Day 1", day("2020-09-27")),
    ],
)
def test_parse_when(text, expected):
    assert parse_when(text, parse_span(WAR_2020)) == expected


@pytest.mark.parametrize(
    "text, war, reason",
    [
        ("10:00", WAR_2020, "not a date: '10:00'"),
        ("xyz", WAR_2020, "not a date: 'xyz'"),
        ("8 Oct", None, "give the year of '8 Oct'"),
        ("8 Oct", "12 March 1854 – 9 September 1855", "give the year of '8 Oct'"),
        ("day 12", "1854–1856", "the document gives no first day of the war to count from"),
        ("day 0", WAR_2020, "the days of the war count from day 1"),
    ],
)
def test_parse_when_refuses(text, war, reason):
    with pytest.raises(ValueError) as refused:
        parse_when(text, parse_span(war) if war else None)
    assert str(refused.value).startswith(reason)


def test_select_events_combines_filters(seed):
    events = select_events(
        seed.timeline.events, date(2020, 10, 1), date(2020, 10, 31), about="Aliyev",
        section="official statements", kind="explicit",
    )
    assert [(e.expression, e.date) for e in events] == [
        ("3 October 2020", date(2020, 10, 3)),
        ("21 October 2020", date(2020, 10, 21)),
        ("26 October 2020", date(2020, 10, 26)),
    ]


def test_weekly_counts_and_ceasefires(make_doc):
    timeline = timeline_of(
        make_doc,
        "On 28 September 2020, a ceasefire was broken. On 30 September 2020, a town fell. "
        "In October 2020, talks went on. On 6 October 2020, a bridge fell.\n",
    )
    weeks = weekly(timeline.events, date(2020, 9, 27), date(2020, 10, 12))
    assert [(w.start, w.statements, w.ceasefires) for w in weeks] == [
        (date(2020, 9, 21), 0, ()),
        (date(2020, 9, 28), 2, (date(2020, 9, 28),)),
        (date(2020, 10, 5), 1, ()),  # "October 2020" is no statement of one week
        (date(2020, 10, 12), 0, ()),
    ]
    assert weekly(timeline.events[:0]) == ()


# --- properties ----------------------------------------------------------------------------

WORDS = st.sampled_from(
    "On the 4 17 27 and , – to from between October May December January 2020 2021 1854 55 "
    "early mid- late winter of same day next following Three days A week later year 6th "
    "fourth first war By As until In 1, 2, 3 31 29 February .".split()
)
SENTENCES = st.lists(
    st.tuples(st.one_of(st.text(max_size=60), st.lists(WORDS, max_size=12).map(" ".join)),
              st.integers(0, 2), st.booleans()),
    max_size=8,
)


def as_sentences(rows):
    sentences, section, paragraph = [], 0, 0
    for i, (text, new_section, new_paragraph) in enumerate(rows):
        section += new_section == 2
        paragraph += new_paragraph
        sentences.append(Sentence(text, f"S{section}", paragraph, i, 0, len(text)))
    return tuple(sentences)


@given(SENTENCES, st.sampled_from([None, WAR_2020, "1854–1856", "12 March 1854"]))
def test_arbitrary_sentences_never_raise_and_spans_are_ordered(rows, war):
    conflict = parse_span(war) if war else None
    timeline = extract_timeline(as_sentences(rows), conflict, war)
    for event in timeline.events:
        assert event.date <= event.end
    order = [(e.date, -1 if e.sentence is None else e.sentence) for e in timeline.events]
    assert order == sorted(order)
