"""Every command on four other articles of the same format (tests/docs/): a one-week battle
with claims by each side about the other, a war of three sides, a war of the 1850s and a
city that is no conflict. The expected values are read from the documents themselves."""

import json
from pathlib import Path

import pytest

from cli_runner import run

DOCS = Path(__file__).resolve().parent / "docs"
VARNEK = DOCS / "battle_of_varnek.md"
TRI_BORDER = DOCS / "tri_border_war.md"
CRIMEA = DOCS / "crimean_campaign.md"
LORN = DOCS / "city_of_lorn.md"

# For each document: a day in its span, a name it mentions, a word of its prose.
QUERIES = {
    VARNEK: ("6 April 2016", "Anton Reyes", "artillery"),
    TRI_BORDER: ("6 August 1998", "Juma Salim", "treaty"),
    CRIMEA: ("20 March 1854", "Jean Morel", "cholera"),
    LORN: ("5 October 1911", "Lorn", "festival"),
}


def commands(doc: Path) -> list[list[str]]:
    day, name, word = QUERIES[doc]
    return [
        ["summary"], ["infobox"], ["sections"], ["names"], ["sides"], ["casualties"], ["losses"],
        ["timeline"], ["on", day], ["entities"], ["entity", name], ["search", word],
    ]


def query(doc: Path, *args, code: int = 0):
    """`karabakh ARGS --doc DOC --json`: the exit code checked, the JSON parsed."""
    result = run(*args, "--doc", doc, "--json")
    assert result.exit_code == code, (args, result.output)
    return json.loads(result.stdout)


def by_text(claims: list[dict], text: str) -> list[dict]:
    return [claim for claim in claims if claim["text"] == text]


def body(events: list[dict]) -> list[dict]:
    """The events of the prose, without the infobox's span of the whole conflict."""
    return [e for e in events if e["source"] == "body"]


def event(events: list[dict], expression: str) -> dict:
    found = [e for e in events if e["expression"] == expression]
    assert len(found) == 1, (expression, [e["expression"] for e in events])
    return found[0]


# --- every command on every document -----------------------------------------------------------


@pytest.mark.parametrize("doc", list(QUERIES), ids=lambda doc: doc.stem)
def test_every_command_answers_in_json_and_for_people(doc):
    for args in commands(doc):
        result = run(*args, "--doc", doc, "--json")
        assert result.exit_code == 0, (args, result.output)
        data = json.loads(result.stdout)
        assert isinstance(data, list if args[0] not in ("summary", "infobox", "entity") else dict)
        human = run(*args, "--doc", doc)
        assert human.exit_code == 0, (args, human.output)
        assert "Traceback" not in human.output and "\x1b" not in human.output
        # A remark on stderr is one line per remark, each starting "karabakh: ".
        assert all(line.startswith("karabakh: ") for line in human.stderr.splitlines())


@pytest.mark.parametrize("doc", list(QUERIES), ids=lambda doc: doc.stem)
def test_queries_that_find_nothing_exit_1_with_empty_json(doc):
    assert query(doc, "search", "zyzzyva", code=1) == []
    assert query(doc, "on", "1 January 1700", code=1) == []
    assert query(doc, "entity", "Nobody Atall", code=1) is None
    assert query(doc, "timeline", "--about", "zyzzyva", code=1) == []


# --- Battle of Varnek: claims in both columns, ranges, a one-week span ----------------------------


def test_varnek_summary_is_one_week_of_april_2016():
    data = query(VARNEK, "summary")
    assert (data["start"], data["end"]) == ("2016-04-03", "2016-04-09")  # "3–9 April 2016"
    assert data["duration_days"] == 7  # both ends counted: 3 to 9 April is seven days
    assert data["as_of"] == "2023-05-02"
    assert data["result"] == ["Inconclusive", "Ceasefire brokered on 9 April 2016"]
    assert data["sides"] == [{"side": 1, "parties": ["Dorsa"]}, {"side": 2, "parties": ["Velmar"]}]
    assert [s["title"] for s in query(VARNEK, "sections")] == [
        "Introduction", "Background", "Course of the battle", "Casualties",
    ]


