"""The README's recipes for Datasette, DuckDB and pandas, run against a real export of the
bundled article. None of these tools is a dependency: each test skips when its tool is absent."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run, run_json

README = Path(__file__).resolve().parent.parent / "README.md"


def recipe(name: str) -> str:
    """The README's fenced block that starts `# Recipe: NAME.`"""
    (block,) = re.findall(rf"```(?:sh|python)\n(# Recipe: {name}\..*?)```", README.read_text(encoding="utf-8"), re.S)
    return block


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """The exports the recipes read, made as the README says, in a folder of their own."""
    folder = tmp_path_factory.mktemp("recipes")
    for args in (("facts.sqlite",), ("facts.jsonl",), ("facts", "--format", "csv")):
        result = run("export", folder / args[0], *args[1:])
        assert result.exit_code == 0, result.stderr
    return folder


def run_python(block: str, folder: Path, capsys, monkeypatch) -> dict:
    """Run the block in the exports' folder, and stay there: DuckDB reads its files lazily."""
    namespace: dict = {}
    monkeypatch.chdir(folder)
    exec(compile(block, "README recipe", "exec"), namespace)
    capsys.readouterr()  # what the recipe prints is for a reader
    return namespace


def headline_claims() -> list[dict]:
    return [c for c in run_json("casualties") if c["headline"]]


def test_datasette_recipe_searches_the_sentences(exports):
    datasette = shutil.which("datasette") or shutil.which("datasette", path=str(Path(sys.executable).parent))
    if datasette is None:
        pytest.skip("datasette is not installed")
    (command,) = [line for line in recipe("datasette").splitlines() if line.startswith("datasette ")]
    environment = {**os.environ, "PATH": f"{Path(datasette).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(command, shell=True, cwd=exports, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all("drone" in row["text"].lower() for row in rows)
    assert {"char_start", "section_anchor"} <= set(rows[0])


def test_duckdb_recipe_reads_typed_columns(exports, capsys, monkeypatch):
    pytest.importorskip("duckdb")
    found = run_python(recipe("duckdb"), exports, capsys, monkeypatch)
    headlines = found["headlines"]
    assert [str(t) for t in headlines.types] == ["BIGINT", "VARCHAR", "VARCHAR", "BIGINT", "BIGINT", "VARCHAR", "BIGINT"]
    expected = sorted((c["side"], c["group"], c["category"], c["claimant_side"], c["value"]) for c in headline_claims())
    assert sorted(row[:5] for row in headlines.fetchall()) == expected
    sentences = found["sentences"]
    assert [str(t) for t in sentences.types][:4] == ["BIGINT", "VARCHAR", "BIGINT", "BIGINT"]
    assert len(sentences.fetchall()) == run_json("summary")["counts"]["sentences"]


def test_pandas_recipe_rebuilds_the_matrix_headlines(exports, capsys, monkeypatch):
    pytest.importorskip("pandas")
    found = run_python(recipe("pandas"), exports, capsys, monkeypatch)
    matrix = found["matrix"]
    for claim in headline_claims():
        if claim["side"] is not None:
            key = (claim["side"], claim["group"], claim["category"])
            assert matrix.loc[key, claim["claimant_side"]] == claim["value"]
    assert found["claims"]["headline"].dtype == bool
    assert str(found["events"]["date"].dtype).startswith("datetime64")
    assert found["per_week"].sum() > 0


def test_claimants_recipe_groups_every_wording_of_a_claimant(exports):
    """Run with Python's sqlite3 (always there), not the sqlite3 shell the README uses."""
    import sqlite3
    from collections import defaultdict

    (query,) = re.findall(r'sqlite3 facts\.sqlite "(.*?)"', recipe("claimants"), re.S)
    with sqlite3.connect(exports / "facts.sqlite") as database:
        rows = database.execute(query).fetchall()
    wordings = defaultdict(list)
    for claim in run_json("casualties", "--all") + run_json("losses", "--all"):
        if claim["claimant_entity"]:
            wordings[claim["claimant_entity"]].append(claim["claimant"])
    types = {entity["name"]: entity["type"] for entity in run_json("entities")}
    assert sorted((name, kind, count, set(json.loads(written))) for name, kind, count, written in rows) == sorted(
        (name, types[name], len(found), set(found)) for name, found in wordings.items()
    )
    assert [count for _, _, count, _ in rows] == sorted((count for _, _, count, _ in rows), reverse=True)
    grouped = {name: set(json.loads(written)) for name, _, _, written in rows}
    assert {"Azerbaijan", "Azerbaijani authorities"} <= grouped["Azerbaijan"]  # one entity, many wordings


def test_widest_disagreement_recipe_compares_headline_figures():
    jq = shutil.which("jq")
    if jq is None:
        pytest.skip("jq is not installed")
    block = README.read_text(encoding="utf-8").split("# The widest disagreement", 1)[1].split("\n\n", 1)[0]
    program = re.search(r"\| jq '(.*?)'", block, re.S).group(1)
    result = subprocess.run([jq, "-c", program], input=json.dumps(run_json("casualties", "--category", "killed")),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    found = {row["side"]: (row["low"], row["high"]) for row in json.loads(result.stdout)}
    heads = [c for c in headline_claims() if c["category"] == "killed" and c["group"] == "military" and c["side"] is not None]
    assert found == {
        side: (min(c["value"] for c in heads if c["side"] == side), max(c["value"] for c in heads if c["side"] == side))
        for side in {c["side"] for c in heads}
    }
