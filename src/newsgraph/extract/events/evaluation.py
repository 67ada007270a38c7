"""Disapproval said of an actor is an ACCUSE of the one who says it (PLOVER manual, ACCUSE:
"criticize, condemn, denounce ... disapprove"), and praise a SUPPORT, though no verb of criticism
or praise is used:

- "Beijing called the tariffs illogical", "described the strikes as unlawful": a verb of calling
  (``call``, ``describe``, ``label``, ``brand``, ...) with a word of disapproval about its object;
- "The sanctions are illegal, the minister said", "'This is a disgrace,' said X": a word of
  disapproval as the predicate of a clause said by someone, in a quote or reported.

The words are in ``data/plover_disapproval.tsv``: ``bad`` ones as they stand ("illegal",
"reckless", "a disgrace"), ``good`` ones only when negated ("not justified"), ``deny`` ones of
a charge ("false", "untrue": a REJECT of whoever made it), ``praise`` ones
("remarkable", "courageous") for a SUPPORT. The recipient is the
actor the judged phrase names, or its owner ("Trump's tariffs", "American strikes"); with no
actor to blame, or with nobody known to say it, there is no event. A definite phrase that names
nobody ("the tariffs") blames the doers of the same thing where the article told of it in the
sentences before ("The US imposed tariffs on Chinese steel")."""

from __future__ import annotations

from functools import cache

from spacy.attrs import LEMMA
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from ...tables import data_rows
from .. import plover
from .candidates import Lexicon
from .context import Context
from .drafts import Draft, speaker_of
from .earlier import earlier_mentions
from .local_news import lying_down
from .references import resolve_heads, same
from .syntax import inherited, lemma, subjects, token_at

#: The word table.
TABLE = ("newsgraph.extract", "plover_disapproval.tsv")
#: Verbs that say what something is: "called the tariffs illogical".
CALLING = frozenset(
    {
        "call",
        "describe",
        "label",
        "brand",
        "term",
        "dub",
        "denounce",
        "condemn",
        # "painted Clinton as corrupt", "portrayed the strikes as unlawful"
        "portray",
        "paint",
        "cast",
        "characterize",
        "characterise",
        "depict",
    }
)
#: Verbs of calling that take two objects ("called the plan a mistake", "branded him a liar").
_NAMING = frozenset({"call", "label", "brand", "term", "dub"})
#: Where a predicate word stands: "are illegal" (acomp), "is a disgrace" (attr), "called X
#: illogical" (oprd, xcomp, ccomp), "described X as unlawful" (pobj of "as").
_PREDICATE = frozenset({"acomp", "attr", "oprd", "xcomp", "ccomp"})
_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})

BAD = plover.Entry("disapproval", (), "ACCUSE", "disapprove", None, frozenset())
#: Praise of an actor: a SUPPORT ("called the deal a remarkable achievement").
PRAISE = plover.Entry("praise", (), "SUPPORT", None, None, frozenset())
#: A charge called untrue: a rejection of it ("called the accusations false", "said the Russian
#: claims were untrue"; the manual's CAMEO conversion notes that a denial, CAMEO 016, "might be
#: considered REJECT", and newsgraph does so).
DENY = plover.Entry("deny", (), "REJECT", None, None, frozenset())
#: A verb of wrongdoing said of someone: an allegation ("said Trump lied to voters").
ALLEGE = plover.Entry("deed", (), "ACCUSE", "allege", None, frozenset())
#: A word of disapproval or praise qualifying what an actor has or did ("Russia's illegal
#: annexation"): a judgement whatever the mood of its clause ("we will not accept Russia's illegal
#: annexation" still calls it illegal).
OWNED_BAD = plover.Entry(
    "disapproval", (), "ACCUSE", "disapprove", None, frozenset({"attributive", "stated"})
)
OWNED_PRAISE = plover.Entry("praise", (), "SUPPORT", None, None, frozenset({"attributive", "stated"}))
#: A charge of another's called untrue as it is named ("Washington's baseless accusations"): a REJECT.
OWNED_DENY = plover.Entry("deny", (), "REJECT", None, None, frozenset({"attributive", "stated"}))
#: A good word negated: the negation is what disapproves ("not justified").
GOOD = plover.Entry("disapproval", (), "ACCUSE", "disapprove", None, frozenset({"negated-good"}))


