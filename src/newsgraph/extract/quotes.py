"""Quotes and reported speech with their speakers: the ``newsgraph_quotes`` component.

First version (issue 4 in progress): direct quotes between quotation marks of any kind (an
unbalanced mark runs to the end of its paragraph), and indirect speech as the clausal complement
of a reporting verb ("told reporters that ..."). The cue is the reporting verb governing the quote
or, for a quote with no verb of its own, the nearest reporting verb in its sentence; the speaker is
that verb's subject, resolved to an entity through the entity component's token index, pronouns
to the last person named before them. A quote paragraph with no cue continues the previous quote's
speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .pipeline import doc_facts

_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’"}
_QUOTE = re.compile(r"[“\"«„]|(?<![\w])‘")
_PRONOUNS = frozenset("he she they him her them".split())
#: Quotes shorter than this many words are partial quotes inside a sentence ("a “sustained cessation”").
MIN_WORDS = 1


@cache
def reporting_lemmas() -> frozenset[str]:
    text = (
        resources.files("newsgraph.extract").joinpath("data/reporting_verbs.txt").read_text(encoding="utf-8")
    )
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    kind: str
    cue: Token | None = None
    speaker: Span | None = None
    speaker_id: str | None = None
    #: the cue's characters when it is more than one token ("according to")
    cue_span: tuple[int, int] | None = None

    def as_dict(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
            "kind": self.kind,
            "cue": None,
            "speaker": self.speaker_id,
            "speaker_text": None,
            "speaker_start": None,
            "speaker_end": None,
        }
        if self.cue_span is not None:
            cs, ce = self.cue_span
            out["cue"] = {"text": text[cs:ce], "start": cs, "end": ce}
        elif self.cue is not None:
            out["cue"] = {
                "text": self.cue.text,
                "start": self.cue.idx,
                "end": self.cue.idx + len(self.cue.text),
            }
        if self.speaker is not None:
            out.update(
                speaker_text=self.speaker.text,
                speaker_start=self.speaker.start_char,
                speaker_end=self.speaker.end_char,
            )
        return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the contents of quotations (marks excluded), in text order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := _QUOTE.search(text, pos):
        mark = m.group()
        close = _OPEN_CLOSE[mark]
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end == -1 else para_end
        end = text.find(close, m.end(), para_end)
        if close == "’":  # an apostrophe is no closing mark: it must end a word run
            while end != -1 and end + 1 < para_end and text[end + 1].isalpha():
                end = text.find(close, end + 1, para_end)
        if end == -1:
            end = para_end  # unbalanced: to the end of the paragraph
        start = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        pos = end + 1
    return spans


def _cue_for(tokens: list[Token], sent: Span, inside: set[int]) -> Token | None:
    lemmas = reporting_lemmas()
    for tok in tokens:  # a reporting verb governing the quote
        head = tok.head
        while head.i in inside and head.head.i != head.i:
            head = head.head
        if head.i not in inside and head.pos_ in ("VERB", "AUX") and head.lemma_ in lemmas:
            return head
    outside = [t for t in sent if t.i not in inside and t.pos_ == "VERB" and t.lemma_ in lemmas]
    if not outside:
        return None
    first = tokens[0].i
    return min(outside, key=lambda t: abs(t.i - first))


def _subject(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            left = min(
                (
                    t.i
                    for t in child.subtree
                    if t.dep_ in ("compound", "amod", "det", "poss", "nmod") or t.i == child.i
                ),
                default=child.i,
            )
            return verb.doc[left : child.i + 1]
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _resolve(span: Span | None, index: dict[int, str], persons: list[tuple[int, str]]) -> str | None:
    if span is None:
        return None
    for tok in reversed(span):
        if tok.i in index:
            return index[tok.i]
    if span[-1].lower_ in _PRONOUNS:
        before = [eid for i, eid in persons if i < span.start]
        return before[-1] if before else None
    return None


@Language.factory(
    "newsgraph_quotes", assigns=["doc._.newsgraph_facts"], requires=["token.dep", "token.lemma"]
)
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(name)


def _nearby_person(
    doc: Doc, quote: Span, index: dict[int, str], person_ids: set[str]
) -> tuple[Span | None, str | None]:
    """The person named in the quote's sentence outside the quote, nearest to it."""
    sent = quote[0].sent
    best: tuple[int, int] | None = None
    for tok in sent:
        if quote.start <= tok.i < quote.end or index.get(tok.i) not in person_ids:
            continue
        dist = quote.start - tok.i if tok.i < quote.start else tok.i - quote.end
        if best is None or dist < best[0]:
            best = (dist, tok.i)
    if best is None:
        return None, None
    eid = index[best[1]]
    i = j = best[1]
    while i > sent.start and index.get(i - 1) == eid:
        i -= 1
    while j + 1 < sent.end and index.get(j + 1) == eid:
        j += 1
    return doc[i : j + 1], eid


