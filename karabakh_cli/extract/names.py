"""The names a war is known by: its title, the infobox's name for it, the names the lead's
first paragraph sets in bold, the quoted nicknames the article gives it, and its Naming
section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .document import LEAD_TITLE, Paragraph, Sentence, clean_markup

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
# Wikipedia sets the article's name and its other names in bold in the first sentence:
# "The **Orvo War**, also known as the **Salt War** or in Dorsa as the **July War**, was ...".
BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
# "... known in Dorsa as the ", "... and in Velmar as ": who uses the bold name after it.
USED_IN = re.compile(r"\bin ((?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}) as (?:the )?$")
MAX_NAME_WORDS = 10
# A sentence about the war itself that gives it a quoted name: 'The siege was referred to by
# some as the "Salt Verdun"', 'The war was dubbed "the Hundred Hours"'.
NICKNAME = re.compile(
    r"^(?:The (?:war|conflict|siege|battle|clashes|crisis|fighting|uprising|offensive|campaign"
    r"|invasion|insurgency|revolt|rebellion)|It)"
    r"(?: (?:was|were|is|are|has|have|had|been|also|often|sometimes|widely|later|popularly"
    r"|commonly))* (?:referred|called|dubbed|nicknamed|known|named|termed)\b"
    r"[^\"“.]{0,30}?[\"“]([^\"”]{2,60})[\"”]"
)


@dataclass(frozen=True)
class Name:
    name: str
    native: str | None
    used_by: str | None


def war_names(
    title: str,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...] = (),
    infobox_name: str = "",
) -> tuple[Name, ...]:
    """Every name, each once (case and dashes aside), the title first."""
    names = [Name(title, None, None)] if title else []
    if infobox_name:
        names.append(Name(infobox_name, None, None))
    names += _bold_names(paragraphs)
    names += _nicknames(sentences)
    names += _naming_section(sentences)
    return _distinct(names)


def _bold_names(paragraphs: tuple[Paragraph, ...]) -> list[Name]:
    """The bold names of the lead's first paragraph (the second when the first, a hatnote
    perhaps, has none)."""
    opening = list(islice((p.raw for p in paragraphs if p.section == LEAD_TITLE), 2))
    lead = next((raw for raw in opening if BOLD.search(raw)), "")
    names = []
    for match in BOLD.finditer(lead):
        name = clean_markup(match.group(1) or match.group(2)).strip(" ,;:")
        if not re.search(r"[^\W\d_]", name) or len(name.split()) > MAX_NAME_WORDS:
            continue
        # clean_markup drops the space the bold name follows; USED_IN ends with one
        before = clean_markup(lead[max(0, match.start() - 80) : match.start()]) + " "
        used_in = USED_IN.search(before)
        names.append(Name(name, None, used_in.group(1) if used_in else None))
    return names


def _nicknames(sentences: tuple[Sentence, ...]) -> list[Name]:
    return [
        Name(match.group(1).strip(), None, None)
        for sentence in sentences
        if (match := NICKNAME.match(sentence.text))
    ]


def _naming_section(sentences: tuple[Sentence, ...]) -> list[Name]:
    names = []
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
    return names


def _distinct(names: list[Name]) -> tuple[Name, ...]:
    """Each name once per user, the first seen; case, spaces and kinds of dash do not make
    another name, and a name known already says no more without a user."""
    kept: list[Name] = []
    for name in names:
        users = {old.used_by for old in kept if _folded(old.name) == _folded(name.name)}
        if not users or (name.used_by and name.used_by not in users):
            kept.append(name)
    return tuple(kept)


def _folded(name: str) -> str:
    return " ".join(re.sub(r"[‐-―−-]", "-", name).casefold().split())


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
