"""Human output: the only module that uses Rich. Rich is imported inside the functions, so
the --json path never pays for it. Document text always goes in as `Text`, never as markup,
and loses its control characters first."""

from __future__ import annotations

import re

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

    # A title often holds document text (an article's title, a party's name): never markup.
    caption = text(title, "bold") if title is not None else None
    table = Table(title=caption, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold", **options)
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


# --- foundation views ----------------------------------------------------------------------


def summary(out, s) -> None:
    rows: list[tuple[str, object]] = []
    if s.short_description:
        rows.append(("About", s.short_description))
    dates = f"{iso(s.start)} to {'present (ongoing)' if s.ongoing else iso(s.end)}"
    if s.duration_days is not None:
        dates += f" ({s.duration_days} day{'' if s.duration_days == 1 else 's'})"
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
    out.print(_key_values(rows, title=s.title or "Untitled document"))
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
    parts += _grouped("Commanders", [(c.country or "country unknown", _commander(c)) for c in side.commanders])
    parts += _grouped("Units", [(u.group or "", u.name) for u in side.units])
    if side.strength:
        parts += [text(""), text("Strength", "bold underline")]
        parts += [text(s.text) for s in side.strength]
    if side.equipment:
        parts += [text(""), text("Equipment", "bold underline")]
        parts += [text(f"- {item}") for item in side.equipment]
    return Group(*parts)


def _commander(commander) -> str:
    """ "Maj. Gen. Foo Bar (killed; Chief of Staff)": the name as the infobox qualifies it."""
    details = "; ".join(part for part in (commander.status, commander.note) if part)
    name = f"{commander.rank} {commander.name}" if commander.rank else commander.name
    return f"{name} ({details})" if details else name


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


# --- timeline views ----------------------------------------------------------------------


def when(event) -> str:
    """An event's dates as a reader says them: "4 Oct 2020", "4–17 Oct 2020", "early Oct 2020"."""
    start, end, precision = event.date, event.end, event.precision
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if precision == "month" or precision.endswith("-month"):
        return f"{precision[:-6] + ' ' if precision != 'month' else ''}{start:%b %Y}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def timeline(out, events, explain: bool = False, unresolved=(), heading: str | None = None) -> None:
    """Events in order under a row for each month, with the day of the war; --explain adds
    each date's expression and anchor, and the expressions that could not be placed."""
    if heading:
        out.print(text(heading, "bold"))
    columns = ("Date", "War day", "Statement") + (("Expression", "Anchor") if explain else ())
    table = _table(*columns, expand=True)
    table.columns[0].no_wrap = True
    for column, ratio in zip(table.columns[2:], (4, 1, 1)):
        column.ratio = ratio
        column.min_width = len(column.header)
    month = None
    for event in events:
        if f"{event.date:%B %Y}" != month:
            month = f"{event.date:%B %Y}"
            table.add_row(text(month, "bold"), *[""] * (len(columns) - 1))
        statement = event.text if event.source == "body" else f"Infobox date: {event.text}"
        row = [text(when(event)), f"{event.day_of_war}" if event.day_of_war else "", text(statement)]
        if explain:
            row += [text(event.expression, "cyan"), text(event.anchor or "", "dim")]
        table.add_row(*row)
    if events:
        out.print(table)
    if explain and unresolved:
        left = _table("Expression", "Why it is not placed", "Statement", title="Not on the timeline", expand=True)
        for column, ratio in zip(left.columns, (1, 2, 4)):
            column.ratio = ratio
        left.columns[0].min_width = len("Expression")
        for item in unresolved:
            left.add_row(text(item.expression, "cyan"), text(item.reason), text(item.text))
        out.print(left)


def on_day(out, events, start, end, war_day=None, explain: bool = False) -> None:
    """What the article dates to one day (or one span of days), under a heading naming it."""
    if start == end:
        heading = f"{start:%A} {start.day} {start:%B %Y}"
        heading += f", day {war_day} of the war" if war_day else ""
    else:
        heading = f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"
    within = [e for e in events if start <= e.date and e.end <= end]
    around = [e for e in events if not (start <= e.date and e.end <= end)]
    timeline(out, within, explain=explain, heading=heading)
    if around:
        timeline(out, around, explain=explain, heading="Dated to a longer span that includes it")


def timeline_chart(out, weeks) -> None:
    """Dated statements per week as bars; ◆ marks the weeks with a ceasefire date."""
    from rich.text import Text

    top = max((week.statements for week in weeks), default=0) or 1
    width = max(10, min(50, out.width - 45))
    table = _table("Week of", "Statements", "", "Ceasefire")
    table.columns[1].justify = "right"
    for week in weeks:
        bar = Text("█" * round(week.statements / top * width), style="cyan")
        marks = ", ".join(f"{day.day} {day:%b}" for day in week.ceasefires)
        table.add_row(
            f"{week.start.day} {week.start:%b %Y}", str(week.statements), bar,
            text(f"◆ {marks}" if marks else "", "bold red"),
        )
    out.print(table)
    out.print(
        text(
            "Statements dated to a day or a span within one week; ◆ the days of statements "
            "that mention a ceasefire.",
            "dim",
        )
    )


# --- casualty and equipment-loss claims --------------------------------------------------------

CELL_FIGURES = 3  # figures shown in one matrix cell; the rest are counted
WIDE_SPREAD = 2.0  # a high/low factor from which a disagreement is flagged


def casualties(out, claims, parties: dict) -> None:
    """The comparison matrix: whose losses x category, one column per claimant side."""
    claimant_sides = sorted({c.claimant_side for c in claims if c.claimant_side is not None})
    columns = [(f"Claimed by side {n}", n) for n in claimant_sides]
    if any(c.claimant_side is None for c in claims):
        columns.append(("Third parties", None))
    table = _table("Losses of side", "Group", "Category", *(title for title, _ in columns), "High/low")
    table.columns[-1].justify = "right"
    for (side, group, category), row in _claim_rows(claims):
        cells = [[c for c in row if c.claimant_side == number] for _, number in columns]
        side_cells = [cell for cell, (_, number) in zip(cells, columns) if number is not None]
        table.add_row(
            text(_side_label(side, parties)), group, category, *(_figures_cell(c) for c in cells), _spread(side_cells)
        )
    out.print(table)
    out.print(
        text(
            "~ about, > more than, N+ at least, ≤ at most, N–M range; (date) as of. High/low: each "
            "side's headline claim (its infobox figure, else its largest), highest over lowest; "
            "third parties, who often count single attacks, are left out; "
            f"! marks a factor of {WIDE_SPREAD:g} or more. "
            "--all lists every claim with its source.",
            "dim",
        )
    )


def claims_list(out, claims, parties: dict) -> None:
    """Every claim as a short block: the figure and whose losses, who claims it and where,
    then the sentence or infobox line it comes from (blocks wrap on any terminal width)."""
    from rich.padding import Padding

    from .extract.figures import format_figure

    for claim in claims:
        what = claim.category if claim.item is None else f"{claim.item} {claim.status}"
        side = f"side {_side_label(claim.side, parties)}" if claim.side is not None else "no side"
        if claim.item is None:
            side += f", {claim.group}"
        head = text(f"{format_figure(claim.value, claim.upper, claim.qualifier)} {what}", "bold")
        head.append(text(f"  losses of {claim.subject} ({side})" if claim.subject else f"  losses of {side}"))
        if claim.as_of:
            head.append(f"  as of {iso(claim.as_of)}")
        out.print(head)
        where = f"{claim.section or claim.source}, claimed by {_claimant_label(claim)}"
        out.print(Padding(text(where, "dim"), (0, 0, 0, 2)))
        out.print(Padding(text(claim.text), (0, 0, 1, 2)))


def losses(out, claims, parties: dict) -> None:
    """Equipment losses, one table per side that lost them, grouped by who claims them."""
    from .extract.figures import format_figure

    for side in sorted({c.side for c in claims}, key=lambda n: (n is None, n or 0)):
        owner = f"side {_side_label(side, parties)}" if side is not None else "no side"
        table = _table("Claimed by", "Item", "Status", "Figure", "As of", title=f"Equipment lost by {owner}")
        table.columns[3].justify = "right"
        owned = [c for c in claims if c.side == side]
        for claimant in dict.fromkeys(_claimant_label(c) for c in owned):
            rows = [c for c in owned if _claimant_label(c) == claimant]
            for index, claim in enumerate(rows):
                table.add_row(
                    text(claimant if index == 0 else ""),
                    text(claim.item),
                    text(claim.status),
                    format_figure(claim.value, claim.upper, claim.qualifier),
                    iso(claim.as_of) if claim.as_of else "",
                    end_section=index == len(rows) - 1,
                )
        out.print(table)


def _claim_rows(claims) -> list:
    """Claims grouped by (whose losses, group, category): sides in order, then no side."""
    from .extract.claims import CATEGORIES, GROUPS

    rows: dict = {}
    for claim in claims:
        rows.setdefault((claim.side, claim.group, claim.category), []).append(claim)

    def order(key):
        side, group, category = key
        return (side is None, side or 0, _rank(GROUPS, group), _rank(CATEGORIES, category))

    return sorted(rows.items(), key=lambda item: order(item[0]))


def _rank(vocabulary: tuple, word: str) -> int:
    return vocabulary.index(word) if word in vocabulary else len(vocabulary)


def _figures_cell(claims):
    from .extract.figures import format_figure

    shown = dict.fromkeys(
        format_figure(c.value, c.upper, c.qualifier) + (f" ({iso(c.as_of)})" if c.as_of else "")
        for c in sorted(claims, key=lambda c: -(c.upper or c.value))
    )
    lines = list(shown)[:CELL_FIGURES]
    if len(shown) > CELL_FIGURES:
        lines.append(f"+{len(shown) - CELL_FIGURES} more")
    return text("\n".join(lines))


def _spread(cells) -> object:
    """Each side's headline claim, highest over lowest, when two sides claim: a side's own
    count against its enemy's is where the claims disagree."""
    heads = [_headline(cell) for cell in cells if cell]
    if len(heads) < 2 or min(heads) <= 0:
        return ""
    factor = max(heads) / min(heads)
    if factor >= WIDE_SPREAD:
        return text(f"×{factor:.1f} !", "bold red")
    return text(f"×{factor:.1f}")


def _headline(claims) -> int:
    """A column's headline figure: its infobox claim (the article's summary) when it has one,
    else its largest claim (the prose also reports partial counts: "11 more were killed")."""
    chosen = [c for c in claims if c.source == "infobox"] or claims
    return max(c.upper or c.value for c in chosen)


def _side_label(side, parties: dict) -> str:
    """ "1 Azerbaijan", "2 Artsakh/Armenia", or "none" for third-party nationals."""
    if side is None:
        return "none"
    return f"{side} {'/'.join(parties.get(side, ()))}".strip()


def _claimant_label(claim) -> str:
    """ "Azerbaijan (side 1)", "SOHR (third party)", or "no one named" for an unattributed claim."""
    from .extract.claims import UNATTRIBUTED

    if claim.claimant == UNATTRIBUTED:
        return "no one named"
    side = f"side {claim.claimant_side}" if claim.claimant_side is not None else "third party"
    return f"{claim.claimant} ({side})"


# --- entities and search -------------------------------------------------------------------

MATCH_STYLE = "bold yellow"


def entities(out, found) -> None:
    """Entities, most mentioned first: name, type, side, mentions, aliases."""
    table = _table("Name", "Type", "Side", "Mentions", "Aliases")
    table.columns[3].justify = "right"
    for entity in found:
        side = str(entity.side) if entity.side is not None else ""
        table.add_row(text(entity.name, "bold"), entity.type, side, str(entity.mentions), text(", ".join(entity.aliases)))
    out.print(table)


def entity_profile(out, profile) -> None:
    """One entity: what it is, its roles, its first and last dated mentions, then every mention."""
    rows: list[tuple[str, object]] = [("Type", profile.type)]
    if profile.aliases:
        rows.append(("Also called", ", ".join(profile.aliases)))
    if profile.page:
        rows.append(("Page", profile.page))
    rows.append(("Side", str(profile.side) if profile.side is not None else "none"))
    if profile.roles:
        rows.append(("Roles", "\n".join(profile.roles)))
    rows.append(("Mentions", f"{len(profile.mentions)} sentences"))
    for label, mention in (("First dated", profile.first), ("Last dated", profile.last)):
        if mention is not None:
            rows.append((label, f"{iso(mention.date)}: {mention.text}"))
    out.print(_key_values(rows, title=profile.name))
    if profile.mentions:
        table = _table("Date", "Section", "Sentence")
        table.columns[0].no_wrap = True
        table.columns[2].ratio = 3
        for mention in profile.mentions:
            table.add_row(iso(mention.date) if mention.date else "", text(mention.section, "dim"), text(mention.text))
        out.print(table)


def search_hits(out, hits) -> None:
    """Each sentence found, its matches highlighted, with its date and section."""
    table = _table("Date", "Section", "Sentence")
    table.columns[0].no_wrap = True
    table.columns[2].ratio = 3
    for hit in hits:
        table.add_row(iso(hit.date) if hit.date else "", text(hit.section, "dim"), highlighted(hit.text, hit.matches))
    out.print(table)
    out.print(text(f"{len(hits)} sentence{'s' if len(hits) != 1 else ''}", "dim"))


def highlighted(value: str, spans):
    """Document text with spans (offsets into `value`) highlighted. Each piece loses its control
    characters on its own, so the offsets still fall on the words they were found on."""
    from rich.text import Text

    result = Text()
    position = 0
    for start, end in spans:
        result.append(plain(value[position:start]))
        begin = len(result)
        result.append(plain(value[start:end]))
        result.stylize(MATCH_STYLE, begin, len(result))
        position = end
    result.append(plain(value[position:]))
    return result
