"""The whole fact base in one file or folder: JSON, JSON Lines, CSV or SQLite.

Every format is made from the same records as the commands' --json (records.to_data), so a
field has one name everywhere. A JSON Lines line is `{"type": TABLE, "record": {...}}`: the
record keeps its own fields untouched (an entity has a `type` of its own). JSON nests them as the commands do; the flat formats (JSON
Lines, CSV, SQLite) give each record type a table whose columns are the record's fields, plus
an `id` where other tables point at it; nested values (lists, objects) are JSON text there.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Sequence

from .records import to_data

FORMATS = ("json", "jsonl", "csv", "sqlite")
EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
              ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}
# Table -> (its key column, {column: referenced table}), columns named as in SQLite.
KEYS = {
    "document": ("id", {}),
    "sections": ("id", {}),
    "sentences": ("id", {}),
    "infobox_fields": ("id", {}),
    "sides": ("id", {}),
    "parties": ("id", {"side": "sides"}),
    "commanders": ("id", {"side": "sides"}),
    "units": ("id", {"side": "sides"}),
    "strength": ("id", {"side": "sides"}),
    "equipment": ("id", {"side": "sides"}),
    "claims": ("id", {"claimant_side": "sides", "side": "sides", "sentence": "sentences", "claimant_entity_id": "entities"}),
    "events": ("id", {"sentence": "sentences"}),
    "entities": ("id", {"side": "sides"}),
    "mentions": (None, {"entity": "entities", "sentence": "sentences"}),
}
TABLES = tuple(KEYS)
# A CSV folder carries this file: --force replaces a folder only when the export made it.
MARKER = ".karabakh-export"
MARKER_TEXT = "Written by `karabakh export`; `karabakh export --force` may replace this folder.\n"
EXPORT_FILES = (MARKER, "documents.csv", *(f"{table}.csv" for table in TABLES))
STALE_SECONDS = 60


class ExportError(Exception):
    """The export cannot be written; the message says why in one line."""


def format_for(path: str, requested: str | None) -> str:
    if requested:
        return requested
    if path == "-":
        return "json"
    found = EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise ExportError(
            f"cannot tell the format from {Path(path).suffix or 'a name without extension'!r}; "
            f"give --format ({', '.join(FORMATS)})"
        )
    return found


def document_object(facts) -> dict:
    """The JSON export: every record type, nested as the commands print them."""
    return {
        "document": to_data(facts.summary),
        "sections": to_data(facts.outline),
        "sentences": to_data(facts.sentences),
        "infobox": to_data(facts.infobox.fields if facts.infobox else {}),
        "sides": to_data(facts.sides),
        "claims": to_data(facts.all_claims),
        "events": to_data(facts.timeline.events),
        "entities": to_data(facts.entities),
    }


def tables(facts) -> dict[str, list[dict]]:
    """Flat rows per table, in a stable order, ids counting from 0 in document order."""
    def numbered(records) -> list[dict]:
        return [{"id": index, **to_data(record)} for index, record in enumerate(records)]

    entity_ids = {entity.name: index for index, entity in enumerate(facts.entities)}
    sentences = [{"id": s.index, **_sentence_columns(to_data(s))} for s in facts.sentences]
    return {
        "document": [{"id": 0, **to_data(facts.summary)}],
        "sections": numbered(facts.outline),
        "sentences": sentences,
        "infobox_fields": numbered(facts.infobox.fields.values() if facts.infobox else ()),
        "sides": _side_rows(facts),
        "parties": numbered([{"side": s.side, **to_data(p)} for s in facts.sides for p in s.parties]),
        "commanders": numbered([{"side": s.side, **to_data(c)} for s in facts.sides for c in s.commanders]),
        "units": numbered([{"side": s.side, **to_data(u)} for s in facts.sides for u in s.units]),
        "strength": numbered([{"side": s.side, **to_data(f)} for s in facts.sides for f in s.strength]),
        "equipment": numbered([{"side": s.side, "text": text} for s in facts.sides for text in s.equipment]),
        "claims": [{**row, "claimant_entity_id": entity_ids.get(row["claimant_entity"])} for row in numbered(facts.all_claims)],
        "events": numbered(facts.timeline.events),
        "entities": numbered(facts.entities),
        "mentions": [
            {"entity": entity_ids[name], "sentence": index}
            for index, names in enumerate(facts.entity_index.sentence_names)
            for name in names
            if name in entity_ids
        ],
    }


# A sentence's `start` and `end` are character offsets, where elsewhere they are dates: the
# flat formats name them apart, so that every column means one thing.
SENTENCE_OFFSETS = {"start": "char_start", "end": "char_end"}


def _sentence_columns(fields: dict) -> dict:
    """A sentence's fields as the flat formats name them, without its index (the row's id)."""
    return {SENTENCE_OFFSETS.get(name, name): value for name, value in fields.items() if name != "index"}


def _side_rows(facts) -> list[dict]:
    """Every side a record names: the infobox's columns with their fighting parties, and a
    side known only from its casualties column with none."""
    parties = {side.side: list(side.parties) for side in facts.summary.sides}
    named = {claim.side for claim in facts.all_claims} | {claim.claimant_side for claim in facts.all_claims}
    named |= {entity.side for entity in facts.entities}
    numbers = sorted(set(parties) | (named - {None}))
    return [{"id": number, "parties": parties.get(number, [])} for number in numbers]


def write(facts, path: str, fmt: str, only: str | None = None, force: bool = False,
          document: str | None = None) -> None:
    """Write the export to PATH (or stdout for `-`). The output is made in full before a
    temporary appears beside the target, and the target is checked again just before the
    temporary is renamed over it (see `check_target`)."""
    if only is not None and only not in TABLES:
        raise ExportError(f"no record type {only!r}; types: {', '.join(TABLES)}")
    if path == "-":
        if fmt == "csv" and only is None:
            raise ExportError("a csv export of every record type is a folder: give a path, or add --only TYPE")
        if fmt not in ("json", "jsonl", "csv"):
            raise ExportError(f"{fmt} cannot be written to stdout; give a path")
        import sys

        sys.stdout.write(_text(facts, fmt, only))
        return
    target = Path(path)
    folder = fmt == "csv" and only is None
    if folder and target.suffix.lower() == ".csv":
        raise ExportError("a csv export of every record type is a folder: name a folder, or add --only TYPE")

    def check() -> None:
        check_target(target, folder, force, [document] if document is not None else [])

    check()
    if folder:
        files = {f"{t}.csv": _csv_text(rows, t) for t, rows in tables(facts).items()}
        _write_csv_folder(lambda into: _write_files(into, files), target, check)
    elif fmt == "sqlite":
        database = _sqlite_database(tables(facts), only)
        try:
            _atomically(target, lambda temporary: _save_sqlite(database, temporary), check)
        finally:
            database.close()
    else:
        content = _text(facts, fmt, only).encode("utf-8")
        _atomically(target, lambda temporary: temporary.write_bytes(content), check)


def check_target(target: Path, folder: bool, force: bool, documents: Sequence[str | Path]) -> None:
    """Refuse any target but a new name, a regular file (with --force) or, for a CSV folder,
    an empty folder or one an earlier export made (with --force). Never a document being
    read, a folder holding one or the working folder, a link, a device, a pipe or a socket."""
    if not target.parent.is_dir():
        raise ExportError(f"{target.parent} is not a directory")
    try:
        status = target.lstat()
    except FileNotFoundError:
        return
    if any(_same_file(target, Path(document)) for document in documents):
        raise ExportError("is the document being read; name another file")
    if stat.S_ISLNK(status.st_mode):
        raise ExportError("is a symbolic link; name a new file, or remove the link")
    if stat.S_ISDIR(status.st_mode):
        _check_folder(target, folder, documents)
    elif not stat.S_ISREG(status.st_mode):
        raise ExportError(f"is a {_kind(status.st_mode)}, not a regular file; name a new file")
    elif folder:
        raise ExportError(
            "is a file, and a csv export of every record type is a folder: name a new folder, or add --only TYPE"
        )
    if not force:
        raise ExportError("already exists; add --force to replace it")


def _check_folder(target: Path, folder: bool, documents: Sequence[str | Path]) -> None:
    resolved = target.resolve()
    if resolved == Path.cwd().resolve() or resolved in Path.cwd().resolve().parents:
        raise ExportError("is the working folder or holds it; name a new folder")
    if any(resolved in Path(document).resolve().parents for document in documents):
        raise ExportError("holds the document being read; name a new folder")
    if not folder:
        raise ExportError("is a folder; name a file")
    if not _made_by_export(target):
        raise ExportError("is a folder this export did not make and it is not empty; name a new folder")


def _same_file(one: Path, other: Path) -> bool:
    """Whether both names lead (through links) to the same file: device and inode."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _text(facts, fmt: str, only: str | None) -> str:
    if fmt == "json":
        value = tables(facts)[only] if only else document_object(facts)
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        rows = tables(facts)
        lines = [
            json.dumps({"type": name, "record": row}, ensure_ascii=False)
            for name in ([only] if only else TABLES)
            for row in rows[name]
        ]
        return "\n".join(lines) + "\n"
    if fmt == "csv":
        return _csv_text(tables(facts)[only], only)
    raise ExportError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")


