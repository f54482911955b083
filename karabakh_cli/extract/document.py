"""Read a document: YAML frontmatter plus a Markdown body, split into sections and sentences."""

from __future__ import annotations

import itertools
import os
import re
import stat
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 64 * 1024 * 1024
READ_CHUNK = 1024 * 1024
# Nodes visited while checking the frontmatter; shared YAML aliases are counted each time they
# are reached, so a "billion laughs" document exceeds this at once instead of expanding later.
MAX_FRONTMATTER_NODES = 1_000_000
MAX_FRONTMATTER_DEPTH = 64
# A scalar tagged or read as a number that is longer than this stays text.
MAX_NUMBER_DIGITS = 100
LEAD_TITLE = "Introduction"
# A long article has a few thousand of each: these bound the work of a pathological one.
MAX_PARAGRAPHS = 500_000
MAX_SENTENCES = 500_000
# What can end a sentence (see prose.BOUNDARY): their number bounds the sentences' from above.
SENTENCE_END = re.compile(r"""[.!?]["'”’)\]_*]*\s""")


class DocumentError(Exception):
    """The document cannot be read; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    level: int
    path: str
    index: int


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    section: str
    paragraph: int
    index: int
    start: int
    end: int
    section_anchor: str | None = None  # "#Heading" on the Wikipedia page (extract/provenance.py)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of prose: its raw Markdown, where it starts in the body, and its section path."""

    raw: str
    start: int
    section: str
    index: int


class Compact(Sequence):
    """A tuple-like sequence of records kept as offsets into one text, each record built when
    it is read: a document of many short paragraphs costs a few bytes for each of them, not an
    object and a copy of its text. Slicing gives a tuple."""

    __slots__ = ()

    def __len__(self) -> int:
        raise NotImplementedError

    def record(self, index: int):
        raise NotImplementedError

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self.record(i) for i in range(*index.indices(len(self))))
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("index out of range")
        return self.record(index)

    def __iter__(self) -> Iterator:
        return map(self.record, range(len(self)))

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)})"


class Paragraphs(Compact):
    """The body's paragraphs as (start, end, section) offsets into the body."""

    __slots__ = ("body", "section_paths", "starts", "ends", "sections")

    def __init__(self, body: str, section_paths: tuple[str, ...]):
        self.body = body
        self.section_paths = section_paths  # of every section, in order; `sections` index it
        self.starts, self.ends, self.sections = array("i"), array("i"), array("i")

    def append(self, start: int, end: int, section: int) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.sections.append(section)

    def __len__(self) -> int:
        return len(self.starts)

    def record(self, index: int) -> Paragraph:
        start = self.starts[index]
        section = self.section_paths[self.sections[index]]
        return Paragraph(self.body[start : self.ends[index]], start, section, index)


class Sentences(Compact):
    """The sentences of a document as one text (each sentence's text followed by a line
    break, which no sentence holds) and arrays of offsets; see `prose.split_sentences`. The
    first KEPT records are kept once built: every extractor reads the sentences again, and
    that is all the sentences of any real article."""

    KEPT = 8_192
    __slots__ = ("text", "bounds", "paragraphs", "starts", "ends", "sections", "section_paths", "anchors", "kept")

    def __init__(self, text: str, bounds: array, paragraphs: array, starts: array, ends: array, sections: array,
                 section_paths: tuple[str, ...], anchors: dict[str, str | None]):
        self.text = text
        self.bounds = bounds  # sentence i is text[bounds[i] : bounds[i + 1] - 1]
        self.paragraphs, self.starts, self.ends, self.sections = paragraphs, starts, ends, sections
        self.section_paths = section_paths
        self.anchors = anchors
        self.kept: list[Sentence | None] = [None] * min(len(starts), self.KEPT)

    def __reduce__(self):
        return type(self), (self.text, self.bounds, self.paragraphs, self.starts, self.ends, self.sections,
                            self.section_paths, self.anchors)

    def __len__(self) -> int:
        return len(self.starts)

    def text_of(self, index: int) -> str:
        return self.text[self.bounds[index] : self.bounds[index + 1] - 1]

    def record(self, index: int) -> Sentence:
        if index >= self.KEPT:
            return self._built(index)
        kept = self.kept[index]
        if kept is None:
            kept = self.kept[index] = self._built(index)
        return kept

    def _built(self, index: int) -> Sentence:
        section = self.section_paths[self.sections[index]]
        return Sentence(
            self.text_of(index), section, self.paragraphs[index], index, self.starts[index], self.ends[index],
            self.anchors.get(section),
        )

    @property
    def texts(self) -> Texts:
        return Texts(self)


