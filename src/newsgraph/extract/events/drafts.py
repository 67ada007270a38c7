"""Drafts: the events the triggers report, typed and moded by their lexicon row, before their
arguments are resolved. A verb is a draft when its row's conditions hold; an event noun when the
text reports it as an event (the object of a support verb: "held talks"; the subject of a verb of
happening: "fighting erupted"; a noun with its own named actor: "Israeli airstrikes"; the head of a
relative clause; the occasion of a clause: "raised it in a phone call with Putin"); "X must ...",
said or quoted, is a REQUEST of the speaker to X. :class:`Draft` is the record the later steps
(relations, arguments, records) fill in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.symbols import VERB
from spacy.tokens import Token

from ...resolve.actors import sector_of
from .. import plover
from .candidates import Lexicon, find_entry, misread_clause, misread_deontic, obliged_clause
from .context import Context
from .modality import Modality
from .references import actor_record, other_person, own_actor_heads, resolve_heads, same, unnamed_they
from .syntax import between_heads, clause_subjects, lemma, phrase, position, subjects, verb_forms

#: Prepositions that make their object the occasion of the clause ("said during a visit").
_OCCASION_PREPS = frozenset({"in", "during", "at", "on", "for"})
#: Particles that make a support verb another verb: "held up", "called off", "put off" (but
#: "carried out" is still "carried").
_PARTICLES = frozenset({"up", "off", "back", "down", "away"})
_DEONTIC_ENTRY = plover.Entry("must", (), "REQUEST", None, None, frozenset())
#: "X should have acted", said of another: a reproach of what X did not do (PLOVER ACCUSE
#: "disapprove"), no demand; stated whatever its clause's mood ("stated").
_REPROACH_ENTRY = plover.Entry("should have", (), "ACCUSE", "disapprove", None, frozenset({"stated"}))
#: Modals of obligation whose perfect reproaches ("should have stopped", "ought to have known").
_REPROACHING = frozenset({"should", "ought"})


@dataclass(slots=True, eq=False)
class Draft:
    """An event found in the parse, before its arguments are resolved."""

    trigger: Token
    end: int  # token index after the trigger
    entry: plover.Entry
    type: str
    mode: str | None
    how: str  # verb | support | happen | own | relcl | occasion | deontic | evaluation
    anchor: Token  # the verb of its clause (the noun itself for "own")
    noun: Token | None = None
    speaker: dict[str, Any] | None = None
    #: the actors a statement of disapproval is about (``how`` "evaluation")
    blamed: list[dict[str, Any]] = field(default_factory=list)
    outer: Draft | None = None
    relation: str = ""  # topic | complement
    actor_from: Draft | None = None
    parent: Draft | None = None
    contents: list[Draft] = field(default_factory=list)
    merged: list[Draft] = field(default_factory=list)
    dropped: bool = False
    mod: Modality = field(default_factory=Modality)
    quote: int | None = None
    #: the sentiment score of the trigger's clause, when the ``tone`` setting is on (events/sentiment.py)
    tone: float | None = None

    def root(self) -> Draft:
        d = self
        while d.parent is not None:
            d = d.parent
        return d

    @property
    def verbal(self) -> bool:
        return plover.event_types()[self.type].verbal


def event_scope(d: Draft) -> set[int]:
    """Token indexes of the event's own words (its trigger's and its clause's phrases)."""
    scope: set[int] = set()
    for x in (d, *d.merged):
        scope.update(t.i for t in phrase(x.noun if x.noun is not None else x.trigger))
        if x.how != "own":
            scope.update(t.i for t in phrase(x.anchor))
    return scope


def _cond_words(entry: plover.Entry) -> frozenset[str]:
    return frozenset(v for c in entry.conditions if c.kind == "mod" for v in c.values)


#: Tags of words that open a noun phrase: a participle right after one describes the noun.
_NOUN_OPENERS = frozenset({"DT", "PRP$", "CD", "WP$"})


