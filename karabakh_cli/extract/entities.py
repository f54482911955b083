"""Entities: the people, places, bodies, countries and weapons an article names.

Where names come from, strongest evidence first:
1. the infobox: parties, commanders, units and equipment of each side (`sides`), and the
   pages its links point to;
2. acronyms the prose expands ("National Security Service (NSS)"), or whose letters are the
   initials of exactly one name ("HRW" → Human Rights Watch);
3. aliases the prose states ("Shusha, known to Armenians as Shushi", "Shusha (Shushi)",
   "Republic of X" for a country X);
4. runs of capitalised words in the prose ("Ghazanchetsots Cathedral", "Ministry of Foreign
   Affairs"), split at names already known and at titles ("President of Russia Vladimir
   Putin" names Vladimir Putin; "President of Russia" is a title, not an entity).

A word that opens a sentence is a name only when the document also capitalises it elsewhere
and never writes it in lower case ("May", "The", "Shells" are not names). Spellings that
differ only in case or diacritics ("Füzuli", "Fuzuli") are one entity. A surname stands for a
person when exactly one person of the article bears it ("Aliyev" → Ilham Aliyev, while
"Aliyeva" stays Mehriban Aliyeva).

Types come from the infobox, then from the name's own head word ("... District", "Ministry
of ..."), then from the words around its mentions ("journalist X", "X, a Russian citizen",
"the city of X", "X tanks") and from the names it is listed with ("Tartar, Beylagan and
Barda"); without evidence the type stays `other`. The word lists below
are general English, never about one article.

A sentence mentions an entity when it names it under any alias, matched case- and
diacritics-insensitively on whole words, leftmost-longest: "Azerbaijan Airlines" is one
mention of the airline, not of Azerbaijan. Names are looked for where the text has capitals
(and the lowercase words that go on a known name: "Lachin corridor"), so the work grows with
the capitalised words of a document, not with all of them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from .document import Sentence
from .nations import nation_of, nations
from .textnorm import fold

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
    date: object  # the sentence's date from the timeline (an ISO date), or None
    sentence: int


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


# --- general word lists ------------------------------------------------------------------

MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Function words: never a name, and never the start of one.
STOPWORDS = frozenset(
    """a an the in on at by for from to of with without and or but nor as after before during
    since until while when where which who whom whose what that this these those it its he she
    they them their his her him we our you your i is are was were be been being has have had do
    does did not no also both all any some many most more other another such there here then
    than so if however although though despite following according throughout within between
    among against over under about into onto upon per via each every either neither one two
    three four five six seven eight nine ten will would can could may might must shall should
    further furthermore meanwhile nonetheless subsequently additionally later earlier even only
    just yet still again once because thus hence therefore instead""".split()
)
# Lowercase words that may sit inside a name: "Ministry of Foreign Affairs", "Thomas de Waal".
CONNECTORS = frozenset("of for on the de du da del della der van von y".split())
# "A of B" is split into A and B when A has no head word of its own ("Alexander Gabuev of the
# Carnegie Moscow Center"); "Ministry of Foreign Affairs" is not.
SPLITTING_CONNECTORS = frozenset("of for on".split())
NAME_PARTICLES = frozenset("al el ad as ash at az bin ibn".split())  # "al-Sham"
# Words that make the capitalised words after them a person ("President Erdoğan").
TITLES = frozenset(
    """president vice-president prime minister premier chancellor king queen prince princess
    emperor empress tsar czar sultan shah emir pope general lieutenant colonel major captain
    admiral marshal sergeant commander secretary secretary-general ambassador governor mayor
    senator chairman chairwoman director spokesman spokeswoman spokesperson defender ombudsman
    chief head deputy envoy judge fellow commissar major-general lieutenant-general hero duke
    earl lord baron sheikh shaykh imam ayatollah patriarch catholicos archbishop bishop cardinal
    rabbi mufti""".split()
)
# Nouns for people: "journalist X", "X, a Russian citizen", "the minister, X".
PERSON_NOUNS = TITLES | frozenset(
    """journalist reporter correspondent expert analyst scientist researcher professor historian
    writer author activist soldier officer adviser advisor aide member citizen resident villager
    surgeon doctor lawyer official representative leader contributor investigator victim father
    mother son daughter brother sister wife husband man woman boy girl priest bishop named mr mrs
    ms dr sir aged""".split()
)
PLACE_NOUNS = frozenset(
    """city town village capital district districts province provinces region country exclave
    settlement municipality county state island river lake valley mountain sea""".split()
)
ORG_NOUNS = frozenset(
    """organisation organization agency group company newspaper magazine journal network party
    broadsheet tabloid outlet broadcaster channel website daily weekly groups organizations
    organisations agencies companies networks""".split()
)
# Nouns for the people of a body, written after its name: "a Novaya Pravda correspondent".
STAFF_NOUNS = frozenset(
    """correspondent correspondents journalist journalists reporter reporters employee employees
    editor editors staff""".split()
)
# Abbreviations of general English, never a body: "12:00 UTC", "a POW".
GENERAL_ABBREVIATIONS = frozenset("utc gmt pow idp uav ugv mlrs atgm manpads gdp ceo km bc bce ad am pm".split())
WEAPON_NOUNS = frozenset(
    """tank tanks drone drones missile missiles launcher launchers rocket rockets howitzer
    howitzers gun guns helicopter helicopters aircraft fighter fighters fighter-bombers bomber
    bombers munition munitions rifle rifles vehicle vehicles system systems mortar mortars""".split()
)
PLACE_PREPOSITIONS = frozenset("in near towards toward entering".split())
# "the shelling of X", "the vicinity of X": what is done to or around a place.
PLACE_OF_NOUNS = frozenset("vicinity outskirts suburbs shelling bombardment siege capture outskirt".split())
DETERMINERS = frozenset("a an the".split())
COPULAS = frozenset("is was".split())
# The word a name ends on (or ends on before "of") tells what it names.
HEAD_TYPES = {
    **dict.fromkeys(
        """ministry ministries service agency council committee court army forces force office
        offices assembly association organization organisation institute center centre union
        group front bank airlines foundation coalition watch observatory division corps
        detachment police troops navy garrison battalion brigade regiment party government
        cabinet duma parliament trust program programme commission international staff
        crescent cross news times conference house university college school company
        corporation administration""".split(),
        "organization",
    ),
    **dict.fromkeys(
        """district districts province region oblast city town village square street corridor
        dam bridge bridges airport mountains mountain river lake bay sea park mosque cathedral
        church metro border territories territory ssr asia caucasus exclave pass valley strait
        straits gulf peninsula heights strip desert plateau canal islands coast hills""".split(),
        "place",
    ),
    **dict.fromkeys(
        """war wars conflict conflicts protocol principles agreement statement day order operation
        parade initiative amendment convention crisis massacre referendum battle siege treaty
        revolution election elections""".split(),
        "other",
    ),
    **dict.fromkeys("nations".split(), "organization"),
    **dict.fromkeys("empire khanate sultanate caliphate".split(), "country"),
}
# Heads of the bodies of a state, which stand on the side of their country: a bank or an
# association of the same country does not.
STATE_HEADS = frozenset(
    """ministry service agency council committee army forces force office assembly division corps
    detachment police troops navy garrison battalion brigade regiment government cabinet duma
    parliament staff administration guard""".split()
)
# A plural head lists several: "the Military Prosecutor's Offices of Fuzuli, Tartar and Ganja".
PLURAL_HEADS = frozenset(
    """offices ministries districts provinces regions councils committees courts agencies
    services cities towns villages""".split()
)
FIRST_WORD_TYPES = {
    **dict.fromkeys("mount lake fort cape port".split(), "place"),
    "operation": "other",
}
DEMONYM_ENDINGS = frozenset("i is n ns an ans ian ians ese ish".split())
ADJECTIVE_ENDINGS = ("an", "ian", "ean", "ese", "ish", "ic", "ist", "ite", "ni")

# --- countries (from the general world list in nations.py) -----------------------------


def is_country(name: str) -> bool:
    nation = nation_of(name)
    return nation is not None and fold(name) not in {fold(d) for d in nation.demonyms}


def demonym(word: str, stems: Mapping[str, set[str]]) -> bool:
    """ "Armenian", "Azerbaijanis", "Turkish": a country's people or adjective, from the world
    list or made from a stem of another country (`country_stems`: "Keshi" from "kesh")."""
    nation = nation_of(word)
    if nation is not None:
        return fold(word) in {fold(d) for d in nation.demonyms}
    word = fold(word)
    return any(
        country != word
        for ending in DEMONYM_ENDINGS
        if word.endswith(ending)
        for country in stems.get(word[: -len(ending)], ())
    )


def country_stems(countries: Iterable[str]) -> dict[str, set[str]]:
    """Folded one-word country names by the stems their demonyms are made from: "kesh" and "kes"."""
    stems: dict[str, set[str]] = defaultdict(set)
    for country in countries:
        stems[country].add(country)
        stems[country[:-1]].add(country)
    return stems


# --- words -------------------------------------------------------------------------------

TOKEN = re.compile(r"(\w+(?:[-‐‑–]\w+)*)(['’]s?(?!\w))?")
HYPHEN = re.compile(r"[-‐‑–]")
OPENERS = frozenset("\"“‘([:")
# Abbreviations whose period does not end a name: "Church of St. Anne", "Dr. Smith".
NAME_ABBREVIATIONS = frozenset("St Mt Ft Dr Mr Mrs Ms Jr Sr Gen Col Lt Capt Sgt Prof".split())
CLAUSE_BREAKS = ",;:()\"“”"
# Where capital letters are looked for: Latin, Greek, Cyrillic, Armenian, Latin Extended Additional.
CAPITAL_RANGES = ((0x41, 0x5B), (0xC0, 0x250), (0x370, 0x590), (0x1E00, 0x2000))
NEARBY = 40  # characters around a name searched for the words that tell what it is
ENOUGH_CONTEXTS = 12  # contexts of one name read for its type: more only cost time
LIST_SEPARATORS = frozenset({", ", " and ", ", and ", " or "})


class Token(NamedTuple):
    text: str  # the word as written, without its possessive ending
    key: str  # folded
    start: int
    end: int  # after the possessive ending, if any
    initial: bool  # opens the sentence, a quotation or a bracket: its capital tells nothing
    possessive: bool


def tokenize(text: str, start: int = 0, end: int | None = None, limit: int = -1) -> list[Token]:
    """The words of text[start:end] (at most `limit` of them), with offsets into `text`."""
    end = len(text) if end is None else min(end, len(text))
    tokens: list[Token] = []
    for match in TOKEN.finditer(text, start, end):
        word, possessive = match.groups()
        first, last = match.span()
        initial = not tokens and opens(text, first)
        fields = (word, fold(word), first, last, initial, possessive is not None)
        tokens.append(tuple.__new__(Token, fields))  # faster than Token(...), a Python call
        if len(tokens) == limit:
            break
    return tokens


def opens(text: str, position: int) -> bool:
    """Whether a word at `position` opens the text, a quotation or a bracket."""
    before = text[max(0, position - 3) : position].rstrip()
    return not before or before[-1] in OPENERS


_KEY = attrgetter("key")


def key_of(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(map(_KEY, tokens))


@lru_cache(maxsize=4096)
def name_key(name: str) -> tuple[str, ...]:
    return key_of(tokenize(name))


def surface(text: str, tokens: list[Token]) -> str:
    """The words as written, without a final possessive ending."""
    return text[tokens[0].start : tokens[-1].start + len(tokens[-1].text)]


def is_acronym(word: str) -> bool:
    """"NSS", "MoFA", "ICRC": letters only, two or more capitals; not a plural ("UAVs")."""
    return word.isalpha() and word[0].isupper() and sum(c.isupper() for c in word) >= 2 and word[-1] != "s"


def is_code(word: str) -> bool:
    """A model or unit code, with a digit and a capital: "9K33", "TB2", "T-72", "Mi-24"."""
    return any(c.isdigit() for c in word) and any(c.isupper() for c in word)


@lru_cache(maxsize=None)
def is_name_word(word: str) -> bool:
    """A capitalised word (each hyphenated part too), a code, an acronym or an ordinal ("1st");
    not a month or a day."""
    if fold(word) in MONTHS_AND_DAYS:
        return False
    if is_code(word) or is_acronym(word) or re.fullmatch(r"\d+(?:st|nd|rd|th)", word):
        return True
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():  # "UAVs", "POWs"
        return False
    parts = HYPHEN.split(word)
    if len(parts) > 1 and parts[0] in NAME_PARTICLES:  # "al-Sham"
        parts = parts[1:]
    return parts[0][:1].isupper() and all(part[:1].isupper() or part[:1].isdigit() for part in parts)


def head_type(key: tuple[str, ...]) -> str | None:
    """The type a name's head word gives: "Tartar District" → place, "Ministry of ..." → organization."""
    if key[0] in FIRST_WORD_TYPES:
        return FIRST_WORD_TYPES[key[0]]
    return HEAD_TYPES.get(head_word(key))