def moved(draft: Draft) -> bool:
    """Whether ``draft`` is a judgement that a verb of the same type in its sentence may already
    report: one qualifying what an actor has or did ("Russia's illegal annexation"), or one of a
    quote anchored at the quote's attribution."""
    return "attributive" in draft.entry.flags or draft.trigger.sent.start != draft.anchor.sent.start


@cache
def disapproval_words() -> dict[str, str]:
    """Lemma -> ``bad``, ``good``, ``deny`` or ``praise`` (the verbs of kind ``deed`` are
    :func:`deed_words`)."""
    out: dict[str, str] = {}
    for row in data_rows(*TABLE, strip=True):
        if len(row) >= 2 and row[1] != "deed":
            out.setdefault(row[0], row[1])
    return out


@cache
def deed_words() -> frozenset[str]:
    """Verbs of wrongdoing: said of someone, an allegation ("lied", "cheated")."""
    return frozenset(row[0] for row in data_rows(*TABLE, strip=True) if len(row) >= 2 and row[1] == "deed")


@cache
def _keys() -> frozenset[int]:
    return frozenset(hash_string(w) for w in (*disapproval_words(), *deed_words()))


def _verb_of(tok: Token) -> Token | None:
    """The verb a word of disapproval is said with, by where it stands: the predicate of a clause
    ("are illegal", "is a disgrace", "called them illogical"), after "as" ("described the strikes
    as unlawful"), or after the object of a verb of calling, as the small model often parses it
    ("called [the tariffs illogical]"). A word joined to another ("illogical and not justified")
    stands where the first does."""
    named = tok.head
    two_objects = named.dep_ in ("dobj", "oprd") and named.pos_ in ("NOUN", "PROPN")
    if (
        tok.dep_ in ("appos", "dobj", "npadvmod")
        and two_objects
        and lemma(named.head) in _NAMING
        and tok.i > named.i
    ):
        # "called Trump's plan a disaster": the small model hangs the second object on the first
        return named.head
    if _behind(tok):
        return tok.head  # "Israel was behind the killing"
    first = tok
    while first.dep_ in ("conj", "appos") and first.head.i != first.i:
        first = first.head  # "is a proven businessman, a proven failure": as its head stands
    head = first.head
    if first.dep_ in _PREDICATE:
        return head
    if first.dep_ in ("pobj", "amod") and head.lower_ == "as":
        return head.head
    if first.dep_ in ("amod", "compound") and head.dep_ == "pobj" and head.head.lower_ == "as":
        return head.head.head  # "described Trump as a con man", "as a reckless leader"
    if first.dep_ == "amod" and head.dep_ == "dobj" and first.i > head.i and lemma(head.head) in CALLING:
        return head.head
    if (
        first.dep_ == "dobj"
        and lemma(head) in _NAMING
        and any(c.dep_ == "oprd" and c.i < first.i for c in head.children)
    ):
        return head  # "called China's plan a disaster", parsed as [plan] oprd, [a disaster] dobj
    if first.dep_ == "dobj" and lemma(head) in CALLING and _named_before(first):
        return head  # "branded Trump a liar", parsed as one object [Trump a liar]
    if first.dep_ == "amod" and first.i < head.i and _deed(head):
        return head.head  # "is a dangerous man", "did a remarkable job": judges the subject
    return None


#: Verbs whose object, qualified, judges their subject: "did a terrible job", "made a reckless
#: decision".
DEEDS = frozenset({"do", "make"})
#: Subjects that name no one: "it was a terrible day", "this is a good idea".
_THINGS = frozenset({"it", "this", "that", "there", "what", "which"})


def _deed(noun: Token) -> bool:
    """A noun that says what the subject of its clause is or did: the attribute of "be" ("is a
    dangerous man") or the object of "do"/"make" ("did a remarkable job")."""
    verb = noun.head
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.pos_ not in ("VERB", "AUX") or not subject or subject[0].lower_ in _THINGS:
        return False  # "it was a terrible day": a thing or the weather is no one judged
    if noun.dep_ == "attr":
        return lemma(verb) == "be"
    return noun.dep_ == "dobj" and lemma(verb) in DEEDS


#: Nouns of harm one is blamed for besides the deeds of force and the words of disapproval.
_HARMS = frozenset({"death", "crisis"})
#: Event types whose deeds one is blamed for ("responsible for the attack", "for the arrests").
_BLAMED_TYPES = frozenset({"ASSAULT", "COERCE"})


