"""Entities: names, types, sides, aliases, acronyms and mention counts (extract/entities/)."""


import re
import unicodedata
from dataclasses import fields
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from karabakh_cli.extract.document import Sentence
from test_entities_evidence import infobox_of
from karabakh_cli.extract import entities
from karabakh_cli.extract.entities import Entity, country_stems, demonym, extract_entities, stretches, tokenize
from karabakh_cli.extract.nations import nation_of
from karabakh_cli.extract.textnorm import fold, fold_offsets, original_span
from karabakh_cli.factbase import FactBase
from karabakh_cli.records import to_data

DOCS = Path(__file__).resolve().parent / "docs"


@pytest.fixture(scope="module")
def index(seed):
    return seed.entity_index


def entity(index, name):
    found = index.get(name)
    assert found is not None, f"no entity {name!r}; closest: {index.lookup(name)}"
    return found


def sentences_matching(seed, pattern):
    """Sentence indices whose text matches `pattern`: counted independently of the extractor."""
    return {s.index for s in seed.sentences if re.search(pattern, s.text)}


# --- the seed: who is who ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, side",
    [("Ilham Aliyev", 1), ("Nikol Pashinyan", 2), ("Arayik Harutyunyan", 2), ("Armen Sarkissian", 2)],
)
def test_leaders_of_the_sides_are_persons_on_their_side(index, name, side):
    leader = entity(index, name)
    assert (leader.type, leader.side) == ("person", side)
    assert any(role.startswith(f"commander of side {side}") for role in index.roles[name])


def test_putin_is_a_person_on_no_side(index):
    # The infobox lists Russia only as an arms supplier of side 2: its column, with the role that
    # tells it from a combatant. A supplier's nationality puts none of its people on a side.
    putin = entity(index, "Vladimir Putin")
    assert (putin.type, putin.side) == ("person", None)
    russia = entity(index, "Russia")
    assert (russia.type, russia.side, russia.role) == ("country", 2, "arms supplier")
    assert index.roles["Russia"] == ("arms supplier of side 2",)


def test_countries_of_the_infobox_have_their_sides_and_roles(index):
    assert (entity(index, "Azerbaijan").type, entity(index, "Azerbaijan").side) == ("country", 1)
    assert (entity(index, "Artsakh").type, entity(index, "Artsakh").side) == ("country", 2)
    turkey = entity(index, "Turkey")
    assert turkey.side == 1
    assert "supporter of side 1" in index.roles["Turkey"]
    assert any(role.startswith("alleged belligerent of side 1") for role in index.roles["Turkey"])
    assert (entity(index, "Israel").side, entity(index, "Israel").role) == (1, "arms supplier")
    assert (turkey.role, entity(index, "Azerbaijan").role) == ("alleged", "combatant")
    assert entity(index, "Azerbaijan").page == "Azerbaijan"  # not the flag's "azerbaijan"


def test_units_and_equipment_come_from_the_infobox(index):
    nss = entity(index, "National Security Service")
    assert (nss.type, nss.side) == ("organization", 2)
    assert index.roles["National Security Service"] == ("unit of Armenia (side 2)",)
    tb2 = entity(index, "Bayraktar TB2")
    assert (tb2.type, tb2.side) == ("weapon", 1)
    assert entity(index, "T-72").side is None  # equipment of both sides
    assert entity(index, "BM-30 Smerch").type == "weapon"  # "BM-30 Smerches" in the infobox


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Shusha", "place"),
        ("Stepanakert", "place"),
        ("Tartar District", "place"),
        ("Ghazanchetsots Cathedral", "place"),
        ("Human Rights Watch", "organization"),
        ("Amnesty International", "organization"),
        ("Orla Guerin", "person"),  # "journalist Orla Guerin"
        ("Hikmat Hajiyev", "person"),  # "Aliyev's aide, Hikmat Hajiyev"
        ("Genadi Petrosyan", "person"),  # "Genadi Petrosyan, 69,"
        ("Rustam Muradov", "person"),  # "Lieutenant General Rustam Muradov"
        ("Syria", "country"),
        ("Nagorno-Karabakh", "place"),  # linked from the infobox's place field
    ],
)
def test_types_come_from_the_document(index, name, kind):
    assert entity(index, name).type == kind


