import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from karabakh_cli.extract import nations
from karabakh_cli.extract.claims import (
    Claim,
    all_claims,
    claimant_side,
    header_claimant,
    infobox_claims,
    prose_claims,
)
from karabakh_cli.extract.nations import nation_of, side_map
from karabakh_cli.factbase import FactBase
from karabakh_cli.records import to_data

CLAIM_FIELDS = [
    "claimant", "claimant_side", "subject", "side", "group", "category", "value", "upper",
    "qualifier", "as_of", "source", "section", "text", "item", "status", "sentence", "headline", "section_anchor",
    "as_of_precision", "claimant_entity",
]


def body_claim(seed, sentence, value, category):
    (claim,) = [c for c in seed.claims if (c.sentence, c.value, c.category) == (sentence, value, category)]
    return claim


def test_claim_fields_are_the_json_api_in_order(seed):
    assert list(to_data(seed.claims[0])) == CLAIM_FIELDS


# --- the seed's infobox ---------------------------------------------------------------------

SEED_INFOBOX = [
    # column, claimant, claimant side, subject, side, group, category, value, qualifier
    (1, "Azerbaijan", 1, "servicemen", 1, "military", "killed", 2906, "exact"),
    (1, "Azerbaijan", 1, "servicemen", 1, "military", "missing", 6, "exact"),
    (1, "Azerbaijan", 1, "servicemen", 1, "military", "wounded", 11110, "exact"),
    (1, "Azerbaijan", 1, "servicemen", 1, "military", "captured", 14, "exact"),
    (1, "SOHR", None, "Syrian mercenaries", 1, "mercenary", "killed", 541, "exact"),
    (1, "SOHR", None, "Syrian mercenaries", 1, "mercenary", "captured", 3, "at_least"),
    (2, "Armenia/Artsakh", 2, "servicemen", 2, "military", "killed", 3825, "exact"),
    (2, "Armenia/Artsakh", 2, "servicemen", 2, "military", "missing", 187, "exact"),
    (2, "Armenia/Artsakh", 2, "servicemen", 2, "military", "wounded", 11000, "approx"),
    (2, "Armenia/Artsakh", 2, "servicemen", 2, "military", "captured", 60, "at_least"),
    (3, "unattributed", None, "Azerbaijani civilians", 1, "civilian", "killed", 100, "exact"),
    (3, "unattributed", None, "Armenian civilians", 2, "civilian", "killed", 85, "exact"),
    (3, "unattributed", None, "Armenian civilians", 2, "civilian", "missing", 21, "exact"),
    (3, "unattributed", None, "Azerbaijani civilians", 1, "civilian", "wounded", 416, "exact"),
    (3, "unattributed", None, "Armenian civilians", 2, "civilian", "wounded", 165, "exact"),
    (3, "unattributed", None, "Azerbaijani civilians", 1, "civilian", "captured", 3, "exact"),
    (3, "unattributed", None, "Armenian civilians", 2, "civilian", "captured", 40, "exact"),
    (3, "unattributed", None, "crew members", None, "military", "killed", 2, "exact"),
    (3, "unattributed", None, "crew members", None, "military", "wounded", 1, "exact"),
    (3, "unattributed", None, "Russian civilian", None, "civilian", "killed", 1, "exact"),
    (3, "unattributed", None, "French journalists", None, "civilian", "wounded", 2, "exact"),
    (3, "unattributed", None, "Russian journalists", None, "civilian", "wounded", 3, "exact"),
    (3, "unattributed", None, "Iranian civilian", None, "civilian", "wounded", 1, "exact"),
    (3, "unattributed", None, "Azerbaijanis", 1, "civilian", "displaced", 40000, "exact"),
    (3, "unattributed", None, "Armenians", 2, "civilian", "displaced", 100000, "exact"),
]


def test_seed_infobox_claims(seed):
    claims = [c for c in seed.claims if c.source == "infobox"]
    assert [
        (int(c.section[-1]), c.claimant, c.claimant_side, c.subject, c.side, c.group, c.category, c.value, c.qualifier)
        for c in claims
    ] == SEED_INFOBOX
    assert all(c.upper is None and c.as_of is None and c.sentence is None for c in claims)
    assert claims[0] == Claim(
        claimant="Azerbaijan", claimant_side=1, subject="servicemen", side=1, group="military",
        category="killed", value=2906, upper=None, qualifier="exact", as_of=None, source="infobox",
        section="Infobox: casualties1", text="2,906 servicemen killed", headline=True,
        claimant_entity="Azerbaijan",
    )


