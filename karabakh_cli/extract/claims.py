"""Casualty and equipment-loss claims: who says how many of whose people or machines were lost.

A claim is read around one figure (see figures.py): the noun phrase after it says who or what
was lost ("Armenian servicemen", "T-72 tanks"), a verb or noun next to it says what happened
to them ("were killed", "injuring", "deaths of", "destroyed"), the grammatical source of the
sentence says who claims it ("X stated that", "according to X", "reported by X"), and the
nationality of the victims (or, failing that, of the place, the attacker, or the claimant's
own side) says whose losses they are.

Unattributed figures (an infobox line with no `Per X:` header, a sentence with no source) get
the claimant "unattributed" and no claimant side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from .document import Sentence
from .dates import MONTH_NAME
from .figures import WORD_VALUES, DayDate, Figure, LazyRegex, day_dates, find_figures
from .infobox import Field, Infobox
from .nations import SideMap, nation_of, nations

UNATTRIBUTED = "unattributed"
GROUPS = ("military", "mercenary", "civilian", "other")
CATEGORIES = ("killed", "wounded", "missing", "captured", "displaced")
EQUIPMENT = "equipment"  # the category of every equipment claim


@dataclass(frozen=True)
class Claim:
    claimant: str
    claimant_side: int | None
    subject: str
    side: int | None
    group: str
    category: str
    value: int
    upper: int | None
    qualifier: str
    as_of: date | None
    source: str  # infobox | body
    section: str | None
    text: str
    item: str | None = None
    status: str | None = None
    sentence: int | None = None
    headline: bool = False  # the figure the casualty matrix compares (see `headline`)
    section_anchor: str | None = None  # its sentence's section on the Wikipedia page


# --- vocabulary ---------------------------------------------------------------------------

def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


VICTIM_GROUPS = {
    "military": """servicemen serviceman servicemembers soldiers soldier troops personnel
        combatants combatant fighters fighter officers officer conscripts conscript reservists
        sailors pilots pilot crewmen POWs POW prisoners captives militiamen militia guards regulars
        paramilitaries peacekeepers marines militants militant rebels rebel insurgents insurgent
        guerrillas guerrilla paratroopers paratrooper commandos policemen policeman""".split()
    + ["crew members", "prisoners of war", "service members", "police officers", "police officer"],
    "mercenary": ["mercenaries", "mercenary"],
    "civilian": """civilians civilian people persons person residents inhabitants villagers
        children child journalists journalist reporters correspondents members member employees
        employee workers worker doctors doctor medics medic refugees""".split(),
    "other": ["volunteers", "volunteer"],
}
NOUN_GROUP = {noun.lower(): group for group, nouns in VICTIM_GROUPS.items() for noun in nouns}
CATEGORY_OF = {
    **dict.fromkeys(
        "killed killing kills died dead death deaths executed executing fatalities kia".split()
        + ["lost their lives"],
        "killed",
    ),
    **dict.fromkeys("wounded wounding injured injuring injuries injury wia".split(), "wounded"),
    **dict.fromkeys(["missing", "missing in action", "went missing", "mia"], "missing"),
    **dict.fromkeys(
        ["captured", "capturing", "taken prisoner", "taken captive", "surrendered", "taken as prisoners",
         "taken hostage"],
        "captured",
    ),
    **dict.fromkeys("displaced displacing displacement fled".split() + ["forced to flee"], "displaced"),
}
STATUS_OF = {
    **dict.fromkeys("destroyed destroying destroy destruction".split(), "destroyed"),
    **dict.fromkeys("damaged damaging damage".split(), "damaged"),
    **dict.fromkeys("captured capturing capture seized".split(), "captured"),
    **dict.fromkeys(["abandoned"], "abandoned"),
    **dict.fromkeys(["downed", "downing", "shot down", "shooting down"], "downed"),
    **dict.fromkeys(["lost", "losing"], "lost"),
}
ITEM_NOUNS = """tanks tank vehicles vehicle APCs APC IFVs IFV AFVs AFV BMPs helicopters helicopter
    aircraft planes plane jets jet fighter-bombers bombers drones drone UAVs UAV launchers
    launcher systems system guns gun howitzers howitzer artillery MLRSs MLRS MRLs posts post
    depots depot radars radar trucks truck jeeps automobiles ships ship boats boat units
    pieces batteries mortars cannons bombers bomber warships warship frigates frigate destroyers
    destroyer corvettes corvette cruisers cruiser minesweepers minesweeper submarines submarine
    gunboats gunboat vessels vessel""".split()
CIVILIAN_PROPERTY = LazyRegex(r"\b(?:private|civilian|residential|commercial|public)\b", re.I)

NUMBER_WORDS = "|".join([*WORD_VALUES, "hundred", "thousand", "dozen"])
QUANTITY_WORDS = r"several|many|some|numerous|dozens|hundreds|thousands|various|multiple|few|most|all"
STOP = (
    r"were|was|is|are|be|been|being|had|have|has|went|and|or|in|on|at|by|from|with|during"
    r"|who|whom|that|which|while|including|to|of|as|for|the|a|an|than|after|before|"
    + "|".join(sorted(set(CATEGORY_OF) | set(STATUS_OF))) + "|" + NUMBER_WORDS + "|" + QUANTITY_WORDS
)
MOD = rf"(?!(?:{STOP})\b)[A-Za-z\u00C0-\u024F][\w'’.-]*"
ITEM_MOD = rf"(?!(?:{STOP})\b)(?!\d[\d,]*\b)[\w\u00C0-\u024F][\w'’./-]*"
DESIGNATION = r"(?:[A-Z][A-Za-z]*-?\d[\w-]*|\d+[A-Z][\w-]*)"


def _demonym_nouns() -> list[str]:
    """Demonyms used as plural nouns: "Armenians", "Azeris"."""
    unique = {nation.name: nation for nation in nations().values()}.values()
    return [demonym for nation in unique for demonym in nation.demonyms[1:] if demonym.endswith("s")]


GROUP_NOUNS = "(?i:" + _alternation([n for nouns in VICTIM_GROUPS.values() for n in nouns]) + ")"
GROUP_NOUN = LazyRegex(rf"\b{GROUP_NOUNS}(?![\w-])")
VICTIM = GROUP_NOUNS + "|" + _alternation(_demonym_nouns())
CATEGORY_NOUN = r"deaths|death|fatalities|injuries|injury"
STATUS_WORD = _alternation(STATUS_OF)
ITEM_NOUN = _alternation([*ITEM_NOUNS, *(noun.capitalize() for noun in ITEM_NOUNS if noun.islower())])
# An item: nouns ("tanks", "missile launchers"), or a bare designation at the end ("Mi-24 shot down").
ITEM = (
    rf"(?:(?:{ITEM_NOUN})(?:\s+(?:{ITEM_NOUN}))*(?![\w-])"
    rf"|{DESIGNATION}(?:\s+[A-Z][a-z]+s)?(?=\s+(?:{STATUS_WORD})\b|\s+(?:and|or)\s|\s*[,.;)]|\s*$))"
)

VICTIM_PHRASE = LazyRegex(
    rf"""\s+(?:of\s+(?P<poss>its|their|our|the)\s+)?
    (?P<phrase>(?:{MOD}\s+){{0,4}}?(?:{VICTIM})
      (?:(?:\s*,\s*|\s+(?:and|or)\s+)(?:{MOD}\s+){{0,3}}?(?:{VICTIM}))*
      (?:\s+of\s+the\s+[A-Z][\w-]*\s+family)?)(?![\w-])""",
    re.X,
)
CATEGORY_PHRASE = LazyRegex(rf"\s+(?P<phrase>(?:{MOD}\s+){{0,3}}?(?P<noun>{CATEGORY_NOUN}))\b", re.X)
ITEM_PHRASE = LazyRegex(
    rf"""\s+(?P<phrase>(?:{ITEM_MOD}\s+(?:and\s+)?){{0,5}}?(?:{ITEM})
      (?:(?:\s*,\s*|\s+(?:and|or)\s+)(?:{ITEM_MOD}\s+){{0,4}}?(?:{ITEM}))*)(?![\w-])
    (?:\s*\((?P<breakdown>[^()]*\d[^()]*)\))?""",
    re.X,
)
LOSS_ADJECTIVE = LazyRegex(r"\s+(dead|wounded|injured)(?=\s)")
PARTY_PEOPLE = LazyRegex(r"\s+(?P<phrase>(?:ethnic\s+)?[A-Z][\w'’-]*s)(?![\w-])")
ELLIPSIS = LazyRegex(r"\s+(?:others|other|more)\b")
NATION_ONLY = LazyRegex(rf"\s+(?P<phrase>(?:{MOD}\s+){{0,1}}?{MOD})(?=\s*(?:,|and|or)\s+)")

AUX = (
    r"were|was|are|is|had|have|has|been|being|got|went|reportedly|allegedly|also|all|later"
    r"|seriously|critically|severely|fatally|lightly|slightly|subsequently|then|officially"
    r"|confirmed|total|internally|to\s+be|forcibly"
)
CATEGORY_AFTER = _alternation(
    "killed wounded injured missing captured displaced dead died executed surrendered fled KIA WIA MIA".split()
    + ["missing in action", "taken prisoner", "taken captive", "taken as prisoners", "forced to flee"]
    + ["lost their lives", "taken hostage"]
)
CATEGORY_BEFORE = (
    r"killing|killed|kills|injuring|injured|wounding|wounded|displacing|displaced|capturing|captured"
    r"|executing|executed"
    r"|deaths\s+of|death\s+of|displacement\s+of"
)
STATUS_BEFORE = (
    r"(?:destruction|damage|downing|capture)(?:\s+or\s+(?:destruction|damage))?\s+of"
    r"|destroyed|destroying|destroy|damaged|downed|shot\s+down|captured|seized|abandoned|lost"
)
FILLER = r"the|a|an|another|further|additional|more|total|of|in|all|also"
NOT_A_COUNT = rf"(?!\s+(?:\d|{NUMBER_WORDS})\b)"  # "killed 5": the phrase before it did the killing
# "killed or wounded": a count of two categories at once, which is none of them
NOT_MIXED = r"(?!\s+(?:or|and|and/or)\s+(?:killed|wounded|injured|missing|captured|died)\b)"

AFTER_DIRECT = LazyRegex(
    rf"(?:\s+(?:{AUX}))*\s+(?P<word>{CATEGORY_AFTER}|{STATUS_WORD})(?![\w-]){NOT_A_COUNT}{NOT_MIXED}"
)
AFTER_SKIPPING = LazyRegex(
    rf"(?:\s+(?!(?:{AUX})\b)[^\s\d,;.]+){{1,8}}?\s+(?:were|was|are|is|had|have|has|went)"
    rf"(?:\s+(?:{AUX}))*\s+(?P<word>{CATEGORY_AFTER})(?![\w-]){NOT_A_COUNT}{NOT_MIXED}"
)
BEFORE = LazyRegex(
    rf"\b(?P<word>{CATEGORY_BEFORE}|{STATUS_BEFORE})\s+"
    rf"(?:(?:(?:{FILLER})\s+){{0,3}}|(?:[^\s\d,;]+\s+){{1,8}}?or\s+)$",
    re.I,
)
ASIDE = LazyRegex(r"\s*\([^()]*\)")
JOINED = LazyRegex(
    r"^(?:\s*,?\s*including\b[^;]*?)?\s*"
    r"(?:,|;|and|or|,\s*and|;\s*and|as\s+well(?:\s+as)?|,\s*as\s+well(?:\s+as)?)\s*$"
)
MIXED_WORD = r"killed|dead|deaths|wounded|injured|missing|captured|executed"
MIXED = LazyRegex(rf"\b(?:{MIXED_WORD})(?:\s*(?:,|/|&|\bor\b|\band\b)\s*(?:{MIXED_WORD})\b)+", re.I)
# The loss a casualties field means by a noun alone: "8 POWs", "3,500 refugees".
IMPLIED_CATEGORY = {
    **dict.fromkeys("pow pows prisoners captives war".split(), "captured"),  # "prisoners of war"
    **dict.fromkeys("refugees idps".split(), "displaced"),
}
SUBSET = LazyRegex(r"\b(?:including|among\s+them|of\s+whom)\b")

# Clauses: a figure's date and side are read in its clause; sources also in "..., and X said".
CLAUSE_BREAK = LazyRegex(r",?\s+(?:while|whereas)\s+|;\s+|\.\s+(?:and\s+)?")
FINE_CLAUSE_BREAK = LazyRegex(rf"{CLAUSE_BREAK.pattern}|,\s+(?:but|and)\s+")
REPORT_VERB = (
    r"stated|states|state|reported|reports|claimed|claims|claim|documented|documents|said|says"
    r"|announced|announces|confirmed|confirms|alleged|alleges|noted|notes|released|published"
    r"|estimated|estimates|recorded|records|revealed|declared|acknowledged|counted"
    r"|investigated|show|shows|showed|put|puts|were\s+revised|was\s+revised|identified|identifies"
)
INTRO = LazyRegex(
    r"^(?:(?:also|however|later|then|subsequently|initially|meanwhile|thereafter)\s+(?=\w)"
    r"|(?:on|as\s+of|by|in|after|before|during|over|since|until|from|between|following|at|within"
    r"|throughout|later|then|also|however|subsequently|meanwhile|initially|overall|furthermore"
    r"|moreover|additionally|thereafter|previously|earlier|separately)\b[^,]{0,45},\s*)",
    re.I,
)
ACTIVE_SOURCE = LazyRegex(
    r"^(?P<who>.+?)\s+(?:(?:has|have|had|also|initially|later|further|officially|reportedly|then"
    r"|subsequently|publicly)\s+)*"
    rf"(?P<verb>{REPORT_VERB})\b(?!\s+by\b)",
    re.I,
)
ACCORDING_TO = LazyRegex(r"\baccording\s+to\s+(?P<who>[^,;]+?)(?=\s*[,;]|\.?$)", re.I)
PASSIVE_SOURCE = LazyRegex(
    rf"\b(?:{REPORT_VERB})\s+by\s+(?P<who>[^,;]+?)"
    r"(?=\s+(?:included|includes|include|show|shows|showed|were|was|is|are)\b|\s*[,;]|\.?$)",
    re.I,
)
ANAPHOR = LazyRegex(
    r"^(?:it|they|he|she|him|her|them|(?:its|their|his|her)\s+\w+"
    r"|(?:the\s+)?(?:report|study|numbers|figures|list|ministry|observatory|organi[sz]ation|group|office))$",
    re.I,
)
# Words without which a sentence has no source / no loss: a cheap test before the patterns.
PARTICIPLE_VERB = r"claiming|reporting|saying|stating|estimating|putting|announcing|adding"
NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*)*"  # "the Ministry of Defence"
# "..., with X claiming 250": X reports; "X dissolved ties, stating that ...": the subject reports.
WITH_SOURCE = LazyRegex(rf"\bwith\s+(?P<who>{NAME})\s+(?:{PARTICIPLE_VERB})\b")
PARTICIPLE_SOURCE = LazyRegex(rf",\s+(?:{PARTICIPLE_VERB})\s+that\b")
CLAUSE_SUBJECT = LazyRegex(rf"(?:^|,\s+)(?P<who>{NAME})\s+(?=[a-z])")
NOT_A_SUBJECT = LazyRegex(r"(?:the\s+)?(?:On|In|By|As|At|From|After|Before)\b")
REPORTING_WORDS = frozenset(re.findall(r"[a-z]+", REPORT_VERB + "|" + PARTICIPLE_VERB)) | {"according"}
NUMBER_WORD_SET = frozenset(WORD_VALUES) | {"dozen", "a", "an"}
LOSS_WORDS = frozenset(word.split()[0] for word in [*CATEGORY_OF, *STATUS_OF, *CATEGORY_NOUN.split("|")])
DIGIT = LazyRegex(r"\d")
ARTICLE = LazyRegex(r"\b(?:[Aa]n?)(?=\s)")
LOSS_STEMS = frozenset(word[:4] for word in LOSS_WORDS)
EACH_OWN = LazyRegex(r"\b(?:belligerents|both\s+sides|each\s+side|the\s+sides)\b", re.I)
OFFICIAL = (
    r"authorit(?:y|ies)|government|officials?|sources|military|ministry|MoD|president|presidency"
    r"|prime\s+minister|army|armed\s+forces|forces|ombudsman|prosecutor|office|figures|side|service"
    r"|administration|agency|command|spokes(?:man|person|woman)|embassy|parliament|defender|media"
    r"|press|claims?"
)
PLACE = LazyRegex(
    r"\s+in\s+(?:(?:areas|parts|the\s+territory|the\s+city|the\s+town|the\s+district)\s+of\s+)?"
    r"(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)
ATTACKER = (
    r"forces|artillery|army|military|shellfire|shelling|attacks?|strikes?|missiles?|rockets?"
    r"|bombardment|drones?|fire|troops|Defen[cs]e\s+Army"
)
ACTOR = LazyRegex(
    rf"(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?:(?:had|has|have|further|also)\s+)*(?:{STATUS_BEFORE})\b"
)
LOSER = LazyRegex(r"(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?:(?:had|has|have|also)\s+)*lost\b")
ATTACKER_AFTER_NAME = LazyRegex(rf"(?:['’]s)?(?:\s+[\w-]+){{0,2}}?\s+(?:{ATTACKER})\b")


# --- reading one text ---------------------------------------------------------------------


@dataclass
class Finding:
    """What one figure counts, read from the words around it (before attribution)."""

    figure: Figure
    kind: str  # victim | item | "" (not known yet: "and 187 missing")
    phrase: str  # the victims or items as written
    end: int  # where the phrase (and any breakdown) ends
    word: str | None = None  # the category or status word, lowercase
    possessive: bool = False  # "of its soldiers"
    elliptic: bool = False  # the phrase is borrowed from a neighbouring figure
    breakdown: str | None = None  # "(destroyed: 146, damaged: 6, captured: 103)"
    subset: bool = False  # "killed 32 civilians, including two children": part of an earlier count


def read_findings(text: str, sides: SideMap, bare: bool = False, prose: bool = False) -> list[Finding]:
    """The figures of a text that count people or equipment lost, with what happened.
    With `bare` (an infobox casualties field), a figure with a category but no victims named
    ("2,000 wounded") is kept: the column says whose losses they are; and a figure with no
    verb is a loss its noun implies ("4 MiG-29s" lost, "8 POWs" captured, "300 refugees").
    With `prose`, the phrasings of sentences are read too (see _read_prose)."""
    findings: list[Finding] = []
    skip_until = -1
    for figure in _counts(text):
        if figure.start < skip_until:
            continue
        subset = _in_subset(text, figure.start)
        finding = _read_phrase(text, figure, sides)
        # A count after "including" is part of an earlier one: kept for kinds of items lost in a
        # casualties field ("including 4 S-300 and 25 9K33 Osas") and for people in prose
        # ("killed 32 civilians, including two children").
        kept_part = finding is not None and (
            bare and finding.kind == "item" or prose and finding.kind == "victim"
        )
        if finding is None or subset and not kept_part:
            continue
        finding.word = finding.word or _own_word(text, finding)
        finding.subset = subset
        findings.append(finding)
        if finding.breakdown:
            skip_until = finding.end
    _share_words(text, findings, sides)
    _borrow_phrases(findings)
    if prose:
        _read_prose(text, findings)
    for finding in findings:
        if bare and not finding.kind and finding.word and _category_of(finding.word):
            finding.kind = "victim"
        if bare and not finding.word:
            finding.word = _implied_word(finding)
    kept = [f for f in findings if f.kind and (f.phrase or bare) and f.word and _fits(f.kind, f.word)]
    return [f for f in kept if not _mixed(text, f, findings)]


def _implied_word(finding: Finding) -> str | None:
    """What a casualties field means by a figure with no verb: its noun says."""
    if finding.kind == "item":
        return "lost"
    if finding.kind == "victim" and finding.phrase:
        return IMPLIED_CATEGORY.get(finding.phrase.split()[-1].lower())
    return None


def _mixed(text: str, finding: Finding, findings: list[Finding]) -> bool:
    """ "4,897 killed or wounded": a count of two categories at once belongs to neither."""
    later = [f.figure.start for f in findings if f.figure.start > finding.figure.start]
    mixed = MIXED.search(text, finding.end, later[0] if later else len(text))
    return bool(mixed) and finding.word in mixed.group().lower()


def _counts(text: str) -> list[Figure]:
    """The figures of a text, and "a"/"an" as one: "killing a civilian". A lone "a" counts only
    when a victim or an item follows it (see _read_phrase)."""
    figures = find_figures(text)
    singles = [
        Figure(1, None, "exact", m.start(), m.end(), m.group())
        for m in ARTICLE.finditer(text)
        if not any(f.start <= m.start() < f.end for f in figures)
    ]
    return sorted(figures + singles, key=lambda figure: figure.start)


def _read_phrase(text: str, figure: Figure, sides: SideMap) -> Finding | None:
    at = figure.end
    match = CATEGORY_PHRASE.match(text, at)
    if match:
        noun = match.group("noun")
        victims = _subject(match.group("phrase")[: -len(noun)].strip())
        victims = re.sub(r"\bcivilian$", "civilians", victims)
        return Finding(figure, "victim", victims or noun, match.end(), noun.lower(), elliptic=not victims)
    # "530 dead fighters"; not "a dead soldier", which describes one rather than counts
    adjective = LOSS_ADJECTIVE.match(text, at) if figure.text.lower() not in ("a", "an") else None
    match = VICTIM_PHRASE.match(text, adjective.end() if adjective else at)
    item = ITEM_PHRASE.match(text, at)
    if match and not (item and item.end("phrase") > match.end()):  # "1 fighter jet": an item
        possessive = match.group("poss") in ("its", "their", "our")
        word = adjective.group(1) if adjective else None
        return Finding(figure, "victim", _subject(match.group("phrase")), match.end(), word, possessive)
    match = ITEM_PHRASE.match(text, at)
    if match:
        if CIVILIAN_PROPERTY.search(match.group("phrase")):
            return None
        return Finding(figure, "item", match.group("phrase"), match.end(), breakdown=match.group("breakdown"))
    if figure.text.lower() in ("a", "an"):
        return None
    match = PARTY_PEOPLE.match(text, at)
    if match and sides.side_of(match.group("phrase").split()[-1]) is not None:
        return Finding(figure, "victim", match.group("phrase"), match.end())  # "15,000 Tazirans"
    match = NATION_ONLY.match(text, at)
    if match and (nation_of(match.group("phrase")) or sides.side_of(match.group("phrase")) is not None):
        return Finding(figure, "", match.group("phrase"), match.end(), elliptic=True)
    match = ELLIPSIS.match(text, at)
    return Finding(figure, "", "", match.end() if match else at, elliptic=True)


def _subject(phrase: str) -> str:
    """The victims as written, without a leading "more"/"other": "11 more Azerbaijani servicemen"."""
    return re.sub(r"^(?:(?:more|other|another|additional|further)\s+)+", "", phrase)


def _in_subset(text: str, position: int) -> bool:
    """ "killed 32 civilians, including two children": the two are part of the 32."""
    # The 200 characters before the figure, not all of them: linear in a long sentence.
    return bool(SUBSET.search(re.split(r"[;)]|,(?!\d{3})", text[max(0, position - 200) : position])[-1]))


def _own_word(text: str, finding: Finding) -> str | None:
    aside = ASIDE.match(text, finding.end)  # "6 civilians (1 foreign) killed"
    for pattern in (AFTER_DIRECT, AFTER_SKIPPING):
        match = pattern.match(text, finding.end) or (aside and pattern.match(text, aside.end()))
        if match and (finding.phrase or pattern is AFTER_DIRECT) and _fits(finding.kind, match.group("word")):
            return _normal(match.group("word"))
    match = BEFORE.search(text[max(0, finding.figure.start - 120) : finding.figure.start])
    if match and _fits(finding.kind, match.group("word")):
        return _normal(match.group("word"))
    return None


def _fits(kind: str, word: str) -> bool:
    """A category for people, a status for equipment; either while the kind is unknown."""
    if kind == "victim":
        return _category_of(word) is not None
    if kind == "item":
        return _status_of(word) is not None
    return True


def _share_words(text: str, findings: list[Finding], sides: SideMap) -> None:
    """A figure joined to its neighbour by "and" or a comma shares its verb:
    "100 Azerbaijani and 85 Armenian civilians killed", "destroyed 5 tanks, 3 guns"."""
    for current, following in reversed(list(zip(findings, findings[1:]))):
        if not current.word and following.word and _joined(text, current, following):
            current.word = following.word
            if not current.kind:
                current.kind = following.kind
                current.phrase = _borrow_noun(current.phrase, following.phrase, sides)
    for previous, current in zip(findings, findings[1:]):
        if not current.word and previous.word and _joined(text, previous, current):
            current.word = previous.word


def _joined(text: str, left: Finding, right: Finding) -> bool:
    return bool(JOINED.match(text[left.end : right.figure.start]))


def _borrow_noun(nation_phrase: str, phrase: str, sides: SideMap) -> str:
    """ "Azerbaijani" + "Armenian civilians" -> "Azerbaijani civilians"."""
    words = phrase.split()
    while words and (nation_of(words[0]) or sides.side_of(words[0]) is not None):
        words.pop(0)
    return " ".join([nation_phrase] + words) if nation_phrase and words else ""


def _borrow_phrases(findings: list[Finding]) -> None:
    """ "killing two civilians and injuring 2 others": the others are civilians too."""
    previous = None
    for finding in findings:
        if finding.elliptic and finding.word and previous is not None and finding.kind in ("", previous.kind):
            finding.kind, finding.phrase = previous.kind, previous.phrase
            finding.possessive = previous.possessive
        elif not finding.elliptic and finding.word:
            previous = finding


# Phrasings of sentences (read_findings with `prose`).
DEATH_TOLL = LazyRegex(
    r"(?P<whose>(?:(?:[A-Z][\w'’-]*|\([A-Z]+\))\s+){0,6})(?P<civilian>civilian\s+)?[Dd]eath\s+toll\s+"
    r"(?:(?:rose|rises|ranges|ranged|range|stood|stands|was|is|reached|climbed|increased|of|at|to|from)\s+)"
    r"{0,3}$"
)
ATTACK_VERB = (
    r"ambushed|attacked|targeted|shelled|bombed|struck|hit|raided|assaulted|besieged|surrounded"
    r"|(?:fired|opened\s+fire)\s+(?:up)?on"
)
# "Karst ambushed Velmoran soldiers, killing three": the victims of a count that names none.
VICTIMS_NAMED_EARLIER = LazyRegex(
    rf"\b(?:{ATTACK_VERB})\s+(?:the\s+|a\s+group\s+of\s+)?"
    rf"(?P<phrase>(?:{MOD}\s+){{0,3}}?(?:{VICTIM}))(?![\w-])"
)
LONG_SUBJECT_VERB = LazyRegex(
    rf"\s+(?:who|which|that)\b[^;]*?,\s+(?:were|was|had\s+been|have\s+been)"
    rf"(?:\s+(?:{AUX}))*\s+(?P<word>{CATEGORY_AFTER})(?![\w-]){NOT_A_COUNT}"
)
FORCE_MEMBERS = LazyRegex(
    r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:forces|army|police|military|militias?|guards?)\b"
)
PART_OF_LINK = LazyRegex(
    r"\(|\b(?:along|together)\s+with\b|\bas\s+well\s+as\b|\bmostly\b|\bmainly\b|\b(?:includes|included)\b"
)
# "2,200 people, the vast majority of them civilians": people of more than one kind.
MIXED_VICTIMS = LazyRegex(
    r"(?:\s+(?:were|was)\s+[a-z]+)?,?\s+(?:the\s+(?:vast\s+|great\s+)?majority\s+of\s+(?:them|whom)"
    r"|most\s+of\s+(?:them|whom)|mostly|mainly|largely)\b"
)
PUT_AT = LazyRegex(r"\bput(?:s|ting)?\s+(?:the|this|that)\s+(?:figure|number|total|count)\s+at\s+$")
LOSSES_BEFORE = LazyRegex(
    r"(?P<whose>\b(?:its|their|our)(?:\s+own)?|(?!The\b)[A-Z][\w'’-]*)\s+losses\s+"
    r"(?:at|amounted\s+to|stood\s+at|totall?ed|reached|of|were|was)\s+$"
)
RETURNED = LazyRegex(r"\s+(?:(?:had|have|has|were|was)\s+)?(?:returned|repatriated|went\s+back|come\s+back)")
REFUGEES = LazyRegex(r"\b(?:refugees|IDPs|internally\s+displaced(?:\s+persons|\s+people)?)$", re.I)


def _read_prose(text: str, findings: list[Finding]) -> None:
    """What sentences say that an infobox line does not: "the death toll ranges from 118 to
    121", sub-counts of a total ("28 were killed (24 soldiers and four civilians)"), victims
    named before a bare count ("ambushed soldiers, killing three"), a verb after a relative
    clause ("Some 900 soldiers who ..., were taken prisoner"), refugees (displaced)."""
    for finding in findings:
        _read_members(text, finding)
        if not finding.word and finding.phrase:
            verb = LONG_SUBJECT_VERB.match(text, finding.end)
            finding.word = _normal(verb.group("word")) if verb else None
        if not finding.word and REFUGEES.search(finding.phrase) and not RETURNED.match(text, finding.end):
            finding.word = "displaced"
        if not finding.word:
            _read_death_toll(text, finding)
        if not finding.word:
            _read_part_of_total(text, findings, finding)
        if not finding.word:
            _read_figure_put_at(text, findings, finding)
        if finding.elliptic and finding.word and not finding.phrase and _category_of(finding.word):
            _read_victims_before(text, finding)


def _read_victims_before(text: str, finding: Finding) -> None:
    """ "Karst put its own losses at 50 killed", "ambushed Velmoran soldiers, killing three"."""
    losses = LOSSES_BEFORE.search(text, 0, finding.figure.start)
    if losses:
        whose = losses.group("whose")
        finding.kind, finding.phrase = "victim", f"{whose} losses"
        finding.possessive = whose.lower().startswith(("its", "their", "our"))
        return
    earlier = list(VICTIMS_NAMED_EARLIER.finditer(text, 0, finding.figure.start))
    if earlier:
        finding.kind, finding.phrase = "victim", _subject(earlier[-1].group("phrase"))


def _read_figure_put_at(text: str, findings: list[Finding], finding: Finding) -> None:
    """ "Velmora said 34 soldiers were killed, while Karst put the figure at 200": the same count."""
    if not PUT_AT.search(text, 0, finding.figure.start):
        return
    counted = [f for f in findings if f.figure.start < finding.figure.start and f.word and f.kind]
    if counted:
        finding.kind, finding.word, finding.phrase = counted[-1].kind, counted[-1].word, counted[-1].phrase
        finding.elliptic = True


def _read_members(text: str, finding: Finding) -> None:
    """ "24 members of the security forces": the members' body is part of the phrase."""
    if finding.kind == "victim" and finding.phrase.lower().endswith("members"):
        body = FORCE_MEMBERS.match(text, finding.end)
        if body:
            finding.phrase, finding.end = finding.phrase + body.group(), body.end()


