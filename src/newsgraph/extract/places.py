"""Geocoded toponyms: the ``newsgraph_places`` component (docs/places.md).

Which names are places: the mentions of the entities that ``newsgraph_entities`` typed GPE, LOC or
FAC; a name the model took for a person or organisation after "in", "near", ... or before ", <state
or country>"; a place name that starts an institution's name ("Gainesville Police") or follows its
"of"; the places of newsgraph's own table that the model missed ("Second Thomas Shoal"); and state
abbreviations after a town ("Dublin, Ga."). Demonyms ("Chinese") are not places, and neither is a
capital's name used for its government ("Washington said", "Moscow denied"), a known organisation
("the White House") or a disease's name ("Marburg virus").

Which place a name is (``resolve/gazetteer.py`` gives the candidates):

1. a prior: the kind of place (a country before a state before a town of the same name), the
   population, an alias that names a preferred place ("Washington" is the capital), the capital a
   capital's name stands for;
2. a state or country written after the name ("Paris, Texas" keeps only towns in Texas);
3. the document's context, in two passes over the other names' best places: their states and
   countries and the article's demonyms support places there, a country none of them is in loses
   (the article's focus), and towns near theirs gain.

A name gets one place in a document ("one sense per discourse")."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..resolve import actors
from ..resolve.gazetteer import Gazetteer, distance_km, gazetteer
from ..resolve.place_index import FEATURES, name_key
from ..tables import TABLES_VERSION, data_rows
from .annotations import doc_entities, doc_text, set_doc_places
from .component import Component
from .facts import PlaceFact
from .place_confidence import PlaceEvidence, confidence, weights
from .quotes import reporting_lemmas

#: Entity types whose mentions are place names.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Entity types a place name is sometimes mistaken for.
MISTYPED = frozenset({"PERSON", "ORG"})

#: Prior by kind of place, added to log10(population + 1).
FEATURE_PRIOR = {
    "country": 4.0,
    "continent": 4.0,
    "admin1": 2.5,
    "admin2": -0.5,
    "city": 0.0,
    "region": 3.0,
    "sea": 3.0,
    "water": 3.0,
    "island": 3.0,
    "landmark": 2.0,
    "other": 0.0,
}
#: Places of newsgraph's own table have no population; they score as if they had this many people.
EXTRA_POPULATION = 1_000_000
#: An alias of places_aliases.tsv names its preferred place ("Washington" -> the capital).
PREFERRED = 4.0
#: A division read by one of its other names ("Laurel" for Laurel County, "Moscow" for the Moskva
#: region) is less likely than one read by its own name.
ALIAS_ADMIN1 = 1.5
ALIAS_ADMIN2 = 3.0
#: A capital's name is the capital of the country the country table says.
CAPITAL = 1.5
#: A place inside the state or country written after the name ("Paris, Texas").
QUALIFIED = 20.0
#: A division whose same-named city holds this share of its people is taken for the city, and
#: loses this much.
CITY_SHARE = 0.25
CITY_DIVISION = 5.0
#: Context weights: each is multiplied by n / (n + 1) for n supporting names.
W_COUNTRY = 1.5
W_ADMIN1 = 3.5
W_NEAR = 1.5
#: The document's focus: a place in a country few of the other names are in loses
#: W_FOCUS * log10((names in its country + 1) / (all other names + 1)).
W_FOCUS = 3.0
#: Towns within this distance of another place the document names support each other.
NEAR_KM = 150.0
#: Candidates kept per name for the context pass, best priors first.
MAX_CANDIDATES = 60

#: ", GA", ", Ga.", ", Texas", ", Laos": up to three capitalised words after a comma.
_QUALIFIER = re.compile(r",\s*((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2})")


@cache
def cues() -> dict[str, frozenset[str]]:
    """The word lists of ``resolve/data/places_cues.tsv`` by kind."""
    out: dict[str, set[str]] = defaultdict(set)
    for kind, word in data_rows("newsgraph.resolve", "places_cues.tsv", strip=True, header=True):
        out[kind].add(word)
    out["actor_verb"] |= reporting_lemmas()
    return {k: frozenset(v) for k, v in out.items()}


@cache
def extra_names() -> tuple[str, ...]:
    """Names and other names of ``places_extra.tsv`` (for the matcher of missed names)."""
    rows = data_rows("newsgraph.resolve", "places_extra.tsv", header=True)
    names = {n for name, alts, *_ in rows for n in [name, *alts.split("|")] if n and " " in n}
    return tuple(sorted(names))


@lru_cache(maxsize=1 << 16)
def name_facts(text: str) -> tuple[bool, bool, bool, str | None]:
    """What the actor tables say of a name: (demonym or adjective, known organisation, capital,
    country code). Remembered, since the same names come back in every article."""
    return (
        actors.is_adjective(text),
        actors.organisation(text) is not None,
        actors.is_capital(text),
        actors.country_code(text),
    )


@dataclass(slots=True)
class Mention:
    """A place name in the text and what it resolved to."""

    start: int
    end: int
    text: str
    entity: str | None = None
    #: gazetteer entries the ", <state or country>" after the name allows, None when there is none
    within: set[int] | None = None
    #: True for a state or country written after a town and a comma: only those kinds are read
    qualifies: bool = False
    candidates: list[int] = field(default_factory=list)
    place: int | None = None
    #: how far the place's score is ahead of the next reading's (None: it was the only one)
    margin: float | None = None

    @property
    def key(self) -> str:
        return name_key(self.text)


@Language.factory(
    "newsgraph_places",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_places"],
    requires=["doc.ents", "doc._.newsgraph_entities"],
)
def make_places(nlp: Language, name: str, tables: str) -> PlaceExtractor:
    return PlaceExtractor(nlp, name, tables=tables)


class PlaceExtractor(Component):
    """Fills ``doc._.newsgraph_places`` with typed :class:`~newsgraph.extract.facts.PlaceFact`
    records. The gazetteer loads on the first document (or at ``initialize``)."""

    tables = (
        ("newsgraph.resolve", "places_cues.tsv"),
        ("newsgraph.resolve", "places_extra.tsv"),
        ("newsgraph.resolve", "places_countries.tsv"),
        ("newsgraph.resolve", "places_admin1.tsv"),
        ("newsgraph.resolve", "places_aliases.tsv"),
        ("newsgraph.extract", "place_confidence.tsv"),
    )
    needs = ("ENT_IOB",)

    def __init__(self, nlp: Language, name: str, *, tables: str = TABLES_VERSION) -> None:
        super().__init__(nlp, name, tables=tables)
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("PLACE", [nlp.make_doc(n) for n in extra_names()])

    def annotate(self, doc: Doc) -> None:
        self.set_annotations(doc, self.match(doc))

    def load_tables(self) -> None:
        gazetteer()
        weights()

    def match(self, doc: Doc) -> list[Mention]:
        gaz = gazetteer()
        mentions = [m for m in find_mentions(doc, gaz, self.matcher) if not is_actor_use(doc, m)]
        resolve(mentions, gaz, demonym_countries(doc))
        return [m for m in mentions if m.place is not None]

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        gaz = gazetteer()
        set_doc_places(doc, tuple(record(m, gaz) for m in mentions))


def record(m: Mention, gaz: Gazetteer) -> PlaceFact:
    """The typed record of a resolved mention (its JSON form: docs/places.md)."""
    assert m.place is not None
    place = gaz.place(m.place).as_dict()
    sure = confidence(PlaceEvidence.of(m, gaz))
    return PlaceFact(m.text, m.start, m.end, **place, entity=m.entity, confidence=sure)


# -- finding names ---------------------------------------------------------------------------


def find_mentions(doc: Doc, gaz: Gazetteer, matcher: PhraseMatcher | None = None) -> list[Mention]:
    """Place names in ``doc``, in text order, without overlaps."""
    found: list[Mention] = []
    text = doc_text(doc)
    entities = doc_entities(doc)
    if entities:
        for ent in entities:
            for m in ent.mentions:
                for start, end in place_parts(text, m.start, m.end, ent.type, gaz):
                    found.append(
                        Mention(
                            start, end, text[start:end], ent.id if end - start == m.end - m.start else None
                        )
                    )
    else:  # the component runs without newsgraph_entities: the model's spans
        for span in doc.ents:
            for start, end in place_parts(text, span.start_char, span.end_char, span.label_, gaz):
                found.append(Mention(start, end, text[start:end]))
    if matcher is not None:
        for _, i, j in matcher(doc):
            span = doc[i:j]
            found.append(Mention(span.start_char, span.end_char, span.text))
    found = _split_commas(_without_overlaps(found))
    return _with_qualifiers(text, found, gaz)


#: A word of a name: no spaces, commas, brackets or quotation marks.
_WORD = re.compile(r"[^\s,;:()\[\]\"“”]+")
#: Least population of a town read out of an organisation's or person's name.
EMBEDDED_MIN_POP = 5000


def place_parts(doc_text: str, start: int, end: int, label: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """The place names in an entity mention ``doc_text[start:end]`` of type ``label``: the whole
    mention when it is a place name; for a place type, the name without a direction word
    ("Northeast Georgia" -> "Georgia"); the place name that starts an organisation's or a person's
    name ("Gainesville Police", "Laurel County Clerk Dean Johnson"), or follows "of" in an
    organisation's name ("University of Kentucky")."""
    text = doc_text[start:end]
    cue = cues()
    if not text[:1].isupper() or text in cue["not_place"] or text in cue["direction"]:
        return []
    if _names_disease(doc_text, end):
        return []
    if name_facts(text)[1]:
        return []  # a known organisation ("the White House", "the Kremlin")
    if label in PLACE_TYPES and gaz.lookup(text):
        return [(start, end)]
    if label in MISTYPED and _looks_placed(doc_text, start, end, gaz):
        return [(start, end)]
    if label not in PLACE_TYPES and label not in MISTYPED:
        return []
    words = [(start + w.start(), start + w.end()) for w in _WORD.finditer(text)]
    if len(words) < 2:
        return []
    first = doc_text[words[0][0] : words[0][1]]
    if label in PLACE_TYPES and first in cue["direction"]:
        rest = words[1][0]
        if _strong(gaz, doc_text[rest:end], towns=False):
            return [(rest, end)]
    out: list[tuple[int, int]] = []
    for n in range(min(3, len(words) - 1), 0, -1):
        part = [doc_text[a:b] for a, b in words[: n + 1]]
        if not all(w[:1].isupper() for w in part):
            continue
        a, b = words[0][0], _trim_possessive(doc_text, words[n - 1][1])
        institution = part[-1] in cue["institution"]
        if not _strong(gaz, doc_text[a:b], towns=True):
            continue
        # the longest place name at the start decides: "Kansas City Star" is no place at all
        if part[-1] not in cue["title"] and (
            institution or (label != "PERSON" and _strong(gaz, doc_text[a:b], towns=False))
        ):
            out.append((a, b))
        break
    if label != "PERSON":
        for k, (a, b) in enumerate(words[:-1]):
            if doc_text[a:b] != "of":
                continue
            for n in range(min(3, len(words) - k - 1), 0, -1):
                a2, b2 = words[k + 1][0], _trim_possessive(doc_text, words[k + n][1])
                name = doc_text[a2:b2]
                if name[:1].isupper() and _strong(gaz, name, towns=False):
                    out.append((a2, b2))
                    break
    return out


