"""Numbers in text: "2,906", "~11,000", "60+", "more than 5,000", "31–94", "seven".

A figure is a count with a qualifier. Years, days of the month, times, ages, distances,
durations, percentages, money and model designations ("T-72", "9K33") are numbers too, but
never figures: the words right before and after each number tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH_NAME, month_number

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "range")


class LazyRegex:
    """A regular expression compiled on first use. The big patterns of figures and claims
    take tens of milliseconds to compile: a command that reads claims from the fact cache
    (and so imports these modules) should not pay for them."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self.compiled: re.Pattern | None = None

    def __getattr__(self, name: str):  # called only for what the instance lacks: match, search...
        if self.compiled is None:
            self.compiled = re.compile(self.pattern, self.flags)
        method = getattr(self.compiled, name)
        setattr(self, name, method)  # the next call finds it without coming here
        return method


@dataclass(frozen=True)
class Figure:
    value: int  # the low end of a range
    upper: int | None  # the high end of a range, else None
    qualifier: str  # one of QUALIFIERS
    start: int  # offsets of the figure, qualifier words included
    end: int
    text: str


@dataclass(frozen=True)
class DayDate:
    """A day written in text ("4 October", "27 and 28 October 2020"): its last day."""

    start: int
    end: int
    year: int | None
    month: int
    day: int


UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {word: n for n, word in enumerate(UNITS)} | {
    word: 10 * n for n, word in enumerate(TENS, start=2)
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _either_case(alternatives: str) -> str:
    """ "more\\s+than|over" -> "[Mm]ore\\s+than|[Oo]ver": only the first letter may be a capital,
    which keeps the patterns fast (re.I alternations are several times slower)."""
    return "|".join(
        f"[{alt[0].upper()}{alt[0]}]{alt[1:]}" if alt[:1].isalpha() else alt
        for alt in alternatives.split("|")
    )


_WORD = "(?:" + _either_case("|".join(sorted(WORD_VALUES, key=len, reverse=True))) + ")"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion)\b)?"
# One number: digits or words, with an optional scale ("2 billion", "five thousand").
_NUMBER = rf"(?:(?:{_DIGITS})|\b{_WORD}(?:-{_WORD})?\b|\b[Aa]\s+dozen\b){_SCALE}"
_RANGE_JOIN = r"\s*[–—-]\s*|\s+to\s+"

# The words right before a number that qualify it, lowercase.
QUALIFIER_WORDS = {
    **dict.fromkeys(
        ["more than", "over", "above", "in excess of", "upwards of", "greater than"], "more_than"
    ),
    **dict.fromkeys(
        ["at least", "no fewer than", "no less than", "not less than", "a minimum of"], "at_least"
    ),
    **dict.fromkeys(
        ["up to", "at most", "no more than", "fewer than", "less than", "under", "a maximum of"], "at_most"
    ),
    **dict.fromkeys(
        "about around approximately approx. some roughly nearly almost circa c. ca. estimated est. est".split()
        + ["close to", "an estimated"],
        "approx",
    ),
}
# Words right before a number that make it an age ("aged 16", "the age of 16") or a sum.
NOT_A_COUNT_WORDS = {"aged", "age", "usd", "azn", "us$", "$", "€", "£"}

