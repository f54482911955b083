"""The claims of one infobox line or sentence, from the findings read in it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..figures import LazyRegex, day_dates
from ..nations import SideMap, nation_of
from .claimants import Source, claimant_side, _clauses
from .dating import as_of, _clause_around
from .reading import Finding, _category_of, _normal, _status_of
from .record import EQUIPMENT, Claim
from .victims import Context, item_side, victim_group, victim_side
from .vocabulary import EACH_OWN, LOSER


def _claims(
    text: str,
    findings: list[Finding],
    context: Context,
    source: str,
    found_sources: list[Source] = (),
    sentence: int | None = None,
    narrative: date | None = None,
) -> list[Claim]:
    """The claims of one infobox line or sentence, from the findings read in it."""
    claims = []
    clauses = _clauses(text)
    days = day_dates(text)
    side_of_phrase: dict[str, int | None] = {}
    total_side = None  # the side of the last count that was no sub-count
    for finding in findings:
        figure = finding.figure
        here = _attributed(context, _source_for(found_sources, figure.start))
        clause = _clause_around(clauses, figure.start)
        before = text[clause[0] : figure.start]
        year = narrative.year if narrative else None
        when = as_of(days, clause, figure.start, findings[0].figure.start, year)
        common = dict(value=figure.value, upper=figure.upper, qualifier=figure.qualifier,
                      as_of=when if days else narrative, source=source, section=context.section,
                      text=text, sentence=sentence)
        if finding.kind == "item":
            claims += _item_claims(finding, here, before, common)
            continue
        side = side_of_phrase.get(finding.phrase) if finding.elliptic else None
        if side is None:
            side = victim_side(text, finding, here, text[clause[0] : clause[1]], before)
        if finding.subset and side is None and not context.sides.side_in(finding.phrase)[0]:
            side = total_side  # "97,368 Tazirans ..., including 12,500 civilians"
        elif not finding.subset:
            total_side = side
        side_of_phrase[finding.phrase] = side
        if EACH_OWN.search(here.claimant) or _local_official(here, text[finding.end :]):
            here = replace(here, claimant_side=side)
        category = _category_of(finding.word)
        claims.append(Claim(
            claimant=here.claimant, claimant_side=here.claimant_side,
            subject=finding.phrase or _party_names(context.sides, side),
            side=side, group=victim_group(finding.phrase, category, context.section), category=category,
            **common,
        ))
    return claims


def _attributed(context: Context, source: Source | None) -> Context:
    if source is None:
        return context
    side = claimant_side(source.claimant, context.sides)
    return replace(context, claimant=source.claimant, claimant_side=side)


LOCAL_OFFICE = LazyRegex(
    r"\b(?:head|governor|mayor|administrator|chief|akim|prefect)\s+of\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)",
    re.I,
)


def _local_official(context: Context, after: str) -> bool:
    """ "The head of the Ostrava District stated that 17 civilians were killed in Ostrava
    District": a place's own official counting its people speaks for their side."""
    office = LOCAL_OFFICE.search(context.claimant) if context.claimant_side is None else None
    if not office:
        return False
    place = re.escape(office.group("place").split()[0])
    kind = r"(?:(?:city|town|district|region|province)\s+of\s+)?"
    return bool(re.search(rf"\bin\s+(?:the\s+)?{kind}{place}\b", after[:150]))


def _source_for(found: list[Source], position: int) -> Source | None:
    before = [source for source in found if source.position < position]
    return before[-1] if before else (found[0] if found else None)


def _item_claims(finding: Finding, context: Context, before: str, common: dict) -> list[Claim]:
    side = item_side(finding, context, before)
    owner = _owner(finding.phrase, before, context.sides, side)
    item = " ".join(word for word in finding.phrase.split() if not nation_of(word))
    base = Claim(
        claimant=context.claimant, claimant_side=context.claimant_side, subject=owner, side=side,
        group="military", category=EQUIPMENT, item=item, status=_status_of(finding.word), **common,
    )
    claims = [base]
    for status, count in re.findall(r"([A-Za-z][A-Za-z ]*?):\s*(\d[\d,]*)", finding.breakdown or ""):
        value = int(count.replace(",", ""))
        claims.append(replace(base, value=value, upper=None, qualifier="exact", status=_normal(status)))
    return claims


def _owner(phrase: str, before: str, sides: SideMap, side: int | None) -> str:
    """Whose equipment, as written when the text names it, else the side's parties."""
    named = [m.text for m in sides.mentions(phrase)]
    if named:
        return named[0]
    loser = LOSER.search(before)
    if loser and sides.side_in(loser.group("who"))[0]:
        return loser.group("who")
    return _party_names(sides, side)


def _party_names(sides: SideMap, side: int | None) -> str:
    return "/".join(sides.parties.get(side, ())) if side is not None else ""
