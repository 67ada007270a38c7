"""Which evidence tells right events below the threshold from wrong ones, on judged fresh text
(session 20, branch ev23below; docs/history/events.md, "Session 20, branch ev23below").

    python eval/events_below.py --fresh DIR [--band 0.3 0.5]

Events at 0.3-0.5 are right about half the time on every sample (dev set, fresh text), so the
threshold cannot move: a sign the confidence lacks must split them. This script runs the pipeline
on the texts of every judged sample of fresh text and computes, for each judged fact event, the
candidate signs of :func:`signs` (none of them a weight of ``data/plover_confidence.tsv``) beside
the evidence features the confidence has; then, per sign and per group of texts, the share right
among the judged events of the band that have it and that lack it. A sign worth a weight holds on
every group: with it, the band's events are right at least 80% of the time.

The judged samples (verdict ``right``: type and doer's code right by the PLOVER manual):

- ``polnear``: the PolNeAR train draws of session 18 (``eval/data/events_classes20``), the
  precision sample of session 19 (``eval/data/events_precision21/sample.tsv``, PolNeAR dev), and
  the lead sentences' events of this branch's study (``eval/data/ev23below/lead_judged.tsv``);
- ``wire``: the LGL (seed 3030, 100 texts) and TimeBank (seed 3031, 60 texts) draws of this branch
  (``eval/data/ev23below``), written by ``eval/fresh_texts.py`` into ``--fresh DIR``/lgl and
  ``--fresh DIR``/timebank.

No text is printed or copied; the rows are offsets.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "data"
SHARED = ROOT.parent.parent / "shared" / "eval"
POLNEAR = SHARED / "quotes" / "polnear"
OURS = DATA / "ev23below"

#: Candidate signs, each from how news reports a happening (none fitted to a dev sentence).
SIGNS = (
    "lead",  # in the headline or the first sentence: news tells its main happening first
    "past",  # told in the past tense or the perfect ("voted", "has signed")
    "dated",  # the event has a day of its own ("on Tuesday")
    "main_clause",  # the trigger is its sentence's main verb
    "reported",  # the main verb of a clause a verb of saying reports ("police said he fired")
    "in_quote",  # inside a quote's words
    "speaker",  # said by the speaker of a quote ("'X is a threat,' said Y")
    "subject_doer",  # the doer is the trigger's own subject
    "political_person",  # the doer a named person with a political office or role
    "political_body",  # the doer a political body (a government, a party, a country)
    "person_recipient",  # the recipient a named person with a code
    "political_recipient",  # the recipient a state or political actor
    "foreign_recipient",  # the recipient of another code than the doer
    "public_affairs",  # the article's public-affairs relevance is 0.75 or more (extract/relevance.py)
)


def sentence_index(token: Any) -> int:
    """The position of the token's sentence among the text's non-blank sentences."""
    n = 0
    for sent in token.doc.sents:
        if not sent.text.strip():
            continue
        if sent.start <= token.i < sent.end:
            return n
        n += 1
    return n


def signs(record: dict[str, Any], draft: Any) -> dict[str, bool]:
    """The candidate signs of one event record (and its draft, ``events/drafts.py``)."""
    from newsgraph.extract.events.alone import is_political
    from newsgraph.extract.quotes.lexicon import reporting_lemmas

    verb = draft.anchor
    doc = verb.doc
    actors = record.get("actor") or []
    recipients = record.get("recipient") or []

    def people(sides: list[dict[str, Any]]) -> list[tuple[dict[str, Any], bool]]:
        out = []
        for side in sides:
            if side.get("start") is None:
                continue
            span = doc.char_span(int(side["start"]), int(side["end"]), alignment_mode="expand")
            out.append((side, span is not None and any(t.ent_type_ == "PERSON" for t in span)))
        return out

    doers = people(actors)
    codes = {a.get("code") for a in actors}
    subjects = [c.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    spans = [(int(a["start"]), int(a["end"])) for a in actors if a.get("start") is not None]
    return {
        "lead": sentence_index(draft.trigger) <= 1,
        "past": verb.tag_ == "VBD"
        or any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children),
        "dated": bool(record.get("date_text")),
        "main_clause": verb.dep_ == "ROOT",
        "reported": verb.dep_ == "ccomp" and verb.head.lemma_.lower() in reporting_lemmas(),
        "in_quote": record.get("quote") is not None,
        "speaker": draft.speaker is not None,
        "subject_doer": any(a <= s <= b for s in subjects for a, b in spans),
        "political_person": any(is_political(a) and person for a, person in doers),
        "political_body": any(is_political(a) and not person for a, person in doers),
        "person_recipient": any(person and r.get("code") for r, person in people(recipients)),
        "political_recipient": any(is_political(r) for r in recipients),
        "foreign_recipient": any(r.get("code") and r.get("code") not in codes for r in recipients),
        "public_affairs": float(getattr(doc._, "newsgraph_relevance", None) or 0.0) >= 0.75,
    }


@contextmanager
def captured() -> Iterator[dict[tuple[int, str], tuple[dict[str, float], Any]]]:
    """While open, every event's confidence features and draft, keyed by (trigger start, type)."""
    from newsgraph.extract.events import records

    seen: dict[tuple[int, str], tuple[dict[str, float], Any]] = {}
    original = records.Evidence.of

    def of(record: dict[str, Any], draft: Any, relevance: float | None) -> Any:
        evidence = original(record, draft, relevance)
        seen[(int(record["start"]), str(record["event_type"]))] = (evidence.features(), draft)
        return evidence

    records.Evidence.of = of  # type: ignore[method-assign, assignment]
    try:
        yield seen
    finally:
        records.Evidence.of = original  # type: ignore[method-assign]


