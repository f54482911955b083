"""A command over several documents: the command runs once per document, in worker processes
(`--jobs`), each through the fact cache, and the answers are put together in the documents'
order.

- JSON, CSV and TSV: one list of records, each with `document` (the path as given, see
  corpus.py) appended; JSON is written as each document's answer arrives.
- Tables: grouped by document under the war's title, in one view (and one pager).
- Views whose per-document values are rows of one table (`merged_views`: the wars of
  `summary`, the ranking of `casualties --compare`): every document's rows in one table, or one list of
  records, put in the view's order (when it has one) once all documents have answered.
- A document that cannot be read, or that a filter cannot apply to (no such field, side,
  section), is one line on stderr naming it; the others complete; the exit code is then 2.
  Otherwise 0 when some document answered, and 1 (grep's "nothing found") when none did.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from . import corpus


def merged_views() -> dict:
    """View name -> the sort key of its rows across documents (None: the documents' order)."""
    from .extract.wars import ranking

    return {"wars": None, "claim_gaps": ranking}


@dataclass
class Answered:
    """What one document's run said: records for JSON (as text) or rows, views for tables,
    lines for stderr, and its exit code."""

    label: str
    as_json: bool = False
    rows: bool = False
    title: str | None = None
    json_items: list[str] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    views: list[tuple] = field(default_factory=list)
    merged: list[tuple] = field(default_factory=list)  # (view, rows, options) of merged_views
    stderr: list[str] = field(default_factory=list)
    code: int = 0
    usage_error: str | None = None  # a wrong option the records showed (--fields): no document's fault

    def take(self, value, view: str, options: dict, fields, limit: int | None = None) -> None:
        """A command's answer for this document, in the form the output will take; records cut
        to `limit` (a view for people cuts its own rows; a merged view's rows are cut once all
        documents' are together)."""
        from .output import as_records, check_fields, choose, first
        from .records import list_item

        if view in merged_views():
            self.merged.append((view, value if isinstance(value, list) else [value], options))
            return
        if not (self.as_json or self.rows):
            self.views.append((view, value, options))
            return
        records = [{**record, "document": self.label} for record in as_records(first(value, limit))]
        check_fields(records, fields)
        if self.rows:
            self.records.extend(records)
            return
        self.json_items.extend(list_item(choose(record, fields)) for record in records)


@dataclass(frozen=True)
class Task:
    """One document's run, as a worker process receives it (everything picklable)."""

    command: str
    arguments: dict
    output: dict
    flags: dict
    document: corpus.DocumentPath
    as_json: bool
    rows: bool


def run_document(task: Task) -> Answered:
    """Run the command on one document with its output captured (in a worker process, or in
    this one with `invocation` restored afterwards by the caller)."""
    import typer

    from . import cli, options
    from .factbase import ExtractionError

    answered = Answered(task.document.label, task.as_json, task.rows)
    options.invocation.clear()
    options.invocation.update(task.flags, capture=answered, output=options.OutputRequest(**task.output))
    command = getattr(cli, task.command).__wrapped__
    try:
        command(**{**task.arguments, "doc": task.document.path})
    except typer.Exit as done:
        answered.code = done.exit_code
    except ExtractionError as error:
        answered.stderr.append(f"karabakh: error: {options.one_line(error.path)}: {options.one_line(str(error))}\n")
        answered.code = 2
    except Exception as error:  # noqa: BLE001 - one document's bug must not end the others
        answered.stderr.append(
            f"karabakh: error: {options.one_line(task.document.label)}: internal error: {type(error).__name__}: {options.one_line(str(error))}\n"
        )
        answered.code = 2
    facts = options.invocation.get("facts")
    if facts is not None:
        if answered.views:
            answered.title = _title(facts)
        facts.save()
    return answered


def _title(facts) -> str | None:
    try:
        return facts.document.title or None
    except Exception:  # noqa: BLE001 - a heading is not worth a failure
        return None


def answer_many(command: str, arguments: dict, documents: list, output: dict, jobs: int | None) -> int:
    """Run `command` over `documents` (from corpus.expand); its exit code."""
    from . import options
    from .output import Progress

    request = options.invocation["output"]
    as_json = bool(arguments.get("json"))
    rows = request.rows_format(as_json) is not None
    flags = {name: options.invocation.get(name) for name in ("no_cache", "no_color", "doc_from_env")}
    readable = [d for d in documents if isinstance(d, corpus.DocumentPath)]
    tasks = [Task(command, arguments, output, flags, d, as_json, rows) for d in readable]
    saved = dict(options.invocation)
    progress = Progress(len(tasks), "Reading documents")
    writer = _Writer(request, as_json)
    codes, first_miss, usage_error = [], None, None
    try:
        for unlisted in (d for d in documents if isinstance(d, corpus.Unlisted)):
            progress.message(f"karabakh: error: {options.one_line(unlisted.label)}: {unlisted.message}\n")
            codes.append(2)
        for answered in corpus.map_in_order(run_document, tasks, jobs or corpus.default_jobs(), progress.advance):
            if answered.usage_error:
                usage_error = usage_error or answered.usage_error
                continue
            codes.append(answered.code)
            if answered.code != 1:  # a document where nothing matched is silent, as in grep
                for line in answered.stderr:
                    progress.message(line)
            elif first_miss is None:
                first_miss = answered.stderr
            writer.add(answered)
    finally:
        progress.close()
        options.invocation.clear()
        options.invocation.update(saved)
    if usage_error:
        sys.stderr.write(f"karabakh: error: {options.one_line(usage_error)}\n")
        return 2
    if (0 in codes or 1 in codes) and writer.finish(arguments.get("no_color", False)):
        return 2  # some document was read (its answer, even if empty) but cannot be written
    if codes and all(code == 1 for code in codes):  # what the first said, and that all did
        sys.stderr.write("".join(first_miss or ()) + f"karabakh: nothing found in any of the {len(codes)} documents\n")
    return 2 if 2 in codes else 0 if 0 in codes else 1


class _Writer:
    """Puts the documents' answers together: JSON as it arrives, rows and views at the end."""

    def __init__(self, request, as_json: bool):
        self.request, self.as_json = request, as_json
        self.rows = request.rows_format(as_json)
        self.opened = False
        self.records: list[dict] = []
        self.groups: list[Answered] = []
        self.merged: dict[str, list] = {}  # view -> (document, row, options)

    def add(self, answered: Answered) -> None:
        for view, rows, options in answered.merged:
            self.merged.setdefault(view, []).extend((answered.label, row, options) for row in rows)
        if self.as_json:
            for item in answered.json_items:
                sys.stdout.write((",\n  " if self.opened else "[\n  ") + item)
                self.opened = True
        elif self.rows:
            self.records.extend(answered.records)
        elif answered.views:
            self.groups.append(answered)

    def finish(self, no_color: bool) -> int:
        """Write what was kept for the end; 2 when --fields names no field of the records."""
        from . import output

        if self.merged:  # a command's views are all merged or none are
            try:
                for view, rows in self.merged.items():
                    self._merged(view, rows, no_color)
            except output.FieldError as error:
                from .options import one_line

                sys.stderr.write(f"karabakh: error: {one_line(str(error))}\n")
                return 2
            return 0
        if self.as_json:
            sys.stdout.write("\n]\n" if self.opened else "[]\n")
        elif self.rows:
            delimiter = "," if self.rows == "csv" else "\t"
            output.write_rows(sys.stdout, self.records, self.request.fields, delimiter)
        elif self.groups:
            from . import render

            groups = [(g.title, g.label, g.views) for g in self.groups]
            render.show_groups(self.request.environment(no_color), groups, limit=self.request.limit)
        return 0

    def _merged(self, view: str, rows: list, no_color: bool) -> None:
        """One view's rows of every document as one table or list of records, in its order."""
        from . import output
        from .records import to_data

        order = merged_views()[view]
        if order is not None:
            rows = sorted(rows, key=lambda row: order(row[1]))
        rows = rows[: self.request.limit] if self.request.limit else rows
        if self.as_json or self.rows:
            records = [{**to_data(row), "document": document} for document, row, _ in rows]
            output.check_fields(records, self.request.fields)
            if self.as_json:
                output.write_json(sys.stdout, records, self.request.fields)
            else:
                output.write_rows(sys.stdout, records, self.request.fields, "," if self.rows == "csv" else "\t")
            return
        from . import render

        options = rows[0][2] if rows else {}
        values = [row for _, row, _ in rows]
        documents = [document for document, _, _ in rows]
        render.show(self.request.environment(no_color), view, values, limit=self.request.limit, documents=documents, **options)
