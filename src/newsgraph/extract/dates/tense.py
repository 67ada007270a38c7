"""The tense of the clause around a character span, from spaCy's parse: the verb a token depends
on, its auxiliaries and tag, and the verb it is the infinitive of ("plans to meet")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from .lexicon import plan_verbs

#: The tense of a clause: "past", "future", "present" or None (unknown).
Tense = str | None  # "past" | "future" | "present" | None

_FUTURE_AUX = frozenset(
    {"will", "shall", "'ll", "’ll", "wo", "would", "could", "may", "might", "should", "must"}
)
_PAST_AUX = frozenset({"had", "did", "was", "were"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})


def _verb(tok: Token) -> Token:
    """The verb (or the clause root, or an adjective: "payable Dec. 1") ``tok`` depends on."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.head is tok:
            break
        tok = tok.head
    return tok


def _verb_tense(verb: Token, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or ("going" in words and "to" in words):
        return "future"
    if verb.tag_ == "VBD" or words & _PAST_AUX or (verb.tag_ == "VBN" and words & _PERFECT_AUX):
        return "past"
    if "to" in words and depth < 3 and verb.head is not verb:  # "plans to meet", "was due to expire"
        head = _verb(verb.head)
        outer = _verb_tense(head, depth + 1)
        planned = head.lemma_ in plan_verbs()
        if outer == "past":  # "agreed to reopen from March 1": ahead of the agreement, maybe not of now
            return None if planned else "past"
        return "future" if planned or outer == "future" else None
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def clause_tense(doc: Doc) -> Callable[[int, int], Tense]:
    """A function giving the tense of the verb governing a character span of ``doc``."""

    def tense(start: int, end: int) -> Tense:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return _verb_tense(_verb(span.root))

    return tense
