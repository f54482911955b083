"""`karabakh export`: every format round-trips, writes atomically and refuses to clobber."""

import csv
import json
import sqlite3

import pytest

from karabakh_cli import export as exporter
from cli_runner import run, run_json


def exported(tmp_path, name, *options):
    path = tmp_path / name
    result = run("export", str(path), *options)
    assert result.exit_code == 0, result.output
    return path


def test_json_holds_every_record_type_as_the_commands_print_them(tmp_path):
    data = json.loads(exported(tmp_path, "facts.json").read_text(encoding="utf-8"))
    assert list(data) == ["document", "sections", "sentences", "infobox", "sides", "claims", "events", "entities"]
    assert data["document"] == run_json("summary")
    assert data["events"] == run_json("timeline")
    assert data["sides"] == run_json("sides")
    assert data["entities"] == run_json("entities")
    assert [c for c in data["claims"] if c["item"] is None] == run_json("casualties")
    assert [c for c in data["claims"] if c["item"] is not None] == run_json("losses")
    assert len(data["sentences"]) == 470


def test_sqlite_counts_joins_and_full_text(tmp_path):
    database = sqlite3.connect(exported(tmp_path, "facts.sqlite"))
    events = database.execute("select count(*) from events").fetchone()[0]
    assert events == len(run_json("timeline"))
    # Claims join to the sentence they came from.
    text, sentence = database.execute(
        "select claims.text, sentences.text from claims join sentences on claims.sentence = sentences.id "
        "where claims.value = 7630"
    ).fetchone()
    assert text == sentence and "7,630 Azerbaijani soldiers and Syrian mercenaries" in sentence
    # Mentions join entities to sentences.
    (shusha,) = database.execute(
        "select count(distinct mentions.sentence) from mentions join entities on mentions.entity = entities.id "
        "where entities.name = 'Shusha'"
    ).fetchone()
    assert shusha == next(e["mentions"] for e in run_json("entities") if e["name"] == "Shusha")
    assert database.execute("pragma foreign_key_check").fetchall() == []
    if database.execute("select 1 from sqlite_master where name = 'sentences_fts'").fetchone():
        hits = database.execute(
            "select sentences.text from sentences_fts join sentences on sentences.id = sentences_fts.rowid "
            "where sentences_fts match 'text: \"white phosphorus\"'"
        ).fetchall()
        assert len(hits) >= 5
        assert all("white" in text.lower() and "phosphorus" in text.lower() for (text,) in hits)
    tables = {name for (name,) in database.execute("select name from sqlite_master where type = 'table'")}
    assert set(exporter.TABLES) <= tables


def test_jsonl_lines_each_parse_with_a_type(tmp_path):
    lines = exported(tmp_path, "facts.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["type"] for r in records} == set(exporter.TABLES)
    assert sum(r["type"] == "sentences" for r in records) == 470
    entity = next(r["record"] for r in records if r["type"] == "entities")
    assert (entity["name"], entity["type"]) == ("Azerbaijan", "country")


def test_csv_folder_and_single_file(tmp_path):
    folder = exported(tmp_path, "facts", "--format", "csv")
    assert sorted(p.name for p in folder.iterdir()) == sorted([exporter.MARKER, *(f"{t}.csv" for t in exporter.TABLES)])
    with open(folder / "claims.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "claimant", "claimant_side", "subject", "side", "group", "category",
                             "value", "upper", "qualifier", "as_of", "source", "section", "text", "item",
                             "status", "sentence", "headline", "section_anchor", "as_of_precision",
                             "claimant_entity", "claimant_entity_id"]
    assert rows[0]["claimant"] == "Azerbaijan" and rows[0]["value"] == "2906"
    single = exported(tmp_path, "events.csv", "--only", "events")
    with open(single, newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:3] == ["id", "date", "end"]


def test_stdout_and_only(tmp_path):
    result = run("export", "-", "--only", "entities", "--format", "jsonl")
    assert result.exit_code == 0
    first = json.loads(result.stdout.splitlines()[0])
    assert first["type"] == "entities" and first["record"]["name"] == "Azerbaijan"


def test_exports_are_byte_identical_run_to_run(tmp_path):
    (tmp_path / "1").mkdir()
    (tmp_path / "2").mkdir()
    for name in ("a.json", "a.jsonl", "a.sqlite"):
        first = exported(tmp_path / "1", name)
        second = exported(tmp_path / "2", name)
        assert first.read_bytes() == second.read_bytes(), name


def test_an_existing_file_is_kept_without_force(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text("precious")
    result = run("export", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"karabakh: error: {path}: already exists; add --force to replace it"
    assert path.read_text() == "precious"
    assert run("export", str(path), "--force").exit_code == 0
    assert json.loads(path.read_text())["document"]["title"] == "2020 Nagorno-Karabakh war"


@pytest.mark.parametrize(
    "target, options, message",
    [
        ("missing/dir/facts.json", (), "is not a directory"),
        ("facts.txt", (), "cannot tell the format"),
        ("facts.csv", (), "is a folder"),
        ("facts.sqlite", ("--format", "xml"), "--format must be one of"),
        ("-", ("--format", "sqlite"), "cannot be written to stdout"),
        ("-", ("--format", "csv"), "add --only TYPE"),
        ("facts.json", ("--only", "nope"), "no record type 'nope'"),
    ],
)
def test_bad_export_requests_exit_2_with_one_line(tmp_path, target, options, message):
    path = target if target == "-" else str(tmp_path / target)
    result = run("export", path, *options)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_one_table_as_csv_on_stdout(tmp_path):
    result = run("export", "-", "--only", "events", "--format", "csv", "--no-color")
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "facts"
    assert run("export", folder, "--format", "csv").exit_code == 0
    assert result.stdout == (folder / "events.csv").read_text(encoding="utf-8")


def test_export_accepts_no_color_like_every_command(tmp_path):
    plain, coloured = tmp_path / "plain.json", tmp_path / "no-color.json"
    assert run("export", plain).exit_code == 0
    assert run("export", coloured, "--no-color").exit_code == 0
    assert coloured.read_bytes() == plain.read_bytes()


def test_an_unwritable_folder_exits_2(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes through read-only permissions")
    tmp_path.chmod(0o500)
    try:
        result = run("export", str(tmp_path / "facts.json"))
    finally:
        tmp_path.chmod(0o700)
    assert result.exit_code == 2 and "ermission denied" in result.stderr


def test_an_interrupted_export_leaves_nothing_behind(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(exporter, "_create_table", interrupted)
    result = run("export", str(tmp_path / "facts.sqlite"))
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []
