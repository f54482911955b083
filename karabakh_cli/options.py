"""What every command shares: its common options (--doc, --json, the output options,
--jobs), one invocation's state, the reading of the document, the one output dispatch
(`emit`) and the one-line messages on stderr (`fail`, `note`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from .completion import complete_choice

COLORS = ("auto", "always", "never")


def note_doc_source(ctx: typer.Context, param: typer.CallbackParam, value) -> Optional[list[Path]]:
    """Remember whether the documents' paths came from KARABAKH_DOC, for error messages, and
    whether one is a folder (whose answers are never replayed: a file may join it)."""
    source = ctx.get_parameter_source(param.name or "doc")
    invocation["doc_from_env"] = source is not None and source.name == "ENVIRONMENT"
    invocation["folder_given"] = any(str(path) != "-" and path.is_dir() for path in value or ())
    return list(value) if value else None


def at_least(lowest: int):
    """A check that a number option is `lowest` or more (a usage error otherwise)."""

    def check(value: Optional[int]) -> Optional[int]:
        if value is not None and value < lowest:
            raise typer.BadParameter(f"must be {lowest} or more, not {value}")
        return value

    return check


DocOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--doc",
        envvar="KARABAKH_DOC",
        help="Article to read (Markdown with YAML frontmatter; a regular file, or - for standard "
        "input, piped or redirected, never cached), or a folder: every *.md beneath it. Repeat it "
        "for several; KARABAKH_DOC separates them with ':'. Default: the bundled article.",
        show_default=False,
        metavar="PATH",
        readable=False,  # reading it is load_facts' job, whose errors name the file as given
        callback=note_doc_source,
    ),
]


JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout instead of a table.")]


# What one invocation has learnt: options given before the command name (set by `root`), the
# facts of the document it read and the JSON answer it wrote (for the caches, see entry.py).
invocation: dict = {"no_cache": False}


NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colour, even on a terminal.")]


def fail(message: str, path: object = None, code: int = 2) -> NoReturn:
    """One line on stderr, `karabakh: error: <file>: <what is wrong>`, and exit."""
    capture = invocation.get("capture")
    if path is None and capture is not None:  # one of several documents: say which
        path = capture.label
    where = f"{one_line(str(path))}: " if path is not None else ""
    say(f"karabakh: error: {where}{one_line(message)}\n")
    raise typer.Exit(code)


def say(line: str) -> None:
    """A line for stderr; when the command runs on one of several documents, kept with its
    answer to be written in the documents' order."""
    capture = invocation.get("capture")
    if capture is not None:
        capture.stderr.append(line)
    else:
        sys.stderr.write(line)


class OptionsChecked(Exception):
    """The command's options passed its checks: it has reached the reading of its document."""


def load_facts(doc: Optional[Path]):
    if invocation.get("checking_options"):
        raise OptionsChecked()
    from . import cache
    from .extract.document import DocumentError
    from .factbase import FactBase, bundled_path

    path = doc if doc is not None else bundled_path()
    # "-" is standard input, read through its path (never cached: it is no regular file)
    read = Path("/dev/stdin") if str(path) == "-" else path
    try:
        facts = FactBase.load(read, use_cache=cache.enabled() and not invocation["no_cache"])
    except DocumentError as exc:
        fail(str(exc), f"{path} (from KARABAKH_DOC)" if invocation.get("doc_from_env") else path)
    invocation["facts"] = facts  # entry.py saves the facts it computed to the cache
    return facts


CsvOption = Annotated[bool, typer.Option("--csv", help="Write CSV: a header row, then one row per record.")]


TsvOption = Annotated[bool, typer.Option("--tsv", help="Write tab-separated values with a header row.")]


FieldsOption = Annotated[
    Optional[str],
    typer.Option("--fields", metavar="a,b,c", help="Only these JSON/CSV/TSV fields, in this order (alone: TSV)."),
]


