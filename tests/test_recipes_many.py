"""The README's recipes over many articles: the cross-war SQL over one export of a folder,
and the pure function mapped by Dask into JSON Lines that DuckDB reads (skipped unless Dask
and DuckDB are installed: neither is a dependency)."""

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from karabakh_cli.export import document_records
from cli_runner import run

README = Path(__file__).resolve().parent.parent / "README.md"
DOCS = Path(__file__).resolve().parent / "docs"


def recipe(name: str) -> str:
    """The README's fenced block that starts `# Recipe: NAME.`"""
    (block,) = re.findall(rf"```(?:sh|python)\n(# Recipe: {name}\..*?)```", README.read_text(encoding="utf-8"), re.S)
    return block


@pytest.fixture
def articles(tmp_path, monkeypatch) -> Path:
    """A working folder holding `articles/`: the fixture documents, one in a subfolder."""
    folder = tmp_path / "articles"
    (folder / "older").mkdir(parents=True)
    for number, source in enumerate(sorted(DOCS.glob("*.md"))):
        shutil.copy(source, folder / ("older" if number == 0 else "") / source.name)
    monkeypatch.chdir(tmp_path)
    return folder


def headline_gaps(paths) -> list[tuple]:
    """What the cross-war recipe should find, worked out from each document's records."""
    found = []
    for path in paths:
        records = document_records(path)
        killed = [c for c in records["claims"] if c["headline"] and c["category"] == "killed"]
        for own in killed:
            if own["claimant_side"] != own["side"]:
                continue
            for enemy in killed:
                if (enemy["side"], enemy["group"]) == (own["side"], own["group"]) and enemy["claimant_side"] not in (None, own["side"]):
                    found.append((records["documents"][0]["title"], own["side"], own["group"], own["value"],
                                  enemy["value"], round(enemy["value"] / own["value"], 1)))
    return sorted(found, key=lambda row: -row[-1])


def test_cross_war_sql_recipe(articles):
    block = recipe("cross-war sql")
    assert "karabakh export wars.sqlite --doc articles/" in block
    assert run("export", "wars.sqlite", "--jobs", "1", "--doc", "articles/").exit_code == 0
    (query,) = re.findall(r'sqlite3 [^"]*"(.*?)"\s*$', block, re.S)
    rows = sqlite3.connect("wars.sqlite").execute(query).fetchall()
    expected = headline_gaps(sorted(articles.rglob("*.md")))
    assert rows and sorted(rows) == sorted(expected)
    assert [row[-1] for row in rows] == sorted((row[-1] for row in rows), reverse=True)


def test_dask_recipe_writes_json_lines_that_duckdb_reads(articles, capsys):
    pytest.importorskip("dask.bag")
    pytest.importorskip("duckdb")
    namespace: dict = {}
    exec(compile(recipe("dask"), "README recipe", "exec"), namespace)
    capsys.readouterr()
    paths = sorted(str(p.relative_to(articles.parent)) for p in articles.rglob("*.md"))
    assert namespace["paths"] == paths
    written = [json.loads(line) for part in sorted(Path("records").glob("*.jsonl"))
               for line in part.read_text(encoding="utf-8").splitlines()]
    for path in paths:
        mine = [(entry["type"], entry["record"]) for entry in written if entry["document"] == path]
        assert mine == [(table, row) for table, rows in document_records(path).items() for row in rows]
    headlines = namespace["headlines"].fetchall()
    expected = sorted(
        (records["documents"][0]["title"], claim["claimant"], claim["side"], claim["value"])
        for records in map(document_records, paths)
        for claim in records["claims"] if claim["headline"] and claim["category"] == "killed"
    )
    assert headlines and sorted(headlines, key=repr) == sorted(expected, key=repr)
