"""Entities: what a name is, from general word lists and the shape of the text around it, and
which capitalised words are no entity at all (extract/entities/), on small documents written
here."""

from test_entities_evidence import doc, infobox_of, types_of


def test_a_native_name_of_the_war_is_an_alias_found_by_its_capitalised_words(make_doc):
    facts = doc(
        make_doc,
        "The Velkan War was fought in 1990. Troops from Dornia crossed.\n\n## Naming\n"
        'In Dornia, it has been called the "Great Dorn War" (Velika Dórnska vojna).\n\n## Course\n'
        "The Velika Dórnska began in May.",
        "title: Velkan War",
    )
    war = facts.entity_index.lookup("Velkan War").entity
    assert {"Great Dorn War", "Velika Dórnska vojna", "Velika Dórnska"} <= set(war.aliases)
    assert war.mentions == 3
    assert [e.name for e in facts.entities if "Velika" in e.name] == []


def test_capitals_regions_commands_and_family_names_when_nothing_else_says(make_doc):
    facts = doc(
        make_doc,
        "Observers warned Bamako over the raids. Dorn sought influence in the Middle East and the "
        "Eastern Velkan. The Eastern Command surrendered. On 3 May, Ivo Brandtov reported losses. "
        "Lena Holmson disagreed. The Great Velkan was quiet.",
    )
    types = types_of(facts)
    assert types["Bamako"] == "place"
    assert types["Middle East"] == "place" and types["Eastern Velkan"] == "place"
    assert types["Eastern Command"] == "organization"
    assert types["Ivo Brandtov"] == "person" and types["Lena Holmson"] == "person"
    assert types["Great Velkan"] == "other"  # no ending of a family name, no region word


def test_a_plain_name_in_the_possessive_is_a_person(make_doc):
    facts = doc(
        make_doc,
        "The date overlapped with Ivo Dorn Brandt's Memorial Day in Peru. Peru's army and the "
        "Velk Delta's ports were closed.",
    )
    types = types_of(facts)
    assert types["Ivo Dorn Brandt"] == "person" and types["Velk Delta"] == "place"


def test_a_family_name_ending_does_not_outvote_evidence(make_doc):
    facts = doc(make_doc, "Troops reached the village of Novo Petrov. The village of Novo Petrov burned.")
    assert types_of(facts)["Novo Petrov"] == "place"


def test_faiths_creeds_ideas_and_homelands_are_no_entities(make_doc):
    facts = doc(
        make_doc,
        "Sunni Islamist rebel groups fought. Shiites and Sunnis prayed in the synagogue of "
        "Ashkenazi Jews. Officials decried Islamophobia. Those who fell for the defence of the "
        "Motherland were praised. Ivo Brandt spoke.",
    )
    names = set(types_of(facts))
    assert names == {"Ivo Brandt"}


def test_an_apposition_is_read_up_to_its_noun(make_doc):
    facts = doc(
        make_doc,
        "Airstrikes hit a camp of Jaysh al-Dorn, one of the largest rebel groups in the Velka "
        "province, killing 78. Later Jaysh al-Dorn withdrew.",
    )
    assert types_of(facts)["Jaysh al-Dorn"] == "organization"


def test_names_listed_after_a_kind_take_its_type(make_doc):
    facts = doc(
        make_doc,
        "All opposition parties and organizations, including the Dorn Front, Velkar, and "
        "Brandt Union, backed the war. Shells fell on towns such as Ostra and Belvo.",
    )
    types = types_of(facts)
    assert types["Velkar"] == "organization" and types["Dorn Front"] == "organization"
    assert types["Ostra"] == "place" and types["Belvo"] == "place"


def test_a_code_of_a_weapons_family_is_a_weapon(make_doc):
    facts = doc(
        make_doc,
        "Dorn fired BM-21 Grad rockets. Later troops captured a BM-27 Uragan. The ZX-5 Vela "
        "convoy passed.",
    )
    types = types_of(facts)
    assert types["BM-21 Grad"] == "weapon" and types["BM-27 Uragan"] == "weapon"
    assert types.get("ZX-5 Vela") != "weapon"  # no weapon of its family


