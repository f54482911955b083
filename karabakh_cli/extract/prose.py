"""Split the body's paragraphs into sentences."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from .document import Document, Section, Sentence, Sentences, clean_markup

# Words that end in a period without ending the sentence (compared lowercase, without the dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st mt lt gen col maj capt cpt sgt cpl adm brig cmdr gov sen rep pres
    jr sr no nos v vol vols fig figs approx est ca cf vs etc inc ltd co corp dept univ op
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# A candidate end: . ! ? (or an ellipsis) plus closing quotes/brackets/emphasis, then space.
BOUNDARY = re.compile(r"""(?:\.{3}|[.!?])["'”’)\]_*]*(?=\s+)""")
# What may open the next sentence: a capital, a digit or an opening quote/bracket/emphasis.
NEXT_START = re.compile(r"""\s+["'“‘(\[_*]*[A-Z0-9\u00C0-\u024F\u0370-\u1FFF]""")
WORD_LOOKBACK = 64  # characters looked at before a period for the word it ends
MAX_SENTENCE = 2000  # characters of Markdown; a longer sentence is cut (see _bounded)


def split_sentences(document: Document) -> Sentences:
    from .provenance import section_anchors

    paths = tuple(dict.fromkeys(section.path for section in document.sections))
    number = {path: n for n, path in enumerate(paths)}
    bounds, paragraphs, starts, ends, sections = (array("i") for _ in range(5))
    bounds.append(0)
    chunks: list[str] = []
    texts: list[str] = []  # joined into `chunks` every few thousand: no string per sentence is kept
    for paragraph in document.paragraphs:
        for start, end in sentence_spans(paragraph.raw):
            text = clean_markup(paragraph.raw[start:end])
            if text:
                texts.append(text)
                bounds.append(bounds[-1] + len(text) + 1)
                paragraphs.append(paragraph.index)
                starts.append(paragraph.start + start)
                ends.append(paragraph.start + end)
                sections.append(number[paragraph.section])
                if len(texts) == TEXTS_PER_CHUNK:
                    chunks.append(_joined(texts))
    chunks.append(_joined(texts))
    return Sentences("".join(chunks), bounds, paragraphs, starts, ends, sections, paths, section_anchors(document.sections))


TEXTS_PER_CHUNK = 4096


def _joined(texts: list[str]) -> str:
    """The texts, each followed by a line break; the list emptied."""
    joined = "".join(text + "\n" for text in texts)
    texts.clear()
    return joined


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in one paragraph of raw Markdown."""
    spans = []
    start = 0
    for match in BOUNDARY.finditer(text):
        end = match.end()
        if not NEXT_START.match(text, end) or not _ends_sentence(text, match.start(), start):
            continue
        spans.append(_trimmed(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return [piece for span in spans if span[1] > span[0] for piece in _bounded(text, *span)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into pieces of at most MAX_SENTENCE characters, at a space where there is
    one in the second half. No real sentence is that long, and with the cut no extractor can
    take more than a constant time per character of the document, whatever a sentence holds."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        half = limit - MAX_SENTENCE // 2
        cut = max(text.rfind(" ", half, limit), text.rfind("\n", half, limit))
        cut = cut if cut > start else limit
        pieces.append(_trimmed(text, start, cut))
        start = cut
    pieces.append(_trimmed(text, start, end))
    return [piece for piece in pieces if piece[1] > piece[0]]


def _ends_sentence(text: str, dot: int, sentence_start: int) -> bool:
    if text[dot] != ".":
        return True
    # Look back a bounded way: abbreviations and initials are short, and scanning back to the
    # sentence's start at every "Mr." of a line without spaces would be quadratic.
    sentence_start = max(sentence_start, dot - WORD_LOOKBACK)
    word_start = max(text.rfind(" ", sentence_start, dot), text.rfind("\n", sentence_start, dot)) + 1
    word = text[max(word_start, sentence_start) : dot].lstrip("\"'“‘([_*")
    if not word:
        return True
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return False
    if re.fullmatch(r"[A-Z]", word):  # an initial: "J. R. Smith"
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # U.S, U.N, e.g, i.e
        return False
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end



@dataclass(frozen=True)
class SectionOutline:
    title: str
    level: int
    path: str
    words: int  # in the section's own sentences, not its subsections'
    sentences: int
    section_anchor: str | None = None


def outline(sections: tuple[Section, ...], sentences: tuple[Sentence, ...]) -> tuple[SectionOutline, ...]:
    from .provenance import section_anchors

    anchors = section_anchors(sections)
    words: dict[str, int] = {}
    counts: dict[str, int] = {}
    for sentence in sentences:
        words[sentence.section] = words.get(sentence.section, 0) + len(sentence.text.split())
        counts[sentence.section] = counts.get(sentence.section, 0) + 1
    return tuple(
        SectionOutline(s.title, s.level, s.path, words.get(s.path, 0), counts.get(s.path, 0), anchors.get(s.path))
        for s in sections
        if s.index > 0 or s.path in counts  # the lead only when it has prose
    )
