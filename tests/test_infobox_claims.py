"""How the infobox's casualties fields are read: claimants, labels, parentheses, footnotes,
equipment listed without a verb. Every document is written here, with invented countries."""

from datetime import date

import pytest

from karabakh_cli.extract.claims import read_findings
from karabakh_cli.extract.nations import SideMap
from karabakh_cli.factbase import FactBase

HEAD = """---
title: Test war
infoboxes:
  - combatant1: {text: "🇫🇷 Dorsa"}
    combatant2: {text: " Velmar"}
    date: {text: "3 May – 9 June 2001"}
"""


def claims_of(make_doc, fields: str):
    return FactBase.load(make_doc(HEAD + fields + "---\n")).all_claims


def rows(claims, *names):
    return [tuple(getattr(claim, name) for name in names) for claim in claims]


def test_claimant_headers_written_other_than_per_x(make_doc):
    claims = claims_of(make_doc, """    casualties1:
      text: "Confirmed by Velmar:\\n* 12 soldiers killed\\nDorsan estimate: 400 Velmari regulars killed"
    casualties2:
      text: "Dorsan official figures\\n300 killed\\nIndependent figures\\n500 killed\\nVelmari claims\\n20 killed"
      formatting: {bold: ["Dorsan official figures"]}
""")
    assert rows(claims, "claimant", "claimant_side", "side", "value") == [
        ("Velmar", 2, 1, 12),
        ("Dorsan", 1, 2, 400),  # an inline header names the claimant of its own line
        ("Dorsan official", 1, 2, 300),  # a bold header without a colon
        ("Independent", None, 2, 500),
        ("Velmari", 2, 2, 20),  # a plain line naming a claim
    ]


def test_inline_labels_name_a_claimant_or_whose_losses(make_doc):
    claims = claims_of(make_doc, """    casualties2:
      text: "Velmar Health Ministry: 2,310 killed\\nMinistry of Defence: 26 killed\\nVolunteers: 50 killed\\nKilled: 183\\nCaptured: 4 fighters\\nCivilians wounded: 70"
""")
    assert rows(claims, "claimant", "claimant_side", "subject", "side", "group", "category", "value") == [
        ("Velmar Health Ministry", 2, "Velmar", 2, "other", "killed", 2310),
        ("unattributed", None, "Ministry of Defence", 2, "other", "killed", 26),  # a unit, not a claimant
        ("unattributed", None, "Volunteers", 2, "other", "killed", 50),
        ("unattributed", None, "Velmar", 2, "other", "killed", 183),
        ("unattributed", None, "fighters", 2, "military", "captured", 4),
        ("unattributed", None, "Civilians", 2, "civilian", "wounded", 70),
    ]


def test_parentheses_naming_a_source(make_doc):
    claims = claims_of(make_doc, """    casualties1:
      text: "Per Dorsa:\\n* 40 killed (according to the Red Cross)\\n* 41 killed (Velmari army's claim)\\n* 42 killed (official)\\n* 43 killed (others)\\n* 44 killed (in Port Alba)\\n* 45 killed, 46 wounded (per Velmar)\\n* 47 killed"
""")
    assert rows(claims, "claimant", "claimant_side", "category", "value") == [
        ("Red Cross", None, "killed", 40),
        ("Velmari army's", 2, "killed", 41),
        ("official", 1, "killed", 42),  # the column's own government
        ("others", None, "killed", 43),
        ("Dorsa", 1, "killed", 44),  # a place is no claimant: the header's stands
        ("Velmar", 2, "killed", 45),
        ("Velmar", 2, "wounded", 46),
        ("Dorsa", 1, "killed", 47),
    ]


def test_a_claim_of_separatists_is_the_side_without_a_state(make_doc):
    doc = """---
title: Test war
infoboxes:
  - combatant1: {text: "🇫🇷 France"}
    combatant2: {text: " Free Republic of Alba"}
    casualties2: {text: "58 killed (separatist claim)\\n70 killed (French opposition claim)"}
    casualties3: {text: "500+ civilians killed (separatist claim)"}
---
"""
    claims = FactBase.load(make_doc(doc)).all_claims
    assert rows(claims, "claimant_side", "side", "value") == [(2, 2, 58), (None, 2, 70), (2, None, 500)]


def test_a_joint_claimant_speaks_for_a_side_only_if_each_does(make_doc):
    claims = claims_of(make_doc, """    casualties2:
      text: "1,191 killed (per Amnesty International and Velmari government)\\n250 killed (per Velmar and Velmari officials)"
""")
    assert rows(claims, "claimant_side", "value") == [(None, 1191), (2, 250)]


