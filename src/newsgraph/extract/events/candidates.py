"""Trigger candidates: the tokens of a doc whose lemma is in a PLOVER lexicon (verbs, nouns, deontic
modals), found with integer tests on the doc's arrays, outside headings; and the lexicon row whose
conditions a trigger meets. :class:`Lexicon` holds the lexicons as the extractor reads them."""

from __future__ import annotations

from spacy.attrs import DEP as DEP_ATTR
from spacy.attrs import ENT_TYPE as ENT_TYPE_ATTR
from spacy.attrs import LEMMA as LEMMA_ATTR
from spacy.attrs import LOWER as LOWER_ATTR
from spacy.attrs import POS as POS_ATTR
from spacy.attrs import TAG as TAG_ATTR
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from ...resolve.actors import country_code, organisation, sector_of
from .. import plover
from ..annotations import article_context, ner_bounds
from ..quotes import reporting_lemmas
from .syntax import lemma, verb_forms

_VERBISH = frozenset({VERB, ADJ})
_NOUNISH = frozenset({NOUN, PROPN})
#: Dependencies of a noun: a token tagged VERB there is read as a noun.
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound", "attr"})


class Lexicon:
    """The PLOVER lexicons and word classes the extractor reads, and the vocabulary ids of the labels
    the candidate scan compares (a doc's arrays hold its vocab's ids)."""

    def __init__(self, nlp: Language) -> None:
        self.verbs = plover.verbs()
        self.nouns = plover.nouns()
        self.verb_keys = frozenset(hash_string(w) for w in self.verbs)
        self.noun_keys = frozenset(hash_string(w) for w in self.nouns)
        self.deontic_keys = frozenset(hash_string(w) for w in plover.word_class("deontic"))
        self.obliging_keys = frozenset(hash_string(w) for w in plover.word_class("obliging"))
        self.support = plover.word_class("support")
        self.happen = plover.word_class("happen")
        #: every event word, and the reporting verbs: a headline's words to write in lower case
        self.words = frozenset(self.verbs) | frozenset(self.nouns) | frozenset(reporting_lemmas())
        self.reporting = reporting_lemmas()
        self.types = plover.event_types()
        strings = nlp.vocab.strings  # label ids as the doc's arrays hold them
        self.amod_id, self.aux_id, self.vb_id = strings["amod"], strings["aux"], strings["VB"]
        self.ccomp_id = strings["ccomp"]
        self.nominal_dep_ids = frozenset(strings[d] for d in _NOMINAL_DEPS)
        #: a month in a date ("in March") names no protest march
        self.time_ent_ids = frozenset({strings["DATE"], strings["TIME"]})


def find_candidates(lex: Lexicon, doc: Doc) -> list[tuple[Token, str]]:
    """Tokens whose lemma is in a lexicon (cheap integer tests on the doc's arrays, a Token made
    only for the verbs they leave), outside headings."""
    out: list[tuple[Token, str]] = []
    vkeys, nkeys, dkeys = lex.verb_keys, lex.noun_keys, lex.deontic_keys
    amod, aux, vb, nominal = lex.amod_id, lex.aux_id, lex.vb_id, lex.nominal_dep_ids
    columns = [POS_ATTR, DEP_ATTR, TAG_ATTR, LEMMA_ATTR, LOWER_ATTR, ENT_TYPE_ATTR]
    rows: list[list[int]] = doc.to_array(columns).tolist()
    for i, (pos, dep, tag, lemma_id, lower_id, ent_type) in enumerate(rows):
        if pos in _VERBISH and (dep == amod or (pos == ADJ and lower_id not in vkeys)):
            continue  # "the detained journalists"; "assets ... frozen" is listed as it is written
        if pos == VERB and dep in nominal:
            pos = NOUN  # a verb tag in a noun's place ("nothing but promises") is a tagging slip
        if pos in _VERBISH:
            if pos == VERB and lemma_id in dkeys:  # "Trump needs to ...": a deontic verb
                tok = doc[i]
                if any(c.dep_ == "xcomp" and c.pos == VERB for c in tok.children):
                    out.append((tok, "deontic"))
            elif lemma_id in vkeys or lower_id in vkeys:
                out.append((doc[i], "verb"))
            elif pos == VERB and tag != vb:  # inflected: "staged" is lemmatised "stag"
                tok = doc[i]
                if any(f in lex.verbs for f in verb_forms(tok)[1:]):
                    out.append((tok, "verb"))
        elif pos in _NOUNISH:
            if lemma_id in dkeys and dep == lex.ccomp_id and misread_deontic(doc[i]):
                out.append((doc[i], "deontic"))  # "agreed that Trump needs to ...", "needs" read as a noun
                continue
            if lemma_id in lex.obliging_keys and obliged_clause(doc[i]) is not None:
                out.append((doc[i], "deontic"))  # "it's time for Congress to act"
                continue
            if ent_type in lex.time_ent_ids:
                continue  # a date ("in March", "since the 2014 war" is not one)
            if lemma_id in nkeys or lower_id in nkeys:
                out.append((doc[i], "noun"))
        elif lower_id in dkeys and dep == aux:
            out.append((doc[i], "deontic"))
        elif pos == AUX and lemma_id in dkeys:
            tok = doc[i]  # "said Trump ought to apologize": "ought" read as the clause's head
            if any(c.dep_ == "xcomp" and c.pos == VERB for c in tok.children):
                out.append((tok, "deontic"))
    context = article_context(doc)
    if context.headings:
        out = [(t, k) for t, k in out if not context.in_heading(t.idx)]
    return out


