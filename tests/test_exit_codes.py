"""One exit-code rule for every command: 0 an answer, 1 a query that found nothing, 2 a usage
or input error (also an option naming a side, section, claimant or field the document lacks)."""

import json
from pathlib import Path

import pytest

from cli_runner import run

VARNEK = Path(__file__).parent / "docs" / "battle_of_varnek.md"
SEED = None  # the bundled article

FOUND, NOTHING, ERROR = 0, 1, 2

CASES = [
    (("summary",), VARNEK, FOUND),
    (("summary", "--bogus"), VARNEK, ERROR),
    (("infobox",), VARNEK, FOUND),
    (("infobox", "result"), VARNEK, FOUND),
    (("infobox", "no_such_field"), VARNEK, ERROR),
    (("sections",), VARNEK, FOUND),
    (("names",), VARNEK, FOUND),
    (("sides",), VARNEK, FOUND),
    (("sides", "--side", "2"), VARNEK, FOUND),
    (("sides", "--side", "3"), VARNEK, ERROR),
    (("sides", "--side", "0"), VARNEK, ERROR),
    (("casualties",), VARNEK, FOUND),
    (("casualties", "--claimant", "dorsan"), VARNEK, FOUND),
    (("casualties", "--side", "2", "--category", "wounded"), VARNEK, NOTHING),
    (("casualties", "--side", "3"), VARNEK, ERROR),
    (("casualties", "--claimant", "3"), VARNEK, ERROR),
    (("casualties", "--claimant", "Quorvish Herald"), VARNEK, ERROR),
    (("casualties", "--category", "eaten"), VARNEK, ERROR),
    (("losses",), VARNEK, FOUND),  # the article has none: an empty answer and a note
    (("losses", "--side", "3"), VARNEK, ERROR),
    (("losses", "--side", "3"), SEED, ERROR),
    (("losses", "--claimant", "Quorvish Herald"), SEED, ERROR),
    (("timeline",), VARNEK, FOUND),
    (("timeline", "--about", "Quorvish"), VARNEK, NOTHING),
    (("timeline", "--from", "1 Jan 1900", "--to", "31 Dec 1900"), VARNEK, NOTHING),
    (("timeline", "--section", "Casualties"), VARNEK, FOUND),
    (("timeline", "--section", "Nope"), VARNEK, ERROR),
    (("timeline", "--from", "not a date"), VARNEK, ERROR),
    (("on", "5 April 2016"), VARNEK, FOUND),
    (("on", "1 May 2016"), VARNEK, NOTHING),
    (("on", "not a date"), VARNEK, ERROR),
    (("entities",), VARNEK, FOUND),
    (("entities", "--type", "weapon"), VARNEK, NOTHING),
    (("entities", "--side", "3"), VARNEK, ERROR),
    (("entity", "Reyes"), VARNEK, FOUND),
    (("entity", "Quorvish"), VARNEK, NOTHING),
    (("entity", ""), VARNEK, ERROR),
    (("entity", "  "), VARNEK, ERROR),
    (("entity", "Harutyunyan"), SEED, ERROR),  # two entities have that name
    (("search", "killed"), VARNEK, FOUND),
    (("search", "Quorvish"), VARNEK, NOTHING),
    (("search", "killed", "--section", "Casualties"), VARNEK, FOUND),
    (("search", "killed", "--section", "Nope"), VARNEK, ERROR),
    (("search", ""), VARNEK, ERROR),
]


def with_doc(args, doc):
    return [*args, "--doc", str(doc)] if doc is not None else list(args)


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
@pytest.mark.parametrize("args, doc, code", CASES, ids=[" ".join(c[0]) + (" (seed)" if c[1] is None else "") for c in CASES])
def test_exit_code_rule(args, doc, code, as_json):
    result = run(*with_doc(args, doc), *(["--json"] if as_json else []))
    assert result.exit_code == code, result.output
    if code == ERROR:  # click's own usage errors are made one line by entry.py, not run here
        assert "rror" in result.stderr and "Traceback" not in result.stderr
    if code == NOTHING and as_json:
        assert json.loads(result.stdout) in ([], None)
    if code == NOTHING and not as_json:
        assert result.stderr.startswith("karabakh: ") and "error" not in result.stderr


@pytest.mark.parametrize(
    "args, code",
    [(("export", "-", "--format", "json"), FOUND), (("export", "-", "--format", "yaml"), ERROR), (("export",), ERROR)],
)
def test_export_exit_codes(args, code):
    assert run(*args, "--doc", str(VARNEK)).exit_code == code
