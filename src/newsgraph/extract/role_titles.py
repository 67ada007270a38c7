"""Title phrases of roles: the official titles in a text, the words of a title phrase around
them and the country, IGO or party they name, and a title's display text.

:mod:`.role_context` finds where a text gives a person a title phrase; :mod:`.roles` turns the
phrases into roles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.titles import match_title, title_starts
from ..tables import data_lines
from .annotations import TITLE_SPANS, _DocTable, doc_lowers

#: Words that may sit inside the words before a name without ending them; the past participles
#: of losing an office ("ousted", "deposed") stay in the title, whose sector they make ELI (the
#: PLOVER manual's "exiled/ousted officials"; ``sectors.tsv``), whatever the tagger makes of them.
_MODIFIERS = frozenset(
    "deputy acting former then top chief senior interim vice assistant permanent special "
    "the his her their its new outgoing incoming ousted deposed exiled toppled overthrown retired".split()
)
#: Nouns of a race for an office: "the Republican candidate for governor, X" runs for it and does
#: not hold it (the GUIDE: a candidate without office is the party's).
CANDIDACY = frozenset({"candidate", "candidates", "nominee", "nominees", "hopeful", "hopefuls", "contender"})
_OPENING = frozenset({"[", "(", '"', "“", "'", "‘"})
_DETERMINERS = frozenset("the his her their its a an".split())
_CLAUSE_START = frozenset("who which that whose whom where when".split())
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_COUNTERPARTS = frozenset({"counterpart", "counterparts"})


def title_ranges(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The token ``(start, end)`` of every title of :func:`title_spans`, kept per doc: most steps
    ask only where the titles are, and the span group makes a new :class:`Span` per title on each
    read."""
    ranges = _TITLE_RANGES.get(doc)
    if ranges is None:
        ranges = _TITLE_RANGES[doc] = tuple((s.start, s.end) for s in title_spans(doc))
    return ranges


#: :func:`title_ranges` per doc (plain offsets: a value holding a Span would keep its doc alive).
_TITLE_RANGES: _DocTable[tuple[tuple[int, int], ...]] = _DocTable()


@cache
def _openers() -> frozenset[str]:
    """The first words of titles and the counterpart nouns: one set looked up per word."""
    return title_starts() | _COUNTERPARTS


def title_spans(doc: Doc) -> list[Span]:
    """Every official title in ``doc`` (longest match at each position, no overlaps)."""
    if TITLE_SPANS in doc.spans:
        return list(doc.spans[TITLE_SPANS])
    spans: list[Span] = []
    i = 0
    words = doc_lowers(doc)
    starts, openers = title_starts(), _openers()
    # the words a title can start at, found in one pass (most words of a doc are none)
    for k in [k for k, w in enumerate(words) if w in openers or "." in w]:
        if k < i:
            continue  # inside the title before
        w = words[k]
        n = match_title(words[k : k + 8]) if w in starts or w.replace(".", "") in starts else 0
        if not n and w in _COUNTERPARTS:
            n = 1
        if n:
            spans.append(doc[k : k + n])
            i = k + n
    doc.spans[TITLE_SPANS] = spans
    return spans


#: Words a title keeps in lower case ("Senior Editor at Huffington Post").
_SMALL_WORDS = frozenset({"of", "to", "for", "the", "and", "on", "from", "at", "in"})


def display_title(words: Sequence[Token]) -> str:
    """Title text in title case, acronyms and small words kept: "Deputy UN Ambassador"."""
    out = []
    for t in words:
        w = t.text
        if w.isupper() and len(w) > 1:
            out.append(w)
        elif w.lower() in _SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    text = ""
    for n, (t, w) in enumerate(zip(words, out, strict=True)):
        glued = n and (t.text == "-" or words[n - 1].text == "-") and not words[n - 1].whitespace_
        text += w if glued or not n else " " + w  # "Inspector-General" as written
    return text


@dataclass(slots=True)
class _Phrase:
    """Title words with what they say of an affiliation, over tokens ``[i, j)``."""

    i: int
    j: int
    title: str
    affiliation: str | None
    pronoun_counterpart: bool = False
    #: the affiliation comes from a party adjective ("Republican nominee"), not a country or IGO
    by_party: bool = False
    #: a title with no name of its own, given to a later name
    loose: bool = False
    #: the sector of an organisation named among the words (see :attr:`Role.org_sector`)
    org_sector: str | None = None


