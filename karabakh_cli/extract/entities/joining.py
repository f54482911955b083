"""Entities, joining: names of one entity (acronyms, surnames, plurals, ordinals,
transliterations, word orders, weapons without their maker) and types from neighbours."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection
from functools import lru_cache

from ..nations import nation_of
from ..textnorm import fold
from .words import DIVISION_HEADS, DIVISION_PLURALS, HEAD_TYPES, head_type, is_acronym, name_key, singular
from .drafts import Draft, Registry, canonical, decided_type, top_vote
from .sources import AGREEMENT_WORDS, spells


# --- joining names of one entity ---------------------------------------------------------


def join_acronyms(registry: Registry) -> None:
    """An acronym whose letters are the initials of exactly one longer name, or of exactly one
    body among several names, is that name."""
    longer = [(key, draft) for key, draft in registry.by_key.items() if len(key) > 1]
    for key, draft in list(registry.by_key.items()):
        if len(key) != 1 or draft.type is not None or not any(is_acronym(s) for s in draft.spellings):
            continue
        if any(len(k) > 1 for k, d in registry.by_key.items() if d is draft):
            continue  # already expanded
        letters = key[0]
        owners = {id(d): d for k, d in longer if k[0][0] == letters[0] and d is not draft and spells(k, letters)}
        if len(owners) > 1:  # an acronym alone names a body: of a court and a convention, the court
            owners = {i: d for i, d in owners.items() if decided_type(d, canonical(d)) == "organization"}
        if len(owners) == 1:
            registry.merge(draft, next(iter(owners.values())))


def join_surnames(registry: Registry) -> None:
    """A surname alone is the one person of the article who bears it ("Aliyev")."""
    bearers: dict[str, set[int]] = defaultdict(set)
    people: dict[int, Draft] = {}
    for key, draft in registry.by_key.items():
        if len(key) > 1 and draft.is_person() and not re.fullmatch(r"[ivx]+|jr|sr", key[-1]):
            bearers[key[-1]].add(id(draft))
            people[id(draft)] = draft
    for surname, owners in bearers.items():
        alone = registry.by_key.get((surname,))
        if len(owners) != 1 or alone is None or alone.type not in (None, "person"):
            continue
        person = people[next(iter(owners))]
        if alone is not person and alone.votes["person"] >= alone.votes["place"]:
            registry.merge(alone, person)


def join_middle_names(registry: Registry) -> None:
    """ "Ivo Brandt" is "Ivo Karel Brandt" when that is the one person of the article with that
    given name and surname."""
    longer: dict[tuple[str, str], dict[int, Draft]] = defaultdict(dict)
    for key, draft in registry.by_key.items():
        if len(key) > 2 and draft.is_person() and not set(key) & CONNECTORS_OF_NAMES:
            longer[(key[0], key[-1])][id(draft)] = draft
    for (given, surname), found in longer.items():
        short = registry.by_key.get((given, surname))
        if short is None or len(found) != 1 or short.type not in (None, "person"):
            continue
        (person,) = found.values()
        if short is not person and not (short.keep and person.keep):
            registry.merge(short, person)


# Words that join two names in one ("Jan of Dorn"), not a given name and a surname.
CONNECTORS_OF_NAMES = frozenset("of and the".split())


ORDINALS = {
    word: f"{n}{suffix}"
    for n, (word, suffix) in enumerate(
        zip(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
            ["st", "nd", "rd"] + ["th"] * 9,
        ),
        1,
    )
}
DIRECTIONS = {"northern": "north", "southern": "south", "eastern": "east", "western": "west"}
# Words a unit's name may carry or drop: "Third Army Corps" is the "3rd Corps".
UNIT_FILLERS = frozenset({"army"})
# Letters that transliterations of one name write either way ("Aghdam", "Agdam"): a spelling
# rule, not a distance, so it holds for shorter words too.
TRANSLITERATIONS = (("gh", "g"), ("kh", "k"), ("ss", "s"), ("y", "i"))
SHORT_NAME = 5  # letters a word needs, made plain, before its transliterations are one
# British and American spellings of one word: "Ministry of Defence", "Ministry of Defense".
SPELLINGS = {"defence": "defense", "organisation": "organization", "centre": "center", "programme": "program"}
LONG_NAME = 7  # letters a word needs before two spellings of it may be one transliteration
SPELLING_RATIO = 0.85  # how alike two long names must be (difflib's ratio, folded)


def join_variants(registry: Registry) -> None:
    """Names a reader takes for one: ordinal words and numerals ("Third Corps", "3rd Corps"),
    "Southern X" and "South X", and transliterations of long words ("Sarkisian", "Sarksyan")."""
    groups: dict[tuple, list[Draft]] = defaultdict(list)
    for key, draft in registry.by_key.items():
        groups[_variant_key(key)].append(draft)
    for drafts in groups.values():
        _merge_all(registry, drafts)


def _variant_key(key: tuple[str, ...]) -> tuple[str, ...]:
    words = [DIRECTIONS.get(word, ORDINALS.get(word, word)) for word in key]
    if any(word in ORDINALS.values() for word in words):
        words = [word for word in words if word not in UNIT_FILLERS]
    return tuple(_spelled_alike(SPELLINGS.get(word, word)) for word in words)


@lru_cache(maxsize=4096)  # words recur
def _spelled_alike(word: str) -> str:
    """The word with its transliteration letters made plain, then a long word's skeleton."""
    plain = word
    for written, simpler in TRANSLITERATIONS:
        plain = plain.replace(written, simpler)
    word = plain if len(plain) >= SHORT_NAME else word
    return _skeleton(word) if len(word) >= LONG_NAME else word


