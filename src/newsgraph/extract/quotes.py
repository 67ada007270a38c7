"""Quotes and reported speech with their speakers: the ``newsgraph_quotes`` component.

:class:`QuoteExtractor` works in passes over a parsed doc (docs/quotes.md says what each finds):

1. direct quotes between quotation marks (:func:`quote_spans`), each with its cue (:func:`_cue_for`)
   and speaker (:func:`_subject` and fallbacks); quotes split by their attribution are merged;
2. reported speech: for every reporting or attitude verb, the words it reports (:func:`_content`,
   which reads asides set off by commas from the words, :func:`_attribution_aside`); partial
   quotes inside make one ``mixed`` quote;
3. nominal cues ("Trump's assertion that ...", :func:`_nominal`), "according to X"
   (:func:`_according_to`), colon lines (:func:`_colon_lines`) and signatures (:func:`_signed`).

Speakers resolve to entities through the entity component's token index (:class:`_Mentions`).
Lexicons live in ``extract/data``: reporting_verbs.txt, attitude_verbs.tsv, source_nouns.txt and
attribution_nouns.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..tables import TABLES_VERSION
from .annotations import doc_facts, doc_text, entity_index
from .component import Component

#: Opening marks; a closing mark that opens a paragraph before a word was typed for an opening one.
_QUOTE = re.compile(r"''|``|[“\"«„]|(?<![\w])‘|(?<![^\n])”(?=\w)")
_PRONOUNS = frozenset("he she they him her them it".split())
#: Quotes shorter than this many words are partial quotes inside a sentence ("a “sustained cessation”").
MIN_WORDS = 1


def _word_list(name: str) -> frozenset[str]:
    """The words of ``extract/data/<name>``: whitespace-separated, ``#`` lines are comments."""
    text = resources.files("newsgraph.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(word for ln in text.splitlines() if not ln.startswith("#") for word in ln.split())


@cache
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of verbs that report speech or belief (``data/reporting_verbs.txt``)."""
    return _word_list("reporting_verbs.txt")


@cache
def source_nouns() -> frozenset[str]:
    """Common nouns naming people or groups who can be a quote's source (``data/source_nouns.txt``)."""
    return _word_list("source_nouns.txt")


@cache
def attribution_nouns() -> frozenset[str]:
    """Nouns that attribute what follows to their possessor (``data/attribution_nouns.txt``)."""
    return _word_list("attribution_nouns.txt")


@cache
def attitude_frames() -> dict[str, frozenset[str]]:
    """Verbs whose object or infinitive clause is the content (``data/attitude_verbs.tsv``)."""
    text = (
        resources.files("newsgraph.extract").joinpath("data/attitude_verbs.tsv").read_text(encoding="utf-8")
    )
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, frames = line.split("\t")
            out[lemma.strip()] = frozenset(f.strip() for f in frames.split(","))
    return out


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
    #: the quoted pieces when an attribution splits the quote ("“A,” he said. “B.”")
    parts: list[tuple[int, int]] | None = None
    #: who passed the words on: "..., Sanders said, according to CNN"; "RIA quoted him as saying"
    via: Span | None = None
    via_id: str | None = None
    #: the speaker's characters when they do not fall on token edges ("-Michelle Marks")
    speaker_chars: tuple[int, int] | None = None

    def as_dict(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
            "kind": self.kind,
            "parts": [list(p) for p in self.parts or [(self.start, self.end)]],
            "cue": None,
            "speaker": self.speaker_id,
            "speaker_text": None,
            "speaker_start": None,
            "speaker_end": None,
            "via": self.via_id,
            "via_text": None,
            "via_start": None,
            "via_end": None,
        }
        if self.via is not None:
            out.update(via_text=self.via.text, via_start=self.via.start_char, via_end=self.via.end_char)
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
            ss, se = self.speaker_chars or (self.speaker.start_char, self.speaker.end_char)
            out.update(speaker_text=text[ss:se], speaker_start=ss, speaker_end=se)
        return out


#: Marks that may close a quotation opened by each mark: broken input mixes straight and curly ones.
_OPENER_AS_CLOSER = re.compile(r"[,.?!]“(?=[ \t]+[a-z])")

_CLOSERS = {
    "“": ("”", '"', "“"),
    "”": ("”", '"'),
    '"': ('"', "”", "“"),
    "„": ("“", "”", '"'),
    "«": ("»",),
    "‘": ("’",),
    "''": ("''", "”"),
    "``": ("''", "”"),
}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the contents of quotations (marks excluded), in text order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := _QUOTE.search(text, pos):
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end == -1 else para_end
        end, close = -1, ""
        for candidate in _CLOSERS[m.group()]:
            found = text.find(candidate, m.end(), para_end)
            if candidate == m.group() == "“":  # an opening mark typed for a closing one: “It's unusual,“ said
                typo = _OPENER_AS_CLOSER.search(text, m.end(), para_end)
                found = typo.start() + 1 if typo is not None else -1
            if candidate == "’":  # an apostrophe is no closing mark: it must end a word run
                while found != -1 and found + 1 < para_end and text[found + 1].isalpha():
                    found = text.find(candidate, found + 1, para_end)
            if found != -1 and (end == -1 or found < end):
                end, close = found, candidate
        if end == -1:
            end = para_end  # unbalanced: to the end of the paragraph
        start = m.end()
        # an attribute's value in markup left in the text (<tweet author="@x">) is no quotation
        if text[start:end].strip() and text[max(0, m.start() - 1) : m.start()] != "=":
            spans.append((start, end))
        pos = end + max(len(close), 1)
    return spans


#: Words right before a title in quotation marks: "on MSNBC’s “Morning Joe”", "the podcast “...”".
_WORK_LEADS = frozenset(
    "’s 's on show program programme podcast titled entitled book film movie song album".split()
)


def _before_quote(doc: Doc, first: int, start: int = 0) -> Token | None:
    """The token before a quotation's opening mark (``first`` is its first quoted token), from
    ``start`` on."""
    i = first - 1
    while i >= start and _is_quote_mark(doc[i]):
        i -= 1
    return doc[i] if i >= start else None


def _names_a_work(doc: Doc, first: int) -> bool:
    """Whether the words before a quotation (from its first token) introduce a title."""
    before = _before_quote(doc, first)
    return before is not None and before.lower_ in _WORK_LEADS


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
        for tok in sent:
            if (
                tok.i not in inside
                and tok.pos_ == "VERB"
                and tok.dep_ in ("ccomp", "parataxis")
                and tok.head.i in inside
                and (tok.lemma_ in lemmas or _speaks(tok, inside))
            ):
                return tok
    outside = [t for t in sent if t.i not in inside and t.pos_ == "VERB" and t.lemma_ in lemmas]
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
                for t in prev
                if t.i < before
                and t.pos_ == "VERB"
                and (t.lemma_ in lemmas or (clause and t.head.i == t.i and _speaks(t)))
            ]
    if not outside:
        return None
    return min(outside, key=lambda t: abs(t.i - first.i))


