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
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span

from ..resolve import actors
from ..tables import data_rows
from .annotations import sent_bounds
from .role_context import (
    FOLLOW_SITES,
    _apposition,
    _loose_phrase,
    _phrase_start,
    _predicate,
    _premodifier,
    _subtree_phrase,
    byline,
    plural_title_phrases,
)
from .role_titles import _POSSESSIVE, CANDIDACY, LOST_OFFICE, _Phrase, display_title_text, title_spans

#: Names the modules that find mentions and labels import from here.
__all__ = ["ANTECEDENT_WINDOW", "FOLLOW_SITES", "Role", "find_roles", "title_spans"]

#: Sectors of state offices: held no longer ("former"), they make their holder ELI.
_STATE_OFFICES = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})
#: Sectors of a title that a campaign's staff holds for the party ("campaign chief executive",
#: "campaign adviser"): a campaign is no firm or government.
_CAMPAIGN_SECTORS = frozenset({"GOV", "BUS", None})
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
        ("Former House Speaker": a former official out of office). Only a lost-office word that
        opens the title makes it former, and only a state office makes its former holder ELI (the
        PLOVER manual's former officials): "Former Chairman" of Fox News is the network's, and "Top
        Adviser to Former Presidential Campaign" is no former office. A campaign's staff title is
        the party's ("Campaign Chief Executive": PTY, not a firm's BUS), and so is a candidate's
        ("Candidate for Governor")."""
        words = self.title.lower().split()
        lost = bool(words) and (words[0] in LOST_OFFICE or words[0].startswith("ex-"))
        lost = lost or "during" in words[1:]  # "Secretary of Labor During [the Clinton] Administration"
        own = " ".join(w.removeprefix("ex-") for w in words if w not in LOST_OFFICE)
        sector = self.org_sector or actors.sector_of(own)
        if sector in _CAMPAIGN_SECTORS and "campaign" in words:
            sector = "PTY"
        if any(w in CANDIDACY and nxt == "for" for w, nxt in pairwise(words)):
            sector = "PTY"  # "Nominee for Senate": a race for the office, not the office
        if lost and sector in _STATE_OFFICES:
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


def find_roles(
    doc: Doc, persons: Sequence[tuple[Hashable, Sequence[tuple[int, int]]]], *, since: str | None = None
) -> dict[Any, list[Role]]:
    """Roles of each person (given as ``(key, [(i, j) mention token ranges])``)."""
    titles = _own_titles(doc)
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
    starts = {i: j for _, mentions in persons for i, j in mentions}
    listed = plural_title_phrases(doc, starts, titles, names)
    for key, mentions in persons if listed else ():  # "Sens. A (S.C.), B (Ill.) and C"
        if not found.get(key):
            phrase = next((listed[i] for i, _ in sorted(mentions) if i in listed), None)
            if phrase is not None:
                found[key] = [phrase]
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
        first_sent = sent_index.get(sent_bounds(doc, first_i)[0], 0)
        for span in reversed(loose):
            if span.start >= first_i or span.start in consumed:
                continue
            if first_sent - sent_index.get(sent_bounds(doc, span.start)[0], 0) > ANTECEDENT_WINDOW:
                continue
            if sent_bounds(doc, span.start)[0] == sent_bounds(doc, first_i)[0] and any(
                t.pos_ in ("VERB", "AUX") for t in doc[span.end : first_i]
            ):
                continue  # "Saudi prince mocks Trump": another participant of the person's sentence
            if span.root.dep_ == "pobj" and span.root.head.lower_ in ("of", "as"):
                continue  # "the son of one New York governor" speaks of someone else, "he won a
                # second term as Chicago mayor" of the clause's subject, not of a name after it
            phrase = _loose_phrase(doc, span, titles, names)
            if phrase is None or not phrase.affiliation or phrase.by_party:
                continue  # only an office of a country or IGO is looked for in a later name
            if sent_bounds(doc, span.start)[0] != sent_bounds(doc, first_i)[0] and not _state_office(phrase):
                continue  # a sentence before, an outlet's or firm's post is someone else's ("a
                # tweet sent by a Fox News contributor, which ...  X, who served as ...")
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


def _state_office(phrase: _Phrase) -> bool:
    """Whether a title phrase names a state's office, held or lost (its role's sector is a state
    office's or ELI), not a post of an outlet or firm ("Fox News contributor": JRN)."""
    sector = Role(phrase.title, None, None, org_sector=phrase.org_sector).sector
    return sector in _STATE_OFFICES or sector == "ELI"


def _own_titles(doc: Doc) -> list[Span]:
    """The titles of ``doc`` that may be a person's own: not a title in the possessive, which names
    an office's body or staff ("a Bartholomew County Sheriff's Department canine", "the
    Governor's spokesman X"), not the office of a name beside it."""
    n = len(doc)
    return [s for s in title_spans(doc) if s.end >= n or doc[s.end].text not in _POSSESSIVE]


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
    n = sent_index.get(sent_bounds(doc, span.start)[0])
    if not n:
        return None
    start = sent_bounds(doc, span.start)[0]
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


def _compatible(a: str, b: str) -> bool:
    """Whether two titles may be one person's: the words of one are all among the other's
    ("Minister", "Foreign Minister"); not "Circuit Court Judge" and "District Court Judge"."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa & wb) and (wa <= wb or wb <= wa)


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
    sent_start, sent_end = sent_bounds(doc, phrase.i)
    for other in found.values():
        for p in other:
            if p is not phrase and sent_start <= p.i < sent_end and not p.pronoun_counterpart:
                own = " ".join(w for w in p.title.lower().split())
                for office, abroad in _counterparts().items():
                    if office in own:
                        return display_title_text(abroad)
    return None
