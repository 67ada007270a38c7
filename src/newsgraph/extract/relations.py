"""Actor codes a person's relations give when nothing else does: a relative named with them
("X, the daughter of former President Y": Y's family) and an organisation they belong to ("X of
Fordham University", "X, who heads Y"), read from the actors the article's other entities got.
Used by ``extract/entities.py`` in its last pass over people left without a code."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..resolve import actors
from ..resolve.entities import fold
from ..resolve.titles import match_title
from ..tables import data_lines
from .annotations import sent_bounds
from .mentions import Mention
from .role_titles import CANDIDACY
from .roles import Role


@lru_cache(maxsize=1)
def kin_nouns() -> frozenset[str]:
    """Nouns of kinship ("daughter", "parents"; ``extract/data/kin_nouns.txt``)."""
    return frozenset(w.strip().lower() for w in data_lines("newsgraph.extract", "kin_nouns.txt"))


#: Sectors of a relative that make a person's family ELI (officials and former officials: the
#: PLOVER manual's "former officials and their families"); any other relative's family is CVL.
_OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "ELI"})
#: Words that may stand between a name and its kinship noun: "X, the daughter of", "X, his son".
_KIN_GAP = frozenset({",", "the", "a", "his", "her", "their", "whose", "eldest", "youngest", "only"})


def kin_actor(
    doc: Doc, person: list[Mention], others: dict[int, tuple[int, str, actors.Actor | None]]
) -> actors.Actor | None:
    """The actor of a person described as a relative ("X, the daughter of former President Y",
    "X and Z, the parents of two Americans killed in ..."): the relative's country, sector ELI
    when the relative holds or held an office (:data:`_OFFICIAL_SECTORS`), else CVL; a nationality
    or a country before a noun named there ("two Americans", "a slain U.S. soldier") gives its
    country and CVL. ``others`` maps the first token of
    every entity mention to its end, type and actor. None without such a description, or when the
    relative has no country code."""
    n = len(doc)
    for m in person:
        k = m.j
        if k + 1 < n and doc[k].lower_ in ("and", "&") and k + 1 in others:
            k = others[k + 1][0]  # "X and Z, the parents of": the description after the pair
        while k < n and k - m.j < 6 and (doc[k].lower_ in _KIN_GAP or doc[k].pos_ == "ADJ"):
            k += 1  # "X, the Muslim father of a fallen American soldier"
        if k + 1 >= n or doc[k].lower_ not in kin_nouns() or doc[k + 1].lower_ != "of":
            continue
        for at in range(k + 2, min(n, k + 10)):
            found = others.get(at)
            if found is None:
                continue
            _, label, actor = found
            if actor is None or actors.country_name(actor.code) is None:
                return None
            if label == "PERSON":
                return actors.Actor(actor.code, "ELI" if actor.sector in _OFFICIAL_SECTORS else "CVL")
            end = found[0]
            noun = end < n and doc[end].is_lower and not match_title([doc[end].text])
            before_noun = label == "GPE" and noun
            if label == "NORP" or before_noun:  # "two Americans", "a slain U.S. soldier"
                return actors.Actor(actor.code, "CVL")
            return None  # "the son of one New York governor": an official's family, but whose?
    return None


#: Verbs of a relative clause that say whose head or member a person is: "X, who heads Y".
_LEAD_VERBS = frozenset({"heads", "headed", "leads", "led", "runs", "ran", "chairs", "chaired", "founded"})
#: Verbs of a relative clause that tell where the person works: "X, who teaches law at Y".
_WORK_VERBS = frozenset({"works", "worked", "teaches", "taught", "studies", "studied", "serves", "served"})
#: How many lower-case words may stand between such a verb and its "at"/"for".
_WORK_REACH = 4
#: Prepositions after a description that name the body it is held at: "a professor at Y".
_BODY_PREPOSITIONS = frozenset({"of", "at", "for", "with"})


#: Nouns of a description that make its holder the body's head or voice when "of" or "for" and
#: the body's name follow: "X, the head of Interpol", "X, a spokeswoman for Human Rights Watch".
_LEAD_NOUNS = frozenset(
    {
        "head",
        "chief",
        "president",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "director",
        "leader",
        "founder",
        "executive",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }
)


def _described_at(doc: Doc, j: int) -> tuple[int, bool] | None:
    """The token after the preposition or verb of a description right after a name that names a
    body: "X, a professor at [Y]", "X, the leader of [Y]", "X, who heads [Y]", "X, who teaches
    law at [Y]", and whether the description makes X the body's head or voice ("who heads",
    "the leader of", "a spokeswoman for"); None otherwise."""
    n = len(doc)
    if j >= n or doc[j].text != ",":
        return None
    k = j + 1
    if k + 1 < n and doc[k].lower_ == "who" and doc[k + 1].lower_ in _LEAD_VERBS:
        return k + 2, True
    if k + 1 < n and doc[k].lower_ == "who" and doc[k + 1].lower_ in _WORK_VERBS:
        for at in range(k + 2, min(n, k + 2 + _WORK_REACH)):  # "who teaches law at [Y]"
            if doc[at].lower_ in ("at", "for"):
                return at + 1, False
            if not (doc[at].is_alpha and doc[at].is_lower):
                return None
        return None
    for at in range(k, min(n, k + 7)):
        t = doc[at]
        if t.lower_ in _BODY_PREPOSITIONS:
            lead = t.lower_ in ("of", "for") and doc[at - 1].lower_ in _LEAD_NOUNS
            return (at + 1, lead) if at > k else None
        if not t.is_alpha or t.text[:1].isupper() or t.pos_ == "VERB":
            return None  # a description is lower-case words: "a senior fellow"
    return None


def member_actor(
    doc: Doc, person: list[Mention], others: dict[int, tuple[int, str, actors.Actor | None]]
) -> actors.Actor | None:
    """The actor of a person named with an organisation of the article that has a code and a
    sector, whether the tables know it or the article told it ("William Seltzer of Fordham
    University", "Fordham University's William Seltzer", "X, a professor at Fordham University",
    "X, who heads the Acme Hospital": :func:`_described_at`): the organisation's actor, as
    ``countries.of_org_actor`` gives a known one's. ``others`` maps the first token of every entity
    mention to its end, type and actor. Not a party's name ("X of the Democratic Party" may hold
    any office) and not an intergovernmental body's ("X of the United Nations": any country's),
    unless the description makes X the body's head or voice: "X, the head of Interpol" is IGO
    COP, "X, a spokeswoman for Human Rights Watch" NGO SOC, "X, who leads the Democratic Party"
    the party's (PLOVER codes a body's officials as the body: the UN Secretary-General is IGO)."""
    n = len(doc)
    for m in person:
        described = (m.j + 1, False) if m.j < n and doc[m.j].lower_ == "of" else _described_at(doc, m.j)
        k, lead = described if described is not None else (None, False)
        if k is not None and k < n and doc[k].lower_ == "the":
            k += 1
        at = others.get(k) if k is not None else None
        found = (at[1], at[2]) if at is not None else None
        if found is None and m.i >= 2 and doc[m.i - 1].text in ("'s", "’s"):  # "Fordham University's X"
            found = next(((lb, a) for end, lb, a in others.values() if end == m.i - 1), None)
        if found is None or found[0] != "ORG" or found[1] is None:
            continue
        actor = found[1]
        if lead and actor.sector is not None:
            return actors.Actor(actor.code, actor.sector)
        if actor.sector in (None, "PTY", "IGO") or actors.country_name(actor.code) is None:
            return None
        return actors.Actor(actor.code, actor.sector)
    return None


#: Lemmas of verbs that make their object (or passive subject) a criminal suspect: "officers
#: arrested X", "X was charged with ...". "Detained" is not one: protesters and dissidents are.
_ARREST_LEMMAS = frozenset({"arrest", "charge", "indict", "convict", "book", "jail", "imprison"})


@lru_cache(maxsize=1)
def charge_words() -> frozenset[str]:
    """Words that open a charge in a list of charges ("Possession of ..."; ``charge_words.txt``)."""
    return frozenset(w.strip().lower() for w in data_lines("newsgraph.extract", "charge_words.txt"))


def suspect_actor(doc: Doc, person: list[Mention], country: str | None) -> actors.Actor | None:
    """The actor of a person the article arrests or charges ("officers arrested X", "X was charged
    with ...", a list of charges after the name, "X: Possession of methamphetamine"): a criminal
    (CRM) of ``country``, the country the article's people are taken to belong to; None without
    such a country or such words. Only for people nothing else gave a code (an official charged
    keeps the office)."""
    if country is None:
        return None
    n = len(doc)
    for m in person:
        head = doc[m.j - 1]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        verb = head.head
        if head.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_ in _ARREST_LEMMAS:
            return actors.Actor(country, "CRM")
        if m.j + 1 < n and doc[m.j].text == ":" and doc[m.j + 1].lower_ in charge_words():
            return actors.Actor(country, "CRM")
    return None


#: Oldest age an apposition gives a person ("X, 68, ..."); a larger number is no age.
_MAX_AGE = 110
#: Words of an apposition or relative clause that say where a private person lives: "X, who lives
#: in ...", "X, a Phoenix resident", "X, a resident of Queens".
_RESIDENCE_WORDS = frozenset({"lives", "lived", "resident", "residents"})


_YEAR_OLD = re.compile(r"\d{1,3}-year-old")


def _age_after(doc: Doc, j: int) -> bool:
    """Whether an age follows a name ending at ``j``: ", 68," or ", 68)"."""
    if j + 2 >= len(doc) or doc[j].text != "," or doc[j + 2].text not in (",", ")", "."):
        return False
    age = doc[j + 1].text
    return age.isdigit() and 0 < int(age) <= _MAX_AGE


def _age_before(doc: Doc, i: int) -> bool:
    """Whether "<N>-year-old" stands right before a name starting at ``i`` (one token or five)."""
    words = [t.lower_ for t in doc[max(0, i - 5) : i]]
    if len(words) == 5 and words[1:] == ["-", "year", "-", "old"]:
        return words[0].isdigit()
    return bool(words) and _YEAR_OLD.fullmatch(words[-1]) is not None


@lru_cache(maxsize=1)
def private_nouns() -> frozenset[str]:
    """Nouns that introduce a private person ("employee X", "X, a victim of"; ``private_nouns.txt``)."""
    return frozenset(w.strip().lower() for w in data_lines("newsgraph.extract", "private_nouns.txt"))


#: How many lower-case nouns may stand between a nationality and a name ("British rider X").
_NATIONALITY_REACH = 2


def _nationality_before(doc: Doc, i: int) -> actors.Actor | None:
    """The actor a nationality adjective right before a name starting at ``i`` gives, over at most
    two lower-case nouns and a comma, the name's own noun phrase ("American Kevin King", "British
    rider Chris Froome", "an influential Russian sociologist, Mikhail Dmitriyev"): the adjective's
    country, with the nouns' sector when the tables give one (a noun of ``private_nouns.txt``:
    CVL), else the country alone (a sociologist or an exile may be of any sector); None without
    such an adjective, or with a hyphen before it ("Iranian-American X" is no Iranian)."""
    k = i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    nouns: list[str] = []
    while (
        k >= 0
        and len(nouns) < _NATIONALITY_REACH
        and doc[k].is_alpha
        and doc[k].is_lower
        and doc[k].pos_ == "NOUN"  # "the Turkish government declared X": no noun phrase of X
    ):
        nouns.append(doc[k].lower_)
        k -= 1
    if k < 0 or not doc[k].text[:1].isupper() or (k > 0 and doc[k - 1].text == "-"):
        return None
    word = doc[k].text
    code = actors.country_code(word) if actors.is_adjective(word) else None
    if code is None or actors.country_name(code) is None:
        return None
    sector = actors.sector_of(" ".join(reversed(nouns))) if nouns else None
    if sector is None and private_nouns().intersection(nouns):
        sector = "CVL"  # "British tourist X"
    return actors.Actor(code, sector)  # the country alone when nothing says the sector


def private_person_actor(doc: Doc, person: list[Mention], country: str | None) -> actors.Actor | None:
    """The actor of a person news describes with no office: of a nationality written right before
    the name ("British rider Chris Froome": GBR, whatever the article's country; the sector only
    when its nouns give one), or as a private citizen, by age ("Betsy Ebeling, 68,",
    "17-year-old X"), by residence ("X, who lives in ...", "X, a Phoenix resident") or by a noun
    of ``private_nouns.txt`` right before the name or in an apposition ("employee Steve Castro",
    "X, a victim of ..."), the way reporters introduce people with no office (officials get a
    title instead, so this is for people with no title, no row and no other code): a civilian
    (CVL) of ``country``, the country the article's people are taken to belong to; None without
    such a country or such words."""
    stated = next((a for m in person if (a := _nationality_before(doc, m.i)) is not None), None)
    if stated is not None and stated.sector is not None:
        return stated  # "British tourist X"
    own = stated.code if stated is not None else country  # "the Ethiopian marathoner Feyisa Lilesa"
    if own is None:
        return None
    civilian = actors.Actor(own, "CVL")
    n = len(doc)
    nouns = private_nouns()
    for m in person:
        if _age_after(doc, m.j) or _age_before(doc, m.i):
            return civilian
        if m.i > 0 and doc[m.i - 1].lower_ in nouns:  # "Employee Steve Castro tells the paper"
            return civilian
        if m.j < n and doc[m.j].text == ",":
            clause = [t.lower_ for t in doc[m.j + 1 : min(n, m.j + 6)]]
            if clause[:2] in (["who", "lives"], ["who", "lived"]) or (
                clause[:1] in (["a"], ["an"]) and (_RESIDENCE_WORDS | nouns).intersection(clause[1:5])
            ):
                return civilian
    return stated


#: Words between a group and the names of some of its members: "protesters such as X and Y",
#: "activists including X", "media figures like X".
_EXAMPLES = (("such", "as"), ("including",), ("like",))
#: Words a list of names may hold between the names besides the names' own tokens.
_LIST_GLUE = frozenset({",", "and", "or", "&"})
#: How many words before "such as" a group's phrase may take ("pro-democracy student protesters").
_GROUP_REACH = 3


def example_member_actor(
    doc: Doc, person: list[Mention], names: frozenset[int], country: str | None
) -> actors.Actor | None:
    """The actor of a person named as an example of a group ("protesters such as X", "media
    figures such as A, B and X", "activists including X"): the group's sector (``sectors.tsv``) and
    the country of a nationality in the group's words ("Iraqi protesters"), else ``country`` (the
    article's people's); None when the group has no sector ("politicians such as X") or no
    country is known. ``names`` holds the token indexes of every entity mention of the article
    (the other names of the list)."""
    for m in person:
        k = m.i - 1
        sent_start = sent_bounds(doc, m.i)[0]
        while k >= sent_start and (k in names or doc[k].lower_ in _LIST_GLUE):
            k -= 1  # back over the names listed before this one
        cue = next((c for c in _EXAMPLES if k - len(c) + 1 >= sent_start and _words_at(doc, k, c)), None)
        if cue is None:
            continue
        end = k - len(cue) + 1  # the group's phrase ends before the cue
        words: list[Token] = []
        for t in reversed(doc[max(sent_start, end - _GROUP_REACH) : end]):
            if (t.i in names and actors.country_code(t.text) is None) or not (t.is_alpha or "-" in t.text):
                break
            words.insert(0, t)
        if not words or words[-1].pos_ not in ("NOUN", "PROPN"):
            continue
        sector = actors.sector_of(" ".join(t.text for t in words))
        own = next((c for t in words if (c := actors.country_code(t.text)) is not None), None)
        code = own or country
        if sector is None or code is None:
            return None
        return actors.Actor(code, sector)
    return None


def _list_comma(doc: Doc, m: Mention, names: frozenset[int]) -> int | None:
    """The comma that opens a list of two or more names holding the person ``m`` right after a
    plural noun ("two congressional Republicans, X and Y"; "state lawmakers, X, Y and Z"): the
    person first, with "and" or a comma and another name after it, or after other names. An
    untagged name of the list is a proper noun."""
    n = len(doc)
    sent_start, sent_end = sent_bounds(doc, m.i)
    named = {k for k in range(sent_start, min(n, sent_end)) if k in names or doc[k].tag_ == "NNP"}
    k = m.i - 1
    other = m.j + 1 < n and doc[m.j].lower_ in ("and", ",") and m.j + 1 in named  # "X and Y"
    while k > sent_start and (k in named or doc[k].lower_ in _LIST_GLUE):
        other = other or (k in named and doc[k + 1].lower_ in _LIST_GLUE)  # "Y and X": Y before
        if doc[k].text == "," and doc[k - 1].tag_ in ("NNS", "NNPS"):
            return k if other else None
        k -= 1
    return None


def listed_member_actor(
    doc: Doc, person: list[Mention], names: frozenset[int], country: str | None
) -> actors.Actor | None:
    """The actor of a person named in a list right after a plural noun of a group with a sector
    ("two of the state's congressional Republicans, X and Y": LEG; "three police officers, A, B
    and C": COP): the sector of the group's head noun ("two military analysts, X and Y": none)
    and the country of a nationality in its words, else
    ``country``; None when the group has no sector or no country is known."""
    for m in person:
        c = _list_comma(doc, m, names)
        if c is None:
            continue
        words: list[Token] = []
        for t in reversed(doc[max(sent_bounds(doc, m.i)[0], c - _GROUP_REACH) : c]):
            if not (t.is_alpha or "-" in t.text):
                break
            words.insert(0, t)
        sector = actors.head_sector(" ".join(t.text for t in words)) if words else None
        own = next((code for t in words if (code := actors.country_code(t.text)) is not None), None)
        if sector is None or (own or country) is None:
            return None
        return actors.Actor(own or country or "", sector)
    return None


def pair_member_actor(
    doc: Doc, person: list[Mention], names: frozenset[int], country: str | None
) -> actors.Actor | None:
    """The actor of one of two people described together after their names ("American Kevin King
    and Australian Timothy Weeks, both professors at the American University": EDU): the sector of
    the plural noun heading the words after "both" (up to "at", "of", "for" or a comma), the
    country of a nationality right before the person's name, else ``country``; None when the noun
    gives no sector or no country is known."""
    n = len(doc)
    for m in person:
        end = m.j
        if end + 1 < n and doc[end].lower_ == "and" and (end + 1 in names or doc[end + 1].tag_ == "NNP"):
            end += 1  # "X and Y, both ...", Y maybe untagged: a proper noun
            while end < n and (end in names or doc[end].tag_ == "NNP"):
                end += 1
        elif m.i >= 2 and doc[m.i - 1].lower_ == "and" and (m.i - 2 in names or doc[m.i - 2].tag_ == "NNP"):
            pass
        else:
            continue
        if end + 2 >= n or doc[end].text != "," or doc[end + 1].lower_ != "both":
            continue
        words: list[Token] = []
        for t in doc[end + 2 : min(n, end + 6)]:
            if t.lower_ in ("at", "of", "for", "with", "in") or not t.is_alpha:
                break
            words.append(t)
        if not words or words[-1].tag_ != "NNS":
            continue
        sector = actors.head_sector(" ".join(t.text for t in words))
        stated = _nationality_before(doc, m.i)
        code = stated.code if stated is not None else country
        if sector is None or code is None:
            return None
        return actors.Actor(code, sector)
    return None


def _words_at(doc: Doc, k: int, words: tuple[str, ...]) -> bool:
    """Whether ``words`` end at token ``k``."""
    start = k - len(words) + 1
    return all(doc[start + n].lower_ == w for n, w in enumerate(words))


#: Lemmas of nouns of a broadcast programme: its host's, named with its broadcaster.
_SHOW_LEMMAS = frozenset({"program", "programme", "show", "newscast", "broadcast"})


def programme_actor(
    doc: Doc, person: list[Mention], others: dict[int, tuple[int, str, actors.Actor | None]]
) -> actors.Actor | None:
    """The actor of a person whose own programme the article names with its broadcaster: "X,
    whose program on ABC ...", "X is a popular figure on CNN's morning program": the
    broadcaster's actor (an organisation of the article coded JRN). A guest appearing on a show
    ("X appeared on CNN's program") is not its host: only a programme that is the person's
    ("whose") or a description of the person (a predicate of "be") counts."""
    for m in person:
        head = doc[m.j - 1]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        shows: list[Token] = []
        for verb in head.children:  # "X, whose ''Live'' program on ABC lost ..."
            if verb.dep_ == "relcl":
                shows += [t for t in verb.subtree if t.lemma_ in _SHOW_LEMMAS and _owned_by_whose(t)]
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":  # "X is a figure on CNN's program"
            for attr in head.head.children:
                if attr.dep_ in ("attr", "acomp"):
                    shows += [t for t in attr.subtree if t.lemma_ in _SHOW_LEMMAS]
        for show in shows:
            for t in show.subtree:
                at = others.get(t.i)
                if at is not None and at[1] == "ORG" and at[2] is not None and at[2].sector == "JRN":
                    return at[2]
    return None


def _owned_by_whose(noun: Token) -> bool:
    return any(c.lower_ == "whose" for c in noun.children)


def title_org_actor(roles: list[Role], orgs: dict[str, actors.Actor]) -> actors.Actor | None:
    """The actor of a person whose title opens with the name of an organisation the article
    coded ("InfoNation President X", where "InfoNation, a Sugar Land-based provider of data" made
    the firm USA BUS), or names it after "of", "for" or "at" ("senior political strategist for the
    U.S. Chamber of Commerce", "President of Federal Reserve Bank of New York"): the
    organisation's, not the generic title's ("President" says GOV, "strategist" PTY).
    ``orgs`` maps the folded names and mentions of the article's coded organisations (not parties
    nor intergovernmental bodies: any country's people may hold their offices) to their actors.
    A title whose own organisation the tables know keeps its sector (:attr:`Role.org_sector`)."""
    for role in roles:
        if role.org_sector is not None:
            continue
        words = fold(role.title).split()
        # the name opening the title, or one after "of", "for" or "at" ("Senior Strategist for
        # U.S. Chamber of Commerce", "President of Federal Reserve Bank of New York")
        starts = [
            0,
            *(
                k + 1
                for k, w in enumerate(words)
                if w in _TITLE_BODY_PREPOSITIONS and not (k and words[k - 1] in CANDIDACY)
            ),  # "Nominee for Senate" runs for the Senate and is no member of it
        ]
        for start in starts:
            for n in range(len(words), start, -1):  # the longest name first: "Acme Data" before "Acme"
                if start == 0 and n == len(words):
                    continue  # the whole title is no organisation's name
                actor = orgs.get(" ".join(words[start:n]))
                if actor is not None:
                    return actor
    return None


#: Words of a title after which an organisation's name says whose office it is.
_TITLE_BODY_PREPOSITIONS = frozenset({"of", "for", "at"})

#: Title words that say a head of any body, a state's or not ("President of Farm Bureau"): with a
#: body the tables do not know, the state office their sector names (GOV) is not to be assumed.
_HEAD_TITLES = frozenset({"president", "chairman", "chairwoman", "chair", "chairperson", "director", "head"})
#: Staff titles of any body whose sector is a state's (GOV) only by default: "chief economic
#: adviser at Allianz" or "spokesman for Acme Widgets" holds no state office either.
_STAFF_TITLES = frozenset({"adviser", "advisor", "spokesman", "spokeswoman", "spokesperson"})


def uncoded_body_title(roles: list[Role], uncoded: frozenset[str]) -> bool:
    """Whether a role's title is a head's of a body the article names but nothing codes, after
    "of" or before the title ("President of Farm Bureau", "Farm Bureau President"; ``uncoded`` holds the
    folded names and mentions of the article's organisations with no actor): its holder heads
    that body, not a state, so the title's GOV says nothing. A title naming a state body keeps its
    sector ("President of Ohio Senate": LEG, from "Senate")."""
    for role in roles:
        if role.affiliation is not None or role.org_sector is not None or role.sector != "GOV":
            continue
        words = fold(role.title).split()
        bodies = [" ".join(words[:-1])] if len(words) > 1 and words[-1] in _HEAD_TITLES else []
        bodies += [  # "President of Farm Bureau"; "Farm Bureau President" above
            " ".join(words[k + 1 :])
            for k, word in enumerate(words[:-1])
            if word in _TITLE_BODY_PREPOSITIONS and k > 0 and words[k - 1] in _HEAD_TITLES | _STAFF_TITLES
        ]
        if any(body in uncoded and actors.sector_of(body) is None for body in bodies):
            return True
    return False


#: How many words a title may have between a principal's name and a staffer's: "Trump senior
#: communications adviser X", "Clinton campaign deputy communications director X".
_STAFF_REACH = 5


def staff_actor(
    doc: Doc,
    person: list[Mention],
    principals: dict[int, actors.Actor],
    surnames: dict[str, actors.Actor],
    has_title: bool,
) -> actors.Actor | None:
    """The actor of a person whose title follows the name of a candidate or party figure of the
    article ("Trump senior communications adviser X" in 2016, "Clinton campaign communications
    director X", "Sanders's spokesman X"): that person's country, sector PTY (a campaign's staff,
    as ``sectors.tsv`` has "campaign spokesman"). ``principals`` maps the end token of every
    mention of the article's coded people to their actors, ``surnames`` their last names (the
    model often leaves the principal's surname before a title untagged); the principal must be PTY, or the
    title say "campaign" ("Obama campaign manager" while he was president). None otherwise:
    "Obama adviser" in 2015 is a White House aide, whom the title's own sector covers."""
    if not has_title:
        return None
    for m in person:
        k, words = m.i - 1, list[str]()
        while k >= 0 and len(words) < _STAFF_REACH and k + 1 not in principals and doc[k].is_alpha:
            if doc[k].is_title and doc[k].lower_ in surnames:
                break  # "Trump senior communications adviser X", "Trump" untagged
            words.append(doc[k].lower_)
            k -= 1
        if k >= 1 and doc[k].text in ("'s", "’s") and k in principals:
            k -= 1  # "Sanders's spokesman X"
        actor = principals.get(k + 1) or (surnames.get(doc[k].lower_) if k >= 0 and doc[k].is_title else None)
        if actor is None or not words:
            actor = _principal_after(doc, m.j, principals)  # "X, a spokesman for Mrs. Clinton"
            words = ["campaign"] if actor is not None and actor.sector == "PTY" else []
        if actor is None or not words:
            continue
        if actor.sector == "PTY" or "campaign" in words:
            return actors.Actor(actor.code, "PTY")
    return None


def _principal_after(doc: Doc, j: int, principals: dict[int, actors.Actor]) -> actors.Actor | None:
    """The actor of the person a staff title set off after a name serves: "X, a spokesman for
    Mrs. Clinton", "X, an adviser to Mr. Trump" (the title's words end on a staff noun, then "for"
    or "to", an honorific or none, and the principal's coded mention)."""
    k = j + 1 if j < len(doc) and doc[j].text == "," else j
    if k < len(doc) and doc[k].lower_ in ("a", "an", "the"):
        k += 1
    n = 0
    while k < len(doc) and n < 3 and doc[k].is_alpha and doc[k].lower_ not in _STAFF_TITLES:
        k, n = k + 1, n + 1
    if not (k + 1 < len(doc) and doc[k].lower_ in _STAFF_TITLES and doc[k + 1].lower_ in ("for", "to")):
        return None
    k += 2
    if k < len(doc) and doc[k].text.rstrip(".") in ("Mr", "Mrs", "Ms"):
        k += 1
    return next((principals[e] for e in range(k + 1, min(k + 4, len(doc) + 1)) if e in principals), None)