def run(folder: Path, files: list[str]) -> dict[tuple[str, int, str], dict[str, Any]]:
    """Every fact event of the files: (file, trigger start, type) -> confidence, features, signs."""
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    out: dict[tuple[str, int, str], dict[str, Any]] = {}
    with captured() as seen:
        for name in files:
            seen.clear()
            doc = nlp(prepare_doc(nlp, (folder / name).read_text(encoding="utf-8")))
            for e in doc_facts(doc)["events"]:
                if e.get("negated") or e.get("hypothetical") or e.get("future"):
                    continue
                got = seen.get((int(e["start"]), str(e["event_type"])))
                if got is None:
                    continue
                feats, draft = got
                on = {f"has:{k}" for k, v in feats.items() if v > 0}
                on |= {k for k, v in signs(e, draft).items() if v}
                out[(name, int(e["start"]), str(e["event_type"]))] = {
                    "confidence": float(e.get("confidence", 1.0)),
                    "on": on,
                }
    return out


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def judged(fresh: Path | None) -> list[tuple[str, Path, str, int, str, str]]:
    """(group, folder, file, trigger start, type, verdict) of every judged sample that is found."""
    out: list[tuple[str, Path, str, int, str, str]] = []
    train, dev = POLNEAR / "train" / "text", POLNEAR / "dev" / "text"
    for name in ("draw2020.tsv", "draw2021.tsv", "draw2022.tsv"):
        for r in read(DATA / "events_classes20" / name):
            if r["verdict"]:
                out.append(("polnear", train, r["file"], int(r["trigger_start"]), r["type"], r["verdict"]))
    for r in read(DATA / "events_precision21" / "sample.tsv"):
        if r["source"] == "polnear_dev":
            out.append(("polnear", dev, r["file"], int(r["trigger_start"]), r["type"], r["verdict"]))
    folders = {"polnear_train": train, "polnear_dev": dev}
    if fresh is not None:
        folders |= {"lgl": fresh / "lgl", "timebank": fresh / "timebank"}
    for name in ("band_judged.tsv", "lead_judged.tsv", "high_judged.tsv"):
        for r in read(OURS / name):
            if r["corpus"] in folders:
                group = "polnear" if r["corpus"].startswith("polnear") else "wire"
                folder = folders[r["corpus"]]
                out.append((group, folder, r["file"], int(r["trigger_start"]), r["type"], r["verdict"]))
    seen: set[tuple[Path, str, int, str]] = set()
    unique = []
    for row in out:
        if row[1:5] not in seen:
            seen.add(row[1:5])
            unique.append(row)
    return unique


def share(rows: list[tuple[str, bool]]) -> str:
    right = sum(1 for _, ok in rows if ok)
    return f"{right}/{len(rows)}"


