"""claimant_entity: the entity a claimant speaks for, one value for every wording of it
(extract/claims/speakers.py), in the JSON, the exports and `--claimant`."""

import csv
import sqlite3

import pytest
from cli_runner import run, run_json

from karabakh_cli.extract.claims.speakers import Speakers
from karabakh_cli.factbase import FactBase

DOC = """---
title: Velmar war
infoboxes:
  - conflict: {text: Velmar war}
    date: {text: 1 March – 30 June 2031}
    combatant1: {text: Nordland}
    combatant2: {text: Sudmark}
    casualties1: {text: "Per Sudmark:\\n400 soldiers killed"}
---
## War

The Velmar war was fought between Nordland and Sudmark in 2031.

## Casualties

According to the Nordlandian authorities, 120 Sudmarkian soldiers were killed.
The Ministry of Defence of Nordland stated that 30 Sudmarkian soldiers were wounded.
The Prosecutor General's Office of Sudmark said that 12 Sudmarkian civilians were killed.
The Free Observers Network (FON) reported that 14 Nordlandian civilians were killed.
According to FON, 9 Sudmarkian civilians were wounded.
The head of the Harbor District, Quentin Marlow, said that 7 Nordlandian civilians were killed.
According to Nordlandian and Sudmarkian authorities, 50 civilians were killed.
In April 2031, 60 Sudmarkian soldiers were killed.
Quentin Marlow visited the Harbor District in May 2031.
"""


@pytest.fixture
def doc(make_doc):
    return make_doc(DOC)


@pytest.fixture
def speakers(doc):
    return Speakers(FactBase.load(doc).entity_index)


def resolved(doc) -> dict[str, str | None]:
    return {c["claimant"]: c["claimant_entity"] for c in run_json("casualties", "--all", "--doc", doc)}


def test_a_state_organ_speaks_for_its_country(doc):
    found = resolved(doc)
    assert found["Nordlandian authorities"] == "Nordland"
    assert found["Ministry of Defence of Nordland"] == "Nordland"
    assert found["Prosecutor General's Office of Sudmark"] == "Sudmark"
    assert found["Sudmark"] == "Sudmark"  # an infobox "Per X:" header


def test_organ_words_near_a_country(speakers):
    assert speakers("Sudmark's Defence Ministry") == "Sudmark"
    assert speakers("the government of the Republic of Nordland") == "Nordland"
    assert speakers("the Office of the President of Sudmark") == "Sudmark"
    # On a side, but not the state: "X media", a group merely named after the country.
    assert speakers("Nordlandian media") is None
    assert speakers("Nordlandian journalists' union") is None
    assert speakers("Nordlandian rebel forces") is None  # forces, but not the state's
    assert speakers("spokesman of the opposition party of Nordland") is None


def test_an_acronym_and_its_long_form_are_one_entity(doc):
    found = resolved(doc)
    assert found["FON"] == found["Free Observers Network (FON)"] == "Free Observers Network"


def test_a_titled_person_is_the_person(doc, speakers):
    assert resolved(doc)["head of the Harbor District, Quentin Marlow"] == "Quentin Marlow"
    assert speakers("Harbor District mayor Quentin Marlow") == "Quentin Marlow"
    assert speakers("supporters of Quentin Marlow") is None  # they speak for themselves


def test_joint_and_vague_claimants_stay_null(doc, speakers):
    found = resolved(doc)
    assert found["Nordlandian and Sudmarkian authorities"] is None
    assert found["unattributed"] is None
    assert speakers("Nordland/Sudmark") is None
    assert speakers("official figures released by the belligerents") is None
    assert speakers("local residents") is None


def test_a_body_described_in_lowercase_words_is_the_body(speakers):
    assert speakers("the independent monitoring group FON") == "Free Observers Network"
    assert speakers("Free Observers Network researchers") == "Free Observers Network"
    assert speakers("residents of the Harbor District") is None  # a place speaks for no one


def test_claimant_filter_matches_through_the_entity(doc):
    # "Observers Network" is in neither acronym's claimant as written.
    found = run_json("casualties", "--all", "--claimant", "Observers Network", "--doc", doc)
    assert sorted(c["claimant"] for c in found) == ["FON", "Free Observers Network (FON)"]
    by_country = run_json("casualties", "--all", "--claimant", "Nordland", "--doc", doc)
    assert "Ministry of Defence of Nordland" in {c["claimant"] for c in by_country}


def test_sqlite_claims_reference_the_entity(doc, tmp_path):
    path = tmp_path / "facts.sqlite"
    assert run("export", path, "--doc", doc).exit_code == 0
    with sqlite3.connect(path) as database:
        rows = database.execute(
            "select claimant_entity, count(*), count(distinct claimant) from claims"
            " join entities on entities.id = claims.claimant_entity_id and entities.name = claims.claimant_entity"
            " group by claimant_entity order by claimant_entity"
        ).fetchall()
        unresolved = database.execute("select count(*) from claims where claimant_entity_id is null").fetchone()
        assert database.execute("pragma foreign_key_check").fetchall() == []
    assert rows == [("Free Observers Network", 2, 2), ("Nordland", 2, 2), ("Quentin Marlow", 1, 1), ("Sudmark", 2, 2)]
    assert unresolved == (2,)  # the joint and the unattributed claim


def test_csv_claims_carry_the_entity_and_its_id(doc, tmp_path):
    assert run("export", tmp_path / "claims.csv", "--only", "claims", "--doc", doc).exit_code == 0
    with open(tmp_path / "claims.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    entities = run_json("entities", "--doc", doc)
    for row in rows:
        if row["claimant_entity"]:
            assert entities[int(row["claimant_entity_id"])]["name"] == row["claimant_entity"]
        else:
            assert row["claimant_entity_id"] == ""


def test_bundled_article_claimants(seed):
    found = {}
    for claim in seed.all_claims:
        found.setdefault(claim.claimant, set()).add(claim.claimant_entity)
    one = {claimant: entities.pop() for claimant, entities in found.items() if len(entities) == 1}
    assert len(one) == len(found)  # one wording, one entity
    for claimant in ("Azerbaijan", "Azerbaijani authorities", "Prosecutor General's Office of the Republic of Azerbaijan"):
        assert one[claimant] == "Azerbaijan"
    assert one["Armenian authorities"] == one["Armenian government"] == "Armenia"
    assert one["HRW"] == one["Human Rights Watch"] == "Human Rights Watch"
    assert one["SOHR"] == one["Syrian Observatory for Human Rights"] == "Syrian Observatory for Human Rights"
    assert one["head of the Tartar District Executive Power, Mustagim Mammadov"] == "Mustagim Mammadov"
    assert one["former director of the Armenian National Security Service, Artur Vanetsyan"] == "Artur Vanetsyan"
    for claimant in ("Armenia/Artsakh", "Armenian and Artsakh authorities", "official figures released by the belligerents", "unattributed"):
        assert one[claimant] is None
    names = {entity.name for entity in seed.entities}
    assert {entity for entity in one.values() if entity} <= names
