"""An order or a plea said to someone: a quote whose sentence is an imperative ("'Stop the war
now,' the Ukrainian president told Putin", "'Release the hostages,' the minister said to Hamas")
is a REQUEST of its speaker to whom the verb of saying names as spoken to (PLOVER REQUEST:
"demand, ask, urge"). Only with an addressee named: "'Look, this is hard,' she said" orders
nobody. Discourse imperatives ("look", "listen", "believe me") and suggestions of the speaker's
own side ("let us", "let's") are no demand."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import plover
from .candidates import Lexicon
from .context import Context
from .drafts import Draft, speaker_of
from .references import resolve_heads, same
from .syntax import lemma, token_at

#: A demand made with an imperative: its speaker asks the one spoken to.
#: "Don't attack our cities" is a demand too: the imperative takes no modality of its clause.
ORDER = plover.Entry("imperative", (), "REQUEST", None, None, frozenset({"stated"}))
#: Imperatives of talk, not of action: "Look, ...", "Believe me", "Mind you", "Thank you".
DISCOURSE = frozenset(
    {
        "look",
        "listen",
        "see",
        "imagine",
        "believe",
        "mind",
        "remember",
        "consider",
        "say",
        "thank",
        "excuse",
        "forgive",
        "trust",
        "note",
        "wait",
        "guess",
        "suppose",
        "understand",
        "make",  # "make no mistake"
        "get",  # "don't get me wrong"
        "come",  # "come on"
    }
)
#: Objects of the speaker's own side: "let us", "let me", "let's".
_OWN = frozenset({"us", "me", "'s", "’s"})
#: Words that may stand before an imperative in its sentence ("So stop it", "Please release").
_OPENERS = frozenset({"please", "so", "and", "now", "just", "then", "but", "simply"})


def imperative_drafts(lex: Lexicon, ctx: Context, doc: Doc) -> list[Draft]:
    """REQUEST drafts of the imperatives quoted with an addressee (see the module docstring); one
    per quote, at its first imperative."""
    out: list[Draft] = []
    for n, quote in enumerate(ctx.quotes):
        if quote.speaker is None or quote.cue is None:
            continue
        cue = token_at(doc, quote.cue.start)
        targets = resolve_heads(ctx, _addressees(cue), places=False, recipient=True)
        if not targets:
            continue
        for verb in _imperatives(doc, quote.start, quote.end, cue.i):
            speaker = speaker_of(lex, ctx, verb)
            if speaker is None or not speaker.get("code") or any(_own(t, speaker) for t in targets):
                break  # "'Never give up,' the president told the soldiers": his own side
            draft = Draft(verb, verb.i + 1, ORDER, "REQUEST", None, "evaluation", verb, speaker=speaker)
            draft.blamed = targets
            draft.quote = n
            out.append(draft)
            break
    return out


def _own(target: dict[str, object], speaker: dict[str, object]) -> bool:
    """The one spoken to is the speaker or an unnamed group of the speaker's own country."""
    return same(target, speaker) or (not target.get("entity") and target.get("code") == speaker.get("code"))


def _addressees(cue: Token) -> list[Token]:
    """Whom a verb of saying names as spoken to: "told Putin", "said to Hamas"."""
    heads = [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON")]
    heads += [
        p for c in cue.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for p in c.children
    ]
    return [h for h in heads if h.dep_ != "pcomp"]


def _imperatives(doc: Doc, start: int, end: int, cue: int | None = None) -> list[Token]:
    """Verbs heading a sentence of the quote between ``start`` and ``end`` (characters: the
    sentence's root, or the quoted clause the verb of saying governs) that are bare imperatives:
    a base form with no subject and no modal, first in its sentence but for punctuation and a few
    openers ("Please", "So", "Don't"). A verb the verb of saying (token ``cue``) governs is a
    quoted clause's head even where the quote's span holds the attribution ("'Let everybody
    know ...,' Bundy says to Santilli, who responds: 'Okay!'")."""
    out: list[Token] = []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return out
    for verb in span:
        inside = start <= verb.head.idx < end and verb.head.i not in (verb.i, cue)
        if inside or verb.pos_ != "VERB" or verb.tag_ != "VB" or lemma(verb) in DISCOURSE:
            continue
        children = list(verb.children)
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children):
            continue
        if any(c.dep_ == "aux" and lemma(c) != "do" for c in children):
            continue  # "to stop", "will stop": no imperative
        if lemma(verb) == "let" and any(
            t.lower_ in _OWN
            for c in children
            for t in (c, *c.children)
            if t.dep_ in ("dobj", "nsubj", "ccomp")
        ):
            continue
        before = [t for t in verb.sent if start <= t.idx < verb.idx and not t.is_punct]
        if all(t.lower_ in _OPENERS or (t.head.i == verb.i and t.dep_ in ("aux", "neg")) for t in before):
            out.append(verb)
    return out
