"""PLOVER events on the PLOVER gold standard records: event type, actor and recipient codes.

    python eval/events.py [--gold FILE] [--verbose] [--json OUT]

Each record of ``../shared/eval/events/plover-gsr-dev.json`` is one sentence with one gold event
(PLOVER 0.5 labels, mapped to the current manual as ``../shared/eval/README.md`` says:
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). The sentence
goes through newsgraph's full pipeline as a one-sentence article with no date. Of the events found,
the one compared with the gold is the one whose trigger overlaps the gold's first marked event
words (``textInfo.markup`` "(EVT: ...)"), else the one highest in the parse.

- **type accuracy**: that event's type is the gold type (no event found counts as wrong);
- **actor accuracy**: its set of actor codes equals the gold's ``source`` codes (records with a
  gold source); **recipient accuracy**: its recipient codes equal the gold ``target`` codes (an
  empty gold target wants no recipient). For CONSULT the current manual puts every party of a
  meeting among the actors (no recipient) unless one visits the other, while the 0.5 gold splits
  them: there both are compared as one set of participants (actors and recipients together);
- **false-event share**: of the sentences whose gold has no event, the share where newsgraph
  reports one (this dev file has none such: shown as n/a).

Codes are compared after two normalisations of the old gold: CAMEO country codes that are not ISO
(JAP, ITL, VTN) become ISO, and since PLOVER 0.5 had no UNO or EUR code, UNO and EUR count as IGO
on both sides. Nothing in newsgraph is fitted to this file (docs/events.md).

Absent data is reported and skipped; the exit status is then 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "events" / "plover-gsr-dev.json"
LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UNO": "IGO", "EUR": "IGO"}
#: The issue's targets.
TARGETS = {"type": 0.80, "actor": 0.80, "recipient": 0.75}
_EVT = re.compile(r"\(EVT:\s*([^()]*?)\)")


@dataclass(slots=True)
class Gold:
    id: str
    text: str
    type: str | None
    mode: str | None
    actors: set[str]
    recipients: set[str]
    spans: list[tuple[int, int]] = field(default_factory=list)


def _codes(value: Any) -> set[str]:
    if not isinstance(value, list):
        return set()
    return {CODES.get(a.get("code") or "", a.get("code") or "") for a in value if a.get("code")}


def _spans(text: str, markup: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the gold's "(EVT: ...)" words, in order."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _EVT.finditer(markup):
        words = m.group(1).strip()
        at = text.find(words, pos)
        if at == -1:
            at = text.find(words)
        if at != -1:
            out.append((at, at + len(words)))
            pos = at + len(words)
    return out


def load_gold(path: Path) -> list[Gold]:
    records = json.loads(path.read_text(encoding="utf-8"))
    out: list[Gold] = []
    for r in records:
        text = r.get("text")
        if not text or r.get("event") == "DOCUMENT":
            continue
        event = r.get("event") or None
        if r.get("has_event") is False:
            event = None
        etype = LABELS.get(event, event) if event else None
        mode = "investigate" if event == "INVESTIGATE" else (r.get("mode") or None)
        info = r.get("textInfo")
        markup = (info.get("markup") if isinstance(info, dict) else None) or ""
        out.append(
            Gold(
                r["id"],
                text,
                etype,
                mode,
                _codes(r.get("source")),
                _codes(r.get("target")),
                _spans(text, markup),
            )
        )
    return out


def _depth(doc: Any, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return 99
    tok = span[0]
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def primary(doc: Any, events: list[dict[str, Any]], spans: list[tuple[int, int]]) -> dict[str, Any] | None:
    """The event to compare with the gold: the first marked event words' event, else the highest."""
    for s, e in spans:
        hits = [ev for ev in events if ev["start"] < e and s < ev["end"]]
        if hits:
            return hits[0]
    if not events:
        return None
    return min(events, key=lambda ev: (_depth(doc, ev["start"]), ev["start"]))


def _pred_codes(refs: list[dict[str, Any]]) -> set[str]:
    return {CODES.get(r["code"], r["code"]) for r in refs if r.get("code")}


