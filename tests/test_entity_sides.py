"""Sides of entities from the prose: offices, bodies and appositions around a name tie it to a
country or a body, whose side it then gets (extract/entities/index.py `_side`)."""

from karabakh_cli.factbase import FactBase
from test_entities_evidence import infobox_of

# Peru fights Chile; Bolivia is listed as Peru's supporter, Ecuador as Chile's alleged
# belligerent, Norway only as Peru's arms supplier.
INFOBOX = infobox_of(
    "Peru\nSupported by:\nBolivia\nArms suppliers:\nNorway", "Chile\nAlleged:\nEcuador", units2="Andes Brigade"
)


def sides_of(make_doc, body: str) -> dict[str, int | None]:
    facts = FactBase.load(make_doc(f"---\n{INFOBOX}---\n{body}\n"))
    return {entity.name: entity.side for entity in facts.entity_index.entities}


def test_a_person_titled_of_a_body_gets_the_bodys_side(make_doc):
    sides = sides_of(
        make_doc,
        "The Peruvian Border Service closed roads. In May the head of the radar department of "
        "the Peruvian Border Service, Major General Ivo Brandt, was dismissed. The deputy chief of "
        "the Andes Brigade Tomas Ek resigned.",
    )
    assert sides["Peruvian Border Service"] == 1
    assert sides["Ivo Brandt"] == 1
    assert sides["Tomas Ek"] == 2  # the infobox lists the Andes Brigade on side 2


def test_a_body_of_no_side_gives_its_people_none(make_doc):
    sides = sides_of(
        make_doc,
        "The director of the Lake Research Institute, Ana Brel, wrote a report. "
        "The soldiers of the Peruvian Border Service Ivo Brandt met were tired.",
    )
    assert sides["Ana Brel"] is None
    assert sides.get("Ivo Brandt") is None  # no office of the body names him


def test_a_title_of_a_body_leaves_the_body_an_entity(make_doc):
    sides = sides_of(
        make_doc,
        "Protesters beat the President of the National Assembly of Chile Pera Lund. "
        "Later the Speaker said nothing.",
    )
    assert sides["National Assembly of Chile"] == 2
    assert sides["Pera Lund"] == 2
    assert "President of the National Assembly of Chile" not in sides


def test_a_nationality_in_an_apposition_after_a_name(make_doc):
    sides = sides_of(
        make_doc,
        "Ivo Brandt, a Peruvian citizen, was detained. Pera Lund, a Chilean soldier, was freed. "
        "Tomas Ek, a Chilean citizen of Peruvian descent, was held. Dag Holm, a soldier held by "
        "Peruvian troops, spoke.",
    )
    assert (sides["Ivo Brandt"], sides["Pera Lund"]) == (1, 2)
    assert sides["Tomas Ek"] is None  # two countries: no side
    assert sides["Dag Holm"] is None  # the country comes after the noun: his captors'


def test_supporters_and_alleged_belligerents_pass_their_side_but_arms_suppliers_do_not(make_doc):
    sides = sides_of(
        make_doc,
        "Bolivian President Juan Mora visited the front. The Bolivian Air Force flew patrols. "
        "Ecuadorian envoy Luis Vera arrived. The Ecuadorian Army massed troops. "
        "Norwegian Prime Minister Dag Holm called for talks. The Norwegian Army stayed home.",
    )
    assert (sides["Juan Mora"], sides["Bolivian Air Force"]) == (1, 1)
    assert (sides["Luis Vera"], sides["Ecuadorian Army"]) == (2, 2)
    assert (sides["Dag Holm"], sides["Norwegian Army"]) == (None, None)


def test_supporters_keep_their_role_and_their_people_get_their_side_but_no_role(make_doc):
    body = "Bolivian President Juan Mora visited Bolivia. The Bolivian Air Force flew patrols."
    index = FactBase.load(make_doc(f"---\n{INFOBOX}---\n{body}\n")).entity_index
    assert (index.get("Bolivia").side, index.get("Bolivia").role) == (1, "supporter")
    assert (index.get("Norway").side, index.get("Norway").role) == (1, "arms supplier")
    assert (index.get("Juan Mora").side, index.get("Juan Mora").role) == (1, None)
    assert (index.get("Bolivian Air Force").side, index.get("Bolivian Air Force").role) == (1, None)


