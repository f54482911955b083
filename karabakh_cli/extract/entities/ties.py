"""Entities, ties: the country, person or body the words around a name tie it to, from which
its side follows (`index`): a nationality or an office right before it ("Azerbaijani soldier
X", "the head of the Border Service X"), an apposition after it ("X, a Peruvian citizen,"),
a title or honour it was made, the forces it leads, and the country of what a title's body is
part of."""

from __future__ import annotations

import re
from functools import lru_cache

from ..nations import nation_of
from ..textnorm import fold
from .words import (
    CLAUSE_BREAKS,
    CONNECTORS,
    NEARBY,
    PERSON_NOUNS,
    STATE_HEADS,
    TITLES,
    Token,
    clause_before,
    head_word,
    is_country,
    key_of,
    name_key,
    plain_name,
    tokenize,
)


def nation_of_holder(text: str, end: int) -> tuple[str, ...] | None:
    """The country of what a title's body is part of: "the X Service of the Peruvian MoD"."""
    words = tokenize(text, end, end + NEARBY, limit=3)
    if len(words) < 2 or words[0].key != "of" or text[end : words[0].start] != " ":
        return None
    named = words[2] if words[1].key == "the" and len(words) > 2 else words[1]
    return nation_of_word(named)


# Words of an office between a nationality and a name: "Armenian Minister of Foreign Affairs X".
OFFICE_WORDS = frozenset(
    """foreign affairs defence defense interior internal of the deputy former first vice assistant
    military national state security justice health emergency emergencies situations economy
    finance education culture press wounded captured army border""".split()
)


