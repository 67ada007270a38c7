"""PLOVER events on real news, whole articles: precision, recall, false events, actors and recipients.

    python eval/events_real.py [--labels DIR] [--min-confidence X] [--verbose] [--json OUT]

The labels (``eval/data/events_real/*.jsonl``, one line per article) were written by hand for this
project from the PLOVER manual: 38 whole articles, every sentence, of real news texts that stay in
``../shared`` (PolNeAR 2016 US political news, ``quotes/polnear/train/text``; ScrapingHub pages of
many kinds, ``articles/scrapinghub/ground-truth.json``). A label file holds only offsets into those
texts (sentences, event triggers), the PLOVER type, a status (``fact``, ``negated``,
``hypothetical``, ``future``, ``background``), actor and recipient codes, the article's topic and
whether it is about public affairs, and the half it belongs to: ``tune`` (rules may be looked at
against it) or ``measure`` (only measured). Both halves are reported.

Each article's text goes through newsgraph's full pipeline as one article. The events newsgraph
reports as facts (not negated, hypothetical or future, confidence at least the default threshold
or ``--min-confidence``) are compared with the gold events of status ``fact``:

- an event matches a gold fact of the same type in the same gold sentence (the sentence holding the
  trigger's first character), one to one, trigger overlap first;
- **precision** = matched / reported; **recall** = matched / gold facts;
- **false-event share** = reported events in sentences with no gold event at all (of any status)
  / reported; events that match a gold event of another status or type are wrong but not "false";
- **actor / recipient accuracy** among matched events: the set of codes equals the gold set (for
  CONSULT, actors and recipients are compared as one set of participants, as in eval/events.py);
- events reported in articles not about public affairs (sport, lifestyle, ...): the target is none.

Absent data (``../shared`` not beside the checkout) is reported and skipped; exit status 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
DEFAULT_LABELS = ROOT / "eval" / "data" / "events_real"
#: The issue's targets, on the measured half.
TARGETS = {"precision": 0.75, "recall": 0.55, "false_share": 0.10, "actor": 0.75, "recipient": 0.65}


@dataclass(slots=True)
class GoldEvent:
    sentence: int
    start: int
    end: int
    type: str
    status: str
    actors: frozenset[str]
    recipients: frozenset[str]


@dataclass(slots=True)
class Article:
    file: str  # the label file
    source: str
    half: str
    topic: str
    public_affairs: bool
    text: str
    sentences: list[tuple[int, int]]
    events: list[GoldEvent]


def read_text(source: str) -> str | None:
    """The labelled text named by ``source``, or None when ``../shared`` does not have it."""
    path, _, key = source.partition("#")
    file = SHARED / path
    if not file.exists():
        return None
    if key:
        return str(json.loads(file.read_text(encoding="utf-8"))[key]["articleBody"])
    return file.read_text(encoding="utf-8")


def any_labelled(articles: Sequence[object], problems: Sequence[str]) -> bool:
    """Whether there are labelled texts to score; each label file line that could not be used is
    reported on standard error, and their absence on standard output (the script then exits 0)."""
    for p in problems:
        print(f"skipped: {p}", file=sys.stderr)
    if not articles:
        print(f"no labelled texts found (is ../shared beside the checkout?): {len(problems)} skipped")
    return bool(articles)


def load_labels(folder: Path) -> tuple[list[Article], list[str]]:
    """The labelled articles whose texts are here, and a line per one that is missing or changed."""
    articles: list[Article] = []
    problems: list[str] = []
    cache: dict[str, Any] = {}
    for file in sorted(folder.glob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            source = rec["source"]
            text = cache.get(source) or read_text(source)
            if text is None:
                problems.append(f"{source}: text not found under {SHARED}")
                continue
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != rec["sha1"]:
                problems.append(f"{source}: the text changed since it was labelled (sha1 differs)")
                continue
            events = [
                GoldEvent(
                    e["sentence"],
                    e["trigger"][0],
                    e["trigger"][1],
                    e["type"],
                    e["status"],
                    frozenset(e["actor"]),
                    frozenset(e["recipient"]),
                )
                for e in rec["events"]
            ]
            articles.append(
                Article(
                    file.stem,
                    source,
                    rec["half"],
                    rec["topic"],
                    bool(rec["public_affairs"]),
                    text,
                    [(s, e) for s, e in rec["sentences"]],
                    events,
                )
            )
    return articles, problems


def _codes(refs: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(r["code"] for r in refs if r.get("code"))


@dataclass(slots=True)
class Predicted:
    sentence: int
    start: int
    end: int
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    confidence: float
    record: dict[str, Any]


def _sentence_of(sentences: list[tuple[int, int]], char: int) -> int:
    for n, (s, e) in enumerate(sentences):
        if s <= char < e:
            return n
    # between two sentences (white space): the next one
    return next((n for n, (s, _) in enumerate(sentences) if s > char), len(sentences) - 1)


def is_fact(event: dict[str, Any]) -> bool:
    return not (event.get("negated") or event.get("hypothetical") or event.get("future"))


def predicted(article: Article, e: dict[str, Any]) -> Predicted:
    """One event record of ``article`` as the scorer compares it."""
    return Predicted(
        _sentence_of(article.sentences, e["start"]),
        e["start"],
        e["end"],
        e["event_type"],
        _codes(e["actor"]),
        _codes(e["recipient"]),
        float(e.get("confidence", 1.0)),
        e,
    )


def predict(
    articles: list[Article], options: dict[str, Any] | None = None
) -> tuple[list[list[Predicted]], list[float], float]:
    """Every event newsgraph reports as a fact in each article (any confidence), each article's
    relevance score, and the seconds the pipeline took. ``options`` set attributes of the events
    component (its settings ``sentiment`` and ``tone``, docs/events.md)."""
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    events = nlp.get_pipe("newsgraph_events")
    for name, value in (options or {}).items():
        setattr(events, name, value)
    start = time.perf_counter()
    out: list[list[Predicted]] = []
    relevance: list[float] = []
    docs = nlp.pipe((prepare_doc(nlp, a.text) for a in articles), batch_size=16)
    for article, doc in zip(articles, docs, strict=True):
        out.append([predicted(article, e) for e in doc_facts(doc)["events"] if is_fact(e)])
        relevance.append(float(getattr(doc._, "newsgraph_relevance", None) or 1.0))
    return out, relevance, time.perf_counter() - start


@dataclass(slots=True)
class Tally:
    reported: int = 0
    matched: int = 0
    gold: int = 0
    false_events: int = 0
    actor_ok: int = 0
    recipient_ok: int = 0
    off_topic: int = 0
    off_topic_articles: int = 0
    wrong: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in ("reported", "matched", "gold", "false_events", "actor_ok", "recipient_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.off_topic += other.off_topic
        self.off_topic_articles += other.off_topic_articles
        self.wrong.update(other.wrong)

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else float("nan")

        return {
            "reported": self.reported,
            "gold": self.gold,
            "matched": self.matched,
            "precision": ratio(self.matched, self.reported),
            "recall": ratio(self.matched, self.gold),
            "false_share": ratio(self.false_events, self.reported),
            "actor": ratio(self.actor_ok, self.matched),
            "recipient": ratio(self.recipient_ok, self.matched),
            "off_topic_events": self.off_topic,
            "off_topic_articles": self.off_topic_articles,
        }


def _sides_equal(g: GoldEvent, p: Predicted) -> tuple[bool, bool]:
    if g.type == "CONSULT":
        together = p.actors | p.recipients == g.actors | g.recipients
        return together, together
    return p.actors == g.actors, p.recipients == g.recipients


def score(article: Article, predicted: list[Predicted], verbose: bool = False) -> Tally:
    t = Tally()
    facts = [g for g in article.events if g.status == "fact"]
    t.gold = len(facts)
    t.reported = len(predicted)
    if not article.public_affairs:
        t.off_topic_articles = 1
        t.off_topic = len(predicted)
    labelled = {g.sentence for g in article.events}
    matched = _match(article, predicted)
    pairs = [(g, p) for p, g in matched if g is not None]
    unmatched = [p for p, g in matched if g is None]
    free = [g for g in facts if all(g is not h for h, _ in pairs)]
    t.matched = len(pairs)
    for g, p in pairs:
        a_ok, r_ok = _sides_equal(g, p)
        t.actor_ok += a_ok
        t.recipient_ok += r_ok
    for p in unmatched:
        if p.sentence not in labelled:
            t.false_events += 1
            t.wrong["not an event"] += 1
        elif any(g.sentence == p.sentence and g.type == p.type for g in article.events):
            t.wrong["not a fact (gold: background, negated, ...)"] += 1
        else:
            t.wrong["wrong type"] += 1
    if verbose:
        for p in unmatched:
            s, e = article.sentences[p.sentence]
            print(
                f"  FP {p.type:9} {sorted(p.actors)}->{sorted(p.recipients)} conf={p.confidence:.2f} "
                f"[{article.text[p.start : p.end]}] {article.text[s:e][:160]!r}"
            )
        for g in free:
            words = article.text[g.start : g.end]
            print(f"  FN {g.type:9} {sorted(g.actors)}->{sorted(g.recipients)} [{words}]")
        for g, p in pairs:
            a_ok, r_ok = _sides_equal(g, p)
            if not (a_ok and r_ok):
                print(
                    f"  ARG {g.type:9} gold {sorted(g.actors)}->{sorted(g.recipients)} "
                    f"got {sorted(p.actors)}->{sorted(p.recipients)} [{article.text[p.start : p.end]}]"
                )
    return t


def evaluate(
    articles: list[Article],
    predicted: list[list[Predicted]],
    threshold: float,
    verbose: bool = False,
    show: str = "tune",
) -> dict[str, dict[str, Any]]:
    halves: dict[str, Tally] = {"tune": Tally(), "measure": Tally(), "all": Tally()}
    for article, events in zip(articles, predicted, strict=True):
        kept = [p for p in events if p.confidence >= threshold]
        shown = verbose and article.half == show
        if shown:
            print(f"{article.source} ({article.half}, {article.topic})")
        t = score(article, kept, shown)
        halves[article.half].add(t)
        halves["all"].add(t)
    return {name: {**t.figures(), "wrong": dict(t.wrong)} for name, t in halves.items()}


def _match(article: Article, predicted: list[Predicted]) -> list[tuple[Predicted, GoldEvent | None]]:
    """Each reported event, in text order, with the gold fact it matches (one to one): the same
    type in the same sentence, trigger overlap first."""
    free = [g for g in article.events if g.status == "fact"]
    out: list[tuple[Predicted, GoldEvent | None]] = []
    for p in sorted(predicted, key=lambda p: p.start):
        same = [g for g in free if g.sentence == p.sentence and g.type == p.type]
        overlapping = [g for g in same if g.start < p.end and p.start < g.end]
        hit = (overlapping or same or [None])[0]
        if hit is not None:
            free.remove(hit)
        out.append((p, hit))
    return out


def _labelled(article: Article, predicted: list[Predicted]) -> list[tuple[Predicted, bool]]:
    """Each reported event with whether it matches a gold fact."""
    return [(p, g is not None) for p, g in _match(article, predicted)]


def fit_calibration(articles: list[Article], predicted: list[list[Predicted]]) -> tuple[float, float, int]:
    """``scale`` and ``shift`` of the confidence (logistic regression of "matches a gold fact" on
    the summed weights), fitted on the tune half only; and the number of events fitted on."""
    import math

    from newsgraph.extract.events.confidence import weights

    w = weights()
    pairs: list[tuple[float, float]] = []
    for article, events in zip(articles, predicted, strict=True):
        if article.half != "tune":
            continue
        for p, right in _labelled(article, events):
            c = min(max(p.confidence, 1e-3), 1 - 1e-3)
            raw = (math.log(c / (1 - c)) - w.get("shift", 0.0)) / w.get("scale", 1.0)
            pairs.append((raw, 1.0 if right else 0.0))
    a, b = 1.0, 0.0
    for _ in range(2000):  # gradient ascent on the log-likelihood
        ga = gb = 0.0
        for x, y in pairs:
            p = 1.0 / (1.0 + math.exp(-(a * x + b)))
            ga += (y - p) * x
            gb += y - p
        a += 0.5 * ga / len(pairs)
        b += 0.5 * gb / len(pairs)
    return a, b, len(pairs)


def calibration_table(
    articles: list[Article], predicted: list[list[Predicted]], half: str
) -> list[tuple[str, int, float, float]]:
    """Per confidence band: events, mean confidence, share that match a gold fact."""
    bands = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)]
    rows = []
    labelled = [
        pair for a, ev in zip(articles, predicted, strict=True) if a.half == half for pair in _labelled(a, ev)
    ]
    for lo, hi in bands:
        inside = [(p.confidence, right) for p, right in labelled if lo <= p.confidence < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            rows.append(
                (f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), mean, sum(r for _, r in inside) / len(inside))
            )
    return rows


def _default_threshold() -> float:
    try:
        from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
    except ImportError:
        return 0.0
    return float(DEFAULT_MIN_CONFIDENCE)


COLUMNS = ("precision", "recall", "false_share", "actor", "recipient")


def print_halves(figures: dict[str, dict[str, Any]]) -> None:
    """The table of both halves and the whole set: reported, gold, matched and :data:`COLUMNS`."""
    print(f"{'half':8} {'reported':>8} {'gold':>5} {'matched':>7} " + " ".join(f"{c:>11}" for c in COLUMNS))
    for half in ("tune", "measure", "all"):
        f = figures[half]
        print(
            f"{half:8} {f['reported']:>8} {f['gold']:>5} {f['matched']:>7} "
            + " ".join(f"{f[c]:>11.3f}" for c in COLUMNS)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--min-confidence", type=float, default=None, help="default: newsgraph's")
    parser.add_argument("--verbose", action="store_true", help="print every wrong or missed event")
    parser.add_argument(
        "--half", choices=("tune", "measure"), default="tune", help="which half --verbose shows"
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--fit", action="store_true", help="fit the confidence's scale and shift on the tune half"
    )
    parser.add_argument(
        "--sentiment", action="store_true", help="events from the tone of quotes (setting, off by default)"
    )
    parser.add_argument("--tone", action="store_true", help="tone evidence for ACCUSE (setting, off)")
    args = parser.parse_args(argv)
    articles, problems = load_labels(args.labels)
    if not any_labelled(articles, problems):
        return 0
    threshold = _default_threshold() if args.min_confidence is None else args.min_confidence
    options = {name: True for name in ("sentiment", "tone") if getattr(args, name)}
    predicted, _, seconds = predict(articles, options)
    figures = evaluate(articles, predicted, threshold, args.verbose, args.half)
    n_sent = {h: sum(len(a.sentences) for a in articles if a.half == h) for h in ("tune", "measure")}
    n_art = Counter(a.half for a in articles)
    print(
        f"real-news events: {len(articles)} articles, {sum(n_sent.values())} sentences "
        f"(tune {n_art['tune']} articles / {n_sent['tune']} sentences, measure {n_art['measure']} / "
        f"{n_sent['measure']}); min confidence {threshold:.2f}; pipeline {seconds:.1f}s"
    )
    print_halves(figures)
    for half in ("tune", "measure"):
        f = figures[half]
        print(
            f"{half}: events in {f['off_topic_articles']} articles not about public affairs: "
            f"{f['off_topic_events']}; wrong events: {f['wrong']}"
        )
    print("measure half by label file (files labelled later were never looked at while writing rules):")
    for name in sorted({a.file for a in articles}):
        part = [(a, p) for a, p in zip(articles, predicted, strict=True) if a.file == name]
        f = evaluate([a for a, _ in part], [p for _, p in part], threshold)["measure"]
        print(
            f"  {name:16} reported {f['reported']:>3} gold {f['gold']:>3} precision {f['precision']:.3f} "
            f"recall {f['recall']:.3f} false {f['false_share']:.3f}"
        )
    m = figures["measure"]
    print("targets (measure half):")
    for name, target in TARGETS.items():
        value = m[name]
        ok = value <= target if name == "false_share" else value >= target
        sign = "<=" if name == "false_share" else ">="
        print(f"  {name:12} {value:.3f} {sign} {target:.2f} {'PASS' if ok else 'FAIL'}")
    off = m["off_topic_events"]
    print(f"  off-topic events {off} == 0 {'PASS' if not off else 'FAIL'}")
    curve = []
    for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        f = evaluate(articles, predicted, t)
        curve.append({"threshold": t, **{h: f[h] for h in ("tune", "measure")}})
    print("by threshold (tune | measure): precision recall reported")
    for row in curve:
        tu, me = row["tune"], row["measure"]
        print(
            f"  {row['threshold']:.1f}  {tu['precision']:.3f} {tu['recall']:.3f} {tu['reported']:>4} | "
            f"{me['precision']:.3f} {me['recall']:.3f} {me['reported']:>4}"
        )
    for half in ("tune", "measure"):
        print(f"calibration, {half} half: band, events, mean confidence, share right")
        for band, n, mean, right in calibration_table(articles, predicted, half):
            print(f"  {band}  {n:>4}  {mean:.2f}  {right:.2f}")
    if args.fit:
        scale, shift, n = fit_calibration(articles, predicted)
        print(f"fitted on {n} tune-half events: scale {scale:.3f}, shift {shift:.3f}")
    if args.json:
        report = {"threshold": threshold, "figures": figures, "curve": curve}
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
