"""The ``newsgraph_dates`` spaCy component: its factory and :class:`DateExtractor`, which finds the
doc's temporal expressions with the publication date, spaCy's entities and the clause tenses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...tables import TABLES_VERSION
from ..annotations import article_context, doc_text, set_doc_dates
from ..component import Component
from ..facts import DateFact
from .lexicon import TABLES, grammar
from .matching import find_dates
from .tense import clause_tense


@Language.factory(
    "newsgraph_dates",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_dates"],
    requires=["token.dep", "token.tag", "doc.ents"],
)
def make_dates(nlp: Language, name: str, tables: str) -> DateExtractor:
    return DateExtractor(nlp, name, tables=tables)


class DateExtractor(Component):
    """Writes the doc's temporal expressions to ``doc._.newsgraph_dates`` (typed
    :class:`~newsgraph.extract.facts.DateFact` records), resolved against the article's publication
    date."""

    tables = TABLES
    needs = ("ENT_IOB",)

    def __init__(self, nlp: Language, name: str, *, tables: str = TABLES_VERSION) -> None:
        super().__init__(nlp, name, tables=tables)
        grammar()  # compile at creation, not on the first doc

    def annotate(self, doc: Doc) -> None:
        published = article_context(doc).published
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        tense = clause_tense(doc) if doc.has_annotation("DEP") else None
        found = find_dates(doc_text(doc), published, tense=tense, entities=entities)
        set_doc_dates(doc, tuple(DateFact(**rec) for rec in found))

    def load_tables(self) -> None:
        grammar()