@dataclass(slots=True)
class Result:
    gold: Gold
    events: list[dict[str, Any]]
    pick: dict[str, Any] | None

    @property
    def type_ok(self) -> bool:
        return self.pick is not None and self.pick["event_type"] == self.gold.type

    def _sides(self) -> tuple[set[str], set[str], set[str], set[str]]:
        g, p = self.gold, self.pick
        actors = _pred_codes(p["actor"]) if p else set()
        recipients = _pred_codes(p["recipient"]) if p else set()
        if g.type == "CONSULT" or (p is not None and p["event_type"] == "CONSULT"):
            return g.actors | g.recipients, set(), actors | recipients, set()
        return g.actors, g.recipients, actors, recipients

    @property
    def actor_ok(self) -> bool:
        ga, _, pa, _ = self._sides()
        return self.pick is not None and ga == pa

    @property
    def actor_overlap(self) -> bool:
        ga, _, pa, _ = self._sides()
        return bool(ga & pa)

    @property
    def recipient_ok(self) -> bool:
        ga, gr, pa, pr = self._sides()
        if self.gold.type == "CONSULT" or (self.pick is not None and self.pick["event_type"] == "CONSULT"):
            return self.pick is not None and ga == pa
        return self.pick is not None and gr == pr


def run(golds: list[Gold]) -> tuple[list[Result], float]:
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    start = time.perf_counter()
    docs = nlp.pipe((prepare_doc(nlp, g.text) for g in golds), batch_size=64)
    results = []
    for gold, doc in zip(golds, docs, strict=True):
        events = list(doc_facts(doc)["events"])
        results.append(Result(gold, events, primary(doc, events, gold.spans)))
    return results, time.perf_counter() - start


def _difference(r: Result) -> str:
    """How the predicted actor codes differ from the gold's: none found, a code too many (an object,
    a place or a second party taken as a doer), one missing (a coordination), or another code."""
    gold, _, pred, _ = r._sides()
    if not pred:
        return "none"
    if gold < pred:
        return "extra code"
    if pred < gold:
        return "missing code"
    if gold & pred:
        return "some shared"
    if r.pick is not None and pred <= _pred_codes(r.pick["recipient"]) | set(r.gold.recipients):
        return "other code: a recipient's"  # the object or the other side taken as the doer
    location = (r.pick or {}).get("location") or {}
    if location.get("country") and pred == {CODES.get(location["country"], location["country"])}:
        return "other code: the place's"
    return "other code"


