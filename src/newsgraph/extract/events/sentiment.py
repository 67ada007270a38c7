"""Criticism and praise read from the tone of what is said, with VADER (``vaderSentiment``, MIT:
a lexicon of about 7,500 words rated by people and rules for negation, intensifiers and "but";
the lexicon ships inside the package and is read from it, nothing is downloaded). Two uses, each
a setting of ``newsgraph_events`` (docs/events.md gives both halves' figures):

- **tone** (off by default): an ACCUSE the tables found (a word of disapproval, a verb, a noun of
  criticism) whose clause scores clearly negative carries that as evidence (the confidence's
  ``tone_agrees``): "'I do think that Trump is a threat,' said Lux" is criticism twice over.
  SUPPORT is left out: positive words ("support", "agree", "help") fill neutral political news,
  and on the real-news set a positive tone did not make praise more likely right.
- **sentiment** (off by default): a quote or a reported clause whose words about another named
  actor score clearly negative is an ACCUSE of its speaker (PLOVER ACCUSE: "criticize ...
  disapprove"), clearly positive a SUPPORT (praise, endorse, defend), with no word of judgement
  the tables know: "'And he is a very beautiful man,' Sanders continued". The one judged is the
  subject of the clause (or its owner: "Trump's plan is a disaster"), a name or a pronoun; only
  that clause is scored, within the quote, without the clauses joined to it (a long quote's
  score is that of its other words), the words of names ("the United States" is no praise) and
  the words that report an event ("praised", "killed", "attack": the verb paths code those). A
  question, a condition or a supposition judges nobody; a positive score got by negation ("was
  not in a crisis") is a denial, no praise. The event is anchored at the quote's verb of saying
  ("says", "continued"), one per quote, type and party judged, and only where no draft of its
  type is in that sentence already. Its confidence has its own weight, ``sentiment``, fitted on
  the tune half, where such events were rarely right: none reaches the default threshold."""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from .. import plover
from .candidates import Lexicon
from .context import Context
from .drafts import Draft, speaker_of
from .modality import modality
from .references import other_person, resolve_heads, same
from .syntax import lemma, subjects, token_at

#: The defaults of the component's settings ``sentiment`` and ``tone``.
SENTIMENT = False
TONE = False
#: The ACCUSE and SUPPORT of a clause scored negative or positive ("stated": the judgement is the
#: speaker's whatever the mood of the clause; "sentiment": the evidence is the score).
NEGATIVE = plover.Entry("sentiment", (), "ACCUSE", "disapprove", None, frozenset({"stated", "sentiment"}))
POSITIVE = plover.Entry("sentiment", (), "SUPPORT", None, None, frozenset({"stated", "sentiment"}))
#: VADER's compound score (in [-1, 1]) at or beyond which a clause is clearly negative or positive.
CLEAR = 0.5
#: Types whose drafts a clause's tone may confirm.
CONFIRMED = frozenset({"ACCUSE"})
#: Where a clause begins: the verb of a sentence, of what is said, of a condition or a "because",
#: of a clause joined to another, of a relative clause.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "parataxis", "relcl", "csubj"})
#: Clauses of their own below a clause's verb: left out of its words.
_OTHER_CLAUSES = frozenset({"conj", "parataxis"})
#: Pronouns that may stand for the one judged.
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their"})
#: Pronouns that, in a speaker's own words, stand for someone else.
_THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})
#: Words of a clause that asks or supposes.
_SUPPOSING = frozenset({"if", "unless", "whether", "?"})
#: Entity labels of an actor that can be judged.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@cache
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity(words: list[Token]) -> float:
    """VADER's compound score of ``words``, in [-1, 1] (0 for none)."""
    if not words:
        return 0.0
    return float(_analyzer().polarity_scores(" ".join(t.text for t in words))["compound"])