def head_word(key: tuple[str, ...]) -> str:
    """The word a name ends on, or ends on before "of": "Ministry" of "Ministry of Defence"."""
    for index, word in enumerate(key[1:], 1):
        if word in SPLITTING_CONNECTORS:
            return key[index - 1]
    return key[-1]


def singular(name: str, words: set[str]) -> str:
    """ "BM-30 Smerches" → "BM-30 Smerch" when the document has the singular; "S-300s" → "S-300"."""
    if re.search(r"\ds$", name):
        return name[:-1]
    for ending in ("es", "s"):
        if name.endswith(ending) and fold(name[: -len(ending)].split()[-1]) in words:
            return name[: -len(ending)]
    return name


# --- stretches of capitalised words ------------------------------------------------------


@lru_cache(maxsize=1)
def _stretch_pattern() -> re.Pattern:
    """Capitalised words (or ordinals, codes) joined by single spaces, possessives, the period
    of an abbreviation, and lowercase joining words: "Ministry of Foreign Affairs", "Armenia and
    Azerbaijan". Built on first use: the class of capitals is read from Unicode."""
    capitals = "".join(
        char for low, high in CAPITAL_RANGES for char in map(chr, range(low, high)) if char.isupper() or char.istitle()
    )
    particles = "|".join(sorted(NAME_PARTICLES))
    word = rf"(?:(?:{particles})[-‐‑–])?(?:[{capitals}]|\d+[^\W\d_])\w*(?:[-‐‑–]\w+)*"
    # The first word opens on one class of characters, so that the regex engine skips ahead to
    # the next capital or digit instead of trying every position; the lookbehind then checks
    # the character before it (no word, apostrophe or hyphen), and a digit needs a letter
    # after its digits ("9K33"), as in `word`.
    first = rf"[{capitals}\d](?<![\w'’-].)(?:(?<!\d)|\d*[^\W\d_])\w*(?:[-‐‑–]\w+)*"
    joining = "|".join(sorted(CONNECTORS | {"and"}))
    link = rf"(?:['’]s?)?\.? (?:(?:{joining}) ){{0,2}}"
    return re.compile(rf"{first}(?:{link}{word})*(?:['’]s?(?!\w))?")


