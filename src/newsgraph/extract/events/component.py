"""The ``newsgraph_events`` component: its spaCy factory and :class:`EventExtractor`, which runs the
steps of this package over a doc (candidates, context, drafts, relations, records) and writes the
event records to the doc's facts."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...tables import TABLES_VERSION
from ..annotations import doc_facts
from ..component import Component
from .candidates import Lexicon, find_candidates
from .context import Context
from .drafts import deontic_drafts, find_drafts
from .records import event_records
from .relate import relate


@Language.factory(
    "newsgraph_events",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_facts"],
    requires=["token.dep", "token.lemma", "token.tag", "doc.spans", "doc._.newsgraph_facts"],
)
def make_events(nlp: Language, name: str, tables: str) -> EventExtractor:
    return EventExtractor(nlp, name, tables=tables)


class EventExtractor(Component):
    """Fills ``doc_facts(doc)["events"]`` and links counts to their events."""

    tables = (
        ("newsgraph.extract", "plover_types.tsv"),
        ("newsgraph.extract", "plover_modes.tsv"),
        ("newsgraph.extract", "plover_verbs.tsv"),
        ("newsgraph.extract", "plover_nouns.tsv"),
        ("newsgraph.extract", "plover_words.tsv"),
        ("newsgraph.extract", "plover_content.tsv"),
        ("newsgraph.extract", "plover_contexts.tsv"),
        ("newsgraph.extract", "reporting_verbs.txt"),
        ("newsgraph.extract", "counts_numbers.tsv"),  # the numbers of casualty verbs, without counts
    )
    needs = ("DEP",)

    def __init__(self, nlp: Language, name: str, *, tables: str = TABLES_VERSION) -> None:
        super().__init__(nlp, name, tables=tables)
        self.lexicon = Lexicon(nlp)

    def annotate(self, doc: Doc) -> None:
        self.set_annotations(doc, self.match(doc))

    def set_annotations(self, doc: Doc, events: list[dict[str, Any]]) -> None:
        doc_facts(doc)["events"] = events

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        """Event records of ``doc`` (PLOVER fields, see docs/events.md)."""
        lex = self.lexicon
        candidates = find_candidates(lex, doc)
        if not candidates:
            return []
        pipes = self.nlp.pipe_names
        ctx = Context.build(
            doc,
            has_dates="newsgraph_dates" in pipes,
            has_counts="newsgraph_counts" in pipes,
            has_places="newsgraph_places" in pipes,
        )
        drafts = find_drafts(lex, ctx, candidates)
        drafts += deontic_drafts(lex, ctx, [t for t, kind in candidates if kind == "deontic"])
        if not drafts:
            return []
        for d in drafts:
            if d.quote is None:
                d.quote = ctx.quote_at(d.trigger.idx)
            if d.noun is not None:
                ctx.event_nouns.add(d.noun.i)
        relate(lex, drafts)
        return event_records(lex, ctx, drafts)
