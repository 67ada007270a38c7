"""Article-body extraction on the ScrapingHub benchmark pages (``../shared/eval/articles/scrapinghub``).

    python eval/articles.py [--data DIR] [--json OUT] [--worst N] [--titles FILE] [--verbose]

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

Titles: the benchmark has none, so ``eval/data/titles/scrapinghub.jsonl`` holds our own labels,
as byte offsets into each decompressed page (never the text): the headline as the page shows it
(its ``<h1>``; the ``og:title``, ``twitter:title`` or ``<title>`` with the site name cut off when the
``<h1>`` is the site's name or missing). A title is right when it equals the gold after
normalising (case, quote marks, runs of punctuation and spaces). Every figure is given for the
``tune`` and the ``measure`` half of the pages (a stable hash of the page id); rules are tuned on
the first only, and ``--verbose`` lists the wrong titles of the tune half only.
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
DEFAULT_TITLES = ROOT / "eval" / "data" / "titles" / "scrapinghub.jsonl"
TARGET_F1 = 0.97
TARGET_TITLE = 0.90
_TAG = re.compile(rb"<[^>]+>", re.S)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise_title(text: str) -> str:
    """Case, quote marks and runs of punctuation and spaces do not count."""
    return re.sub(r"[\W_]+", " ", text.casefold().translate(_QUOTES)).strip()


@dataclass(frozen=True, slots=True)
class GoldTitle:
    half: str
    text: str


def load_titles(path: Path, pages: dict[str, bytes]) -> dict[str, GoldTitle]:
    """The gold headline of each page, read from the page at the label's byte offsets (a page
    whose bytes changed, by its sha1, is left out with a warning)."""
    import hashlib
    import html as html_lib

    gold: dict[str, GoldTitle] = {}
    if not path.exists():
        return gold
    for line in path.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        raw = pages.get(label["id"])
        if raw is None:
            continue
        if hashlib.sha1(raw).hexdigest() != label["sha1"]:
            logging.getLogger("eval").warning("%s: page changed since it was labelled; skipped", label["id"])
            continue
        start, end = label["title"]
        text = _TAG.sub(b" ", raw[start:end]).decode(label.get("encoding") or "utf-8", "replace")
        gold[label["id"]] = GoldTitle(label["half"], re.sub(r"\s+", " ", html_lib.unescape(text)).strip())
    return gold


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


#: A system: a page's id and bytes -> (article text or None on a failure, title or None).
System = Callable[[str, bytes], tuple[str | None, str | None]]


def newsgraph_system() -> System:
    """What newsgraph outputs as article text and title for a page (None on a reader error)."""
    from newsgraph.clean.split import split_document
    from newsgraph.readers.base import Source
    from newsgraph.readers.html import HtmlReader
    from newsgraph.records import Document
    from newsgraph.settings import Settings

    reader = HtmlReader()
    settings = Settings()

    def run(key: str, html: bytes) -> tuple[str | None, str | None]:
        source = Source(name=f"{key}.html", data=html)
        texts: list[str] = []
        titles: list[str] = []
        failed = False
        for item in reader.read(source, settings):
            if isinstance(item, Document):
                for draft in split_document(item):
                    texts.append(draft.text)
                    if draft.title:
                        titles.append(draft.title)
            else:
                failed = True
        text = None if failed and not texts else "\n\n".join(texts)
        return text, (titles[0] if titles else None)

    return run


def trafilatura_system(key: str, html: bytes) -> tuple[str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return None, None
    return doc.text, doc.title


def half_of(key: str) -> str:
    """The half a page belongs to: a stable hash of its id (as the title labels record it)."""
    import hashlib

    return "tune" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "measure"


def evaluate(pages: list[tuple[str, bytes, str]], system: System) -> dict[str, Any]:
    by_mode = {
        (mode, half): Scores(mode) for mode in ("whitespace", "words") for half in ("all", "tune", "measure")
    }
    failures = 0
    titles: dict[str, str | None] = {}
    start = time.perf_counter()
    for key, html, gold in pages:
        try:
            pred, title = system(key, html)
        except Exception as exc:  # a crash is a failure of the system on this page, not of the eval
            logging.getLogger("eval").warning("%s crashed: %s", key, exc)
            pred, title = None, None
        if not pred:
            failures += 1
        titles[key] = title
        for (mode, half), scores in by_mode.items():
            if half in ("all", half_of(key)):
                scores.pages.append((key, *match(gold, pred or "", mode)))
    seconds = time.perf_counter() - start
    return {
        "scores": by_mode,
        "failures": failures,
        "pages": len(pages),
        "seconds": seconds,
        "titles": titles,
    }


def title_accuracy(titles: dict[str, str | None], gold: dict[str, GoldTitle], half: str) -> tuple[int, int]:
    """(right, labelled) titles of ``half``."""
    keys = [k for k, g in gold.items() if g.half == half and k in titles]
    right = sum(normalise_title(titles[k] or "") == normalise_title(gold[k].text) for k in keys)
    return right, len(keys)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ScrapingHub benchmark folder")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--worst", type=int, default=0, help="list the N lowest-F1 page ids for newsgraph")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (quick runs)")
    parser.add_argument("--titles", type=Path, default=DEFAULT_TITLES, help="title labels (JSONL)")
    parser.add_argument("--verbose", action="store_true", help="list wrong titles of the tune half")
    parser.add_argument("--no-baseline", action="store_true", help="skip trafilatura.extract")
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
    gold_titles = load_titles(args.titles, {key: html for key, html, _ in pages})

    systems = {"newsgraph": evaluate(pages, newsgraph_system())}
    if not args.no_baseline:
        systems["trafilatura.extract"] = evaluate(pages, trafilatura_system)

    print(f"ScrapingHub article bodies: {len(pages)} pages, {SHINGLE}-token shingles")
    header = (
        f"{'system':<22}{'tokens':<12}{'half':<9}{'P':>8}{'R':>8}{'F1':>8}{'F1/page':>9}{'pages':>7}"
        f"{'failures':>10}"
    )
    print(header)
    print("-" * len(header))
    figures: dict[str, Any] = {}
    for mode in ("whitespace", "words"):
        for half in ("all", "tune", "measure"):
            for name, result in systems.items():
                scores = result["scores"][(mode, half)]
                s = scores.summary()
                entry = figures.setdefault(name, {"pages": result["pages"], "failures": result["failures"]})
                entry.setdefault(mode, {})[half] = s
                print(
                    f"{name:<22}{mode:<12}{half:<9}{s['precision']:>8.4f}{s['recall']:>8.4f}{s['f1']:>8.4f}"
                    f"{s['f1_per_page']:>9.4f}{len(scores.pages):>7}{result['failures']:>10}"
                )
    verdicts = []
    for mode in ("whitespace", "words"):
        ours = figures["newsgraph"][mode]["measure"]["f1"]
        verdicts.append(f"{mode} {ours:.4f} {'reached' if ours >= TARGET_F1 else 'NOT reached'}")
    print(f"target newsgraph body F1 >= {TARGET_F1} (measure half): " + "; ".join(verdicts))
    if gold_titles:
        print(f"titles ({len(gold_titles)} labelled pages, {args.titles.name}): right / labelled")
        for name, result in systems.items():
            cells = []
            for half in ("tune", "measure"):
                right, n = title_accuracy(result["titles"], gold_titles, half)
                figures[name].setdefault("titles", {})[half] = right / n if n else None
                cells.append(f"{half} {right}/{n} = {right / n if n else 0:.3f}")
            print(f"  {name:<22}" + "   ".join(cells))
        ours = figures["newsgraph"]["titles"].get("measure") or 0.0
        print(
            f"target newsgraph title accuracy >= {TARGET_TITLE} (measure half): {ours:.3f} "
            f"{'reached' if ours >= TARGET_TITLE else 'NOT reached'}"
        )
        if args.verbose:
            print("wrong titles, tune half (gold | newsgraph):")
            for key, g in sorted(gold_titles.items()):
                got = systems["newsgraph"]["titles"].get(key)
                if g.half == "tune" and normalise_title(got or "") != normalise_title(g.text):
                    print(f"  {key[:12]}  {g.text!r} | {got!r}")
    for name, result in systems.items():
        figures[name]["seconds"] = round(result["seconds"], 2)
    if args.worst:
        print(f"lowest F1 (whitespace) for newsgraph, {args.worst} pages:")
        for f1, key in systems["newsgraph"]["scores"][("whitespace", "all")].worst(args.worst):
            print(f"  {f1:.3f}  {half_of(key):<8} {key}")
    if args.json:
        args.json.write_text(json.dumps({"target_f1": TARGET_F1, "systems": figures}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