def test_infobox_claims_come_first_then_the_body_in_document_order(seed):
    sources = [c.source for c in seed.claims]
    assert sources == sorted(sources, key=lambda source: source != "infobox")
    sentences = [c.sentence for c in seed.claims if c.source == "body"]
    assert sentences == sorted(sentences)


# --- the seed's body ------------------------------------------------------------------------

SEED_BODY = [
    # sentence, claimant side, side, group, category, value, upper, qualifier, as of
    (131, 2, 2, "military", "killed", 3825, None, "exact", None),
    (131, 2, 2, "military", "missing", 187, None, "exact", None),
    (131, 1, 1, "military", "killed", 2906, None, "exact", None),
    (131, 1, 1, "military", "missing", 6, None, "exact", None),
    (133, 2, 2, "civilian", "killed", 85, None, "exact", None),
    (133, 2, 2, "civilian", "missing", 21, None, "exact", None),
    (135, 1, 1, "civilian", "killed", 100, None, "exact", "2020-11-09"),
    (135, 1, 1, "civilian", "wounded", 416, None, "exact", "2020-11-09"),
    (136, 1, 1, "civilian", "wounded", 1, None, "exact", None),  # "an Azercell employee"
    (137, 2, 2, "civilian", "displaced", 90000, None, "approx", "2020-10-23"),
    (139, 1, 1, "civilian", "displaced", 40000, None, "approx", "2020-11-02"),
    (140, None, None, "civilian", "wounded", 7, None, "exact", None),
    (141, None, None, "civilian", "wounded", 2, None, "exact", "2020-10-01"),
    (142, None, None, "civilian", "wounded", 3, None, "exact", "2020-10-08"),
    (144, 2, 2, "military", "killed", 3825, None, "exact", None),
    (144, 1, 2, "military", "killed", 5000, None, "more_than", "2020-10-28"),
    (145, 2, 2, "military", "killed", 5000, None, "approx", None),
    (146, 2, 2, "military", "captured", 60, None, "approx", None),
    (150, 2, 2, "military", "missing", 60, None, "exact", None),
    (153, 1, 1, "military", "killed", 2853, None, "exact", "2021-01-11"),
    (153, 1, 1, "military", "missing", 50, None, "exact", "2021-01-11"),
    (154, 1, 1, "military", "killed", 11, None, "exact", None),
    (157, 2, 1, "military", "killed", 7630, None, "exact", None),
    (158, None, 1, "mercenary", "killed", 541, None, "at_least", None),
    (186, 1, 1, "civilian", "killed", 2, None, "exact", "2020-10-04"),
    (186, 1, 1, "civilian", "wounded", 2, None, "exact", "2020-10-04"),
    (186, 1, 1, "civilian", "killed", 1, None, "exact", "2020-10-08"),  # "killing a civilian"
    (186, 1, 1, "civilian", "wounded", 1, None, "exact", "2020-10-10"),  # "a medical worker"
    (186, 1, 1, "civilian", "killed", 1, None, "exact", "2020-10-20"),
    (186, 1, 1, "civilian", "wounded", 6, None, "exact", "2020-10-20"),
    (186, 1, 1, "civilian", "killed", 2, None, "exact", "2020-10-20"),
    (186, 1, 1, "civilian", "wounded", 1, None, "exact", "2020-10-20"),
    (186, 1, 1, "civilian", "wounded", 1, None, "exact", "2020-11-10"),
    (187, None, 1, "civilian", "killed", 93, None, "more_than", "2020-11-09"),
    (187, None, 1, "civilian", "wounded", 416, None, "exact", "2020-11-09"),
    (188, None, 1, "civilian", "killed", 5, None, "exact", "2020-09-27"),
    (190, None, 1, "civilian", "killed", 2, None, "exact", "2020-10-01"),
    (192, None, 1, "civilian", "wounded", 1, None, "exact", "2020-10-04"),
    (204, 1, 1, "civilian", "killed", 17, None, "exact", "2020-10-29"),  # the district's own head
    (204, 1, 1, "civilian", "wounded", 61, None, "exact", "2020-10-29"),
    (206, 1, 1, "civilian", "wounded", 2, None, "exact", None),
    (207, None, 1, "civilian", "killed", 32, None, "exact", "2020-10-17"),
    (207, None, 1, "civilian", "wounded", 125, None, "exact", "2020-10-17"),
    (212, None, 1, "civilian", "killed", 4, None, "exact", "2020-10-15"),
    (212, None, 1, "civilian", "wounded", 4, None, "exact", "2020-10-15"),
    (218, None, 1, "civilian", "killed", 1, None, "exact", "2020-10-28"),  # "killed a civilian"
    (219, None, 1, "civilian", "killed", 26, None, "exact", "2020-10-28"),
    (219, None, 1, "civilian", "wounded", 83, None, "more_than", "2020-10-28"),
    (220, None, 1, "other", "wounded", 2, None, "exact", None),
    (254, None, 1, "civilian", "killed", 40, None, "exact", "2020-12-11"),  # the report's day
    (261, None, 1, "civilian", "killed", 7, None, "at_least", None),
    (261, None, 1, "civilian", "killed", 2, None, "exact", None),  # "including two children"
    (261, None, 1, "civilian", "wounded", 20, None, "approx", None),
    (261, None, 1, "civilian", "wounded", 2, None, "exact", None),
    (306, None, 2, "military", "killed", 19, None, "exact", "2021-05-03"),
    (307, None, 2, "civilian", "killed", 12, None, "exact", "2021-05-03"),  # "The list of 19 killed
    (307, None, 2, "military", "killed", 7, None, "exact", "2021-05-03"),  # includes 12 civilians and 7 ..."
]


