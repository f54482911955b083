"""Entities, drafts: entities while they are gathered, the registry of every known name, and
the type and name a draft is given in the end."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..nations import is_capital, nation_of
from .words import Token, head_type, is_acronym, is_country, key_of, name_key


# --- drafts: entities while they are gathered --------------------------------------------


@dataclass(eq=False)
class Draft:
    spellings: Counter = field(default_factory=Counter)
    type: str | None = None  # fixed by the infobox or the gazetteer; else decided by votes
    page: str | None = None
    name: str | None = None  # a fixed canonical name (the infobox's)
    roles: list[str] = field(default_factory=list)
    sides: set[int] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)
    keep: bool = False  # listed even when the prose never names it (the infobox's sides)
    party_roles: list[str] = field(default_factory=list)  # its roles as an infobox party
    nations: Counter = field(default_factory=Counter)  # countries the prose gives it ("Azerbaijani soldier X")
    weak: bool = False  # known from the gazetteer only: "Michael Jordan" is not split

    def is_person(self) -> bool:
        return self.type == "person" or (self.type is None and top_vote(self.votes) == "person")


def top_vote(votes: Counter) -> str | None:
    """The type with most votes; person wins a tie, then organization, weapon, place."""
    best = max(("person", "organization", "weapon", "place"), key=votes.__getitem__)  # the first of equals
    return best if votes[best] > 0 else None


class Registry:
    """Every known name (as a folded word tuple) and the draft it belongs to."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, ...], Draft] = {}
        self.cased: dict[tuple[str, ...], bool] = {}
        self.drafts: list[Draft] = []
        self.phrases: set[str] = set()  # names looked for outside the capitalised stretches: see with_phrases
        self._lengths: dict[str, list[int]] | None = None

    def get(self, name: str) -> Draft | None:
        return self.by_key.get(name_key(name))

    def add(self, name: str, draft: Draft | None = None, count: int = 1, spelling: bool = True) -> Draft:
        """Register `name` for `draft` (default: the draft that has it, or a new one).

        `spelling=False` registers the name for matching only, not as a way the text writes it.
        """
        key = name_key(name)
        existing = self.by_key.get(key)
        if draft is None:
            draft = existing or self._new()
        elif existing is not None and existing is not draft:
            self.merge(existing, draft)
        if key:
            self.by_key[key] = draft
            self.cased.setdefault(key, name[:1].isupper())
            self._lengths = None
        if spelling:
            draft.spellings[name] += count
        return draft

    def _new(self) -> Draft:
        draft = Draft()
        self.drafts.append(draft)
        return draft

    def merge(self, old: Draft, new: Draft) -> None:
        """Fold `old` into `new`: every name of `old` now belongs to `new`."""
        for key, draft in self.by_key.items():
            if draft is old:
                self.by_key[key] = new
        new.spellings.update(old.spellings)
        new.type = new.type or old.type
        new.page = new.page or old.page
        new.name = new.name or old.name
        new.roles += [role for role in old.roles if role not in new.roles]
        new.sides |= old.sides
        new.votes.update(old.votes)
        new.keep = new.keep or old.keep
        new.party_roles += [role for role in old.party_roles if role not in new.party_roles]
        new.nations.update(old.nations)
        new.weak = new.weak and old.weak
        self.drafts = [draft for draft in self.drafts if draft is not old]

    def longest(self, tokens: list[Token], i: int) -> tuple[int, Draft | None]:
        """The longest known name starting at tokens[i]: (its length in words, its draft)."""
        if self._lengths is None:
            lengths: dict[str, set[int]] = defaultdict(set)
            for key in self.by_key:
                lengths[key[0]].add(len(key))
            self._lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}
        for size in self._lengths.get(tokens[i].key, ()):
            key = key_of(tokens[i : i + size])
            if len(key) == size and key in self.by_key:
                return size, self.by_key[key]
        return 0, None


def decided_type(draft: Draft, name: str) -> str:
    """The infobox's type, else the head word's (of any spelling), else the contexts' votes."""
    if draft.type:
        return draft.type
    if is_country(name):
        return "country"
    spellings = [name] + [s for s, _ in draft.spellings.most_common() if s != name]
    heads = (head_type(name_key(s)) for s in spellings if name_key(s))
    return next((kind for kind in heads if kind), None) or top_vote(draft.votes) or _shape_type(name) or "other"


# Words that make a region of what follows them: "Middle East", "Eastern Mediterranean".
REGION_WORDS = frozenset("north south east west northern southern eastern western central middle far near upper lower".split())
# The bodies an army names by region: "Eastern Command", "Northern Fleet".
COMMAND_WORDS = frozenset("command fleet".split())
# Endings of family names in many languages: "-yan", "-ov", "-enko", "-ski", "-escu", "-oglu".
SURNAME_ENDINGS = (
    "yan", "ov", "ova", "ev", "eva", "enko", "chuk", "ski", "sky", "vich", "escu", "oglu",
    "zadeh", "shvili", "dze", "poulos", "son", "sen",
)


def _shape_type(name: str) -> str | None:
    """What a name's shape says when nothing else does: an acronym names a body ("NATO"), a
    capital city is a place, so is a region word and a name ("Far West", but the "Eastern
    Command" is a body), a name opening on "The" is a paper or a body, and two or three
    plain words ending on a family name's ending are a person ("Ivo Brandtov"). (A numeral
    after a name does not tell a person: "Minsk II" is an agreement.)"""
    key = name_key(name)
    if len(key) == 1 and is_acronym(name) and name.isupper():
        return "organization"
    if len(key) == 2 and key[0] in REGION_WORDS and key[1] in COMMAND_WORDS:
        return "organization"  # "Eastern Command", "Northern Fleet"
    if is_capital(name) or (len(key) == 2 and key[0] in REGION_WORDS):
        return "place"
    if key[0] == "the":
        return "organization"  # a title kept inside a sentence: "The Clarion", a paper
    words = name.split()
    plain = 2 <= len(words) <= 3 and all(word[:1].isupper() and word[1:].islower() for word in words)
    if plain and not nation_of(words[0]) and key[-1].endswith(SURNAME_ENDINGS):
        return "person"
    return None


def canonical(draft: Draft) -> str:
    if draft.name:
        return draft.name
    if not draft.spellings:
        return ""
    person = draft.is_person()

    def rank(item: tuple[str, int]) -> tuple:
        name, count = item
        return (not is_acronym(name), person and " " in name, count)

    return max(draft.spellings.items(), key=rank)[0]
