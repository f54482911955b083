"""The export of several documents: one database (or JSON, JSON Lines, CSV set) for all.

Workers compute each document's records (`export.document_records`, through the fact cache);
this process writes them as they arrive, in the documents' order, and keeps none: tables are
created from the declared columns before the first row, and the full-text index is built
once at the end. Keys are composite: every table starts with `document_id` (REFERENCES
documents(id)), and a row's `id` counts within its document exactly as in a single export,
so the key of a row is (document_id, id) and a reference to a side or sentence is
(document_id, side) or (document_id, sentence).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import operator
import sqlite3
import sys
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Optional

from . import export as single
from .corpus import DocumentPath, map_in_order

# Columns that hold figures of any size: declared without a type, so that a figure beyond
# SQLite's 64 bits keeps its digits as TEXT (a column's type cannot be chosen after its rows
# when they are written as they come).
FIGURES = {"strength": ("value",), "claims": ("value", "upper")}
COMMIT_EVERY = 50  # documents per transaction


class Outcome(NamedTuple):
    label: str
    prepared: object  # what the writer needs of the document (see `prepare`); None when it failed
    problem: Optional[str]


class Work(NamedTuple):
    document: DocumentPath
    document_id: int
    use_cache: bool
    fmt: str
    tables: tuple[str, ...]


def outcome(work: Work) -> Outcome:
    """In a worker: one document's records, made ready to write, or the one-line problem that
    kept it from being read."""
    from .extract.document import DocumentError
    from .factbase import ExtractionError

    document = work.document
    path = Path("/dev/stdin") if str(document.path) == "-" else document.path  # as for one document
    try:
        records = single.document_records(path, document.label, work.use_cache)
    except (DocumentError, ExtractionError) as exc:
        return Outcome(document.label, None, str(exc))
    return Outcome(document.label, prepare(records, work), None)


def prepare(records: dict, work: Work):
    """The document's part of the output, made in the worker so that the writing process only
    writes: SQLite, each table's rows as tuples of cell values; CSV, each table's rows as CSV
    text; JSON Lines, its lines; JSON, its item(s) of the list."""
    if work.fmt == "sqlite":
        return {table: _sqlite_rows(work.document_id, table, records[table]) for table in work.tables}
    keyed_tables = {table: keyed(work.document_id, table, records) for table in work.tables}
    if work.fmt == "csv":
        return {table: _csv_text(table, rows) for table, rows in keyed_tables.items()}
    if work.fmt == "jsonl":
        return "".join(
            json.dumps({"type": table, "record": row}, ensure_ascii=False) + "\n"
            for table, rows in keyed_tables.items()
            for row in rows
        )
    items = keyed_tables[work.tables[0]] if len(work.tables) == 1 else [keyed_tables]
    return [json.dumps(item, ensure_ascii=False) for item in items]


def _sqlite_rows(document_id: int, table: str, rows: list[dict]) -> list[tuple]:
    """The rows as SQLite cells, the document's number first: only the columns that may hold
    a list, an object or an integer need `_sqlite_value`, the rest are stored as they are."""
    take, convert = _row_shape(table)
    made = []
    for row in rows:
        cells = [document_id, *take(row)]
        for position in convert:
            value = cells[position]
            if value is not None and not (type(value) is int and -(2**63) <= value < 2**63):
                cells[position] = single._sqlite_value(value)
        made.append(tuple(cells))
    return made


@functools.lru_cache(maxsize=None)
def _row_shape(table: str):
    """How a record row becomes its table's cells: its fields in column order (every row has
    every field of its table), and the positions that may need converting."""
    fields = columns(table)[1:]  # after the document's number (`id` of documents, else `document_id`)
    kinds = single.DOCUMENTS_COLUMNS if table == "documents" else single._field_types()[table]
    take = operator.itemgetter(*fields) if len(fields) > 1 else (lambda row: (row[fields[0]],))
    plain = (str, float, bool)
    convert = tuple(
        position for position, field in enumerate(fields, 1)
        if not any(_is(kinds[field], kind) for kind in plain)
    )
    return take, convert


def _is(declared, kind) -> bool:
    """Whether a field declared `declared` (perhaps `X | None`) only ever holds `kind`."""
    from types import NoneType, UnionType

    if isinstance(declared, UnionType):
        declared = [k for k in declared.__args__ if k is not NoneType]
        return len(declared) == 1 and declared[0] is kind
    return declared is kind


def write_many(
    documents: list[DocumentPath], path: str, fmt: str, only: Optional[str], force: bool, jobs: int,
    use_cache: bool, failed: Callable[[str, str], None], done: Optional[Callable[[], None]] = None,
) -> int:
    """Export every document to PATH; `failed(label, problem)` is told of each one that
    cannot be read (the others are exported). A document's id is its place in `documents`.
    Returns how many were exported."""
    if only is not None and only not in ("documents", *single.TABLES):
        raise single.ExportError(f"no record type {only!r}; types: documents, {', '.join(single.TABLES)}")
    tables = (only,) if only else ("documents", *single.TABLES)
    written = 0

    def prepared() -> Iterator:
        nonlocal written
        work = [Work(document, number, use_cache, fmt, tables) for number, document in enumerate(documents)]
        for result in map_in_order(outcome, work, jobs, done):
            if result.prepared is None:
                failed(result.label, result.problem)
                continue
            written += 1
            yield result.prepared

    if path == "-":
        if fmt == "csv" and only is None:
            raise single.ExportError("a csv export of every record type is a folder: give a path, or add --only TYPE")
        if fmt not in ("json", "jsonl", "csv"):
            raise single.ExportError(f"{fmt} cannot be written to stdout; give a path")
        _write_text(sys.stdout, fmt, tables, prepared())
        return written
    target = Path(path)
    folder = fmt == "csv" and only is None
    if folder and target.suffix.lower() == ".csv":
        raise single.ExportError("a csv export of every record type is a folder: name a folder, or add --only TYPE")

    def check() -> None:
        single.check_target(target, folder, force, [d.path for d in documents])

    check()
    if folder:
        single._write_csv_folder(lambda into: _write_csv_files(into, tables, prepared()), target, check)
    elif fmt == "sqlite":
        single._atomically(target, lambda temporary: _write_sqlite(temporary, tables, prepared()), check)
    else:
        def make(temporary: Path) -> None:
            with open(temporary, "w", encoding="utf-8", newline="") as out:
                _write_text(out, fmt, tables, prepared())

        single._atomically(target, make, check)
    return written


def keyed(document_id: int, table: str, records: dict) -> list[dict]:
    """A table's rows of one document as the export writes them: the documents row gains its
    id, every other row a `document_id` before its own fields."""
    if table == "documents":
        return [{"id": document_id, **row} for row in records["documents"]]
    return [{"document_id": document_id, **row} for row in records[table]]


@functools.lru_cache(maxsize=None)
def columns(table: str) -> tuple[str, ...]:
    if table == "documents":
        return tuple(single.DOCUMENTS_COLUMNS)
    return ("document_id", *single.record_columns()[table])


# --- text formats ------------------------------------------------------------------------


def _write_text(out, fmt: str, tables: tuple[str, ...], prepared: Iterator) -> None:
    """JSON: a list with one object per document, `{table: rows}` (with --only, the list of
    that table's rows). JSON Lines: `{"type": TABLE, "record": {...}}` per row, document after
    document. CSV (--only): a header, then the rows."""
    if fmt == "csv":
        out.write(_csv_text(tables[0], [], header=True))
    elif fmt == "json":
        out.write("[")
    first = True
    for part in prepared:
        if fmt == "jsonl":
            out.write(part)
        elif fmt == "csv":
            out.write(part[tables[0]])
        else:
            for item in part:
                out.write(("\n  " if first else ",\n  ") + item)
                first = False
    if fmt == "json":
        out.write("]\n" if first else "\n]\n")


def _csv_text(table: str, rows: list[dict], header: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = columns(table)
    if header:
        writer.writerow(names)
    for row in rows:
        writer.writerow([single.csv_cell(row.get(c)) for c in names])
    return out.getvalue()


def _write_csv_files(folder: Path, tables: tuple[str, ...], prepared: Iterator) -> None:
    handles = {table: open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") for table in tables}
    try:
        for table, handle in handles.items():
            handle.write(_csv_text(table, [], header=True))
        for part in prepared:
            for table, handle in handles.items():
                handle.write(part[table])
    finally:
        for handle in handles.values():
            handle.close()


# --- SQLite ------------------------------------------------------------------------------

VIEWS = (
    # As in a single export, per document.
    """CREATE VIEW casualty_claims AS
    SELECT claims.document_id, claims.id AS claim, claimant, claimant_side, subject, side, victim_group,
           category, value, upper, qualifier, as_of, source,
           coalesce(claims.section, sentences.section) AS section, sentence,
           coalesce(sentences.text, claims.text) AS text
    FROM claims LEFT JOIN sentences
         ON sentences.document_id = claims.document_id AND sentences.id = claims.sentence
    WHERE item IS NULL""",
    """CREATE VIEW events_per_day AS
    WITH RECURSIVE wars(document_id, first, last) AS (
        SELECT document_id, start_date, coalesce(end_date, CASE WHEN ongoing THEN as_of END) FROM document
    ), days(document_id, day_of_war, date, last) AS (
        SELECT document_id, 1, first, last FROM wars WHERE first IS NOT NULL AND last IS NOT NULL
        UNION ALL
        SELECT document_id, day_of_war + 1, date(date, '+1 day'), last FROM days WHERE date < last
    )
    SELECT days.document_id, days.day_of_war, days.date, count(events.id) AS events
    FROM days LEFT JOIN events
         ON events.document_id = days.document_id AND events.date = days.date AND events.precision = 'day'
    GROUP BY days.document_id, days.day_of_war ORDER BY days.document_id, days.day_of_war""",
)


def sql_columns(table: str) -> dict[str, str]:
    """The table's SQLite columns and declared types, with the document key first."""
    if table == "documents":
        names = single.SQL_NAMES["document"]
        return {names.get(c, c): single._sql_type(kind) for c, kind in single.DOCUMENTS_COLUMNS.items()}
    declared = single.sql_columns()[table]
    untyped = {single.SQL_NAMES.get(table, {}).get(c, c) for c in FIGURES.get(table, ())}
    return {"document_id": "INTEGER", **{c: ("" if c in untyped else kind) for c, kind in declared.items()}}


def _write_sqlite(path: Path, tables: tuple[str, ...], prepared: Iterator) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a temporary file, renamed only when complete
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN")
        every = len(tables) > 1
        indexes = [index for table in tables for index in _create_table(connection, table, with_references=every)]
        inserts = {table: _insert_statement(table) for table in tables}
        for count, part in enumerate(prepared, 1):
            for table in tables:
                connection.executemany(inserts[table], part[table])
            if count % COMMIT_EVERY == 0:
                connection.execute("COMMIT")
                connection.execute("BEGIN")
        for index in indexes:  # after the rows: one sort each instead of a B-tree update per row
            connection.execute(index)
        if "sentences" in tables:
            _index_sentences(connection)
        if every:
            for view in VIEWS:
                connection.execute(view)
        connection.execute("COMMIT")
    except sqlite3.Error as exc:
        raise single.ExportError(f"cannot write the SQLite file: {exc}") from None
    finally:
        connection.close()


def _insert_statement(table: str) -> str:
    placeholders = ", ".join("?" for _ in columns(table))
    return f'INSERT INTO "{table}" VALUES ({placeholders})'


def _create_table(connection, table: str, with_references: bool) -> list[str]:
    """The documents table keyed by id; every other table keyed by (document_id, id), its
    references composite. Returns the statements that make its indexes: on the document key
    where the primary key does not start with it, on each reference, on the filtered columns."""
    types = sql_columns(table)
    if table == "documents":
        key, references = ("id",), {}
    else:
        own_key, references = single.KEYS[table]
        key = ("document_id", own_key) if own_key else ()
    definitions = [f'"{name}" {kind}'.rstrip() + (" NOT NULL" if name == "document_id" else "") for name, kind in types.items()]
    if key:
        definitions.append(f"PRIMARY KEY ({', '.join(key)})")
    if with_references and table != "documents":
        definitions.append('FOREIGN KEY ("document_id") REFERENCES "documents" (id)')
        definitions += [
            f'FOREIGN KEY ("document_id", "{c}") REFERENCES "{t}" (document_id, id)' for c, t in references.items()
        ]
    connection.execute(f'CREATE TABLE "{table}" ({", ".join(definitions)})')
    indexes = []
    if table != "documents" and not key:
        indexes.append(f'CREATE INDEX "{table}_document_id" ON "{table}" ("document_id")')
    for name in types:
        if name in references:
            indexes.append(f'CREATE INDEX "{table}_{name}" ON "{table}" ("document_id", "{name}")')
        elif name in single.FILTERED and name not in key:
            indexes.append(f'CREATE INDEX "{table}_{name}" ON "{table}" ("{name}")')
    return indexes


def _index_sentences(connection) -> None:
    """Full-text search over every document's sentences (where this SQLite has FTS5), keyed
    by the sentences' rowid: `JOIN sentences ON sentences.rowid = sentences_fts.rowid`."""
    try:
        connection.execute('CREATE VIRTUAL TABLE "sentences_fts" USING fts5(text, section, content="sentences")')
    except sqlite3.OperationalError:
        return
    connection.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