def test_titles_are_not_entities(index):
    names = {e.name for e in index.entities}
    assert not names & {"President of Azerbaijan", "President of Russia", "Prime Minister of Armenia"}
    assert "Vladimir Putin" in names  # "the President of Russia Vladimir Putin"


def test_may_the_and_month_names_are_never_entities(index):
    every_name = {name for e in index.entities for name in (e.name, *e.aliases)}
    assert not every_name & {"May", "The", "October", "November", "On", "In", "According"}
    assert not [name for name in every_name if name.startswith(("May ", "The Azerbaijani", "The President"))]


# --- aliases and acronyms ----------------------------------------------------------------


def test_shusha_is_also_shushi(index):
    shusha = entity(index, "Shusha")
    assert "Shushi" in shusha.aliases
    assert index.lookup("Shushi").entity == shusha


@pytest.mark.parametrize(
    "acronym, name",
    [
        ("NSS", "National Security Service"),
        ("ANAMA", "Azerbaijan National Agency for Mine Action"),
        ("HRW", "Human Rights Watch"),  # never expanded in brackets: initials of one name
        ("ICRC", "International Committee of the Red Cross"),
        ("SOHR", "Syrian Observatory for Human Rights"),  # an infobox link's text
    ],
)
def test_acronyms_resolve_to_their_full_names(index, acronym, name):
    assert index.lookup(acronym).entity == entity(index, name)
    assert acronym in entity(index, name).aliases


def test_an_acronym_of_ministries_of_several_countries_names_each(index):
    # The article writes MoFA for the Armenian, the Azerbaijani and the Russian ministry; the
    # Azerbaijani one it also names "the Azerbaijani Foreign Ministry".
    found = {e.name for e in index.lookup("MoFA").candidates}
    assert {"Ministry of Foreign Affairs (Armenia)", "Azerbaijani Foreign Ministry"} <= found
    assert entity(index, "Ministry of Foreign Affairs (Armenia)").side == 2
    assert entity(index, "Azerbaijani Foreign Ministry").side == 1


def test_an_acronym_of_two_names_is_the_body_among_them(index):
    # ECHR spells the European Court of Human Rights and the European Convention on Human
    # Rights; "ECHR announced" is the court, the one body of the two.
    echr = index.lookup("ECHR").entity
    assert echr is not None and echr.name == "European Court of Human Rights"
    assert "ECHR" not in entity(index, "European Convention on Human Rights").aliases


def test_spellings_that_differ_in_diacritics_are_one_entity(index):
    fuzuli = entity(index, "Fuzuli")
    assert "Füzuli" in fuzuli.aliases
    assert index.lookup("füzuli").entity == fuzuli == index.lookup("FUZULI").entity


def test_a_surname_points_to_the_one_person_who_bears_it(index):
    aliyev = entity(index, "Ilham Aliyev")
    assert "Aliyev" in aliyev.aliases
    aliyeva = entity(index, "Mehriban Aliyeva")
    assert aliyeva.mentions == 2 and "Aliyeva" not in aliyev.aliases
    assert index.lookup("Aliyev").entity == aliyev
    assert index.lookup("Aliyeva").entity == aliyeva


def test_a_surname_of_two_people_is_ambiguous(index):
    found = index.lookup("Harutyunyan")
    assert found.entity is None
    assert {e.name for e in found.candidates} == {"Arayik Harutyunyan", "Jalal Harutyunyan"}


def test_an_unknown_name_suggests_the_closest(index):
    found = index.lookup("Pashinian")
    assert found.entity is None and not found.candidates
    assert "Nikol Pashinyan" in found.suggestions
    assert index.lookup("Zzyzx").suggestions == ()


