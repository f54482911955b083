"""FactBase: every fact of one document, each kind computed on first use and kept."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .extract import document as document_module
from .extract.dates import DateSpan, parse_span
from .extract.document import Document, Section, Sentence
from .extract.infobox import Infobox, infoboxes

BUNDLED_ARTICLE = "2020_nagorno_karabakh_war.md"
# Caching extracts every fact up front; for a large document that costs more than the cache
# saves, so larger documents are read afresh and extracted on demand.
CACHE_LIMIT = 4 * 2**20


def bundled_path() -> Path:
    """The bundled article: inside the installed package, or in a source checkout's seeds/."""
    from importlib.resources import files

    try:
        return Path(str(files("karabakh_cli.seeds") / BUNDLED_ARTICLE))
    except ModuleNotFoundError:  # the package imported from a checkout that maps no seeds/
        return Path(__file__).resolve().parent.parent / "seeds" / BUNDLED_ARTICLE


class fact(cached_property):
    """A fact computed on first use and kept, or, for a FactBase made from a cache entry,
    unpickled from it on first use: a command pays only for the facts it reads."""

    def __get__(self, instance, owner=None):
        if instance is not None and self.attrname in instance.__dict__.get("_stored", ()):
            import pickle

            value = pickle.loads(instance._stored.pop(self.attrname))
            instance.__dict__[self.attrname] = value
            return value
        return super().__get__(instance, owner)


class FactBase:
    """The one object the command line talks to: `FactBase.load(path).timeline.events`."""

    def __init__(self, document: Document):
        self.document = document
        self.digest: str | None = None  # SHA-256 of the bytes read, when loaded through the cache

    @classmethod
    def load(cls, path: str | Path | None = None, use_cache: bool = False) -> FactBase:
        """Read a document (default: the bundled article). With `use_cache`, every fact is
        taken from, or extracted once and written to, the user's cache (see cache.py)."""
        path = Path(path) if path is not None else bundled_path()
        data = document_module.read_bytes(path)
        if not use_cache or len(data) > CACHE_LIMIT:
            return cls(document_module.parse(document_module.decode(data), str(path)))
        from . import cache

        cache_key = cache.key(path, data)
        facts = cache.read(cache_key)
        if facts is None:
            facts_base = cls(document_module.parse(document_module.decode(data), str(path)))
            cache.write(cache_key, facts_base.all_facts())
        else:
            facts_base = cls.from_facts(facts)
        facts_base.digest = cache.digest(data)
        return facts_base

    @classmethod
    def from_facts(cls, pickled: dict[str, bytes]) -> FactBase:
        """A FactBase over a cache entry: each fact pickled on its own, unpickled when read."""
        facts_base = cls.__new__(cls)
        facts_base._stored = dict(pickled)
        return facts_base

    def all_facts(self) -> dict:
        """Every kind of fact, computed now: what the cache stores."""
        return {name: getattr(self, name) for name, value in vars(type(self)).items() if isinstance(value, fact)}

    @fact
    def document(self) -> Document:
        """Given to the constructor, or read from the cache entry; never computed."""
        raise AttributeError("document")

    @fact
    def path(self) -> str:
        return self.document.path

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.document.sections

    @fact
    def sentences(self) -> tuple[Sentence, ...]:
        from .extract.prose import split_sentences

        return split_sentences(self.document)

    @fact
    def infoboxes(self) -> tuple[Infobox, ...]:
        return infoboxes(self.document)

    @property
    def infobox(self) -> Infobox | None:
        """The article's main infobox (the first one), or None."""
        return self.infoboxes[0] if self.infoboxes else None

    @fact
    def conflict_span(self) -> DateSpan | None:
        """The dates of the conflict from the infobox `date` field, when it gives a span."""
        field = self.infobox.get("date") if self.infobox else None
        return parse_span(field.text) if field else None

    @fact
    def timeline(self):
        """Every date expression of the body on the calendar (`.events`), and the ones that
        could not be placed with the reason (`.unresolved`)."""
        from dataclasses import replace

        from .extract.timeline import extract_timeline

        field = self.infobox.get("date") if self.infobox else None
        name = self.infobox.get("conflict") if self.infobox else None
        timeline = extract_timeline(
            self.sentences, self.conflict_span, field.text if field else None,
            name.text if name else self.document.title,
        )
        named = self.entity_index.sentence_names
        events = tuple(
            replace(event, entities=named[event.sentence]) if event.sentence is not None else event
            for event in timeline.events
        )
        return replace(timeline, events=events)

    @fact
    def outline(self):
        from .extract.prose import outline

        return outline(self.sections, self.sentences)

    @fact
    def sides(self):
        from .extract.sides import sides

        return sides(self.infobox)

    @fact
    def side_map(self):
        """Which infobox side each party, country and demonym is on (extract/nations.py)."""
        from .extract.nations import side_map

        return side_map(self.infobox)

    @fact
    def all_claims(self):
        """Every casualty and equipment-loss claim: the infobox's, then the body's in document
        order (extract/claims.py). Yearless and relative dates take the timeline's reading."""
        from .extract.claims import all_claims

        start = self.conflict_span.start if self.conflict_span else None
        # A claim holds as of the end of the span its sentence is dated to ("By 9 November").
        as_of = {index: event.end for index, event in self.first_events.items()}
        return all_claims(self.infobox, self.sentences, self.side_map, as_of, start)

    @property
    def claims(self):
        """Casualty claims (killed, wounded, missing, captured, displaced)."""
        return tuple(claim for claim in self.all_claims if claim.item is None)

    @property
    def losses(self):
        """Equipment-loss claims (with `item` and `status`)."""
        return tuple(claim for claim in self.all_claims if claim.item is not None)

    @fact
    def first_events(self) -> dict:
        """Sentence index -> the first date expression of that sentence the timeline placed."""
        first: dict = {}
        for event in self.timeline.events:
            if event.sentence is None:
                continue
            position = self.sentences[event.sentence].text.find(event.expression)
            if event.sentence not in first or position < first[event.sentence][0]:
                first[event.sentence] = (position, event)
        return {index: event for index, (_, event) in first.items()}

    @property
    def sentence_dates(self) -> dict:
        """Sentence index -> the day its first placed date starts on: how a mention is dated."""
        return {index: event.date for index, event in self.first_events.items()}

    @fact
    def names(self):
        from .extract.names import war_names

        return war_names(self.document.title, self.sentences)

    @fact
    def entity_index(self):
        """Entities, the sentences that name them, lookups by name (extract/entities/)."""
        from .extract.entities import extract_entities

        return extract_entities(self.sentences, self.sides, self.infobox, (name.name for name in self.names))

    @property
    def entities(self):
        """Every entity, most mentioned first."""
        return self.entity_index.entities

    def entity_profile(self, entity):
        """One entity with its roles and every sentence that names it, dated where it can be."""
        return self.entity_index.profile(entity, self.sentences, self.sentence_dates)

    def search(self, query: str, section: str | None = None, limit: int | None = None):
        """Sentences holding every word and "phrase" of `query` (extract/search.py)."""
        from .extract.search import search

        return search(self.sentences, query, section, self.sentence_dates, limit)

    @fact
    def summary(self):
        from .extract.summary import Counts, summarize

        counts = Counts(
            sections=len(self.sections) - 1,  # the lead is not a section
            paragraphs=len(self.document.paragraphs),
            sentences=len(self.sentences),
            words=sum(len(s.text.split()) for s in self.sentences),
            infobox_fields=len(self.infobox.fields) if self.infobox else 0,
        )
        return summarize(self.document, self.infobox, self.conflict_span, self.sides, counts)