def _in_noun_phrase(verb: Token) -> bool:
    """A participle the parser took for a verb inside a noun phrase: right after a determiner,
    possessive or number and right before the noun it is said to govern, with no subject or
    auxiliary of its own ("leads by 271 pledged delegates", "the requested documents"). A finite
    verb never follows a determiner so."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i == 0 or verb.i + 1 >= len(verb.doc):
        return False
    before, after = verb.nbor(-1), verb.nbor(1)
    if after.pos_ not in ("NOUN", "PROPN") or after.head.i != verb.i:
        return False
    if before.tag_ not in _NOUN_OPENERS and not _in_adjective_list(verb, after):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _in_adjective_list(verb: Token, noun: Token) -> bool:
    """The participle closes a list of adjectives of ``noun`` ("a majority of regular, pledged
    delegates"): a comma or "and" and an adjective before it, opened by a determiner, possessive,
    number or preposition."""
    i = verb.i - 1
    adjectives = 0
    while i >= 0 and verb.doc[i].tag_ in (",", "CC", "JJ"):
        if verb.doc[i].tag_ == "JJ":
            adjectives += 1
        i -= 1
    return adjectives > 0 and i >= 0 and verb.doc[i].tag_ in (*_NOUN_OPENERS, "IN")


def find_drafts(lex: Lexicon, ctx: Context, candidates: list[tuple[Token, str]]) -> list[Draft]:
    """Drafts of the verb and noun candidates whose lexicon row holds and names an event type."""
    out: list[Draft] = []
    for tok, kind in candidates:
        if kind == "verb":
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and lemma(tok.head) in plover.word_class("document"):
                continue  # "a letter signed by 50 senators": who issued it, not an event
            if _in_noun_phrase(tok):
                continue  # "by 271 pledged delegates": a participle describing a noun
            entry = find_entry(tok, lex.verbs)
            if entry is None or entry.type is None:
                continue
            end = tok.i + 1
            prts = [c.i for c in tok.children if c.dep_ == "prt" and c.i == end]
            if prts:
                end += 1
            out.append(Draft(tok, end, entry, entry.type, entry.mode, "verb", tok))
        elif kind == "noun":
            entry = find_entry(tok, lex.nouns)
            if entry is None or entry.type is None:
                continue
            had = _had_in(ctx, tok, entry)
            if had is not None:
                out.append(had)
                continue
            place = _noun_place(lex, ctx, tok, entry.type)
            if place is None:
                continue
            how, anchor = place
            start = tok.i
            for c in tok.children:  # "phone call", "air strike": the modifier the row needs
                if c.dep_ in ("compound",) and c.i == start - 1 and c.lower_ in _cond_words(entry):
                    start = c.i
            out.append(Draft(tok.doc[start], tok.i + 1, entry, entry.type, entry.mode, how, anchor, noun=tok))
    return out


def _had_in(ctx: Context, noun: Token, entry: plover.Entry) -> Draft | None:
    """ "Obama has an admirer in British diplomat Sir Peter Westmacott", "Clinton has a fierce critic
    in Sanders": a noun that names someone by what they do to another (word class ``agentive``),
    the object of "have" with an "in" phrase, is done by the one "in" names to the subject of
    "have"."""
    pos = position(noun)
    if lemma(noun) not in plover.word_class("agentive") or pos.dep_ != "dobj" or lemma(pos.head) != "have":
        return None
    doers = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children]
    doers = [p for p in doers if p.dep_ == "pobj"]
    done_to = resolve_heads(ctx, subjects(pos.head)[0], places=False, recipient=True)
    by = resolve_heads(ctx, doers, places=False)
    if not doers or not by or not done_to or any(same(t, by[0]) for t in done_to):
        return None
    assert entry.type is not None
    draft = Draft(noun, noun.i + 1, entry, entry.type, entry.mode, "evaluation", pos.head, speaker=by[0])
    draft.blamed = done_to
    return draft


def _noun_place(lex: Lexicon, ctx: Context, noun: Token, etype: str) -> tuple[str, Token] | None:
    """How the text reports an event noun, and the verb of its clause; None when it is no event
    of its own (a mention in passing)."""
    pos = position(noun)
    head, dep = pos.head, pos.dep_
    if lemma(noun) in plover.word_class("agentive"):
        # "Apple is a strong advocate for Dreamers": the subject does it ("has an admirer in" is
        # _had_in's); elsewhere ("the critics said") the noun names a person, not an event
        return ("support", head) if dep == "attr" and lemma(head) == "be" else None
    objective = dep in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX")
    if objective and _class(head, lex.support) == "-":
        return "support", head
    if dep == "pobj" and head.dep_ in ("prep", "prt", "agent"):
        verb = head.head
        if _class(verb, lex.support) == head.lower_:
            return "support", verb
        amount = _amount_of(head)
        if amount is not None and _class(amount.head, lex.support) == "-":
            return "support", amount.head  # "announced $300 million in military aid"
    for child in pos.children:
        if child.dep_ in ("relcl", "acl") and _class(child, lex.support) == "-":
            return "relcl", child
    if dep in ("nsubj", "nsubjpass") and _class(head, lex.happen) is not None:
        return "happen", head
    if dep == "dobj" and _class(head, plover.word_class("occurred")) is not None:
        return "happen", head  # "confirmed the arrest of three suspects", "sparked protests"
    if own_actor_heads(ctx, noun, etype) or between_heads(noun):
        return "own", noun
    if dep == "pobj" and head.lower_ in _OCCASION_PREPS and head.head.pos == VERB:
        return "occasion", head.head
    return None


def _amount_of(prep: Token) -> Token | None:
    """The amount an "in" phrase measures out ("$300 million in aid", "50 billion euros in loans"):
    a number, or a noun counted by one, that is the object of a verb; None otherwise."""
    if prep.lower_ != "in":
        return None
    amount = prep.head
    if amount.dep_ not in ("dobj", "nsubjpass") or amount.head.pos != VERB:
        return None
    if amount.pos_ == "NUM" or amount.ent_type_ == "MONEY":
        return amount
    if any(c.dep_ == "nummod" for c in amount.children):
        return amount
    return None


def _class(tok: Token, table: dict[str, str]) -> str | None:
    """The value of a verb in a word class, trying the forms of :func:`verb_forms`; a phrasal
    verb is another verb ("held talks", but "held up agreement"), found under its verb and
    particle ("stepped up its attacks": ``step up``)."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt" and c.lower_ in _PARTICLES), None)
    for form in verb_forms(tok) if tok.pos == VERB else [lemma(tok)]:
        key = f"{form} {particle}" if particle else form
        if key in table:
            return table[key]
    return None