def clause_of(tok: Token) -> Token:
    """The verb of the clause that holds ``tok``: its nearest verb (or auxiliary) that heads a
    clause of its own; the root of its sentence when none does."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ in _CLAUSE_DEPS:
            return cur
        cur = cur.head
    return cur


def clause_words(head: Token, start: int, end: int, skip: frozenset[int]) -> list[Token]:
    """The words of the clause of ``head`` between the characters ``start`` and ``end``, in text
    order, without the clauses joined to it and without the words at ``skip``."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        if tok.i not in skip and start <= tok.idx < end:
            out.append(tok)
        for c in tok.children:
            joined = c.dep_ in _OTHER_CLAUSES and c.pos_ in ("VERB", "AUX")
            if not joined and not (c.dep_ == "cc" and tok.i == head.i):
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _names(ctx: Context, sent: Token) -> frozenset[int]:
    """The positions of the words of names in the sentence of ``sent``."""
    span = sent.sent
    return frozenset(i for i in range(span.start, span.end) if i in ctx.index)


def clause_tone(ctx: Context, tok: Token) -> float:
    """The score of the clause that holds ``tok`` in its sentence, without the words of names and
    the verbs of events ("blamed the media for the confusion": the verb is what the tables read;
    its tone is no second sign)."""
    sent = tok.sent
    words = clause_words(clause_of(tok), sent.start_char, sent.end_char, _names(ctx, tok))
    return polarity(_scored(words))


def set_tones(ctx: Context, drafts: list[Draft]) -> None:
    """Give each draft of a confirmed type that the tables found the tone of its trigger's clause."""
    for d in drafts:
        if d.type in CONFIRMED and "sentiment" not in d.entry.flags and not d.dropped:
            d.tone = clause_tone(ctx, d.trigger)


def tone_agrees(d: Draft) -> bool:
    """The draft's clause scores clearly negative for an ACCUSE (clearly positive for a SUPPORT)."""
    if d.tone is None:
        return False
    return d.tone <= -CLEAR if d.type == "ACCUSE" else d.type == "SUPPORT" and d.tone >= CLEAR


# -- events from the tone of a quote ---------------------------------------------------------------


def _mentions(ctx: Context, span: list[Token]) -> list[Token]:
    """The words of ``span`` that name an actor: the head word of an entity's name, or a pronoun
    of a person or group."""
    out: list[Token] = []
    for tok in span:
        eid = ctx.index.get(tok.i)
        if eid is None:
            if tok.lower_ in _PRONOUNS:
                out.append(tok)
            continue
        ent = ctx.entities.get(eid)
        if ent is None or ent.type not in _ACTOR_LABELS:
            continue
        if tok.head.i != tok.i and ctx.index.get(tok.head.i) == eid:
            continue  # not the last word of the name
        out.append(tok)
    return out


def _subject_of(tok: Token, head: Token) -> bool:
    """``tok`` is what the clause of ``head`` is about: its subject (or a conjunct of it), or the
    owner of its subject ("Trump's plan is a disaster")."""
    cur = tok
    while cur.dep_ in ("conj", "appos", "compound") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "poss":
        cur = cur.head
    return cur.dep_ in ("nsubj", "nsubjpass") and cur.head.i == head.i


