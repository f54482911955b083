"""The command line: parse options, ask the FactBase, hand the answer to render or JSON."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .completion import complete_choice, complete_entity, complete_section, complete_side
from .options import (
    DocOption,
    JobsOption,
    JsonOption,
    NoColorOption,
    at_least,
    check_choice,
    did_you_mean,
    emit,
    fail,
    invocation,
    load_facts,
    note,
    nothing,
    one_line,
    output_options,
)

SOURCES = ("infobox", "body")


OVERVIEW = """\
karabakh: ask a Wikipedia war article who fought whom, who led, what each side claims
was lost, and what happened on which day. Reads the bundled article on the 2020
Nagorno-Karabakh war, or any export of the same format given with --doc.

\b
Examples:
  karabakh summary                       the war at a glance
  karabakh infobox result                one infobox field with its links
  karabakh sections                      the article's outline
  karabakh names --json                  every name of the war, as JSON
  karabakh sides --side 2                who fought on side 2, who led them
  karabakh casualties                    each side's casualty claims, compared
  karabakh timeline --from "1 Oct 2020" --to "7 Oct 2020"
                                         the dated statements of one week
  karabakh on "day 12"                   what happened on the 12th day of the war
  karabakh entity Shushi                 one place, person or body, and every mention
  karabakh search '"cluster munitions"'  the sentences that say it, matches highlighted
  karabakh export facts.sqlite           every fact, ready for SQL
  karabakh summary --doc wars/           one table of every war in a folder

\b
Every command takes --doc PATH (or KARABAKH_DOC; - for standard input): a file, or a
folder of *.md files, repeatable, read by --jobs N processes; all but export take
--json, --csv, --tsv, --fields, --color and --no-pager.
Run `karabakh COMMAND --help` for a command's options.
"""

GLOBAL_FLAGS = ("--no-cache", "--no-color")


class GlobalFlagsGroup(typer.core.TyperGroup):
    """Takes --no-cache and --no-color before or after the command name, as git and gh do:
    wherever they stand (before a `--`), they are handed to the root callback."""

    def parse_args(self, ctx, args):
        end = args.index("--") if "--" in args else len(args)
        flags = [arg for arg in args[:end] if arg in GLOBAL_FLAGS]
        rest = [arg for arg in args[:end] if arg not in GLOBAL_FLAGS]
        return super().parse_args(ctx, list(dict.fromkeys(flags)) + rest + args[end:])


app = typer.Typer(
    name="karabakh",
    cls=GlobalFlagsGroup,
    help=OVERVIEW,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"karabakh {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version."),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Extract afresh; do not read or write the fact cache (before or after COMMAND)."),
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour, even on a terminal (before or after COMMAND).")] = False,
) -> None:
    invocation.clear()
    invocation.update(no_cache=no_cache, no_color=no_color)
    if ctx.invoked_subcommand is None:
        sys.stdout.write(OVERVIEW.replace("\b\n", "") + "\nCommands:\n")
        for command in ctx.command.commands.values():  # type: ignore[attr-defined]
            summary_line = (command.help or "").strip().splitlines()[0] if command.help else ""
            sys.stdout.write(f"  {command.name:<12} {summary_line}\n")


@app.command()
@output_options()
def summary(doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False) -> None:
    """Show the war at a glance: dates, place, result, sides, size of the article.

    With several documents: one table of wars, one record per war (see README, Many articles).

    Example: karabakh summary --json | jq .duration_days
    """
    facts = load_facts(doc)
    if invocation.get("capture") is not None:  # one of several documents: a row of the wars
        emit(facts.war, json, no_color, "wars")
    else:
        emit(facts.summary, json, no_color, "summary")


@app.command()
@output_options()
def infobox(
    field: Annotated[Optional[str], typer.Argument(metavar="FIELD", help="One field, e.g. result or casualties1 (any case).")] = None,
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List the infobox fields, or show one FIELD with its links.

    Example: karabakh infobox commander2
    """
    facts = load_facts(doc)
    box = facts.infobox
    if box is None:
        if field is not None:
            fail("the document has no infobox", facts.path)
        note(f"{facts.path}: the document has no infobox")
        emit({}, json, no_color, "infobox_fields")
        return
    if field is None:
        emit(box.fields, json, no_color, "infobox_fields")
        return
    by_case = {name.casefold(): name for name in box.fields}
    name = field if field in box.fields else by_case.get(field.casefold())
    if name is None:
        hint = did_you_mean(field, box.fields) or "; `karabakh infobox` lists the fields"
        fail(f"no infobox field {field!r}{hint}", facts.path)
    emit(box.fields[name], json, no_color, "infobox_field")


