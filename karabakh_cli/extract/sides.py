"""The infobox's combatant columns: parties with their roles, commanders, units, strength."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .infobox import Field, Infobox

FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}")
BULLET = re.compile(r"^\s*[*\-•]\s*")
ALLEGED = re.compile(r"\s*\(((?:alleged|reportedly|claimed)[^)]*)\)\s*", re.I)
# A bold header line ("Supported by:") gives the role of the parties listed under it.
HEADER_ROLES = (
    ("arms", "arms supplier"),
    ("support", "supporter"),
    ("volunteer", "volunteers"),
    ("alleged", "alleged"),
)


@dataclass(frozen=True)
class Party:
    name: str
    role: str  # combatant | alleged | supporter | arms supplier | volunteers
    page: str | None
    note: str | None = None  # the infobox's own qualification: "alleged by Armenia"


@dataclass(frozen=True)
class Commander:
    name: str
    country: str | None
    page: str | None


@dataclass(frozen=True)
class Unit:
    name: str
    group: str | None


@dataclass(frozen=True)
class Strength:
    text: str
    value: int | None
    qualifier: str | None


@dataclass(frozen=True)
class Side:
    side: int
    parties: tuple[Party, ...]
    commanders: tuple[Commander, ...]
    units: tuple[Unit, ...]
    strength: tuple[Strength, ...]
    equipment: tuple[str, ...]


def sides(infobox: Infobox | None) -> tuple[Side, ...]:
    if infobox is None:
        return ()
    numbers = sorted(
        {n for prefix in ("combatant", "commander", "units", "strength") for n, _ in infobox.numbered(prefix)}
    )
    return tuple(_side(infobox, n) for n in numbers)


def _side(infobox: Infobox, number: int) -> Side:
    combatants = infobox.get(f"combatant{number}")
    party_lines = _party_lines(combatants) if combatants else []
    strength, equipment = _strength(infobox.get(f"strength{number}"))
    return Side(
        side=number,
        parties=tuple(party for party, _ in party_lines),
        commanders=_commanders(infobox.get(f"commander{number}"), party_lines),
        units=_units(infobox.get(f"units{number}")),
        strength=strength,
        equipment=equipment,
    )


def _party_lines(field: Field) -> list[tuple[Party, str | None]]:
    """Each party of a combatant column with the flag its line shows ("" when lost)."""
    parties: list[tuple[Party, str | None]] = []
    role = "combatant"
    for line in field.lines():
        name = clean_name(line)
        if not name:
            continue
        if line.strip().endswith(":"):
            role = _header_role(name)
            continue
        party_role = role
        alleged = ALLEGED.search(line)
        if alleged:
            party_role = "alleged"
        elif "volunteer" in name.lower():
            party_role = "volunteers"
        flag = _flag(line)
        if flag is None and line.startswith(" "):
            flag = ""
        note = alleged.group(1) if alleged else None
        parties.append((Party(name, party_role, field.page_for(name), note), flag))
    return parties


def _header_role(header: str) -> str:
    lowered = header.lower()
    return next((role for word, role in HEADER_ROLES if word in lowered), "combatant")


def _commanders(field: Field | None, party_lines) -> tuple[Commander, ...]:
    if field is None:
        return ()
    by_flag = {flag: party.name for party, flag in party_lines if flag is not None}
    lost_flag_party = by_flag.get("")
    commanders = []
    for line in field.lines():
        name = clean_name(line)
        if not name or line.strip().endswith(":"):
            continue
        flag = _flag(line)
        # No flag shown means the flag was lost: YAML drops the leading space of a block's
        # first line, so a flagless first name belongs there too.
        country = by_flag.get(flag) if flag else lost_flag_party
        if flag and country is None:
            country = country_of_flag(flag)
        commanders.append(Commander(name, country, field.page_for(name) or _linked_page(field, name)))
    return tuple(commanders)


def _linked_page(field: Field, name: str) -> str | None:
    return next((link.page for link in field.links if link.page == name), None)


def _units(field: Field | None) -> tuple[Unit, ...]:
    if field is None:
        return ()
    units = []
    group = None
    for line in field.lines():
        name = clean_name(line)
        if not name:
            continue
        if field.is_bold(line):
            group = name.rstrip(":")
            continue
        units.append(Unit(name, group))
    return tuple(units)


FIGURE = re.compile(r"^(?P<approx>[~≈]|about |some |over |more than |at least )?(?P<number>\d[\d,]*)(?P<plus>\+)?")


def _strength(field: Field | None) -> tuple[tuple[Strength, ...], tuple[str, ...]]:
    if field is None:
        return (), ()
    strength: list[Strength] = []
    equipment: list[str] = []
    in_equipment = False
    for line in field.lines():
        text = clean_name(line)
        if not text:
            continue
        if field.is_bold(line) and text.endswith(":"):
            in_equipment = "equipment" in text.lower()
            continue
        if in_equipment:
            equipment.append(text)
        else:
            strength.append(_strength_line(text))
    return tuple(strength), tuple(equipment)


def _strength_line(text: str) -> Strength:
    match = FIGURE.match(text)
    if not match:
        return Strength(text, None, None)
    value = int(match.group("number").replace(",", ""))
    lead = (match.group("approx") or "").strip()
    if match.group("plus") or lead == "at least":
        qualifier = "at_least"
    elif lead in ("over", "more than"):
        qualifier = "more_than"
    elif lead:
        qualifier = "approx"
    else:
        qualifier = "exact"
    return Strength(text, value, qualifier)


def clean_name(line: str) -> str:
    """A party or person as written, without flag, bullet, emphasis or "(alleged ...)"."""
    text = FLAG.sub("", line)
    text = BULLET.sub("", text)
    text = ALLEGED.sub(" ", text)
    return " ".join(text.replace("**", "").split())


def _flag(line: str) -> str | None:
    match = FLAG.search(line)
    return match.group() if match else None


def country_of_flag(flag: str) -> str:
    """The ISO 3166 code a flag emoji spells (🇦🇿 → "AZ")."""
    return "".join(chr(ord(char) - 0x1F1E6 + ord("A")) for char in flag)
