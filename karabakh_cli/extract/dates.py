"""Date expressions: the DateSpan record and the parsing of written dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache
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
    end: date  # date.max while the conflict is ongoing
    precision: str  # day | range | early-month | mid-month | late-month | month | season | year
    kind: str  # explicit | yearless | month | relative | ordinal-day | range | vague
    expression: str
    anchor: str | None = None
    ongoing: bool = False  # an infobox span whose end is "present": the war goes on

    @property
    def days(self) -> int | None:
        """Days the span covers, both ends counted ("5–10 June" is 6 days); None if ongoing."""
        return None if self.ongoing else (self.end - self.start).days + 1


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
# "September 2020", "2020", "27", "28, 2013" (the right end of "September 9–28, 2013").
_END = re.compile(
    rf"""^(?:
        (?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_NAME})(?:,?\s+(?P<y1>[0-9]{{3,4}}))?
      | (?P<m2>{MONTH_NAME})\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>[0-9]{{3,4}}))?
      | (?P<m3>{MONTH_NAME})(?:\s+(?P<y3>[0-9]{{3,4}}))?
      | (?P<y4>[0-9]{{3,4}})
      | (?P<d5>[0-9]{{1,2}})(?:,\s*(?P<y5>[0-9]{{3,4}}))?
    )$""",
    re.X | re.I,
)
_SPAN_SEPARATOR = re.compile(r"\s*(?:[–—-]|\bto\b|\buntil\b)\s*")
# The right end of a war still going on at the article's snapshot.
_ONGOING = re.compile(r"(?i)present|ongoing|now|today")
# A footnote letter glued to a year: "2 February 1943a".
_FOOTNOTE_LETTER = re.compile(r"(?<=[0-9]{4})[a-z]\b")
# Notes beside the span: "(4 days)", a parenthesis the line leaves open, "[a]", "[note 1]".
_NOTE = re.compile(r"\([^()]*(?:\)|$)|\[[^\[\]]*\]", re.M)
# What follows the span itself: "; or 12 August 2008".
_AFTER_SPAN = re.compile(r";.*")


def _parse_end(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of one end, each None when the text does not give it."""
    match = _END.match(text.strip().strip(",").strip())
    if not match:
        return None
    g = match.groupdict()
    day = g["d1"] or g["d2"] or g["d5"]
    month = g["m1"] or g["m2"] or g["m3"]
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"] or g["y5"]
    return (
        int(year) if year else None,
        month_number(month) if month else None,
        int(day) if day else None,
    )


def parse_span(text: str) -> DateSpan | None:
    """A span written in an infobox: "September 27, 2020 – November 10, 2020", "1854–1856",
    "15 April 2023 – present".

    A missing month or year on the left end is copied from the right end, a missing year on
    the right end from the left. Parenthesised notes are dropped. Several parts, one a line
    or separated by "/" ("11–14 May 1967 (north) / 1 June 1967 (south)"), span from the first
    part's first day to the last part's last day; lines that are not dates are notes. Returns
    None when the first part is not a date or a span of dates (never a guess).
    """
    text = _FOOTNOTE_LETTER.sub("", _NOTE.sub("", text))
    pieces = re.split(r"\n|(?<![0-9])/|/(?![0-9])", text)
    pieces = [_AFTER_SPAN.sub("", piece).strip() for piece in pieces if piece.strip()]
    parts = [_parse_part(piece) for piece in pieces]
    if not parts or parts[0] is None:
        return None
    parts = [part for part in parts if part is not None]
    first = parts[0]
    if len(parts) == 1 or first.ongoing:
        return first
    last = max(parts, key=lambda part: part.end)
    if last.start < first.start:
        return first
    expression = " / ".join(part.expression for part in parts)
    return DateSpan(first.start, last.end, "range", "range", expression, ongoing=last.ongoing)