def _skeleton(word: str) -> str:
    """A long word's first letter, consonants and last letter, each once: "sarkissian" and
    "sarksyan" are "srksn"; vowels, "y" and "h" vary between transliterations."""
    inner = re.sub(r"[aeiouyh]", "", word[1:-1])
    return re.sub(r"(.)\1+", r"\1", word[0] + inner + word[-1])


def _merge_all(registry: Registry, drafts: list[Draft]) -> None:
    """Merge drafts found alike, unless they are two of the infobox, the types differ or the
    spellings are not close."""
    unique = list({id(d): d for d in drafts}.values())
    if len(unique) < 2:
        return
    import difflib  # only names found alike need it

    first = unique[0]
    for other in unique[1:]:
        if (first.keep and other.keep) or (first.type and other.type and first.type != other.type):
            continue
        a, b = fold(canonical(first)), fold(canonical(other))
        ordinal = any(w in ORDINALS for w in (*a.split(), *b.split()))
        if ordinal or difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO:
            registry.merge(other, first)


# "Foreign Ministry" is the "Ministry of Foreign Affairs".
OFFICE_SUBJECTS = {("foreign",): ("foreign", "affairs")}


def office_order(key: tuple[str, ...]) -> tuple[str, ...]:
    """ "(Peruvian) Defense Ministry" as "(Peruvian) Ministry of Defense"; other keys as they are."""
    if len(key) < 2 or key[-1] != "ministry":
        return key
    nation = nation_of(key[0])
    national = nation is not None and key[0] in {fold(d) for d in nation.demonyms} and len(key) > 2
    prefix, subject = (key[:1], key[1:-1]) if national else ((), key[:-1])
    return prefix + ("ministry", "of") + OFFICE_SUBJECTS.get(subject, subject)


def join_office_orders(registry: Registry) -> None:
    """ "Defense Ministry" is the "Ministry of Defense" the document names."""
    for key, draft in list(registry.by_key.items()):
        other = registry.by_key.get(office_order(key))
        if other is not None and other is not draft and not (draft.keep and other.keep):
            registry.merge(draft, other)


def join_national_names(registry: Registry) -> None:
    """ "Azerbaijani X" and "X of Azerbaijan" (or of "the Republic of Azerbaijan") are one body,
    and so are "Peruvian Banks' Association" and "Association of Banks of Peru"."""
    groups: dict[tuple, list[Draft]] = defaultdict(list)
    for key, draft in registry.by_key.items():
        found = _body_and_country(key, registry)
        if found:
            groups[(_of_order(found[0]), found[1])].append(draft)
    for drafts in groups.values():
        unique = list({id(d): d for d in drafts}.values())
        for other in unique[1:]:
            if not (unique[0].keep and other.keep):
                registry.merge(other, unique[0])