@app.command()
@output_options(rows=True)
def sections(doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False) -> None:
    """Show the article's outline with word and sentence counts.

    Example: karabakh sections --json | jq '.[] | select(.level == 2) | .title'
    """
    emit(load_facts(doc).outline, json, no_color, "sections")


@app.command()
@output_options(rows=True)
def names(doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False) -> None:
    """List the names the war is known by, with native spellings and who uses them.

    Example: karabakh names
    """
    emit(load_facts(doc).names, json, no_color, "names")


SideOption = Annotated[
    Optional[str], typer.Option("--side", metavar="SIDE", help="Only this combatant column: 1, 2, ... or a party's name.", autocompletion=complete_side)
]


def side_number(value: Optional[str], facts, as_json: bool) -> Optional[int]:
    """The side an --side value means: a number as given, or the infobox column listing the
    party it names (a name or alias, as every option hears names); exit 2 when none."""
    if value is None:
        return None
    plain = value.strip()
    if plain.isascii() and plain.isdigit():
        if int(plain) < 1:
            fail(f"--side {value!r}: sides are numbered from 1")
        return int(plain)
    from .extract.textnorm import fold

    entity = facts.entity_index.named(plain)
    names = {fold(name) for name in (plain, *((entity.name, *entity.aliases) if entity else ()))}
    columns = [s.side for s in facts.sides if any(fold(party.name) in names for party in s.parties)]
    if len(set(columns)) != 1:
        parties = ", ".join(dict.fromkeys(party.name for s in facts.sides for party in s.parties))
        fail(f"--side {value!r} names no party of one side; give 1, 2, ... or one of: {parties}")
    if not as_json:
        note(f"--side {value!r} is side {columns[0]}")
    return columns[0]


@app.command()
@output_options()
def sides(
    side: SideOption = None, doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False
) -> None:
    """Show each side: parties and their roles, commanders by country, units, strength.

    Example: karabakh sides --side 2
    """
    facts = load_facts(doc)
    side = side_number(side, facts, json)
    require_side(facts, side)
    if not facts.sides:
        note(f"{facts.path}: the infobox lists no sides")
    emit([s for s in facts.sides if side is None or s.side == side], json, no_color, "sides")


def require_side(facts, side: Optional[int]) -> None:
    """A side number names a combatant column of the infobox: one the infobox lacks is an
    input error (exit 2), as an unknown infobox field or section is."""
    known = [s.side for s in facts.sides]
    if side is not None and known and side not in known:
        fail(f"there is no side {side}; sides: {', '.join(map(str, known))}", facts.path)


def require_claimant(facts, claims, claimant: Optional[str], names) -> None:
    """`--claimant` must name a side the infobox has, "third", or a claimant of some claim
    (by the name given or one of its aliases, `names`)."""
    from .extract.claims import select

    wanted = (claimant or "").strip()
    if wanted.isascii() and wanted.isdigit():
        require_side(facts, int(wanted))
    elif wanted and wanted.lower() != "third" and claims and not select(claims, claimant=names):
        written = {claim.claimant for claim in claims} | {claim.claimant_entity for claim in claims if claim.claimant_entity}
        hint = did_you_mean(wanted, written) or "; give a side, third, or a name"
        fail(f"no claim is by a claimant named {claimant!r}{hint}", facts.path)


LossesSideOption = Annotated[
    Optional[str],
    typer.Option("--side", metavar="SIDE", help="Only the losses of this side: 1, 2, ... or a party's name.", autocompletion=complete_side),
]


def check_claimant(value: Optional[str]) -> Optional[str]:
    """A claimant given in digits must be a side number in ASCII digits: "²" and "③" are
    digits to str.isdigit but not numbers int() reads."""
    digits = (value or "").strip()
    if digits.isdigit() and not (digits.isascii() and len(digits) <= 6):
        raise typer.BadParameter(f"{value!r} is not a side number; give 1, 2, ... or words of the claimant's name")
    return value