def _parse_part(text: str) -> DateSpan | None:
    """One span of dates, or one date."""
    parts = _SPAN_SEPARATOR.split(text, maxsplit=1) if _SPAN_SEPARATOR.search(text) else [text]
    if len(parts) == 2 and _ONGOING.fullmatch(parts[1].strip(" .")):
        left = _parse_end(parts[0])
        start = _first_day(*left) if left else None
        if start is None:
            return None
        return DateSpan(start, date.max, "range", "range", text, ongoing=True)
    ends = [_parse_end(part) for part in parts]
    if any(end is None for end in ends):
        return None
    left, right = ends[0], ends[-1]
    if right[1] is None and right[2] and left[1] and not left[0]:
        right = (right[0], left[1], right[2])  # "June 5–10, 1967"
    if right[0] is None and left[0] is not None and right[1]:
        right = (left[0], right[1], right[2])  # "7 August 2008 – 16 August"
    if right[0] is None:
        return None
    year = left[0] or right[0]
    month = left[1] or (right[1] if left[2] else None)
    if left[0] is None and (month or 1, left[2] or 1) > (right[1] or 12, right[2] or 31):
        year -= 1  # "20 December – 5 January 1855"
    start = _first_day(year, month, left[2])
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


def starts_on_a_day(span: DateSpan) -> bool:
    """Whether the written span names the day it starts on ("1854–1856" does not)."""
    end = _parse_end(_SPAN_SEPARATOR.split(span.expression, maxsplit=1)[0])
    return bool(end and end[2])


# --- date expressions in prose -----------------------------------------------------------
#
# Finding is kept apart from placing: `find_dates` says what a sentence writes ("4 October",
# "three days later"); the timeline decides which year or anchor completes it (DESIGN §4).
# Month names are matched case-sensitively, so "may" the verb is never a month.


@dataclass(frozen=True)
class Mention:
    """A date expression found in a sentence, not yet placed on the calendar."""

    expression: str
    span: tuple[int, int]  # character offsets in the sentence
    kind: str  # the DateSpan kind it will have
    precision: str
    first: tuple  # (year, month, day) of its first day, None where the text does not say
    last: tuple  # the same for its last day
    unit: str | None = None  # "day" or "year" when counted from an anchor
    shift: int = 0  # relative: units after the anchor; ordinal-day: days after the first
    days: int = 1  # days covered by a relative or ordinal-day span
    problem: str | None = None  # why it can never be placed
    battle: str | None = None  # ordinal-day of a battle ("of the siege"): the noun, lowercase
    event: str | None = None  # counted from an event ("the day before the vote"): its noun

    @property
    def has_month(self) -> bool:
        """Whether it names a month or a day: only such dates carry the narrative."""
        return self.unit == "day" or self.last[1] is not None

    @property
    def to_the_day(self) -> bool:
        """Whether its ends are single days, so that "the next day" can count from it."""
        if self.unit == "day":
            return True
        return self.precision in ("day", "range") and None not in (self.first[2], self.last[2])


def place(
    mention: Mention, year: int | None = None, clamp: bool = False
) -> tuple[date, date] | None:
    """First and last day of a calendar mention, `year` standing in for a year it lacks.

    A left end without a year takes the right end's, or the year before when it would
    otherwise come after the right end ("20 December to 5 January 1855"). `clamp` moves a
    day past the end of its month back to the month's last day (to compare candidate years).
    """
    (y1, m1, d1), (y2, m2, d2) = mention.first, mention.last
    y2 = y2 or year
    if y2 is None:
        return None
    m1 = m1 or (m2 if d1 else None)
    if y1 is None:
        y1 = y2 - 1 if (m1 or 1, d1 or 1) > (m2 or 12, d2 or 31) else y2
    start = _day(y1, m1 or 1, d1 or 1, clamp)
    end = _day(y2, m2 or 12, d2 or 31, True) if d2 is None else _day(y2, m2 or 12, d2, clamp)
    return (start, end) if start and end and start <= end else None


def _day(year: int, month: int, day: int, clamp: bool) -> date | None:
    if clamp and 1 <= year <= 9999:
        day = min(day, last_day(year, month))
    return safe_date(year, month, day)


