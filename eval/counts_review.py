"""Counts on real news: a judged review sample of the counts newsgraph finds in PolNeAR train texts
that no label file of this project covers.

    python eval/counts_review.py [--list] [--judged eval/data/counts_review/judged.tsv]

The sample (``eval/data/counts_review/sample.txt``, one PolNeAR train file name a line) is the
first files, in the order of the SHA-1 of their names, of those no label file names
(``entities_real``, ``events_real``, the events and entities reviews), until 160 counts are found.
Each text goes through newsgraph's full pipeline as one article (its publication date from its
file name, as ``entities_real.py`` does). ``--list`` prints every count found with its context, for
judging. The judgements (``judged.tsv``: file, start, end, number text, verdict ``right`` or
``wrong``, reason) hold only offsets into the texts, which stay in ``../shared``.

A count is **right** when the number counts people, things, money or a share as the text reports
it, with the value, qualifier and kind a reader would give it (``other`` is right when no listed
kind fits); it is wrong when the number is no count (a score, a rank, a vote tally read as
people, a part of a name) or a field is wrong. Each file belongs to a half by the parity of the
SHA-1 of its name: ``tune`` (looked at, and the only half a fit may use) and ``measure``.

Printed per half: the share right of every count and at the default count confidence, and the
calibration bands. Absent data is reported and skipped (exit 0).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibration import band_lines, precision_at

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "train" / "text"
FOLDER = ROOT / "eval" / "data" / "counts_review"


@dataclass(slots=True)
class Found:
    file: str
    start: int
    end: int
    number_text: str
    confidence: float
    record: dict[str, Any]


def half_of(name: str) -> str:
    """The half a file (by its name) belongs to: ``tune`` or ``measure``."""
    return "tune" if int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "measure"


def sample() -> list[str]:
    path = FOLDER / "sample.txt"
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def run(
    files: list[str], features: dict[tuple[str, int, int], dict[str, float]] | None = None
) -> list[Found]:
    """Every count the full pipeline finds in ``files`` (with, when ``features`` is given, each
    count's evidence stored there by (file, start, end))."""
    from entities_real import published

    from newsgraph.extract import count_confidence
    from newsgraph.extract.annotations import doc_counts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc

    nlp = load_pipeline()
    out: list[Found] = []
    original = count_confidence.features
    for name in files:
        text = (TEXTS / name).read_text(encoding="utf-8")
        seen: dict[tuple[int, int], dict[str, float]] = {}

        def capture(
            count: Any, doc: Any, seen: dict[tuple[int, int], dict[str, float]] = seen
        ) -> dict[str, float]:
            feats: dict[str, float] = original(count, doc)
            seen[(count.start, count.end)] = feats
            return feats

        count_confidence.features = capture  # type: ignore[assignment]
        try:
            doc = nlp(prepare_doc(nlp, text, published=published(name)))
        finally:
            count_confidence.features = original  # type: ignore[assignment]
        for c in doc_counts(doc):
            out.append(Found(name, c.start, c.end, c.number_text, c.confidence, c.as_json()))
            if features is not None:
                features[(name, c.start, c.end)] = seen.get((c.start, c.end), {})
    return out


def read_judged(path: Path) -> dict[tuple[str, int, int], str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            (r["file"], int(r["start"]), int(r["end"])): r["verdict"]
            for r in csv.DictReader(fh, delimiter="\t")
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--list", action="store_true", help="print every count with its context")
    parser.add_argument("--judged", type=Path, default=FOLDER / "judged.tsv")
    args = parser.parse_args(argv)
    if not TEXTS.exists():
        print(f"skipped: {TEXTS} is absent")
        return 0
    from newsgraph.extract.thresholds import DEFAULT_MIN_COUNT_CONFIDENCE

    found = run(sample())
    if args.list:
        for f in found:
            text = (TEXTS / f.file).read_text(encoding="utf-8")
            r = f.record
            ctx = text[max(0, f.start - 90) : f.end + 60].replace("\n", " ")
            obj = (r.get("object") or {}).get("text")
            print(
                f"{f.file}\t{f.start}\t{f.end}\t{f.number_text}\t{half_of(f.file)}\t{f.confidence:.2f}\t"
                f"{r['value']}|{r['qualifier']}|{r['kind']}|{obj}|{r['unit']}\t{ctx}"
            )
        return 0
    judged = read_judged(args.judged)
    for half in ("tune", "measure"):
        pairs = [
            (f.confidence, 1.0 if judged[(f.file, f.start, f.end)] == "right" else 0.0)
            for f in found
            if half_of(f.file) == half and (f.file, f.start, f.end) in judged
        ]
        missing = sum(1 for f in found if half_of(f.file) == half and (f.file, f.start, f.end) not in judged)
        every, n = precision_at(pairs, 0.0)
        kept, k = precision_at(pairs, DEFAULT_MIN_COUNT_CONFIDENCE)
        print(f"{half}: {n} judged counts ({missing} found but not judged), share right {every:.3f}")
        print(f"  at >= {DEFAULT_MIN_COUNT_CONFIDENCE:g}: {k} counts, share right {kept:.3f}")
        print("  band, counts, mean confidence, share right")
        print("\n".join(band_lines(pairs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
