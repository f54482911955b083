"""Entities: one entity per thing and its type from evidence (extract/entities/), on small
documents written here."""

from karabakh_cli.factbase import FactBase


def doc(make_doc, body, frontmatter="title: T"):
    return FactBase.load(make_doc(f"---\n{frontmatter}\n---\n{body}\n"))


def types_of(facts):
    return {e.name: e.type for e in facts.entities}


def infobox_of(first: str, second: str, raw: str = "", title: str = "War of the Lakes", **fields: str) -> str:
    """Frontmatter of a war whose conflict infobox has two combatant columns (a line each per
    line of `first` and `second`), more text `fields` ("units1") and `raw` YAML fields."""
    def block(text: str) -> str:
        return "      text: |-\n" + "".join(f"        {line}\n" for line in text.split("\n"))

    columns = {"combatant1": first, "combatant2": second, **fields}
    return f"title: {title}\ninfoboxes:\n  - conflict:\n      text: {title}\n" + "".join(
        f"    {name}:\n{block(text)}" for name, text in columns.items()
    ) + raw


def test_transliterations_and_british_spellings_are_one_name(make_doc):
    facts = doc(
        make_doc,
        "The town of Dargam was shelled. Troops left Dargham later. Tarik Ghassem met Tarik Gasem. "
        "Peru's Ministry of Defence spoke. The Ministry of Defense denied. Ana Bagh met Ana Bag.",
    )
    index = facts.entity_index
    town = index.lookup("Dargham").entity
    assert town is index.lookup("Dargam").entity and town.mentions == 2
    assert index.lookup("Tarik Gasem").entity is index.lookup("Tarik Ghassem").entity
    assert index.lookup("Ministry of Defense").entity is index.lookup("Ministry of Defence").entity
    # short words are never joined: "Bagh" and "Bag" are two names
    assert index.lookup("Ana Bagh").entity is not index.lookup("Ana Bag").entity


def test_banks_of_a_river_languages_and_executive_powers(make_doc):
    facts = doc(
        make_doc,
        "Troops entered the West Bank and the Central Bank closed. Settlers left the West Bank. "
        "Leaflets were printed in Tamazight. On 2 May, the head of the Dorn District Executive "
        "Power, Ivo Brandt, spoke.",
    )
    types = types_of(facts)
    assert types["West Bank"] == "place" and types["Central Bank"] == "organization"
    assert "Tamazight" not in types
    assert types["Dorn District Executive Power"] == "organization"


def test_an_acronym_alone_is_the_one_body_its_letters_spell(make_doc):
    facts = doc(
        make_doc,
        "Peru applied to the Andean Convention on Human Rights. Later the Andean Court of Human "
        "Rights ruled. On 3 May, ACHR announced measures. The Dorn Peace Council and the Dorn "
        "Public Committee met. On 4 May, DPC said no.",
    )
    index = facts.entity_index
    court = index.get("Andean Court of Human Rights")
    assert "ACHR" in court.aliases and court.mentions == 2
    assert "ACHR" not in index.get("Andean Convention on Human Rights").aliases
    # two bodies spell "DPC": it is neither
    assert "DPC" not in index.get("Dorn Peace Council").aliases + index.get("Dorn Public Committee").aliases


def test_persons_from_a_relative_clause_a_title_before_a_body_and_a_regnal_numeral(make_doc):
    facts = doc(
        make_doc,
        "The Dorn Security Service (DSS) denied it. He confirmed that Ivo Brandt who was made a hero "
        "died. He dismissed the chief of staff of the border troops of the Dorn Security Service "
        "Aram Tevan. The envoy met Vartan III in Dorn. Talks on Velsk II failed. The Velsk "
        "Protocol was signed. The Kadar II ceasefire held. Troops reached Stage I of the plan.",
    )
    types = types_of(facts)
    assert types["Ivo Brandt"] == types["Aram Tevan"] == types["Vartan III"] == "person"
    assert types["Dorn Security Service"] == "organization"
    assert types["Velsk II"] != "person"  # "Velsk" names another thing: an agreement's number
    assert types["Kadar II"] != "person"  # written before a word for an agreement
    assert types["Stage I"] != "person"  # "I" alone is as often a phase's letter


def test_an_army_is_the_armed_forces_of_a_country_that_has_no_other_branch_named(make_doc):
    facts = doc(
        make_doc,
        "The Peruvian Army advanced. The Armed Forces of Peru held. The Chilean Army retreated. "
        "The Chilean Armed Forces regrouped. The Chilean Navy sailed. Peru and Chile fought.",
    )
    index = facts.entity_index
    peru = index.lookup("Peruvian Army").entity
    assert peru is index.lookup("Armed Forces of Peru").entity and peru.mentions == 2
    # Chile's navy is named: its army is one branch, not all its forces
    assert index.lookup("Chilean Army").entity is not index.lookup("Chilean Armed Forces").entity


