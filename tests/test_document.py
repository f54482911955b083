"""The loader, the section tree, the sentence splitter and the infobox model."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_cli.extract import document
from karabakh_cli.extract.document import DocumentError, clean_markup, parse
from karabakh_cli.extract.infobox import infoboxes
from karabakh_cli.extract.prose import sentence_spans, split_sentences


def sentences_of(text):
    return [s.text for s in split_sentences(parse(text))]


# --- frontmatter ---------------------------------------------------------------------------


def test_seed_frontmatter_and_body_are_split(seed):
    assert seed.document.title == "2020 Nagorno-Karabakh war"
    assert seed.document.frontmatter["pubDate"] == "2022-02-13"
    assert seed.document.body.startswith("The **2020 Nagorno-Karabakh war** was an armed conflict")


def test_document_without_frontmatter_is_all_body():
    doc = parse("# Title\n\nJust prose. Two sentences.\n")
    assert doc.frontmatter == {}
    assert sentences_of("Just prose. Two sentences.\n") == ["Just prose.", "Two sentences."]


def test_windows_line_endings_and_bom_are_read(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: CRLF\r\n---\r\nOne. Two.\r\n")
    doc = document.load(path)
    assert doc.title == "CRLF"
    assert [s.text for s in split_sentences(doc)] == ["One.", "Two."]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"---\ntitle: x\nbody never closed\n", "never closed"),
        (b"---\ntitle: [x\n---\nbody\n", "invalid YAML in frontmatter at line"),
        (b"---\n- a\n- b\n---\nbody\n", "expected a mapping"),
        (b"---\nx: !!python/object/apply:os.system ['echo hi']\n---\nbody\n", "could not determine a constructor"),
    ],
)
def test_bad_documents_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        document.load(path)


def test_yaml_error_names_the_file_line(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: ok\ndescription: ok\nbroken: : :\n  - x\n---\nbody\n")
    with pytest.raises(DocumentError, match=r"line [45]\b"):
        document.load(path)


def test_billion_laughs_fails_fast(tmp_path):
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    lines += ["---", "body"]
    path = tmp_path / "laughs.md"
    path.write_text("\n".join(lines))
    with pytest.raises(DocumentError, match="expands through YAML aliases"):
        document.load(path)


def test_yaml_words_that_yaml_1_1_reads_as_booleans_stay_words():
    doc = parse("---\ntitle: No\nshortDescription: Off\nflag: true\n---\nBody.\n")
    assert doc.frontmatter == {"title": "No", "shortDescription": "Off", "flag": True}


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        document.load(tmp_path / "nope.md")
    with pytest.raises(DocumentError, match="is a directory"):
        document.load(tmp_path)


def test_oversized_document_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    path = tmp_path / "big.md"
    path.write_text("x" * 2000)
    with pytest.raises(DocumentError, match="refused"):
        document.load(path)


# --- body ---------------------------------------------------------------------------------


def test_seed_section_tree(seed):
    paths = [s.path for s in seed.sections]
    assert paths[:3] == ["Introduction", "Summary", "Naming"]
    assert "Course of the war > Non-military actions taken by Armenia and Azerbaijan > Armenia" in paths
    assert "Analysis > Military tactics > Drone warfare" in paths
    levels = {s.path: s.level for s in seed.sections}
    assert levels["Introduction"] == levels["Summary"] == 2
    assert levels["Course of the war > Overview"] == 3


def test_images_and_wikitext_block_are_not_sentences(seed):
    texts = " ".join(s.text for s in seed.sentences)
    assert "Special:Redirect" not in texts
    assert "[[File:" not in texts
    assert "Map of the ceasefire agreement" not in texts
    # The prose right after an image line (no blank line between) is still read.
    first_war = [s.text for s in seed.sentences if s.section == "Background > First Nagorno-Karabakh War"]
    assert first_war[0].startswith("The First Nagorno-Karabakh War resulted in the displacement")


def test_sentence_text_has_no_markdown(seed):
    first = seed.sentences[0]
    assert first.text.startswith("The 2020 Nagorno-Karabakh war was an armed conflict")
    assert "**" not in first.text
    assert seed.document.body[first.start : first.end].startswith("The **2020 Nagorno-Karabakh war**")
    italic = next(s for s in seed.sentences if "Stalingrad of Azerbaijan" in s.text)
    assert "_Stalingrad" not in italic.text and "de jure" in next(
        s.text for s in seed.sentences if "de jure" in s.text
    )


def test_seed_tricky_sentences_stay_whole(seed):
    texts = [s.text for s in seed.sentences]
    quote = next(t for t in texts if "in order to prevent" in t)
    assert quote.endswith('"in order to prevent large-scale Armenian provocations."')
    assert quote.startswith("On 27 September 2020, Azerbaijani authorities restricted internet access")
    us = next(t for t in texts if "U.S. House" in t)
    assert us.startswith("However, on 22 September 2021, the U.S. House of Representatives passed")
    decimal = next(t for t in texts if "22.8%" in t)
    assert decimal.endswith("99.8% of participants voted in favour.")
    assert "Republic of Armenia v. Republic of Azerbaijan" in texts


def test_seed_sentence_count_and_sections(seed):
    assert len(seed.sentences) == 470
    naming = [s.text for s in seed.sentences if s.section == "Naming"]
    assert len(naming) == 5
    assert naming[0].startswith('The war has been referred to as the "Second Nagorno-Karabakh War"')


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Lt. Gen. Smith arrived. He left.", ["Lt. Gen. Smith arrived.", "He left."]),
        ("The U.N. met in St. Louis. Dr. No. 5 spoke.", ["The U.N. met in St. Louis.", "Dr. No. 5 spoke."]),
        ("J. R. R. Tolkien wrote. It sold 2.5 million.", ["J. R. R. Tolkien wrote.", "It sold 2.5 million."]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."]),
        ("Prices rose e.g. bread. Fine.", ["Prices rose e.g. bread.", "Fine."]),
        ("it ended. and then", ["it ended. and then"]),
    ],
)
def test_sentence_splitting(paragraph, expected):
    assert sentences_of(paragraph) == expected


def test_list_items_are_separate_paragraphs():
    doc = parse("## See also\n\n- First item\n- Second item\n")
    assert [(s.text, s.section) for s in split_sentences(doc)] == [
        ("First item", "See also"),
        ("Second item", "See also"),
    ]


def test_clean_markup():
    assert clean_markup("**bold** and _italic_ and [a link](http://x) and snake_case") == (
        "bold and italic and a link and snake_case"
    )


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_parses_and_spans_stay_in_bounds(text):
    doc = parse(text)
    for sentence in split_sentences(doc):
        assert 0 <= sentence.start < sentence.end <= len(doc.body)
    for start, end in sentence_spans(text):
        assert 0 <= start < end <= len(text)


# --- infobox ------------------------------------------------------------------------------


def test_infobox_fields_links_and_bold(seed):
    box = seed.infobox
    assert list(box.fields)[:3] == ["conflict", "partof", "image"]
    combatant2 = box.get("combatant2")
    assert combatant2.lines()[0] == " Artsakh"  # the leading space marks the lost flag
    artsakh = combatant2.links[0]
    assert (artsakh.text, artsakh.page) == ("Artsakh", None)  # page "undefined" is no link
    diaspora = combatant2.links[2]
    assert (diaspora.text, diaspora.page) == ("Armenian diaspora", "Armenian diaspora")
    assert box.get("casualties1").bold == ("Per Azerbaijan:", "Per SOHR:")
    assert [n for n, _ in box.numbered("casualties")] == [1, 2, 3]


def test_infobox_fields_of_the_wrong_type_do_not_crash():
    doc = parse(
        "---\ninfoboxes:\n  - date: null\n    place: 42\n    result: [a, b]\n"
        "    casualties1: {text: [x, y], links: oops, formatting: 3}\n---\nBody.\n"
    )
    box = infoboxes(doc)[0]
    assert box.get("date").text == ""
    assert box.get("place").text == "42"
    assert box.get("result").text == "a\nb"
    assert box.get("casualties1").text == "x\ny" and box.get("casualties1").links == ()
