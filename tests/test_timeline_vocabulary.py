"""Ways of writing a date the timeline reads: month pairs, the night of two days, US-style day
ranges, "the following morning", "after three days", "the day before the vote", counts of days
the next date tells."""

from datetime import date

from karabakh_cli.extract.dates import EVENT_ANCHOR, find_dates
from karabakh_cli.factbase import FactBase


def timeline_of(make_doc, body, war="3 May – 30 June 1911"):
    return FactBase.load(
        make_doc(f"---\ntitle: T\ninfoboxes:\n  - date:\n      text: {war}\n---\n{body}\n")
    ).timeline


def body_dates(timeline):
    return {e.expression: (e.date, e.end) for e in timeline.events if e.source == "body"}


def test_two_months_joined_by_and_are_both_months(make_doc):
    got = body_dates(timeline_of(make_doc, "Talks were set for April and May 1911 in Lorn."))
    assert got == {"April and May 1911": (date(1911, 4, 1), date(1911, 5, 31))}
    assert find_dates("The April and May riots spread.") == ()
    assert [m.expression for m in find_dates("In April and May, riots spread.")] == ["April and May"]


def test_the_night_of_two_days_running(make_doc):
    got = body_dates(timeline_of(make_doc, "On the night of 21/22 May 1911 the raid began."))
    assert got == {"21/22 May 1911": (date(1911, 5, 21), date(1911, 5, 22))}
    assert find_dates("on the night of 21/23 May 1911") == ()


def test_a_us_style_day_range_in_prose(make_doc):
    got = body_dates(timeline_of(make_doc, "Fighting raged on May 9–28, 1911, in Orvo."))
    assert got == {"May 9–28, 1911": (date(1911, 5, 9), date(1911, 5, 28))}


def test_the_following_morning_and_after_three_days(make_doc):
    timeline = timeline_of(
        make_doc,
        "On 10 May 1911 Dorsan troops crossed the river. The following morning, Velmar "
        "answered.\n\nOn 20 June 1911 the siege began. After three days, the fort fell.",
    )
    got = body_dates(timeline)
    assert got["The following morning"] == (date(1911, 5, 11), date(1911, 5, 11))
    assert got["After three days"] == (date(1911, 6, 23), date(1911, 6, 23))


def test_after_days_later_in_a_sentence_is_a_duration_not_a_date():
    assert find_dates("A truce was signed after 44 days of war.") == ()


def test_the_day_before_an_event_counts_from_the_statement_telling_of_it(make_doc):
    timeline = timeline_of(
        make_doc,
        "On 12 May 1911 rebels kidnapped two soldiers. The day before the kidnapping, shots "
        "were fired.\n\nOn 1 June 1911 talks began. The day after the vote, riots broke out.",
    )
    assert body_dates(timeline)["The day before the kidnapping"] == (date(1911, 5, 11),) * 2
    assert [(u.expression, u.reason) for u in timeline.unresolved] == [
        ("The day after the vote", EVENT_ANCHOR)
    ]


def test_the_day_before_an_event_its_own_sentence_names_is_not_counted_from_that_sentence(make_doc):
    timeline = timeline_of(make_doc, "On 11 May 1911, the day before the kidnapping, shots were fired.")
    assert body_dates(timeline) == {"11 May 1911": (date(1911, 5, 11),) * 2}
    assert [u.reason for u in timeline.unresolved] == [EVENT_ANCHOR]


def test_a_count_of_days_the_date_after_it_tells(make_doc):
    timeline = timeline_of(
        make_doc, "It began on May 9, 1911 and ended twenty days later on May 28.\n\n"
        "On 1 June 1911 a truce began. Thirty days later, it broke down.",
    )
    got = body_dates(timeline)
    assert "twenty days later" not in got
    assert got["May 28"] == (date(1911, 5, 28),) * 2
    assert got["Thirty days later"] == (date(1911, 7, 1),) * 2


def test_us_style_days_listed_after_their_month(make_doc):
    got = body_dates(timeline_of(make_doc, "On May 13 and 14, 1911, the port was shelled."))
    assert got == {"May 13 and 14, 1911": (date(1911, 5, 13), date(1911, 5, 14))}
    assert [m.expression for m in find_dates("On May 13 and 14 soldiers died.")] == ["May 13"]