def test_varnek_sides_and_commanders():
    first, second = query(VARNEK, "sides")
    assert [(p["name"], p["role"]) for p in first["parties"]] == [("Dorsa", "combatant")]
    assert [(c["name"], c["country"]) for c in first["commanders"]] == [
        ("Anton Reyes", "Dorsa"), ("Miguel Sarto", "Dorsa"),
    ]
    assert first["commanders"][0]["page"] == "Anton Reyes"
    assert second["parties"][0] == {"name": "Velmar", "role": "combatant", "page": "velmar", "note": None}
    assert second["parties"][1]["name"] == "Velmar volunteers"
    assert second["parties"][1]["role"] != "combatant"
    assert [(c["name"], c["country"]) for c in second["commanders"]] == [("Lucas Ortega", "Velmar")]


def test_varnek_casualties1_per_block_and_claim_by_the_other_side():
    claims = query(VARNEK, "casualties", "--source", "infobox")
    [killed] = by_text(claims, "31–94 soldiers killed")
    assert (killed["claimant_side"], killed["side"], killed["category"], killed["group"]) == (1, 1, "killed", "military")
    assert (killed["value"], killed["upper"], killed["qualifier"]) == (31, 94, "range")
    assert "Dorsan" in killed["claimant"]
    [wounded] = by_text(claims, "2,000–2,700 wounded")
    assert (wounded["value"], wounded["upper"], wounded["qualifier"]) == (2000, 2700, "range")
    assert (wounded["claimant_side"], wounded["side"], wounded["category"]) == (1, 1, "wounded")
    # "Velmari claim:" in casualties1: side 2 claims side 1's losses.
    [claimed] = by_text(claims, "300+ soldiers killed")
    assert (claimed["claimant"], claimed["claimant_side"], claimed["side"]) == ("Velmari", 2, 1)
    assert (claimed["value"], claimed["upper"], claimed["qualifier"]) == (300, None, "at_least")
    assert claimed["section"] == "Infobox: casualties1"


def test_varnek_casualties2_and_the_body():
    claims = query(VARNEK, "casualties")
    [own] = by_text(claims, "88 soldiers killed")
    assert (own["claimant_side"], own["side"], own["qualifier"]) == (2, 2, "exact")
    [captured] = by_text(claims, "12 soldiers captured")
    assert (captured["side"], captured["category"], captured["value"]) == (2, "captured", 12)
    [enemy] = by_text(claims, "about 500 soldiers killed")  # "Dorsan claim:" in casualties2
    assert (enemy["claimant"], enemy["claimant_side"], enemy["side"]) == ("Dorsan", 1, 2)
    assert (enemy["value"], enemy["qualifier"]) == (500, "approx")

    [ministry] = by_text(claims, "The Dorsan Ministry of Defence stated that 94 of its soldiers had been killed.")
    assert (ministry["claimant"], ministry["claimant_side"], ministry["side"]) == ("Dorsan Ministry of Defence", 1, 1)
    assert (ministry["value"], ministry["source"], ministry["section"]) == (94, "body", "Casualties")
    [velmar] = by_text(claims, "Velmar reported that more than 300 Dorsan soldiers were killed by 8 April 2016.")
    assert (velmar["claimant_side"], velmar["side"], velmar["qualifier"]) == (2, 1, "more_than")
    assert velmar["as_of"] == "2016-04-08"
    both = by_text(claims, "According to the Velmari authorities, 88 Velmari soldiers were killed and 12 were captured.")
    assert [(c["value"], c["category"], c["side"], c["claimant_side"]) for c in both] == [
        (88, "killed", 2, 2), (12, "captured", 2, 2),
    ]


