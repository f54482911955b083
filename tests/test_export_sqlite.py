"""The SQLite export as SQL tools read it: typed columns, keys, indexes, no keyword columns."""

import re
import sqlite3
from pathlib import Path

import pytest

from karabakh_cli import export as exporter
from cli_runner import run, run_json

# Words Postgres, DuckDB and the SQL standard reserve: a column named by one needs quoting there.
RESERVED = set(
    "all and any array as asc between both case cast check collate column constraint create current_date "
    "current_time current_timestamp default desc distinct do else end except false fetch for foreign from "
    "grant group having in index initially intersect into join lateral leading limit natural not null "
    "offset on only or order primary references returning select some table then to trailing true union "
    "unique user using when where window with".split()
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite") / "facts.sqlite"
    result = run("export", str(path))
    assert result.exit_code == 0, result.output
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def table_info(database, table) -> dict[str, str]:
    return {row[1]: row[2] for row in database.execute(f'pragma table_info("{table}")')}



def exported(document: Path, folder: Path) -> sqlite3.Connection:
    """The SQLite export of `document`, written into `folder` and opened."""
    path = folder / f"{document.stem}.sqlite"
    assert run("export", str(path), "--doc", str(document)).exit_code == 0
    return sqlite3.connect(path)

def test_every_column_is_typed_and_holds_values_of_its_type(database):
    for table in exporter.TABLES:
        for column, declared in table_info(database, table).items():
            assert declared in ("INTEGER", "TEXT", "REAL"), (table, column)
            found = {kind for (kind,) in database.execute(f'select distinct typeof("{column}") from "{table}"')}
            assert found <= {declared.lower(), "null"}, (table, column, found)


def test_counts_are_integers_and_dates_iso_text(database):
    claims = table_info(database, "claims")
    assert (claims["value"], claims["upper"], claims["as_of"], claims["side"]) == ("INTEGER", "INTEGER", "TEXT", "INTEGER")
    events = table_info(database, "events")
    assert (events["date"], events["end_date"], events["day_of_war"]) == ("TEXT", "TEXT", "INTEGER")
    dates = [d for (d,) in database.execute("select date from events union select as_of from claims") if d]
    assert dates and all(ISO_DATE.fullmatch(d) for d in dates)


def test_no_column_is_named_by_an_sql_keyword(database):
    for table in exporter.TABLES:
        for column in table_info(database, table):
            assert column.lower() not in RESERVED, (table, column)
            database.execute(f'select {column} from "{table}" limit 1')  # unquoted: no syntax error


def test_renamed_columns_keep_the_record_values(database):
    assert "victim_group" in table_info(database, "claims") and "group" not in table_info(database, "claims")
    assert list(table_info(database, "sentences"))[-3:-1] == ["char_start", "char_end"]
    groups = {g for (g,) in database.execute("select distinct victim_group from claims")}
    assert "military" in groups


def test_tables_have_primary_keys_and_foreign_keys_hold(database):
    for table, (key, references) in exporter.KEYS.items():
        primary = [row[1] for row in database.execute(f'pragma table_info("{table}")') if row[5]]
        assert primary == ([key] if key else []), table
        foreign = {(row[3], row[2], row[4]) for row in database.execute(f'pragma foreign_key_list("{table}")')}
        assert foreign == {(column, target, "id") for column, target in references.items()}, table
    assert ("sentence", "sentences", "id") in {(row[3], row[2], row[4])
                                              for row in database.execute("pragma foreign_key_list(claims)")}
    assert database.execute("pragma foreign_key_check").fetchall() == []


def indexed_columns(database, table) -> set[str]:
    return {
        database.execute(f'pragma index_info("{name}")').fetchone()[2]
        for (_, name, *_rest) in database.execute(f'pragma index_list("{table}")')
    }


def test_every_foreign_key_and_filtered_column_is_indexed(database):
    for table, (_, references) in exporter.KEYS.items():
        assert set(references) <= indexed_columns(database, table), table
    assert {"side", "claimant_side", "category", "claimant", "claimant_entity", "as_of"} <= indexed_columns(database, "claims")
    assert "claimant_entity_id" in indexed_columns(database, "claims")
    assert "date" in indexed_columns(database, "events")


def test_a_side_known_only_from_its_casualties_column_is_a_row(tmp_path, make_doc):
    database = exported(make_doc(
        "---\ninfoboxes:\n  - conflict:\n      text: Skirmish of Tallow Ford\n"
        "    casualties1:\n      text: 12 killed\n    casualties2:\n      text: 30 killed\n---\n\n"
        "## Background\n\nThe skirmish was brief.\n",
    ), tmp_path)
    assert database.execute("select id, parties from sides").fetchall() == [(1, "[]"), (2, "[]")]
    assert database.execute("select side, value from claims order by side").fetchall() == [(1, 12), (2, 30)]
    assert database.execute("pragma foreign_key_check").fetchall() == []


def fts_table_of(database, table) -> str | None:
    """Datasette's and sqlite-utils' rule: a virtual table declared `content="TABLE"`."""
    declared = re.compile(rf'VIRTUAL TABLE.*USING FTS\d.*content="{table}"', re.I | re.S)
    names = [name for name, sql in database.execute("select name, sql from sqlite_master where rootpage = 0")
             if sql and declared.search(sql)]
    return names[0] if names else None


def has_fts5() -> bool:
    try:
        sqlite3.connect(":memory:").execute("create virtual table probe using fts5(x)")
    except sqlite3.OperationalError:
        return False
    return True


@pytest.mark.skipif(not has_fts5(), reason="this SQLite has no FTS5")
def test_the_sentences_full_text_index_is_found_as_datasette_finds_it(database):
    assert fts_table_of(database, "sentences") == "sentences_fts"


@pytest.mark.skipif(not has_fts5(), reason="this SQLite has no FTS5")
def test_datasette_and_sqlite_utils_detect_the_full_text_index(database):
    """Their own detection functions, when they are installed (neither is a dependency)."""
    datasette_utils = pytest.importorskip("datasette.utils")
    sqlite_utils = pytest.importorskip("sqlite_utils")
    assert datasette_utils.detect_fts(database, "sentences") == "sentences_fts"
    assert sqlite_utils.Database(database)["sentences"].detect_fts() == "sentences_fts"
    assert datasette_utils.detect_fts(database, "claims") is None


def test_claims_name_the_entity_their_claimant_speaks_for(database):
    claims = table_info(database, "claims")
    assert (claims["claimant_entity"], claims["claimant_entity_id"]) == ("TEXT", "INTEGER")
    pairs = database.execute(
        "select claims.claimant_entity, entities.name from claims join entities on entities.id = claims.claimant_entity_id"
    ).fetchall()
    assert pairs and all(text == name for text, name in pairs)
    unlinked = database.execute("select count(*) from claims where claimant_entity is not null and claimant_entity_id is null")
    assert unlinked.fetchone() == (0,)


@pytest.mark.skipif(not has_fts5(), reason="this SQLite has no FTS5")
def test_a_full_text_search_returns_the_sentences_with_the_words(tmp_path, make_doc):
    database = exported(make_doc(
        "---\ntitle: Siege of Quillmarsh\n---\n\n## Siege\n\nThe garrison of Quillmarsh held the granary.\n\n"
        "## Aftermath\n\nFloods reached the granary in spring. The garrison marched home.\n",
    ), tmp_path)
    hits = database.execute(
        "select sentences.id, sentences.section from sentences_fts join sentences on sentences.id = sentences_fts.rowid "
        "where sentences_fts match 'granary' order by sentences.id"
    ).fetchall()
    texts = dict(database.execute("select id, text from sentences"))
    assert [texts[i] for i, _ in hits] == [t for t in texts.values() if "granary" in t]
    assert [section for _, section in hits] == ["Siege", "Aftermath"]
    assert database.execute("select count(*) from sentences_fts where sentences_fts match 'section: aftermath'").fetchone() == (2,)


@pytest.fixture
def varnek(tmp_path):
    """The export of the small fictional battle in tests/docs, beside its commands' JSON."""
    document = Path(__file__).parent / "docs" / "battle_of_varnek.md"
    database = exported(document, tmp_path)
    database.row_factory = sqlite3.Row
    yield database, lambda *command: run_json(*command, "--doc", str(document))
    database.close()


def test_events_per_day_counts_the_single_day_events_of_every_day_of_the_war(varnek):
    database, command = varnek
    summary, events = command("summary"), command("timeline")
    rows = [dict(row) for row in database.execute("select * from events_per_day")]
    assert [row["day_of_war"] for row in rows] == list(range(1, summary["duration_days"] + 1))
    assert (rows[0]["date"], rows[-1]["date"]) == (summary["start"], summary["end"])
    for row in rows:
        expected = sum(e["date"] == row["date"] and e["precision"] == "day" for e in events)
        assert row["events"] == expected, row
    assert any(row["events"] == 0 for row in rows) and sum(row["events"] for row in rows) > 0


def test_casualty_claims_carry_their_sentence_and_section(varnek):
    database, command = varnek
    claims = command("casualties")
    rows = [dict(row) for row in database.execute("select * from casualty_claims order by claim")]
    assert [(r["value"], r["victim_group"], r["section"], r["sentence"], r["claimant_entity"]) for r in rows] == [
        (c["value"], c["group"], c["section"], c["sentence"], c["claimant_entity"]) for c in claims
    ]
    sentences = dict(database.execute("select id, text from sentences").fetchall())
    for row, claim in zip(rows, claims):
        assert row["text"] == (sentences[row["sentence"]] if row["sentence"] is not None else claim["text"])
    assert any(row["sentence"] is not None for row in rows) and any(row["sentence"] is None for row in rows)


FENMOOR = """---
infoboxes:
  - conflict:
      text: Battle of Fenmoor
    combatant1:
      text: Ruritania
    combatant2:
      text: Borduria
    commander1:
      text: Gen. Jan Hollis (KIA)
    commander2:
      text: Petra Vask
    units1:
      text: |-
        Ruritanian Army
        * 3rd Rifle Brigade
    strength1:
      text: |-
        12,000 troops
        40 tanks
    strength2:
      text: about 9,000
---

## Battle

Ruritania attacked Borduria.
"""


def test_the_sides_are_tables_keyed_to_a_side(tmp_path, make_doc):
    database = exported(make_doc(FENMOOR, name="fenmoor.md"), tmp_path)
    database.row_factory = sqlite3.Row
    sides = run_json("sides", "--doc", str(tmp_path / "fenmoor.md"))
    renamed = {"unit_group": "group"}
    for table in ("parties", "commanders", "units", "strength"):
        rows = [dict(row) for row in database.execute(f"select * from {table} order by id")]
        assert [(row.pop("id"), row.pop("side")) for row in rows] == [
            (index, side) for index, side in enumerate(s["side"] for s in sides for _ in s[table])
        ]
        assert [{renamed.get(k, k): v for k, v in row.items()} for row in rows] == [r for s in sides for r in s[table]]
    assert tuple(database.execute("select side, name, rank, status from commanders where side = 1").fetchone()) == (
        1, "Jan Hollis", "Gen.", "killed"
    )
    assert [tuple(r) for r in database.execute("select side, value, qualifier from strength where side = 2")] == [
        (2, 9000, "approx")
    ]
    assert [tuple(r) for r in database.execute("select id, parties from sides")] == [(1, '["Ruritania"]'), (2, '["Borduria"]')]
    assert database.execute("pragma foreign_key_check").fetchall() == []


def test_the_readme_lists_every_table_view_and_renamed_column():

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    exports = readme[readme.index("## Exports"):readme.index("## Recipes")]
    for table in exporter.TABLES:
        assert re.search(rf"\b{table}\b", exports), table
    for view in ("casualty_claims", "events_per_day", "sentences_fts"):
        assert view in exports
    for table, renamed in exporter.SQL_NAMES.items():
        for field, column in renamed.items():
            assert column in exports and f"`{field}`" in exports, (table, column)
