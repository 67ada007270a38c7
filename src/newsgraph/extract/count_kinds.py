"""What a count counts, read from its sentence's parse (``data/counts_kinds.tsv``): the verb its
noun phrase is an argument of ("killed 12", "12 died", "12 were arrested"), a state word said of it
("left 31 dead"), a noun of the clause that names the count ("the death toll rose to 39", "a crowd
of 10,000") or the counted noun itself ("12 fatalities"); when several kinds are found, the one
:func:`choose` keeps. Used by :mod:`newsgraph.extract.counts`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import COUNT_KINDS

if TYPE_CHECKING:
    from .counts import Lexicon

#: Every kind a count record can have.
KINDS = COUNT_KINDS
#: What happened to the counted: these win over group kinds, which win over "other".
EVENT_KINDS = frozenset(KINDS[:6])
GROUP_KINDS = frozenset(("protesters", "troops"))
SKIP_ENTS = frozenset(("DATE", "TIME", "ORDINAL"))
_NOMINAL = frozenset(("NOUN", "PROPN", "NUM", "PRON"))
_ARG_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "attr", "oprd"))
_STATE_DEPS = frozenset(("acomp", "oprd", "xcomp", "advmod", "ccomp", "dobj", "npadvmod", "conj"))


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower() or tok.lower_


def lookup(lex: Lexicon, role: str, tok: Token) -> str | None:
    kinds = lex.kinds
    low = tok.lower_
    found = kinds.get((role, lemma_of(tok))) or kinds.get((role, low))
    if found is None and tok.tag_ in ("NNS", "NNPS") and low.endswith("s"):
        found = kinds.get((role, low[:-1]))  # "Marines" keeps its capital in the lemma
    return found


def _verb_kinds(lex: Lexicon, verb: Token, role: str) -> list[str]:
    """Kinds a verb says of its argument in ``role`` ("obj" or "subj"), and of the state words under it
    ("were reported killed", "left 31 dead", "are missing")."""
    out: list[str] = []
    if role == "subj" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        role = "obj"
    if kind := lookup(lex, role, verb):
        out.append(kind)
    elif role == "subj" and verb.tag_ in ("VBN", "VBG", "JJ") and (kind := lookup(lex, "state", verb)):
        out.append(kind)  # "17 people were still missing", "100 wounded"
    for child in verb.children:
        if child.dep_ in _STATE_DEPS:
            kind = lookup(lex, "state", child)
            if kind is None and child.pos_ == "VERB" and child.dep_ in ("xcomp", "oprd"):
                kind = lookup(lex, "obj", child) or lookup(lex, "subj", child)
            if kind:
                out.append(kind)
    return out


def _modifier_kinds(lex: Lexicon, tok: Token) -> list[str]:
    """Kinds said by words hanging on a noun or number: "Palestinians killed in ...", "12 wounded soldiers",
    "hundreds more injured", "people who fled"."""
    out: list[str] = []
    for child in tok.children:
        dep = child.dep_
        if dep == "relcl":
            rel = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if rel is not None and rel.tag_ in ("WP", "WDT"):
                out += _verb_kinds(lex, child, "obj" if rel.dep_ == "nsubjpass" else "subj")
        elif dep in ("amod", "acl", "acomp", "oprd", "conj") and child.pos_ in ("ADJ", "VERB"):
            kind = lookup(lex, "state", child) or (lookup(lex, "obj", child) if child.tag_ == "VBN" else None)
            if kind:
                out.append(kind)
    return out


def _frames(lex: Lexicon, tok: Token, prep: str | None) -> list[str]:
    """Kinds named by the noun ``tok`` (the object of ``prep`` when it has one) or its modifiers."""
    toks = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "amod"):
            toks.append(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            toks += [g for g in child.children if g.dep_ == "pobj"]
    out: list[str] = []
    for t in toks:
        if t.pos_ not in ("NOUN", "ADJ") or t.ent_type_ in SKIP_ENTS:
            continue  # "from March 30" is no march
        kind = lookup(lex, "frame", t) or lookup(lex, "noun", t)
        if kind is None and t is tok and prep:
            kind = lookup(lex, f"frame:{prep}", t)
        if kind is None and t is tok and prep == "of":
            kind = lookup(lex, "head", t)
        if kind:
            out.append(kind)
    return out


def _clause_frames(lex: Lexicon, verb: Token, skip: Token) -> list[str]:
    """Frames among the verb's other arguments ("the death toll rose to ...", "took to the streets")."""
    out: list[str] = []
    for child in verb.children:
        if child.i == skip.i:
            continue
        if child.dep_ in _ARG_DEPS:
            out += _frames(lex, child, None)
        elif child.dep_ in ("prep", "agent"):
            for g in child.children:
                if g.dep_ == "pobj" and g.i != skip.i:
                    out += _frames(lex, g, child.lower_)
    return out


def kinds_of(lex: Lexicon, np: Token, counted: Token | None, root: Token) -> list[str]:
    """Candidate kinds, strongest evidence first: verbs and state words, frames, the counted noun."""
    verbal: list[str] = []
    frames: list[str] = []
    for tok in {root, np, *(() if counted is None else (counted,))}:
        verbal += _modifier_kinds(lex, tok)
    h = np
    for _ in range(6):
        dep, head = h.dep_, h.head
        if head.i == h.i:
            break
        if dep in ("conj", "appos") and head.pos_ in _NOMINAL:
            h = head  # "12 soldiers and 3 civilians were killed"
            continue
        if dep == "pobj":
            gov = head.head
            if gov.pos_ in _NOMINAL or gov.pos_ == "ADJ":
                frames += _frames(lex, gov, head.lower_)  # "a death toll of 39", "including 11 children"
                h = gov
                continue
            if gov.pos_ in ("VERB", "AUX"):
                verbal += _verb_kinds(lex, gov, "prep")
                frames += _clause_frames(lex, gov, head)  # "the death toll rose to 39"
            break
        if dep in ("dobj", "nsubjpass", "oprd", "attr", "dative"):
            verbal += _verb_kinds(lex, head, "obj")
            frames += _clause_frames(lex, head, h)
        elif dep == "nsubj":
            verbal += _verb_kinds(lex, head, "subj")
            frames += _clause_frames(lex, head, h)
        break
    nouns: list[str] = []
    if counted is not None and (kind := lookup(lex, "noun", counted)):
        nouns.append(kind)
    return verbal + frames + nouns


def choose(kinds: list[str]) -> str:
    for group in (EVENT_KINDS, GROUP_KINDS):
        for kind in kinds:
            if kind in group:
                return kind
    return "other"