def test_varnek_filters_claims_of_one_side_about_the_other():
    claims = query(VARNEK, "casualties", "--claimant", "2", "--side", "1")
    assert {(c["value"], c["source"]) for c in claims} == {(300, "infobox"), (300, "body")}
    result = run("casualties", "--doc", VARNEK)
    assert result.exit_code == 0
    assert "Claimed by side 1" in result.stdout and "Claimed by side 2" in result.stdout
    assert "31–94" in result.stdout and "2,000–2,700" in result.stdout


def test_varnek_has_no_equipment_losses():
    result = run("losses", "--doc", VARNEK, "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr == f"karabakh: {VARNEK}: the article gives no equipment losses\n"


def test_varnek_timeline_counts_days_of_the_battle():
    events = query(VARNEK, "timeline")
    infobox = [e for e in events if e["source"] == "infobox"]
    assert [(e["date"], e["end"], e["day_of_war"]) for e in infobox] == [("2016-04-03", "2016-04-09", 1)]
    march = event(events, "March 2016")
    assert (march["date"], march["end"], march["precision"], march["day_of_war"]) == (
        "2016-03-01", "2016-03-31", "month", None,
    )
    next_day = event(events, "The next day")  # after "On 3 April 2016"
    assert (next_day["date"], next_day["kind"], next_day["anchor"], next_day["day_of_war"]) == (
        "2016-04-04", "relative", "3 April 2016", 2,
    )
    assert (event(events, "Two days later")["date"], event(events, "Two days later")["day_of_war"]) == ("2016-04-06", 4)
    fifth = event(events, "the fifth day of the battle")  # counted from the infobox's first day
    assert (fifth["date"], fifth["kind"], fifth["day_of_war"]) == ("2016-04-07", "ordinal-day", 5)
    ceasefire = event(events, "9 April 2016")
    assert (ceasefire["day_of_war"], ceasefire["section"]) == (7, "Course of the battle")
    assert not [e for e in events if "1994" in e["expression"]]  # "held ... since 1994" is no event
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)


def test_varnek_on_a_day_and_a_day_of_the_battle():
    texts = [e["text"] for e in query(VARNEK, "on", "6 April 2016")]
    assert "Two days later, General Anton Reyes announced that the ridge had been taken." in texts
    assert all(e["date"] <= "2016-04-06" <= e["end"] for e in query(VARNEK, "on", "6 April 2016"))
    fifth_day = query(VARNEK, "on", "day 5")
    assert "On the fifth day of the battle, Velmari forces counterattacked." in [e["text"] for e in fifth_day]


def test_varnek_entities_entity_and_search():
    entities = {e["name"]: e for e in query(VARNEK, "entities")}
    assert (entities["Dorsa"]["type"], entities["Dorsa"]["side"]) == ("country", 1)
    assert (entities["Velmar"]["type"], entities["Velmar"]["side"]) == ("country", 2)
    assert (entities["Anton Reyes"]["type"], entities["Anton Reyes"]["side"]) == ("person", 1)
    assert entities["Lorn"]["type"] == "place" and entities["Lorn"]["mentions"] == 2
    reyes = query(VARNEK, "entity", "Reyes")  # a surname names the one person
    assert reyes["name"] == "Anton Reyes" and reyes["roles"] == ["commander of side 1 (Dorsa)"]
    assert [(m["date"], m["section"]) for m in reyes["mentions"]] == [("2016-04-06", "Course of the battle")]
    [hit] = query(VARNEK, "search", "artillery")
    assert hit["text"] == "The next day, Velmari artillery shelled the Dorsan positions near Lorn."
    assert (hit["date"], hit["section"]) == ("2016-04-04", "Course of the battle")
    assert hit["text"][slice(*hit["matches"][0])] == "artillery"


# --- Tri-border war: three combatant columns ------------------------------------------------------


