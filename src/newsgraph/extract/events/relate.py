"""How the drafts of a doc relate (one event, not three). The complement of a verbal event is its
content ("urged China to resume talks" is one REQUEST) and its topic no event of its own
("condemned the attack"); a verb that passes its action on gives the complement event its actor
("ordered the assets frozen"); a same-type event below another with no subject of its own is
merged into it. Each draft gets its auxiliary modes here, and a negated one its row's negated type
("did not accept" is a REJECT)."""

from __future__ import annotations

from spacy.tokens import Token

from .. import plover
from .candidates import Lexicon
from .classify import is_own_promise, is_said
from .drafts import Draft
from .modality import Modality, conditional_need, epistemic, modality, noun_modality, unsaid
from .syntax import lemma, position, subjects

#: Prepositions that make their object the topic of the verb they hang on ("called for talks").
_TOPIC_PREPS = frozenset({"for", "of", "about", "on", "over", "to", "against", "with", "into", "from"})
#: Dependencies through which a clause is the complement (content) of the verb above it.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acomp", "pcomp"})
#: Verbal types whose verbs take an infinitive the parser may attach as a clause of purpose
#: ("have sworn to fight", "refused to meet").
_TAKES_CLAUSE = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST", "CONCEDE"})


def relate(lex: Lexicon, drafts: list[Draft]) -> None:
    """Content, topics, pass-through verbs and merges (see the module docstring)."""
    heads: dict[int, Draft] = {}
    for d in drafts:
        if d.how == "verb":
            heads[d.trigger.i] = d
    for d in drafts:
        if d.how == "deontic":
            inner = heads.get(d.anchor.i)
            if inner is not None:
                inner.outer, inner.relation = d, "complement"
            heads[d.anchor.i] = d
    for d in drafts:
        if d.how in ("support", "relcl"):
            heads.setdefault(d.anchor.i, d)
    for d in drafts:
        if d.outer is None:
            d.outer, d.relation = _outer(d, heads)
    for d in drafts:  # negation first: "did not agree to meet" is a REJECT of a meeting
        d.mod = _modality(lex, d)
        if d.mod.negated and d.entry.negated_type:
            d.type, d.mode = d.entry.negated_type, None
            # a refusal is its doer's own word: "X said it would not support him" is the REJECT;
            # another's forecast ("told his audience they wouldn't back him") refuses nothing yet
            forecast = d.mod.future and is_said(lex, d) and not is_own_promise(d) and not _own_plan(d)
            d.mod = Modality(hypothetical=d.mod.hypothetical, future=forecast)
    for d in drafts:
        outer = d.outer
        if outer is None:
            continue
        if "pass" in outer.entry.flags and outer.how == "verb":
            d.actor_from = outer
            outer.dropped = True
        elif outer.verbal:
            if d.how in ("own", "relcl") and not plover.event_types()[d.type].verbal:
                continue  # "condemned Israel's airstrikes": the airstrikes are reported too
            d.dropped = True
            outer.contents.append(d)
        elif d.type == outer.type and (d.relation == "topic" or not _own_subject(d)):
            d.parent = outer
    casualty = plover.word_class("casualty")
    for d in drafts:
        if d.dropped or d.parent is not None or d.outer is not None:
            continue
        if _own_subject(d) and not (
            d.how == "verb" and d.anchor.dep_ == "conj" and lemma(d.trigger) in casualty
        ):
            continue  # "23 were killed and 60 wounded": one attack
        above = _above(d, heads)
        if above is not None and above.type == d.type and above is not d:
            d.parent = above
    for d in drafts:
        if d.parent is not None:
            root = d.root()
            if root is not d:
                root.merged.append(d)
        if d.contents and not d.dropped:
            inner = min(d.contents, key=lambda c: abs(c.trigger.i - d.anchor.i))  # the nearest
            change = plover.content_of(d.type, inner.type, inner.mode)
            if inner.how == "deontic" and d.type == "AGREE" and d.how == "verb":
                change = ("REQUEST", "=")  # "agreed that Trump must apologise": asks it of him
            if d.type == "AGREE" and measure_owners(d, inner):
                change = None  # "committed to implementing UN sanctions": compliance, no threat
            if change is not None:
                new_type, new_mode = change
                if new_type != "=":
                    d.type = new_type
                    d.mode = None
                if new_mode != "=":
                    d.mode = new_mode


