"""Entities: one entity per thing and its type from evidence (extract/entities/), on small
documents written here."""

from karabakh_cli.factbase import FactBase


def doc(make_doc, body, frontmatter="title: T"):
    return FactBase.load(make_doc(f"---\n{frontmatter}\n---\n{body}\n"))


def types_of(facts):
    return {e.name: e.type for e in facts.entities}


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