def report(events: list[tuple[str, float, set[str], bool]], lo: float, hi: float) -> list[str]:
    """Per sign: in each group, right/judged among the band's events with the sign and without."""
    groups = sorted({g for g, *_ in events})
    band = [(g, on, ok) for g, c, on, ok in events if lo <= c < hi]
    names = sorted(set(SIGNS) | {s for _, on, _ in band for s in on if s.startswith("has:")})
    lines = [
        f"band {lo:.1f}-{hi:.1f}: "
        + "  ".join(f"{g} {share([(g, ok) for gg, _, ok in band if gg == g])}" for g in groups)
    ]
    for name in names:
        cells = []
        for g in groups:
            with_ = [(g, ok) for gg, on, ok in band if gg == g and name in on]
            without = [(g, ok) for gg, on, ok in band if gg == g and name not in on]
            cells.append(f"{g}: with {share(with_):>7} without {share(without):>7}")
        lines.append(f"  {name:22} " + "   ".join(cells))
    return lines


def pairs(events: list[tuple[str, float, set[str], bool]], lo: float, hi: float, least: int = 5) -> list[str]:
    """Two signs together (or one), with at least ``least`` judged band events in every group,
    best first by the lowest share right over the groups."""
    groups = sorted({g for g, *_ in events})
    band = [(g, on, ok) for g, c, on, ok in events if lo <= c < hi]
    names = sorted({s for _, on, _ in band for s in on})
    found = []
    for i, a in enumerate(names):
        for b in names[i:]:
            cells = []
            for g in groups:
                inside = [ok for gg, on, ok in band if gg == g and a in on and b in on]
                cells.append((sum(inside), len(inside)))
            if all(n >= least for _, n in cells):
                low = min(k / n for k, n in cells)
                text = "  ".join(f"{g} {k}/{n}" for g, (k, n) in zip(groups, cells, strict=True))
                found.append((low, f"  {a}+{b}" if a != b else f"  {a}", text))
    found.sort(key=lambda x: -x[0])
    return [f"{name:45} lowest {low:.2f}   {text}" for low, name, text in found[:15]]


def tune_events() -> list[tuple[str, float, set[str], bool]]:
    """The tune half of the real-news dev set (``eval/events_real.py``): each fact event's
    confidence, features and signs, right when it matches a gold fact (the measure half is never
    read here)."""
    from events_real import DEFAULT_LABELS, _match, is_fact, load_labels, predicted

    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    articles, _ = load_labels(DEFAULT_LABELS)
    nlp = load_pipeline(Settings.load())
    out: list[tuple[str, float, set[str], bool]] = []
    with captured() as seen:
        for article in articles:
            if article.half != "tune":
                continue
            seen.clear()
            doc = nlp(prepare_doc(nlp, article.text))
            found = [predicted(article, e) for e in doc_facts(doc)["events"] if is_fact(e)]
            for p, gold in _match(article, found):
                got = seen.get((p.start, p.type))
                if got is not None:
                    feats, draft = got
                    on = {f"has:{k}" for k, v in feats.items() if v > 0}
                    on |= {k for k, v in signs(p.record, draft).items() if v}
                    out.append(("tune", p.confidence, on, gold is not None))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--fresh", type=Path, help="folder with lgl/ and timebank/ of eval/fresh_texts.py")
    parser.add_argument("--band", type=float, nargs=2, default=[0.3, 0.5])
    parser.add_argument("--tune", action="store_true", help="also the tune half of the real-news dev set")
    args = parser.parse_args(argv)
    rows = [r for r in judged(args.fresh) if (r[1] / r[2]).exists()]
    if not rows:
        print("skipped: no judged texts found (is ../shared beside the checkout?)")
        return 0
    by_folder: dict[Path, set[str]] = {}
    for _, folder, name, *_ in rows:
        by_folder.setdefault(folder, set()).add(name)
    found: dict[tuple[Path, str, int, str], dict[str, Any]] = {}
    for folder, names in by_folder.items():
        for (name, start, etype), value in run(folder, sorted(names)).items():
            found[(folder, name, start, etype)] = value
    events = []
    for group, folder, name, start, etype, verdict in rows:
        hit = found.get((folder, name, start, etype))
        if hit is not None:
            events.append((group, hit["confidence"], hit["on"], verdict == "right"))
    print(f"{len(events)} of {len(rows)} judged events found again")
    print("\n".join(report(events, *args.band)))
    print("signs and pairs of signs with >= 5 judged band events in every group, by lowest share right:")
    print("\n".join(pairs(events, *args.band)))
    if args.tune:
        print("\n".join(report(tune_events(), *args.band)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