def deontic_drafts(lex: Lexicon, ctx: Context, auxes: list[Token]) -> list[Draft]:
    """ "North Korea must ...", "Trump needs to ...", said or quoted: a REQUEST of the speaker to
    the subject."""
    out: list[Draft] = []
    for aux in auxes:
        obliged = obliged_clause(aux)
        if obliged is not None:  # "it's time for Congress to act": asked of Congress
            verb = obliged
            agents = [c for c in verb.children if c.dep_ == "nsubj"]
        elif aux.pos == VERB or misread_deontic(aux):  # "needs to deliver": what is asked
            verb = next((c for c in aux.children if c.dep_ == "xcomp" and c.pos == VERB), aux)
            if verb is aux and aux.pos != VERB:
                verb = misread_clause(aux) or aux  # "that Trump needs [to deliver]": an acl
            if verb is aux or any(c.dep_ == "neg" for c in aux.children):
                continue  # "does not need to": no demand
            agents = clause_subjects(aux)
        else:
            verb = aux.head
            if verb.pos != VERB and not _reproach(aux, verb):
                continue  # "should have been the first": a reproach with a copula
            agents, _ = subjects(verb)
        if not agents or any(a.lower_ in plover.word_class("first") for a in agents):
            continue
        if aux.lower_ == "should" and any(a.i > aux.i for a in agents):
            continue  # "should China not accede": an inverted condition, no demand
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children):
            continue  # "the referendum on whether Britain should exit the EU": a question put
        if lemma(verb) in plover.word_class("outcome") or _for_outcome(verb):
            # "Bernie should win by double digits": a forecast, no one can be asked to win; nor
            # is anyone asked by "needs to outperform the polls in order to win": what winning
            # takes (manual, REQUEST: asking an actor to act), an assessment
            continue
        if _wh_clause(aux, verb):
            continue  # "explained why Jones should drop out", "how they must vote": a question put
        if lemma(verb) in plover.word_class("knowing") and not _reproach(aux, verb):
            continue  # "Ford needs to know that there are consequences": a warning, no act asked
        if not any(_can_be_asked(ctx, a) for a in agents):
            continue  # "the building's use should send a signal": a thing is asked nothing
        speaker = speaker_of(lex, ctx, verb)
        if speaker is None:
            continue
        targets = resolve_heads(ctx, agents)
        others: list[dict[str, Any]] = []
        if targets and all(same(t, speaker) for t in targets) and _in_own_words(ctx, agents):
            # "'I think he needs to fill them in,' said Tom Rath": "he" is not the speaker
            targets = others = other_person(ctx, agents[0], speaker)
        if not targets or any(same(t, speaker) or _self(t, speaker) for t in targets):
            continue  # what one asks of oneself is no request
        entry = _REPROACH_ENTRY if _reproach(aux, verb) else _DEONTIC_ENTRY
        assert entry.type is not None
        draft = Draft(aux, aux.i + 1, entry, entry.type, entry.mode, "deontic", verb, speaker=speaker)
        draft.blamed = others
        draft.quote = ctx.quote_at(verb.idx)
        out.append(draft)
    return out


