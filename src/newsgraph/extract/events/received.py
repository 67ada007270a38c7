"""Criticism and praise told from the side of the one who gets it: "the plan drew sharp criticism
from Democrats", "Clinton drew the ire of lawmakers", "the senator came under fire from his own
party", "the deal won praise from Tokyo". The PLOVER event is done by those it comes from (the
"from" or "of" phrase) to the subject of the verb of receiving; the news sentence turns it round.

The nouns (word class ``received`` of ``plover_words.tsv``, value: the PLOVER type) and the verbs
of receiving (``receive``, value: the preposition the noun stands after, or ``-`` for an object)
are written from how news words it. With no actor to say it came from (a "from" phrase that names
nobody coded: "drew criticism across social media") there is no event: whom it was aimed at alone
does not make one."""

from __future__ import annotations

from functools import cache

from spacy.attrs import LEMMA
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from .. import plover
from .context import Context
from .drafts import Draft
from .evaluation import _blamed, _earlier_doers
from .references import resolve_heads, same
from .syntax import inherited, lemma, subjects

#: Heads a participle describes ("Clinton, ..., drawing the ire of"), as the small model parses it.
_NAMES = frozenset({"PROPN", "NOUN"})
#: Prepositions that name whom the criticism or praise comes from.
_SOURCES = frozenset({"from", "of", "by"})


@cache
def _entries() -> dict[str, plover.Entry]:
    return {
        word: plover.Entry(
            word,
            (),
            etype,
            "disapprove" if etype == "ACCUSE" else None,
            None,
            frozenset(),
        )
        for word, etype in plover.word_class("received").items()
    }


@cache
def _keys() -> frozenset[int]:
    return frozenset(hash_string(w) for w in plover.word_class("received"))


def received_positions(doc: Doc) -> list[int]:
    """Positions of the nouns of criticism and praise received (a scan of the doc's lemma array)."""
    keys = _keys()
    return [i for i, lemma_id in enumerate(doc.to_array([LEMMA]).tolist()) if lemma_id in keys]


def _counted(noun: Token) -> Token:
    """The noun of quantity that counts ``noun`` ("a storm of criticism", "a chorus of
    condemnation": word class ``amount_of``), which stands where ``noun`` would; else ``noun``."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in plover.word_class("amount_of"):
        return head.head
    return noun


def _receiving_verb(noun: Token) -> Token | None:
    """The verb of receiving ``noun`` stands with: its object ("drew criticism"), or the object of
    the verb's preposition of the table ("came under fire"); a noun of quantity may stand for it
    ("drew a storm of criticism")."""
    verbs = plover.word_class("receive")
    noun = _counted(noun)
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and verbs.get(lemma(head)) == "-":
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if verb.pos_ == "VERB" and verbs.get(lemma(verb)) == head.lower_:
            return verb
    return None


def _sources(noun: Token, verb: Token) -> list[Token]:
    """Whom it came from: the "from"/"of"/"by" phrase of the noun or of the verb, with the names
    joined to it."""
    out: list[Token] = []
    for holder in (noun, verb):
        for c in holder.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in _SOURCES:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += [p, *p.conjuncts]
    return out


#: Sectors of bodies that argue, not fight, from which "fire" or "attacks" are words: parties,
#: legislatures, the opposition, courts, media, civil society, labour, elites, education.
_ARGUING = frozenset({"PTY", "LEG", "OPP", "JUD", "JRN", "SOC", "LAB", "ELI", "EDU"})


def _arguing(ctx: Context, actor: dict[str, object]) -> bool:
    """Whether ``actor``, whom "fire" or "attacks" come from, argues rather than fights: a named
    person of no armed sector, or a body of a sector that argues (not a state, an army, a group)."""
    ent = ctx.entities.get(str(actor.get("entity") or ""))
    if actor.get("sector") in ("MIL", "REB", "PRM", "UAF", "COP", "SPY", "UNK") or actor.get("code") == "IMG":
        return False
    return (ent is not None and ent.type == "PERSON") or actor.get("sector") in _ARGUING


def received_drafts(ctx: Context, doc: Doc, positions: list[int]) -> list[Draft]:
    """ACCUSE and SUPPORT drafts of criticism and praise received (see the module docstring)."""
    entries = _entries()
    out: list[Draft] = []
    for i in positions:
        noun = doc[i]
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = _receiving_verb(noun)
        if verb is None or any(c.dep_ == "neg" for c in verb.children):
            continue  # "did not draw criticism": no event
        holder = _counted(noun)
        sources = _sources(noun, verb) + (_sources(holder, verb) if holder.i != noun.i else [])
        actors = [a for a in resolve_heads(ctx, sources) if a.get("code")]
        if not actors:
            continue
        if lemma(noun) in plover.word_class("figurative") and not all(_arguing(ctx, a) for a in actors):
            continue  # "came under fire from insurgents", "from Russia": force, not criticism
        agents, passive = subjects(verb)
        heads = [] if holder.dep_ == "nsubjpass" else agents or passive
        if not heads and holder.dep_ != "nsubjpass":
            # "Clinton, ..., drawing the ire of lawmakers": the name a participle describes, else
            # the subject of the clause it depends on
            described = verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG" and verb.head.pos_ in _NAMES
            heads = [verb.head] if described else inherited(verb)[0]
        # "Trump's plan drew criticism": its owner; "the tariffs drew criticism": their doers before
        targets = _blamed(ctx, heads) or _earlier_doers(ctx, heads)
        targets = [t for t in targets if not any(same(t, a) for a in actors)]
        entry = entries[lemma(noun)]
        assert entry.type is not None
        draft = Draft(noun, noun.i + 1, entry, entry.type, entry.mode, "evaluation", verb, noun=noun)
        draft.speaker = actors[0]
        draft.blamed = targets
        draft.quote = ctx.quote_at(noun.idx)
        out.append(draft)
    return out
