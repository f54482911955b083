"""The timeline: every date expression of the body placed on the calendar (DESIGN §4).

A reader of the article knows, at each sentence, the narrative date (the date of the last
dated statement, restarting at each heading from the conflict's first day), the last
year mentioned, and the dated statements of this paragraph and the one before. Each date
expression is completed from that knowledge or, when it cannot be, left unresolved with the
reason: a wrong date is worse than a missing one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .dates import (
    EVENT_ANCHOR, DateSpan, Mention, find_dates, last_day, place, starts_on_a_day
)
from .document import Sentence

INFOBOX_SECTION = "Infobox"
KINDS = ("explicit", "yearless", "month", "relative", "ordinal-day", "range", "vague")
PRECISIONS = (
    "day", "range", "early-month", "mid-month", "late-month", "month", "season", "year"
)
DAYS = ("day", "range")  # the precisions whose first day is a day the text gives
CEASEFIRE = re.compile(r"\bcease-?fire", re.I)


@dataclass(frozen=True)
class Event:
    """One date expression of the article on the calendar (fields in JSON order)."""

    date: date
    end: date
    precision: str
    kind: str
    expression: str
    anchor: str | None
    text: str
    section: str
    day_of_war: int | None
    entities: tuple[str, ...] = ()
    source: str = "body"
    sentence: int | None = None
    section_anchor: str | None = None  # its sentence's section on the Wikipedia page


@dataclass(frozen=True)
class Unresolved:
    """A date expression left off the timeline, and why."""

    expression: str
    text: str
    section: str
    sentence: int
    reason: str


@dataclass(frozen=True)
class Timeline:
    events: tuple[Event, ...]  # by start date, then document order
    unresolved: tuple[Unresolved, ...]  # in document order


def extract_timeline(
    sentences: tuple[Sentence, ...],
    conflict: DateSpan | None = None,
    infobox_text: str | None = None,
    conflict_name: str = "",
) -> Timeline:
    """Place every date expression of `sentences`; `conflict` is the infobox `date` span,
    `conflict_name` what the article calls it ("Battle of Varnek")."""
    found = [find_dates(sentence.text) for sentence in sentences]
    reader = _Reader(conflict, conflict_name)
    events: list[Event] = []
    unresolved: list[Unresolved] = []
    last = None
    for i, sentence in enumerate(sentences):
        previous, last = last, sentence
        if previous is None or previous.section != sentence.section:
            reader.restart(None if conflict else _first_explicit(sentences, found, i))
        elif previous.paragraph != sentence.paragraph:
            reader.next_paragraph()
        for mention, placed in reader.read(found[i], sentence.text):
            if isinstance(placed, str):
                unresolved.append(
                    Unresolved(
                        mention.expression, sentence.text, sentence.section, sentence.index, placed
                    )
                )
            else:
                events.append(reader.event(placed, sentence.text, sentence.section, sentence.index))
    if conflict:
        if conflict.ongoing:  # only its first day is on the calendar
            conflict = DateSpan(conflict.start, conflict.start, "day", "range", conflict.expression)
        events.append(reader.event(conflict, infobox_text or conflict.expression, INFOBOX_SECTION))
    events.sort(key=lambda event: (event.date, -1 if event.sentence is None else event.sentence))
    return Timeline(tuple(events), tuple(unresolved))


def _first_explicit(sentences, found, i) -> tuple[date, str] | None:
    """Without a conflict date, a section's narrative starts in its first explicit year."""
    section = sentences[i].section
    for j in range(i, len(sentences)):  # an index, not a slice: slicing would copy the rest
        if sentences[j].section != section:
            return None
        for mention in found[j]:
            dates = place(mention) if mention.has_month and not mention.problem else None
            if mention.unit is None and dates:
                return date(dates[0].year, 1, 1), mention.expression
    return None


# An anchor: a statement's own date, as (its mention, its span or None when unplaced, the
# statement's sentence).
_Anchor = tuple[Mention, DateSpan | None, str]


