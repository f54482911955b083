"""Combatant columns as Wikipedia writes them: parties, roles, commanders' names, ranks, status
and country. Every example is invented."""

import json

from hypothesis import given
from hypothesis import strategies as st

from karabakh_cli.extract.infobox import Field, Infobox, Link
from karabakh_cli.extract.nations import combatant_parties, nation_of
from karabakh_cli.extract.sides import parse_commander, party_name, sides

from cli_runner import run


def box(links=(), **fields) -> Infobox:
    return Infobox(0, {name: Field(name, text, links=tuple(links)) for name, text in fields.items()})


def commanders(infobox, side=1):
    return [(c.name, c.country, c.status) for c in sides(infobox)[side - 1].commanders]


def parties(infobox, side=1):
    return [(p.name, p.role) for p in sides(infobox)[side - 1].parties]


# --- commanders' names -----------------------------------------------------------------------------


def test_a_role_on_its_own_line_qualifies_the_commander_above():
    infobox = box(combatant1="🇩🇴 Dorsa", commander1="Anton Reyes\n(President of Dorsa)\nMiguel Sarto")
    [reyes, sarto] = sides(infobox)[0].commanders
    assert (reyes.name, reyes.note, reyes.country) == ("Anton Reyes", "President of Dorsa", "Dorsa")
    assert (sarto.name, sarto.note) == ("Miguel Sarto", None)


def test_rank_status_and_role_leave_the_name():
    assert parse_commander("Maj. Gen. Ivo Marek † (Chief of Staff)") == ("Ivo Marek", "Maj. Gen.", "killed", "Chief of Staff")
    assert parse_commander("1st Lt. Tomas Vell") == ("Tomas Vell", "1st Lt.", None, None)
    assert parse_commander("Air Chief Marshal Ola Brin") == ("Ola Brin", "Air Chief Marshal", None, None)
    assert parse_commander("Col. Petra Lind (from 3 May 2010)") == ("Petra Lind", "Col.", None, "from 3 May 2010")
    assert parse_commander("Marshal of the Dorsan Army Ivo Marek")[:2] == ("Marshal of the Dorsan Army Ivo Marek", None)
    # A rank word alone is a name, not a rank.
    assert parse_commander("Major") == ("Major", None, None, None)


def test_status_markers_become_a_status():
    written = {
        "Ivo Marek KIA": "killed",
        "Ivo Marek †": "killed",
        "Ivo Marek (killed in action)": "killed",
        "Ivo Marek (WIA)": "wounded",
        "Ivo Marek WIA": "wounded",
        "Ivo Marek (P.O.W.)": "captured",
        "Ivo Marek POW": "captured",
        "Ivo Marek (MIA)": "missing",
        "Ivo Marek Executed": "killed",
        "Ivo Marek": None,
    }
    for line, status in written.items():
        name, _, got, note = parse_commander(line)
        assert (name, got, note) == ("Ivo Marek", status, None), line
    # Inside a longer parenthesis a status opens it or follows a comma; a role that only
    # contains the word is no status.
    assert parse_commander("Ivo Marek (killed 3 May 2010)")[2:] == ("killed", "killed 3 May 2010")
    assert parse_commander("Ivo Marek (Chief of Staff, KIA)")[2] == "killed"
    assert parse_commander("Ivo Marek (Head of the Prisoner of War Office)")[2] is None
    # Wounded, later killed: the last state wins.
    assert parse_commander("Ivo Marek (WIA) †")[2] == "killed"


@given(st.text(alphabet="()†:,; .KIAWPOMGenLt1stJoAbu\n"))
def test_any_commander_line_gives_a_name_without_parentheses_or_markers(line):
    name, rank, status, note = parse_commander(line)
    assert "(" not in name and ")" not in name and "†" not in name
    assert status in (None, "killed", "wounded", "captured", "missing")


