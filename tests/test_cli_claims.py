"""The `casualties` and `losses` commands: JSON, filters, exit codes and the human views."""

import json
from pathlib import Path


from cli_runner import run, run_json


SMALL_WAR = """---
title: Small war
infoboxes:
  - combatant1: {text: "🇫🇷 France"}
    combatant2: {text: "🇩🇪 Germany"}
    casualties1: {text: "Per German sources:\\n* 31–94 soldiers killed"}
    casualties2: {text: "Per French sources:\\n* ~1,000 soldiers killed\\nGerman claim:\\n* 60+ soldiers killed"}
---
## Casualties

French officials said [citation needed] that 12 German soldiers were killed on 3 May 2001.
"""


def test_casualties_json_is_every_claim_infobox_first():
    data = run_json("casualties")
    assert len(data) == 82
    assert list(data[0]) == [
        "claimant", "claimant_side", "subject", "side", "group", "category", "value", "upper",
        "qualifier", "as_of", "source", "section", "text", "item", "status", "sentence", "headline", "section_anchor",
        "as_of_precision", "claimant_entity",
    ]
    assert [claim["source"] for claim in data[:25]] == ["infobox"] * 25
    assert {claim["source"] for claim in data[25:]} == {"body"}
    assert {
        "claimant": "Azerbaijani authorities", "claimant_side": 1, "subject": "Armenian servicemen",
        "side": 2, "group": "military", "category": "killed", "value": 5000, "upper": None,
        "qualifier": "more_than", "as_of": "2020-10-28", "source": "body", "section": "Casualties > Military",
    }.items() <= next(c for c in data if c["value"] == 5000 and c["qualifier"] == "more_than").items()


def test_casualties_filters():
    killed = run_json("casualties", "--side", "2", "--category", "killed", "--source", "body")
    assert [(c["value"], c["claimant_side"]) for c in killed] == [
        (3825, 2), (85, 2), (3825, 2), (5000, 1), (5000, 2), (19, None), (12, None), (7, None),
    ]
    # "SOHR" is an alias of the body's "Syrian Observatory for Human Rights": its claim too
    assert [c["value"] for c in run_json("casualties", "--claimant", "sohr")] == [541, 3, 541]
    by_side_1 = run_json("casualties", "--claimant", "1")
    assert by_side_1 and {c["claimant_side"] for c in by_side_1} == {1}
    third = run_json("casualties", "--claimant", "third", "--category", "displaced")
    assert [(c["subject"], c["value"]) for c in third] == [("Azerbaijanis", 40000), ("Armenians", 100000)]


def test_a_filter_that_matches_nothing_exits_1():
    varnek = str(Path(__file__).parent / "docs" / "battle_of_varnek.md")  # no wounded of side 2
    result = run("casualties", "--side", "2", "--category", "wounded", "--doc", varnek, "--json")
    assert (result.exit_code, json.loads(result.stdout)) == (1, [])
    human = run("casualties", "--side", "2", "--category", "wounded", "--doc", varnek)
    assert human.exit_code == 1 and human.stdout == ""
    assert human.stderr == "karabakh: no casualty claim matches --side 2 --category wounded\n"


def test_a_side_or_claimant_the_article_lacks_is_an_input_error():
    result = run("casualties", "--side", "9")
    assert result.exit_code == 2 and result.stderr.endswith("there is no side 9; sides: 1, 2\n")
    assert run("losses", "--claimant", "nobody").exit_code == 2


def test_a_bad_choice_is_a_usage_error():
    result = run("casualties", "--category", "eaten")
    assert result.exit_code == 2
    assert "--category must be one of killed, wounded, missing, captured, displaced" in result.stderr
    assert run("losses", "--source", "rumour").exit_code == 2


def test_an_article_without_casualty_data_notes_it_and_exits_0(tmp_path):
    path = tmp_path / "quiet.md"
    path.write_text("---\ntitle: Quiet\n---\nNothing happened in 2001.\n", encoding="utf-8")
    for command, what in (("casualties", "casualty figures"), ("losses", "equipment losses")):
        result = run(command, "--doc", str(path), "--json")
        assert result.exit_code == 0
        assert json.loads(result.stdout) == []
        assert result.stderr == f"karabakh: {path}: the article gives no {what}\n"
        human = run(command, "--doc", str(path))
        assert human.exit_code == 0 and human.stdout == ""


