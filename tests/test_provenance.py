"""Provenance: the article's URL, each record's section anchor and sentence, in JSON and views."""

from urllib.parse import unquote

from cli_runner import run, run_json

from karabakh_cli.extract.document import Section
from karabakh_cli.extract.provenance import article_url, section_anchors

CITED_WAR = """---
title: War of the Lakes
pubDate: "2024-03-01"
infoboxes:
  - combatant1: {text: "Nordland"}
    combatant2: {text: "Sudmark"}
---
The War of the Lakes was fought between Nordland and Sudmark.

## Course of the war

On 4 May 2001, Nordland's ministry of defence said that 30 Sudmarkian soldiers were killed.

## Casualties

### Nordland

Sudmark's army said on 9 May 2001 that 12 Nordlandic soldiers were killed.

### Sudmark

General Ida Varn of Sudmark said on 10 May 2001 that 7 Sudmarkian soldiers were wounded.

## Aftermath

### Casualties

General Ida Varn spoke again.

## Aftermath

The peace held.
"""


def test_article_url_from_the_title_as_wikipedia_forms_it():
    assert article_url({}, "War of the Lakes") == "https://en.wikipedia.org/wiki/War_of_the_Lakes"
    assert article_url({}, "lake war (1901–1902)") == "https://en.wikipedia.org/wiki/Lake_war_(1901%E2%80%931902)"
    assert article_url({}, "Nordland's war") == "https://en.wikipedia.org/wiki/Nordland%27s_war"
    assert article_url({}, "") is None


def test_article_url_from_the_frontmatter_when_given():
    page = "https://en.wikipedia.org/w/index.php?title=Lake_war&oldid=5"
    assert article_url({"url": page}, "Lake war") == page
    assert article_url({"source": page}, "Lake war") == page
    assert article_url({"source": "a book"}, "Lake war") == "https://en.wikipedia.org/wiki/Lake_war"


def test_section_anchors_as_wikipedia_forms_them():
    sections = (
        Section("Introduction", 2, "Introduction", 0),
        Section("Course  of the war", 2, "Course  of the war", 1),
        Section("Losses", 2, "Losses", 2),
        Section("Losses", 3, "Losses > Losses", 3),
        Section("Peace (1901–1902)", 2, "Peace (1901–1902)", 4),
        Section("50% rule", 2, "50% rule", 5),
        Section("Aftermath", 2, "Aftermath", 6),
        Section("Aftermath", 2, "Aftermath", 7),
    )
    anchors = section_anchors(sections)
    assert "Introduction" not in anchors  # the lead has no heading
    assert anchors["Course  of the war"] == "#Course_of_the_war"
    assert anchors["Losses"] == "#Losses"
    assert anchors["Losses > Losses"] == "#Losses_2"
    assert unquote(anchors["Peace (1901–1902)"]) == "#Peace_(1901–1902)"
    assert anchors["Peace (1901–1902)"].isascii()
    assert unquote(anchors["50% rule"]) == "#50%_rule"
    assert anchors["Aftermath"] is None


def test_json_records_carry_the_url_snapshot_and_anchor(make_doc):
    path = make_doc(CITED_WAR)
    summary = run_json("summary", "--doc", path)
    assert summary["url"] == "https://en.wikipedia.org/wiki/War_of_the_Lakes"
    assert summary["as_of"] == "2024-03-01"
    claims = run_json("casualties", "--doc", path)
    by_value = {claim["value"]: claim for claim in claims}
    assert by_value[30]["section_anchor"] == "#Course_of_the_war"
    assert by_value[12]["section_anchor"] == "#Nordland"
    assert by_value[7]["section_anchor"] == "#Sudmark"
    events = run_json("timeline", "--doc", path)
    assert {e["section_anchor"] for e in events if e["source"] == "body"} == {"#Course_of_the_war", "#Nordland", "#Sudmark"}
    sections = {s["path"]: s["section_anchor"] for s in run_json("sections", "--doc", path)}
    assert sections["Introduction"] is None
    assert sections["Casualties > Sudmark"] == "#Sudmark"
    mentions = run_json("entity", "Ida Varn", "--doc", path)["mentions"]
    assert mentions[-1]["section_anchor"] == "#Casualties_2"
    hits = run_json("search", "spoke", "--doc", path)
    assert [h["section_anchor"] for h in hits] == ["#Casualties_2"]
    # Two headings "Aftermath" at one level: which one a sentence is under is unknown.
    assert [h["section_anchor"] for h in run_json("search", "peace held", "--doc", path)] == [None]


def test_human_views_cite_the_section_and_sentence(make_doc):
    path = make_doc(CITED_WAR)
    claims = run_json("casualties", "--doc", path)
    every = run("casualties", "--all", "--doc", path).stdout
    for claim in claims:
        assert f"{claim['section']}, sentence {claim['sentence']}" in every
    mentions = run_json("entity", "Ida Varn", "--doc", path)["mentions"]
    profile = run("entity", "Ida Varn", "--doc", path).stdout
    for mention in mentions:
        assert f"{mention['section']}, sentence {mention['sentence']}" in profile
