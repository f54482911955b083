"""The frontmatter's infoboxes: each field's text, links and bold lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, text_value


@dataclass(frozen=True)
class Link:
    text: str
    page: str | None  # None when the export could not tell the page (its "undefined")
    type: str


@dataclass(frozen=True)
class Field:
    field: str  # the field's name: "combatant1"
    text: str
    links: tuple[Link, ...] = ()
    bold: tuple[str, ...] = ()
    italic: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """Non-blank lines, right-stripped only: a leading space marks a lost flag."""
        return [line.rstrip() for line in self.text.split("\n") if line.strip()]

    def is_bold(self, line: str) -> bool:
        plain = line.strip()
        return any(plain == bold.strip() for bold in self.bold)

    def page_for(self, name: str) -> str | None:
        wanted = name.strip().casefold()
        for link in self.links:
            if link.text.strip().casefold() == wanted:
                return link.page
        return None


@dataclass(frozen=True)
class Infobox:
    index: int
    fields: dict[str, Field]

    def get(self, name: str) -> Field | None:
        return self.fields.get(name)

    def numbered(self, prefix: str) -> list[tuple[int, Field]]:
        """Fields named prefix1, prefix2, ... as (number, field), in number order."""
        found = []
        for name, field in self.fields.items():
            match = re.fullmatch(re.escape(prefix) + r"(\d+)", name)
            if match:
                found.append((int(match.group(1)), field))
        return sorted(found, key=lambda pair: pair[0])


def infoboxes(document: Document) -> tuple[Infobox, ...]:
    raw = document.frontmatter.get("infoboxes")
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        return ()
    boxes = []
    for raw_box in raw:
        if isinstance(raw_box, dict):
            fields = {str(name): _field(str(name), value) for name, value in raw_box.items()}
            boxes.append(Infobox(len(boxes), fields))
    return tuple(boxes)


def _field(name: str, value) -> Field:
    if not isinstance(value, dict):
        return Field(name, text_value(value))
    formatting = value.get("formatting") if isinstance(value.get("formatting"), dict) else {}
    return Field(
        field=name,
        text=text_value(value.get("text")),
        links=tuple(_links(value.get("links"))),
        bold=_strings(formatting.get("bold")),
        italic=_strings(formatting.get("italic")),
    )


def _links(raw) -> list[Link]:
    if not isinstance(raw, list):
        return []
    links = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        page = text_value(item.get("page")).strip() or None
        if page == "undefined":
            page = None
        text = text_value(item.get("text")) or page or ""
        links.append(Link(text=text, page=page, type=text_value(item.get("type")) or "internal"))
    return links


def _strings(raw) -> tuple[str, ...]:
    if isinstance(raw, str):
        return (raw,)
    if not isinstance(raw, list):
        return ()
    return tuple(text_value(item) for item in raw if text_value(item))