def _read_death_toll(text: str, finding: Finding) -> None:
    """ "The Ruritanian Army's death toll ranges from 118 to 121": killed, of those named."""
    toll = DEATH_TOLL.search(text, 0, finding.figure.start)
    if toll and finding.kind in ("", "victim"):
        whose = re.sub(r"^(?:the|an?|its|their)\b\s*|['’]s$", "", toll.group("whose").strip(), flags=re.I)
        if toll.group("civilian"):
            whose = f"{whose} civilians".strip()
        finding.kind, finding.word, finding.phrase = "victim", "killed", whose or "deaths"


def _read_part_of_total(text: str, findings: list[Finding], part: Finding) -> None:
    """A sub-count takes the category of the total it is part of: "including 20 soldiers",
    "(24 soldiers and four civilians)", "mostly rebels along with 20 soldiers"."""
    totals = [f for f in findings if f.figure.start < part.figure.start and f.word and not f.subset]
    if not totals or part.kind != "victim":
        return
    between = text[totals[-1].end : part.figure.start]
    if re.search(r";|\.\s", between):
        return
    if part.subset or (PART_OF_LINK.search(between) and ")" not in between):
        part.word, part.subset = totals[-1].word, True


def _normal(word: str) -> str:
    return " ".join(word.lower().split())


