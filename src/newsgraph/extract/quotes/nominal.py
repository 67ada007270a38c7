"""Attributions without a reporting verb: a possessed attribution noun ("Trump's assertion that
...") and "according to X"."""

from __future__ import annotations

from spacy.attrs import POS
from spacy.symbols import NOUN
from spacy.tokens import Doc, Token

from ..annotations import doc_lowers, doc_text
from .lexicon import attribution_nouns
from .marks import _closing_mark
from .names import _noun_phrase
from .records import Quote, _token_range
from .reported import _cut_tail, _trim
from .speakers import _Mentions

#: Prepositions after an attribution noun that introduce what is attributed ("call for", "attack on").
_NOMINAL_PREPS = frozenset("for against of on about to over".split())


_POSSESSIVES = frozenset("his her their its my our your".split())


def _nominal(doc: Doc, quotes: list[Quote], quoted: set[int], mentions: _Mentions) -> list[Quote]:
    """ "Trump's assertion that “thousands” celebrated", "Sanders's call for a “revolution”",
    "Cruz's refusal to disavow ...": what a possessed attribution noun introduces is its
    possessor's (a ``mixed`` quote when it holds a partial quote)."""
    nouns = attribution_nouns()
    covered = {i for q in quotes if q.kind != "direct" for i in _token_range(doc, q)}
    tags: list[int] = doc.to_array(POS).tolist()
    for tok in (doc[i] for i, pos in enumerate(tags) if pos == NOUN):  # a Token only for the nouns
        if tok.lemma_.lower() not in nouns or tok.i in quoted or tok.i in covered:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or not (
            owner.lower_ in _POSSESSIVES or owner.pos_ == "PROPN" or owner.i in mentions.index
        ):
            continue
        body: list[Token] = []
        for child in tok.rights:
            if child.dep_ in ("acl", "ccomp", "relcl") and any(
                c.lower_ in ("that", "to") for c in child.children
            ):
                body = [t for t in child.subtree if t.lower_ != "that" or t.i != child.left_edge.i]
            elif child.dep_ == "prep" and child.lower_ in _NOMINAL_PREPS:
                body = [t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
            if body:
                break
        toks = _trim(_cut_tail(body))
        if len([t for t in toks if t.is_alpha]) < 1 or (
            len(toks) < 2 and not any(t.i in quoted for t in toks)
        ):
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(q.start < start < q.end or q.start < end < q.end for q in quotes):
            continue
        inner = [q for q in quotes if q.kind == "direct" and start <= q.start and q.end <= end]
        if not inner and all(t.i in quoted for t in toks):
            continue
        if inner and any(q.end == end for q in inner):
            end += _closing_mark(doc_text(doc), end)
        speaker = doc[owner.left_edge.i : owner.i + 1]
        if owner.lower_ in _POSSESSIVES:  # "Trump is doubling down on his support for ...": Trump
            verb = tok.head
            while verb.pos_ in ("ADP", "NOUN") and verb.head.i != verb.i:
                verb = verb.head
            subj = (
                next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.pos_ == "VERB" else None
            )
            if subj is not None and subj.i < tok.i:
                speaker = _noun_phrase(subj)
        quotes = [q for q in quotes if q not in inner]
        quotes.append(
            Quote(start, end, "mixed" if inner else "indirect", tok, speaker, mentions.resolve(speaker))
        )
        covered.update(range(toks[0].i, toks[-1].i + 1))
    return quotes


def _according_to(doc: Doc, covered: set[int], mentions: _Mentions, quotes: list[Quote]) -> list[Quote]:
    """ "X happened, according to Y": the rest of the sentence is attributed to Y; a quote already
    found there ("“...,” Sanders said, according to CNN") keeps its speaker and is passed on ``via`` Y."""
    out: list[Quote] = []
    lowers = doc_lowers(doc)  # plain strings: a Token only where "according to" stands
    hits = [i for i in range(len(lowers) - 1) if lowers[i] == "according" and lowers[i + 1] == "to"]
    for tok in (doc[i] for i in hits):
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = max(t.i for t in pobj.subtree) + 1
        source = doc[pobj.left_edge.i : pobj.i + 1]
        sent = tok.sent
        # "..., according to Y." attributes what comes before; "According to Y, ..." what follows
        before = tok.i - sent.start >= 3
        toks = _trim(list(doc[sent.start : tok.i]) if before else list(doc[phrase_end : sent.end]))
        if len(toks) < 3:
            continue
        if any(t.i in covered for t in toks):  # "“...,” Sanders said, according to CNN"
            lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            for q in quotes:
                if q.via is None and lo <= q.start < hi:
                    q.via, q.via_id = source, mentions.resolve(source)
            continue
        cue = doc[tok.i : tok.i + 2]
        quote = Quote(
            toks[0].idx,
            toks[-1].idx + len(toks[-1].text),
            "indirect",
            cue[0],
            source,
            mentions.resolve(source),
        )
        quote.cue_span = (cue.start_char, cue.end_char)
        out.append(quote)
    return out
