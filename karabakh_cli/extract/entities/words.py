"""Entities, words: the general word lists, tokens, stretches of capitalised words, runs of
name words, what the whole document says about each word, and the clauses around a name."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from ..nations import nation_of
from ..textnorm import fold


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
    broadsheet tabloid outlet broadcaster channel website platform daily weekly groups organizations
    organisations agencies companies networks""".split()
)
# Nouns for the people of a body, written after its name: "a Novaya Pravda correspondent".
STAFF_NOUNS = frozenset(
    """correspondent correspondents journalist journalists reporter reporters employee employees
    editor editors staff""".split()
)
# Names of languages that are no country's demonym ("printed in Arabic"): a language is no
# entity of a war ("Armenian", "Russian" are demonyms, left out as adjectives already).
LANGUAGES = frozenset(
    """arabic hebrew farsi urdu hindi pashto dari swahili amharic tigrinya hausa yoruba
    igbo latin sanskrit esperanto yiddish tamil telugu bengali punjabi kurmanji sorani aramaic
    berber tamazight quechua aymara guarani tagalog malay""".split()
)
# Faiths, their branches and creeds, and the words for their followers: "Sunni Islamist rebels",
# "Shiites", "Ashkenazi Jews" name groups of people, no entity of a war.
CREEDS = frozenset(
    """muslim muslims islamic islamist islamists sunni sunnis shia shias shiite shiites alawite
    alawites salafi salafist salafists wahhabi jihadist jihadists christian christians catholic
    catholics orthodox protestant protestants evangelical jewish jew jews ashkenazi sephardi
    hindu hindus sikh sikhs buddhist buddhists druze yazidi yazidis zionist zionists communist
    communists marxist marxists maoist maoists socialist socialists nationalist nationalists
    secular apostolic""".split()
)
# Peoples that are no country's demonym: "Arab militaries", "Kurds", "Tuareg fighters".
ETHNIC_GROUPS = frozenset(
    """arab arabs kurd kurds kurdish pashtun pashtuns baloch hazara hazaras uyghur uyghurs tibetan
    tibetans tamil tamils sinhalese berber berbers tuareg tuaregs fulani hausa igbo yoruba zulu
    amhara oromo tigrayan tigrayans afar circassian circassians chechen chechens ingush lezgin
    lezgins talysh avar avars assyrian assyrians copt copts maronite maronites bedouin bedouins
    roma gypsies""".split()
)
# Faiths, creeds, their followers and peoples: groups of people, no entities of a war.
GROUPS_OF_PEOPLE = CREEDS | ETHNIC_GROUPS
# Endings of words for ideas, not names: "Islamophobia", "Pan-Turkism".
IDEA_ENDINGS = ("ism", "isms", "phobia")
# A country's name for itself as a homeland: "the Defense of the Motherland".
HOMELAND_WORDS = frozenset("motherland fatherland homeland".split())
# Abbreviations of general English, never a body: "12:00 UTC", "a POW".
GENERAL_ABBREVIATIONS = frozenset("utc gmt pow idp uav ugv mlrs atgm manpads gdp ceo km bc bce ad am pm".split())
WEAPON_NOUNS = frozenset(
    """tank tanks drone drones missile missiles launcher launchers rocket rockets howitzer
    howitzers gun guns helicopter helicopters aircraft fighter fighters fighter-bombers bomber
    bombers munition munitions rifle rifles vehicle vehicles system systems mortar mortars""".split()
)
PLACE_PREPOSITIONS = frozenset("in near towards toward entering entered".split())
# Verbs of going somewhere: "moved to X", "fled from X", "starting from X" name places.
MOTION_VERBS = frozenset(
    """moved fled returned relocated travelled traveled deported evacuated escaped went came
    starting retreated withdrew sailed flew marched advanced""".split()
)
# Heads of the divisions a village or town is "of": "Velka of Dorn District".
DIVISION_HEADS = frozenset("district province region oblast county municipality governorate rayon canton".split())
# Their plurals, for divisions named together: "the Dorn and Velk Districts".
DIVISION_PLURALS = frozenset(head[:-1] + "ies" if head.endswith("y") else head + "s" for head in DIVISION_HEADS)
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
        corporation administration guard units unit movement ombudsman defender commissioner""".split(),
        "organization",
    ),
    **dict.fromkeys(
        """district districts province region oblast city town village square street corridor
        dam bridge bridges airport mountains mountain river lake bay sea park mosque cathedral
        church metro border territories territory ssr asia caucasus exclave pass valley strait
        straits gulf peninsula heights strip desert plateau canal islands coast hills governorate
        prefecture county municipality tract delta pipeline railway highway areas zone zones canton
        cantons""".split(),
        "place",
    ),
    **dict.fromkeys(
        """war wars conflict conflicts protocol principles agreement statement day order operation
        parade initiative amendment convention crisis massacre referendum battle siege treaty
        revolution election elections clashes unrest protests offensive insurgency uprising coup hero
        instrument""".split(),
        "other",
    ),
    **dict.fromkeys("nations".split(), "organization"),
    **dict.fromkeys("empire khanate sultanate caliphate republic kingdom".split(), "country"),
}
# Heads of the bodies of a state, which stand on the side of their country: a bank or an
# association of the same country does not.
STATE_HEADS = frozenset(
    """ministry service agency council committee army forces force office assembly division corps
    detachment police troops navy garrison battalion brigade regiment government cabinet duma
    parliament staff administration guard ombudsman defender commissioner""".split()
)
# A plural head lists several: "the Military Prosecutor's Offices of Fuzuli, Tartar and Ganja".
PLURAL_HEADS = frozenset(
    """offices ministries districts provinces regions councils committees courts agencies
    services cities towns villages""".split()
)
# Plural heads of bodies: "the Military Prosecutor's Offices of Dorn and Velk" are several.
SEVERAL_BODIES = frozenset("offices ministries councils committees courts agencies".split())
# Two-word heads whose last word alone says something else: "the Dorn District Executive
# Power" is a local government, the "Dorn Autonomous Republic" a part of a country.
HEAD_PHRASES = {
    ("executive", "power"): "organization",
    ("autonomous", "republic"): "place",  # a part of a country, as an SSR is
    ("socialist", "republic"): "place",
}
# "West Bank", "Left Bank": the bank of a river, a land, not a bank that lends money.
BANK_SIDES = frozenset("west east north south left right".split())
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
DASH_GAPS = frozenset({" – ", " — "})
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
        key = word.lower() if word.isascii() else fold(word)  # fold() inlined: a call per word costs
        fields = (word, key, first, last, initial, possessive is not None)
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


QUALIFIER = re.compile(r" \([^()]*\)$")


def without_qualifier(name: str) -> str:
    """A name without the bracket that ends it: "Border Service" of "Border Service (Peru)"."""
    return QUALIFIER.sub("", name)


def head_type(key: tuple[str, ...]) -> str | None:
    """The type a name's head word gives: "Tartar District" → place, "Ministry of ..." → organization."""
    if key[0] in FIRST_WORD_TYPES:
        return FIRST_WORD_TYPES[key[0]]
    head = head_word(key)
    if head == "bank" and len(key) == 2 and key[0] in BANK_SIDES:
        return "place"
    phrase = HEAD_PHRASES.get(tuple(key[-2:]))
    return phrase or HEAD_TYPES.get(head)


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
        if previous is not None and not linked(text, previous, token):
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