def test_a_loss_header_gives_the_category_of_the_figures_under_it(make_doc):
    claims = claims_of(make_doc, """    casualties2:
      text: "* Dead: 1,191 (per the Red Cross)\\n1,109 (per Human Rights Watch)\\n* Wounded:\\n4,409\\nVelmari fighters:\\n250 killed\\nForeign civilians:\\n51 dead, 25 wounded"
""")
    assert rows(claims, "claimant", "subject", "group", "category", "value") == [
        ("Red Cross", "Velmar", "other", "killed", 1191),
        ("Human Rights Watch", "Velmar", "other", "killed", 1109),
        ("unattributed", "Velmar", "other", "wounded", 4409),
        ("unattributed", "Velmari fighters", "military", "killed", 250),
        ("unattributed", "Foreign civilians", "civilian", "killed", 51),
        ("unattributed", "Foreign civilians", "civilian", "wounded", 25),
    ]


def test_casualties2_is_side_2_without_a_combatant2_field(make_doc):
    doc = """---
title: Test battle
infoboxes:
  - combatant1: {text: "🇫🇷 Dorsa"}
    casualties2: {text: "Per Dorsa:\\n* 300+ servicemen killed\\n* ~4,500 civilians displaced"}
    casualties4: {text: "Could be more than 150,000 total killed\\n8,856 internally displaced\\n3,506 refugees"}
---
"""
    claims = FactBase.load(make_doc(doc)).all_claims
    assert rows(claims, "side", "category", "value", "qualifier") == [
        (2, "killed", 300, "at_least"),
        (2, "displaced", 4500, "approx"),
        (None, "killed", 150000, "more_than"),
        (None, "displaced", 8856, "exact"),
        (None, "displaced", 3506, "exact"),
    ]


def test_a_further_field_names_sides_by_their_parties_only(make_doc):
    claims = claims_of(make_doc, """    casualties3:
      text: "Dorsa 1 killed / Velmar 2 killed\\nOstria: 5 killed\\n13 civilians killed (Velmari claim)\\n14 killed (Velmari claim)"
""")
    assert rows(claims, "subject", "side", "claimant_side", "value") == [
        ("Dorsa", 1, None, 1), ("Velmar", 2, None, 2), ("Ostria", None, None, 5), ("civilians", None, 2, 13),
        ("", None, 2, 14),  # a claimant's side is not the victims'
    ]


def test_footnotes_and_as_of_lines(make_doc):
    claims = claims_of(make_doc, """    casualties1:
      text: "185 killed[*]\\n508–668 wounded\\n(as of 19 May)"
    casualties3:
      text: "* Number updated to 269 confirmed killed after bodies were recovered.\\n** 104 prisoners were released."
""")
    assert rows(claims, "side", "category", "value", "as_of") == [
        (1, "killed", 185, None),
        (1, "wounded", 508, date(2001, 5, 19)),  # the war's one year
        (1, "killed", 269, None),  # the note of casualties1's marked line
    ]


def test_equipment_listed_without_a_verb_is_a_loss(make_doc):
    claims = claims_of(make_doc, """    casualties1:
      text: "1 fighter jet shot down\\n1 Frigate\\n4 MiG-29s\\n2+ Mi-35s\\n3 Patrol vessels\\n1 corvette damaged\\n20 air defence systems, including 4 S-300 and 25 9K33 Osas"
""")
    assert rows(claims, "side", "category", "value", "qualifier", "item", "status") == [
        (1, "equipment", 1, "exact", "fighter jet", "downed"),  # a fighter jet is no fighter
        (1, "equipment", 1, "exact", "Frigate", "lost"),
        (1, "equipment", 4, "exact", "MiG-29s", "lost"),
        (1, "equipment", 2, "at_least", "Mi-35s", "lost"),
        (1, "equipment", 3, "exact", "Patrol vessels", "lost"),
        (1, "equipment", 1, "exact", "corvette", "damaged"),
        (1, "equipment", 20, "exact", "air defence systems", "lost"),
        (1, "equipment", 4, "exact", "S-300", "lost"),
        (1, "equipment", 25, "exact", "9K33 Osas", "lost"),
    ]


def test_equipment_without_a_verb_outside_a_casualties_field_is_no_loss():
    assert read_findings("The army fielded 4 MiG-29s and 1 frigate.", SideMap()) == []


@pytest.mark.parametrize(
    "line, category, value, upper, qualifier",
    [
        ("1 POW", "captured", 1, None, "exact"),
        ("8 POWs", "captured", 8, None, "exact"),
        ("12 executed", "killed", 12, None, "exact"),
        ("737+—1,200 killed", "killed", 737, 1200, "range"),
        ("1000+ wounded", "wounded", 1000, None, "at_least"),
        ("+2,000 civilians killed", "killed", 2000, None, "at_least"),
        ("67 soldiers and 6 civilians (1 foreign) killed", "killed", 67, None, "exact"),
        ("Total – between 11,700 and 23,500 killed", "killed", 11700, 23500, "range"),
    ],
)
def test_casualty_phrasings(make_doc, line, category, value, upper, qualifier):
    claims = claims_of(make_doc, f'    casualties1: {{text: "{line}"}}\n')
    assert rows(claims, "category", "value", "upper", "qualifier")[0] == (category, value, upper, qualifier)