def _category_of(word: str) -> str | None:
    word = _normal(word)
    return CATEGORY_OF.get(word) or CATEGORY_OF.get(word.split()[0])


def _status_of(word: str) -> str | None:
    word = _normal(word)
    if " or " in word:
        parts = [STATUS_OF.get(part.split()[0]) for part in word.removesuffix(" of").split(" or ")]
        return " or ".join(p for p in parts if p) or None
    return STATUS_OF.get(word) or STATUS_OF.get(word.split()[0])


# --- who claims it ------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    position: int
    claimant: str


def sources(text: str) -> list[Source]:
    """Who states what in a sentence, by the position of their reporting verb."""
    words = _words(text)
    if not REPORTING_WORDS & words:
        return []
    found = []
    according = [m for m in ACCORDING_TO.finditer(text)]
    found += [Source(m.start(), _clean_claimant(m.group("who"))) for m in according]
    passive = PASSIVE_SOURCE.finditer(text) if "by" in words else ()  # a slow pattern, told early
    for match in passive:
        if not any(a.start() <= match.start() < a.end() for a in according):
            found.append(Source(match.start(), _clean_claimant(match.group("who"))))
    for start, clause in _clauses(text, FINE_CLAUSE_BREAK):
        stripped = clause
        while INTRO.match(stripped):
            stripped = stripped[INTRO.match(stripped).end() :]
        match = ACTIVE_SOURCE.match(stripped)
        if match and match.group("verb").islower() and _is_subject(match.group("who"), match.group("verb")):
            position = start + len(clause) - len(stripped) + match.start("verb")
            found.append(Source(position, _clean_claimant(match.group("who"))))
    found += [Source(m.start(), _clean_claimant(m.group("who"))) for m in WITH_SOURCE.finditer(text)]
    found += _participle_sources(text)
    return sorted(found, key=lambda source: source.position)


