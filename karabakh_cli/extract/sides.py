"""The infobox's combatant columns: parties with their roles, commanders, units, strength."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .infobox import Field, Infobox
from .nations import is_header, nation_of

# A country's flag (two regional letters) or a subdivision's (a black flag and tag letters).
FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}|\U0001F3F4[\U000E0020-\U000E007F]*")
BULLET = re.compile(r"^\s*[*\-•]+\s*")
ALLEGED = re.compile(r"\s*\(((?:alleged|reportedly|claimed)[^)]*)\)\s*", re.I)
# A bold header line ("Supported by:") gives the role of the parties listed under it.
HEADER_ROLES = (
    (re.compile(r"\b(?:arms|armament|weapon|suppl)", re.I), "arms supplier"),
    (re.compile(r"\b(?:support|backed|assist|aid\b|diplomatic|politic|logistic|financ)", re.I), "supporter"),
    (re.compile(r"volunteer", re.I), "volunteers"),
    (re.compile(r"alleged", re.I), "alleged"),
)
# Roles whose parties help a side without fighting in it.
HELPING_ROLES = frozenset({"supporter", "arms supplier"})
PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
# A word of a name written in parentheses: "(Agar)", "(al-Hilu)", "(PKK)"; a description
# ("(military aid)", "(from 30.10)") has lowercase words, digits or commas.
NAME_WORD = re.compile(r"(?:[a-z]{1,3}-)?[A-Z][\w'’.&–-]*")
# What a description beside a supporting party says it gave.
DESCRIPTION_ROLES = (
    (re.compile(r"\b(?:support|aid|advis|assist|logistic|intelligence|training|financ)", re.I), "supporter"),
    (re.compile(r"\b(?:arms|weapon|equipment|materiel|munitions)", re.I), "arms supplier"),
)
# Status markers written beside a commander's name, and what they say happened; inside
# parentheses a marker opens the text or follows a comma: "(killed 3 May)", "(Chief, KIA)".
STATUS_MARKERS = (
    (r"KIA|killed(?: in action)?|executed|assassinated|[†✝]", "killed"),
    (r"POWs?|P\.O\.W\.?|captured|taken prisoner|prisoner of war", "captured"),
    (r"WIA|wounded|injured", "wounded"),
    (r"MIA|missing(?: in action)?", "missing"),
)
STATUS_IN_NOTE = tuple(
    (re.compile(rf"(?:^|[,;]\s*)(?:{marker})(?!\w)", re.I), status) for marker, status in STATUS_MARKERS
)
STATUS_ALONE = tuple((re.compile(rf"(?:{marker})\.?", re.I), status) for marker, status in STATUS_MARKERS)
STATUS_ORDER = ("killed", "captured", "wounded", "missing")  # the last state first
# A marker outside parentheses ("Name KIA", "Name †", "Name Executed"); other words need them.
BARE_STATUS = re.compile(r"(?<![\w.])(?:KIA|WIA|MIA|POW|P\.O\.W\.?)(?![\w])|[†✝]|(?<=\s)Executed$")
# Military ranks written before a name, as words or abbreviations; a modifier ("Lt.",
# "Vice", "1st") counts only before another rank word.
RANKS = frozenset(
    "Gen. Gen Col. Col Maj. Maj Capt. Capt Cpt. Sgt. Adm. Cdr. Cmdr. Brig. Brig Marshal General Colonel Major "
    "Captain Lieutenant Admiral Brigadier Commodore Sergeant Lieutenant-General Major-General "
    "Lieutenant-Colonel Brigadier-General Vice-Admiral Rear-Admiral Vice-Marshal Lt. Lt".split()
)
RANK_MODIFIERS = frozenset("Lt. Lt Lieut. Maj. Maj Brig. Brig Vice Rear Field Air Chief 1st 2nd 3rd First Second".split())
UNKNOWN_NAME = re.compile(
    r"(?:unknown|unidentified|n/?a|none|various|(?:and )?others|et al\.?)(?: commanders?| leaders?)?", re.I
)


@dataclass(frozen=True)
class Party:
    name: str
    role: str  # combatant | alleged | supporter | arms supplier | volunteers
    page: str | None
    note: str | None = None  # the infobox's own words beside it: "alleged by Armenia", "military aid"


@dataclass(frozen=True)
class Commander:
    name: str
    country: str | None  # the party the infobox puts the commander with; None when it does not tell
    page: str | None
    status: str | None = None  # killed | wounded | captured | missing, from "KIA", "†", "(WIA)", "POW"...
    rank: str | None = None  # "Maj. Gen."
    note: str | None = None  # what the infobox writes beside the name: "President", "from 1 May 2014"


@dataclass(frozen=True)
class Unit:
    name: str
    group: str | None


@dataclass(frozen=True)
class Strength:
    text: str
    value: int | None
    qualifier: str | None


@dataclass(frozen=True)
class Side:
    side: int
    parties: tuple[Party, ...]
    commanders: tuple[Commander, ...]
    units: tuple[Unit, ...]
    strength: tuple[Strength, ...]
    equipment: tuple[str, ...]


def sides(infobox: Infobox | None) -> tuple[Side, ...]:
    if infobox is None:
        return ()
    numbers = sorted(
        {n for prefix in ("combatant", "commander", "units", "strength") for n, _ in infobox.numbered(prefix)}
    )
    return tuple(_side(infobox, n) for n in numbers)


def _side(infobox: Infobox, number: int) -> Side:
    combatants = infobox.get(f"combatant{number}")
    party_lines = _party_lines(combatants) if combatants else []
    strength, equipment = _strength(infobox.get(f"strength{number}"))
    return Side(
        side=number,
        parties=tuple(party for party, _ in party_lines),
        commanders=_commanders(infobox.get(f"commander{number}"), party_lines),
        units=_units(infobox.get(f"units{number}")),
        strength=strength,
        equipment=equipment,
    )


def _party_lines(field: Field) -> list[tuple[Party, str | None]]:
    """Each party of a combatant column with the flag its line shows ("" when lost)."""
    parties: list[tuple[Party, str | None]] = []
    role = "combatant"
    for line in field.lines():
        if is_header(line):
            role = _header_role(clean_name(line))
            continue
        name, description = party_name(line)
        if not name:
            continue
        alleged = ALLEGED.search(line)
        party_role = "alleged" if alleged else _own_role(role, name, description)
        flag = _flag(line)
        if flag is None and line.startswith(" "):
            flag = ""
        note = alleged.group(1) if alleged else description
        parties.append((Party(name, party_role, field.page_for(name), note), flag))
    return parties


def _header_role(header: str) -> str:
    return next((role for pattern, role in HEADER_ROLES if pattern.search(header)), "combatant")


def _own_role(header_role: str, name: str, description: str | None) -> str:
    """A party's role: its header's, unless its own name or description says otherwise."""
    if "volunteer" in name.lower():
        return "volunteers"
    if header_role == "combatant" and description:
        return next((role for pattern, role in DESCRIPTION_ROLES if pattern.search(description)), header_role)
    return header_role


def party_name(line: str) -> tuple[str, str | None]:
    """A party's name as written, and the description beside it: "Foo (military aid)" ->
    ("Foo", "military aid"). Parentheses that hold a name ("SLM (Agar)") stay in the name."""
    descriptions = []

    def sort_out(match: re.Match) -> str:
        inside = " ".join(match.group(1).split())
        if _is_name(inside):
            return match.group()
        descriptions.append(inside)
        return " "

    name = _without_parentheses(clean_name(line), sort_out).strip().rstrip(":").strip()
    return " ".join(name.split()), "; ".join(d for d in descriptions if d) or None


def _without_parentheses(text: str, sort_out) -> str:
    """The text with each parenthesis, innermost first, replaced by what sort_out returns."""
    while True:
        replaced = PARENTHESIS.sub(sort_out, text)
        if replaced == text:
            return text
        text = replaced


def _is_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and all(NAME_WORD.fullmatch(word) for word in words)


def _commanders(field: Field | None, party_lines) -> tuple[Commander, ...]:
    if field is None:
        return ()
    column = _Column.of(party_lines)
    commanders: list[Commander] = []
    group = None
    for position, line in enumerate(_joined_lines(field.lines())):
        plain = clean_name(line)
        if not plain:
            continue
        if plain.startswith("(") and plain.endswith(")") and commanders:
            commanders[-1] = _with_note(commanders[-1], plain[1:-1].strip(), column.fighting)
            continue
        # A party's name heads the commanders listed under it; another header ends its group.
        header = plain.rstrip(":").strip()
        if header in column.fighting or is_header(plain):
            group = header if header in column.fighting else None
            continue
        text, party, role = _labelled(plain, column.fighting)
        name, rank, status, note = parse_commander(text)
        if not name or UNKNOWN_NAME.fullmatch(name):
            continue
        note = "; ".join(part for part in (role, note) if part) or None
        country = column.country(line, position == 0, party or group, note)
        page = field.page_for(name) or _linked_page(field, name)
        commanders.append(Commander(name, country, page, status, rank, note))
    return tuple(commanders)


def _labelled(line: str, parties: list[str]) -> tuple[str, str | None, str | None]:
    """(the rest, party, role) of a line that labels a name: "Foo Front: Bar Baz" gives his
    party, "Chief of Staff: Bar Baz" his role; a colon inside a parenthesis labels nothing."""
    label, _, rest = line.partition(": ")
    if not rest or "(" in label:
        return line, None, None
    return (rest, label, None) if label in parties else (rest, None, label)


@dataclass(frozen=True)
class _Column:
    """What a combatant column tells about the commanders listed beside it."""

    by_flag: dict[str, str]
    ambiguous_flags: frozenset[str]
    fighting: list[str]  # parties that are not only helping
    lost_flag_party: str | None  # the one party whose flag was lost, if only one was

    @classmethod
    def of(cls, party_lines) -> _Column:
        lost = [party.name for party, flag in party_lines if flag == ""]
        named: dict[str, set[str]] = {}
        for party, flag in party_lines:
            if flag:
                named.setdefault(flag, set()).add(party.name)
        return cls(
            # A flag two parties show ("🇫🇴 Foo" and "🇫🇴 Foo Legion") tells neither.
            by_flag={flag: names.pop() for flag, names in named.items() if len(names) == 1},
            ambiguous_flags=frozenset(flag for flag, names in named.items() if len(names) > 1),
            fighting=[party.name for party, _ in party_lines if party.role not in HELPING_ROLES],
            lost_flag_party=lost[0] if len(lost) == 1 else None,
        )

    def country(self, line: str, first: bool, group: str | None, note: str | None) -> str | None:
        """The flag's party; else the party heading the commander, the column's only fighting
        party, the one the note names, or the party whose flag was lost with the commander's;
        else None: with several parties it is not knowable."""
        flag = _flag(line)
        if flag in self.ambiguous_flags:
            return None
        if flag:
            return self.by_flag.get(flag) or country_of_flag(flag)
        if group:
            return group
        if len(set(self.fighting)) == 1:
            return self.fighting[0]
        # YAML drops the leading space of a block's first line: a flag may be lost there too.
        flag_lost = first or line.startswith(" ")
        return _party_named(note, self.fighting) or (self.lost_flag_party if flag_lost else None)


def _party_named(note: str | None, parties: list[str]) -> str | None:
    """The one party a note names ("Secretary-General of the Foo Front", "Fooish Premier")."""
    if not note:
        return None
    named = {party for party in parties if any(_names(form, note) for form in _forms(party))}
    return named.pop() if len(named) == 1 else None


def _forms(party: str) -> set[str]:
    """How a note may write a party: as listed, without its parentheses, a country's names."""
    short = PARENTHESIS.sub("", party).strip()
    nation = nation_of(short)
    return {party, short} | (set(nation.names) if nation else set())