def test_seed_body_claims(seed):
    """Every casualty claim of the prose, reviewed by hand sentence by sentence."""
    found = [
        (c.sentence, c.claimant_side, c.side, c.group, c.category, c.value, c.upper, c.qualifier,
         c.as_of.isoformat() if c.as_of else None)
        for c in seed.claims
        if c.source == "body"
    ]
    assert found == SEED_BODY


def test_more_than_5000_armenian_servicemen(seed):
    claim = body_claim(seed, 144, 5000, "killed")
    assert claim == Claim(
        claimant="Azerbaijani authorities", claimant_side=1, subject="Armenian servicemen", side=2,
        group="military", category="killed", value=5000, upper=None, qualifier="more_than",
        as_of=date(2020, 10, 28), source="body", section="Casualties > Military",
        text=seed.sentences[144].text, sentence=144, headline=True, section_anchor="#Military",
        as_of_precision="day", claimant_entity="Azerbaijan",
    )
    other = body_claim(seed, 144, 3825, "killed")
    assert (other.claimant, other.claimant_side, other.side, other.as_of) == ("Armenian authorities", 2, 2, None)


def test_azerbaijan_on_11_january_two_claims_dated_by_the_timeline(seed):
    killed = body_claim(seed, 153, 2853, "killed")
    missing = body_claim(seed, 153, 50, "missing")
    for claim in (killed, missing):
        assert (claim.claimant, claim.claimant_side, claim.side, claim.group) == ("Azerbaijan", 1, 1, "military")
        assert claim.as_of == date(2021, 1, 11)
        assert claim.subject == "soldiers"


def test_without_the_timeline_only_days_with_a_year_are_dated(seed):
    claims = prose_claims(seed.sentences, seed.side_map, None, seed.conflict_span.start)
    dated = {(c.sentence, c.value): c.as_of for c in claims}
    assert dated[(153, 2853)] is None  # "On 11 January": the year is the narrative's
    assert dated[(144, 5000)] == date(2020, 10, 28)
    assert dated[(142, 3)] is None  # "A week later"


def test_armenian_and_artsakh_authorities_claim_azerbaijani_and_syrian_dead(seed):
    claim = body_claim(seed, 157, 7630, "killed")
    assert claim.claimant == "Armenian and Artsakh authorities"
    assert claim.subject == "Azerbaijani soldiers and Syrian mercenaries"
    assert (claim.claimant_side, claim.side, claim.qualifier) == (2, 1, "exact")


def test_sohr_is_a_third_party(seed):
    claim = body_claim(seed, 158, 541, "killed")
    assert (claim.claimant, claim.claimant_side) == ("Syrian Observatory for Human Rights", None)
    assert (claim.subject, claim.side, claim.group, claim.qualifier) == (
        "Syrian fighters or mercenaries", 1, "mercenary", "at_least")


