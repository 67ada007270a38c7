"""PLOVER events per sentence: the ``newsgraph_events`` component.

Rules over the dependency parse, with the lexicons in ``extract/data/plover_*.tsv``
(``extract/plover.py`` reads them):

1. **Triggers.** A verb whose lemma and context match a row of ``plover_verbs.tsv`` ("urged",
   "called on", "froze ... assets"), or a noun of ``plover_nouns.tsv`` where the text reports it
   as an event: the object of a support verb ("held talks"), the subject of a verb of happening
   ("fighting erupted"), a noun with its own named actor ("Israeli airstrikes", "Tillerson's call
   for"), or the occasion of a clause ("raised it in a phone call with Putin"). In a quote or
   reported speech, "X must/should ..." is a REQUEST of the speaker to X.
2. **One event, not three.** The complement of a verbal event is its content: "urged China to
   resume talks" is one REQUEST (mode meet), "vowed to retaliate" a THREATEN
   (``plover_content.tsv``); the topic of a verbal event ("condemned the attack") is not an event
   of its own. A verb that passes its action on ("ordered the assets frozen") gives the complement
   event its actor. A same-type event below another with no subject of its own is merged into it
   ("attacked Israel, killing 1,200 people and abducting 250": one ASSAULT with its magnitudes).
3. **Auxiliary modes.** Negation, modals, "if" and governing verbs ("plans to", "failed to") mark
   events negated, hypothetical or future. Future cooperation is AGREE, a future retreat CONCEDE
   (manual); "did not accept" is a REJECT.
4. **Arguments.** Actors and recipients are the subject, object and recipient prepositions of the
   type (``plover_types.tsv``), resolved to entities and actor codes (``event_args.py``); meeting
   partners and two-sided fighters are all actors. Date, place and magnitudes come from the dates,
   places and counts components when they ran (fallbacks otherwise); contexts from cue words.

See docs/events.md for the record and its quality."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP as DEP_ATTR
from spacy.attrs import LEMMA as LEMMA_ATTR
from spacy.attrs import LOWER as LOWER_ATTR
from spacy.attrs import POS as POS_ATTR
from spacy.attrs import TAG as TAG_ATTR
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.symbols import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from ..resolve.actors import sector_of
from ..tables import TABLES_VERSION
from . import event_args as args
from . import plover
from .annotations import article_context, doc_facts
from .component import Component
from .event_args import Context, Modality, lemma, verb_forms
from .quotes import reporting_lemmas

log = logging.getLogger(__name__)

_VERBISH = frozenset({VERB, ADJ})
_NOUNISH = frozenset({NOUN, PROPN})
#: Prepositions that make their object the topic of the verb they hang on ("called for talks").
_TOPIC_PREPS = frozenset({"for", "of", "about", "on", "over", "to", "against", "with", "into", "from"})
#: Prepositions that make their object the occasion of the clause ("said during a visit").
_OCCASION_PREPS = frozenset({"in", "during", "at", "on", "for"})
#: Dependencies through which a clause is the complement (content) of the verb above it.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acomp", "pcomp"})
#: Dependencies of a noun: a token tagged VERB there is read as a noun.
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound", "attr"})
#: Verbal types whose verbs take an infinitive the parser may attach as a clause of purpose
#: ("have sworn to fight", "refused to meet").
_TAKES_CLAUSE = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST", "CONCEDE"})
#: Particles that make a support verb another verb: "held up", "called off", "put off" (but
#: "carried out" is still "carried").
_PARTICLES = frozenset({"up", "off", "back", "down", "away"})
#: Event types whose trigger inside a quote, with no subject, is the speaker's event.
_SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: Types whose event, with no recipient named, is directed at the country of its place.
_PLACE_RECIPIENT = frozenset({"PROTEST", "COERCE", "ASSAULT", "SANCTION", "CONCEDE"})
#: Sectors of the state's armed and police forces.
_STATE = frozenset({"COP", "MIL", "PRM", "SPY"})
#: Dependencies through which a clause says what a protest is for ("to demand", "in demanding").
_PURPOSE_DEPS = frozenset({"advcl", "xcomp", "pcomp", "prep", "acl", "conj"})
#: Types of an event that undoes a measure of its own actor ("eased the curfew", "lifted the ban").
_UNDOING = frozenset({"CONCEDE", "RETREAT"})
#: Sectors of actors that can impose what a state imposes (a curfew, a ban).
_STATE_ACTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_DEONTIC_ENTRY = plover.Entry("must", (), "REQUEST", None, None, frozenset())
#: Which count kinds belong to which event types (magnitudes).
_COUNT_TYPES = {
    "dead": ("ASSAULT", "COERCE", "PROTEST"),
    "injured": ("ASSAULT", "COERCE", "PROTEST"),
    "abducted": ("ASSAULT",),
    "arrested": ("COERCE", "ASSAULT", "PROTEST"),
    "displaced": ("ASSAULT", "COERCE", "SANCTION"),
    "missing": ("ASSAULT",),
    "size": ("PROTEST", "MOBILIZE"),
}


@dataclass(slots=True, eq=False)
class Draft:
    """An event found in the parse, before its arguments are resolved."""

    trigger: Token
    end: int  # token index after the trigger
    entry: plover.Entry
    type: str
    mode: str | None
    how: str  # verb | support | happen | own | relcl | occasion | deontic
    anchor: Token  # the verb of its clause (the noun itself for "own")
    noun: Token | None = None
    speaker: dict[str, Any] | None = None
    outer: Draft | None = None
    relation: str = ""  # topic | complement
    actor_from: Draft | None = None
    parent: Draft | None = None
    contents: list[Draft] = field(default_factory=list)
    merged: list[Draft] = field(default_factory=list)
    dropped: bool = False
    mod: Modality = field(default_factory=Modality)
    quote: int | None = None

    def root(self) -> Draft:
        d = self
        while d.parent is not None:
            d = d.parent
        return d

    @property
    def verbal(self) -> bool:
        return plover.event_types()[self.type].verbal


@Language.factory(
    "newsgraph_events",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_facts"],
    requires=["token.dep", "token.lemma", "token.tag", "doc.spans", "doc._.newsgraph_facts"],
)
def make_events(nlp: Language, name: str, tables: str) -> EventExtractor:
    return EventExtractor(nlp, name, tables=tables)


class EventExtractor(Component):
    """Fills ``doc_facts(doc)["events"]`` and links counts to their events."""

    tables = (
        ("newsgraph.extract", "plover_types.tsv"),
        ("newsgraph.extract", "plover_modes.tsv"),
        ("newsgraph.extract", "plover_verbs.tsv"),
        ("newsgraph.extract", "plover_nouns.tsv"),
        ("newsgraph.extract", "plover_words.tsv"),
        ("newsgraph.extract", "plover_content.tsv"),
        ("newsgraph.extract", "plover_contexts.tsv"),
        ("newsgraph.extract", "reporting_verbs.txt"),
    )
    needs = ("DEP",)

    def __init__(self, nlp: Language, name: str, *, tables: str = TABLES_VERSION) -> None:
        super().__init__(nlp, name, tables=tables)
        self.verbs = plover.verbs()
        self.nouns = plover.nouns()
        self.verb_keys = frozenset(hash_string(w) for w in self.verbs)
        self.noun_keys = frozenset(hash_string(w) for w in self.nouns)
        self.deontic_keys = frozenset(hash_string(w) for w in plover.word_class("deontic"))
        self.support = plover.word_class("support")
        self.happen = plover.word_class("happen")
        self.reporting = reporting_lemmas()
        self.types = plover.event_types()
        strings = nlp.vocab.strings  # label ids as the doc's arrays hold them
        self.amod_id, self.aux_id, self.vb_id = strings["amod"], strings["aux"], strings["VB"]
        self.nominal_dep_ids = frozenset(strings[d] for d in _NOMINAL_DEPS)

    def annotate(self, doc: Doc) -> None:
        self.set_annotations(doc, self.match(doc))

    def set_annotations(self, doc: Doc, events: list[dict[str, Any]]) -> None:
        doc_facts(doc)["events"] = events

    # -- finding ---------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[dict[str, Any]]:
        """Event records of ``doc`` (PLOVER fields, see docs/events.md)."""
        candidates = self._candidates(doc)
        if not candidates:
            return []
        pipes = self.nlp.pipe_names
        ctx = Context.build(
            doc,
            has_dates="newsgraph_dates" in pipes,
            has_counts="newsgraph_counts" in pipes,
            has_places="newsgraph_places" in pipes,
        )
        drafts = self._drafts(ctx, candidates)
        drafts += self._deontic(ctx, [t for t, kind in candidates if kind == "deontic"])
        if not drafts:
            return []
        for d in drafts:
            if d.quote is None:
                d.quote = ctx.quote_at(d.trigger.idx)
            if d.noun is not None:
                ctx.event_nouns.add(d.noun.i)
        self._relate(drafts)
        return self._records(ctx, drafts)

    def _candidates(self, doc: Doc) -> list[tuple[Token, str]]:
        """Tokens whose lemma is in a lexicon (cheap integer tests on the doc's arrays, a Token made
        only for the verbs they leave), outside headings."""
        out: list[tuple[Token, str]] = []
        vkeys, nkeys, dkeys = self.verb_keys, self.noun_keys, self.deontic_keys
        amod, aux, vb, nominal = self.amod_id, self.aux_id, self.vb_id, self.nominal_dep_ids
        rows: list[list[int]] = doc.to_array([POS_ATTR, DEP_ATTR, TAG_ATTR, LEMMA_ATTR, LOWER_ATTR]).tolist()
        for i, (pos, dep, tag, lemma_id, lower_id) in enumerate(rows):
            if pos in _VERBISH and (dep == amod or (pos == ADJ and lower_id not in vkeys)):
                continue  # "the detained journalists"; "assets ... frozen" is listed as it is written
            if pos == VERB and dep in nominal:
                pos = NOUN  # a verb tag in a noun's place ("nothing but promises") is a tagging slip
            if pos in _VERBISH:
                if lemma_id in vkeys or lower_id in vkeys:
                    out.append((doc[i], "verb"))
                elif pos == VERB and tag != vb:  # inflected: "staged" is lemmatised "stag"
                    tok = doc[i]
                    if any(f in self.verbs for f in verb_forms(tok)[1:]):
                        out.append((tok, "verb"))
            elif pos in _NOUNISH:
                if lemma_id in nkeys or lower_id in nkeys:
                    out.append((doc[i], "noun"))
            elif lower_id in dkeys and dep == aux:
                out.append((doc[i], "deontic"))
        context = article_context(doc)
        if context.headings:
            out = [(t, k) for t, k in out if not context.in_heading(t.idx)]
        return out

    def _entry(self, tok: Token, table: dict[str, tuple[plover.Entry, ...]]) -> plover.Entry | None:
        rows = table.get(lemma(tok)) or table.get(tok.lower_)
        if rows is None and tok.pos == VERB:
            rows = next((table[f] for f in verb_forms(tok)[1:] if f in table), None)
        for row in rows or ():
            if all(self._holds(c, tok) for c in row.conditions):
                return row
        return None

    def _holds(self, cond: plover.Condition, tok: Token) -> bool:
        values = cond.values
        kind = cond.kind
        hit = False
        if kind == "obj":
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr")]
            objs += [k for o in objs for k in o.conjuncts]
            if "*" in values:
                hit = bool(objs)
            else:
                for obj in objs:
                    hit = _word_in(obj, values) or any(
                        _word_in(p, values)
                        for c in obj.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children
                        if p.dep_ == "pobj"
                    )
                    if hit:
                        break
        elif kind == "prep":
            hit = any(
                c.dep_ in ("prep", "prt", "agent", "advmod") and c.lower_ in values and not _temporal(c)
                for c in tok.children
            )
        elif kind == "subj":
            hit = any(c.dep_ in ("nsubj", "nsubjpass") and _word_in(c, values) for c in tok.children)
        elif kind == "comp":
            hit = any(
                c.dep_ in ("xcomp", "ccomp")
                or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
                for c in tok.children
            )
        elif kind == "mod":
            hit = any(
                c.dep_ in ("compound", "amod", "nmod", "npadvmod") and _word_in(c, values)
                for c in tok.children
            )
        elif kind == "head":
            hit = tok.head.i != tok.i and _word_in(tok.head, values)
        elif kind == "near":
            sent = tok.sent
            lo, hi = max(sent.start, tok.i - 10), min(sent.end, tok.i + 11)
            hit = any(lemma(t) in values for t in tok.doc[lo:hi])
        return hit != cond.negated

    def _drafts(self, ctx: Context, candidates: list[tuple[Token, str]]) -> list[Draft]:
        out: list[Draft] = []
        for tok, kind in candidates:
            if kind == "verb":
                entry = self._entry(tok, self.verbs)
                if entry is None or entry.type is None:
                    continue
                end = tok.i + 1
                prts = [c.i for c in tok.children if c.dep_ == "prt" and c.i == end]
                if prts:
                    end += 1
                out.append(Draft(tok, end, entry, entry.type, entry.mode, "verb", tok))
            elif kind == "noun":
                entry = self._entry(tok, self.nouns)
                if entry is None or entry.type is None:
                    continue
                place = self._noun_place(ctx, tok, entry.type)
                if place is None:
                    continue
                how, anchor = place
                start = tok.i
                for c in tok.children:  # "phone call", "air strike": the modifier the row needs
                    if c.dep_ in ("compound",) and c.i == start - 1 and c.lower_ in _cond_words(entry):
                        start = c.i
                out.append(
                    Draft(tok.doc[start], tok.i + 1, entry, entry.type, entry.mode, how, anchor, noun=tok)
                )
        return out

    def _noun_place(self, ctx: Context, noun: Token, etype: str) -> tuple[str, Token] | None:
        """How the text reports an event noun, and the verb of its clause; None when it is no event
        of its own (a mention in passing)."""
        pos = _position(noun)
        head, dep = pos.head, pos.dep_
        objective = dep in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX")
        if objective and self._class(head, self.support) == "-":
            return "support", head
        if dep == "pobj" and head.dep_ in ("prep", "prt", "agent"):
            verb = head.head
            if self._class(verb, self.support) == head.lower_:
                return "support", verb
        for child in pos.children:
            if child.dep_ in ("relcl", "acl") and self._class(child, self.support) == "-":
                return "relcl", child
        if dep in ("nsubj", "nsubjpass") and self._class(head, self.happen) is not None:
            return "happen", head
        if _own_actor_heads(ctx, noun, etype) or _joint_heads(noun):
            return "own", noun
        if dep == "pobj" and head.lower_ in _OCCASION_PREPS and head.head.pos == VERB:
            return "occasion", head.head
        return None

    @staticmethod
    def _class(tok: Token, table: dict[str, str]) -> str | None:
        """The value of a verb in a word class, trying the forms of :func:`verb_forms`; a phrasal
        verb is another verb ("held talks", but "held up agreement")."""
        if any(c.dep_ == "prt" and c.lower_ in _PARTICLES for c in tok.children):
            return None
        for form in verb_forms(tok) if tok.pos == VERB else [lemma(tok)]:
            if form in table:
                return table[form]
        return None

    def _deontic(self, ctx: Context, auxes: list[Token]) -> list[Draft]:
        """ "North Korea must ...", said or quoted: a REQUEST of the speaker to the subject."""
        out: list[Draft] = []
        for aux in auxes:
            verb = aux.head
            if verb.pos != VERB:
                continue
            agents, _ = args.subjects(verb)
            if not agents or any(a.lower_ in plover.word_class("first") for a in agents):
                continue
            speaker = self._speaker(ctx, verb)
            if speaker is None:
                continue
            targets = args.resolve_heads(ctx, agents)
            if not targets or any(
                _same(t, speaker) or (t["code"], t["sector"]) == (speaker["code"], speaker["sector"])
                for t in targets
            ):
                continue  # what one asks of oneself is no request
            draft = Draft(aux, aux.i + 1, _DEONTIC_ENTRY, "REQUEST", None, "deontic", verb, speaker=speaker)
            draft.quote = ctx.quote_at(verb.idx)
            out.append(draft)
        return out

    def _speaker(self, ctx: Context, verb: Token) -> dict[str, Any] | None:
        """Who says the clause of ``verb``: its quote's speaker, else the subject of a verb of
        saying in the sentence ("..., announced Secretary of State Rex Tillerson")."""
        n = ctx.quote_at(verb.idx)
        if n is not None and ctx.quotes[n].get("speaker"):
            eid = ctx.quotes[n]["speaker"]
            code, sector = ctx.entity_code(eid)
            q = ctx.quotes[n]
            if code and q.get("speaker_start") is not None:
                return args.actor_record(ctx, eid, q["speaker_start"], q["speaker_end"], code, sector)
            if code:
                return args.actor_record(ctx, eid, verb.idx, verb.idx, code, sector)
        sent = verb.sent
        for tok in sent:
            if tok.pos != VERB or lemma(tok) not in self.reporting or tok.i == verb.i:
                continue
            related = tok in list(verb.ancestors) or tok.head.i == verb.i or tok.i == verb.head.i
            if not related:
                continue
            agents, _ = args.subjects(tok)
            if not agents:
                agents = [c for c in tok.children if c.dep_ == "dobj" and ctx.index.get(c.i)]
            refs = args.resolve_heads(ctx, agents)
            if refs:
                return refs[0]
        return None

    # -- relating --------------------------------------------------------------------------
    def _relate(self, drafts: list[Draft]) -> None:
        """Content, topics, pass-through verbs and merges (module docstring, point 2)."""
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
                d.outer, d.relation = self._outer(d, heads)
        for d in drafts:  # negation first: "did not agree to meet" is a REJECT of a meeting
            d.mod = self._modality(d)
            if d.mod.negated and d.entry.negated_type:
                d.type, d.mode = d.entry.negated_type, None
                d.mod = Modality(hypothetical=d.mod.hypothetical)
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
            elif d.type == outer.type and (d.relation == "topic" or not self._own_subject(d)):
                d.parent = outer
        casualty = plover.word_class("casualty")
        for d in drafts:
            if d.dropped or d.parent is not None or d.outer is not None:
                continue
            if self._own_subject(d) and not (
                d.how == "verb" and d.anchor.dep_ == "conj" and lemma(d.trigger) in casualty
            ):
                continue  # "23 were killed and 60 wounded": one attack
            above = self._above(d, heads)
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
                if change is not None:
                    new_type, new_mode = change
                    if new_type != "=":
                        d.type = new_type
                        d.mode = None
                    if new_mode != "=":
                        d.mode = new_mode

    def _outer(self, d: Draft, heads: dict[int, Draft]) -> tuple[Draft | None, str]:
        if d.noun is not None:
            pos = _position(d.noun)
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
            infinitive = cur.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
            )
            governor = heads.get(cur.head.i)
            if (
                infinitive
                and governor is not None
                and governor.how == "verb"
                and governor.type in _TAKES_CLAUSE
            ):
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

    def _above(self, d: Draft, heads: dict[int, Draft]) -> Draft | None:
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

    def _own_subject(self, d: Draft) -> bool:
        if d.how == "deontic":
            return True
        if d.how == "own":
            return True
        if d.how in ("verb", "support", "relcl"):
            agents, passive = args.subjects(d.anchor)
            return bool(agents) or (bool(passive) and d.how == "verb")
        return False

    def _modality(self, d: Draft) -> Modality:
        if d.how == "deontic":
            return Modality()
        if d.how == "own":
            return args.noun_modality(d.anchor)
        noun = d.noun if d.how == "support" else None
        return args.modality(d.anchor, self.reporting, d.quote is not None, noun)

    # -- records ---------------------------------------------------------------------------
    def _records(self, ctx: Context, drafts: list[Draft]) -> list[dict[str, Any]]:
        kept = [d for d in drafts if not d.dropped and d.parent is None]
        kept.sort(key=lambda d: d.trigger.i)
        records: list[tuple[Draft, dict[str, Any]]] = []
        noun_records: dict[int, dict[str, Any]] = {}
        demands = {d.anchor.i: d for d in drafts if d.type == "REQUEST" and d.how == "verb"}
        for d in kept:
            rec = self._record(ctx, d, demands)
            if rec is not None:
                records.append((d, rec))
                if d.noun is not None and rec["actor"]:
                    noun_records[d.noun.i] = rec
        for d, rec in records:
            if not rec["recipient"] and d.how in ("verb", "deontic") and d.verbal:
                for c in d.anchor.children:  # "criticized sanctions which the US imposed" -> USA
                    if c.dep_ == "dobj" and c.i in noun_records:
                        noun_rec = noun_records[c.i]
                        own = any(_same(a, b) for a in noun_rec["actor"] for b in rec["actor"])
                        # "eased the curfew it imposed in Guinea": those the curfew was imposed on
                        refs = noun_rec["recipient"] if own else noun_rec["actor"]
                        rec["recipient"] = [dict(a) for a in refs]
        links = self._magnitudes(ctx, [d for d, _ in records], [r for _, r in records])
        contexts = _Contexts(ctx.doc)
        out: list[dict[str, Any]] = []
        for k, (d, rec) in enumerate(records):
            rec["id"] = f"v{len(out) + 1}"
            rec["context"] = contexts.of(d, rec)
            for count in links.get(k, []):
                count["event"] = rec["id"]
            out.append(rec)
        return out

    def _record(self, ctx: Context, d: Draft, demands: dict[int, Draft]) -> dict[str, Any] | None:
        doc = ctx.doc
        actors, recipients, joint = self._arguments(ctx, d, d.quote)
        for x in d.merged:  # "attacked Israel, killing 1,200 people": one event, all its arguments
            more = self._arguments(ctx, x, x.quote)
            if not actors:
                actors = more[0]
            recipients += more[1]
            joint += more[2]
        if "swap" in d.entry.flags:
            actors, recipients = recipients, actors
        if d.type == "MOBILIZE" and len({a["code"] for a in actors + joint if a["code"]}) > 1:
            d.type = "COOPERATE"  # joint exercises and patrols (manual, MOBILIZE)
        etype, mode, mod = self._final_type(d, actors)
        joint_ok = (self.types[etype].joint and mode != "visit") or (
            "joint" in d.entry.flags and etype == d.type
        )
        if joint_ok:
            actors, recipients = actors + recipients + joint, []
        else:
            actors, recipients = actors, recipients + joint
        actors = _unique(actors)
        recipients = [r for r in _unique(recipients) if not any(_same(r, a) for a in actors)]
        if etype == "PROTEST" and actors and all(a["sector"] in ("GOV", "LEG", "JUD") for a in actors):
            if mode in (None, "demo"):
                etype, mode = "ACCUSE", "disapprove"  # a diplomatic protest (manual, PROTEST)
            elif mode == "boycott":
                etype, mode = "SANCTION", "discontinue"  # a state's boycott reduces relations
        if (
            etype == "PROTEST"
            and mode == "obstruct"
            and actors
            and all(a["sector"] in _STATE for a in actors)
        ):
            etype, mode = "COERCE", "restrict"  # police blocking roads
        info = self.types[etype]
        if info.verbal and not actors and not (recipients and args.is_passive(d.anchor)):
            return None  # who said it is unknown, and not because the text leaves it out
        if not (actors or recipients) and d.how in ("happen", "occasion"):
            return None  # "the war began": nothing said of who did what to whom
        mode = mode or self._cued_mode(d, etype)
        sent = d.trigger.sent
        scope = _scope(d)
        date, date_text = args.event_date(ctx, scope, d.anchor, d.trigger)
        taken = [(a["start"], a["end"]) for a in actors]
        location = args.event_location(ctx, scope, d.anchor, etype == "ASSAULT", taken)
        if not recipients and etype == "PROTEST":
            recipients = self._demand_recipients(ctx, d, demands)
        if (
            not recipients
            and etype in _PLACE_RECIPIENT
            and location
            and location.get("country")
            and not joint_ok
        ):
            # a protest, a curfew, an attack in a place is directed at that place's country
            sector = "GOV" if etype == "PROTEST" else "CVL"
            recipients = [
                args.actor_record(ctx, None, location["start"], location["end"], location["country"], sector)
            ]
        if not recipients and etype == "PROTEST" and actors and actors[0]["sector"] not in ("GOV",):
            first = actors[0]  # protesters protest to their own government
            recipients = [args.actor_record(ctx, None, first["start"], first["end"], first["code"], "GOV")]
        if not actors and etype == "PROTEST" and location and location.get("country"):
            # "thousands of teachers protested in Nairobi": people of the place
            actors = [
                args.actor_record(ctx, None, location["start"], location["end"], location["country"], "CVL")
            ]
        protesters = args.subjects(d.anchor)[0] if d.how in ("verb", "support") else []
        if not actors and etype == "PROTEST" and protesters and recipients and recipients[0]["code"]:
            # "Islamic fundamentalists ... to demand the resignation of Algerian President ...":
            # people of the country whose government they protest to
            span = args.span_of(protesters[0])
            sector = sector_of(ctx.text[span[0] : span[1]]) or "CVL"
            actors = [args.actor_record(ctx, None, *span, recipients[0]["code"], sector)]
        if not actors and etype in ("ASSAULT",) and location and location.get("country") and d.how != "own":
            # "a roadside bombing near Samarra killed ...": PLOVER's unidentified actor (UNK)
            actors = [
                args.actor_record(ctx, None, location["start"], location["end"], location["country"], "UNK")
            ]
        if (
            etype == "COERCE"
            and not actors
            and location
            and location.get("country")
            and args.is_passive(d.anchor)
        ):
            # "was arrested in Lebanon": by the authorities of the place
            actors = [
                args.actor_record(ctx, None, location["start"], location["end"], location["country"], "COP")
            ]
        start, end = d.trigger.idx, doc[d.end - 1].idx + len(doc[d.end - 1].text)
        trigger = {"text": ctx.text[start:end], "start": start, "end": end}
        return {
            "id": "",
            "text": trigger["text"],
            "start": start,
            "end": end,
            "event_type": etype,
            "mode": mode,
            "context": [],
            "actor": actors,
            "recipient": recipients,
            "date": date,
            "date_text": date_text,
            "location": location,
            "trigger": trigger,
            "sentence": _sentence_span(sent),
            "magnitudes": {},
            "quad": info.quad,
            "cameo": plover.cameo_root(etype, mode),
            "negated": mod.negated,
            "hypothetical": mod.hypothetical,
            "future": mod.future,
            "quote": d.quote,
        }

    def _final_type(self, d: Draft, actors: list[dict[str, Any]]) -> tuple[str, str | None, Modality]:
        """Type, mode and auxiliary modes after PLOVER's rules for what is not (yet) a fact:
        an offer or commitment to cooperate is AGREE (future cooperation too), a future retreat a
        CONCEDE, a conditional or announced readiness to use force a THREATEN."""
        etype, mode = d.type, d.mode
        mod = Modality(d.mod.negated, d.mod.hypothetical, d.mod.future)
        if mod.negated:
            if etype == "AGREE":  # "failed to reach agreement", "no deal was reached"
                return "REJECT", None, Modality()
            return etype, mode, mod
        quad = self.types[etype].quad_code
        irrealis = d.mod.intent or (d.mod.conditional and (mod.future or mod.hypothetical))
        if irrealis:
            if quad in (1, 2) and not (etype == "RETREAT" and d.mod.conditional):
                return "AGREE", None, Modality()  # "willing to", "would meet if": an offer
            if quad == 4 or etype == "RETREAT":
                return "THREATEN", self._threat_mode(etype, mode), Modality()
        if mod.future and not mod.hypothetical:
            if etype in _FUTURE_AGREE:
                return "AGREE", None, Modality()
            if etype == "RETREAT":
                return "CONCEDE", None, Modality()
            if quad == 4 and etype != "MOBILIZE":  # "said they would blockade Paris": announced force
                return "THREATEN", self._threat_mode(etype, mode), Modality()
        return etype, mode, mod

    @staticmethod
    def _threat_mode(etype: str, mode: str | None) -> str | None:
        change = plover.content_of("THREATEN", etype, mode)
        return change[1] if change and change[1] != "=" else None

    def _arguments(
        self, ctx: Context, d: Draft, quote: int | None
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """Actor, recipient and joint-actor records of a draft."""
        info = self.types[d.type]
        preps = set(info.recipient_preps)
        if d.mode == "visit" or d.entry.mode == "visit":
            preps |= {"to", "in"}
        if d.mode == "withdraw" or d.entry.mode == "withdraw":
            preps |= {"from"}  # "withdraw inspectors from Iraq"
        agent_heads: list[Token] = []
        recipient_heads: list[Token] = []
        joint_heads: list[Token] = []
        noun = d.noun
        event_nouns = {noun.i, *(c.i for c in noun.conjuncts)} if noun is not None else set()
        places = not info.verbal
        joint_type = info.joint or "joint" in d.entry.flags
        if d.how == "deontic":
            recipient_heads = args.subjects(d.anchor)[0]
            actors = [d.speaker] if d.speaker else []
            return actors, args.resolve_heads(ctx, recipient_heads, places=places), []
        clause = d.anchor
        if d.how in ("verb", "support", "relcl", "occasion"):
            agents, passive = args.subjects(clause)
            if "stative" in d.entry.flags and not agents:  # "Moscow was committed to ..."
                agents, passive = passive, []
            if d.how != "occasion":
                recipient_heads += [p for p in passive if p.i not in event_nouns]
            if not agents and d.how in ("verb", "support"):
                source = d.actor_from.anchor if d.actor_from is not None else clause
                extra: list[Token] = []
                agents = args.subjects(source)[0]
                if not agents:
                    agents, extra = args.inherited(source)
                elif d.actor_from is not None and not passive:  # "ordered the assets (to be) frozen"
                    extra = [c for c in source.children if c.dep_ == "dobj" and c.i not in event_nouns]
                recipient_heads += extra
                if not passive:
                    recipient_heads += args.passive_inherited(clause)
            agent_heads += agents
        if d.how in ("verb", "support") and d.type == "MOBILIZE":
            # "mobilized reservists for a possible war against Iraq": the target of the purpose
            objects = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
            purposes = [p for o in objects for p in _prep_objects(o, {"for"})]
            recipient_heads += [r for p in purposes for r in _prep_objects(p, {"against"})]
        if d.how in ("verb", "support"):
            for c in clause.children:
                if c.dep_ in ("dobj", "dative") and c.i not in event_nouns:
                    if c.dep_ == "dobj" and c.i not in ctx.event_nouns:  # "threatened action against Russia"
                        object_preps = preps - {"from"}
                        if d.type == "REQUEST":  # "demanded a truce with Moslem forces"
                            object_preps |= {"with"}
                        more = [p for o in (c, *c.conjuncts) for p in _prep_objects(o, object_preps)]
                        if joint_type and "joint" in d.entry.flags:
                            joint_heads += more
                        else:
                            recipient_heads += more
                    if c.dep_ == "dobj" and not info.object_is_recipient and c.i not in ctx.index:
                        continue  # "deployed troops": the troops are no recipient
                    (
                        joint_heads if "joint" in d.entry.flags and c.dep_ == "dobj" else recipient_heads
                    ).append(c)
                elif c.dep_ in ("prep", "prt") and c.lower_ in preps | {"with"}:
                    pobjs = [p for p in c.children if p.dep_ == "pobj" and p.i not in event_nouns]
                    if c.lower_ == "with" and joint_type:
                        joint_heads += pobjs
                    elif c.lower_ != "with" or "with" in preps:
                        recipient_heads += pobjs
        own = False
        if noun is not None:
            if not agent_heads:
                agent_heads += _own_actor_heads(ctx, noun, d.type, tokens_only=True)
                own = bool(agent_heads)
            # "a mediation effort between X and Y": the word carrying the noun has its phrases
            carried = noun.dep_ == "compound" and lemma(noun.head) in plover.word_class("carrier")
            holders = [noun, noun.head] if carried else [noun]
            joint_heads += [j for h in holders for j in _joint_heads(h)]
            if d.how in ("relcl", "support"):  # "an agreement reached between the Philippines and China"
                joint_heads += _joint_heads(d.anchor)
            noun_preps = preps | ({"of"} if info.object_is_recipient else set())  # "invasion of Lebanon"
            for c in (c for h in holders for c in h.children):
                if c.dep_ == "prep" and c.lower_ in noun_preps | {"with"}:
                    pobjs = [p for p in c.children if p.dep_ == "pobj"]
                    if c.lower_ in ("with", "of") and joint_type:
                        joint_heads += pobjs
                    elif c.lower_ != "with" or "with" in preps:
                        recipient_heads += pobjs
        actors = args.resolve_heads(ctx, agent_heads, places=places)
        if noun is not None:
            if own:
                actors = [_as_state(ctx, a, d.type) for a in actors]
            if not actors:
                actors = _modifier_actors(ctx, noun, d.type)
            undoing = d.outer is None or d.outer.type in _UNDOING  # "eased the curfew imposed in ..."
            if not actors and d.how == "relcl" and not info.verbal and undoing:
                actors = self._governor_actors(ctx, noun)
        speech = d.how == "verb" and not agent_heads and not joint_heads and not recipient_heads
        if not actors and quote is not None and d.type in _SPEECH_TYPES and speech:
            speaker = ctx.quotes[quote].get("speaker")
            if speaker:
                code, sector = ctx.entity_code(speaker)
                q = ctx.quotes[quote]
                if code and q.get("speaker_start") is not None:
                    actors = [
                        args.actor_record(ctx, speaker, q["speaker_start"], q["speaker_end"], code, sector)
                    ]
        recipients = args.resolve_heads(ctx, recipient_heads, places=places, recipient=True)
        if not recipients and info.verbal:
            recipients = self._content_recipients(ctx, d, noun if noun is not None else clause)
        purpose = clause.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        )
        if not recipients and d.how == "verb" and purpose and not joint_heads:
            # "sent 21 officers to Bosnia to investigate ...": where they were sent
            sent_to = [
                p
                for c in clause.head.children
                if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            recipients = args.resolve_heads(ctx, sent_to, places=False, recipient=True)
        if not recipients and d.how in ("verb", "support") and info.quad_code in (1, 2) and not joint_type:
            # "opened the bridge to allow the delivery of grain to Afghanistan": for whom it was done
            for c in clause.children:
                if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    objects = [c, *(o for o in c.children if o.dep_ == "dobj")]
                    heads = [p for o in objects for p in _prep_objects(o, {"to", "for"})]
                    recipients = args.resolve_heads(ctx, heads, places=False, recipient=True)
                    if recipients:
                        break
        joint = args.resolve_heads(ctx, joint_heads, places=places)
        return actors, recipients, joint

    def _demand_recipients(self, ctx: Context, d: Draft, demands: dict[int, Draft]) -> list[dict[str, Any]]:
        """A protest's recipient named in what it demands: "went on hunger strike to demand the
        resignation of Algerian President ..." (a demand in a clause below the protest's)."""
        for x in (d.anchor, *([d.noun] if d.noun is not None else [])):
            for tok in x.subtree:
                demand = demands.get(tok.i)
                if demand is None or tok.i == x.i:
                    continue
                cur = tok
                while cur.i != x.i and cur.dep_ in _PURPOSE_DEPS:
                    cur = cur.head
                if cur.i == x.i:
                    found = self._arguments(ctx, demand, demand.quote)[1]
                    if found:
                        return found
        return []

    def _governor_actors(self, ctx: Context, noun: Token) -> list[dict[str, Any]]:
        """The state actor of an event noun whose clause names no doer, when it is the object of
        what that actor does: "Bashir shortened the curfew imposed in Sudan" (a subject of a
        complement clause counts: the parser's reading of such objects)."""
        pos = _position(noun)
        if pos.dep_ == "dobj":
            verb = pos.head
        elif pos.dep_ == "nsubj" and pos.head.dep_ == "ccomp":
            verb = pos.head.head
        else:
            return []
        if verb.pos != VERB or lemma(verb) in self.reporting:
            return []
        refs = args.resolve_heads(ctx, args.subjects(verb)[0])
        if refs and all(r["code"] and r["sector"] in _STATE_ACTORS for r in refs):
            return refs
        return []

    def _content_recipients(self, ctx: Context, d: Draft, base: Token) -> list[dict[str, Any]]:
        """Recipients of a verbal event named in what it says: "demanded that Israel withdraw",
        "offered to hand over to Great Britain", "threatened to break relations with Russia"."""
        for inner in d.contents:
            inner_actors, inner_recipients, _ = self._arguments(ctx, inner, inner.quote)
            found = inner_actors if d.type == "REQUEST" and inner.how != "own" else inner_recipients
            if found:
                return found
        heads: list[Token] = []
        for c in base.subtree:  # "threatened ... unless the Kremlin closed its base": the Kremlin
            conditional = c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
            )
            if conditional and d.type in ("THREATEN", "AGREE"):
                heads += args.subjects(c)[0]
        for c in base.children:
            if c.dep_ in ("ccomp", "xcomp", "acl") and c.pos_ in ("VERB", "AUX"):
                agents = args.subjects(c)[0]
                if d.type in ("REQUEST", "REJECT") and agents:
                    heads += agents  # "demanded that Israel withdraw"
                    continue
                if d.type in ("THREATEN", "REJECT"):  # "threatened to attack Israel"
                    heads += [x for x in c.children if x.dep_ in ("dobj", "dative") and x.i in ctx.index]
                heads += _prep_objects(c, frozenset({"to", "with", "against", "on", "from"}))
        found = args.resolve_heads(ctx, heads, places=False, recipient=True)
        if found or d.type not in ("THREATEN", "AGREE", "REJECT"):
            return found
        # "threatened to institute a curfew in Algiers", "refused to deploy troops in Iraq"
        for inner in d.contents:
            if inner.type in _PLACE_RECIPIENT or inner.type == "MOBILIZE":
                place = args.event_location(ctx, _scope(inner), inner.anchor, inner.type == "ASSAULT", [])
                if place and place.get("country"):
                    return [
                        args.actor_record(ctx, None, place["start"], place["end"], place["country"], "CVL")
                    ]
        return []

    def _cued_mode(self, d: Draft, etype: str) -> str | None:
        cues = plover.mode_cues(etype)
        if not cues.single and not cues.double:
            return None
        tokens: list[Token] = []
        if etype in ("REQUEST", "REJECT"):  # what is asked for or refused
            for x in (d, *d.merged):
                base = x.noun if x.noun is not None else x.anchor
                for c in base.children:
                    if c.dep_ in ("xcomp", "ccomp", "dobj") or (
                        c.dep_ == "prep" and c.lower_ in ("for", "to")
                    ):
                        tokens.extend(c.subtree)
            found = cues.find([lemma(t) for t in sorted(set(tokens), key=lambda t: t.i)])
            return found[0] if found else None
        for x in (d, *d.merged):
            tokens.extend(_phrase(x.noun if x.noun is not None else x.trigger))
            if x.how in ("support", "occasion", "relcl"):
                for c in x.anchor.children:
                    if c.dep_ in ("nsubj", "nsubjpass", "agent", "prep"):
                        tokens.extend(_phrase(c))
        seen: set[int] = set()
        ordered = []
        for t in sorted(tokens, key=lambda t: t.i):
            if t.i not in seen:
                seen.add(t.i)
                ordered.append(lemma(t))
        found = cues.find(ordered)
        if not found:
            return None
        rank = {m.name: n for n, m in enumerate(plover.modes().get(etype, ()))}
        return min(found, key=lambda m: rank.get(m, 99))

    def _magnitudes(
        self, ctx: Context, drafts: list[Draft], records: list[dict[str, Any]]
    ) -> dict[int, list[dict[str, Any]]]:
        """Counts that belong to an event (dead, injured, size, ...): from the counts component, or,
        without it, from casualty verbs ("killing 1,200 people"). Returns the count records linked
        to each event (by position), for their ``event`` field."""
        links: dict[int, list[dict[str, Any]]] = {}
        if ctx.counts is None:
            for d, rec in zip(drafts, records, strict=True):
                for x in (d, *d.merged):
                    for key, value in args.casualty_counts(x.trigger).items():
                        rec["magnitudes"].setdefault(key, value)
            return links
        for count in ctx.counts:
            field_name = args.COUNT_FIELDS.get(count.get("kind") or "")
            if field_name is None or count.get("value") is None:
                continue
            best: tuple[int, int] | None = None
            for n, rec in enumerate(records):
                sent = rec["sentence"]
                if (
                    not sent["start"] <= count["start"] < sent["end"]
                    or rec["event_type"] not in _COUNT_TYPES[field_name]
                ):
                    continue
                dist = abs(count["start"] - rec["start"])
                if best is None or dist < best[0]:
                    best = (dist, n)
            if best is None:
                continue
            records[best[1]]["magnitudes"].setdefault(field_name, int(count["value"]))
            links.setdefault(best[1], []).append(count)
        return links