def test_tri_border_has_three_sides():
    data = query(TRI_BORDER, "summary")
    assert [s["parties"] for s in data["sides"]] == [["Kesh"], ["Umbara"], ["Tazir"]]
    assert (data["start"], data["end"]) == ("1998-06-14", "1999-03-02")
    sides = query(TRI_BORDER, "sides")
    assert [s["side"] for s in sides] == [1, 2, 3]
    assert [(p["name"], p["role"]) for p in sides[0]["parties"]] == [("Kesh", "combatant"), ("France", "supporter")]
    assert [[(c["name"], c["country"]) for c in s["commanders"]] for s in sides] == [
        [("Omar Lenki", "Kesh")], [("Grace Atim", "Umbara")], [("Juma Salim", "Tazir")],
    ]
    [third] = query(TRI_BORDER, "sides", "--side", "3")
    assert third["parties"][0]["name"] == "Tazir"
    result = run("sides", "--side", "4", "--doc", TRI_BORDER)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "there is no side 4; sides: 1, 2, 3" in result.stderr
    human = run("sides", "--doc", TRI_BORDER)
    assert all(f"Side {n}" in human.stdout for n in (1, 2, 3)) and "Juma Salim" in human.stdout


def test_tri_border_casualties3_lines_are_split_by_nationality():
    claims = query(TRI_BORDER, "casualties", "--source", "infobox")
    [soldiers] = by_text(claims, "450 soldiers killed")
    assert (soldiers["side"], soldiers["group"], soldiers["category"], soldiers["section"]) == (
        3, "military", "killed", "Infobox: casualties3",
    )
    civilians = by_text(claims, "230 Keshi and 410 Umbaran civilians killed")
    assert [(c["value"], c["side"], c["group"], c["category"]) for c in civilians] == [
        (230, 1, "civilian", "killed"), (410, 2, "civilian", "killed"),
    ]
    [displaced] = by_text(claims, "15,000 Tazirans displaced")
    assert (displaced["value"], displaced["side"], displaced["category"], displaced["group"]) == (
        15000, 3, "displaced", "civilian",
    )
    [aid] = by_text(claims, "2 French aid workers killed")  # foreigners: no combatant's losses
    assert (aid["value"], aid["side"], aid["group"]) == (2, None, "civilian")
    [approx] = by_text(claims, "~800 soldiers killed")
    assert (approx["side"], approx["value"], approx["qualifier"]) == (2, 800, "approx")
    assert {c["side"] for c in query(TRI_BORDER, "casualties", "--side", "3")} == {3}


def test_tri_border_body_claims_by_each_and_by_a_third_party():
    claims = query(TRI_BORDER, "casualties", "--source", "body")
    [kesh] = by_text(claims, "Kesh stated that 1,200 of its soldiers had been killed.")
    assert (kesh["claimant"], kesh["claimant_side"], kesh["side"], kesh["value"]) == ("Kesh", 1, 1, 1200)
    [red_cross] = by_text(claims, "The Red Cross reported that at least 640 civilians were killed during the war.")
    assert (red_cross["claimant"], red_cross["claimant_side"], red_cross["qualifier"]) == ("Red Cross", None, "at_least")
    [tazir] = by_text(claims, "Tazir said that about 15,000 people had been displaced.")
    assert (tazir["claimant_side"], tazir["side"], tazir["qualifier"], tazir["category"]) == (3, 3, "approx", "displaced")
    human = run("casualties", "--doc", TRI_BORDER)
    assert "Claimed by side 3" in human.stdout and "Third parties" in human.stdout