@cache
def subnational_titles() -> frozenset[str]:
    """Words of offices held for a state, province or city ("governor", "senator", "mayor")."""
    return frozenset(w.strip().lower() for w in data_lines("newsgraph.extract", "subnational_titles.txt"))


#: Words before a country that make it the subject of an office ("envoy on China", "ambassador
#: to China"): the holder serves another country.
_SUBJECT_PREPOSITIONS = frozenset({"on", "to", "for"})


def _place_country(text: str, subnational: bool) -> str | None:
    """The country of a state, province or city named ``text`` in a role: a multi-word one
    ("New Mexico") always, a one-word one that is also a country's name ("Georgia") only for a
    sub-national office ("Niger's ambassador" is Niger's, even in Nigerian news)."""
    if not text[:1].isupper():
        return None
    g = gazetteer()
    code = g.subnational_country(text)
    if code is not None and (" " in text or subnational):
        return code
    if subnational and actors.country_code(text) is not None and not actors.is_adjective(text):
        below = {p.country for p in g.candidates(text) if p.feature in ("admin1", "admin2") and p.country}
        return next(iter(below)) if len(below) == 1 else None
    return None


def _affiliation(
    tokens: Sequence[Token], subnational: bool = False
) -> tuple[str | None, set[int], bool, str | None]:
    """The country (preferred), IGO or party named among ``tokens``, the token indices naming it,
    whether it came from a party, and the sector of the first organisation named (a party's too).
    A state, province or city gives its country ("New Mexico governor", "senator from Georgia"
    for a sub-national office: ``subnational``); a country that is the subject of an office
    ("envoy on China", "the House China committee") is none."""
    country: tuple[str, set[int]] | None = None
    igo: tuple[str, set[int]] | None = None
    party: tuple[str, set[int]] | None = None
    org_sector: str | None = None
    k = 0
    while k < len(tokens):
        found = False
        for n in (4, 3, 2, 1):  # longest name first: "North Korea", "United Nations"
            chunk = tokens[k : k + n]
            if len(chunk) < n:
                continue
            text = " ".join(t.text for t in chunk)
            known_org = actors.organisation(text)  # "The UN" is no town of that name
            place = _place_country(text, subnational) if (n > 1 or subnational) and not known_org else None
            code = place or actors.country_code(text)
            if code and _is_subject(tokens, k, n):
                k += n
                found = True
                break
            if code and country is None:  # a state or city stays in the title: "Texas Governor"
                country = (code, set() if place else {t.i for t in chunk})
            org = known_org if not code else None
            if org and org.sector == "IGO" and _accredited_to(tokens, k, n, org.code):
                k += n  # "ambassador to the UN", "UN ambassador": a country's diplomat, not the UN's
                found = True
                break
            if org and org.code and igo is None:
                igo = (org.code, {t.i for t in chunk})
            pty = actors.party(text) if not (code or org) else None
            if pty and pty.code and party is None:
                party = (pty.code, {t.i for t in chunk})
            named = org or pty
            if org_sector is None and named is not None:
                org_sector = named.sector
            if code or org or pty:
                k += n
                found = True
                break
        if not found:
            k += 1
    chosen = country or igo or party
    if chosen is None:
        return None, set(), False, org_sector
    return chosen[0], chosen[1], chosen is party, org_sector


#: Sectors of an organisation that name a holder's sector better than a generic title: a "NBC
#: executive" is a journalist, a "Pentagon spokesman" military; a government body (GOV) or an
#: intergovernmental one (IGO) says no more than the title ("State Department spokesman").
_OWN_SECTORS = frozenset({"GOV", "IGO"})
#: Title sectors an organisation's sector replaces: none, government, business (an "executive"),
#: party staff (a "strategist" of the Chamber of Commerce is the business lobby's).
_GENERIC = frozenset({"GOV", "BUS", "PTY"})