SIDES = infobox_of("Peru", "Chile")


def test_a_body_named_by_office_goes_to_the_body_of_the_country_its_sentence_gives(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. The Peruvian Ministry of Defence gave figures. The Chilean "
        "Ministry of Defence denied them. The decree named the Ministry of Defense (MoD) and the "
        "police. On 2 May, the Peruvian MoD spoke. "
        "A case was opened in Chile with the country's Prosecutor General's Office. "
        "The Prosecutor General's Office of Chile charged him. "
        "The Peruvian State Guard Service (SGS) was formed. The State Guard Service arrested him.",
        SIDES,
    )
    index = facts.entity_index
    peru_mod = index.get("Peruvian Ministry of Defence")
    assert peru_mod.mentions == 2 and peru_mod.side == 1
    assert index.get("Ministry of Defense").mentions == 1  # no country given, two are named: apart
    assert "MoD" in peru_mod.aliases
    prosecutor = index.get("Prosecutor General's Office of Chile")
    assert prosecutor.mentions == 2 and prosecutor.side == 2
    assert index.get("Prosecutor General's Office") is None
    # only Peru's guard service is named: the one body, whatever the sentence says
    guard = index.lookup("State Guard Service").entity
    assert guard.mentions == 2 and guard.side == 1


AGREEMENT = """title: War of the Lakes
infoboxes:
  - conflict:
      text: War of the Lakes
    result:
      text: |-
        Peruvian victory
        * Ceasefire agreement signed on 2 May 1901
      links:
        - text: Ceasefire agreement
          type: internal
          page: 1901 Lakes ceasefire agreement
"""


def test_the_infoboxs_agreement_is_what_the_prose_calls_the_ceasefire_agreement(make_doc):
    facts = doc(
        make_doc,
        "The war ended after a ceasefire agreement was signed. Protests erupted against the "
        "ceasefire agreement. The Ceasefire agreement held. The 1899 ceasefire agreement had failed. "
        "Oil ran through the Dorn–Velk–Arno pipeline and the Dorn–Kelm railway.",
        AGREEMENT,
    )
    index = facts.entity_index
    agreement = index.get("1901 Lakes ceasefire agreement")
    assert agreement.type == "other" and agreement.mentions == 3  # not the 1899 one
    assert index.lookup("ceasefire agreement").entity is agreement
    types = types_of(facts)
    assert types["Dorn–Velk–Arno pipeline"] == types["Dorn–Kelm railway"] == "place"
    assert "Dorn–Velk–Arno" not in types


def test_a_name_written_in_two_halves_around_a_dash(make_doc):
    facts = doc(
        make_doc,
        "A surgeon at the Velarde Publique – Casas de Lorn, who was in Dorn, helped. Trade ran "
        "from the Dorn Valley – Velk Pass. Ties between the Dorn Council – Peru Agency, a board.",
    )
    names = {e.name for e in facts.entities}
    assert "Velarde Publique – Casas de Lorn" in names and "Velarde Publique" not in names
    assert facts.entity_index.get("Velarde Publique – Casas de Lorn").mentions == 1
    # halves with head words, or naming a country, are two names
    assert {"Dorn Valley", "Velk Pass"} <= names and "Dorn Valley – Velk Pass" not in names
    assert "Dorn Council – Peru Agency" not in names


def test_villages_of_a_district_places_entered_and_families(make_doc):
    facts = doc(
        make_doc,
        "A shell landed 500 meters from Velkalı of Dorn District. Troops entered Ivo Bek in Lorn "
        "Province. Raids killed five members of the Brandt family. Ana Brel of the Lantern "
        "Institute wrote.",
    )
    types = types_of(facts)
    assert types["Velkalı"] == types["Ivo Bek"] == "place"
    assert "Brandt" not in types  # a family is a group of people, no entity
    assert types["Ana Brel"] == "person"  # two words of "the" body: still a person


def test_a_ministry_under_either_word_order_and_a_country_before_it(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. The Chilean Foreign Ministry protested. Later the Chilean MFA "
        "wrote. The Peruvian Ministry of Foreign Affairs (MFA) answered. The Dorn (Peru) "
        "Defence Ministry spoke. The Ministry of Defence of Chile denied. The Defence Ministry "
        "was silent.",
        SIDES,
    )
    index = facts.entity_index
    chile = index.get("Chilean Foreign Ministry")
    assert chile.mentions == 2 and chile.side == 2 and "MFA" in chile.aliases
    assert index.get("Ministry of Foreign Affairs (Peru)").mentions == 1
    peru_defence = index.get("Defence Ministry (Peru)")
    assert peru_defence.mentions == 1 and peru_defence.side == 1
    assert index.get("Ministry of Defence of Chile").mentions == 1
    unplaced = index.get("Defence Ministry")  # Chile's is named too: it may be either
    assert unplaced.mentions == 1 and unplaced.side is None


