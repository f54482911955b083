"""The foundation commands, their JSON, their human views, and bad input at the command line."""

import json
import subprocess
import sys

from cli_runner import run, run_json


def test_summary_json_on_the_seed():
    data = run_json("summary")
    assert list(data)[:11] == [
        "title", "short_description", "description", "as_of", "start", "end",
        "duration_days", "place", "result", "sides", "counts",
    ]
    assert data["title"] == "2020 Nagorno-Karabakh war"
    assert (data["start"], data["end"], data["duration_days"]) == ("2020-09-27", "2020-11-10", 45)
    assert data["as_of"] == "2022-02-13"
    assert data["place"].startswith("Nagorno-Karabakh and surrounding Armenian-occupied territories")
    assert data["result"] == [
        "Azerbaijani victory",
        "Ceasefire agreement signed on 10 November 2020",
        "Russian peacekeeping forces deployed to the region",
    ]
    assert data["sides"] == [
        {"side": 1, "parties": ["Azerbaijan", "Syrian mercenaries"]},
        {"side": 2, "parties": ["Artsakh", "Armenia"]},
    ]
    assert data["counts"]["sentences"] == 470
    assert data["counts"]["sections"] == 45
    assert data["notes"] == []


def test_summary_human_view():
    result = run("summary")
    assert result.exit_code == 0
    assert "2020-09-27 to 2020-11-10 (45 days)" in result.stdout
    assert "Side 2    Artsakh, Armenia" in result.stdout
    assert "\x1b[" not in result.stdout


def test_infobox_all_fields_json():
    data = run_json("infobox")
    assert list(data)[:2] == ["conflict", "partof"]
    assert data["partof"]["links"] == [
        {"text": "Nagorno-Karabakh conflict", "page": "Nagorno-Karabakh conflict", "type": "internal"}
    ]
    assert data["casualties2"]["bold"] == ["Per Armenia/Artsakh:"]


def test_infobox_one_field():
    data = run_json("infobox", "combatant2")
    assert data["field"] == "combatant2"
    assert data["links"][0] == {"text": "Artsakh", "page": None, "type": "internal"}
    human = run("infobox", "result")
    assert "2020 Nagorno-Karabakh ceasefire agreement" in human.stdout


def test_infobox_unknown_field_points_to_the_list():
    result = run("infobox", "nope")
    assert result.exit_code == 2
    assert result.stderr.endswith("no infobox field 'nope'; `karabakh infobox` lists the fields\n")


def test_sections_json_and_tree():
    data = run_json("sections")
    assert data[0] == {"title": "Introduction", "level": 2, "path": "Introduction", "words": 112, "sentences": 5, "section_anchor": None}
    drone = next(s for s in data if s["title"] == "Drone warfare")
    assert drone["path"] == "Analysis > Military tactics > Drone warfare" and drone["level"] == 4
    assert sum(s["sentences"] for s in data) == 470
    tree = run("sections").stdout
    assert "├── Naming  5 sentences, 94 words" in tree


def test_names_json():
    data = run_json("names")
    assert data[0] == {"name": "2020 Nagorno-Karabakh war", "native": None, "used_by": None}
    assert {"name": "Second Karabakh War", "native": "İkinci Qarabağ müharibəsi", "used_by": "Azerbaijan"} in data
    assert {"name": "Second Artsakh War", "native": "Արցախյան երկրորդ պատերազմ", "used_by": "Armenia and Artsakh"} in data
    assert {"name": "44-Day War", "native": None, "used_by": "Armenia and Azerbaijan"} in data
    assert {"name": "Operation Iron Fist", "native": "Dəmir Yumruq əməliyyatı", "used_by": "Azerbaijani government"} in data


