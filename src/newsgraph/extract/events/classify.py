"""The type and mode an event is recorded with, after PLOVER's rules: what is not (yet) a fact (an
offer or commitment to cooperate is AGREE, future cooperation too, a future retreat a CONCEDE, a
conditional or announced readiness to use force a THREATEN), joint exercises (COOPERATE, not
MOBILIZE), a state's protest (ACCUSE, or SANCTION for a boycott) and police blocking roads
(COERCE)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .. import plover
from .candidates import Lexicon
from .drafts import Draft
from .modality import Modality
from .syntax import lemma, subjects

#: Types whose event, promised for the future, is an AGREE.
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: Verbs by which a speaker commits to what the clause below says ("said it would support",
#: "pledged that it would send aid"); not verbs of hedging ("suggested she'll turn to").
_COMMITTING = frozenset(
    "say tell announce declare pledge promise vow insist confirm state assure add reiterate "
    "write tweet".split()
)
#: Pronouns that stand for the one who says the clause they are the subject of.
_SELF = frozenset({"i", "we", "he", "she", "they", "it"})
#: Pronouns of one person.
_ONE = frozenset({"i", "he", "she"})
#: Sectors of the state's armed and police forces.
_STATE = frozenset({"COP", "MIL", "PRM", "SPY"})


def joint_mobilization(d: Draft, actors: list[dict[str, Any]], joint: list[dict[str, Any]]) -> None:
    """A MOBILIZE of actors of more than one country is a COOPERATE: joint exercises and patrols
    (manual, MOBILIZE)."""
    if d.type == "MOBILIZE" and len({a["code"] for a in actors + joint if a["code"]}) > 1:
        d.type = "COOPERATE"


def final_type(
    lex: Lexicon, d: Draft, actors: list[dict[str, Any]], recipients: list[dict[str, Any]] | None = None
) -> tuple[str, str | None, Modality]:
    """Type, mode and auxiliary modes after PLOVER's rules for what is not (yet) a fact:
    an offer or commitment to cooperate is AGREE (future cooperation too), a future retreat a
    CONCEDE, a conditional or announced readiness to use force a THREATEN, and so is a conditional
    retreat aimed at someone (an ultimatum); one aimed at nobody is a promised CONCEDE."""
    etype, mode = d.type, d.mode
    mod = Modality(d.mod.negated, d.mod.hypothetical, d.mod.future)
    quad = lex.types[etype].quad_code
    if mod.negated:
        if etype == "AGREE":  # "failed to reach agreement", "no deal was reached"
            return "REJECT", None, Modality()
        if d.mod.intent and quad in (1, 2):  # "not ready to support", "unwilling to meet": a refusal
            return "REJECT", None, Modality()
        return etype, mode, mod
    irrealis = d.mod.intent or (d.mod.conditional and (mod.future or mod.hypothetical))
    if irrealis:
        if etype == "RETREAT" and d.mod.conditional:
            if recipients and _unless(
                d.anchor
            ):  # "will withdraw its force from Chad unless ...": an ultimatum
                return "THREATEN", _threat_mode(etype, mode), Modality()
            if recipients and is_said(lex, d) and is_own_promise(d):
                # "announced that he will withdraw his troops from Kuwait only if Israel
                # withdraws": a retreat offered for the other's act is a concession promised
                # (manual, CONCEDE: "declarations ... of withdrawals from territory"), no threat
                return "CONCEDE", None, Modality()
            # "will step down if his wife wins": a promised retreat that targets nobody
            return "CONCEDE", None, Modality(future=True)
        if quad in (1, 2) and (d.mod.intent or is_said(lex, d)):
            return "AGREE", None, Modality()  # "willing to", "said it would meet if": an offer
        if quad == 4:
            return "THREATEN", _threat_mode(etype, mode), Modality()
    if (
        d.mod.conditional
        and not (mod.future or mod.hypothetical)
        and not (is_said(lex, d) and is_own_promise(d))
    ):
        # "if Trump moderates his rhetoric, he offers ...": the writer's condition; it happens
        # only if (said by the doer it is an offer or a threat, above); so does what another
        # says under a condition ("Amano said that, if its claims are true, North Korea is
        # violating the resolutions": his supposition, no rejection by North Korea)
        mod.hypothetical = True
    if mod.future and not mod.hypothetical:
        # a plan is coded as the agreement it implies, and stays future: not yet a fact; but
        # one's own promise said or quoted ("Senate Republicans said they would support him")
        # is the AGREE itself (manual, AGREE: "promise ... commitment to cooperate")
        if etype in _FUTURE_AGREE and d.how != "evaluation":
            # (a judgement of what would be, "it would be remarkable", promises nothing)
            return "AGREE", None, Modality(future=not is_own_promise(d))
        if etype == "RETREAT":
            return "CONCEDE", None, Modality(future=True)
        if quad == 4 and etype != "MOBILIZE" and not expected_of_others(d):
            # "said they would blockade Paris": one's own force announced; what others expect
            # of someone ("expects them to demonstrate") is no threat, and stays future
            return "THREATEN", _threat_mode(etype, mode), Modality()
    return etype, mode, mod


def _unless(verb: Token) -> bool:
    """The verb's condition is one of "unless": what it says happens if the other does not act."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in verb.children
    )


