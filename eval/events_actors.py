"""Event actors and recipients on fresh text nobody tuned on: a seeded sample of fact events,
each side judged right, wrong or missing by the PLOVER manual, before and after a change.

    python eval/events_actors.py --draw --seed N [--count K] [--size M] --out DIR
    python eval/events_actors.py --show DIR
    python eval/events_actors.py --judged DIR [--after TSV]
    python eval/events_actors.py --fires DIR

``--draw`` takes the PolNeAR train texts of ``../shared`` in no label file or review sample
(``eval/events_classes.py``'s ``used()``) whose events nobody judged: every other text is in one,
so these are the texts of the draw ``draw2022`` of ``eval/data/events_classes20`` but the three
with a judged row (branch ``events20c`` wrote its judgements on the two draws before it); in
``random.Random(seed)`` order, the first ``count`` of them, and the English ScrapingHub pages named
in no file of ``eval/data/events_real``, ``entities_real`` or ``events_review*``; runs them through
the pipeline; and draws ``size`` of the fact events (not negated, hypothetical or future) at the
default confidence, at random (the same seed). ``DIR/sample.txt`` holds the text ids,
``DIR/before.tsv`` the drawn events as offsets (trigger, the sides' spans) with their codes and
empty verdict columns; no text is copied. ``--show`` prints each drawn event's sentence and sides
for judging.

Verdicts of a side (``actor_v``, ``recipient_v``), judged by hand from the PLOVER manual (the actor
is who did it, the recipient whom it was done to; a place where it happened is no recipient; a
person takes the country and sector of the body he or she acts for):

- ``right``: the codes are right, or there is no code where the text names none;
- ``wrong``: a code that the text does not support (wrong country, wrong sector, wrong party);
- ``missing``: no code where the text names one.

``cause`` names the rule that chose a wrong code (``passive``, ``pronoun``, ``office``,
``main_country``, ``place``, ``apposition``, ``entity`` for an entity's own wrong code, ...).
``--judged DIR`` runs the pipeline again on the sample's texts, finds each drawn event (text id,
trigger start, type) and prints the right share of each side over the drawn events still
reported, and the verdicts of those no longer reported (a wrong side gone is a wrong code less, a
right one gone a loss); an event whose codes changed takes its verdicts from ``--after`` (the same
columns) and is listed when it has none there.

``--fires DIR`` counts how often each branch (each ``if`` body) of the modules that choose the
sides (``events/actors.py``, ``references.py``, ``offices.py``, ``partners.py``, ``unnamed.py``)
runs on the sample's texts and on the PLOVER dev tune half (``eval/events.py``, odd records): a
branch that runs on the tune half and never on fresh text is a candidate for a fitted rule; the
branches that give the article's main country (or its public's) are listed apart.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actors_review import sample_ids, source_of
from events_classes import TEXTS, codes, used
from events_real import SHARED, read_text

ROOT = Path(__file__).resolve().parent
DRAWS = ROOT / "data" / "events_classes20"
#: Every PolNeAR train text is in a label file, a review sample or a draw of ``events_classes.py``;
#: the last draw's events were left unjudged but for three texts: its other texts are fresh.
LEFT = "draw2022"
LANGUAGE = ROOT / "data" / "language_scrapinghub.json"
FIELDS = ("file", "trigger_start", "trigger_end", "type", "confidence", "actor", "actor_spans")
FIELDS += ("recipient", "recipient_spans", "actor_v", "recipient_v", "cause", "reason")
VERDICTS = ("right", "wrong", "missing")
Key = tuple[str, int, str]


def _fresh_pages() -> list[str]:
    """English ScrapingHub page keys named in no events or entities label file nor events review."""
    named: set[str] = set()
    data = ROOT / "data"
    for folder in [data / "events_real", data / "entities_real", *data.glob("events_review*")]:
        for path in folder.glob("*"):
            named.update(w for w in path.read_text(encoding="utf-8").replace('"', " ").split())
    truth = SHARED / "articles" / "scrapinghub" / "ground-truth.json"
    if not truth.exists():
        return []
    keys = json.loads(truth.read_text(encoding="utf-8"))
    other = set(json.loads(LANGUAGE.read_text(encoding="utf-8")))
    fresh = [k for k in keys if not any(k in w for w in named) and k[:8] not in other]
    return sorted(fresh)


def _unread(name: str) -> list[str]:
    """The texts of an ``events_classes.py`` draw none of whose events was judged."""
    files = (DRAWS / f"{name}.files").read_text(encoding="utf-8").split()
    with (DRAWS / f"{name}.tsv").open(encoding="utf-8") as f:
        read = {r["file"] for r in csv.DictReader(f, delimiter="\t") if r["verdict"]}
    return [n for n in files if n not in read]


def _spans(sides: list[dict[str, Any]]) -> str:
    return ",".join(f"{a['start']}-{a['end']}" for a in sides)


def events_of(ids: list[str], threshold: float) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Every fact event at ``threshold`` or above of the texts ``ids``, and the texts."""
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    texts = {i: t for i in ids if (t := read_text(source_of(i))) is not None}
    rows: list[dict[str, Any]] = []
    for text_id, text in texts.items():
        doc = nlp(prepare_doc(nlp, text))
        for e in doc_facts(doc)["events"]:
            if e.get("negated") or e.get("hypothetical") or e.get("future"):
                continue
            if float(e.get("confidence", 1.0)) < threshold:
                continue
            rows.append(
                {
                    "file": text_id,
                    "trigger_start": e["start"],
                    "trigger_end": e["end"],
                    "type": e["event_type"],
                    "confidence": e.get("confidence", 1.0),
                    "actor": codes(e.get("actor") or []),
                    "actor_spans": _spans(e.get("actor") or []),
                    "recipient": codes(e.get("recipient") or []),
                    "recipient_spans": _spans(e.get("recipient") or []),
                }
            )
    return rows, texts


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def _read(path: Path) -> dict[Key, dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    return {(r["file"], int(r["trigger_start"]), r["type"]): r for r in rows}


def draw(seed: int, count: int, size: int, out: Path, threshold: float) -> None:
    pool = sorted(set(_unread(LEFT)) - used())
    rng = random.Random(seed)
    rng.shuffle(pool)
    ids = pool[:count] + _fresh_pages()
    rows, texts = events_of(ids, threshold)
    picked = rng.sample(rows, min(size, len(rows)))
    picked.sort(key=lambda r: (ids.index(r["file"]), int(r["trigger_start"])))
    out.mkdir(parents=True, exist_ok=True)
    head = f"# events_actors21 (session 19, branch ev21actors): random.Random({seed}), {count} of the"
    head += f" {len(pool)} PolNeAR train texts of {LEFT} left unjudged, then the English ScrapingHub"
    head += " pages in no events or entities label file nor events review\n"
    (out / "sample.txt").write_text(head + "".join(f"{i}\n" for i in texts), encoding="utf-8")
    _write(out / "before.tsv", picked)
    print(
        f"{len(texts)} texts ({len(pool)} PolNeAR fresh), {len(rows)} fact events >= {threshold};"
        f" {len(picked)} drawn"
    )


def show(folder: Path) -> None:
    for row in _read(folder / "before.tsv").values():
        text = read_text(source_of(row["file"])) or ""
        s, e = int(row["trigger_start"]), int(row["trigger_end"])
        left = text.rfind("\n", 0, s) + 1
        right = text.find("\n", e)
        right = len(text) if right < 0 else right
        print(f"== {row['file'][:40]} {s} {row['type']} {row['confidence']} trigger {text[s:e]!r}")
        for side in ("actor", "recipient"):
            words = [
                text[int(a) : int(b)] for a, b in (x.split("-") for x in row[f"{side}_spans"].split(",") if x)
            ]
            print(f"   {side}: {row[side] or '-'} {words}")
        print("   " + text[max(left, s - 400) : min(right, e + 300)].replace("\n", " "))


def _sides(row: dict[str, Any]) -> tuple[str, ...]:
    """The codes and words (spans) of an event's sides."""
    return tuple(str(row[f]) for f in ("actor", "actor_spans", "recipient", "recipient_spans"))


def score(folder: Path, after: Path | None, threshold: float) -> None:
    """The right share of each side over the drawn events still reported at ``threshold``; a drawn
    event no longer reported is counted apart (a wrong side gone is a wrong code less)."""
    judged = _read(folder / "before.tsv")
    later = _read(after) if after else {}
    rows, _ = events_of(sample_ids(folder), 0.0)
    now = {(str(r["file"]), int(r["trigger_start"]), str(r["type"])): r for r in rows}
    tally: dict[str, Counter[str]] = {"actor": Counter(), "recipient": Counter()}
    gone: dict[str, Counter[str]] = {"actor": Counter(), "recipient": Counter()}
    causes: Counter[str] = Counter()
    for key, row in judged.items():
        cur = now.get(key)
        if cur is None or float(cur["confidence"]) < threshold:
            print(f"gone: {key} (actor {row['actor_v']}, recipient {row['recipient_v']})")
            for side in gone:
                gone[side][row[f"{side}_v"]] += 1
            continue
        judge = row if _sides(row) == _sides(cur) else later.get(key)
        if judge is None or _sides(judge) != _sides(cur):
            print(
                f"to judge: {key} actor {row['actor']} -> {cur['actor']},"
                f" recipient {row['recipient']} -> {cur['recipient']}"
            )
            continue
        if judge["cause"]:
            causes[judge["cause"]] += 1
        for side in tally:
            tally[side][judge[f"{side}_v"] or "unjudged"] += 1
    for side, c in tally.items():
        n = sum(c.values())
        parts = ", ".join(f"{v} {c[v]}" for v in (*VERDICTS, "unjudged") if c[v])
        off = ", ".join(f"{v} {gone[side][v]}" for v in VERDICTS if gone[side][v]) or "none"
        print(f"{side:10s} {n} reported: right share {c['right'] / n if n else 0:.3f} ({parts}); gone: {off}")
    print("wrong sides by cause: " + ", ".join(f"{k} {v}" for k, v in causes.most_common()))


_SIDES = ("actors.py", "references.py", "offices.py", "partners.py", "unnamed.py", "targets.py", "letters.py")
_SIDES += ("earlier.py", "surnames.py", "whereabouts.py")


def _branches() -> dict[tuple[str, int], str]:
    """The first line of every ``if`` body of the side modules, with its condition's text."""
    import ast

    import newsgraph.extract.events as pkg

    out: dict[tuple[str, int], str] = {}
    for name in _SIDES:
        path = Path(pkg.__file__).parent / name
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.If) and node.body:
                cond = " ".join((ast.get_source_segment(source, node.test) or "").split())
                out[(name, node.body[0].lineno)] = cond
    return out