def misread_deontic(tok: Token) -> bool:
    """A deontic verb the tagger read as a noun, heading a clause with its infinitive: "agreed that
    Trump needs to deliver a speech" ("Trump needs" parsed as a compound noun)."""
    return tok.dep_ == "ccomp" and misread_clause(tok) is not None


def misread_clause(tok: Token) -> Token | None:
    """The infinitive a deontic verb read as a noun governs ("needs to deliver": its xcomp, or the
    noun's acl as the small model parses it)."""
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("xcomp", "acl")
            and c.pos == VERB
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )


def obliged_clause(tok: Token) -> Token | None:
    """The clause a noun of obligation asks of its own subject, "it is time for Congress to act"
    ("act": an infinitive with "for" and a subject, hung on the noun, the attribute of "be" whose
    subject is an empty "it"); None for "time to go", "a time for reflection", "it's a time for
    him to say", "the time for Congress to act was 2015" (the noun is the subject)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "attr" or lemma(tok.head) != "be":
        return None
    if any(c.dep_ == "det" for c in tok.children):
        return None  # "it's a time for him to say ...": a moment described, not a demand
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.head.children):
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("relcl", "acl", "advcl")
            and c.pos == VERB
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and any(n.dep_ == "nsubj" for n in c.children)
        ),
        None,
    )


def find_entry(tok: Token, table: dict[str, tuple[plover.Entry, ...]]) -> plover.Entry | None:
    """The first row of ``table`` for ``tok`` (its lemma, its form, or another base form of a verb)
    whose conditions hold; None when none does."""
    rows = table.get(lemma(tok)) or table.get(tok.lower_)
    if rows is None and tok.pos == VERB:
        rows = next((table[f] for f in verb_forms(tok)[1:] if f in table), None)
    for row in rows or ():
        if all(_holds(c, tok) for c in row.conditions):
            return row
    return None


def _holds(cond: plover.Condition, tok: Token) -> bool:
    values = cond.values
    kind = cond.kind
    hit = False
    if kind in ("obj", "dobj"):
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr")]
        objs += [k for o in objs for k in o.conjuncts]
        if "*" in values:
            hit = bool(objs)
        else:
            for obj in objs:
                # "obj": a thing of one of them counts ("criticized the policies of Trump");
                # "dobj": only the object itself ("recognized Kosovo", not "the bigotry of Trump")
                hit = (
                    _word_in(obj, values)
                    or (kind == "obj" and _activity_of(obj, values))
                    or (
                        kind == "obj"
                        and any(
                            _word_in(p, values)
                            for c in obj.children
                            if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children
                            if p.dep_ == "pobj"
                        )
                    )
                )
                if hit:
                    break
    elif kind == "pobj":  # "campaigned for Clinton", "broke with Trump": a preposition's object
        objs = [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        hit = any(_word_in(o, values) for obj in objs for o in (obj, *obj.conjuncts))
    elif kind == "prep":
        hit = any(
            c.dep_ in ("prep", "prt", "agent", "advmod") and c.lower_ in values and not _temporal(c)
            for c in tok.children
        ) or any(  # "called for Trump to release ...": the parser makes "for" the clause's mark
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in values for m in c.children)
            for c in tok.children
        )
    elif kind == "subj":
        hit = any(c.dep_ in ("nsubj", "nsubjpass") and _word_in(c, values) for c in tok.children)
    elif kind == "cobj":  # "ordered all pigs to be slaughtered", "ordered farmers to cull their birds"
        hit = any(
            o.dep_ in ("dobj", "nsubjpass") and any(_word_in(k, values) for k in (o, *o.conjuncts))
            for c in tok.children
            if c.dep_ in ("xcomp", "ccomp")
            for o in c.children
        )
    elif kind in ("doer", "cause"):  # "the virus killed", "killed by floods", "were killed in the floods"
        hit = any(_word_in(d, values) for d in doers(tok, causes=kind == "cause"))
    elif kind == "comp":
        hit = any(
            c.dep_ in ("xcomp", "ccomp")
            or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
            for c in tok.children
        )
    elif kind == "inf":  # "told Trump to stop": an infinitive clause, what is asked
        # with values, the infinitive's verb is one of them ("invited him to visit")
        hit = any(
            c.dep_ == "xcomp"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and (not values or lemma(c) in values)
            for c in tok.children
        )
    elif kind == "other":  # "wants Britain to extradite him": an infinitive clause of another doer
        hit = any(
            c.dep_ in ("ccomp", "xcomp")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and (
                any(s.dep_ == "nsubj" for s in c.children)
                or any(o.dep_ == "dobj" and o.i < c.i for o in tok.children)
            )
            for c in tok.children
        )
    elif kind == "claim":
        hit = any(c.dep_ == "ccomp" and _indicative(c) for c in tok.children)
    elif kind == "question":  # "'Why have a war?' asked X": the clause said is a question
        hit = any(c.dep_ in ("ccomp", "parataxis") and _question(c, tok) for c in tok.children)
    elif kind == "mod":
        hit = any(
            c.dep_ in ("compound", "amod", "nmod", "npadvmod") and _word_in(c, values) for c in tok.children
        )
    elif kind == "head":
        hit = tok.head.i != tok.i and _word_in(tok.head, values)
    elif kind == "tobe":  # "the United States was to blame": an infinitive that is the predicate of "be"
        hit = (
            tok.dep_ == "xcomp"
            and lemma(tok.head) == "be"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        )
    elif kind == "as":  # "rejected his remarks as racist": what the "as" phrase calls it
        hit = _as_word(tok, values)
    elif kind == "near":
        sent = tok.sent
        lo, hi = max(sent.start, tok.i - 10), min(sent.end, tok.i + 11)
        hit = any(lemma(t) in values for t in tok.doc[lo:hi])
    return hit != cond.negated


_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP"})
_DEMANDING = frozenset({"should", "must", "shall", "ought"})
_SINGULAR = frozenset({"he", "she", "it"})


def _question(clause: Token, verb: Token) -> bool:
    """The clause ends with a question mark, its own or one the parser hangs on the verb of saying
    between them ("'Why have a war?' asked ...")."""
    lo, hi = sorted((clause.right_edge.i + 1, verb.i))
    return any(t.text == "?" for t in clause.subtree) or any(t.text == "?" for t in verb.doc[lo:hi])


def _indicative(verb: Token) -> bool:
    """A clause that states ("that the tide is turning", "his tactics will be worth it"), not
    one that demands ("that he leave", "that they should go"): a finite verb or auxiliary, none
    of obligation."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _DEMANDING for a in auxes):
        return False
    if any(a.tag_ in _FINITE_TAGS or a.tag_ == "MD" for a in auxes):
        return True
    if verb.tag_ == "VBP":  # "that Britain pay its bills": a base form after one subject demands
        if verb.lower_ in ("are", "am"):
            return True  # "that X and Y are the only candidates": no base form
        return not any(
            c.dep_ == "nsubj" and (c.tag_ in ("NN", "NNP") or c.lower_ in _SINGULAR) for c in verb.children
        )
    return verb.tag_ in _FINITE_TAGS