def is_own_promise(d: Draft) -> bool:
    """The event is what its doer says it will do: the clause of a verb of saying or promising
    whose subject is the speaker ("X said it would support ...", "X pledged to meet ..."), or a
    first-person clause in the speaker's quote ("'We will support you,' she said")."""
    agents, _ = subjects(d.anchor)
    first = plover.word_class("first")
    cur = d.anchor
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("ccomp", "xcomp", "conj"):
            break
        if head.pos_ == "VERB" and lemma(head) in _COMMITTING:
            if not agents:  # "pledged to meet": the pledger's own act
                return True
            speakers, _ = subjects(head)
            a = agents[0]
            told_by = _speakers(head)
            if a.lower_ == "they" and told_by and all(_one_person(sp) for sp in told_by):
                return False  # "Trump told his audience they would not back him": not Trump
            return a.lower_ in _SELF or any(sp.lower_ == a.lower_ for sp in speakers)
        cur = head
    return d.quote is not None and bool(agents) and agents[0].lower_ in first


def _speakers(verb: Token) -> list[Token]:
    """The subjects of a verb of saying, or of the verb it is a conjunct of ("joked ... and told
    his audience"); none when no subject is found."""
    for _ in range(4):
        found, _ = subjects(verb)
        if found or verb.dep_ != "conj" or verb.head.i == verb.i:
            return list(found)
        verb = verb.head
    return []


def _one_person(tok: Token) -> bool:
    """A single person: a name of a person or "he", "she", "I" ("they" cannot stand for one)."""
    return tok.lower_ in _ONE or (tok.ent_type_ == "PERSON" and tok.tag_ == "NNP")


def is_said(lex: Lexicon, d: Draft) -> bool:
    """The event is said by someone: in a quote, or in a clause under a verb of saying ("said it
    would meet them if ..."). An offer is made by its doer; the writer's "may still offer ...
    if" is a guess, not an offer."""
    if d.quote is not None:
        return True
    cur = d.anchor
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if any(c.dep_ in ("parataxis", "ccomp") and lemma(c) in lex.reporting for c in cur.children):
            return True  # "We will meet them if ..., the minister said"
        if lemma(head) in lex.reporting and cur.dep_ in ("ccomp", "xcomp", "conj", "parataxis"):
            return True
        cur = head
    return any(c.dep_ in ("parataxis", "ccomp") and lemma(c) in lex.reporting for c in cur.children)


def expected_of_others(d: Draft) -> bool:
    """The event is what someone expects or plans of others, not what its doer announces: the
    clause of a verb of expecting or planning ("expects them to demonstrate", "expects that they
    will demonstrate") whose subject is not the event's doer (its object is, or the clause has a
    subject of its own)."""
    governors = plover.word_class("governor")
    cur = d.anchor
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp"):
            return False
        if governors.get(lemma(head)) == "future":
            own_subject = bool(subjects(cur)[0])
            controlled = any(c.dep_ in ("dobj", "dative") for c in head.children)
            return own_subject or controlled
        cur = head
    return False


def _threat_mode(etype: str, mode: str | None) -> str | None:
    change = plover.content_of("THREATEN", etype, mode)
    return change[1] if change and change[1] != "=" else None


def is_joint(lex: Lexicon, d: Draft, etype: str, mode: str | None) -> bool:
    """Whether every party of the event is its actor (a meeting, a row flagged ``joint``), none a
    recipient. A war declared or waged "on" a named party has a target: "declared war on the
    United States" is one side's act against the other."""
    if d.noun is not None and _named_target(d.noun):
        return False
    return (lex.types[etype].joint and mode != "visit") or ("joint" in d.entry.flags and etype == d.type)


_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _named_target(noun: Token) -> bool:
    """ "War on the United States", "a war upon Iran": an "on" phrase of the noun naming a party."""
    return any(
        p.dep_ == "pobj" and (p.ent_type_ in _NAMED or (p.pos_ == "PROPN" and not p.ent_type_))
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        for p in c.children
    )


def state_protest(etype: str, mode: str | None, actors: list[dict[str, Any]]) -> tuple[str, str | None]:
    """The type and mode of a protest whose actors are all of the state: a government's protest is
    diplomatic, its boycott a sanction, police obstructing a coercion, soldiers in the streets a
    mobilisation."""
    if etype == "PROTEST" and actors and all(a["sector"] in ("GOV", "LEG", "JUD") for a in actors):
        if mode in (None, "demo"):
            etype, mode = "ACCUSE", "disapprove"  # a diplomatic protest (manual, PROTEST)
        elif mode == "boycott":
            etype, mode = "SANCTION", "discontinue"  # a state's boycott reduces relations
    if etype == "PROTEST" and mode == "obstruct" and actors and all(a["sector"] in _STATE for a in actors):
        etype, mode = "COERCE", "restrict"  # police blocking roads
    if etype == "PROTEST" and actors and all(a["sector"] in _ARMED for a in actors):
        # "the army took to the streets": soldiers sent out are a show of force, not a protest
        etype, mode = "MOBILIZE", None
    return etype, mode


#: Sectors of armed forces (not the police, whose unions do protest).
_ARMED = frozenset({"MIL", "PRM"})


def police_raid(
    d: Draft, etype: str, mode: str | None, actors: list[dict[str, Any]]
) -> tuple[str, str | None]:
    """A raid by the police ("the office was raided by police", "police raided the home") is a
    COERCE ``seize``: the manual's COERCE modes name the raid ("execute search, confiscate
    property, raid"); soldiers' and militants' raids stay ASSAULT."""
    if etype != "ASSAULT" or mode is not None or not actors or any(a["sector"] != "COP" for a in actors):
        return etype, mode
    seize = next((m for m in plover.modes().get("COERCE", ()) if m.name == "seize"), None)
    if seize is not None and lemma(d.trigger) in seize.cues:
        return "COERCE", "seize"
    return etype, mode
