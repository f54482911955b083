"""Full-text search over the article's sentences, ranked.

A query is words and "quoted phrases", all of which a sentence must contain (AND), with:
- `a OR b` (OR in capitals): either will do; OR binds tighter than AND, so
  `drone OR drones strike` asks for (drone or drones) and strike;
- `-word` or `-"a phrase"`: the sentence must not contain it;
- `word*`: any word it begins ("war*" finds "war", "warfare", "warring").
Matching ignores case and diacritics ("fuzuli" finds "Füzuli") and works on whole words: a word
matches where a word starts and ends, plus an English plural ending, so "drone" finds "drone"
and "drones" but not "droned"; the words of a phrase must follow each other, separated only by
spaces, hyphens, slashes or apostrophes ("nagorno karabakh" finds "Nagorno-Karabakh").
Hits are ranked by BM25 over the sentences searched (a rare word counts more than a common
one, a short sentence more than a long one), ties in document order. Match offsets are
character offsets into the sentence as written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .document import Sentence
from .textnorm import fold, fold_offsets, original_span

TOKEN = re.compile(r'(-)?(?:"([^"]*)"|([^\s"]+))')
WORD = re.compile(r"\w+\*?")
PHRASE_GAP = r"[\s'/-]+"
PLURAL = r"(?:s|es)?"
HOW = 'write words (all must appear), "quoted phrases", a OR b, -word to leave out, word* for a prefix'
BM25_K1 = 1.2
BM25_B = 0.75


class QueryError(ValueError):
    """The query is malformed or has nothing to search for."""


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query, as typed, with the pattern that finds it in folded text."""

    text: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Query:
    """Each clause is a set of alternatives one of which a sentence must contain; no excluded
    term may appear."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()
    widened: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (a term as typed, the other names it took)


@dataclass(frozen=True)
class Hit:
    text: str
    section: str
    date: object  # the first day of the sentence's first date, or None
    matches: tuple[tuple[int, int], ...]
    sentence: int
    score: float = 0.0
    end: object = None  # the last day of that date
    precision: str | None = None  # how precise it is: day, month, year, ... (see timeline.py)
    section_anchor: str | None = None


def parse_query(query: str, other_names: Callable[[str], tuple[str, ...]] | None = None) -> Query:
    """The query's clauses and excluded terms. `other_names` gives the other names of a word
    or phrase that names something (its aliases), which then count as alternatives of it.
    Raises QueryError, saying how to write a query, when it is malformed or has nothing to
    search for."""
    if query.count('"') % 2:
        raise QueryError(f"unclosed quote in {query!r}: {HOW}")
    clauses: list[tuple[Term, ...]] = []
    excluded: list[Term] = []
    widened: list[tuple[str, tuple[str, ...]]] = []
    previous = None  # "term", "excluded" or "OR": what the last token was
    for match in TOKEN.finditer(query):
        negated, phrase, word = match.groups()
        if word == "OR" and not negated:
            if previous != "term":
                raise QueryError(f"OR needs a word or phrase on each side in {query!r}: {HOW}")
            previous = "OR"
            continue
        term = _term(phrase if phrase is not None else word)
        if term is None:
            continue
        if negated and previous == "OR":
            raise QueryError(f"a -word cannot be one side of OR in {query!r}: {HOW}")
        others = other_names(term.text) if other_names and not term.text.endswith("*") else ()
        if others:
            widened.append((term.text, others))
        alternatives = (term, *filter(None, map(_term, others)))
        if negated:
            excluded.extend(alternatives)
        elif previous == "OR":
            clauses[-1] += alternatives
        else:
            clauses.append(alternatives)
        previous = "excluded" if negated else "term"
    if previous == "OR":
        raise QueryError(f"OR needs a word or phrase on each side in {query!r}: {HOW}")
    if not clauses:
        raise QueryError(f"nothing to search for in {query!r}: {HOW}")
    return Query(tuple(map(_distinct, clauses)), _distinct(excluded), tuple(widened))


def _distinct(terms) -> tuple[Term, ...]:
    """The terms without repeats ("a OR b" where b is an alias of a), so none counts twice."""
    seen: dict[str, Term] = {}
    for term in terms:
        seen.setdefault(term.pattern.pattern, term)
    return tuple(seen.values())


def _term(text: str) -> Term | None:
    words = WORD.findall(fold(text))
    return Term(text.strip(), _pattern(words)) if words else None


def _pattern(words: list[str]) -> re.Pattern:
    last = words[-1]
    prefix = last.endswith("*")
    words = [word.rstrip("*") for word in words]
    body = PHRASE_GAP.join(re.escape(word) for word in words if word)
    ending = r"\w*" if prefix else PLURAL + r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + ending)


def search(
    sentences: Iterable[Sentence],
    query: str | Query,
    section: str | None = None,
    dates: Mapping[int, object] | None = None,
    limit: int | None = None,
) -> tuple[Hit, ...]:
    """Sentences matching `query`, best first, with match offsets.

    `section` keeps sentences under a heading (see `section_matches`); `dates` maps a
    sentence index to its first date (anything with `date`, `end` and `precision`, such as a
    timeline event); `limit` keeps the best ones.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    dates = dates or {}
    searched = [s for s in sentences if section is None or section_matches(section, s.section)]
    folded = [fold(s.text) for s in searched]
    terms = [term for clause in parsed.clauses for term in clause]
    found = [[_found(term, text) for term in terms] for text in folded]
    score = _bm25(found, folded)
    hits: list[Hit] = []
    for number, sentence in enumerate(searched):
        if not _matches(parsed, terms, found[number], folded[number]):
            continue
        _, offsets = fold_offsets(sentence.text)
        spans = _merged([span for spans in found[number] for span in spans])
        matches = tuple(original_span(offsets, start, end) for start, end in spans)
        dated = dates.get(sentence.index)
        hits.append(
            Hit(sentence.text, sentence.section, getattr(dated, "date", None), matches, sentence.index,
                round(score(number), 4), getattr(dated, "end", None), getattr(dated, "precision", None),
                sentence.section_anchor)
        )
    hits.sort(key=lambda hit: -hit.score)
    return tuple(hits[:limit] if limit is not None else hits)