def role_sector(title: str, org_sector: str | None) -> str | None:
    """The organisation's sector for a holder of ``title`` when it says more than the title: not a
    government or intergovernmental body, and a title with no sector of its own or a generic one
    ("spokesman", "executive"); else None (the title's own sector then applies)."""
    if org_sector is None or org_sector in _OWN_SECTORS:
        return None
    # a firm's or an outlet's former post is still its own ("former chairman of Fox News": JRN); a
    # party named in a former office's title leaves it a former office ("Former Vermont
    # Democratic Governor": ELI, as "former" says before any party)
    words = title.lower().split()
    own = " ".join(w for w in words if w not in LOST_OFFICE) if org_sector != "PTY" else title
    if (
        org_sector == "PTY"
        and actors.sector_of(own) == "GOV"
        and not _PARTY_POSTS.intersection(_WORD.findall(title.lower()))
    ):
        return None  # "Democratic Gov. X": a governor of that party, an office held (GOV)
    return org_sector if actors.sector_of(own) in (None, *_GENERIC) else None


#: Title words of posts a party has as well as a state ("Republican spokesman", "Democratic
#: chairman", "President of Log Cabin Republicans"): with a party named they are the party's
#: (PTY); other state titles a party names are offices held by its members ("Democratic Gov.",
#: "Republican Mayor": GOV).
_PARTY_POSTS = frozenset(
    "chairman chair chairwoman chairperson spokesman spokeswoman spokesperson adviser advisor aide "
    "aides official officials leader leaders strategist operative director head member members "
    "staffer organizer executive chief consultant president".split()
)
_WORD = re.compile(r"[a-z]+")


#: Words before a title that say its office is lost ("former chairman of Fox News": the network's
#: former chairman, whose title's own sector is the chairman's; "Former House Speaker", "Ousted
#: Prime Minister": the PLOVER manual's former, exiled and ousted officials, ELI; "Retired Army
#: General": no longer in "the government or armed forces", the manual's ELI too).
LOST_OFFICE = frozenset({"former", "ex", "ousted", "deposed", "exiled", "toppled", "overthrown", "retired"})


#: Words after the UN's name that make the holder a country's diplomat to it ("UN ambassador").
ENVOY_NOUNS = frozenset({"ambassador", "ambassadors"})


def _accredited_to(tokens: Sequence[Token], k: int, n: int, code: str) -> bool:
    """Whether the intergovernmental body at ``tokens[k:k+n]`` (of PLOVER ``code``) is the one a
    country's diplomat is sent to: "ambassador to the UN", "envoy to NATO", "deputy UN ambassador"
    (the UN has no ambassadors of its own; a "UN envoy", "UN political chief" or "UN spokesman"
    is the UN's, and the EU's or NATO's ambassador is theirs: "the EU ambassador to China")."""
    before = [t.lower_ for t in tokens[max(0, k - 2) : k]]
    if before[-1:] == ["the"]:
        before = before[:-1]
    after = tokens[k + n].lower_ if k + n < len(tokens) else ""
    return before[-1:] == ["to"] or (code == "UNO" and after in ENVOY_NOUNS)


@cache
def portfolio_nouns() -> frozenset[str]:
    """Title nouns a country's name before them is the portfolio of ("Russia adviser", "Ukraine
    envoy": ``portfolio_nouns.txt``)."""
    return frozenset(w.strip().lower() for w in data_lines("newsgraph.extract", "portfolio_nouns.txt"))


def _is_subject(tokens: Sequence[Token], k: int, n: int) -> bool:
    """Whether the country at ``tokens[k:k+n]`` is what an office deals with, not whom it serves;
    a country's name (not its adjective) right before a portfolio noun is one too ("White House
    Russia adviser"), unless a word before it makes it the holder's own ("Ukraine's", "Russian")."""
    before = tokens[k - 1].lower_ if k else ""
    after = tokens[k + n].lower_ if k + n < len(tokens) else ""
    if after in portfolio_nouns():
        text = " ".join(t.text for t in tokens[k : k + n])
        short = "." in text or text.isupper()  # "U.S. envoy", "UK adviser": the holder's own
        return not short and not actors.is_adjective(text) and actors.country_code(text) is not None
    return before in _SUBJECT_PREPOSITIONS or after in actors.subject_nouns()


