"""Speaker phrases to entities: the entity mentions of a doc (:class:`_Mentions`), resolving a
name, a relative "who", a pronoun (by salience) or a title to an entity id, and the person named
near a quote."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..annotations import doc_entities, entity_index
from .names import _noun_phrase

_PRONOUNS = frozenset("he she they him her them it".split())


_RELATIVE = frozenset("who that which".split())


#: How many sentences before a pronoun's own are searched for the subject it stands for.
SUBJECT_SENTENCES = 3


def _is_subject(tok: Token) -> bool:
    """Whether ``tok`` is (part of the name of) a clause's subject."""
    return _phrase_head(tok).dep_ in ("nsubj", "nsubjpass")


def _said_who(tok: Token) -> bool:
    """Whether ``tok`` is (part of the name of) the one a relative "who" that is a subject stands
    for ("... those of Retno Marsudi, who said ...")."""
    return any(
        c.dep_ == "relcl" and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ == "who" for s in c.children)
        for c in _phrase_head(tok).children
    )


def _phrase_head(tok: Token) -> Token:
    """The head of the name ``tok`` is part of."""
    while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


@dataclass(slots=True)
class _Mentions:
    """Who could be meant by a pronoun or a title: entity mentions in text order."""

    index: dict[int, str]
    persons: list[tuple[int, str]]
    groups: list[tuple[int, str]]
    titles: dict[str, list[tuple[int, str]]]
    quoted: frozenset[int]

    @classmethod
    def of(cls, doc: Doc, quoted: set[int]) -> _Mentions:
        index = entity_index(doc)
        entities = doc_entities(doc)
        types = {e.id: e.type for e in entities}
        outside = sorted((i, eid) for i, eid in index.items() if i not in quoted)
        first_token: dict[str, int] = {}  # entity id -> the token its first mention starts at
        for i, eid in index.items():
            if i < first_token.get(eid, len(doc)):
                first_token[eid] = i
        titles: dict[str, list[tuple[int, str]]] = {}
        for e in entities:
            if e.type != "PERSON":
                continue
            at = first_token.get(e.id, 0)
            for role in e.roles:
                for word in (role.title or "").lower().split():
                    titles.setdefault(word, []).append((at, e.id))
        return cls(
            index,
            [(i, eid) for i, eid in outside if types.get(eid) == "PERSON"],
            [(i, eid) for i, eid in outside if types.get(eid) in ("ORG", "NORP", "GPE")],
            {w: sorted(v) for w, v in titles.items()},
            frozenset(quoted),
        )

    def resolve(self, span: Span | None, content: Span | None = None) -> str | None:
        """The entity ``span`` (a speaker's words) names; for a pronoun, the one it stands for,
        never one named inside ``content`` (the words the speaker is said to have said)."""
        if span is None:
            return None
        last = span[-1]
        if len(span) == 1 and last.lower_ in _RELATIVE and last.head.dep_ == "relcl":
            span = _noun_phrase(last.head.head)  # "Retno Marsudi, who said": the antecedent
        # the head of the phrase or its apposition: "Michael Tyler, a spokesman for the Feingold
        # campaign" is Tyler, "Azerbaijan's envoy, Ilkin Mammadli" is Mammadli
        head = next((t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i), span[-1])
        # (the apposition may lie past the words kept: "Chad's Minister of Public Security, General
        # Mahamat Ousmane Djibrine, said")
        for tok in [head, *(c for c in head.children if c.dep_ == "appos")]:
            if tok.i in self.index:
                return self.index[tok.i]
        for tok in reversed(span):
            if tok.i in self.index:
                return self.index[tok.i]
        last = span[-1]
        if last.lower_ in _PRONOUNS:
            pool = self.groups if last.lower_ in ("they", "them", "it") else self.persons
            return self._antecedent(span, pool, content)
        if last.lower_ in self.titles and (span[0].lower_ in ("the", "a") or len(span) == 1):
            before = [eid for i, eid in self.titles[last.lower_] if i < span.start]
            return before[-1] if before else None
        for tok in span:  # "its top diplomats": the organisation before
            if tok.lower_ in ("its", "their") and tok.dep_ == "poss":
                before = [eid for i, eid in self.groups if i < tok.i]
                return before[-1] if before else None
        return None

    def _antecedent(self, span: Span, pool: list[tuple[int, str]], content: Span | None) -> str | None:
        """Whom the pronoun ``span`` stands for. News writes "he said" of the one the story was
        just about: back from the pronoun, sentence by sentence (up to :data:`SUBJECT_SENTENCES`
        before its own), the last entity that is a clause's subject; a sentence that names no
        one, or whose subject is "he" or "she" before anyone it names ("But on Sunday he gave
        Clinton ..."), is passed over, but one that names someone as no subject ends the search
        with the last one named (in "As for Trump, he was subdued. Maybe he figures ...", Trump).
        The one a relative "who" stands for counts as a subject where no name is one. Never one
        the reported words after the pronoun name: in "He said Trump needs to ...", "he" is not
        Trump (a group may be named in its own words: "They resent ... EU privileges"). Groups
        ("they", "it") look back over the sentence before alone."""
        doc = span.doc
        named = set()
        if content is not None and content.start > span.start and pool is self.persons:
            named = {self.index[t.i] for t in content if t.i in self.index}
        near = [(i, eid) for i, eid in pool if i < span.start and span.start - i < 120 and eid not in named]
        if not near:
            return None
        start, end = self._sentence_before(doc, span[0].sent.start), span.start
        before = SUBJECT_SENTENCES - 1 if pool is self.persons else 0
        while True:  # the pronoun's sentence with the one before, then one more sentence at a time
            here = [(i, eid) for i, eid in near if start <= i < end]
            subjects = [eid for i, eid in here if _is_subject(doc[i])]
            if not subjects and pool is self.persons:  # else the one a relative "who" stands for
                subjects = [eid for i, eid in here if _said_who(doc[i])]
            if subjects:
                return subjects[-1]
            if before == 0 or start == 0:
                break
            if here and not any(self._pronoun_subject(doc[i]) for i in range(start, here[0][0])):
                break  # someone named, as no subject (and no "he" before them): the last one named
            start, end, before = self._sentence_before(doc, start), start, before - 1
        return near[-1][1]

    @staticmethod
    def _sentence_before(doc: Doc, start: int) -> int:
        """Where the sentence before the one starting at ``start`` begins (blank lines and lone
        marks are not sentences)."""
        while start > 0:
            prev = doc[start - 1].sent
            start = prev.start
            if any(not (t.is_space or t.is_punct) for t in prev):
                break
        return start

    def _pronoun_subject(self, tok: Token) -> bool:
        """Whether ``tok`` is a "he" or "she" that is a clause's subject, outside quotation marks."""
        return tok.lower_ in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in self.quoted


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


def _mention_span(doc: Doc, i: int, index: dict[int, str]) -> Span:
    """The run of tokens around ``i`` that name the same entity."""
    eid = index[i]
    start = end = i
    while start > 0 and index.get(start - 1) == eid:
        start -= 1
    while end + 1 < len(doc) and index.get(end + 1) == eid:
        end += 1
    return doc[start : end + 1]