def with_phrases(text: str, found: list[list[Token]], phrases: Collection[str]) -> list[list[Token]]:
    """The stretches of a text and the places it writes one of the `phrases`, in order: names
    that no stretch holds whole, written in lower case ("the ceasefire agreement") or around a
    dash ("Velarde Publique – Casas de Lorn"). A phrase after a year or a name is another one
    ("the 1994 ceasefire agreement")."""
    if not phrases or not any(phrase in text for phrase in phrases):
        return found
    matches = _phrase_pattern(frozenset(phrases)).finditer(text)
    extra = [tokenize(text, match.start(), match.end()) for match in matches if not _qualified(text, match.start())]
    return sorted(found + extra, key=lambda words: (words[0].start, -words[-1].end)) if extra else found


def _qualified(text: str, start: int) -> bool:
    """Whether a year, a number or a name that is no stopword stands right before `start`."""
    before = tokenize(text, max(0, start - 30), start)[-1:]
    if not before or text[before[0].end : start] != " ":
        return False
    word = before[0]
    return word.key not in STOPWORDS and (word.text[:1].isupper() or word.text[:1].isdigit())


@lru_cache(maxsize=16)
def _phrase_pattern(phrases: frozenset[str]) -> re.Pattern:
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")


def linked(text: str, left: Token, right: Token) -> bool:
    """One space between two words, the period of an abbreviation ("St. Anne") or a spaced
    dash (inside a name only where a name is written so: see with_phrases)."""
    gap = text[left.end : right.start]
    return gap == " " or (gap == ". " and left.text in NAME_ABBREVIATIONS) or gap in DASH_GAPS


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


WRITTEN_WORD = re.compile(r"\w+(?:[-‐‑–]\w+)*")


class Vocabulary:
    """What the whole document says about each word: written in lower case, capitalised
    inside a sentence, and the runs of names that stand inside sentences."""

    def __init__(self, texts: list[str], runs: Iterable[list[Token]]):
        written: set[str] = set()
        for text in texts:  # one at a time: the words of a whole long document would be a long list
            written.update(WRITTEN_WORD.findall(text))
        self.words: set[str] = set()
        self.lower: set[str] = set()  # the same strings as `words`: a document of many words holds each once
        for word in written:
            key = fold(word)
            self.words.add(key)
            if word[0].islower():
                self.lower.add(key)
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


# --- clauses around a name ---------------------------------------------------------------


def plain_name(part: list[Token]) -> bool:
    """Two words that could be a given name and a surname: no head, code or acronym."""
    return not head_type(key_of(part)) and all(t.text[1:].islower() and not is_code(t.text) for t in part)


def clause_before(text: str, position: int) -> list[str]:
    """The words from the last comma or bracket before `position` up to it."""
    begin = max(text.rfind(mark, 0, position) for mark in CLAUSE_BREAKS) + 1
    return written_words(text, begin, position)


def clause_after(text: str, position: int) -> list[str]:
    """The words from `position` up to the next comma or bracket."""
    ends = [index for index in (text.find(mark, position) for mark in CLAUSE_BREAKS) if index >= 0]
    return written_words(text, position, min(ends, default=len(text)))


def written_words(text: str, start: int, end: int) -> list[str]:
    """The words of tokenize(text, start, end) as written: a clause is long, tokens cost time."""
    return [word for word, _ in TOKEN.findall(text, start, end)]