ClaimantOption = Annotated[
    Optional[str],
    typer.Option(
        "--claimant",
        callback=check_claimant,
        metavar="WHO",
        help='Only claims by: a side number ("1"), "third" (third parties, unattributed), '
        'or words of the claimant\'s name ("SOHR").',
    ),
]
EveryClaimOption = Annotated[bool, typer.Option("--all", help="List every claim with its source sentence.")]
ClaimSourceOption = Annotated[
    Optional[str], typer.Option("--source", help="Only claims from the infobox or the body.", metavar="infobox|body", autocompletion=complete_choice(".cli", "SOURCES"))
]


def claimant_names(claimant: Optional[str], facts, as_json: bool):
    """A side number or "third" as given; a name with its aliases."""
    plain = (claimant or "").strip().lower()
    if plain.isdigit() or plain == "third":
        return claimant
    return with_aliases(claimant, facts, as_json)


def chosen_claims(claims, what: str, as_json: bool, **filters):
    """The claims matching the filters; exit 1 when filters leave none of the article's."""
    from .extract.claims import select

    chosen = select(claims, **filters)
    if claims and not chosen:
        shown = {name: value[0] if isinstance(value, tuple) else value for name, value in filters.items()}
        given = " ".join(f"--{name} {value}" for name, value in shown.items() if value is not None)
        nothing(f"no {what} claim matches {given}", as_json)
    return chosen


def with_aliases(name: Optional[str], facts, as_json: bool):
    """`name` and, when it is exactly a name or alias of one entity, the entity's other names,
    said on stderr (not in JSON); None for no name."""
    if not name:
        return name
    others = facts.other_names(name)
    note_aliases(((name, others),) if others else (), as_json)
    return (name, *others)


def note_aliases(widened, as_json: bool) -> None:
    if not as_json:
        for typed, others in widened:
            note(f"{typed!r} also matches {', '.join(map(repr, others))}: other names of the same entity")