@given(st.text(alphabet="🇩🇴🇻🇪 ()*:\nabFoSupported by†KIA"), st.text(alphabet="🇩🇴🇻🇪 ()*:\nabFoKIA†"))
def test_any_columns_give_commanders_a_listed_party_a_flags_country_or_none(combatants, names):
    [side] = sides(box(combatant1=combatants, commander1=names))
    parties = {party.name for party in side.parties}
    # Regional letters in any order spell other countries ("DE") and codes the world list lacks ("DD").
    assert all(
        c.country in parties | {None} or nation_of(c.country) or len(c.country) == 2 for c in side.commanders
    )


def test_a_name_broken_over_two_lines_is_one_commander():
    infobox = box(combatant1="Dorsa", commander1="Lena Ost (nom de guerre:\nRed Fox)\nKarl Dunn")
    [ost, dunn] = sides(infobox)[0].commanders
    assert (ost.name, ost.note) == ("Lena Ost", "nom de guerre: Red Fox")
    assert dunn.name == "Karl Dunn"


def test_an_unclosed_parenthesis_does_not_swallow_the_next_names():
    infobox = box(combatant1="Dorsa", commander1="Lena Ost (acting\nKarl Dunn\nIvo Marek")
    assert [c.name for c in sides(infobox)[0].commanders][1:] == ["Karl Dunn", "Ivo Marek"]


def test_a_parenthesis_left_open_or_nested_is_not_the_name():
    assert parse_commander("Karl Dunn (acting") == ("Karl Dunn", None, None, "acting")
    assert parse_commander("Karl Dunn)") == ("Karl Dunn", None, None, None)
    assert parse_commander("Karl Dunn (Chief (acting))") == ("Karl Dunn", None, None, "acting; Chief")


def test_unknown_is_no_commander():
    infobox = box(combatant1="Dorsa", combatant2="Velmar", commander1="Unknown", commander2="🇻🇪 Unknown\nKarl Dunn\nand others")
    assert commanders(infobox, 1) == []
    assert [name for name, _, _ in commanders(infobox, 2)] == ["Karl Dunn"]


# --- commanders' country ---------------------------------------------------------------------------


def test_flagless_commanders_of_a_one_party_column_are_that_partys():
    infobox = box(combatant1="🇩🇴 Dorsa\nSupported by:\n🇻🇪 Velmar", commander1="Anton Reyes\nMiguel Sarto")
    assert commanders(infobox) == [("Anton Reyes", "Dorsa", None), ("Miguel Sarto", "Dorsa", None)]


def test_in_a_column_of_several_parties_a_flagless_commander_is_unknown_unless_his_role_names_one():
    infobox = box(
        combatant1="Kesh Front\nUmbara Movement",
        commander1="Omar Lenki (Secretary-General of the Kesh Front)\nGrace Atim",
    )
    assert commanders(infobox) == [("Omar Lenki", "Kesh Front", None), ("Grace Atim", None, None)]


def test_a_role_naming_a_country_by_its_adjective_names_that_party():
    infobox = box(combatant1="Russia\nKesh Front", commander1="Pavel Osinov (Russian defence minister)\nOmar Lenki")
    assert commanders(infobox) == [("Pavel Osinov", "Russia", None), ("Omar Lenki", None, None)]


def test_two_lost_flags_leave_the_country_unknown():
    # Two flags were lost (a leading space each): which one a commander's lost flag was is not knowable.
    infobox = box(combatant1=" Kesh Republic\n Umbara Republic", commander1="Omar Lenki\n Grace Atim")
    assert commanders(infobox) == [("Omar Lenki", None, None), ("Grace Atim", None, None)]


def test_one_lost_flag_is_the_commander_whose_flag_was_lost():
    infobox = box(
        combatant1=" Kesh Republic\n🇩🇴 Dorsa",
        commander1="Omar Lenki\n Grace Atim\n🇩🇴 Anton Reyes\nMiguel Sarto",
    )
    # The first line lost its leading space to YAML; the last shows no sign of a lost flag.
    assert commanders(infobox) == [
        ("Omar Lenki", "Kesh Republic", None),
        ("Grace Atim", "Kesh Republic", None),
        ("Anton Reyes", "Dorsa", None),
        ("Miguel Sarto", None, None),
    ]


