"""Claims from the infobox's casualties fields: columns, headers, labels and claimants in
parentheses."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..figures import LazyRegex, day_dates
from ..infobox import Field, Infobox
from ..nations import SideMap, nation_of
from .claimants import claimant_side
from .reading import Finding, _own_word, read_findings
from .record import UNATTRIBUTED, Claim
from .text_claims import _claims
from .victims import Context
from .vocabulary import DIGIT, GROUP_NOUN


def infobox_claims(infobox: Infobox | None, sides: SideMap) -> tuple[Claim, ...]:
    """Casualty claims of the `casualtiesN` fields, in infobox order."""
    return tuple(c for c in _infobox_claims(infobox, sides) if c.item is None)


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