def _according_to(
    doc: Doc, covered: set[int], index: dict[int, str], persons: list[tuple[int, str]]
) -> list[Quote]:
    """ "X happened, according to Y": the rest of the sentence is attributed to Y."""
    out: list[Quote] = []
    for tok in doc[:-1]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = max(t.i for t in pobj.subtree) + 1
        source = doc[pobj.left_edge.i : pobj.i + 1]
        sent = tok.sent
        # "..., according to Y." attributes what comes before; "According to Y, ..." what follows
        before = tok.i - sent.start >= 3
        toks = list(doc[sent.start : tok.i]) if before else list(doc[phrase_end : sent.end])
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks = toks[:-1]
        if len(toks) < 3 or any(t.i in covered for t in toks):
            continue
        cue = doc[tok.i : tok.i + 2]
        quote = Quote(
            toks[0].idx,
            toks[-1].idx + len(toks[-1].text),
            "indirect",
            cue[0],
            source,
            _resolve(source, index, persons),
        )
        quote.cue_span = (cue.start_char, cue.end_char)
        out.append(quote)
    return out


class QuoteExtractor:
    """Fills ``doc_facts(doc)["quotes"]``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            text = doc.text
            doc_facts(doc)["quotes"] = [q.as_dict(text) for q in self.match(doc, text)]
        return doc

    def match(self, doc: Doc, text: str) -> list[Quote]:
        index: dict[int, str] = doc.user_data.get("newsgraph_entity_index", {})
        facts = doc_facts(doc)
        person_ids = {e["id"] for e in facts["entities"] if e["type"] == "PERSON"}
        persons = sorted((i, eid) for i, eid in index.items() if eid in person_ids)
        quotes: list[Quote] = []
        covered: set[int] = set()
        for start, end in quote_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) < MIN_WORDS:
                continue
            inside = set(range(span.start, span.end))
            covered |= inside
            cue = _cue_for(list(span), span[0].sent, inside)
            speaker = _subject(cue) if cue is not None else None
            quote = Quote(start, end, "direct", cue, speaker, _resolve(speaker, index, persons))
            if quote.speaker is None:
                quote.speaker, quote.speaker_id = _nearby_person(doc, span, index, person_ids)
            if quote.speaker is None and quotes and quotes[-1].speaker is not None:
                prev = quotes[-1]  # a quote with no source of its own continues the last speaker
                if text.count("\n\n", prev.end, start) <= 2:
                    quote.speaker, quote.speaker_id = prev.speaker, prev.speaker_id
            quotes.append(quote)
        lemmas = reporting_lemmas()
        for tok in doc:  # indirect speech: "X said (that) ..."
            if tok.pos_ != "VERB" or tok.lemma_ not in lemmas or tok.i in covered:
                continue
            comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
            if comp is None:
                continue
            toks = [t for t in comp.subtree if t.i > tok.i]
            if toks and toks[0].lower_ == "that":
                toks = toks[1:]
            if len(toks) < 3 or any(t.i in covered for t in toks):
                continue
            first, last = toks[0], toks[-1]
            while last.is_punct and last.i > first.i:
                last = doc[last.i - 1]
            speaker = _subject(tok)
            quotes.append(
                Quote(
                    first.idx,
                    last.idx + len(last.text),
                    "indirect",
                    tok,
                    speaker,
                    _resolve(speaker, index, persons),
                )
            )
        quotes.extend(_according_to(doc, covered, index, persons))
        return sorted(quotes, key=lambda q: q.start)
