"""How much an article is about public affairs: the ``newsgraph_relevance`` component.

Sport, entertainment, product, lifestyle and science pages use the words of conflict ("beat",
"attack", "fight", "release", "offer") without reporting anything an analyst of world affairs wants
as an event. Each article gets a score in [0, 1]: the smoothed share of public-affairs evidence
among all evidence of what the article is about,

    relevance = (public + 1) / (public + other + 2)

where ``public`` counts the article's nouns, adjectives and proper nouns whose lemma the word table
``data/relevance_words.tsv`` files under public affairs (government, elections, courts, police,
war, diplomacy, economic and social policy, protest), plus two for each person or organisation the
entity step coded as a state or political actor (a country's government, military, police, courts,
legislature, parties, rebels, intelligence; an IGO); ``other`` counts the words it files under
sport, entertainment, product, lifestyle, science, business and community (ceremonies, awards,
fund-raisers, talks and clubs, church life, obituaries: a civic title at such an event does not
make the article public affairs). An article with no evidence
either way scores 0.5. At 0.5 and above an article counts as public affairs
(:data:`PUBLIC_AFFAIRS`); the events component lowers the confidence of events in articles below
it, so that by default they are not reported as facts. The score is stored with the article
(``articles.relevance``) and can be filtered on."""

from __future__ import annotations

from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.symbols import PROPN
from spacy.tokens import Doc

from ..tables import TABLES_VERSION, data_rows
from .annotations import doc_entities, doc_lemmas, doc_pos
from .component import Component
from .thresholds import PUBLIC_AFFAIRS as PUBLIC_AFFAIRS

#: The word table: lemma and section.
TABLE = ("newsgraph.extract", "relevance_words.tsv")
#: Entity sectors that are state or political actors (PLOVER sector codes).
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "PTY", "REB", "SPY", "PRM", "UAF", "OPP"})
#: Actor codes of organisations that are political actors whatever their sector.
POLITICAL_CODES = frozenset({"IGO", "UNO", "EUR", "IMG"})
#: What one political entity counts for, against one word.
ENTITY_WEIGHT = 2
_COUNTED_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_COUNTED_POS_IDS = frozenset(POS_IDS[p] for p in _COUNTED_POS)
#: Entity types whose political sector is evidence: people (by their roles) and organisations.
_ACTOR_TYPES = frozenset({"PERSON", "ORG"})

if not Doc.has_extension("newsgraph_relevance"):
    Doc.set_extension("newsgraph_relevance", default=None)


def load_sections() -> dict[str, str]:
    """Lemma -> section (``public``, ``sport``, ...), from the word table."""
    return {row[0]: row[1] for row in data_rows(*TABLE, strip=True) if len(row) >= 2}


def relevance_score(public: float, other: float) -> float:
    """The score of an article with this much evidence each way (see the module docstring)."""
    return (public + 1.0) / (public + other + 2.0)


def doc_relevance(doc: Doc) -> float | None:
    """The article's relevance score, when the component ran."""
    value = doc._.newsgraph_relevance
    return None if value is None else float(value)


class RelevanceScorer(Component):
    """Sets ``doc._.newsgraph_relevance``."""

    tables = (TABLE,)
    needs = ("TAG",)

    def __init__(self, nlp: Language, name: str, *, tables: str = TABLES_VERSION) -> None:
        super().__init__(nlp, name, tables=tables)
        self.sections = load_sections()

    def load_tables(self) -> None:
        self.sections = load_sections()

    def evidence(self, doc: Doc) -> tuple[int, int]:
        """The public-affairs and the other evidence in ``doc``."""
        sections = self.sections
        public = other = 0
        # the doc's arrays: a Token object only for the proper nouns, whose entity type is asked
        lemmas = doc_lemmas(doc)
        for i, pos in enumerate(doc_pos(doc)):
            if pos not in _COUNTED_POS_IDS or (pos == PROPN and doc[i].ent_type_ == "PERSON"):
                continue
            section = sections.get(lemmas[i].lower())
            if section == "public":
                public += 1
            elif section is not None:
                other += 1
        for entity in doc_entities(doc):
            actor = entity.actor
            if entity.type not in _ACTOR_TYPES or actor is None:
                continue  # a country's name alone is no evidence: teams and markets have them too
            if actor.sector in POLITICAL_SECTORS or actor.code in POLITICAL_CODES:
                public += ENTITY_WEIGHT
        return public, other

    def annotate(self, doc: Doc) -> None:
        public, other = self.evidence(doc)
        doc._.newsgraph_relevance = round(relevance_score(public, other), 3)


@Language.factory(
    "newsgraph_relevance",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_relevance"],
    requires=["token.tag", "token.lemma", "doc._.newsgraph_entities"],
)
def make_relevance(nlp: Language, name: str, tables: str) -> RelevanceScorer:
    return RelevanceScorer(nlp, name, tables=tables)