class _Contexts:
    """PLOVER contexts cued per sentence, and the article's strongest contexts."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cues = plover.context_cues()
        self.by_sent: dict[int, list[str]] = {}
        self._doc_level: list[str] | None = None
        self._lemma_list: list[str] | None = None

    def _lemmas(self) -> list[str]:
        """:func:`lemma` of every token, read from the doc's array (no Token per word)."""
        if self._lemma_list is None:
            ids: list[int] = self.doc.to_array(LEMMA_ATTR).tolist()
            strings = self.doc.vocab.strings
            table = {h: strings[h].lower() for h in set(ids)}
            self._lemma_list = [table[h] for h in ids]
        return self._lemma_list

    def _sentence(self, sent: Span) -> list[str]:
        found = self.by_sent.get(sent.start)
        if found is None:
            found = self.by_sent[sent.start] = self.cues.find(self._lemmas()[sent.start : sent.end])
        return found

    def _document(self) -> list[str]:
        if self._doc_level is None:
            counts: Counter[str] = Counter()
            kinds: dict[str, set[str]] = {}
            starts = self.cues.words()
            lemmas = self._lemmas()
            for k, word in enumerate(lemmas):
                if word not in starts:
                    continue
                for value in self.cues.find(lemmas[k : k + 2])[:4]:
                    counts[value] += 1
                    kinds.setdefault(value, set()).add(word)
            self._doc_level = [c for c, n in counts.most_common(3) if n >= 3 and len(kinds[c]) >= 2]
        return self._doc_level

    def of(self, d: Draft, rec: dict[str, Any]) -> list[str]:
        out = list(dict.fromkeys([*self._sentence(d.trigger.sent), *self._document()]))
        mode = rec["mode"]
        if mode in ("cyber", "misinformation") and mode not in out:
            out.append(mode)
        if mode == "unconventional" and "cbrn" not in out:
            out.append("cbrn")
        return out


