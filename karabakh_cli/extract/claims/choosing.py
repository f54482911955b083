"""Choosing claims: a side's headline figure of a loss, and the claims that match filters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .record import Claim


def headline(claims: Iterable[Claim]) -> Claim | None:
    """A side's headline claim among its claims of one loss (whose losses, group, category):
    its infobox claim (the article's summary) when it has one, else its largest (the prose
    also reports partial counts: "11 more were killed"); the first of equals."""
    claims = list(claims)
    chosen = [c for c in claims if c.source == "infobox"] or claims
    return max(chosen, key=magnitude, default=None)


def magnitude(figure) -> int:
    """What a claim's figure (or anything with `value` and `upper`) is compared by: a range
    by its upper bound."""
    return figure.upper or figure.value


def mark_headlines(claims: list[Claim]) -> tuple[Claim, ...]:
    """The claims with `headline` set on each claimant side's headline casualty claim of each
    loss. Equipment claims and claims by no side (third parties, unattributed) have none."""
    cells: dict[tuple, list[int]] = {}
    for index, claim in enumerate(claims):
        if claim.item is None and claim.claimant_side is not None:
            key = (claim.side, claim.group, claim.category, claim.claimant_side)
            cells.setdefault(key, []).append(index)
    heads = set()
    for indexes in cells.values():
        chosen = headline(claims[i] for i in indexes)
        heads.add(next(i for i in indexes if claims[i] is chosen))
    return tuple(replace(c, headline=True) if i in heads else c for i, c in enumerate(claims))


def select(
    claims: Iterable[Claim],
    side: int | None = None,
    category: str | None = None,
    claimant: str | tuple[str, ...] | None = None,
    source: str | None = None,
) -> tuple[Claim, ...]:
    """The claims that match every filter given: whose losses (`side`), `category`, `source`
    (infobox | body) and `claimant`: a side number ("1"), "third" for third parties and
    unattributed claims, or words of the claimant's name as written or of the entity it
    speaks for ("SOHR", "armenian"), or a tuple of such names any of which will do (a name
    and its aliases)."""
    claimants = (claimant,) if isinstance(claimant, str) else claimant
    return tuple(
        claim
        for claim in claims
        if (side is None or claim.side == side)
        and (category is None or claim.category == category)
        and (source is None or claim.source == source)
        and (claimants is None or any(_claimed_by(claim, name) for name in claimants))
    )


def _claimed_by(claim: Claim, claimant: str) -> bool:
    wanted = claimant.strip().lower()
    if wanted.isascii() and wanted.isdigit():
        return claim.claimant_side == int(wanted)
    if wanted == "third":
        return claim.claimant_side is None
    return wanted in claim.claimant.lower() or wanted in (claim.claimant_entity or "").lower()