def _names(form: str, text: str) -> bool:
    return bool(form) and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _with_note(commander: Commander, note: str, parties: list[str]) -> Commander:
    """A role written on its own line under a commander's name: "(President of Foo)"."""
    status = commander.status or _status_of(note)
    merged = "; ".join(part for part in (commander.note, note) if part) or None
    country = commander.country or _party_named(note, parties)
    return Commander(commander.name, country, commander.page, status, commander.rank, merged)


def _joined_lines(lines: list[str]) -> list[str]:
    """A line with a parenthesis left open joined to the next line when that one closes it:
    "Foo Bar (nom de guerre:" + "Baz Qux)"."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].count("(") > joined[-1].count(")") and line.count(")") > line.count("("):
            joined[-1] += " " + line.strip()
        else:
            joined.append(line)
    return joined


def parse_commander(text: str) -> tuple[str, str | None, str | None, str | None]:
    """(name, rank, status, note) of a commander's line: "Maj. Gen. Foo Bar † (Chief of
    Staff)" -> ("Foo Bar", "Maj. Gen.", "killed", "Chief of Staff")."""
    statuses = []
    notes = []

    def sort_out(inside: str) -> None:
        inside = " ".join(inside.split())
        status = _status_of(inside)
        if status:
            statuses.append(status)
        if inside and not _status_only(inside):
            notes.append(inside)

    text = _without_parentheses(text, lambda match: sort_out(match.group(1)) or " ")
    # A parenthesis the line leaves open or closes without opening is still not the name.
    text, _, unclosed = text.replace(")", " ").partition("(")
    sort_out(unclosed)
    statuses += [_status_of(marker.group()) for marker in BARE_STATUS.finditer(text)]
    words = BARE_STATUS.sub(" ", text).split()
    rank_words = _rank_words(words)
    name = " ".join(words[len(rank_words):]).strip(" ,;")
    status = min(statuses, key=STATUS_ORDER.index) if statuses else None
    return name, " ".join(rank_words) or None, status, "; ".join(notes) or None


