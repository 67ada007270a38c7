"""Counts (casualties, crowds, forces, percentages, money) scored against newsgraph's own test set.

    python eval/counts.py [--gold eval/data/counts_gold.jsonl] [--errors] [--json OUT]

Gold: ``eval/data/counts_gold.jsonl``, sentences written for this project (not taken from any corpus),
one JSON object a line: ``text`` and ``counts``, each with the number's span (``number``, ``start``,
``end``: the figure as written, without qualifier, currency sign or unit), ``value``, ``qualifier``,
``kind``, ``unit`` and ``object`` (the counted noun phrase's text, or null). Sentences with no counts
are negatives: everything found there is a false positive.

A predicted count matches a gold one when their spans overlap; matching is one-to-one, largest overlap
first. Reported: detection precision / recall / F1, and on matched pairs the accuracy of value,
qualifier, kind, unit and object (exact text; null equals null). A second row counts spaCy's own
CARDINAL / MONEY / PERCENT / QUANTITY entities as detections, the baseline the component builds on.

When ``../shared`` is present, three checks on text nobody on this project wrote follow:

* seed: ``newsgraph extract`` on the seed dump, looking for its eight figures;
* PLOVER magnitudes: the ``dead``, ``injured`` and ``size`` fields of the PLOVER gold records
  (``events/plover-gsr-dev.json``): a count with that value (or that vague word) must be found, of kind
  killed for ``dead`` and wounded for ``injured``;
* TimeBank negatives: counts found inside a gold TIMEX3 (dates, times, durations) of the 183 TimeBank
  articles are false positives; their share of all counts found there is printed.

The component's own time is printed against the spaCy time on the same texts.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared eval helpers beside this script

from matching import greedy_pairs

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "eval" / "data" / "counts_gold.jsonl"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_c938483ef1e0594a.txt"
PLOVER = SHARED / "eval" / "events" / "plover-gsr-dev.json"
TIMEBANK = SHARED / "eval" / "dates" / "timebank"
FIELDS = ("value", "qualifier", "kind", "unit", "object")

#: The seed's figures: (number text, value, kind or None for any, object text or None for any).
SEED_COUNTS: list[tuple[str, int, str | None, str | None]] = [
    ("39,000", 39000, "killed", "Palestinians"),
    ("14,000", 14000, "killed", "fighters"),
    ("25,000", 25000, None, None),
    ("1,200", 1200, "killed", "people"),
    ("250", 250, "abducted", "others"),
    ("2.6 million", 2600000, "displaced", "people"),
    ("19", 19, None, "North Korean entities"),
    ("90", 90, "percent", None),
]

Pred = dict[str, Any]


def load_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def match(gold: list[dict[str, Any]], pred: list[Pred]) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold index, pred index) pairs of overlapping spans, largest overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cands.append((ov, i, j))
    return greedy_pairs(cands)


def field_of(p: Pred, name: str) -> Any:
    if name == "object":
        return (p.get("object") or {}).get("text")
    return p.get(name)


def score(gold: list[dict[str, Any]], preds: list[list[Pred]]) -> tuple[dict[str, Any], list[str]]:
    """Detection P/R/F1 and per-field accuracy on matches; plus readable error lines."""
    n_gold = n_pred = tp = 0
    right = dict.fromkeys(FIELDS, 0)
    errors: list[str] = []
    for sent, pred in zip(gold, preds, strict=True):
        g_list = sent["counts"]
        pairs = match(g_list, pred)
        n_gold += len(g_list)
        n_pred += len(pred)
        tp += len(pairs)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, j in pairs:
            g, p = g_list[i], pred[j]
            for f in FIELDS:
                ok = field_of(p, f) == g[f]
                right[f] += ok
                if not ok:
                    errors.append(f"{f:9} gold {g[f]!r} got {field_of(p, f)!r} [{p['text']}]  {sent['text']}")
        for i, g in enumerate(g_list):
            if i not in matched_g:
                errors.append(f"missed    {g['number']!r} ({g['kind']})  {sent['text']}")
        for j, p in enumerate(pred):
            if j not in matched_p:
                errors.append(f"spurious  {p['text']!r} ({p.get('kind')})  {sent['text']}")
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    out: dict[str, Any] = {"P": prec, "R": rec, "F1": f1, "n_gold": n_gold, "n_pred": n_pred, "matched": tp}
    for f in FIELDS:
        out[f] = right[f] / tp if tp else 0.0
    return out, errors


def print_table(rows: list[tuple[str, dict[str, Any]]]) -> None:
    cols = ["system", "P", "R", "F1", *FIELDS, "gold", "pred"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "|".join("---" for _ in cols) + "|")
    for name, s in rows:
        cells = [
            name,
            *(f"{s[k]:.3f}" for k in ("P", "R", "F1", *FIELDS)),
            str(s["n_gold"]),
            str(s["n_pred"]),
        ]
        if name != "newsgraph":
            cells[4:9] = ["-"] * 5
        print("| " + " | ".join(cells) + " |")


def seed_counts(nlp: Any, find_counts: Any) -> tuple[list[Pred], str]:
    """The counts ``newsgraph extract`` finds in the seed dump; when the full pipeline cannot be built
    (another component broken), the counts of the cleaned articles through spaCy and this component."""
    from newsgraph.records import ErrorRecord
    from newsgraph.runner.local import extract, iter_drafts

    try:
        found: list[Pred] = []
        for result in extract([SEED]):
            if not isinstance(result, ErrorRecord):
                found += result.counts
        return found, "newsgraph extract on the seed dump"
    except Exception as exc:  # the whole pipeline is not ours to fix here
        how = f"full pipeline failed ({exc.__class__.__name__}: {exc}); cleaned seed articles, spaCy + counts"
    found = []
    for draft in iter_drafts([SEED]):
        if not isinstance(draft, ErrorRecord):
            doc = nlp(draft.text)
            found += [c.as_dict(doc.text) for c in find_counts(doc)]
    return found, how


def seed_check(nlp: Any, find_counts: Any) -> None:
    if not SEED.exists():
        print(f"\nseed check skipped: {SEED} is absent (../shared is not beside this checkout)")
        return
    found, how = seed_counts(nlp, find_counts)
    print(f"\nseed check ({how}):")
    ok = 0
    for number, value, kind, obj in SEED_COUNTS:
        hits = [c for c in found if c["number_text"] == number and c["value"] == value]
        good = [
            c
            for c in hits
            if (kind is None or c["kind"] == kind) and (obj is None or field_of(c, "object") == obj)
        ]
        ok += bool(good)
        shown = good[0] if good else (hits[0] if hits else None)
        desc = (
            "not found"
            if shown is None
            else f"{shown['text']!r} {shown['kind']} {field_of(shown, 'object')!r}"
        )
        print(f"  {'ok ' if good else 'BAD'} {number:12} -> {desc}")
    print(f"  {ok}/{len(SEED_COUNTS)} seed figures right; {len(found)} counts in the seed in all")


def plover_check(nlp: Any, find_counts: Any) -> None:
    from newsgraph.extract.counts import parse_number

    if not PLOVER.exists():
        print(f"\nPLOVER check skipped: {PLOVER} is absent")
        return
    records = json.loads(PLOVER.read_text(encoding="utf-8"))
    wanted = {"dead": "killed", "injured": "wounded", "size": None}
    n = found = kind_ok = 0
    misses: list[str] = []
    for rec in records:
        fields = [(f, str(rec[f]).strip()) for f in wanted if rec.get(f)]
        if not fields:
            continue
        doc = nlp(rec["text"])
        counts = [c.as_dict(doc.text) for c in find_counts(doc)]
        for field, gold in fields:
            value = int(gold) if gold.isdigit() else None
            if value is None and parse_number(gold) is None:
                continue  # "group": no figure
            n += 1
            hits = [
                c
                for c in counts
                if (value is not None and c["value"] == value)
                or (value is None and c["number_text"].lower() == gold.lower())
            ]
            found += bool(hits)
            good = [c for c in hits if wanted[field] is None or c["kind"] == wanted[field]]
            kind_ok += bool(good)
            if not good:
                misses.append(
                    f"  {field}={gold}: {[(c['text'], c['kind']) for c in counts]}  {rec['text'][:90]}"
                )
    print(f"\nPLOVER magnitudes: {found}/{n} figures found, {kind_ok}/{n} with the right kind")
    print("\n".join(misses))


TIMEX = re.compile(r"<TIMEX3[^>]*>(.*?)</TIMEX3>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def timebank_text(tml: str) -> tuple[str, list[tuple[int, int]]]:
    """The article text of a TimeML file (tags stripped) and the spans of its TIMEX3 expressions."""
    body = tml.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = length = 0
    for m in TIMEX.finditer(body):
        before = html.unescape(TAG.sub("", body[pos : m.start()]))
        inner = html.unescape(TAG.sub("", m.group(1)))
        out += [before, inner]
        length += len(before)
        spans.append((length, length + len(inner)))
        length += len(inner)
        pos = m.end()
    out.append(html.unescape(TAG.sub("", body[pos:])))
    return "".join(out), spans


def timebank_check(nlp: Any, find_counts: Any, show: int) -> None:
    if not TIMEBANK.is_dir():
        print(f"\nTimeBank check skipped: {TIMEBANK} is absent")
        return
    n_counts = 0
    bad: list[str] = []
    shown: list[str] = []
    files = sorted(TIMEBANK.glob("*.tml"))
    docs = [timebank_text(f.read_text(encoding="utf-8")) for f in files]
    for doc, (_, spans) in zip(nlp.pipe(t for t, _ in docs), docs, strict=True):
        for c in find_counts(doc):
            n_counts += 1
            context = doc.text[max(0, c.start - 50) : c.end + 30]
            line = f"{doc.text[c.start : c.end]!r} ({c.kind}) in ...{context!r}"
            if any(s < c.end and c.start < e for s, e in spans):
                bad.append(line)
            elif len(shown) < show:
                shown.append(line.replace("\n", " "))
    print(
        f"\nTimeBank ({len(files)} articles): {n_counts} counts found, {len(bad)} of them inside a gold "
        f"TIMEX3 ({100 * len(bad) / max(1, n_counts):.1f}%)"
    )
    print("\n".join("  " + b.replace("\n", " ") for b in bad))
    if shown:
        print("first counts found outside TIMEX3 (for a hand check):")
        print("\n".join("  " + x for x in shown))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument(
        "--errors", action="store_true", help="print every miss, spurious count and wrong field"
    )
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument(
        "--show", type=int, default=0, help="print the first N TimeBank counts for a hand check"
    )
    args = parser.parse_args(argv)

    import spacy

    from newsgraph.extract.counts import find_counts
    from newsgraph.settings import Settings

    gold = load_gold(args.gold)
    texts = [g["text"] for g in gold]
    n_neg = sum(1 for g in gold if not g["counts"])
    print(
        f"{len(gold)} sentences ({n_neg} with no count), {sum(len(g['counts']) for g in gold)} gold counts\n"
    )

    from newsgraph.extract.counts import lexicon

    nlp = spacy.load(Settings.load().model)
    lexicon()  # built once per process, not timed
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = [[c.as_dict(d.text) for c in find_counts(d)] for d in docs]
    t_counts = time.perf_counter() - t0

    ours, errors = score(gold, preds)
    ner = [
        [
            {"start": e.start_char, "end": e.end_char, "text": e.text}
            for e in d.ents
            if e.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
        ]
        for d in docs
    ]
    base, _ = score(gold, ner)
    print_table([("newsgraph", ours), ("spaCy NER numbers", base)])
    print(
        f"\ncounts component: {1000 * t_counts:.0f} ms over {len(texts)} sentences "
        f"({100 * t_counts / t_spacy:.1f}% of the spaCy time, {1000 * t_spacy:.0f} ms)"
    )
    if args.errors:
        print("\n" + "\n".join(sorted(errors)))
    seed_check(nlp, find_counts)
    plover_check(nlp, find_counts)
    timebank_check(nlp, find_counts, args.show)
    if args.json:
        args.json.write_text(json.dumps({"newsgraph": ours, "ner": base}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
