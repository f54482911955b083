"""Casualty claims read from sentences of the body: phrasings, claimants, dates and sides.
Every document is written here, about invented countries."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_cli.extract.claims import CATEGORIES, EQUIPMENT, prose_claims
from karabakh_cli.extract.document import Sentence
from karabakh_cli.extract.figures import find_figures
from karabakh_cli.extract.nations import SideMap
from karabakh_cli.factbase import FactBase


def body_claims(make_doc, body: str, side1: str = "Velmora", side2: str = "Karst"):
    text = f"""---
title: Test war
infoboxes:
  - conflict: {{text: Test war}}
    date: {{text: "1 March 2031 – 2 June 2032"}}
    combatant1: {{text: " {side1}"}}
    combatant2: {{text: " {side2}"}}
---
## War

{body}
"""
    return [claim for claim in FactBase.load(make_doc(text)).claims if claim.source == "body"]


def rows(claims):
    return [(c.side, c.category, c.value, c.qualifier) for c in claims]


# --- phrasings ------------------------------------------------------------------------------


def test_a_death_toll_ranges_over_the_figures_of_those_named_before_it(make_doc):
    claims = body_claims(make_doc, "The Velmoran Army death toll ranges from 118 to 121, depending on the source.")
    assert [(c.side, c.group, c.category, c.value, c.upper, c.qualifier) for c in claims] == [
        (1, "military", "killed", 118, 121, "range"),
    ]
    civilian = body_claims(make_doc, "Karst attacked again and the Velmoran civilian death toll rose to 30.")
    assert [(c.subject, c.side, c.group, c.value) for c in civilian] == [("Velmoran civilians", 1, "civilian", 30)]


def test_bare_counts_after_a_verb_count_the_victims_it_names(make_doc):
    claims = body_claims(
        make_doc,
        "Karst ambushed Velmoran soldiers on the border, killing three and capturing two; "
        "a further five were killed during a failed rescue attempt.",
    )
    assert rows(claims) == [(1, "killed", 3, "exact"), (1, "captured", 2, "exact"), (1, "killed", 5, "exact")]
    assert {c.subject for c in claims} == {"Velmoran soldiers"}


def test_a_bare_count_has_no_victims_when_only_the_attackers_are_named(make_doc):
    assert body_claims(make_doc, "Velmoran troops stormed the town, killing three.") == []
    assert body_claims(make_doc, "Helped by armed volunteers, Karst took the town, killing three.") == []


def test_words_of_loss_and_of_fighters(make_doc):
    claims = body_claims(
        make_doc,
        "An airstrike killed seven Velmoran militants. Three Velmoran paratroopers were killed. "
        "About 68,000 ethnic Velmorans had fled their homes. 100,000 Karstian soldiers surrendered. "
        "At least 23 Karstians executed by the guards were found. Between 2,000 and 2,143 Karstians were killed. "
        "The fighting has caused nearly 12 million people to be forcibly displaced.",
    )
    assert rows(claims) == [
        (1, "killed", 7, "exact"),
        (1, "killed", 3, "exact"),
        (1, "displaced", 68000, "approx"),
        (2, "captured", 100000, "exact"),
        (2, "killed", 23, "at_least"),
        (2, "killed", 2000, "range"),
        (None, "displaced", 12_000_000, "approx"),
    ]


def test_lives_lost_fatalities_and_hostages(make_doc):
    claims = body_claims(
        make_doc,
        "At least 45 Velmoran civilians lost their lives. The shelling caused 12 Karstian fatalities. "
        "Nine Velmoran aid workers were taken hostage.",
    )
    assert rows(claims) == [(1, "killed", 45, "at_least"), (2, "killed", 12, "exact"), (1, "captured", 9, "exact")]


def test_a_dead_soldier_described_is_no_count_but_530_dead_fighters_are(make_doc):
    claims = body_claims(make_doc, "A video showed a dead Karstian soldier. Velmora counted 530 dead Karstian fighters.")
    assert [(c.side, c.category, c.value, c.subject) for c in claims] == [(2, "killed", 530, "Karstian fighters")]


def test_a_range_written_after_between_with_a_dash(make_doc):
    (figure,) = find_figures("suffered between 70,000–300,000 deaths")
    assert (figure.value, figure.upper, figure.qualifier) == (70000, 300000, "range")
    claims = body_claims(make_doc, "Velmora and Karst suffered between 70,000–300,000 deaths combined.")
    assert [(c.side, c.category, c.value, c.upper) for c in claims] == [(None, "killed", 70000, 300000)]


def test_refugees_are_displaced_and_a_figure_that_rose_is_counted_again(make_doc):
    claims = body_claims(
        make_doc,
        "By 2 October 2031, Karst had captured 350 villages, generating a wave of some 300,000 refugees. "
        "By January 2032, this had risen to 400,000.",
    )
    assert [(c.category, c.value, c.qualifier, c.subject) for c in claims] == [
        ("displaced", 300000, "approx", "refugees"),
        ("displaced", 400000, "exact", "refugees"),
    ]
    assert claims[0].as_of == date(2031, 10, 2)
    assert body_claims(make_doc, "By June 2032, 200,000 refugees had returned.") == []
    two = body_claims(make_doc, "Shelling killed 12 civilians and wounded 30 others. By May, this had risen to 50.")
    assert [c.value for c in two] == [12, 30]  # which of the two rose is not said


def test_the_verb_after_a_relative_clause_and_the_sub_counts_before_it(make_doc):
    claims = body_claims(
        make_doc,
        "Around 9,000 Karstians who were in Velmora at the time, including some 7,000 Karstian soldiers "
        "and 1,500 civilians, were taken as prisoners of war by Velmora.",
    )
    assert [(c.side, c.group, c.category, c.value) for c in claims] == [
        (2, "other", "captured", 9000),
        (2, "military", "captured", 7000),
        (2, "civilian", "captured", 1500),  # a sub-count takes its total's side
    ]


def test_sub_counts_in_brackets_and_in_a_list(make_doc):
    claims = body_claims(
        make_doc,
        "Velmora said that 28 Karstians were killed (24 members of the security forces and four civilians) "
        "and 235 wounded. The list of 19 killed includes 12 civilians and seven Karstian servicemen.",
    )
    assert [(c.group, c.category, c.value) for c in claims] == [
        ("other", "killed", 28), ("military", "killed", 24), ("civilian", "killed", 4), ("other", "wounded", 235),
        ("civilian", "killed", 12), ("military", "killed", 7),
    ]


# --- claimants ------------------------------------------------------------------------------


def test_with_x_claiming_and_x_claimed_to_have_identified(make_doc):
    claims = body_claims(
        make_doc,
        "The figures vary, with Karst claiming 250 of its fighters killed, "
        "while Velmora claimed to have identified 530 dead Karstian fighters.",
    )
    assert [(c.claimant, c.claimant_side, c.side, c.value) for c in claims] == [
        ("Karst", 2, 2, 250), ("Velmora", 1, 2, 530),
    ]


def test_the_subject_of_the_clause_before_stating_that(make_doc):
    claims = body_claims(
        make_doc,
        "On 2 March 2031, Velmora cut all ties with Karst, stating that 11,700 Velmorans had been forced to flee Karst.",
    )
    assert [(c.claimant, c.claimant_side, c.side, c.category, c.as_of) for c in claims] == [
        ("Velmora", 1, 1, "displaced", date(2031, 3, 2)),
    ]


def test_an_abbreviation_the_text_defines_and_the_initials_of_a_party(make_doc):
    defined = body_claims(
        make_doc,
        "The Velmoran Defence Forces (VDF) crossed the river. The VDF estimates 600–700 dead Karstian fighters.",
    )
    assert [(c.claimant, c.claimant_side, c.side) for c in defined] == [("VDF", 1, 2)]
    initials = body_claims(make_doc, "The KLF said 40 Velmoran soldiers were killed.", side2="Karst Liberation Front")
    assert [(c.claimant, c.claimant_side, c.side) for c in initials] == [("KLF", 2, 1)]


def test_according_to_the_government_and_state_media(make_doc):
    claims = body_claims(make_doc, "According to the Velmoran government and state media, 44 Velmorans were killed.")
    assert [(c.claimant, c.claimant_side) for c in claims] == [("Velmoran government and state media", 1)]


def test_a_districts_own_head_speaks_for_its_side(make_doc):
    claims = body_claims(
        make_doc,
        "The head of the Ostrava District stated that 17 civilians were killed in Ostrava District by Karstian shelling.",
    )
    assert [(c.claimant_side, c.side) for c in claims] == [(1, 1)]
    elsewhere = body_claims(make_doc, "The head of the Ostrava District stated that 17 civilians were killed in Lumen.")
    assert [c.claimant_side for c in elsewhere] == [None]


# --- dates ----------------------------------------------------------------------------------


def test_a_paragraph_opened_by_a_day_dates_the_sentences_that_follow(make_doc):
    claims = body_claims(
        make_doc,
        "On 10 February 2032, two bombs exploded in Ostrava. According to the Velmoran government, the blasts "
        "were caused by car bombs. It reported that 28 Velmorans were killed.\n\n"
        "On 3 March 2032, a bomb exploded. On 5 March, another followed. Velmora said that 5 Velmorans were killed.",
    )
    assert [(c.claimant, c.value, c.as_of) for c in claims] == [
        ("Velmoran government", 28, date(2032, 2, 10)),
        ("Velmora", 5, None),  # two days in the paragraph: which one is not said
    ]


def test_only_a_sentence_that_refers_back_takes_the_paragraphs_day(make_doc):
    claims = body_claims(
        make_doc,
        "On 4 March 2031, Karstian rockets hit Lumen. Velmora said 45 soldiers had been killed in the first week. "
        "The attack killed 12 Velmoran civilians.",
    )
    assert [(c.value, c.as_of) for c in claims] == [(45, None), (12, date(2031, 3, 4))]


def test_a_toll_that_rose_and_counts_that_are_no_claim(make_doc):
    claims = body_claims(
        make_doc,
        "On 12 May 2031, a missile struck Lumen. Two days later, the death toll rose to 25. "
        "Over 2,000 Velmoran troops were killed or wounded. In the 1990s war, 30,000 Velmorans died.",
    )
    assert [(c.subject, c.category, c.value, c.as_of) for c in claims] == [("deaths", "killed", 25, date(2031, 5, 14))]


# --- whose losses ---------------------------------------------------------------------------


def test_the_attackers_enemy_loses_the_civilians_a_participle_kills(make_doc):
    claims = body_claims(make_doc, "In late June 2031, Karst launched a new offensive against the city, killing at least 233 civilians.")
    assert [(c.side, c.value, c.qualifier) for c in claims] == [(1, 233, "at_least")]


def test_what_a_claimant_says_it_killed_are_its_enemys(make_doc):
    claims = body_claims(
        make_doc, "Velmora claimed to have killed 500 soldiers. Karst said it had killed 80 soldiers and captured 12."
    )
    assert [(c.claimant_side, c.side, c.category, c.value) for c in claims] == [
        (1, 2, "killed", 500), (2, 1, "killed", 80), (2, 1, "captured", 12),
    ]
    own = body_claims(make_doc, "Velmora said that 45 soldiers had been killed.")
    assert [(c.claimant_side, c.side) for c in own] == [(1, 1)]


def test_another_claimant_puts_the_figure_at_and_losses_at(make_doc):
    claims = body_claims(
        make_doc,
        "Velmora said 34 Velmoran soldiers were killed, while Karst put the figure at 200. "
        "Karst put its own losses at 50 killed. Velmora claimed that Karstian losses amounted to 6,000 killed.",
    )
    assert [(c.claimant, c.claimant_side, c.side, c.category, c.value) for c in claims] == [
        ("Velmora", 1, 1, "killed", 34),
        ("Karst", 2, 1, "killed", 200),
        ("Karst", 2, 2, "killed", 50),
        ("Velmora", 1, 2, "killed", 6000),
    ]


def test_a_pronoun_that_refers_to_no_one_named_is_no_claimant(make_doc):
    claims = body_claims(make_doc, "Fighting went on.\n\nIt said that 5 Velmorans were killed.")
    assert [(c.claimant, c.claimant_side) for c in claims] == [("unattributed", None)]


def test_an_estimated_figure_has_no_claimant_an(make_doc):
    claims = body_claims(make_doc, "An estimated 1,000 Karstians died.")
    assert [(c.claimant, c.side, c.value, c.qualifier) for c in claims] == [("unattributed", 2, 1000, "approx")]


def test_people_of_more_than_one_kind_have_no_side(make_doc):
    mixed = body_claims(make_doc, "Karstian shelling killed more than 2,200 people, the vast majority of them civilians.")
    assert [(c.side, c.value) for c in mixed] == [(None, 2200)]
    plain = body_claims(make_doc, "Karstian shelling killed more than 2,200 people.")
    assert [(c.side, c.value) for c in plain] == [(1, 2200)]


def test_soldiers_and_police_no_one_names_are_the_states_in_a_war_against_a_group(make_doc):
    claims = body_claims(
        make_doc,
        "More than 200 people were killed, mostly rebels along with 20 soldiers, 5 policemen and 13 civilians.",
        side1="Bolivia",
        side2="Velmoran Liberation Front",
    )
    assert [(c.side, c.value) for c in claims] == [(None, 200), (1, 20), (1, 5), (None, 13)]


def test_in_a_civil_war_the_civilians_a_government_counts_are_no_partys(make_doc):
    civil = body_claims(
        make_doc, "The Bolivian government said that 44 civilians were killed.",
        side1="Free Bolivian Army", side2="Bolivian government",
    )
    assert [(c.claimant_side, c.side) for c in civil] == [(2, None)]
    between_states = body_claims(make_doc, "The Velmoran government said that 44 civilians were killed.")
    assert [(c.claimant_side, c.side) for c in between_states] == [(1, 1)]


def test_fighters_of_no_side_are_another_wars_unless_both_sides_are_counted(make_doc):
    assert body_claims(make_doc, "Airstrikes on a camp in a neighbouring country killed 78 militants.") == []
    both = body_claims(make_doc, "A total of 500 soldiers were killed on both sides.")
    assert [(c.side, c.value) for c in both] == [(None, 500)]


# --- any text ---------------------------------------------------------------------------------

WORDS = st.sampled_from(
    "Velmora Karst Velmoran Karstian said claimed it its the a of with while killing killed wounded "
    "died fled refugees soldiers civilians people including ( ) , ; . and or 12 1,200 three 2031 "
    "death toll rose to put figure at losses mostly head District in On 4 March who were".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40))
def test_any_sentence_gives_claims_with_positive_counts_and_known_words(words):
    text = " ".join(words)
    sides = SideMap({"velmora": 1, "velmoran": 1, "karst": 2, "karstian": 2}, {1: ("Velmora",), 2: ("Karst",)})
    for claim in prose_claims([Sentence(text, "War", 0, 0, 0, len(text))], sides, conflict_start=date(2031, 1, 1)):
        assert claim.value > 0 and claim.category in CATEGORIES + (EQUIPMENT,)
        assert claim.side in (None, 1, 2) and claim.claimant_side in (None, 1, 2)
        assert claim.value != 2031  # a year is never a count
