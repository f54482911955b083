"""Full-text search over the article's sentences.

A query is words and "quoted phrases", all of which a sentence must contain (AND). Matching
ignores case and diacritics ("fuzuli" finds "Füzuli") and works on whole words:
- a word matches where a word starts and ends, plus an English plural ending, so "drone"
  finds "drone" and "drones" but not "droned"; "war" does not find "warfare";
- a word ending in `*` matches any word it begins: "war*" finds "war", "warfare", "warring";
- the words of a phrase must follow each other, separated only by spaces, hyphens, slashes or
  apostrophes: "nagorno karabakh" finds "Nagorno-Karabakh".
Match offsets are character offsets into the sentence as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .document import Sentence
from .textnorm import fold, fold_offsets, original_span

TERM = re.compile(r'"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+\*?")
PHRASE_GAP = r"[\s'/-]+"
PLURAL = r"(?:s|es)?"


class QueryError(ValueError):
    """The query has nothing to search for."""


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query, as typed, with the pattern that finds it in folded text."""

    text: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Hit:
    text: str
    section: str
    date: object  # whatever the dates mapping gives for the sentence (an ISO date), or None
    matches: tuple[tuple[int, int], ...]
    sentence: int
    section_anchor: str | None = None


def parse_query(query: str) -> tuple[Term, ...]:
    """The query's terms; a quoted phrase is one term. Raises QueryError when there is none."""
    terms = []
    for match in TERM.finditer(fold(query)):
        phrase = match.group(1) if match.group(1) is not None else match.group(2)
        words = WORD.findall(phrase)
        if words:
            terms.append(Term(phrase.strip(), _pattern(words)))
    if not terms:
        raise QueryError(f"nothing to search for in {query!r}: give a word or a \"phrase\"")
    return tuple(terms)


def _pattern(words: list[str]) -> re.Pattern:
    last = words[-1]
    prefix = last.endswith("*")
    words = [word.rstrip("*") for word in words]
    body = PHRASE_GAP.join(re.escape(word) for word in words if word)
    ending = r"\w*" if prefix else PLURAL + r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + ending)


def search(
    sentences: Iterable[Sentence],
    query: str,
    section: str | None = None,
    dates: Mapping[int, object] | None = None,
    limit: int | None = None,
) -> tuple[Hit, ...]:
    """Sentences containing every term of `query`, in document order, with match offsets.

    `section` keeps sentences under a heading (see `section_matches`); `dates` maps a
    sentence index to its date.
    """
    terms = parse_query(query)
    dates = dates or {}
    hits: list[Hit] = []
    for sentence in sentences:
        if limit is not None and len(hits) >= limit:
            break
        if section is not None and not section_matches(section, sentence.section):
            continue
        spans = _spans(terms, fold(sentence.text))
        if spans is None:
            continue
        _, offsets = fold_offsets(sentence.text)
        matches = tuple(original_span(offsets, start, end) for start, end in spans)
        hits.append(
            Hit(sentence.text, sentence.section, dates.get(sentence.index), matches, sentence.index, sentence.section_anchor)
        )
    return tuple(hits)


def _spans(terms: tuple[Term, ...], folded: str) -> list[tuple[int, int]] | None:
    """Merged folded-text spans of every term, or None when a term is missing."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        found = [match.span() for match in term.pattern.finditer(folded) if match.end() > match.start()]
        if not found:
            return None
        spans.extend(found)
    return _merged(spans)


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
