"""Infobox fields in any case, and "did you mean" for a field, section, claimant or entity
name the document lacks: the few closest names in the one-line message, never all of them."""

from pathlib import Path

import pytest

from cli_runner import run, run_json

VARNEK = str(Path(__file__).parent / "docs" / "battle_of_varnek.md")


@pytest.mark.parametrize("field", ["Result", "RESULT", "result"])
def test_infobox_field_names_ignore_case(field):
    assert run_json("infobox", field, "--doc", VARNEK)["field"] == "result"


@pytest.mark.parametrize(
    "args, suggestion",
    [
        (("infobox", "reslt"), "no infobox field 'reslt'; did you mean 'result'?"),
        (("infobox", "comander1"), "did you mean 'commander1' or 'commander2'?"),
        (("search", "killed", "--section", "Casualtes"), "no section 'Casualtes'; did you mean 'Casualties'?"),
        (("timeline", "--section", "backgrond"), "no section 'backgrond'; did you mean 'Background'?"),
        (("casualties", "--claimant", "Velmary sources"), "did you mean 'Velmari sources'?"),
    ],
)
def test_an_unknown_name_suggests_the_closest(args, suggestion):
    result = run(*args, "--doc", VARNEK)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("karabakh: error: ") and result.stderr.endswith(suggestion + "\n")


def test_an_unknown_entity_suggests_the_closest():
    result = run("entity", "Lucas Ortego", "--doc", VARNEK)
    assert result.exit_code == 1
    assert result.stderr == "karabakh: no entity is called 'Lucas Ortego'; did you mean 'Lucas Ortega'?\n"


@pytest.mark.parametrize(
    "args, hint",
    [
        (("infobox", "zzzz"), "; `karabakh infobox` lists the fields"),
        (("search", "killed", "--section", "Zzzz"), "; `karabakh sections` lists them"),
    ],
)
def test_nothing_close_points_to_the_list_instead_of_dumping_it(args, hint):
    result = run(*args, "--doc", VARNEK)
    assert result.exit_code == 2 and result.stderr.endswith(hint + "\n")
    assert "casualties1" not in result.stderr and "Background" not in result.stderr