@pytest.mark.parametrize(
    "line", ["4,897 killed or wounded", "700–6,000 killed or missing", "3,000 killed, wounded & missing"]
)
def test_mixed_categories_are_no_claim(make_doc, line):
    assert claims_of(make_doc, f'    casualties1: {{text: "{line}"}}\n') == ()


def test_a_party_header_in_another_sides_column_is_its_claim(make_doc):
    claims = claims_of(make_doc, """    casualties1:
      text: "Velmar:\\n* 50 killed\\nDorsa:\\n* 20 killed"
""")
    assert rows(claims, "claimant", "claimant_side", "subject", "side", "value") == [
        ("Velmar", 2, "Dorsa", 1, 50),
        ("Velmar", 2, "Dorsa", 1, 20),  # its own party in its column: whose losses, not a claimant
    ]


def test_a_label_naming_forces_or_nationals_and_a_ministry_in_brackets(make_doc):
    claims = claims_of(make_doc, """    casualties1:
      text: "Military: 500 killed\\n40 killed (Velmari MoD)"
    casualties3:
      text: "Velmari soldiers killed:\\n121"
""")
    assert rows(claims, "claimant", "claimant_side", "subject", "side", "group", "value") == [
        ("unattributed", None, "Military", 1, "military", 500),
        ("Velmari MoD", 2, "Dorsa", 1, "other", 40),
        ("unattributed", None, "Velmari soldiers", 2, "military", 121),
    ]


def test_several_labels_in_one_line_and_abbreviated_categories(make_doc):
    claims = claims_of(make_doc, """    casualties1:
      text: "Killed: 183, Wounded: 40; POWs: 8\\n50 KIA\\nMIA: 5"
""")
    assert rows(claims, "category", "value") == [
        ("killed", 183), ("wounded", 40), ("captured", 8), ("killed", 50), ("missing", 5),
    ]


def test_a_loss_header_naming_people_gives_them_to_the_figures_under_it(make_doc):
    claims = claims_of(make_doc, """    casualties3:
      text: "Civilian casualties:\\n500 killed\\nVelmari losses:\\n20 killed\\nCasualties:\\n7 killed"
""")
    assert rows(claims, "subject", "side", "group", "value") == [
        ("Civilian casualties", None, "civilian", 500),
        ("Velmari losses", 2, "other", 20),
        ("", None, "other", 7),
    ]


def test_a_header_naming_whose_losses_and_who_claims_them(make_doc):
    claims = claims_of(make_doc, """    casualties2:
      text: "Velmari fighters (per Dorsa):\\n300 killed\\nDorsa: 120 killed"
""")
    assert rows(claims, "claimant", "claimant_side", "subject", "side", "value") == [
        ("Dorsa", 1, "Velmari fighters", 2, 300),
        ("Dorsa", 1, "Velmari fighters", 2, 120),  # the other side named alone: its claim
    ]


def test_an_inline_label_with_its_claimant_in_brackets(make_doc):
    claims = claims_of(make_doc, """    casualties3:
      text: "Velmari civilians (per the Red Cross): 12,000+ killed, 28,000+ wounded\\n6.9 million refugees"
""")
    assert rows(claims, "claimant", "subject", "side", "group", "category", "value") == [
        ("Red Cross", "Velmari civilians", 2, "civilian", "killed", 12000),
        ("Red Cross", "Velmari civilians", 2, "civilian", "wounded", 28000),
        ("unattributed", "refugees", None, "civilian", "displaced", 6_900_000),
    ]


def test_a_side_without_a_combatant_field_is_known_by_its_units(make_doc):
    doc = """---
title: Test battle
infoboxes:
  - combatant1: {text: "🇫🇷 France"}
    units2: {text: "Armed Forces of Spain\\nPolice of Portugal"}
    casualties2: {text: "Per Spain:\\n* 300+ servicemen killed\\n* ~4,500 Spaniards displaced (per Italy)"}
---
"""
    facts = FactBase.load(make_doc(doc))
    assert facts.side_map.side_of("Spanish") == facts.side_map.side_of("Portugal") == 2
    assert facts.side_map.parties == {1: ("France",)}  # units are no parties
    assert rows(facts.all_claims, "claimant", "claimant_side", "side", "value") == [
        ("Spain", 2, 2, 300),
        ("Italy", None, 2, 4500),
    ]


@pytest.mark.parametrize("label", ["Pro-government militias", "Government forces", "Media workers", "Journalists"])
def test_people_who_fight_or_report_are_whose_losses_not_claimants(make_doc, label):
    (claim,) = claims_of(make_doc, f'    casualties2: {{text: "{label}: 12 killed"}}\n')
    assert (claim.claimant, claim.subject, claim.side) == ("unattributed", label, 2)


@pytest.mark.parametrize("label", ["Velmari government", "Government of Velmar", "Velmari officials"])
def test_a_government_named_as_a_label_is_a_claimant(make_doc, label):
    (claim,) = claims_of(make_doc, f'    casualties1: {{text: "{label}: 12 killed"}}\n')
    assert (claim.claimant, claim.claimant_side, claim.side) == (label, 2, 1)