def summarise(results: list[Result]) -> dict[str, Any]:
    with_event = [r for r in results if r.gold.type]
    without = [r for r in results if not r.gold.type]
    with_actor = [r for r in with_event if r.gold.actors]
    found_type = [r for r in with_actor if r.type_ok]
    n = len(with_event)
    per_type: dict[str, list[int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for r in with_event:
        assert r.gold.type is not None
        row = per_type.setdefault(r.gold.type, [0, 0])
        row[0] += 1
        row[1] += r.type_ok
        if not r.type_ok:
            confusion[(r.gold.type, r.pick["event_type"] if r.pick else "(none)")] += 1
    return {
        "sentences": len(results),
        "type_accuracy": sum(r.type_ok for r in with_event) / n if n else None,
        "actor_accuracy": sum(r.actor_ok for r in with_actor) / len(with_actor) if with_actor else None,
        "actor_overlap": sum(r.actor_overlap for r in with_actor) / len(with_actor) if with_actor else None,
        # what actor picking alone decides: the records whose event type was found
        "actor_accuracy_type_found": (
            sum(r.actor_ok for r in found_type) / len(found_type) if found_type else None
        ),
        "actor_errors": {
            "no event": sum(not r.actor_ok and not r.events for r in with_actor),
            "other type": sum(not r.actor_ok and bool(r.events) and not r.type_ok for r in with_actor),
            "type found": sum(not r.actor_ok and r.type_ok for r in with_actor),
        },
        # how the actor codes differ where the type is found (counts only: what kind of picking fault)
        "actor_differences": dict(Counter(_difference(r) for r in found_type if not r.actor_ok)),
        "recipient_accuracy": sum(r.recipient_ok for r in with_event) / n if n else None,
        "false_event_share": (sum(bool(r.events) for r in without) / len(without)) if without else None,
        "no_event_found": sum(not r.events for r in with_event) / n if n else None,
        "events_per_sentence": sum(len(r.events) for r in results) / len(results) if results else 0.0,
        "per_type": {k: {"n": v[0], "correct": v[1]} for k, v in sorted(per_type.items())},
        "confusion": [{"gold": g, "predicted": p, "n": c} for (g, p), c in confusion.most_common()],
    }


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def print_report(summary: dict[str, Any], seconds: float) -> None:
    print(f"PLOVER gold standard records: {summary['sentences']} sentences ({seconds:.1f} s)")
    rows = [
        ("event type accuracy", summary["type_accuracy"], TARGETS["type"]),
        ("actor code accuracy (set equal)", summary["actor_accuracy"], TARGETS["actor"]),
        ("actor code overlap (any shared)", summary["actor_overlap"], None),
        ("recipient code accuracy", summary["recipient_accuracy"], TARGETS["recipient"]),
        ("false-event share (gold: no event)", summary["false_event_share"], None),
        ("sentences with no event found", summary["no_event_found"], None),
    ]
    for label, value, target in rows:
        verdict = ""
        if target is not None and value is not None:
            verdict = f"  target >= {target:.2f}: {'PASS' if value >= target else 'FAIL'}"
        print(f"  {label:38} {_fmt(value):>6}{verdict}")
    print(f"  {'events reported per sentence':38} {summary['events_per_sentence']:6.2f}")
    print("per gold type (correct/n):")
    line = "  " + ", ".join(f"{k} {v['correct']}/{v['n']}" for k, v in summary["per_type"].items())
    print(line)
    if summary["confusion"]:
        print("most frequent confusions (gold -> newsgraph):")
        for c in summary["confusion"][:12]:
            print(f"  {c['gold']:>9} -> {c['predicted']:<9} {c['n']}")


def print_verbose(results: list[Result]) -> None:
    for r in results:
        if r.type_ok and r.actor_ok and r.recipient_ok:
            continue
        g = r.gold
        marks = "".join(k for k, ok in (("T", r.type_ok), ("A", r.actor_ok), ("R", r.recipient_ok)) if not ok)
        print(f"\n[{marks}] {g.id}: {g.text}")
        print(f"   gold: {g.type} {sorted(g.actors)} -> {sorted(g.recipients)} mode={g.mode}")
        for ev in r.events:
            star = "*" if ev is r.pick else " "
            acts = sorted(_pred_codes(ev["actor"]))
            recs = sorted(_pred_codes(ev["recipient"]))
            print(f"  {star}pred: {ev['event_type']} {acts} -> {recs} mode={ev['mode']} «{ev['text']}»")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PLOVER event accuracy on the PLOVER gold records.")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON file")
    parser.add_argument("--verbose", action="store_true", help="print every sentence with an error")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    parser.add_argument(
        "--half", choices=("tune", "measure", "all"), default="all", help="whose errors --verbose prints"
    )
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"skipped: {args.gold} is absent (../shared is not beside this checkout)")
        return 0
    golds = load_gold(args.gold)
    results, seconds = run(golds)
    summary = summarise(results)
    print_report(summary, seconds)
    summary["halves"] = {}
    print("halves (records in file order, alternating: tune = 1st, 3rd, ...; measure = 2nd, 4th, ...):")
    for name, part in (("tune", results[0::2]), ("measure", results[1::2])):
        half = summarise(part)
        keys = ("type_accuracy", "actor_accuracy", "recipient_accuracy", "actor_accuracy_type_found")
        summary["halves"][name] = {k: half[k] for k in (*keys, "actor_errors", "actor_differences")}
        errors = ", ".join(f"{k} {v}" for k, v in half["actor_errors"].items())
        errors += "; where the type is found: " + (
            ", ".join(f"{k} {v}" for k, v in sorted(half["actor_differences"].items())) or "none"
        )
        print(
            f"  {name:8} {len(part):>4} sentences: type {_fmt(half['type_accuracy'])}, "
            f"actor {_fmt(half['actor_accuracy'])}, recipient {_fmt(half['recipient_accuracy'])}; "
            f"actor where the type is found {_fmt(half['actor_accuracy_type_found'])} "
            f"(actor errors: {errors})"
        )
    if args.verbose:
        shown = {"tune": results[0::2], "measure": results[1::2], "all": results}[args.half]
        print_verbose(shown)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
