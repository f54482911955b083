"""Finding date expressions in a sentence (dates.find_dates) and placing them (dates.place)."""

import time
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karabakh_cli.extract.dates import (
    BARE_YEAR,
    COMMEMORATIVE,
    DECADE,
    WHICH_WINTER,
    find_dates,
    parse_span,
    place,
    starts_on_a_day,
)


def only(text):
    mentions = find_dates(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


def placed(text, year=None):
    return place(only(text), year)


# --- calendar dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, kind, precision, dates",
    [
        ("On 27 September 2020, it began.", "27 September 2020", "explicit", "day",
         (date(2020, 9, 27), date(2020, 9, 27))),
        ("It began on September 27, 2020.", "September 27, 2020", "explicit", "day",
         (date(2020, 9, 27), date(2020, 9, 27))),
        ("In November 2020, Aliyev denied it.", "November 2020", "month", "month",
         (date(2020, 11, 1), date(2020, 11, 30))),
        ("a law came into effect since October 2020 in Armenia", "since October 2020", "month",
         "month", (date(2020, 10, 1), date(2020, 10, 31))),
        ("As of 9 November 2020, 100 were killed.", "As of 9 November 2020", "explicit", "day",
         (date(2020, 11, 9), date(2020, 11, 9))),
        ("By 31 October 2020, it held four posts.", "By 31 October 2020", "explicit", "day",
         (date(2020, 10, 31), date(2020, 10, 31))),
        ("closed until 30 September 2020.", "until 30 September 2020", "explicit", "day",
         (date(2020, 9, 30), date(2020, 9, 30))),
        ("Allied ships arrived on 12 March 1854.", "12 March 1854", "explicit", "day",
         (date(1854, 3, 12), date(1854, 3, 12))),
        ("In the winter of 1854–55, cholera spread.", "the winter of 1854–55", "vague", "season",
         (date(1854, 12, 1), date(1855, 2, 28))),
        ("in the summer of 1855", "the summer of 1855", "vague", "season",
         (date(1855, 6, 1), date(1855, 8, 31))),
    ],
)
def test_dates_with_a_year(text, expression, kind, precision, dates):
    mention = only(text)
    assert (mention.expression, mention.kind, mention.precision) == (expression, kind, precision)
    assert place(mention) == dates


@pytest.mark.parametrize(
    "text, expression, kind, precision, dates_in_2020",
    [
        ("On 4 October, it fell.", "4 October", "yearless", "day",
         (date(2020, 10, 4), date(2020, 10, 4))),
        ("Throughout November, officials resigned.", "Throughout November", "month", "month",
         (date(2020, 11, 1), date(2020, 11, 30))),
        ("the curfew imposed in September.", "September", "month", "month",
         (date(2020, 9, 1), date(2020, 9, 30))),
        ("further exercises in early September", "early September", "vague", "early-month",
         (date(2020, 9, 1), date(2020, 9, 10))),
        ("In mid-November, a video spread.", "mid-November", "vague", "mid-month",
         (date(2020, 11, 11), date(2020, 11, 20))),
        ("In late October, airstrikes.", "late October", "vague", "late-month",
         (date(2020, 10, 21), date(2020, 10, 31))),
        ("late February", "late February", "vague", "late-month",
         (date(2020, 2, 21), date(2020, 2, 29))),
    ],
)
def test_dates_without_a_year_take_the_year_given(text, expression, kind, precision, dates_in_2020):
    mention = only(text)
    assert (mention.expression, mention.kind, mention.precision) == (expression, kind, precision)
    assert place(mention) is None
    assert place(mention, 2020) == dates_in_2020