def test_displacement_figures_with_their_as_of_dates(seed):
    armenian = body_claim(seed, 137, 90000, "displaced")
    azerbaijani = body_claim(seed, 139, 40000, "displaced")
    assert (armenian.claimant, armenian.side, armenian.qualifier, armenian.as_of) == (
        "Armenian authorities", 2, "approx", date(2020, 10, 23))
    assert (azerbaijani.claimant, azerbaijani.side, azerbaijani.qualifier, azerbaijani.as_of) == (
        "Azerbaijani authorities", 1, "approx", date(2020, 11, 2))


def test_civilian_tolls_of_single_attacks(seed):
    ganja = [body_claim(seed, 207, 32, "killed"), body_claim(seed, 207, 125, "wounded")]
    barda = [body_claim(seed, 219, 26, "killed"), body_claim(seed, 219, 83, "wounded")]
    tartar = [body_claim(seed, 204, 17, "killed"), body_claim(seed, 204, 61, "wounded")]
    for claim in ganja + barda + tartar:
        assert (claim.group, claim.side) == ("civilian", 1)
    assert barda[1].qualifier == "more_than"
    assert tartar[0].claimant == "head of the Tartar District Executive Power, Mustagim Mammadov"


def test_a_pronoun_source_takes_the_source_named_before_it(seed):
    assert body_claim(seed, 254, 40, "killed").claimant == "Human Rights Watch"  # "The report"
    assert body_claim(seed, 261, 7, "killed").claimant == "Human Rights Watch"  # "Its researchers"


def test_years_ages_distances_times_and_shells_are_never_casualties(seed):
    def values(sentence):
        return sorted(c.value for c in seed.claims if c.sentence == sentence)

    assert values(155) == []  # "made National Hero of Azerbaijan in 2016, was killed"
    assert values(198) == []  # "fired 15,500 shells ... over 2,000 shells"
    assert values(207) == [32, 125]  # "including a 13-year-old Russian citizen"
    assert values(212) == [4, 4]  # "a cemetery 400 m north of the city"
    assert values(217) == values(227) == []  # "the boy in the video was 16", "a 16-year-old boy"
    assert values(218) == [1]  # "at about 17:00 ... killed a civilian"
    assert values(220) == [2]  # "a 39-year-old Red Crescent volunteer"
    assert values(34) == []  # the first war's displaced, in Background
    assert values(378) == []  # militants killed in Idlib are not this war's casualties
    assert values(147) == values(149) == []  # deserters are not casualties


# --- equipment losses -----------------------------------------------------------------------


def test_oryx_totals_and_breakdowns(seed):
    oryx = [c for c in seed.losses if c.sentence == 180]
    tanks = [(c.side, c.status, c.value) for c in oryx if c.item == "tanks"]
    assert tanks[:4] == [(2, "lost", 255), (2, "destroyed", 146), (2, "damaged", 6), (2, "captured", 103)]
    assert tanks[4] == (1, "lost", 62)
    assert {c.claimant for c in oryx} == {"Dutch warfare research group Oryx"}
    assert {c.claimant_side for c in oryx} == {None}
    assert oryx[-1].item == "old An-2 aircraft" and oryx[-1].side == 1 and oryx[-1].value == 11


def test_what_azerbaijan_claims_to_have_destroyed(seed):
    claims = [c for c in seed.losses if c.sentence == 168]
    assert [(c.item, c.value, c.qualifier) for c in claims] == [
        ("tanks and other armoured vehicles", 250, "approx"),
        ("other military vehicles", 150, "exact"),
        ("command and command-observation posts", 11, "exact"),
        ("artillery units and MLRSs", 270, "exact"),
        ("anti-aircraft systems", 60, "exact"),  # its "including 4 S-300 and 25 9K33 Osas" are a part
        ("UAVs", 18, "exact"),
        ("arms depots", 8, "exact"),
    ]
    assert {(c.claimant, c.claimant_side, c.side, c.status, c.as_of) for c in claims} == {
        ("Azerbaijan", 1, 2, "destroyed", date(2020, 10, 7))}


def test_what_armenia_and_artsakh_claim(seed):
    first = [(c.item, c.status, c.value, c.side) for c in seed.losses if c.sentence == 176]
    assert first == [("helicopters", "downed", 4, 1), ("tanks and IFVs", "destroyed", 10, 1), ("drones", "destroyed", 15, 1)]
    revised = [c for c in seed.losses if c.sentence == 177]
    assert {c.claimant for c in revised} == {"Armenian and Artsakh authorities"}  # "the numbers were revised"
    assert [(c.status, c.value) for c in revised] == [("destroyed", 36), ("destroyed", 2), ("downed", 4), ("downed", 27)]