def _of_order(body: tuple[str, ...]) -> tuple[str, ...]:
    """ "Banks' Association" as "Association of Banks": a word and a head, the head first."""
    if len(body) == 2 and head_type(body[1:]) and not head_type(body[:1]):
        return (body[1], "of", body[0])
    return body


# Branches of a country's armed forces besides its army.
OTHER_BRANCHES = frozenset({("air", "force"), ("air", "forces"), ("navy",), ("naval", "forces"), ("land", "forces"), ("ground", "forces")})


def join_armies(registry: Registry, prose: Collection[tuple[str, ...]]) -> None:
    """ "Peruvian Army" is the "Armed Forces of Peru" when the prose names no other branch of
    that country (no air force, navy or land forces; the infobox may list them): the army then
    stands for them all."""
    bodies: dict[int, dict[tuple, list[Draft]]] = defaultdict(lambda: defaultdict(list))
    for key, draft in registry.by_key.items():
        found = _body_and_country(key, registry)
        if found:
            bodies[found[1]][found[0]].append(draft)
    for named in bodies.values():
        armies = {id(d): d for d in named.get(("army",), ())}
        forces = {id(d): d for d in named.get(("armed", "forces"), ())}
        branches = {body for body, drafts in named.items() if any(name_key(s) in prose for d in drafts for s in d.spellings)}
        if len(armies) != 1 or len(forces) != 1 or OTHER_BRANCHES & branches:
            continue
        (army,), (whole,) = armies.values(), forces.values()
        if army is not whole and not (army.keep and whole.keep):
            registry.merge(army, whole)


def _body_and_country(key: tuple[str, ...], registry: Registry) -> tuple | None:
    """(the body's words, the country draft's id) of "Armenian Armed Forces" or "Armed Forces of
    Armenia"; None for other names."""
    if len(key) < 2:
        return None
    nation = nation_of(key[0])
    if nation is not None and key[0] in {fold(d) for d in nation.demonyms} and head_type(key[1:]):
        country = next((registry.by_key[k] for k in map(name_key, nation.names) if k in registry.by_key), None)
        return (key[1:], id(country)) if country is not None and country.type == "country" else None
    for i in range(1, len(key) - 1):
        if key[i] == "of":
            rest = key[i + 1 :]
            country = registry.by_key.get(rest[1:] if rest[0] == "the" else rest)
            if country is not None and country.type == "country" and head_type(key[:i]):
                return (key[:i], id(country))
    return None


def join_short_forms(registry: Registry) -> None:
    """ "Islamic Emirate" is the "Islamic Emirate of Dorn and Velk" when that is the one name
    the document writes with those words before "of" and they have no head word ("National
    Assembly" may be any country's)."""
    owners: dict[tuple[str, ...], dict[int, Draft]] = defaultdict(dict)
    for key, draft in registry.by_key.items():
        of = key.index("of") if "of" in key else 0
        if of >= 2:
            owners[key[:of]][id(draft)] = draft
    for short, found in owners.items():
        alone = registry.by_key.get(short)
        if alone is None or len(found) != 1 or head_type(short):
            continue
        (owner,) = found.values()
        if alone is not owner and not (alone.keep and owner.keep) and alone.type in (None, owner.type):
            registry.merge(alone, owner)


def join_lone_divisions(registry: Registry) -> None:
    """ "the Canton" is the "Dorn Canton" when that is the one division of its kind the document
    names."""
    for head in DIVISION_HEADS:
        alone = registry.by_key.get((head,))
        if alone is None:
            continue
        owners = {id(d): d for key, d in registry.by_key.items() if len(key) > 1 and key[-1] == head}
        if len(owners) == 1 and alone not in owners.values() and alone.type in (None, "place"):
            registry.merge(alone, next(iter(owners.values())))