def test_sides_json():
    data = run_json("sides")
    assert [s["side"] for s in data] == [1, 2]
    side1, side2 = data
    assert side1["parties"][:3] == [
        {"name": "Azerbaijan", "role": "combatant", "page": "azerbaijan", "note": None},
        {"name": "Syrian mercenaries", "role": "combatant", "page": "Syrian National Army", "note": None},
        {"name": "Turkey", "role": "alleged", "page": "turkey", "note": "alleged by Armenia"},
    ]
    assert [(p["name"], p["role"]) for p in side1["parties"][3:]] == [("Turkey", "supporter"), ("Israel", "arms supplier")]
    assert [(p["name"], p["role"]) for p in side2["parties"]] == [
        ("Artsakh", "combatant"), ("Armenia", "combatant"),
        ("Armenian diaspora volunteers", "volunteers"), ("Russia", "arms supplier"),
    ]
    countries = {c["name"]: c["country"] for c in side2["commanders"]}
    # Artsakh's flag was lost: its commanders show no flag (the first one not even its space).
    assert countries["Arayik Harutyunyan"] == "Artsakh"
    assert countries["Jalal Harutyunyan"] == "Artsakh"
    assert countries["Nikol Pashinyan"] == "Armenia"
    assert {"name": "Hamza Division", "group": "Syrian mercenaries"} in side1["units"]
    assert {"name": "Artsakh Defence Army", "group": "Artsakh"} in side2["units"]
    assert side1["strength"] == [
        {"text": "14,272+ servicemen", "value": 14272, "qualifier": "at_least"},
        {"text": "2,580+ Syrian fighters", "value": 2580, "qualifier": "at_least"},
    ]
    assert side2["strength"] == [{"text": "Unknown regular military", "value": None, "qualifier": None}]
    assert side2["equipment"][-1] == "Su-25 ground attack aircraft"


def test_sides_filter_and_bad_side():
    assert [s["side"] for s in run_json("sides", "--side", "2")] == [2]
    result = run("sides", "--side", "3")
    assert result.exit_code == 2 and "there is no side 3; sides: 1, 2" in result.stderr


def test_bare_command_prints_overview_and_commands():
    result = run()
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    for command in ("summary", "infobox", "sections", "names", "sides"):
        assert f"\n  {command} " in result.stdout


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("karabakh 0.")


def test_doc_from_environment(make_doc):
    path = make_doc("---\ntitle: Env doc\n---\nHello there.\n")
    data = json.loads(run("summary", "--json", env={"KARABAKH_DOC": str(path)}).stdout)
    assert data["title"] == "Env doc"


def test_document_without_infobox(make_doc):
    path = make_doc("# Notes\n\nA plain note. Nothing else.\n")
    data = run_json("summary", "--doc", str(path))
    assert (data["start"], data["sides"], data["counts"]["sentences"]) == (None, [], 2)
    assert data["notes"] == ["the document has no infobox: dates, place, result and sides are unknown"]
    result = run("infobox", "--doc", str(path), "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == {}
    assert "no infobox" in result.stderr
    assert run_json("sides", "--doc", str(path)) == []


# Every refused document, over every command: tests/test_hostile.py::test_refused_documents_exit_2_with_one_line.


def test_control_characters_in_a_path_are_not_echoed(tmp_path):
    result = run("summary", "--doc", str(tmp_path / "evil\x1b[31mred.md"))
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "evilred.md: no such file" in result.stderr


def test_large_document_reads_in_bounded_time(tmp_path, seed_path):
    """A ~50 MB document is read (not refused) and answered; the limit is above it."""
    body = seed_path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    path = tmp_path / "big.md"
    path.write_text("---\ntitle: Big\n---\n" + body * (50 * 2**20 // len(body.encode())), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "karabakh_cli", "sections", "--doc", str(path), "--json"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert sum(s["sentences"] for s in json.loads(result.stdout)) > 100_000


def test_python_dash_m_and_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "karabakh_cli", "summary", "--frobnicate"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == "karabakh: error: No such option: --frobnicate (see 'karabakh summary --help')\n"