@app.command()
@output_options(rows=True)
def casualties(
    side: LossesSideOption = None,
    category: Annotated[
        Optional[str], typer.Option("--category", metavar="WORD", help="killed, wounded, missing, captured or displaced.", autocompletion=complete_choice(".extract.claims", "CATEGORIES"))
    ] = None,
    claimant: ClaimantOption = None,
    source: ClaimSourceOption = None,
    every: EveryClaimOption = False,
    compare: Annotated[
        bool,
        typer.Option(
            "--compare",
            help="Each side's fighters killed as it claims and as the other side claims (headline figures), "
            "the ratio other/own; several documents: wars ranked by their largest ratio.",
        ),
    ] = False,
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Compare the casualty figures each side claims, and flag where they disagree.

    Rows: whose losses and what happened; columns: who claims it. JSON: every claim,
    infobox first, then the body in document order. --compare: one row per side, the
    other side's headline claim of its dead over its own (null when either is missing).

    Example: karabakh casualties --category killed --source body --all
    """
    from .extract.claims import CATEGORIES

    check_choice("--category", category, CATEGORIES)
    check_choice("--source", source, SOURCES)
    filters = {"--side": side, "--category": category, "--claimant": claimant, "--source": source, "--all": every}
    given = [name for name, value in filters.items() if value]
    if compare and given:
        fail(f"--compare cannot be combined with {given[0]}: it compares every side's headline killed figures")
    facts = load_facts(doc)
    if compare:
        from .extract.wars import claim_gaps

        emit(claim_gaps(facts.war), json, no_color, "claim_gaps")
        return
    side = side_number(side, facts, json)
    require_side(facts, side)
    claimants = claimant_names(claimant, facts, json)
    require_claimant(facts, facts.claims, claimant, claimants)
    if not facts.claims:
        note(f"{facts.path}: the article gives no casualty figures")
    chosen = chosen_claims(
        facts.claims, "casualty", json, side=side, category=category, claimant=claimants,
        source=source,
    )
    if json or chosen:
        view = "claims_list" if every else "casualties"
        emit(chosen, json, no_color, view, parties=facts.side_map.parties)


@app.command()
@output_options(rows=True)
def losses(
    side: LossesSideOption = None,
    claimant: ClaimantOption = None,
    source: ClaimSourceOption = None,
    every: EveryClaimOption = False,
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List the equipment each side claims was destroyed, damaged, captured or lost.

    Grouped by whose equipment and who claims it; JSON: claims with item and status.

    Example: karabakh losses --side 2 --claimant oryx
    """
    check_choice("--source", source, SOURCES)
    facts = load_facts(doc)
    side = side_number(side, facts, json)
    require_side(facts, side)
    claimants = claimant_names(claimant, facts, json)
    require_claimant(facts, facts.losses, claimant, claimants)
    if not facts.losses:
        note(f"{facts.path}: the article gives no equipment losses")
    chosen = chosen_claims(
        facts.losses, "equipment", json, side=side, claimant=claimants, source=source
    )
    if json or chosen:
        emit(chosen, json, no_color, "claims_list" if every else "losses", parties=facts.side_map.parties)


def require_section(facts, section: Optional[str], matches) -> None:
    """`--section` must name a section the document has (by the command's own rule of
    `matches(section, path)`); exit 2 otherwise."""
    if section is not None and not any(matches(section, s.path) for s in facts.sections):
        hint = did_you_mean(section, [s.title for s in facts.sections] + [s.path for s in facts.sections])
        fail(f"no section {section!r}{hint or '; `karabakh sections` lists them'}", facts.path)


# --- timeline ----------------------------------------------------------------------------

DATE_HELP = "'5 Oct 2020', '2020-10-05', 'October 2020' or '2020'"
ExplainOption = Annotated[
    bool,
    typer.Option("--explain", help="Show each date's expression and anchor, and what was left out."),
]


def parse_days(value: Optional[str], what: str, facts):
    """The first and last day a --from/--to/DATE value means; exit 2 with one line if none."""
    from .extract.timeline import parse_when

    if value is None:
        return None
    try:
        return parse_when(value, facts.conflict_span)
    except ValueError as exc:
        fail(f"{what}: {exc}")


@app.command()
@output_options(rows=True)
def timeline(
    from_: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help=f"From this day or month: {DATE_HELP}.")] = None,
    to: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Up to this day or month.")] = None,
    about: Annotated[Optional[str], typer.Option("--about", metavar="TEXT", help="Only statements naming this entity or phrase.")] = None,
    section: Annotated[Optional[str], typer.Option("--section", metavar="TEXT", help="Only sections whose heading path contains TEXT.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="WORD", help="Only dates written this way: explicit, yearless, month, relative, ordinal-day, range or vague.", autocompletion=complete_choice(".extract.timeline", "KINDS"))] = None,
    precision: Annotated[Optional[str], typer.Option("--precision", metavar="WORD", help="Only dates this precise: day, range, early-month, mid-month, late-month, month, season or year.", autocompletion=complete_choice(".extract.timeline", "PRECISIONS"))] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", metavar="N", callback=at_least(0), help="At most this many statements; 0 for all. Default on a terminal: 50.")] = None,
    explain: ExplainOption = False,
    chart: Annotated[bool, typer.Option("--chart", help="Sentences with a date per week as a bar chart, ceasefires marked.")] = False,
    overlapping: Annotated[
        bool, typer.Option("--overlapping", help="With --from/--to: also dates that only overlap the range (a month, the war).")
    ] = False,
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List the article's dated statements in order, by month, with the day of the war.

    Example: karabakh timeline --from "1 Oct 2020" --to "7 Oct 2020" --explain
    """
    from .extract.timeline import KINDS, PRECISIONS, select_events, select_unresolved, weekly

    check_choice("--kind", kind, KINDS)
    check_choice("--precision", precision, PRECISIONS)
    facts = load_facts(doc)
    require_section(facts, section, lambda wanted, path: wanted.casefold() in path.casefold())
    first, last = parse_days(from_, "--from", facts), parse_days(to, "--to", facts)
    start, end = first and first[0], last and last[1]
    if start and end and start > end:
        fail(f"--from {from_!r} is after --to {to!r}")
    about_names = with_aliases(about, facts, json)
    events = select_events(facts.timeline.events, start, end, about_names, section, kind, precision, overlapping)
    filters = {"from": from_, "to": to, "about": about, "section": section}
    filters.update(kind=kind, precision=precision)
    given = " ".join(f"--{name} {value!r}" for name, value in filters.items() if value is not None)
    if chart:
        conflict = facts.conflict_span
        if from_ is None and to is None and conflict:
            start, end = conflict.start, None if conflict.ongoing else conflict.end
        try:
            weeks = weekly(events, start, end)
        except ValueError as exc:
            fail(f"--chart: {exc}")
        if not weeks:
            nothing(f"no dated statement to chart {given}".rstrip(), json)
        emit(list(weeks), json, no_color, "timeline_chart")
        return
    if not events and given:
        nothing(f"no dated statement matches {given}", json)
    if not events:
        note(f"{facts.path}: the article dates no statement")
    unresolved = ()  # they have no dates or kinds to filter by
    if explain and not (start or end or kind or precision):
        unresolved = select_unresolved(facts.timeline.unresolved, about_names, section)
    emit(list(events[:limit]), json, no_color, "timeline", explain=explain, unresolved=unresolved)


@app.command()
@output_options(rows=True)
def on(
    day: Annotated[str, typer.Argument(metavar="DATE", help=f"A day or month, {DATE_HELP}, or 'day 12' of the war.")],
    explain: ExplainOption = False,
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Show what the article says happened on a day: the statements whose dates contain it.

    Example: karabakh on "day 12"
    """
    from .extract.timeline import day_of_war, select_events

    facts = load_facts(doc)
    start, end = parse_days(day, "DATE", facts)
    events = select_events(facts.timeline.events, start, end, overlapping=True)
    if not events:
        nothing(f"nothing in the article is dated {day}", json)
    war_day = day_of_war(facts.conflict_span, start) if start == end else None
    emit(list(events), json, no_color, "on_day", start=start, end=end, war_day=war_day, explain=explain)


# --- entities and search -----------------------------------------------------------------

ENTITY_TYPES = ("person", "place", "organization", "country", "weapon", "other")


LimitOption = Annotated[Optional[int], typer.Option("--limit", metavar="N", callback=at_least(0), help="At most this many; 0 for all. Default on a terminal: 50.")]


@app.command()
@output_options(rows=True)
def entities(
    type_: Annotated[
        Optional[str], typer.Option("--type", metavar="WORD", help=f"Only this type: {', '.join(ENTITY_TYPES)}.", autocompletion=complete_choice(".cli", "ENTITY_TYPES"))
    ] = None,
    side: Annotated[
        Optional[str], typer.Option("--side", metavar="SIDE", help="Only entities on this side: 1, 2, ... or a party's name.", autocompletion=complete_side)
    ] = None,
    limit: LimitOption = None,
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List the people, places, bodies, countries, weapons and events named, most mentioned first.

    A mention is a sentence naming the entity under any of its names.

    Example: karabakh entities --type person --side 2
    """
    check_choice("--type", type_, ENTITY_TYPES)
    facts = load_facts(doc)
    side = side_number(side, facts, json)
    require_side(facts, side)
    chosen = [e for e in facts.entities if type_ in (None, e.type) and side in (None, e.side)]
    if not facts.entities:
        note(f"{facts.path}: the article names no entities")
    elif not chosen:
        given = " ".join(f"{option} {value}" for option, value in (("--type", type_), ("--side", side)) if value)
        nothing(f"no entity matches {given}", json)
    emit(chosen[:limit], json, no_color, "entities")


@app.command()
@output_options(rows=True)
def entity(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A name, alias, surname or acronym, in any case, with or without accents.",
            autocompletion=complete_entity,
        ),
    ],
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Show one entity: type, aliases, roles, and every sentence naming it, with its date.

    Exit 1 when nothing is called NAME (the closest names are suggested), 2 when several are
    or NAME is empty.

    Example: karabakh entity Shushi
    """
    if not name.strip():
        fail("NAME is empty; give a name, alias, surname or acronym")
    facts = load_facts(doc)
    found = facts.entity_index.lookup(name)
    if found.candidates:
        emit(list(found.candidates), json, no_color, "entities")
        fail(f"{name!r} names {len(found.candidates)} entities; give one of their names", facts.path)
    if found.entity is None:
        closest = f"; did you mean {' or '.join(map(repr, found.suggestions))}?" if found.suggestions else ""
        note(f"no entity is called {name!r}{closest}")
        if json:
            emit(None, True, no_color, "")  # `null`: the JSON of no entity, still parseable
        raise typer.Exit(1)
    emit(facts.entity_profile(found.entity), json, no_color, "entity_profile")


@app.command()
@output_options(rows=True)
def search(
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help='Words, all of which must appear; "quoted phrases"; a OR b; -word to leave out; word* for a prefix.')
    ],
    section: Annotated[
        Optional[str],
        typer.Option(
            "--section",
            metavar="HEADING",
            help="Only under this heading: a title ('Casualties') or a path ('Aftermath > Armenia').",
            autocompletion=complete_section,
        ),
    ] = None,
    limit: LimitOption = None,
    doc: DocOption = None,
    json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Find the sentences holding every word of QUERY, ignoring case and accents, best first.

    Whole words match, plurals too ("drone" finds "drones"); OR (in capitals) binds tighter
    than the implicit AND. Ranked by BM25 (JSON `score`); offsets in JSON are characters of
    each sentence's text.

    Example: karabakh search '"cluster munitions" stepanakert' --section "Suspected war crimes"
    """
    from .extract.search import QueryError, section_matches

    facts = load_facts(doc)
    require_section(facts, section, section_matches)
    try:
        parsed = facts.parse_query(query)
    except QueryError as exc:
        fail(str(exc))
    note_aliases(parsed.widened, json)
    hits = facts.search(parsed, section, limit)
    if not hits:
        nothing(f"no sentence matches {query!r}" + (f" under {section!r}" if section else ""), json)
    emit(list(hits), json, no_color, "search_hits")


@app.command()
def export(
    path: Annotated[str, typer.Argument(help="File (or folder, for csv) to write; - for stdout.", metavar="PATH")],
    format: Annotated[
        Optional[str],
        typer.Option("--format", "-f", metavar="json|jsonl|csv|sqlite", help="json, jsonl, csv or sqlite. Default: from PATH's extension.", autocompletion=complete_choice(".export", "FORMATS")),
    ] = None,
    only: Annotated[
        Optional[str], typer.Option("--only", metavar="TABLE", help="One record type (a table), e.g. claims or events.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace PATH if it is a file, or a folder an earlier csv export made.")
    ] = False,
    doc: DocOption = None,
    jobs: JobsOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Write every fact of the article(s) to a file: JSON, JSON Lines, CSV or SQLite.

    PATH - writes JSON, JSON Lines, or with --only one table's CSV, to stdout. Like every
    command it accepts --no-color, though an export has no colour. Several documents make one
    export with a documents table and a document key on every table; one that cannot be read
    is reported and the others are exported (exit 2).

    Example: karabakh export facts.sqlite && sqlite3 facts.sqlite 'select count(*) from events'
    """
    from . import corpus
    from . import export as exporter

    check_choice("--format", format, exporter.FORMATS)
    found = corpus.expand(doc) if doc else [None]
    if len(found) == 1 and not isinstance(found[0], corpus.Unlisted):
        return export_one(found[0].path if found[0] else None, path, format, only, force)
    with failing_on_write(path):
        fmt = exporter.format_for(path, format)
        exported, failures = export_many(found, path, fmt, only, force, jobs or corpus.default_jobs())
    if path != "-":
        note(f"wrote {fmt} of {exported} document{'s' if exported != 1 else ''} to {path}")
    if failures:
        raise typer.Exit(2)


@contextmanager
def failing_on_write(path: str):
    """An export that cannot be written is one line naming PATH, and exit 2."""
    from . import export as exporter

    try:
        yield
    except exporter.ExportError as exc:
        fail(str(exc), path)
    except OSError as exc:
        fail(exc.strerror or str(exc), path)


def export_one(doc: Optional[Path], path: str, format: Optional[str], only: Optional[str], force: bool) -> None:
    from . import export as exporter

    facts = load_facts(doc)
    with failing_on_write(path):
        fmt = exporter.format_for(path, format)
        exporter.write(facts, path, fmt, only=only, force=force, document=facts.path)
    if path != "-":
        note(f"wrote {fmt} to {path}")


def export_many(found: list, path: str, fmt: str, only: Optional[str], force: bool, jobs: int) -> tuple[int, int]:
    """Export the documents found; each one that cannot be read is one error line. Returns
    (documents exported, documents that failed)."""
    from . import cache, corpus
    from .export_many import write_many
    from .output import Progress

    failures = 0
    documents = [item for item in found if isinstance(item, corpus.DocumentPath)]
    progress = Progress(len(documents), "Exporting documents")

    def failed(label: str, problem: str) -> None:
        nonlocal failures
        failures += 1
        progress.message(f"karabakh: error: {one_line(label)}: {one_line(problem)}\n")  # above the bar

    for item in found:
        if isinstance(item, corpus.Unlisted):
            failed(item.label, item.message)
    try:
        exported = write_many(
            documents, path, fmt, only, force, jobs, use_cache=cache.enabled() and not invocation["no_cache"],
            failed=failed, done=progress.advance,
        )
    finally:
        progress.close()
    return exported, failures


# --- commands end ---
