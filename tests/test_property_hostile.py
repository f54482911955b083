"""Generated hostile documents in the article format, run through every command: whatever the
frontmatter's tags and numbers or the body's digits, markup and control characters, each
command answers (exit 0 or 1) or refuses in one line (exit 2); never an internal error.

Some generators (Unicode digits before "days later", huge day counts, an infobox date in
December 9999) find errors in the date extraction, which is fixed elsewhere; they stay here
so the fix is held to them."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_runner import run

COMMANDS = [
    ["summary"], ["infobox"], ["infobox", "date"], ["sections"], ["names"], ["sides"],
    ["casualties"], ["losses"], ["timeline"], ["timeline", "--chart"], ["on", "5 May 2001"],
    ["entities"], ["entity", "Ardent"], ["search", "army"],
]

UNICODE_DIGITS = st.sampled_from(["²", "³", "¹", "③", "⑫", "٣", "۵", "७", "१२", "½", "Ⅻ", "𝟘"])
BIG_NUMBERS = st.integers(min_value=2**53, max_value=10**400).map(str)
NUMBERS = st.one_of(st.integers(0, 3_000_000).map(str), BIG_NUMBERS, UNICODE_DIGITS)
UNITS = st.sampled_from(["days later", "weeks earlier", "months after", "years before", "soldiers were killed",
                         "tanks were destroyed", "civilians died", "km", "day of the war"])
CONTROLS = st.sampled_from(["\x1b[31m", "\x9b", "\x9d", "\x85", "\x0b", "\x0c", "\u202e", "\u2066", "\x07", "\x7f"])
UNCLOSED = st.sampled_from(["[[File:Map.svg|thumb|", "**", "_", "*", "[", "](", "`", "<b", "[[Image:x|", "]]"])
WORDS = st.sampled_from(["The", "Ardent", "army", "attacked", "Moss", "on", "5 May 2001", "in", "May", "2001",
                         "day 3", "said", "ceasefire", "according to", "Lorwen", ".", ",", "–"])
PIECE = st.one_of(WORDS, NUMBERS, UNITS, CONTROLS, UNCLOSED, st.text(max_size=8))
RELATIVE = st.tuples(NUMBERS, UNITS).map(lambda pair: f"{pair[0]} {pair[1]}, Moss retreated")
SENTENCE = st.one_of(st.lists(PIECE, min_size=1, max_size=14).map(" ".join), RELATIVE)
LONG_LINE = st.tuples(st.sampled_from(["x", "9", "[a ", "**", "x. ", "² "]), st.integers(500, 5_000)).map(
    lambda pair: pair[0] * pair[1]
)
PARAGRAPH = st.one_of(st.lists(SENTENCE, min_size=1, max_size=4).map(". ".join), LONG_LINE, UNCLOSED)
BODY_LINE = st.one_of(PARAGRAPH, RELATIVE.map(lambda text: text + "."), st.sampled_from(["## Events", "### Aftermath", "* item", ""]))

TAGGED = st.tuples(
    st.sampled_from(["!!int", "!!float", "!!bool", "!!timestamp", "!!binary", "!!str", "!!null", ""]),
    st.sampled_from(["abc", "12", "2022-02-30", "2001-05-05", "9" * 5000, "0x1F", ".inf", "1e999", "''"]),
).map(" ".join)
NESTED = st.integers(1, 400).map(lambda depth: "[" * depth + "x" + "]" * depth)
COLLECTIONS = st.sampled_from(["!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]", "{text: [1, [2]]}", "[]", "{}"])
DATES = st.one_of(
    st.sampled_from(["1–5 May 2001", "December 9999", "1 December 9999 – present", "9999", "30 February 2001",
                     "May 2001 – ongoing", "² May 2001"]),
    st.tuples(st.integers(1, 31), st.sampled_from(["January", "May", "December"]), st.integers(1, 9999)).map(
        lambda parts: f"{parts[0]} {parts[1]} {parts[2]}"
    ),
)
YAML_VALUE = st.one_of(TAGGED, NESTED, COLLECTIONS, SENTENCE.map(lambda text: '"' + text.encode(
    "unicode_escape").decode("ascii").replace('"', '\\"') + '"'))


@st.composite
def documents(draw) -> str:
    fields = {
        "conflict": draw(YAML_VALUE),
        "date": f'{{text: "{draw(DATES)}"}}',
        "combatant1": "{text: Ardent}",
        "combatant2": "{text: Moss}",
        "casualties1": draw(YAML_VALUE),
        "result": draw(YAML_VALUE),
    }
    box = "\n".join(f"    {name}: {value}" for name, value in fields.items()).replace("    ", "  - ", 1)
    head = f"---\ntitle: {draw(YAML_VALUE)}\npubDate: {draw(TAGGED)}\ninfoboxes:\n{box}\n---\n"
    lead = "On 2 May 2001, the Ardent army attacked."  # an anchor for relative dates
    return head + "\n\n".join([lead, *draw(st.lists(BODY_LINE, min_size=1, max_size=8))]) + "\n"


def answered(result, args) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "internal error" not in result.output and "Traceback" not in result.output, (args, result.output)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_every_command_answers_or_refuses_a_hostile_document(text):
    with tempfile.TemporaryDirectory() as folder:
        doc = Path(folder) / "doc.md"
        doc.write_text(text, encoding="utf-8", errors="surrogatepass")
        for args in COMMANDS:
            for json in ([], ["--json"]):
                answered(run("--no-cache", *args, *json, "--doc", doc), args + json)
        exported = Path(folder) / "facts.json"
        answered(run("--no-cache", "export", exported, "--doc", doc), ["export"])