def test_republic_of_x_is_the_country_x(index):
    assert "Republic of Artsakh" in entity(index, "Artsakh").aliases
    assert "Republic of Azerbaijan" in entity(index, "Azerbaijan").aliases


# --- mention counts, checked against independent counts ---------------------------------


@pytest.mark.parametrize(
    "name, pattern",
    [
        ("Shusha", r"\bShush[ai]\b"),
        ("Nikol Pashinyan", r"\bPashinyan\b"),
        ("Ilham Aliyev", r"\bAliyev\b"),  # never "Aliyeva"
        ("Human Rights Watch", r"Human Rights Watch|\bHRW\b"),
        ("Stepanakert", r"\bStepanakert\b"),
        ("National Security Service", r"National Security Service|\bNSS\b"),
        # "Russia's" names Russia; "Russian", the party "United Russia" and a "Russia Studies
        # Program" do not
        ("Russia", r"(?<!United )\bRussia\b(?! [Ss]tudies)"),
        ("Fuzuli", r"\bF[uü]zuli\b(?! District)"),  # "Fuzuli District" is an entity of its own
    ],
)
def test_mentions_count_the_sentences_naming_an_entity_under_any_alias(seed, index, name, pattern):
    expected = sentences_matching(seed, pattern)
    assert set(index.mentions_of(name)) == expected
    assert entity(index, name).mentions == len(expected)


def test_hand_counted_mentions(index):
    # Counted by reading the article: Shusha/Shushi in 12 sentences, Pashinyan in 13.
    assert entity(index, "Shusha").mentions == 12
    assert entity(index, "Nikol Pashinyan").mentions == 13


def test_names_in_a_sentence(index, seed):
    text = next(s.text for s in seed.sentences if s.text.startswith("On 9 November 2020, in the aftermath"))
    assert index.names_in(text) == (
        "Shusha",
        "2020 Nagorno-Karabakh ceasefire agreement",  # "a ceasefire agreement": the infobox's
        "Azerbaijan",  # "the President of Azerbaijan": a title names its country
        "Ilham Aliyev",
        "Armenia",
        "Nikol Pashinyan",
        "Russia",
        "Vladimir Putin",
        "Nagorno-Karabakh conflict",  # longest match: not "Nagorno-Karabakh"
        "Moscow",
    )
    assert index.names_in("President Aliyev met officials in Füzuli.") == ("Ilham Aliyev", "Fuzuli")
    assert index.sentence_names[13] == index.names_in(seed.sentences[13].text)


def test_entity_records_have_the_json_fields_in_order(index):
    assert [f.name for f in fields(Entity)] == ["name", "type", "aliases", "page", "side", "mentions", "role"]
    assert to_data(entity(index, "Shusha")) == {
        "name": "Shusha",
        "type": "place",
        "aliases": ["Shushi"],
        "page": None,
        "side": None,
        "mentions": 12,
        "role": None,
    }


def test_entities_are_most_mentioned_first(index):
    counts = [e.mentions for e in index.entities]
    assert counts == sorted(counts, reverse=True)
    assert index.entities[0].name == "Azerbaijan"


# --- profiles ----------------------------------------------------------------------------


def test_profile_lists_every_mention_with_its_section_and_date(seed, index):
    profile = seed.entity_profile(entity(index, "Shusha"))
    assert [m.sentence for m in profile.mentions] == list(index.mentions_of("Shusha"))
    assert all(m.text == seed.sentences[m.sentence].text for m in profile.mentions)
    dated = [m for m in profile.mentions if m.date is not None]
    assert dated and profile.first.date == min(m.date for m in dated)
    assert profile.last.date == max(m.date for m in dated)
    data = to_data(profile)
    assert list(data)[:6] == ["name", "type", "aliases", "page", "side", "roles"]
    assert set(data["mentions"][0]) >= {"text", "section", "date"}


