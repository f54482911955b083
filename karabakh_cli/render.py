"""Human output: the only module that uses Rich. Rich is imported inside the functions, so
the --json path never pays for it. Document text always goes in as `Text`, never as markup,
and loses its control characters first."""

from __future__ import annotations

import re
import sys

# C0/C1 controls except tab and newline, plus bidi embeddings, overrides and isolates: a
# document must not be able to move the cursor, recolour the terminal or reorder a line.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)")


def plain(text: str) -> str:
    """Text safe to print on a terminal: escape sequences and control characters removed."""
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", str(text)))


LIMITED_VIEWS = {  # views of one row per item, cut to the first rows on a terminal
    "timeline": "dated statements",
    "on_day": "dated statements",
    "entities": "entities",
    "search_hits": "sentences",
    "claims_list": "claims",
    "entity_profile": "mentions",
}
TEXT_MIN = 10  # a wrapping column is as wide as its longest word, up to this, or the table turns to blocks


def show(env, view: str, value, limit=None, **options) -> str:
    """Render `value` with the view named `view` for the Environment `env`: on a terminal a
    fitted table, the first rows of a long list and a pager for what is taller than the
    screen; on a pipe plain tab-separated lines."""
    from .output import DEFAULT_LIMIT

    out = Output(env)
    rows = limit or (DEFAULT_LIMIT if out.terminal and limit is None else None)
    _render(out, view, value, rows, options)
    return out.flush()


def show_groups(env, groups, limit=None) -> str:
    """Several documents' answers in one view (and one pager): each under its war's title and
    its path, as `show` would render it alone."""
    from .output import DEFAULT_LIMIT

    out = Output(env)
    rows = limit or (DEFAULT_LIMIT if out.terminal and limit is None else None)
    for number, (title, label, views) in enumerate(groups):
        out.heading(title, label, first=number == 0)
        for view, value, options in views:
            _render(out, view, value, rows, options)
    return out.flush()


def _render(out, view: str, value, rows, options: dict) -> None:
    """One view, its long lists cut to `rows` with a legend saying how to see the rest."""
    hidden = 0
    if rows and view in LIMITED_VIEWS:
        if view == "entity_profile":  # its mentions, not the profile, are the rows
            hidden, options = len(value.mentions) - rows, {**options, "shown": rows}
        else:
            hidden, value = len(value) - rows, value[:rows]
    globals()[view](out, value, **options)
    if hidden > 0:
        out.legend(f"Showing the first {rows} {LIMITED_VIEWS[view]}; {hidden} more: --limit 0 shows all.")