def _participle_sources(text: str) -> list[Source]:
    """ "El Dorado cut ties with Ruritania, stating that 300 El Doradans had fled": the one who
    states is the subject of the clause before: the last name that a verb follows."""
    found = []
    for participle in PARTICIPLE_SOURCE.finditer(text):
        subjects = list(CLAUSE_SUBJECT.finditer(text, 0, participle.start()))
        if subjects and not NOT_A_SUBJECT.match(subjects[-1].group("who")):
            found.append(Source(participle.start(), _clean_claimant(subjects[-1].group("who"))))
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _clauses(text: str, breaks: LazyRegex = CLAUSE_BREAK) -> list[tuple[int, str]]:
    found = list(breaks.finditer(text))
    starts = [0] + [m.end() for m in found]
    ends = [m.start() for m in found] + [len(text)]
    return [(start, text[start:end]) for start, end in zip(starts, ends)]


def _is_subject(words: str, verb: str) -> bool:
    if re.search(r"\d|\b(?:was|were|is|are|been|be|that|which|who)\b", words, re.I) and "revised" not in verb:
        return False
    if re.match(r"according\s+to\b|(?:an?|the)$", words.strip(), re.I):
        return False  # "According to the government and state media", "An estimated 1,000"
    return 0 < len(words.split()) <= 14


def _clean_claimant(words: str) -> str:
    words = re.sub(r"^(?:the|an?)\s+", "", words.strip().strip(",").strip(), flags=re.I)
    return words.strip()


def claimant_side(claimant: str, sides: SideMap) -> int | None:
    """The side a claimant speaks for: a party named alone ("Azerbaijan", "Armenia/Artsakh")
    or with an official word ("Armenian authorities", "President of Azerbaijan"). A group
    merely named after a country ("Syrian Observatory for Human Rights") is a third party."""
    mentions = sides.mentions(claimant)
    leftover = claimant
    for mention in mentions:
        leftover = leftover.replace(mention.text, " ")
    alone = not re.sub(r"\b(?:and|the|of|republic)\b|[/,&'’s]", " ", leftover, flags=re.I).strip()
    speaking = {
        mention.side
        for mention in mentions
        if alone
        or re.match(rf"(?:['’]s)?(?:\s+[\w-]+){{0,3}}?\s+(?:{OFFICIAL})\b", claimant[mention.end :], re.I)
        or re.search(rf"\b(?:{OFFICIAL})\s+of\s+(?:the\s+)?$", claimant[: mention.start], re.I)
    }
    return speaking.pop() if len(speaking) == 1 else None


# --- whose losses -------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What a text says around its figures: claimant, sides, section, dates."""

    sides: SideMap
    claimant: str
    claimant_side: int | None
    section: str | None
    column_side: int | None = None  # an infobox casualties column of a combatant


def victim_side(text: str, finding: Finding, context: Context, clause: str, before: str) -> int | None:
    """Whose people: their nationality ("Armenian servicemen"), else "its soldiers" (the
    claimant's), else the infobox column, the place ("people in Azerbaijan"), the loser
    ("Armenia lost"), the attacker's enemy ("shelling by Armenian artillery"), the claimant's
    own side, and last the enemy of the party a section is named after ("Suspected war
    crimes > Armenian")."""
    sides = context.sides
    named, side = sides.side_in(finding.phrase)
    if named:
        return side
    if finding.possessive:
        return context.claimant_side
    mixed = MIXED_VICTIMS.match(text, finding.end) or MIXED_VICTIMS.search(finding.phrase)
    if mixed and context.column_side is None:
        return None  # "2,200 people, mostly civilians": the text does not say whose
    civilian = victim_group(finding.phrase, "", None) != "military"
    candidates = (
        context.column_side,
        _place_side(text[finding.end :], sides),
        _loser_in(before, sides),
        _attacked_side(clause, sides),
        _killer_enemy(clause, before, sides),
        sides.opponent(context.claimant_side) if CLAIMANT_KILLED.search(before) else None,
        _state_forces(finding.phrase, sides),
        context.claimant_side if not civilian or not _civil_war(sides) else None,
        _heading_enemy(context.section, sides),
    )
    return next((side for side in candidates if side is not None), None)


