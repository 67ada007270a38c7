"""Which country an article, a person or an institution belongs to, from what the article
says: the main country (``main_country``), the country a bare national title may take
(``people_country``), the countries named often enough to tell namesakes apart
(``named_countries``), a country after the name ("X of Nigeria"), and a country's institution
named with it ("Nigerian Senate"); an unknown body's actor from its own name comes from
``extract/named_bodies.py`` (``named_body_actor``, used here as ``countries.named_body_actor``).
Used by ``extract/entities.py``."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import SUBNATIONAL_MIN_POPULATION, gazetteer
from ..tables import data_lines
from .annotations import doc_lowers, doc_sent_starts, doc_words, sent_bounds
from .entity_names import state_abbreviation
from .mentions import Mention
from .named_bodies import named_body_actor as named_body_actor  # the extractor's: countries.*
from .role_titles import subnational_titles
from .roles import Role


def subnational_country(text: str) -> str | None:
    """The country of a state, province or city named ``text`` (see the gazetteer)."""
    return gazetteer().subnational_country(text)


@lru_cache(maxsize=4096)
def state_namesake(text: str) -> str | None:
    """The country of the one state or province of another country named like a country
    ("Georgia": USA, "Niger": NGA); None for other names (see the gazetteer)."""
    return gazetteer().state_namesake(text)


def home_code(m: Mention, context: str | None) -> str | None:
    """:func:`mention_country`, except that a state named like a country is the main country's
    state when the article is about that country ("senator from Georgia" in US news: USA)."""
    code = mention_country(m)
    if code is not None and context is not None and m.label == "GPE" and state_namesake(m.text) == context:
        return context
    return code


def mention_country(m: Mention) -> str | None:
    """The country a place, nationality or region mention names: its own code ("France",
    "French", "Paris"), else the country of a state, province or city ("Wisconsin", "Kharkiv")."""
    if actors.shared_country(m.text):
        return None  # "Korea": South or North (see :func:`shared_names`)
    code = actors.country_code(m.text)
    if code is None and m.label == "GPE":
        code = subnational_country(m.text)
    return code


def shared_names(mentions: list[Mention]) -> dict[str, str | None]:
    """Each country form of the article that several states go by ("Korea", "Congo",
    "Congolese": :func:`resolve.actors.shared_country`) mapped to the one of those states the
    article names by a form of its own ("South Korea", "Seoul", "Kinshasa", "DRC"), or to None
    when it names none of them or more than one: "Korea" beside "North Korea" and "Seoul" may be
    either state or the peninsula, and an unclear country is no country."""
    shared = {m.text: codes for m in mentions if (codes := actors.shared_country(m.text))}
    if not shared:
        return {}
    named = {
        code
        for m in mentions
        if m.label in ("GPE", "NORP", "LOC")
        and m.text not in shared
        and (code := actors.country_code(m.text)) is not None
    }
    out: dict[str, str | None] = {}
    for text, codes in shared.items():
        found = named.intersection(codes)
        out[text] = found.pop() if len(found) == 1 else None
    return out


def sentence_starts(doc: Doc) -> list[int]:
    """The tokens that start a sentence, in order, read from the doc's array at once."""
    return doc_sent_starts(doc)


def sentence_start(starts: list[int], i: int) -> int:
    """``doc[i].sent.start`` from :func:`sentence_starts` (0 when no sentence starts before ``i``),
    without making a Token and a Span per look."""
    k = bisect_right(starts, i)
    return starts[k - 1] if k else 0


#: Dashes that end a dateline ("ROME — ", "WASHINGTON (Reuters) - ").
_DATELINE_DASHES = frozenset({"-", "--", "–", "—", "―"})


def is_dateline(doc: Doc, m: Mention) -> bool:
    """Whether a place mention is an article's or paragraph's dateline: it opens a sentence and
    only capitalised words, commas and a wire service in brackets stand between it and a dash
    ("ROME – Sanders met ...", "LAGOS, Nigeria (Reuters) — "). A dateline says where the reporter
    is, not whose actors the article is about."""
    if m.i > 0 and not doc[m.i].is_sent_start and "\n" not in doc[m.i - 1].text_with_ws:
        return False
    for k in range(m.j, min(len(doc), m.j + 6)):
        t = doc[k]
        if t.text in _DATELINE_DASHES:
            return True
        if not (t.is_punct or t.text[:1].isupper() or t.is_space):
            return False
    return False


