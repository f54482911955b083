"""Headline figures: each claimant side's figure the casualty matrix compares, marked in JSON."""

from cli_runner import run, run_json

from karabakh_cli.extract.claims import Claim, headline

HEADLINE_WAR = """---
title: Lake war
infoboxes:
  - combatant1: {text: "Nordland"}
    combatant2: {text: "Sudmark"}
    casualties1: {text: "Per Nordland:\\n* 40 soldiers killed"}
    casualties2: {text: "Per Sudmark:\\n* 100 soldiers killed"}
---
## Casualties

Nordland's ministry of defence said that 300 Sudmarkian soldiers were killed.
Nordland's ministry of defence said that 20 Sudmarkian soldiers were killed in one attack.
The Red Lantern Society reported that 500 Sudmarkian soldiers were killed.
"""


def _claim(value, source="body", upper=None):
    return Claim("X", 1, "soldiers", 2, "military", "killed", value, upper, "exact", None, source, None, "")


def test_headline_is_the_infobox_figure_else_the_largest():
    infobox = _claim(40, source="infobox")
    assert headline([_claim(300), infobox, _claim(20)]) is infobox
    largest = _claim(30, upper=90)
    assert headline([_claim(80), largest, _claim(20)]) is largest
    first = _claim(50)
    assert headline([first, _claim(50)]) is first
    assert headline([]) is None


def test_each_claimant_sides_headline_is_marked_in_json(make_doc):
    path = make_doc(HEADLINE_WAR)
    claims = run_json("casualties", "--doc", path)
    marked = {(c["claimant_side"], c["side"], c["value"]) for c in claims if c["headline"]}
    # Sudmark's losses: side 2 claims 100 in its infobox; side 1 has no infobox figure for
    # them, so its largest prose figure (300, not the partial 20); the third party has none.
    assert (2, 2, 100) in marked
    assert (1, 2, 300) in marked
    assert not any(c["headline"] for c in claims if c["claimant_side"] is None)
    assert not any(c["headline"] for c in claims if c["value"] in (20, 500))


def test_the_matrix_compares_the_marked_figures(make_doc):
    path = make_doc(HEADLINE_WAR)
    claims = run_json("casualties", "--doc", path)
    heads = [c["value"] for c in claims if c["headline"] and c["side"] == 2]
    factor = max(heads) / min(heads)
    assert f"×{factor:.1f}" in run("casualties", "--doc", path).stdout
