"""Event sides (actor, recipient) on fresh text of session 20: the 84 PolNeAR DEV texts (quotes-only
labels, no event label) and a seeded TimeBank draw of ``eval/fresh_texts.py``; a random sample of fact
events at the default confidence, judged by hand before and after a change (``eval/events_actors.py``
does the same on PolNeAR train texts).

    python eval/events_sides23.py --draw --seed 2323 --size 60 --out eval/data/ev23recip
    python eval/events_sides23.py --show eval/data/ev23recip
    python eval/events_sides23.py --judged eval/data/ev23recip [--after TSV]

Text ids: ``polnear_dev/<file name>`` and ``timebank/<DOCID>``; the TimeBank ids are those of
``fresh_texts.py --corpus timebank --seed 2929 --count 60``. Only offsets and verdicts are kept.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import events_actors as ea
from events_classes import codes
from events_real import SHARED
from fresh_texts import draw as fresh_draw
from fresh_texts import texts as corpus_texts

POLNEAR_DEV = SHARED / "quotes" / "polnear" / "dev" / "text"
TIMEBANK_SEED, TIMEBANK_COUNT = 2929, 60


def timebank_ids() -> list[str]:
    drawn = fresh_draw("timebank", TIMEBANK_SEED, None, SHARED)
    return [k for k, v in drawn.items() if v.strip()][:TIMEBANK_COUNT]


def all_texts(ids: list[str] | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    if POLNEAR_DEV.exists():
        for p in sorted(POLNEAR_DEV.glob("*.txt")):
            out[f"polnear_dev/{p.name}"] = p.read_text(encoding="utf-8")
    tb = corpus_texts("timebank", SHARED)
    for i in timebank_ids():
        out[f"timebank/{i}"] = tb[i]
    if ids is not None:
        out = {k: v for k, v in out.items() if k in set(ids)}
    return out


def events_of(texts: dict[str, str], threshold: float) -> list[dict[str, Any]]:
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
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
                    "actor_spans": ea._spans(e.get("actor") or []),
                    "recipient": codes(e.get("recipient") or []),
                    "recipient_spans": ea._spans(e.get("recipient") or []),
                }
            )
    return rows


def draw(seed: int, size: int, out: Path, threshold: float) -> None:
    texts = all_texts()
    ids = list(texts)
    rows = events_of(texts, threshold)
    picked = random.Random(seed).sample(rows, min(size, len(rows)))
    picked.sort(key=lambda r: (ids.index(r["file"]), int(r["trigger_start"])))
    out.mkdir(parents=True, exist_ok=True)
    ea._write(out / "before.tsv", picked)
    print(f"{len(texts)} texts, {len(rows)} fact events >= {threshold}; {len(picked)} drawn (seed {seed})")


def show(folder: Path) -> None:
    rows = ea._read(folder / "before.tsv")
    texts = all_texts(sorted({r["file"] for r in rows.values()}))
    for row in rows.values():
        text = texts[row["file"]]
        s, e = int(row["trigger_start"]), int(row["trigger_end"])
        left = text.rfind("\n", 0, s) + 1
        right = text.find("\n", e)
        right = len(text) if right < 0 else right
        print(f"== {row['file'][:50]} {s} {row['type']} {row['confidence']} trigger {text[s:e]!r}")
        for side in ("actor", "recipient"):
            spans = [x.split("-") for x in row[f"{side}_spans"].split(",") if x]
            print(f"   {side}: {row[side] or '-'} {[text[int(a) : int(b)] for a, b in spans]}")
        print("   " + text[max(left, s - 400) : min(right, e + 300)].replace("\n", " "))


def score(folder: Path, after: Path | None, threshold: float) -> None:
    judged = ea._read(folder / "before.tsv")
    later = ea._read(after) if after else {}
    texts = all_texts(sorted({k[0] for k in judged}))
    now = {(str(r["file"]), int(r["trigger_start"]), str(r["type"])): r for r in events_of(texts, 0.0)}
    tally: dict[str, dict[str, int]] = {"actor": {}, "recipient": {}}
    for key, row in judged.items():
        cur = now.get(key)
        if cur is None or float(cur["confidence"]) < threshold:
            print(f"gone: {key} (actor {row['actor_v']}, recipient {row['recipient_v']})")
            continue
        judge = row if ea._sides(row) == ea._sides(cur) else later.get(key)
        if judge is None or ea._sides(judge) != ea._sides(cur):
            print(
                f"to judge: {key} actor {row['actor']} -> {cur['actor']} {cur['actor_spans']},"
                f" recipient {row['recipient']} -> {cur['recipient']} {cur['recipient_spans']}"
            )
            continue
        for side in tally:
            v = judge[f"{side}_v"] or "unjudged"
            tally[side][v] = tally[side].get(v, 0) + 1
    for side, c in tally.items():
        n = sum(c.values())
        parts = ", ".join(f"{v} {k}" for v, k in sorted(c.items()))
        print(f"{side:10s} {n} judged: right share {c.get('right', 0) / n if n else 0:.3f} ({parts})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--draw", action="store_true")
    parser.add_argument("--seed", type=int, default=2323)
    parser.add_argument("--size", type=int, default=60)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show", type=Path)
    parser.add_argument("--judged", type=Path)
    parser.add_argument("--after", type=Path)
    parser.add_argument("--min-confidence", type=float, default=0.5)
    args = parser.parse_args(argv)
    if not POLNEAR_DEV.exists():
        print("skipped: no PolNeAR texts (is ../shared beside the checkout?)")
        return 0
    if args.draw and args.out:
        draw(args.seed, args.size, args.out, args.min_confidence)
    elif args.show:
        show(args.show)
    elif args.judged:
        score(args.judged, args.after, args.min_confidence)
    else:
        parser.print_usage()
    return 0


if __name__ == "__main__":
    sys.exit(main())
