"""Memory follows a document's bytes, not the number of its paragraphs: paragraphs and
sentences are kept as offsets into one text and read back as records, and a megabyte of
one-word paragraphs (issue 16's worst case) is extracted within the target of 8 times its
bytes plus 40 MB."""

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from karabakh_cli.extract import document
from karabakh_cli.extract.document import Paragraph, Sentence, Sentences, texts_of
from karabakh_cli.extract.entities import PerSentence
from karabakh_cli.extract.prose import split_sentences
from karabakh_cli.factbase import FactBase
from karabakh_cli.records import to_data

DOCS = Path(__file__).parent / "docs"

TEXT = """---
title: The Quillon Affair
---
The envoy of Norvale arrived. He left *at once*.

## Aftermath

Tessaly protested.
"""

# Prints the peak resident memory of this process's own address space (VmHWM, in kB): unlike
# getrusage, it does not count the memory of the test process that started it.
EXTRACT_AND_REPORT = """
import sys
from karabakh_cli.factbase import FactBase
FactBase.load(sys.argv[1]).all_facts()
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def test_paragraphs_read_back_as_records_of_the_body():
    doc = document.parse(TEXT)
    assert len(doc.paragraphs) == 2
    assert doc.paragraphs[0] == Paragraph("The envoy of Norvale arrived. He left *at once*.", 0, "Introduction", 0)
    assert doc.paragraphs[-1] == Paragraph("Tessaly protested.", doc.body.index("Tessaly"), "Aftermath", 1)
    assert list(doc.paragraphs) == [doc.paragraphs[0], doc.paragraphs[1]]
    with pytest.raises(IndexError):
        doc.paragraphs[2]


def test_sentences_read_back_as_records_with_their_own_text():
    sentences = split_sentences(document.parse(TEXT))
    assert [s.text for s in sentences] == ["The envoy of Norvale arrived.", "He left at once.", "Tessaly protested."]
    assert list(texts_of(sentences)) == [s.text for s in sentences]
    assert sentences[2] == Sentence("Tessaly protested.", "Aftermath", 1, 2, sentences[2].start, sentences[2].end, "#Aftermath")
    assert sentences[1:] == (sentences[1], sentences[2])
    assert sentences.index(sentences[1]) == 1
    assert sentences == tuple(sentences)
    assert pickle.loads(pickle.dumps(sentences)) == sentences


def test_facts_are_the_same_when_few_sentences_are_kept(monkeypatch):
    """Beyond the sentences kept, records are built again and each sentence's words read again."""

    def facts():
        found = FactBase.load(DOCS / "battle_of_varnek.md")
        index = found.entity_index
        return to_data((found.timeline, found.all_claims, index.entities, index.sentence_names, found.names))

    kept = facts()
    monkeypatch.setattr(Sentences, "KEPT", 2)
    monkeypatch.setattr(PerSentence, "KEPT", 3)
    assert len(FactBase.load(DOCS / "battle_of_varnek.md").sentences) > 10
    assert facts() == kept


def one_word_paragraphs(size: int) -> str:
    words = ("Norvale", "harbour", "Quillon", "meadow", "Tessaly")
    return "---\ntitle: The Quillon Affair\n---\n" + "".join(words[i % len(words)] + "\n\n" for i in range(size // 8))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_a_megabyte_of_one_word_paragraphs_stays_within_the_memory_target(tmp_path):
    path = tmp_path / "paragraphs.md"
    path.write_text(one_word_paragraphs(1_000_000), encoding="utf-8")
    size = path.stat().st_size
    done = subprocess.run(
        [sys.executable, "-c", EXTRACT_AND_REPORT, str(path)], capture_output=True, text=True, timeout=300, check=True
    )
    peak = int(done.stdout.split()[-1]) * 1024
    assert peak <= 8 * size + 40 * 2**20