# "X claimed to have killed 500 soldiers", "X said it had killed 80": the claimant's enemy's.
CLAIMANT_KILLED = LazyRegex(
    rf"\b(?:{REPORT_VERB})\s+(?:that\s+)?(?:to\s+have|(?:it|they|we)\s+(?:had|has|have)"
    r"|its\s+(?:forces|troops|army|soldiers|units)\s+(?:had\s+|have\s+)?)"
    r"\s*(?:killed|captured|wounded|injured)\s+(?:(?:at\s+least|more\s+than|over|about|some)\s+)?$"
)
KILLING_PARTICIPLE = LazyRegex(r",\s+(?:killing|injuring|wounding|executing)\s+$")


def _killer_enemy(clause: str, before: str, sides: SideMap) -> int | None:
    """ "The Karst Front launched an offensive, killing 233 civilians": the killing is done by
    the clause's subject; the victims are its enemy's."""
    if not KILLING_PARTICIPLE.search(before):
        return None
    stripped = clause
    while INTRO.match(stripped):
        stripped = stripped[INTRO.match(stripped).end() :]
    mentions = sides.mentions(stripped)
    if mentions and re.fullmatch(r"\s*(?:the\s*)?", stripped[: mentions[0].start], re.I):
        return sides.opponent(mentions[0].side)
    return None


STATE_FORCES = LazyRegex(
    r"(?:(?:more|other|further)\s+)?(?:soldiers?|troops|servicemen|serviceman|policemen|policeman"
    r"|police\s+officers?|conscripts)",
    re.I,
)


def _state_forces(phrase: str, sides: SideMap) -> int | None:
    """ "20 soldiers, 5 policemen": in a war of one state against groups that are none, soldiers
    and police no one names are the state's."""
    if not STATE_FORCES.fullmatch(phrase):
        return None
    states = _state_sides(sides)
    return states.pop() if len(states) == 1 and len(sides.parties) == 2 else None


def _civil_war(sides: SideMap) -> bool:
    """Parties of two sides named after one country ("Free Taziran Army", "Taziran
    Government"): a civil war, where the civilians a claimant counts are no party's."""
    countries: dict[str, set[int]] = {}
    for name, side in sides.names.items():
        for word in name.split():
            nation = nation_of(word)
            if nation:
                countries.setdefault(nation.name, set()).add(side)
    return any(len(found) > 1 for found in countries.values())


def _state_sides(sides: SideMap) -> set[int]:
    return {side for name, side in sides.names.items() if nation_of(name)}


def _place_side(after: str, sides: SideMap) -> int | None:
    place = PLACE.match(after)
    return sides.side_of(place.group("place")) if place and nation_of(place.group("place")) else None


def _heading_enemy(section: str | None, sides: SideMap) -> int | None:
    heading = (section or "").split(" > ")[-1]
    return sides.opponent(sides.side_of(heading)) if nation_of(heading) else None


def item_side(finding: Finding, context: Context, before: str) -> int | None:
    named, side = context.sides.side_in(finding.phrase)
    if named:
        return side
    if context.column_side is not None:  # an infobox casualtiesN line: side N's equipment
        return context.column_side
    side = _loser_in(before, context.sides)
    if side is not None:
        return side
    actor = ACTOR.search(before)
    if actor and context.sides.side_in(actor.group("who"))[0]:
        return context.sides.opponent(context.sides.side_in(actor.group("who"))[1])
    return context.sides.opponent(context.claimant_side)


def _loser_in(text: str, sides: SideMap) -> int | None:
    """ "Armenia lost 255 tanks": the side named right before "lost"."""
    match = LOSER.search(text)
    return sides.side_in(match.group("who"))[1] if match else None


def _attacked_side(text: str, sides: SideMap) -> int | None:
    """ "shelling by Armenian artillery", "the Armenian forces struck": the attacker's enemy."""
    for mention in sides.mentions(text):
        if mention.side is not None and ATTACKER_AFTER_NAME.match(text, mention.end):
            return sides.opponent(mention.side)
    return None


ARMED_FORCE = LazyRegex(r"\b(?:[Ff]orces|[Aa]rmy|[Mm]ilitary|[Nn]avy|[Aa]ir\s+[Ff]orce|[Mm]ilitias?)\b")


def victim_group(phrase: str, category: str, section: str | None) -> str:
    """military | civilian | mercenary | other, from the victims' nouns, else from the
    category (the displaced are civilians) or the section ("Casualties > Military")."""
    if re.search(rf"\bmembers{FORCE_MEMBERS.pattern}", phrase):
        return "military"  # "members of the security forces"
    nouns = [noun.lower() for noun in GROUP_NOUN.findall(phrase)]
    groups = [NOUN_GROUP[noun] for noun in nouns]
    others = [NOUN_GROUP[noun] for noun in nouns if not noun.startswith("fighter")]
    if "mercenary" in groups and "military" not in others:
        return "mercenary"  # "Syrian fighters or mercenaries", not "soldiers and mercenaries"
    if groups and groups[0] != "other":
        return groups[0]
    if not groups and ARMED_FORCE.search(phrase):
        return "military"  # "the Velmoran Defence Forces' death toll"
    if category == "displaced":
        return "civilian"
    heading = (section or "").lower()
    return next((group for group in ("civilian", "military") if group in heading), "other")


# --- dates --------------------------------------------------------------------------------


def as_of(
    days: list[DayDate], clause: tuple[int, int], position: int, opening: int, year: int | None
) -> date | None:
    """The date a figure is given for: the nearest day before it in its clause, else the first
    after it in its clause, else a day written before the text's first figure (`opening`).
    A day written without its year takes `year` (the narrative's), else it stays unknown."""
    in_clause = [day for day in days if clause[0] <= day.start and day.end <= clause[1]]
    before = [day for day in in_clause if day.end <= position]
    after = [day for day in in_clause if day.start >= position]
    chosen = before[-1:] or after[:1] or [day for day in days if day.end <= opening][:1]
    if not chosen or (chosen[0].year or year) is None:
        return None
    try:
        return date(chosen[0].year or year, chosen[0].month, chosen[0].day)
    except ValueError:
        return None


def _clause_around(clauses: list[tuple[int, str]], position: int) -> tuple[int, int]:
    for start, clause in clauses:
        if start <= position <= start + len(clause):
            return start, start + len(clause)
    return 0, clauses[-1][0] + len(clauses[-1][1])


# --- claims from the infobox and the prose --------------------------------------------------


def infobox_claims(infobox: Infobox | None, sides: SideMap) -> tuple[Claim, ...]:
    """Casualty claims of the `casualtiesN` fields, in infobox order."""
    return tuple(c for c in _infobox_claims(infobox, sides) if c.item is None)


def prose_claims(
    sentences: Iterable[Sentence],
    sides: SideMap,
    dates: Mapping[int, date] | None = None,
    conflict_start: date | None = None,
) -> tuple[Claim, ...]:
    """Casualty claims of the body, in document order.

    `dates` maps a sentence index to the date the narrative gives it (the timeline's reading
    of its first date expression): it gives the year of days written without one ("On 11
    January") and the date of a sentence dated only relatively ("A week later"). Without
    it, only days written with their year are resolved. Sections whose dates all come before
    `conflict_start` (background) are skipped.
    """
    return tuple(c for c in _prose_claims(sentences, sides, dates, conflict_start) if c.item is None)


def equipment_claims(
    infobox: Infobox | None,
    sentences: Iterable[Sentence],
    sides: SideMap,
    dates: Mapping[int, date] | None = None,
    conflict_start: date | None = None,
) -> tuple[Claim, ...]:
    """Equipment-loss claims: the infobox's, then the body's in document order."""
    claims = all_claims(infobox, sentences, sides, dates, conflict_start)
    return tuple(claim for claim in claims if claim.item is not None)


def all_claims(
    infobox: Infobox | None,
    sentences: Iterable[Sentence],
    sides: SideMap,
    dates: Mapping[int, date] | None = None,
    conflict_start: date | None = None,
) -> tuple[Claim, ...]:
    """Casualty and equipment claims together: the infobox's, then the body's."""
    sentences = tuple(sentences)
    anchors = {sentence.index: sentence.section_anchor for sentence in sentences}
    claims = _infobox_claims(infobox, sides) + _prose_claims(sentences, sides, dates, conflict_start)
    return mark_headlines([replace(c, section_anchor=anchors.get(c.sentence)) for c in claims])


def headline(claims: Iterable[Claim]) -> Claim | None:
    """A side's headline claim among its claims of one loss (whose losses, group, category):
    its infobox claim (the article's summary) when it has one, else its largest (the prose
    also reports partial counts: "11 more were killed"); the first of equals."""
    claims = list(claims)
    chosen = [c for c in claims if c.source == "infobox"] or claims
    return max(chosen, key=lambda c: c.upper or c.value, default=None)


