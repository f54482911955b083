"""Entities, sources: names from the infobox, the world list of countries, the war's names,
named events, and what the prose states ("X (ACRONYM)", "X, known as Y")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..nations import nation_of, nations
from ..textnorm import fold
from .words import (
    CONNECTORS,
    STOPWORDS,
    TITLES,
    Token,
    Vocabulary,
    head_type,
    is_acronym,
    is_country,
    is_name_word,
    key_of,
    name_key,
    raw_runs,
    singular,
    stretches,
    surface,
    tokenize,
    trimmed,
    without_qualifier,
)
from .drafts import Draft, Registry


# --- the infobox -------------------------------------------------------------------------

PARTY_ROLES = {
    "combatant": "belligerent of side {side}",
    "alleged": "alleged belligerent of side {side}",
    "supporter": "supporter of side {side}",
    "arms supplier": "arms supplier of side {side}",
    "volunteers": "volunteers on side {side}",
}
# The strongest role of a party listed more than once ("alleged" and "supporter").
ROLE_STRENGTH = ("combatant", "alleged", "volunteers", "supporter", "arms supplier")


def from_sides(registry: Registry, sides, vocabulary: Vocabulary) -> None:
    """Parties, commanders, units and equipment of each infobox column."""
    for side in sides:
        for party in side.parties:
            _add_party(registry, party, side.side, vocabulary)
        for commander in side.commanders:
            role = f"commander of side {side.side}" + (f" ({commander.country})" if commander.country else "")
            _add_infobox(registry, commander.name, "person", commander.page, role, side.side)
        for unit in side.units:
            role = f"unit of {unit.group} (side {side.side})" if unit.group else f"unit of side {side.side}"
            kind = head_type(name_key(unit.name) or ("",)) or "organization"
            _add_infobox(registry, unit.name, kind, None, role, side.side)
        for line in side.equipment:
            for name in _equipment_names(line, vocabulary):
                _add_infobox(registry, name, "weapon", None, f"equipment of side {side.side}", side.side)


def _add_party(registry: Registry, party, side: int, vocabulary: Vocabulary) -> None:
    page = party.page
    flag_page = page is not None and page == page.lower() and fold(page) == fold(party.name)
    if flag_page:
        page = party.name
    name = party.name if _is_proper_phrase(party.name, vocabulary) or page is None else page
    if flag_page or is_country(name):
        kind = "country"
    else:
        kind = head_type(name_key(name) or ("",)) or _party_kind(name)
    role = PARTY_ROLES.get(party.role, party.role + " of side {side}").format(side=side)
    if party.note:
        role += f" ({party.note})"
    draft = _add_infobox(registry, name, kind, page, role, side)
    if party.role not in draft.party_roles:
        draft.party_roles.append(party.role)


def _party_kind(name: str) -> str:
    """A belligerent that is no country and has no head word is an armed group, unless the
    infobox describes it ("Dorn volunteers") or names a land by its people ("Velkan Dornia")."""
    words = without_qualifier(name).split()  # "Dorn Front (Velk)": a faction
    if not words[-1][:1].isupper():
        return "other"
    nation = nation_of(words[0])
    if len(words) == 2 and nation is not None and words[0] in nation.demonyms:
        return "place"
    return "organization"


def _add_infobox(registry: Registry, name: str, kind: str, page: str | None, role: str, side: int | None) -> Draft:
    draft = registry.add(name)
    draft.name = draft.name or name
    draft.type = draft.type or kind
    draft.page = draft.page or page
    draft.keep = True
    draft.weak = False
    if role not in draft.roles:
        draft.roles.append(role)
    if side is not None:
        draft.sides.add(side)
    return draft


def _equipment_names(line: str, vocabulary: Vocabulary) -> list[str]:
    runs = (trimmed(run, vocabulary) for stretch in stretches(line) for run in raw_runs(line, stretch))
    return [singular(surface(line, run), vocabulary.words) for run in runs if run]


def _is_proper_phrase(text: str, vocabulary: Vocabulary) -> bool:
    """Whether link text or a party is a name ("SOHR", "Nakhchivan"), not words ("Casualties")."""
    tokens = tokenize(text)
    if not tokens or not all(is_name_word(t.text) or t.key in CONNECTORS for t in tokens):
        return False
    return len(tokens) > 1 or vocabulary.proper(tokens[0])


def from_links(registry: Registry, infobox, vocabulary: Vocabulary) -> None:
    """Pages the infobox links to; link text that is itself a name becomes an alias."""
    if infobox is None:
        return
    for field_name, fld in infobox.fields.items():
        for link in fld.links:
            page = link.page
            if page is not None and _agreement_phrase(link.text, page):
                _add_agreement(registry, page, link.text)
                continue
            if page is None or ":" in page or not page[:1].isupper():
                continue
            draft = registry.get(page) or registry.get(link.text)
            draft = registry.add(page, draft, count=0)
            draft.page = draft.page or page
            if field_name in ("place", "location") or (field_name == "territory" and _place_name(link.text)):
                draft.votes["place"] += 3
                draft.keep = True  # where the war was fought or what changed hands, named or not in the prose
            if link.text != page and _is_proper_phrase(link.text, vocabulary):
                registry.add(link.text, draft, count=0)


def _place_name(text: str) -> bool:
    """Link text of the infobox's territory that names a place: one capitalised word, or a name
    with a place's head word ("Dorn–Velk border"), not a phrase ("Status quo ante bellum")."""
    key = name_key(text)
    return text[:1].isupper() and (len(key) == 1 or head_type(key) == "place")