_RELATIVE = frozenset("who that which".split())
_SECOND_HAND = frozenset("quote cite".split())
#: Dependencies a subject-less verb is climbed through to find whose words these are.
_CLIMB = frozenset("advcl xcomp conj pcomp prep pobj acl relcl dep".split())
_INVERTED = frozenset("dobj attr npadvmod".split())
#: Dependencies through which a name follows its title in one noun phrase.
_NAME_PATH = frozenset("appos prep pobj compound".split())
_NP_DEPS = frozenset("compound amod det poss nmod nummod".split())


def _noun_phrase(tok: Token) -> Span:
    """The words naming ``tok``: its left modifiers (titles, names, determiners) and itself, and a
    person named after it in the same phrase ("Azerbaijan's presidential envoy, Ilkin Mammadli";
    "Minister of State for Foreign Affairs Khalid al-Mansouri")."""
    left = min((t.i for t in tok.subtree if t.dep_ in _NP_DEPS or t.i == tok.i), default=tok.i)
    right = tok.i
    stack = [c for c in tok.rights if c.dep_ in _NAME_PATH]
    while stack:
        child = stack.pop()
        if child.ent_type_ == "PERSON":
            right = max(right, child.i)
        stack.extend(c for c in child.children if c.dep_ in _NAME_PATH or c.dep_ == "compound")
    return tok.doc[left : right + 1]


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


def _is_quote_mark(tok: Token) -> bool:
    return tok.text in ("”", '"', "’", "''", "»", "“")


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


def _is_subject(tok: Token) -> bool:
    """Whether ``tok`` is (part of the name of) a clause's subject."""
    while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


