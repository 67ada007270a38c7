"""What a paragraph of scraped text is: body, title, heading, caption, marker, byline, dateline
or separator. Pure functions of one paragraph's text, so each rule is tested alone."""

from __future__ import annotations

import re
from enum import StrEnum

from .dates import find_full_dates
from .lexicon import credit_names, credit_pattern, marker_pattern

_SENTENCE_END = re.compile(r"""[.!?:;,…]["'”’»)\]]*\Z""")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SEPARATOR = re.compile(r"[-–—_*=~#•·.+ ]{3,}\Z")
_BYLINE = re.compile(
    r"(?:[Bb]y|BY|[Ff]rom|FROM)\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)"
    r"(?:\s*[,|/]\s*[\w .'’-]{1,40})?\Z",
)
_SMALL_WORDS = frozenset(
    (
        "a an and as at but by for from in into of off on onto or over per the to up via vs with after "
        "before under amid about is are be was were its it his her their than that"
    ).split()
)


class Kind(StrEnum):
    BODY = "body"
    TITLE = "title"  # a title-like line: short, no closing punctuation (may turn out a heading)
    HEADING = "heading"  # an all-capitals section heading
    CAPTION = "caption"
    MARKER = "marker"
    BYLINE = "byline"
    DATELINE = "dateline"
    SEPARATOR = "separator"


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text))


def is_marker(text: str) -> bool:
    return bool(marker_pattern().match(text.strip()))


def _may_end_with_credit(text: str) -> bool:
    """Whether ``text`` has what every form of :func:`credit_pattern` needs: a "/" or a ":"
    somewhere, or a ")" followed by nothing but an optional full stop and white space. The pattern
    is anchored at the end, so ``search`` tries it at every character: on a body paragraph
    without these characters this test says no much faster."""
    if "/" in text or ":" in text:
        return True
    end = text.rstrip()
    if end.endswith("."):
        end = end[:-1].rstrip()
    return end.endswith(")")


def split_credit(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``text`` ends with a photo or wire credit, else None."""
    m = credit_pattern().search(text) if _may_end_with_credit(text) else None
    if not m:
        return None
    credit = (m.group("paren") or m.group("label") or m.group("slash") or "").strip()
    for name in credit_names():  # prefer the agency's own spelling: "AP Photo/Jane Doe" -> "AP"
        if credit.lower().startswith(name.lower()) and name.lower() not in {"file", "pool", "photo"}:
            credit = name if len(credit) == len(name) else credit
            break
    caption = text[: m.start()].rstrip(" -–—|")
    return caption, credit


def is_caption(text: str) -> bool:
    parts = split_credit(text)
    return parts is not None and len(words(parts[0])) >= 3


def upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isupper()) / len(letters)


def is_title_like(text: str) -> bool:
    """A headline or sub-heading: 2 to 30 words, at most 250 characters, no closing sentence
    punctuation, starts with a capital letter, digit or quotation mark."""
    if len(text) > 250:  # (before the words: a body paragraph is not cut into words for this)
        return False
    ws = words(text)
    if not 2 <= len(ws) <= 30:
        return False
    if _SENTENCE_END.search(text):
        return False
    first = text.lstrip("\"'“‘«")[:1]
    return first.isupper() or first.isdigit()


def title_case_ratio(text: str) -> float:
    """Share of content words that start with a capital letter."""
    content = [w for w in words(text) if w.lower() not in _SMALL_WORDS]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()) / len(content)


def is_heading(text: str) -> bool:
    """An in-body section heading: title-like, at most 12 words, and mostly capitals
    (``GAZA SITUATION 'DIRE'``)."""
    return is_title_like(text) and len(words(text)) <= 12 and upper_ratio(text) >= 0.8


def byline_names(text: str) -> list[str] | None:
    """Author names when ``text`` is a byline (``By Jane Doe and John Roe``)."""
    m = _BYLINE.match(text.strip())
    if not m or len(words(text)) > 14:
        return None
    names = re.split(r"\s*(?:,|\band\b|&)\s*", m.group("names"))
    return [n.strip() for n in names if n.strip()]


def is_dateline(text: str) -> bool:
    """A line that is only a date, maybe with a time or weekday (``Saturday, 27 July, 2024 - 10:15``)."""
    if len(text) > 80 or not find_full_dates(text):
        return False
    rest = text
    for _, start, end in find_full_dates(text):
        rest = rest[:start] + " " * (end - start) + rest[end:]
    leftover = [w for w in words(rest) if not w.isdigit()]
    return len(leftover) <= 4


def classify(text: str) -> Kind:
    """The kind of one stripped paragraph."""
    if not text:
        return Kind.MARKER
    if is_separator(text):
        return Kind.SEPARATOR
    if is_marker(text):
        return Kind.MARKER
    if is_caption(text):
        return Kind.CAPTION
    if byline_names(text):
        return Kind.BYLINE
    if is_dateline(text):
        return Kind.DATELINE
    if is_heading(text):
        return Kind.HEADING
    if is_title_like(text):
        return Kind.TITLE
    return Kind.BODY