def _outer(d: Draft, heads: dict[int, Draft]) -> tuple[Draft | None, str]:
    if d.noun is not None:
        pos = position(d.noun)
        x: Token | None = None
        if pos.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd"):
            x = pos.head
        elif pos.dep_ == "pobj" and pos.head.lower_ in _TOPIC_PREPS:
            x = pos.head.head
        if x is not None:
            o = heads.get(x.i)
            if o is not None and o is not d and o.how in ("verb", "deontic"):
                return o, "topic"
    cur = d.anchor
    for _ in range(8):
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head  # a conjunct stands where the first one stands ("of violating ..., ignoring")
            continue
        infinitive = cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        governor = heads.get(cur.head.i)
        if infinitive and governor is not None and governor.how == "verb" and governor.type in _TAKES_CLAUSE:
            cur = cur.head  # "have sworn to fight": the parser's advcl for a complement
            o = heads[cur.i]
            if o is not d:
                return o, "complement"
        if cur.dep_ in _COMPLEMENT_DEPS or (cur.dep_ == "prep" and cur.lower_ in _TOPIC_PREPS):
            cur = cur.head
            o = heads.get(cur.i)
            if o is not None and o is not d:
                return o, "complement"
            continue
        break
    return None, ""


def _above(d: Draft, heads: dict[int, Draft]) -> Draft | None:
    """The first event above ``d`` in the tree (for merging same-type events)."""
    cur = d.noun if d.noun is not None else d.anchor
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        o = heads.get(cur.i)
        if o is not None and o is not d and not o.dropped:
            return o.root()
    return None


def _own_subject(d: Draft) -> bool:
    if d.how == "deontic":
        return True
    if d.how == "own":
        return True
    if d.how in ("verb", "support", "relcl"):
        agents, passive = subjects(d.anchor)
        return bool(agents) or (bool(passive) and d.how == "verb")
    return False


def _modality(lex: Lexicon, d: Draft) -> Modality:
    if "stated" in d.entry.flags:  # "will not accept Russia's illegal annexation": still called
        return Modality()  # illegal; "should have acted": a reproach, whatever the modal
    if d.how == "deontic":
        # "must be gnashing their teeth", "should have acted": a guess or a reproach, no demand
        # "would need to hear more": a need under a condition, no demand made
        unsaid_ = unsaid(d.anchor, lex.reporting)
        return Modality(
            negated=unsaid_.negated,
            hypothetical=epistemic(d.anchor) or conditional_need(d.trigger) or unsaid_.hypothetical,
        )
    if d.how == "evaluation" and "negated-good" in d.entry.flags:  # "not justified": the negation
        own = modality(d.anchor, lex.reporting, d.quote is not None)  # is the disapproval itself
        return Modality(hypothetical=own.hypothetical, future=own.future)
    if d.how == "own":
        return noun_modality(d.anchor)
    noun = d.noun if d.how == "support" else None
    return modality(d.anchor, lex.reporting, d.quote is not None, noun)


def _own_plan(d: Draft) -> bool:
    """The event is its doer's own plan or intention, told with no subject of its own under a
    governor of the future ("is not planning to endorse him", "does not intend to support"): its
    negation is a refusal stated now, as "will not support" is, not another's forecast."""
    head = d.anchor.head
    governors = plover.word_class("governor")
    return (
        d.anchor.dep_ == "xcomp"
        and head.i != d.anchor.i
        and governors.get(lemma(head)) == "future"
        and lemma(head) != "expect"
    )


def measure_owners(d: Draft, inner: Draft) -> list[Token]:
    """Who took the measure the promised content names, when that is someone other than the
    promiser: "committed to implementing UN sanctions" (the UN), "vowed to enforce the Security
    Council's embargo" (the Council). A promise to carry out another's measure is a promise to
    comply with it: an AGREE with that other, not a threat of one's own act (manual, THREATEN: a
    threat of the doer's own action); "vowed to impose its own sanctions" and "threatened
    sanctions" are the doer's."""
    if inner.noun is None:
        return []
    doers = {t.lower_ for s in subjects(d.anchor) for h in s for t in h.subtree}
    return [
        c
        for c in inner.noun.children
        if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.lower_ not in doers
    ]
