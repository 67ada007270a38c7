"""Actor codes on a review sample of real news in no label file, judged by hand before and after a change.

    python eval/actors_review.py [--sample DIR] [--draw N] [--show] [--judged TSV ...] [--out TSV]

The sample (``eval/data/entities_review2/sample.txt``, ids only: PolNeAR train file names and
ScrapingHub keys, whose texts stay in ``../shared``) goes through newsgraph's pipeline, each text one
article (PolNeAR texts with the date their file name carries, as ``eval/entities_real.py`` does).
``--draw N`` picks N people, organisations and groups at random (seeded) and writes them with their
code for judging, ``--coded`` every one that has a code; each is keyed by its text id and the
offsets of its first mention. A judgement
file holds one verdict per entity on its actor code (the GUIDE of ``eval/data/entities_real``, the
PLOVER manual):

- ``right``: the country and sector are right, or no code where the text gives none;
- ``country``: a wrong country; ``sector``: the right country with a wrong sector;
- ``none``: no code where the text says who the entity is; ``extra``: a code where it says nothing.

Without ``--draw`` the script lists the rows whose code (or name or type) changed since they were
judged, which must be judged again (a later file wins), and prints the verdict counts.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

from entities_real import published
from events_real import read_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT / "eval" / "data" / "entities_review2"
VERDICTS = ("right", "country", "sector", "none", "extra")
FIELDS = ("file", "start", "end", "name", "type", "code", "role", "code_v", "reason")
TYPES = frozenset({"PERSON", "ORG", "NORP"})
SEED = 1717
Key = tuple[str, int, int]


def source_of(text_id: str) -> str:
    """The ``../shared/eval`` source of a sample id: a PolNeAR file name or a ScrapingHub key."""
    if text_id.endswith(".txt"):
        return f"quotes/polnear/train/text/{text_id}"
    return f"articles/scrapinghub/ground-truth.json#{text_id}"


def rows_of(
    ids: list[str], types: frozenset[str] | None = TYPES
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Every entity of ``types`` (all types for None; by default persons, organisations and groups)
    newsgraph finds in the sample texts, keyed by its first mention, and the texts."""
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    texts = {i: t for i in ids if (t := read_text(source_of(i))) is not None}
    rows: list[dict[str, str]] = []
    made = (prepare_doc(nlp, texts[i], published=published(source_of(i))) for i in texts)
    for text_id, doc in zip(texts, nlp.pipe(made, batch_size=8), strict=True):
        for e in doc_entities(doc):
            if types is not None and e.type not in types:
                continue
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


def sample_ids(folder: Path) -> list[str]:
    """The text ids of a sample folder's ``sample.txt`` (comment lines left out)."""
    ids = [ln.strip() for ln in (folder / "sample.txt").read_text().splitlines()]
    return [i for i in ids if i and not i.startswith("#")]


def show(row: dict[str, str], text: str) -> None:
    s, e = int(row["start"]), int(row["end"])
    head = f"== {row['file'][:24]} {s}-{e} {row['type']} {row['name']!r}"
    print(f"{head} code {row['code']!r} role {row['role']!r}")
    print("   " + text[max(0, s - 160) : e + 120].replace("\n", " "))


def read_rows(paths: list[Path]) -> dict[Key, dict[str, str]]:
    """The rows of judgement files by (text id, start, end); a later file wins."""
    judged: dict[Key, dict[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
                judged[(row["file"], int(row["start"]), int(row["end"]))] = row
    return judged


def read_judged(paths: list[Path]) -> dict[Key, dict[str, str]]:
    judged = read_rows(paths)
    for row in judged.values():
        if row["code_v"] not in VERDICTS:
            raise SystemExit(f"unknown verdict {row['code_v']!r} in {paths}")
    return judged


def write(path: Path, rows: list[dict[str, str]], fields: tuple[str, ...] = FIELDS) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--draw", type=int, default=0)
    parser.add_argument("--coded", action="store_true", help="write every coded entity, not a draw")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--judged", type=Path, nargs="*", default=[])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    ids = sample_ids(args.sample)
    rows, texts = rows_of(ids)
    if not texts:
        print("no sample texts found (is ../shared beside the checkout?)")
        return 0
    if args.draw or args.coded:
        coded = [r for r in rows if r["code"]]
        picked = coded if args.coded else random.Random(args.seed).sample(rows, min(args.draw, len(rows)))
        picked.sort(key=lambda r: (ids.index(r["file"]), int(r["start"])))
        for row in picked:
            row["code_v"] = row["reason"] = ""
            if args.show:
                show(row, texts[row["file"]])
        if args.out:
            write(args.out, picked)
        return 0
    judged = read_judged(args.judged)
    by_key = {(r["file"], int(r["start"]), int(r["end"])): r for r in rows}
    scored: list[dict[str, str]] = []
    out: list[dict[str, str]] = []
    changed = gone = 0
    for key, old in judged.items():
        row = by_key.get(key)
        if row is None:
            gone += 1
            print(f"gone: {key[0][:24]} {key[1]}-{key[2]} {old['name']!r}")
            continue
        diffs = [f for f in ("name", "type", "code") if row[f] != old[f]]
        if diffs:
            changed += 1
            print(f"changed: {key[0][:24]} {key[1]}-{key[2]} {old['name']!r} ({old['code_v']})")
            for f in diffs:
                print(f"    {f}: {old[f]!r} -> {row[f]!r}")
            if args.show:
                show(row, texts[row["file"]])
        else:
            scored.append(old)
        out.append({**old, **{f: row[f] for f in ("name", "type", "code", "role")}})
    if args.out:
        write(args.out, out)
    counts = Counter(r["code_v"] for r in scored)
    print(
        f"actor codes judged unchanged: {len(scored)} of {len(judged)}; "
        + ", ".join(f"{v} {counts[v]}" for v in VERDICTS)
        + f"; right share {counts['right'] / (len(scored) or 1):.3f}"
    )
    if changed or gone:
        print(f"{changed} changed (judge them again), {gone} gone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
