"""Casualty and equipment-loss claims: who says how many of whose people or machines were lost.

A claim is read around one figure (see figures.py): the noun phrase after it says who or what
was lost ("Armenian servicemen", "T-72 tanks"), a verb or noun next to it says what happened
to them ("were killed", "injuring", "deaths of", "destroyed"), the grammatical source of the
sentence says who claims it ("X stated that", "according to X", "reported by X"), and the
nationality of the victims (or, failing that, of the place, the attacker, or the claimant's
own side) says whose losses they are.

Unattributed figures (an infobox line with no `Per X:` header, a sentence with no source) get
the claimant "unattributed" and no claimant side.

The package's modules follow the work: `record` (the Claim and its fields' words),
`vocabulary` (word lists and patterns), `reading` (the findings of one text), `claimants` (who
claims it), `victims` (whose losses), `dating` (as of when), `text_claims` (the claims of one
text), `from_infobox` and `from_prose` (claims from each), `choosing` (headlines, filters),
`speakers` (the entity a claimant speaks for: `claimant_entity`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from ..document import Sentence
from ..infobox import Infobox
from ..nations import SideMap
from .choosing import headline, magnitude, mark_headlines, select
from .claimants import claimant_side
from .from_infobox import header_claimant, _infobox_claims, infobox_claims
from .from_prose import _prose_claims, prose_claims
from .reading import read_findings
from .record import CATEGORIES, EQUIPMENT, GROUPS, UNATTRIBUTED, Claim

__all__ = [
    "CATEGORIES",
    "EQUIPMENT",
    "GROUPS",
    "UNATTRIBUTED",
    "Claim",
    "all_claims",
    "claimant_side",
    "header_claimant",
    "headline",
    "infobox_claims",
    "magnitude",
    "prose_claims",
    "read_findings",
    "select",
]


def all_claims(
    infobox: Infobox | None,
    sentences: Iterable[Sentence],
    sides: SideMap,
    dates: Mapping[int, date] | None = None,
    conflict_start: date | None = None,
) -> tuple[Claim, ...]:
    """Casualty and equipment claims together: the infobox's, then the body's."""
    sentences = sentences if isinstance(sentences, Sequence) else tuple(sentences)
    claims = _infobox_claims(infobox, sides) + _prose_claims(sentences, sides, dates, conflict_start)
    claimed = {claim.sentence for claim in claims}
    anchors = {sentence.index: sentence.section_anchor for sentence in sentences if sentence.index in claimed}
    return mark_headlines([replace(c, section_anchor=anchors.get(c.sentence)) for c in claims])