def main_country(mentions: list[Mention], doc: Doc | None = None) -> str | None:
    """The country the article is mostly about: the most mentioned country code (names, adjectives,
    capitals, the states, provinces and cities that clearly belong to one country, national
    institutions named with their country, "Nigerian Senate", and known state bodies and parties,
    "the FBI", "Republicans"), the first
    mentioned on a tie; None when no country is named. With the ``doc``, a dateline's place is
    not counted (:func:`is_dateline`: "ROME – Sanders met ..." is US news written in Rome)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    namesakes: list[tuple[Mention, str, str]] = []
    for m in mentions:
        code = None
        if doc is not None and m.label in ("GPE", "LOC") and is_dateline(doc, m):
            continue
        if m.label in ("GPE", "NORP", "LOC"):
            code = mention_country(m)
            state = state_namesake(m.text) if code and m.label == "GPE" else None
            if code and state:
                namesakes.append((m, code, state))  # "Georgia": counted once the others are
                continue
        elif m.label in ("ORG", "FAC") and (found := national_institution(m.text)) is not None:
            code = found[1]  # "the Nigerian Senate"
        if code is None and m.label in ("ORG", "NORP"):
            code = state_body_country(m.text)  # "the FBI", "Republicans"
        if code:
            counts[code] += 1
            first.setdefault(code, m.start)
    # a name of both a country and another country's state is the state when that country is
    # named more often than the namesake country: "Georgia" in US news
    for m, code, state in namesakes:
        target = state if counts[state] > counts[code] else code
        counts[target] += 1
        first.setdefault(target, m.start)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))


#: Sectors of a country's state bodies and parties: naming one ("the FBI", "the GOP") says which
#: country's affairs an article is about; a firm, a broadcaster or a wire service does not
#: ("Twitter", "Reuters" in an article about Nigeria).
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "PTY"})


@lru_cache(maxsize=16384)
def state_body_country(text: str) -> str | None:
    """The country of a known state body or party ``text`` names ("FBI" -> USA, "Republicans" ->
    USA, "Bundestag" -> DEU); None for firms, media and intergovernmental bodies."""
    org = actors.organisation(text) or actors.party(text)
    if org is None or not org.code or org.sector not in STATE_SECTORS:
        return None
    return org.code if actors.country_name(org.code) else None


def people_country(doc: Doc, mentions: list[Mention], context: str | None) -> str | None:
    """The main country ``context`` as the country of a person's bare national title ("President
    X"), when it is named in two sentences or more (by a place, a nationality, a state body or a
    party of that country): a country named in one sentence only is often the other party
    ("President Bush threatened Russia"), not the person's own; and not when another country is
    named nearly as often as a nation, by its name, people or bodies (an article about two
    countries' dispute: "Spokesperson X" may speak for either); its cities say where things
    happened, not who acted ("the Benghazi attack" in US news)."""
    if context is None:
        return None
    sentences: dict[str, set[int]] = {}
    nations: dict[str, set[int]] = {}  # by a country's name, people or bodies: not its cities
    starts = sentence_starts(doc)
    for m in mentions:
        code = home_code(m, context) if m.label in ("GPE", "NORP", "LOC") else None
        nation = code is not None and actors.country_code(m.text) == code
        if m.label == "ORG":
            code = org_country(m.text)  # "the Nigeria Police"
            nation = True
        elif code is None and m.label == "NORP":
            code = state_body_country(m.text)  # "Republicans"
            nation = True
        if code:
            at = sentence_start(starts, m.i)
            sentences.setdefault(code, set()).add(at)
            if nation:
                nations.setdefault(code, set()).add(at)
    own = len(sentences.get(context, ()))
    rival = max((len(s) for c, s in nations.items() if c != context and actors.country_name(c)), default=0)
    if rival >= RIVAL_SENTENCES and RIVAL_SHARE * own <= rival:
        return None  # two countries in the news: "Spokesperson X" may be either's
    return context if own >= 2 else None


def titled_person_actor(roles: list[Role], country: str | None) -> actors.Actor | None:
    """The actor of a person whose title says a sector but no country ("talk show host X",
    "attorney X", "NBC executive X"): the country people of the article are taken to belong to
    (``people_country``), the title's sector; None with no such country or no sector."""
    if country is None:
        return None
    sector = next((s for r in roles if (s := r.sector)), None)
    return actors.Actor(country, sector) if sector else None


def located_in(doc: Doc, place: list[Mention], mentions: list[Mention]) -> str | None:
    """The country of the state or province named right after one of a place's mentions by a
    comma ("Berlin, New Hampshire": USA; "Moscow, Idaho"), written out or abbreviated ("Athens,
    Ga.", "Paris, Tenn.", "Rome, N.Y.": local news writes states so), or a state named like a
    country where that country has no town of the place's name and the state's country has
    ("Athens, Georgia": USA; "Gori, Georgia" stays Georgia's); None otherwise ("Paris, France":
    the country says it)."""
    starts = {m.i: m for m in mentions if m.label == "GPE"}
    for m in place:
        nxt = starts.get(m.j + 1) if m.j < len(doc) and doc[m.j].text == "," else None
        if nxt is None:
            continue
        if (abbreviated := state_abbreviation(doc, nxt)) is not None:
            return abbreviated[1]
        if actors.country_code(nxt.text) is not None:
            if (code := town_of_namesake_state(m.text, nxt.text)) is not None:
                return code
            continue
        states = any(p.feature == "admin1" for p in gazetteer().candidates(nxt.text))
        if states and (code := subnational_country(nxt.text)) is not None:
            return code
    return None


def town_of_namesake_state(town: str, state: str) -> str | None:
    """The country of ``state`` as a state named like a country ("Georgia": USA), when a town
    named ``town`` is in that country and none in the country of the same name."""
    namesake = state_namesake(state)
    if namesake is None:
        return None
    shares = gazetteer().town_shares(town)
    return namesake if shares.get(namesake) and not shares.get(actors.country_code(state) or "") else None


def state_after_town(doc: Doc, state: list[Mention], mentions: list[Mention]) -> str | None:
    """The country of a state named like a country where a mention of it follows a town and a
    comma that places it there ("Athens, Georgia": the US state, not the country)."""
    ends = {m.j: m for m in mentions if m.label == "GPE"}
    for m in state:
        town = ends.get(m.i - 1) if m.i >= 2 and doc[m.i - 1].text == "," else None
        if town is not None and (code := town_of_namesake_state(town.text, m.text)) is not None:
            return code
    return None


#: The least population of a namesake place in the country the article names, as a share of the
#: biggest namesake's (:func:`namesake_place_actor`).
NAMESAKE_SHARE = 0.5


def mentioned_countries(mentions: list[Mention]) -> frozenset[str]:
    """Every country the article names by a place or a nationality, once or more."""
    return frozenset(code for m in mentions if m.label in ("GPE", "NORP") and (code := mention_country(m)))


def namesake_place_actor(name: str, named: frozenset[str]) -> actors.Actor | None:
    """The country of a place below the country level whose name several countries' places share
    ("Gaza": the Strip, or a province of Mozambique; "Liverpool": England or Sydney's suburb), when
    exactly one of those countries is named in the article (``named``, by a place or a
    nationality: :func:`mentioned_countries`) and its namesake is at least :data:`NAMESAKE_SHARE`
    as big as the biggest: that country's government. None for a country's own name, a name of
    no place with
    :data:`~newsgraph.resolve.gazetteer.SUBNATIONAL_MIN_POPULATION` people, or no single such
    country named."""
    if actors.country_code(name) is not None or not named:
        return None
    largest: dict[str, int] = {}
    for p in gazetteer().candidates(name):
        if p.feature != "country" and p.country and p.population >= SUBNATIONAL_MIN_POPULATION:
            largest[p.country] = max(largest.get(p.country, 0), p.population)
    # the country named must hold a namesake about as big as the biggest: a town of 20,000 in
    # France named "St. Louis" is not what French news beside "St. Louis" means
    least = NAMESAKE_SHARE * max(largest.values(), default=0)
    hits = [code for code, people in largest.items() if code in named and people >= least]
    return actors.Actor(hits[0], "GOV") if len(hits) == 1 else None


def possessive_org_actor(doc: Doc, person: list[Mention]) -> actors.Actor | None:
    """The actor of a person named after a known organisation's possessive ("CNN's Jake Tapper",
    "Google's Sundar Pichai", "the FBI's X"): the organisation's code and sector; None when no
    mention follows one or the organisation has no code or sector of its own."""
    for m in person:
        if m.i < 2 or doc[m.i - 1].text not in ("'s", "’s", "'", "’"):
            continue
        for n in (4, 3, 2, 1):
            if m.i - 1 - n < 0:
                continue
            org = actors.organisation(doc[m.i - 1 - n : m.i - 1].text)
            if org is not None:
                return actors.Actor(org.code, org.sector) if org.code and org.sector else None
    return None


def of_org_actor(doc: Doc, person: list[Mention]) -> actors.Actor | None:
    """The actor of a person named with a known organisation after "of" ("Robert Costa of The
    Washington Post", "Tim Rhodes of the FBI"): the organisation's code and sector, as
    ``possessive_org_actor``; None when no mention is followed by one, or it has no code or sector
    of its own (a party's adjective: "Paul Moss of the Democratic Party" may hold any office)."""
    n = len(doc)
    for m in person:
        k = m.j + 1
        if k >= n or doc[m.j].lower_ != "of":
            continue
        if doc[k].lower_ == "the":
            k += 1
        for size in (5, 4, 3, 2, 1):
            if k + size > n or (k + size < n and doc[k + size].text[:1].isupper() and doc[k + size].is_alpha):
                continue  # the whole name only: "of the Washington Post Company" is not the Post
            name = doc[k : k + size].text
            org = actors.organisation(name)
            if org is not None:
                a_party = org.sector == "PTY" and "Party" in org.name.split()  # not its organs
                fits = org.code and org.sector and not a_party
                return actors.Actor(org.code, org.sector) if fits else None
    return None


def possessive_country_actor(doc: Doc, person: list[Mention]) -> actors.Actor | None:
    """The actor of a person whose name is a country's possessive ("Hitler's Germany", "Putin's
    Russia": the country as that person ruled it): the country's code, sector GOV; None when no
    mention is followed by "'s" and a country's own name (not its adjective or capital)."""
    n = len(doc)
    for m in person:
        if m.j + 1 >= n or doc[m.j].text not in ("'s", "’s"):
            continue
        for k in (3, 2, 1):
            if m.j + 1 + k > n:
                continue
            place = doc[m.j + 1 : m.j + 1 + k].text
            code = actors.country_code(place)
            if code is not None and not actors.is_adjective(place) and not actors.is_capital(place):
                end = m.j + 1 + k
                if end < n and doc[end].text[:1].isupper() and doc[end].is_alpha:
                    break  # "Trump's America First policy": a longer name
                return actors.Actor(code, "GOV") if actors.country_name(code) else None
    return None


#: A second country (a state, not a body such as the UN) named in at least this share of the
#: main country's sentences, and in this many sentences or more, makes the main country no
#: evidence for a person's bare national title.
RIVAL_SHARE = 0.5
RIVAL_SENTENCES = 3


def of_country(doc: Doc, person: list[Mention]) -> str | None:
    """The country named right after one of the person's mentions by "of" ("Foreign Minister X
    of Nigeria"): the office's country; after a sub-national office ("Governor X of Kharkiv",
    "Mayor X of Los Angeles"), the country of the state, province or city named there."""
    for m in person:
        if m.j + 1 >= len(doc) or doc[m.j].lower_ != "of" or not doc[m.j + 1].text[:1].isupper():
            continue
        local = any(t.lower_.rstrip(".") in subnational_titles() for t in doc[max(0, m.i - 3) : m.i])
        for n in (3, 2, 1):  # the model often leaves the country untagged there
            place = doc[m.j + 1 : m.j + 1 + n].text
            code = actors.country_code(place)
            if code is not None and not actors.is_adjective(place) and not actors.is_capital(place):
                return code
            if local and code is None and (below := subnational_country(place)) is not None:
                return below
    return None


def rival_in_sentence(doc: Doc, first: Mention, mentions: list[Mention], context: str | None) -> bool:
    """Whether the sentence of the person's first mention names a state other than the main
    country ``context`` by its name, people or capital ("Spokesperson X told a briefing in Beijing
    that Manila should ...": X may be either's); another country's city there says where, not
    who ("the Benghazi attack")."""
    if context is None:
        return False
    sent_start, sent_end = sent_bounds(doc, first.i)
    return any(
        sent_start <= m.i < sent_end
        and m.label in ("GPE", "NORP")
        and (code := home_code(m, context)) not in (None, context)
        and actors.country_code(m.text) == code  # the nation, not a city: "the Benghazi attack"
        and actors.country_name(code) is not None
        for m in mentions
    )


def named_countries(doc: Doc, mentions: list[Mention]) -> frozenset[str]:
    """The countries the article names (by a place or a nationality) in two sentences or more:
    evidence enough to tell namesakes of two countries apart ("King Abdullah" in an article
    about Saudi Arabia), where a country named once may be the other party."""
    sentences: dict[str, set[int]] = {}
    starts = sentence_starts(doc)
    for m in mentions:
        if m.label in ("GPE", "NORP") and (code := mention_country(m)):
            sentences.setdefault(code, set()).add(sentence_start(starts, m.i))
    return frozenset(code for code, starts in sentences.items() if len(starts) >= 2)


@lru_cache(maxsize=16384)
def org_country(text: str) -> str | None:
    """The country of a state body or party an organisation's name gives ("the Nigeria Police",
    "the FBI"); None for firms and media ("Twitter" is named by the news of every country)."""
    actor = actors.resolve_actor(text, "ORG")
    return actor.code if actor and actor.sector in STATE_SECTORS else None


@lru_cache(maxsize=16384)
def national_institution(text: str) -> tuple[actors.OrgEntry, str] | None:
    """A country's name or adjective followed by an institution every country has
    (``organisations.tsv`` rows without a code): "Nigerian Senate", "Austrian Interior Ministry",
    "U.S. Navy", or that institution "of" the country ("Senate of Nigeria"); the institution and
    the country."""
    words = text.split()
    for n in range(1, min(3, len(words) - 1) + 1):
        code = actors.country_code(" ".join(words[:n]))
        if code is None:
            continue
        org = actors.organisation(" ".join(words[n:]))
        if org is not None and not org.code:
            return org, code
    body, of, place = text.rpartition(" of ")  # "Senate of Nigeria", "Parliament of the Ukraine"
    if of and body and (code := actors.country_code(place.removeprefix("the "))) is not None:
        org = actors.organisation(body)
        if org is not None and not org.code:
            return org, code
    return None


#: Words that give an organisation's seat before "in" and a place: "X is headquartered in Y",
#: "X, based in Y"; and after a place and a hyphen: "the Ohio-based firm X".
_SEAT_WORDS = frozenset({"headquartered", "based"})
#: Verbs and words that may stand between a name and its seat word ("X, which is based in Y").
_SEAT_GAP = frozenset({",", "is", "was", "which", "that", "now", "also"})


@lru_cache(maxsize=1)
def firm_suffixes() -> frozenset[str]:
    """Legal forms that end a firm's name (``extract/data/firm_suffixes.txt``: "Inc.", "Ltd")."""
    return frozenset(line.strip().lower() for line in data_lines("newsgraph.extract", "firm_suffixes.txt"))


def _place_code(m: Mention) -> str | None:
    """The country of a place mention: a country's own name or a state, province or city's."""
    return actors.country_code(m.text) or subnational_country(m.text)


def _seat(
    doc: Doc, spans: list[tuple[int, int]], places: dict[int, Mention], place_ends: dict[int, Mention]
) -> str | None:
    """The country of the place an organisation's name is said to be seated in: "X is
    headquartered in Y", "X, based in Y", "the Y-based firm X" (up to two words between)."""
    lowers = doc_lowers(doc)
    n = len(lowers)
    for i, j in spans:
        k = j
        while k < n and k - j < 3 and lowers[k] in _SEAT_GAP:
            k += 1
        if k + 1 < n and lowers[k] in _SEAT_WORDS and lowers[k + 1] == "in":
            place = places.get(k + 2)
            if place is not None and (code := _place_code(place)):
                return code
        for gap in (0, 1, 2):  # "the Ohio-based firm X": place, "-", "based", up to two words
            at = i - gap - 2
            based = at >= 1 and lowers[at] == "based" and lowers[at - 1] == "-"
            if based and (code := _based_place(doc, at - 1, place_ends)):
                return code
        hyphen = _apposition_based(doc, j)  # "X, a Sugar Land-based provider of ...": an apposition
        if hyphen is not None and (code := _based_place(doc, hyphen, place_ends)):
            return code
    return None


#: Words that open an apposition describing an organisation ("X, a Houston-based maker ...").
_APPOSITION_OPENERS = frozenset({"a", "an", "the"})


def _apposition_based(doc: Doc, j: int) -> int | None:
    """The hyphen's index of "<place>-based" in an apposition right after a name ending at ``j``:
    a comma, "a"/"an"/"the", up to three capitalised words, "-", "based"; else None."""
    k = j + 2
    if not (k < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in _APPOSITION_OPENERS):
        return None
    m = k
    while m < len(doc) and m - k < 3 and doc[m].is_title:
        m += 1
    if m == k or m + 1 >= len(doc) or doc[m].text != "-" or doc[m + 1].lower_ != "based":
        return None
    return m


def _based_place(doc: Doc, hyphen: int, place_ends: dict[int, Mention]) -> str | None:
    """The country of the place written before the hyphen of "-based": the place mention ending
    there, else the capitalised words before it read by the gazetteer ("Sugar Land", which the
    model often leaves untagged)."""
    place = place_ends.get(hyphen - 1)
    if place is not None:
        return _place_code(place)
    k = hyphen
    while k > 0 and hyphen - k < 3 and doc[k - 1].is_title:
        k -= 1
    for start in range(k, hyphen):  # the longest name first: "Sugar Land" before "Land"
        text = doc[start:hyphen].text
        if code := actors.country_code(text) or subnational_country(text):
            return code
    return None


def _name_spans(doc: Doc, org: list[Mention]) -> list[tuple[int, int]]:
    """Every token range writing one of an organisation's mentions, tagged by the model or not
    (it often tags a firm's name in one sentence only)."""
    words = doc_words(doc)
    forms = {tuple(words[m.i : m.j]) for m in org}
    return sorted(
        (k, k + len(form))
        for form in forms
        for k in range(len(words) - len(form) + 1)
        if words[k] == form[0] and tuple(words[k : k + len(form)]) == form
    )


def _firm_sector(doc: Doc, spans: list[tuple[int, int]]) -> str | None:
    """The sector the words beside an organisation's mentions give it: a legal form ending its
    name ("Acme Inc."), a noun or title right after it ("WeWork founder", "Quill's parent company")
    or right before it ("the firm X", "the Ohio-based startup X"); one sector or none."""
    found: set[str] = set()
    for i, j in spans:
        if doc[j - 1].lower_.rstrip(".") in firm_suffixes():
            found.add("BUS")
        k = j + 1 if j < len(doc) and doc[j].text in ("'s", "’s") else j
        after = " ".join(t.lower_ for t in doc[k : k + 2] if t.is_alpha and not t.is_stop)
        before = doc[i - 1].lower_ if i >= 1 and doc[i - 1].is_alpha else ""
        for words in (after, before, _apposition_head(doc, j)):
            if words and (sector := actors.sector_of(words)) is not None:
                found.add(sector)
    if len(found) > 1:
        found.discard("GOV")  # a generic title ("InfoNation President") beside a firm's word
    return found.pop() if len(found) == 1 else None


def _apposition_head(doc: Doc, j: int) -> str:
    """The noun an apposition "X, a <place>-based ... <noun>" gives the name ending at ``j``:
    the last word before "of", "that", "which" or punctuation, at most four words after
    "based" ("provider" of "a Sugar Land-based provider of data", "firm" of "a California-based
    automobile data firm"); "" without such an apposition."""
    hyphen = _apposition_based(doc, j)
    if hyphen is None:
        return ""
    head = ""
    for t in doc[hyphen + 2 : hyphen + 6]:
        if not t.is_alpha or t.lower_ in ("of", "that", "which", "who", "and", "with", "for", "in"):
            break
        head = t.lower_
    return head


def headquarters_actor(doc: Doc, org: list[Mention], mentions: list[Mention]) -> actors.Actor | None:
    """The actor of an organisation the tables do not know whose seat the article gives ("WeWork
    is headquartered in New York City", "the Ohio-based firm X"): the seat's country, with the
    sector the words beside its mentions give ("WeWork founder": BUS, "the firm X"; a state
    sector stays with ``named_body_actor``); None without a seat or without one such sector (an
    organisation's country alone says nothing of whom it acts for)."""
    lowers = doc_lowers(doc)
    if "headquartered" not in lowers and "based" not in lowers:
        return None  # most articles: no seat said of anything
    places = {m.i: m for m in mentions if m.label in ("GPE", "LOC")}
    place_ends = {m.j - 1: m for m in mentions if m.label in ("GPE", "LOC")}
    spans = _name_spans(doc, org)
    code = _seat(doc, spans, places, place_ends)
    if code is None:
        return None
    sector = _firm_sector(doc, spans)
    if sector is None or sector in STATE_SECTORS:
        return None
    return actors.Actor(code, sector)