class Texts(Compact):
    """The texts of compact sentences, each sliced from their one text when it is read."""

    __slots__ = ("sentences",)

    def __init__(self, sentences: Sentences):
        self.sentences = sentences

    def __len__(self) -> int:
        return len(self.sentences)

    def record(self, index: int) -> str:
        return self.sentences.text_of(index)

    def __iter__(self) -> Iterator[str]:
        text, bounds = self.sentences.text, self.sentences.bounds
        return (text[bounds[i] : bounds[i + 1] - 1] for i in range(len(self)))


def texts_of(sentences: Sequence[Sentence]) -> Sequence[str]:
    """The sentences' texts: a list, but for more compact sentences than are kept as records,
    a view that slices each text from their one text when it is read."""
    if isinstance(sentences, Sentences) and len(sentences) > Sentences.KEPT:
        return sentences.texts
    return [sentence.text for sentence in sentences]


@dataclass(frozen=True)
class Document:
    path: str
    frontmatter: dict = field(repr=False)
    body: str = field(repr=False)
    sections: tuple[Section, ...] = ()
    paragraphs: Sequence[Paragraph] = ()

    @property
    def title(self) -> str:
        return text_value(self.frontmatter.get("title"))


def load(path: str | Path) -> Document:
    path = Path(path)
    return parse(decode(read_bytes(path)), str(path))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, read to at most MAX_BYTES + 1 whatever its size claims. Only a
    regular file is read, or standard input given as its path (/dev/stdin) when it is a pipe;
    it is opened without blocking, so a named pipe is refused instead of waited on."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except PermissionError:
        raise DocumentError("permission denied") from None
    except OSError as exc:
        raise DocumentError(exc.strerror or "cannot be read") from None
    try:
        _check_kind(os.fstat(descriptor))
        os.set_blocking(descriptor, True)
        return _read_bounded(descriptor)
    except OSError as exc:
        raise DocumentError(exc.strerror or "cannot be read") from None
    finally:
        os.close(descriptor)


def _check_kind(status: os.stat_result) -> None:
    mode = status.st_mode
    if stat.S_ISREG(mode) or (stat.S_ISFIFO(mode) and _is_standard_input(status)):
        return
    if stat.S_ISDIR(mode):
        raise DocumentError("is a directory, not a document")
    kind = next((name for is_kind, name in FILE_KINDS if is_kind(mode)), "not a regular file")
    raise DocumentError(f"is {kind}, not a document; give a regular file")


FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _is_standard_input(status: os.stat_result) -> bool:
    try:
        standard = os.fstat(0)
    except OSError:
        return False
    return (status.st_dev, status.st_ino) == (standard.st_dev, standard.st_ino)


