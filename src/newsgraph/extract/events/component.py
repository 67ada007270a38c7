"""The ``newsgraph_events`` component: its spaCy factory and :class:`EventExtractor`, which runs the
steps of this package over a doc (candidates, context, drafts, relations, records) and writes the
event records to the doc's facts."""

from __future__ import annotations

import dataclasses
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...tables import TABLES_VERSION
from ..annotations import doc_counts, doc_facts, doc_quotes, set_doc_counts
from ..component import Component
from .candidates import Lexicon, find_candidates
from .context import Context
from .drafts import deontic_drafts, find_drafts
from .evaluation import CALLING, disapproval_positions, evaluation_drafts, moved
from .headline import reparse_titles
from .imperatives import imperative_drafts
from .received import received_drafts, received_positions
from .records import event_records
from .relate import relate
from .sentiment import SENTIMENT, TONE, sentiment_drafts, set_tones
from .syntax import lemma


@Language.factory(
    "newsgraph_events",
    default_config={"tables": TABLES_VERSION, "sentiment": SENTIMENT, "tone": TONE},
    assigns=["doc._.newsgraph_facts", "doc._.newsgraph_counts"],
    requires=["token.dep", "token.lemma", "token.tag", "doc.spans", "doc._.newsgraph_entities"],
)
def make_events(nlp: Language, name: str, tables: str, sentiment: bool, tone: bool) -> EventExtractor:
    return EventExtractor(nlp, name, tables=tables, sentiment=sentiment, tone=tone)


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
        ("newsgraph.extract", "plover_confidence.tsv"),
        ("newsgraph.extract", "plover_disapproval.tsv"),
        ("newsgraph.extract", "reporting_verbs.txt"),
        ("newsgraph.extract", "counts_numbers.tsv"),  # the numbers of casualty verbs, without counts
    )
    needs = ("DEP",)

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        tables: str = TABLES_VERSION,
        sentiment: bool = SENTIMENT,
        tone: bool = TONE,
    ) -> None:
        super().__init__(nlp, name, tables=tables)
        self.lexicon = Lexicon(nlp)
        #: ACCUSE and SUPPORT events from the tone of quotes about another actor (events/sentiment.py)
        self.sentiment = sentiment
        #: the tone of an ACCUSE's clause as evidence of its confidence (events/sentiment.py)
        self.tone = tone

    def annotate(self, doc: Doc) -> None:
        events, count_events = self._find(doc)
        self.set_annotations(doc, events, count_events)

    def set_annotations(
        self, doc: Doc, events: list[dict[str, Any]], count_events: dict[int, str] | None = None
    ) -> None:
        """Write the events, and the id of the event each linked count measures (``count_events``:
        position in ``doc._.newsgraph_counts`` -> event id) into those counts' records."""
        doc_facts(doc)["events"] = events
        if count_events:
            counts = doc_counts(doc)
            set_doc_counts(
                doc,
                tuple(
                    dataclasses.replace(c, event=count_events[k]) if k in count_events else c
                    for k, c in enumerate(counts)
                ),
            )

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        """Event records of ``doc`` (PLOVER fields, see docs/events.md)."""
        return self._find(doc)[0]

    def _find(self, doc: Doc) -> tuple[list[dict[str, Any]], dict[int, str]]:
        lex = self.lexicon
        reparse_titles(self.nlp, doc, lex.words)  # "Obama Urges Congress To ..." parsed as running text
        candidates = find_candidates(lex, doc)
        judgements = disapproval_positions(doc)
        received = received_positions(doc)  # "drew criticism from Democrats"
        if not candidates and not judgements and not received and not doc_quotes(doc):
            return [], {}
        pipes = self.nlp.pipe_names
        ctx = Context.build(
            doc,
            has_dates="newsgraph_dates" in pipes,
            has_counts="newsgraph_counts" in pipes,
            has_places="newsgraph_places" in pipes,
        )
        drafts = find_drafts(lex, ctx, candidates)
        drafts += deontic_drafts(lex, ctx, [t for t, kind in candidates if kind == "deontic"])
        judged = evaluation_drafts(lex, ctx, doc, judgements)
        # "called the American tariffs illogical": what is judged is not what the caller did
        callers = {j.anchor.i for j in judged if lemma(j.anchor) in CALLING}
        drafts = [d for d in drafts if not (d.how == "support" and d.anchor.i in callers)]
        # "'We condemn Russia's illegal annexation,' she said": the verb reports the judgement; a
        # judgement anchored at a quote's attribution, where a verb reports one already
        told = {(d.trigger.sent.start, d.type) for d in drafts}
        drafts += [j for j in judged if not moved(j) or (j.trigger.sent.start, j.type) not in told]
        drafts += received_drafts(ctx, doc, received)
        drafts += imperative_drafts(lex, ctx, doc)  # "'Stop the war,' she told Putin"
        if self.sentiment:  # "'He's a fraud,' says Suckling": what the tables did not find
            drafts += sentiment_drafts(lex, ctx, doc, {(d.trigger.sent.start, d.type) for d in drafts})
        if not drafts:
            return [], {}
        for d in drafts:
            if d.quote is None:
                d.quote = ctx.quote_at(d.trigger.idx)
            if d.noun is not None:
                ctx.event_nouns.add(d.noun.i)
        relate(lex, drafts)
        if self.tone:
            set_tones(ctx, drafts)
        return event_records(lex, ctx, drafts), ctx.count_events
