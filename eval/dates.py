"""Temporal expressions scored against TimeBank 1.2 (TempEval-3 TBAQ-cleaned).

    python eval/dates.py [--data ../shared/eval/dates/timebank] [--limit N] [--verbose] [--json OUT]

Each ``.tml`` file gives the document creation time (``<DCT><TIMEX3 value=...>``) and, inside
``<TEXT>``, the gold ``<TIMEX3 type value>`` expressions. The text between the tags is run through
newsgraph's pipeline with the DCT as the publication date. Scores as in TempEval-3: span precision /
recall / F1 with strict (same offsets) and relaxed (any overlap) matching, one-to-one; on the relaxed
matches, value accuracy and type accuracy; and value F1 (a prediction counts when it overlaps a gold
expression and has its value), the figure TempEval-3 ranks systems by.

Rows: newsgraph, the same on each of two fixed halves of the files (since session 14: a file's half
is the parity of the SHA-1 of its name, :func:`half_of`; ``--verbose`` lists the tune half's errors
only), and spaCy's own DATE/TIME entities (spans only) as a reference for the spans. Work before
session 14 looked at all files, so both halves are equally seen today; a gap that opens between
them from now on says the new work was fitted.
Absent data is reported and skipped; the exit status is then 0.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "dates" / "timebank"

_TAG = re.compile(r"<(/?)([A-Z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    confidence: float = 1.0


@dataclass(slots=True)
class TmlDoc:
    name: str
    dct: str
    text: str
    gold: list[Timex]


def parse_tml(path: Path) -> TmlDoc:
    """The plain text inside ``<TEXT>``, with the gold TIMEX3 spans as offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    dct = dct_match.group(1)[:10] if dct_match else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attr = open_timex
            gold.append(Timex(start, length, "", attr.get("type"), attr.get("value")))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    for g in gold:
        g.text = text[g.start : g.end]
    return TmlDoc(path.stem, dct, text, gold)


def load(data: Path, limit: int | None = None) -> list[TmlDoc]:
    files = sorted(data.glob("*.tml"))
    return [parse_tml(p) for p in files[:limit]]


def match(gold: list[Timex], pred: list[Timex], *, strict: bool) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index): same offsets, or, relaxed, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if strict:
                if (g.start, g.end) == (p.start, p.end):
                    pairs.append((g.end - g.start, gi, pi))
            else:
                overlap = min(g.end, p.end) - max(g.start, p.start)
                if overlap > 0:
                    pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def half_of(name: str) -> str:
    """The half a file (by its name) belongs to: ``tune`` or ``measure``."""
    return "tune" if int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "measure"


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[TmlDoc], preds: dict[str, list[Timex]], verbose: bool = False) -> dict[str, Any]:
    n_gold = n_pred = strict_tp = relaxed_tp = value_ok = type_ok = 0
    for doc in docs:
        pred = preds.get(doc.name, [])
        n_gold += len(doc.gold)
        n_pred += len(pred)
        strict_tp += len(match(doc.gold, pred, strict=True))
        relaxed = match(doc.gold, pred, strict=False)
        relaxed_tp += len(relaxed)
        for gi, pi in relaxed:
            g, p = doc.gold[gi], pred[pi]
            value_ok += g.value == p.value
            type_ok += g.type == p.type
            if verbose and g.value != p.value:
                ctx = doc.text[max(0, g.start - 60) : g.end + 30].replace("\n", " ")
                print(
                    f"  value {doc.name} dct={doc.dct} gold {g.text!r} {g.value} | ours {p.text!r} {p.value}"
                )
                print(f"        ... {ctx!r}")
        if verbose:
            matched_g = {gi for gi, _ in relaxed}
            matched_p = {pi for _, pi in relaxed}
            for gi, g in enumerate(doc.gold):
                if gi not in matched_g:
                    ctx = doc.text[max(0, g.start - 40) : g.end + 20].replace("\n", " ")
                    print(f"  missed {doc.name} {g.text!r} {g.type} {g.value} ... {ctx!r}")
            for pi, p in enumerate(pred):
                if pi not in matched_p:
                    ctx = doc.text[max(0, p.start - 40) : p.end + 20].replace("\n", " ")
                    print(f"  extra {doc.name} {p.text!r} {p.type} {p.value} ... {ctx!r}")
    sp, sr, sf = _prf(strict_tp, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed_tp, n_pred, n_gold)
    _, _, vf = _prf(value_ok, n_pred, n_gold)
    return {
        "docs": len(docs),
        "gold": n_gold,
        "pred": n_pred,
        "strict": [sp, sr, sf],
        "relaxed": [rp, rr, rf],
        "value_accuracy": value_ok / relaxed_tp if relaxed_tp else 0.0,
        "type_accuracy": type_ok / relaxed_tp if relaxed_tp else 0.0,
        "value_f1": vf,
    }