def _for_outcome(verb: Token) -> bool:
    """The clause has a purpose clause of a result ("to win", "in order to win the primary", "so
    that she can win"): an infinitive or a clause of a verb of the word class ``outcome``."""
    outcomes = plover.word_class("outcome")
    for tok in verb.subtree:
        if lemma(tok) not in outcomes or not _purpose(tok):
            continue
        if tok.dep_ == "advcl" and tok.head.i == verb.i:
            return True
        # "must attack Clinton to succeed": the parser reads the purpose after an object as the
        # verb's complement; not so after a verb that makes another win ("help Clinton to win")
        if tok.dep_ == "xcomp" and tok.head.i == verb.i and _helps_not(verb):
            return True
        # "in order to win" (the parser hangs it on "order"), "exceed expectations to win" (on
        # the object); not "stop his bid to win", whose noun is the aim itself
        if tok.dep_ == "acl" and (
            tok.head.lower_ == "order" or (tok.head.dep_ == "dobj" and tok.head.head.i == verb.i)
        ):
            return lemma(tok.head) not in _AIMS
    return False


def _helps_not(verb: Token) -> bool:
    """The verb has an object before its infinitive and is no verb of making, helping or
    letting another do it (word classes ``causative``, ``governor``)."""
    if lemma(verb) in plover.word_class("causative") or lemma(verb) in plover.word_class("governor"):
        return False
    return any(c.dep_ == "dobj" for c in verb.children)


#: Nouns whose infinitive is their own aim, not the purpose of the clause: "his bid to win".
_AIMS = frozenset(
    {"bid", "effort", "campaign", "drive", "push", "fight", "race", "quest", "chance", "attempt"}
)


def _purpose(clause: Token) -> bool:
    """An infinitive with "to" ("to win", "in order to win") or a "so that" clause."""
    return any(
        (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in ("so", "that"))
        for c in clause.children
    )


#: Words that open a clause of a question or a reason: "why they should", "how it must".
_WH = frozenset({"why", "how", "whether"})