def test_a_flag_no_party_shows_is_its_country():
    infobox = box(combatant1="Kesh Front\nUmbara Movement", commander1="🇮🇷 Pavel Osinov\n🇽🇽 Omar Lenki")
    # A code the world list lacks stays the code the flag spells.
    assert commanders(infobox) == [("Pavel Osinov", "Iran", None), ("Omar Lenki", "XX", None)]


def test_a_flag_two_parties_show_tells_neither():
    infobox = box(combatant1="🇩🇴 Dorsa\n🇩🇴 Dorsan Legion\n🇻🇪 Velmar", commander1="🇩🇴 Anton Reyes\n🇻🇪 Lucas Ortega")
    assert commanders(infobox) == [("Anton Reyes", None, None), ("Lucas Ortega", "Velmar", None)]


def test_a_party_named_in_the_commanders_column_heads_its_commanders():
    infobox = box(
        combatant1="Kesh Front\nUmbara Movement",
        commander1="Kesh Front\nOmar Lenki\nUmbara Movement:\nGrace Atim\nOthers:\nJuma Salim",
    )
    assert commanders(infobox) == [
        ("Omar Lenki", "Kesh Front", None), ("Grace Atim", "Umbara Movement", None), ("Juma Salim", None, None),
    ]


def test_a_party_written_before_a_commander_is_his():
    infobox = box(combatant1="Kesh Front\nUmbara Movement", commander1="Umbara Movement: Grace Atim\nOmar Lenki")
    assert commanders(infobox) == [("Grace Atim", "Umbara Movement", None), ("Omar Lenki", None, None)]


def test_a_role_written_before_a_commander_is_his_note():
    infobox = box(combatant1="Dorsa", commander1="Chief of Staff: Col. Karl Dunn (WIA)")
    [dunn] = sides(infobox)[0].commanders
    assert (dunn.name, dunn.country, dunn.rank, dunn.status, dunn.note) == (
        "Karl Dunn", "Dorsa", "Col.", "wounded", "Chief of Staff",
    )


def test_cleaned_names_find_their_links():
    infobox = box(
        links=[Link("Ivo Marek", "Ivo Marek (general)", "internal")],
        combatant1="Dorsa",
        commander1="Maj. Gen. Ivo Marek (WIA)",
    )
    [marek] = sides(infobox)[0].commanders
    assert (marek.page, marek.rank, marek.status) == ("Ivo Marek (general)", "Maj. Gen.", "wounded")


# --- parties -----------------------------------------------------------------------------------------


def test_party_descriptions_leave_the_name_but_name_parentheses_stay():
    assert party_name("🇻🇪 Velmar (military equipment, aid, advisory roles)") == (
        "Velmar", "military equipment, aid, advisory roles",
    )
    assert party_name("Kesh Front (from 30.10)") == ("Kesh Front", "from 30.10")
    assert party_name("* Liberation Movement (al-Tarin)") == ("Liberation Movement (al-Tarin)", None)
    assert party_name("Umbara Movement (UM)") == ("Umbara Movement (UM)", None)


def test_a_description_says_how_a_party_helped():
    infobox = box(combatant1="Dorsa\nVelmar (logistic support)\nKesh (weapons)\nUmbara (from 2015)")
    assert parties(infobox) == [
        ("Dorsa", "combatant"), ("Velmar", "supporter"), ("Kesh", "arms supplier"), ("Umbara", "combatant"),
    ]
    assert sides(infobox)[0].parties[1].note == "logistic support"


def test_headers_give_roles():
    infobox = box(combatant1="Dorsa\nAir raids:\nKesh\nBacked by:\nVelmar\nSupplied by:\nUmbara")
    assert parties(infobox) == [
        ("Dorsa", "combatant"), ("Kesh", "combatant"), ("Velmar", "supporter"), ("Umbara", "arms supplier"),
    ]