def stretches(text: str) -> list[list[Token]]:
    """The stretches of capitalised words in a text, as words: where names can be."""
    found = []
    for match in _stretch_pattern().finditer(text):
        start = match.start()
        words = [
            tuple.__new__(Token, (word, key, start + begin, start + end, False, possessive))
            for word, key, begin, end, possessive in _stretch_words(match.group())
        ]
        if opens(text, start):
            words[0] = words[0]._replace(initial=True)
        found.append(words)
    return found


@lru_cache(maxsize=4096)
def _stretch_words(stretch: str) -> tuple[tuple[str, str, int, int, bool], ...]:
    """The words of a stretch as tokenize() gives them, but for `initial`, which depends on
    the text before it: read once however often the stretch recurs."""
    return tuple((token.text, token.key, token.start, token.end, token.possessive) for token in tokenize(stretch))


def raw_runs(text: str, stretch: list[Token]) -> list[list[Token]]:
    """A stretch cut into runs of name words, keeping inner connectors ("of the") but not
    "and", a period that is no abbreviation's, a stopword or a month."""
    found: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []
    previous: Token | None = None
    for token in stretch:
        if previous is not None and not _linked(text, previous, token):
            current, pending = _closed(current, found), []
        previous = token
        if _run_word(token, current):
            current += pending + [token]
            pending = []
        elif current and token.key in CONNECTORS and len(pending) < 2:
            pending.append(token)
        else:
            current, pending = _closed(current, found), []
    _closed(current, found)
    return _joined_by_and(text, found)


def _joined_by_and(text: str, runs: list[list[Token]]) -> list[list[Token]]:
    """ "Belt and Road Initiative": a word, "and", then two words ending on an event's or a
    plan's head word are one name; "Armenia and Azerbaijan" are two."""
    joined: list[list[Token]] = []
    for run in runs:
        last = joined[-1] if joined else None
        if (
            last is not None
            and (len(last) == 1 or last[-2].possessive)  # "China's Belt and Road Initiative"
            and len(run) == 2
            and text[last[-1].end : run[0].start] == " and "
            and head_type(key_of(run)) == "other"
            and nation_of(last[-1].text) is None
        ):
            joined[-1] = last + tokenize(text, last[-1].end, run[0].start) + [run[0]._replace(initial=False)] + run[1:]
            continue
        joined.append(run)
    return joined


def _linked(text: str, left: Token, right: Token) -> bool:
    """One space between two words, or the period of an abbreviation ("St. Anne")."""
    gap = text[left.end : right.start]
    return gap == " " or (gap == ". " and left.text in NAME_ABBREVIATIONS)


def _run_word(token: Token, current: list[Token]) -> bool:
    if token.text == "The":  # "in The Hague"; a sentence's opening "The" is no name
        return not current and not token.initial
    if token.text == "I":  # "World War I"
        return bool(current)
    return token.key not in STOPWORDS and is_name_word(token.text)


def _closed(current: list[Token], found: list[list[Token]]) -> list[Token]:
    if current and current[-1].text != "The":
        found.append(current)
    return []


class Vocabulary:
    """What the whole document says about each word: written in lower case, capitalised
    inside a sentence, and the runs of names that stand inside sentences."""

    def __init__(self, texts: list[str], runs: Iterable[list[Token]]):
        written = set(re.findall(r"\w+(?:[-‐‑–]\w+)*", "\n".join(texts)))
        self.words = {fold(word) for word in written}
        self.lower = {fold(word) for word in written if word[0].islower()}
        self.capitalised: set[str] = set()
        self.inner_runs: set[tuple[str, ...]] = set()  # runs of names inside sentences
        self.phrases: set[tuple[str, ...]] = set()  # every stretch of two to five run words
        for run in runs:
            key = key_of(run)
            self.capitalised.update(t.key for t in run if not t.initial and is_name_word(t.text))
            if not run[0].initial:
                self.inner_runs.add(key)
            for size in range(2, min(len(key), 5) + 1):
                self.phrases.update(key[i : i + size] for i in range(len(key) - size + 1))

    def proper(self, token: Token) -> bool:
        """Whether a word is a name even where its capital tells nothing."""
        if is_code(token.text) or is_acronym(token.text):
            return True
        return token.key not in self.lower and token.key in self.capitalised


def trimmed(run: list[Token], vocabulary: Vocabulary, known: Collection[tuple[str, ...]] = ()) -> list[Token]:
    """The run without an opening word whose capital tells nothing and that is no name:
    "Several Azerbaijani ..." loses "Several", "Stephen Goose" keeps "Stephen", a run that
    opens on a known name ("Second Lake War") keeps it."""
    first = run[0]
    if not first.initial or key_of(run) in vocabulary.inner_runs:
        return run
    if any(key_of(run[:size]) in known for size in range(2, len(run) + 1)):
        return run
    common = first.key in vocabulary.lower or first.key in STOPWORDS or first.key in PERSON_NOUNS - TITLES
    if (len(run) > 1 and not common) or (len(run) == 1 and vocabulary.proper(first)):
        return run
    run = run[1:]
    while run and run[0].key in CONNECTORS:
        run = run[1:]
    return run


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
        return self.type == "person" or (self.type is None and _top_vote(self.votes) == "person")


def _top_vote(votes: Counter) -> str | None:
    """The type with most votes; person wins a tie, then organization, weapon, place."""
    best = max(("person", "organization", "weapon", "place"), key=votes.__getitem__)  # the first of equals
    return best if votes[best] > 0 else None