ColorOption = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="auto|always|never",
        autocompletion=complete_choice(".options", "COLORS"),
        help="auto: on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it); always; never (no bold or dim).",
    ),
]


NoPagerOption = Annotated[bool, typer.Option("--no-pager", help="Never page (also KARABAKH_PAGER=cat or PAGER=cat).")]


JobsOption = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", metavar="N", callback=at_least(1), help="With several documents: read them in N processes. Default: one per CPU."),
]


RowsLimitOption = Annotated[
    Optional[int], typer.Option("--limit", metavar="N", callback=at_least(0), help="At most this many rows; 0 for all. Default on a terminal: 50.")
]


def output_options(rows: bool = False):
    """Give a command the shared output options (--csv, --tsv, --fields, --color, --no-pager,
    and with `rows` a --limit when it has none of its own). What they ask for is kept in
    `invocation["output"]` for `emit`; `--limit 0` reaches the command as no limit."""
    import functools
    import inspect

    def decorate(command):
        signature = inspect.signature(command, eval_str=True)
        has_limit = "limit" in signature.parameters
        added = {"output_context": typer.Context, "csv": CsvOption, "tsv": TsvOption, "fields": FieldsOption}
        added.update(color=ColorOption, no_pager=NoPagerOption, jobs=JobsOption)
        defaults = {"output_context": inspect.Parameter.empty, "csv": False, "tsv": False, "fields": None}
        defaults.update(color="auto", no_pager=False, jobs=None, limit=None)
        if rows and not has_limit:
            added["limit"] = RowsLimitOption

        @functools.wraps(command)
        def wrapper(**kwargs):
            options = {name: kwargs.pop(name) for name in added}
            jobs = options.pop("jobs")
            limit = kwargs["limit"] if has_limit else options.pop("limit", None)
            if has_limit and limit == 0:
                kwargs["limit"] = None
            invocation["output"] = OutputRequest(limit=limit, **options)
            paths = kwargs.get("doc")
            if paths and (len(paths) > 1 or invocation.get("folder_given")):
                documents = over_documents(command.__name__, kwargs, options, limit, jobs)
                paths = [documents[0].path]
            kwargs["doc"] = paths[0] if paths else None
            return command(**kwargs)

        parameters = list(signature.parameters.values()) + [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind, default=defaults[name])
            for name, kind in added.items()
        ]
        wrapper.__signature__ = signature.replace(parameters=parameters)
        wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
        return wrapper

    return decorate


def over_documents(command: str, arguments: dict, options: dict, limit, jobs: Optional[int]) -> list:
    """The documents the --doc paths name, when they are one (a folder holding one file);
    otherwise the command is run over each of them (see per_document.py) and exits here."""
    from . import corpus, per_document

    documents = corpus.expand(arguments["doc"])
    if len(documents) == 1 and isinstance(documents[0], corpus.DocumentPath):
        return documents
    if arguments.get("json") and invocation["output"].format:
        fail(f"--json and --{invocation['output'].format} cannot be combined")
    check_options(command, arguments)
    output = {name: value for name, value in options.items() if name != "output_context"}
    raise typer.Exit(per_document.answer_many(command, arguments, documents, {**output, "limit": limit}, jobs))


def check_options(command: str, arguments: dict) -> None:
    """Run the command up to the reading of its document, here: a wrong option is one line,
    said once and naming no document, before any document is read (and exit 2)."""
    invocation["checking_options"] = True
    try:
        from . import cli

        getattr(cli, command).__wrapped__(**{**arguments, "doc": None})
    except OptionsChecked:
        pass
    finally:
        invocation.pop("checking_options", None)


