"""The entities, entity and search commands: JSON, human views, exit codes, completion."""


import pytest

from cli_runner import run, run_json

from karabakh_cli.cli import complete_entity, complete_section


# --- entities ------------------------------------------------------------------------------


def test_entities_json_fields_and_order():
    data = run_json("entities")
    assert list(data[0]) == ["name", "type", "aliases", "page", "side", "mentions", "role"]
    assert data[0]["name"] == "Azerbaijan"
    counts = [e["mentions"] for e in data]
    assert counts == sorted(counts, reverse=True)


def test_entities_filters():
    people = run_json("entities", "--type", "person", "--side", "2")
    assert people and all(e["type"] == "person" and e["side"] == 2 for e in people)
    assert "Nikol Pashinyan" in [e["name"] for e in people]
    assert len(run_json("entities", "--limit", "5")) == 5


def test_entities_filter_matching_nothing_exits_1():
    result = run("entities", "--type", "weapon", "--side", "3")
    assert result.exit_code == 2 and "there is no side 3; sides: 1, 2" in result.stderr


def test_entities_bad_type_is_a_usage_error():
    result = run("entities", "--type", "planet")
    assert result.exit_code == 2 and "--type must be one of person" in result.stderr


def test_entities_human_view():
    result = run("entities", "--type", "country", "--limit", "3")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.split()[:4] == ["Azerbaijan", "country", "1", "134"] for line in lines)
    assert "Republic of Azerbaijan" in result.stdout


# --- entity ----------------------------------------------------------------------------------


def test_entity_profile_json():
    data = run_json("entity", "shushi")
    assert list(data)[:6] == ["name", "type", "aliases", "page", "side", "roles"]
    assert (data["name"], data["type"], data["aliases"]) == ("Shusha", "place", ["Shushi"])
    assert len(data["mentions"]) == 12
    assert {"text", "section", "date"} <= set(data["mentions"][0])
    assert data["first"]["date"] <= data["last"]["date"]


def test_entity_roles_from_the_infobox():
    russia = run_json("entity", "Russia")
    assert russia["roles"] == ["arms supplier of side 2"] and russia["role"] == "arms supplier"
    pashinyan = run_json("entity", "pashinyan")
    assert pashinyan["side"] == 2 and pashinyan["roles"] == ["commander of side 2 (Armenia)"]


@pytest.mark.parametrize("acronym, name", [("NSS", "National Security Service"), ("hrw", "Human Rights Watch"), ("ANAMA", "Azerbaijan National Agency for Mine Action")])
def test_entity_by_acronym(acronym, name):
    assert run_json("entity", acronym)["name"] == name


def test_ambiguous_entity_lists_candidates_and_exits_2():
    data = run_json("entity", "Harutyunyan", code=2)
    assert sorted(e["name"] for e in data) == ["Arayik Harutyunyan", "Jalal Harutyunyan"]
    result = run("entity", "Harutyunyan")
    assert result.exit_code == 2
    assert "Arayik Harutyunyan" in result.stdout
    assert result.stderr.startswith("karabakh: error: ") and "names 2 entities" in result.stderr


def test_unknown_entity_exits_1_with_suggestions():
    result = run("entity", "Pashinian")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "karabakh: no entity is called 'Pashinian'; did you mean 'Nikol Pashinyan'?\n"


def test_entity_human_view():
    result = run("entity", "Ilham Aliyev")
    assert result.exit_code == 0
    assert "commander of side 1 (Azerbaijan)" in result.stdout
    assert "Also called   Aliyev" in result.stdout
    assert "First dated" in result.stdout and "\x1b[" not in result.stdout


# --- search ----------------------------------------------------------------------------------


def test_search_json():
    data = run_json("search", "fuzuli")
    assert len(data) == 10
    assert list(data[0])[:4] == ["text", "section", "date", "matches"]
    for hit in data:
        assert all(hit["text"][start:end] in ("Fuzuli", "Füzuli") for start, end in hit["matches"])


def test_search_section_and_limit():
    data = run_json("search", "armenia", "--section", "Aftermath > Armenia", "--limit", "2")
    assert len(data) == 2 and all(hit["section"] == "Aftermath > Armenia" for hit in data)


def test_search_nothing_found_exits_1():
    assert run_json("search", '"no such phrase here"', code=1) == []
    result = run("search", "zzyzx")
    assert result.exit_code == 1 and "no sentence matches 'zzyzx'" in result.stderr


def test_search_usage_errors_exit_2():
    result = run("search", '""')
    assert result.exit_code == 2 and "nothing to search for" in result.stderr
    result = run("search", "armenia", "--section", "Nowhere")
    assert result.exit_code == 2 and "no section 'Nowhere'" in result.stderr
    result = run("search", "shusha OR")
    assert result.exit_code == 2 and "OR needs a word or phrase on each side" in result.stderr
    assert 'write words (all must appear), "quoted phrases", a OR b' in result.stderr


def test_search_human_view_highlights_matches():
    result = run("search", "Shushi", "--color", "always")
    assert result.exit_code == 0
    assert "\x1b[1;33mShushi\x1b[0m" in result.stdout and "12 sentences" in result.stdout
    plain = run("search", "Shushi")
    assert "2020-12-16" in plain.stdout and "Suspected war crimes > Azerbaijani" in plain.stdout


def test_search_view_keeps_brackets_and_strips_control_characters(make_doc):
    path = make_doc("---\ntitle: T\n---\nThe [citation needed] town of Lorn \x1b[31mburned.\n")
    result = run("search", "lorn", "--doc", str(path))
    assert result.exit_code == 0
    assert "[citation needed]" in result.stdout and "\x1b" not in result.stdout


# --- completion --------------------------------------------------------------------------------


class FakeContext:
    def __init__(self, **params):
        self.params = params


def test_completion_offers_entity_names_and_sections(seed_path, monkeypatch):
    monkeypatch.setenv("KARABAKH_NO_CACHE", "1")
    # Typer keeps only values starting with the text as typed, so completion is case-sensitive.
    assert "Shusha" in complete_entity(FakeContext(doc=seed_path), "Shu")
    assert all(name.startswith("Nik") for name in complete_entity(FakeContext(doc=seed_path), "Nik"))
    sections = complete_section(FakeContext(doc=seed_path), "Cas")
    assert "Casualties" in sections and "Casualties > Civilians" in sections


def test_completion_without_a_readable_document_offers_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KARABAKH_NO_CACHE", "1")
    assert complete_entity(FakeContext(doc=tmp_path / "missing.md"), "a") == []
