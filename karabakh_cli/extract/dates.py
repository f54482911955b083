"""Date expressions: the DateSpan record and the parsing of written dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    precision: str  # day | range | early-month | mid-month | late-month | month | season | year
    kind: str  # explicit | yearless | month | relative | ordinal-day | range | vague
    expression: str
    anchor: str | None = None


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# One end of a written span: "27 September 2020", "September 27, 2020", "27 September",
# "September 2020", "2020", "27".
_END = re.compile(
    rf"""^(?:
        (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_NAME})(?:,?\s+(?P<y1>\d{{3,4}}))?
      | (?P<m2>{MONTH_NAME})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{3,4}}))?
      | (?P<m3>{MONTH_NAME})(?:\s+(?P<y3>\d{{3,4}}))?
      | (?P<y4>\d{{3,4}})
      | (?P<d5>\d{{1,2}})
    )$""",
    re.X | re.I,
)
_SPAN_SEPARATOR = re.compile(r"\s*(?:[–—-]|\bto\b|\buntil\b)\s*")


def _parse_end(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of one end, each None when the text does not give it."""
    match = _END.match(text.strip().strip(",").strip())
    if not match:
        return None
    g = match.groupdict()
    day = g["d1"] or g["d2"] or g["d5"]
    month = g["m1"] or g["m2"] or g["m3"]
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"]
    return (
        int(year) if year else None,
        month_number(month) if month else None,
        int(day) if day else None,
    )


def parse_span(text: str) -> DateSpan | None:
    """A span written in an infobox: "September 27, 2020 – November 10, 2020", "1854–1856".

    A missing month or year on the left end is copied from the right end. Returns None when
    the text is not a date or a span of dates (never a guess).
    """
    text = re.sub(r"\([^)]*\)", "", text.split("\n")[0]).strip()
    parts = _SPAN_SEPARATOR.split(text, maxsplit=1) if _SPAN_SEPARATOR.search(text) else [text]
    ends = [_parse_end(part) for part in parts]
    if not parts or any(end is None for end in ends):
        return None
    right = ends[-1]
    left = ends[0]
    if right[0] is None:
        return None
    left = (left[0] or right[0], left[1] or (right[1] if left[2] else None), left[2])
    start = _first_day(*left)
    end = _last_day(*right)
    if start is None or end is None or start > end:
        return None
    if len(parts) == 1:
        precision = "day" if right[2] else ("month" if right[1] else "year")
    else:
        precision = "range"
    return DateSpan(start, end, precision, "explicit" if len(parts) == 1 else "range", text)


def _first_day(year, month, day) -> date | None:
    if year is None or (day and not month):
        return None
    return safe_date(year, month or 1, day or 1)


def _last_day(year, month, day) -> date | None:
    if year is None or (day and not month):
        return None
    month = month or 12
    return safe_date(year, month, day or last_day(year, month))