@dataclass(slots=True)
class _Mentions:
    """Who could be meant by a pronoun or a title: entity mentions in text order."""

    index: dict[int, str]
    persons: list[tuple[int, str]]
    groups: list[tuple[int, str]]
    titles: dict[str, list[tuple[int, str]]]

    @classmethod
    def of(cls, doc: Doc, quoted: set[int]) -> _Mentions:
        index = entity_index(doc)
        entities = doc_facts(doc)["entities"]
        types = {e["id"]: e["type"] for e in entities}
        outside = sorted((i, eid) for i, eid in index.items() if i not in quoted)
        titles: dict[str, list[tuple[int, str]]] = {}
        for e in entities:
            if e["type"] != "PERSON":
                continue
            first = min((m["start"] for m in e.get("mentions") or []), default=e["start"])
            tok = doc.char_span(first, first + 1, alignment_mode="expand")
            at = tok.start if tok is not None else 0
            for role in e.get("roles") or []:
                for word in (role.get("title") or "").lower().split():
                    titles.setdefault(word, []).append((at, e["id"]))
        return cls(
            index,
            [(i, eid) for i, eid in outside if types.get(eid) == "PERSON"],
            [(i, eid) for i, eid in outside if types.get(eid) in ("ORG", "NORP", "GPE")],
            {w: sorted(v) for w, v in titles.items()},
        )

    def resolve(self, span: Span | None) -> str | None:
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
            near = [(i, eid) for i, eid in pool if i < span.start and span.start - i < 120]
            if not near:
                return None
            # salience: the last subject named since the previous sentence began, else the last named
            doc = span.doc
            sent = span[0].sent
            since = sent.start
            while since > 0:  # back over the previous sentence, not counting blank lines or marks
                prev = doc[since - 1].sent
                since = prev.start
                if any(not (t.is_space or t.is_punct) for t in prev):
                    break
            subjects = [eid for i, eid in near if i >= since and _is_subject(doc[i])]
            return subjects[-1] if subjects else near[-1][1]
        if last.lower_ in self.titles and (span[0].lower_ in ("the", "a") or len(span) == 1):
            before = [eid for i, eid in self.titles[last.lower_] if i < span.start]
            return before[-1] if before else None
        for tok in span:  # "its top diplomats": the organisation before
            if tok.lower_ in ("its", "their") and tok.dep_ == "poss":
                before = [eid for i, eid in self.groups if i < tok.i]
                return before[-1] if before else None
        return None


@Language.factory(
    "newsgraph_quotes",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_facts"],
    requires=["token.dep", "token.lemma", "doc.spans", "doc._.newsgraph_facts"],
)
def make_quotes(nlp: Language, name: str, tables: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, tables=tables)


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


def _closing_mark(text: str, at: int) -> int:
    """The length of the closing quotation mark at ``at`` (0 when there is none)."""
    if text.startswith("''", at):
        return 2
    return 1 if at < len(text) and text[at] in '”"»’“' else 0


def _opening_name(verb: Token) -> Span | None:
    """The words that open the verb's sentence when they name a source, appositions included
    ("the presumptive GOP presidential nominee, Donald Trump, tweeted")."""
    doc, sent = verb.doc, verb.sent
    words = [t for t in doc[sent.start : verb.i] if not t.is_punct and not t.is_space]
    if not words or verb.i - sent.start > 16 or not _source_words(words[:12]):
        return None
    return doc[words[0].i : words[-1].i + 1]


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


def _mention_span(doc: Doc, i: int, index: dict[int, str]) -> Span:
    """The run of tokens around ``i`` that name the same entity."""
    eid = index[i]
    start = end = i
    while start > 0 and index.get(start - 1) == eid:
        start -= 1
    while end + 1 < len(doc) and index.get(end + 1) == eid:
        end += 1
    return doc[start : end + 1]