# A figure at the start of a number: the number, a range, a trailing "+" or "or more".
FIGURE_AT = LazyRegex(
    rf"""(?P<value>{_NUMBER})(?:\+?(?:{_RANGE_JOIN})(?P<upper>{_NUMBER}))?
    (?:(?P<plus>\+)|(?P<or_more>\s+or\s+more\b))?""",
    re.X,
)
BETWEEN_AT = LazyRegex(rf"(?P<value>{_NUMBER})\s+and\s+(?P<upper>{_NUMBER})")
WORD_BEFORE = LazyRegex(r"[^\s(\[“\"']+")
# What a number starts with, looked for first: the scan skips other characters faster.
_INITIALS = "".join(sorted({word[0] for word in WORD_VALUES} | {"a"}))
NUMBER_START = LazyRegex(rf"(?=[\d{_INITIALS}{_INITIALS.upper()}])(?:\d+|\b{_WORD}\b|\b[Aa](?=\s+dozen\b))")

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_JOIN = r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*[–—-]\s*|\s+to\s+"
DAY_DATES = LazyRegex(
    rf"""\b(?:(?P<days>{_DAY}(?:(?:{_DAY_JOIN}){_DAY})*)\s+(?P<month>{MONTH_NAME})
         |(?P<month2>{MONTH_NAME})\s+(?P<day2>{_DAY}))
        (?:,?\s+(?P<year>\d{{4}}))?\b""",
    re.X,
)
_UNIT = (
    r"km|kilomet(?:re|er)s?|m|met(?:re|er)s?|mi|miles?|feet|ft|yards?"
    r"|hours?|minutes?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)"
)
# Words right after a number that make it something other than a count.
NOT_A_COUNT_AFTER = LazyRegex(
    rf"""(?:st|nd|rd|th)\b|[A-Za-z]                         # ordinal, designation: 9K33
    |[:.]\d{{2}}\b|\s*(?:[ap]|[AP])\.?[mM]\.?(?!\w)            # time: 16:30, 5 pm
    |[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b          # age: 13-year-old
    |[\s-]*(?:{_either_case(_UNIT)})(?![\w-])                  # distance, duration
    |\s*(?:%|per\s*cent\b|percent\b)                           # percentage
    |\s+(?:dollars|euros|manats?|rubles|roubles|drams|pounds)\b  # money
    |(?:(?:{_DAY_JOIN}){_DAY})*\s+{MONTH_NAME}\b               # day: 4 and 17 October""",
    re.X,
)
# A four-digit number from 1000 to 2099 written without a comma is a year, never a count.
YEAR = LazyRegex(r"(?:1\d{3}|20\d{2})s?")


def find_figures(text: str) -> list[Figure]:
    """Every count in the text, left to right, with its qualifier."""
    figures: list[Figure] = []
    for token in NUMBER_START.finditer(text):
        if figures and token.start() < figures[-1].end or _glued(text, token.start()):
            continue
        if _is_year(text, token) or NOT_A_COUNT_AFTER.match(text, token.end()):
            continue  # a year, a day, a time, a distance...: most numbers in prose, told early
        figure = _figure_at(text, token.start())
        if figure is not None and not _is_other_number(figure, text):
            figures.append(figure)
    return figures


def _is_year(text: str, token: re.Match) -> bool:
    """ "1994" is a year; "1000+" is a count: a year never takes a plus."""
    return bool(YEAR.fullmatch(token.group())) and not text.startswith("+", token.end())


def parse_figure(text: str) -> Figure | None:
    """The figure a whole text states ("~11,000", "60+", "31–94"), or None."""
    figures = find_figures(text)
    if len(figures) == 1 and not text[: figures[0].start].strip() and not text[figures[0].end :].strip():
        return figures[0]
    return None


def day_dates(text: str) -> list[DayDate]:
    """Days of the month written in the text; a list or range of days gives its last day."""
    found = []
    for match in DAY_DATES.finditer(text):
        month = month_number(match.group("month") or match.group("month2"))
        days = match.group("days") or match.group("day2")
        day = int(re.findall(r"\d+", days)[-1])
        if month and 1 <= day <= 31:
            year = int(match.group("year")) if match.group("year") else None
            found.append(DayDate(match.start(), match.end(), year, month, day))
    return found


def format_figure(value: int, upper: int | None, qualifier: str) -> str:
    """The short form used in tables: 2,906  ~11,000  >5,000  60+  ≤20  31–94."""
    if qualifier == "range" and upper is not None:
        return f"{value:,}–{upper:,}"
    prefix = {"approx": "~", "more_than": ">", "at_most": "≤"}.get(qualifier, "")
    suffix = "+" if qualifier == "at_least" else ""
    return f"{prefix}{value:,}{suffix}"


def _glued(text: str, start: int) -> bool:
    """A number glued to what comes before it: "BM-27", "9.5", "$2", "16:30"."""
    previous = text[start - 1] if start else " "
    return previous.isalnum() or previous in "._,:/$-"


