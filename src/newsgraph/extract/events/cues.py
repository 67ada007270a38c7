"""What cue words say of an event: its mode (the cues of ``plover_modes.tsv`` in its own phrases, or
in what it asks for or refuses) and its PLOVER contexts (``plover_contexts.tsv``: those cued in its
sentence, and the article's strongest)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.attrs import LEMMA as LEMMA_ATTR
from spacy.tokens import Doc, Span, Token

from .. import plover
from .drafts import Draft
from .syntax import lemma, phrase


def cued_mode(d: Draft, etype: str) -> str | None:
    """The mode of ``etype`` that cue words in the event's phrases name: of several, the one listed
    first in ``plover_modes.tsv``; for a REQUEST or REJECT, the first cued in what is asked for or
    refused."""
    cues = plover.mode_cues(etype)
    if not cues.single and not cues.double:
        return None
    tokens: list[Token] = []
    if etype in ("REQUEST", "REJECT"):  # what is asked for or refused
        for x in (d, *d.merged):
            base = x.noun if x.noun is not None else x.anchor
            for c in base.children:
                if c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("for", "to")):
                    tokens.extend(c.subtree)
        found = cues.find([lemma(t) for t in sorted(set(tokens), key=lambda t: t.i)])
        return found[0] if found else None
    for x in (d, *d.merged):
        tokens.extend(phrase(x.noun if x.noun is not None else x.trigger))
        if x.how in ("support", "occasion", "relcl"):
            for c in x.anchor.children:
                if c.dep_ in ("nsubj", "nsubjpass", "agent", "prep"):
                    tokens.extend(phrase(c))
    seen: set[int] = set()
    ordered = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.i not in seen:
            seen.add(t.i)
            ordered.append(lemma(t))
    found = cues.find(ordered)
    if not found:
        return None
    rank = {m.name: n for n, m in enumerate(plover.modes().get(etype, ()))}
    return min(found, key=lambda m: rank.get(m, 99))


class Contexts:
    """PLOVER contexts cued per sentence, and the article's strongest contexts."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cues = plover.context_cues()
        self.by_sent: dict[int, list[str]] = {}
        self._doc_level: list[str] | None = None
        self._lemma_list: list[str] | None = None

    def _lemmas(self) -> list[str]:
        """:func:`lemma` of every token, read from the doc's array (no Token per word)."""
        if self._lemma_list is None:
            ids: list[int] = self.doc.to_array(LEMMA_ATTR).tolist()
            strings = self.doc.vocab.strings
            table = {h: strings[h].lower() for h in set(ids)}
            self._lemma_list = [table[h] for h in ids]
        return self._lemma_list

    def _sentence(self, sent: Span) -> list[str]:
        found = self.by_sent.get(sent.start)
        if found is None:
            found = self.by_sent[sent.start] = self.cues.find(self._lemmas()[sent.start : sent.end])
        return found

    def _document(self) -> list[str]:
        if self._doc_level is None:
            counts: Counter[str] = Counter()
            kinds: dict[str, set[str]] = {}
            starts = self.cues.words()
            lemmas = self._lemmas()
            for k, word in enumerate(lemmas):
                if word not in starts:
                    continue
                for value in self.cues.find(lemmas[k : k + 2])[:4]:
                    counts[value] += 1
                    kinds.setdefault(value, set()).add(word)
            self._doc_level = [c for c, n in counts.most_common(3) if n >= 3 and len(kinds[c]) >= 2]
        return self._doc_level

    def cued(self, d: Draft) -> list[str]:
        """The contexts cued in the event's own sentence (not the article's strongest)."""
        return self._sentence(d.trigger.sent)

    def of(self, d: Draft, rec: dict[str, Any]) -> list[str]:
        out = list(dict.fromkeys([*self._sentence(d.trigger.sent), *self._document()]))
        mode = rec["mode"]
        if mode in ("cyber", "misinformation") and mode not in out:
            out.append(mode)
        if mode == "unconventional" and "cbrn" not in out:
            out.append("cbrn")
        return out
