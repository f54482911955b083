"""Entities, scan: every name the prose writes, cut from its run of capitalised words, what the
words around it say it is, and the candidates that are names (the country, person or body
those words tie it to: `ties`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from typing import NamedTuple

from ..nations import nation_of
from ..textnorm import fold
from .words import (
    ADJECTIVE_ENDINGS,
    CONNECTORS,
    GROUPS_OF_PEOPLE,
    COPULAS,
    DETERMINERS,
    DIVISION_HEADS,
    ENOUGH_CONTEXTS,
    GENERAL_ABBREVIATIONS,
    HEAD_TYPES,
    HOMELAND_WORDS,
    HYPHEN,
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
    SEVERAL_BODIES,
    SPLITTING_CONNECTORS,
    STAFF_NOUNS,
    STOPWORDS,
    TITLES,
    WEAPON_NOUNS,
    Token,
    Vocabulary,
    clause_after,
    clause_before,
    country_stems,
    demonym,
    head_type,
    head_word,
    is_acronym,
    is_code,
    is_country,
    key_of,
    linked,
    opens,
    plain_name,
    surface,
    tokenize,
)
from .drafts import REGION_WORDS, Draft, Registry, canonical, decided_type
from .ties import OFFICE_WORDS, appositive_nation, made_of_country, nation_before, nation_of_holder, person_tie


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
                        nation_before(text, part)
                        or appositive_nation(text, part)
                        or (person_tie(text, part, kind, listed_by, previous) if tied else None)
                        or (nation_of_holder(text, part[-1].end) if kind == "body" else None)
                        or (made_of_country(text, part) if tied else None),
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
    key = key_of(piece)
    if head_type(key):  # an office that is a body too ("Human Rights Defender of Peru") has holders
        return [(piece, "body" if head_word(key) in TITLES else "name")]
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
    key = key_of(body)
    if not body or not (head_type(key) or (len(key) == 2 and key[0] in REGION_WORDS)):
        return [(piece, "title")]  # a region too: "Director for Eastern Europe"
    return [(piece[: piece.index(body[0])], "title"), (body, "body")]




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
        if moved and not (len(part) == 2 and plain_name(part)):  # "returned to Ivo Brandt"
            return "place", 2  # "moved to X", "fled from X"
        if previous.key == "from" and before[0].key in STAFF_NOUNS:  # "journalists from X"
            return "organization", 2
    if gap_after == " " and following.text[:1].islower():
        words = {token.key for token in after}
        if words & WEAPON_NOUNS and (words & WEAPON_NOUNS - FIGHTERS or any(is_code(token.text) for token in part)):
            return "weapon", 2  # "Dorn fighters" are people, "MiG-21 fighters" aircraft
        if following.key in ORG_NOUNS:
            return "organization", 2
        if following.key in PLACE_NOUNS:
            return "place", 2
        if following.key in STAFF_NOUNS:
            return "organization", 2
        if following.key == "family":  # "members of the Brandt family": a group of people
            return "family", 0
    if len(part) == 1 and gap_after == " " and following.key == "of" and _of_division(text, after):
        return "place", 2  # "Velka of Dorn District": a village of a district
    if len(part) > 1 and gap_after in (" ", ", ") and following.key == "who" and plain_name(part):
        return "person", 2  # "Ivo Brandt(,) who was made a hero"
    if len(part) > 1 and gap_before == " " and previous.text[:1].isupper() and plain_name(part):
        if _titled_clause(text, part[0].start):
            return "person", 2  # "the chief of the Border Service Ivo Brandt"
    comma_after = gap_after.strip() == ","
    if gap_before.strip() == "," and (comma_after or following is None):  # "the minister, X, said"
        vote = _clause_vote(clause_before(text, text.rfind(",", 0, part[0].start)))
        if vote:
            return vote
    if comma_after and (following.key in APPOSITION_STARTS or following.key not in STOPWORDS):  # "X, a citizen"
        vote = _clause_vote(clause_after(text, following.start), appositive=True)
        if vote:
            return vote
    if following and following.key in COPULAS and len(after) > 1 and after[1].key in DETERMINERS:  # "X is a city"
        vote = _clause_vote(clause_after(text, after[1].start)[:6], appositive=True)
        if vote:
            return vote
    which_is = len(after) > 2 and following.key == "which" and after[1].key in COPULAS and after[2].key in DETERMINERS
    if comma_after and which_is:  # "X, which was the only platform"
        vote = _clause_vote(clause_after(text, after[2].start)[:6], appositive=True)
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
    if len(part) in (2, 3) and part[-1].possessive and plain_name(part) and not is_country(part[0].text):
        return "person", 1  # "Ivo Dorn Brandt's Memorial Day"
    of_the = len(after) > 1 and following.key == "of" and after[1].key == "the" and gap_after == " "
    if len(part) == 2 and of_the and plain_name(part):
        return "person", 1  # "Ana Brel of the Institute"; "Velka of Dorn District" may be a place
    return None


# "parties and organizations, including X, Y and Z", "cities such as X": a kind, then names.
LIST_WORDS = ("including", "such as", "notably", "namely")
LIST_WORD = re.compile("|".join(LIST_WORDS))
LIST_OPENING = re.compile(rf"(\w+),? (?:{'|'.join(LIST_WORDS)}) (?:the )?$")
LIST_SO_FAR = re.compile(r"(?:[A-Z][\w'’-]*(?: (?:of |the |de |al-)*[A-Z][\w'’-]*)*(?:,? and |,? or |, )(?:the )?)*$")


def _kind_of_list(text: str, start: int) -> str | None:
    """The type the plural noun before "including" or "such as" gives the names listed after
    it: "opposition parties and organizations, including Dorn Front, Velka and Ruhl"."""
    if not LIST_WORD.search(text, max(0, start - 200), start):
        return None  # most names: no list opens before them
    window = text[max(0, start - 200) : start]
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
    return any(word[:1].islower() and fold(word) in TITLES for word in clause_before(text, position))




FIGHTERS = frozenset({"fighter", "fighters"})
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
        if not candidate.known and (candidate.vote == "family" or not acceptable(key) and not _inner_capital(name)):
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
        if head_word(key) in SEVERAL_BODIES or (all(w in OFFICE_WORDS for w in key[:-1]) and key[-1] in OFFICE_WORDS):
            return False  # several bodies or an office's subject: "Defence Ministries", "Foreign Affairs"
        if head_type(key) or key[0] == "the":  # a capital "The" inside a sentence: "of The Independent"
            return True
        if all(w in GROUPS_OF_PEOPLE or adjective(w) for w in key):
            return False  # "Sunni Islamist", "Ashkenazi Jews"
        return not adjective(key[-1]) and not all(adjective(w) or _common(w, vocabulary) for w in key)
    word = key[0]
    return not (
        len(word) < 2
        or word in GROUPS_OF_PEOPLE
        or all(part in GROUPS_OF_PEOPLE or adjective(part) for part in HYPHEN.split(word))  # "Arab–Velkan"
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
    rest = name[1:]
    return len(name) > 2 and not rest.islower() and not rest.isupper() and name[0].isupper() and name.isalpha()


def _common(word: str, vocabulary: Vocabulary) -> bool:
    """Whether the document writes a word, or its plural, in lower case: "Automobile Roads"
    after "automobiles" and "roads" is no name."""
    return word in vocabulary.lower or word + "s" in vocabulary.lower


def _proper_place(word: str, vocabulary: Vocabulary) -> bool:
    """A place's head word that is a name by itself ("the Caucasus"): never written in lower case."""
    return HEAD_TYPES[word] == "place" and word not in vocabulary.lower and word in vocabulary.capitalised
