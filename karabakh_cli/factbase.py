"""FactBase: every fact of one document, each kind computed on first use and kept."""

from __future__ import annotations

from pathlib import Path

from .extract import document as document_module
from .extract.dates import DateSpan, parse_span
from .extract.document import Document, Section, Sentence
from .extract.infobox import Infobox, infoboxes

BUNDLED_ARTICLE = "2020_nagorno_karabakh_war.md"


def bundled_path() -> Path:
    """The bundled article: inside the installed package, or in a source checkout's seeds/."""
    from importlib.resources import files

    try:
        return Path(str(files("karabakh_cli.seeds") / BUNDLED_ARTICLE))
    except ModuleNotFoundError:  # the package imported from a checkout that maps no seeds/
        return Path(__file__).resolve().parent.parent / "seeds" / BUNDLED_ARTICLE


class ExtractionError(Exception):
    """One fact of one document could not be extracted; other facts are unaffected."""

    def __init__(self, path: str, fact_name: str, reason: Exception):
        detail = f"{type(reason).__name__}: {reason}" if str(reason) else type(reason).__name__
        super().__init__(f"could not extract {fact_name.replace('_', ' ')}: {detail}")
        self.path = path


class fact:
    """A fact computed on first use and kept. For a FactBase loaded through the cache it is
    unpacked from the cache entry instead, when the entry holds it intact, and a fact computed
    here is remembered so that `save` can add it to the entry: a command pays only for the
    facts it reads, and extracts nothing it does not read."""

    def __init__(self, compute):
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.derived(self.name, self._extract)

    def _extract(self, instance):
        try:
            return self.compute(instance)
        except ExtractionError:
            raise  # a fact this one needs failed: that one is named
        except Exception as exc:  # noqa: BLE001 - any extractor's bug stays within its fact
            raise ExtractionError(instance.path, self.name, exc) from exc


_MISSING = object()


def _unpacked(packed):
    from . import cache

    try:
        return cache.unpack(packed)
    except cache.Damaged:
        return _MISSING


def _parse(data: bytes, path: Path) -> Document:
    return document_module.parse(document_module.decode(data), str(path))


