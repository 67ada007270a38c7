"""PLOVER's auxiliary modes of an event (negated, hypothetical, future), with the marks of an offer
or a threat (a condition attached, an intent): from the negation, modals, "if" and governing verbs
of its clause and of the clauses it depends on, up to a verb of saying; for an event noun of its
own, from its determiner and modifiers ("no talks", "possible sanctions")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .. import plover
from .syntax import lemma, verb_forms


@dataclass(slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    #: "... unless X": a condition is attached (a conditional threat or offer)
    conditional: bool = False
    #: "willing to", "ready to": an offer or a threat rather than an event
    intent: bool = False


#: Verb forms that stand as clauses of their own, never inside a bare infinitive.
_OWN_FORMS = frozenset({"VBG", "VBD", "VBZ", "VBP"})


#: Tags of finite verbs and participles: no infinitive with "to" is a conjunct of one.
_FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG"})


def _stray_infinitive(verb: Token) -> bool:
    """An infinitive with "to" that the parser made a conjunct of a finite verb or participle
    ("made requests to withdraw ..., and even to agree to cancel")."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and head.i != verb.i
        and head.tag_ in _FINITE_OR_PARTICIPLE
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )


def modality(anchor: Token, reporting: frozenset[str], in_quote: bool, noun: Token | None = None) -> Modality:
    """PLOVER's auxiliary modes of the clause of ``anchor``: its own negation, modals and "if", and
    those of the clauses it depends on, up to a verb of saying (what is reported keeps its own).
    ``noun`` is the event noun of a support verb: "made no mention" is negated."""
    out = noun_modality(noun) if noun is not None else Modality()
    modals = plover.word_class("modal")
    marks = plover.word_class("mark")
    governors = plover.word_class("governor")
    reported = in_quote
    cur = anchor
    own = True
    would = False
    others = False  # the clause above is a coordinated clause of its own ("X should ..., and we call")
    means = False  # the clause is the means ("by calling on ...") of what the clauses above say
    for _ in range(6):
        for child in () if others else cur.children:
            dep = child.dep_
            if dep == "neg" and own:
                out.negated = True
            elif dep == "advmod" and own and _no_longer(child):
                out.negated = True  # "are no longer accepting": it does not happen now
            elif dep in ("nsubj", "nsubjpass", "preconj") and own and _nobody(child):
                out.negated = True  # "neither apologized", "no country has protested"
            elif dep in ("aux", "auxpass"):
                # "he’ll support": a typographic apostrophe is the same "'ll"; "he'd asked" (the
                # next word no bare infinitive) is "had", no "would" ("she'd be committed")
                form = child.lower_.replace("’", "'")
                kind = (
                    None
                    if form == "'d" and child.i + 1 < len(child.doc) and child.nbor(1).tag_ != "VB"
                    else modals.get(form) or modals.get(lemma(child))
                )
                if kind == "future":
                    out.future = True
                elif kind == "hypothetical":
                    out.hypothetical = True
                elif kind == "ability":
                    # "cannot support", "could not accept": a refusal stated now, not a
                    # possibility (the negation marks the event; the negated type of its
                    # verb row, a REJECT, is what happened)
                    if not (own and any(c.dep_ == "neg" for c in cur.children)):
                        out.hypothetical = True
                elif kind == "would":
                    would = True
                elif (
                    child.lower_ == "to"
                    and cur.dep_ == "advcl"
                    and cur.tag_ == "VB"
                    and lemma(cur.head) not in plover.word_class("causative")
                    and not _went_on(cur.head)
                    and not _by_means(cur.head)
                ):
                    out.hypothetical = True  # a purpose clause: "to allow talks to be held"
                elif child.lower_ == "to" and _stray_infinitive(cur):
                    # "have made requests to withdraw the motion, and even to agree to cancel
                    # the meeting": an infinitive is no conjunct of a finite verb; the parser
                    # joined it to the wrong one, and it says what is asked or aimed at
                    out.hypothetical = True
                elif child.lower_ == "to" and _aim(cur):
                    # an infinitive as what something is: "the goal is to attack", "what Washington
                    # wants is to besiege ISIS" (an aim); "Obama is to visit China" (planned)
                    if any(s.dep_ == "nsubj" and s.pos_ in ("PROPN", "PRON") for s in cur.head.children):
                        out.future = True
                    else:
                        out.hypothetical = True
                elif child.lower_ == "to" and cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                    # an infinitive of a noun says what is tried, planned or allowed, not what
                    # happened: "in an attempt to force", "his proposal to ban", "a plan to impose"
                    if governors.get(lemma(cur.head)) == "future" and _no(cur.head):
                        out.negated = True  # "has no plans to meet him": will not, said now
                    elif governors.get(lemma(cur.head)) == "future":
                        out.future = True
                    else:
                        out.hypothetical = True
            elif dep == "mark" and child.lower_ in marks:
                out.hypothetical = True
            elif dep == "mark" and child.lower_ == "as" and _as_long_as(cur):
                out.hypothetical = True  # "as long as he is fighting on our side": a condition
            elif (
                dep == "advcl"
                and own
                and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children)
            ):
                out.conditional = True
        if _inverted_condition(cur):
            out.hypothetical = True  # "had Clinton congratulated him", "had Russia invaded"
        head = cur.head
        if cur.dep_ == "conj" and head.tag_ == "VB" and cur.tag_ in _OWN_FORMS:
            # "dropping to the ground to make guards drag them out, or heckling back": the parser
            # hangs the conjunct on the nearest verb, but a gerund or a finite verb is no part of
            # a bare infinitive; it joins the verb of its own form above it (or nothing)
            same = next((a for a in head.ancestors if a.tag_ == cur.tag_), None)
            if same is None:
                break
            own = False
            cur = same
            continue
        if (
            cur.dep_ in ("acl", "ccomp")
            and head.pos_ == "NOUN"
            and lemma(head) in plover.word_class("supposition")
        ):
            out.hypothetical = True  # "the suggestion that he advised Trump": supposed, not told
            break
        if head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp", "prep"):
            break
        if cur.dep_ == "pcomp" and _instead(head):
            out.negated = True  # "instead of telling them", "rather than attacking": not done
            break
        # "the idea of throwing their support", "the prospect of meeting": a thought of it;
        # "floated the notion Sunday of admitting": the parser hangs the "of" phrase on the verb
        # when a word comes between, but it is the verb's object noun's
        thought = _of_noun(cur, head)
        if thought is not None:
            kind = governors.get(lemma(thought))
            if kind == "future":
                out.future = True
            elif kind in ("hypothetical", "intent"):
                out.hypothetical = True
            break
        if cur.dep_ == "prep" and cur.lower_ == "of" and head.lower_ == "short":
            out.negated = True  # "stopped short of committing", "fell short of endorsing": not done
            break
        if head.pos_ not in ("VERB", "AUX", "ADJ", "ADP"):
            break
        means = means or (cur.dep_ == "pcomp" and head.lower_ == "by")
        gov = _governor(head, governors) or _copula_governor(cur, head, governors)
        if gov == "future" and lemma(head) == "go" and (head.tag_ != "VBG" or _went_on(head)):
            gov = None  # "is going to attack" is to come; "went on to attack" happened
        if own and cur.dep_ == "xcomp" and any(_too(c) for c in head.children):
            out.negated = True  # "too early to congratulate": it is not done
        if own and cur.dep_ == "xcomp" and _yet_to(cur, head):
            out.negated = True  # "has yet to apologize", "is yet to respond": not done (yet)
        says = lemma(head) in reporting and not _perceived(cur, head)
        if says:
            reported = True
            if _conditional_clause(head, marks):
                # "if they really believed that X was a buffoon": the saying or believing is
                # itself only supposed, so nothing was said or judged
                out.hypothetical = True
            if head.dep_ == "pcomp" and _instead(head.head):
                out.negated = True  # "instead of telling them that they needed to ...": not said
            # a verb of saying that also wishes or expects ("wants the UK to extradite him",
            # "expects them to meet"): with an infinitive it is the wish, not a report
            if not (gov and cur.dep_ in ("xcomp", "ccomp") and _infinitive(cur)):
                break
        if gov == "hypothetical" and cur.dep_ == "prep" and cur.lower_ == "of" and head.pos_ == "ADJ":
            out.hypothetical = True  # "capable of deploying 300,000 troops": an ability, no deed
        if means and lemma(head) in _TRIED:
            gov = None  # "tried to scare them by calling on Arabs to rise up": the call was made
        if gov and cur.dep_ in ("xcomp", "acomp", "ccomp"):
            if gov == "future":
                out.future = True
            elif gov == "hypothetical" or (gov == "habit" and cur.dep_ == "xcomp"):
                # "loves to disparage", "tends to side with": a habit, not one happening
                out.hypothetical = True
            elif gov == "negated" and own:
                out.negated = True
            elif gov == "intent" and own:
                out.intent = True
        if says:
            break  # what is reported keeps its own modes
        if cur.dep_ not in ("xcomp", "acomp"):
            own = False  # negation does not cross into a new clause ("is not ready to" does)
        # "Discrimination should never be sanctioned, and we call on the House to reject it": a
        # finite clause with a subject of its own has its own tense and mood; the modals and the
        # negation of the clause it is coordinated with are not its own
        others = (cur.dep_ == "conj" and cur.tag_ in _FINITE and _own_subject(cur)) or _contrasted(cur)
        cur = head
    if _said_to_come(anchor):
        out.future = True
    if would:
        if reported:
            out.future = True
        else:
            out.hypothetical = True
    return out


