"""The event records of a doc (PLOVER fields, see docs/events.md): for each draft left after the
relations, its final type and mode, actors and recipients, date and place, trigger and sentence
spans, auxiliary modes, magnitudes and contexts, with ids ``v1``, ``v2``, ... in text order; the
counts of its magnitudes are linked to it."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from ...resolve.actors import country_code
from .. import plover
from ..relevance import doc_relevance
from .actors import event_arguments, fill_in, share_joint
from .candidates import Lexicon
from .classify import final_type, is_joint, joint_mobilization, police_raid, state_protest
from .confidence import Evidence, confidence
from .context import Context
from .cues import Contexts, cued_mode
from .drafts import Draft, event_scope
from .figurative import as_criticism, is_figurative
from .magnitudes import magnitudes
from .references import same
from .syntax import is_passive, lemma
from .when_where import event_date, event_location


def event_records(lex: Lexicon, ctx: Context, drafts: list[Draft]) -> list[dict[str, Any]]:
    """The records of the drafts that are events of their own (not dropped, not merged), in text
    order; a verbal event with no recipient takes those of the event noun it is about."""
    kept = [d for d in drafts if not d.dropped and d.parent is None]
    kept.sort(key=lambda d: d.trigger.i)
    records: list[tuple[Draft, dict[str, Any]]] = []
    noun_records: dict[int, dict[str, Any]] = {}
    demands = {d.anchor.i: d for d in drafts if d.type == "REQUEST" and d.how == "verb"}
    for d in kept:
        rec = _record(lex, ctx, d, demands)
        if rec is not None:
            records.append((d, rec))
            if d.noun is not None and rec["actor"]:
                noun_records[d.noun.i] = rec
    for d, rec in records:
        if not rec["recipient"] and d.how in ("verb", "deontic") and d.verbal:
            for c in d.anchor.children:  # "criticized sanctions which the US imposed" -> USA
                if c.dep_ == "dobj" and c.i in noun_records:
                    noun_rec = noun_records[c.i]
                    own = any(same(a, b) for a in noun_rec["actor"] for b in rec["actor"])
                    # "eased the curfew it imposed in Guinea": those the curfew was imposed on
                    refs = noun_rec["recipient"] if own else noun_rec["actor"]
                    rec["recipient"] = [dict(a) for a in refs]
    answered(records)
    links = magnitudes(ctx, [d for d, _ in records], [r for _, r in records])
    contexts = Contexts(ctx.doc)
    relevance = doc_relevance(ctx.doc)
    people = {eid for eid, ent in ctx.entities.items() if ent.type == "PERSON"}
    places = {eid for eid, ent in ctx.entities.items() if ent.type in _PLACES}
    for d, rec in records:
        rec["context"] = contexts.of(d, rec)
        # "fought with the party leadership": criticism
        if is_figurative(d, rec, people, contexts.cued(d), places):
            as_criticism(rec)
        rec["confidence"] = confidence(Evidence.of(rec, d, relevance))
    kept_as = _one_per_happening([rec for _, rec in records])
    out: list[dict[str, Any]] = []
    for k, (_, rec) in enumerate(records):
        if kept_as[k] == k:
            rec["id"] = f"v{len(out) + 1}"
            out.append(rec)
    for k, (_, rec) in enumerate(records):
        keeper = records[kept_as[k]][1]
        if kept_as[k] != k:
            for name, value in rec["magnitudes"].items():
                keeper["magnitudes"].setdefault(name, value)
        for count in links.get(k, []):
            ctx.count_events[count] = keeper["id"]
    return out


#: How many sentences back the one answered is looked for.
ANSWER_WINDOW = 3


def _answers(d: Draft) -> bool:
    """The event answers someone: a verb of replying, or a verb with "back" ("fired back"); or it
    rejects charges no owner is named for ("rejected these accusations")."""
    anchor = d.anchor
    if lemma(anchor) in plover.word_class("reply"):
        return True
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in anchor.children):
        return True
    return d.type == "REJECT" and any(
        c.dep_ == "dobj"
        and lemma(c) in plover.word_class("charge")
        and not any(
            k.dep_ in ("poss", "compound", "amod") and k.pos_ in ("PROPN", "PRON") for k in c.children
        )
        for c in anchor.children
    )


def answered(records: list[tuple[Draft, dict[str, Any]]]) -> None:
    """An accusation or rejection that answers and names nobody is aimed at the actors of the last
    event before it, in this sentence or the few before, done by others: "Ryan said Trump must do
    more. Trump fired back ..." (USA -> Ryan's); "Russia accused the US of ... The Pentagon rejected
    these accusations" (-> RUS). For a rejection of charges, the last accusation."""
    for k, (d, rec) in enumerate(records):
        if rec["recipient"] or rec["event_type"] not in ("ACCUSE", "REJECT") or not rec["actor"]:
            continue
        if not _answers(d):
            continue
        charges = rec["event_type"] == "REJECT" and lemma(d.anchor) not in plover.word_class("reply")
        sent = d.trigger.sent.start
        for prev_d, prev in reversed(records[:k]):
            if prev_d.trigger.i >= d.trigger.i:
                continue
            back = sum(1 for t in d.trigger.doc[prev_d.trigger.sent.start : sent] if t.is_sent_start)
            if back > ANSWER_WINDOW:
                break
            if charges and prev["event_type"] != "ACCUSE":
                continue
            if not prev["actor"] or any(same(a, b) for a in prev["actor"] for b in rec["actor"]):
                continue
            rec["recipient"] = [dict(a) for a in prev["actor"]]
            break