def find_dates(text: str) -> tuple[Mention, ...]:
    """Every date expression in a sentence, in order; of two that overlap the longer wins."""
    clues = _clues(text)
    found = [
        mention
        for clue, pattern, build in _finders()
        if clue in clues
        for match in pattern.finditer(text)
        if not _glued(text, match.start()) and (mention := build(match, text)) is not None
    ]
    chosen: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.span[0], -m.span[1])):
        if not chosen or mention.span[0] >= chosen[-1].span[1]:
            chosen.append(mention)
    return tuple(m for m, after in zip(chosen, chosen[1:] + [None]) if not _told(m, after, text))


def _told(mention: Mention, after: Mention | None, text: str) -> bool:
    """A count of days the date right after it tells ("twenty days later on September 28"):
    the date counts, not the count, which may be off by a day."""
    if mention.kind != "relative" or mention.unit != "day" or after is None:
        return False
    between = text[mention.span[1] : after.span[0]].strip(" ,").lower()
    return between in ("on", "in", "by", "") and after.unit is None and after.has_month


def _glued(text: str, start: int) -> bool:
    """A number that continues another: the "5" of "1.5", the "00" of "4:00"."""
    before = text[start - 1] if start else " "
    return text[start].isdigit() and (before.isdigit() or before in ".,:/")


COMMEMORATIVE = "a day used as a name or a yearly commemoration, not the date of an event"
DECADE = "a decade is too vague to place on the calendar"
# DESIGN §4: only month names and the years next to them start a date. A bare year still
# counts as "the last year mentioned" for "in August of the same year".
BARE_YEAR = "a year without a month dates no event"
WHICH_WINTER = "the text does not say which winter (as in 'the winter of 1854–55')"