def test_infobox_equipment_loss_and_its_crew(seed):
    (helicopter,) = [c for c in seed.losses if c.source == "infobox"]
    assert (helicopter.item, helicopter.status, helicopter.value, helicopter.side) == ("Mi-24", "downed", 1, None)
    assert seed.losses[0] is helicopter
    assert not any(c.item for c in seed.claims)
    assert all(c.item and c.status and c.category == "equipment" for c in seed.losses)


def test_private_property_is_not_military_equipment(seed):
    assert not any(c.sentence in (166, 167, 169) for c in seed.losses)


# --- side map -------------------------------------------------------------------------------


def test_side_map_of_the_seed(seed):
    sides = seed.side_map
    assert sides.side_of("Azerbaijani") == sides.side_of("Azeris") == sides.side_of("azerbaijan") == 1
    assert sides.side_of("Armenians") == sides.side_of("Artsakh") == 2
    assert sides.side_of("Syrian") == 1  # Syrian mercenaries fight in column 1
    assert sides.side_of("Syria") is None  # ...but the country of Syria does not
    assert sides.side_of("Russian") is None  # an arms supplier is not a combatant
    assert sides.side_of("Israeli") is None
    assert sides.parties == {1: ("Azerbaijan",), 2: ("Artsakh", "Armenia")}


@pytest.mark.parametrize(
    "claimant, expected",
    [
        ("Azerbaijan", 1),
        ("Armenia/Artsakh", 2),
        ("Armenian and Artsakh authorities", 2),
        ("Prosecutor General's Office of the Republic of Azerbaijan", 1),
        ("former director of the Armenian National Security Service, Artur Vanetsyan", 2),
        ("Artsakh Defence Army", 2),
        ("Azerbaijani", 1),
        ("Armenian sources", 2),
        ("Syrian Observatory for Human Rights", None),
        ("SOHR", None),
        ("Human Rights Watch", None),
        ("Dutch warfare research group Oryx", None),
    ],
)
def test_claimant_side(seed, claimant, expected):
    assert claimant_side(claimant, seed.side_map) == expected


@pytest.mark.parametrize(
    "header, claimant",
    [("Per Azerbaijan:", "Azerbaijan"), ("Per Armenian sources:", "Armenian sources"), ("Azerbaijani claim:", "Azerbaijani")],
)
def test_header_claimant(header, claimant):
    assert header_claimant(header) == claimant


def test_the_world_table_knows_countries_and_demonyms():
    assert nation_of("Azeri").name == nation_of("Azerbaijanis").name == "Azerbaijan"
    assert nation_of("American").name == "United States"
    assert nation_of("Georgian").name == "Georgia"
    assert nation_of("French").name == "France"
    assert nation_of("Ruritania") is None


WORLD_NAMES = sorted({name for nation in nations.nations().values() for name in nation.names})
NAMES_AND_MORE = WORLD_NAMES + [" ", "-", "_", "n", "s", ",", ".", "é", "2", " and ", "Republic", "of"]


@given(st.lists(st.sampled_from(NAMES_AND_MORE), max_size=6).map("".join))
def test_world_names_are_found_as_the_regex_of_them_all_finds_them(text):
    assert nations._world_names_in(text) == nations._world_pattern().findall(text)


@lru_cache(maxsize=None)
def _one_alternation(extra_names):
    """What the world list's names and the extra names are found as: one regex of them all."""
    written = sorted(WORLD_NAMES, key=len, reverse=True)
    alternatives = [re.escape(name) for name in written]
    alternatives += [f"(?i:{re.escape(name)})" for name in sorted(extra_names, key=len, reverse=True) if name]
    combined = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(combined) + r")(?![\w-])")


# Extra names longer than a world name at the same place ("georgian army"), or as long as
# one once written "(?i:...)" ("holy" and "Holy See": the world list's first).
EXTRA_NAMES = ["velmora", "velmoran army", "vdf", "georgian army", "armenian", "the congo", "holy"]