def join_weapon_names(registry: Registry) -> None:
    """A weapon's name without its maker or code ("Osa" for "9K33 Osa") is that weapon when one
    weapon ends on it, or one of the infobox does."""
    owners: dict[tuple[str, ...], list[Draft]] = defaultdict(list)
    for key, draft in registry.by_key.items():
        if len(key) == 2 and draft.type == "weapon" or (len(key) == 2 and top_vote(draft.votes) == "weapon"):
            owners[key[1:]].append(draft)
    for tail, found in owners.items():
        unique = list({id(d): d for d in found}.values())
        infobox = [d for d in unique if d.keep]
        owner = unique[0] if len(unique) == 1 else (infobox[0] if len(infobox) == 1 else None)
        alone = registry.by_key.get(tail)
        if owner is not None and alone is not None and alone is not owner and not (alone.keep and owner.keep and alone.type != "weapon"):
            if alone.type in (None, "weapon"):
                registry.merge(alone, owner)


CODE_FAMILY = re.compile(r"([A-Za-z]{2,})-\d")  # "BM-21", "Su-25": a maker's or a family's letters


def code_families(registry: Registry) -> None:
    """A model code of a family whose other codes name weapons is a weapon: the "BM-27 Uragan"
    when the document has the "BM-21 Grad" (a family's letters, two or more, and a hyphen)."""
    families: dict[str, list[Draft]] = defaultdict(list)
    for draft in registry.drafts:
        name = next(iter(draft.spellings), "")
        family = CODE_FAMILY.match(name)
        if family and len(name.split()) <= 3:
            families[family.group(1).lower()].append(draft)
    for drafts in families.values():
        if any(decided_type(d, canonical(d)) == "weapon" for d in drafts):
            for draft in drafts:
                if not draft.type and top_vote(draft.votes) is None and not head_type(name_key(canonical(draft))):
                    draft.votes["weapon"] += 1


def join_plurals(registry: Registry, words: set[str]) -> None:
    """ "9K33 Osas" is "9K33 Osa" when the document has both; "Velk Districts" (of "Dorn and
    Velk Districts") is named "Velk District"."""
    for draft in list(registry.drafts):
        for name in list(draft.spellings):
            one = registry.get(singular(name, words))
            if one is not None and one is not draft and name != singular(name, words):
                registry.merge(draft, one)
                break
        else:
            name = next(iter(draft.spellings), "")
            if draft.name is None and len(draft.spellings) == 1 and fold(name.rsplit(" ", 1)[-1]) in DIVISION_PLURALS:
                draft.name = name[:-3] + "y" if name.endswith("ies") else name[:-1]


def place_roots(registry: Registry) -> None:
    """ "Tartar" is a place when the document has "Tartar District"."""
    for key, draft in list(registry.by_key.items()):
        if len(key) == 2 and HEAD_TYPES.get(key[1]) == "place" and (key[0],) in registry.by_key:
            registry.by_key[(key[0],)].votes["place"] += 2


# II to XIII: "I" and "X" alone are as often a phase's or a project's letter ("Phase I").
REGNAL_NUMERAL = re.compile(r"i{2,3}|iv|vi{0,3}|ix|xi{1,3}")


def regnal_names(registry: Registry, texts: list[str]) -> None:
    """ "Karekin II": one word and a regnal numeral is a person (a king, pope or patriarch) when
    nothing else says what it is, the document names the word nowhere else ("Minsk" and the
    "Minsk II" agreement) and never writes it before a word for an agreement or event ("the
    Velsk II ceasefire")."""
    openers = Counter(key[0] for key in registry.by_key)
    document = None
    for key, draft in registry.by_key.items():
        if len(key) != 2 or not REGNAL_NUMERAL.fullmatch(key[1]) or openers[key[0]] > 1:
            continue
        if draft.type is None and top_vote(draft.votes) is None and head_type(key[:1]) is None:
            document = document if document is not None else "\n".join(texts)
            if not any(_before_event_word(document, spelling) for spelling in draft.spellings):
                draft.votes["person"] += 1


def _before_event_word(text: str, name: str) -> bool:
    return any(
        head_type((word.lower(),)) == "other" or word.lower() in AGREEMENT_WORDS
        for word in re.findall(rf"(?<![\w-]){re.escape(name)} (\w+)", text)
    )