def _to_blame(tok: Token) -> bool:
    """``tok`` is "blame" in "X is to blame", "were to blame for the crisis": an infinitive with
    "to" that is the predicate of "be"."""
    return (
        tok.dep_ == "xcomp"
        and lemma(tok.head) == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _behind(tok: Token) -> bool:
    """``tok`` is "behind" as the predicate of "be" ("was behind the attack")."""
    return tok.lower_ == "behind" and tok.dep_ == "prep" and lemma(tok.head) == "be"


def _for_a_deed(tok: Token) -> bool:
    """``tok`` ("responsible") has a "for" phrase naming a deed of force or a fault: "responsible
    for the attack", "for the deaths", "for this disaster"; not "responsible for the economy"."""
    return any(_names_a_deed(prep) for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "for")


def _names_a_deed(prep: Token) -> bool:
    """The object of ``prep`` (or a conjunct of it) is a deed of force or a fault."""
    words = disapproval_words()
    nouns = plover.nouns()
    for obj in prep.children:
        for noun in (obj, *obj.conjuncts) if obj.dep_ == "pobj" else ():
            word = lemma(noun)
            if words.get(word) == "bad" or word in _HARMS:
                return True
            if any(e.type in _BLAMED_TYPES and not e.conditions for e in nouns.get(word, ())):
                return True
    return False


def _of_a_body(tok: Token) -> bool:
    """A word of disapproval that names what befell an organ, a crop or a machine ("kidney failure",
    "heart failure", "a power failure"; word class ``bodily``): no actor is judged."""
    words = plover.word_class("bodily")
    return any(c.dep_ in ("compound", "amod", "nmod") and lemma(c) in words for c in tok.children)


def _behind_a_deed(tok: Token) -> bool:
    """``tok`` is "behind" as the predicate of "be" with a deed of force or a fault as its object:
    "was behind two killings", "is behind the attacks"; not "behind the wheel"."""
    return _behind(tok) and _names_a_deed(tok)


def _negated(tok: Token, verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in (*tok.children, *verb.children))


def _named_before(noun: Token) -> bool:
    """A noun with a name before its determiner as its modifier: how the small model parses the
    two objects of "branded Trump a liar"."""
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    return det is not None and any(
        c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < det.i for c in noun.children
    )


def _judged(tok: Token, verb: Token) -> list[Token]:
    """The phrases judged: the object of a verb of calling (or, as the small model parses "called
    Trump's plan a mistake", the first of its two predicates), else the subject of the clause."""
    if lemma(verb) in CALLING:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects = [o for o in objects if o.i != tok.i] or [
            c for c in verb.children if c.dep_ == "oprd" and c.i < tok.i
        ]
        # "called Trump's remarks offensive", parsed as one predicate [Trump's remarks offensive]
        objects = objects or [
            c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i
        ]
        # "called Clinton 'crooked'": quote marks make the name a modifier of the word
        objects = objects or [c for c in tok.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"]
        return objects or subjects(tok)[0]
    return subjects(verb)[0]


def _act_judged(tok: Token, verb: Token, heads: list[Token]) -> bool:
    """ "it's wiser to wait", "it was a mistake to use private email": "it" stands for an act
    named by an infinitive with no doer of its own (no subject, no "for X"), so nobody is judged:
    advice, or one's own act owned (ACCUSE: criticism of an actor). "It was a mistake for the
    governor to veto the bill" names whom it judges."""
    if len(heads) != 1 or heads[0].lower_ != "it":
        return False
    for clause in (*verb.children, *tok.children):
        if clause.dep_ not in ("xcomp", "ccomp", "acl", "advcl") or clause.tag_ != "VB":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        return not any(c.dep_ in ("nsubj", "mark") or c.lower_ == "for" for c in clause.children)
    return False


def _of_a_charge(heads: list[Token]) -> bool:
    """The phrase judged is a charge against someone (word class ``accusation``: "the
    accusations", "Washington's allegations"): disapproval of it ("baseless", "absurd",
    "nonsense") denies it, as "false" and "untrue" do (PLOVER's REJECT, CAMEO's denial); it does
    not criticise the accuser. A claim called absurd ("Trump's absurd claim that ...") is
    criticism of its maker."""
    charges = plover.word_class("accusation")
    return any(lemma(h) in charges for h in heads)


def _callers(verb: Token) -> list[Token]:
    """Who calls something so: the subject of the verb of calling; with none, the noun a finite
    "called" hangs on ("The minister called the plan a mistake", which the small model parses as
    a clause of "minister", as it would "a man called John", whose verb is no finite one), or
    any "called" that hangs on the root of a sentence that has no verb of its own."""
    agents = subjects(verb)[0]
    hung = not agents and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")
    if hung and (verb.tag_ == "VBD" or verb.head.dep_ == "ROOT"):  # "Trump called Clinton 'crooked'":
        return [verb.head]  # a sentence with no verb but this one
    if not agents and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp", "conj", "xcomp"):
        # "denied the claims, calling her a liar", "responded by calling him a bully": a
        # participle or gerund of calling is said by the doer of the clause it hangs on
        agents, _ = inherited(verb)
    return agents


def _blamed(ctx: Context, heads: list[Token]) -> list[dict[str, object]]:
    """Actors the judged phrases name, else the owners they name ("Trump's tariffs")."""
    refs = resolve_heads(ctx, heads, places=False, recipient=True)
    if refs:
        return refs
    owners = [c for h in heads for c in h.children if c.dep_ in _OWNER_DEPS]
    return resolve_heads(ctx, owners, places=False, recipient=True)


#: Determiners of a phrase that names something already told of ("the tariffs", "these strikes").
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "such"})
#: How many sentences back the first mention of a judged thing is looked for.
MENTION_WINDOW = 5