class Registry:
    """Every known name (as a folded word tuple) and the draft it belongs to."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, ...], Draft] = {}
        self.cased: dict[tuple[str, ...], bool] = {}
        self.drafts: list[Draft] = []
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


# --- the infobox -------------------------------------------------------------------------

PARTY_ROLES = {
    "combatant": "belligerent of side {side}",
    "alleged": "alleged belligerent of side {side}",
    "supporter": "supporter of side {side}",
    "arms supplier": "arms supplier of side {side}",
    "volunteers": "volunteers on side {side}",
}
# The strongest role of a party listed more than once ("alleged" and "supporter").
ROLE_STRENGTH = ("combatant", "alleged", "volunteers", "supporter", "arms supplier")


def from_sides(registry: Registry, sides, vocabulary: Vocabulary) -> None:
    """Parties, commanders, units and equipment of each infobox column."""
    for side in sides:
        for party in side.parties:
            _add_party(registry, party, side.side, vocabulary)
        for commander in side.commanders:
            role = f"commander of side {side.side}" + (f" ({commander.country})" if commander.country else "")
            _add_infobox(registry, commander.name, "person", commander.page, role, side.side)
        for unit in side.units:
            role = f"unit of {unit.group} (side {side.side})" if unit.group else f"unit of side {side.side}"
            kind = head_type(name_key(unit.name) or ("",)) or "organization"
            _add_infobox(registry, unit.name, kind, None, role, side.side)
        for line in side.equipment:
            for name in _equipment_names(line, vocabulary):
                _add_infobox(registry, name, "weapon", None, f"equipment of side {side.side}", side.side)


def _add_party(registry: Registry, party, side: int, vocabulary: Vocabulary) -> None:
    page = party.page
    flag_page = page is not None and page == page.lower() and fold(page) == fold(party.name)
    if flag_page:
        page = party.name
    name = party.name if _is_proper_phrase(party.name, vocabulary) or page is None else page
    if flag_page or is_country(name):
        kind = "country"
    else:
        kind = head_type(name_key(name) or ("",)) or "other"
    role = PARTY_ROLES.get(party.role, party.role + " of side {side}").format(side=side)
    if party.note:
        role += f" ({party.note})"
    draft = _add_infobox(registry, name, kind, page, role, side)
    if party.role not in draft.party_roles:
        draft.party_roles.append(party.role)


def _add_infobox(registry: Registry, name: str, kind: str, page: str | None, role: str, side: int | None) -> Draft:
    draft = registry.add(name)
    draft.name = draft.name or name
    draft.type = draft.type or kind
    draft.page = draft.page or page
    draft.keep = True
    draft.weak = False
    if role not in draft.roles:
        draft.roles.append(role)
    if side is not None:
        draft.sides.add(side)
    return draft


def _equipment_names(line: str, vocabulary: Vocabulary) -> list[str]:
    runs = (trimmed(run, vocabulary) for stretch in stretches(line) for run in raw_runs(line, stretch))
    return [singular(surface(line, run), vocabulary.words) for run in runs if run]


def _is_proper_phrase(text: str, vocabulary: Vocabulary) -> bool:
    """Whether link text or a party is a name ("SOHR", "Nakhchivan"), not words ("Casualties")."""
    tokens = tokenize(text)
    if not tokens or not all(is_name_word(t.text) or t.key in CONNECTORS for t in tokens):
        return False
    return len(tokens) > 1 or vocabulary.proper(tokens[0])


def from_links(registry: Registry, infobox, vocabulary: Vocabulary) -> None:
    """Pages the infobox links to; link text that is itself a name becomes an alias."""
    if infobox is None:
        return
    for field_name, fld in infobox.fields.items():
        for link in fld.links:
            page = link.page
            if page is None or ":" in page or not page[:1].isupper():
                continue
            draft = registry.get(page) or registry.get(link.text)
            draft = registry.add(page, draft, count=0)
            draft.page = draft.page or page
            if field_name in ("place", "location"):
                draft.votes["place"] += 3
            if link.text != page and _is_proper_phrase(link.text, vocabulary):
                registry.add(link.text, draft, count=0)


def from_gazetteer(registry: Registry, vocabulary: Vocabulary) -> None:
    """Countries of the general world list that the document names, under each name it uses."""
    for nation in {id(n): n for n in nations().values()}.values():
        demonyms = {fold(d) for d in nation.demonyms}
        present = [name for name in nation.names if fold(name) not in demonyms and _written(name, vocabulary)]
        if not present:
            continue
        draft = next((registry.get(name) for name in present if registry.get(name)), None)
        if draft is None:  # named as written, should the prose only open sentences with it
            draft = registry.add(present[0], count=0)
            draft.weak = True
        draft.type = draft.type or "country"
        for name in present:
            registry.add(name, draft, spelling=False)


def _written(name: str, vocabulary: Vocabulary) -> bool:
    """Whether the document writes a name, capitalised, somewhere."""
    key = name_key(name)
    if len(key) == 1:
        return key[0] in vocabulary.words and key[0] not in vocabulary.lower
    return key in vocabulary.phrases


def state_names(registry: Registry, vocabulary: Vocabulary) -> None:
    """ "Republic of X" and "X Republic" are the country X where the document says so."""
    for draft in list(registry.drafts):
        if draft.type != "country":
            continue
        for name in list(draft.spellings):
            for form in (f"Republic of {name}", f"{name} Republic"):
                if name_key(form) in vocabulary.phrases:
                    registry.add(form, draft, count=0)
        if not draft.spellings:  # a country of the world list: its names are keys only
            for key in [key for key, owner in registry.by_key.items() if owner is draft]:
                for form in (("republic", "of", *key), (*key, "republic")):
                    if form in vocabulary.phrases:
                        registry.add(" ".join(word.capitalize() for word in form), draft, spelling=False)


def from_war_names(registry: Registry, names: Iterable[str]) -> None:
    """The war itself: the article's title (when it names a war, battle or operation) and the
    names it gives the war, as one entity (listed when the prose names it); an operation's code name is also its name without "Operation"."""
    written = [name for name in dict.fromkeys(names) if name[:1].isupper() or name[:1].isdigit()]
    if not written or head_type(name_key(written[0]) or ("",)) != "other":
        return  # the article is not about a war, a battle or an operation
    draft = registry.add(written[0], count=0)
    draft.name = draft.name or written[0]
    draft.type = draft.type or "other"
    for name in written[1:]:
        key = name_key(name)
        if key in registry.by_key and registry.by_key[key] is not draft and registry.by_key[key].keep:
            continue  # a name of another entity of the infobox
        registry.add(name, draft, count=0)
        if key[0] == "operation" and len(key) > 1:
            registry.add(name.split(" ", 1)[1], draft, count=0)


EVENT_AFTER_PLACE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+) (massacre|pogrom|genocide|uprising)\b")


def from_events(registry: Registry, texts: list[str], vocabulary: Vocabulary) -> None:
    """ "the Dorn massacre": a place's name and a lowercase word for an event name the event."""
    for text in texts:
        for match in EVENT_AFTER_PLACE.finditer(text):
            word = match.group(1)
            key = fold(word)
            if key in STOPWORDS or key in vocabulary.lower or not is_name_word(word) or nation_of(word):
                continue
            draft = registry.add(match.group(0))
            draft.type = draft.type or "other"


# --- what the prose states: acronyms and other names ------------------------------------

PAREN = re.compile(r" \(([^()]{1,60})\)")
KNOWN_AS = re.compile(r",? (?:also |otherwise |locally )?known (?:to [\w ]{1,40}? )?as ")


def from_statements(registry: Registry, texts: list[str], runs: list[list[list[Token]]]) -> None:
    """ "X (ACRONYM)", "X (Y)" and "X, known to ... as Y" give names of one entity."""
    for text, sentence_runs in zip(texts, runs):
        starts = {run[0].start: run for run in sentence_runs}
        for run in sentence_runs:
            paren = PAREN.match(text, run[-1].end)
            if paren and is_acronym(paren.group(1)):
                _add_acronym(registry, text, run, paren.group(1))
            elif paren and paren.start() + 2 in starts and not _continues(text, paren.end()):
                _add_alias(registry, text, run, starts[paren.start() + 2], paren.group(1))
            known_as = KNOWN_AS.match(text, run[-1].end)
            if known_as and known_as.end() in starts:
                other = starts[known_as.end()]
                _add_alias(registry, text, run, other, surface(text, other))


def _continues(text: str, end: int) -> bool:
    """Whether a name goes on after a bracket: "the Nagorno-Karabakh (Artsakh) Foreign Ministry"."""
    return text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()


def _add_acronym(registry: Registry, text: str, run: list[Token], acronym: str) -> None:
    expansion = acronym_expansion(run, fold(acronym))
    if expansion is not None:
        draft = registry.add(surface(text, expansion))
        registry.add(acronym, draft, count=0)


def acronym_expansion(run: list[Token], letters: str) -> list[Token] | None:
    """The shortest end of `run` whose initials spell `letters` ("of", "the" may be skipped)."""
    for start in range(len(run) - 2, -1, -1):
        words = run[start:]
        if words[0].key in CONNECTORS or words[0].key in TITLES:
            continue
        if spells(key_of(words), letters):
            return words
    return None


def spells(words: tuple[str, ...], letters: str) -> bool:
    if not words:
        return not letters
    head, rest = words[0], words[1:]
    if head in CONNECTORS and spells(rest, letters):
        return True
    return bool(letters) and head[:1] == letters[0] and spells(rest, letters[1:])


def _add_alias(registry: Registry, text: str, run: list[Token], other: list[Token], written: str) -> None:
    if surface(text, other) != written.strip():
        return
    draft = registry.add(surface(text, run))
    existing = registry.by_key.get(key_of(other))
    if existing is not None and existing is not draft and existing.keep and draft.keep:
        return  # two entities of the infobox are never one
    registry.add(written.strip(), draft)


