"""Reading the dependency parse for the event extractor: lemmas and verb forms, a word's phrase
within its clause, the objects of its prepositions, a clause's subjects (its own or those it
inherits from the clause it depends on), and where an event noun stands in its sentence."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ...resolve.actors import sector_of
from .. import plover
from .datelines import dateline_end

_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
#: Dependencies of a word that modifies a noun rather than standing for itself.
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
#: Dependencies that start a clause of its own: cue words there say nothing of this event's mode.
_CLAUSAL = frozenset({"ccomp", "advcl", "conj", "relcl", "acl", "parataxis", "xcomp", "csubj", "cc", "punct"})


def lemma(token: Token) -> str:
    """The token's lemma, lower-cased."""
    return token.lemma_.lower()


def verb_forms(token: Token) -> list[str]:
    """Candidate base forms of a verb: its lemma, then, for an inflected form, the forms the small
    model's lemmatiser sometimes misses ("staged" -> "stage", not "stag")."""
    out = [token.lemma_.lower()]
    word = token.lower_
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        stem = word[:-2]
        out += [word[:-1], stem] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    elif token.tag_ == "VBG" and word.endswith("ing"):
        stem = word[:-3]
        out += [stem + "e", stem] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    elif token.tag_ == "VBZ" and word.endswith("s"):
        out += [word[:-1], word[:-2]]
    return out


