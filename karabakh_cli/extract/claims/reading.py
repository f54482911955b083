"""Reading one text: the figures that count people or equipment lost, what happened to them
and who or what they are (findings, before attribution)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..figures import Figure, LazyRegex, find_figures
from ..nations import SideMap, nation_of
from .vocabulary import (
    AFTER_DIRECT,
    AFTER_SKIPPING,
    ARTICLE,
    ASIDE,
    AUX,
    BEFORE,
    CATEGORY_AFTER,
    CATEGORY_OF,
    CATEGORY_PHRASE,
    CIVILIAN_PROPERTY,
    ELLIPSIS,
    IMPLIED_CATEGORY,
    ITEM_PHRASE,
    JOINED,
    LOSS_ADJECTIVE,
    MIXED,
    MOD,
    NATION_ONLY,
    NOT_A_COUNT,
    PARTY_PEOPLE,
    STATUS_OF,
    SUBSET,
    VICTIM,
    VICTIM_PHRASE,
)


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