def _status_of(text: str) -> str | None:
    return next((status for pattern, status in STATUS_IN_NOTE if pattern.search(text.strip())), None)


def _status_only(text: str) -> bool:
    """A parenthesis that says nothing but a status: "(WIA)", "(killed in action)"."""
    return any(pattern.fullmatch(text.strip()) for pattern, _ in STATUS_ALONE)


def _rank_words(words: list[str]) -> list[str]:
    """The leading words of a name that are military ranks ("1st Lt.", "Air Chief Marshal");
    a name keeps at least one word and starts with a capital ("Marshal of the Foo Army X" stays)."""
    count = 0
    while True:
        ends = range(len(words) - 2, count - 1, -1)
        end = next(
            (
                end
                for end in ends
                if words[end] in RANKS and set(words[count:end]) <= RANK_MODIFIERS and words[end + 1][:1].isupper()
            ),
            None,
        )
        if end is None:
            return words[:count]
        count = end + 1


def _linked_page(field: Field, name: str) -> str | None:
    return next((link.page for link in field.links if link.page == name), None)


def _units(field: Field | None) -> tuple[Unit, ...]:
    if field is None:
        return ()
    units = []
    group = None
    for line in field.lines():
        name = clean_name(line)
        if not name:
            continue
        if field.is_bold(line):
            group = name.rstrip(":")
            continue
        units.append(Unit(name, group))
    return tuple(units)