def mark_headlines(claims: list[Claim]) -> tuple[Claim, ...]:
    """The claims with `headline` set on each claimant side's headline casualty claim of each
    loss. Equipment claims and claims by no side (third parties, unattributed) have none."""
    cells: dict[tuple, list[int]] = {}
    for index, claim in enumerate(claims):
        if claim.item is None and claim.claimant_side is not None:
            key = (claim.side, claim.group, claim.category, claim.claimant_side)
            cells.setdefault(key, []).append(index)
    heads = set()
    for indexes in cells.values():
        chosen = headline(claims[i] for i in indexes)
        heads.add(next(i for i in indexes if claims[i] is chosen))
    return tuple(replace(c, headline=True) if i in heads else c for i, c in enumerate(claims))


def _infobox_claims(infobox: Infobox | None, sides: SideMap) -> list[Claim]:
    if infobox is None:
        return []
    fields = infobox.numbered("casualties")
    marked = _footnote_columns(fields)
    year = _single_year(infobox)
    claims: list[Claim] = []
    for number, field in fields:
        base = Context(sides, UNATTRIBUTED, None, f"Infobox: casualties{number}", _column_side(number, sides))
        context, label = base, ""
        previous: list[Claim] = []
        for line in field.lines():
            footnote = FOOTNOTE.match(line)
            if footnote and footnote.group(1) in marked:  # "* Number updated to 269": the marked line's
                column = replace(base, column_side=_column_side(marked[footnote.group(1)], sides))
                claims += _line_claims(line[footnote.end() :], column, "", year)
                continue
            text = re.sub(r"^\s*[*\-•]\s*", "", line).strip()
            if AS_OF_LINE.match(text):  # "(as of 19 February)" under a figure dates it
                claims[len(claims) - len(previous) :] = [_dated(claim, text, year) for claim in previous]
                continue
            if _is_header(text, line, field):
                claimant, words = _read_label(text.rstrip(":"), base)
                if claimant is not None:
                    context = _claimed_by_label(base, claimant)
                label = words or ""
                continue
            previous = []
            for part in LABELLED_PARTS.split(text):  # "Killed: 183, Wounded: 40"
                previous += _line_claims(part, context, label, year)
                label = _next_label(part, label)
            claims += previous
    return claims


def header_claimant(header: str) -> str:
    """ "Per Azerbaijan:" -> "Azerbaijan"; "Azerbaijani claim:" -> "Azerbaijani"."""
    words = re.sub(r"^the\s+", "", CLAIMANT_LEAD.sub("", header.rstrip(":").strip()), flags=re.I)
    return re.sub(r"(?:\s+|^)(?:claims?|claimed|figures?|estimates?)$", "", words, flags=re.I).strip()


# How an infobox casualties field names who claims its figures.
CLAIMANT_LEAD = LazyRegex(
    r"^(?:per|according\s+to|(?:as\s+)?(?:confirmed|claimed|reported|estimated|stated|documented|recorded"
    r"|counted)\s+by)\s+",
    re.I,
)
CLAIM_WORD = r"claims?|claimed|estimates?|figures?|sources?|counts?|reports?|data|statistics|tally"
# Who speaks, not who fights: "government" alone or "of", not "government militias".
SPEAKING = (
    r"authorit(?:y|ies)|officials?|official|government(?=\s*$|\s+of\b)"
    r"|(?:health|foreign)\s+ministry|ministry\s+of\s+(?:health|foreign\s+affairs)|MFA|MoH|observatory"
    r"|human\s+rights|historians|spokes(?:man|person|woman)|ombudsman"
)
CLAIMANT_LABEL = LazyRegex(rf"\b(?:{CLAIM_WORD})$|\b(?:{SPEAKING})\b", re.I)
OWN_GOVERNMENT = LazyRegex(r"^(?:the\s+)?(?:official|government|authorities|officials)\b", re.I)
# Sides' fighters, not a government, in "(separatist claim)": the side without a state.
NON_STATE = LazyRegex(r"\b(?:separatists?|rebels?|insurgents?|militants?|guerrillas?)\b", re.I)
LOSS_LABEL = LazyRegex(
    r"\b(?:killed|dead|deaths?|wounded|injured|missing|captured|casualties|losses|executed|POWs?|prisoners"
    r"|displaced|refugees|KIA|WIA|MIA)\b",
    re.I,
)
MILITARY_LABEL = LazyRegex(r"\b(?:military|army|armed\s+forces|forces|militias?|navy|air\s+force)\b", re.I)
TOTAL_LABEL = LazyRegex(r"^(?:in\s+)?(?:total|overall|combined|all|estimated)$", re.I)
MINISTRY = LazyRegex(r"\b(?:MoD|ministry|ministries)\b", re.I)
OTHERS = LazyRegex(r"^(?:others?|other\s+sources|unofficial|independent\s+sources)$", re.I)
# "Killed: 183", "Velmari militia: 17 dead", "Ostria – 700 killed": a label, then figures.
LABEL = LazyRegex(r"^(?P<label>[^\d:\[\]–—]{1,60}?)\s*(?::|\s[–—-])\s+(?P<rest>.*\d.*)$")
LABELLED_PARTS = LazyRegex(r"\s*[,;/]\s+(?=[^\d,;:()/]{1,40}:\s+\d)")
FOOTNOTE = LazyRegex(r"^\s*(\*+)\s*(?=[A-Za-z])")
MARKER = LazyRegex(r"\[(\*+)\]")
AS_OF_LINE = LazyRegex(r"^\(\s*as\s+of\s+[^()]*\)$", re.I)
PARENTHESIS = LazyRegex(r"\(([^()]*)\)")
# What a casualties field lists with no verb: the end of a phrase ("4 MiG-29s", "1 POW (died)").
PHRASE_ENDS = LazyRegex(r"\s*(?:\([^()]*\)\s*)?(?:[,;.)/]|\band\b|\bor\b|$)")


def _column_side(number: int, sides: SideMap) -> int | None:
    """casualties1 and casualties2 are the sides' even when a combatant field is missing; a
    further field is a side's only when a combatant field of its number exists."""
    return number if number in sides.parties or number <= 2 else None


def _footnote_columns(fields: list[tuple[int, Field]]) -> dict[str, int]:
    """ "185 killed[*]" in casualties1: a later line "* Number updated to 269 ..." is its note."""
    marked: dict[str, int] = {}
    for number, field in fields:
        for marker in MARKER.finditer(field.text):
            marked.setdefault(marker.group(1), number)
    return marked


def _single_year(infobox: Infobox) -> int | None:
    """The year of a war fought within one year: what "(as of 19 February)" means."""
    date_field = infobox.get("date")
    years = set(re.findall(r"\b(?:1\d{3}|20\d{2})\b", date_field.text if date_field else ""))
    return int(years.pop()) if len(years) == 1 else None


def _is_header(text: str, line: str, field: Field) -> bool:
    """ "Per X:", "Wounded:", a bold "Dorsan official figures", a plain "Velmari claims"."""
    if text.endswith(":"):
        return True
    if DIGIT.search(text):
        return False
    return field.is_bold(line) or _label_claimant(text) is not None


def _label_claimant(label: str, parenthesis: bool = False) -> str | None:
    """The claimant a header, label or parenthesis names, or None when it names losses or a unit:
    "Per X", "X claims", "Western historians estimate", "Velmar Health Ministry", "(official)",
    "(others)"; not "Killed", "Velmari fighters", "Ministry of Defence", "United Nations"."""
    words = label.strip().rstrip(":").strip()
    if parenthesis and (OTHERS.match(words) or MINISTRY.search(words)):
        return header_claimant(words)  # "(others)", "(Dorsan MoD)": a unit's losses are not bracketed
    if CLAIMANT_LEAD.match(words) or not LOSS_LABEL.search(words) and CLAIMANT_LABEL.search(words):
        return header_claimant(words) or None
    return None


def _header_claimant_of(label: str, column_side: int | None, sides: SideMap) -> str | None:
    """A header's claimant; a party named alone ("Velmar:") claims only in another side's
    column: in its own column, or a column of no side, it says whose losses follow."""
    claimant = _label_claimant(label)
    if claimant is not None or column_side is None:
        return claimant
    named = sides.mentions(label)
    if len(named) == 1 and named[0].text == label.strip() and named[0].side not in (None, column_side):
        return label.strip()
    return None


def _claimed_by_label(context: Context, claimant: str) -> Context:
    return replace(context, claimant=claimant, claimant_side=_label_claimant_side(claimant, context))


def _label_claimant_side(claimant: str, context: Context) -> int | None:
    """Joint claimants ("a rights group and the Velmari government") speak for a side only
    when each of them does."""
    parts = [part for part in re.split(r"\s*(?:,|&|\band\b)\s*", claimant) if part]
    found = {_one_claimant_side(part, context) for part in parts or [claimant]}
    return found.pop() if len(found) == 1 else None


def _one_claimant_side(claimant: str, context: Context) -> int | None:
    sides = context.sides
    mentions = sides.mentions(claimant)
    if mentions:
        side = claimant_side(claimant, sides)
        named = {mention.side for mention in mentions}
        if side is None and len(named) == 1 and re.search(r"\b(?:MFA|MoH|ministry)\b", claimant, re.I):
            return named.pop()  # "Ruritania MFA"
        return side
    if NON_STATE.search(claimant):
        return _non_state_side(sides)
    return context.column_side if OWN_GOVERNMENT.match(claimant) else None  # "(official)"


def _non_state_side(sides: SideMap) -> int | None:
    """The one side none of whose parties is a country, if there is one such side."""
    stateless = [side for side, parties in sides.parties.items() if not any(nation_of(p) for p in parties)]
    return stateless[0] if len(stateless) == 1 and len(sides.parties) >= 2 else None