class Output:
    """One invocation's human output. On a terminal: Rich, colour as the Environment says,
    tables fitted to the width (figures and dates whole) or laid out as blocks when they
    cannot fit, everything paged when taller than the screen. On a pipe: tables as
    tab-separated lines with a header row, text as plain lines, no legends."""

    def __init__(self, env):
        import io

        from rich.console import Console

        self.env = env
        # Forced colour (--color always, FORCE_COLOR) is for a terminal further on: `| less -R`.
        self.terminal = env.is_terminal or env.color
        self.plain = not self.terminal
        self.buffer = io.StringIO()
        self.legends: set[str] = set()
        self.console = Console(
            file=self.buffer,
            width=env.width if self.terminal else 10_000,  # a pipe: no wrapping
            height=env.height,
            force_terminal=env.color,
            color_system="auto" if env.color else None,
            no_color=not env.color,
            highlight=False,
            emoji=False,
            legacy_windows=False,
        )

    @property
    def width(self) -> int:
        return self.console.width

    def print(self, renderable="") -> None:
        from rich.table import Table

        if isinstance(renderable, Table):
            self._table(renderable)
        elif self.plain and hasattr(renderable, "plain"):
            self.buffer.write(renderable.plain + "\n")
        else:
            self.console.print(renderable)

    def indented(self, line, blank_after: bool = False) -> None:
        """A line indented by two columns; on a terminal its wrapped lines are indented too."""
        from rich.padding import Padding

        if self.plain:
            self.buffer.write(f"  {line.plain}\n" + ("\n" if blank_after else ""))
        else:
            self.console.print(Padding(line, (0, 0, 1 if blank_after else 0, 2)))

    def heading(self, title: str | None, label: str, first: bool = False) -> None:
        """A document's heading among several: the war's title and its path; on a pipe, one
        line `== title (path)`."""
        if self.plain:
            named = f"{title} ({label})" if title else label
            self.console.print(text(f"{'' if first else chr(10)}== {named}"))
            return
        if not first:
            self.console.print()
        heading = text(title or label, "bold")
        if title:
            heading.append(f"  {plain(label)}", style="dim")
        self.console.print(heading)

    def legend(self, note: str) -> None:
        """A reader's note under a view: on a terminal only, where it cannot break a script,
        and once (the views of several documents share their legends)."""
        if self.terminal and note not in self.legends:
            self.legends.add(note)
            self.console.print(text(note, "dim"))

    def _table(self, table) -> None:
        if self.plain:
            self._tab_separated(table)
        elif _fit(table, self.width):
            self.console.print(table)
        else:
            self._blocks(table)

    def _tab_separated(self, table) -> None:
        if table.title is not None:
            self.buffer.write(_cell_text(table.title) + "\n")
        rows = [[_cell_text(cell, "; ") for cell in column.cells] for column in table.columns]
        if table.show_header:
            self.buffer.write("\t".join(_cell_text(column.header) for column in table.columns) + "\n")
        for row in zip(*rows):
            self.buffer.write("\t".join(row) + "\n")

    def _blocks(self, table) -> None:
        """A table too wide for the screen: each row a block, its first cell in bold and the
        others under it as `Header: value` (a cell of several lines: one line each, below), so
        every figure and date prints whole."""
        if table.title is not None:
            self.console.print(table.title)
        headers = [_cell_text(column.header) for column in table.columns]
        for row in zip(*(column.cells for column in table.columns)):
            first, *rest = row
            if _cell_text(first):
                self.console.print(first if getattr(first, "style", None) else text(_cell_text(first), "bold"))
            for header, cell in zip(headers[1:], rest):
                lines = _cell_text(cell, "\n").splitlines()
                label = text("")
                label.append(f"{header}:" if header else "", style="dim")
                if len(lines) == 1:
                    label.append(" ")
                    label.append_text(cell if hasattr(cell, "plain") else text(lines[0]))
                    self.indented(label)
                elif lines:
                    self.indented(label)
                    for line in lines:
                        self.indented(text(f"  {line}"))
            self.console.print()

    def flush(self) -> str:
        """Write what was rendered (through the pager when taller than the screen); return it."""
        from .pager import write_view

        rendered = self.buffer.getvalue()
        if self.plain:  # no padding for a script to trip on
            rendered = "\n".join(line.rstrip(" ") for line in rendered.split("\n"))
        env = self.env
        write_view(rendered, env.stdout or sys.stdout, env.is_terminal, env.height, env.pager)
        return rendered


def _cell_text(cell, line_break: str = " ") -> str:
    """A cell's text on one line: its non-blank lines joined, tabs as spaces."""
    value = plain(cell.plain if hasattr(cell, "plain") else str(cell)).replace("\t", " ")
    return line_break.join(line.strip() for line in value.splitlines() if line.strip())


def _longest_line(cell) -> int:
    from rich.cells import cell_len

    value = cell.plain if hasattr(cell, "plain") else str(cell)
    return max((cell_len(line) for line in value.splitlines()), default=0)


def _longest_word(cell) -> int:
    from rich.cells import cell_len

    value = cell.plain if hasattr(cell, "plain") else str(cell)
    return max((cell_len(word) for word in value.split()), default=0)