def test_profile_dates_come_from_the_mapping_given(index, seed):
    shusha = entity(index, "Shusha")
    first = index.mentions_of("Shusha")[0]
    dated = SimpleNamespace(date="2020-11-01", end="2020-11-30", precision="month")
    profile = index.profile(shusha, seed.sentences, {first: dated})
    mention = profile.mentions[0]
    assert (mention.date, mention.end, mention.precision) == ("2020-11-01", "2020-11-30", "month")
    assert [f.name for f in fields(mention)] == ["text", "section", "date", "sentence", "end", "precision", "section_anchor"]
    assert profile.first == profile.last == profile.mentions[0]
    assert index.profile(shusha, seed.sentences).first is None


# --- small documents written here ---------------------------------------------------------


def doc(make_doc, body, frontmatter="title: T"):
    return FactBase.load(make_doc(f"---\n{frontmatter}\n---\n{body}\n"))


def test_may_at_a_sentence_start_is_no_name(make_doc):
    facts = doc(
        make_doc,
        "May the treaty hold, said the envoy. The talks began in May 1999 in Lorn. "
        "The delegates may meet again in Lorn, the capital.",
    )
    names = {e.name for e in facts.entities}
    assert names == {"Lorn"}
    assert facts.entity_index.get("Lorn").type == "place"


def test_acronyms_and_stated_names_in_a_small_document(make_doc):
    facts = doc(
        make_doc,
        "The State Mapping Office (SMO) surveyed the town of Velka, known to locals as Welke. "
        "Later the SMO said Velka (Welke) had grown. Journalist Ana Brel visited Velka.",
    )
    index = facts.entity_index
    assert index.lookup("SMO").entity.name == "State Mapping Office"
    velka = index.get("Velka")
    assert velka.aliases == ("Welke",) and velka.type == "place" and velka.mentions == 3
    assert index.get("Ana Brel").type == "person"


def test_names_listed_together_share_a_type(make_doc):
    facts = doc(
        make_doc,
        "Shells hit the town of Velka. Later they hit Velka, Morn and Tessa. "
        "The envoy met journalist Ana Brel and Piet Kor in Morn.",
    )
    index = facts.entity_index
    assert [index.get(name).type for name in ("Velka", "Morn", "Tessa")] == ["place"] * 3
    assert index.get("Piet Kor").type == "person"


def test_an_1854_siege(make_doc):
    facts = FactBase.load(DOCS / "crimean_campaign.md")
    index = facts.entity_index
    assert (index.get("Jean Morel").type, index.get("Jean Morel").side) == ("person", 1)
    assert index.get("Russian Empire").side == 2
    assert index.get("Siege of Koralsk").type == "other"


def test_a_city_article(make_doc):
    index = FactBase.load(DOCS / "city_of_lorn.md").entity_index
    assert index.get("Lorn").type == "place"  # "Lorn is a city"
    assert index.get("Church of St. Anne") is not None
    assert index.get("May") is None and index.get("Anne") is None


def test_a_document_without_infobox_or_prose(make_doc):
    assert doc(make_doc, "").entities == ()
    assert doc(make_doc, "no capitals here at all.").entities == ()


# --- folding -----------------------------------------------------------------------------


def test_fold_ignores_case_and_diacritics():
    assert fold("Füzuli") == fold("FUZULI") == "fuzuli"
    assert fold("Qaşaltı") == "qasalti"
    assert fold("Hacıməmmədli") == "hacimemmedli"
    assert fold("Straße") == "strasse"
    assert fold("Erdoğan") == "erdogan"


@settings(max_examples=300)
@given(st.text())
def test_fold_never_raises_and_offsets_map_back(text):
    folded, offsets = fold_offsets(text)
    assert folded == fold(text)
    assert len(offsets) == len(folded) + 1
    for start in range(len(folded)):
        begin, end = original_span(offsets, start, start + 1)
        assert 0 <= begin < end <= len(text)
        # the original characters behind a folded one fold back to text containing it
        assert folded[start] in fold(text[begin:end])


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F)))
def test_fold_is_case_blind_and_idempotent_on_latin_letters(text):
    assert fold(text) == fold(text.upper()) == fold(fold(text))
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", fold(text)))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=6))
def test_extraction_never_raises_on_arbitrary_text(texts):
    sentences = tuple(Sentence(text, "S", 0, i, 0, len(text)) for i, text in enumerate(texts))
    index = extract_entities(sentences)
    for text in texts:
        index.names_in(text)
        index.lookup(text)
    assert all(e.mentions >= 1 for e in index.entities)


