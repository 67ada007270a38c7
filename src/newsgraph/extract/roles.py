"""Roles of people: a title and the country or organisation it is held for.

Three places in a text say what a person is:

- words before the name: "US Secretary of State Rex Tillerson", "China's deputy UN ambassador
  Wu Haitao", "his Chinese counterpart Wang Yi";
- an apposition after it: "Ja Song Nam, North Korea's ambassador to the UN, said";
- a title with no name, followed within two sentences by a name with no role of its own:
  "Japan's foreign minister urged ... Taro Kono announced ...".

A role is ``{title, affiliation, since}``: affiliation an ISO 3166 alpha-3 or IGO code, ``since``
the article's date."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..tables import data_lines, data_rows
from .annotations import TITLE_SPANS, doc_lowers

#: Words that may sit inside the words before a name without ending them.
_MODIFIERS = frozenset(
    "deputy acting former then top chief senior interim vice assistant permanent special "
    "the his her their its new outgoing incoming".split()
)
_OPENING = frozenset({"[", "(", '"', "“", "'", "‘"})
_DETERMINERS = frozenset("the his her their its a an".split())
_CLAUSE_START = frozenset("who which that whose whom where when".split())
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: Sectors of state offices: held no longer ("former"), they make their holder ELI.
_STATE_OFFICES = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})
#: How far back (in sentences) a title with no name may find its person.
ANTECEDENT_WINDOW = 2


@dataclass(slots=True)
class Role:
    title: str
    affiliation: str | None
    since: str | None
    #: the affiliation comes from a title with no name sentences before ("Japan's foreign minister
    #: urged ... Taro Kono said"), not from words about the person
    inferred: bool = False
    #: the sector of the organisation named in the title when it says more than the title's words
    #: ("NBC executive" -> JRN, "Pentagon spokesman" -> MIL): see :func:`role_sector`
    org_sector: str | None = None

    @property
    def sector(self) -> str | None:
        """The sector the role gives its holder: the organisation's (:attr:`org_sector`) when the
        title names one, else the title's own (``sectors.tsv``); a former state office is ELI
        ("Former House Speaker": a former official out of office)."""
        sector = self.org_sector or actors.sector_of(self.title)
        first = self.title.split(" ", 1)[0].lower()
        if sector in _STATE_OFFICES and (first in ("former", "ex") or first.startswith("ex-")):
            return "ELI"
        return sector

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "affiliation": self.affiliation, "since": self.since}


@cache
def _counterparts() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data_rows("newsgraph.extract", "roles.tsv", strip=True):
        out[key] = value
    return out


def title_spans(doc: Doc) -> list[Span]:
    """Every official title in ``doc`` (longest match at each position, no overlaps)."""
    if TITLE_SPANS in doc.spans:
        return list(doc.spans[TITLE_SPANS])
    spans: list[Span] = []
    i = 0
    words = doc_lowers(doc)
    starts = actors.title_starts()
    while i < len(words):
        w = words[i]
        n = actors.match_title(words[i : i + 8]) if w in starts or w.replace(".", "") in starts else 0
        if not n and words[i] in ("counterpart", "counterparts"):
            n = 1
        if n:
            spans.append(doc[i : i + n])
            i += n
        else:
            i += 1
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
            place = _place_country(text, subnational) if n > 1 or subnational else None
            code = place or actors.country_code(text)
            if code and _is_subject(tokens, k, n):
                k += n
                found = True
                break
            if code and country is None:  # a state or city stays in the title: "Texas Governor"
                country = (code, set() if place else {t.i for t in chunk})
            org = actors.organisation(text) if not code else None
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
#: Title sectors an organisation's sector replaces: none, government, business (an "executive").
_GENERIC = frozenset({"GOV", "BUS"})


def role_sector(title: str, org_sector: str | None) -> str | None:
    """The organisation's sector for a holder of ``title`` when it says more than the title: not a
    government or intergovernmental body, and a title with no sector of its own or a generic one
    ("spokesman", "executive"); else None (the title's own sector then applies)."""
    if org_sector is None or org_sector in _OWN_SECTORS:
        return None
    return org_sector if actors.sector_of(title) in (None, *_GENERIC) else None


def _is_subject(tokens: Sequence[Token], k: int, n: int) -> bool:
    """Whether the country at ``tokens[k:k+n]`` is what an office deals with, not whom it serves."""
    before = tokens[k - 1].lower_ if k else ""
    after = tokens[k + n].lower_ if k + n < len(tokens) else ""
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
    return _Phrase(lo, hi, title, code, counterpart, by_party, org_sector=role_sector(title, org_sector))


def _premodifier(
    doc: Doc, i: int, titles: list[Span], title_at: dict[int, Span], names: frozenset[int]
) -> _Phrase | None:
    """The role phrase right before token ``i`` (a name's first token), within its sentence."""
    sent_start = doc[i].sent.start
    k = i
    while k > sent_start:
        t = doc[k - 1]
        span = title_at.get(k - 1)
        if span is not None:
            k = span.start
            continue
        if t.text in _POSSESSIVE or t.lower_ in _MODIFIERS or (t.text[:1].isupper() and t.is_alpha):
            k -= 1
            continue
        if t.pos_ == "ADJ" and t.is_alpha and (k in title_at or doc[k].pos_ == "ADJ"):
            k -= 1  # "Ukraine's digital minister"
            continue
        if (
            t.dep_ == "compound"
            and t.is_alpha
            and k <= t.head.i < i
            and (k in title_at or doc[k].dep_ == "compound")
        ):
            k -= 1  # "Clinton campaign spokesman", "Philippine coast guard spokesman"
            continue
        if k == i and t.text in _OPENING:  # "minister [Mykhailo Fedorov]"
            k -= 1
            continue
        if (
            t.lower_ in ("and", "&")
            and k - 2 >= sent_start
            and k - 2 in title_at
            and (k in title_at or doc[k].lower_ in _MODIFIERS)
        ):
            k -= 1  # "WeWork founder and former CEO": two titles, the first kept
            continue
        break
    tokens = list(doc[k:i])
    while tokens and tokens[0].lower_ in ("the",):
        tokens = tokens[1:]
    last = max((s.end for s in titles if k <= s.start and s.end <= i), default=i)
    if any(t in names for t in range(last, i)):
        return None  # "Rep McCaul Announces Bill Revoking [Hillary]": the title is McCaul's
    return _phrase(tokens, titles, names)


def _apposition(doc: Doc, i: int, j: int, titles: list[Span], names: frozenset[int]) -> _Phrase | None:
    """A role in an apposition after the name ``[i, j)``: "Name, the country's minister, ...". The
    apposition after names joined by "and" is the last one's ("Bill Clinton and Hillary Clinton, the
    presidential candidate": the parser hangs it on the first name)."""
    heads = list(doc[i:j])
    heads += [t.head for t in doc[i:j] if t.dep_ == "conj" and t.head.i < i]
    for t in heads:
        for child in t.children:
            if child.dep_ == "appos" and child.i >= j:
                if any(k in names for k in range(j, child.i)):
                    continue  # another name stands between: the apposition is that name's
                if not any(s.start <= child.i < s.end for s in titles):
                    break  # "the nephew of one president": the title is not what the person is
                return _subtree_phrase(child, titles, names)
    return _title_before(doc, i, j, titles, names)


def _subtree_phrase(head: Token, titles: list[Span], names: frozenset[int]) -> _Phrase | None:
    """The role phrase of a title word's subtree, up to a comma or a relative clause after it ("the
    mayor of Akron, who ..." -> "mayor of Akron")."""
    sub = []
    for tok in head.subtree:
        if tok.i > head.i and (tok.text in (",", ";", "(") or tok.lower_ in _CLAUSE_START):
            break
        sub.append(tok)
    return _phrase(sub, titles, names)


#: How many words may follow a title before the comma that sets off the name after it ("President
#: of the Senate, Bukola Saraki").
_TITLE_TAIL = 5


def _title_before(doc: Doc, i: int, j: int, titles: list[Span], names: frozenset[int]) -> _Phrase | None:
    """A title set off by a comma right before the name ``[i, j)``: "the Inspector-General of
    Police, Ibrahim Idris, ...", "former Speaker, X and member, Y" (the name followed by a comma,
    "and", a bracket or the end of its sentence), or a title opening its sentence ("Senate Leader,
    X raises a motion")."""
    if i < 2 or doc[i - 1].text != ",":
        return None
    closed = j >= len(doc) or doc[j].text in (",", ".", ";", "(") or doc[j].lower_ == "and"
    k = i - 2
    tail = 0
    while k >= 0 and tail <= _TITLE_TAIL:
        span = next((s for s in titles if s.start <= k < s.end), None)
        if span is not None:  # with the words before the title: "his Venezuelan counterpart, X,"
            start = _phrase_start(doc, span)
            if not closed and not _opens_sentence(doc, start):
                return None
            return _phrase(list(doc[start : i - 1]), titles, names)
        t = doc[k]
        if k in names or not (t.lower_ in ("of", "the", "for", "-") or (t.text[:1].isupper() and t.is_alpha)):
            return None
        k -= 1
        tail += 1
    return None


#: Objects that are people: "X named him as spokesman" gives the title to the object.
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "himself", "herself"})


