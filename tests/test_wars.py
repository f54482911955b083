"""Wars side by side: `summary` over several documents (one record and one table row per
war) and `casualties --compare` (wars ranked by the gap between the sides' claims)."""

import json

import pytest
from cli_runner import run, run_json

from karabakh_cli.extract.claims import Claim
from karabakh_cli.extract.summary import Counts, SideParties, Summary
from karabakh_cli.extract.wars import war
from karabakh_cli.factbase import FactBase
from karabakh_cli.records import to_data

# Each side's own infobox figure, and in the prose the other side's count of its dead:
# side 1's ratio 120/40 = 3, side 2's ~500/100 = 5; the war's largest is 5.
LAKE = """---
title: Lake war
infoboxes:
  - conflict: {text: "Lake war"}
    date: {text: "1–10 March 2001"}
    combatant1: {text: "Nordland"}
    combatant2: {text: "Sudmark"}
    casualties1: {text: "Per Nordland:\\n* 40 soldiers killed"}
    casualties2: {text: "Per Sudmark:\\n* 100 soldiers killed"}
---
The Lake war was fought between Nordland and Sudmark over Blue Lake.

## Course

On 3 March 2001, General Ivo Brann led the army of Nordland across the lake.
On 5 March 2001, Sudmark's ministry of defence said that 120 Nordlandian soldiers were killed.
Nordland's ministry of defence said that about 500 Sudmarkian soldiers were killed.
Nordland's ministry of defence said that 6 Sudmarkian tanks were destroyed.
"""

# Side 2's ratio >60/30 = 2; side 1 is counted only by itself: no ratio.
RIVER = """---
title: River war
infoboxes:
  - conflict: {text: "River war"}
    date: {text: "2–4 May 1999"}
    combatant1: {text: "Ostria"}
    combatant2: {text: "Westria"}
    casualties1: {text: "Per Ostria:\\n* 12 soldiers killed"}
    casualties2: {text: "Per Westria:\\n* 30 soldiers killed"}
---
The River war was fought between Ostria and Westria along the Grey River.

## Course

On 2 May 1999, General Ada Kell sent the army of Ostria over the bridge.
Westria's ministry of defence said that 3 Ostrian tanks were destroyed.
Ostria's ministry of defence said that more than 60 Westrian soldiers were killed.
"""

# No casualty figure at all: every figure and ratio is null.
FIELD = """---
title: Field war
infoboxes:
  - conflict: {text: "Field war"}
    date: {text: "7 June 1990"}
    combatant1: {text: "Estmark"}
    combatant2: {text: "Vestmark"}
---
The Field war was a clash between Estmark and Vestmark.

## Course

On 7 June 1990, the army of Estmark crossed the Long Field.
"""