class _Reader:
    """What a reader knows at the current sentence; `read` places one sentence's dates."""

    def __init__(self, conflict: DateSpan | None, conflict_name: str = ""):
        self.conflict = conflict
        self.conflict_words = set(re.findall(r"\w+", conflict_name.lower()))
        self.war_start = conflict.start if conflict and starts_on_a_day(conflict) else None
        self.restart(None)

    def restart(self, first_explicit: tuple[date, str] | None) -> None:
        """A new section: the narrative starts again from the conflict's first day."""
        if self.conflict:
            self.narrative = (self.conflict.start, self.conflict.expression)
        else:
            self.narrative = first_explicit
        self.last_year: tuple[int, str] | None = None
        self.paragraph: _Anchor | None = None
        self.previous_paragraph: _Anchor | None = None

    def next_paragraph(self) -> None:
        self.previous_paragraph, self.paragraph = self.paragraph, None

    def read(
        self, mentions: tuple[Mention, ...], text: str = ""
    ) -> list[tuple[Mention, DateSpan | str]]:
        """Each mention of the sentence `text` with its span or the reason it has none."""
        results = []
        statement: _Anchor | None = None  # the sentence's own date: its first with a month
        for mention in mentions:
            placed = self._place(mention, statement)
            results.append((mention, placed))
            span = placed if isinstance(placed, DateSpan) else None
            year = span.end.year if span else mention.last[0]
            if year:
                self.last_year = (year, mention.expression)
            if statement is None and mention.has_month:
                statement = (mention, span, text)
        if statement:
            self.paragraph = statement
            if statement[1]:  # the narrative has gone through a span: "the winter of 1854–55"
                self.narrative = (statement[1].end, statement[1].expression)
        return results

    def event(self, span: DateSpan, text: str, section: str, sentence: int | None = None) -> Event:
        """The event of a placed span; without a sentence, the infobox's."""
        return Event(
            date=span.start,
            end=span.end,
            precision=span.precision,
            kind=span.kind,
            expression=span.expression,
            anchor=span.anchor,
            text=text,
            section=section,
            day_of_war=day_of_war(self.conflict, span.start) if span.precision in DAYS else None,
            source="body" if sentence is not None else "infobox",
            sentence=sentence,
        )


    def _place(self, mention: Mention, statement: _Anchor | None) -> DateSpan | str:
        if mention.problem:
            return mention.problem
        if mention.kind == "ordinal-day":
            return self._war_day(mention)
        if mention.unit == "day":
            return self._after(mention, statement or self.paragraph or self.previous_paragraph)
        if mention.unit == "year":
            return self._in_last_year(mention)
        if mention.last[0] is not None:
            return _span(mention, place(mention), None)
        return self._yearless(mention, statement)

    def _yearless(self, mention: Mention, statement: _Anchor | None) -> DateSpan | str:
        if statement and statement[1]:
            # Another date of the same statement: the nearest year, either way
            # ("On 12 December, ... the curfew imposed in September").
            reference, anchor = statement[1].start, statement[1].expression
            years = (reference.year - 1, reference.year, reference.year + 1)
        elif self.narrative:
            # The narrative only moves forward: the next year when the date would otherwise
            # land more months before the last statement than after it.
            reference, anchor = self.narrative
            years = (reference.year, reference.year + 1)
        else:
            return "no year: no dated statement before it in this section"
        candidates = {year: place(mention, year, clamp=True) for year in years}
        candidates = {year: dates for year, dates in candidates.items() if dates}
        if not candidates:
            return "not a date on the calendar"
        year = min(candidates, key=lambda y: abs((candidates[y][0] - reference).days))
        return _span(mention, place(mention, year), anchor)

    def _after(self, mention: Mention, anchor: _Anchor | None) -> DateSpan | str:
        if anchor is None:
            return "no dated statement before it in this paragraph or the one before"
        anchor_mention, span, anchor_text = anchor
        if mention.event and not _tells_of(anchor_text, mention):
            return EVENT_ANCHOR
        if span is None:
            return f"its anchor {anchor_mention.expression!r} could not be placed"
        if not anchor_mention.to_the_day or (mention.shift <= 0 and span.start != span.end):
            return f"its anchor {span.expression!r} is not a single day"
        base = span.end if mention.shift > 0 else span.start
        dates = _shifted(base, mention.shift, mention.days)
        if dates is None:
            return BEYOND_CALENDAR
        start, end = dates
        anchor = span.expression
        return DateSpan(start, end, mention.precision, "relative", mention.expression, anchor)

    def _in_last_year(self, mention: Mention) -> DateSpan | str:
        if self.last_year is None:
            return "no year mentioned before it in this section"
        year, expression = self.last_year
        return _span(mention, place(mention, year + mention.shift), expression)

    def _war_day(self, mention: Mention) -> DateSpan | str:
        if self.war_start is None:
            return "the infobox gives no first day of the conflict to count from"
        if mention.battle and mention.battle not in self.conflict_words:
            return f"counts the days of a {mention.battle}, which the article's conflict is not"
        dates = _shifted(self.war_start, mention.shift, mention.days)
        if dates is None:
            return BEYOND_CALENDAR
        start, end = dates
        if end > self.conflict.end:
            return f"day {mention.shift + mention.days} is after the end of the conflict"
        anchor = self.conflict.expression
        return DateSpan(start, end, mention.precision, "ordinal-day", mention.expression, anchor)