def _traced(work: Any) -> Counter[tuple[str, int]]:
    """Line hits in the side modules while ``work()`` runs."""
    hits: Counter[tuple[str, int]] = Counter()

    def local(frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            hits[(Path(frame.f_code.co_filename).name, frame.f_lineno)] += 1
        return local

    def call(frame: Any, event: str, arg: Any) -> Any:
        name = frame.f_code.co_filename
        return local if "extract/events/" in name and name.endswith(_SIDES) else None

    sys.settrace(call)
    try:
        work()
    finally:
        sys.settrace(None)
    return hits


def fires(folder: Path) -> None:
    import events as plover_dev

    golds = plover_dev.load_gold(plover_dev.DEFAULT_GOLD)[0::2]
    ids = sample_ids(folder)
    fresh = _traced(lambda: events_of(ids, 0.0))
    tune = _traced(lambda: plover_dev.run(golds))
    rows = [(k, cond, fresh[k], tune[k]) for k, cond in _branches().items()]
    print(f"branch hits: {len(ids)} fresh texts | {len(golds)} PLOVER tune records")
    print("branches run on the tune half, never on fresh text:")
    for (name, line), cond, f, t in sorted(rows, key=lambda r: -r[3]):
        if t and not f:
            print(f"  {name}:{line:<4} fresh {f:5d} tune {t:4d}  if {cond[:90]}")
    print("branches of the main country or its public:")
    for (name, line), cond, f, t in rows:
        if "main_country" in cond or "public_country" in cond:
            print(f"  {name}:{line:<4} fresh {f:5d} tune {t:4d}  if {cond[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--draw", action="store_true")
    parser.add_argument("--seed", type=int, default=2121)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--size", type=int, default=60)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show", type=Path)
    parser.add_argument("--judged", type=Path)
    parser.add_argument("--after", type=Path)
    parser.add_argument("--fires", type=Path)
    parser.add_argument("--min-confidence", type=float, default=0.5)
    args = parser.parse_args(argv)
    if not TEXTS.exists():
        print("skipped: no PolNeAR texts (is ../shared beside the checkout?)")
        return 0
    if args.draw and args.out:
        draw(args.seed, args.count, args.size, args.out, args.min_confidence)
    elif args.show:
        show(args.show)
    elif args.fires:
        fires(args.fires)
    elif args.judged:
        score(args.judged, args.after, args.min_confidence)
    else:
        parser.print_usage()
    return 0


if __name__ == "__main__":
    sys.exit(main())