def _read_bounded(descriptor: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        chunk = os.read(descriptor, min(READ_CHUNK, MAX_BYTES + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    megabytes = MAX_BYTES // 2**20
    raise DocumentError(f"is over {megabytes} MB; documents over {megabytes} MB are refused")


def decode(data: bytes) -> str:
    if not data.strip():
        raise DocumentError("the file is empty")
    if b"\x00" in data:
        raise DocumentError("is a binary file, not a UTF-8 text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"is not valid UTF-8 (byte {exc.start})") from None
    return clean_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


# Terminal escape sequences, then C0 and C1 control characters (but tab and line feed) and
# the bidi marks, embeddings, overrides and isolates: document text must not be able to move
# a terminal's cursor, recolour it or reorder what a reader sees, whatever prints it.
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_controls(text: str) -> str:
    """Text without control characters; the ones that are whitespace (form feed, NEL...)
    become a space, so the words around them stay apart."""
    if "\x1b" in text:
        text = ESCAPE_SEQUENCE.sub("", text)
    return CONTROL.sub(lambda match: " " if match[0].isspace() else "", text)


def parse(text: str, path: str = "<text>") -> Document:
    frontmatter, body = split_frontmatter(text)
    _check_sentence_count(body)
    sections, paragraphs = parse_body(body)
    return Document(path, frontmatter, body, sections, paragraphs)


# --- frontmatter -------------------------------------------------------------------------


FRONTMATTER_END = re.compile(r"^---[ \t]*$", re.M)


def split_frontmatter(text: str) -> tuple[dict, str]:
    """Return (frontmatter mapping, body). A document without frontmatter is all body."""
    first_newline = text.find("\n")
    if first_newline < 0 or text[:first_newline].rstrip() != "---":
        return {}, text
    closing = FRONTMATTER_END.search(text, first_newline + 1)  # no copy of the text to search
    if closing is None:
        raise DocumentError("the frontmatter opened by '---' on line 1 is never closed")
    yaml_text = text[first_newline + 1 : closing.start()]
    body = text[closing.end() :].lstrip("\n")
    return load_yaml(yaml_text), body


def _loader():
    """PyYAML's safe loader (the C one when present) that reads yes/no/on/off as text, as
    YAML 1.2 does: a title "No" or a field "Off" must stay words, not become booleans."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    # A value the document tags or writes as a type it does not hold (`!!int abc`, a 30
    # February, a 5000-digit number, base64 that is not) stays the text it is written as.
    for tag in ("int", "float", "bool"):
        construct = Loader.yaml_constructors[f"tag:yaml.org,2002:{tag}"]
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", _or_text(construct))
    # As YAML 1.2 reads them: a date is text, whatever it says ("2022-02-30" included).
    Loader.add_constructor("tag:yaml.org,2002:timestamp", _text)
    Loader.add_constructor("tag:yaml.org,2002:binary", _text)
    Loader.add_constructor("tag:yaml.org,2002:set", _set_as_list)
    for tag in ("omap", "pairs"):
        Loader.add_constructor(f"tag:yaml.org,2002:{tag}", Loader.yaml_constructors["tag:yaml.org,2002:seq"])
    return Loader


def _text(loader, node) -> str:
    return str(loader.construct_scalar(node))


def _or_text(construct):
    def construct_or_text(loader, node):
        if len(str(node.value)) > MAX_NUMBER_DIGITS:
            return _text(loader, node)
        try:
            value = construct(loader, node)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return _text(loader, node)
        return value

    return construct_or_text


def _set_as_list(loader, node) -> list:
    """A set's members in the order written (a Python set's order would vary by run)."""
    return [loader.construct_object(key, deep=True) for key, _ in node.value]


def load_yaml(yaml_text: str) -> dict:
    import yaml

    try:
        data = yaml.load(yaml_text, Loader=_loader())  # noqa: S506 - a safe loader
    except yaml.constructor.ConstructorError as exc:
        raise DocumentError(f"frontmatter{_yaml_where(exc)}: {_yaml_problem(exc)}") from None
    except yaml.YAMLError as exc:
        raise DocumentError(
            f"invalid YAML in frontmatter{_yaml_where(exc)}: {_yaml_problem(exc)}"
        ) from None
    except RecursionError:
        raise DocumentError("frontmatter is nested too deeply") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError(
            f"frontmatter is a YAML {type(data).__name__}, expected a mapping of fields"
        )
    return _plain(data)


def _yaml_where(exc) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    # +2: the YAML starts on the file's second line, and marks count from 0.
    return f" at line {mark.line + 2}" if mark is not None else ""


def _yaml_problem(exc) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return " ".join(str(problem).split())


def _plain(data: dict) -> dict:
    """The frontmatter with its strings cleaned of control characters; refused when it is
    nested too deeply or too large. Shared YAML aliases are counted each time they are
    reached, so a "billion laughs" document exceeds the budget at once."""
    budget = MAX_FRONTMATTER_NODES
    containing: list[int] = []  # the ids of the lists and mappings around the node

    def walk(node, field: tuple, depth: int):
        nonlocal budget
        budget -= 1
        if budget < 0 or id(node) in containing:
            raise DocumentError(
                "frontmatter is too large or expands through YAML aliases "
                f"(over {MAX_FRONTMATTER_NODES:,} values)"
            )
        if depth > MAX_FRONTMATTER_DEPTH:
            name = " > ".join(map(str, field[:3]))
            raise DocumentError(f"frontmatter field {name!r} is nested over {MAX_FRONTMATTER_DEPTH} levels deep")
        if isinstance(node, (dict, list)):
            containing.append(id(node))
            if isinstance(node, dict):
                plain = {walk(key, field, depth): walk(value, (*field, key), depth + 1) for key, value in node.items()}
            else:
                plain = [walk(item, field, depth + 1) for item in node]
            containing.pop()
            return plain
        if isinstance(node, str):
            return clean_controls(node)
        return node

    return walk(data, (), 0)


def text_value(value) -> str:
    """A frontmatter value as text, whatever type the YAML gave it."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return text_value(value.get("text"))
    if isinstance(value, list):
        return "\n".join(filter(None, (text_value(item) for item in value)))
    return str(value)


# --- body --------------------------------------------------------------------------------


def _check_sentence_count(body: str) -> None:
    ends = sum(1 for _ in itertools.islice(SENTENCE_END.finditer(body), MAX_SENTENCES + 1))
    if ends > MAX_SENTENCES:
        raise DocumentError(f"has over {MAX_SENTENCES:,} sentences; longer documents are refused")


def _lines(text: str):
    """(offset, line) of every line, as text.split("\\n") would give them, without a list
    of them all at once."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield start, text[start:]
            return
        yield start, text[start:end]
        start = end + 1


# The title is stripped of closing "#"s with rstrip: `(.*?)[ \t#]*$` is quadratic on a line
# of spaces and "#"s.
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")


def is_image_line(line: str) -> bool:
    """A line that is only an image, `![alt](url)`. A string test: the pattern it replaces
    backtracked quadratically on a long line of "]("."""
    line = line.strip()
    return line.startswith("![") and line.endswith(")") and "](" in line[2:-1]


def parse_body(body: str) -> tuple[tuple[Section, ...], Paragraphs]:
    sections = [Section(LEAD_TITLE, 2, LEAD_TITLE, 0)]
    open_titles: list[tuple[int, str]] = []
    paragraphs = Paragraphs(body, ())
    block: list[tuple[int, str]] = []  # (offset, line) of the paragraph being read
    in_wikitext = False

    def flush() -> None:
        if block:
            if len(paragraphs) == MAX_PARAGRAPHS:
                raise DocumentError(f"has over {MAX_PARAGRAPHS:,} paragraphs; longer documents are refused")
            paragraphs.append(block[0][0], block[-1][0] + len(block[-1][1]), len(sections) - 1)
            block.clear()

    for line_start, line in _lines(body):
        # An image block runs to its "]]", but never past its paragraph: an export that cut
        # the block off must not take the article's prose with it.
        if in_wikitext and line.strip() and not HEADING.match(line):
            in_wikitext = "]]" not in line
            continue
        in_wikitext = False
        if line.lstrip().startswith(("[[File:", "[[Image:")):
            flush()
            in_wikitext = "]]" not in line
            continue
        if line.strip() == "]]":  # the end of an image block cut off by a blank line
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            level, title = len(heading.group(1)), clean_markup(heading.group(2).rstrip(" \t#"))
            open_titles = [(lvl, t) for lvl, t in open_titles if lvl < level] + [(level, title)]
            path = " > ".join(t for _, t in open_titles)
            sections.append(Section(title, level, path, len(sections)))
            continue
        if not line.strip():
            flush()
            continue
        if is_image_line(line):
            continue
        if re.match(r"^\s*[-*+]\s+", line):  # each list item is a paragraph of its own
            flush()
        block.append((line_start, line))
    flush()
    # The lead sits beside the first headings, at their level.
    top_level = min((s.level for s in sections[1:]), default=2)
    sections[0] = Section(LEAD_TITLE, top_level, LEAD_TITLE, 0)
    paragraphs.section_paths = tuple(section.path for section in sections)
    return tuple(sections), paragraphs


# Linear time on any line: no part of a pattern may run past the character that opens
# another match ("[", "(", "<", a lone "*" or "_"), so no character is scanned from more than
# one start. With `[^\]]*` instead, a line of a million "[a " took hours.
_DESTINATION = r"(?:<[^<>]*>|[^()\[\]]*(?:\([^()\[\]]*\)[^()\[\]]*)*)"  # one level of (...)
MARKUP_PATTERNS = [
    (re.compile(rf"!\[([^\[\]]*)\]\({_DESTINATION}\)"), ""),  # inline image
    (re.compile(rf"\[([^\[\]]+)\]\({_DESTINATION}\)"), r"\1"),  # link -> its text
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"__(.+?)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?!\s)((?:[^*\n]|(?<=\w)\*(?=\w))+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?!\s)((?:[^_\n]|(?<=\w)_(?=\w))+?)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"<[^<>\n]{1,200}>"), ""),  # stray HTML tags
    (re.compile(r"^\s*(?:[-*+]|\d+\.)\s+"), ""),  # list marker
]

MARKUP_CHARS = re.compile(r"[*_\[<`]|^\s*(?:[-+]|\d+\.)\s")


def clean_markup(text: str) -> str:
    """Plain text of a Markdown fragment: emphasis, links and list markers removed."""
    if not MARKUP_CHARS.search(text):
        return " ".join(text.split())
    for pattern, replacement in MARKUP_PATTERNS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