def _earlier_doers(ctx: Context, heads: list[Token]) -> list[dict[str, object]]:
    """For a definite phrase that names nobody ("called the tariffs illogical"), the doers of the
    same thing where the article told of it before ("The US imposed tariffs on Chinese steel"):
    its owner there, or the subject of the verb it is the object of."""
    for head in heads:
        if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children):
            continue
        for prev in earlier_mentions(head, MENTION_WINDOW):
            refs = _blamed(ctx, [prev])
            if not refs and prev.dep_ in ("dobj", "nsubjpass"):
                refs = resolve_heads(ctx, subjects(prev.head)[0], places=False, recipient=True)
            if refs:
                return refs
    return []


def disapproval_positions(doc: Doc) -> list[int]:
    """The token positions of the words of the table in ``doc`` (a cheap scan of its lemma array)."""
    keys = _keys()
    return [i for i, lemma_id in enumerate(doc.to_array([LEMMA]).tolist()) if lemma_id in keys]


def evaluation_drafts(lex: Lexicon, ctx: Context, doc: Doc, positions: list[int]) -> list[Draft]:
    """ACCUSE and SUPPORT drafts of the judgements said in ``doc`` (see the module docstring), at
    the ``positions`` :func:`disapproval_positions` found."""
    words = disapproval_words()
    deeds = deed_words()
    out: list[Draft] = []
    for i in positions:
        tok = doc[i]
        word = lemma(tok)
        if tok.pos_ == "VERB" and word in deeds:
            deed = _deed_draft(lex, ctx, tok)
            if deed is not None:
                out.append(deed)
            continue
        kind = words.get(word)
        if _of_a_body(tok):
            continue  # "kidney failure", "crop failure": what befell an organ or a thing, no judgement
        if kind == "blame":
            if not (_for_a_deed(tok) or _behind_a_deed(tok)):
                continue
            kind = "bad"  # "responsible for the attack", "was behind the killings": blame
        elif kind == "tobe":
            if not _to_blame(tok):
                continue
            kind = "bad"  # "the United States was to blame"
        verb = _verb_of(tok)  # "was behind the killings": "be"
        if verb is None:
            owned = _owned_draft(lex, ctx, tok, kind)
            if owned is not None:
                out.append(owned)
            continue
        if verb.pos_ not in ("VERB", "AUX") or verb.i == tok.i:
            continue
        good = kind == "good"
        if good != _negated(tok, verb):
            continue  # "not illegal", "not remarkable", and "justified", are no judgement
        if lemma(verb) in CALLING:
            refs = resolve_heads(ctx, _callers(verb))
            speaker = refs[0] if refs else None
        else:
            speaker = speaker_of(lex, ctx, verb)
        if speaker is None or not speaker.get("code"):
            continue
        heads = _judged(tok, verb)
        if _act_judged(tok, verb, heads):
            continue  # "it's wiser to wait", "it was a mistake to use private email": advice
        blamed = _spoken_of(lex, ctx, verb, heads) or _blamed(ctx, heads) or _earlier_doers(ctx, heads)
        if not blamed or all(same(b, speaker) for b in blamed):
            continue
        if kind == "bad" and _of_a_charge(heads):
            kind = "deny"  # "called the accusations baseless": a denial of the charge, a REJECT
        entry = PRAISE if kind == "praise" else DENY if kind == "deny" else GOOD if good else BAD
        assert entry.type is not None
        draft = Draft(tok, tok.i + 1, entry, entry.type, entry.mode, "evaluation", verb)
        draft.speaker = speaker
        draft.blamed = blamed
        draft.quote = ctx.quote_at(tok.idx)
        out.append(draft)
    return _at_attribution(ctx, out)