def _names_disease(text: str, end: int) -> bool:
    """True when the word after ``end`` makes the name a disease's ("Marburg virus")."""
    after = text[end : end + 16].split()
    return bool(after) and after[0].lower().strip(".,;:") in cues()["disease"]


def _trim_possessive(text: str, end: int) -> int:
    return end - 2 if text[end - 2 : end] in ("'s", "’s") else end


def _strong(gaz: Gazetteer, name: str, *, towns: bool = True) -> bool:
    """True when ``name`` names a country, a division, a place of newsgraph's table or (with
    ``towns``) a town of at least EMBEDDED_MIN_POP people, and is no organisation or demonym."""
    cue = cues()
    if name in cue["not_place"] or name in cue["direction"]:
        return False
    adjective, organisation, _, _ = name_facts(name)
    if adjective or organisation:
        return False
    for i in gaz.lookup(name):
        feature = gaz.feature[i]
        if feature != _CITY and feature in _DIVISIONS | _QUALIFYING | _EXTRA:
            return True
        if towns and feature == _CITY and gaz.population[i] >= EMBEDDED_MIN_POP:
            return True
    return False


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest first where two overlap; the model's (entity) mention wins a tie."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.entity is None, m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        out.append(m)
        taken.append((m.start, m.end))
    return sorted(out, key=lambda m: m.start)