@pytest.mark.parametrize(
    "text, expression, dates",
    [
        ("Between 4 and 17 October, four attacks.", "Between 4 and 17 October",
         (date(2020, 10, 4), date(2020, 10, 17))),
        ("filmed some time between 9–15 October 2020.", "between 9–15 October 2020",
         (date(2020, 10, 9), date(2020, 10, 15))),
        ("hit Barda twice on 27 and 28 October 2020, killing", "27 and 28 October 2020",
         (date(2020, 10, 27), date(2020, 10, 28))),
        ("in Stepanakert on the 1, 2, and 3 October 2020 in", "1, 2, and 3 October 2020",
         (date(2020, 10, 1), date(2020, 10, 3))),
        ("exercises that lasted from 29 July to 10 August 2020, followed",
         "from 29 July to 10 August 2020", (date(2020, 7, 29), date(2020, 8, 10))),
        ("from 20 December to 5 January 1855", "from 20 December to 5 January 1855",
         (date(1854, 12, 20), date(1855, 1, 5))),
        ("fought from June 1998 to March 1999.", "from June 1998 to March 1999",
         (date(1998, 6, 1), date(1999, 3, 31))),
    ],
)
def test_ranges_are_one_span_with_month_and_year_from_the_right_end(text, expression, dates):
    mention = only(text)
    assert (mention.expression, mention.kind, mention.precision) == (expression, "range", "range")
    assert place(mention, 2020) == dates


def test_a_day_that_does_not_exist_is_not_placed():
    assert placed("On 31 September 2020, nothing.") is None
    assert placed("On 29 February 2021, nothing.") is None
    assert placed("On 29 February 2020, a leap day.") == (date(2020, 2, 29), date(2020, 2, 29))


def test_clamping_compares_years_for_a_leap_day_without_placing_it():
    mention = only("On 29 February, x.")
    assert place(mention, 2021) is None
    assert place(mention, 2021, clamp=True) == (date(2021, 2, 28), date(2021, 2, 28))


# --- relative and ordinal expressions ------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, shift, days",
    [
        ("The next day, it postponed the trial.", "The next day", 1, 1),
        ("The following day, parliament passed a law.", "The following day", 1, 1),
        ("One day later, the ombudsman spoke.", "One day later", 1, 1),
        ("Three days later, the authorities stated", "Three days later", 3, 1),
        ("A week later, three journalists were injured.", "A week later", 7, 1),
        ("About a week later, at a plenary session", "About a week later", 7, 1),
        ("On the same day, the MoD cancelled it.", "the same day", 0, 1),
        ("the previous day, a ceasefire", "the previous day", -1, 1),
        ("two days earlier, x", "two days earlier", -2, 1),
        ("For the next three days, both sides exchanged fire.", "the next three days", 1, 3),
    ],
)
def test_relative_days_count_from_an_anchor(text, expression, shift, days):
    mention = only(text)
    assert (mention.expression, mention.kind, mention.unit) == (expression, "relative", "day")
    assert (mention.shift, mention.days) == (shift, days)


@pytest.mark.parametrize(
    "text, expression, day, days",
    [
        ("On the 6th day of the war, Armenia targeted Ganja.", "the 6th day of the war", 6, 1),
        ("Their counterattack took place on the fourth day, but", "the fourth day", 4, 1),
        ("four helicopters within the first day of hostilities.", "the first day of hostilities", 1, 1),
        ("On the morning of the seventh day, Azerbaijan", "the morning of the seventh day", 7, 1),
        ("already on the fifth day of war there were", "the fifth day of war", 5, 1),
        ("on the forty-fourth day of the war", "the forty-fourth day of the war", 44, 1),
        ("gains in the first three days of the conflict.", "the first three days of the conflict", 1, 3),
        ("on 26 September 2020, the day before the conflict.", None, 0, 1),
    ],
)
def test_ordinal_days_of_the_war(text, expression, day, days):
    mention = find_dates(text)[-1]
    assert mention.kind == "ordinal-day"
    assert expression is None or mention.expression == expression
    assert (mention.shift + 1, mention.days) == (day, days)


def test_ordinal_day_of_something_else_is_not_a_day_of_the_war():
    assert find_dates("on the fourth day of the summit") == ()


def test_month_of_the_same_year():
    mention = only("In August of the same year the government moved.")
    assert (mention.expression, mention.kind, mention.unit) == ("August of the same year", "relative", "year")
    assert place(mention, 2020) == (date(2020, 8, 1), date(2020, 8, 31))