def _governor(head: Token, governors: dict[str, str]) -> str | None:
    """The governing kind of ``head``, by its lemma or, for a verb the small model lemmatises
    wrongly ("hoping" -> "hop"), by the other base forms of its inflection."""
    kind = governors.get(lemma(head))
    if kind is None and head.pos_ in ("VERB", "AUX"):
        kind = next((governors[f] for f in verb_forms(head)[1:] if f in governors), None)
    return kind


def _copula_governor(cur: Token, head: Token, governors: dict[str, str]) -> str | None:
    """ "it is important to support Ukraine": the parser hangs the infinitive on the copula, but
    it is the adjective's (a governor of word class ``governor``); only a hypothetical one."""
    if cur.dep_ != "xcomp" or lemma(head) != "be":
        return None
    for c in head.children:
        if c.dep_ == "acomp" and governors.get(lemma(c)) == "hypothetical":
            return "hypothetical"
    return None


#: Auxiliaries that open a condition when put before their subject ("had he known").
_INVERTING = frozenset({"had", "were", "should"})


def _inverted_condition(verb: Token) -> bool:
    """A clause hanging on another whose auxiliary comes before its subject: "it would have been
    cool had Hillary Clinton congratulated him", "Had Russia invaded Ukraine, NATO would have
    responded": a condition contrary to fact, as "if she had congratulated him" is. A main clause
    so worded is a question ("Had Obama met Putin before?")."""
    if verb.dep_ not in ("advcl", "ccomp") or any(c.dep_ == "mark" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTING and c.i < subject.i for c in verb.children
    )


