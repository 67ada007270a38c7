"""Article-body extraction on the ScrapingHub benchmark pages (``../shared/eval/articles/scrapinghub``).

    python eval/articles.py [--data DIR] [--json OUT] [--worst N]

Every page goes through :class:`~newsgraph.readers.html.HtmlReader` and
:func:`~newsgraph.clean.split.split_document`, so the score is that of the article ``text``
newsgraph outputs; plain ``trafilatura.extract`` runs on the same pages as a baseline.

Scoring (``../shared/eval/README.md``): the predicted and gold bodies are split into tokens, and
the multisets of 4-token shingles are compared, giving precision and recall per page. ``P`` and
``R`` are the means over pages, ``F1`` is their harmonic mean (as the benchmark reports it) and
``F1/page`` the mean of per-page F1. Two tokenisations are reported: ``whitespace`` (split on
whitespace, the project's definition; a page with no output scores 0) and ``words`` (the
benchmark's own ``\\w+`` tokens and its averaging: pages with no output are left out of the
precision mean), which is the scale of the published figures (trafilatura 0.958).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "articles" / "scrapinghub"
TARGET_F1 = 0.958
SHINGLE = 4
_WORD = re.compile(r"\w+")


def tokens(text: str, mode: str) -> list[str]:
    return text.split() if mode == "whitespace" else _WORD.findall(text)


def shingles(text: str, mode: str) -> Counter[tuple[str, ...]]:
    toks = tokens(text, mode)
    if 0 < len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


def match(gold: str, pred: str, mode: str) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` over the multisets of shingles."""
    g, p = shingles(gold, mode), shingles(pred, mode)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


@dataclass(slots=True)
class Scores:
    """Per-page ``(tp, fp, fn)`` of one system under one tokenisation."""

    mode: str
    pages: list[tuple[str, int, int, int]] = field(default_factory=list)

    def page_pr(self, tp: int, fp: int, fn: int) -> tuple[float | None, float]:
        """Precision (None when the benchmark leaves the page out) and recall of one page."""
        if fp == fn == 0:
            return 1.0, 1.0
        if tp + fp == 0:  # nothing predicted
            return (None if self.mode == "words" else 0.0), 0.0
        return tp / (tp + fp), (tp / (tp + fn) if tp + fn else 0.0)

    def summary(self) -> dict[str, float]:
        ps: list[float] = []
        rs: list[float] = []
        f1s: list[float] = []
        for _, tp, fp, fn in self.pages:
            p, r = self.page_pr(tp, fp, fn)
            if p is not None:
                ps.append(p)
            rs.append(r)
            pp = p or 0.0
            f1s.append(2 * pp * r / (pp + r) if pp + r else 0.0)
        mp = sum(ps) / len(ps) if ps else 0.0
        mr = sum(rs) / len(rs) if rs else 0.0
        return {
            "precision": mp,
            "recall": mr,
            "f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0,
            "f1_per_page": sum(f1s) / len(f1s) if f1s else 0.0,
        }

    def worst(self, n: int) -> list[tuple[float, str]]:
        out = []
        for key, tp, fp, fn in self.pages:
            p, r = self.page_pr(tp, fp, fn)
            pp = p or 0.0
            out.append((2 * pp * r / (pp + r) if pp + r else 0.0, key))
        return sorted(out)[:n]


def load_pages(data: Path) -> list[tuple[str, bytes, str]]:
    """``(id, gzipped html bytes' content, gold body)`` for every page with ground truth."""
    truth: dict[str, dict[str, Any]] = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        path = data / "html" / f"{key}.html.gz"
        if path.exists():
            pages.append((key, gzip.decompress(path.read_bytes()), truth[key].get("articleBody") or ""))
    return pages


def newsgraph_system() -> Callable[[str, bytes], str | None]:
    """What newsgraph outputs as article text for a page (None on a reader error)."""
    from newsgraph.clean.split import split_document
    from newsgraph.readers.base import Source
    from newsgraph.readers.html import HtmlReader
    from newsgraph.records import Document
    from newsgraph.settings import Settings

    reader = HtmlReader()
    settings = Settings()

    def run(key: str, html: bytes) -> str | None:
        source = Source(name=f"{key}.html", data=html)
        texts: list[str] = []
        failed = False
        for item in reader.read(source, settings):
            if isinstance(item, Document):
                texts.extend(d.text for d in split_document(item))
            else:
                failed = True
        return None if failed and not texts else "\n\n".join(texts)

    return run


def trafilatura_system(key: str, html: bytes) -> str | None:
    import trafilatura

    return trafilatura.extract(html)


def evaluate(
    pages: list[tuple[str, bytes, str]], system: Callable[[str, bytes], str | None]
) -> dict[str, Any]:
    by_mode = {mode: Scores(mode) for mode in ("whitespace", "words")}
    failures = 0
    start = time.perf_counter()
    for key, html, gold in pages:
        try:
            pred = system(key, html)
        except Exception as exc:  # a crash is a failure of the system on this page, not of the eval
            logging.getLogger("eval").warning("%s crashed: %s", key, exc)
            pred = None
        if not pred:
            failures += 1
        for mode, scores in by_mode.items():
            scores.pages.append((key, *match(gold, pred or "", mode)))
    seconds = time.perf_counter() - start
    return {"scores": by_mode, "failures": failures, "pages": len(pages), "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ScrapingHub benchmark folder")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--worst", type=int, default=0, help="list the N lowest-F1 page ids for newsgraph")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (quick runs)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")

    if not (args.data / "ground-truth.json").exists():
        print(f"articles: {args.data} is absent (ground-truth.json not found); skipped")
        return 0
    pages = load_pages(args.data)
    if args.limit:
        pages = pages[: args.limit]
    if not pages:
        print(f"articles: no pages under {args.data / 'html'}; skipped")
        return 0

    systems = {
        "newsgraph": evaluate(pages, newsgraph_system()),
        "trafilatura.extract": evaluate(pages, trafilatura_system),
    }

    print(f"ScrapingHub article bodies: {len(pages)} pages, {SHINGLE}-token shingles")
    header = (
        f"{'system':<22}{'tokens':<12}{'P':>8}{'R':>8}{'F1':>8}{'F1/page':>9}{'pages':>7}{'failures':>10}"
    )
    print(header)
    print("-" * len(header))
    figures: dict[str, Any] = {}
    for mode in ("whitespace", "words"):
        for name, result in systems.items():
            s = result["scores"][mode].summary()
            figures.setdefault(name, {"pages": result["pages"], "failures": result["failures"]})[mode] = s
            print(
                f"{name:<22}{mode:<12}{s['precision']:>8.4f}{s['recall']:>8.4f}{s['f1']:>8.4f}"
                f"{s['f1_per_page']:>9.4f}{result['pages']:>7}{result['failures']:>10}"
            )
    verdicts = []
    for mode in ("whitespace", "words"):
        ours = figures["newsgraph"][mode]["f1"]
        verdicts.append(f"{mode} {ours:.4f} {'reached' if ours >= TARGET_F1 else 'NOT reached'}")
    print(f"target newsgraph F1 >= {TARGET_F1}: " + "; ".join(verdicts))
    for name, result in systems.items():
        figures[name]["seconds"] = round(result["seconds"], 2)
    if args.worst:
        print(f"lowest F1 (whitespace) for newsgraph, {args.worst} pages:")
        for f1, key in systems["newsgraph"]["scores"]["whitespace"].worst(args.worst):
            print(f"  {f1:.3f}  {key}")
    if args.json:
        args.json.write_text(json.dumps({"target_f1": TARGET_F1, "systems": figures}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
