"""Shell completion: values arrive as one word in bash, every fixed choice completes, and an
entity completes by any of its names."""

import os
import subprocess
import sys

import pytest


def complete_bash(words: str) -> list[str]:
    env = {**os.environ, "_KARABAKH_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - 1)}
    result = subprocess.run([sys.executable, "-m", "karabakh_cli"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_a_section_with_spaces_is_escaped_into_one_word():
    assert "Suspected\\ war\\ crimes" in complete_bash("karabakh search drone --section Sus")


def test_an_entity_completes_by_an_alias_too():
    assert complete_bash("karabakh entity Shush") == ["Shusha", "Shushi"]


@pytest.mark.parametrize(
    "words, expected",
    [
        ("karabakh casualties --category ki", ["killed"]),
        ("karabakh casualties --source inf", ["infobox"]),
        ("karabakh timeline --kind rel", ["relative"]),
        ("karabakh timeline --precision mid", ["mid-month"]),
        ("karabakh entities --type pe", ["person"]),
        ("karabakh export out -f js", ["json", "jsonl"]),
        ("karabakh summary --color al", ["always"]),
        ("karabakh sides --side Ar", ["Artsakh", "Armenia", "Armenian\\ diaspora\\ volunteers"]),
    ],
)
def test_every_fixed_choice_completes(words, expected):
    assert complete_bash(words) == expected
