"""Claims from the prose, sentence by sentence: sources, pronouns, narrative dates, and
background sections skipped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from ..dates import MONTH_NAME
from ..document import Sentence
from ..figures import LazyRegex, day_dates, find_figures
from ..nations import SideMap
from .claimants import sources, _words
from .dating import as_of
from .reading import read_findings
from .record import UNATTRIBUTED, Claim
from .text_claims import _claims
from .victims import Context
from .vocabulary import ANAPHOR, DIGIT, INTRO, LOSS_STEMS, LOSS_WORDS, NUMBER_WORD_SET


def prose_claims(
    sentences: Iterable[Sentence],
    sides: SideMap,
    dates: Mapping[int, date] | None = None,
    conflict_start: date | None = None,
) -> tuple[Claim, ...]:
    """Casualty claims of the body, in document order.

    `dates` maps a sentence index to the date the narrative gives it (the timeline's reading
    of its first date expression): it gives the year of days written without one ("On 11
    January") and the date of a sentence dated only relatively ("A week later"). Without
    it, only days written with their year are resolved. Sections whose dates all come before
    `conflict_start` (background) are skipped.
    """
    return tuple(c for c in _prose_claims(sentences, sides, dates, conflict_start) if c.item is None)


def _prose_claims(sentences, sides, dates, conflict_start) -> list[Claim]:
    sentences = sentences if isinstance(sentences, Sequence) else list(sentences)
    skipped = _sections_before(sentences, conflict_start)
    sides = with_abbreviations(sides, sentences)
    claims: list[Claim] = []
    last = None
    for position, sentence in enumerate(sentences):
        previous, last = last, sentence
        if sentence.section in skipped or _opens_before(sentence.text, conflict_start):
            continue
        risen = _risen_claims(sentence, previous, claims[-2:])
        if risen or not _may_count_losses(sentence.text):
            claims += risen
            continue
        findings = read_findings(sentence.text, sides, prose=True)
        if not findings:
            continue
        found = sources(sentence.text)
        if any(ANAPHOR.match(source.claimant) for source in found):
            antecedent = _antecedent(sentences, position)
            found = [replace(source, claimant=_resolve(source.claimant, antecedent)) for source in found]
        claims += [claim for claim in _claims(
            sentence.text,
            findings,
            Context(sides, UNATTRIBUTED, None, sentence.section),
            source="body",
            found_sources=found,
            sentence=sentence.index,
            narrative=_narrative_date(sentences, position, dates or {}),
        ) if not _fighters_of_no_side(claim, sides)]
    return claims


OPENING_YEAR = LazyRegex(r"\b(1\d{3}|20\d{2})s?\b")


def _opens_before(text: str, conflict_start: date | None) -> bool:
    """ "In the 1990s war, 30,000 people died": a sentence opening with a time before the
    conflict tells of the past."""
    opening = INTRO.match(text) if conflict_start else None
    years = [int(year) for year in OPENING_YEAR.findall(opening.group())] if opening else []
    return bool(years) and max(years) < conflict_start.year


BOTH_SIDES = LazyRegex(r"\b(?:both\s+sides|each\s+side|either\s+side|combined|in\s+total)\b", re.I)


def _fighters_of_no_side(claim: Claim, sides: SideMap) -> bool:
    """Fighters of no side a war article counts are most often another conflict's ("airstrikes
    in a neighbouring country killed 78 militants"), unless the text counts both sides."""
    military = claim.group in ("military", "mercenary") and claim.item is None
    return bool(sides.parties) and claim.side is None and military and not BOTH_SIDES.search(claim.text)


ABBREVIATION = LazyRegex(
    r"(?P<full>[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w'’-]*)+)"
    r"\s+\((?P<short>[A-Z]{2,}(?:-[A-Z]+)?)\)"
)
LOWERCASE_LINKS = frozenset({"of", "and", "the", "for"})
CAPITALS = LazyRegex(r"\b[A-Z]{3,}\b")


def with_abbreviations(sides: SideMap, sentences: list[Sentence]) -> SideMap:
    """The side map, with the abbreviations a text defines for what names a side ("the
    Velmoran Defence Forces (VDF)") and the initials of parties of several words ("Free
    Karst Army": FKA). Names the map knows keep their side."""
    extra: dict[str, int | None] = {}
    initials = {
        "".join(w[0] for w in party.split() if w not in LOWERCASE_LINKS and w[0].isupper()): side
        for side, parties in sides.parties.items()
        for party in parties
    }
    initials = {short: side for short, side in initials.items() if len(short) >= 3}
    if initials:  # used as written in capitals: "ISIL", never "the" in any case
        written = {word for sentence in sentences for word in CAPITALS.findall(sentence.text)}
        extra.update({short.lower(): side for short, side in initials.items() if short in written})
    for sentence in sentences:
        for match in ABBREVIATION.finditer(sentence.text) if "(" in sentence.text else ():
            full = re.sub(r"^The\s+", "", match.group("full"))
            named, side = sides.side_in(full)
            if named and side is not None:
                extra[match.group("short").lower()] = side
    added = {name: side for name, side in extra.items() if name not in sides.names and side is not None}
    return replace(sides, names={**sides.names, **added}) if added else sides


def _narrative_date(sentences: list[Sentence], position: int, dates: Mapping[int, date]) -> date | None:
    """The date the narrative gives a sentence: its own, else the day its paragraph opens with
    ("On 10 February 2012, two bombs exploded ... It reported that 28 were killed") while no
    other date came between."""
    sentence = sentences[position]
    if sentence.index in dates:
        return dates[sentence.index]
    opening = position
    while opening and sentences[opening - 1].paragraph == sentence.paragraph:
        opening -= 1
    earlier = sentences[opening:position]
    if not earlier or not PARAGRAPH_DAY.match(earlier[0].text) or earlier[0].index not in dates:
        return None
    if any(s.index in dates or day_dates(s.text) for s in earlier[1:]) or YEAR.search(sentence.text):
        return None
    return dates[earlier[0].index] if BACK_REFERENCE.search(sentence.text) else None


# A sentence about the event told before it: "It reported ...", "the blasts killed ...".
BACK_REFERENCE = LazyRegex(
    r"^(?:It|They|He|She)\b|\b(?:it|they|he|she)\s+(?:said|reported|stated|claimed|added)\b"
    r"|\b[Tt]he\s+(?:blasts?|attacks?|bombings?|explosions?|strikes?|shelling|raids?|ambush|incident"
    r"|massacre|bombs?|missiles?|assault|report|study|list|statement|investigation)\b"
)
PARAGRAPH_DAY = LazyRegex(rf"On\s+(?:\d{{1,2}}\s+{MONTH_NAME}|{MONTH_NAME}\s+\d{{1,2}})\b,?(?:\s*\d{{4}})?,")
RISEN = LazyRegex(
    r"\b(?:this|that|it|the\s+(?:number|figure|total|toll|count))\s+(?:had\s+|has\s+)?"
    r"(?:risen|rose|grown|grew|increased|climbed|reached)(?:\s+to)?\s+$",
    re.I,
)


def _risen_claims(sentence: Sentence, before: Sentence | None, previous: list[Claim]) -> list[Claim]:
    """ "... a wave of 300,000 refugees. By January, this had risen to 400,000": the one claim
    of the sentence just before, in the same paragraph, counted again."""
    previous = [claim for claim in previous if before is not None and claim.sentence == before.index]
    if len(previous) != 1 or before.paragraph != sentence.paragraph:
        return []
    claims = []
    for figure in find_figures(sentence.text):
        if RISEN.search(sentence.text, max(0, figure.start - 60), figure.start):
            days = day_dates(sentence.text)
            when = as_of(days, (0, len(sentence.text)), figure.start, figure.start, None) if days else None
            claims.append(replace(
                previous[0], value=figure.value, upper=figure.upper, qualifier=figure.qualifier, as_of=when,
                section=sentence.section, text=sentence.text, sentence=sentence.index,
            ))
    return claims


def _may_count_losses(text: str) -> bool:
    """A cheap test before the patterns: a word of loss and a number."""
    lowered = text.lower()
    if not any(stem in lowered for stem in LOSS_STEMS):
        return False
    words = _words(text)
    return bool(LOSS_WORDS & words) and bool(NUMBER_WORD_SET & words or DIGIT.search(text))


def _antecedent(sentences: list[Sentence], position: int) -> str | None:
    """The last source named earlier in the paragraph: who "it" or "the report" is."""
    paragraph = sentences[position].paragraph
    for index in range(position - 1, -1, -1):
        earlier = sentences[index]
        if earlier.paragraph != paragraph:
            return None
        named = [source.claimant for source in sources(earlier.text) if not ANAPHOR.match(source.claimant)]
        if named:
            return named[-1]
    return None


def _resolve(claimant: str, antecedent: str | None) -> str:
    """The antecedent of "it" or "the report"; a bare pronoun with none is no one named."""
    if antecedent and ANAPHOR.match(claimant):
        return antecedent
    return UNATTRIBUTED if PRONOUN.fullmatch(claimant) else claimant


PRONOUN = LazyRegex(r"it|they|he|she|him|her|them|we", re.I)


YEAR = LazyRegex(r"\b(?:1\d{3}|20\d{2})\b")
# What makes a year the date of an event ("in 1994", "May 1992"), not a name ("the 2020 war").
EVENT_YEAR_BEFORE = LazyRegex(
    rf"(?:\b(?:in|since|until|by|from|of|early|late|mid-?)|{MONTH_NAME}(?:\s+\d{{1,2}},)?)\s+$"
)


def _sections_before(sentences: list[Sentence], conflict_start: date | None) -> set[str]:
    """Sections whose years all come before the conflict: background, not claims about it."""
    if conflict_start is None:
        return set()
    years: dict[str, set[int]] = {}
    for sentence in sentences:
        text = sentence.text
        found = {
            int(match.group())
            for match in YEAR.finditer(text)
            if EVENT_YEAR_BEFORE.search(text, max(0, match.start() - 20), match.start())
        }
        years.setdefault(sentence.section, set()).update(found)
    return {section for section, found in years.items() if found and max(found) < conflict_start.year}