# Words for the agreement that ends a war: "the ceasefire agreement", "the armistice".
AGREEMENT_WORDS = frozenset("agreement agreements armistice ceasefire truce accord accords treaty".split())


def _agreement_phrase(text: str, page: str) -> bool:
    """Link text that is a common noun for an agreement and ends the page's name: "Ceasefire
    agreement" for "1994 Dorn ceasefire agreement"."""
    key = name_key(text)
    return bool(key) and key[-1] in AGREEMENT_WORDS and name_key(page)[-len(key) :] == key and text[1:] == text[1:].lower()


def _add_agreement(registry: Registry, page: str, text: str) -> None:
    """The infobox's agreement is what the prose calls "the ceasefire agreement"."""
    draft = registry.add(page, registry.get(page), count=0)
    draft.page = draft.page or page
    draft.name = draft.name or page
    draft.type = draft.type or "other"
    phrase = text.lower()
    registry.add(phrase, draft, count=0)
    registry.phrases.add(phrase)


def from_gazetteer(registry: Registry, vocabulary: Vocabulary) -> None:
    """Countries of the general world list that the document names, under each name it uses."""
    for nation in {id(n): n for n in nations().values()}.values():
        demonyms = {fold(d) for d in nation.demonyms}
        present = [name for name in nation.names if fold(name) not in demonyms and _written(name, vocabulary)]
        if not present:
            continue
        draft = next((registry.get(name) for name in present if registry.get(name)), None)
        if draft is None:  # named as written, should the prose only open sentences with it
            draft = registry.add(present[0], count=0)
            draft.weak = True
        draft.type = draft.type or "country"
        for name in present:
            registry.add(name, draft, spelling=False)


def _written(name: str, vocabulary: Vocabulary) -> bool:
    """Whether the document writes a name, capitalised, somewhere."""
    key = name_key(name)
    if len(key) == 1:
        return key[0] in vocabulary.words and key[0] not in vocabulary.lower
    return key in vocabulary.phrases


def state_names(registry: Registry, vocabulary: Vocabulary) -> None:
    """ "Republic of X", "X Republic" and "Kingdom of X" are the country X where the document
    says so."""
    for draft in list(registry.drafts):
        if draft.type != "country":
            continue
        for name in list(draft.spellings):
            for form in (f"Republic of {name}", f"{name} Republic", f"Kingdom of {name}"):
                if name_key(form) in vocabulary.phrases:
                    registry.add(form, draft, count=0)
        if not draft.spellings:  # a country of the world list: its names are keys only
            for key in [key for key, owner in registry.by_key.items() if owner is draft]:
                for form in (("republic", "of", *key), (*key, "republic"), ("kingdom", "of", *key)):
                    if form in vocabulary.phrases:
                        registry.add(" ".join(word.capitalize() for word in form), draft, spelling=False)