def test_the_comparison_matrix_on_the_seed():
    result = run("casualties")
    assert result.exit_code == 0
    out = result.stdout
    for header in ("Losses of side", "Claimed by side 1", "Claimed by side 2", "Third parties", "High/low"):
        assert header in out
    side_1_killed = next(line for line in out.splitlines() if "1 Azerbaijan" in line and "military" in line and "killed" in line)
    assert "2,906" in side_1_killed and "7,630" in side_1_killed and "×2.6 !" in side_1_killed
    assert ">5,000 (2020-10-28)" in out
    assert "~11,000" in out and "60+" in out and "541+" in out


def test_the_matrix_shows_ranges_and_keeps_brackets(tmp_path):
    path = tmp_path / "small.md"
    path.write_text(SMALL_WAR, encoding="utf-8")
    matrix = run("casualties", "--doc", str(path)).stdout
    assert "31–94" in matrix and "~1,000" in matrix and "60+" in matrix
    listing = run("casualties", "--doc", str(path), "--all", "--source", "body").stdout
    assert "[citation needed]" in listing
    assert "2001-05-03" in listing and "French officials" in listing and "(side 1)" in listing


def test_losses_json_and_filters():
    data = run_json("losses")
    assert len(data) == 58
    assert all(claim["item"] and claim["status"] and claim["category"] == "equipment" for claim in data)
    oryx = run_json("losses", "--side", "2", "--claimant", "oryx")
    assert [(c["item"], c["status"], c["value"]) for c in oryx[:4]] == [
        ("tanks", "lost", 255), ("tanks", "destroyed", 146), ("tanks", "damaged", 6), ("tanks", "captured", 103),
    ]
    assert len(oryx) == 12
    assert [c["item"] for c in run_json("losses", "--source", "infobox")] == ["Mi-24"]


def test_losses_human_view_groups_by_owner_and_claimant():
    result = run("losses", "--side", "2")
    assert result.exit_code == 0
    out = result.stdout
    assert "Equipment lost by side 2 Artsakh/Armenia" in out
    assert out.index("Azerbaijan (side 1)") < out.index("Dutch warfare research group Oryx")
    assert "~250" in out and "2020-10-07" in out


def test_the_matrix_renderer_flags_wide_disagreements():
    from datetime import date

    from karabakh_cli import render
    from karabakh_cli.extract.claims import Claim
    from karabakh_cli.output import Environment

    def claim(claimant_side, value, qualifier="exact", as_of=None):
        return Claim("X", claimant_side, "soldiers", 1, "military", "killed", value, None, qualifier,
                     as_of, "body", "Casualties", "[b]not markup[/b]")

    out = render.Output(Environment(is_terminal=True, width=100))
    claims = [claim(1, 2906), claim(2, 7630), claim(2, 5000, "more_than", date(2020, 10, 28)), claim(None, 541, "at_least")]
    render.casualties(out, claims, parties={1: ("Azerbaijan",), 2: ("Armenia",)})
    matrix = out.buffer.getvalue()
    row = next(line for line in matrix.splitlines() if "1 Azerbaijan" in line)
    assert row.split() == ["1", "Azerbaijan", "military", "killed", "2,906", "7,630", "541+", "×2.6", "!"]
    assert ">5,000" in matrix and "(2020-10-28)" in matrix
    listing = render.Output(Environment(is_terminal=True, width=100))
    render.claims_list(listing, claims[:1], parties={})
    assert "[b]not markup[/b]" in listing.buffer.getvalue()


def test_limit_cuts_the_claims_of_casualties_and_losses():
    for command in ("casualties", "losses"):
        every = run_json(command)
        assert len(every) > 3
        assert run_json(command, "--limit", "3") == every[:3]
        assert run_json(command, "--limit", "0") == every
    rows = run("casualties", "--csv", "--limit", "2").stdout.splitlines()
    assert len(rows) == 3  # the header and two claims