def phrase(tok: Token) -> list[Token]:
    """``tok`` and the words that depend on it within its own clause."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ not in _CLAUSAL]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSAL)
    return out


def prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions in ``preps``."""
    return [
        p
        for c in tok.children
        if c.dep_ in ("prep", "prt") and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def between_heads(noun: Token) -> list[Token]:
    """ "talks between X and Y", "clashes among ..." -> X, Y as actors."""
    return [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst")
        for p in c.children
        if p.dep_ == "pobj"
    ]


def position(noun: Token) -> Token:
    """The word whose place in the sentence says how an event noun is reported: the noun, or the
    first of a coordination ("talks and consultations"), or the noun it modifies ("a mediation
    effort")."""
    pos = noun
    for _ in range(3):
        coordinated = pos.dep_ == "conj" and pos.head.i != pos.i
        if coordinated or (pos.dep_ == "compound" and lemma(pos.head) in plover.word_class("carrier")):
            pos = pos.head
        elif (
            pos.dep_ == "pobj"
            and pos.head.lower_ == "of"
            and lemma(pos.head.head) in plover.word_class("measure")
        ):
            pos = pos.head.head  # "launched ten days of war games"
        else:
            break
    return pos


#: Finite verb tags: a verb of its own clause, which has a subject.
_FINITE = frozenset({"VBZ", "VBD", "VBP"})


def subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    """The verb's subjects (agents, including a passive's "by" phrase) and passive subjects."""
    agents: list[Token] = []
    passive: list[Token] = []
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.lower_ != "there":
            agents.append(child)
        elif child.dep_ == "nsubjpass":
            passive.append(child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
    if not agents and not passive and verb.tag_ in _FINITE:
        # "that Trump needs to ...": the small model makes a name before a finite verb its
        # compound; a name just before a finite verb with no subject is its subject
        agents = [
            c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ == "PROPN"
        ]
    if not agents and not passive and verb.tag_ == "VBG":
        # "a sniper targeting and killing five officers": the parser makes the noun before a
        # participle its adverbial, but a noun right before a participle is who does it
        agents = [
            c
            for c in verb.children
            if c.dep_ == "npadvmod" and c.i == verb.i - 1 and c.pos_ == "NOUN" and not c.ent_type_
        ]
    if not agents and not passive and after_dateline(verb):
        agents = [verb.head]  # "KABUL, Afghanistan (AP) — The minister accused ...": its subject
    if len(agents) > 1:  # a misparse gives a verb two subjects: the one nearest before it
        before = [a for a in agents if a.i < verb.i]
        agents = [max(before, key=lambda a: a.i)] if before else agents[:1]
    if agents and not passive and bare_passive(verb):
        return [], agents  # "Taiwan threatened with Chinese military action": Taiwan is threatened
    return agents, passive


def after_dateline(verb: Token) -> bool:
    """ "KABUL, Afghanistan (AP) — The Afghan foreign minister accused Pakistan of ...": the parser
    makes the dateline's place the root, the name after the dash its apposition and the finite
    verb a clause of that name; the name is the verb's subject, the sentence's report (branch
    ``events19p``)."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or head.i > verb.i or head.dep_ not in ("appos", "conj"):
        return False
    end = dateline_end(verb.sent)
    return end > verb.sent.start and head.i >= end and head.head.i < end


#: Dependents that make a verb active with an object or a clause of its own.
_ACTIVE_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "attr", "oprd", "aux", "auxpass", "agent"})


def bare_passive(verb: Token) -> bool:
    """A passive with its "be" left out, as headlines and claims write it: "Taiwan threatened with
    Chinese military action", "Senator accused of fraud", "US drone shot down while trying to
    raid ...". A verb of the word class ``bare_passive`` takes its object before its phrase of
    means, cause or charge ("threatened Taiwan with force"); in the past form with a subject, no
    object, no auxiliary and that phrase (or particle) right after it, its subject is what was acted
    on (branch ``events19p``)."""
    if verb.tag_ not in ("VBD", "VBN") or verb.i + 1 >= len(verb.doc):
        return False
    if verb.dep_ == "relcl":
        return False  # "the senator Democrats blamed for the shutdown": the object is the noun
    word = plover.word_class("bare_passive").get(lemma(verb))
    if word is None or any(c.dep_ in _ACTIVE_DEPS for c in verb.children):
        return False
    nxt = verb.nbor(1)
    return nxt.lower_ == word and nxt.head.i == verb.i and nxt.dep_ in ("prep", "prt", "agent", "advmod")


def clause_subjects(verb: Token) -> list[Token]:
    """The subjects of a clause's head, also when the tagger read its verb as a noun ("that Trump
    needs to ...", "needs" a noun heading the clause, "Trump" its compound): the name just before."""
    agents = subjects(verb)[0]
    if agents or verb.dep_ != "ccomp" or verb.pos_ != "NOUN":
        return agents
    return [c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ == "PROPN"]


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive (or a copula: "was arrested", "is committed")."""
    return verb.lemma_ == "be" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def inherited(verb: Token) -> tuple[list[Token], list[Token]]:
    """Actor heads and extra recipient heads of a verb with no subject of its own: from the clause
    it depends on ("urged China to act": China acts; "ordered the assets to be frozen": the one who
    ordered freezes the assets; "attacked Israel, killing 1,200": the attackers kill)."""
    cur = verb
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            return [], []
        dep = cur.dep_
        if dep == "conj" and cur.tag_ in _FINITE and head.tag_ == "VB" and _to_infinitive(head):
            # "went after Clinton for following Obama's refusal to use the term and called for
            # her to quit": a finite verb is no conjunct of a bare infinitive; it joins the finite
            # verb of its own tense above it (or nothing) and shares its subject
            same = next((a for a in head.ancestors if a.tag_ == cur.tag_), None)
            if same is None:
                return [], []
            agents, _ = subjects(same)
            if agents:
                return agents, []
            cur = same
            continue
        if dep == "pcomp" and head.pos_ == "ADP":
            cur = head
            continue
        if dep == "relcl" and head.pos_ in ("NOUN", "PROPN"):
            return [head], []
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            owners = [c for c in head.children if c.dep_ == "poss"]
            owners += [
                p
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in ("from", "by")
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if owners:  # "the ministry's statement condemning", "a letter from 40 senators urging"
                return owners[:1], []
            if cur.tag_ == "VBG" and names_people(head):
                # "fired tear gas at students protesting in Nairobi", "troops advancing on the
                # city": a present participle that describes people is what they do (what a
                # thing does, "held a rally protesting", is its maker's: below)
                return [head], []
            if head.dep_ in ("dobj", "pobj", "attr") and head.head.i != head.i:
                # "issued a declaration demanding ...", "said in a statement condemning ...": the
                # one who issued it
                verb_above = head.head.head if head.dep_ == "pobj" else head.head
                agents, _ = subjects(verb_above)
                return (agents, []) if agents else ([], [])
            return [], []
        if dep in ("xcomp", "advcl") and lemma(head) in plover.word_class("causative"):
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:  # "drove thousands to demand ...": those driven do it
                return objects, []
        if dep in ("xcomp", "acomp"):
            agents, _ = subjects(head)
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if lemma(head) in plover.word_class("control") and not is_passive(cur):
                ons = [
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                if objects or ons:
                    return objects or ons, []
            if agents:
                return agents, objects if is_passive(cur) else []
            cur = head
            continue
        if dep == "advcl" and _bare_participle(cur):
            return [], []
        if dep in ("conj", "advcl", "prep", "npadvmod") and not (
            dep in ("conj", "advcl") and is_passive(cur)
        ):
            agents, _ = subjects(head)
            if agents:
                return agents, []
            cur = head
            continue
        return [], []
    return [], []


def _bare_participle(verb: Token) -> bool:
    """An adverbial clause of a past or finite form right after a noun, with no subject, auxiliary
    or subordinator of its own: a reduced passive that describes the noun ("met the wife of a
    pastor held prisoner in Iran": the pastor is held, not by the one who met), or a noun the
    parser took for a verb ("resistant to the Obama/Clinton calls for ..."). Neither is done by the
    subject of the clause above it. After a comma such a verb is one of a list ("attacked the town,
    killed 20"), which shares that subject."""
    before = verb.doc[verb.i - 1] if verb.i else None
    return (
        verb.tag_ in ("VBN", "VBD", "VBZ", "VBP")
        and before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "mark", "expl") for c in verb.children
        )
    )


def names_people(noun: Token) -> bool:
    """``noun`` names people or a body of them: a name of a person, group, organisation or country,
    or a noun of a sector ("students", "troops", "police", "protesters")."""
    if noun.pos_ == "PRON" and noun.lower_ not in ("it", "this", "that", "what", "which"):
        return True
    if noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    return sector_of(noun.lemma_) is not None or sector_of(noun.lower_) is not None


def _to_infinitive(verb: Token) -> bool:
    """An infinitive with "to" ("refusal to use the term"), not a verb after a modal ("will
    attend")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def passive_inherited(verb: Token) -> list[Token]:
    """A passive verb coordinated with another takes its passive subject ("was condemned and
    accused of atrocities")."""
    if verb.dep_ == "conj" and verb.tag_ == "VBN":
        return subjects(verb.head)[1]
    return []


def issuer_heads(document: Token) -> list[Token]:
    """Who issued a document a noun phrase names: its possessor noun ("the senators' letter") or
    the "by" phrase of a participle describing it ("a letter signed by 50 senators", "a statement
    issued by the ministry")."""
    out = [c for c in document.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
    for acl in document.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            out += [p for a in acl.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return out


def token_at(doc: Doc, char: int) -> Token:
    """The token holding the character ``char`` of ``doc`` (spaCy's own lookup by character), or
    the last one starting before it when ``char`` is whitespace: where a quote or its verb of
    saying starts."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return doc[max(0, bisect_right([t.idx for t in doc], char) - 1)]
