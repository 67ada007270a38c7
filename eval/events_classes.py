"""The confidence of event classes on fresh text: every fact event of a seeded draw of PolNeAR train
texts nobody labelled or reviewed, with its confidence and its evidence class.

    python eval/events_classes.py --seed N --count K --out TSV [--skip TSV ...]
    python eval/events_classes.py --judged TSV [TSV ...]

The draw is ``random.Random(seed)`` shuffling the PolNeAR train texts of ``../shared`` that are in
no label file (``eval/data/events_real``, ``eval/data/entities_real``) nor any review sample
(``eval/data/events_review*``, ``eval/data/entities_review*``), nor in the draws of ``--skip``; the
first ``count`` are run through the pipeline. ``--texts`` draws from another folder (session 19:
the PolNeAR dev texts, labelled for quotes only, once the train texts were all used). Each fact
event (not negated, hypothetical or future) is written as a row of offsets (file, trigger start
and end, type, confidence, its class, its actor and recipient codes); no text is copied. The
class of an event is the set of its evidence features (``Evidence.features()`` of
``extract/events/confidence.py``) that are on, ``off_topic`` when the article's relevance is
below 0.5.

``--judged`` reads such files with a ``verdict`` column (``right``: type and actor right by the
PLOVER manual; ``wrong``: not an event, wrong type or wrong actor; empty: not judged) and prints,
per class, how many events it holds and the share of its judged events that are right.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_confidence import captured_features

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent.parent / "shared" / "eval"
TEXTS = SHARED / "quotes" / "polnear" / "train" / "text"
FIELDS = ["file", "trigger_start", "trigger_end", "type", "confidence"]
FIELDS += ["klass", "actor", "recipient", "verdict"]


def used() -> set[str]:
    """PolNeAR file names in any label file or review sample."""
    names: set[str] = set()
    data = ROOT / "data"
    for path in list(data.glob("events_real/*.jsonl")) + list(data.glob("entities_real/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                names.add(Path(str(json.loads(line).get("source", ""))).name)
    for path in list(data.glob("events_review*/*.txt")) + list(data.glob("entities_review*/*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "polnear":
                names.add(parts[1])
    return names


def klass(feats: dict[str, float]) -> str:
    """The evidence features that are on, ``off_topic`` for any relevance below 0.5."""
    on = [name for name, value in feats.items() if value > 0]
    return "+".join(sorted(on))


def codes(sides: list[dict[str, Any]]) -> str:
    return ",".join(str(a.get("code") or a.get("sector") or "?") for a in sides)


def run(files: list[str], texts: Path = TEXTS) -> list[dict[str, Any]]:
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    rows: list[dict[str, Any]] = []
    with captured_features() as seen:
        for name in files:
            seen.clear()
            text = (texts / name).read_text(encoding="utf-8")
            doc = nlp(prepare_doc(nlp, text))
            feats = {(start, etype): f for (_, start, etype), f in seen.items()}
            for e in doc_facts(doc)["events"]:
                if e.get("negated") or e.get("hypothetical") or e.get("future"):
                    continue
                f = feats.get((int(e["start"]), str(e["event_type"])), {})
                rows.append(
                    {
                        "file": name,
                        "trigger_start": e["start"],
                        "trigger_end": e["end"],
                        "type": e["event_type"],
                        "confidence": e.get("confidence", 1.0),
                        "klass": klass(f),
                        "actor": codes(e.get("actor") or []),
                        "recipient": codes(e.get("recipient") or []),
                        "verdict": "",
                    }
                )
    return rows


def report(paths: list[Path]) -> None:
    by: dict[str, list[dict[str, str]]] = defaultdict(list)
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                by[row["klass"]].append(row)
    for name, rows in sorted(by.items(), key=lambda kv: -len(kv[1])):
        judged = [r for r in rows if r["verdict"]]
        right = sum(1 for r in judged if r["verdict"] == "right")
        conf = sorted(float(r["confidence"]) for r in rows)[len(rows) // 2]
        share = f"{right}/{len(judged)} = {right / len(judged):.2f}" if judged else "-"
        print(f"{len(rows):4d}  conf {conf:.3f}  right {share:14s}  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int)
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--skip", type=Path, nargs="*", default=[])
    parser.add_argument("--judged", type=Path, nargs="*", default=[])
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder of texts (default: PolNeAR train)")
    args = parser.parse_args(argv)
    if args.judged:
        report(args.judged)
        return 0
    skip = used()
    for path in args.skip:
        with path.open(encoding="utf-8") as f:
            skip.update(row["file"] for row in csv.DictReader(f, delimiter="\t"))
        skip.update(line.strip() for line in path.with_suffix(".files").read_text().splitlines())
    pool = sorted(p.name for p in args.texts.glob("*.txt") if p.name not in skip)
    random.Random(args.seed).shuffle(pool)
    files = pool[: args.count]
    rows = run(files, args.texts)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    args.out.with_suffix(".files").write_text("".join(f"{n}\n" for n in files), encoding="utf-8")
    print(f"{len(files)} texts of {len(pool)} fresh (seed {args.seed}), {len(rows)} fact events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