# --- the fast ways agree with the plain ones ---------------------------------------------


def _plain_stretch_pattern():
    """Capitalised words as _stretch_pattern() finds them, written the plain way: not after a
    word character, an apostrophe or a hyphen."""
    capitals = "".join(
        char
        for low, high in entities.CAPITAL_RANGES
        for char in map(chr, range(low, high))
        if char.isupper() or char.istitle()
    )
    word = rf"(?:[{capitals}]|\d+[^\W\d_])\w*(?:[-‐‑–]\w+)*"
    joining = "|".join(sorted(entities.CONNECTORS | {"and"}))
    link = rf"(?:['’]s?)?\.? (?:(?:{joining}) ){{0,2}}"
    return re.compile(rf"(?<![\w'’-]){word}(?:{link}{word})*(?:['’]s?(?!\w))?")


PLAIN_STRETCH = _plain_stretch_pattern()
PIECES = ["Ministry", " of ", "the ", "St. ", "9K33", "Russia's", "pro–Armenian", "May", " and ", ", ", "(", "É", "ǅ"]
TRICKY_TEXT = (
    st.lists(st.sampled_from(PIECES + ["x", "-", "’", "0", "_"]), max_size=10).map("".join)
    | st.text("aAZ9 0_'’-–.,(É\nǅs", max_size=24)
)


@settings(max_examples=500)
@given(TRICKY_TEXT)
def test_stretches_are_the_capitalised_runs_read_word_by_word(text):
    assert stretches(text) == [tokenize(text, m.start(), m.end()) for m in PLAIN_STRETCH.finditer(text)]


@given(st.lists(st.text("abdnis", min_size=1, max_size=5), max_size=4), st.text("abdnis", min_size=1, max_size=7))
def test_a_demonym_is_made_from_another_country_of_the_document(countries, word):
    assume(nation_of(word) is None)
    made = any(
        word != country and word.startswith(stem) and word[len(stem) :] in entities.DEMONYM_ENDINGS
        for country in countries
        for stem in (country, country[:-1])
    )
    assert demonym(word, country_stems(countries)) == made


def test_demonyms_of_invented_countries():
    assert demonym("Keshi", country_stems(["kesh"]))
    assert demonym("Dorsans", country_stems(["dorsa"]))
    assert not demonym("Dorsan", country_stems(["dorsan"]))  # the country itself
    assert demonym("Azerbaijani", country_stems([]))  # from the world list


# --- sides from the text -----------------------------------------------------------------

SIDES_INFOBOX = infobox_of("Peru\nArms suppliers:\nNorway", "Chile")


def test_nationality_words_and_offices_give_a_side(make_doc):
    facts = doc(
        make_doc,
        "A wounded Peruvian soldier Ivo Brandt was filmed. Chilean Minister of Foreign Affairs "
        "Pera Lund spoke. Peru's aide, Tomas Ek, denied it. Norwegian envoy Dag Holm visited. "
        "The Peruvian State Border Service closed roads. The Central Bank of Peru lent money. "
        "The Chile National Agency for Demining (CNAD) cleared fields.",
        SIDES_INFOBOX,
    )
    index = facts.entity_index
    sides = {e.name: e.side for e in index.entities}
    assert sides["Ivo Brandt"] == 1 and sides["Pera Lund"] == 2 and sides["Tomas Ek"] == 1
    assert sides["Dag Holm"] is None  # a supplier's nationality puts no one on a side
    assert sides["Peruvian State Border Service"] == 1
    assert sides["Central Bank of Peru"] is None  # a bank is no body of the state's war
    assert sides["Chile National Agency for Demining"] == 2
    norway = index.get("Norway")
    assert (norway.side, norway.role) == (1, "arms supplier")


