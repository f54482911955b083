"""Full-text search over sentences (extract/search.py)."""

import re
from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_cli.extract.document import Sentence
from karabakh_cli.extract.search import Hit, QueryError, parse_query, search, section_matches
from karabakh_cli.extract.textnorm import fold
from karabakh_cli.records import to_data


def count(seed, pattern, flags=re.IGNORECASE):
    """Sentences matching a regular expression: an independent count."""
    return sum(1 for s in seed.sentences if re.search(pattern, s.text, flags))


def matched(hit):
    return [hit.text[start:end] for start, end in hit.matches]


# --- the seed, against counts made by hand and by plain regular expressions ------------


@pytest.mark.parametrize(
    "query, by_hand, pattern",
    [
        # 10 "white phosphorus" in the body: one is a heading, one sentence has two.
        ('"white phosphorus"', 8, r"\bwhite phosphorus\b"),
        # Fuzuli six times, Füzuli twice, and "Fuzuli District" twice, each in its own sentence.
        ("fuzuli", 10, r"\bf[uü]zuli\b"),
        # the entity index knows Shushi as another name of Shusha: both are searched
        ("shushi", 12, r"\bshush[ai]\b"),
        ('"cluster munitions"', 19, r"\bcluster munitions\b"),
    ],
)
def test_hits_match_the_counts_made_by_hand(seed, query, by_hand, pattern):
    hits = seed.search(query)
    assert len(hits) == by_hand == count(seed, pattern)


def test_diacritics_and_case_do_not_matter(seed):
    plain = seed.search("FUZULI")
    assert [h.sentence for h in plain] == [h.sentence for h in seed.search("füzuli")]
    spellings = {text for hit in plain for text in matched(hit)}
    assert spellings == {"Fuzuli", "Füzuli"}  # offsets point into the text as written


def test_words_are_anded(seed):
    both = seed.search("ceasefire Russia")
    expected = [
        s.index
        for s in seed.sentences
        if re.search(r"\bceasefires?\b", s.text, re.I) and re.search(r"\bRussia\b", s.text, re.I)
    ]
    assert sorted(h.sentence for h in both) == expected
    for hit in both:
        words = {fold(text) for text in matched(hit)}
        assert "russia" in words and words & {"ceasefire", "ceasefires"}


def test_a_phrase_needs_its_words_in_order(seed):
    assert len(seed.search('"munitions cluster"')) == 0
    # words of a phrase may be joined by a hyphen: "Nagorno Karabakh" finds "Nagorno-Karabakh"
    hit = seed.search('"Nagorno Karabakh" shusha')[0]
    assert "Nagorno-Karabakh" in matched(hit)


def test_whole_words_with_plurals_and_prefixes(seed):
    assert count(seed, r"\bwar(s|es)?\b") == len(seed.search("war"))  # not "warfare"
    assert count(seed, r"\bwar\w*") == len(seed.search("war*"))
    assert all(any(fold(t).startswith("drone") for t in matched(h)) for h in seed.search("drone"))
    assert len(seed.search("drone")) == count(seed, r"\bdrones?\b")


def test_section_filter(seed):
    hits = seed.search("armenia", section="Casualties")
    assert hits and all(h.section.split(" > ")[0] == "Casualties" for h in hits)
    exact = seed.search("armenia", section="aftermath > armenia")
    assert exact and all(h.section == "Aftermath > Armenia" for h in exact)
    assert seed.search("armenia", section="No such section") == ()


def test_hits_carry_section_date_and_sentence(seed):
    hit = next(h for h in seed.search("Shushi"))
    assert hit.section == "Suspected war crimes > Azerbaijani"
    assert seed.sentences[hit.sentence].text == hit.text
    assert str(hit.date) == "2020-12-16"  # the timeline's date of the sentence
    assert [f.name for f in fields(Hit)][:4] == ["text", "section", "date", "matches"]
    data = to_data(hit)
    assert data["matches"] == [list(m) for m in hit.matches]
    assert [hit.text[start:end] for start, end in hit.matches] == ["Shusha", "Shushi"]


def test_limit(seed):
    assert len(seed.search("azerbaijan", limit=3)) == 3


def test_nothing_found_and_nothing_asked():
    sentences = (Sentence("The siege of Lorn ended.", "A", 0, 0, 0, 24),)
    assert search(sentences, "Tarsa") == ()
    for empty in ("", "   ", '""', "*", "--"):
        with pytest.raises(QueryError):
            search(sentences, empty)


def test_section_matches():
    assert section_matches("Casualties", "Casualties > Civilians")
    assert section_matches("civilians", "Casualties > Civilians")
    assert section_matches("Casualties > Civilians", "Casualties > Civilians")
    assert not section_matches("Casualties > Military", "Casualties > Civilians")
    assert not section_matches("Casual", "Casualties")


# --- properties --------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=5), st.text(max_size=20))
def test_search_never_raises_and_offsets_stay_in_the_text(texts, query):
    sentences = tuple(Sentence(text, "S", 0, i, 0, len(text)) for i, text in enumerate(texts))
    try:
        hits = search(sentences, query)
    except QueryError:
        return
    for hit in hits:
        assert hit.matches
        previous_end = 0
        for start, end in hit.matches:
            assert previous_end <= start < end <= len(hit.text)
            previous_end = end


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=60), st.sampled_from(["Füzuli", "ŞUŞA", "Straße", "naïve", "İstanbul"]))
def test_a_word_planted_in_noise_is_found_and_highlighted(noise, word):
    text = f"{noise} {word} {noise}"
    hits = search((Sentence(text, "S", 0, 0, 0, len(text)),), fold(word))
    assert hits
    assert word in matched(hits[0])


