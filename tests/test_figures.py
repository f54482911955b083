import pytest
from hypothesis import given
from hypothesis import strategies as st

from karabakh_cli.extract.figures import QUALIFIERS, day_dates, find_figures, format_figure, parse_figure


def figures(text):
    return [(f.value, f.upper, f.qualifier) for f in find_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2,906", (2906, None, "exact")),
        ("~11,000", (11000, None, "approx")),
        ("60+", (60, None, "at_least")),
        ("more than 5,000", (5000, None, "more_than")),
        ("over 10,000", (10000, None, "more_than")),
        ("at least 541", (541, None, "at_least")),
        ("about 60", (60, None, "approx")),
        ("some 5,000", (5000, None, "approx")),
        ("approximately 90,000", (90000, None, "approx")),
        ("close to 20", (20, None, "approx")),
        ("up to 300", (300, None, "at_most")),
        ("31–94", (31, 94, "range")),
        ("2,000–2,700", (2000, 2700, "range")),
        ("300,000–500,000", (300000, 500000, "range")),
        ("between 5 and 10", (5, 10, "range")),
        ("10 or more", (10, None, "at_least")),
        ("two", (2, None, "exact")),
        ("Seven", (7, None, "exact")),
        ("twenty-five", (25, None, "exact")),
        ("a dozen", (12, None, "approx")),
        ("2.5 million", (2_500_000, None, "exact")),
        ("737+—1,200", (737, 1200, "range")),  # an open low end is still the range's low end
        ("1000+", (1000, None, "at_least")),  # a year never takes a plus
        ("+2,000", (2000, None, "at_least")),
        (">5,000", (5000, None, "more_than")),
        ("<100", (100, None, "at_most")),
        ("est. 5,000", (5000, None, "approx")),
    ],
)
def test_parse_figure(text, expected):
    figure = parse_figure(text)
    assert (figure.value, figure.upper, figure.qualifier) == expected
    assert figure.text == text


def test_figures_keep_their_offsets_and_qualifier_words():
    text = "the authorities stated that more than 5,000 Armenian servicemen were killed"
    (figure,) = find_figures(text)
    assert text[figure.start : figure.end] == figure.text == "more than 5,000"


@pytest.mark.parametrize(
    "text",
    [
        "in 2016",
        "on 4 October",
        "Between 4 and 17 October",
        "on the 1, 2, and 3 October 2020",
        "between 9–15 October 2020",
        "on October 4, 2020",
        "the 27th",
        "a 13-year-old boy",
        "the boy, aged over 18,",
        "at the age of 16",
        "5 km away",
        "400 m north of the city",
        "25 kilometres",
        "at 04:00",
        "at about 16:30",
        "at 5 pm",
        "in 80% of cases",
        "US$2 billion",
        "5 billion dollars",
        "five years",
        "the 44-Day War",
        "T-72, BM-21, 9K33, S-300, COVID-19",
        "several dozen",
        "thousands of people",
        "often",
        "the 1990s",
    ],
)
def test_numbers_that_are_not_counts(text):
    assert find_figures(text) == []


def test_a_count_of_shells_is_still_a_number():
    # The parser reads numbers; the claims package decides that shells are not casualties.
    assert figures("fired 15,500 shells") == [(15500, None, "exact")]


def test_several_figures_in_one_sentence():
    text = "Between 4 and 17 October, four attacks killed 32 civilians and injured 125."
    assert figures(text) == [(4, None, "exact"), (32, None, "exact"), (125, None, "exact")]


def test_day_dates_give_the_last_day_of_a_list_or_range():
    found = day_dates("Between 4 and 17 October, on 27 and 28 October 2020, and On 11 January")
    assert [(d.year, d.month, d.day) for d in found] == [(None, 10, 17), (2020, 10, 28), (None, 1, 11)]


@pytest.mark.parametrize(
    "args, expected",
    [
        ((2906, None, "exact"), "2,906"),
        ((11000, None, "approx"), "~11,000"),
        ((5000, None, "more_than"), ">5,000"),
        ((60, None, "at_least"), "60+"),
        ((20, None, "at_most"), "≤20"),
        ((31, 94, "range"), "31–94"),
    ],
)
def test_format_figure(args, expected):
    assert format_figure(*args) == expected


@given(st.text())
def test_the_parser_never_raises(text):
    for figure in find_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text
        assert figure.upper is None or figure.upper > figure.value
        assert figure.qualifier in QUALIFIERS


@given(st.text(alphabet="0123456789,.–-+~ aboutverlsmhnj:%$October"))
def test_the_parser_never_raises_on_number_like_text(text):
    find_figures(text)
    day_dates(text)


def test_a_year_stays_a_year_and_a_plus_between_numbers_is_no_qualifier():
    assert figures("killed in 1994") == []
    assert figures("5 + 3") == [(5, None, "exact"), (3, None, "exact")]
