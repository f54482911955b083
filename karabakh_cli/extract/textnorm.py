"""Fold text for matching: case and diacritics removed, so "fuzuli" finds "Füzuli".

`fold(text)` is the folded string; `fold_offsets(text)` also gives, for every folded
character, the offset of the original character it came from, so a match found in the folded
text can be shown on the original (`original_span`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

# Letters that NFKD does not decompose into a base letter plus marks.
SPECIAL = {
    "ı": "i",
    "ə": "e",
    "Ə": "e",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "ħ": "h",
    "ŧ": "t",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "þ": "th",
    "Þ": "th",
    "ð": "d",
    "Ð": "d",
    "ß": "ss",
    "ẞ": "ss",
    # Typographic variants, so a query typed with ASCII quotes and hyphens still matches.
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "“": '"',
    "”": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
}


def fold_char(char: str) -> str:
    """One character folded: may be empty (a lone combining mark) or longer ("ß" → "ss")."""
    if char in SPECIAL:
        return SPECIAL[char]
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = base.casefold()
    return "".join(SPECIAL.get(c, c) for c in folded)


class _FoldTable(dict):
    """A str.translate table that folds each code point on first sight and keeps it."""

    def __missing__(self, code: int) -> str:
        value = self[code] = fold_char(chr(code))
        return value


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Casefolded, without diacritics: fold("Füzuli") == fold("FUZULI") == "fuzuli"."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def fold_offsets(text: str) -> tuple[str, Sequence[int]]:
    """The folded text and, per folded character, the original offset it came from.

    The sequence has one extra entry, len(text), so a folded end offset maps too. ASCII
    folds character for character, so its offsets are a range, not a list of ints.
    """
    if text.isascii():
        return text.lower(), range(len(text) + 1)
    parts: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = _TABLE[ord(char)]
        parts.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return "".join(parts), offsets


def original_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The span of the original text behind folded[start:end] (end exclusive)."""
    if end <= start:
        return offsets[start], offsets[start]
    last = offsets[end - 1]
    # Take in what folding dropped after the last character (its combining marks), but
    # never cut a character that folded into several ("ß" → "ss").
    following = offsets[end]
    return offsets[start], following if following > last else last + 1