@cache
def _event_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lemmas of the lexicon's event verbs, and of its nouns of material events (attacks, arrests,
    aid): words that report what someone did ("praised", "killed", "attack"), whose VADER rating
    is no judgement of the doer by the speaker."""
    material = {name for name, t in plover.event_types().items() if not t.verbal}
    nouns = (word for word, entries in plover.nouns().items() if any(e.type in material for e in entries))
    return frozenset(plover.verbs()), frozenset(nouns)


def _scored(words: list[Token]) -> list[Token]:
    """The words whose tone counts: not those that report an event."""
    verbs, nouns = _event_words()
    return [t for t in words if lemma(t) not in (verbs if t.pos_ in ("VERB", "AUX") else nouns)]


def _supposed(lex: Lexicon, words: list[Token], head: Token) -> bool:
    """The clause asks or supposes: a question, "if", "whether", or a modal of possibility."""
    if any(t.lower_ in _SUPPOSING for t in words):
        return True
    last = head.sent[-1]
    return last.text == "?" or modality(head, lex.reporting, True).hypothetical


def _cue_speaker(ctx: Context, cue: Token) -> dict[str, Any] | None:
    """The subject of the verb of saying ("Sanders continued"), when the quote has no speaker."""
    refs = resolve_heads(ctx, subjects(cue)[0])
    return refs[0] if refs else None


#: A judgement found: its score, the speaker and the actor judged.
Judged = tuple[float, dict[str, Any], dict[str, Any]]


def _judged(lex: Lexicon, ctx: Context, cue: Token, tok: Token, start: int, end: int) -> Judged | None:
    """The score of the clause whose subject is the mention ``tok``, its speaker and the actor
    judged, when the score is clear, the speaker coded and the one judged another actor."""
    head = clause_of(tok)
    if not _subject_of(tok, head):
        return None
    words = clause_words(head, start, end, _names(ctx, head))
    score = polarity(_scored(words))
    if -CLEAR < score < CLEAR or (score > 0 and any(t.dep_ == "neg" for t in words)):
        return None  # "was not in a crisis": a denial of the bad, no praise
    if _supposed(lex, words, head):
        return None
    speaker = speaker_of(lex, ctx, head) or _cue_speaker(ctx, cue)
    if speaker is None or not speaker.get("code"):
        return None
    targets = [t for t in resolve_heads(ctx, [tok], places=False, recipient=True) if t.get("code")]
    if len(targets) == 1 and same(targets[0], speaker) and tok.lower_ in _THIRD_PERSON:
        targets = other_person(ctx, tok, speaker)
    if len(targets) != 1 or same(targets[0], speaker):
        return None
    target = targets[0]
    return None if _own_side(ctx, target, speaker) else (score, speaker, target)


def _own_side(ctx: Context, target: dict[str, Any], speaker: dict[str, Any]) -> bool:
    """The one judged is the speaker's own country, or a body of the speaker's code and sector
    ("America is great", "the U.N. is working hard", said by one of its own)."""
    ent = ctx.entities.get(target.get("entity") or "")
    if ent is None or ent.type == "PERSON" or target.get("code") != speaker.get("code"):
        return False
    return ent.type in ("GPE", "NORP") or target.get("sector") in (speaker.get("sector"), None)


def sentiment_drafts(lex: Lexicon, ctx: Context, doc: Doc, told: set[tuple[int, str]]) -> list[Draft]:
    """ACCUSE and SUPPORT drafts of the quotes whose words about another actor score clearly
    negative or positive (see the module docstring). ``told`` holds (sentence start, type) of the
    drafts found already: no second one of a type in a sentence."""
    out: list[Draft] = []
    for n, quote in enumerate(ctx.quotes):
        if quote.cue is None:
            continue
        cue = token_at(doc, quote.cue.start)
        if cue.pos_ != "VERB" or lemma(cue) not in lex.reporting:
            continue  # "his statement that ...", "according to": nobody is told to say it here
        best: dict[tuple[str, object], Judged] = {}
        for start, end in quote.parts or ((quote.start, quote.end),):
            span = doc.char_span(start, end, alignment_mode="expand")
            for tok in _mentions(ctx, list(span) if span is not None else []):
                found = _judged(lex, ctx, cue, tok, start, end)
                if found is None:
                    continue
                key = ("ACCUSE" if found[0] < 0 else "SUPPORT", found[2].get("code"))
                if key not in best or abs(found[0]) > abs(best[key][0]):
                    best[key] = found
        for (etype, _), (_, speaker, target) in best.items():
            if (cue.sent.start, etype) in told:
                continue
            entry = NEGATIVE if etype == "ACCUSE" else POSITIVE
            draft = Draft(cue, cue.i + 1, entry, etype, entry.mode, "evaluation", cue, speaker=speaker)
            draft.blamed = [target]
            draft.quote = n
            out.append(draft)
    return out