class OutputRequest:
    """What the command line asks of the output; `environment` is where it goes."""

    def __init__(self, output_context=None, csv=False, tsv=False, fields=None, color="auto", no_pager=False, limit=None):
        check_choice("--color", color, COLORS)
        if csv and tsv:
            fail("--csv and --tsv cannot be combined")
        self.context, self.limit, self.no_pager, self.color = output_context, limit, no_pager, color
        self.fields = [name.strip() for name in fields.split(",") if name.strip()] if fields else None
        self.format = "csv" if csv else "tsv" if tsv else None

    def rows_format(self, as_json: bool) -> Optional[str]:
        """csv or tsv when the records go out as rows (--fields alone means TSV), else None."""
        return self.format or ("tsv" if self.fields and not as_json else None)

    def environment(self, no_color: bool):
        from dataclasses import replace

        from .output import Environment

        color = "never" if no_color else self.color
        given = getattr(self.context, "obj", None)
        if isinstance(given, Environment):  # a test's, still told what the options ask
            return replace(given, color=given.color if color == "auto" else color == "always")
        return Environment.detect(color, self.no_pager)


def emit(value, as_json: bool, no_color: bool, view: str, **options) -> None:
    """Write `value` as JSON, CSV or TSV, or hand it to the renderer named `view` (a table on
    a terminal, plain tab-separated lines on a pipe)."""
    from . import output

    request = invocation.get("output") or OutputRequest()
    no_color = no_color or invocation.get("no_color", False)
    if as_json and request.format:
        fail(f"--json and --{request.format} cannot be combined")
    rows = request.rows_format(as_json)
    capture = invocation.get("capture")
    if (as_json or rows) and capture is None:  # a view for people cuts its own rows (render.py)
        value = output.first(value, request.limit)
    try:
        if capture is not None:  # one of several documents (per_document.py), which cuts to --limit
            capture.take(value, view, options, request.fields, request.limit)
        elif as_json:
            answer = output.write_json(sys.stdout, value, request.fields)
            invocation["stdout"] = invocation.get("stdout", "") + answer
        elif rows:
            import io

            buffer = io.StringIO()
            output.write_rows(buffer, value, request.fields, "," if rows == "csv" else "\t")
            sys.stdout.write(buffer.getvalue())
            invocation["stdout"] = invocation.get("stdout", "") + buffer.getvalue()
        else:
            from . import render

            rendered = render.show(request.environment(no_color), view, value, limit=request.limit, **options)
            invocation["view"] = invocation.get("view", "") + rendered  # replayed through the pager
    except output.FieldError as exc:
        if capture is not None:  # the same for every document: said once, by the caller
            capture.usage_error = str(exc)
            raise typer.Exit(2) from None
        fail(str(exc))


def did_you_mean(wanted: str, names) -> str:
    """"; did you mean 'a' or 'b'?" naming the few of `names` closest to `wanted` (ignoring
    case and accents), or "" when none is close."""
    import difflib

    from .extract.textnorm import fold

    folded = {fold(name): name for name in names}
    close = difflib.get_close_matches(fold(wanted), list(folded), n=3, cutoff=0.75)
    return f"; did you mean {' or '.join(repr(folded[name]) for name in close)}?" if close else ""


def one_line(message: str) -> str:
    """Text for a message on stderr: no control characters, and no line break even when a
    path or a field name from the document holds one."""
    from .render import plain

    return plain(message).replace("\n", " ")


def note(message: str) -> None:
    """A remark for the reader on stderr that does not change the exit code."""
    capture = invocation.get("capture")
    if capture is not None and not message.startswith(capture.label):
        message = f"{capture.label}: {message}"
    line = f"karabakh: {one_line(message)}\n"
    invocation["stderr"] = invocation.get("stderr", "") + line
    say(line)


def check_choice(option: str, value: Optional[str], choices: tuple) -> None:
    if value is not None and value not in choices:
        fail(f"{option} must be one of {', '.join(choices)}, not {value!r}")


def nothing(message: str, as_json: bool) -> NoReturn:
    """A query that found nothing: an empty answer and exit 1, as grep does."""
    if as_json:
        emit([], True, False, "")
    else:
        note(message)
    raise typer.Exit(1)