# --- query syntax and ranking, on invented sentences ---------------------------------------

ISLANDS = (
    "The fleet of Norvia shelled Port Asken at dawn.",
    "Port Asken, known to Velmarans as Askenhavn, fell on the third day.",
    "A ceasefire around Askenhavn was signed in Tessaly.",
    "Drones struck the harbour of Port Asken, Port Asken's depots and the Port Asken road.",
    "The Velmaran drone programme grew after the war.",
)


def sentences(*texts):
    return tuple(Sentence(text, "S", 0, i, 0, len(text)) for i, text in enumerate(texts))


def found(query, texts=ISLANDS):
    return sorted(hit.sentence for hit in search(sentences(*texts), query))


def test_or_takes_either_and_binds_tighter_than_and():
    assert found('"port asken" OR askenhavn') == [0, 1, 2, 3]
    assert found('askenhavn OR drone* ceasefire') == [2]  # (askenhavn OR drone*) AND ceasefire
    assert found("askenhavn OR norvia OR velmaran") == [0, 1, 2, 4]
    assert found("askenhavn or norvia") == []  # lower-case "or" is a word like any other


def test_a_minus_leaves_a_word_or_phrase_out():
    assert found("askenhavn -ceasefire") == [1]
    assert found('"port asken" -"at dawn"') == [1, 3]
    assert found("drone* -velmaran") == [3]
    assert found("Port-Asken") == [0, 1, 3]  # a hyphen inside a word is not a minus


def test_a_phrase_and_a_prefix_still_work_with_the_new_operators():
    assert found('"port asken" drone*') == [3]
    assert found('velmaran* OR tessaly') == [1, 2, 4]


@pytest.mark.parametrize(
    "query, problem",
    [
        ('"port asken', "unclosed quote"),
        ("asken OR", "OR needs"),
        ("OR asken", "OR needs"),
        ("asken OR OR norvia", "OR needs"),
        ("asken OR -norvia", "cannot be one side of OR"),
        ("asken -norvia OR drone", "OR needs"),
        ("-asken", "nothing to search for"),
    ],
)
def test_a_malformed_query_says_how_to_write_one(query, problem):
    with pytest.raises(QueryError) as error:
        search(sentences(*ISLANDS), query)
    assert problem in str(error.value)
    assert "a OR b" in str(error.value) and "-word" in str(error.value)


def test_hits_are_ranked_best_first_and_limit_keeps_the_best():
    hits = search(sentences(*ISLANDS), '"port asken"')
    # sentence 3 says it three times; 0 is shorter than 1: more and denser matches rank higher
    assert [hit.sentence for hit in hits] == [3, 0, 1]
    assert hits[0].score > hits[1].score > hits[2].score > 0
    assert [hit.sentence for hit in search(sentences(*ISLANDS), '"port asken"', limit=1)] == [3]


def test_a_rare_word_weighs_more_than_a_common_one():
    texts = ("Asken fell.", "Asken held.", "Asken burned.", "Tessaly fell.")
    hits = search(sentences(*texts), "asken OR tessaly")
    assert hits[0].sentence == 3  # "tessaly" is in one sentence in four, "asken" in three


def test_equal_scores_keep_document_order():
    texts = ("Lorn fell.", "Lorn held.", "Lorn won.")
    assert [hit.sentence for hit in search(sentences(*texts), "lorn")] == [0, 1, 2]


def test_new_hit_fields_are_appended():
    assert [f.name for f in fields(Hit)][:6] == ["text", "section", "date", "matches", "sentence", "score"]


# --- aliases -------------------------------------------------------------------------------

OTHER_NAMES = {"askenhavn": ("Port Asken",), "port asken": ("Askenhavn",)}


def aliases(name):
    return OTHER_NAMES.get(fold(name), ())


def test_a_name_finds_what_its_aliases_find():
    texts = sentences(*ISLANDS)
    by_name = search(texts, parse_query("askenhavn", aliases))
    by_alias = search(texts, parse_query('"Port Asken"', aliases))
    assert sorted(h.sentence for h in by_name) == sorted(h.sentence for h in by_alias) == [0, 1, 2, 3]
    assert parse_query("askenhavn", aliases).widened == (("askenhavn", ("Port Asken",)),)


def test_aliases_widen_or_and_minus_terms_but_not_prefixes():
    texts = sentences(*ISLANDS)
    assert sorted(h.sentence for h in search(texts, parse_query("norvia OR askenhavn", aliases))) == [0, 1, 2, 3]
    assert sorted(h.sentence for h in search(texts, parse_query("drone* -askenhavn", aliases))) == [4]
    assert parse_query("askenhav*", aliases).widened == ()
    assert parse_query("tessaly", aliases).widened == ()


def test_the_seed_answers_the_same_for_a_name_and_its_alias(seed):
    for name, alias in (("Shusha", "Shushi"), ("Human Rights Watch", "HRW")):
        assert [h.sentence for h in seed.search(f'"{name}"')] == [h.sentence for h in seed.search(alias)]


def test_a_name_given_with_its_alias_counts_once():
    twice = parse_query("askenhavn OR \"port asken\" norvia -norvia", aliases)
    assert [[term.text for term in clause] for clause in twice.clauses] == [["askenhavn", "Port Asken"], ["norvia"]]
    assert [term.text for term in twice.excluded] == ["norvia"]
    texts = sentences(*ISLANDS)
    once = search(texts, parse_query("askenhavn", aliases))
    assert [h.score for h in search(texts, parse_query('askenhavn OR "port asken"', aliases))] == [h.score for h in once]
