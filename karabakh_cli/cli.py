"""The command line: parse options, ask the FactBase, hand the answer to render or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from . import __version__

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

\b
Every command takes --doc PATH (or KARABAKH_DOC) and --json.
Run `karabakh COMMAND --help` for a command's options.
"""

app = typer.Typer(
    name="karabakh",
    help=OVERVIEW,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DocOption = Annotated[
    Optional[Path],
    typer.Option(
        "--doc",
        envvar="KARABAKH_DOC",
        help="Article to read (Markdown with YAML frontmatter). Default: the bundled article.",
        show_default=False,
        metavar="PATH",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout instead of a table.")]
# What one invocation has learnt: options given before the command name (set by `root`), the
# document it read and the JSON answer it wrote (for the answer cache, see entry.py).
invocation: dict = {"no_cache": False}

NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colour, even on a terminal.")]


def fail(message: str, path: object = None, code: int = 2) -> NoReturn:
    """One line on stderr, `karabakh: error: <file>: <what is wrong>`, and exit."""
    from .render import plain

    where = f"{plain(str(path))}: " if path is not None else ""
    sys.stderr.write(f"karabakh: error: {where}{plain(message)}\n")
    raise typer.Exit(code)


def load_facts(doc: Optional[Path]):
    from .extract.document import DocumentError
    from .factbase import FactBase, bundled_path

    from . import cache

    path = doc if doc is not None else bundled_path()
    try:
        facts = FactBase.load(path, use_cache=cache.enabled() and not invocation["no_cache"])
    except DocumentError as exc:
        fail(str(exc), path)
    if facts.digest:
        invocation["doc"] = (str(Path(path).resolve()), facts.digest)
    return facts


def emit(value, as_json: bool, no_color: bool, view: str, **options) -> None:
    """Write `value` as JSON, or hand it to the renderer named `view`."""
    if as_json:
        from .records import to_json

        answer = to_json(value)
        invocation["stdout"] = invocation.get("stdout", "") + answer
        sys.stdout.write(answer)
        return
    from . import render

    getattr(render, view)(render.console(no_color), value, **options)


def note(message: str) -> None:
    """A remark for the reader on stderr that does not change the exit code."""
    from .render import plain

    line = f"karabakh: {plain(message)}\n"
    invocation["stderr"] = invocation.get("stderr", "") + line
    sys.stderr.write(line)


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
        typer.Option("--no-cache", help="Extract afresh; do not read or write the fact cache."),
    ] = False,
) -> None:
    invocation.clear()
    invocation["no_cache"] = no_cache
    if ctx.invoked_subcommand is None:
        sys.stdout.write(OVERVIEW.replace("\b\n", "") + "\nCommands:\n")
        for command in ctx.command.commands.values():  # type: ignore[attr-defined]
            summary_line = (command.help or "").strip().splitlines()[0] if command.help else ""
            sys.stdout.write(f"  {command.name:<12} {summary_line}\n")


@app.command()
def summary(doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False) -> None:
    """Show the war at a glance: dates, place, result, sides, size of the article.

    Example: karabakh summary --json | jq .duration_days
    """
    emit(load_facts(doc).summary, json, no_color, "summary")


@app.command()
def infobox(
    field: Annotated[Optional[str], typer.Argument(help="One field, e.g. result or casualties1.")] = None,
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
    if field not in box.fields:
        fail(f"no infobox field {field!r}; fields: {', '.join(box.fields)}", facts.path)
    emit(box.fields[field], json, no_color, "infobox_field")


@app.command()
def sections(doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False) -> None:
    """Show the article's outline with word and sentence counts.

    Example: karabakh sections --json | jq '.[] | select(.level == 2) | .title'
    """
    emit(load_facts(doc).outline, json, no_color, "sections")


@app.command()
def names(doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False) -> None:
    """List the names the war is known by, with native spellings and who uses them.

    Example: karabakh names
    """
    emit(load_facts(doc).names, json, no_color, "names")


SideOption = Annotated[Optional[int], typer.Option("--side", help="Only this combatant column (1, 2, ...).", min=1)]


@app.command()
def sides(
    side: SideOption = None, doc: DocOption = None, json: JsonOption = False, no_color: NoColorOption = False
) -> None:
    """Show each side: parties and their roles, commanders by country, units, strength.

    Example: karabakh sides --side 2
    """
    facts = load_facts(doc)
    chosen = [s for s in facts.sides if side is None or s.side == side]
    if not facts.sides:
        note(f"{facts.path}: the infobox lists no sides")
    elif not chosen:
        fail(f"there is no side {side}; sides: {', '.join(str(s.side) for s in facts.sides)}", facts.path)
    emit(chosen, json, no_color, "sides")


# --- commands end ---
