"""The words a reporting or attitude verb reports when no quotation marks give them: its clausal
complement or object (by the verb's frames), a late "that" clause, or the rest of a sentence
around an attribution set off by commas; and where the source's words end and the writer's
begin."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution import _CLIMB, _subject
from .lexicon import attitude_frames, reporting_lemmas
from .marks import _is_quote_mark, _runs_into_quote
from .names import _NAME_PUNCT, _SOURCE_PRONOUNS, _leading_name, _source_words
from .speakers import _Mentions

#: What an object is called or taken for: "calling him a “loser”", "named it “Dangerous”".
_PREDICATES = frozenset("oprd attr ccomp xcomp".split())


#: Prepositions after an object that say what it was held to be or blamed for ("accused X of",
#: "described X as", "credited X with", "criticized X for").
_OBJECT_PREPS = frozenset("as of for with over about against".split())


#: Words that, after a comma, start what the writer adds rather than what the source said.
_TAIL_STARTS = frozenset("who whom which while whereas according".split())


#: Words a verb's modifiers are made of, between it and a late "that" ("predicted at the most
#: recent GOP debate that ...", "told reporters on Monday that ...").
_MODIFIER_POS = frozenset("ADP DET ADJ NOUN PROPN NUM ADV PART PRON".split())


#: Words opening a clause that sets the scene for an attribution rather than being reported.
_CIRCUMSTANCE = frozenset("when as after while before asked speaking addressing".split())


def _trim(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ == "that"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


def _sent_before(sent: Span, k: int) -> list[Token]:
    """``[t for t in sent if t.i < k]``, making Token objects only for those."""
    doc = sent.doc
    return [doc[i] for i in range(sent.start, min(k, sent.end))]


def _sent_after(sent: Span, k: int) -> list[Token]:
    """``[t for t in sent if t.i > k]``, making Token objects only for those."""
    doc = sent.doc
    return [doc[i] for i in range(max(k + 1, sent.start), sent.end)]


def _holds_a_view(verb: Token, mentions: _Mentions, ccomp_heads: set[int]) -> bool:
    """A verb outside the lexicons still attributes its clausal complement when a person, a group
    or a personal pronoun is its subject ("Democrats fret that ...")."""
    if verb.i not in ccomp_heads:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in _SOURCE_PRONOUNS or subj.i in mentions.index)


def _cut_tail(toks: list[Token]) -> list[Token]:
    """Cut the reported words before a writer's addition: ", noting ...", ", who ...", ", which ...",
    "... and criticized him for ..." (the source's next act), ", a charge that ..." (a comment)."""
    frames = attitude_frames()
    for n, tok in enumerate(toks[:-1]):
        nxt = toks[n + 1]
        if tok.text == "," and (nxt.tag_ == "VBG" or nxt.lower_ in _TAIL_STARTS):
            return toks[:n]
        if (
            tok.lower_ in ("and", "but")
            and nxt.pos_ == "VERB"
            and nxt.tag_ in ("VBD", "VBZ", "VBG")
            and (nxt.lemma_ in reporting_lemmas() or nxt.lemma_ in frames)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)
        ):
            return toks[:n]
        if (
            tok.text == ","
            and nxt.lower_ in ("a", "an")
            and n + 3 < len(toks)
            and toks[n + 2].pos_ == "NOUN"
            and toks[n + 3].lower_ in ("that", "which")
        ):
            return toks[:n]
    return toks