def _tells_of(text: str, mention: Mention) -> bool:
    """Whether a sentence, outside the mention itself, tells of the event the mention counts
    from: its noun's stem is there ("kidnapped" for "the kidnapping", "voted" for "the vote")."""
    stem = mention.event[: max(4, len(mention.event) - 4)]
    return re.search(rf"\b{re.escape(stem)}", text.replace(mention.expression, ""), re.I) is not None


BEYOND_CALENDAR = "it counts to a day beyond the calendar"


def _shifted(day: date, shift: int, days: int) -> tuple[date, date] | None:
    """The `days` days from `shift` days after `day`; None past the calendar's ends."""
    try:
        start = day + timedelta(days=shift)
        return start, start + timedelta(days=days - 1)
    except OverflowError:
        return None


def day_of_war(conflict: DateSpan | None, day: date) -> int | None:
    """1 on the conflict's first day; None outside it, or when its first day is not known."""
    if conflict and starts_on_a_day(conflict) and conflict.start <= day <= conflict.end:
        return (day - conflict.start).days + 1
    return None


def _span(mention: Mention, dates: tuple[date, date] | None, anchor: str | None) -> DateSpan | str:
    if dates is None:
        return "not a date on the calendar"
    return DateSpan(dates[0], dates[1], mention.precision, mention.kind, mention.expression, anchor)


# --- questions asked of the timeline -----------------------------------------------------


@dataclass(frozen=True)
class Week:
    """Monday to Sunday: how many dated statements (date expressions) and how many sentences
    fall in it, and its ceasefire dates."""

    start: date
    end: date
    statements: int
    ceasefires: tuple[date, ...]
    sentences: int = 0  # sentences with a date in the week, each once however many dates it has


def parse_when(text: str, conflict: DateSpan | None = None) -> tuple[date, date]:
    """The days a reader means: "5 Oct 2020", "2020-10-05", "October 2020", "2020", or
    "day 12" of the war. A date without a year takes the conflict's, never today's.
    Raises ValueError with a one-line reason."""
    war_day = re.fullmatch(r"\s*day\s+([0-9]{1,5})\s*", text, re.I)
    if war_day:
        return (_war_day_date(int(war_day[1]), conflict),) * 2
    numeric = re.fullmatch(r"\s*(\d+)[./ -]+\d+[./ -]+\d+\s*", text)
    if numeric and len(numeric[1]) != 4:
        raise ValueError(f"{text!r} is ambiguous (day or month first?): write '2020-10-05' or '5 Oct 2020'")
    from dateutil import parser

    defaults = (datetime(2000, 1, 1), datetime(2004, 2, 2))  # leap years, for 29 February
    try:  # what differs between the two parses is what the text does not give
        one, other = (parser.parse(text, default=default) for default in defaults)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not a date: {text!r} ({exc})") from None
    year, month, day = (one.year == other.year, one.month == other.month, one.day == other.day)
    if not (year or month) or (day and not month):
        raise ValueError(f"not a date: {text!r}")
    if year and not _written_in_full(one.year, text):
        raise ValueError(f"not a date: {text!r}: write the year in full and a day its month has, "
                         "as in '5 Oct 2020' or '2020-10-05'")
    if not year:
        if not conflict or conflict.start.year != conflict.end.year:
            raise ValueError(f"give the year of {text!r}")
        one = one.replace(year=conflict.start.year)
    if day:
        return one.date(), one.date()
    if not month:
        return date(one.year, 1, 1), date(one.year, 12, 31)
    return date(one.year, one.month, 1), date(one.year, one.month, last_day(one.year, one.month))