def from_war_names(registry: Registry, names: Iterable[tuple[str, str | None]]) -> None:
    """The war itself: the article's title (when it names a war, battle or operation) and the
    names it gives the war, with their native spellings, as one entity (listed when the prose
    names it). In an article about a war, an operation's code name is an event of its own
    ("Operation Iron Fist"), also found without "Operation"."""
    written = [(name, native) for name, native in dict.fromkeys(names) if name[:1].isupper() or name[:1].isdigit()]
    if not written or head_type(name_key(written[0][0]) or ("",)) != "other":
        return  # the article is not about a war, a battle or an operation
    title = written[0][0]
    war = registry.add(title, count=0)
    war.name = war.name or title
    war.type = war.type or "other"
    about_operation = name_key(title)[0] == "operation"
    for name, native in written:
        key = name_key(name)
        if key in registry.by_key and registry.by_key[key] is not war and registry.by_key[key].keep:
            continue  # a name of another entity of the infobox
        operation = key[0] == "operation" and len(key) > 1
        draft = war if about_operation or not operation else registry.add(name, count=0)
        draft.type = draft.type or "other"
        for alias in _names_of(name, native, operation):
            registry.add(alias, draft, count=0)
            if not all(word[:1].isupper() for word in alias.split()):
                registry.phrases.add(alias)  # "the 2006 Velk War": no run holds the year


def _names_of(name: str, native: str | None, operation: bool) -> list[str]:
    """A name, its code name without "Operation", its native spelling and that spelling's
    capitalised words ("İkinci Qarabağ" of "İkinci Qarabağ müharibəsi")."""
    names = [name] + ([name.split(" ", 1)[1]] if operation else [])
    if native:
        capitalised = _capitalised_words(native)
        names += [native] + ([capitalised] if capitalised != native and " " in capitalised else [])
    return names


def _capitalised_words(name: str) -> str:
    """A name's words up to its first lower-case one: how the prose's capitalised stretches
    find a native name ("Velka Vojna" of "Velka Vojna rata")."""
    words = name.split(" ")
    end = next((i for i, word in enumerate(words) if not word[:1].isupper()), len(words))
    return " ".join(words[:end])


EVENT_AFTER_PLACE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+) (massacre|pogrom|genocide|uprising)\b")
# "the 2016 Dorn–Velk clashes", "the 2008 post-election unrest": a year, names (or a "post-",
# "pre-" or "anti-" word) and a lowercase word for an event name one event.
EVENT_NOUNS = (
    "war|conflict|clashes|crisis|unrest|protests|offensive|escalation|uprising|revolution|referendum|elections?|coup"
    "|insurgency"
)
YEAR_EVENT = re.compile(  # the year's first digit leads, so the engine can skip ahead to it
    rf"(?:1[5-9]|20)\d\d (?:(?:[A-Z][\w'’–-]*|(?:post|pre|anti)-[a-z]+) ){{1,4}}(?:{EVENT_NOUNS})\b"
)
WORD_BEFORE = re.compile(r"[\w'’-]")
# A route between named places and what runs along it: "the Dorn–Velk–Arno pipeline". Most
# texts have no such noun: a quick look first. (The capital before the lookbehind lets the
# regex engine skip ahead to capitals.)
ROUTE_NOUN = re.compile(r" (?:pipeline|railway|railroad|highway|motorway|canal)\b")
ROUTE = re.compile(r"[A-Z](?<![\w'’-].)\w+(?:[–-][A-Z]\w+)+ (?:pipeline|railway|railroad|highway|motorway|canal)\b")


