"""Hand-built docs for the entity tests (no model): a blank English doc with entity spans given
as phrases of its text."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

NLP = spacy.blank("en")


def make(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A doc of ``text`` (sentences split at ". ") with every occurrence of the named phrases as
    entities (the first of two overlapping ones kept), proper nouns by their capital letter."""
    doc = NLP.make_doc(text)
    for i, t in enumerate(doc):
        t.is_sent_start = i == 0 or doc[i - 1].text == "."
    spans = []
    for phrase, label in ents:
        start = 0
        while (pos := text.find(phrase, start)) != -1:
            span = doc.char_span(pos, pos + len(phrase), label=label)
            assert span is not None, phrase
            if not any(s.start < span.end and span.start < s.end for s in spans):
                spans.append(span)
            start = pos + len(phrase)
    doc.ents = sorted(spans, key=lambda s: s.start)
    for t in doc:
        t.pos_ = "PROPN" if t.text[:1].isupper() else "NOUN"
    return doc


def with_spans(text: str, spans: list[tuple[str, str]]) -> Doc:
    """A doc of ``text`` whose entities are the given (substring, label) pairs, each substring
    found after the previous one."""
    doc = NLP(text)
    ents, at = [], 0
    for piece, label in spans:
        start = text.index(piece, at)
        at = start + len(piece)
        span = doc.char_span(start, at, label=label)
        assert span is not None, piece
        ents.append(span)
    doc.ents = ents
    return doc


def worded(text: str, spans: list[tuple[int, int, str]], pos: dict[int, str] | None = None) -> Doc:
    """A doc of ``text`` split on spaces, a sentence opening after each ".", with entity ``spans``
    as (first word, end word, label) and every word's part of speech "X" unless ``pos`` gives it."""
    words = text.split()
    starts = [k == 0 or words[k - 1] == "." for k in range(len(words))]
    tags = [(pos or {}).get(k, "X") for k in range(len(words))]
    doc = Doc(NLP.vocab, words=words, sent_starts=starts, pos=tags)
    doc.ents = [Span(doc, i, j, label=label) for i, j, label in spans]
    return doc


def names_of(doc: Doc) -> list[tuple[str, str]]:
    """The names the entity step reads off ``doc``'s spans: mentions collected, labels made
    consistent, known pieces joined; as (text, label)."""
    from newsgraph.extract.labels import consistent_labels
    from newsgraph.extract.mentions import collect_mentions
    from newsgraph.extract.name_lists import join_known_pieces

    mentions = collect_mentions(doc)
    consistent_labels(doc, mentions)
    return [(m.text, m.label) for m in join_known_pieces(doc, mentions)]