def _written_in_full(year: int, text: str) -> bool:
    """Whether the text gives the year as a number of three or more digits: dateutil reads
    "Oct 99" as 1999 and a day that no month has ("32 Oct") as the year 2032."""
    return any(len(number) >= 3 and int(number) == year for number in re.findall(r"\d+", text))


def _war_day_date(number: int, conflict: DateSpan | None) -> date:
    if not conflict or not starts_on_a_day(conflict):
        raise ValueError("the document gives no first day of the war to count from")
    if number < 1:
        raise ValueError("the days of the war count from day 1")
    try:
        return conflict.start + timedelta(days=number - 1)
    except OverflowError:
        raise ValueError(f"day {number} is beyond the calendar") from None


def select_events(
    events: tuple[Event, ...],
    start: date | None = None,
    end: date | None = None,
    about: str | tuple[str, ...] | None = None,
    section: str | None = None,
    kind: str | None = None,
    precision: str | None = None,
    overlapping: bool = False,
) -> tuple[Event, ...]:
    """The events that lie within start..end (or, `overlapping`, only touch it: a month for a
    range of one week) and match every filter given: `about` a phrase of
    the sentence or one of its entities (or a tuple of names, any of which will do: a name
    and its aliases), `section` part of the section path (any case)."""
    abouts = _alternatives(about)
    section = section.casefold() if section else None

    def wanted(event: Event) -> bool:
        return (
            (start is None or (event.end if overlapping else event.date) >= start)
            and (end is None or (event.date if overlapping else event.end) <= end)
            and (not abouts or any(about in event.text.casefold()
                                   or any(about == name.casefold() for name in event.entities)
                                   for about in abouts))
            and (not section or section in event.section.casefold())
            and kind in (None, event.kind)
            and precision in (None, event.precision)
        )

    return tuple(filter(wanted, events))


def _alternatives(about: str | tuple[str, ...] | None) -> tuple[str, ...]:
    names = (about,) if isinstance(about, str) else about or ()
    return tuple(name.casefold() for name in names if name)


def select_unresolved(
    unresolved: tuple[Unresolved, ...], about: str | tuple[str, ...] | None = None, section: str | None = None
) -> tuple[Unresolved, ...]:
    """The unplaced expressions whose sentence has `about` (or one of a tuple of names) and
    whose section has `section`."""
    abouts = _alternatives(about)
    section = section.casefold() if section else None
    return tuple(
        item
        for item in unresolved
        if (not abouts or any(about in item.text.casefold() for about in abouts))
        and (not section or section in item.section.casefold())
    )


def weekly(
    events: tuple[Event, ...], start: date | None = None, end: date | None = None
) -> tuple[Week, ...]:
    """Dated statements per week from start to end (by default, the weeks that have any).
    Only statements dated within one week count; a ceasefire date is the day of a statement
    whose sentence mentions a ceasefire. Raises ValueError past MAX_WEEKS weeks."""
    counted = [e for e in events if e.source == "body" and _monday(e.date) == _monday(e.end)]
    if not counted and not (start and end):
        return ()
    first = _monday(start or min(e.date for e in counted))
    last = _monday(end or max(e.date for e in counted))
    weeks = (last - first).days // 7 + 1
    if weeks > MAX_WEEKS:
        raise ValueError(f"a chart of {weeks} weeks is too long: at most {MAX_WEEKS}")
    counts = Counter(_monday(e.date) for e in counted)
    sentences = _sentences_per_week(counted)
    ceasefires = {e.date for e in counted if e.precision == "day" and CEASEFIRE.search(e.text)}
    chart = []
    for n in range(weeks):
        monday = first + timedelta(weeks=n)
        sunday = monday + timedelta(days=6) if monday <= LAST_MONDAY else date.max
        marked = tuple(sorted(d for d in ceasefires if monday <= d <= sunday))
        chart.append(Week(monday, sunday, counts[monday], marked, sentences[monday]))
    return tuple(chart)


MAX_WEEKS = 10500  # about two centuries: a longer chart is a typo, not a war
LAST_MONDAY = date.max - timedelta(days=6)  # the calendar ends on a Friday


def _sentences_per_week(events: list[Event]) -> Counter:
    """Per Monday, the sentences with a date in its week: a sentence dating two days of one
    week counts once."""
    weeks = {(_monday(e.date), e.sentence if e.sentence is not None else id(e)) for e in events}
    return Counter(monday for monday, _ in weeks)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