# --- the war itself ----------------------------------------------------------------------


def test_the_war_is_an_entity_under_every_name_it_is_given(make_doc):
    facts = doc(
        make_doc,
        "# Naming\n\n"
        'The war has been called the "Second Reed War", and Vostria named it "Operation Tide".\n\n'
        "# Course\n\n"
        "Second Reed War fighting began on the shore. The Tide went on for a week. "
        "The First Reed War and the Great Reed War were older.",
        "title: Reed war of 1901",
    )
    index = facts.entity_index
    war = index.get("Reed war of 1901")
    assert war.type == "other" and war.mentions == 2  # its naming sentence too
    assert "Second Reed War" in war.aliases
    assert index.get("First Reed War") is not None and index.get("Great Reed War") is not None
    # a party's code name for its operations is an event of its own, also without "Operation"
    operation = index.get("Operation Tide")
    assert operation.type == "other" and "Tide" in operation.aliases and operation.mentions == 2


# --- names of one thing ------------------------------------------------------------------


def test_ordinals_directions_and_transliterations_join(make_doc):
    facts = doc(
        make_doc,
        "The 3rd Corps held the ridge. Later the Third Army Corps fell back. "
        "Trade crossed the Southern Marches. Rails ran across the South Marches. "
        "The envoy Toma Karapetsyan spoke. Toma Karapetsian later resigned. "
        "The city of Belgrovit was shelled. The city of Belgravit burned. "
        "Hakob Vardanov and Hakob Verdanova were arrested.",
    )
    index = facts.entity_index
    assert index.lookup("Third Army Corps").entity.name == "3rd Corps"
    assert index.lookup("Southern Marches").entity is index.lookup("South Marches").entity
    assert index.lookup("Toma Karapetsian").entity.mentions == 2
    assert index.lookup("Belgrovit").entity.mentions == 2
    # a different ending is another person, however alike the rest
    assert index.lookup("Hakob Vardanov").entity is not index.lookup("Hakob Verdanova").entity


def test_a_body_of_a_country_under_both_word_orders(make_doc):
    facts = doc(
        make_doc,
        "The Peruvian National Assembly met. The National Assembly of Peru voted. "
        "The Prosecutor's Office of the Republic of Peru and the Republic of Peru agreed. "
        "The Prosecutor's Office of Peru charged him. The Chilean National Assembly objected.",
    )
    index = facts.entity_index
    assembly = index.lookup("National Assembly of Peru").entity
    assert assembly is index.lookup("Peruvian National Assembly").entity and assembly.mentions == 2
    assert index.lookup("Prosecutor's Office of Peru").entity.mentions == 2
    assert index.lookup("Chilean National Assembly").entity is not assembly


def test_a_weapon_named_without_its_maker_or_code(make_doc):
    facts = doc(
        make_doc,
        "Gunners fired a 4Z12 Vesna missile system and two Kor Swift aircraft. "
        "A Vesna was lost. A Swift was shot down. The X1 Lark rockets and the Q7 Lark rockets fell. "
        "A Lark hit the town.",
    )
    index = facts.entity_index
    assert index.lookup("Vesna").entity.name == "4Z12 Vesna"
    assert index.lookup("Swift").entity.name == "Kor Swift"
    assert index.get("Lark") is not None  # two weapons end on it: it stays apart


# --- types from the text and from a name's shape -----------------------------------------


