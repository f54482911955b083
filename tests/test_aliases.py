"""One alias-aware reading of every option that names something: a name and its aliases give
the same answer, and a terminal is told when an alias widened the query."""

import pytest

from cli_runner import run, run_json


def sentences_of(rows):
    return sorted(str(row["sentence"]) + row.get("expression", "") for row in rows)


@pytest.mark.parametrize(
    "command, name, alias",
    [
        (("search",), "Shusha", "Shushi"),
        (("timeline", "--about"), "Shusha", "Shushi"),
        (("casualties", "--all", "--claimant"), "Human Rights Watch", "HRW"),
    ],
)
def test_a_name_and_its_alias_give_the_same_answer(seed, command, name, alias):
    by_name, by_alias = run_json(*command, name), run_json(*command, alias)
    assert by_name and sorted(map(str, by_name)) == sorted(map(str, by_alias))
    entity = seed.entity_index.named(alias)
    assert entity is not None and name in (entity.name, *entity.aliases)


def test_an_alias_is_said_on_stderr_but_not_in_json():
    shown = run("search", "Shushi")
    assert shown.exit_code == 0
    assert "'Shushi' also matches 'Shusha': other names of the same entity" in shown.stderr
    assert run("search", "Shushi", "--json").stderr == ""
    assert "'HRW' also matches" in run("casualties", "--claimant", "HRW").stderr


def test_a_side_number_or_third_is_not_a_name():
    assert run("casualties", "--claimant", "third").stderr == ""
    assert run_json("casualties", "--claimant", "1") == run_json("casualties", "--claimant", " 1")


def test_a_word_that_names_no_single_entity_is_searched_as_typed(seed):
    assert seed.other_names("drone") == ()
    assert seed.parse_query("drone").widened == ()


# --- --side by a party's name -------------------------------------------------------------

TRI_BORDER = "tests/docs/tri_border_war.md"


@pytest.mark.parametrize("party, number", [("Umbara", "2"), ("tazir", "3"), ("France", "1")])
def test_side_by_party_name_is_its_infobox_column(party, number):
    for command in ("sides", "casualties", "entities"):
        by_name = run(command, "--doc", TRI_BORDER, "--side", party, "--json")
        by_number = run(command, "--doc", TRI_BORDER, "--side", number, "--json")
        assert by_number.exit_code in (0, 1)
        assert (by_name.exit_code, by_name.stdout) == (by_number.exit_code, by_number.stdout)
    assert f"--side '{party}' is side {number}" in run("sides", "--doc", TRI_BORDER, "--side", party).stderr


@pytest.mark.parametrize("value, problem", [("Ossa", "names no party of one side"), ("0", "numbered from 1")])
def test_side_that_names_no_party_is_a_usage_error(value, problem):
    result = run("sides", "--doc", TRI_BORDER, "--side", value)
    assert result.exit_code == 2 and problem in result.stderr
    if value == "Ossa":
        assert "Kesh, France, Umbara, Tazir" in result.stderr


def test_side_by_an_alias_of_a_party(seed):
    entity = next(e for e in seed.entities if e.role == "combatant" and e.aliases)
    assert run_json("sides", "--side", entity.aliases[0]) == run_json("sides", "--side", entity.name)
