"""Who said it, through which word: the reporting verb (cue) of a quote, whether a verb's subject
can speak, the subject of a cue (climbing through participles and "quoted X as saying"), the one
who passed the words on, and the source of the sentence before a quote."""

from __future__ import annotations

from spacy.symbols import VERB
from spacy.tokens import Span, Token

from ..annotations import doc_lemmas, doc_pos
from .lexicon import attitude_frames, reporting_lemmas, source_nouns
from .marks import _is_quote_mark
from .names import _SOURCE_PRONOUNS, _noun_phrase, _source_words

_SECOND_HAND = frozenset("quote cite".split())


#: Dependencies a subject-less verb is climbed through to find whose words these are.
_CLIMB = frozenset("advcl xcomp conj pcomp prep pobj acl relcl dep".split())


_INVERTED = frozenset("dobj attr npadvmod".split())


#: Verbs whose object is the one spoken to, never the speaker ("“...,” Ramos told AFP").
_ADDRESSEE_VERBS = frozenset("tell ask inform remind assure advise urge notify brief".split())


def _speaks(verb: Token, inside: set[int] | frozenset[int] = frozenset()) -> bool:
    """Whether ``verb``'s subject (outside the quote) can be a source: a personal pronoun, a
    person, group or organisation, or a common noun for people ("the protesters chanted"); a verb
    with no subject of its own shares that of the verb it is joined to ("Trump ... leaned in and
    boomed: “...”")."""
    for _ in range(3):
        if any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ not in ("conj", "dep"):
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i not in inside:
            return (
                child.lower_ in _SOURCE_PRONOUNS
                or child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or (child.pos_ == "PROPN" and not child.ent_type_)
                or child.lemma_.lower() in source_nouns()
            )
    return False


def _cue_for(tokens: list[Token], sent: Span, inside: set[int], clause: bool = False) -> Token | None:
    """The reporting verb of a quote: the one governing it, else (for a ``clause``, a quote that is
    more than a phrase) any verb governing it whose subject can speak ("He continued, “...”"; "the
    protesters chanted “...”") or an attribution the parser hung inside it ("Rubio fired back:
    “...”"), else the nearest reporting verb in its sentence, else one opening the next sentence
    (“... change?” Trump asked) or ending the one before with a colon or a comma (Trump said: “...”)."""
    lemmas = reporting_lemmas()
    heads: list[Token] = []
    for tok in tokens:
        head = tok.head
        while head.i in inside and head.head.i != head.i:
            head = head.head
        if head.pos_ == "ADP" and head.i not in inside and head.head.i not in inside:
            head = head.head  # "ended the description with “...”"
        if head.i not in inside and head not in heads:
            heads.append(head)
    first, last = tokens[0], tokens[-1]

    def distance(tok: Token) -> int:
        return first.i - tok.i if tok.i < first.i else tok.i - last.i

    governing = [h for h in heads if h.pos_ in ("VERB", "AUX") and h.lemma_ in lemmas]
    if governing:  # a reporting verb governing the quote, the nearest if the parse gives several
        return min(governing, key=distance)
    if clause:
        for head in heads:
            if head.pos_ == "VERB" and _speaks(head, inside):
                return head
        doc, pos = sent.doc, doc_pos(sent.doc)
        for tok in (doc[i] for i in range(sent.start, sent.end) if pos[i] == VERB):
            if (
                tok.i not in inside
                and tok.dep_ in ("ccomp", "parataxis")
                and tok.head.i in inside
                and (tok.lemma_ in lemmas or _speaks(tok, inside))
            ):
                return tok
    pos, lemma_of = doc_pos(sent.doc), doc_lemmas(sent.doc)  # Token objects for the hits alone
    outside = [
        sent.doc[i]
        for i in range(sent.start, sent.end)
        if pos[i] == VERB and i not in inside and lemma_of[i] in lemmas
    ]
    if not outside:
        doc = sent.doc
        after = last.i + 1
        while after < len(doc) and doc[after].is_punct and not doc[after].is_space:
            after += 1
        if after < len(doc) and last.sent.end <= after + 1 and "\n" not in doc[last.i : after].text:
            nxt = doc[after].sent
            outside = [
                t for t in doc[after : min(after + 6, nxt.end)] if t.pos_ == "VERB" and t.lemma_ in lemmas
            ]
            verb = next((t for t in doc[after : nxt.end] if t.pos_ == "VERB"), None)
            if not outside and verb is not None and verb.lemma_ in lemmas:
                # “...!” the presumptive GOP presidential nominee, Donald Trump, tweeted Sunday.
                words = [t for t in doc[after : verb.i] if not t.is_punct]
                if words and _source_words(words[:12]):
                    outside = [verb]
        before = first.i - 1
        while before > 0 and (doc[before].is_punct or doc[before].is_space) and doc[before].text not in ":,":
            before -= 1
        if not outside and before > 0 and doc[before].text in ":,":
            prev = doc[before].sent
            outside = [
                t
                for t in (doc[i] for i in range(prev.start, min(before, prev.end)) if pos[i] == VERB)
                if t.lemma_ in lemmas or (clause and t.head.i == t.i and _speaks(t))
            ]
    if not outside:
        return None
    return min(outside, key=lambda t: abs(t.i - first.i))


