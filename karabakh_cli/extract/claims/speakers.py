"""Whom a claimant speaks for: the entity (as the entity index names it) behind each wording,
so that "HRW" and "Human Rights Watch", or "X authorities", "the government of X" and "X's
Prosecutor General's Office", give one name. The rules, first that applies:

1. A claimant that is exactly a name or alias of an entity is read as that entity's name
   (an acronym and its long form are one).
2. A joint claimant ("X and Y authorities", "X/Y") speaks for no one entity.
3. A titled person ("head of the Z District, A. Person", "spokesman A. Person") is the person.
4. A country's or an infobox party's organs and officials ("X authorities", "the Ministry of
   Defence of X", "X Defence Army") and the country or party named alone speak for it.
5. The entity named whole, else one body (not a place, country or person) with only lowercase
   or nationality words around it ("the Dutch research group Oryx", "BBC reporters").
Anything else ("the belligerents", "unattributed", a body the index does not know) is None.
"""

from __future__ import annotations

import re

from ..entities import EntityIndex, stretches, tokenize
from ..entities.words import name_key
from ..nations import likely_demonyms, nation_of
from .record import UNATTRIBUTED

# A state's own organs and officials: whoever is named so speaks for the state. Narrower than
# the words that give a claimant its side (vocabulary.OFFICIAL): "X media" or "X sources" are
# on X's side but are not X.
STATE = re.compile(
    r"authorit(?:y|ies)|government|officials?|military|ministry|mod|president|presidency|premier"
    r"|minister|army|forces|ombudsman|prosecutor|office|service|administration|agency|command"
    r"|spokes(?:man|person|woman)|embassy|parliament|defender|side"
)
CONNECTORS = frozenset({"the", "of", "republic", "a", "an"})
JOINING = frozenset({"and", "or", "with"})
PREPOSITIONS = frozenset({"of", "by", "for", "to", "from", "with", "against", "about"})
NEAR = 3  # words of a name between a country and the organ word that makes it speak


class Speakers:
    """The entity each claimant speaks for, resolved once per wording."""

    def __init__(self, index: EntityIndex):
        self.index = index
        self.countries = _country_names(index)
        self.longest = max((len(key) for key in self.countries), default=0)
        self.named = _by_name(index)
        self.resolved: dict[str, str | None] = {UNATTRIBUTED: None}

    def __call__(self, claimant: str) -> str | None:
        if claimant not in self.resolved:
            self.resolved[claimant] = self._resolve(claimant)
        return self.resolved[claimant]

    def _resolve(self, claimant: str) -> str | None:
        entity = self.named.get(name_key(claimant))
        text = entity.name if entity else claimant
        words = tokenize(text)
        entities = self.index.entities
        found = self.index.matcher.spans(text, stretches(text))
        spans = [(entities[i], start, end) for i, start, end in found if i < len(entities)]
        outside = [w for w in words if not any(start <= w.start < end for _, start, end in spans)]
        if not entity and (any(w.key in JOINING for w in outside) or re.search(r"[/&+;]", _blanked(text, spans))):
            return None
        person = _titled_person(text, words, spans)
        if person:
            return person
        countries = self._speaking_countries(words)
        if len(countries) == 1:
            return countries.pop()
        if countries:
            return None
        if entity:
            return entity.name
        bodies = [span for span in spans if name_key(span[0].name) not in self.countries]
        return _described_body(bodies, outside) if len(bodies) == len(spans) else None

    def _speaking_countries(self, words) -> set[str]:
        """The countries named in the words as the state that speaks: named alone, or with an
        organ word shortly after ("X's Defence Ministry") or before "of" ("Office of the X")."""
        mentions = self._country_mentions(words)
        taken = {i for start, end, _ in mentions for i in range(start, end)}
        alone = all(w.key in CONNECTORS for i, w in enumerate(words) if i not in taken)
        return {
            country
            for start, end, country in mentions
            if alone
            or _organ_in(words[end:])
            or (start and words[start - 1].key in ("of", "the") and _organ_in(words[start - 1 :: -1]))
        }

    def _country_mentions(self, words) -> list[tuple[int, int, str]]:
        """(first word, word after, country) of each country name or demonym, leftmost-longest."""
        found, i = [], 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                key = tuple(w.key for w in words[i : i + size])
                if key in self.countries and words[i].text[:1].isupper():
                    found.append((i, i + size, self.countries[key]))
                    i += size
                    break
            else:
                i += 1
        return found


def _by_name(index: EntityIndex) -> dict:
    """Each name or alias (as a key) of exactly one entity -> that entity: what
    `EntityIndex.named` answers, for every claimant at the cost of one pass."""
    owners: dict = {}
    for entity in index.entities:
        for key in {name_key(name) for name in (entity.name, *entity.aliases)}:
            owners.setdefault(key, []).append(entity)
    return {key: found[0] for key, found in owners.items() if key and len(found) == 1}


def _country_names(index: EntityIndex) -> dict[tuple[str, ...], str]:
    """Every name, alias and demonym (as word keys) of the index's countries and infobox
    parties -> the country or party."""
    names: dict[tuple[str, ...], str] = {}
    for entity in index.entities:
        if entity.type != "country" and (entity.role is None or entity.type == "person"):
            continue
        written = [entity.name, *entity.aliases]
        nation = next(filter(None, map(nation_of, written)), None)
        if nation:
            written += nation.names
        elif " " not in entity.name:
            written += likely_demonyms(entity.name.lower())
        for name in written:
            key = name_key(name)
            if key:
                names.setdefault(key, entity.name)
    return names


def _organ_in(words) -> bool:
    """An organ word among the first few words with only words of a name before it: "Defence
    Ministry", "of the Office" (words read backwards); not "rebel forces", "opposition
    party's spokesman"."""
    named = 0  # words of a name passed; connectors ("of the") are not counted
    for word in words:
        if STATE.fullmatch(word.key):
            return True
        if word.key in CONNECTORS:
            continue
        named += 1
        if named > NEAR or not word.text[:1].isupper():
            return False
    return False


def _titled_person(text: str, words, spans) -> str | None:
    """The one person the claimant names when the claimant ends on them, after a title or an
    apposition, not after a preposition ("supporters of X" speak for themselves)."""
    people = [(entity, start, end) for entity, start, end in spans if entity.type == "person"]
    if len(people) != 1:
        return None
    entity, start, end = people[0]
    if text[end:].strip(" .,;)") != "":
        return None
    before = [w for w in words if w.end <= start]
    return None if before and before[-1].key in PREPOSITIONS else entity.name


def _described_body(spans, outside) -> str | None:
    """One body described by lowercase words or nationality words only."""
    named = {entity.name: entity for entity, _, _ in spans}
    if len(named) != 1:
        return None
    (entity,) = named.values()
    described = all(w.text.islower() or nation_of(w.text) for w in outside)
    return entity.name if entity.type in ("organization", "other") and described else None


def _blanked(text: str, spans) -> str:
    for _, start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
