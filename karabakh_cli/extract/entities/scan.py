"""Entities, scan: every name the prose writes, what the words around it say it is and which
country they tie it to, and the candidates that are names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
from typing import NamedTuple

from ..nations import nation_of
from ..textnorm import fold
from .words import (
    ADJECTIVE_ENDINGS,
    CLAUSE_BREAKS,
    CONNECTORS,
    CREEDS,
    COPULAS,
    DETERMINERS,
    DIVISION_HEADS,
    ENOUGH_CONTEXTS,
    GENERAL_ABBREVIATIONS,
    HEAD_TYPES,
    HOMELAND_WORDS,
    IDEA_ENDINGS,
    LANGUAGES,
    LIST_SEPARATORS,
    MOTION_VERBS,
    MONTHS_AND_DAYS,
    NEARBY,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PLACE_OF_NOUNS,
    PLACE_PREPOSITIONS,
    PLURAL_HEADS,
    SPLITTING_CONNECTORS,
    STAFF_NOUNS,
    STATE_HEADS,
    STOPWORDS,
    TITLES,
    TOKEN,
    WEAPON_NOUNS,
    Token,
    Vocabulary,
    country_stems,
    demonym,
    head_type,
    head_word,
    is_acronym,
    is_code,
    is_country,
    key_of,
    linked,
    name_key,
    opens,
    surface,
    tokenize,
)
from .drafts import REGION_WORDS, Draft, Registry, canonical, decided_type


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
    nation: tuple[str, ...] | None  # the key of the country, person or body the words around give it


def scan(texts: list[str], runs: list[list[list[Token]]], registry: Registry) -> list[Candidate]:
    """Every name the prose writes, with what its context says about it."""
    found: list[Candidate] = []
    seen: Counter = Counter()
    cuts: dict[str, list] = {}
    for text, sentence_runs in zip(texts, runs):
        last_start, last_end, last_key = None, None, None  # the name before, in this sentence
        for run in sentence_runs:
            for part, kind, key, name in _named_parts(text, run, registry, cuts):
                if kind == "name" and len(part) == 1 and _figure_of_speech(text, part[0]):
                    continue
                listed_by = text[last_end : part[0].start] if last_end is not None else ""
                listed_after = last_key if listed_by in LIST_SEPARATORS else None
                previous = (last_start, last_end, last_key)
                last_start, last_end, last_key = part[0].start, part[0].start + len(name), key
                seen[key] += 1
                tied = kind in ("name", "person") and seen[key] <= ENOUGH_CONTEXTS  # a person's ties: where first named
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
                        _nation_before(text, part)
                        or _appositive_nation(text, part)
                        or (_person_tie(text, part, kind, listed_by, previous) if tied else None)
                        or (_nation_of_holder(text, part[-1].end) if kind == "body" else None)
                        or (_made_of_country(text, part) if tied else None),
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
        (tokens, "person" if kind == "name" and index and parts[index - 1][1] in ("title", "body") else kind)
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
        if i > start + 1 and run[i - 1].key == "of" and run[i - 2].key in DIVISION_HEADS and draft.type == "country":
            pieces += [(run[start : i - 1], None), (run[i:end], draft)]  # "Dorn Province of Peru": where it is
            start = i = end
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
        if i == start + 1 and draft.type == "country" and _plain_word(run[start]):
            i = end  # "United Peru", a party: a plain capitalised word and a country are one name
            continue
        if start < i:
            pieces.append((run[start:i], None))
        pieces.append((run[i:end], draft))
        start = i = end
    if start < len(run):
        pieces.append((run[start:], None))
    return pieces


def _plain_word(token: Token) -> bool:
    """A capitalised word inside a sentence that is no title, nationality, country, region
    word or code."""
    return (
        not token.initial and not token.possessive and token.text[1:].islower() and token.key not in TITLES
        and token.key not in CONNECTORS and token.key not in STOPWORDS and nation_of(token.text) is None
        and token.key not in REGION_WORDS and not head_type((token.key,))
    )


def _split_loose(piece: list[Token]) -> list[list[Token]]:
    """Cut after a possessive ("Amnesty International's Regional Director") unless a head word
    follows ("Prosecutor General's Office") or the possessive is a word of the body's name
    ("People's Protection Units"), and at "A of B" when A has no head word."""
    parts: list[list[Token]] = []
    start = 0
    for i, token in enumerate(piece[:-1]):
        if token.possessive and piece[i + 1].key not in HEAD_TYPES and not _body_of_the(token, piece[i + 1 :]):
            parts.append(piece[start : i + 1])
            start = i + 1
    parts.append(piece[start:])
    split = [smaller for part in parts for smaller in _split_of(part)]
    return [part for part in (_strip_connectors(part) for part in split) if part]


# Possessives that are words of a body's own name: "the People's Protection Units".
NAME_POSSESSIVES = frozenset("people workers women martyrs veterans".split())


def _body_of_the(token: Token, rest: list[Token]) -> bool:
    return token.key in NAME_POSSESSIVES and head_type(key_of(rest)) is not None


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
            return _body_of_title(piece, titles[-1] + 1)  # "Head of the Military Control Service of the ..."
    if end < len(piece):
        return [(piece[:end], "title"), (piece[end:], "person")]
    return _body_of_title(piece, end)


def _nation_of_holder(text: str, end: int) -> tuple[str, ...] | None:
    """The country of what a title's body is part of: "the X Service of the Peruvian MoD"."""
    words = tokenize(text, end, end + NEARBY, limit=3)
    if len(words) < 2 or words[0].key != "of" or text[end : words[0].start] != " ":
        return None
    named = words[2] if words[1].key == "the" and len(words) > 2 else words[1]
    return nation_of_word(named)


