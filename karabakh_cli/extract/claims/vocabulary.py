"""The words and patterns claims are read with: victims, categories of loss, equipment,
reporting verbs, sources, places and attackers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..figures import WORD_VALUES, LazyRegex
from ..nations import nations


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

AFTER_DIRECT = LazyRegex(
    rf"(?:\s+(?:{AUX}))*\s+(?P<word>{CATEGORY_AFTER}|{STATUS_WORD})(?![\w-]){NOT_A_COUNT}"
)
AFTER_SKIPPING = LazyRegex(
    rf"(?:\s+(?!(?:{AUX})\b)[^\s\d,;.]+){{1,8}}?\s+(?:were|was|are|is|had|have|has|went)"
    rf"(?:\s+(?:{AUX}))*\s+(?P<word>{CATEGORY_AFTER})(?![\w-]){NOT_A_COUNT}"
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
# "killed or wounded": a count of two categories at once, which is none of them (see _mixed)
MIXED_WORD = r"killed|dead|died|deaths|wounded|injured|missing|captured|executed"
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