def test_tri_border_timeline_and_queries():
    events = query(TRI_BORDER, "timeline")
    late_june = event(events, "late June")
    assert (late_june["date"], late_june["end"], late_june["precision"]) == ("1998-06-21", "1998-06-30", "late-month")
    august = event(events, "3 August")  # yearless: the year of the narrative
    assert (august["date"], august["kind"], august["day_of_war"]) == ("1998-08-03", "yearless", 51)
    assert event(events, "Three days later")["date"] == "1998-08-06"
    assert event(events, "2 March 1999")["day_of_war"] == 262
    spans = query(TRI_BORDER, "on", "6 August 1998")
    assert {e["expression"] for e in spans if e["date"] != e["end"]} == {
        "from June 1998 to March 1999", "14 June 1998 – 2 March 1999",  # spans holding the day
    }
    [bura] = [e for e in spans if e["date"] == e["end"]]
    assert bura["text"] == "Three days later, Tazirans shelled the town of Bura."
    entities = {e["name"]: e for e in query(TRI_BORDER, "entities")}
    assert (entities["Tazir"]["side"], entities["Juma Salim"]["side"], entities["Bura"]["type"]) == (3, 3, "place")
    assert query(TRI_BORDER, "entity", "Juma Salim")["roles"] == ["commander of side 3 (Tazir)"]
    [treaty] = query(TRI_BORDER, "search", "treaty keld")
    assert (treaty["date"], treaty["section"]) == ("1999-03-02", "Course of the war")


# --- Siege of Koralsk: the 1850s -------------------------------------------------------------------


def test_crimea_yearless_dates_take_the_narrative_years():
    events = query(CRIMEA, "timeline")
    march = event(events, "20 March")  # after "12 March 1854"
    assert (march["date"], march["kind"], march["anchor"], march["day_of_war"]) == ("1854-03-20", "yearless", "12 March 1854", 9)
    assert event(events, "The following day")["date"] == "1854-03-21"
    winter = event(events, "the winter of 1854–55")
    assert (winter["date"], winter["end"], winter["precision"]) == ("1854-12-01", "1855-02-28", "season")
    june = event(events, "18 June")  # after the winter of 1854–55: June 1855, not 1854
    assert (june["date"], june["anchor"]) == ("1855-06-18", "the winter of 1854–55")
    assert event(events, "A week later")["date"] == "1855-06-25"
    assert event(events, "the next day")["date"] == "1855-09-09"  # after "On 8 September 1855"
    april = event(events, "2 April")  # in the Aftermath, after "30 March 1856"
    assert (april["date"], april["day_of_war"]) == ("1856-04-02", None)
    assert {e["date"][:4] for e in events} <= {"1854", "1855", "1856"}
    assert not [e for e in events if "1853" in e["expression"]]  # "(1853–1856)" is an aside


def test_crimea_summary_sides_casualties():
    data = query(CRIMEA, "summary")
    assert (data["start"], data["end"], data["duration_days"]) == ("1854-03-12", "1855-09-09", 547)
    sides = query(CRIMEA, "sides")
    assert [p["name"] for p in sides[0]["parties"]] == ["United Kingdom", "France"]
    assert [(c["name"], c["country"]) for c in sides[0]["commanders"]] == [
        ("Lord Harwick", "United Kingdom"), ("Jean Morel", "France"),
    ]
    assert [(c["name"], c["country"]) for c in sides[1]["commanders"]] == [("Pavel Osinov", "Russian Empire")]
    claims = query(CRIMEA, "casualties")
    assert [(c["side"], c["category"], c["value"], c["qualifier"]) for c in claims] == [
        (1, "killed", 21000, "approx"), (1, "wounded", 45000, "exact"), (2, "killed", 30000, "approx"),
    ]


def test_crimea_queries():
    [batteries] = body(query(CRIMEA, "on", "20 March 1854"))
    assert batteries["text"] == "On 20 March, the first batteries opened fire."
    assert body(query(CRIMEA, "on", "day 9")) == [batteries]
    morel = query(CRIMEA, "entity", "Morel")
    assert (morel["name"], morel["side"]) == ("Jean Morel", 1)
    assert [m["date"] for m in morel["mentions"]] == ["1855-06-25"]
    [cholera] = query(CRIMEA, "search", "cholera")
    assert (cholera["date"], cholera["section"]) == ("1854-12-01", "Siege")