def _trim(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ == "that"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


#: Prepositions after an attribution noun that introduce what is attributed ("call for", "attack on").
_NOMINAL_PREPS = frozenset("for against of on about to over".split())


def _nominal(doc: Doc, quotes: list[Quote], quoted: set[int], mentions: _Mentions) -> list[Quote]:
    """ "Trump's assertion that “thousands” celebrated", "Sanders's call for a “revolution”",
    "Cruz's refusal to disavow ...": what a possessed attribution noun introduces is its
    possessor's (a ``mixed`` quote when it holds a partial quote)."""
    nouns = attribution_nouns()
    covered = {i for q in quotes if q.kind != "direct" for i in _token_range(doc, q)}
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or tok.i in quoted or tok.i in covered:
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


_POSSESSIVES = frozenset("his her their its my our your".split())


def _according_to(doc: Doc, covered: set[int], mentions: _Mentions, quotes: list[Quote]) -> list[Quote]:
    """ "X happened, according to Y": the rest of the sentence is attributed to Y; a quote already
    found there ("“...,” Sanders said, according to CNN") keeps its speaker and is passed on ``via`` Y."""
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


#: What an object is called or taken for: "calling him a “loser”", "named it “Dangerous”".
_PREDICATES = frozenset("oprd attr ccomp xcomp".split())
#: Verbs that give a name: "a book called “Women Who Work”" names, it does not quote.
_NAMING = frozenset("call name title entitle dub label".split())
#: Prepositions after an object that say what it was held to be or blamed for ("accused X of",
#: "described X as", "credited X with", "criticized X for").
_OBJECT_PREPS = frozenset("as of for with over about against".split())
#: Verbs whose object is the one spoken to, never the speaker ("“...,” Ramos told AFP").
_ADDRESSEE_VERBS = frozenset("tell ask inform remind assure advise urge notify brief".split())

#: Words that, after a comma, start what the writer adds rather than what the source said.
_TAIL_STARTS = frozenset("who whom which while whereas according".split())


_SOURCE_PRONOUNS = frozenset("i we you he she they".split())


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
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if comp is not None:
        return _trim(_cut_tail([t for t in comp.subtree if t.i > verb.i])), None
    late = _late_that_clause(verb)
    if late is not None:
        return late, None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    frames = attitude_frames().get(verb.lemma_)
    if not frames and verb.lemma_ in reporting_lemmas():
        # any reporting verb whose object holds a partial quote: "lamented the “disheartened” state"
        objects = [c for c in verb.rights if c.dep_ in ("dobj", "oprd")]
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
        for child in verb.rights:
            if child.dep_ in ("prep", "prt") and f"{child.dep_}:{child.lower_}" in frames:
                # "called for a ban", "referred to Rubio as “a leader”", "called on Congress to act"
                if child.dep_ == "prep":
                    obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                else:
                    obj = next((c for c in verb.rights if c.dep_ == "dobj" and c.i > child.i), None)
                if obj is None:
                    continue
                toks = [t for t in obj.subtree]
                for other in verb.rights:  # and what it was taken for: "as “a leader”", "to act"
                    if other.i > obj.i and (
                        other.dep_ in _PREDICATES or (other.dep_ == "prep" and other.lower_ == "as")
                    ):
                        toks.extend(other.subtree)
                return _trim(_cut_tail(sorted(toks, key=lambda t: t.i))), None
            as_follows = any(c.dep_ == "prep" and c.lower_ == "as" and c.i > child.i for c in verb.rights)
            # with no object parsed, what it was called stands for it ("called the frontrunner “...”")
            no_object = child.dep_ == "oprd" and not any(c.dep_ == "dobj" for c in verb.rights)
            if (
                child.dep_ in frames
                or (child.dep_ == "dobj" and "dobj+as" in frames and as_follows)
                or (no_object and "dobj" in frames)
            ) and (child.dep_ != "xcomp" or child.pos_ in ("VERB", "AUX")):
                last = child
                if child.dep_ == "dobj":  # "called X “Y”", "accused X of “Y”": what X was called
                    for other in verb.rights:
                        if other.i > last.i and (
                            other.dep_ in _PREDICATES
                            or (other.dep_ == "prep" and other.lower_ in _OBJECT_PREPS)
                            # "blamed the violence on a “disturbed person”": the quote is the point
                            or (other.dep_ == "prep" and any(t.i in quoted for t in other.subtree))
                        ):
                            last = other
                toks = [t for c in verb.rights if child.i <= c.i <= last.i for t in c.subtree]
                return _trim(_cut_tail([t for t in toks if t.i > verb.i])), None
    if verb.lemma_ not in reporting_lemmas():
        return None, None
    if subj is not None and subj.i < verb.i and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        for child in verb.rights:  # "remarked upon the fact that there is “more work to do”"
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
        return _attribution_aside(verb, quoted)
    head = _circumstance_cut([t for t in sent if t.i < left])
    if sum(1 for t in head if t.is_alpha and t.i not in quoted) < 3:
        return _attribution_aside(verb, quoted)  # “...,” Jacobs said: the direct quote is the content
    # the attribution runs from the subject to the verb's own modifiers ("in an interview")
    right = max(
        (
            t.i
            for c in verb.rights
            for t in c.subtree
            if not t.is_punct and c.dep_ in ("prep", "npadvmod", "advmod")
        ),
        default=verb.i,
    )
    after = verb.doc[right + 1] if right + 1 < sent.end else None
    if after is not None and not after.is_punct:
        return _attribution_aside(verb, quoted)
    tail = _cut_tail([t for t in sent if t.i > right])
    if tail and tail[0].text == ",":
        tail = _trim(tail)
        if not tail or tail[0].tag_ == "VBG" or tail[0].lower_ in _TAIL_STARTS:
            tail = []
    else:
        tail = []
    return _trim(head + tail), None


def _source_words(toks: list[Token]) -> bool:
    """Whether ``toks`` read as a source's name: short, no verb, with a pronoun, a name or a noun
    for people ("he", "Mrs. Clinton's aides", "political scientist Dossym Satpayev in Almaty")."""
    if not 0 < len(toks) <= 12 or any(
        (t.pos_ not in _NAME_POS and t.text not in _NAME_PUNCT)
        or (t.pos_ == "PART" and t.tag_ != "POS")
        or t.lower_ in _NOT_NAMES
        for t in toks
    ):
        return False
    return any(
        t.lower_ in _SOURCE_PRONOUNS
        or t.pos_ == "PROPN"
        or t.lemma_.lower() in source_nouns()
        or (t.lower_ == "old" and t.i > 1 and t.doc[t.i - 2].lower_ == "year")  # "the 43-year-old"
        for t in toks
    )


#: Words a verb's modifiers are made of, between it and a late "that" ("predicted at the most
#: recent GOP debate that ...", "told reporters on Monday that ...").
_MODIFIER_POS = frozenset("ADP DET ADJ NOUN PROPN NUM ADV PART PRON".split())


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
    first_quoted = next((t.i for t in sent if t.i < verb.i and t.i in quoted), None)
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
    head = _circumstance_cut([t for t in sent if t.i < left])
    tail = [t for t in sent if t.i > j] if j < sent.end and doc[j].text == "," else []
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


def _runs_into_quote(doc: Doc, first_quoted: int, start: int) -> bool:
    """The writer's words lead straight into a partial quote ("This is a “raw time,” said ..."),
    with no comma or colon between them and its opening mark."""
    before = _before_quote(doc, first_quoted, start)
    return before is not None and not before.is_punct and not before.is_space


def _name_before(verb: Token) -> Span | None:
    """The words right before ``verb`` when they read as a source's name ("... author Hiro Aida
    said ...")."""
    doc, sent = verb.doc, verb.sent
    i = verb.i - 1
    while i >= sent.start and (doc[i].pos_ in _NAME_POS or doc[i].text in _NAME_PUNCT) and verb.i - i <= 12:
        i -= 1
    toks = list(doc[i + 1 : verb.i])
    return doc[toks[0].i : verb.i] if toks and _source_words(toks) else None


#: Words opening a clause that sets the scene for an attribution rather than being reported.
_CIRCUMSTANCE = frozenset("when as after while before asked speaking addressing".split())


def _circumstance_cut(head: list[Token]) -> list[Token]:
    """Nothing of what comes before an attribution when it sets the scene ("Asked Friday if he
    supported talks, Trump told reporters: ..."; "Speaking in Ohio, she said")."""
    words = [t for t in head if not (t.is_punct or t.is_space)]
    if words and (words[0].lower_ in _CIRCUMSTANCE or words[0].tag_ in ("VBN", "VBG")):
        return []
    return head


_NAME_POS = frozenset("DET ADJ PROPN NOUN PART NUM PRON".split())
#: Words that open a clause rather than name a source ("whom he said", "Despite what he said").
_NOT_NAMES = frozenset("what whom who which whose that this it everything something nothing".split())
#: Punctuation inside a name ("Mrs.", "Clinton's", "Jean-Marc").
_NAME_PUNCT = frozenset([".", "'", "’", "'s", "’s", "-"])


def _leading_name(toks: list[Token]) -> list[Token]:
    """The noun phrase a run of tokens opens with ("political scientist Dossym Satpayev" of
    "political scientist Dossym Satpayev in Almaty")."""
    out: list[Token] = []
    for tok in toks:
        if tok.pos_ not in _NAME_POS and not (tok.text in ".'’" and out):
            break
        out.append(tok)
    return out


#: "Name: what they said" at the start of a line: headlines, transcripts, interviews.
_COLON_LINE = re.compile(r"(?m)^[ \t]*([A-Z][\w.’'\- ]{0,40}?):[ \t]+(?=\S)")
#: A newsletter's item: "Pollsters agree - Carl Bialik: “...”" (a headline, a dash, the source).
_HEADED_COLON_LINE = re.compile(r"(?m)^[^\n:“”\"]{3,120}? [-—–] ([A-Z][\w.’' ]{1,40}?):[ \t]+(?=[“\"])")


def _colon_lines(doc: Doc, text: str, quotes: list[Quote], mentions: _Mentions) -> list[Quote]:
    """ "Issa: Clinton's honesty is in question", "Q: ...", "A: ...": the rest of the line is the
    words of the one named before the colon (a quote already there takes that speaker)."""
    for m in [*_COLON_LINE.finditer(text), *_HEADED_COLON_LINE.finditer(text)]:
        if len(m.group(1).split()) > 5:
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or not (
            re.fullmatch(r"[A-Z]{1,3}", m.group(1).strip())
            or (
                any(t.pos_ == "PROPN" or t.ent_type_ or (t.is_title and t.pos_ == "NOUN") for t in name)
                and name[0].pos_ not in ("ADP", "ADV", "SCONJ", "CCONJ")
            )
        ):
            continue  # "For example: ...", "Still: ...": no one named
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        start, end = m.end(), line_end
        while end > start and text[end - 1] in " \t":
            end -= 1
        if len(text[start:end].split()) < 2:
            continue
        source = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        if source is None or colon is None:
            continue
        inner = [q for q in quotes if start <= q.start and q.end <= end and q.kind == "direct"]
        if any(q.start < start < q.end or q.start < end < q.end for q in quotes):
            continue
        if any(q.cue is not None and q.speaker is not None and q.cue.idx >= start for q in inner):
            continue  # a sentence with its own attribution ("...," he told CNN)
        speaker_id = mentions.resolve(source)
        whole = [q for q in inner if q.kind == "direct" and q.end - q.start >= 0.8 * (end - start)]
        if whole:  # the line is a quotation: it is theirs
            for q in whole:
                # (a headline's words before "- Name:" are no attribution of their own)
                if q.speaker is None or q.cue is None or m.re is _HEADED_COLON_LINE:
                    q.speaker, q.speaker_id, q.cue, q.cue_span = source, speaker_id, colon[0], None
            continue
        quotes = [q for q in quotes if q not in inner]
        quote = Quote(start, end, "mixed" if inner else "direct", colon[0], source, speaker_id)
        quotes.append(quote)
    return quotes


#: A signature under a quotation: "\n\n-President Obama, tweeting after the speech."
_SIGNATURE = re.compile(
    r"[”\"'’»]*[ \t\xa0]*(?:\n+[ \t\xa0]*)?(?:[-—–―]{1,2}[ \t\xa0]*([A-Z][^,\n]{1,60}?)(?=,|\.?\n|\.?$)"
    r"|(?<=[^\n]\n)([A-Z][^,\n.”\"]{0,40}(?:\.[^,\n.”\"]{1,40}){0,4})\.?[”\"]?[ \t]*(?=\n|$))"
)


def _signed(doc: Doc, text: str, quotes: list[Quote], mentions: _Mentions) -> None:
    """A quotation standing alone, signed with a dash and a name after it or on the next line, is
    the signer's (pull quotes, "quotables", readers' voices: "“...” ― Christina Lastra.")."""
    for q in quotes:
        if q.kind != "direct" or q.cue is not None:
            continue
        m = _SIGNATURE.match(text, q.end)
        group = 1 if m is not None and m.group(1) else 2
        if m is None or len(m.group(group).split()) > 6:
            continue
        source = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
        # a name alone on the very next line signs the quote too ("S.C. Rep. Jim Clyburn."), not a
        # headline in capitals after a blank line ("GAZA SITUATION 'DIRE'")
        names = group == 1 or (
            source is not None
            and all(t.pos_ in ("PROPN", "PUNCT") for t in source)
            and not all(t.is_upper for t in source if t.is_alpha)
        )
        if source is not None and names and any(t.pos_ == "PROPN" for t in source):
            q.speaker, q.speaker_id = source, mentions.resolve(source)
            q.speaker_chars = (m.start(group), m.end(group))


class QuoteExtractor(Component):
    """Fills ``doc_facts(doc)["quotes"]``; speakers resolve to the ``newsgraph_entities`` spans."""

    tables = (
        ("newsgraph.extract", "reporting_verbs.txt"),
        ("newsgraph.extract", "source_nouns.txt"),
        ("newsgraph.extract", "attribution_nouns.txt"),
        ("newsgraph.extract", "attitude_verbs.tsv"),
    )
    needs = ("DEP",)

    def annotate(self, doc: Doc) -> None:
        text = doc_text(doc)
        doc_facts(doc)["quotes"] = [q.as_dict(text) for q in self.match(doc, text)]

    def load_tables(self) -> None:
        reporting_lemmas(), source_nouns(), attribution_nouns(), attitude_frames()

    def match(self, doc: Doc, text: str) -> list[Quote]:
        lemmas = reporting_lemmas()
        spans = []
        for start, end in quote_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) >= MIN_WORDS:
                spans.append((start, end, span))
        quoted = {i for _, _, span in spans for i in range(span.start, span.end)}
        mentions = _Mentions.of(doc, quoted)
        person_ids = {eid for _, eid in mentions.persons}
        quotes: list[Quote] = []
        for start, end, span in spans:
            inside = set(range(span.start, span.end))
            sent = span[0].sent
            words = sum(1 for t in span if t.is_alpha)
            # a clause, or words that end like speech inside the marks (“Denver,” he answered)
            clause = (
                words >= 5
                or any(t.pos_ in ("VERB", "AUX") for t in span)
                or text[start:end].rstrip()[-1:] in (",", "?", "!")
            )
            cue = _cue_for(list(span), sent, inside, clause)
            lead = [t for t in sent if t.i < span.start and not (t.is_punct or t.is_space)]
            if words <= 4 and cue is None and lead:
                continue  # a short quote no one is said to have said: a title, a nickname, scare quotes
            alpha = [t for t in span if t.is_alpha]
            work = _names_a_work(doc, span.start)
            if (
                words <= (8 if work else 4)
                and all(t.is_title or t.is_stop for t in alpha)
                and alpha
                and alpha[0].is_title
                and (work or (lead and not (cue is not None and any(t.head.i == cue.i for t in span))))
            ):
                continue  # “Daily Show”, “Ronnie”: a title or a name in quotation marks
            if cue is not None and cue.lemma_ in _NAMING and cue.tag_ == "VBN" and cue.dep_ == "acl":
                continue  # a website called “Cape Breton If Donald Trump Wins”: a name
            speaker = _subject(cue, quoted) if cue is not None else None
            if speaker is None and cue is not None:
                speaker = _opening_name(cue)
            quote = Quote(start, end, "direct", cue, speaker, mentions.resolve(speaker))
            if quote.speaker is None:
                quote.speaker, quote.speaker_id = _nearby_person(doc, span, mentions.index, person_ids)
            if quote.speaker is None:  # "Bystrom agreed. “...”": the source of the sentence before
                quote.speaker = _previous_sentence_source(span)
                quote.speaker_id = mentions.resolve(quote.speaker)
            if quote.speaker is None and quotes and quotes[-1].speaker is not None:
                prev = quotes[-1]  # a quote with no source of its own continues the last speaker
                if text.count("\n\n", prev.end, start) <= 4:
                    quote.speaker, quote.speaker_id = prev.speaker, prev.speaker_id
                    # the words naming them: their last mention before this quote ("Howard continued.")
                    named = [
                        i
                        for i, eid in mentions.index.items()
                        if eid == prev.speaker_id and prev.end <= doc[i].idx < start
                    ]
                    if named:
                        quote.speaker = _mention_span(doc, max(named), mentions.index)
            quotes.append(quote)
        quotes = self._merge_split(quotes, text)
        frames = attitude_frames()
        ccomp_heads = {t.head.i for t in doc if t.dep_ == "ccomp" and t.head.i < t.i}
        for tok in doc:  # reported speech: "X said (that) ...", "..., X said."
            if tok.pos_ != "VERB" or tok.i in quoted:
                continue
            if (
                tok.lemma_ not in lemmas
                and tok.lemma_ not in frames
                and not _holds_a_view(tok, mentions, ccomp_heads)
            ):
                continue
            toks, surface = _content(tok, quoted)
            if not toks or len(toks) < 3:
                continue
            first, last = toks[0], toks[-1]
            start, end = first.idx, last.idx + len(last.text)
            for q_start, q_end, _ in spans:  # a quote the words end inside (its comma or full stop cut)
                if start < q_start < end < q_end:
                    end = q_end
            if any(q_end == end for _, q_end, _ in spans):  # and its closing mark
                end += _closing_mark(text, end)
            inner = [q for q in quotes if q.kind == "direct" and start <= q.start and q.end <= end]
            outside = sum(1 for t in toks if t.i not in quoted and t.is_alpha)
            # words of the writer's around a partial quote make a mixed quote ("calling him a “loser”")
            # (a short one the direct pass left alone counts too: "cited another “trap” debate")
            marked = bool(inner) or any(t.i in quoted for t in toks)
            enough = 1 if marked and first.i not in quoted else 3
            if (
                outside < enough
                or any(q.start < start < q.end or q.start < end < q.end for q in quotes)
                or any(q.start == start and q.end == end for q in quotes)  # a second verb, same words
            ):
                continue  # the reported words are a direct quote already (or cut one)
            speaker = surface or _subject(tok, quoted)
            if speaker is not None and start <= speaker.start_char < end:
                # the parse took a subject inside the reported words: the name before the verb
                speaker = _name_before(tok)
            speaker_id = mentions.resolve(speaker)
            if speaker is None:  # a parse with no subject: the name right before the verb
                speaker = _name_before(tok)
                speaker_id = mentions.resolve(speaker)
            if speaker is None:  # or the person named before the verb
                before = doc[tok.sent.start : tok.i]
                speaker, speaker_id = _nearby_person(doc, doc[tok.i : tok.i + 1], mentions.index, person_ids)
                if speaker is not None and speaker.start >= before.end:
                    speaker = speaker_id = None
            if inner:  # said the convention was the "perfect opportunity" to ...: one mixed quote
                quotes = [q for q in quotes if q not in inner]
                if speaker is None:
                    speaker, speaker_id = inner[0].speaker, inner[0].speaker_id
            quotes.append(Quote(start, end, "mixed" if marked else "indirect", tok, speaker, speaker_id))
        quotes = _nominal(doc, quotes, quoted, mentions)
        quotes.extend(
            _according_to(doc, quoted | {i for q in quotes for i in _token_range(doc, q)}, mentions, quotes)
        )
        for q in quotes:  # "RIA quoted him as saying": the words are his, passed on by RIA
            if q.via is None and q.cue is not None:
                q.via = _second_hand(q.cue)
                q.via_id = mentions.resolve(q.via)
        quotes = _colon_lines(doc, text, quotes, mentions)
        _signed(doc, text, quotes, mentions)
        return sorted(quotes, key=lambda q: q.start)

    @staticmethod
    def _merge_split(quotes: list[Quote], text: str) -> list[Quote]:
        """One quote split by its attribution ("“A,” he said. “B.”") stays one quote."""
        out: list[Quote] = []
        for q in quotes:
            prev = out[-1] if out else None
            split = (
                prev is not None
                and prev.cue is not None
                and prev.end <= prev.cue.idx < q.start
                and _SPLIT_BY_ATTRIBUTION.fullmatch(text, prev.end, q.start) is not None
                and (q.cue is None or q.cue.i == prev.cue.i)
            )
            # “A,” “B.”: quotations one after the other, nothing but marks between, are one too
            adjacent = (
                prev is not None
                and prev.kind == q.kind == "direct"
                and _ADJACENT.fullmatch(text, prev.end, q.start) is not None
                and (q.cue is None or (prev.cue is not None and q.cue.i == prev.cue.i))
            )
            if prev is not None and (split or adjacent):
                prev.parts = [*(prev.parts or [(prev.start, prev.end)]), (q.start, q.end)]
                prev.end = q.end
                if prev.cue is None:
                    prev.cue, prev.speaker, prev.speaker_id = q.cue, q.speaker, q.speaker_id
                continue
            out.append(q)
        return out


#: What lies between quotations that follow one another: marks, spaces, an ellipsis.
_ADJACENT = re.compile(r"""[,.?!]?(?:''|[”"’»])[ \t\xa0.…]*(?:''|``|[“"«„‘])""")

#: What lies between the two pieces of a quote split by its attribution: the closing mark, an
#: attribution on the same line with no quotation of its own (a title after it is no second piece)
#: ending in a comma, full stop or colon, and the opening mark ("," he said. ").
_SPLIT_BY_ATTRIBUTION = re.compile(
    r"""[,.?!]?(?:''|[”"’»])*[ \t\xa0]*[,.]?[ \t\xa0]*[^\n“”"«»„`]{2,250}?[,.:;][ \t\xa0]*(?:''|``|[“"«„‘])"""
)


def _token_range(doc: Doc, quote: Quote) -> range:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