def test_common_words_and_office_subjects_are_no_bodies(make_doc):
    facts = doc(
        make_doc,
        "Floods damaged roads and automobiles. Dorn ordered the State Agency of Peru Automobile "
        "Roads to rebuild. Peru's Internal Affairs, Foreign Affairs and Defence Ministries said "
        "nothing. The Ministry of Internal Affairs of Peru denied it. The Military Prosecutor's "
        "Offices of Dorn and Velk opened cases. The Association of Andean Courts met.",
    )
    names = set(types_of(facts))
    several = {"Defence Ministries", "Military Prosecutor's Offices"}
    assert not {"Automobile Roads", "Internal Affairs", "Foreign Affairs", *several} & names
    assert "Association of Andean Courts" in names  # one association of several courts
    assert "Ministry of Internal Affairs of Peru" in names


def test_events_named_by_a_year_and_a_lowercase_word_and_a_peoples_genocide(make_doc):
    facts = doc(
        make_doc,
        "The worst was the four-day 2016 Dorn–Velk clashes. Trials of the 2008 post-election "
        "unrest case were postponed. It was called a continuation of the Peruvian genocide. A "
        "Chilean massacre was alleged.",
    )
    types = types_of(facts)
    assert types["2016 Dorn–Velk clashes"] == "other"
    assert types["2008 post-election unrest"] == "other"
    assert types["Peruvian genocide"] == "other"
    assert not [name for name in types if "massacre" in name]  # "a Chilean massacre" is any one


def test_see_also_items_are_titles_of_articles_but_lists_are_not(make_doc):
    facts = doc(
        make_doc,
        "Dorn fought Velk in 2020.\n\n## See also\n\n- 2021 Dorn–Velk border crisis\n"
        "- List of wars of Dorn\n- Velk Liberation Front\n- Republic of Dorn v. Republic of Velk",
    )
    types = types_of(facts)
    assert types["2021 Dorn–Velk border crisis"] == "other"
    assert types["Republic of Dorn v. Republic of Velk"] == "other"  # a court case
    assert types["Velk Liberation Front"] == "organization"
    assert not [name for name in types if name.startswith("List")]


def test_names_written_like_names_though_their_words_are_common(make_doc):
    facts = doc(
        make_doc,
        "Parties backed the war. The footage was real. A reporter of The Independent saw it. "
        "Opposition parties such as ReAl agreed. Leaders proposed an interim \"National Unity "
        "Council\" though the national mood was grim.",
    )
    types = types_of(facts)
    assert types["ReAl"] == "organization"
    assert types["The Independent"] == "organization"
    assert types["National Unity Council"] == "organization"


def test_a_division_of_a_country_and_divisions_named_together(make_doc):
    facts = doc(
        make_doc,
        "Shells fell on Velka Province of Peru. Troops took the Dorn and Ostra Districts. Later "
        "Dorn District was quiet.",
    )
    index = facts.entity_index
    assert index.get("Velka Province").type == "place" and index.get("Peru").mentions == 1
    ostra = index.lookup("Ostra Districts").entity
    assert ostra.name == "Ostra District" and ostra.type == "place"


def test_an_army_stands_for_the_armed_forces_when_the_prose_names_no_other_branch(make_doc):
    infobox = infobox_of("Peru", "Chile", units1="Peruvian Armed Forces\nPeruvian Navy")
    facts = doc(
        make_doc,
        "The Peruvian Army attacked. The Peruvian Armed Forces advanced. The Peruvian Banks' "
        "Association met. The Association of Banks of Peru agreed.",
        infobox,
    )
    index = facts.entity_index
    assert index.lookup("Peruvian Army").entity is index.lookup("Peruvian Armed Forces").entity
    banks = index.lookup("Association of Banks of Peru").entity
    assert banks is index.lookup("Peruvian Banks' Association").entity and banks.mentions == 2


def test_a_plain_word_before_a_country_names_a_party_and_a_dashed_name_is_a_body(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. A deputy of the ruling United Peru, Ivo Brandt, was expelled. "
        "Burns were treated by the Velarde Publique – Casas de Lorn, who sent doctors. "
        "President Peru spoke.",
    )
    types = types_of(facts)
    assert "United Peru" in types and types["Peru"] == "country"
    assert types["Velarde Publique – Casas de Lorn"] == "organization"
    assert "President Peru" not in types  # a title before a country is no name


def test_a_belligerent_that_is_no_country_is_an_armed_group_a_land_or_described(make_doc):
    infobox = infobox_of("Peru\nDornbund\nChilean Velkaria", "Chile\nPeruvian volunteers")
    facts = doc(make_doc, "Peru fought Chile. The Dornbund and Chilean Velkaria joined. The Instrument of Surrender was signed.", infobox)
    types = types_of(facts)
    assert types["Dornbund"] == "organization"
    assert types["Chilean Velkaria"] == "place"
    assert types["Peruvian volunteers"] == "other"
    assert types["Instrument of Surrender"] == "other" and "Surrender" not in types


