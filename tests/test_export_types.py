"""Every JSON Lines and CSV column means one thing: one type per column, nulls aside, so that
DuckDB and pandas read the files with typed columns."""

import csv
import json
import re

from cli_runner import run

from karabakh_cli.export import SQL_NAMES, sql_columns

INTEGER = re.compile(r"-?\d+")


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return type(value).__name__


def _csv_type(cell: str) -> str:
    if INTEGER.fullmatch(cell):
        return "integer"
    if cell in ("true", "false"):
        return "boolean"
    try:
        float(cell)
    except ValueError:
        return "text"
    return "real"


def _declared(table: str, column: str) -> str:
    """The column's type as the SQLite export declares it."""
    return sql_columns()[table][SQL_NAMES.get(table, {}).get(column, column)]


def _one_type_each(typed_cells) -> dict:
    """Column -> its types, for the columns holding more than one."""
    seen: dict = {}
    for column, kind in typed_cells:
        seen.setdefault(column, set()).add(kind)
    return {column: kinds for column, kinds in seen.items() if len(kinds) > 1}


def test_json_lines_fields_have_one_type_across_every_record(tmp_path):
    path = tmp_path / "facts.jsonl"
    assert run("export", path).exit_code == 0
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {line["type"] for line in lines} >= {"sentences", "events", "claims", "document"}
    # One record struct for the whole file, as DuckDB reads it: a field name has one type.
    cells = (
        (name, _json_type(value)) for line in lines for name, value in line["record"].items() if value is not None
    )
    assert _one_type_each(cells) == {}
    sentence = next(line["record"] for line in lines if line["type"] == "sentences")
    assert isinstance(sentence["char_start"], int) and "start" not in sentence


def test_csv_columns_have_one_type_each(tmp_path):
    """A number column holds numbers in every row (a text column may hold digits, "1988")."""
    folder = tmp_path / "facts"
    assert run("export", folder, "--format", "csv").exit_code == 0
    mixed = {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        cells = ((column, _csv_type(cell)) for row in rows for column, cell in row.items() if cell != "")
        mixed |= {
            f"{path.stem}.{column}": kinds
            for column, kinds in _one_type_each(cells).items()
            if "text" not in kinds or _declared(path.stem, column) != "TEXT"
        }
    assert mixed == {}
    assert _declared("claims", "value") == "INTEGER" and _declared("claims", "group") == "TEXT"
    with open(folder / "sentences.csv", newline="", encoding="utf-8") as handle:
        assert "char_start" in next(csv.reader(handle))
