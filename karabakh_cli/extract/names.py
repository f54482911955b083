"""The names a war is known by, from its title and its Naming section."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Sentence

NAMING_SECTION = re.compile(r"^(naming|names?|etymology|terminology|name and etymology)$", re.I)
# "Second Karabakh War" (İkinci Qarabağ müharibəsi): a quoted name and its native spelling.
QUOTED_NAME = re.compile(r"[\"“]([^\"”]{2,80})[\"”](?:\s*\(([^()]{1,80})\))?")
IN_PLACE_PREFIX = re.compile(r"^In ([^,]{2,60}), ")
IN_PLACE_AFTER = re.compile(r"^\s+in (?:both )?([A-Z][\w'’-]*(?:(?:,| and) [A-Z][\w'’-]*)*)")
AUXILIARY = r"(?:has|have|had|was|were|is|are|been|later)\b"
SUBJECT = re.compile(
    rf"^(?:The )?((?:(?!{AUXILIARY})[\w'’-]+ ){{1,4}}?)(?:{AUXILIARY} )*"
    r"(?:referred|refers|called|calls|named|names|dubbed)\b"
)
PRONOUN_START = re.compile(r"^(?:It|They|He|She) ")


@dataclass(frozen=True)
class Name:
    name: str
    native: str | None
    used_by: str | None


def war_names(title: str, sentences: tuple[Sentence, ...]) -> tuple[Name, ...]:
    names = [Name(title, None, None)] if title else []
    subject = None
    for sentence in sentences:
        if not NAMING_SECTION.match(sentence.section.split(" > ")[-1]):
            continue
        speaker = _speaker(sentence.text, subject)
        subject = speaker if not IN_PLACE_PREFIX.match(sentence.text) else None
        for match in QUOTED_NAME.finditer(sentence.text):
            after = IN_PLACE_AFTER.match(sentence.text[match.end():])
            used_by = after.group(1) if after else speaker
            names.append(Name(match.group(1).strip(), _native(match.group(2)), used_by))
    return tuple(names)


def _speaker(text: str, previous_subject: str | None) -> str | None:
    place = IN_PLACE_PREFIX.match(text)
    if place:
        return place.group(1)
    if PRONOUN_START.match(text):
        return previous_subject
    subject = SUBJECT.match(text)
    if subject and subject.group(1).strip().lower() not in ("war", "conflict", "battle", "it"):
        return subject.group(1).strip()
    return None


def _native(text: str | None) -> str | None:
    """A parenthesis after a name is its native spelling when it is not plain English."""
    if not text or text.isascii():
        return None
    return text.strip()