def _content(verb: Token, quoted: set[int]) -> tuple[list[Token] | None, Span | None]:
    """The reported words of a reporting verb that has no quotation marks of its own: its clausal
    complement ("said (that) ..."), or, for an attribution after or inside the reported clause
    ("..., Law said." / "By ..., Ms. Tchen said, the White House ..."), the rest of the sentence;
    with the source's words when they were read from the words rather than the parse."""
    # the verb's children, lemma and dependencies read once (each read makes new Token objects)
    children = list(verb.children)
    deps = [c.dep_ for c in children]
    comp = next((c for c, dep in zip(children, deps, strict=True) if dep == "ccomp" and c.i > verb.i), None)
    if comp is not None:
        return _trim(_cut_tail([t for t in comp.subtree if t.i > verb.i])), None
    lemma = verb.lemma_
    reporting = lemma in reporting_lemmas()
    late = _late_that_clause(verb) if reporting else None
    if late is not None:
        return late, None
    subj = next((c for c, dep in zip(children, deps, strict=True) if dep in ("nsubj", "nsubjpass")), None)
    frames = attitude_frames().get(lemma)
    rights = [c for c in children if c.i > verb.i]  # verb.rights
    if not frames and reporting:
        # any reporting verb whose object holds a partial quote: "lamented the “disheartened” state"
        objects = [c for c in rights if c.dep_ in ("dobj", "oprd")]
        if any(t.i in quoted for c in objects for t in c.subtree):
            frames = frozenset({"dobj"})
    # a participle or infinitive takes the subject of the verb it hangs from ("..., calling him ...")
    # (not one inside reported words: "X said the timing makes it seem insensitive, considering ...")
    subject_above = (
        subj is None
        and verb.head.dep_ != "ccomp"
        and (
            (verb.dep_ in _CLIMB and verb.tag_ in ("VBG", "VB"))
            # a verb sharing its subject with the one before it ("X referred to ... but described ...")
            or (
                verb.dep_ == "conj"
                and verb.head.pos_ == "VERB"
                and any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
                and _subject(verb.head) is not None
            )
        )
    )
    if frames and (subject_above or (subj is not None and subj.i < verb.i)):
        for child in rights:
            if child.dep_ in ("prep", "prt") and f"{child.dep_}:{child.lower_}" in frames:
                # "called for a ban", "referred to Rubio as “a leader”", "called on Congress to act"
                if child.dep_ == "prep":
                    obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                else:
                    obj = next((c for c in rights if c.dep_ == "dobj" and c.i > child.i), None)
                if obj is None:
                    continue
                toks = [t for t in obj.subtree]
                for other in rights:  # and what it was taken for: "as “a leader”", "to act"
                    if other.i > obj.i and (
                        other.dep_ in _PREDICATES or (other.dep_ == "prep" and other.lower_ == "as")
                    ):
                        toks.extend(other.subtree)
                return _trim(_cut_tail(sorted(toks, key=lambda t: t.i))), None
            as_follows = any(c.dep_ == "prep" and c.lower_ == "as" and c.i > child.i for c in rights)
            # with no object parsed, what it was called stands for it ("called the frontrunner “...”")
            no_object = child.dep_ == "oprd" and not any(c.dep_ == "dobj" for c in rights)
            if (
                child.dep_ in frames
                or (child.dep_ == "dobj" and "dobj+as" in frames and as_follows)
                or (no_object and "dobj" in frames)
            ) and (child.dep_ != "xcomp" or child.pos_ in ("VERB", "AUX")):
                last = child
                if child.dep_ == "dobj":  # "called X “Y”", "accused X of “Y”": what X was called
                    for other in rights:
                        if other.i > last.i and (
                            other.dep_ in _PREDICATES
                            or (other.dep_ == "prep" and other.lower_ in _OBJECT_PREPS)
                            # "blamed the violence on a “disturbed person”": the quote is the point
                            or (other.dep_ == "prep" and any(t.i in quoted for t in other.subtree))
                        ):
                            last = other
                toks = [t for c in rights if child.i <= c.i <= last.i for t in c.subtree]
                return _trim(_cut_tail([t for t in toks if t.i > verb.i])), None
    if not reporting:
        return None, None
    if subj is not None and subj.i < verb.i and not any(dep in ("dobj", "ccomp") for dep in deps):
        for child in rights:  # "remarked upon the fact that there is “more work to do”"
            obj = (
                next((c for c in child.children if c.dep_ == "pobj"), None) if child.dep_ == "prep" else None
            )
            if obj is not None and any(t.i in quoted for t in obj.subtree):
                return _trim(_cut_tail(list(obj.subtree))), None
    aside = _attribution_aside(verb, quoted)
    if aside[0] is not None or subj is None or subj.i > verb.i:
        return aside
    left = min(t.i for t in subj.subtree)
    sent = verb.sent
    if left - sent.start < 3 or not verb.doc[left - 1].is_punct:
        return aside  # (None, None), as above: _attribution_aside is a pure function of the verb
    head = _circumstance_cut(_sent_before(sent, left))
    if sum(1 for t in head if t.is_alpha and t.i not in quoted) < 3:
        return aside  # “...,” Jacobs said: the direct quote is the content
    # the attribution runs from the subject to the verb's own modifiers ("in an interview")
    right = max(
        (
            t.i
            for c in rights
            for t in c.subtree
            if not t.is_punct and c.dep_ in ("prep", "npadvmod", "advmod")
        ),
        default=verb.i,
    )
    after = verb.doc[right + 1] if right + 1 < sent.end else None
    if after is not None and not after.is_punct:
        return aside
    tail = _cut_tail(_sent_after(sent, right))
    if tail and tail[0].text == ",":
        tail = _trim(tail)
        if not tail or tail[0].tag_ == "VBG" or tail[0].lower_ in _TAIL_STARTS:
            tail = []
    else:
        tail = []
    return _trim(head + tail), None