def test_a_title_holds_the_body_it_names(make_doc):
    facts = doc(
        make_doc,
        "Peru fought Chile. Protesters beat the President of the National Assembly of Peru Ivo "
        "Brandt. The former Head of the Border Control Service of the Peruvian MoD, Ana Brel, "
        "resigned. The Minister of Foreign Affairs Dag Holm spoke. The Regional Director for "
        "Eastern Velkan, Lena Vik, wrote.",
        infobox_of("Peru", "Chile"),
    )
    types = types_of(facts)
    assert types["National Assembly of Peru"] == "organization"
    assert types["Border Control Service"] == "organization"
    sides = {e.name: e.side for e in facts.entities}
    assert sides["Border Control Service"] == 1 and sides["National Assembly of Peru"] == 1
    assert types["Ivo Brandt"] == "person" and types["Ana Brel"] == "person"
    assert types["Eastern Velkan"] == "place" and types["Lena Vik"] == "person"
    assert not [name for name in types if "Foreign Affairs" in name or name.startswith(("President", "Head"))]


def test_an_honour_named_hero_of_something_is_an_entity_not_a_title(make_doc):
    facts = doc(
        make_doc,
        "Ivo Brandt, who was made National Hero of Peru in 2016, was killed. On 9 December, "
        "83 servicemen were awarded the title of Hero of the Lake War.",
    )
    types = types_of(facts)
    assert types["National Hero of Peru"] == "other" and types["Hero of the Lake War"] == "other"
    assert types["Ivo Brandt"] == "person"


def test_a_person_made_a_countrys_hero_or_minister_is_tied_to_it(make_doc):
    facts = doc(
        make_doc,
        "Peru fought Chile. Ivo Brandt who was made National Hero of Peru in 2016 was killed. "
        "Ana Brel, who was appointed Minister of Defence of Chile, resigned. Dag Holm, who was "
        "made an honorary citizen of Chile, spoke.",
        infobox_of("Peru", "Chile"),
    )
    sides = {e.name: e.side for e in facts.entities}
    assert sides["Ivo Brandt"] == 1 and sides["Ana Brel"] == 2
    assert sides["Dag Holm"] is None  # a citizen's honour, no title or office


def test_an_acronym_skips_and_and_a_short_form_is_the_one_longer_name(make_doc):
    facts = doc(
        make_doc,
        "The siege was launched by the Islamic Emirate of Dorn and the Levant in 2014. IEDL "
        "fighters entered the Velka Canton. The Islamic Emirate lost. By May, IEDL had lost "
        "the villages it held in the Canton. US-allied Arab militaries and Kurds fought.",
        infobox_of("Velka Canton", "Islamic Emirate of Dorn and the Levant"),
    )
    index = facts.entity_index
    emirate = index.lookup("Islamic Emirate of Dorn and the Levant").entity
    assert index.lookup("IEDL").entity is emirate and index.lookup("Islamic Emirate").entity is emirate
    assert emirate.mentions == 4 and emirate.type == "organization"
    canton = index.lookup("Velka Canton").entity
    assert canton.type == "place" and index.lookup("Canton").entity is canton and canton.mentions == 2
    assert not {"Arab", "Kurds"} & set(types_of(facts))


def test_a_short_form_any_of_several_bodies_may_have_is_left_alone(make_doc):
    facts = doc(
        make_doc,
        "The National Assembly of Peru and the National Assembly of Chile met. The National "
        "Assembly voted. The Free Dorn of Velk and the Free Dorn of Ostra split. Free Dorn won.",
    )
    index = facts.entity_index
    assert index.lookup("National Assembly").entity not in (
        index.lookup("National Assembly of Peru").entity,
        index.lookup("National Assembly of Chile").entity,
    )
    assert index.lookup("Free Dorn").entity is not index.lookup("Free Dorn of Velk").entity


