"""The names of the war (names.war_names): the title, the infobox's name, the lead's bold names,
quoted nicknames of the war, and no name twice."""

from cli_runner import run_json

DOC = """---
title: Orvo War
infoboxes:
  - conflict:
      text: {conflict}
    date:
      text: 3–9 April 2016
---
{lead}

## Aftermath

{aftermath}
"""


def names(make_doc, lead, conflict="Orvo War", aftermath="Dorsa rebuilt the port."):
    doc = make_doc(DOC.format(lead=lead, conflict=conflict, aftermath=aftermath))
    return [(n["name"], n["used_by"]) for n in run_json("names", "--doc", doc)]


def test_bold_names_of_the_first_paragraph_and_who_uses_them(make_doc):
    lead = (
        "The **Orvo War**, also called the **Salt War** and known in Dorsa as the **July War** "
        "(Dorsan: _Guerra de julio_) and in Velmar as the **Second Orvo War**, was a conflict."
        "\n\nIn its second week the **port of Orvo** fell."
    )
    assert names(make_doc, lead) == [
        ("Orvo War", None), ("Salt War", None), ("July War", "Dorsa"), ("Second Orvo War", "Velmar"),
    ]


def test_names_joined_by_or_and_by_commas(make_doc):
    lead = ("The **Orvo War** or **Fourth Dorsan–Velmari War**, sometimes referred to as "
            "**Velmar War of 1967**, **Dorsa War of 1967**, was a conflict.")
    assert [name for name, _ in names(make_doc, lead)] == [
        "Orvo War", "Fourth Dorsan–Velmari War", "Velmar War of 1967", "Dorsa War of 1967",
    ]


def test_an_infobox_name_other_than_the_title_once_whatever_its_case(make_doc):
    lead = "The **Orvo war** was a conflict between Dorsa and Velmar."
    assert names(make_doc, lead, conflict="Second Salt War") == [("Orvo War", None), ("Second Salt War", None)]
    assert names(make_doc, lead, conflict="Orvo WAR") == [("Orvo War", None)]


def test_a_quoted_nickname_of_the_war_itself(make_doc):
    lead = "The **Orvo War** was a conflict."
    aftermath = ('The siege of the port was called "the Salt Verdun" by Dorsan papers. '
                 'The war was referred to by some as the "Velmari Stalingrad". '
                 'Velmar called the treaty "a betrayal".')
    found = [name for name, _ in names(make_doc, lead, aftermath=aftermath)]
    assert found == ["Orvo War", "Velmari Stalingrad"]


def test_bold_names_after_a_hatnote(make_doc):
    lead = "_For the war of 1911, see Salt War._\n\nThe **Orvo War** or **Port War** was a conflict."
    assert [name for name, _ in names(make_doc, lead)] == ["Orvo War", "Port War"]