FIGURE = re.compile(
    r"^(?P<approx>[~≈]|about |some |over |more than |at least |c\. ?|ca\. ?|circa |approx\. |approximately |around |nearly |est\. )?"
    r"(?P<number>\d[\d,]*)(?P<plus>\+)?",
    re.I,
)


def _strength(field: Field | None) -> tuple[tuple[Strength, ...], tuple[str, ...]]:
    if field is None:
        return (), ()
    strength: list[Strength] = []
    equipment: list[str] = []
    in_equipment = False
    for line in field.lines():
        text = clean_name(line)
        if not text:
            continue
        if field.is_bold(line) and text.endswith(":"):
            in_equipment = "equipment" in text.lower()
            continue
        if in_equipment:
            equipment.append(text)
        else:
            strength.append(_strength_line(text))
    return tuple(strength), tuple(equipment)


def _strength_line(text: str) -> Strength:
    match = FIGURE.match(text)
    if not match:
        return Strength(text, None, None)
    value = int(match.group("number").replace(",", ""))
    lead = (match.group("approx") or "").strip().lower()
    if match.group("plus") or lead == "at least":
        qualifier = "at_least"
    elif lead in ("over", "more than"):
        qualifier = "more_than"
    elif lead:
        qualifier = "approx"
    else:
        qualifier = "exact"
    return Strength(text, value, qualifier)


def clean_name(line: str) -> str:
    """A party or person as written, without flag, bullet, emphasis or "(alleged ...)"."""
    text = FLAG.sub("", line)
    text = BULLET.sub("", text)
    text = ALLEGED.sub(" ", text)
    return " ".join(text.replace("**", "").split())


def _flag(line: str) -> str | None:
    match = FLAG.search(line)
    return match.group() if match else None


def country_of_flag(flag: str) -> str | None:
    """The country a flag emoji shows (🇦🇿 → "Azerbaijan"), else the ISO 3166 code it spells;
    None for a flag that spells no code."""
    if not re.fullmatch(r"[\U0001F1E6-\U0001F1FF]{2}", flag):
        return None
    code = "".join(chr(ord(char) - 0x1F1E6 + ord("A")) for char in flag)
    return _countries_by_code().get(code, code)