def test_the_places_the_infobox_links_for_place_and_territory_are_listed(make_doc):
    more = (
        "    place:\n      text: Dorn–Velk border\n      links:\n        - type: internal\n"
        "          page: Dorn–Velk border\n"
        "    territory:\n      text: Ostra returned; status quo ante bellum\n      links:\n"
        "        - type: internal\n          page: Ostra\n        - text: Status quo ante bellum\n"
        "          type: internal\n          page: Status quo ante bellum\n"
    )
    facts = doc(make_doc, "Peru fought Chile.", infobox_of("Peru", "Chile", more))
    index = facts.entity_index
    assert index.get("Dorn–Velk border").type == "place" and index.get("Dorn–Velk border").mentions == 0
    assert index.get("Ostra").type == "place"
    assert index.get("Status quo ante bellum") is None


def test_an_article_about_an_operation_keeps_its_code_name_on_itself(make_doc):
    facts = doc(make_doc, "Operation Tide began at dawn. The Tide ended a week later.", "title: Operation Tide")
    operation = facts.entity_index.lookup("Tide").entity
    assert operation.name == "Operation Tide" and operation.mentions == 2


def test_an_office_that_is_a_body_too_is_an_entity_and_its_holder_a_person(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. According to Human Rights Defender of Peru Ivo Brandt, the "
        "shelling went on. The Ombudsman of Chile Ana Brel disagreed.",
        infobox_of("Peru", "Chile"),
    )
    found = {e.name: (e.type, e.side) for e in facts.entities}
    assert found["Human Rights Defender of Peru"] == ("organization", 1)
    assert found["Ombudsman of Chile"] == ("organization", 2)
    assert found["Ivo Brandt"] == ("person", 1) and found["Ana Brel"] == ("person", 2)


def test_names_set_in_italics_are_papers_and_channels(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. _Dornbote_ analysed the videos. _Velk 24_ reported the strikes. "
        "Chile was called the _Verdun of the Andes_. He was declared _persona non grata_. The "
        "war (Dornish: _Velika Vojna_) ended. The _HMS Dornbury_ sank.\n\n"
        "![Ruins in Ostra](https://example.org/wiki/File/Ruins_In_Ostra_After.jpg)",
    )
    types = types_of(facts)
    assert types["Dornbote"] == "organization" and types["Velk 24"] == "organization"
    assert facts.entity_index.get("Velk 24").mentions == 1
    assert not {"Verdun of the Andes", "In", "Ruins", "Ostra"} & set(types)
    assert types.get("Velika Vojna") != "organization"  # a native spelling in brackets
    assert types.get("HMS Dornbury") != "organization"  # a ship


def test_a_body_named_by_office_listed_with_one_sides_bodies_is_that_combatants(make_doc):
    facts = doc(
        make_doc,
        "Peru and Chile fought. The Peruvian Ministry of Defence said so. The Chilean Ministry of "
        "Defence denied it. Commandants will coordinate with other bodies, including Ministry of "
        "Defence, the Peruvian Border Service, the Peruvian Security Service, and the Peruvian "
        "Mine Agency. Observers met the Ministry of Defence, the Peruvian Border Service and the "
        "Chilean Security Service.",
        infobox_of("Peru", "Chile"),
    )
    index = facts.entity_index
    assert index.get("Peruvian Ministry of Defence").mentions == 2
    assert index.get("Chilean Ministry of Defence").mentions == 1
    assert index.get("Ministry of Defence").mentions == 1  # listed with both sides' bodies: unplaced


def test_a_given_name_and_surname_are_the_one_person_with_a_middle_name_too(make_doc):
    facts = doc(
        make_doc,
        "General Ivo Karel Brandt commanded. Ivo Brandt later resigned. Brandt wrote a memoir. "
        "Ana Brel and Ana Lisa Brel and Ana Mira Brel met.",
    )
    index = facts.entity_index
    ivo = index.lookup("Ivo Karel Brandt").entity
    assert index.lookup("Ivo Brandt").entity is ivo and index.lookup("Brandt").entity is ivo and ivo.mentions == 3
    assert index.lookup("Ana Brel").entity is not index.lookup("Ana Lisa Brel").entity  # two could be


def test_a_war_named_with_its_year_and_factions_and_dashed_peoples(make_doc):
    infobox = infobox_of("Peru\nDorn Front (Velk)", "Chile", title="1931 Lake War")
    facts = doc(
        make_doc,
        "The 1931 Lake War began in May. It was a round of the Arab–Peruvian conflict.",
        infobox,
    )
    index = facts.entity_index
    assert index.lookup("1931 Lake War").entity.mentions == 1  # the year is no capitalised word
    assert index.get("Dorn Front (Velk)").type == "organization"
    assert "Arab–Peruvian" not in types_of(facts)