def _flat(value):
    """A cell: nested lists and objects as JSON text, None as empty."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_cell(value):
    """A CSV cell: as `_flat`, booleans as JSON's true and false (as the commands' --csv)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _flat(value)


def columns_of(rows: list[dict], table: str) -> list[str]:
    """A table's columns: its rows' fields, or for an empty table its record type's, so every
    export has the same columns whatever the article holds."""
    return list(rows[0]) if rows else record_columns()[table]


def record_columns() -> dict[str, list[str]]:
    """Each table's columns as `tables` makes its rows, named from the record types."""
    return {table: list(types) for table, types in _field_types().items()}


def _field_types() -> dict[str, dict[str, type]]:
    """Each table's columns, in order, with the Python type of their values: the record
    type's fields after the columns `tables` adds (an id, the side)."""
    from dataclasses import fields
    from typing import get_type_hints

    from .extract.claims import Claim
    from .extract.document import Sentence
    from .extract.entities import Entity
    from .extract.infobox import Field
    from .extract.prose import SectionOutline
    from .extract.sides import Commander, Party, Strength, Unit
    from .extract.summary import Summary
    from .extract.timeline import Event

    def typed(record_type, *first: str) -> dict[str, type]:
        hints = get_type_hints(record_type)
        added = {name: int for name in first}
        return added | {f.name: hints[f.name] for f in fields(record_type) if f.name not in first}

    return {
        "document": typed(Summary, "id"),
        "sections": typed(SectionOutline, "id"),
        "sentences": _sentence_columns(typed(Sentence, "id")),
        "infobox_fields": typed(Field, "id"),
        "sides": {"id": int, "parties": list},
        "parties": typed(Party, "id", "side"),
        "commanders": typed(Commander, "id", "side"),
        "units": typed(Unit, "id", "side"),
        "strength": typed(Strength, "id", "side"),
        "equipment": {"id": int, "side": int, "text": str},
        "claims": typed(Claim, "id") | {"claimant_entity_id": int},
        "events": typed(Event, "id"),
        "entities": typed(Entity, "id"),
        "mentions": {"entity": int, "sentence": int},
    }