def _split_commas(mentions: list[Mention]) -> list[Mention]:
    """ "Paris, Texas" as one span becomes two names."""
    out: list[Mention] = []
    for m in mentions:
        if ", " not in m.text:
            out.append(m)
            continue
        offset = 0
        for part in m.text.split(", "):
            if part.strip():
                out.append(Mention(m.start + offset, m.start + offset + len(part), part, m.entity))
            offset += len(part) + 2
    return out


def _looks_placed(doc_text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """A name the model took for a person or organisation is a place when the gazetteer knows it
    and it follows a locative preposition ("in Alexandria") or comes before ", <state>"."""
    text = doc_text[start:end]
    if not _strong(gaz, text):
        return False
    before = doc_text[max(0, start - 12) : start].split()
    if before and before[-1].lower() in cues()["locative"]:
        return True
    after = _QUALIFIER.match(doc_text, end)
    return after is not None and bool(_qualifier_entries(after.group(1), gaz)[0])


def _qualifier_entries(text: str, gaz: Gazetteer) -> tuple[set[int], int]:
    """Entries a qualifier names (a state, province or country) and the length of the text that
    names them: the longest of up to three words, written as an abbreviation, a postal code or a
    name."""
    words = text.split()
    for n in range(len(words), 0, -1):
        part = " ".join(words[:n]).rstrip(",")
        found = gaz.abbreviations.get(part) or gaz.postal.get(part)
        if not found:
            found = [i for i in gaz.lookup(part) if gaz.feature[i] in _QUALIFYING]
        if found:
            return set(found), len(part)
    return set(), 0


#: Kinds of place a qualifier after a comma may name (as stored in ``Gazetteer.feature``).
_QUALIFYING = frozenset({FEATURES.index("country"), FEATURES.index("admin1")})
_CITY = FEATURES.index("city")
_COUNTRY = FEATURES.index("country")
_DIVISIONS = frozenset({FEATURES.index("admin1"), FEATURES.index("admin2")})
#: Kinds of place that only newsgraph's own table holds.
_EXTRA = frozenset(
    FEATURES.index(f) for f in ("region", "continent", "sea", "water", "island", "landmark", "other")
)
#: Kinds of place that count as towns for nearness.
_LOCAL = frozenset({FEATURES.index("city"), FEATURES.index("admin2")})


def _with_qualifiers(doc_text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Read ", <state or country>" after each name; a qualifier the model did not tag ("Ga.")
    becomes a mention of its own."""
    by_start = {m.start: m for m in mentions}
    added: list[Mention] = []
    for m in mentions:
        found = _QUALIFIER.match(doc_text, m.end)
        if found is None:
            continue
        entries, length = _qualifier_entries(found.group(1), gaz)
        if not entries:
            continue
        m.within = entries
        q_start = found.start(1)
        qualifier = by_start.get(q_start)
        if qualifier is None:
            qualifier = Mention(q_start, q_start + length, doc_text[q_start : q_start + length])
            qualifier.candidates = sorted(entries)
            added.append(qualifier)
            by_start[q_start] = qualifier
        qualifier.qualifies = True
    return sorted(mentions + added, key=lambda m: m.start)


def demonym_countries(doc: Doc) -> Counter[str]:
    """Countries the document's demonyms and nationality adjectives name ("Israeli" -> ISR)."""
    out: Counter[str] = Counter()
    for ent in doc_entities(doc):
        if ent.type == "NORP" and ent.code:
            out[ent.code] += 1
    return out


def is_actor_use(doc: Doc, m: Mention) -> bool:
    """True for a capital's name used for its government: the subject of a speech or action
    verb ("Washington said", "Moscow has denied")."""
    if not name_facts(m.text)[2]:
        return False
    span: Span | None = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in cues()["actor_verb"]


# -- resolving -------------------------------------------------------------------------------


def prior(gaz: Gazetteer, i: int, key: str, text: str) -> float:
    """How likely entry ``i`` is for a name read with nothing around it."""
    feature = gaz.feature[i]
    kind = FEATURES[feature]
    pop = gaz.population[i] or (EXTRA_POPULATION if gaz.geonameid[i] == 0 else 0)
    score = math.log10(pop + 1) + FEATURE_PRIOR[kind]
    if feature in _DIVISIONS and name_key(gaz.names[i]) != key:
        score -= ALIAS_ADMIN2 if kind == "admin2" else ALIAS_ADMIN1
    if (key, i) in gaz.preferred:
        score += PREFERRED
    _, _, capital, code = name_facts(text)
    if kind == "city" and capital and code == gaz.country_code(i):
        score += CAPITAL
    return score


def resolve(mentions: list[Mention], gaz: Gazetteer, demonyms: Counter[str] | None = None) -> None:
    """Set ``place`` on every mention the gazetteer knows (see the module docstring)."""
    not_place = cues()["not_place"]
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        adjective, organisation, _, _ = name_facts(m.text)
        if m.text in not_place or adjective or organisation:
            continue
        if not m.candidates:
            m.candidates = list(gaz.abbreviations.get(m.text, ())) or gaz.lookup(m.text)
        if m.qualifies:
            m.candidates = [i for i in m.candidates if gaz.feature[i] in _QUALIFYING] or m.candidates
        if m.candidates:
            groups[m.key].append(m)
    if not groups:
        return
    # per name: its candidates, with the qualifier's constraint and the prior
    scored: dict[str, dict[int, float]] = {}
    for key, ms in groups.items():
        within = set().union(*(m.within for m in ms if m.within)) if any(m.within for m in ms) else None
        if within is not None and any(gaz.feature[i] == _COUNTRY for i in ms[0].candidates):
            within = None  # "China, Japan" is a list, not a town in Japan
        base: dict[int, float] = {}
        first = next((m for m in ms if m.qualifies), ms[0])
        for i in first.candidates:
            base[i] = prior(gaz, i, key, first.text)
            if (
                within is not None
                and i not in within
                and (gaz.admin1[i] in within or _country_entry(gaz, i) in within)
            ):
                base[i] += QUALIFIED
        _prefer_cities(gaz, base)
        best = sorted(base, key=base.__getitem__, reverse=True)[:MAX_CANDIDATES]
        scored[key] = {i: base[i] for i in best}
    picks = {key: max(c, key=c.__getitem__) for key, c in scored.items()}
    margins: dict[str, float | None] = {}
    for _ in range(2):  # context from the first pass's picks, then from the second's
        picks = _rescore(gaz, scored, picks, demonyms or Counter(), margins)
    for key, ms in groups.items():
        for m in ms:
            m.place, m.margin = picks[key], margins.get(key)


#: Degrees of latitude within NEAR_KM: a cheap test before the distance.
_NEAR_DEG = NEAR_KM / 111.0


def _near(lat: float, lon: float, key: str, towns: list[tuple[str, float, float]]) -> int:
    """How many of the other names' towns lie within NEAR_KM of the point."""
    return sum(
        1
        for k, la, lo in towns
        if k != key and abs(la - lat) <= _NEAR_DEG and distance_km(lat, lon, la, lo) <= NEAR_KM
    )


def _prefer_cities(gaz: Gazetteer, base: dict[int, float]) -> None:
    """A division named like a city that fills most of it is the city ("Pyongyang", "Moscow",
    "Beijing" are cities, not their provinces): such divisions lose CITY_DIVISION."""
    divisions = [i for i in base if gaz.feature[i] in _DIVISIONS]
    if not divisions:
        return
    for i in base:
        if gaz.feature[i] != _CITY:
            continue
        for d in (gaz.admin1[i], gaz.admin2[i]):
            if d in base and d != i and gaz.population[i] >= CITY_SHARE * gaz.population[d]:
                base[d] -= CITY_DIVISION


def _country_entry(gaz: Gazetteer, i: int) -> int:
    code = gaz.country_code(i)
    return gaz.countries.get(code, -1) if code else -1


def _rescore(
    gaz: Gazetteer,
    scored: dict[str, dict[int, float]],
    picks: dict[str, int],
    demonyms: Counter[str],
    margins: dict[str, float | None] | None = None,
) -> dict[str, int]:
    """Each name's best candidate given the other names' current picks; ``margins`` gets, per
    name, how far the best score is ahead of the second (None for a name with one candidate)."""
    countries: Counter[str] = Counter(demonyms)
    admin1s: Counter[int] = Counter()
    towns: list[tuple[str, float, float]] = []
    for key, i in picks.items():
        code = gaz.country_code(i)
        if code:
            countries[code] += 1
        if gaz.admin1[i] >= 0:
            admin1s[gaz.admin1[i]] += 1
        if gaz.feature[i] in _LOCAL:
            towns.append((key, gaz.lat[i], gaz.lon[i]))
    total = sum(countries.values())
    out: dict[str, int] = {}
    for key, cands in scored.items():
        own = picks[key]
        own_code, own_admin1 = gaz.country_code(own), gaz.admin1[own]
        best, best_score, second = own, -math.inf, -math.inf
        for i, base in cands.items():
            code = gaz.country_code(i)
            c = countries[code] - (own_code == code) if code else 0
            a1 = gaz.admin1[i]
            a = admin1s[a1] - (own_admin1 == a1) if a1 >= 0 else 0
            score = base + W_COUNTRY * c / (c + 1) + W_ADMIN1 * a / (a + 1)
            if W_FOCUS:
                score += W_FOCUS * math.log10((c + 1) / (total - (own_code is not None) + 1))
            if towns and gaz.feature[i] in _LOCAL:
                n = _near(gaz.lat[i], gaz.lon[i], key, towns)
                score += W_NEAR * n / (n + 1)
            if score > best_score:
                best, best_score, second = i, score, best_score
            elif score > second:
                second = score
        out[key] = best
        if margins is not None:
            margins[key] = best_score - second if second > -math.inf else None
    return out