def _at_attribution(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A judgement said in a quote of several sentences is the speaker's one statement, made where
    the text says who made it: its trigger is the quote's verb of saying ("... a small price to
    pay,' explained the attorney"), in the sentence of the attribution, when the judgement's own
    sentence is another; of one speaker's quote, one judgement per type and party judged."""
    out: list[Draft] = []
    seen: set[tuple[int, str, tuple[str, ...]]] = set()
    for d in drafts:
        if d.quote is not None:
            cue = ctx.quotes[d.quote].cue
            span = d.trigger.doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue else None
            if span is not None and len(span) and span[0].sent.start != d.trigger.sent.start:
                d.trigger, d.end = span[0], span.end
            key = (d.quote, d.type, tuple(sorted(str(b.get("code")) for b in d.blamed)))
            if key in seen:
                continue
            seen.add(key)
        out.append(d)
    return out


#: Prepositions of a verb of saying that name whom it is said of ("said of Trump").
_OF = frozenset({"of", "about"})


def _spoken_of(lex: Lexicon, ctx: Context, verb: Token, heads: list[Token]) -> list[dict[str, object]]:
    """Whom a judgement of "he", "she" or "they" is said of, where the verb of saying names it
    ("'He's a fraud,' Warren said of Trump"): the object of its "of" ("about") in the sentence of
    the judgement or, for a quote, in the sentences the quote spans and the one it ends in. A
    judgement of "it", "this" or "that" said of what someone has or did is of its owner ("'That's
    a lie,' Trump said of Clinton's claim"). Empty when the judged phrase is a name or a noun (it
    names whom it judges itself)."""
    if not heads or any(h.pos_ != "PRON" for h in heads):
        return []
    things = any(h.lower_ in _THINGS for h in heads)
    doc = verb.doc
    first, last = verb.sent.start, verb.sent.end
    n = ctx.quote_at(verb.idx)
    if n is not None:
        quote = ctx.quotes[n]
        first = min(first, token_at(doc, quote.start).sent.start)
        last = max(last, token_at(doc, quote.end - 1).sent.end)
    for tok in doc[first:last]:
        if tok.pos_ != "VERB" or lemma(tok) not in lex.reporting:
            continue
        objects = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in _OF
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if things:  # a thing is judged: its owner ("said of Clinton's claim"), not a person named
            objects = [c for o in objects for c in o.children if c.dep_ in _OWNER_DEPS]
        refs = resolve_heads(ctx, objects, places=False, recipient=True)
        if refs:
            return refs
    return []


def _said_of_another(
    lex: Lexicon, ctx: Context, verb: Token, heads: list[Token]
) -> tuple[dict[str, object], list[dict[str, object]]] | None:
    """The coded speaker of the clause of ``verb`` and the actors ``heads`` name, when there are
    both and none of those actors is the speaker; else None."""
    speaker = speaker_of(lex, ctx, verb)
    if speaker is None or not speaker.get("code"):
        return None
    blamed = resolve_heads(ctx, heads, places=False, recipient=True)
    if not blamed or any(same(b, speaker) for b in blamed):
        return None
    return speaker, blamed


#: What a word of disapproval (or praise) may qualify with an owner named: "Russia's illegal
#: annexation", "Obama's hypocrisy", "the Iranian regime's reckless policies".
_OWNERS = frozenset({"poss", "amod", "compound", "nmod"})
#: Entity labels of an owner named by a modifier ("Russian", "U.S.", "Kremlin").
_OWNER_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def _saying(lex: Lexicon, ctx: Context, verb: Token) -> Token:
    """The verb that says the clause of ``verb``: its quote's verb of saying in its sentence, or
    a verb of saying above it ("said that Russia's illegal annexation ..."); else ``verb``. A
    judgement qualifying a noun is made by the saying, whatever the clause it stands in ("while
    using the crisis to deflect the blame for its own inhumane behavior")."""
    n = ctx.quote_at(verb.idx)
    cue = ctx.quotes[n].cue if n is not None else None
    if cue is not None:
        said = token_at(verb.doc, cue.start)
        if said.sent.start == verb.sent.start:
            return said
    return next((a for a in verb.ancestors if lemma(a) in lex.reporting and a.pos_ == "VERB"), verb)


def _owned_draft(lex: Lexicon, ctx: Context, tok: Token, kind: str | None) -> Draft | None:
    """A judgement of what an actor has or did, said by someone else: a word of disapproval (an
    ACCUSE) or praise (a SUPPORT) that is, or qualifies, a noun with an owner who is an actor, in
    a clause someone says, quoted or reported ("'Russia's illegal annexation must end,' the
    minister said", "Warren said Trump's hypocrisy was shocking"). The owner is the recipient."""
    if kind not in ("bad", "praise"):
        return None
    if tok.pos_ == "NOUN":
        noun = tok
    elif tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.i < tok.head.i and tok.head.pos_ == "NOUN":
        noun = tok.head
    else:
        return None
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    if lemma(tok) in plover.word_class("danger") and lemma(noun) in plover.word_class("armed"):
        return None  # "Iraq's offensive military equipment", "Iraq's dangerous army": what it can do
    owners = [
        c
        for c in noun.children
        if c.i != tok.i and (c.dep_ == "poss" or (c.dep_ in _OWNERS and c.ent_type_ in _OWNER_LABELS))
    ]
    if not owners:
        return None
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    parties = _said_of_another(lex, ctx, verb, owners)
    if parties is None:
        return None  # what one says of one's own is no accusation
    speaker, blamed = parties
    if all(o.ent_type_ in ("GPE", "NORP") for o in owners) and {b["code"] for b in blamed} == {
        speaker["code"]
    }:
        return None  # "Ukraine's brave soldiers", said by Ukraine's president: its own country
    entry = OWNED_PRAISE if kind == "praise" else OWNED_DENY if _of_a_charge([noun]) else OWNED_BAD
    assert entry.type is not None
    draft = Draft(tok, tok.i + 1, entry, entry.type, entry.mode, "evaluation", _saying(lex, ctx, verb))
    draft.speaker = speaker
    draft.blamed = blamed
    draft.quote = ctx.quote_at(tok.idx)
    return draft


#: Where a verb of wrongdoing states what someone did, said by another: the clause of a verb of
#: saying ("said Trump lied"), a verb joined to one, or the main verb of a quote.
_SAID_DEPS = frozenset({"ccomp", "conj", "ROOT"})


def _deed_draft(lex: Lexicon, ctx: Context, tok: Token) -> Draft | None:
    """An ACCUSE (``allege``) of whoever says that someone did wrong ("Warren said Trump cheated
    the students", "'They lied to us,' the senator said"): a verb of wrongdoing of the table, not
    negated, in a clause someone is known to say, whose subject is an actor other than the
    speaker."""
    if tok.pos_ != "VERB" or tok.dep_ not in _SAID_DEPS or _negated(tok, tok):
        return None
    if lying_down(tok):
        return None  # "found him lying in the road": lying down, no lie
    if tok.dep_ == "ROOT" and ctx.quote_at(tok.idx) is None:
        return None  # the narrator's own sentence: no one is said to allege it
    if tok.dep_ == "conj" and tok.head.dep_ not in ("ccomp", "ROOT"):
        return None
    doers, _ = subjects(tok)
    if not doers or any(d.lower_ in _THINGS for d in doers):
        return None
    parties = _said_of_another(lex, ctx, tok, doers)
    if parties is None:
        return None  # what one says of oneself is no accusation
    speaker, blamed = parties
    draft = Draft(tok, tok.i + 1, ALLEGE, "ACCUSE", "allege", "evaluation", tok)
    draft.speaker = speaker
    draft.blamed = blamed
    draft.quote = ctx.quote_at(tok.idx)
    return draft