def _csv_text(rows: list[dict], table: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = columns_of(rows, table)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return out.getvalue()


def _write_csv_folder(fill, folder: Path, check) -> None:
    """One CSV per table (written by `fill` into the folder it is given) and the marker, made
    in a temporary folder and renamed into place; a folder being replaced is moved aside first
    and emptied of the export's own files only."""
    temporary = _temporary_name(folder)
    os.mkdir(temporary)
    try:
        fill(temporary)
        (temporary / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        check()
        if folder.exists():
            old = _temporary_name(folder)
            os.rename(folder, old)
            try:
                os.rename(temporary, folder)
            except BaseException:
                os.rename(old, folder)
                raise
            _remove_export_folder(old)
        else:
            os.rename(temporary, folder)
    except BaseException:
        _remove_export_folder(temporary)
        raise
    _clean_stale(folder)


def _write_files(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _made_by_export(folder: Path) -> bool:
    """Empty, or holding the marker and nothing but regular files an export writes."""
    entries = list(os.scandir(folder))
    return not entries or (
        any(e.name == MARKER for e in entries)
        and all(e.name in EXPORT_FILES and e.is_file(follow_symlinks=False) for e in entries)
    )


def _remove_export_folder(folder: Path) -> None:
    """Remove the export's own files, then the folder if nothing else is left in it."""
    for name in EXPORT_FILES:
        try:
            (folder / name).unlink()
        except OSError:
            pass
    try:
        folder.rmdir()
    except OSError:
        pass


def _atomically(target: Path, make, check) -> None:
    """Make the file under a temporary name beside the target, then rename it into place:
    an interrupted export never leaves a half-written file. Its mode is what `open` would
    have given a new file (0666 less the umask), whatever the format."""
    temporary = _temporary_name(target)
    temporary.touch(exist_ok=False)
    try:
        make(temporary)
        os.chmod(temporary, 0o666 & ~_umask())
        check()
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _clean_stale(target)


def _temporary_name(target: Path) -> Path:
    return target.parent / f".{target.name}.karabakh-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _clean_stale(target: Path) -> None:
    """Remove the temporaries a killed export left beside the target: named for this target
    by a process that no longer exists here, and untouched for STALE_SECONDS (a process on
    another machine sharing the folder writes its temporary in well under that)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.karabakh-(\d+)-[0-9a-f]+\.tmp")
    for entry in os.scandir(target.parent):
        found = pattern.fullmatch(entry.name)
        if not found or _alive(int(found.group(1))):
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if time.time() - status.st_mtime < STALE_SECONDS:
                continue
            if stat.S_ISREG(status.st_mode):
                os.unlink(entry.path)
            elif stat.S_ISDIR(status.st_mode):
                _remove_export_folder(Path(entry.path))
        except OSError:
            pass  # cleaning is a courtesy: it never fails an export


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# SQLite names that differ from the record's field: SQL keywords.
SQL_NAMES = {
    "document": {"start": "start_date", "end": "end_date"},
    "units": {"group": "unit_group"},
    "claims": {"group": "victim_group"},
    "events": {"end": "end_date"},
}
# Columns people filter by get an index, besides every foreign key.
FILTERED = ("side", "claimant_side", "claimant", "claimant_entity", "category", "date", "as_of", "section", "type")


VIEWS = (
    # Casualty figures (not equipment losses) with the sentence they come from, or the
    # infobox line for an infobox figure.
    """CREATE VIEW casualty_claims AS
    SELECT claims.id AS claim, claimant, claimant_side, claimant_entity, subject, side, victim_group, category, value, upper,
           qualifier, as_of, source, coalesce(claims.section, sentences.section) AS section, sentence,
           coalesce(sentences.text, claims.text) AS text
    FROM claims LEFT JOIN sentences ON sentences.id = claims.sentence
    WHERE item IS NULL""",
    # Every day from the war's start to its end (or to the snapshot while it goes on), with
    # the number of events dated to that single day.
    """CREATE VIEW events_per_day AS
    WITH RECURSIVE war(last) AS (
        SELECT coalesce(end_date, CASE WHEN ongoing THEN as_of END) FROM document
    ), days(day_of_war, date) AS (
        SELECT 1, start_date FROM document, war WHERE start_date IS NOT NULL AND last IS NOT NULL
        UNION ALL
        SELECT day_of_war + 1, date(date, '+1 day') FROM days, war WHERE date < last
    )
    SELECT days.day_of_war, days.date, count(events.id) AS events
    FROM days LEFT JOIN events ON events.date = days.date AND events.precision = 'day'
    GROUP BY days.day_of_war ORDER BY days.day_of_war""",
)


def sql_columns() -> dict[str, dict[str, str]]:
    """Each table's SQLite columns, in order, with their declared types. Dates are ISO TEXT;
    lists and objects are JSON TEXT."""
    return {
        table: {SQL_NAMES.get(table, {}).get(name, name): _sql_type(kind) for name, kind in types.items()}
        for table, types in _field_types().items()
    }


def _sql_type(kind) -> str:
    from types import NoneType, UnionType

    if isinstance(kind, UnionType):
        (kind,) = (k for k in kind.__args__ if k is not NoneType)
    if kind in (int, bool):
        return "INTEGER"
    if kind is float:
        return "REAL"
    return "TEXT"


def _sqlite_database(rows: dict[str, list[dict]], only: str | None):
    """The whole database, in memory: nothing touches the disk until it is complete."""
    import sqlite3

    connection = sqlite3.connect(":memory:")
    with connection:  # one transaction
        connection.execute("PRAGMA foreign_keys = ON")
        for table in _referenced_first(TABLES) if only is None else (only,):
            _create_table(connection, table, rows[table], with_references=only is None)
        if only in (None, "sentences"):
            _index_sentences(connection)
        if only is None:
            for view in VIEWS:
                connection.execute(view)
    return connection


def _referenced_first(tables: tuple[str, ...]) -> list[str]:
    """The tables in an order that creates each before the tables whose foreign keys point at
    it: SQLite checks a row's keys as it is inserted."""
    ordered: list[str] = []

    def add(table: str) -> None:
        if table not in ordered:
            for referenced in KEYS[table][1].values():
                if referenced != table:
                    add(referenced)
            ordered.append(table)

    for table in tables:
        add(table)
    return ordered


def _save_sqlite(database, path: Path) -> None:
    import sqlite3

    copy = sqlite3.connect(path)
    try:
        database.backup(copy)
    except sqlite3.Error as exc:
        raise ExportError(f"cannot write the SQLite file: {exc}") from None
    finally:
        copy.close()


def _create_table(connection, table: str, rows: list[dict], with_references: bool) -> None:
    key, references = KEYS[table]
    fields = record_columns()[table]
    types = sql_columns()[table]
    definitions = [
        f'"{name}" {_declared_type(kind, [row.get(field) for row in rows])}' + (" PRIMARY KEY" if name == key else "")
        for field, (name, kind) in zip(fields, types.items())
    ]
    if with_references:
        definitions += [f'FOREIGN KEY ("{c}") REFERENCES "{t}" (id)' for c, t in references.items()]
    connection.execute(f'CREATE TABLE "{table}" ({", ".join(definitions)})')
    indexed = [name for name in types if name != key and (name in references or name in FILTERED)]
    for name in indexed:
        connection.execute(f'CREATE INDEX "{table}_{name}" ON "{table}" ("{name}")')
    placeholders = ", ".join("?" for _ in fields)
    connection.executemany(
        f'INSERT INTO "{table}" VALUES ({placeholders})',
        ([_sqlite_value(row.get(field)) for field in fields] for row in rows),
    )


def _declared_type(kind: str, values: list) -> str:
    """The column's type; none for an INTEGER column holding a figure beyond SQLite's 64 bits,
    which SQLite would otherwise round to a REAL instead of keeping its digits as TEXT."""
    if kind == "INTEGER" and any(isinstance(_sqlite_value(v), str) for v in values):
        return ""
    return kind


def _sqlite_value(value):
    """A cell as SQLite stores it. An integer beyond SQLite's 64 bits is kept exactly as its
    decimal digits (TEXT) rather than rounded to a REAL."""
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        return str(value)
    return _flat(value)


def _index_sentences(connection) -> None:
    """A full-text index on the sentences, where this SQLite build has FTS5. Datasette and
    sqlite-utils find it by its name and by `content="sentences"` in double quotes."""
    import sqlite3

    try:
        connection.execute(
            'CREATE VIRTUAL TABLE "sentences_fts" USING fts5(text, section, content="sentences", content_rowid="id")'
        )
    except sqlite3.OperationalError:
        return  # no FTS5 in this build: the export is complete without it
    connection.execute("INSERT INTO sentences_fts (rowid, text, section) SELECT id, text, section FROM sentences")


# --- many documents ----------------------------------------------------------------------

DOCUMENTS_COLUMNS = {"id": int, "title": str, "url": str, "snapshot": str, "start": str, "end": str,
                     "path": str, "sha256": str}


def document_records(path: str | Path, label: str | None = None, use_cache: bool = True) -> dict[str, list[dict]]:
    """Every record of one document, as the export writes them: `documents` (one row: title,
    URL, snapshot, span, `label` or the path, SHA-256 of the bytes read) and each table of
    `tables`, ids counting from 0 within the document. A pure function of the file, picklable,
    for any engine to map over many paths; with `use_cache` (and the cache on) its facts come
    from and go to the fact cache. Raises DocumentError or ExtractionError."""
    from . import cache
    from .factbase import FactBase

    facts = FactBase.load(path, use_cache=use_cache and cache.enabled())
    found = facts.derived("export_tables", tables)
    summary = found["document"][0]
    described = {
        "title": summary["title"], "url": summary["url"], "snapshot": summary["as_of"],
        "start": summary["start"], "end": summary["end"],
        "path": label if label is not None else str(path), "sha256": facts.sha256,
    }
    facts.save()
    return {"documents": [described], **found}