#: Words of an age ("26-year-old") and other words that are never part of a title.
_NOT_TITLE = frozenset({"year", "years", "old", "aged", "age"})
#: Words that carry a title on after its head: "Chairman of the House China Committee".
_TITLE_LINKS = frozenset({"of", "for", "to", "on", "at", "from", "-"})
#: Words a title may not end on once its affiliation is taken out ("Senator from [Georgia]").
_DANGLING = frozenset({"of", "from", "for", "to", "on", "in", "at", "and", "-", "&"})


def _title_words(
    tokens: Sequence[Token], inside: list[Span], drop: set[int], names: frozenset[int]
) -> list[Token]:
    """The title phrase among ``tokens``: the first title with the modifiers right before it
    ("deputy", "Democratic") and what follows it, without the affiliation (``drop``), other
    people's names (``names``), numbers, ages and punctuation; no preposition at either end."""
    kept = [
        t
        for t in tokens
        if t.i not in drop
        and t.i not in names
        and t.text not in _POSSESSIVE
        and t.lower_ not in _DETERMINERS
        and t.lower_ not in _NOT_TITLE
        and not t.like_num
        and (t.is_alpha or t.text in ("-", "&") or "." in t.text)
    ]
    head = inside[0].start
    at = next((n for n, t in enumerate(kept) if t.i >= head), len(kept))
    lo = at
    while 0 < lo < len(kept):  # modifiers right before the title, with no gap
        t = kept[lo - 1]
        gap = t.doc[t.i + 1 : kept[lo].i]  # only the affiliation between: "deputy [UN] ambassador"
        if any(g.i not in drop and g.text not in _POSSESSIVE and g.lower_ not in _DETERMINERS for g in gap):
            break
        bridge = t.lower_ == "of" and lo >= 2 and kept[lo - 2].pos_ == "PROPN" == kept[lo].pos_
        if t.lower_ not in _MODIFIERS and t.pos_ not in ("ADJ", "NOUN", "PROPN") and not bridge:
            break  # "of" only between two names: "House of Representatives Speaker"
        lo -= 1
    hi = next((n for n, t in enumerate(kept) if t.i >= inside[0].end), len(kept))
    if hi < len(kept) and kept[hi].lower_ not in _TITLE_LINKS:
        kept = kept[:hi]  # "Rep [Announces Bill]": only "of ...", "for ...", "to ..." go on a title
    words = kept[lo:]
    while words and (words[0].lower_ in _DANGLING or words[0].pos_ == "ADP"):
        words = words[1:]
    while words and words[-1].lower_ in _DANGLING:
        words = words[:-1]
    return words


def _phrase(
    tokens: Sequence[Token], titles: list[Span], names: frozenset[int] = frozenset()
) -> _Phrase | None:
    """A role phrase over ``tokens`` when they hold a title."""
    if not tokens:
        return None
    lo, hi = tokens[0].i, tokens[-1].i + 1
    inside = [s for s in titles if lo <= s.start and s.end <= hi]
    if not inside:
        return None
    subnational = any(t.lower_ in subnational_titles() for s in inside for t in s)
    code, used, by_party, org_sector = _affiliation(tokens, subnational)
    title = display_title(_title_words(tokens, inside, used, names)).strip()
    counterpart = any(t.lower_ == "counterpart" for t in tokens)
    sector = role_sector(title, org_sector) or ("JUD" if _state_attorney(inside) else None)
    return _Phrase(lo, hi, title, code, counterpart, by_party, org_sector=sector)


def _state_attorney(inside: list[Span]) -> bool:
    """Whether a title is "attorney" right after its country's name ("U.S. Attorney X", "Assistant
    United States Attorney"): the state's prosecutor (JUD), not a private lawyer (CVL), whom no
    country's name opens; an attorney general keeps the table's sector."""
    for span in inside:
        for t in span:
            if t.lower_ != "attorney" or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "general"):
                continue
            before = (t.doc[max(0, t.i - n) : t.i].text for n in (1, 2))
            if any(actors.country_code(b) and not actors.party(b) for b in before):
                return True
    return False


def display_title_text(text: str) -> str:
    return " ".join(w if w in ("of", "to", "for", "the", "and") else w.capitalize() for w in text.split())
