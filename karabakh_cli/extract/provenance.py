"""Where a fact is on Wikipedia: the article's URL and a section's anchor, as Wikipedia forms them."""

from __future__ import annotations

from urllib.parse import quote

from .document import Section, text_value

WIKI = "https://en.wikipedia.org/wiki/"
# What MediaWiki leaves unescaped in a page's URL (wfUrlencode), besides letters, digits and -_.~
TITLE_SAFE = ";@$!*(),/~:"
# What a URL fragment may hold as it is (RFC 3986), besides letters, digits and -_.~
FRAGMENT_SAFE = "!$&'()*+,;=:@/?"


def article_url(frontmatter: dict, title: str) -> str | None:
    """The frontmatter's `url` (or `source`) when it gives a web address, else the English
    Wikipedia page of the title: spaces as underscores, the first letter upper case,
    percent-encoded as MediaWiki does; None without either."""
    for key in ("url", "source"):
        given = text_value(frontmatter.get(key)).strip()
        if given.startswith(("https://", "http://")):
            return given
    name = "_".join(title.split())
    if not name:
        return None
    return WIKI + quote(name[0].upper() + name[1:], safe=TITLE_SAFE)


def section_anchors(sections: tuple[Section, ...]) -> dict[str, str]:
    """Section path -> `#anchor` of its heading as Wikipedia forms it: the heading's text with
    whitespace runs as one underscore, a repeated heading numbered `_2`, `_3`… in page order,
    percent-encoded so that decoding gives the heading's id. The lead (the first section) has
    no heading: a fact there is cited by the URL alone. A path two headings share has None: a
    sentence knows its path only, so which of the two it is under is unknown."""
    anchors: dict[str, str | None] = {}
    taken: set[str] = set()
    for section in sections[1:]:
        base = "_".join(section.title.split())
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}_{number}"
        taken.add(anchor)
        anchors[section.path] = None if section.path in anchors else "#" + quote(anchor, safe=FRAGMENT_SAFE)
    return anchors
