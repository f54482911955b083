"""`export` over several documents: one export with a documents table and a document key on
every table, each document's records as `export.document_records` makes them, failures
reported one line each with the others exported (exit 2), and the export's refusals."""

import csv
import hashlib
import json
import pickle
import shutil
import sqlite3
from pathlib import Path

import pytest

from karabakh_cli import export as exporter
from karabakh_cli.export import document_records
from cli_runner import run

DOCS = Path(__file__).resolve().parent / "docs"
NAMES = ("battle_of_varnek.md", "city_of_lorn.md", "tri_border_war.md")
BROKEN = "---\ntitle: [never closed\n---\nA body.\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    """Three fixture documents in a folder, one of them in a subfolder."""
    articles = tmp_path / "articles"
    (articles / "more").mkdir(parents=True)
    shutil.copy(DOCS / NAMES[0], articles / NAMES[0])
    shutil.copy(DOCS / NAMES[1], articles / NAMES[1])
    shutil.copy(DOCS / NAMES[2], articles / "more" / NAMES[2])
    return articles


def labels(folder: Path) -> list[str]:
    return [f"{folder}/{NAMES[0]}", f"{folder}/{NAMES[1]}", f"{folder}/more/{NAMES[2]}"]


def export_to(target: Path, *docs, code=0, jobs=1, extra=()):
    arguments = ["export", str(target), "--jobs", str(jobs), *extra]
    for doc in docs:
        arguments += ["--doc", str(doc)]
    result = run(*arguments)
    assert result.exit_code == code, result.output
    return result


def test_a_folder_makes_one_database_with_a_documents_table(folder, tmp_path):
    target = tmp_path / "all.sqlite"
    result = export_to(target, folder)
    assert result.stderr == f"karabakh: wrote sqlite of 3 documents to {target}\n"  # no bar off a terminal
    database = sqlite3.connect(target)
    rows = database.execute("select id, title, path, sha256, start_date, end_date, snapshot from documents").fetchall()
    assert [row[2] for row in rows] == labels(folder)
    assert [row[0] for row in rows] == [0, 1, 2]
    for (_, title, label, sha256, start, end, snapshot) in rows:
        assert sha256 == hashlib.sha256(Path(label).read_bytes()).hexdigest()
        single = document_records(Path(label))["document"][0]
        assert (title, start, end, snapshot) == (single["title"], single["start"], single["end"], single["as_of"])
    varnek = database.execute("select title, start_date, end_date from documents where id = 0").fetchone()
    assert varnek == ("Battle of Varnek", "2016-04-03", "2016-04-09")


def test_every_table_has_an_indexed_document_key_and_the_keys_hold(folder, tmp_path):
    target = tmp_path / "all.sqlite"
    export_to(target, folder)
    database = sqlite3.connect(target)
    assert database.execute("pragma foreign_key_check").fetchall() == []
    for table, (key, references) in exporter.KEYS.items():
        columns = [row[1] for row in database.execute(f'pragma table_info("{table}")')]
        assert columns[0] == "document_id", table
        foreign = {}
        for row in database.execute(f'pragma foreign_key_list("{table}")'):
            foreign.setdefault(row[0], []).append((row[2], row[3], row[4]))
        assert [("documents", "document_id", "id")] in foreign.values(), table
        for column, target_table in references.items():
            assert [(target_table, "document_id", "document_id"), (target_table, column, "id")] in foreign.values()
        first_columns = {
            database.execute(f'pragma index_info("{index[1]}")').fetchone()[2]
            for index in database.execute(f'pragma index_list("{table}")')
        }
        assert "document_id" in first_columns, table
        primary = [row[1] for row in sorted(database.execute(f'pragma table_info("{table}")'), key=lambda r: r[5]) if row[5]]
        assert primary == (["document_id", key] if key else []), table
    per_document = database.execute("select count(distinct document_id) from sentences").fetchone()[0]
    assert per_document == 3


def test_a_document_that_cannot_be_read_is_one_line_and_the_others_are_exported(folder, tmp_path):
    (folder / "broken.md").write_text(BROKEN, encoding="utf-8")
    target = tmp_path / "all.sqlite"
    result = export_to(target, folder, code=2)
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].startswith(f"karabakh: error: {folder}/broken.md: invalid YAML")
    paths = [path for (path,) in sqlite3.connect(target).execute("select path from documents order by id")]
    assert paths == labels(folder)


def test_an_empty_folder_among_others_is_reported(folder, tmp_path):
    (tmp_path / "empty").mkdir()
    result = export_to(tmp_path / "all.jsonl", folder, tmp_path / "empty", code=2)
    assert f"karabakh: error: {tmp_path / 'empty'}: no *.md file in this folder\n" in result.stderr
    assert (tmp_path / "all.jsonl").exists()


def test_the_pure_function_is_picklable_and_equal_to_what_export_writes(folder, tmp_path):
    target = tmp_path / "all.jsonl"
    export_to(target, folder)
    written: dict[int, dict[str, list]] = {}
    for line in target.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        record = dict(entry["record"])
        number = record.pop("id") if entry["type"] == "documents" else record.pop("document_id")
        written.setdefault(number, {}).setdefault(entry["type"], []).append(record)
    function = pickle.loads(pickle.dumps(document_records))
    for number, label in enumerate(labels(folder)):
        records = pickle.loads(pickle.dumps(function(Path(label), label)))
        assert {table: rows for table, rows in records.items() if rows} == written[number]


def test_the_pure_function_does_not_depend_on_the_cache(folder, cache_home):
    path = folder / NAMES[0]
    assert document_records(path, use_cache=False) == document_records(path) == document_records(path)
    assert list(cache_home.glob("*.facts"))  # the second call read what the first saved


def test_two_jobs_write_what_one_writes(folder, tmp_path):
    export_to(tmp_path / "one.jsonl", folder, jobs=1)
    export_to(tmp_path / "two.jsonl", folder, jobs=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_json_is_a_list_with_one_object_per_document(folder, tmp_path):
    export_to(tmp_path / "all.json", folder)
    documents = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert [d["documents"][0]["path"] for d in documents] == labels(folder)
    assert all(row["document_id"] == number for number, d in enumerate(documents) for row in d["claims"])


def test_a_csv_folder_has_documents_and_a_key_column_in_every_file(folder, tmp_path):
    target = tmp_path / "tables"
    export_to(target, folder, extra=("-f", "csv"))
    with open(target / "documents.csv", encoding="utf-8") as handle:
        assert [row["path"] for row in csv.DictReader(handle)] == labels(folder)
    for table in exporter.TABLES:
        header = (target / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",")[0] == "document_id", table


def test_only_one_table_to_stdout(folder):
    result = run("export", "-", "--only", "events", "-f", "csv", "--jobs", "1", "--doc", str(folder))
    assert result.exit_code == 0
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert {row["document_id"] for row in rows} == {"0", "1", "2"}


def test_one_document_in_a_folder_exports_exactly_as_the_file(tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(DOCS / NAMES[0], alone / NAMES[0])
    by_folder = run("export", "-", "--doc", str(alone))
    by_file = run("export", "-", "--doc", str(alone / NAMES[0]))
    assert by_folder.exit_code == by_file.exit_code == 0
    assert by_folder.stdout == by_file.stdout
    assert "documents" not in json.loads(by_file.stdout)  # single-document output is as it was
    export_to(tmp_path / "alone.sqlite", alone)
    tables = {name for (name,) in sqlite3.connect(tmp_path / "alone.sqlite").execute("select name from sqlite_master where type = 'table'")}
    assert "documents" not in tables and "claims" in tables


def test_a_figure_beyond_64_bits_keeps_its_digits(folder, tmp_path):
    huge = 10**20 + 7
    text = (DOCS / NAMES[1]).read_text(encoding="utf-8")
    (folder / "huge.md").write_text(text + f"\n\nThe ministry said {huge:,} soldiers were killed.\n", encoding="utf-8")
    export_to(tmp_path / "all.sqlite", folder)
    values = [value for (value,) in sqlite3.connect(tmp_path / "all.sqlite").execute("select value from claims")]
    assert str(huge) in values and all(not isinstance(v, float) for v in values)


@pytest.mark.parametrize("where", ["inside", "named"])
def test_a_document_read_is_never_overwritten(folder, tmp_path, where):
    victim = folder / NAMES[1] if where == "inside" else tmp_path / "other.md"
    shutil.copy(DOCS / NAMES[0], tmp_path / "other.md")
    before = victim.read_bytes()
    result = run("export", str(victim), "-f", "json", "--force", "--jobs", "1", "--doc", str(folder), "--doc", str(tmp_path / "other.md"))
    assert result.exit_code == 2
    assert result.stderr == f"karabakh: error: {victim}: is the document being read; name another file\n"
    assert victim.read_bytes() == before


def test_a_folder_holding_a_document_is_never_replaced(folder, tmp_path):
    result = run("export", str(folder), "-f", "csv", "--force", "--jobs", "1", "--doc", str(folder / "more"), "--doc", str(folder / NAMES[0]))
    assert result.exit_code == 2
    assert result.stderr == f"karabakh: error: {folder}: holds the document being read; name a new folder\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted([NAMES[0], NAMES[1], "more"])


def test_an_existing_file_needs_force(folder, tmp_path):
    target = tmp_path / "all.sqlite"
    target.write_text("keep me", encoding="utf-8")
    result = run("export", str(target), "--jobs", "1", "--doc", str(folder))
    assert result.exit_code == 2 and result.stderr.endswith(": already exists; add --force to replace it\n")
    assert target.read_text(encoding="utf-8") == "keep me"
    export_to(target, folder, extra=("--force",))
    assert sqlite3.connect(target).execute("select count(*) from documents").fetchone() == (3,)


def test_the_progress_bar_advances_once_per_document_and_is_closed(folder, tmp_path, monkeypatch):
    from karabakh_cli import output

    seen = []

    class Recorder:
        def __init__(self, total, what):
            seen.append(("total", total, what))

        def advance(self):
            seen.append("advance")

        def message(self, line):  # written above the bar, not across it
            seen.append(("message", line.split(": ")[2]))

        def close(self):
            seen.append("close")

    monkeypatch.setattr(output, "Progress", Recorder)
    (folder / "broken.md").write_text(BROKEN, encoding="utf-8")
    export_to(tmp_path / "all.jsonl", folder, code=2)
    messages = [item for item in seen if item[0] == "message"]
    assert messages == [("message", f"{folder}/broken.md")]
    assert [item for item in seen if item not in messages] == [("total", 4, "Exporting documents"), *["advance"] * 4, "close"]


@pytest.mark.parametrize("table", ["claims", "documents"])
def test_only_one_table_to_sqlite(folder, tmp_path, table):
    target = tmp_path / "one.sqlite"
    export_to(target, folder, extra=("--only", table))
    database = sqlite3.connect(target)
    assert [name for (name,) in database.execute("select name from sqlite_master where type = 'table'")] == [table]
    keys = "id" if table == "documents" else "document_id"
    assert {n for (n,) in database.execute(f"select distinct {keys} from {table}")} <= {0, 1, 2}


def test_an_unknown_table_is_refused(folder, tmp_path):
    result = run("export", str(tmp_path / "x.jsonl"), "--only", "battles", "--doc", str(folder))
    assert result.exit_code == 2 and "no record type 'battles'; types: documents, document," in result.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_sqlite_rows_are_the_records_cells(folder, tmp_path):
    """Every row of every table holds its record's values as a single export stores them:
    lists and objects as JSON text, everything else as it is."""
    target = tmp_path / "all.sqlite"
    export_to(target, folder)
    database = sqlite3.connect(target)
    for number, label in enumerate(labels(folder)):
        records = document_records(Path(label), label)
        for table in ("documents", *exporter.TABLES):
            key = "id" if table == "documents" else "document_id"
            stored = database.execute(f'select * from "{table}" where {key} = ? order by rowid', (number,)).fetchall()
            expected = [(number, *(exporter._sqlite_value(value) for value in row.values())) for row in records[table]]
            assert stored == expected, (label, table)


def test_a_second_run_over_a_folder_only_reads_the_cache(folder, tmp_path, cache_home, monkeypatch):
    from karabakh_cli import factbase

    export_to(tmp_path / "first.jsonl", folder)
    assert len(list(cache_home.glob("*.facts"))) == 3

    def no_extraction(self, instance):
        raise AssertionError(f"{self.name} extracted again")

    monkeypatch.setattr(factbase.fact, "_extract", no_extraction)
    export_to(tmp_path / "second.jsonl", folder)
    assert (tmp_path / "first.jsonl").read_bytes() == (tmp_path / "second.jsonl").read_bytes()


def test_karabakh_doc_may_name_a_folder(folder, tmp_path):
    result = run("export", str(tmp_path / "all.sqlite"), "--jobs", "1", env={"KARABAKH_DOC": str(folder)})
    assert result.exit_code == 0, result.output
    paths = [p for (p,) in sqlite3.connect(tmp_path / "all.sqlite").execute("select path from documents order by id")]
    assert paths == labels(folder)