def _predicate(doc: Doc, i: int, j: int, titles: list[Span]) -> Token | None:
    """The title the person named ``[i, j)`` is said to hold now by the verb whose subject the name
    is: "X is a senator", "X has been a contributor to the show", "X is joining the show as an
    anchor"; None in the past ("X was a senator": perhaps no longer), future or conditional ("X
    will be president", a modal), with a negation, in a clause opened by "if", "because", ...
    (a condition: "if X is our president"), or when the verb's title is no title. A relative
    clause on the name counts too: "X, who is the mayor of Y"."""
    root = next((t for t in doc[i:j] if not i <= t.head.i < j), None)
    if root is None:
        return None
    verbs = [root.head] if root.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [  # "X, who is the mayor of Y, said"
        c
        for c in root.children
        if c.dep_ == "relcl"
        and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ == "who" for w in c.children)
    ]
    for verb in verbs:
        title = _verb_title(verb, titles)
        if title is not None:
            return title
    return None


def _verb_title(verb: Token, titles: list[Span]) -> Token | None:
    """The title a verb gives its subject (see :func:`_predicate`)."""
    verbs = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if any(t.tag_ in ("VBD", "MD") for t in verbs) or any(c.dep_ in ("neg", "mark") for c in verb.children):
        return None  # "was", "will be", "is not", "if X is our president"
    targets = [c for c in verb.children if c.dep_ == "attr"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.pos_ == "PROPN" or o.ent_type_ == "PERSON" or o.lower_ in _PERSON_PRONOUNS for o in objects):
        return None  # "X named Y as spokesman": the title is the object's
    holders = [verb, *objects]  # "X joins the show as an anchor": "as" may hang on the object
    targets += [
        p
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return next((t for t in targets if any(s.start <= t.i < s.end for s in titles)), None)


#: Words before "by" and a name that credit a journalist ("(Reporting by X; Editing by Y)"),
#: with the title they give.
_CREDITS = {"reporting": "Reporter", "writing": "Reporter", "editing": "Editor"}

#: Sites a sign-off asks to follow someone on ("Follow Pam Key on Twitter").
FOLLOW_SITES = frozenset({"twitter", "facebook", "instagram", "threads", "bluesky", "x"})


def _sign_off(doc: Doc, i: int, j: int) -> bool:
    """Whether the name ``[i, j)`` is a sign-off's, "Follow X on Twitter": the writer of the piece,
    as the news sites that close with it (Breitbart) use it."""
    return (
        i >= 1
        and doc[i - 1].text == "Follow"
        and j + 1 < len(doc)
        and doc[j].text == "on"
        and doc[j + 1].lower_ in FOLLOW_SITES
    )


def byline(doc: Doc, i: int, j: int) -> _Phrase | None:
    """A journalist's credit around the name ``[i, j)``: "Reporting by X", "Editing by X", a line
    "By X", "X reports." closing a paragraph's sentence, or a sign-off "Follow X on Twitter"; the
    title "Reporter" or "Editor"."""
    if _sign_off(doc, i, j):
        return _Phrase(i - 1, i, "Reporter", None)
    if i >= 1 and doc[i - 1].lower_ == "by":
        credit = doc[i - 2].lower_ if i >= 2 else ""
        if credit in _CREDITS:
            return _Phrase(i - 2, i, _CREDITS[credit], None)
        line_start = i == 1 or doc[i - 2].is_space
        if doc[i - 1].text == "By" and line_start:
            return _Phrase(i - 1, i, "Reporter", None)
    if j + 1 < len(doc) and doc[j].lower_ == "reports" and doc[j + 1].text == ".":
        return _Phrase(j, j + 1, "Reporter", None)
    return None


def _opens_sentence(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is the first word of its sentence (line breaks before it aside)."""
    start = doc[k].sent.start
    while start < k and doc[start].is_space:
        start += 1
    return start == k


def find_roles(
    doc: Doc, persons: Sequence[tuple[Hashable, Sequence[tuple[int, int]]]], *, since: str | None = None
) -> dict[Any, list[Role]]:
    """Roles of each person (given as ``(key, [(i, j) mention token ranges])``)."""
    titles = title_spans(doc)
    title_at = {t.i: s for s in titles for t in s}
    found: dict[Any, list[_Phrase]] = {}
    consumed: set[int] = set()  # start tokens of phrases already given to someone
    name_start: dict[int, int] = {}  # past a title the model tagged as part of the name: "King Abdullah"
    for _, mentions in persons:
        for i, j in mentions:
            k = i
            while k in title_at and title_at[k].start == k and title_at[k].end < j:
                k = title_at[k].end
            name_start[i] = k
    names = frozenset(t for _, mentions in persons for i, j in mentions for t in range(name_start[i], j))
    for key, mentions in persons:
        for i, j in sorted(mentions):
            before = _premodifier(doc, name_start[i], titles, title_at, names)
            for phrase in (before, _apposition(doc, i, j, titles, names), byline(doc, i, j)):
                if phrase is not None and phrase.i not in consumed:
                    consumed.add(phrase.i)
                    found.setdefault(key, []).append(phrase)
    for key, mentions in persons:  # "X is a senator", "X joins the show as an anchor": no other title
        if found.get(key):
            continue
        for i, j in sorted(mentions):
            title = _predicate(doc, name_start[i], j, titles)
            phrase = _subtree_phrase(title, titles, names) if title is not None else None
            if phrase is not None and phrase.title and phrase.i not in consumed:
                consumed.add(phrase.i)
                found[key] = [phrase]
                break
    # titles with no name of their own: "Japan's foreign minister urged ..." then "Taro Kono said"
    loose = [
        s
        for s in titles
        if s.start not in consumed
        and not any(s.start >= p.i and s.end <= p.j for ps in found.values() for p in ps)
    ]
    # sentences are numbered only when there is a loose title to look back to (most articles have none)
    sents = list(doc.sents) if loose else []
    sent_index = {s.start: n for n, s in enumerate(sents)}
    for span in loose:  # "Ted Cruz has won ... The Texas senator led": the subject named just before
        key = _definite_antecedent(doc, span, sents, sent_index, persons)
        if key is None or found.get(key):
            continue
        phrase = _loose_phrase(doc, span, titles, names)
        if phrase is not None and phrase.title:
            consumed.add(span.start)
            found[key] = [phrase]
    for key, mentions in persons if loose else ():
        have = found.get(key, [])
        if have and any(p.affiliation for p in have):
            continue
        first_i = min(i for i, _ in mentions)
        first_sent = sent_index.get(doc[first_i].sent.start, 0)
        for span in reversed(loose):
            if span.start >= first_i or span.start in consumed:
                continue
            if first_sent - sent_index.get(span.sent.start, 0) > ANTECEDENT_WINDOW:
                continue
            if span.sent.start == doc[first_i].sent.start and any(
                t.pos_ in ("VERB", "AUX") for t in doc[span.end : first_i]
            ):
                continue  # "Saudi prince mocks Trump": another participant of the person's sentence
            if span.root.dep_ == "pobj" and span.root.head.lower_ == "of":
                continue  # "the son of one New York governor" speaks of someone else
            phrase = _loose_phrase(doc, span, titles, names)
            if phrase is None or not phrase.affiliation or phrase.by_party:
                continue  # only an office of a country or IGO is looked for in a later name
            if have and not _compatible(have[0].title, phrase.title):
                continue
            consumed.add(span.start)
            phrase.loose = True
            found[key] = [*have, phrase] if have else [phrase]
            break
    out: dict[Any, list[Role]] = {}
    for key, phrases in found.items():
        out[key] = _merge(doc, key, phrases, found, since)
    return out


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _definite_antecedent(
    doc: Doc,
    span: Span,
    sents: list[Span],
    sent_index: dict[int, int],
    persons: Sequence[tuple[Hashable, Sequence[tuple[int, int]]]],
) -> Hashable | None:
    """The person a sentence-opening definite title ("The Texas senator led ...", "The Supreme
    Court justice -- who ...") stands for: the one person named in the sentence before, else the
    one named there as its subject; None when the title does not open its sentence with "the" or
    no single person is found."""
    n = sent_index.get(span.sent.start)
    if not n:
        return None
    start = span.sent.start
    while start < span.start and doc[start].is_space:
        start += 1
    if doc[start].lower_ != "the" or _phrase_start(doc, span) != start:
        return None
    prev = next((s for s in reversed(sents[:n]) if any(t.is_alpha for t in s)), None)
    if prev is None:
        return None
    named = [
        (key, any(t.dep_ in _SUBJECTS for i, j in mentions if prev.start <= i < prev.end for t in doc[i:j]))
        for key, mentions in persons
        if any(prev.start <= i < prev.end for i, _ in mentions)
    ]
    if len(named) == 1:
        return named[0][0]
    subjects = [key for key, subject in named if subject]
    return subjects[0] if len(subjects) == 1 else None


def _loose_phrase(doc: Doc, span: Span, titles: list[Span], names: frozenset[int]) -> _Phrase | None:
    """A title phrase with its affiliation before it ("China's deputy UN ambassador") and an
    optional "to the X" after it."""
    return _phrase(list(doc[_phrase_start(doc, span) : span.end]), titles, names)


def _phrase_start(doc: Doc, span: Span) -> int:
    """Where the words that say whose a title is begin, back from the title within its sentence:
    possessives, modifiers and capitalised words, "of" between two of them ("China's deputy UN
    ambassador", "former House of Representatives Speaker")."""
    k = span.start
    sent_start = span.sent.start

    def capitalised(t: Token) -> bool:
        return t.text[:1].isupper() and t.is_alpha

    while k > sent_start and (
        doc[k - 1].text in _POSSESSIVE
        or doc[k - 1].lower_ in _MODIFIERS
        or capitalised(doc[k - 1])
        or (doc[k - 1].lower_ == "of" and _of_between(doc, k, sent_start))
    ):
        k -= 1
    return k


def _of_between(doc: Doc, k: int, sent_start: int) -> bool:
    """Whether "of" at ``k - 1`` joins two capitalised words ("House of Representatives")."""
    return k - 2 >= sent_start and all(t.text[:1].isupper() and t.is_alpha for t in (doc[k - 2], doc[k]))


def _compatible(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa & wb)


def _merge(
    doc: Doc, key: Any, phrases: list[_Phrase], found: dict[Any, list[_Phrase]], since: str | None
) -> list[Role]:
    """One role per distinct title, in the order the text gives them ("General X, chairman of the
    Joint Chiefs of Staff": General, then Chairman of ...); a title whose words are part of
    another's is one title with it, the richer text kept ("President" and "Russian President").
    The first role takes the first affiliation any phrase names; the others their own."""
    groups: list[list[_Phrase]] = []
    for p in phrases:
        if not p.title:
            continue
        words = _plain_words(p.title)
        for g in groups:
            other = _plain_words(g[0].title)
            if words <= other or other <= words:
                g.append(p)
                g.sort(key=lambda q: -len(q.title))  # the richest title first
                break
        else:
            groups.append([p])
    if not groups:
        return []
    source = next((p for p in phrases if p.affiliation), None)
    title = groups[0][0].title
    if any(p.pronoun_counterpart for p in phrases):
        title = _counterpart_title(doc, phrases, found) or title
    roles = [
        Role(
            title=title,
            affiliation=source.affiliation if source else None,
            since=since,
            inferred=bool(source and source.loose),
            org_sector=next((p.org_sector for p in phrases if p.org_sector), None),
        )
    ]
    for g in groups[1:]:
        own = next((p for p in g if p.affiliation), None)
        roles.append(
            Role(
                title=g[0].title,
                affiliation=own.affiliation if own else None,
                since=since,
                inferred=bool(own and own.loose),
                org_sector=next((p.org_sector for p in g if p.org_sector), None),
            )
        )
    return roles


def _plain_words(title: str) -> frozenset[str]:
    """A title's words without case and the words that do not change the office ("former")."""
    return frozenset(w for w in title.lower().split() if w not in _SAME_OFFICE)


#: Words that leave a title's office as it is: "Former President" is "President".
_SAME_OFFICE = frozenset({"former", "then", "late", "acting", "of", "the"})


def _counterpart_title(doc: Doc, phrases: list[_Phrase], found: dict[Any, list[_Phrase]]) -> str | None:
    """ "his Chinese counterpart": the office of the person in the same sentence, held abroad."""
    phrase = next(p for p in phrases if p.pronoun_counterpart)
    sent = doc[phrase.i].sent
    for other in found.values():
        for p in other:
            if p is not phrase and sent.start <= p.i < sent.end and not p.pronoun_counterpart:
                own = " ".join(w for w in p.title.lower().split())
                for office, abroad in _counterparts().items():
                    if office in own:
                        return display_title_text(abroad)
    return None


def display_title_text(text: str) -> str:
    return " ".join(w if w in ("of", "to", "for", "the", "and") else w.capitalize() for w in text.split())
