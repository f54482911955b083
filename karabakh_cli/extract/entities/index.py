"""Entities, index: mentions (leftmost-longest matching), bodies split by country, the
final entities with their types and sides, and lookups by name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from ..document import Sentence
from ..nations import nation_of
from ..textnorm import fold
from .words import (
    CONNECTORS,
    NEARBY,
    STOPWORDS,
    STATE_HEADS,
    TOKEN,
    Token,
    head_word,
    is_country,
    key_of,
    linked,
    name_key,
    stretches,
    surface,
    tokenize,
    with_phrases,
    without_qualifier,
)
from .drafts import Draft, Registry, canonical, decided_type
from .sources import ROLE_STRENGTH
from .joining import SPELLINGS, office_order
from .ties import nation_of_word


@dataclass(frozen=True)
class Entity:
    name: str
    type: str  # person | place | organization | country | weapon | other
    aliases: tuple[str, ...]
    page: str | None
    side: int | None
    mentions: int  # sentences naming it under any alias
    role: str | None = None  # an infobox party's role: combatant, alleged, supporter, arms supplier, ...


@dataclass(frozen=True)
class Mention:
    text: str
    section: str
    date: object  # the first day of the sentence's first date on the timeline, or None
    sentence: int
    end: object = None  # the last day of that date
    precision: str | None = None  # day, month, year, ... (see timeline.py)
    section_anchor: str | None = None


@dataclass(frozen=True)
class Profile:
    name: str
    type: str
    aliases: tuple[str, ...]
    page: str | None
    side: int | None
    roles: tuple[str, ...]
    first: Mention | None  # the earliest dated mention
    last: Mention | None  # the latest dated mention
    mentions: tuple[Mention, ...]
    role: str | None = None


@dataclass(frozen=True)
class Lookup:
    """What a name asked for resolves to: one entity, several candidates, or suggestions."""

    entity: Entity | None
    candidates: tuple[Entity, ...] = ()
    suggestions: tuple[str, ...] = ()


# --- mentions ----------------------------------------------------------------------------


class Matcher:
    """Leftmost-longest matching of known names over the stretches of capitalised words of a
    text, a name going on into lowercase words after a stretch ("Lachin corridor")."""

    def __init__(self, names: Mapping[tuple[str, ...], int], cased: Mapping[tuple[str, ...], bool]):
        self.names = dict(names)
        self.cased = cased
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in self.names:
            lengths[key[0]].add(len(key))
        self.lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}
        self.pairs = {(key[i], key[i + 1]) for key in self.names for i in range(len(key) - 1)}
        self.going_on = {first for first, _ in self.pairs}
        self._matched: dict[tuple[str, int], list[tuple[int, tuple[str, ...]]]] = {}  # see _names

    def find(self, text: str, stretches: list[list[Token]]) -> list[int]:
        """The ids of the names in the text, in order, one per occurrence."""
        return [name for name, _, _ in self.spans(text, stretches)]

    def spans(self, text: str, stretches: list[list[Token]]) -> list[tuple[int, int, int]]:
        """(id, start, end) of the names in the text, in order, one per occurrence."""
        found = []
        taken = 0  # the end of the last name found: a name going on may cover the next stretch
        for stretch in stretches:
            words = self._going_on(text, stretch)
            for i, key in self._names(text, words, len(stretch), taken):
                taken = words[i + len(key) - 1].end
                found.append((self.names[key], words[i].start, taken))
        return found

    def _names(self, text: str, words: list[Token], count: int, taken: int) -> list[tuple[int, tuple[str, ...]]]:
        """(position, key) of the names that start in words[:count], none before `taken`. Words
        wholly after `taken` are matched once for each way they are written: names recur."""
        if words[0].start < taken:
            return self._match(text, words, count, taken)
        written = (text[words[0].start : words[-1].end], count)
        if written not in self._matched:
            self._matched[written] = self._match(text, words, count, taken)
        return self._matched[written]

    def _match(self, text: str, words: list[Token], count: int, taken: int) -> list[tuple[int, tuple[str, ...]]]:
        """Leftmost-longest, from the first word to the `count`th."""
        names = []
        i = 0
        while i < count:
            key = self._longest(text, words, i) if words[i].start >= taken else None
            if key:
                names.append((i, key))
            i += len(key) if key else 1
        return names

    def _going_on(self, text: str, stretch: list[Token]) -> list[Token]:
        """The stretch, with the lowercase words after it that go on a known name."""
        words = stretch
        if stretch[-1].key not in self.going_on:
            return words
        following = TOKEN.match(text, stretch[-1].end + 1)
        if following is None or (stretch[-1].key, fold(following.group(1))) not in self.pairs:
            return words
        for word in tokenize(text, stretch[-1].end, stretch[-1].end + 2 * NEARBY, limit=4):
            if (words[-1].key, word.key) not in self.pairs or not linked(text, words[-1], word):
                break
            words = words + [word]
        return words

    def _longest(self, text: str, words: list[Token], i: int) -> tuple[str, ...] | None:
        """The key of the longest known name starting at words[i], or None."""
        for size in self.lengths.get(words[i].key, ()):
            window = words[i : i + size]
            key = key_of(window)
            if len(window) < size or key not in self.names:
                continue
            if self.cased.get(key) and not window[0].text[:1].isupper():
                continue  # "may" the verb is not "May", a lowercase word not a name
            if all(linked(text, a, b) for a, b in zip(window, window[1:])):
                return key
        return None


class EntityIndex:
    """The entities of one document, which sentences name them, and lookups by name."""

    def __init__(
        self,
        entities: tuple[Entity, ...],
        roles: dict[str, tuple[str, ...]],
        matcher: Matcher,
        sentence_names: tuple[tuple[str, ...], ...],
        phrases: frozenset[str] = frozenset(),
    ):
        self.entities = entities
        self.phrases = phrases  # names no stretch holds whole: see with_phrases
        self.roles = roles
        self.matcher = matcher
        self.by_name = {entity.name: entity for entity in entities}
        self.sentence_names = sentence_names  # per sentence index: the entities it names
        self._sentences: dict[str, list[int]] = defaultdict(list)
        for index, names in enumerate(sentence_names):
            for name in names:
                self._sentences[name].append(index)

    def get(self, name: str) -> Entity | None:
        return self.by_name.get(name)

    def mentions_of(self, name: str) -> tuple[int, ...]:
        """Indices of the sentences that name the entity under any alias."""
        return tuple(self._sentences.get(name, ()))

    def names_in(self, text: str) -> tuple[str, ...]:
        """Canonical names of the entities a text names, in order of first mention."""
        ids = self.matcher.find(text, with_phrases(text, stretches(text), self.phrases))
        return tuple(dict.fromkeys(self.entities[i].name for i in ids if i < len(self.entities)))

    def lookup(self, query: str) -> Lookup:
        """Exact name or alias (ignoring case and diacritics) → one entity; a word of several
        names → candidates; nothing → the closest names."""
        key = name_key(query)
        if not key:
            return Lookup(None)
        exact = [e for e in self.entities if key in self._keys(e)]
        if len(exact) == 1:
            return Lookup(exact[0])
        within = exact or [e for e in self.entities if any(_contains(k, key) for k in self._keys(e))]
        if len(within) == 1:
            return Lookup(within[0])
        if within:
            return Lookup(None, candidates=tuple(within))
        import difflib  # here: only a name not found needs it

        folded = {fold(name): name for e in self.entities for name in (e.name, *e.aliases)}
        close = difflib.get_close_matches(fold(query), list(folded), n=5, cutoff=0.7)
        suggestions = dict.fromkeys(self._owner(folded[name]) for name in close)
        return Lookup(None, suggestions=tuple(suggestions))

    def named(self, query: str) -> Entity | None:
        """The one entity `query` is the name or an alias of (ignoring case and diacritics),
        or None: unlike `lookup`, a word of a name is not enough."""
        key = name_key(query)
        exact = [e for e in self.entities if key and key in self._keys(e)]
        return exact[0] if len(exact) == 1 else None

    def _keys(self, entity: Entity) -> set[tuple[str, ...]]:
        return {name_key(name) for name in (entity.name, *entity.aliases)}

    def _owner(self, name: str) -> str:
        for entity in self.entities:
            if name == entity.name or name in entity.aliases:
                return entity.name
        return name

    @staticmethod
    def _mention(sentence: Sentence, index: int, dated: object) -> Mention:
        """`dated` is the sentence's first date: anything with `date`, `end` and `precision`."""
        date, end, precision = (getattr(dated, name, None) for name in ("date", "end", "precision"))
        return Mention(sentence.text, sentence.section, date, index, end, precision, sentence.section_anchor)

    def profile(self, entity: Entity, sentences: tuple[Sentence, ...], dates: Mapping[int, object] | None = None) -> Profile:
        dates = dates or {}
        mentions = tuple(self._mention(sentences[i], i, dates.get(i)) for i in self.mentions_of(entity.name))
        dated = sorted((m for m in mentions if m.date is not None), key=lambda m: str(m.date))
        return Profile(
            entity.name,
            entity.type,
            entity.aliases,
            entity.page,
            entity.side,
            self.roles.get(entity.name, ()),
            dated[0] if dated else None,
            dated[-1] if dated else None,
            mentions,
            entity.role,
        )


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def build_index(registry: Registry, texts: Sequence[str], found: Sequence[list[list[Token]]]) -> EntityIndex:
    drafts = registry.drafts
    number = {id(draft): i for i, draft in enumerate(drafts)}
    names = [canonical(draft) for draft in drafts]
    matcher = Matcher({key: number[id(d)] for key, d in registry.by_key.items()}, registry.cased)
    spans = {}  # sentence index -> its names' spans, for the sentences that name something
    for sentence, (text, words) in enumerate(zip(texts, found)):
        if words and (found_in := matcher.spans(text, words)):
            spans[sentence] = found_in
    drafts, names = split_by_country(registry, texts, spans, names)
    named = {sentence: list(dict.fromkeys(i for i, _, _ in found_in)) for sentence, found_in in spans.items()}
    counts = Counter(i for ids in named.values() for i in ids)
    kept = [i for i, draft in enumerate(drafts) if (counts[i] or draft.keep) and names[i]]
    number = {id(draft): i for i, draft in enumerate(drafts)}
    entities = sorted((_entity(drafts[i], names[i], counts[i], registry) for i in kept), key=lambda e: (-e.mentions, e.name))
    order = {entity.name: n for n, entity in enumerate(entities)}
    renumber = {i: order[names[i]] for i in kept}
    final = Matcher(
        {key: renumber[number[id(d)]] for key, d in registry.by_key.items() if number[id(d)] in renumber},
        registry.cased,
    )
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple for the sentences naming the same entities
    for sentence, ids in named.items():
        names_in = tuple(entities[renumber[i]].name for i in ids if i in renumber)
        named[sentence] = shared.setdefault(names_in, names_in)
    sentence_names = tuple(named.get(sentence, ()) for sentence in range(len(texts)))
    roles = {names[i]: tuple(drafts[i].roles) for i in kept if drafts[i].roles}
    return EntityIndex(tuple(entities), roles, final, sentence_names, frozenset(registry.phrases))


