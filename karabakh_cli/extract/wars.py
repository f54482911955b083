"""Wars side by side: one record per war (the `summary` of several documents) and the gap
between what each side claims about the same dead (`casualties --compare`).

A side's killed figure "as claimed by itself" is the headline (claims.headline: its infobox
figure, else its largest) among its own claims of its fighters killed; "as claimed by the
other side" is the same among the other side's claims of them. The other side exists in a war
of two infobox sides; with three or more, who "the other" is is unclear and its figure is null.
Fighters are the side's `military` row, or, where the article never says military or civilian
for this side's dead, its `other` row (an infobox line like "300 killed"): one row for both
claims, so that they count the same people. Civilians and mercenaries are rows of their own."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .claims import Claim, headline, magnitude
from .summary import Summary

FIGHTER_GROUPS = ("military", "other")  # in order of preference


@dataclass(frozen=True)
class Figure:
    """A headline claim's figure: `value` with its `qualifier` (exact, approx, more_than,
    at_least, at_most, range with `upper`), and who claims it."""

    value: int
    upper: int | None
    qualifier: str
    claimant: str


@dataclass(frozen=True)
class WarSide:
    side: int
    parties: tuple[str, ...]
    group: str | None  # the claims' group compared: military or other; None without claims
    killed_by_itself: Figure | None
    killed_by_other: Figure | None
    # killed_by_other over killed_by_itself: how many times its enemy's count of its dead
    # is its own; None when either is missing or its own is 0
    ratio: float | None


@dataclass(frozen=True)
class War:
    title: str
    start: date | None
    end: date | None
    ongoing: bool
    duration_days: int | None
    sides: tuple[WarSide, ...]
    claim_count: int  # casualty claims (the records of `casualties --json`)
    event_count: int  # dated statements (the records of `timeline --json`)
    largest_ratio: float | None  # the largest of its sides' ratios


@dataclass(frozen=True)
class ClaimGap:
    """One side of one war in `casualties --compare`: a row of the ranking."""

    title: str
    side: int
    parties: tuple[str, ...]
    group: str | None
    killed_by_itself: Figure | None
    killed_by_other: Figure | None
    ratio: float | None
    largest_ratio: float | None  # the war's: what the wars are ranked by


def war(summary: Summary, claims: Sequence[Claim], event_count: int) -> War:
    """The war's record from its summary, its casualty claims and its number of dated statements."""
    numbers = [s.side for s in summary.sides]
    sides = tuple(
        _war_side(s.side, s.parties, claims, _other(s.side, numbers)) for s in summary.sides
    )
    return War(
        title=summary.title,
        start=summary.start,
        end=summary.end,
        ongoing=summary.ongoing,
        duration_days=summary.duration_days,
        sides=sides,
        claim_count=len(claims),
        event_count=event_count,
        largest_ratio=_largest(side.ratio for side in sides),
    )


def claim_gaps(record: War) -> list[ClaimGap]:
    """The war's rows of the ranking, one per side."""
    return [
        ClaimGap(record.title, s.side, s.parties, s.group, s.killed_by_itself, s.killed_by_other, s.ratio, record.largest_ratio)
        for s in record.sides
    ]


def ranking(gap: ClaimGap) -> tuple:
    """The sort key that ranks many wars' rows: the war with the largest ratio first, wars
    without one last; a stable sort keeps a war's sides together and in order, and equal
    wars in the order given."""
    return (gap.largest_ratio is None, -(gap.largest_ratio or 0))


def _other(side: int, numbers: list[int]) -> int | None:
    if len(numbers) != 2:
        return None
    return numbers[1] if numbers[0] == side else numbers[0]


def _war_side(side: int, parties: tuple[str, ...], claims: Sequence[Claim], other: int | None) -> WarSide:
    killed = [c for c in claims if c.side == side and c.category == "killed" and c.item is None]
    claimants = {side} if other is None else {side, other}
    group = next((g for g in FIGHTER_GROUPS if any(c.group == g and c.claimant_side in claimants for c in killed)), None)
    own = _figure(headline(c for c in killed if c.group == group and c.claimant_side == side))
    theirs = None if other is None else _figure(headline(c for c in killed if c.group == group and c.claimant_side == other))
    ratio = None
    if own and theirs and magnitude(own) > 0:
        ratio = round(magnitude(theirs) / magnitude(own), 2)
    return WarSide(side, parties, group, own, theirs, ratio)


def _figure(claim: Claim | None) -> Figure | None:
    return Figure(claim.value, claim.upper, claim.qualifier, claim.claimant) if claim else None


def _largest(ratios: Iterable[float | None]) -> float | None:
    return max((r for r in ratios if r is not None), default=None)