def _no(noun: Token) -> bool:
    """The noun is denied by its determiner: "no plans", "no intention"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def unsaid(anchor: Token, reporting: frozenset[str]) -> Modality:
    """The modes of the saying that reports ``anchor``'s clause when that saying was not done:
    "instead of telling them that they needed to ..." (negated), "if they believed that X must
    ..." (hypothetical); for demands, whose own modals are the demand and say nothing of this."""
    out = Modality()
    cur = anchor
    for _ in range(6):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            break
        if lemma(head) in reporting:
            out.hypothetical = _conditional_clause(head, plover.word_class("mark"))
            out.negated = head.dep_ == "pcomp" and _instead(head.head)
            break
        cur = head
    return out


#: Verbs of perceiving that can also report a view ("sees the deal as a mistake").
_PERCEIVING = frozenset({"see", "watch", "hear", "view", "perceive", "regard"})


def _perceived(clause: Token, verb: Token) -> bool:
    """``clause`` is what a verb of perceiving perceives, not what it reports: an act seen done
    (a bare infinitive with its own subject: "would like to see him come around to supporting
    Trump") or a way of being seen ("so as not to risk being seen as favoring his opponents").
    The perceiving's own modes then hold for the act: wished, or only risked."""
    if lemma(verb) not in _PERCEIVING:
        return False
    if clause.dep_ == "prep" and clause.lower_ == "as":
        return True
    # "see him come around", "see Arabs negotiating with Israel": a bare infinitive or a
    # participle with a subject of its own is the act seen, not a clause said
    bare = clause.tag_ in ("VB", "VBG") and not any(c.dep_ == "aux" for c in clause.children)
    return clause.dep_ in ("ccomp", "xcomp") and bare and any(c.dep_ == "nsubj" for c in clause.children)


