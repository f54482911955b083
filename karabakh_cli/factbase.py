"""FactBase: every fact of one document, each kind computed on first use and kept."""

from __future__ import annotations

from functools import cached_property
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


class FactBase:
    """The one object the command line talks to: `FactBase.load(path).timeline()`."""

    def __init__(self, document: Document):
        self.document = document
        self.digest: str | None = None  # SHA-256 of the bytes read, when loaded through the cache

    @classmethod
    def load(cls, path: str | Path | None = None, use_cache: bool = False) -> FactBase:
        """Read a document (default: the bundled article). With `use_cache`, every fact is
        taken from, or extracted once and written to, the user's cache (see cache.py)."""
        path = Path(path) if path is not None else bundled_path()
        data = document_module.read_bytes(path)
        if not use_cache:
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
    def from_facts(cls, facts: dict) -> FactBase:
        """A FactBase whose facts are already known (from the cache)."""
        facts_base = cls.__new__(cls)
        facts_base.__dict__.update(facts)
        return facts_base

    def all_facts(self) -> dict:
        """Every kind of fact, computed now: what the cache stores."""
        names = [name for name, value in vars(type(self)).items() if isinstance(value, cached_property)]
        return {"document": self.document, **{name: getattr(self, name) for name in names}}

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.document.sections

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        from .extract.prose import split_sentences

        return split_sentences(self.document)

    @cached_property
    def infoboxes(self) -> tuple[Infobox, ...]:
        return infoboxes(self.document)

    @property
    def infobox(self) -> Infobox | None:
        """The article's main infobox (the first one), or None."""
        return self.infoboxes[0] if self.infoboxes else None

    @cached_property
    def conflict_span(self) -> DateSpan | None:
        """The dates of the conflict from the infobox `date` field, when it gives a span."""
        field = self.infobox.get("date") if self.infobox else None
        return parse_span(field.text) if field else None

    @cached_property
    def outline(self):
        from .extract.prose import outline

        return outline(self.sections, self.sentences)

    @cached_property
    def sides(self):
        from .extract.sides import sides

        return sides(self.infobox)

    @cached_property
    def names(self):
        from .extract.names import war_names

        return war_names(self.document.title, self.sentences)

    @cached_property
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