def _sides(refs: list[dict[str, Any]]) -> frozenset[str]:
    """Who is on one side of an event: entity ids, else codes, else the words."""
    return frozenset(r.get("entity") or r.get("code") or r.get("text") or "" for r in refs)


def _same_happening(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two records of one sentence that report one happening: same type and status, and each side of
    one contains the other's (an unnamed side agrees with any)."""
    if a["event_type"] != b["event_type"] or a["sentence"] != b["sentence"]:
        return False
    if any(a[flag] != b[flag] for flag in ("negated", "hypothetical", "future")):
        return False
    for side in ("actor", "recipient"):
        x, y = _sides(a[side]), _sides(b[side])
        if not (x <= y or y <= x):
            return False
    return True


def _one_per_happening(records: list[dict[str, Any]]) -> list[int]:
    """For each record, the index of the record kept for its happening (itself when it is kept):
    of the records of one sentence that report the same happening ("criticized ... in a scathing
    attack"), the most confident, the earlier on a tie."""
    kept_as = list(range(len(records)))
    order = sorted(range(len(records)), key=lambda k: (-records[k]["confidence"], k))
    for rank, k in enumerate(order):
        if kept_as[k] != k:
            continue
        for j in order[rank + 1 :]:
            if kept_as[j] == j and _same_happening(records[k], records[j]):
                kept_as[j] = k
    return kept_as


def _record(lex: Lexicon, ctx: Context, d: Draft, demands: dict[int, Draft]) -> dict[str, Any] | None:
    """The record of one event; None when the text does not say who did it, or when a verb of
    speech is a participle naming a kind of thing ("pledged delegates", "the requested
    documents": a name for the delegates, no pledge told)."""
    doc = ctx.doc
    if d.how == "verb" and d.verbal and d.anchor.dep_ == "amod" and d.anchor.tag_ == "VBN":
        return None
    actors, recipients, joint = event_arguments(lex, ctx, d)
    joint_mobilization(d, actors, joint)
    etype, mode, mod = final_type(lex, d, actors, recipients)
    joint_ok = is_joint(lex, d, etype, mode)
    actors, recipients = share_joint(actors, recipients, joint, joint_ok)
    etype, mode = state_protest(etype, mode, actors)
    etype, mode = police_raid(d, etype, mode, actors)
    info = lex.types[etype]
    if info.verbal and not actors and not (recipients and is_passive(d.anchor)):
        return None  # who said it is unknown, and not because the text leaves it out
    if not (actors or recipients) and d.how in ("happen", "occasion"):
        return None  # "the war began": nothing said of who did what to whom
    mode = mode or cued_mode(d, etype)
    sent = d.trigger.sent
    scope = event_scope(d)
    date, date_text = event_date(ctx, scope, d.anchor, d.trigger)
    taken = [(a["start"], a["end"]) for a in actors]
    location = event_location(ctx, scope, d.anchor, etype == "ASSAULT", taken)
    actors, recipients = fill_in(lex, ctx, d, etype, location, actors, recipients, joint_ok, demands, mode)
    recipients = _others(ctx, etype, actors, recipients)
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


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _others(
    ctx: Context, etype: str, actors: list[dict[str, Any]], recipients: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The recipients that are someone other than the actors: never the actor itself (the same
    entity), and for a meeting or visit never a place of the actors' own country ("trips to Iowa
    and New Hampshire", "visited the state"): a place is a recipient only as a country acted upon,
    and a domestic trip meets no other party."""
    out = []
    codes = {a["code"] for a in actors if a["code"]}
    for r in recipients:
        if any(same(r, a) for a in actors):
            continue
        ent = ctx.entities.get(r["entity"]) if r["entity"] else None
        place = ent is not None and ent.type in _PLACES
        if etype == "CONSULT" and place and r["code"] in codes and country_code(r["text"]) != r["code"]:
            continue
        out.append(r)
    return out


def _sentence_span(sent: Span) -> dict[str, int]:
    """The sentence's characters without the line breaks that end a paragraph."""
    last = sent.end - 1
    while last > sent.start and sent.doc[last].is_space:
        last -= 1
    tok = sent.doc[last]
    return {"start": sent.start_char, "end": tok.idx + len(tok.text)}
