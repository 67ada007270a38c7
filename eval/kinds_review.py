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
import random
import sys
from collections import Counter
from pathlib import Path

from actors_review import read_rows, rows_of, sample_ids, show, write

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT / "eval" / "data" / "entities_review4"
FIELDS = ("file", "start", "end", "name", "type", "code", "role", "name_v", "type_v", "kind")
SEED = 20


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
    ids = sample_ids(args.sample)
    rows, texts = rows_of(ids, types=None)
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
            write(args.out, picked, FIELDS)
        return 0
    judged = read_rows(args.judged)
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
