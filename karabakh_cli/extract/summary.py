"""The article at a glance: what, when, where, who, and how it ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import DateSpan
from .document import Document, text_value
from .provenance import article_url
from .infobox import Infobox
from .sides import Side, clean_name

BELLIGERENT_ROLES = ("combatant",)


@dataclass(frozen=True)
class SideParties:
    side: int
    parties: tuple[str, ...]


@dataclass(frozen=True)
class Counts:
    sections: int
    paragraphs: int
    sentences: int
    words: int
    infobox_fields: int


@dataclass(frozen=True)
class Summary:
    title: str
    short_description: str | None
    description: str | None
    as_of: date | None  # the date of the article's snapshot (pubDate)
    start: date | None
    end: date | None  # None while the war is ongoing
    duration_days: int | None  # days from start to end, both counted ("5–10 June" is 6)
    place: str | None
    result: tuple[str, ...]
    sides: tuple[SideParties, ...]
    counts: Counts
    notes: tuple[str, ...]  # what the document lacks, in words
    ongoing: bool = False  # the infobox span ends "present"
    url: str | None = None  # the article's web address (extract/provenance.py)


def summarize(document: Document, infobox: Infobox | None, span: DateSpan | None,
              sides: tuple[Side, ...], counts: Counts) -> Summary:
    meta = document.frontmatter
    place = infobox.get("place") if infobox else None
    result = infobox.get("result") if infobox else None
    return Summary(
        title=document.title or (text_value(infobox.get("conflict")) if infobox and infobox.get("conflict") else ""),
        short_description=text_value(meta.get("shortDescription")) or None,
        description=" ".join(text_value(meta.get("description")).split()) or None,
        as_of=_iso_date(text_value(meta.get("pubDate"))),
        start=span.start if span else None,
        end=span.end if span and not span.ongoing else None,
        duration_days=span.days if span else None,
        place=" ".join(place.text.split()) if place and place.text.strip() else None,
        result=tuple(clean_name(line) for line in result.lines()) if result else (),
        sides=tuple(
            SideParties(side.side, tuple(p.name for p in side.parties if p.role in BELLIGERENT_ROLES))
            for side in sides
        ),
        counts=counts,
        notes=_notes(infobox, span, sides),
        ongoing=bool(span and span.ongoing),
        url=article_url(meta, document.title),
    )


def _notes(infobox: Infobox | None, span: DateSpan | None, sides: tuple[Side, ...]) -> tuple[str, ...]:
    if infobox is None:
        return ("the document has no infobox: dates, place, result and sides are unknown",)
    notes = []
    date_field = infobox.get("date")
    if span is None:
        notes.append(
            f"the infobox date {date_field.text.strip()!r} is not a span of dates"
            if date_field else "the infobox has no date field"
        )
    if not sides:
        notes.append("the infobox lists no combatants")
    return tuple(notes)


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
