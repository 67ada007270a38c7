"""Entity quality on a review sample of real news nobody labelled or tuned on.

    python eval/entities_review.py --db STORE [--judged TSV ...] [--out TSV] [--draw] [--show]

The sample (``eval/data/entities_review/sample.txt``, ids only) is 15 ScrapingHub pages and 15
PolNeAR train texts drawn at random from the pages of ``../shared`` that are in no label file of
``eval/data/entities_real``, ``eval/data/events_real`` or ``eval/data/events_review``. Ingest them
into STORE (``newsgraph ingest``). ``--draw`` picks the review entities from the store, stratified
and seeded: 20 from the most mentioned (the ``TOP`` entities with the most mentions in their
article) and 40 from the long tail (one or two mentions). Each is keyed by file id and the offsets
of its first mention in the stored article text, and judged by hand on five fields, each ``right``,
``partly`` or ``wrong``:

- ``name``: a real name, cleanly cut (no stray punctuation, possessive, title or neighbouring word);
- ``type``: PERSON / ORG / GPE / LOC / NORP / FAC as the entity GUIDE says;
- ``merge``: all its mentions name one referent, and no mention of it in the article was left out;
- ``code``: actor code, country and sector (the GUIDE; PLOVER manual); no code where none is known
  is right for a place or an untitled person only when nothing in the article gives one;
- ``role``: the title phrase(s) kept for it; no role is right when the article gives none.

Without ``--draw`` the script lists the store's rows for the keys of the judgement files and
prints the share right per field; a row whose name, type, code or role changed since it was judged
is printed as "changed" and must be judged again (a later file wins). Rows whose key is gone from
the store (the entity was dropped or cut differently) are counted apart.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

import duckdb

FIELDS = ("name", "type", "merge", "code", "role")
VERDICTS = ("right", "partly", "wrong")
SHOWN = ("name", "type", "code", "role")
TOP = 60
SEED = 13
Key = tuple[str, int, int]


def _code(record: dict[str, object]) -> str:
    actor = record.get("actor")
    if not isinstance(actor, dict):
        return ""
    return f"{actor.get('code') or ''}/{actor.get('sector') or ''}"


def _roles(record: dict[str, object]) -> str:
    roles = record.get("roles")
    if not isinstance(roles, list):
        return ""
    return "; ".join(f"{r.get('title') or ''}@{r.get('affiliation') or ''}" for r in roles)


def store_rows(db: Path) -> list[dict[str, object]]:
    """Every entity of the store with the fields judged, in file and offset order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            'SELECT a.source, e.start, e."end", e.n_mentions, e.record, a.text '
            "FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY a.source, e.start"
        ).fetchall()
    finally:
        con.close()
    out: list[dict[str, object]] = []
    for source, start, end, n, raw, text in rows:
        record = json.loads(raw)
        out.append(
            {
                "file": Path(str(source)).name.removesuffix(".html"),
                "start": int(start),
                "end": int(end),
                "n": int(n or 0),
                "name": str(record.get("name") or ""),
                "type": str(record.get("type") or ""),
                "code": _code(record),
                "role": _roles(record),
                "_record": record,
                "_text": text,
            }
        )
    return out


def draw(rows: list[dict[str, object]], seed: int = SEED) -> list[dict[str, object]]:
    """20 of the ``TOP`` most mentioned entities and 40 of those with one or two mentions."""
    rng = random.Random(seed)
    ranked = sorted(rows, key=lambda r: (-int(str(r["n"])), str(r["file"]), int(str(r["start"]))))
    top = rng.sample(ranked[:TOP], 20)
    tail = rng.sample([r for r in rows if int(str(r["n"])) <= 2], 40)
    for r in top:
        r["stratum"] = "top"
    for r in tail:
        r["stratum"] = "tail"
    return top + tail


def read_judged(paths: list[Path]) -> dict[Key, dict[str, str]]:
    judged: dict[Key, dict[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                for field in FIELDS:
                    if row[field + "_v"] not in VERDICTS:
                        raise SystemExit(f"{path}: unknown {field} verdict {row[field + '_v']!r}")
                judged[(row["file"], int(row["start"]), int(row["end"]))] = row
    return judged


def show(row: dict[str, object]) -> None:
    """The entity's fields and each mention in a little context (for judging)."""
    text = str(row["_text"])
    record = row["_record"]
    assert isinstance(record, dict)
    print(f"== {row['file'][:16]} {row['start']}-{row['end']} [{row.get('stratum', '')}] {row['name']!r}")
    print(f"   type {row['type']} code {row['code']} role {row['role']!r}")
    for m in (record.get("mentions") or [])[:6]:
        s, e = int(m["start"]), int(m["end"])
        ctx = text[max(0, s - 90) : e + 60].replace("\n", " ")
        print(f"   - {ctx}")


def figures(rows: list[dict[str, str]]) -> list[str]:
    lines = []
    for field in FIELDS:
        counts = Counter(r[field + "_v"] for r in rows)
        n = len(rows) or 1
        lines.append(
            f"{field:6s} right {counts['right']:2d} partly {counts['partly']:2d} wrong {counts['wrong']:2d}"
            f"  right share {counts['right'] / n:.3f}"
        )
    all_right = sum(1 for r in rows if all(r[f + "_v"] == "right" for f in FIELDS))
    lines.append(f"all five right {all_right} of {len(rows)} ({all_right / (len(rows) or 1):.3f})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--judged", type=Path, nargs="*", default=[])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--draw", action="store_true", help="draw the review sample from the store")
    parser.add_argument("--show", action="store_true", help="print each row's mentions in context")
    args = parser.parse_args(argv)
    rows = store_rows(args.db)
    names = ["file", "start", "end", "stratum", *SHOWN, *(f + "_v" for f in FIELDS), "reason"]
    if args.draw:
        picked = draw(rows)
        if args.show:
            for row in picked:
                show(row)
        if args.out:
            with args.out.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, names, delimiter="\t", lineterminator="\n", extrasaction="ignore")
                writer.writeheader()
                writer.writerows(picked)
        return 0
    judged = read_judged(args.judged)
    by_key = {(str(r["file"]), int(str(r["start"])), int(str(r["end"]))): r for r in rows}
    scored: list[dict[str, str]] = []
    changed = gone = 0
    out_rows = []
    for key, old in judged.items():
        row = by_key.get(key)
        if row is None:
            gone += 1
            print(f"gone: {key[0][:16]} {key[1]}-{key[2]} {old['name']!r} ({old['stratum']})")
            continue
        diffs = [f for f in ("name", "type", "code", "role") if str(row[f]) != old[f]]
        if diffs:
            changed += 1
            print(f"changed ({', '.join(diffs)}): {key[0][:16]} {key[1]}-{key[2]} {old['name']!r}")
            for f in diffs:
                print(f"    {f}: {old[f]!r} -> {row[f]!r}")
            if args.show:
                show(row)
        new = {**old, **{f: str(row[f]) for f in SHOWN}}
        out_rows.append(new)
        if not diffs:
            scored.append(new)
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, names, delimiter="\t", lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(out_rows)
    for stratum in ("top", "tail"):
        part = [r for r in scored if r["stratum"] == stratum]
        print(f"{stratum} ({len(part)} judged)")
        for line in figures(part):
            print("  " + line)
    print(f"all ({len(scored)} judged)")
    for line in figures(scored):
        print("  " + line)
    if changed or gone:
        print(f"{changed} rows changed and {gone} gone: judge them again before the figures mean anything")
    return 1 if changed or gone else 0


if __name__ == "__main__":
    sys.exit(main())