def _figure_at(text: str, start: int) -> Figure | None:
    words = _words_before(text, start)
    qualifier, figure_start, words = _qualifier_before(text, start, words)
    match = (BETWEEN_AT if qualifier == "between" else FIGURE_AT).match(text, start)
    if match is None and qualifier == "between":  # "between 70,000–300,000"
        qualifier, match = "exact", FIGURE_AT.match(text, start)
    if match is None or _names_something_else(words):
        return None
    low, high = match.group("value"), match.group("upper")
    value = number_value(low)
    upper = number_value(high) if high else None
    if value is None or (high and (upper is None or upper <= value)):
        return None
    if upper is not None:
        qualifier = "range"
    elif match.groupdict().get("plus") or match.groupdict().get("or_more"):
        qualifier = "at_least"
    elif low.lower().startswith("a "):
        qualifier = "approx"
    return Figure(value, upper, qualifier, figure_start, match.end(), text[figure_start : match.end()])


def _words_before(text: str, start: int) -> list[tuple[int, str]]:
    """The last few words before `start` with their offsets, opening brackets and quotes off."""
    offset = max(0, start - 40)
    return [(m.start(), m.group()) for m in WORD_BEFORE.finditer(text, offset, start)][-4:]


def _qualifier_before(text: str, start: int, words: list) -> tuple[str, int, list]:
    """(qualifier, where the figure starts, the words before the qualifier) for a number:
    "more than 5,000", "~11,000", "between 5 and 10", or ("exact", start, words)."""
    before = text[:start].rstrip()
    if before.endswith(("~", "≈")):
        return "approx", len(before) - 1, words
    if before.endswith((">", "<")) and before == text[:start] and not before[-2:-1].isalnum():  # ">5,000"
        return ("more_than" if before.endswith(">") else "at_most"), start - 1, words
    if before.endswith("+") and not before[-2:-1].isalnum() and before == text[:start]:
        return "at_least", start - 1, words  # "+2,000": a leading plus, glued to the number
    if not text[start - 1 : start].isspace():
        return "exact", start, words
    for count in (3, 2, 1):
        phrase = " ".join(word for _, word in words[-count:]).lower()
        if len(words) >= count and (phrase in QUALIFIER_WORDS or phrase == "between"):
            return QUALIFIER_WORDS.get(phrase, phrase), words[-count][0], words[:-count]
    return "exact", start, words


def _names_something_else(words: list) -> bool:
    """ "aged 16", "the age of 16", "USD 5", "October 4": an age, money or a day."""
    last = [word.lower() for _, word in words[-2:]]
    if last and (last[-1] in NOT_A_COUNT_WORDS or last == ["age", "of"]):
        return True
    return bool(words) and words[-1][1][:1].isupper() and month_number(words[-1][1]) is not None


def _is_other_number(figure: Figure, text: str) -> bool:
    """A range of days, a distance or sum in words ("2 billion dollars"): what follows the
    whole number shows it."""
    number_end = figure.end - len(figure.text) + len(figure.text.rstrip("+"))
    return bool(NOT_A_COUNT_AFTER.match(text, number_end))


def number_value(text: str) -> int | None:
    """The value of one written number: "2,906", "seven", "twenty-five", "2 billion"."""
    words = text.lower().replace(",", "").split()
    scale = 1
    if len(words) > 1 and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    if words == ["a", "dozen"]:
        return 12 * scale
    if len(words) != 1:
        return None
    number = words[0]
    # ASCII digits only ("²" is a digit to \d), exact arithmetic (a float loses the units of
    # a figure above 2**53), and at most 30 digits: no count of anything is longer.
    if re.fullmatch(r"[0-9]{1,30}(?:\.[0-9]{1,30})?", number):
        if "." in number and scale == 1:
            return None
        from decimal import Decimal

        return int(Decimal(number) * scale)
    total = sum(WORD_VALUES.get(part, -(10**9)) for part in number.split("-"))
    return total * scale if total >= 0 else None