def _body_of_title(piece: list[Token], end: int) -> list[tuple[list[Token], str]]:
    """A title, and the body it names after "of" or "for" when that has a head word: "President
    of the National Assembly of Peru" holds the "National Assembly of Peru"; "Head of the Border
    Service of the Peruvian MoD" the "Border Service"; "Minister of Foreign Affairs" no body."""
    start = end
    while start < len(piece) and piece[start].key not in SPLITTING_CONNECTORS:
        start += 1
    body = _strip_connectors(piece[start:])
    of = next((i for i, token in enumerate(body) if token.key in SPLITTING_CONNECTORS), len(body))
    if not is_country(" ".join(token.text for token in _strip_connectors(body[of:]))):
        body = body[:of]  # "... Service of the Peruvian MoD": the service; "... of Peru" stays
    if not body or not head_type(key_of(body)):
        return [(piece, "title")]
    return [(piece[: piece.index(body[0])], "title"), (body, "body")]


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
    """_nation_before from the text between the two spaces before a name, when its last word
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
    """_nation_before on the last words before `start`; _UNSETTLED when they all are words of
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


def _appositive_nation(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """ "the former director of the Peruvian Border Service, Ivo Brandt, said": a name set off
    by commas after an office is tied to the one country that office names (a nationality
    word, "Peru's", "of Peru")."""
    if len(part) < 2 or text[max(0, part[0].start - 2) : part[0].start] != ", " or not _plain_name(part):
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


def _made_of_country(text: str, part: list[Token]) -> tuple[str, ...] | None:
    """The country that ends a title or honour a person was made ("who was made National Hero
    of Peru", "who was appointed Minister of Defence of Peru"), right after a plain name."""
    made = MADE_OF_COUNTRY.match(text, part[-1].end) if _plain_name(part) else None
    words = made.group(1).split() if made else []
    if len(words) < 3 or words[-2] not in ("of", "the") or not any(fold(word) in TITLES for word in words):
        return None
    nation = nation_of(words[-1])
    return name_key(nation.name) if nation is not None and words[-1] in nation.names else None


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


def _person_tie(text: str, part: list[Token], kind: str, gap: str, previous: tuple) -> tuple[str, ...] | None:
    """The country or body an apposition after a name, an office of a body or the command of
    forces ties a person to; `previous` is the start, end and key of the name before it in the
    sentence (None, None, None: none)."""
    tie = (
        (text.startswith(", ", part[-1].end) and _nation_after(text, part))
        or (text.startswith(" of ", part[-1].end) and _body_after(text, part))
        or (previous[2] and _body_before(text, part, gap, *previous))
        or _leader_of(text, part, *previous)
    )
    return tie if tie and (kind == "person" or _plain_name(part)) else None


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
    if not any(fold(word) in PERSON_NOUNS and (word[:1].islower() or fold(word) in TITLES) for word in _clause_before(text, start)):
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
        moved = previous.key in ("to", "from") and len(before) > 1 and before[0].key in MOTION_VERBS
        if moved and not (len(part) == 2 and _plain_name(part)):  # "returned to Ivo Brandt"
            return "place", 2  # "moved to X", "fled from X"
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
        if following.key == "family":  # "members of the Brandt family"
            return "person", 2
    if len(part) == 1 and gap_after == " " and following.key == "of" and _of_division(text, after):
        return "place", 2  # "Velka of Dorn District": a village of a district
    if len(part) > 1 and gap_after in (" ", ", ") and following.key == "who" and _plain_name(part):
        return "person", 2  # "Ivo Brandt(,) who was made a hero"
    if len(part) > 1 and gap_before == " " and previous.text[:1].isupper() and _plain_name(part):
        if _titled_clause(text, part[0].start):
            return "person", 2  # "the chief of the Border Service Ivo Brandt"
    comma_after = gap_after.strip() == ","
    if gap_before.strip() == "," and (comma_after or following is None):  # "the minister, X, said"
        vote = _clause_vote(_clause_before(text, text.rfind(",", 0, part[0].start)))
        if vote:
            return vote
    if comma_after and (following.key in APPOSITION_STARTS or following.key not in STOPWORDS):  # "X, a citizen"
        vote = _clause_vote(_clause_after(text, following.start), appositive=True)
        if vote:
            return vote
    if following and following.key in COPULAS and len(after) > 1 and after[1].key in DETERMINERS:  # "X is a city"
        vote = _clause_vote(_clause_after(text, after[1].start)[:6], appositive=True)
        if vote:
            return vote
    which_is = len(after) > 2 and following.key == "which" and after[1].key in COPULAS and after[2].key in DETERMINERS
    if comma_after and which_is:  # "X, which was the only platform"
        vote = _clause_vote(_clause_after(text, after[2].start)[:6], appositive=True)
        if vote:
            return vote
    listed = _kind_of_list(text, part[0].start)
    if listed:
        return listed, 2
    if gap_before == " " and previous.key in PLACE_PREPOSITIONS:
        return "place", 1
    if previous and previous.key == "the" and before[0].key == "of" and PERSON_OF_THE.search(text, max(0, part[0].start - 60), part[0].start):
        return "organization", 1  # "Ana Brel of the Morning Courier": where a person works
    if part[0].text == "The" and not part[0].initial:  # "by The Clarion": a paper's or body's title
        return "organization", 1
    of_the = len(after) > 1 and following.key == "of" and after[1].key == "the" and gap_after == " "
    if len(part) == 2 and of_the and _plain_name(part):
        return "person", 1  # "Ana Brel of the Institute"; "Velka of Dorn District" may be a place
    return None


# "parties and organizations, including X, Y and Z", "cities such as X": a kind, then names.
LIST_WORDS = ("including", "such as", "notably", "namely")
LIST_OPENING = re.compile(rf"(\w+),? (?:{'|'.join(LIST_WORDS)}) (?:the )?$")
LIST_SO_FAR = re.compile(r"(?:[A-Z][\w'’-]*(?: (?:of |the |de |al-)*[A-Z][\w'’-]*)*(?:,? and |,? or |, )(?:the )?)*$")


def _kind_of_list(text: str, start: int) -> str | None:
    """The type the plural noun before "including" or "such as" gives the names listed after
    it: "opposition parties and organizations, including Dorn Front, Velka and Ruhl"."""
    window = text[max(0, start - 200) : start]
    if not any(word in window for word in LIST_WORDS):
        return None  # most names: no list opens before them
    names = LIST_SO_FAR.search(window)
    opening = LIST_OPENING.search(window, 0, names.start() if names else len(window))
    if opening is None:
        return None
    noun = opening.group(1).lower()
    for kind, nouns in (("person", PERSON_NOUNS), ("place", PLACE_NOUNS), ("organization", ORG_NOUNS)):
        if noun in nouns or noun.removesuffix("s") in nouns or noun.removesuffix("ies") + "y" in nouns:
            return kind
    return None


PERSON_OF_THE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+ [A-Z][a-z]+ of the $")


def _of_division(text: str, after: list[Token]) -> bool:
    """Whether the words after "of" are a capitalised name ending on a division's head word."""
    words = after[1:]
    heads = [i for i, token in enumerate(words) if token.key in DIVISION_HEADS]
    if not heads or heads[0] == 0:
        return False
    name = words[: heads[0] + 1]
    return all(token.text[:1].isupper() for token in name) and all(linked(text, a, b) for a, b in zip(after, name))


def _titled_clause(text: str, position: int) -> bool:
    """Whether the clause before `position` holds a title in lower case: "the head of ..."."""
    return any(word[:1].islower() and fold(word) in TITLES for word in _clause_before(text, position))


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


# Stopwords that open an apposition: "X, a town", "X, one of the largest groups".
APPOSITION_STARTS = DETERMINERS | {"one"}
# Words that end the noun phrase of an apposition: "X, one of the largest groups in Dorn province"
# is a group; the province is where it is.
PHRASE_ENDS = frozenset("in at near from on with by which who that where whose".split())


def _clause_vote(clause: list[str], appositive: bool = False) -> tuple[str, int] | None:
    if appositive:
        clause = clause[: next((i for i, word in enumerate(clause) if word in PHRASE_ENDS), len(clause))]
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
    alone_names = {(candidate.key[0], candidate.name) for candidate in candidates if len(candidate.key) == 1}
    acronyms = {word for word, name in alone_names if is_acronym(name)}
    stems = country_stems(key[0] for key, draft in registry.by_key.items() if len(key) == 1 and draft.type == "country")

    def adjective(word: str) -> bool:
        if demonym(word, stems):
            return True
        uses = alone.get(word)
        modifier = bool(uses) and all(uses) and word not in acronyms  # "OSCE proposals": a body
        return modifier and (word.endswith(ADJECTIVE_ENDINGS) or word in openers)

    @cache  # names recur
    def acceptable(key: tuple[str, ...]) -> bool:
        return _acceptable(key, vocabulary, adjective)

    for candidate in candidates:
        name, key = candidate.name, candidate.key
        last = key[-1]
        if len(key) > 1 and is_acronym(name.split()[-1]) and last not in HEAD_TYPES and all(demonym(w, stems) for w in key[:-1]):
            name, key = name.split()[-1], key[-1:]  # "Armenian MoD" is the MoD
        if not candidate.known and not acceptable(key) and not _inner_capital(name):
            continue
        draft = registry.add(name)
        if candidate.vote and not (candidate.vote == "person" and _no_person(key, candidate.weight, vocabulary)):
            draft.votes[candidate.vote] += candidate.weight
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
        if all(w in OFFICE_WORDS for w in key[:-1]) and (key[-1] in OFFICE_WORDS or key[-1] in PLURAL_HEADS):
            return False  # an office's subject or several offices: "Foreign Affairs", "Defence Ministries"
        if head_type(key) or key[0] == "the":  # a capital "The" inside a sentence: "of The Independent"
            return True
        if all(w in CREEDS or adjective(w) for w in key):
            return False  # "Sunni Islamist", "Ashkenazi Jews"
        return not adjective(key[-1]) and not all(adjective(w) or _common(w, vocabulary) for w in key)
    word = key[0]
    return not (
        len(word) < 2
        or word in CREEDS
        or word in HOMELAND_WORDS
        or word.endswith(IDEA_ENDINGS)
        or word[0].isdigit()  # "1994", "6th"
        or word in STOPWORDS
        or word in TITLES
        or (word in HEAD_TYPES and not _proper_place(word, vocabulary))
        or word in MONTHS_AND_DAYS
        or word in GENERAL_ABBREVIATIONS
        or word in LANGUAGES
        or word in vocabulary.lower
        or word not in vocabulary.capitalised
        or adjective(word)
    )


def _no_person(key: tuple[str, ...], weight: int, vocabulary: Vocabulary) -> bool:
    """Names a person's vote does not fit: "The Clarion" (a title), and on weak evidence a
    name with common words ("Eastern Command of the X")."""
    return key[0] == "the" or (weight == 1 and bool(set(key) & vocabulary.lower))


def _inner_capital(name: str) -> bool:
    """A word with a capital inside ("ReAl", "McKay") is written as a name even where its
    letters spell a common word."""
    return name.isalpha() and len(name) > 2 and name[0].isupper() and any(c.isupper() for c in name[1:]) and any(c.islower() for c in name[1:])


def _common(word: str, vocabulary: Vocabulary) -> bool:
    """Whether the document writes a word, or its plural, in lower case: "Automobile Roads"
    after "automobiles" and "roads" is no name."""
    return word in vocabulary.lower or word + "s" in vocabulary.lower


def _proper_place(word: str, vocabulary: Vocabulary) -> bool:
    """A place's head word that is a name by itself ("the Caucasus"): never written in lower case."""
    return HEAD_TYPES[word] == "place" and word not in vocabulary.lower and word in vocabulary.capitalised