def _line_claims(text: str, context: Context, label: str, year: int | None) -> list[Claim]:
    """The claims of one line of a casualties field, under the header `label` (if any)."""
    labelled = LABEL.match(text)
    rest = text
    if labelled:
        claimant, words = _read_label(labelled.group("label"), context)
        if claimant is not None:
            context = _claimed_by_label(context, claimant)
        label = label if words is None else words
        rest = labelled.group("rest")
    claims = []
    for chunk, claimant in _chunks(rest):
        here = context if claimant is None else _claimed_by_label(context, claimant)
        claims += _chunk_claims(chunk, here, label)
    return [_dated(replace(claim, text=text), text, year) for claim in claims]


def _read_label(words: str, context: Context) -> tuple[str | None, str | None]:
    """A header or label: (the claimant it names, the words naming whose losses, None when it
    only names a claimant): "Per X", "Civilians (per X)", "Velmari fighters"."""
    (rest, aside), *_ = _chunks(words)
    claimant = aside or _header_claimant_of(rest, context.column_side, context.sides)
    return claimant, (rest.strip() if aside or claimant is None else None)


def _chunks(text: str) -> list[tuple[str, str | None]]:
    """The line cut after each parenthesis naming a claimant: "58 killed (separatist claim)"."""
    chunks, start = [], 0
    for aside in PARENTHESIS.finditer(text):
        claimant = _label_claimant(aside.group(1), parenthesis=True)
        if claimant is not None:
            chunks.append((text[start : aside.start()], claimant))
            start = aside.end()
    return chunks + [(text[start:], None)]


def _chunk_claims(chunk: str, context: Context, label: str) -> list[Claim]:
    sides = context.sides
    findings = [f for f in read_findings(chunk, sides, bare=True) if _listed(chunk, f)]
    if LOSS_LABEL.search(label):  # "Killed: 183", "Wounded:" then "4,409"
        if not findings:
            words = LOSS_LABEL.sub(_lower_unless_abbreviated, label)  # "Ruritanian soldiers Killed"
            chunk = f"{PARENTHESIS.sub(' ', chunk).strip()} {words}"
            findings = read_findings(chunk, sides, bare=True)
            label = ""
        elif not (GROUP_NOUN.search(label) or sides.mentions(label)):
            label = ""  # "Casualties:" then "500 killed"; but "Civilian casualties:" names whose
    for finding in findings:
        if finding.kind == "victim" and not finding.phrase:
            finding.phrase = _party_before(chunk, finding, sides) or label * (not TOTAL_LABEL.match(label))
    if context.column_side is None:  # a further field: the claimant's side is not the victims'
        claims = _claims(chunk, findings, replace(context, claimant_side=None), source="infobox")
        claims = [replace(claim, claimant_side=context.claimant_side) for claim in claims]
    else:
        claims = _claims(chunk, findings, context, source="infobox")
    return [_column_claim(_label_group(claim), context) for claim in claims]


def _lower_unless_abbreviated(loss: re.Match) -> str:
    return loss.group() if loss.group().isupper() else loss.group().lower()  # "Killed", not "KIA"


def _label_group(claim: Claim) -> Claim:
    """ "Military: 500 killed": a label naming the armed forces without a noun of people."""
    if claim.group == "other" and claim.item is None and MILITARY_LABEL.search(claim.subject):
        return replace(claim, group="military")
    return claim


def _party_before(chunk: str, finding: Finding, sides: SideMap) -> str:
    """ "Ruritania 1 killed / Dorsa 2 killed": the party named right before a figure."""
    before = chunk[: finding.figure.start].rstrip(" :–—-")
    named = sides.mentions(before[-60:])
    return named[-1].text if named and before.endswith(named[-1].text) else ""


def _listed(chunk: str, finding: Finding) -> bool:
    """A figure whose verb a casualties field leaves out ends its phrase: "4 MiG-29s", not
    "104 prisoners were released"."""
    return finding.word not in ("lost", "captured", "displaced") or bool(
        _own_word(chunk, finding) or PHRASE_ENDS.match(chunk, finding.end)
    )


def _column_claim(claim: Claim, context: Context) -> Claim:
    """A combatant column's losses are its side's unless a nationality names another side or
    a third party (known only when the column's combatant field is there); a further field's
    are the side its nationality names, else no side's."""
    sides = context.sides
    named, side = sides.side_in(claim.subject if claim.item is None else f"{claim.item} {claim.subject}")
    if context.column_side is None:
        return replace(claim, side=side if named else None)
    if claim.side is None and (not named or context.column_side not in sides.parties):
        return replace(claim, side=context.column_side)
    return claim


def _dated(claim: Claim, text: str, year: int | None) -> Claim:
    days = day_dates(text)
    if claim.as_of is not None or not days or (days[-1].year or year) is None:
        return claim
    try:
        return replace(claim, as_of=date(days[-1].year or year, days[-1].month, days[-1].day))
    except ValueError:
        return claim


def _next_label(text: str, label: str) -> str:
    """A loss label carries over to the next line ("Dead: 1,191 (per X)" / "1,109 (per Y)")."""
    labelled = LABEL.match(text)
    if labelled and LOSS_LABEL.search(labelled.group("label")):
        return labelled.group("label").strip()
    return label


def _prose_claims(sentences, sides, dates, conflict_start) -> list[Claim]:
    sentences = list(sentences)
    skipped = _sections_before(sentences, conflict_start)
    sides = with_abbreviations(sides, sentences)
    claims: list[Claim] = []
    for position, sentence in enumerate(sentences):
        if sentence.section in skipped or _opens_before(sentence.text, conflict_start):
            continue
        risen = _risen_claims(sentence, sentences[position - 1] if position else None, claims[-2:])
        if risen or not _may_count_losses(sentence.text):
            claims += risen
            continue
        findings = read_findings(sentence.text, sides, prose=True)
        if not findings:
            continue
        found = sources(sentence.text)
        if any(ANAPHOR.match(source.claimant) for source in found):
            antecedent = _antecedent(sentences, position)
            found = [replace(source, claimant=_resolve(source.claimant, antecedent)) for source in found]
        claims += [claim for claim in _claims(
            sentence.text,
            findings,
            Context(sides, UNATTRIBUTED, None, sentence.section),
            source="body",
            found_sources=found,
            sentence=sentence.index,
            narrative=_narrative_date(sentences, position, dates or {}),
        ) if not _fighters_of_no_side(claim, sides)]
    return claims


OPENING_YEAR = LazyRegex(r"\b(1\d{3}|20\d{2})s?\b")


def _opens_before(text: str, conflict_start: date | None) -> bool:
    """ "In the 1990s war, 30,000 people died": a sentence opening with a time before the
    conflict tells of the past."""
    opening = INTRO.match(text) if conflict_start else None
    years = [int(year) for year in OPENING_YEAR.findall(opening.group())] if opening else []
    return bool(years) and max(years) < conflict_start.year


BOTH_SIDES = LazyRegex(r"\b(?:both\s+sides|each\s+side|either\s+side|combined|in\s+total)\b", re.I)


def _fighters_of_no_side(claim: Claim, sides: SideMap) -> bool:
    """Fighters of no side a war article counts are most often another conflict's ("airstrikes
    in a neighbouring country killed 78 militants"), unless the text counts both sides."""
    military = claim.group in ("military", "mercenary") and claim.item is None
    return bool(sides.parties) and claim.side is None and military and not BOTH_SIDES.search(claim.text)


ABBREVIATION = LazyRegex(
    r"(?P<full>[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w'’-]*)+)"
    r"\s+\((?P<short>[A-Z]{2,}(?:-[A-Z]+)?)\)"
)
LOWERCASE_LINKS = frozenset({"of", "and", "the", "for"})
CAPITALS = LazyRegex(r"\b[A-Z]{3,}\b")


def with_abbreviations(sides: SideMap, sentences: list[Sentence]) -> SideMap:
    """The side map, with the abbreviations a text defines for what names a side ("the
    Velmoran Defence Forces (VDF)") and the initials of parties of several words ("Free
    Karst Army": FKA). Names the map knows keep their side."""
    extra: dict[str, int | None] = {}
    initials = {
        "".join(w[0] for w in party.split() if w not in LOWERCASE_LINKS and w[0].isupper()): side
        for side, parties in sides.parties.items()
        for party in parties
    }
    initials = {short: side for short, side in initials.items() if len(short) >= 3}
    if initials:  # used as written in capitals: "ISIL", never "the" in any case
        written = {word for sentence in sentences for word in CAPITALS.findall(sentence.text)}
        extra.update({short.lower(): side for short, side in initials.items() if short in written})
    for sentence in sentences:
        for match in ABBREVIATION.finditer(sentence.text) if "(" in sentence.text else ():
            full = re.sub(r"^The\s+", "", match.group("full"))
            named, side = sides.side_in(full)
            if named and side is not None:
                extra[match.group("short").lower()] = side
    added = {name: side for name, side in extra.items() if name not in sides.names and side is not None}
    return replace(sides, names={**sides.names, **added}) if added else sides


def _narrative_date(sentences: list[Sentence], position: int, dates: Mapping[int, date]) -> date | None:
    """The date the narrative gives a sentence: its own, else the day its paragraph opens with
    ("On 10 February 2012, two bombs exploded ... It reported that 28 were killed") while no
    other date came between."""
    sentence = sentences[position]
    if sentence.index in dates:
        return dates[sentence.index]
    opening = position
    while opening and sentences[opening - 1].paragraph == sentence.paragraph:
        opening -= 1
    earlier = sentences[opening:position]
    if not earlier or not PARAGRAPH_DAY.match(earlier[0].text) or earlier[0].index not in dates:
        return None
    if any(s.index in dates or day_dates(s.text) for s in earlier[1:]) or YEAR.search(sentence.text):
        return None
    return dates[earlier[0].index] if BACK_REFERENCE.search(sentence.text) else None