def _fit(table, width: int) -> bool:
    """Fit a table to `width`: its no-wrap columns (figures, dates) get a fixed width, that of
    their longest value, so they never wrap or cut, and their headers whole if there is room,
    else wrapped at spaces; text columns may shrink to their longest word, up to TEXT_MIN.
    False when even that is too wide."""
    fixed = [column for column in table.columns if column.no_wrap]
    for header_width in (_longest_line, _longest_word):
        needed = 3 * len(table.columns) + 1  # padding and separators of the SIMPLE_HEAD box
        for column in table.columns:
            if column in fixed:
                longest = max((_longest_line(cell) for cell in column.cells), default=0)
                column.width = max(longest, header_width(column.header))
                needed += column.width
            else:
                column.min_width = min(TEXT_MIN, max(_longest_word(cell) for cell in (column.header, *column.cells)))
                needed += column.min_width
        if needed <= width:
            for column in table.columns:
                # A fixed width is never shrunk by Rich, so its header may wrap; a word longer
                # than a text column breaks rather than ends in "…".
                column.no_wrap, column.overflow = False, "fold"
            return True
    return False


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
    table.columns[2].no_wrap = True
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

    if out.plain:
        table = _table("Level", "Section", "Sentences", "Words")
        for section in outline:
            table.add_row(str(section.level), text(section.path), str(section.sentences), str(section.words))
        out.print(table)
        return

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
    if out.plain:
        out.print(_side_rows(columns))
        return
    table = Table(box=box.SQUARE, expand=True, show_lines=False)
    for side in columns:
        table.add_column(f"Side {side.side}", ratio=1)
    table.add_row(*(_side_cell(side) for side in columns))
    out.print(table)


def _side_rows(columns):
    """The sides as one row per party, commander, unit and strength: for a pipe."""
    table = _table("Side", "What", "Group", "Name")
    for side in columns:
        number = str(side.side)
        for party in side.parties:
            table.add_row(number, "party", party.role, text(party.name))
        for commander in side.commanders:
            table.add_row(number, "commander", text(commander.country or ""), text(commander.name))
        for unit in side.units:
            table.add_row(number, "unit", text(unit.group or ""), text(unit.name))
        for strength in side.strength:
            table.add_row(number, "strength", "", text(strength.text))
        for item in side.equipment:
            table.add_row(number, "equipment", "", text(item))
    return table


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


def as_precise(dated) -> str:
    """A sentence's date no more precise than the article: 2020-10-04 for a day, 2020-10 for
    a month, 2020 for a year, as `when` says it for other spans; "" for none."""
    if dated.date is None:
        return ""
    if dated.precision in (None, "day") or dated.end is None:
        return iso(dated.date)
    if dated.precision == "month":
        return iso(dated.date)[:7]
    if dated.precision == "year" and dated.date.year == dated.end.year:
        return str(dated.date.year)
    return when(dated)


