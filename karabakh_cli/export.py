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
import tempfile
from pathlib import Path

from .records import to_data

FORMATS = ("json", "jsonl", "csv", "sqlite")
EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
              ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}
# Table -> (its key column, {column: referenced table}).
KEYS = {
    "document": ("id", {}),
    "sections": ("id", {}),
    "sentences": ("id", {}),
    "infobox_fields": ("id", {}),
    "parties": ("id", {}),
    "commanders": ("id", {}),
    "claims": ("id", {"sentence": "sentences"}),
    "events": ("id", {"sentence": "sentences"}),
    "entities": ("id", {}),
    "mentions": (None, {"entity": "entities", "sentence": "sentences"}),
}
TABLES = tuple(KEYS)


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
    sentences = [{"id": s.index, **{k: v for k, v in to_data(s).items() if k != "index"}} for s in facts.sentences]
    return {
        "document": [{"id": 0, **to_data(facts.summary)}],
        "sections": numbered(facts.outline),
        "sentences": sentences,
        "infobox_fields": numbered(facts.infobox.fields.values() if facts.infobox else ()),
        "parties": numbered([{"side": s.side, **to_data(p)} for s in facts.sides for p in s.parties]),
        "commanders": numbered([{"side": s.side, **to_data(c)} for s in facts.sides for c in s.commanders]),
        "claims": numbered(facts.all_claims),
        "events": numbered(facts.timeline.events),
        "entities": numbered(facts.entities),
        "mentions": [
            {"entity": entity_ids[name], "sentence": index}
            for index, names in enumerate(facts.entity_index.sentence_names)
            for name in names
            if name in entity_ids
        ],
    }


def write(facts, path: str, fmt: str, only: str | None = None, force: bool = False) -> None:
    if only is not None and only not in TABLES:
        raise ExportError(f"no record type {only!r}; types: {', '.join(TABLES)}")
    if path == "-":
        if fmt not in ("json", "jsonl"):
            raise ExportError(f"{fmt} cannot be written to stdout; give a path")
        import sys

        sys.stdout.write(_text(facts, fmt, only))
        return
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"{target.parent} is not a directory")
    if target.exists() and not force:
        raise ExportError("already exists; add --force to replace it")
    if fmt == "csv" and only is None:
        if target.suffix.lower() == ".csv":
            raise ExportError("a csv export of every record type is a folder: name a folder, or add --only TYPE")
        _write_csv_folder(tables(facts), target)
    elif fmt == "sqlite":
        _atomically(target, lambda temporary: _write_sqlite(tables(facts), temporary, only))
    else:
        content = _text(facts, fmt, only).encode("utf-8")
        _atomically(target, lambda temporary: Path(temporary).write_bytes(content))


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


def columns_of(rows: list[dict], table: str) -> list[str]:
    if rows:
        return list(rows[0])
    key, references = KEYS[table]
    return ([key] if key else []) + list(references)  # an empty table keeps its references


def _csv_text(rows: list[dict], table: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = columns_of(rows, table)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _flat(row.get(c)) for c in columns])
    return out.getvalue()


def _write_csv_folder(rows: dict[str, list[dict]], folder: Path) -> None:
    """One CSV per table, made in a temporary folder and renamed into place."""
    import shutil

    temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    try:
        for table, table_rows in rows.items():
            (temporary / f"{table}.csv").write_text(_csv_text(table_rows, table), encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()
        os.replace(temporary, folder)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _atomically(target: Path, make) -> None:
    """Make the file under a temporary name beside the target, then rename it into place:
    an interrupted export never leaves a half-written file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        make(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_sqlite(rows: dict[str, list[dict]], path: str, only: str | None) -> None:
    import sqlite3

    Path(path).unlink(missing_ok=True)  # mkstemp made an empty file; SQLite wants its own
    connection = sqlite3.connect(path)
    try:
        with connection:  # one transaction
            connection.execute("PRAGMA foreign_keys = ON")
            for table in TABLES if only is None else (only,):
                _create_table(connection, table, rows[table], with_references=only is None)
            if only in (None, "sentences"):
                _index_sentences(connection)
    finally:
        connection.close()


def _create_table(connection, table: str, rows: list[dict], with_references: bool) -> None:
    key, references = KEYS[table]
    columns = columns_of(rows, table)
    definitions = [f'"{c}" INTEGER PRIMARY KEY' if c == key else f'"{c}"' for c in columns]
    if with_references:
        definitions += [f'FOREIGN KEY ("{c}") REFERENCES "{t}" (id)' for c, t in references.items()]
    connection.execute(f'CREATE TABLE "{table}" ({", ".join(definitions)})')
    placeholders = ", ".join("?" for _ in columns)
    connection.executemany(
        f'INSERT INTO "{table}" VALUES ({placeholders})',
        ([_flat(row.get(c)) for c in columns] for row in rows),
    )


def _index_sentences(connection) -> None:
    """A full-text index on the sentences, where this SQLite build has FTS5."""
    import sqlite3

    try:
        connection.execute(
            "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, section, content='sentences', content_rowid='id')"
        )
    except sqlite3.OperationalError:
        return  # no FTS5 in this build: the export is complete without it
    connection.execute("INSERT INTO sentences_fts (rowid, text, section) SELECT id, text, section FROM sentences")