def _as_long_as(verb: Token) -> bool:
    """The clause of ``verb`` opens with "as long as" or "so long as" (a mark "as" and the adverb
    "long" before it; the parser hangs the clause on "long" or "long" on the clause): a condition,
    as "if" is."""
    if verb.dep_ == "advcl" and verb.head.lower_ == "long" and verb.head.i < verb.i:
        return True
    return any(c.dep_ == "advmod" and c.lower_ == "long" and c.i < verb.i for c in verb.children)


def _conditional_clause(verb: Token, marks: dict[str, str]) -> bool:
    """``verb`` heads (or is a conjunct of) a clause opened by a condition mark: "if", "unless"."""
    for tok in (verb, verb.head if verb.dep_ == "conj" else verb):
        if any(c.dep_ == "mark" and marks.get(c.lower_) == "hypothetical" for c in tok.children):
            return True
    return False


def _aim(verb: Token) -> bool:
    """``verb`` is an infinitive saying what something is ("the goal is to attack"), not what was
    done ("what he did was to attack": a cleft of "he attacked")."""
    be = verb.head
    if verb.dep_ not in ("xcomp", "ccomp", "attr") or be.i == verb.i or lemma(be) != "be":
        return False
    return not any(c.dep_ == "csubj" and lemma(c) == "do" for c in be.children)


def _instead(prep: Token) -> bool:
    """ "instead of", "rather than": what follows is what was not done."""
    words = {"of": "instead", "than": "rather"}
    want = words.get(prep.lower_)
    return want is not None and (prep.head.lower_ == want or any(c.lower_ == want for c in prep.children))


#: Tags of finite verbs.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


#: Subordinators of a clause set against another: what it tells stands on its own.
_CONTRAST = frozenset({"while", "whereas", "although", "though", "whilst"})


def _contrasted(verb: Token) -> bool:
    """A finite clause of contrast or concession with its own subject and tense ("..., while the
    Arab League condemned the move", "While she has devoted her time to speaking out against it,
    she can now embrace it"): what it tells is so whatever the other clause supposes or plans; the
    modals of the clause it is set against are not its own (branch ``events19p``). "While
    visiting Moscow, he would meet Putin" (no subject, no tense of its own) shares them."""
    if verb.dep_ != "advcl" or not _own_subject(verb):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in verb.children):
        return False
    return verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _yet_to(verb: Token, head: Token) -> bool:
    """ "Trump has yet to apologize", "the ministry is yet to respond": an infinitive after "have"
    or "be" with "yet" says it has not happened."""
    return (
        lemma(head) in ("have", "be")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in (*head.children, *verb.children))
    )


def _of_noun(prep: Token, head: Token) -> Token | None:
    """The noun an "of" phrase ``prep`` belongs to: its head noun, or, when the parser hung it on a
    verb, the verb's object noun of word class ``governor`` standing between them ("floated the
    notion Sunday of admitting refugees", "raised the prospect on Monday of sanctions")."""
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    if head.pos_ == "NOUN":
        return head
    if head.pos_ != "VERB":
        return None
    governors = plover.word_class("governor")
    return next(
        (
            c
            for c in head.children
            if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < prep.i and lemma(c) in governors
        ),
        None,
    )


def _went_on(verb: Token) -> bool:
    """ "went on to criticize": then did it (no purpose, nothing to come)."""
    return lemma(verb) == "go" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in verb.children
    )


def _by_means(verb: Token) -> bool:
    """ "Took to Twitter to call out protesters", "used the speech to attack Republicans": a
    medium or an occasion was used to do it, so it was done (word class ``means``; its value a
    preposition the verb must govern)."""
    means = plover.word_class("means")
    word = lemma(verb)
    if word not in means:
        return False
    prep = means[word]
    return prep == "-" or any(c.dep_ in ("prep", "prt") and c.lower_ == prep for c in verb.children)