# --- Lorn: a city, no conflict ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "command, remark",
    [
        ("casualties", "the article gives no casualty figures"),
        ("sides", "the infobox lists no sides"),
        ("losses", "the article gives no equipment losses"),
    ],
)
def test_lorn_has_no_sides_or_losses_and_says_so(command, remark):
    result = run(command, "--doc", LORN, "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr == f"karabakh: {LORN}: {remark}\n"
    human = run(command, "--doc", LORN)
    assert human.exit_code == 0
    assert human.stdout.strip() == ""
    assert human.stderr == f"karabakh: {LORN}: {remark}\n"


def test_lorn_summary_and_infobox():
    data = query(LORN, "summary")
    assert (data["title"], data["start"], data["end"], data["sides"]) == ("Lorn", None, None, [])
    assert data["notes"] == ["the infobox has no date field", "the infobox lists no combatants"]
    assert query(LORN, "infobox")["population_total"]["text"] == "48,210"
    human = run("summary", "--doc", LORN)
    assert human.exit_code == 0 and "Dates     unknown" in human.stdout


def test_lorn_timeline_entities_and_search_work_on_its_prose():
    events = query(LORN, "timeline")
    assert [(e["date"], e["end"], e["expression"]) for e in events] == [
        ("1812-05-01", "1812-05-31", "May 1812"),
        ("1911-10-04", "1911-10-04", "4 October 1911"),
        ("1911-10-05", "1911-10-05", "the next day"),
    ]
    # No infobox date: no day of any war; bare years ("in 1211", "the 2020 census") and
    # "every July" date nothing.
    assert all(e["day_of_war"] is None for e in events)
    [opened] = body(query(LORN, "on", "5 October 1911"))
    assert opened["text"].endswith("and the station opened the next day.")
    result = run("on", "day 3", "--doc", LORN)
    assert result.exit_code == 2 and "no first day of the war" in result.stderr
    assert result.stderr.count("\n") == 1
    entities = {e["name"]: e for e in query(LORN, "entities")}
    assert (entities["Lorn"]["type"], entities["Lorn"]["mentions"]) == ("place", 2)
    assert "Church of St. Anne" in entities
    assert all(e["side"] is None for e in entities.values())
    [festival] = query(LORN, "search", "festival")
    assert festival["text"] == "The Lorn Music Festival is held every July."
    assert festival["section"] == "Culture" and festival["date"] is None
    [railway] = query(LORN, "search", "railway")
    assert railway["date"] == "1911-10-04"


# --- the same rules on small articles --------------------------------------------------------------


def test_equipment_in_a_casualties_column_is_that_sides(make_doc):
    doc = make_doc(
        "---\ntitle: Small war\ninfoboxes:\n  - date: {text: 1–30 May 2001}\n"
        "    combatant1: {text: Foo}\n    combatant2: {text: Bar}\n"
        "    casualties2: {text: \"4 tanks destroyed\\n30 soldiers killed\"}\n---\nText.\n"
    )
    [tanks] = query(doc, "losses")
    assert (tanks["item"], tanks["status"], tanks["value"], tanks["side"], tanks["subject"]) == (
        "tanks", "destroyed", 4, 2, "Bar",
    )
    [killed] = query(doc, "casualties")
    assert (killed["side"], killed["value"]) == (2, 30)


def test_day_of_a_battle_in_a_war_article_is_left_out(make_doc):
    doc = make_doc(
        "---\ntitle: Some war\ninfoboxes:\n  - conflict: {text: Some war}\n"
        "    date: {text: 1–30 May 2001}\n---\n"
        "The Battle of Kell began on 10 May 2001. On the fifth day of the battle, it ended. "
        "On the third day of the war, the capital was shelled.\n"
    )
    events = query(doc, "timeline", "--explain")
    assert event(events, "the third day of the war")["date"] == "2001-05-03"
    assert not [e for e in events if "battle" in e["expression"]]  # not day 5 of the war
    explained = run("timeline", "--explain", "--doc", doc)
    assert "counts the days of a battle" in explained.stdout