def from_events(registry: Registry, texts: list[str], vocabulary: Vocabulary) -> None:
    """ "the Dorn massacre": a place's name and a lowercase word for an event name the event;
    so do a year, names and such a word ("the 2016 Dorn clashes"); "the Dorn–Velk pipeline": a
    route's places and what runs along it name a place; a quoted name with a head word is one
    name ("an interim "Dorn Unity Council"")."""
    for text in texts:
        for match in EVENT_AFTER_PLACE.finditer(text):
            word, event = match.groups()
            key = fold(word)
            if key in STOPWORDS or key in vocabulary.lower or not is_name_word(word):
                continue
            if nation_of(word) and not (event == "genocide" and text.endswith("the ", 0, match.start())):
                continue  # "a Peruvian massacre" is any massacre; "the Peruvian genocide" is one
            draft = registry.add(match.group(0))
            draft.type = draft.type or "other"
        for match in YEAR_EVENT.finditer(text):
            if not (match.start() and WORD_BEFORE.match(text, match.start() - 1)):  # "12016 ..." is no year
                _add_event(registry, match.group(0))
        for match in QUOTED_TITLE.finditer(text) if '"' in text or "“" in text else ():
            if head_type(name_key(match.group(1))):
                registry.add(match.group(1))
        for match in ROUTE.finditer(text) if ROUTE_NOUN.search(text) else ():
            draft = registry.add(match.group(0))
            draft.type = draft.type or "place"


# A name set in italics, as Wikipedia sets papers, channels and other works: "_Le Monde_",
# "*France 24*"; not a word of a link or file name ("file/A_B_C.jpg").
ITALIC = re.compile(r"(?<![\w*])([_*])([A-Z](?:[^\W_]|[ '’&.-]){0,60}?)\1(?![\w*])")


def italic_names(body: str) -> list[str]:
    """Names the Markdown body sets in italics outside brackets, every word capitalised or a
    number: papers, channels, agencies ("_Dorn Courier_", "_Velk 24_"); not foreign phrases
    ("_persona non grata_"), nicknames ("_the Verdun of Dorn_") or native spellings in brackets."""
    names = []
    for match in ITALIC.finditer(body):
        name = match.group(2).strip()
        words = name.split()
        if not all(word[:1].isupper() or word.isdigit() for word in words) or len(words) > 5:
            continue
        line_start = body.rfind("\n", 0, match.start()) + 1
        if body.count("(", line_start, match.start()) > body.count(")", line_start, match.start()):
            continue  # "(Dornish: _Velika Vojna_)": a native spelling
        names.append(name)
    return list(dict.fromkeys(names))


def from_italics(registry: Registry, names: Iterable[str]) -> None:
    """A new name set in italics is a body (a paper, a channel, an agency), found wherever the
    text writes it; a title word alone is no name, and a name with a head word ("_Operation
    Dorn_") or opening on an acronym ("_HMS Dorn_", a ship) is left to what the prose says."""
    for name in names:
        key = name_key(name)
        opens_on_acronym = len(key) > 1 and is_acronym(name.split()[0])
        if not key or key in registry.by_key or key[0] in TITLES or head_type(key) or opens_on_acronym:
            continue
        registry.add(name, count=0).votes["organization"] += 2
        registry.phrases.add(name)


# Lists of articles, not things: "List of wars", "Timeline of the war".
LIST_TITLE = re.compile(r"(?:List|Lists|Timeline|Outline|Index|Bibliography|Glossary) of ")
COURT_CASE = re.compile(r" v\.? ")  # "Peru v. Chile"


def from_see_also(registry: Registry, sentences) -> None:
    """Each item of the "See also" section that ends an article is the title of an article: a
    named event, body or place ("2012 Dorn border crisis"), listed even where the prose cannot
    find it ("Peru v. Chile"); lists are not."""
    for i in range(len(sentences) - 1, -1, -1):
        sentence = sentences[i]
        if sentence.section.lower() != "see also":
            break
        title = sentence.text.strip()
        written_as_title = title[:1].isupper() or title[:1].isdigit()
        if not written_as_title or LIST_TITLE.match(title) or len(title.split()) > 12:
            continue
        key = name_key(title)
        if key in registry.by_key:
            continue
        kind = "other" if COURT_CASE.search(title) else head_type(key) or "other"
        _add_event(registry, title, kind).keep = True  # "Peru v. Chile": no run holds it


# A quoted name whose every word is capitalised, such as an interim "Dorn Unity Council": its
# first word, opening the quotation, is a word of the name.
QUOTED_TITLE = re.compile(r"[\"“]([A-Z][\w'’-]*(?: (?:(?:of|for|on|and|the) )*[A-Z][\w'’-]*){1,5})[\"”]")


