"""Split the body's paragraphs into sentences."""

from __future__ import annotations

import re

from .document import Document, Sentence, clean_markup

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


def split_sentences(document: Document) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for paragraph in document.paragraphs:
        for start, end in sentence_spans(paragraph.raw):
            text = clean_markup(paragraph.raw[start:end])
            if text:
                sentences.append(
                    Sentence(
                        text=text,
                        section=paragraph.section,
                        paragraph=paragraph.index,
                        index=len(sentences),
                        start=paragraph.start + start,
                        end=paragraph.start + end,
                    )
                )
    return tuple(sentences)


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
    return [span for span in spans if span[1] > span[0]]


def _ends_sentence(text: str, dot: int, sentence_start: int) -> bool:
    if text[dot] != ".":
        return True
    word = re.search(r"[\w.]*$", text[sentence_start:dot]).group()
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

