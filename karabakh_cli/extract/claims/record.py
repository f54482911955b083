"""A claim: who says how many of whose people or machines were lost; the words its fields take."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


UNATTRIBUTED = "unattributed"
GROUPS = ("military", "mercenary", "civilian", "other")
CATEGORIES = ("killed", "wounded", "missing", "captured", "displaced")
EQUIPMENT = "equipment"  # the category of every equipment claim


@dataclass(frozen=True)
class Claim:
    claimant: str
    claimant_side: int | None
    subject: str
    side: int | None
    group: str
    category: str
    value: int
    upper: int | None
    qualifier: str
    as_of: date | None
    source: str  # infobox | body
    section: str | None
    text: str
    item: str | None = None
    status: str | None = None
    sentence: int | None = None
    headline: bool = False  # the figure the casualty matrix compares (see `headline`)
    section_anchor: str | None = None  # its sentence's section on the Wikipedia page
    # `as_of` is the last day of a span; how precise that span is (day, month, ...; see
    # timeline.py), or None where the date was borrowed from another sentence
    as_of_precision: str | None = None
    # the entity the claimant speaks for, as `entities` names it (see speakers.py), or None
    claimant_entity: str | None = None