# --- names in the prose ------------------------------------------------------------------


class Candidate(NamedTuple):
    name: str
    key: tuple[str, ...]
    vote: str | None  # the type the words around it suggest
    weight: int
    followed_by_word: bool | None  # a lowercase word follows ("Armenian forces"); None: not read
    known: bool  # a name the registry had already
    listed_after: tuple[str, ...] | None  # the name before it in a list: "Baku, Ganja and Yevlakh"
    listed_by: str  # what joins them: ", ", " and ", ...
    nation: tuple[str, ...] | None  # the key of the country or person the words before give it


def scan(texts: list[str], runs: list[list[list[Token]]], registry: Registry) -> list[Candidate]:
    """Every name the prose writes, with what its context says about it."""
    found: list[Candidate] = []
    seen: Counter = Counter()
    cuts: dict[str, list] = {}
    for text, sentence_runs in zip(texts, runs):
        last_end, last_key = None, None  # the name before, in this sentence
        for run in sentence_runs:
            for part, kind, key, name in _named_parts(text, run, registry, cuts):
                if kind == "name" and len(part) == 1 and _figure_of_speech(text, part[0]):
                    continue
                listed_by = text[last_end : part[0].start] if last_end is not None else ""
                listed_after = last_key if listed_by in LIST_SEPARATORS else None
                last_end, last_key = part[0].start + len(name), key
                seen[key] += 1
                vote = ("person", 2) if kind == "person" else None
                followed = None
                undecided = kind == "name" or (kind == "known" and not registry.by_key[key].type)
                if undecided and seen[key] <= ENOUGH_CONTEXTS:  # more contexts would only cost time
                    before, after = _neighbours(text, part)
                    vote = _context_vote(text, part, before, after)
                    followed = _followed_by_word(text, part, after)
                found.append(
                    Candidate(
                        name,
                        key,
                        vote[0] if vote else None,
                        vote[1] if vote else 0,
                        followed,
                        kind == "known",
                        listed_after,
                        listed_by,
                        _nation_before(text, part),
                    )
                )
    return found


def _figure_of_speech(text: str, word: Token) -> bool:
    """ "the Pompeii of the North": a name used as a common noun, standing for no entity."""
    return text[max(0, word.start - 4) : word.start] == "the " and text[word.end : word.end + 4] == " of "


def _named_parts(text: str, run: list[Token], registry: Registry, cuts: dict) -> list[tuple]:
    """(words, kind, key, name as written) of the parts of a run that are no title: name_parts()
    worked out once for each way a run is written, in `cuts`. Most names recur."""
    written = text[run[0].start : run[-1].end]
    if written not in cuts:
        cuts[written] = [
            (run.index(part[0]), len(part), kind, key_of(part), surface(text, part))
            for part, kind in name_parts(run, registry)
            if kind != "title"
        ]
    return [(run[index : index + size], kind, key, name) for index, size, kind, key, name in cuts[written]]


def name_parts(run: list[Token], registry: Registry) -> list[tuple[list[Token], str]]:
    """The run cut into known names, titles, persons after titles and other names."""
    parts: list[tuple[list[Token], str]] = []
    for piece, draft in _split_known(run, registry):
        if draft is not None:
            parts.append((piece, "known"))
            continue
        for loose in _split_loose(piece):
            parts.extend(_titled(loose))
    return [
        (tokens, "person" if kind == "name" and index and parts[index - 1][1] == "title" else kind)
        for index, (tokens, kind) in enumerate(parts)
    ]


def _split_known(run: list[Token], registry: Registry) -> list[tuple[list[Token], Draft | None]]:
    """The run cut at the names the registry knows: (words, the known draft or None)."""
    pieces: list[tuple[list[Token], Draft | None]] = []
    start = i = 0
    while i < len(run):
        size, draft = registry.longest(run, i)
        if not size:
            i += 1
            continue
        end = i + size
        rest = run[end:]
        if rest and not run[end - 1].possessive and rest[0].key not in CONNECTORS and head_type(key_of(rest)):
            i = end  # "Azerbaijan Airlines", "the Russia Studies Program": one name
            continue
        if i > start and run[i - 1].key in CONNECTORS and not draft.is_person():
            # "National Assembly of Armenia": part of a longer name, which may end here
            if rest and (run[end - 1].possessive or rest[0].key not in CONNECTORS):
                pieces.append((run[start:end], None))
                start = end
            i = end
            continue
        if i > start and not run[i - 1].possessive and (draft.weak or is_code(run[i - 1].text) or draft.type == "other"):
            i += 1  # "Michael Jordan", "9K33 Osa", "Great Patriotic War": one name
            continue
        if start < i:
            pieces.append((run[start:i], None))
        pieces.append((run[i:end], draft))
        start = i = end
    if start < len(run):
        pieces.append((run[start:], None))
    return pieces


def _split_loose(piece: list[Token]) -> list[list[Token]]:
    """Cut after a possessive ("Amnesty International's Regional Director") unless a head word
    follows ("Prosecutor General's Office"), and at "A of B" when A has no head word."""
    parts: list[list[Token]] = []
    start = 0
    for i, token in enumerate(piece[:-1]):
        if token.possessive and piece[i + 1].key not in HEAD_TYPES:
            parts.append(piece[start : i + 1])
            start = i + 1
    parts.append(piece[start:])
    split = [smaller for part in parts for smaller in _split_of(part)]
    return [part for part in (_strip_connectors(part) for part in split) if part]


def _split_of(part: list[Token]) -> list[list[Token]]:
    for i, token in enumerate(part):
        if i and token.key in SPLITTING_CONNECTORS:
            before = part[:i]
            if before[-1].key not in PLURAL_HEADS and (head_type(key_of(before)) or any(t.key in TITLES for t in before)):
                return [part]
            return [before] + _split_of(_strip_connectors(part[i + 1 :]))
    return [part] if part else []


def _strip_connectors(part: list[Token]) -> list[Token]:
    start, end = 0, len(part)
    while start < end and (part[start].key in CONNECTORS and part[start].text != "The"):
        start += 1
    while end > start and part[end - 1].key in CONNECTORS:
        end -= 1
    return part[start:end]


def _titled(piece: list[Token]) -> list[tuple[list[Token], str]]:
    """ "Lieutenant General Rustam Muradov" → a title, then a person; "President of Azerbaijan"
    is a title only."""
    if head_type(key_of(piece)):
        return [(piece, "name")]
    titles = [i for i, token in enumerate(piece) if token.key in TITLES]
    if not titles:
        return [(piece, "name")]
    end = titles[-1] + 1
    while end < len(piece) - 1 and piece[end].text[:1].islower() and piece[end].key not in CONNECTORS:
        end += 1  # "Sheikh al-Islam X": the title goes on
    if end < len(piece) and piece[end].key in CONNECTORS:  # "Minister of Foreign Affairs X"
        while end < len(piece) and (piece[end].key in CONNECTORS or piece[end].key in OFFICE_WORDS):
            end += 1
        name = key_of(piece[end:])
        if not name or piece[end - 1].key in CONNECTORS or set(name) & CONNECTORS or head_type(name):
            return [(piece, "title")]  # "Head of the Military Control Service of the ..."
    if end < len(piece):
        return [(piece[:end], "title"), (piece[end:], "person")]
    return [(piece, "title")]


# Words of an office between a nationality and a name: "Armenian Minister of Foreign Affairs X".
OFFICE_WORDS = frozenset(
    """foreign affairs defence defense interior internal of the deputy former first vice assistant
    military national state security justice health emergency emergencies situations economy
    finance education culture press wounded captured army border""".split()
)