def test_a_body_named_of_a_nationality(make_doc):
    sides = sides_of(make_doc, "The Control Service of the Chilean Army audited the depots.")
    assert sides["Control Service of the Chilean Army"] == 2


def test_a_country_named_before_an_office(make_doc):
    sides = sides_of(make_doc, "The Chile president's spokesperson, Pera Lund, denied it. The Chile envoy Tomas Ek left.")
    assert (sides["Pera Lund"], sides["Tomas Ek"]) == (2, 2)


def test_a_bodys_possessive_before_an_office(make_doc):
    sides = sides_of(
        make_doc,
        "The Andes Brigade crossed the river. The Andes Brigade's spokesman Ivo Brandt denied it. "
        "The Lake Institute's director Ana Brel disagreed.",
    )
    assert sides["Ivo Brandt"] == 2
    assert sides["Ana Brel"] is None


def test_an_apposition_of_an_office_of_a_country_or_body(make_doc):
    sides = sides_of(
        make_doc,
        "Ivo Brandt, a member of the Peruvian parliament, spoke. Tomas Ek, spokesman for the "
        "Andes Brigade, denied it. Ana Brel, a resident of Lima, fled. Dag Holm, a soldier of "
        "Chilean descent held in Peru, wrote home. Juan Mora, an envoy to Chile, left. Luis "
        "Vera, commander of Chile's 5th Division, was killed. Rosa Diaz, the Chilean ambassador "
        "to Peru, was recalled. Eva Ruiz, a former member of the Andes Brigade, fled to Peru.",
    )
    assert (sides["Ivo Brandt"], sides["Tomas Ek"], sides["Luis Vera"]) == (1, 2, 2)
    assert sides["Ana Brel"] is None
    assert sides["Dag Holm"] is None
    assert sides["Juan Mora"] is None  # an envoy to a country is not its own
    assert sides["Rosa Diaz"] is None  # two countries: no side
    assert sides["Eva Ruiz"] is None  # a former member of a body may have left its side


def test_the_leader_of_forces_is_on_their_side(make_doc):
    sides = sides_of(
        make_doc,
        "Peruvian troops under General Ivo Brandt took the pass. The Andes Brigade (AB), led by "
        "Colonel Tomas Ek, held the lake. Villagers under Ana Brel fled to Chilean lines.",
    )
    assert (sides["Ivo Brandt"], sides["Tomas Ek"]) == (1, 2)
    assert sides["Ana Brel"] is None


def test_a_leader_after_a_bracket_that_is_no_acronym_is_not_tied_to_it(make_doc):
    sides = sides_of(make_doc, "They fought the rebels (armed by Chile), led by Colonel Tomas Ek.")
    assert sides["Tomas Ek"] is None


def test_a_leader_of_an_action_against_forces_is_not_tied_to_them(make_doc):
    sides = sides_of(
        make_doc,
        "The Andes Brigade held the ridge. Peru began an attack on Chilean troops, led by Colonel "
        "Ivo Brandt. A raid against the Andes Brigade, led by Major Tomas Ek, failed. A raid on "
        "the Andes Brigade (AB), led by Major Ana Brel, failed too. Then Chile attacked Peru "
        "under President Juan Mora.",
    )
    assert (sides["Ivo Brandt"], sides["Tomas Ek"], sides["Ana Brel"]) == (None, None, None)
    assert sides["Juan Mora"] is None  # which country's president is not said


def test_a_body_named_before_an_office(make_doc):
    sides = sides_of(
        make_doc,
        "The Andes Brigade crossed the river. The Andes Brigade commander Ivo Brandt was wounded. "
        "The Lake Institute director Ana Brel disagreed. Chile's Andes Brigade spokesman Tomas Ek "
        "confirmed it.",
    )
    assert sides["Ivo Brandt"] == sides["Tomas Ek"] == 2
    assert sides["Ana Brel"] is None


def test_a_person_of_a_state_body(make_doc):
    sides = sides_of(
        make_doc,
        "Peruvian soldiers shot Ana Brel of the Chilean Army near the lake. Tomas Ek of the Andes "
        "Brigade was freed. Dag Holm of the Lake Institute wrote about it.",
    )
    assert (sides["Ana Brel"], sides["Tomas Ek"]) == (2, 2)
    assert sides["Dag Holm"] is None