def _add_event(registry: Registry, name: str, kind: str = "other") -> Draft:
    """An event (or a thing) whose name has lowercase words, found wherever the text writes it."""
    draft = registry.add(name)
    draft.type = draft.type or kind
    if any(not word[:1].isupper() for word in name.split()):
        registry.phrases.add(name)
    return draft


# A name written in two halves around a spaced dash: "the Assistance Publique – Hôpitaux de
# Paris, who": each half two to four capitalised words (or connectors), a mark after it.
DASHED_HALF = r"[A-Z\u00C0-\u024F][\w'’-]+(?: (?:(?:de|du|des|of|la) )?[A-Z\u00C0-\u024F][\w'’-]+){1,3}"
DASHED_NAME = re.compile(rf"\bthe ({DASHED_HALF}) [–—] ({DASHED_HALF})(?=[,.;)])")


def from_dashed_names(registry: Registry, texts: list[str]) -> None:
    """A name whose halves are no names of their own, have no head word and no country: an
    institution written "X – Y". A dash between known names or places is a range or an aside."""
    for text in texts:
        if " – " not in text and " — " not in text:
            continue
        for match in DASHED_NAME.finditer(text):
            halves = [name_key(half) for half in match.groups()]
            if any(key in registry.by_key or head_type(key) or any(map(nation_of, key)) for key in halves):
                continue
            name = match.group(0)[len("the ") :]
            registry.add(name).votes["organization"] += 1
            registry.phrases.add(name)


# --- what the prose states: acronyms and other names ------------------------------------

PAREN = re.compile(r" \(([^()]{1,60})\)")
KNOWN_AS = re.compile(r",? (?:also |otherwise |locally )?known (?:to [\w ]{1,40}? )?as ")


def from_statements(registry: Registry, texts: list[str], runs: list[list[list[Token]]]) -> None:
    """ "X (ACRONYM)", "X (Y)" and "X, known to ... as Y" give names of one entity."""
    for text, sentence_runs in zip(texts, runs):
        starts = {run[0].start: run for run in sentence_runs}
        for run in sentence_runs:
            paren = PAREN.match(text, run[-1].end)
            if paren and is_acronym(paren.group(1)):
                _add_acronym(registry, text, run, paren.group(1))
            elif paren and paren.start() + 2 in starts and not _continues(text, paren.end()):
                _add_alias(registry, text, run, starts[paren.start() + 2], paren.group(1))
            known_as = KNOWN_AS.match(text, run[-1].end)
            if known_as and known_as.end() in starts:
                other = starts[known_as.end()]
                _add_alias(registry, text, run, other, surface(text, other))


def _continues(text: str, end: int) -> bool:
    """Whether a name goes on after a bracket: "the Nagorno-Karabakh (Artsakh) Foreign Ministry"."""
    return text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()


def _add_acronym(registry: Registry, text: str, run: list[Token], acronym: str) -> None:
    expansion = acronym_expansion(run, fold(acronym))
    if expansion is not None:
        draft = registry.add(surface(text, expansion))
        registry.add(acronym, draft, count=0)


def acronym_expansion(run: list[Token], letters: str) -> list[Token] | None:
    """The shortest end of `run` whose initials spell `letters` ("of", "the" may be skipped)."""
    for start in range(len(run) - 2, -1, -1):
        words = run[start:]
        if words[0].key in CONNECTORS or words[0].key in TITLES:
            continue
        if spells(key_of(words), letters):
            return words
    return None


# Words an acronym may skip besides connectors: "ISIL", "OSCE" ("Security and Co-operation in").
ACRONYM_SKIPS = CONNECTORS | {"and", "in", "&"}


def spells(words: tuple[str, ...], letters: str) -> bool:
    if not words:
        return not letters
    head, rest = words[0], words[1:]
    if head in ACRONYM_SKIPS and spells(rest, letters):
        return True
    return bool(letters) and head[:1] == letters[0] and spells(rest, letters[1:])


def _add_alias(registry: Registry, text: str, run: list[Token], other: list[Token], written: str) -> None:
    if surface(text, other) != written.strip():
        return
    draft = registry.add(surface(text, run))
    existing = registry.by_key.get(key_of(other))
    if existing is not None and existing is not draft and existing.keep and draft.keep:
        return  # two entities of the infobox are never one
    registry.add(written.strip(), draft)
