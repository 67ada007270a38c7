"""Precision of PLOVER events on a review sample of real news nobody labelled or tuned on.

    python eval/events_review.py --db STORE [--judged TSV ...] [--out TSV] [--min-confidence X]

The sample (``eval/data/events_review/sample.txt``, ids only) is 40 pages drawn at random from
the ScrapingHub pages and PolNeAR train texts of ``../shared`` that are in no label file of
``eval/data/events_real`` or ``eval/data/entities_real``; a second sample
(``eval/data/events_review2/``, session 13) draws 40 more from pages in none of those nor the
first sample, judged before any rule was written on it (``before.tsv``: a held-out figure); pass
its TSV files with ``--judged``; a third (``eval/data/events_review3/``, branch ``events14a``: 10
ScrapingHub pages and 40 PolNeAR texts in none of those nor the second sample nor
``entities_review``) was judged the same way before its rules were written; so was a fourth
(``eval/data/events_review4/``, branch ``events14c``: ``random.Random(1414)``, 10 ScrapingHub pages
and 40 PolNeAR texts in none of the label files nor earlier samples; its fact rows only); a fifth
(``eval/data/events_review5/``, branch ``events15p``: ``random.Random(1515)``, the same make-up,
every row judged before any change); a sixth (``eval/data/events_review6/``, branch
``events16p``: ``random.Random(1616)``, the same make-up, every row judged before any change); and
a seventh (``eval/data/events_review7/``, branch ``events17p``: ``random.Random(1717)``, the one
ScrapingHub page left and 79 PolNeAR texts; only the rows of the cooperative types judged, before
any change: pass ``--types AGREE,CONSULT,SUPPORT,CONCEDE,COOPERATE,AID,RETREAT``); an eighth
(``eval/data/events_review8/``, branch ``events18p``: ``random.Random(1818)``, 40 PolNeAR texts;
every row of every type judged before any change); and a ninth (``eval/data/events_review9/``,
branch ``events19p``: ``random.Random(1919)``, 20 English ScrapingHub pages read before only for
entities and 20 PolNeAR texts in no label file; every row judged before any change).
Ingest a sample's pages into STORE (``newsgraph ingest``); this script lists the events the
store holds at the default threshold (what ``newsgraph events`` shows) and looks each one up in
the judgement files (TSV: file id, sentence start, trigger start, type, status, verdict, reason;
offsets into the stored article text). Verdicts, judged by hand from the PLOVER manual:

- ``right``: type, actor and recipient right (and the status flag, where the row is not a fact);
- ``partly``: type right, a side wrong or missing;
- ``wrong type``; ``not an event`` (nothing happened or was said: hypothetical, conditional,
  question, background, description); ``wrong status`` (negated, hypothetical or future wrongly
  set or missed).

Events with no judgement are printed (file id, offsets, type, status) and must be judged before the figures
mean anything; ``--out`` writes the store's rows with the verdicts found (empty where none).
Precision = right / reported, and (right + partly) / reported, over all rows and over the rows
reported as facts (what ``eval/events_real.py`` counts).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import duckdb

VERDICTS = ("right", "partly", "wrong type", "not an event", "wrong status")
Key = tuple[str, int, str, str]


def status(record: dict[str, object]) -> str:
    """The event's status as the TSV writes it."""
    for flag in ("negated", "hypothetical", "future"):
        if record.get(flag):
            return flag
    return "fact"


def store_rows(db: Path, threshold: float) -> list[dict[str, object]]:
    """The store's events at or above ``threshold``, in file and trigger order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT a.source, e.record FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE coalesce(e.confidence, 1) >= ? ORDER BY a.source, e.start",
            [threshold],
        ).fetchall()
    finally:
        con.close()
    out: list[dict[str, object]] = []
    for source, raw in rows:
        record = json.loads(raw)
        name = Path(str(source)).name.removesuffix(".html")
        out.append(
            {
                "file": name,
                "sentence_start": int(record["sentence"]["start"]),
                "trigger_start": int(record["start"]),
                "type": str(record["event_type"]),
                "status": status(record),
            }
        )
    return out


def read_judged(paths: list[Path]) -> dict[Key, tuple[str, str]]:
    """(file, trigger start, type, status) -> (verdict, reason); later files win (a row whose
    status changed is judged again)."""
    judged: dict[Key, tuple[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["verdict"] not in VERDICTS:
                    raise SystemExit(f"{path}: unknown verdict {row['verdict']!r}")
                key = (row["file"], int(row["trigger_start"]), row["type"], row["status"])
                judged[key] = (row["verdict"], row["reason"])
    return judged


def figures(verdicts: list[str]) -> str:
    n = len(verdicts)
    counts = Counter(verdicts)
    if not n:
        return "0 reported"
    right = counts["right"]
    both = right + counts["partly"]
    parts = ", ".join(f"{v} {counts[v]}" for v in VERDICTS)
    return f"{n:3d} reported ({parts}); precision {right / n:.3f}, right+partly {both / n:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--judged", type=Path, nargs="*", default=[])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--types", default="", help="comma-separated event types: judge only these rows")
    args = parser.parse_args(argv)
    rows = store_rows(args.db, args.min_confidence)
    if args.types:
        wanted = set(args.types.split(","))
        rows = [r for r in rows if r["type"] in wanted]
    judged = read_judged(args.judged)
    missing = 0
    for row in rows:
        key = (str(row["file"]), int(str(row["trigger_start"])), str(row["type"]), str(row["status"]))
        verdict, reason = judged.get(key, ("", ""))
        row["verdict"], row["reason"] = verdict, reason
        if not verdict:
            missing += 1
            print(f"not judged: {key[0]} sentence {row['sentence_start']} trigger {key[1]} {key[2]} {key[3]}")
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as f:
            names = ["file", "sentence_start", "trigger_start", "type", "status", "verdict", "reason"]
            writer = csv.DictWriter(f, names, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    print(f"all rows  {figures([str(r['verdict']) for r in rows])}")
    facts = [str(r["verdict"]) for r in rows if r["status"] == "fact"]
    print(f"facts     {figures(facts)}")
    if missing:
        print(f"{missing} rows not judged: the figures are incomplete")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