def test_types_from_staff_nouns_titles_places_and_shapes(make_doc):
    facts = doc(
        make_doc,
        "A Morning Courier correspondent was hurt. Two journalists from Daily Lantern fled. "
        "The attack was described by The Clarion. After the shelling of Velka, troops moved. "
        "Vehicles were seen entering Dorn. Ana Brel of the Lantern Institute wrote. "
        "The OKTA alliance met. The Vostrian Empire fell. The Northern Command of the army moved "
        "its command post. "
        "The United Nations called for calm at 14:00 UTC. He was a POW for a year.",
    )
    types = {e.name: e.type for e in facts.entities}
    assert types["Morning Courier"] == types["Daily Lantern"] == types["The Clarion"] == "organization"
    assert types["Velka"] == types["Dorn"] == "place"
    assert types["Ana Brel"] == "person" and types["Northern Command"] != "person"
    assert types["OKTA"] == types["United Nations"] == "organization"
    assert types["Vostrian Empire"] == "country"
    assert "UTC" not in types and "POW" not in types


def test_figures_of_speech_particles_and_countries_opening_a_sentence(make_doc):
    facts = doc(
        make_doc,
        "Locals called Velka the Pompeii of the North. Raids hit a camp of Liwa al-Nasr near Velka. "
        "Sheikh al-Islam Omar Dalil prayed. Chile protested the raids.",
    )
    names = {e.name for e in facts.entities}
    assert "Pompeii" not in names
    assert "Liwa al-Nasr" in names and "Liwa" not in names
    assert "Omar Dalil" in names
    assert facts.entity_index.get("Chile").type == "country"  # written only at a sentence's start


def test_named_plans_and_events_are_whole(make_doc):
    facts = doc(
        make_doc,
        "Trade would reach Kelm's Silk and Rail Initiative. Peru and Chile Agreement talks failed. "
        "Rebels recalled the Dorn massacre. The Peruvian offensive began.",
    )
    names = {e.name: e.type for e in facts.entities}
    assert names.get("Silk and Rail Initiative") == "other" and "Silk" not in names
    assert "Peru" in names and "Chile Agreement" in names  # a country before "and" stays itself
    assert names.get("Dorn massacre") == "other" and "Dorn" not in names
    assert not any("offensive" in name for name in names)


def test_a_body_named_by_office_is_split_by_the_country_each_mention_gives_it(make_doc):
    facts = doc(
        make_doc,
        "Peru's Ministry of Foreign Affairs (MFA) protested. The Chilean MFA denied it. "
        "Later the Ministry of Foreign Affairs of Chile wrote again. The Ministry of Foreign Affairs "
        "was silent. The Ministry of Health opened clinics.",
        SIDES_INFOBOX,
    )
    index = facts.entity_index
    peru = index.get("Ministry of Foreign Affairs (Peru)")
    chile = index.get("Ministry of Foreign Affairs (Chile)")
    assert (peru.mentions, peru.side) == (1, 1) and (chile.mentions, chile.side) == (2, 2)
    assert index.get("Ministry of Foreign Affairs").mentions == 1  # no country given: unknown
    assert index.get("Ministry of Health (Peru)") is None  # one body, no country: not split


def test_names_of_waters_and_lands_with_particles(make_doc):
    facts = doc(
        make_doc,
        "Ships were barred from the Straits of Velm. Troops landed at Port el-Marra and crossed "
        "the Dorn Heights.",
    )
    types = {e.name: e.type for e in facts.entities}
    assert types.get("Straits of Velm") == "place" and "Straits" not in types
    assert "Port el-Marra" in types
    assert types.get("Dorn Heights") == "place"


def test_acronyms_before_nouns_soviet_republics_and_lone_regions(make_doc):
    facts = doc(
        make_doc,
        "The OKTA Contact Group met in 1994. Vostria rejected OKTA proposals. The land went from "
        "the Peruvian SSR to the Chilean SSR. Raids shook the Caucasus again. Later the Ministry "
        "said the ministry staff and the Valley were safe; a valley road was closed.",
    )
    names = {e.name: e.type for e in facts.entities}
    assert names.get("OKTA") == "organization"
    assert names.get("Peruvian SSR") == "place" and "SSR" not in names
    assert names.get("Caucasus") == "place"  # a place's head word never written in lower case
    assert "Ministry" not in names and "Valley" not in names  # written in lower case too