def test_where_a_person_of_the_body_works_is_a_body(make_doc):
    facts = doc(make_doc, "Ivo Brandt of the Morning Courier wrote that Velka fell. Velka is a town.")
    types = types_of(facts)
    assert types["Morning Courier"] == "organization" and types["Ivo Brandt"] == "person"


def test_a_bracketed_acronym_takes_the_country_that_opens_the_name_before_it(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. Chile's Ministry of Foreign Affairs (MFA) protested. The "
        "Chilean MFA wrote. The Peruvian Minister of Foreign "
        "Affairs (MFA) answered. The Peruvian Foreign Ministry wrote.",
        SIDES,
    )
    index = facts.entity_index
    peru = index.get("Peruvian Foreign Ministry")
    assert peru.mentions == 2 and peru.side == 1 and "MFA" in peru.aliases
    assert index.get("Ministry of Foreign Affairs") is None


def test_a_relative_clause_with_a_noun_says_what_a_name_is(make_doc):
    facts = doc(
        make_doc,
        "Leaders used Velkbook, which was the only open platform. Troops took Dorn, which is a "
        "small town. Rebels held Kelm, which was captured later.",
    )
    types = types_of(facts)
    assert types["Velkbook"] == "organization" and types["Dorn"] == "place"
    assert types["Kelm"] == "other"  # no noun: nothing said


def test_more_head_words_and_kingdoms(make_doc):
    facts = doc(
        make_doc,
        "Raids hit Dorn Governorate and the Velk Delta. The Dorn People's Republic was declared. "
        "The Velk Autonomous Republic stayed calm. The Republican Guard and the Amber Movement "
        "fought. The People's Defence Units held the town. The Kingdom of Peru fell. Peru rose.",
    )
    types = types_of(facts)
    assert types["Dorn Governorate"] == types["Velk Delta"] == "place"
    assert types["Dorn People's Republic"] == "country"
    assert types["Velk Autonomous Republic"] == "place"  # a part of a country
    assert types["Republican Guard"] == types["Amber Movement"] == "organization"
    assert types["People's Defence Units"] == "organization" and "Defence Units" not in types
    peru = facts.entity_index.get("Peru")
    assert "Kingdom of Peru" in peru.aliases and peru.mentions == 2


def test_where_people_moved_to_or_fled_from_is_a_place(make_doc):
    facts = doc(make_doc, "Ivo Brandt moved to Velkadashen in 1988. Many fled from Kormaly. Ana Brel returned to Ivo Brandt.")
    types = types_of(facts)
    assert types["Velkadashen"] == types["Kormaly"] == "place"
    assert types["Ivo Brandt"] != "place"  # a given name and a surname may be whom one returns to


def test_a_title_ending_on_a_country_gives_the_person_its_side(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. According to Human Rights Defender of Peru Ivo Brandt, the "
        "shelling went on. Former military commissar of Chile major-general Ana Brel spoke. "
        "The envoy of Norway Dag Holm visited.",
        SIDES,
    )
    sides = {e.name: e.side for e in facts.entities}
    assert sides["Ivo Brandt"] == 1 and sides["Ana Brel"] == 2
    assert sides["Dag Holm"] is None  # not a combatant's


def test_a_particle_before_a_title_word_stays_in_the_name(make_doc):
    facts = doc(
        make_doc,
        "Ships sailed to Ras el-Emir and the Straits of Kadar. Ras el-Emir was taken. Troops "
        "held the Straits of Kadar.",
    )
    types = types_of(facts)
    assert types.get("Ras el-Emir") == "place" and "Ras" not in types
    assert types.get("Straits of Kadar") == "place" and "Straits" not in types


def test_a_name_set_off_after_an_office_takes_the_country_the_office_names(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. The former director of the Peruvian Border Service, Ivo Brandt, "
        "resigned. Later, the spokesman of Chile's Defence Ministry, Ana Brel. "
        "The Peruvian ambassador to Chile, Tomas Ek, left. According to the Chilean report, "
        "Dag Holm fled. The head of Dorn District, Lena Vik, spoke.",
        SIDES,
    )
    sides = {e.name: e.side for e in facts.entities}
    assert sides["Ivo Brandt"] == 1 and sides["Ana Brel"] == 2 and sides["Tomas Ek"] == 1
    assert sides["Dag Holm"] is None  # no office before him
    assert sides["Lena Vik"] is None  # an office that names no country
