"""Whose losses: the side and group of the people a figure counts, and the side of lost equipment."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..figures import LazyRegex
from ..nations import SideMap, nation_of
from .reading import FORCE_MEMBERS, MIXED_VICTIMS, Finding
from .vocabulary import ACTOR, ATTACKER_AFTER_NAME, GROUP_NOUN, INTRO, LOSER, NOUN_GROUP, PLACE, REPORT_VERB


@dataclass(frozen=True)
class Context:
    """What a text says around its figures: claimant, sides, section, dates."""

    sides: SideMap
    claimant: str
    claimant_side: int | None
    section: str | None
    column_side: int | None = None  # an infobox casualties column of a combatant


def victim_side(text: str, finding: Finding, context: Context, clause: str, before: str) -> int | None:
    """Whose people: their nationality ("Armenian servicemen"), else "its soldiers" (the
    claimant's), else the infobox column, the place ("people in Azerbaijan"), the loser
    ("Armenia lost"), the attacker's enemy ("shelling by Armenian artillery"), the claimant's
    own side, and last the enemy of the party a section is named after ("Suspected war
    crimes > Armenian")."""
    sides = context.sides
    named, side = sides.side_in(finding.phrase)
    if named:
        return side
    if finding.possessive:
        return context.claimant_side
    mixed = MIXED_VICTIMS.match(text, finding.end) or MIXED_VICTIMS.search(finding.phrase)
    if mixed and context.column_side is None:
        return None  # "2,200 people, mostly civilians": the text does not say whose
    civilian = victim_group(finding.phrase, "", None) != "military"
    candidates = (
        context.column_side,
        _place_side(text[finding.end :], sides),
        _loser_in(before, sides),
        _attacked_side(clause, sides),
        _killer_enemy(clause, before, sides),
        sides.opponent(context.claimant_side) if CLAIMANT_KILLED.search(before) else None,
        _state_forces(finding.phrase, sides),
        context.claimant_side if not civilian or not _civil_war(sides) else None,
        _heading_enemy(context.section, sides),
    )
    return next((side for side in candidates if side is not None), None)


# "X claimed to have killed 500 soldiers", "X said it had killed 80": the claimant's enemy's.
CLAIMANT_KILLED = LazyRegex(
    rf"\b(?:{REPORT_VERB})\s+(?:that\s+)?(?:to\s+have|(?:it|they|we)\s+(?:had|has|have)"
    r"|its\s+(?:forces|troops|army|soldiers|units)\s+(?:had\s+|have\s+)?)"
    r"\s*(?:killed|captured|wounded|injured)\s+(?:(?:at\s+least|more\s+than|over|about|some)\s+)?$"
)
KILLING_PARTICIPLE = LazyRegex(r",\s+(?:killing|injuring|wounding|executing)\s+$")


def _killer_enemy(clause: str, before: str, sides: SideMap) -> int | None:
    """ "The Karst Front launched an offensive, killing 233 civilians": the killing is done by
    the clause's subject; the victims are its enemy's."""
    if not KILLING_PARTICIPLE.search(before):
        return None
    stripped = clause
    while INTRO.match(stripped):
        stripped = stripped[INTRO.match(stripped).end() :]
    mentions = sides.mentions(stripped)
    if mentions and re.fullmatch(r"\s*(?:the\s*)?", stripped[: mentions[0].start], re.I):
        return sides.opponent(mentions[0].side)
    return None


STATE_FORCES = LazyRegex(
    r"(?:(?:more|other|further)\s+)?(?:soldiers?|troops|servicemen|serviceman|policemen|policeman"
    r"|police\s+officers?|conscripts)",
    re.I,
)


def _state_forces(phrase: str, sides: SideMap) -> int | None:
    """ "20 soldiers, 5 policemen": in a war of one state against groups that are none, soldiers
    and police no one names are the state's."""
    if not STATE_FORCES.fullmatch(phrase):
        return None
    states = _state_sides(sides)
    return states.pop() if len(states) == 1 and len(sides.parties) == 2 else None


def _civil_war(sides: SideMap) -> bool:
    """Parties of two sides named after one country ("Free Taziran Army", "Taziran
    Government"): a civil war, where the civilians a claimant counts are no party's."""
    countries: dict[str, set[int]] = {}
    for name, side in sides.names.items():
        for word in name.split():
            nation = nation_of(word)
            if nation:
                countries.setdefault(nation.name, set()).add(side)
    return any(len(found) > 1 for found in countries.values())


def _state_sides(sides: SideMap) -> set[int]:
    return {side for name, side in sides.names.items() if nation_of(name)}


def _place_side(after: str, sides: SideMap) -> int | None:
    place = PLACE.match(after)
    return sides.side_of(place.group("place")) if place and nation_of(place.group("place")) else None


def _heading_enemy(section: str | None, sides: SideMap) -> int | None:
    heading = (section or "").split(" > ")[-1]
    return sides.opponent(sides.side_of(heading)) if nation_of(heading) else None


def item_side(finding: Finding, context: Context, before: str) -> int | None:
    named, side = context.sides.side_in(finding.phrase)
    if named:
        return side
    if context.column_side is not None:  # an infobox casualtiesN line: side N's equipment
        return context.column_side
    side = _loser_in(before, context.sides)
    if side is not None:
        return side
    actor = ACTOR.search(before)
    if actor and context.sides.side_in(actor.group("who"))[0]:
        return context.sides.opponent(context.sides.side_in(actor.group("who"))[1])
    return context.sides.opponent(context.claimant_side)


def _loser_in(text: str, sides: SideMap) -> int | None:
    """ "Armenia lost 255 tanks": the side named right before "lost"."""
    match = LOSER.search(text)
    return sides.side_in(match.group("who"))[1] if match else None


def _attacked_side(text: str, sides: SideMap) -> int | None:
    """ "shelling by Armenian artillery", "the Armenian forces struck": the attacker's enemy."""
    for mention in sides.mentions(text):
        if mention.side is not None and ATTACKER_AFTER_NAME.match(text, mention.end):
            return sides.opponent(mention.side)
    return None


ARMED_FORCE = LazyRegex(r"\b(?:[Ff]orces|[Aa]rmy|[Mm]ilitary|[Nn]avy|[Aa]ir\s+[Ff]orce|[Mm]ilitias?)\b")


def victim_group(phrase: str, category: str, section: str | None) -> str:
    """military | civilian | mercenary | other, from the victims' nouns, else from the
    category (the displaced are civilians) or the section ("Casualties > Military")."""
    if re.search(rf"\bmembers{FORCE_MEMBERS.pattern}", phrase):
        return "military"  # "members of the security forces"
    nouns = [noun.lower() for noun in GROUP_NOUN.findall(phrase)]
    groups = [NOUN_GROUP[noun] for noun in nouns]
    others = [NOUN_GROUP[noun] for noun in nouns if not noun.startswith("fighter")]
    if "mercenary" in groups and "military" not in others:
        return "mercenary"  # "Syrian fighters or mercenaries", not "soldiers and mercenaries"
    if groups and groups[0] != "other":
        return groups[0]
    if not groups and ARMED_FORCE.search(phrase):
        return "military"  # "the Velmoran Defence Forces' death toll"
    if category == "displaced":
        return "civilian"
    heading = (section or "").lower()
    return next((group for group in ("civilian", "military") if group in heading), "other")