def test_a_support_header_without_its_colon_is_a_header():
    infobox = box(combatant1="Dorsa\nSupported by\nVelmar")
    assert parties(infobox) == [("Dorsa", "combatant"), ("Velmar", "supporter")]
    assert combatant_parties(["Dorsa", "Supported by", "Velmar"]) == [("Dorsa", True)]


def test_a_subdivision_flag_is_a_flag():
    black_flag = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
    infobox = box(combatant1=f"{black_flag} Northmark\n🇩🇴 Dorsa", commander1=f"{black_flag} Karl Dunn")
    assert parties(infobox) == [("Northmark", "combatant"), ("Dorsa", "combatant")]
    assert commanders(infobox) == [("Karl Dunn", "Northmark", None)]


def test_nested_bullets_are_not_in_party_names():
    infobox = box(combatant1="Dorsa Government\n* Dorsan Army\n** Royal Guard\n*** Iron Battalion")
    assert [name for name, _ in parties(infobox)] == ["Dorsa Government", "Dorsan Army", "Royal Guard", "Iron Battalion"]
    assert combatant_parties(["Dorsa Government", "** Royal Guard"]) == [("Dorsa Government", True), ("Royal Guard", False)]


def test_three_columns_each_their_own():
    infobox = box(
        combatant1="Kesh\n* Kesh Army", combatant2="Umbara", combatant3="Tazir\n* Tazir Militia (North)",
        commander1="Omar Lenki", commander2="Grace Atim", commander3="Juma Salim KIA",
    )
    assert [s.side for s in sides(infobox)] == [1, 2, 3]
    assert parties(infobox, 3) == [("Tazir", "combatant"), ("Tazir Militia (North)", "combatant")]
    assert commanders(infobox, 1) == [("Omar Lenki", None, None)]
    assert commanders(infobox, 2) == [("Grace Atim", "Umbara", None)]
    assert commanders(infobox, 3) == [("Juma Salim", None, "killed")]


def test_strength_qualifiers():
    infobox = box(combatant1="Dorsa", strength1="c. 5,000 soldiers\nApprox. 40 tanks\n1,200+ militia\n300 police")
    assert [(s.value, s.qualifier) for s in sides(infobox)[0].strength] == [
        (5000, "approx"), (40, "approx"), (1200, "at_least"), (300, "exact"),
    ]


# --- the command ---------------------------------------------------------------------------------------


DOC = """---
title: Battle of Orsk Gap
infoboxes:
  - date: {text: 1–9 May 2001}
    combatant1: {text: "🇩🇴 Dorsa"}
    combatant2: {text: "Kesh Front\\nUmbara Movement"}
    commander1: {text: "Maj. Gen. Ivo Marek †\\n(Chief of Staff)"}
    commander2: {text: "Omar Lenki (Leader of the Kesh Front)\\nUnknown"}
---
The battle began on 1 May 2001.
"""


def test_sides_json_appends_status_rank_and_note(make_doc):
    doc = make_doc(DOC)
    result = run("sides", "--json", "--doc", str(doc))
    first, second = json.loads(result.stdout)
    [marek] = first["commanders"]
    assert list(marek) == ["name", "country", "page", "status", "rank", "note"]
    assert marek == {
        "name": "Ivo Marek", "country": "Dorsa", "page": None, "status": "killed", "rank": "Maj. Gen.",
        "note": "Chief of Staff",
    }
    assert [(c["name"], c["country"]) for c in second["commanders"]] == [("Omar Lenki", "Kesh Front")]
    human = run("sides", "--no-color", "--doc", str(doc)).stdout
    assert "Maj. Gen. Ivo Marek (killed; Chief of" in human
    assert "Unknown" not in human


def test_a_party_that_leads_commanders_is_not_made_a_country(make_doc):
    doc = make_doc(DOC)
    kinds = {e["name"]: e["type"] for e in json.loads(run("entities", "--json", "--doc", str(doc)).stdout)}
    assert kinds["Kesh Front"] != "country"
    assert kinds["Ivo Marek"] == "person"