def nation_before(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """The country (or person) the words just before a name tie it to: "Azerbaijani soldier X",
    "Armenian Foreign Minister X", "Aliyev's aide X", "the Azerbaijani State Security Service":
    a nationality word or a possessive name, then only words of an office, ending on a noun for
    a person (or nothing, for a body)."""
    start = part[0].start
    if text[start - 1 : start] != " ":
        return None  # the words before a name end on " " or ", "
    space = text.rfind(" ", 0, start - 1)
    if space + 1 >= start - 24:
        # Most names have an ordinary word right before them, read alone from the space
        # before it (no word spans one): it decides.
        found = _nation_of_last_word(text[space + 1 : start - 1])
        if found is not _UNSETTLED:
            return found
    window = max(0, start - 80)
    # Else a few words are read, from a space 24+ characters back (so they are the window's
    # last words too), and the whole window only when those few do not settle it.
    space = text.rfind(" ", window, max(window, start - 24))
    if space > window:
        found = _nation_in(text, tokenize(text, space, start)[-7:], start, complete=False)
        if found is not _UNSETTLED:
            return found
    return _nation_in(text, tokenize(text, window, start)[-7:], start, complete=True)


_UNSETTLED = object()


@lru_cache(maxsize=4096)
def _nation_of_last_word(between_spaces: str):
    """nation_before from the text between the two spaces before a name, when its last word
    is no word of an office nor a country's name (else _UNSETTLED): the same few words stand
    before most names."""
    words = tokenize(between_spaces)
    if not words:
        return None  # more than ", " between the name and any word before it
    last = words[-1]
    if _office_word(last) or (not last.possessive and is_country(last.text)):
        return _UNSETTLED  # an office, or a country that may end a title ("Defender of Peru X")
    return nation_of_word(last) if last.end == len(between_spaces) else None


def _nation_in(text: str, before: list[Token], start: int, complete: bool):
    """nation_before on the last words before `start`; _UNSETTLED when they all are words of
    an office and fewer than seven, unless they are `complete`."""
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
            nation = _possessor(text, before, i) or _country_of_title(before, i) or (office and _name_before_office(text, before, i))
            if not nation and i < 2 and not complete:
                return _UNSETTLED  # "of" and a title may stand before the first word read
            return nation if nation and (office or following == start) else None
    return None if complete or len(before) == 7 else _UNSETTLED


def _possessor(text: str, before: list[Token], i: int) -> tuple[str, ...] | None:
    """nation_of_word, but a body's possessive gives the key of the body's whole name: "the
    Border Service's spokesman X"."""
    token = before[i]
    if not token.possessive or token.key not in STATE_HEADS:
        return nation_of_word(token)
    j = i
    while j > 0 and _name_goes_back(text, before[j - 1], before[j]):
        j -= 1
    return key_of(before[j : i + 1]) if j < i else None


def _name_goes_back(text: str, word: Token, following: Token) -> bool:
    """Whether `word` is a word of the name `following` is a word of: "Andes" of "Andes Brigade",
    not "the" or "Chile's" ("Chile's Andes Brigade")."""
    return word.text[:1].isupper() and word.key != "the" and not word.possessive and text[word.end : following.start] == " "


def _name_before_office(text: str, before: list[Token], i: int) -> tuple[str, ...] | None:
    """The key of the country or body whose name ends on before[i], right before an office:
    "the Peru Defence Minister X", "the Andes Brigade commander X", "Hezbollah leader X"."""
    token = before[i]
    if token.possessive or not token.text[:1].isupper():
        return None
    if is_country(token.text):
        return name_key(nation_of(token.text).name)
    j = i
    while j > 0 and _name_goes_back(text, before[j - 1], before[j]):
        j -= 1
    return None if before[j].initial and j == i else key_of(before[j : i + 1])  # "Rebel commander X" opening a sentence


APPOSITION_OPENERS = frozenset("and the a an former then".split())


def appositive_nation(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """ "the former director of the Peruvian Border Service, Ivo Brandt, said": a name set off
    by commas after an office is tied to the one country that office names (a nationality
    word, "Peru's", "of Peru")."""
    if len(part) < 2 or text[max(0, part[0].start - 2) : part[0].start] != ", " or not plain_name(part):
        return None
    if text[part[-1].end : part[-1].end + 1] not in (",", ".", ""):
        return None
    comma = part[0].start - 2
    begin = max(text.rfind(mark, 0, comma) for mark in CLAUSE_BREAKS) + 1
    words = tokenize(text, begin, comma)
    while words and words[0].key in APPOSITION_OPENERS:
        words = words[1:]
    if not words or not any(word.key in PERSON_NOUNS and (word.text[:1].islower() or word.key in TITLES) for word in words[:3]):
        return None
    nations = {nation for nation in (_country_named(words, i) for i in range(len(words))) if nation}
    return nations.pop() if len(nations) == 1 else None


# "X who was made National Hero of Peru", "X, who was appointed Minister of Defence of Peru".
MADE_OF_COUNTRY = re.compile(
    r",? who (?:was|is|has been|had been) (?:made|appointed|named|elected)(?: an?| the)? "
    r"([A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|the))*)"
)


def made_of_country(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """The country that ends a title or honour a person was made ("who was made National Hero
    of Peru", "who was appointed Minister of Defence of Peru"), right after a plain name."""
    made = MADE_OF_COUNTRY.match(text, part[-1].end)
    if made is None or not plain_name(part):
        return None
    words = made.group(1).split()
    if len(words) < 3 or words[-2] not in ("of", "the") or not any(fold(word) in TITLES for word in words):
        return None
    return name_key(nation_of(words[-1]).name) if is_country(words[-1]) else None


def _nation_after(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """ "Ivo Brandt, a Peruvian citizen, said": the one country an apposition after a name gives
    it, written before its noun for a person; none when the apposition names two ("a Peruvian
    citizen of Chilean descent", "the Peruvian ambassador to Chile")."""
    end = part[-1].end
    if text[end : end + 2] != ", " or not AFTER_OPENER.match(text, end + 2):
        return None
    stop = CLAUSE_END.search(text, end + 2)
    words = tokenize(text, end + 2, stop.start() if stop else len(text))
    noun = next((i for i, word in enumerate(words) if word.key in PERSON_NOUNS and word.text[:1].islower()), None)
    if noun is None:
        return None
    of = _of_what(words[noun + 1 :])
    named = [(i, nation) for i, word in enumerate(words) if (nation := _country_named(words, i) or _country_name(word))]
    nations = {nation for _, nation in named}
    if len(nations) == 1 and (named[0][0] < noun or of is not None):
        return nations.pop()
    former = any(word.key == "former" for word in words[:noun])  # "a former member of X": maybe a defector
    return _state_body(of) if of and not nations and not former else None


def _country_name(word: Token) -> tuple[str, ...] | None:
    return name_key(nation_of(word.text).name) if word.text[:1].isupper() and is_country(word.text) else None


def _of_what(words: list[Token]) -> list[Token] | None:
    """The words after "of", "for", "at" or "from" when an office goes on only with the name of
    what it is of: "(a soldier) of the Peruvian army", "(spokesman) for the 5th Brigade"; []
    when nothing goes on; None for anything else ("(a soldier) held by Peru", "(an envoy) to
    Peru": not Peru's)."""
    if not words:
        return []
    if words[0].key not in ("of", "for", "at", "from"):
        return None
    rest = words[2:] if len(words) > 1 and words[1].key == "the" else words[1:]
    plain = all(w.text[:1].isupper() or w.text[:1].isdigit() or w.key in OFFICE_WORDS or w.key in STATE_HEADS or w.key in PERSON_NOUNS for w in rest)
    return rest if rest and plain else None


def _state_body(words: list[Token]) -> tuple[str, ...] | None:
    """The key of a body of a state the words name whole: "Border Service"."""
    if all(word.text[:1].isupper() for word in words) and head_word(key_of(words)) in STATE_HEADS:
        return key_of(words)
    return None


CLAUSE_END = re.compile("[" + re.escape(CLAUSE_BREAKS) + ".]")
# How an apposition after a name opens: "X, a Peruvian soldier", "X, then Peru's envoy",
# "X, spokesman for the Border Service".
AFTER_OPENER = re.compile(r"(?:an?|the|former|then) |[a-z]+ (?:of|for|at|from) ")


def person_tie(text: str, part: list[Token], kind: str, gap: str, previous: tuple) -> tuple[str, ...] | None:
    """The country or body an apposition after a name, an office of a body or the command of
    forces ties a person to; `previous` is the start, end and key of the name before it in the
    sentence (None, None, None: none)."""
    tie = (
        (text.startswith(", ", part[-1].end) and _nation_after(text, part))
        or (text.startswith(" of ", part[-1].end) and _body_after(text, part))
        or (previous[2] and _body_before(text, part, gap, *previous))
        or _leader_of(text, part, *previous)
    )
    return tie if tie and (kind == "person" or plain_name(part)) else None


def _body_after(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """ "Ivo Brandt of the Peruvian Army": the key of the state body a name is "of"."""
    body = BODY_AFTER.match(text, part[-1].end)
    key = name_key(body.group(1)) if body else ()
    return key if key and head_word(key) in STATE_HEADS else None


BODY_AFTER = re.compile(r" of (?:the )?((?:[A-Z0-9][\w'’-]*)(?: (?:of (?:the )?)?[A-Z0-9][\w'’-]*)*)")


def _body_before(text: str, part: list[Token], gap: str, start: int, end: int, key: tuple[str, ...]) -> tuple[str, ...] | None:
    """ "the head of the Border Service, Major Ivo Brandt": a name right after a body that an
    office (a noun for a person) before it is "of" is tied to that body (the key of the name
    before it, which began at `start`)."""
    if not GAP_OF_TITLES.fullmatch(gap) or not all(word.key in TITLES for word in tokenize(gap)):
        return None
    if not OF_BEFORE.search(text[max(0, start - 8) : start]):
        return None
    if not any(fold(word) in PERSON_NOUNS and (word[:1].islower() or fold(word) in TITLES) for word in clause_before(text, start)):
        return None
    return key if head_word(key) in STATE_HEADS else None


def _leader_of(text: str, part: list[Token], start: int, end: int, key: tuple[str, ...]) -> tuple[str, ...] | None:
    """ "Peruvian troops under General Ivo Brandt", "the Border Service (BS), led by Ivo
    Brandt": the leader of forces is tied to their country, or to the body named right before
    (the name before this one, from `start` to `end`, its key `key`); not when the forces are
    what is acted on ("an attack on Chilean troops, led by X": X may lead the attack)."""
    window = max(0, part[0].start - 40)
    if text.find(" by ", window, part[0].start) < 0 and text.find(" under ", window, part[0].start) < 0:
        return None  # most names: read no further
    led = LED_BY.search(text, window, part[0].start)
    if not led or not all(word.key in TITLES for word in tokenize(led.group(1))):
        return None
    between = text[end : led.start()] if end is not None else None
    if between == "" or (between == ")" and text[start - 1 : start] == "(") or (between and ACRONYM_AFTER.fullmatch(between)):
        if is_country(text[start:end]):
            return None  # "Chile attacked Peru under President X": whose president?
        acronym = between == ")"  # "the Border Service (BS), led by": the body or its acronym
        return None if _acted_on(text, text.rfind("(", 0, start) if acronym else start) else key
    forces = FORCES_BEFORE.search(text, max(0, led.start() - 40), led.start())
    if not forces:
        return None
    if end == forces.end(1):
        return None if _acted_on(text, start) else key  # "Border Service troops under"
    words = tokenize(forces.group(1))
    return nation_of_word(words[-1]) if words and not _acted_on(text, forces.start(1)) else None


def _acted_on(text: str, start: int) -> bool:
    """Whether the name ending at `start` (or starting there) follows a preposition: "an attack
    on (the) Andes Brigade (AB)"."""
    words = tokenize(text, max(0, start - 80), start)
    while words and (words[-1].text[:1].isupper() or (len(words) > 1 and words[-1].key in CONNECTORS and words[-2].text[:1].isupper())):
        words = words[:-1]  # the name: "Ministry of Defence"
    if words and words[-1].key == "the":
        words = words[:-1]
    return bool(words) and words[-1].key in PREPOSITIONS


# Words after which forces are what is acted on, not what acts: "an attack on Chilean troops".
PREPOSITIONS = frozenset("on against at to toward towards into with from by of upon over near around between".split())


# "led by", "under (the command of)", and the titles before a leader's name.
LED_BY = re.compile(r"(?:,? (?:led|commanded|headed) by|,? under(?: the command of)?) ((?:[A-Z][\w-]* )*)$")
ACRONYM_AFTER = re.compile(r" \([A-Z][\w-]*\)")
FORCES_BEFORE = re.compile(r"(\S+) ((?:forces|troops|army|rebels|fighters|militants|militia|militias|units))$")


# What may stand between a body and the name after it: " ", ", ", ", Major General ".
GAP_OF_TITLES = re.compile(r",? (?:[A-Z][\w-]* )*")
OF_BEFORE = re.compile(r"(?<![\w'’-])of (?:the )?$")


def _country_named(words: list[Token], i: int) -> tuple[str, ...] | None:
    """The country a word of an office names: "Peruvian", "Peru's", "of Peru"."""
    word = words[i]
    if word.possessive:
        return name_key(nation_of(word.text).name) if is_country(word.text) else None
    if i and words[i - 1].key == "of" and is_country(word.text):
        return name_key(nation_of(word.text).name)
    return nation_of_word(word)


def _country_of_title(before: list[Token], i: int) -> tuple[str, ...] | None:
    """The country that ends a title: "Human Rights Defender of Peru X", "commissar of Peru
    major-general X"."""
    titled = i > 1 and before[i - 1].key == "of" and before[i - 2].key in PERSON_NOUNS
    return name_key(nation_of(before[i].text).name) if titled and is_country(before[i].text) else None


def _office_word(token: Token) -> bool:
    return token.key in PERSON_NOUNS or token.key in OFFICE_WORDS


def nation_of_word(token: Token) -> tuple[str, ...] | None:
    """The key of the country a nationality word names ("Armenian"), or of the known country or
    person a possessive names ("Azerbaijan's", "Aliyev's")."""
    if token.possessive:
        return (token.key,) if token.text[:1].isupper() else None
    nation = nation_of(token.text)
    if nation is None or token.key not in {fold(d) for d in nation.demonyms}:
        return None
    return name_key(nation.name)