def _subject(verb: Token, skip: set[int] | frozenset[int] = frozenset(), depth: int = 0) -> Span | None:
    """Whose words: the subject of ``verb`` (not inside the quoted words ``skip``; a relative "who"
    is kept, and resolved later to its antecedent), a person named after the verb ("...,
    announced Secretary of State Rex Tillerson"), the object of "quoted X as saying", or the
    subject of the verb a subject-less participle or infinitive hangs from ("..., saying ...")."""
    if verb.lemma_ in _SECOND_HAND:  # "RIA quoted him as saying": the words are his
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in skip), None)
        if obj is not None and any(c.lower_ == "as" for c in verb.children):
            return _noun_phrase(obj)
    if verb.lemma_ in _ADDRESSEE_VERBS and (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        or (verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ == "nsubj" for c in verb.children))
    ):
        # "Trump was asked what ...", "Asked about it, Devine ...": the one asked is no speaker;
        # the asker is, when named ("was asked by reporters")
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return _noun_phrase(pobj) if pobj is not None else None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip]
    if subjects:  # the one nearest the verb ("Washington (AFP) – Hillary Clinton has ...")
        return _noun_phrase(min(subjects, key=lambda c: abs(verb.i - c.i)))
    if verb.lemma_ in reporting_lemmas():
        # “...,” said a New Hampshire Democrat: a source named right after the verb
        doc = verb.doc
        before = doc[verb.i - 1] if verb.i > 0 else None
        # right after the closing mark (“...?” asked the boy) even a verb of telling or asking
        # names its speaker after it; after other words (“...,” Ramos, 58, told AFP) it does not
        right_after = before is not None and (
            _is_quote_mark(before) or (before.text == "," and verb.i > 1 and _is_quote_mark(doc[verb.i - 2]))
        )
        addressee = verb.lemma_ in _ADDRESSEE_VERBS
        after_quote = verb.tag_ in ("VBD", "VBZ", "VBP") and (
            (right_after and (not addressee or verb.lemma_ in ("ask", "urge")))
            or (before is not None and before.is_punct and not addressee)
        )
        for child in verb.rights:
            if (
                child.dep_ in _INVERTED
                and child.i not in skip
                and after_quote
                and (
                    child.ent_type_ == "PERSON"
                    or (
                        child.ent_type_ in ("NORP", "ORG")
                        or child.lemma_.lower() in source_nouns()
                        or child.lower_ in ("another", "one", "others")
                    )
                )
            ):
                return _noun_phrase(child)
    if depth < 5 and verb.dep_ in _CLIMB and verb.head.i != verb.i:
        head = verb.head
        if (
            (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"))
            and head.dep_ == "ccomp"
            and head.head.lemma_ in reporting_lemmas()
            and (verb.lemma_ in reporting_lemmas() or verb.lemma_ in attitude_frames())
        ):
            # "X said he makes $41,000 and questioned how ...": X questioned, not "he"; "She said
            # her father ..., saying that he ...": she is saying it
            head = head.head
        if verb.dep_ == "acl" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            head = head.head  # "Trump fired back a response saying ...": Trump's response
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _noun_phrase(head)  # "Anyone expecting ...", "a petition calling on ..."
        if head.lemma_ in _SECOND_HAND:  # "RIA quoted him as saying": the words are his
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i not in skip), None)
            if obj is not None:
                return _noun_phrase(obj)
        return _subject(head, skip, depth + 1)
    return None


def _second_hand(cue: Token) -> Span | None:
    """Who quoted the speaker: the subject of "quote"/"cite" above the cue ("RIA quoted him as
    saying")."""
    verb = cue
    for _ in range(3):
        if verb.lemma_ in _SECOND_HAND and any(c.lower_ == "as" for c in verb.subtree):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return _noun_phrase(subj) if subj is not None else None
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def _previous_sentence_source(quote: Span) -> Span | None:
    """The source of a reporting verb in the sentence just before a quote that has none of its own,
    in the same paragraph ("Iowa State University's Dianne Bystrom agreed. “...”"; "She says people
    should ... “It is their life ...”")."""
    doc, first = quote.doc, quote[0]
    sent = first.sent
    if sent.start == 0 or quote.start - sent.start > 2:
        return None  # the quote does not open its sentence
    prev = doc[sent.start - 1].sent
    if "\n" in doc[prev.start : quote.start].text:
        return None
    verbs = [t for t in prev if t.pos_ == "VERB" and t.lemma_ in reporting_lemmas() and t.head.i == t.i]
    if not verbs:
        return None
    subject = _subject(verbs[-1])
    return subject if subject is not None and _source_words(list(subject)) else None