# Every pattern starts with the date itself (a digit or a month's capital), so that `re` can
# skip to the places where one may start; the words before it are looked up afterwards.
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?"
    r"|Dec\.?)(?![a-z])"
)
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9:])"  # 1 to 31: checked where it is read
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|,[0-9]|s\b)"
_ONE_END = rf"(?:(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY}|{_MONTH}|{_DAY})(?:,?\s+{_YEAR})?|{_YEAR})"
# The left end of a range as three patterns, each starting with its first word and without
# alternatives around it, which `re` scans several times faster than one pattern.
_LEFT_ENDS = (
    rf"{_DAY}(?:\s+{_MONTH})?(?:,?\s+{_YEAR})?",
    rf"{_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEAR})?",
    _YEAR,
)
_WAR = r"(?i:war|conflict|hostilities|fighting|clashes)"
# "The fifth day of the battle" counts from the conflict's first day only when the article's
# conflict is a battle ("Battle of Varnek"); the timeline decides (timeline.py).
_BATTLE = r"(?i:battle|siege|offensive|campaign|operation)"
_NUMBER = r"(?:[0-9]{1,2}|[A-Za-z]+)"
_UNKNOWN = (None, None, None)
# Words before a date that change what it says, kept in its expression ("as of 9 November").
_QUALIFIERS = {
    "as of", "by", "until", "till", "since", "starting from", "from", "through", "throughout"
}
# A bare month or year is a date only after a qualifier or one of these ("in 1993").
_PREPOSITIONS = {"in", "during"}
_APPROXIMATELY = {"about", "around", "approximately", "some", "nearly", "almost", "roughly"}
_VAGUE_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_CARDINALS = {"a": 1, "an": 1} | {
    word: number
    for number, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_CARDINALS |= _TENS
MAX_COUNT_DIGITS = 9  # a longer number is no count of days
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth"
_ORDINALS = {
    word: number
    for number, word in enumerate(_UNITS + (_TEENS + " eighteenth nineteenth").split(), 1)
}
for _tens, _value in _TENS.items():
    _ORDINALS[_tens[:-1] + "ieth"] = _value  # twentieth
    _ORDINALS.update({f"{_tens}-{unit}": _value + n for n, unit in enumerate(_UNITS, 1)})

# A year that begins a name is not a date: "in 2016 Nagorno-Karabakh clashes".
_NAME_AFTER = (
    r"\s+(?:[A-Z][\w.–-]*\s+)*(?i:wars?|conflicts?|clashes|crisis|elections?|unrest|protests"
    r"|offensive|escalation|skirmishes|agreement|protocol|ceasefire|census|revolution"
    r"|olympics|games|summit)\b"
)
# A yearless day used as a name or a yearly day: "named 8 November", "declare 22 November as
# the Day of Remembrance", "27 September and 10 November were declared Memorial Day".
_NAMING_BEFORE = r"(?i)\b(?:named|renamed|declared?|changed\s+to|moved\s+to)\s+$"
_NAMING_AFTER = (
    rf"(?:\s+and\s+{_DAY}\s+{_MONTH})?\s+(?:as\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,3}}?[Dd]ay\b"
    r"|(?:is|are|was|were)\s+(?:declared|celebrated|commemorated|observed|marked))"
)


@cache
def _regex(pattern: str) -> re.Pattern:
    """Compiled on first use, not at import: every command imports this module (for
    parse_span), and the prose patterns take longer to compile than a command to start."""
    return re.compile(pattern)


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word just before `start`, lowercase ("as of" counts as one), and where it begins;
    ("", start) when none is there. A plain scan: it runs for every date found."""
    end = start
    while end and text[end - 1] in " -":
        end -= 1
    begin = end
    while begin and text[begin - 1].isalnum():
        begin -= 1
    if begin == end or end == start:
        return "", start
    word = text[begin:end].lower()
    for first, second in (("as", "of"), ("starting", "from")):
        head = begin - len(first) - 1
        if word == second and head >= 0 and text[head:begin].lower() == first + " ":
            return f"{first} {second}", head
    return word, begin


def _qualified(match, words=_QUALIFIERS) -> int:
    """Where the expression starts: at one of `words` just before the match, if there is one."""
    word, start = _word_before(match.string, match.start())
    return start if word in words else match.start()


def _mention(match, kind, precision, first, last=None, start=None, **more) -> Mention:
    start = match.start() if start is None else start
    expression = match.string[start : match.end()]
    return Mention(expression, (start, match.end()), kind, precision, first, last or first, **more)


def _int(text: str | None) -> int | None:
    """The number of "27", "27th" or "1854"; None for no text."""
    return int(text.rstrip("stndrh")) if text else None


def _is_day(number: int | None) -> bool:
    return number is None or 1 <= number <= 31


def _count(word: str) -> int | None:
    """ "3", "three", "twenty-one"; None for anything else, a digit that is not ASCII ("³")
    among them, or a number too long to count days with."""
    word = word.lower()
    if word.isascii() and word.isdigit():
        return int(word) if len(word) <= MAX_COUNT_DIGITS else None
    return _CARDINALS.get(word)


def _day_list(match, text):
    """ "27 and 28 October 2020", "Between 4 and 17 October", "the 1, 2, and 3 October",
    "March 13 and 14, 1954"."""
    days = [int(day) for day in re.findall(r"[0-9]+", match["days"])]
    if days != sorted(set(days)) or not all(map(_is_day, days)):
        return None
    year, month = _int(match["y"]), month_number(match["m"])
    first, last = (None, None, days[0]), (year, month, days[-1])
    return _mention(match, "range", "range", first, last, start=_qualified(match, {"between"}))


def _range(match, text):
    """ "9–15 October 2020", "from 29 July to 10 August 2020", "between 1988 and 1990"."""
    left, right = _parse_end(match["a"]), _range_end(match["b"], match["a"])
    if left is None or right is None or right[:2] == (None, None):
        return None
    if not (_is_day(left[2]) and _is_day(right[2])):
        return None
    if left[1] and right[2] and not right[1]:
        right = (right[0], left[1], right[2])  # "September 9–28, 2013"
    if left[2] and not left[1] and not (right[1] and right[2]):
        return None  # "4–5" without a month after them is no date
    word, start = _word_before(text, match.start())
    opened = word in ("from", "between")
    separator = match["sep"].strip()
    months_alone = left[1] and right[1] and not (left[2] or right[2])
    if separator == "and" and word != "between" and not months_alone:
        return None  # "April and May 1954" is both months; "4 and 9 May", two days
    if months_alone and right[0] is None and word not in _QUALIFIERS | _PREPOSITIONS:
        return None  # months alone, as a month alone, only after a preposition
    if separator == "/" and not (left[2] and right[2] and right[2] == left[2] + 1):
        return None  # only "the night of 21/22 May": two days running
    if separator in ("to", "until", "till", "through") and not opened:
        return None  # "moved 5 May to 10 June" is not a range
    problem = None
    if not (left[1] or right[1]):  # years alone
        if not opened and word not in _PREPOSITIONS:
            return None  # "First Nagorno-Karabakh War (1988–1994)": the span of a name
        problem = BARE_YEAR
    start = start if opened else match.start()
    return _mention(match, "range", "range", left, right, start=start, problem=problem)


def _range_end(text: str, left_text: str):
    """The right end of a range, where "55" after "1854" means 1855."""
    if not re.fullmatch(r"[0-9]{2}", text):
        return _parse_end(text)
    left = _parse_end(left_text)
    if not left or left[1] or not left[0] or int(text) <= left[0] % 100:
        return None
    return (left[0] // 100 * 100 + int(text), None, None)


def _single_day(match, text):
    day, year, month = _int(match["d"]), _int(match["y"]), month_number(match["m"])
    if not _is_day(day):
        return None
    start = _qualified(match)
    if year is None and (
        _regex(_NAMING_BEFORE).search(text, max(0, start - 20), start)
        or _regex(_NAMING_AFTER).match(text, match.end())
    ):
        return _mention(match, "yearless", "day", (None, month, day), problem=COMMEMORATIVE)
    kind = "explicit" if year else "yearless"
    return _mention(match, kind, "day", (year, month, day), start=start)


def _month_first(match, text):
    """Dates written from their month: "September 27, 2020", "November 2020", and with the
    word before it "in September", "since October 2020", "early September", "mid-November"."""
    if match["d"]:
        return _single_day(match, text)
    word, start = _word_before(text, match.start())
    if word.isdigit():
        return None  # "27 September 2020": the day-first finder reads it whole
    year, month = _int(match["y"]), month_number(match["m"])
    if word in _VAGUE_DAYS:
        first_day, last_day_ = _VAGUE_DAYS[word]
        first, last = (year, month, first_day), (year, month, last_day_)
        return _mention(match, "vague", f"{word}-month", first, last, start=start)
    in_full = match["m"] == calendar.month_name[month]
    if year is None and not (in_full and word in _QUALIFIERS | _PREPOSITIONS):
        return None  # a month alone only after a preposition, and written in full
    start = start if word in _QUALIFIERS else match.start()
    return _mention(match, "month", "month", (year, month, None), start=start)


def _year(match, text):
    """ "in 1993", "since 1994", "In early 1992": found for "the same year", placed never."""
    word, start = _word_before(text, match.start())
    kind = "explicit"
    if word in _VAGUE_DAYS:
        kind, (word, before) = "vague", _word_before(text, start)
        start = before if word in _QUALIFIERS else start
    elif word not in _QUALIFIERS:
        start = match.start()
    if word not in _QUALIFIERS | _PREPOSITIONS or _regex(_NAME_AFTER).match(text, match.end()):
        return None
    first = (int(match["y"]), None, None)
    return _mention(match, kind, "year", first, start=start, problem=BARE_YEAR)


def _season(match, text):
    """ "the winter of 1854–55", "summer 1855"."""
    word, start = _word_before(text, match.start())
    start = start if word == "the" else match.start()
    season, year = match["s"].lower(), int(match["y"])
    following = _range_end(match["y2"], match["y"]) if match["y2"] else None
    if season == "winter":
        if following is None or following[0] != year + 1:
            first, last, problem = (year, None, None), None, WHICH_WINTER
        else:
            first, last, problem = (year, 12, 1), (year + 1, 2, None), None
        return _mention(match, "vague", "season", first, last, start=start, problem=problem)
    if match["y2"]:
        return None
    first_month, last_month = _SEASONS[season]
    first, last = (year, first_month, 1), (year, last_month, None)
    return _mention(match, "vague", "season", first, last, start=start)


def _decade(match, text):
    """ "the late 1980s"."""
    word, start = _word_before(text, match.start())
    if word in _VAGUE_DAYS:
        word, before = _word_before(text, start)
        start = before if word == "the" else start
    elif word != "the":
        start = match.start()
    return _mention(match, "vague", "year", _UNKNOWN, start=start, problem=DECADE)


def _same_year(match, text):
    """ "the same year", "August of the same year", "the following year"."""
    word = match["w"].lower().split()[-1]
    month = month_number(match["m"]) if match["m"] else None
    if word == "that" and month is None:
        return None
    shift = {"following": 1, "previous": -1, "preceding": -1}.get(word, 0)
    precision = "month" if month else "year"
    return _mention(match, "relative", precision, (None, month, None), unit="year", shift=shift)


def _relative(match, shift: int, days: int = 1, start: int | None = None, **more) -> Mention:
    precision = "range" if days > 1 else "day"
    return _mention(
        match, "relative", precision, _UNKNOWN, start=start, unit="day", shift=shift, days=days,
        **more,
    )


def _later(match, text):
    """ "three days later", "About a week later", "two days earlier"."""
    number, start = _word_before(text, match.start())
    count = _count(number)
    if not count:
        return None
    word, before = _word_before(text, start)
    days = count * (7 if match["u"].lower().startswith("week") else 1)
    shift = days if match["dir"] == "later" else -days
    return _relative(match, shift, start=before if word in _APPROXIMATELY else start)


def _after_days(match, text):
    """ "After three days, the fort fell": counted from the statement before. Only opening a
    sentence: later in one ("signed on 10 May after 44 days of war") it tells a duration."""
    count = _count(match["n"])
    if not count or text[: match.start()].strip(" \"'“‘("):
        return None
    days = count * (7 if match["u"].lower().startswith("week") else 1)
    return _relative(match, days)


EVENT_ANCHOR = "it counts from an event the text names, and no statement before it dates that event"


def _around_event(match, text):
    """ "the day before the kidnapping", "the day after the vote": counted from the statement
    before only when that statement tells of the event (timeline.py)."""
    shift = -1 if match["dir"].lower() == "before" else 1
    return _relative(match, shift, event=match["event"].lower())


def _next_days(match, text):
    """ "the next three days": the days after the anchor."""
    count = _count(match["n"])
    return _relative(match, 1, count) if count and count > 1 else None


def _war_day(match, text):
    """ "the 6th day of the war", "the fourth day", "the morning of the seventh day"."""
    noun = match["noun"]
    battle = noun.lower() if noun and re.fullmatch(_BATTLE, noun) else None
    if noun and not battle and not re.fullmatch(_WAR, noun):
        return None  # "the fourth day of the summit"
    word = match["o"].lower()
    number = int(word[:-2]) if word[:-2].isascii() and word[:-2].isdigit() else _ORDINALS.get(word)
    if not number:
        return None
    return _mention(match, "ordinal-day", "day", _UNKNOWN, unit="day", shift=number - 1, battle=battle)


def _first_war_days(match, text):
    """ "the first three days of the conflict"."""
    count = _count(match["n"])
    if not count or count < 2:
        return None
    return _mention(match, "ordinal-day", "range", _UNKNOWN, unit="day", days=count)


_MONTH_CLUE = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")
_YEAR_CLUE = re.compile(r"[12][0-9][0-9][0-9]")
_HYPHEN_CLUE = re.compile(r"-\s*[0-9]")
_MONTHS_AND_CLUE = re.compile(rf"{_FULL_MONTH}\s+and\s+{_FULL_MONTH}")


def _clues(text: str) -> set[str]:
    """Which finders can match at all, by cheap tests: most sentences hold no date, and
    running every finder over every sentence would cost more than all the rest."""
    clues = set()
    lowered = text.lower()
    if _MONTH_CLUE.search(text):
        clues.add("month")
    if _YEAR_CLUE.search(text):
        clues.add("year")
        if any(season in lowered for season in _SEASONS) or "winter" in lowered:
            clues.add("season")
    if clues and ("–" in text or "—" in text or "from" in lowered or "between" in lowered
                  or "/" in text or _HYPHEN_CLUE.search(text) or _MONTHS_AND_CLUE.search(text)):
        clues.add("range")
    if "day" in lowered or "morning" in lowered or "evening" in lowered or "night" in lowered:
        clues.add("day")
    if "year" in lowered:
        clues.add("year word")
    if "later" in lowered or "earlier" in lowered or "after" in lowered:
        clues.add("later")
    return clues


# (clue, pattern, builder): a finder runs on a sentence only when `_clues` finds its clue.
_FINDERS = [
    (
        "month",
        (
            rf"(?P<days>{_DAY}(?:,\s*{_DAY}){{0,30}},?\s+and\s+{_DAY})"
            rf"\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"
        ),
        _day_list,
    ),
    (
        "month",
        (  # "March 13 and 14, 1954": written from its month, with a year or a stop after it
            rf"(?P<m>{_MONTH})\s+(?P<days>{_DAY}(?:,\s*{_DAY}){{0,30}},?\s+and\s+{_DAY})"
            rf"(?:,?\s+(?P<y>{_YEAR})|(?=[,.;]))"
        ),
        _day_list,
    ),
    *(
        (
            "range",
            (
                rf"(?P<a>{left})(?P<sep>\s*[–—-]\s*|/|\s+(?:to|until|till|through|and)\s+)"
                rf"(?P<b>{_ONE_END}|[0-9]{{2}}(?![0-9]))"
            ),
            _range,
        )
        for left in _LEFT_ENDS
    ),
    (
        "month",
        rf"(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?",
        _single_day,
    ),
    (
        "month",
        rf"(?P<m>{_MONTH})(?:\s+(?P<d>{_DAY}))?(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?",
        _month_first,
    ),
    ("year", rf"(?P<y>{_YEAR})(?!\s*[–—-]\s*[0-9])", _year),
    (
        "season",
        (
            rf"(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?\s+(?P<y>{_YEAR})"
            r"(?:\s*[–/-]\s*(?P<y2>[0-9]{2}(?:[0-9]{2})?))?(?![0-9])"
        ),
        _season,
    ),
    ("year", r"(?:1[0-9]|20)[0-9]0s\b", _decade),
    (
        "year word",
        (
            rf"(?:(?P<m>{_FULL_MONTH})\s+of\s+)?(?P<w>(?i:the\s+same|that\s+same|that"
            r"|the\s+following|the\s+previous|the\s+preceding))\s+(?i:year)\b"
        ),
        _same_year,
    ),
    (
        "later",
        r"(?P<u>[Dd]ays?|[Ww]eeks?)\s+(?P<dir>later|earlier)",
        _later,
    ),
    (
        "day",
        r"(?i:(?:the|that)\s+same\s+day)",
        lambda match, text: _relative(match, 0),
    ),
    (
        "later",
        rf"(?i:after\s+(?P<n>{_NUMBER})\s+(?P<u>days?|weeks?))\b",
        _after_days,
    ),
    (
        "day",
        r"(?i:the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night))",
        lambda match, text: _relative(match, 1),
    ),
    (
        "day",
        rf"(?i:the\s+day\s+(?P<dir>before|after)\s+the\s+)(?!{_WAR})(?P<event>[a-z]{{4,}})\b",
        _around_event,
    ),
    (
        "day",
        r"(?i:the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?=\s*[,.;)]|$))",
        lambda match, text: _relative(match, -1),
    ),
    (
        "day",
        rf"(?i:the\s+(?:next|following)\s+(?P<n>{_NUMBER})\s+days)",
        _next_days,
    ),
    (
        "day",
        (
            r"(?i:(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?the\s+"
            r"(?P<o>[0-9]{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+day"
            r"(?:\s+of\s+(?:the\s+)?(?P<noun>\w+))?)"
        ),
        _war_day,
    ),
    (
        "day",
        rf"(?i:the\s+first\s+(?P<n>{_NUMBER})\s+days\s+of\s+(?:the\s+)?){_WAR}",
        _first_war_days,
    ),
    (
        "day",
        rf"(?i:the\s+day\s+before\s+the\s+){_WAR}",
        lambda match, text: _mention(match, "ordinal-day", "day", _UNKNOWN, unit="day", shift=-1),
    ),
]


@cache
def _finders() -> tuple:
    return tuple((clue, _regex(pattern), build) for clue, pattern, build in _FINDERS)