def timeline(out, events, explain: bool = False, unresolved=(), heading: str | None = None) -> None:
    """Events in order under a row for each month, with the day of the war; --explain adds
    each date's expression and anchor, and the expressions that could not be placed."""
    if heading:
        out.print(text(heading, "bold"))
    columns = ("Date", "War day", "Statement") + (("Expression", "Anchor") if explain else ())
    table = _table(*columns, expand=True)
    table.columns[0].no_wrap = table.columns[1].no_wrap = True
    for column, ratio in zip(table.columns[2:], (4, 1, 1)):
        column.ratio = ratio
        column.min_width = len(column.header)
    month = None
    for event in events:
        if f"{event.date:%B %Y}" != month and not out.plain:
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
    """Sentences with a date in each week as bars; ◆ marks the weeks with a ceasefire date."""
    from rich.text import Text

    top = max((week.sentences for week in weeks), default=0) or 1
    width = max(10, min(50, out.width - 45))
    table = _table("Week of", "Sentences", "", "Ceasefire")
    table.columns[1].justify = "right"
    table.columns[0].no_wrap = table.columns[1].no_wrap = True
    for week in weeks:
        bar = Text("█" * round(week.sentences / top * width), style="cyan")
        marks = ", ".join(f"{day.day} {day:%b}" for day in week.ceasefires)
        table.add_row(
            f"{week.start.day} {week.start:%b %Y}", str(week.sentences), bar,
            text(f"◆ {marks}" if marks else "", "bold red"),
        )
    out.print(table)
    out.legend(
        "Sentences with a date in the week (a day or a span within it), each counted once however many"
        " dates it gives; ◆ the days of statements that mention a ceasefire."
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
    for column in table.columns[3:]:
        column.no_wrap = True
    for (side, group, category), row in _claim_rows(claims):
        cells = [[c for c in row if c.claimant_side == number] for _, number in columns]
        side_cells = [cell for cell, (_, number) in zip(cells, columns) if number is not None]
        table.add_row(
            text(_side_label(side, parties)), group, category, *(_figures_cell(c) for c in cells), _spread(side_cells)
        )
    out.print(table)
    out.legend(
        "~ about, > more than, N+ at least, ≤ at most, N–M range; (date) as of. High/low: each "
        "side's headline claim (its infobox figure, else its largest), highest over lowest; "
        "third parties, who often count single attacks, are left out; "
        f"! marks a factor of {WIDE_SPREAD:g} or more. "
        "--all lists every claim with its source."
    )


def claims_list(out, claims, parties: dict) -> None:
    """Every claim as a short block: the figure and whose losses, who claims it and where,
    then the sentence or infobox line it comes from (blocks wrap on any terminal width)."""
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
        where = f"{claim.section or claim.source}{_cited(claim.sentence)}, claimed by {_claimant_label(claim)}"
        out.indented(text(where, "dim"))
        out.indented(text(claim.text), blank_after=True)


def losses(out, claims, parties: dict) -> None:
    """Equipment losses, one table per side that lost them, grouped by who claims them."""
    from .extract.figures import format_figure

    for side in sorted({c.side for c in claims}, key=lambda n: (n is None, n or 0)):
        owner = f"side {_side_label(side, parties)}" if side is not None else "no side"
        table = _table("Claimed by", "Item", "Status", "Figure", "As of", title=f"Equipment lost by {owner}")
        table.columns[3].justify = "right"
        table.columns[3].no_wrap = table.columns[4].no_wrap = True
        owned = [c for c in claims if c.side == side]
        for claimant in dict.fromkeys(_claimant_label(c) for c in owned):
            rows = [c for c in owned if _claimant_label(c) == claimant]
            for index, claim in enumerate(rows):
                table.add_row(
                    text(claimant if index == 0 or out.plain else ""),
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
    """A column's headline figure (extract.claims.headline)."""
    from .extract.claims import headline, magnitude

    return magnitude(headline(claims))


def _cited(sentence: int | None) -> str:
    """", sentence N": the sentence's index (its `sentence` in JSON, its id in the exports)."""
    return f", sentence {sentence}" if sentence is not None else ""


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


# --- many wars ---------------------------------------------------------------------------------

SHOWN_PARTIES = 2  # a side's first parties named in a table of wars; the rest are counted


def wars(out, records, documents=None) -> None:
    """One row per side of each war: its dead as it claims them and as the other side does."""
    table = _table("War", "Dates", "Days", "Side", "Own claim", "Other's", "Claims", "Events")
    for column in table.columns[2:3] + table.columns[4:]:
        column.no_wrap, column.justify = True, "right"
    table.columns[1].no_wrap = True
    if documents and out.plain:
        table.add_column("Document")
    for number, war in enumerate(records):
        sides = war.sides or (None,)
        document = documents[number] if documents else None
        for index, side in enumerate(sides):
            first = index == 0 or out.plain
            table.add_row(
                _war_cell(war.title) if first else "",
                text(_dates(war)) if first else "",
                str(war.duration_days) if first and war.duration_days is not None else "",
                text(_parties(side)) if side else "none named",
                _figure(side.killed_by_itself) if side else "",
                _figure(side.killed_by_other) if side else "",
                f"{war.claim_count:,}" if first else "",
                f"{war.event_count:,}" if first else "",
                *([text(document)] if documents and out.plain else []),
                end_section=index == len(sides) - 1,
            )
    out.print(table)
    out.legend(
        "Own claim, other's: the side's fighters killed as the side claims and as the other side claims, "
        "each the headline figure (its infobox figure, else its largest); – none. "
        "Claims: casualty claims; events: dated statements."
    )


def claim_gaps(out, gaps, documents=None) -> None:
    """The ranking of `casualties --compare`: wars by their largest ratio, one row per side."""
    import itertools

    table = _table("War", "Side", "Own claim", "Other's", "Ratio", *(["Document"] if documents and out.plain else []))
    for column in table.columns[2:5]:
        column.no_wrap, column.justify = True, "right"
    labelled = zip(documents or [None] * len(gaps), gaps)
    for (_, document), war in itertools.groupby(labelled, key=lambda pair: (pair[1].title, pair[0])):
        sides = [gap for _, gap in war]
        for index, gap in enumerate(sides):
            table.add_row(
                _war_cell(gap.title) if index == 0 or out.plain else "",
                text(_parties(gap)),
                _figure(gap.killed_by_itself),
                _figure(gap.killed_by_other),
                f"×{gap.ratio:.2f}" if gap.ratio is not None else "–",
                *([text(document)] if documents and out.plain else []),
                end_section=index == len(sides) - 1,
            )
    out.print(table)
    out.legend(
        "Own claim, other's: the side's fighters killed as the side claims and as the other side claims, "
        "each the headline figure (its infobox figure, else its largest). Ratio: other's over own; "
        "– where either is missing. Wars ranked by their largest ratio."
    )


def _war_cell(title: str):
    """The war's title (on a pipe, its document has a column: titles may repeat)."""
    return text(title or "Untitled document", "bold")


def _dates(war) -> str:
    """The first and the last day, one above the other (on a pipe: "first – last")."""
    if war.start is None:
        return "unknown"
    return f"{iso(war.start)}\n{'present' if war.ongoing else iso(war.end)}"


def _parties(side) -> str:
    """ "1 Azerbaijan, Syrian mercenaries", "2 Alpha, Beta +3 more"."""
    shown = ", ".join(side.parties[:SHOWN_PARTIES]) or "none named"
    more = len(side.parties) - SHOWN_PARTIES
    return f"{side.side} {shown}" + (f" +{more} more" if more > 0 else "")


def _figure(figure) -> str:
    from .extract.figures import format_figure

    return format_figure(figure.value, figure.upper, figure.qualifier) if figure else "–"


# --- entities and search -------------------------------------------------------------------

MATCH_STYLE = "bold yellow"


def entities(out, found) -> None:
    """Entities, most mentioned first: name, type, side, mentions, aliases."""
    table = _table("Name", "Type", "Side", "Mentions", "Aliases")
    table.columns[3].justify = "right"
    for column in table.columns[1:4]:
        column.no_wrap = True
    for entity in found:
        side = str(entity.side) if entity.side is not None else ""
        table.add_row(text(entity.name, "bold"), entity.type, side, str(entity.mentions), text(", ".join(entity.aliases)))
    out.print(table)


def entity_profile(out, profile, shown: int | None = None) -> None:
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
            rows.append((label, f"{as_precise(mention)}: {mention.text}"))
    out.print(_key_values(rows, title=profile.name))
    if profile.mentions:
        table = _table("Date", "Section", "Sentence")
        table.columns[0].no_wrap = True
        table.columns[2].ratio = 3
        for mention in profile.mentions[:shown]:
            where = f"{mention.section}{_cited(mention.sentence)}"
            table.add_row(as_precise(mention), text(where, "dim"), text(mention.text))
        out.print(table)


def search_hits(out, hits) -> None:
    """Each sentence found, its matches highlighted, with its date and section."""
    table = _table("Date", "Section", "Sentence")
    table.columns[0].no_wrap = True
    table.columns[2].ratio = 3
    for hit in hits:
        table.add_row(as_precise(hit), text(hit.section, "dim"), highlighted(hit.text, hit.matches))
    out.print(table)
    out.legend(f"{len(hits)} sentence{'s' if len(hits) != 1 else ''}")


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


class ProgressBar:
    """A Rich progress bar on a terminal's stderr, removed when the work ends."""

    def __init__(self, total: int, what: str, stream) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=stream, stderr=True)
        self.progress = Progress(
            TextColumn(plain(what)), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=console, transient=True,
        )
        self.task = self.progress.add_task(plain(what), total=total)
        self.progress.start()

    def update(self, done: int) -> None:
        self.progress.update(self.task, completed=done)

    def message(self, line: str) -> None:
        self.progress.console.print(line, end="", markup=False, highlight=False, soft_wrap=True)

    def close(self) -> None:
        self.progress.stop()