def _late_that_clause(verb: Token) -> list[Token] | None:
    """The "that" clause of a reporting verb which the parser hung on a noun of the verb's own
    modifiers (a relative clause of "debate" in "predicted at the debate that ...")."""
    if verb.lemma_ not in reporting_lemmas():
        return None
    doc, sent = verb.doc, verb.sent
    i = verb.i + 1
    while i < sent.end and i - verb.i <= 12 and doc[i].lower_ != "that" and doc[i].pos_ in _MODIFIER_POS:
        i += 1
    if i >= sent.end or doc[i].lower_ != "that" or i == verb.i + 1:
        return None
    head = doc[i].head
    if head.pos_ not in ("VERB", "AUX") or head.i < i or head.dep_ not in ("relcl", "acl", "ccomp"):
        return None
    toks = _trim(_cut_tail([t for t in head.subtree if t.i > i]))
    return toks if any(t.dep_ in ("nsubj", "nsubjpass") for t in toks) else None


def _attribution_aside(verb: Token, quoted: set[int]) -> tuple[list[Token] | None, Span | None]:
    """The reported words around an attribution set off by commas, read from the words rather than
    the parse (which often gets these wrong): "..., said Steven Taylor, a professor."; "...,
    she said."; "In particular, he said, the foundation ..."; "As Crane said, ..."."""
    doc, sent = verb.doc, verb.sent
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None, None  # "..., questioning ...": a participle is the writer's, not an aside
    # the source before the verb, back to a comma or the sentence start ("..., she said")
    i = verb.i - 1
    while i >= sent.start and not (doc[i].is_punct and doc[i].text not in _NAME_PUNCT) and verb.i - i <= 12:
        i -= 1
    before = [t for t in doc[max(i + 1, sent.start) : verb.i] if t.lower_ != "as"]
    first_quoted = next((i for i in range(sent.start, verb.i) if i in quoted), None)
    if first_quoted is not None and not _runs_into_quote(doc, first_quoted, sent.start):
        return None, None  # “...,” he said: the direct quote is the content
    if before and _source_words(before) and (i < sent.start or doc[i].text == ","):
        left = i  # the comma, or one before the sentence
    elif (verb.i > sent.start and doc[verb.i - 1].text == ",") or (
        # "..., said Steven Taylor"; 'This is a "raw time," said David Axelrod' (comma in the mark)
        first_quoted is not None
        and verb.i - 1 > sent.start
        and _is_quote_mark(doc[verb.i - 1])
        and doc[verb.i - 2].text == ","
    ):
        left = verb.i - 1
    else:
        return None, None
    # the attribution runs on to a comma or the sentence end: the verb's modifiers, an inverted source
    j = verb.i + 1
    while j < sent.end and doc[j].text != "," and not (doc[j].is_punct and doc[j].text in ".!?;:"):
        j += 1
    rest = [t for t in doc[verb.i + 1 : j] if not t.is_space]
    if any(t.dep_ in ("nsubj", "nsubjpass", "mark") and t.head.i != verb.i for t in rest) or len(rest) > 14:
        return None, None
    if left == verb.i - 1:
        name = _leading_name(rest)
        if not name or not _source_words(name):
            return None, None  # "..., said" with no source after it
        speaker = doc[name[0].i : name[-1].i + 1]
    else:
        speaker = doc[before[0].i : before[-1].i + 1]
    head = _circumstance_cut(_sent_before(sent, left))
    tail = _sent_after(sent, j) if j < sent.end and doc[j].text == "," else []
    if left == verb.i - 1:  # inverted: the source's appositions run to the sentence end
        tail = []

    def words(toks: list[Token]) -> int:
        return sum(1 for t in toks if t.is_alpha and t.i not in quoted)

    if words(head) >= 3:
        if tail and not (tail[0].tag_ == "VBG" or tail[0].lower_ in _TAIL_STARTS):
            return _trim(head + _cut_tail(tail)), speaker
        return _trim(head), speaker
    if words(tail) >= 3:
        return _trim(_cut_tail(tail)), speaker
    return None, None


def _circumstance_cut(head: list[Token]) -> list[Token]:
    """Nothing of what comes before an attribution when it sets the scene ("Asked Friday if he
    supported talks, Trump told reporters: ..."; "Speaking in Ohio, she said")."""
    words = [t for t in head if not (t.is_punct or t.is_space)]
    if words and (words[0].lower_ in _CIRCUMSTANCE or words[0].tag_ in ("VBN", "VBG")):
        return []
    return head