class FactBase:
    """The one object the command line talks to: `FactBase.load(path).timeline.events`."""

    def __init__(self, document: Document | None, path: str | None = None):
        if document is not None:
            self.document = document
        self.path = path if path is not None else document.path
        self.source = None  # what was read, when the cache may keep it (cache.Source)
        self._data = b""  # the bytes read, to parse again when the cached document is damaged
        self._cache_key: str | None = None
        self._stored: dict = {}  # cache entry: fact name -> packed fact, unpacked on first read
        self._computed: set[str] = set()
        self.sha256: str | None = None  # of the bytes read, when `load` read them

    @classmethod
    def load(cls, path: str | Path | None = None, use_cache: bool = False) -> FactBase:
        """Read a document (default: the bundled article). With `use_cache`, facts are taken
        from the user's cache when it holds them (see cache.py), and `save` adds the ones
        computed since."""
        path = Path(path) if path is not None else bundled_path()
        from . import cache

        if not use_cache:
            data = document_module.read_bytes(path)
            return cls._read(data, path, cache.digest(data))

        identity = cache.identify(path)
        data = document_module.read_bytes(path)
        if identity is None or len(data) > cache.DOCUMENT_LIMIT or cache.identify(path) != identity:
            return cls._read(data, path, cache.digest(data))  # not a regular file, too large, or replaced while read
        doc_digest = cache.digest(data)
        cache_key = cache.key(str(path), doc_digest)
        stored = cache.read_facts(cache_key)
        if stored is None:
            facts = cls(_parse(data, path))
            facts._computed.add("document")
        else:
            facts = cls(None, str(path))
            facts._stored = stored
        facts._data, facts._cache_key, facts.sha256 = data, cache_key, doc_digest
        facts.source = cache.Source(str(path), *identity, doc_digest)
        return facts

    @classmethod
    def _read(cls, data: bytes, path: Path, sha256: str) -> FactBase:
        facts = cls(_parse(data, path))
        facts.sha256 = sha256
        return facts

    def save(self) -> None:
        """Add the facts computed since `load` to the cache entry (a no-op without the cache)."""
        if self._cache_key is None or not self._computed:
            return
        from . import cache

        packed = {}
        for name in self._computed:
            try:
                packed[name] = cache.pack(self.__dict__[name])
            except Exception:  # noqa: BLE001 - a value that cannot be pickled is extracted again
                continue
        cache.write_facts(self._cache_key, packed)
        self._computed.clear()

    def derived(self, name: str, make):
        """The value `make(self)` gives, kept under `name` and in the cache entry: unpacked from
        the entry when it holds it intact, else made and remembered for `save`. Every fact is
        one; another module's value made from the facts (the export's records) may be too."""
        packed = self._stored.pop(name, None)
        value = _unpacked(packed) if packed is not None else _MISSING
        if value is _MISSING:
            value = make(self)
            self._computed.add(name)
        self.__dict__[name] = value
        return value

    def all_facts(self) -> dict:
        """Every kind of fact, computed now."""
        return {name: getattr(self, name) for name, value in vars(type(self)).items() if isinstance(value, fact)}

    @fact
    def document(self) -> Document:
        """Given to the constructor or read from the cache entry; parsed again only when the
        cached one is damaged."""
        return _parse(self._data, Path(self.path))

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
            replace(event, entities=named[event.sentence], section_anchor=self.sentences[event.sentence].section_anchor)
            if event.sentence is not None else event
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
        order (extract/claims/). Yearless and relative dates take the timeline's reading."""
        from dataclasses import replace

        from .extract.claims import all_claims
        from .extract.claims.speakers import Speakers

        start = self.conflict_span.start if self.conflict_span else None
        # A claim holds as of the end of the span its sentence is dated to ("By 9 November").
        as_of = {index: event.end for index, event in self.first_events.items()}
        claims = all_claims(self.infobox, self.sentences, self.side_map, as_of, start)
        # An infobox "(as of 19 February)" names a day; a sentence's date is as precise as the
        # span of that sentence it ends; a date borrowed from another sentence says nothing.
        spans = {(event.sentence, event.end): event.precision for event in self.timeline.events}
        claims = tuple(
            replace(claim, as_of_precision="day" if claim.sentence is None else spans.get((claim.sentence, claim.as_of)))
            if claim.as_of else claim
            for claim in claims
        )
        speaks_for = Speakers(self.entity_index)  # the timeline above has built the index already
        return tuple(replace(claim, claimant_entity=speaks_for(claim.claimant)) for claim in claims)

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

        conflict = self.infobox.get("conflict") if self.infobox else None
        infobox_name = " ".join(conflict.text.split()) if conflict else ""
        return war_names(self.document.title, self.sentences, self.document.paragraphs, infobox_name)

    @fact
    def entity_index(self):
        """Entities, the sentences that name them, lookups by name (extract/entities/)."""
        from .extract.entities import extract_entities, italic_names

        names = ((name.name, name.native) for name in self.names)
        return extract_entities(self.sentences, self.sides, self.infobox, names, italic_names(self.document.body))

    @property
    def entities(self):
        """Every entity, most mentioned first."""
        return self.entity_index.entities

    def entity_profile(self, entity):
        """One entity with its roles and every sentence that names it, dated where it can be."""
        return self.entity_index.profile(entity, self.sentences, self.first_events)

    def other_names(self, name: str) -> tuple[str, ...]:
        """The entity's name and aliases other than `name` when `name` is exactly a name or
        alias of one entity, else (): how every option that names something hears aliases."""
        from .extract.textnorm import fold

        entity = self.entity_index.named(name)
        if entity is None:
            return ()
        typed = fold(name.strip())
        return tuple(other for other in (entity.name, *entity.aliases) if fold(other) != typed)

    def parse_query(self, query: str):
        """`query` parsed with each word or phrase that names an entity widened to its other
        names (extract/search.py)."""
        from .extract.search import parse_query

        return parse_query(query, self.other_names)

    def search(self, query, section: str | None = None, limit: int | None = None):
        """Sentences matching `query`, a string or a parsed query, best first (extract/search.py)."""
        from .extract.search import search

        parsed = self.parse_query(query) if isinstance(query, str) else query
        return search(self.sentences, parsed, section, self.first_events, limit)

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

    @property
    def war(self):
        """The war in one record: span, sides, each side's headline killed figures as each side
        claims them, counts of claims and dated statements (extract/wars.py)."""
        from .extract.wars import war

        return war(self.summary, self.claims, len(self.timeline.events))