@given(
    st.lists(st.sampled_from(EXTRA_NAMES), max_size=4).map(lambda names: tuple(sorted(set(names)))),
    st.lists(
        st.sampled_from(NAMES_AND_MORE) | st.sampled_from(["Velmora", "VELMORAN ARMY", "Vdf", "Georgian Army", "Holy See", " "]),
        max_size=6,
    ).map("".join),
)
@example(("velmora",), "Georgia and Velmora")
@example(("holy",), "Holy See")
@example(("georgian army", "vdf"), "the Georgian Army, VDF and Georgia")
def test_world_and_extra_names_are_found_as_one_regex_of_them_all_finds_them(extra_names, text):
    expected = tuple((m.start(), m.end(), m.group()) for m in _one_alternation(extra_names).finditer(text))
    assert nations._names_in(extra_names, text) == expected


def test_a_group_named_by_a_demonym_brings_the_demonym():
    assert {"syrian", "syrians"} <= set(nations._keys("Syrian mercenaries"))
    assert "turkish cypriots" in nations._keys("Turkish Cypriot forces")


# --- documents written here -----------------------------------------------------------------

THREE_COLUMNS = """---
title: Test war
infoboxes:
  - conflict: {text: Test war}
    date: {text: "March 1, 2001 – April 2, 2001"}
    combatant1: {text: "🇫🇷 France\\n* Foreign mercenaries"}
    combatant2:
      text: "🇩🇪 Germany\\n\\nSupported by:\\n\\n🇮🇹 Italy"
      formatting: {bold: ["Supported by:"]}
    combatant3: {text: " Ruritania"}
    casualties1:
      text: "Per German sources:\\n* 31–94 soldiers killed\\n* 2,000–2,700 wounded\\nFrench claim:\\n* 12 soldiers killed\\n\\nSee Casualties for details"
      formatting: {bold: ["Per German sources:", "French claim:"]}
    casualties2:
      text: "Per French sources:\\n* more than 5,000 soldiers killed\\n* 60+ captured\\nGerman claim:\\n* ~1,000 servicemen killed"
      formatting: {bold: ["Per French sources:", "German claim:"]}
    casualties3: {text: "Per Ruritania:\\n* 7 soldiers killed"}
---
## Casualties

On 3 March 2001, the German government stated that 40 French soldiers were killed, while the French authorities reported the deaths of 12 of their soldiers.

The Ruritanian ombudsman said 5 km of road and 3 bridges were damaged in 2001, and that 13-year-old boys were among the 7 injured.
"""


def test_three_columns_and_sides_claiming_each_others_losses(make_doc):
    facts = FactBase.load(make_doc(THREE_COLUMNS))
    assert facts.side_map.parties == {1: ("France",), 2: ("Germany",), 3: ("Ruritania",)}
    rows = [
        (c.section, c.claimant, c.claimant_side, c.subject, c.side, c.category, c.value, c.upper, c.qualifier)
        for c in facts.claims
    ]
    assert rows == [
        ("Infobox: casualties1", "German sources", 2, "soldiers", 1, "killed", 31, 94, "range"),
        ("Infobox: casualties1", "German sources", 2, "France", 1, "wounded", 2000, 2700, "range"),
        ("Infobox: casualties1", "French", 1, "soldiers", 1, "killed", 12, None, "exact"),
        ("Infobox: casualties2", "French sources", 1, "soldiers", 2, "killed", 5000, None, "more_than"),
        ("Infobox: casualties2", "French sources", 1, "Germany", 2, "captured", 60, None, "at_least"),
        ("Infobox: casualties2", "German", 2, "servicemen", 2, "killed", 1000, None, "approx"),
        ("Infobox: casualties3", "Ruritania", 3, "soldiers", 3, "killed", 7, None, "exact"),
        ("Casualties", "German government", 2, "French soldiers", 1, "killed", 40, None, "exact"),
        ("Casualties", "French authorities", 1, "soldiers", 1, "killed", 12, None, "exact"),
    ]
    assert facts.claims[-1].as_of == date(2001, 3, 3)
    assert facts.losses == ()


TWO_COLUMNS_AND_A_THIRD = """---
title: Test war
infoboxes:
  - combatant1: {text: "🇫🇷 France"}
    combatant2: {text: "🇩🇪 Germany\\n\\nArms suppliers:\\n\\n🇮🇹 Italy"}
    casualties3: {text: "100 French and 85 German civilians killed\\n\\n2 Italian journalists injured"}
---
"""