def _temporal(prep: Token) -> bool:
    """ "on Monday", "in March": a preposition whose object is a date or time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


#: Lexicon values that stand for a word class of ``plover_words.tsv``: "@AFFLICTION" a disease or
#: a disaster ("the virus", "floods"), "@ANIMAL" an animal ("birds", "livestock").
_CLASS_MACROS = (("@AFFLICTION", "affliction"), ("@ANIMAL", "animal"))
#: Prepositions whose object is what befell the subject of a passive ("were killed in the floods",
#: "died from the infection", "after an outbreak of cholera").
_CAUSE_PREPS = frozenset({"in", "by", "from", "after", "during", "amid"})
_RELATIVE = frozenset({"that", "which", "who"})


def _in_class(tok: Token, name: str) -> bool:
    words = plover.word_class(name)
    return lemma(tok) in words or tok.lower_ in words


def doers(tok: Token, causes: bool = False) -> list[Token]:
    """Who or what did what ``tok`` reports: its subject (the noun a relative pronoun stands for,
    the subject of the verb a participle or a conjoined verb with none of its own hangs on) or the
    "by" phrase of a passive, with their conjuncts; with ``causes``, for a passive with neither,
    what a phrase of cause names ("were killed in the floods", "after an outbreak of cholera")."""
    out: list[Token] = []
    passive = False
    for c in tok.children:
        if c.dep_ == "nsubj":
            out.append(tok.head if c.lower_ in _RELATIVE and tok.dep_ == "relcl" else c)
        elif c.dep_ == "agent":
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if not out and not passive and tok.dep_ in ("advcl", "conj", "xcomp") and tok.head.i != tok.i:
        out += [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not out and passive and causes:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS:
                for p in c.children:  # a named place or body is where, not what
                    if p.dep_ == "pobj" and not p.ent_type_:
                        out.append(p)
                        out += [
                            o
                            for q in p.children
                            if q.dep_ == "prep" and q.lower_ == "of"
                            for o in q.children
                            if o.dep_ == "pobj"
                        ]
    return [k for d in out for k in (d, *d.conjuncts)]


#: Object pronouns of people: "blasted him" has a person as its object, as "blasted Trump" has.
_PERSONAL = frozenset({"him", "her", "them", "us", "me", "you"})


def _activity_of(obj: Token, values: frozenset[str]) -> bool:
    """An object noun of an activity with no content of its own (word class ``activity``) whose
    compound is one of ``values``: "ended mediation efforts", "halted aid deliveries"."""
    return lemma(obj) in plover.word_class("activity") and any(
        c.dep_ == "compound" and lemma(c) in values for c in obj.children
    )


def _as_word(tok: Token, values: frozenset[str]) -> bool:
    """The "as" phrase of ``tok`` or of its object ("rejected Jones's remarks as racist",
    "dismissed the plan as a gimmick") holds one of ``values``, or with ``@BAD`` a word of
    disapproval (``plover_disapproval.tsv``, kind ``bad``): the word itself or a modifier of it
    ("as a reckless gamble")."""
    from .evaluation import disapproval_words  # here: evaluation imports this module

    bad = disapproval_words() if "@BAD" in values else {}
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for obj in prep.children:
                if obj.dep_ not in ("pobj", "amod", "acomp"):
                    continue
                for word in (
                    obj,
                    *obj.conjuncts,
                    *(m for m in obj.children if m.dep_ in ("amod", "compound")),
                ):
                    if lemma(word) in values or bad.get(lemma(word)) == "bad":
                        return True
    return False


def _word_in(tok: Token, values: frozenset[str]) -> bool:
    return (
        lemma(tok) in values
        or tok.lower_ in values
        or any(m in values and _in_class(tok, c) for m, c in _CLASS_MACROS)
        or (bool(tok.ent_type_) and f"@{tok.ent_type_}" in values)
        or (tok.lower_ in _PERSONAL and "@PERSON" in values)
        or ("@ACTOR" in values and tok.pos_ == "NOUN" and sector_of(tok.lemma_) is not None)
        or ("@COUNTRY" in values and _names_country(tok))
        or ("@FIRM" in values and _names_firm(tok))
    )


def _entity_text(tok: Token) -> str:
    """The words of the entity ``tok`` is in ("New York" for "York"), or its own."""
    if not tok.ent_type_:
        return tok.text
    start, end = ner_bounds(tok.doc, tok.i)
    return tok.doc[start:end].text


def _names_country(tok: Token) -> bool:
    """ "@COUNTRY": a country's name or capital ("France", "Paris", "Washington"), which stands
    for its state; not a town, a region or a state of a country ("Miami", "Louisiana")."""
    if tok.ent_type_ == "PERSON" or not (tok.ent_type_ or tok.pos_ == "PROPN"):
        return False  # the model labels some countries ORG ("ordered them to Cameroon")
    return country_code(_entity_text(tok)) is not None


#: Sectors of organisations outside the state and politics (resolve/data/organisations.tsv).
_PRIVATE_SECTORS = frozenset({"BUS", "JRN", "EDU", "SOC", "MED", "REL", "LAB", "CVL", "CRM"})


def _names_firm(tok: Token) -> bool:
    """ "@FIRM": a known company, news medium, school or other body outside the state and
    politics ("Breitbart", "Goldman Sachs"), whatever label the model gave its name: one leaves
    a job there, not an office."""
    if not tok.ent_type_ and tok.pos_ != "PROPN":
        return False
    org = organisation(_entity_text(tok))
    return org is not None and org.sector in _PRIVATE_SECTORS