# A sentence about the event told before it: "It reported ...", "the blasts killed ...".
BACK_REFERENCE = LazyRegex(
    r"^(?:It|They|He|She)\b|\b(?:it|they|he|she)\s+(?:said|reported|stated|claimed|added)\b"
    r"|\b[Tt]he\s+(?:blasts?|attacks?|bombings?|explosions?|strikes?|shelling|raids?|ambush|incident"
    r"|massacre|bombs?|missiles?|assault|report|study|list|statement|investigation)\b"
)
PARAGRAPH_DAY = LazyRegex(rf"On\s+(?:\d{{1,2}}\s+{MONTH_NAME}|{MONTH_NAME}\s+\d{{1,2}})\b,?(?:\s*\d{{4}})?,")
RISEN = LazyRegex(
    r"\b(?:this|that|it|the\s+(?:number|figure|total|toll|count))\s+(?:had\s+|has\s+)?"
    r"(?:risen|rose|grown|grew|increased|climbed|reached)(?:\s+to)?\s+$",
    re.I,
)


def _risen_claims(sentence: Sentence, before: Sentence | None, previous: list[Claim]) -> list[Claim]:
    """ "... a wave of 300,000 refugees. By January, this had risen to 400,000": the one claim
    of the sentence just before, in the same paragraph, counted again."""
    previous = [claim for claim in previous if before is not None and claim.sentence == before.index]
    if len(previous) != 1 or before.paragraph != sentence.paragraph:
        return []
    claims = []
    for figure in find_figures(sentence.text):
        if RISEN.search(sentence.text, max(0, figure.start - 60), figure.start):
            days = day_dates(sentence.text)
            when = as_of(days, (0, len(sentence.text)), figure.start, figure.start, None) if days else None
            claims.append(replace(
                previous[0], value=figure.value, upper=figure.upper, qualifier=figure.qualifier, as_of=when,
                section=sentence.section, text=sentence.text, sentence=sentence.index,
            ))
    return claims


def _may_count_losses(text: str) -> bool:
    """A cheap test before the patterns: a word of loss and a number."""
    lowered = text.lower()
    if not any(stem in lowered for stem in LOSS_STEMS):
        return False
    words = _words(text)
    return bool(LOSS_WORDS & words) and bool(NUMBER_WORD_SET & words or DIGIT.search(text))


def _antecedent(sentences: list[Sentence], position: int) -> str | None:
    """The last source named earlier in the paragraph: who "it" or "the report" is."""
    paragraph = sentences[position].paragraph
    for index in range(position - 1, -1, -1):
        earlier = sentences[index]
        if earlier.paragraph != paragraph:
            return None
        named = [source.claimant for source in sources(earlier.text) if not ANAPHOR.match(source.claimant)]
        if named:
            return named[-1]
    return None


def _resolve(claimant: str, antecedent: str | None) -> str:
    """The antecedent of "it" or "the report"; a bare pronoun with none is no one named."""
    if antecedent and ANAPHOR.match(claimant):
        return antecedent
    return UNATTRIBUTED if PRONOUN.fullmatch(claimant) else claimant


PRONOUN = LazyRegex(r"it|they|he|she|him|her|them|we", re.I)


YEAR = LazyRegex(r"\b(?:1\d{3}|20\d{2})\b")
# What makes a year the date of an event ("in 1994", "May 1992"), not a name ("the 2020 war").
EVENT_YEAR_BEFORE = LazyRegex(
    rf"(?:\b(?:in|since|until|by|from|of|early|late|mid-?)|{MONTH_NAME}(?:\s+\d{{1,2}},)?)\s+$"
)


def _sections_before(sentences: list[Sentence], conflict_start: date | None) -> set[str]:
    """Sections whose years all come before the conflict: background, not claims about it."""
    if conflict_start is None:
        return set()
    years: dict[str, set[int]] = {}
    for sentence in sentences:
        text = sentence.text
        found = {
            int(match.group())
            for match in YEAR.finditer(text)
            if EVENT_YEAR_BEFORE.search(text, max(0, match.start() - 20), match.start())
        }
        years.setdefault(sentence.section, set()).update(found)
    return {section for section, found in years.items() if found and max(found) < conflict_start.year}


def _claims(
    text: str,
    findings: list[Finding],
    context: Context,
    source: str,
    found_sources: list[Source] = (),
    sentence: int | None = None,
    narrative: date | None = None,
) -> list[Claim]:
    """The claims of one infobox line or sentence, from the findings read in it."""
    claims = []
    clauses = _clauses(text)
    days = day_dates(text)
    side_of_phrase: dict[str, int | None] = {}
    total_side = None  # the side of the last count that was no sub-count
    for finding in findings:
        figure = finding.figure
        here = _attributed(context, _source_for(found_sources, figure.start))
        clause = _clause_around(clauses, figure.start)
        before = text[clause[0] : figure.start]
        year = narrative.year if narrative else None
        when = as_of(days, clause, figure.start, findings[0].figure.start, year)
        common = dict(value=figure.value, upper=figure.upper, qualifier=figure.qualifier,
                      as_of=when if days else narrative, source=source, section=context.section,
                      text=text, sentence=sentence)
        if finding.kind == "item":
            claims += _item_claims(finding, here, before, common)
            continue
        side = side_of_phrase.get(finding.phrase) if finding.elliptic else None
        if side is None:
            side = victim_side(text, finding, here, text[clause[0] : clause[1]], before)
        if finding.subset and side is None and not context.sides.side_in(finding.phrase)[0]:
            side = total_side  # "97,368 Tazirans ..., including 12,500 civilians"
        elif not finding.subset:
            total_side = side
        side_of_phrase[finding.phrase] = side
        if EACH_OWN.search(here.claimant) or _local_official(here, text[finding.end :]):
            here = replace(here, claimant_side=side)
        category = _category_of(finding.word)
        claims.append(Claim(
            claimant=here.claimant, claimant_side=here.claimant_side,
            subject=finding.phrase or _party_names(context.sides, side),
            side=side, group=victim_group(finding.phrase, category, context.section), category=category,
            **common,
        ))
    return claims


def _attributed(context: Context, source: Source | None) -> Context:
    if source is None:
        return context
    side = claimant_side(source.claimant, context.sides)
    return replace(context, claimant=source.claimant, claimant_side=side)


LOCAL_OFFICE = LazyRegex(
    r"\b(?:head|governor|mayor|administrator|chief|akim|prefect)\s+of\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)",
    re.I,
)


def _local_official(context: Context, after: str) -> bool:
    """ "The head of the Ostrava District stated that 17 civilians were killed in Ostrava
    District": a place's own official counting its people speaks for their side."""
    office = LOCAL_OFFICE.search(context.claimant) if context.claimant_side is None else None
    if not office:
        return False
    place = re.escape(office.group("place").split()[0])
    kind = r"(?:(?:city|town|district|region|province)\s+of\s+)?"
    return bool(re.search(rf"\bin\s+(?:the\s+)?{kind}{place}\b", after[:150]))


def _source_for(found: list[Source], position: int) -> Source | None:
    before = [source for source in found if source.position < position]
    return before[-1] if before else (found[0] if found else None)


def _item_claims(finding: Finding, context: Context, before: str, common: dict) -> list[Claim]:
    side = item_side(finding, context, before)
    owner = _owner(finding.phrase, before, context.sides, side)
    item = " ".join(word for word in finding.phrase.split() if not nation_of(word))
    base = Claim(
        claimant=context.claimant, claimant_side=context.claimant_side, subject=owner, side=side,
        group="military", category=EQUIPMENT, item=item, status=_status_of(finding.word), **common,
    )
    claims = [base]
    for status, count in re.findall(r"([A-Za-z][A-Za-z ]*?):\s*(\d[\d,]*)", finding.breakdown or ""):
        value = int(count.replace(",", ""))
        claims.append(replace(base, value=value, upper=None, qualifier="exact", status=_normal(status)))
    return claims


def _owner(phrase: str, before: str, sides: SideMap, side: int | None) -> str:
    """Whose equipment, as written when the text names it, else the side's parties."""
    named = [m.text for m in sides.mentions(phrase)]
    if named:
        return named[0]
    loser = LOSER.search(before)
    if loser and sides.side_in(loser.group("who"))[0]:
        return loser.group("who")
    return _party_names(sides, side)


def _party_names(sides: SideMap, side: int | None) -> str:
    return "/".join(sides.parties.get(side, ())) if side is not None else ""


# --- choosing claims ----------------------------------------------------------------------


def select(
    claims: Iterable[Claim],
    side: int | None = None,
    category: str | None = None,
    claimant: str | tuple[str, ...] | None = None,
    source: str | None = None,
) -> tuple[Claim, ...]:
    """The claims that match every filter given: whose losses (`side`), `category`, `source`
    (infobox | body) and `claimant`: a side number ("1"), "third" for third parties and
    unattributed claims, or words of the claimant's name ("SOHR", "armenian"), or a tuple
    of such names any of which will do (a name and its aliases)."""
    claimants = (claimant,) if isinstance(claimant, str) else claimant
    return tuple(
        claim
        for claim in claims
        if (side is None or claim.side == side)
        and (category is None or claim.category == category)
        and (source is None or claim.source == source)
        and (claimants is None or any(_claimed_by(claim, name) for name in claimants))
    )


def _claimed_by(claim: Claim, claimant: str) -> bool:
    wanted = claimant.strip().lower()
    if wanted.isascii() and wanted.isdigit():
        return claim.claimant_side == int(wanted)
    if wanted == "third":
        return claim.claimant_side is None
    return wanted in claim.claimant.lower()
