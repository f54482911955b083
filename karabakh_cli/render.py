"""Human output: the only module that uses Rich. Rich is imported inside the functions, so
the --json path never pays for it. Document text always goes in as `Text`, never as markup,
and loses its control characters first."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls except tab and newline, plus bidi embeddings, overrides and isolates: a
# document must not be able to move the cursor, recolour the terminal or reorder a line.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)")


def plain(text: str) -> str:
    """Text safe to print on a terminal: escape sequences and control characters removed."""
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", str(text)))


def console(no_color: bool = False, stderr: bool = False):
    from rich.console import Console

    return Console(no_color=no_color or None, highlight=False, stderr=stderr, emoji=False)


def text(value, style: str | None = None):
    """Document text as a Rich Text: never parsed as markup."""
    from rich.text import Text

    return Text(plain("" if value is None else str(value)), style=style or "")


def _table(*columns: str, title: str | None = None, **options):
    from rich import box
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold", **options)
    for column in columns:
        table.add_column(column)
    return table


def _key_values(rows: list[tuple[str, object]], title: str | None = None):
    table = _table("", "", title=title, show_header=False)
    table.columns[0].style = "bold"
    for key, value in rows:
        table.add_row(key, text(value))
    return table


def iso(value) -> str:
    return value.isoformat() if value is not None else "unknown"


def width_of(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


# --- foundation views ----------------------------------------------------------------------


def summary(out, s) -> None:
    rows: list[tuple[str, object]] = []
    if s.short_description:
        rows.append(("About", s.short_description))
    dates = f"{iso(s.start)} to {iso(s.end)}"
    if s.duration_days is not None:
        dates += f" ({s.duration_days} days)"
    rows.append(("Dates", dates if s.start else "unknown"))
    rows.append(("Place", s.place or "unknown"))
    rows.append(("Result", "\n".join(s.result) or "unknown"))
    for side in s.sides:
        rows.append((f"Side {side.side}", ", ".join(side.parties) or "none named"))
    c = s.counts
    rows.append(
        (
            "Article",
            f"{c.sections} sections, {c.paragraphs} paragraphs, {c.sentences} sentences, "
            f"{c.words:,} words, {c.infobox_fields} infobox fields",
        )
    )
    rows.append(("As of", f"the article's snapshot of {iso(s.as_of)}" if s.as_of else "unknown"))
    out.print(_key_values(rows, title=plain(s.title) or "Untitled document"))
    if s.description:
        out.print(text(s.description))
    for line in s.notes:
        out.print(text(f"Note: {line}", "yellow"))


def infobox_fields(out, fields: dict) -> None:
    if not fields:
        out.print("No infobox fields.")
        return
    table = _table("Field", "Text", "Links")
    table.columns[0].style = "bold"
    for name, field in fields.items():
        table.add_row(text(name), text(field.text.strip()), str(len(field.links)) if field.links else "")
    out.print(table)


def infobox_field(out, field) -> None:
    out.print(text(field.field, "bold"))
    out.print(text(field.text.strip()))
    if field.links:
        table = _table("Link text", "Page", title="Links")
        for link in field.links:
            table.add_row(text(link.text), text(link.page or "(no page)"))
        out.print(table)
    if field.bold:
        out.print(text("Bold lines: " + "; ".join(b.strip() for b in field.bold), "dim"))


def sections(out, outline) -> None:
    from rich.tree import Tree

    root = Tree(text("Article", "bold"))
    parents = {0: root}
    for section in outline:
        label = text(section.title, "bold" if section.level <= 2 else None)
        label.append(f"  {section.sentences} sentences, {section.words} words", style="dim")
        parent = parents.get(max((lvl for lvl in parents if lvl < section.level), default=0), root)
        parents = {lvl: node for lvl, node in parents.items() if lvl < section.level}
        parents[section.level] = parent.add(label)
    out.print(root)


def names(out, war_names) -> None:
    table = _table("Name", "Native spelling", "Used by")
    for name in war_names:
        table.add_row(text(name.name, "bold"), text(name.native or ""), text(name.used_by or ""))
    out.print(table)


def sides(out, columns) -> None:
    """The combatant columns side by side, as the infobox shows them."""
    from rich import box
    from rich.table import Table

    if not columns:
        return
    table = Table(box=box.SQUARE, expand=True, show_lines=False)
    for side in columns:
        table.add_column(f"Side {side.side}", ratio=1)
    table.add_row(*(_side_cell(side) for side in columns))
    out.print(table)


def _side_cell(side):
    from rich.console import Group

    parts = [text("Parties", "bold underline")]
    for party in side.parties:
        line = text(party.name, "bold" if party.role == "combatant" else None)
        if party.role != "combatant":
            line.append(f" ({party.note or party.role})", style="dim")
        parts.append(line)
    parts += _grouped("Commanders", [(c.country or "country unknown", c.name) for c in side.commanders])
    parts += _grouped("Units", [(u.group or "", u.name) for u in side.units])
    if side.strength:
        parts += [text(""), text("Strength", "bold underline")]
        parts += [text(s.text) for s in side.strength]
    if side.equipment:
        parts += [text(""), text("Equipment", "bold underline")]
        parts += [text(f"- {item}") for item in side.equipment]
    return Group(*parts)


def _grouped(heading: str, pairs: list[tuple[str, str]]) -> list:
    if not pairs:
        return []
    lines = [text(""), text(heading, "bold underline")]
    current = None
    for group, name in pairs:
        if group != current:
            current = group
            if group:
                lines.append(text(group, "italic"))
        lines.append(text(f"  {name}" if group else name))
    return lines