# --- what is not a date --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Armenia may turn to Russia for fresh arms supplies.",
        "May God help them.",
        "the four-day 2016 Nagorno-Karabakh conflict",
        "the aftermath of the First Nagorno-Karabakh War (1988–1994), with",
        "The 1994 Bishkek Protocol brought the fighting to an end",
        "charged in the 2008 post-election unrest case",
        "with a mandate of at least five years.",
        'it has been called the "44-Day War" in both countries',
        "For three decades multiple violations occurred",
        "Just before 04:00 (00:00 UTC), talks ended.",
        "observed between 4:00 and 5:00 in the morning.",
        "725,000 Azerbaijanis and 300,000–500,000 Armenians",
        "Azerbaijan had prepared itself for tomorrow's war",
        "ages 18 to 60 were mobilised",
        "the march to the capital",
        "Within days Azerbaijan announced the capture of dozens of villages",
    ],
)
def test_not_dates(text):
    assert find_dates(text) == ()


@pytest.mark.parametrize(
    "text, expression",
    [
        ("ghost towns after the Armenian forces occupied it in 1993.", "1993"),
        ("the territories it had occupied since 1994 to Azerbaijan", "since 1994"),
        ("In early 1992, the region descended into war.", "early 1992"),
        ("a series of pogroms between 1988 and 1990 against", "between 1988 and 1990"),
    ],
)
def test_a_bare_year_is_found_but_dates_no_event(text, expression):
    mention = only(text)
    assert (mention.expression, mention.problem) == (expression, BARE_YEAR)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("a call to declare 22 November as the Day of Remembrance", COMMEMORATIVE),
        ("the new station in the Baku Metro will be named 8 November at", COMMEMORATIVE),
        ("during the late 1980s the question re-emerged", DECADE),
        ("in the winter of 1855 the siege went on", WHICH_WINTER),
    ],
)
def test_expressions_that_can_never_be_placed_say_why(text, problem):
    assert only(text).problem == problem


def test_commemorative_days_and_an_event_day_in_one_sentence():
    mentions = find_dates(
        "27 September and 10 November were declared Memorial Day and Victory Day respectively, "
        "although the latter's date was changed to 8 November."
    )
    assert [m.expression for m in mentions] == ["27 September", "10 November", "8 November"]
    assert {m.problem for m in mentions} == {COMMEMORATIVE}
    assert only("On 8 November 2020, forces seized Shusha.").problem is None


def test_several_dates_in_one_sentence_in_order():
    mentions = find_dates(
        "Attacks included Beylagan on 4 October, Goranboy on 8 October and Tartar on 10 November."
    )
    assert [m.expression for m in mentions] == ["4 October", "8 October", "10 November"]
    assert mentions[0].span[0] < mentions[1].span[0] < mentions[2].span[0]


# --- infobox spans -------------------------------------------------------------------------


def test_infobox_span_and_whether_it_starts_on_a_day():
    war = parse_span("September 27, 2020 – November 10, 2020")
    assert (war.start, war.end) == (date(2020, 9, 27), date(2020, 11, 10))
    assert starts_on_a_day(war)
    years = parse_span("1854–1856")
    assert (years.start, years.end) == (date(1854, 1, 1), date(1856, 12, 31))
    assert not starts_on_a_day(years)


def test_a_long_list_of_numbers_is_read_in_linear_time():
    text = ", ".join(str(n % 28 + 1) for n in range(20000)) + " October and 12 October 2020"
    started = time.perf_counter()
    assert [m.expression for m in find_dates(text)][-1] == "12 October 2020"
    assert time.perf_counter() - started < 2  # quadratic backtracking took over a minute


# --- properties ----------------------------------------------------------------------------

DATE_WORDS = st.sampled_from(
    "On the 4 17 27 and , – - to from between October May September 2020 1854 55 early mid- late "
    "winter of same day next following Three days weeks later earlier week year 6th fourth "
    "first war conflict by As of until In 04:00 1, 2, 3 31 29 February".split()
)


@given(st.text())
def test_arbitrary_text_never_raises(text):
    find_dates(text)


@given(st.lists(DATE_WORDS, max_size=14).map(" ".join), st.integers(1, 9998))
def test_every_placed_span_starts_before_it_ends(text, year):
    for mention in find_dates(text):
        assert mention.span[0] < mention.span[1]
        dates = place(mention, year)
        if dates is not None:
            assert dates[0] <= dates[1]
