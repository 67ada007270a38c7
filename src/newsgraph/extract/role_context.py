"""Where a text gives a person a title phrase: the words before the name, an apposition after
it, a title set off by a comma before it, a predicate ("X is a senator"), a journalist's credit
or sign-off, and a title with no name of its own (a loose title) before it."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..resolve.titles import match_title
from .annotations import sent_bounds
from .role_titles import _CLAUSE_START, _MODIFIERS, _OPENING, _POSSESSIVE, CANDIDACY, _Phrase, _phrase

#: An abbreviation written with full stops: "U.S.", "U.N.", "U.K.".
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def capital_word(t: Token) -> bool:
    """A capitalised word, or an abbreviation with full stops ("U.S. Ambassador X", "U.N.
    Secretary-General X": the country or body of the title that follows)."""
    return t.text[:1].isupper() and (t.is_alpha or _DOTTED.fullmatch(t.text) is not None)


def _premodifier(
    doc: Doc, i: int, titles: list[Span], title_at: dict[int, Span], names: frozenset[int]
) -> _Phrase | None:
    """The role phrase right before token ``i`` (a name's first token), within its sentence."""
    sent_start = sent_bounds(doc, i)[0]
    k = i
    while k > sent_start:
        t = doc[k - 1]
        span = title_at.get(k - 1)
        if span is not None:
            k = span.start
            continue
        if t.text in _POSSESSIVE or t.lower_ in _MODIFIERS or capital_word(t):
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
    """A role in an apposition after the name ``[i, j)``: "Name, the country's minister, ...", also
    after an age ("Jane Doe, 45, a teacher"). The apposition after names joined by "and" is the last
    one's ("Bill Clinton and Hillary Clinton, the presidential candidate": the parser hangs it on
    the first name)."""
    heads = list(doc[i:j])
    heads += [t.head for t in doc[i:j] if t.dep_ == "conj" and t.head.i < i]
    for t in heads:
        for child in t.children:
            if child.dep_ == "appos" and child.i >= j:
                if child.like_num:
                    continue  # an age before the description: "Jane Doe, 45, a teacher"
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
            if start >= 2 and doc[start - 1].lower_ == "for" and doc[start - 2].lower_ in CANDIDACY:
                start = _phrase_start(doc, doc[start - 2 : start - 1])  # "candidate for governor, X"
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
#: Words that credit a journalist only at the start of a line ("Story by X", "Photos by X"): in a
#: sentence they credit any author ("a song written by Bob Dylan").
_LINE_CREDITS = {
    "story": "Reporter",
    "written": "Reporter",
    "edited": "Editor",
    "photo": "Photographer",
    "photos": "Photographer",
    "photographs": "Photographer",
}

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
    "By X" or "Story by X", "X reports." closing a paragraph's sentence, or a sign-off "Follow X
    on Twitter"; the title "Reporter", "Editor" or "Photographer"."""
    if _sign_off(doc, i, j):
        return _Phrase(i - 1, i, "Reporter", None)
    if i >= 1 and doc[i - 1].lower_ == "by":
        credit = doc[i - 2].lower_ if i >= 2 else ""
        if credit in _CREDITS:
            return _Phrase(i - 2, i, _CREDITS[credit], None)
        if credit in _LINE_CREDITS and (i == 2 or doc[i - 3].is_space):  # "Story by X"
            return _Phrase(i - 2, i, _LINE_CREDITS[credit], None)
        line_start = i == 1 or doc[i - 2].is_space
        if doc[i - 1].text == "By" and line_start:
            return _Phrase(i - 1, i, "Reporter", None)
    if j + 1 < len(doc) and doc[j].lower_ == "reports" and doc[j + 1].text == ".":
        return _Phrase(j, j + 1, "Reporter", None)
    return None


def _opens_sentence(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is the first word of its sentence (line breaks before it aside)."""
    start = sent_bounds(doc, k)[0]
    while start < k and doc[start].is_space:
        start += 1
    return start == k


def _loose_phrase(doc: Doc, span: Span, titles: list[Span], names: frozenset[int]) -> _Phrase | None:
    """A title phrase with its affiliation before it ("China's deputy UN ambassador") and an
    optional "to the X" after it."""
    return _phrase(list(doc[_phrase_start(doc, span) : span.end]), titles, names)


def _phrase_start(doc: Doc, span: Span) -> int:
    """Where the words that say whose a title is begin, back from the title within its sentence:
    possessives, modifiers and capitalised words, "of" between two of them ("China's deputy UN
    ambassador", "former House of Representatives Speaker")."""
    k = span.start
    sent_start = sent_bounds(doc, span.start)[0]

    while k > sent_start and (
        doc[k - 1].text in _POSSESSIVE
        or doc[k - 1].lower_ in _MODIFIERS
        or capital_word(doc[k - 1])
        or (doc[k - 1].lower_ == "of" and _of_between(doc, k, sent_start))
    ):
        k -= 1
    return k


def _of_between(doc: Doc, k: int, sent_start: int) -> bool:
    """Whether "of" at ``k - 1`` joins two capitalised words ("House of Representatives")."""
    return k - 2 >= sent_start and all(t.text[:1].isupper() and t.is_alpha for t in (doc[k - 2], doc[k]))


@lru_cache(maxsize=4096)
def singular_title(word: str) -> str | None:
    """The one-word title a plural title word stands for ("Sens." -> "Sen.", "senators" ->
    "senator", "Justices" -> "Justice"); None for other words."""
    dot = word.endswith(".")
    stem = word[:-1] if dot else word
    for ending in ("es", "s"):
        if stem.lower().endswith(ending) and len(stem) > len(ending) + 1:
            candidate = stem[: -len(ending)] + ("." if dot else "")
            if match_title([candidate]) == 1:
                return candidate
    return None


#: The longest plural title abbreviation before its dot ("Sens", "Reps", "Capts", "Cmdrs").
_ABBREVIATION_LETTERS = 5


def _abbreviation(word: str) -> bool:
    """Whether ``word`` before a dot may be an abbreviated plural title ("Sens." of "Sens. A and
    B"): capitalised and short; "officers." and "Senators." end a sentence."""
    return word[:1].isupper() and len(word) <= _ABBREVIATION_LETTERS


def _name_list(doc: Doc, k: int, starts: dict[int, int]) -> list[int]:
    """The starts of the names listed from token ``k`` on: "A (S.C.), B (Ill.) and C": each name
    may be followed by a bracket of up to five tokens, the names joined by commas and "and"."""
    found: list[int] = []
    n = len(doc)
    while k in starts:
        found.append(k)
        k = starts[k]
        if k < n and doc[k].text == "(":
            close = next((c for c in range(k + 1, min(n, k + 7)) if doc[c].text == ")"), None)
            if close is None:
                break
            k = close + 1
        if k < n and doc[k].text == ",":
            k += 1
        if k < n and doc[k].lower_ in ("and", "&"):
            k += 1
    return found


def plural_title_phrases(
    doc: Doc, mentions: dict[int, int], titles: list[Span], names: frozenset[int]
) -> dict[int, _Phrase]:
    """Roles given by a plural title to the names listed after it ("Sens. A (S.C.), B (Ill.) and
    C", "U.S. Reps. A and B", "Republican senators A and B"): each listed name (by its first
    token, from ``mentions``: first token -> end) gets the singular title with the words before
    it ("U.S. Rep."), as if it stood before that name alone."""
    out: dict[int, _Phrase] = {}
    for first in sorted(mentions):
        if first == 0 or first - 1 in names:
            continue
        dot = doc[first - 1].text == "." and first >= 2 and not doc[first - 2].whitespace_  # "Sens" "."
        if dot and not _abbreviation(doc[first - 2].text):
            continue  # "fled from officers. Webb was ...": a full word's plural ends its sentence
        t = doc[first - 2] if dot else doc[first - 1]
        if t.i in names or not t.text[:1].isalpha() or t.text[-1:] not in ("s", "S", "."):
            continue  # a plural title ends on "s": "senators", "Sens."
        single = singular_title(t.text + "." if dot else t.text)
        if single is None:
            continue
        listed = _name_list(doc, first, mentions)
        lo = t.i
        sent_start = sent_bounds(doc, t.i)[0]
        while lo > sent_start and t.i - lo < 3 and doc[lo - 1].i not in names:
            w = doc[lo - 1]
            dotted = "." in w.text and len(w.text) > 1  # "U.S."
            if not (w.pos_ == "ADJ" or (w.text[:1].isupper() and w.pos_ == "PROPN") or dotted):
                break
            lo -= 1
        span = Span(doc, t.i, t.i + 1, label="TITLE")
        phrase = _phrase(list(doc[lo : t.i + 1]), [*titles, span], names)
        if phrase is None:
            continue
        phrase.title = " ".join([*phrase.title.split()[:-1], single[:1].upper() + single[1:]])
        for start in listed:
            out[start] = phrase
    return out