def run(docs: list[TmlDoc]) -> tuple[dict[str, list[Timex]], dict[str, list[Timex]], float]:
    """newsgraph's dates and spaCy's DATE/TIME entities for every doc, and the seconds it took."""
    from newsgraph.extract.annotations import doc_dates
    from newsgraph.extract.pipeline import add_components, load_pipeline, prepare_doc

    nlp = add_components(load_pipeline(), ("newsgraph_dates",))
    keep = {"newsgraph_paragraphs", "newsgraph_dates"}
    off = [n for n in nlp.pipe_names if n.startswith("newsgraph_") and n not in keep]
    ours: dict[str, list[Timex]] = {}
    spacy_ents: dict[str, list[Timex]] = {}
    started = time.perf_counter()
    with nlp.select_pipes(disable=off):
        prepared = [prepare_doc(nlp, d.text, published=d.dct) for d in docs]
        for d, doc in zip(docs, nlp.pipe(prepared, batch_size=16), strict=True):
            ours[d.name] = [
                Timex(t.start, t.end, t.text, t.type, t.value, t.confidence) for t in doc_dates(doc)
            ]
            spacy_ents[d.name] = [
                Timex(e.start_char, e.end_char, e.text, e.label_, None)
                for e in doc.ents
                if e.label_ in ("DATE", "TIME")
            ]
    return ours, spacy_ents, time.perf_counter() - started


def print_table(rows: list[tuple[str, dict[str, Any]]]) -> None:
    head = (
        f"{'system':<22} {'strict P':>8} {'R':>6} {'F1':>6} {'relax P':>8} {'R':>6} {'F1':>6} "
        f"{'value acc':>9} {'type acc':>8} {'value F1':>8}"
    )
    print(head)
    print("-" * len(head))
    for name, s in rows:
        sp, sr, sf = s["strict"]
        rp, rr, rf = s["relaxed"]
        value = f"{s['value_accuracy']:>9.3f}" if s.get("has_values", True) else f"{'-':>9}"
        types = f"{s['type_accuracy']:>8.3f}"
        vf = f"{s['value_f1']:>8.3f}" if s.get("has_values", True) else f"{'-':>8}"
        spans = f"{sp:>8.3f} {sr:>6.3f} {sf:>6.3f} {rp:>8.3f} {rr:>6.3f} {rf:>6.3f}"
        print(f"{name:<22} {spans} {value} {types} {vf}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="score the first N files only")
    ap.add_argument(
        "--verbose", action="store_true", help="print the tune half's wrong values, misses and extras"
    )
    ap.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    args = ap.parse_args(argv)
    if not args.data.is_dir() or not any(args.data.glob("*.tml")):
        print(f"dates: no TimeBank files under {args.data}; skipped")
        return 0
    docs = load(args.data, args.limit)
    ours, ents, seconds = run(docs)
    main_score = score(docs, ours)
    halves = []
    for half in ("tune", "measure"):
        part = [d for d in docs if half_of(d.name) == half]
        shown = args.verbose and half == "tune"
        halves.append((f"  {half} ({len(part)} files)", score(part, ours, verbose=shown)))
    ent_score = score(docs, ents)
    ent_score["has_values"] = False
    print(
        f"TimeBank: {main_score['docs']} docs, {main_score['gold']} gold TIMEX3, "
        f"{main_score['pred']} predicted, pipeline {seconds:.1f}s"
    )
    print_table([("newsgraph", main_score), *halves, ("spaCy DATE/TIME ents", ent_score)])
    if args.json:
        args.json.write_text(json.dumps({"newsgraph": main_score, "spacy": ent_score}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