def _nation_before(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """The country (or person) the words just before a name tie it to: "Azerbaijani soldier X",
    "Armenian Foreign Minister X", "Aliyev's aide X", "the Azerbaijani State Security Service":
    a nationality word or a possessive name, then only words of an office, ending on a noun for
    a person (or nothing, for a body)."""
    start = part[0].start
    before = tokenize(text, max(0, start - 80), start)[-7:]
    office = False
    for i in range(len(before) - 1, -1, -1):
        token = before[i]
        following = before[i + 1].start if i + 1 < len(before) else start
        gap = text[token.end : following]
        # "the minister of defence, X": a comma only between an office and the name
        if gap != " " and not (gap == ", " and following == start and _office_word(token)):
            return None
        if token.key in PERSON_NOUNS:
            office = True
        elif token.key not in OFFICE_WORDS:
            return _nation_of_word(token) if office or following == start else None
    return None


def _office_word(token: Token) -> bool:
    return token.key in PERSON_NOUNS or token.key in OFFICE_WORDS


def _nation_of_word(token: Token) -> tuple[str, ...] | None:
    """The key of the country a nationality word names ("Armenian"), or of the known country or
    person a possessive names ("Azerbaijan's", "Aliyev's")."""
    if token.possessive:
        return (token.key,) if token.text[:1].isupper() else None
    nation = nation_of(token.text)
    if nation is None or token.key not in {fold(d) for d in nation.demonyms}:
        return None
    return name_key(nation.name)


def _neighbours(text: str, part: list[Token]) -> tuple[list[Token], list[Token]]:
    """The two words before a name and the four after it."""
    start, end = part[0].start, part[-1].end
    return tokenize(text, max(0, start - NEARBY // 2), start)[-2:], tokenize(text, end, end + NEARBY, limit=4)


def _context_vote(text: str, part: list[Token], before: list[Token], after: list[Token]) -> tuple[str, int] | None:
    """What the words around a name say it is: "journalist X", "X, the second-largest city",
    "X tanks", "the village of X", "X is a city", "near X"."""
    previous, following = (before[-1] if before else None), (after[0] if after else None)
    gap_before = text[previous.end : part[0].start] if previous else ""
    gap_after = text[part[-1].end : following.start] if following else ""
    if gap_before == " " and (previous.text[:1].islower() or opens(text, previous.start)):
        if previous.key in PERSON_NOUNS:
            return "person", 2
        if previous.key in ORG_NOUNS:
            return "organization", 2
        of_place = previous.key in SPLITTING_CONNECTORS and before[0].key in PLACE_NOUNS | PLACE_OF_NOUNS
        if previous.key in PLACE_NOUNS or of_place:
            return "place", 2
        if previous.key == "from" and before[0].key in STAFF_NOUNS:  # "journalists from X"
            return "organization", 2
    if gap_after == " " and following.text[:1].islower():
        words = {token.key for token in after}
        if words & WEAPON_NOUNS:
            return "weapon", 2
        if following.key in ORG_NOUNS:
            return "organization", 2
        if following.key in PLACE_NOUNS:
            return "place", 2
        if following.key in STAFF_NOUNS:
            return "organization", 2
    comma_after = gap_after.strip() == ","
    if gap_before.strip() == "," and (comma_after or following is None):  # "the minister, X, said"
        vote = _clause_vote(_clause_before(text, text.rfind(",", 0, part[0].start)))
        if vote:
            return vote
    if comma_after and (following.key in DETERMINERS or following.key not in STOPWORDS):  # "X, a citizen"
        vote = _clause_vote(_clause_after(text, following.start), appositive=True)
        if vote:
            return vote
    if following and following.key in COPULAS and len(after) > 1 and after[1].key in DETERMINERS:  # "X is a city"
        vote = _clause_vote(_clause_after(text, after[1].start)[:6], appositive=True)
        if vote:
            return vote
    if gap_before == " " and previous.key in PLACE_PREPOSITIONS:
        return "place", 1
    if part[0].text == "The" and not part[0].initial:  # "by The Clarion": a paper's or body's title
        return "organization", 1
    of_the = len(after) > 1 and following.key == "of" and after[1].key == "the" and gap_after == " "
    if len(part) == 2 and of_the and _plain_name(part):
        return "person", 1  # "Ana Brel of the Institute"; "Velka of Dorn District" may be a place
    return None


def _plain_name(part: list[Token]) -> bool:
    """Two words that could be a given name and a surname: no head, code or acronym."""
    return not head_type(key_of(part)) and all(t.text[1:].islower() and not is_code(t.text) for t in part)


def _clause_before(text: str, position: int) -> list[str]:
    """The words from the last comma or bracket before `position` up to it."""
    begin = max(text.rfind(mark, 0, position) for mark in CLAUSE_BREAKS) + 1
    return _written_words(text, begin, position)


def _clause_after(text: str, position: int) -> list[str]:
    """The words from `position` up to the next comma or bracket."""
    ends = [index for index in (text.find(mark, position) for mark in CLAUSE_BREAKS) if index >= 0]
    return _written_words(text, position, min(ends, default=len(text)))


def _written_words(text: str, start: int, end: int) -> list[str]:
    """The words of tokenize(text, start, end) as written: a clause is long, tokens cost time."""
    return [word for word, _ in TOKEN.findall(text, start, end)]


def _clause_vote(clause: list[str], appositive: bool = False) -> tuple[str, int] | None:
    keys = [fold(word) for word in clause]
    words = {key for word, key in zip(clause, keys) if word[:1].islower() or key in TITLES}
    if words & PERSON_NOUNS:
        return "person", 2
    if appositive and ((len(keys) == 1 and keys[0].isdigit()) or any("year-old" in key for key in keys)):
        return "person", 2
    if words & PLACE_NOUNS:
        return "place", 2
    if appositive and words & ORG_NOUNS:
        return "organization", 2
    return None


def _followed_by_word(text: str, part: list[Token], after: list[Token]) -> bool:
    """Whether a lowercase word that is not a stopword follows: "Armenian forces"."""
    if not after:
        return False
    following = after[0]
    return text[part[-1].end : following.start] == " " and following.text[:1].islower() and following.key not in STOPWORDS


def register(registry: Registry, candidates: list[Candidate], vocabulary: Vocabulary) -> None:
    """Add the candidates that are names, with the votes of their contexts."""
    alone: dict[str, list[bool]] = defaultdict(list)
    for candidate in candidates:
        if len(candidate.key) == 1 and candidate.followed_by_word is not None:
            alone[candidate.key[0]].append(candidate.followed_by_word)
    openers = {candidate.key[0] for candidate in candidates if len(candidate.key) > 1}
    stems = country_stems(key[0] for key, draft in registry.by_key.items() if len(key) == 1 and draft.type == "country")

    def adjective(word: str) -> bool:
        if demonym(word, stems):
            return True
        uses = alone.get(word)
        modifier = bool(uses) and all(uses)
        return modifier and (word.endswith(ADJECTIVE_ENDINGS) or word in openers)

    @cache  # names recur
    def acceptable(key: tuple[str, ...]) -> bool:
        return _acceptable(key, vocabulary, adjective)

    for candidate in candidates:
        name, key = candidate.name, candidate.key
        if len(key) > 1 and is_acronym(name.split()[-1]) and all(demonym(w, stems) for w in key[:-1]):
            name, key = name.split()[-1], key[-1:]  # "Armenian MoD" is the MoD
        if not candidate.known and not acceptable(key):
            continue
        draft = registry.add(name)
        if candidate.vote and not (candidate.weight == 1 and candidate.vote == "person" and set(key) & vocabulary.lower):
            draft.votes[candidate.vote] += candidate.weight  # "Eastern Command of the X" is no person
        if candidate.nation:
            draft.nations[candidate.nation] += 1


def list_votes(registry: Registry, candidates: list[Candidate]) -> None:
    """Names listed together are alike: "Tartar, Beylagan and Barda" are places when one is,
    "Musayev and Karimov" persons. Each name gets a vote for its neighbour's type; a comma
    alone passes on only places ("Hugh Williamson, Europe and Central Asia director")."""
    for candidate in candidates:
        if not candidate.listed_after:
            continue
        pair = (registry.by_key.get(candidate.key), registry.by_key.get(candidate.listed_after))
        if None in pair or pair[0] is pair[1]:
            continue
        kinds = ("place",) if candidate.listed_by == ", " else ("person", "place", "organization", "weapon")
        for draft, other in (pair, pair[::-1]):
            kind = decided_type(other, canonical(other))
            if not draft.type and kind in kinds:
                draft.votes[kind] += 1


def _acceptable(key: tuple[str, ...], vocabulary: Vocabulary, adjective) -> bool:
    """Whether words are a name: not "Armenian Civilians", "Thousands", "Observatory"."""
    if len(key) > 1:  # a name, unless only adjectives and common words ("Protesting Israeli")
        if head_type(key):
            return True
        return not adjective(key[-1]) and not all(adjective(w) or w in vocabulary.lower for w in key)
    word = key[0]
    return not (
        len(word) < 2
        or word[0].isdigit()  # "1994", "6th"
        or word in STOPWORDS
        or word in TITLES
        or word in HEAD_TYPES
        or word in MONTHS_AND_DAYS
        or word in GENERAL_ABBREVIATIONS
        or word in vocabulary.lower
        or word not in vocabulary.capitalised
        or adjective(word)
    )


# --- joining names of one entity ---------------------------------------------------------


def join_acronyms(registry: Registry) -> None:
    """An acronym whose letters are the initials of exactly one longer name is that name."""
    longer = [(key, draft) for key, draft in registry.by_key.items() if len(key) > 1]
    for key, draft in list(registry.by_key.items()):
        if len(key) != 1 or draft.type is not None or not any(is_acronym(s) for s in draft.spellings):
            continue
        if any(len(k) > 1 for k, d in registry.by_key.items() if d is draft):
            continue  # already expanded
        letters = key[0]
        owners = {id(d): d for k, d in longer if k[0][0] == letters[0] and d is not draft and spells(k, letters)}
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
    return tuple(_skeleton(word) if len(word) >= LONG_NAME else word for word in words)


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


def join_national_names(registry: Registry) -> None:
    """ "Azerbaijani X" and "X of Azerbaijan" (or of "the Republic of Azerbaijan") are one body."""
    groups: dict[tuple, list[Draft]] = defaultdict(list)
    for key, draft in registry.by_key.items():
        found = _body_and_country(key, registry)
        if found:
            groups[found].append(draft)
    for drafts in groups.values():
        unique = list({id(d): d for d in drafts}.values())
        for other in unique[1:]:
            if not (unique[0].keep and other.keep):
                registry.merge(other, unique[0])


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


def join_weapon_names(registry: Registry) -> None:
    """A weapon's name without its maker or code ("Osa" for "9K33 Osa") is that weapon when one
    weapon ends on it, or one of the infobox does."""
    owners: dict[tuple[str, ...], list[Draft]] = defaultdict(list)
    for key, draft in registry.by_key.items():
        if len(key) == 2 and draft.type == "weapon" or (len(key) == 2 and _top_vote(draft.votes) == "weapon"):
            owners[key[1:]].append(draft)
    for tail, found in owners.items():
        unique = list({id(d): d for d in found}.values())
        infobox = [d for d in unique if d.keep]
        owner = unique[0] if len(unique) == 1 else (infobox[0] if len(infobox) == 1 else None)
        alone = registry.by_key.get(tail)
        if owner is not None and alone is not None and alone is not owner and not (alone.keep and owner.keep and alone.type != "weapon"):
            if alone.type in (None, "weapon"):
                registry.merge(alone, owner)


def join_plurals(registry: Registry, words: set[str]) -> None:
    """ "9K33 Osas" is "9K33 Osa" when the document has both."""
    for draft in list(registry.drafts):
        for name in list(draft.spellings):
            one = registry.get(singular(name, words))
            if one is not None and one is not draft and name != singular(name, words):
                registry.merge(draft, one)
                break


def place_roots(registry: Registry) -> None:
    """ "Tartar" is a place when the document has "Tartar District"."""
    for key, draft in list(registry.by_key.items()):
        if len(key) == 2 and HEAD_TYPES.get(key[1]) == "place" and (key[0],) in registry.by_key:
            registry.by_key[(key[0],)].votes["place"] += 2


def decided_type(draft: Draft, name: str) -> str:
    """The infobox's type, else the head word's (of any spelling), else the contexts' votes."""
    if draft.type:
        return draft.type
    if is_country(name):
        return "country"
    spellings = [name] + [s for s, _ in draft.spellings.most_common() if s != name]
    heads = (head_type(name_key(s)) for s in spellings if name_key(s))
    return next((kind for kind in heads if kind), None) or _top_vote(draft.votes) or _shape_type(name) or "other"


def _shape_type(name: str) -> str | None:
    """What a name's shape says when nothing else does: an acronym names a body ("NATO"). (A
    numeral after a name does not tell a person: "Minsk II" is an agreement.)"""
    return "organization" if len(name_key(name)) == 1 and is_acronym(name) and name.isupper() else None


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
            if (words[-1].key, word.key) not in self.pairs or not _linked(text, words[-1], word):
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
            if all(_linked(text, a, b) for a, b in zip(window, window[1:])):
                return key
        return None


class EntityIndex:
    """The entities of one document, which sentences name them, and lookups by name."""

    def __init__(self, entities: tuple[Entity, ...], roles: dict[str, tuple[str, ...]], matcher: Matcher, sentence_names: tuple[tuple[str, ...], ...]):
        self.entities = entities
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
        ids = self.matcher.find(text, stretches(text))
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
        close = difflib.get_close_matches(fold(query), list(folded), n=5, cutoff=0.6)
        suggestions = dict.fromkeys(self._owner(folded[name]) for name in close)
        return Lookup(None, suggestions=tuple(suggestions))

    def _keys(self, entity: Entity) -> set[tuple[str, ...]]:
        return {name_key(name) for name in (entity.name, *entity.aliases)}

    def _owner(self, name: str) -> str:
        for entity in self.entities:
            if name == entity.name or name in entity.aliases:
                return entity.name
        return name

    def profile(self, entity: Entity, sentences: tuple[Sentence, ...], dates: Mapping[int, object] | None = None) -> Profile:
        dates = dates or {}
        mentions = tuple(
            Mention(sentences[i].text, sentences[i].section, dates.get(i), i) for i in self.mentions_of(entity.name)
        )
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


# --- everything together -----------------------------------------------------------------


def extract_entities(sentences: tuple[Sentence, ...], sides=(), infobox=None, war_names: Iterable[str] = ()) -> EntityIndex:
    """The entities of a document from its sentences, its sides, its infobox links and the
    names of the war it is about (its title first)."""
    texts = [sentence.text for sentence in sentences]
    found = [stretches(text) for text in texts]
    raw = [[run for stretch in found_in for run in raw_runs(text, stretch)] for text, found_in in zip(texts, found)]
    vocabulary = Vocabulary(texts, (run for runs in raw for run in runs))
    registry = Registry()
    from_sides(registry, sides, vocabulary)
    from_links(registry, infobox, vocabulary)
    from_gazetteer(registry, vocabulary)
    state_names(registry, vocabulary)
    from_war_names(registry, war_names)
    from_events(registry, texts, vocabulary)
    known = set(registry.by_key)
    runs = [[run for run in (trimmed(run, vocabulary, known) for run in runs) if run] for runs in raw]
    from_statements(registry, texts, runs)
    candidates = scan(texts, runs, registry)
    register(registry, candidates, vocabulary)
    join_acronyms(registry)
    join_surnames(registry)
    join_plurals(registry, vocabulary.words)
    join_variants(registry)
    join_national_names(registry)
    join_weapon_names(registry)
    place_roots(registry)
    list_votes(registry, candidates)
    return _index(registry, texts, found)


def _index(registry: Registry, texts: list[str], found: list[list[list[Token]]]) -> EntityIndex:
    drafts = registry.drafts
    number = {id(draft): i for i, draft in enumerate(drafts)}
    names = [canonical(draft) for draft in drafts]
    matcher = Matcher({key: number[id(d)] for key, d in registry.by_key.items()}, registry.cased)
    spans = [matcher.spans(text, stretches) for text, stretches in zip(texts, found)]
    drafts, names = split_by_country(registry, texts, spans, names)
    named = [list(dict.fromkeys(i for i, _, _ in found_in)) for found_in in spans]
    counts = Counter(i for ids in named for i in ids)
    kept = [i for i, draft in enumerate(drafts) if (counts[i] or draft.keep) and names[i]]
    number = {id(draft): i for i, draft in enumerate(drafts)}
    entities = sorted((_entity(drafts[i], names[i], counts[i], registry) for i in kept), key=lambda e: (-e.mentions, e.name))
    order = {entity.name: n for n, entity in enumerate(entities)}
    renumber = {i: order[names[i]] for i in kept}
    final = Matcher(
        {key: renumber[number[id(d)]] for key, d in registry.by_key.items() if number[id(d)] in renumber},
        registry.cased,
    )
    sentence_names = tuple(tuple(entities[renumber[i]].name for i in ids if i in renumber) for ids in named)
    roles = {names[i]: tuple(drafts[i].roles) for i in kept if drafts[i].roles}
    return EntityIndex(tuple(entities), roles, final, sentence_names)


COUNTRY_AFTER = re.compile(r" of (?:the )?(?:Republic of )?([A-Z][\w'’-]+)")


def split_by_country(registry: Registry, texts: list[str], spans: list[list[tuple[int, int, int]]], names: list[str]) -> tuple[list[Draft], list[str]]:
    """A body named by its office ("Ministry of Defence") is one body for each country its
    mentions give it ("the Armenian Ministry of Defence", "Peru's Ministry of Defence"): where
    they give two or more, each country's mentions go to "Ministry of Defence (Armenia)". The
    spans are rewritten in place; returns the drafts and names with the new bodies appended."""
    drafts, names = list(registry.drafts), list(names)
    countries: dict[int, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for sentence, found in enumerate(spans):
        given: dict[int, set[int]] = defaultdict(set)  # body -> countries this sentence gives it
        for i, start, end in found:
            if _office_body(drafts[i], names[i]):
                country = _country_around(texts[sentence], start, end, registry)
                given[i].add(number_of(drafts, country) if country is not None else -1)
        for i, numbers in given.items():
            known = numbers - {-1}
            if len(known) == 1:  # "Peru's Ministry of Defence (MoD)": the bracket is Peru's too
                country = known.pop()
                countries[i][country] += [(sentence, n) for n, (j, _, _) in enumerate(found) if j == i]
    for i, by_country in countries.items():
        if len(by_country) < 2:
            continue
        for country, mentions in by_country.items():
            body = Draft(type="organization", name=f"{names[i]} ({names[country]})")
            body.nations[name_key(names[country])] += 1
            for sentence, n in mentions:
                _, start, end = spans[sentence][n]
                body.spellings[texts[sentence][start:end]] += 1
                spans[sentence][n] = (len(drafts), start, end)
            drafts.append(body)
            names.append(body.name)
    return drafts, names


def number_of(drafts: list[Draft], draft: Draft) -> int:
    return next(i for i, d in enumerate(drafts) if d is draft)


def _office_body(draft: Draft, name: str) -> bool:
    """A body of a state that its name does not tie to a country ("Foreign Ministry")."""
    key = name_key(name)
    if draft.keep or draft.sides or not key or decided_type(draft, name) != "organization":
        return False
    return head_word(key) in STATE_HEADS and _nation_in_name(name) is None


def _country_around(text: str, start: int, end: int, registry: Registry) -> Draft | None:
    """The country a mention's own words give it: "Armenian X", "Peru's X", "X of (the Republic
    of) Peru"."""
    before = tokenize(text, max(0, start - 40), start)
    key = None
    if before and text[before[-1].end : start] == " ":
        key = _nation_of_word(before[-1])
    after = COUNTRY_AFTER.match(text, end)
    if key is None and after:
        key = name_key(after.group(1))
    if key is None:
        return None
    draft = registry.by_key.get(key)
    if draft is None:
        nation = nation_of(" ".join(key))
        draft = next((registry.by_key[k] for k in map(name_key, nation.names) if k in registry.by_key), None) if nation else None
    return draft if draft is not None and draft.type == "country" else None


def _entity(draft: Draft, name: str, mentions: int, registry: Registry) -> Entity:
    ordered = sorted(draft.spellings.items(), key=lambda item: -item[1])
    aliases = tuple(spelling for spelling, _ in ordered if spelling != name)
    kind = decided_type(draft, name)
    side = _side(draft, name, kind, registry)
    role = next((role for role in ROLE_STRENGTH if role in draft.party_roles), None)
    return Entity(name, kind, aliases, draft.page, side, mentions, role)


def _side(draft: Draft, name: str, kind: str, registry: Registry) -> int | None:
    """The infobox's side; else, for a person or a body, the one side of every combatant country
    or person the prose ties it to ("Azerbaijani soldier X", a body "of Armenia")."""
    if draft.sides:
        return next(iter(draft.sides)) if len(draft.sides) == 1 else None
    if kind not in ("person", "organization"):
        return None
    if kind == "organization" and head_word(name_key(name)) not in STATE_HEADS:
        return None
    ties = list(draft.nations)
    if kind == "organization":
        ties += [key for key in (_nation_in_name(name),) if key]
    sides = {_side_of(key, registry) for key in ties}
    return sides.pop() if len(sides) == 1 else None


def _nation_in_name(name: str) -> tuple[str, ...] | None:
    """The country a body's own name gives it: "Azerbaijani State Border Service", "Office of X"."""
    words = tokenize(name)
    if len(words) < 2:
        return None
    first = _nation_of_word(words[0])
    if first:
        return first
    of = [i for i, word in enumerate(words) if word.key == "of"]
    if of and is_country(surface(name, words[of[-1] + 1 :])):
        return name_key(nation_of(surface(name, words[of[-1] + 1 :])).name)
    return None


def _side_of(key: tuple[str, ...], registry: Registry) -> int | None:
    """The side of a combatant country, or of a person the infobox puts on a side."""
    draft = registry.by_key.get(key)
    if draft is None:
        nation = nation_of(" ".join(key))
        names = (name_key(name) for name in (nation.names if nation else ()))
        draft = next((registry.by_key[k] for k in names if k in registry.by_key), None)
    if draft is None or len(draft.sides) != 1:
        return None
    combatant = "combatant" in draft.party_roles or (draft.type == "person" and draft.keep)
    return next(iter(draft.sides)) if combatant else None