COUNTRY_AFTER = re.compile(r" of (?:the )?(?:Republic of )?([A-Z][\w'’-]+)")


def split_by_country(registry: Registry, texts: Sequence[str], spans: dict[int, list[tuple[int, int, int]]], names: list[str]) -> tuple[list[Draft], list[str]]:
    """A body named by its office ("Ministry of Defence") is one body for each country its
    mentions give it ("the Armenian Ministry of Defence", "Peru's Ministry of Defence"): where
    they give two or more, each country's mentions go to "Ministry of Defence (Armenia)". The
    spans are rewritten in place; returns the drafts and names with the new bodies appended."""
    drafts, names = list(registry.drafts), list(names)
    countries: dict[int, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    office_body = cache(lambda i: _office_body(drafts[i], names[i]))  # asked once per entity, not per mention
    side_of = cache(lambda i: _side(drafts[i], names[i], decided_type(drafts[i], names[i]), registry))
    unplaced: set[int] = set()  # bodies with a sentence that gives them no country
    for sentence, found in spans.items():
        given: dict[int, set[int]] = defaultdict(set)  # body -> countries this sentence gives it
        for i, start, end in found:
            if office_body(i):
                country = (
                    _country_around(texts[sentence], start, end, registry)
                    or _the_country(texts[sentence], start, found, drafts)
                    or _listed_with(texts[sentence], start, found, side_of, drafts)
                )
                given[i].add(number_of(drafts, country) if country is not None else -1)
        for i, numbers in given.items():
            known = numbers - {-1}
            if len(known) == 1:  # "Peru's Ministry of Defence (MoD)": the bracket is Peru's too
                country = known.pop()
                countries[i][country] += [(sentence, n) for n, (j, _, _) in enumerate(found) if j == i]
            elif not known:
                unplaced.add(i)
    national = _national_bodies(registry) if countries else {}
    states = [draft for draft in registry.drafts if draft.type == "country"]
    for i, by_country in countries.items():
        targets = {country: _national_body(national, drafts[i], names[i], drafts[country]) for country in by_country}
        if len(by_country) < 2 and not _apart(i, by_country, targets, unplaced, national, drafts, names, states):
            continue
        for country, mentions in by_country.items():
            body = targets[country]
            if body is None:
                body = Draft(type="organization", name=f"{names[i]} ({names[country]})")
                body.nations[name_key(names[country])] += 1
                drafts.append(body)
                names.append(body.name)
            number = number_of(drafts, body)
            for sentence, n in mentions:
                _, start, end = spans[sentence][n]
                body.spellings[texts[sentence][start:end]] += 1
                drafts[i].spellings[texts[sentence][start:end]] -= 1  # no longer its way of writing
                spans[sentence][n] = (number, start, end)
        drafts[i].spellings = +drafts[i].spellings
        drafts[i].nations.clear()  # what is left gives no country
    return drafts, names


def _apart(i: int, by_country: dict, targets: dict, unplaced: set[int], national: Mapping, drafts: list[Draft], names: list[str], states: list[Draft]) -> bool:
    """Whether the mentions of body i that one country's words give it go apart from the rest:
    when every mention goes to the body of that name and country ("the country's Prosecutor's
    Office" to "Prosecutor's Office of Peru"), or when the document names the body of another
    country too, so that the mentions that give no country may be either's."""
    if i not in unplaced:
        return None not in targets.values()
    given = {id(drafts[country]) for country in by_country}
    return any(id(state) not in given and _national_body(national, drafts[i], names[i], state) for state in states)


def _the_country(text: str, start: int, found: list[tuple[int, int, int]], drafts: list[Draft]) -> Draft | None:
    """ "the country's Prosecutor's Office": the one country the sentence names before it."""
    if not text[max(0, start - 16) : start].lower().endswith(("the country's ", "the country’s ")):
        return None
    named = {id(drafts[i]): drafts[i] for i, _, end in found if end <= start and drafts[i].type == "country"}
    return next(iter(named.values())) if len(named) == 1 else None


# What stands between names listed together: "A, B, the C and D".
LISTING = re.compile(r"(?:,| and|, and)(?: the)? ")


def _listed_with(text: str, start: int, found: list[tuple[int, int, int]], side_of: Callable[[int], int | None], drafts: list[Draft]) -> Draft | None:
    """ "including Ministry of Defense, the Border Service, the Security Service, and ANAMA": a
    body listed with two or more bodies on one side, of which one country is the combatant, is
    that country's (`side_of`: the side of a draft by its number)."""
    listed = _listing_around(text, start, found)
    sides = {side_of(i) for i in listed}
    if len(listed) < 2 or len(sides) != 1 or None in sides:
        return None
    side = sides.pop()
    countries = [d for d in drafts if d.type == "country" and d.sides == {side} and "combatant" in d.party_roles]
    return countries[0] if len(countries) == 1 else None


def _listing_around(text: str, start: int, found: list[tuple[int, int, int]]) -> list[int]:
    """The names listed right before and after the name at `start`, one after another."""
    position = next(n for n, (_, begin, _) in enumerate(found) if begin == start)
    listed = []
    for step in (-1, 1):
        n = position
        while 0 <= n + step < len(found):
            left, right = (found[n + step], found[n]) if step < 0 else (found[n], found[n + step])
            if not LISTING.fullmatch(text, left[2], right[1]):
                break
            n += step
            listed.append(found[n][0])
    return listed


def _national_bodies(registry: Registry) -> dict[tuple[str, ...], Draft]:
    """Every known name by its key spelled the American way ("defense") and in the "Ministry of
    X" order."""
    return {_plain_spelling(key): draft for key, draft in registry.by_key.items()}


def _plain_spelling(key: tuple[str, ...]) -> tuple[str, ...]:
    return office_order(tuple(SPELLINGS.get(word, word) for word in key))


def _national_body(national: Mapping[tuple[str, ...], Draft], body: Draft, name: str, country: Draft) -> Draft | None:
    """The body of that country the document names with the country in its name: "Peruvian
    Ministry of Defence" or "Ministry of Defense of Peru" for the Ministry of Defense of Peru."""
    nation = nation_of(canonical(country))
    demonyms = {(fold(d),) for d in nation.demonyms} if nation else set()
    countries = {key for key, draft in national.items() if draft is country}
    for key in {name_key(s) for s in [name, *body.spellings] if len(name_key(s)) > 1}:
        key = _plain_spelling(key)
        forms = [d + key for d in demonyms] + [key + of + c for c in countries for of in (("of",), ("of", "the"))]
        found = next((national[form] for form in forms if form in national and national[form] is not body), None)
        if found is not None:
            return found
    return None


def number_of(drafts: list[Draft], draft: Draft) -> int:
    return next(i for i, d in enumerate(drafts) if d is draft)


def _office_body(draft: Draft, name: str) -> bool:
    """A body of a state that its name does not tie to a country ("Foreign Ministry")."""
    key = name_key(name)
    if draft.keep or draft.sides or not key or decided_type(draft, name) != "organization":
        return False
    return head_word(key) in STATE_HEADS and _nation_in_name(name) is None


def _country_around(text: str, start: int, end: int, registry: Registry) -> Draft | None:
    """The country a mention's own words give it: "Armenian X", "Peru's X", "Peru X", "X of
    (the Republic of) Peru"."""
    before = tokenize(text, max(0, start - 40), start)
    key = None
    if before and text[before[-1].end : start] == " ":
        key = nation_of_word(before[-1])
    if key is None and before and text[before[-1].end : start] in (" ", ") ") and is_country(before[-1].text):
        key = name_key(before[-1].text)  # "the Peru Foreign Ministry", "the Dorn (Peru) Foreign Ministry"
    after = COUNTRY_AFTER.match(text, end)
    if key is None and after:
        key = name_key(after.group(1))
    if key is None and text[max(0, start - 2) : start] == " (":
        key = _nation_opening(text, start - 2)
    if key is None:
        return None
    draft = registry.by_key.get(key)
    if draft is None:
        nation = nation_of(" ".join(key))
        draft = next((registry.by_key[k] for k in map(name_key, nation.names) if k in registry.by_key), None) if nation else None
    return draft if draft is not None and draft.type == "country" else None


def _nation_opening(text: str, end: int) -> tuple[str, ...] | None:
    """The country of the name that ends at `end`, from its first word: "the Peruvian Minister
    of Defence (MoD)", "Peru's Ministry of Defence (MoD)"."""
    words = tokenize(text, max(0, end - 80), end)
    i = len(words)
    while i > 0 and (words[i - 1].text[:1].isupper() or words[i - 1].key in CONNECTORS):
        if i < len(words) and text[words[i - 1].end : words[i].start] != " ":
            break
        i -= 1
    named = [word for word in words[i:] if word.key not in STOPWORDS]
    return nation_of_word(named[0]) if named else None


def _entity(draft: Draft, name: str, mentions: int, registry: Registry) -> Entity:
    ordered = sorted(draft.spellings.items(), key=lambda item: -item[1])
    aliases = tuple(spelling for spelling, _ in ordered if spelling != name)
    kind = decided_type(draft, name)
    side = _side(draft, name, kind, registry)
    role = next((role for role in ROLE_STRENGTH if role in draft.party_roles), None)
    return Entity(name, kind, aliases, draft.page, side, mentions, role)


def _side(draft: Draft, name: str, kind: str, registry: Registry, bodies: bool = True) -> int | None:
    """The infobox's side; else, for a person or a body, the one side of every country, person
    or body the prose ties it to ("Azerbaijani soldier X", a body "of Armenia", "the head of
    the Border Service X"). `bodies=False`: a body's own ties to other bodies are not followed."""
    if draft.sides:
        return next(iter(draft.sides)) if len(draft.sides) == 1 else None
    if kind not in ("person", "organization"):
        return None
    if kind == "organization" and head_word(name_key(without_qualifier(name))) not in STATE_HEADS:  # "Service (Peru)"
        return None
    ties = list(draft.nations)
    if kind == "organization":
        ties += [key for key in (_nation_in_name(name),) if key]
    sides = {_side_of(key, registry, bodies) for key in ties}
    return sides.pop() if len(sides) == 1 else None


def _nation_in_name(name: str) -> tuple[str, ...] | None:
    """The country a body's own name gives it: "Peruvian State Border Service", "Peru National
    Agency", "Office of Peru", "Service of the Peruvian Army"."""
    words = tokenize(name)
    if len(words) < 2:
        return None
    first = nation_of_word(words[0])
    if first:
        return first
    if is_country(words[0].text):
        return name_key(nation_of(words[0].text).name)
    of = [i for i, word in enumerate(words) if word.key == "of"]
    if of and is_country(surface(name, words[of[-1] + 1 :])):
        return name_key(nation_of(surface(name, words[of[-1] + 1 :])).name)
    after = [word for word in words[of[-1] + 1 :] if word.key != "the"] if of else []
    return nation_of_word(after[0]) if len(after) > 1 else None  # "Service of the Peruvian Army"


def _side_of(key: tuple[str, ...], registry: Registry, bodies: bool = True) -> int | None:
    """The side a country, person or body passes to those the prose ties to it: an infobox
    party's unless it only supplied arms, an infobox commander's or unit's, or (when `bodies`)
    the side a body of a state is given."""
    draft = registry.by_key.get(key)
    if draft is None:
        nation = nation_of(" ".join(key))
        names = (name_key(name) for name in (nation.names if nation else ()))
        draft = next((registry.by_key[k] for k in names if k in registry.by_key), None)
    if draft is None:
        return None
    if len(draft.sides) == 1:
        return next(iter(draft.sides)) if _passes_side(draft) else None
    name = canonical(draft)
    if bodies and not draft.sides and decided_type(draft, name) == "organization":
        return _side(draft, name, "organization", registry, bodies=False)
    return None


def _passes_side(draft: Draft) -> bool:
    """A party of the infobox passes its column's side to its people and bodies, but for one
    listed only as an arms supplier (a supplier's president may be a mediator); so do the
    infobox's commanders and units."""
    if draft.party_roles:
        return any(role != "arms supplier" for role in draft.party_roles)
    return draft.keep and draft.type in ("person", "organization")