# ISO 3166 alpha-2 codes of the world list's countries (nations.WORLD), by their names there.
COUNTRY_CODES = """
AF Afghanistan|AL Albania|DZ Algeria|AD Andorra|AO Angola|AG Antigua and Barbuda|AR Argentina|AM Armenia
AU Australia|AT Austria|AZ Azerbaijan|BS Bahamas|BH Bahrain|BD Bangladesh|BB Barbados|BY Belarus|BE Belgium
BZ Belize|BJ Benin|BT Bhutan|BO Bolivia|BA Bosnia and Herzegovina|BW Botswana|BR Brazil|BN Brunei|BG Bulgaria
BF Burkina Faso|BI Burundi|KH Cambodia|CM Cameroon|CA Canada|CV Cape Verde|CF Central African Republic|TD Chad
CL Chile|CN China|CO Colombia|KM Comoros|CD Democratic Republic of the Congo|CG Republic of the Congo
CR Costa Rica|HR Croatia|CU Cuba|CY Cyprus|CZ Czech Republic|DK Denmark|DJ Djibouti|DM Dominica
DO Dominican Republic|TL East Timor|EC Ecuador|EG Egypt|SV El Salvador|GQ Equatorial Guinea|ER Eritrea
EE Estonia|SZ Eswatini|ET Ethiopia|FJ Fiji|FI Finland|FR France|GA Gabon|GM Gambia|GE Georgia|DE Germany
GH Ghana|GR Greece|GD Grenada|GT Guatemala|GN Guinea|GW Guinea-Bissau|GY Guyana|HT Haiti|HN Honduras
HU Hungary|IS Iceland|IN India|ID Indonesia|IR Iran|IQ Iraq|IE Ireland|IL Israel|IT Italy|CI Ivory Coast
JM Jamaica|JP Japan|JO Jordan|KZ Kazakhstan|KE Kenya|KI Kiribati|XK Kosovo|KW Kuwait|KG Kyrgyzstan|LA Laos
LV Latvia|LB Lebanon|LS Lesotho|LR Liberia|LY Libya|LI Liechtenstein|LT Lithuania|LU Luxembourg
MG Madagascar|MW Malawi|MY Malaysia|MV Maldives|ML Mali|MT Malta|MH Marshall Islands|MR Mauritania
MU Mauritius|MX Mexico|FM Micronesia|MD Moldova|MC Monaco|MN Mongolia|ME Montenegro|MA Morocco
MZ Mozambique|MM Myanmar|NA Namibia|NR Nauru|NP Nepal|NL Netherlands|NZ New Zealand|NI Nicaragua|NE Niger
NG Nigeria|KP North Korea|MK North Macedonia|NO Norway|OM Oman|PK Pakistan|PW Palau|PS Palestine|PA Panama
PG Papua New Guinea|PY Paraguay|PE Peru|PH Philippines|PL Poland|PT Portugal|QA Qatar|RO Romania|RU Russia
RW Rwanda|KN Saint Kitts and Nevis|LC Saint Lucia|VC Saint Vincent and the Grenadines|WS Samoa
SM San Marino|ST Sao Tome and Principe|SA Saudi Arabia|SN Senegal|RS Serbia|SC Seychelles|SL Sierra Leone
SG Singapore|SK Slovakia|SI Slovenia|SB Solomon Islands|SO Somalia|ZA South Africa|KR South Korea
SS South Sudan|ES Spain|LK Sri Lanka|SD Sudan|SR Suriname|SE Sweden|CH Switzerland|SY Syria|TW Taiwan
TJ Tajikistan|TZ Tanzania|TH Thailand|TG Togo|TO Tonga|TT Trinidad and Tobago|TN Tunisia|TR Turkey
TM Turkmenistan|TV Tuvalu|UG Uganda|UA Ukraine|AE United Arab Emirates|GB United Kingdom|US United States
UY Uruguay|UZ Uzbekistan|VU Vanuatu|VA Vatican City|VE Venezuela|VN Vietnam|YE Yemen|ZM Zambia|ZW Zimbabwe
"""


@lru_cache(maxsize=1)
def _countries_by_code() -> dict[str, str]:
    entries = (entry.split(" ", 1) for entry in COUNTRY_CODES.replace("\n", "|").split("|") if entry.strip())
    return {code: name for code, name in entries}