def _found(term: Term, folded: str) -> list[tuple[int, int]]:
    return [match.span() for match in term.pattern.finditer(folded) if match.end() > match.start()]


def _matches(query: Query, terms: list[Term], found: list[list], folded: str) -> bool:
    present = {id(term) for term, spans in zip(terms, found) if spans}
    return all(any(id(term) in present for term in clause) for clause in query.clauses) and not any(
        _found(term, folded) for term in query.excluded
    )


def _bm25(found: list[list[list]], folded: list[str]) -> Callable[[int], float]:
    """Okapi BM25 of each searched sentence (by position) over the query's terms."""
    count = len(folded)
    lengths = [len(text.split()) for text in folded]
    average = sum(lengths) / count if count else 1.0
    frequencies = [sum(1 for row in found if row[i]) for i in range(len(found[0]) if found else 0)]
    weights = [math.log(1 + (count - df + 0.5) / (df + 0.5)) for df in frequencies]

    def score(number: int) -> float:
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[number] / (average or 1.0))
        return sum(
            weight * len(spans) * (BM25_K1 + 1) / (len(spans) + norm)
            for weight, spans in zip(weights, found[number])
            if spans
        )

    return score


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def section_matches(wanted: str, path: str) -> bool:
    """Whether a section path is under the heading `wanted`, ignoring case and diacritics.

    `wanted` may be one heading title ("Casualties" keeps "Casualties > Civilians" too; a
    title used at several places, such as "Armenia", keeps all of them) or a path
    ("Aftermath > Armenia").
    """
    wanted = " > ".join(part.strip() for part in fold(wanted).split(">"))
    path = fold(path)
    return path == wanted or path.startswith(wanted + " > ") or wanted in path.split(" > ")