def _wh_clause(aux: Token, verb: Token) -> bool:
    """The deontic's clause opens with "why" or "how" (its own adverb before its subject): what
    is asked or explained, no demand made."""
    head = aux if aux.pos == VERB else verb
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in _WH and c.i < aux.i for c in head.children)


def _reproach(aux: Token, verb: Token) -> bool:
    """ "should have stopped", "should not have been", "ought to have known": the perfect of a
    modal of obligation, said of what was not done."""
    if aux.lower_ not in _REPROACHING or aux.pos == VERB:
        return False
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)


def _can_be_asked(ctx: Context, tok: Token) -> bool:
    """Someone a demand can be made of: a name, a pronoun, an entity or a noun of a group or an
    office ("the government", "lawmakers", "the regime")."""
    if tok.pos_ in ("PROPN", "PRON") or tok.i in ctx.index or tok.ent_type_:
        return True
    return sector_of(tok.lemma_) is not None or sector_of(tok.lower_) is not None


def _self(target: dict[str, Any], speaker: dict[str, Any]) -> bool:
    """The target of "... must" stands for its speaker: the same code and sector, unless both are
    named entities of their own ("Ryan said Trump needs to ...": two Americans, two people)."""
    if target["entity"] and speaker["entity"]:
        return False
    return (target["code"], target["sector"]) == (speaker["code"], speaker["sector"])


#: Pronouns of a third person: in a speaker's own words never the speaker, who says "I".
_HE_SHE = frozenset({"he", "she"})


def _in_own_words(ctx: Context, agents: list[Token]) -> bool:
    """The subject is "he" or "she" inside the quoted words of a direct quote."""
    if len(agents) != 1 or agents[0].lower_ not in _HE_SHE:
        return False
    tok = agents[0]
    n = ctx.quote_at(tok.idx)
    if n is None or ctx.quotes[n].kind not in ("direct", "mixed"):
        return False
    return any(start <= tok.idx < end for start, end in ctx.quotes[n].parts)


def speaker_of(lex: Lexicon, ctx: Context, verb: Token) -> dict[str, Any] | None:
    """Who says the clause of ``verb``: its quote's speaker, else the subject of a verb of
    saying in the sentence ("..., announced Secretary of State Rex Tillerson")."""
    n = ctx.quote_at(verb.idx)
    if n is not None and ctx.quotes[n].speaker:
        q = ctx.quotes[n]
        eid = q.speaker
        assert eid is not None
        if _unnamed_speaker(ctx, verb, q.speaker_start, q.speaker_end):
            return None  # "they say Sanders should drop out": nobody named says it
        code, sector = ctx.entity_code(eid)
        ent = ctx.entities.get(eid)
        if not code and ent is not None and ent.type == "PERSON":
            code = ctx.main_country  # a speaker of no known country: of the article's country
        if code and q.speaker_start is not None and q.speaker_end is not None:
            return actor_record(ctx, eid, q.speaker_start, q.speaker_end, code, sector)
        if code:
            return actor_record(ctx, eid, verb.idx, verb.idx, code, sector)
    sent = verb.sent
    for tok in sent:
        if tok.pos != VERB or lemma(tok) not in lex.reporting or tok.i == verb.i:
            continue
        related = tok in list(verb.ancestors) or tok.head.i == verb.i or tok.i == verb.head.i
        if not related:
            continue
        agents, _ = subjects(tok)
        if not agents:
            agents = [c for c in tok.children if c.dep_ == "dobj" and ctx.index.get(c.i)]
        if agents and all(unnamed_they(ctx, a) for a in agents):
            return None  # "they say Sanders should drop out": nobody named says it
        refs = resolve_heads(ctx, agents)
        if refs:
            return refs[0]
    return None


def _unnamed_speaker(ctx: Context, verb: Token, start: int | None, end: int | None) -> bool:
    """The quote's speaker is a bare "they" with no group named before it in its sentence (see
    :func:`~.references.unnamed_they`), whatever entity the quote step guessed it stands for."""
    if start is None or end is None:
        return False
    span = verb.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and unnamed_they(ctx, span[0])