@pytest.fixture
def folder(tmp_path):
    """Three wars; their files' order (river, lake, field) is not the ranking's (lake, river, field)."""
    for name, text in (("a_river.md", RIVER), ("b_lake.md", LAKE), ("c_field.md", FIELD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _figure(record):
    return record and (record["value"], record["qualifier"])


def test_summary_of_several_documents_is_one_record_per_war(folder):
    wars = run_json("summary", "--doc", folder)
    assert [w["title"] for w in wars] == ["River war", "Lake war", "Field war"]
    assert [w["document"] for w in wars] == [str(folder / n) for n in ("a_river.md", "b_lake.md", "c_field.md")]
    lake = wars[1]
    assert (lake["start"], lake["end"], lake["duration_days"], lake["ongoing"]) == ("2001-03-01", "2001-03-10", 10, False)
    nordland, sudmark = lake["sides"]
    assert (nordland["side"], nordland["parties"], nordland["group"]) == (1, ["Nordland"], "military")
    assert _figure(nordland["killed_by_itself"]) == (40, "exact")
    assert _figure(nordland["killed_by_other"]) == (120, "exact")
    assert _figure(sudmark["killed_by_itself"]) == (100, "exact")
    assert _figure(sudmark["killed_by_other"]) == (500, "approx")
    assert (nordland["ratio"], sudmark["ratio"], lake["largest_ratio"]) == (3.0, 5.0, 5.0)
    field = wars[2]
    assert all(s["killed_by_itself"] is None and s["killed_by_other"] is None for s in field["sides"])
    assert field["largest_ratio"] is None


def test_a_wars_counts_are_its_claims_and_dated_statements(folder):
    lake = run_json("summary", "--doc", folder)[1]
    path = folder / "b_lake.md"
    assert lake["claim_count"] == len(run_json("casualties", "--doc", path)) == 4
    assert lake["event_count"] == len(run_json("timeline", "--doc", path)) > 0


def test_the_wars_table_is_one_table_of_every_war(folder):
    shown = run("summary", "--doc", folder)
    assert shown.exit_code == 0, shown.output
    out = shown.stdout
    headers = [line for line in out.splitlines() if line.split()[:2] == ["War", "Dates"]]
    assert len(headers) == 1  # one table, not one per war
    assert out.index("River war") < out.index("Lake war") < out.index("Field war")
    assert "~500" in out and ">60" in out
    assert any("Lake war" in line and "2001-03-01" in line for line in out.splitlines())
    assert "About" not in out  # not the one-war summary


def test_a_wars_headline_follows_the_matrix_rule():
    """Its own infobox figure beats a larger prose figure, as in the casualty matrix."""

    def claim(claimant_side, side, value, source, group="military"):
        return Claim("X", claimant_side, "soldiers", side, group, "killed", value, None, "exact", None, source, None, "")

    claims = [
        claim(1, 1, 40, "infobox"), claim(1, 1, 90, "body"), claim(2, 1, 70, "body"), claim(2, 1, 300, "body"),
        claim(2, 1, 5000, "body", group="civilian"),
    ]
    summary = Summary("W", None, None, None, None, None, None, None, (), (SideParties(1, ("A",)), SideParties(2, ("B",))),
                      Counts(0, 0, 0, 0, 0), ())
    side = war(summary, claims, 0).sides[0]
    assert (side.killed_by_itself.value, side.killed_by_other.value, side.ratio) == (40, 300, 7.5)


def test_the_other_side_is_unknown_in_a_war_of_three_sides():
    def claim(claimant_side, value):
        return Claim("X", claimant_side, "soldiers", 1, "military", "killed", value, None, "exact", None, "body", None, "")

    sides = tuple(SideParties(n, (f"P{n}",)) for n in (1, 2, 3))
    summary = Summary("W", None, None, None, None, None, None, None, (), sides, Counts(0, 0, 0, 0, 0), ())
    first = war(summary, [claim(1, 10), claim(2, 50)], 0).sides[0]
    assert first.killed_by_itself.value == 10
    assert first.killed_by_other is None and first.ratio is None


def test_compare_ranks_wars_by_their_largest_ratio(folder):
    rows = run_json("casualties", "--compare", "--doc", folder)
    assert [(r["title"], r["side"]) for r in rows] == [
        ("Lake war", 1), ("Lake war", 2), ("River war", 1), ("River war", 2), ("Field war", 1), ("Field war", 2),
    ]
    assert [r["ratio"] for r in rows] == [3.0, 5.0, None, 2.0, None, None]
    assert rows[3]["killed_by_other"]["qualifier"] == "more_than"
    assert rows[2]["killed_by_other"] is None  # nobody else counts Ostria's dead
    assert all(r["document"].endswith(("a_river.md", "b_lake.md", "c_field.md")) for r in rows)


def test_compare_as_a_table_and_as_csv(folder):
    table = run("casualties", "--compare", "--doc", folder).stdout
    assert table.index("Lake war") < table.index("River war") < table.index("Field war")
    assert "×5.00" in table and "×2.00" in table
    csv_rows = run("casualties", "--compare", "--csv", "--fields", "title,side,ratio,document", "--doc", folder).stdout
    assert csv_rows.splitlines()[:2] == ["title,side,ratio,document", f"Lake war,1,3.0,{folder / 'b_lake.md'}"]


def test_compare_limit_cuts_the_ranking_not_each_war(folder):
    rows = run_json("casualties", "--compare", "--limit", "3", "--doc", folder)
    assert [(r["title"], r["side"]) for r in rows] == [("Lake war", 1), ("Lake war", 2), ("River war", 1)]


def test_compare_on_one_document_is_its_sides(tmp_path):
    path = tmp_path / "lake.md"
    path.write_text(LAKE, encoding="utf-8")
    rows = run_json("casualties", "--compare", "--doc", path)
    assert [(r["side"], r["ratio"]) for r in rows] == [(1, 3.0), (2, 5.0)]
    assert not any("document" in r for r in rows)


def test_compare_refuses_the_claim_filters(tmp_path):
    path = tmp_path / "lake.md"
    path.write_text(LAKE, encoding="utf-8")
    result = run("casualties", "--compare", "--category", "wounded", "--doc", path)
    assert result.exit_code == 2
    assert "--compare cannot be combined with --category" in result.stderr


def test_summary_of_one_document_is_unchanged(tmp_path):
    path = tmp_path / "lake.md"
    path.write_text(LAKE, encoding="utf-8")
    expected = to_data(FactBase.load(path).summary)
    assert run_json("summary", "--doc", path) == expected
    assert run_json("summary", "--doc", tmp_path) == expected  # a folder of one document
    assert "Dates     2001-03-01 to 2001-03-10 (10 days)" in run("summary", "--doc", tmp_path).stdout


def test_summary_fields_pick_from_the_war_records(folder):
    result = run("summary", "--json", "--fields", "title,largest_ratio", "--doc", folder)
    assert json.loads(result.stdout) == [
        {"title": "River war", "largest_ratio": 2.0},
        {"title": "Lake war", "largest_ratio": 5.0},
        {"title": "Field war", "largest_ratio": None},
    ]


def test_a_wars_figures_are_the_claims_the_matrix_marks_headline(tmp_path):
    path = tmp_path / "lake.md"
    path.write_text(LAKE, encoding="utf-8")
    marked = {(c["side"], c["claimant_side"], c["value"]) for c in run_json("casualties", "--doc", path) if c["headline"]}
    for side in run_json("casualties", "--compare", "--doc", path):
        other = 3 - side["side"]
        assert (side["side"], side["side"], side["killed_by_itself"]["value"]) in marked
        assert (side["side"], other, side["killed_by_other"]["value"]) in marked
