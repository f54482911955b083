"""Who claims it: the sources a sentence names and the side a claimant speaks for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..figures import LazyRegex
from ..nations import SideMap
from .vocabulary import (
    ACCORDING_TO,
    ACTIVE_SOURCE,
    CLAUSE_BREAK,
    CLAUSE_SUBJECT,
    FINE_CLAUSE_BREAK,
    INTRO,
    NOT_A_SUBJECT,
    OFFICIAL,
    PARTICIPLE_SOURCE,
    PASSIVE_SOURCE,
    REPORTING_WORDS,
    WITH_SOURCE,
)


@dataclass(frozen=True)
class Source:
    position: int
    claimant: str


def sources(text: str) -> list[Source]:
    """Who states what in a sentence, by the position of their reporting verb."""
    words = _words(text)
    if not REPORTING_WORDS & words:
        return []
    found = []
    according = [m for m in ACCORDING_TO.finditer(text)]
    found += [Source(m.start(), _clean_claimant(m.group("who"))) for m in according]
    passive = PASSIVE_SOURCE.finditer(text) if "by" in words else ()  # a slow pattern, told early
    for match in passive:
        if not any(a.start() <= match.start() < a.end() for a in according):
            found.append(Source(match.start(), _clean_claimant(match.group("who"))))
    for start, clause in _clauses(text, FINE_CLAUSE_BREAK):
        stripped = clause
        while INTRO.match(stripped):
            stripped = stripped[INTRO.match(stripped).end() :]
        match = ACTIVE_SOURCE.match(stripped)
        if match and match.group("verb").islower() and _is_subject(match.group("who"), match.group("verb")):
            position = start + len(clause) - len(stripped) + match.start("verb")
            found.append(Source(position, _clean_claimant(match.group("who"))))
    found += [Source(m.start(), _clean_claimant(m.group("who"))) for m in WITH_SOURCE.finditer(text)]
    found += _participle_sources(text)
    return sorted(found, key=lambda source: source.position)


def _participle_sources(text: str) -> list[Source]:
    """ "El Dorado cut ties with Ruritania, stating that 300 El Doradans had fled": the one who
    states is the subject of the clause before: the last name that a verb follows."""
    found = []
    for participle in PARTICIPLE_SOURCE.finditer(text):
        subjects = list(CLAUSE_SUBJECT.finditer(text, 0, participle.start()))
        if subjects and not NOT_A_SUBJECT.match(subjects[-1].group("who")):
            found.append(Source(participle.start(), _clean_claimant(subjects[-1].group("who"))))
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _clauses(text: str, breaks: LazyRegex = CLAUSE_BREAK) -> list[tuple[int, str]]:
    found = list(breaks.finditer(text))
    starts = [0] + [m.end() for m in found]
    ends = [m.start() for m in found] + [len(text)]
    return [(start, text[start:end]) for start, end in zip(starts, ends)]


def _is_subject(words: str, verb: str) -> bool:
    if re.search(r"\d|\b(?:was|were|is|are|been|be|that|which|who)\b", words, re.I) and "revised" not in verb:
        return False
    if re.match(r"according\s+to\b|(?:an?|the)$", words.strip(), re.I):
        return False  # "According to the government and state media", "An estimated 1,000"
    return 0 < len(words.split()) <= 14


def _clean_claimant(words: str) -> str:
    words = re.sub(r"^(?:the|an?)\s+", "", words.strip().strip(",").strip(), flags=re.I)
    return words.strip()


def claimant_side(claimant: str, sides: SideMap) -> int | None:
    """The side a claimant speaks for: a party named alone ("Azerbaijan", "Armenia/Artsakh")
    or with an official word ("Armenian authorities", "President of Azerbaijan"). A group
    merely named after a country ("Syrian Observatory for Human Rights") is a third party."""
    mentions = sides.mentions(claimant)
    leftover = claimant
    for mention in mentions:
        leftover = leftover.replace(mention.text, " ")
    alone = not re.sub(r"\b(?:and|the|of|republic)\b|[/,&'’s]", " ", leftover, flags=re.I).strip()
    speaking = {
        mention.side
        for mention in mentions
        if alone
        or re.match(rf"(?:['’]s)?(?:\s+[\w-]+){{0,3}}?\s+(?:{OFFICIAL})\b", claimant[mention.end :], re.I)
        or re.search(rf"\b(?:{OFFICIAL})\s+of\s+(?:the\s+)?$", claimant[: mention.start], re.I)
    }
    return speaking.pop() if len(speaking) == 1 else None
