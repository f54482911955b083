"""Entities: the people, places, bodies, countries, weapons and events an article names.

The package's modules follow the work: `words` (word lists, tokens, runs, clauses), `drafts`
(the registry of names), `sources` (infobox, countries, the war's names, stated aliases,
events), `scan` (names in the prose and their contexts), `ties` (the country, person or body
the words around a name tie it to), `joining` (names of one entity) and `index` (mentions,
sides, lookups).

Where names come from, strongest evidence first:
1. the infobox: parties, commanders, units and equipment of each side (`sides`), and the
   pages its links point to;
2. acronyms the prose expands ("National Security Service (NSS)"), or whose letters are the
   initials of exactly one name ("HRW" → Human Rights Watch);
3. aliases the prose states ("Shusha, known to Armenians as Shushi", "Shusha (Shushi)",
   "Republic of X" for a country X), and names the prose writes with lowercase words: events
   ("the 2016 X clashes", "the X massacre"), routes ("the X–Y pipeline"), the "See also"
   titles, the war's names and native spellings;
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
"the city of X", "X tanks", "towns such as X") and from the names it is listed with ("Tartar,
Beylagan and Barda"), then from the name's shape (an acronym, a capital city, a family
name's ending); without evidence the type stays `other`. The word lists are general
English and general world lists, never about one article.

A sentence mentions an entity when it names it under any alias, matched case- and
diacritics-insensitively on whole words, leftmost-longest: "Azerbaijan Airlines" is one
mention of the airline, not of Azerbaijan. Names are looked for where the text has capitals
(and the lowercase words that go on a known name: "Lachin corridor"), so the work grows with
the capitalised words of a document, not with all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from ..document import Sentence, texts_of
from .drafts import Registry
from .index import Entity, EntityIndex, Lookup, Matcher, Mention, Profile, build_index
from .joining import (
    code_families,
    join_acronyms,
    join_armies,
    join_lone_divisions,
    join_middle_names,
    join_national_names,
    join_office_orders,
    join_plurals,
    join_short_forms,
    join_surnames,
    join_variants,
    join_weapon_names,
    place_roots,
    regnal_names,
)
from .scan import list_votes, register, scan
from .sources import (
    from_dashed_names,
    from_events,
    from_gazetteer,
    from_italics,
    from_links,
    from_see_also,
    from_sides,
    from_statements,
    from_war_names,
    italic_names,
    state_names,
)
from .words import (
    CAPITAL_RANGES,
    CONNECTORS,
    DEMONYM_ENDINGS,
    Token,
    Vocabulary,
    country_stems,
    demonym,
    is_country,
    raw_runs,
    stretches,
    tokenize,
    trimmed,
    with_phrases,
)

__all__ = [
    "CAPITAL_RANGES",
    "CONNECTORS",
    "DEMONYM_ENDINGS",
    "Entity",
    "EntityIndex",
    "Lookup",
    "Matcher",
    "Mention",
    "Profile",
    "Token",
    "country_stems",
    "demonym",
    "extract_entities",
    "italic_names",
    "is_country",
    "stretches",
    "tokenize",
]


# --- everything together -----------------------------------------------------------------


def extract_entities(
    sentences: Sequence[Sentence],
    sides=(),
    infobox=None,
    war_names: Iterable[tuple[str, str | None]] = (),
    italics: Iterable[str] = (),
) -> EntityIndex:
    """The entities of a document from its sentences, its sides, its infobox links, the names
    of the war it is about, each with its native spelling or None (its title first), and the
    names its body sets in italics (`italic_names`)."""
    texts = texts_of(sentences)
    found = PerSentence(len(texts), lambda i: stretches(texts[i]))
    raw = PerSentence(len(texts), lambda i: runs_of(texts[i], found[i]))
    vocabulary = Vocabulary(texts, (run for runs in raw for run in runs))
    registry = Registry()
    from_sides(registry, sides, vocabulary)
    from_links(registry, infobox, vocabulary)
    from_gazetteer(registry, vocabulary)
    state_names(registry, vocabulary)
    from_war_names(registry, war_names)
    from_events(registry, texts, vocabulary)
    from_dashed_names(registry, texts)
    from_see_also(registry, sentences)
    from_italics(registry, italics)
    known = set(registry.by_key)
    runs = PerSentence(len(texts), lambda i: [run for run in (trimmed(run, vocabulary, known) for run in raw[i]) if run])
    from_statements(registry, texts, runs)
    candidates = scan(texts, runs, registry)
    register(registry, candidates, vocabulary)
    join_acronyms(registry)
    join_middle_names(registry)
    join_surnames(registry)
    join_plurals(registry, vocabulary.words)
    join_variants(registry)
    join_national_names(registry)
    join_office_orders(registry)
    join_armies(registry, vocabulary.phrases)
    join_short_forms(registry)
    join_lone_divisions(registry)
    join_weapon_names(registry)
    code_families(registry)
    place_roots(registry)
    regnal_names(registry, texts)
    list_votes(registry, candidates)
    if registry.phrases:  # the lower-case names ("the ceasefire agreement") join the stretches
        plain, phrases = found, registry.phrases
        found = PerSentence(len(texts), lambda i: with_phrases(texts[i], plain[i], phrases))
    return build_index(registry, texts, found)


def runs_of(text: str, stretches_in: list[list[Token]]) -> list[list[Token]]:
    return [run for stretch in stretches_in for run in raw_runs(text, stretch)]


class PerSentence(Sequence):
    """What `compute` gives for each sentence index: kept for the first KEPT sentences, where
    it is read again and again, and computed afresh for the others (but for the ones it was
    found empty for), so that the words of a very long document cost time rather than a few
    hundred bytes of lists for each sentence."""

    KEPT = 8_192  # more sentences than any real article has

    def __init__(self, count: int, compute: Callable[[int], list]):
        self.count = count
        self.compute = compute
        self.kept: list[list | None] = [None] * min(count, self.KEPT)
        self.empty = bytearray(max(0, count - self.KEPT))  # beyond KEPT: 1 where it was empty

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> list:
        if index >= self.KEPT:
            if self.empty[index - self.KEPT]:
                return []
            value = self.compute(index)
            self.empty[index - self.KEPT] = not value
            return value
        value = self.kept[index]
        if value is None:
            value = self.kept[index] = self.compute(index)
        return value

    def __iter__(self) -> Iterator[list]:
        return map(self.__getitem__, range(self.count))