#: Dependencies that start a clause of its own: cue words there say nothing of this event's mode.
_CLAUSAL = frozenset({"ccomp", "advcl", "conj", "relcl", "acl", "parataxis", "xcomp", "csubj", "cc", "punct"})


def _phrase(tok: Token) -> list[Token]:
    """``tok`` and the words that depend on it within its own clause."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ not in _CLAUSAL]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSAL)
    return out


def _scope(d: Draft) -> set[int]:
    """Token indexes of the event's own words (its trigger's and its clause's phrases)."""
    scope: set[int] = set()
    for x in (d, *d.merged):
        scope.update(t.i for t in _phrase(x.noun if x.noun is not None else x.trigger))
        if x.how != "own":
            scope.update(t.i for t in _phrase(x.anchor))
    return scope


def _sentence_span(sent: Span) -> dict[str, int]:
    """The sentence's characters without the line breaks that end a paragraph."""
    last = sent.end - 1
    while last > sent.start and sent.doc[last].is_space:
        last -= 1
    tok = sent.doc[last]
    return {"start": sent.start_char, "end": tok.idx + len(tok.text)}


def _temporal(prep: Token) -> bool:
    """ "on Monday", "in March": a preposition whose object is a date or time."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _prep_objects(tok: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions in ``preps``."""
    return [
        p
        for c in tok.children
        if c.dep_ in ("prep", "prt") and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _position(noun: Token) -> Token:
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


def _word_in(tok: Token, values: frozenset[str]) -> bool:
    return (
        lemma(tok) in values
        or tok.lower_ in values
        or (bool(tok.ent_type_) and f"@{tok.ent_type_}" in values)
    )


def _cond_words(entry: plover.Entry) -> frozenset[str]:
    return frozenset(v for c in entry.conditions if c.kind == "mod" for v in c.values)


def _own_actor_heads(ctx: Context, noun: Token, etype: str, *, tokens_only: bool = False) -> list[Token]:
    """Words naming who did an event noun: "Tillerson's call", "an attack by militants", "its
    incursion"; a named modifier counts for material events ("Israeli airstrikes", "US sanctions")
    and for meetings of two named sides ("US-China talks")."""
    out: list[Token] = []
    named: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss":
            out.append(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ == "by":
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif (
            c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.index and ctx.entity_code(ctx.index[c.i])[0]
        ):
            named.append(c)
    if tokens_only:
        return out
    if named:
        codes = {ctx.entity_code(ctx.index[c.i])[0] for c in named}
        if (
            not plover.event_types()[etype].verbal
            or etype in ("REQUEST", "ACCUSE", "THREATEN")
            or len(codes) > 1
        ):
            out.extend(named)
    return out


def _as_state(ctx: Context, ref: dict[str, Any], etype: str) -> dict[str, Any]:
    """A country or nationality named as the doer of an event noun ("Israel's offensive") is its
    state: military for force, government otherwise."""
    ent = ctx.entities.get(ref["entity"] or "")
    if etype == "PROTEST" or ent is None or ent["type"] not in ("GPE", "NORP"):
        return ref  # "Palestinian riots": people, not the state
    if ref["sector"] in ("CVL", "GOV", None):
        return {**ref, "sector": "MIL" if etype in ("ASSAULT", "MOBILIZE") else "GOV"}
    return ref


def _modifier_actors(ctx: Context, noun: Token, etype: str) -> list[dict[str, Any]]:
    """Actors named by modifiers of an event noun: "Israeli airstrikes" is Israel's military,
    "US sanctions" the US government."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    left = [t for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
    for c in left:
        eid = ctx.index.get(c.i)
        if eid is None or eid in seen:
            continue
        code, sector = ctx.entity_code(eid)
        if not code:
            continue
        seen.add(eid)
        ent = ctx.entities[eid]
        if ent["type"] in ("GPE", "NORP") and etype != "PROTEST":
            sector = "MIL" if etype in ("ASSAULT", "MOBILIZE") else "GOV"
        out.append(args.actor_record(ctx, eid, c.idx, c.idx + len(c.text), code, sector))
    if not plover.event_types()[etype].verbal or len(out) > 1 or etype in ("REQUEST", "ACCUSE", "THREATEN"):
        return out
    return []


def _joint_heads(noun: Token) -> list[Token]:
    """ "talks between X and Y", "clashes among ..." -> X, Y as actors."""
    return [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst")
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["entity"] is not None and a["entity"] == b["entity"]:
        return True
    return (
        a["entity"] is None and b["entity"] is None and a["code"] == b["code"] and a["sector"] == b["sector"]
    )


def _unique(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for ref in refs:
        if not any(_same(ref, o) for o in out):
            out.append(ref)
    return out