def test_two_nationalities_in_one_line_are_two_claims(make_doc):
    facts = FactBase.load(make_doc(TWO_COLUMNS_AND_A_THIRD))
    assert [(c.subject, c.side, c.group, c.category, c.value) for c in facts.claims] == [
        ("French civilians", 1, "civilian", "killed", 100),
        ("German civilians", 2, "civilian", "killed", 85),
        ("Italian journalists", None, "civilian", "wounded", 2),  # an arms supplier's: third party
    ]


def test_an_article_without_casualty_fields_has_no_claims(make_doc):
    path = make_doc("---\ntitle: Quiet\ninfoboxes:\n  - conflict: {text: Quiet}\n---\n## Lead\n\nNothing happened in 2001.\n")
    facts = FactBase.load(path)
    assert facts.claims == () and facts.losses == ()
    assert infobox_claims(None, side_map(None)) == ()
    assert all_claims(None, (), side_map(None)) == ()


def test_a_body_without_an_infobox(make_doc):
    facts = FactBase.load(make_doc("Reports said 12 civilians were killed and 31–94 soldiers wounded.\n"))
    assert [(c.claimant, c.side, c.group, c.category, c.value, c.upper) for c in facts.claims] == [
        ("Reports", None, "civilian", "killed", 12, None),
        ("Reports", None, "military", "wounded", 31, 94),
    ]


# --- the shared test articles (tests/docs): invented countries, three sides ---------------

DOCS = Path(__file__).resolve().parent / "docs"


def test_battle_of_varnek_demonyms_come_from_the_party_names():
    facts = FactBase.load(DOCS / "battle_of_varnek.md")
    assert facts.side_map.side_of("Dorsan") == 1 and facts.side_map.side_of("Velmari") == 2
    rows = [(c.claimant, c.claimant_side, c.subject, c.side, c.category, c.value, c.upper, c.qualifier, c.as_of)
            for c in facts.claims]
    assert rows == [
        ("Dorsan sources", 1, "soldiers", 1, "killed", 31, 94, "range", None),
        ("Dorsan sources", 1, "Dorsa", 1, "wounded", 2000, 2700, "range", None),
        ("Velmari", 2, "soldiers", 1, "killed", 300, None, "at_least", None),
        ("Velmari sources", 2, "soldiers", 2, "killed", 88, None, "exact", None),
        ("Velmari sources", 2, "soldiers", 2, "captured", 12, None, "exact", None),
        ("Dorsan", 1, "soldiers", 2, "killed", 500, None, "approx", None),
        ("Dorsan Ministry of Defence", 1, "soldiers", 1, "killed", 94, None, "exact", None),
        ("Velmar", 2, "Dorsan soldiers", 1, "killed", 300, None, "more_than", date(2016, 4, 8)),
        ("Velmari authorities", 2, "Velmari soldiers", 2, "killed", 88, None, "exact", None),
        ("Velmari authorities", 2, "Velmari soldiers", 2, "captured", 12, None, "exact", None),
    ]


def test_tri_border_war_nationality_outranks_the_column():
    facts = FactBase.load(DOCS / "tri_border_war.md")
    third = [(c.subject, c.side, c.group, c.category, c.value) for c in facts.claims if c.section == "Infobox: casualties3"]
    assert third == [
        ("soldiers", 3, "military", "killed", 450),
        ("Keshi civilians", 1, "civilian", "killed", 230),
        ("Umbaran civilians", 2, "civilian", "killed", 410),
        ("Tazirans", 3, "civilian", "displaced", 15000),
        ("French aid workers", None, "civilian", "killed", 2),  # France only supports side 1
    ]
    body = [(c.claimant, c.claimant_side, c.side, c.category, c.value, c.qualifier) for c in facts.claims if c.source == "body"]
    assert body == [
        ("Kesh", 1, 1, "killed", 1200, "exact"),
        ("Red Cross", None, None, "killed", 640, "at_least"),
        ("Tazir", 3, 3, "displaced", 15000, "approx"),
    ]


def test_an_infobox_with_bare_figures_and_a_city_article():
    siege = FactBase.load(DOCS / "crimean_campaign.md")
    assert [(c.subject, c.side, c.category, c.value, c.qualifier) for c in siege.claims] == [
        ("United Kingdom/France", 1, "killed", 21000, "approx"),
        ("United Kingdom/France", 1, "wounded", 45000, "exact"),
        ("Russian Empire", 2, "killed", 30000, "approx"),
    ]
    assert FactBase.load(DOCS / "city_of_lorn.md").all_claims == ()  # "48,210 inhabitants"
