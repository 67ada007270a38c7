"""Entity names and types on ordinary pages nobody labelled, judged by hand before and after a change.

    python eval/kinds_review.py [--sample DIR] [--draw N] [--seed S] [--show] [--judged TSV ...]

The sample (``eval/data/entities_review4/sample.txt``, ids only: ScrapingHub keys and PolNeAR train
file names, whose texts stay in ``../shared``) goes through newsgraph's pipeline as
``eval/actors_review.py`` runs it. ``--draw N`` picks N entities of every type at random (seeded),
keyed by text id and the offsets of their first mention. A judgement file holds two verdicts:

- ``name_v``: ``right`` (a real name, cleanly cut), ``cut`` (a real name with a piece missing or a
  neighbouring word glued on), ``nonent`` (no entity of the GUIDE: a product, work or event, page
  chrome, a common word, a tag);
- ``type_v``: ``right`` or ``wrong`` (the GUIDE of ``eval/data/entities_real``); ``-`` for nonent.

Without ``--draw`` the script lists the rows whose name or type changed since they were judged
(they must be judged again; a later file wins) and those gone from the output (dropped), and
prints the verdict counts of the rows still there.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

from actors_review import show, source_of
from entities_real import published
from events_real import read_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT / "eval" / "data" / "entities_review4"
FIELDS = ("file", "start", "end", "name", "type", "code", "role", "name_v", "type_v", "kind")
SEED = 20
Key = tuple[str, int, int]


def rows_of(ids: list[str]) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Every entity newsgraph finds in the sample texts, and the texts."""
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    texts = {i: t for i in ids if (t := read_text(source_of(i))) is not None}
    rows: list[dict[str, str]] = []
    made = (prepare_doc(nlp, texts[i], published=published(source_of(i))) for i in texts)
    for text_id, doc in zip(texts, nlp.pipe(made, batch_size=8), strict=True):
        for e in doc_entities(doc):
            first = min(((m.start, m.end) for m in e.mentions), default=(e.start, e.end))
            rows.append(
                {
                    "file": text_id,
                    "start": str(first[0]),
                    "end": str(first[1]),
                    "name": e.name,
                    "type": e.type,
                    "code": f"{e.actor.code}/{e.actor.sector or ''}" if e.actor else "",
                    "role": "; ".join(r.title for r in e.roles),
                }
            )
    return rows, texts


def read_judged(paths: list[Path]) -> dict[Key, dict[str, str]]:
    judged: dict[Key, dict[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
                judged[(row["file"], int(row["start"]), int(row["end"]))] = row
    return judged


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--draw", type=int, default=0)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--all", action="store_true", help="write every entity, not a draw")
    parser.add_argument("--judged", type=Path, nargs="*", default=[])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    ids = [ln.strip() for ln in (args.sample / "sample.txt").read_text().splitlines()]
    ids = [i for i in ids if i and not i.startswith("#")]
    rows, texts = rows_of(ids)
    if not texts:
        print("no sample texts found (is ../shared beside the checkout?)")
        return 0
    if args.draw or args.all:
        picked = rows if args.all else random.Random(args.seed).sample(rows, min(args.draw, len(rows)))
        picked.sort(key=lambda r: (ids.index(r["file"]), int(r["start"])))
        for row in picked:
            if args.show:
                show(row, texts[row["file"]])
        if args.out:
            write(args.out, picked)
        return 0
    judged = read_judged(args.judged)
    by_key = {(r["file"], int(r["start"]), int(r["end"])): r for r in rows}
    kept: list[dict[str, str]] = []
    gone: list[dict[str, str]] = []
    changed = 0
    for key, old in judged.items():
        row = by_key.get(key)
        if row is None:
            gone.append(old)
            print(f"gone: {key[0][:24]} {key[1]}-{key[2]} {old['name']!r} ({old['name_v']}/{old['type_v']})")
            continue
        diffs = [f for f in ("name", "type") if row[f] != old[f]]
        if diffs:
            changed += 1
            print(
                f"changed: {key[0][:24]} {key[1]}-{key[2]} {old['name']!r} ({old['name_v']}/{old['type_v']})"
            )
            for f in diffs:
                print(f"    {f}: {old[f]!r} -> {row[f]!r}")
            if args.show:
                show(row, texts[row["file"]])
        kept.append(old)
    names = Counter(r["name_v"] for r in kept)
    good = sum(1 for r in kept if r["name_v"] == "right" and r["type_v"] == "right")
    lost = Counter("right" if r["name_v"] == "right" and r["type_v"] == "right" else "wrong" for r in gone)
    print(
        f"judged {len(judged)}: kept {len(kept)} (name right {names['right']}, cut {names['cut']}, "
        f"nonent {names['nonent']}; name and type right {good}, share {good / (len(kept) or 1):.3f}); "
        f"dropped {len(gone)} (right {lost['right']}, wrong {lost['wrong']})"
    )
    if changed:
        print(f"{changed} changed (judge them again)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