def _too(tok: Token) -> bool:
    """ "too" of excess ("too early to"), not of degree ("all too happy to", "only too glad")."""
    return (
        tok.dep_ == "advmod"
        and tok.lower_ == "too"
        and not any(c.lower_ in ("all", "only") for c in (*tok.children, tok.nbor(-1)))
    )


_NOBODY = frozenset({"neither", "none", "nobody", "nothing"})


def _nobody(subject: Token) -> bool:
    """A subject that names nobody: "neither apologized", "none of them protested", "no country
    has ..."."""
    if subject.lower_ in _NOBODY or (
        subject.lower_ == "one" and subject.i > 0 and subject.nbor(-1).lower_ == "no"
    ):
        return True
    if any(c.dep_ == "neg" for c in subject.children) and (
        subject.lower_ == "one" or any(c.lower_ == "single" for c in subject.children)
    ):
        return True  # "not one of their executives", "not a single official"
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)


def _no_longer(tok: Token) -> bool:
    """ "no longer", "not any longer": the act has stopped."""
    return tok.lower_ == "longer" and any(c.lower_ in ("no", "not", "any") for c in tok.children)


#: Modals of a deontic "X must ..." that may also state a guess about what is or was.
_EPISTEMIC_MODALS = frozenset({"must", "should", "ought", "may", "might", "could"})


def epistemic(verb: Token) -> bool:
    """ "Republicans must be gnashing their teeth", "he must have known", "they should have
    acted": a modal with a progressive or a perfect states a guess about what is or was (or a
    reproach of what was not done), not a demand that someone act."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(a.lower_ in _EPISTEMIC_MODALS for a in auxes):
        return False
    perfect = verb.tag_ == "VBN" and any(lemma(a) == "have" for a in auxes)
    progressive = verb.tag_ == "VBG" and any(lemma(a) == "be" for a in auxes)
    return perfect or progressive


def conditional_need(need: Token) -> bool:
    """A verb of need under a modal of what would or could be ("would need to", "might have to"):
    what is needed if something happens, not a demand."""
    kinds = plover.word_class("modal")
    irrealis = ("would", "hypothetical", "ability")
    return need.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and (kinds.get(c.lower_) or kinds.get(lemma(c))) in irrealis for c in need.children
    )


def _infinitive(verb: Token) -> bool:
    """A clause of "to" and a bare verb ("to extradite", "to meet")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _said_to_come(verb: Token) -> bool:
    """The clause says when it will happen, and that is to come: "are meeting up next week",
    "travels to Beijing tomorrow" (a time phrase of the verb itself, "next" with no article:
    "the next day" is a past one's)."""
    scheduled = _simple_present(verb)
    for child in verb.children:
        if child.dep_ not in ("npadvmod", "advmod", "prep", "tmod"):
            continue
        for tok in child.subtree:
            if tok.lower_ == "tomorrow":
                return True
            if scheduled and tok.lower_ in _WEEKDAYS and tok.ent_type_ == "DATE":
                return True  # "meet separately Monday", "votes on Tuesday": a schedule
            head = tok.head
            if (
                tok.lower_ == "next"
                and tok.dep_ == "amod"
                and head.ent_type_ in ("DATE", "TIME")
                and not any(c.dep_ == "det" for c in head.children)
            ):
                return True
    return False


#: Verbs of trying: what was tried may have failed, but the means used were used.
_TRIED = frozenset({"try", "attempt"})
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _simple_present(verb: Token) -> bool:
    """A verb in the simple present (no auxiliary) in a sentence of running text: news tells a
    happening of a named day in the past tense, so with a day it is scheduled ("He and Arafat
    meet separately Monday with Albright"). A headline (no closing stop) uses the present for the
    past, and is left alone."""
    if verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    last = verb.sent[-1]
    while last.i > verb.sent.start and (last.is_quote or last.is_space):
        last = last.nbor(-1)
    return last.text in (".", "!", "?")


def noun_modality(noun: Token) -> Modality:
    """Auxiliary modes of an event noun of its own ("no talks", "upcoming talks", "possible
    sanctions")."""
    out = Modality()
    irrealis = plover.word_class("irrealis")
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ == "no":
            out.negated = True
        elif child.dep_ in ("amod", "compound"):
            kind = irrealis.get(child.lower_)
            if kind == "future":
                out.future = True
            elif kind == "hypothetical":
                out.hypothetical = True
    return out
