"""Duplicate grouping (docs/stories.md): does ``newsgraph.resolve.stories`` put copies of one
article in one story, and keep different stories on the same topic apart?

    python eval/duplicates.py                # precision / recall per split and per kind of copy
    python eval/duplicates.py --bench        # + the cost per article beside the spaCy pipeline's
    python eval/duplicates.py --build        # write eval/data/duplicates/set.jsonl again
    python eval/duplicates.py --json out.json

The set (``eval/data/duplicates/set.jsonl``) holds no text: each line names a real article (a
PolNeAR text file, or a ScrapingHub page's gold body, in ``../shared/eval``), the URL it is given,
and the edits that make it a copy (``edits``: change words, add a byline, a dateline or a footer,
cut it short, drop a paragraph, wrap its lines again). Items made from the same article form one
gold story; every other pair must stay apart. PolNeAR holds several outlets' articles on the same
days of the 2016 campaign (the same debate, poll or speech), and ScrapingHub pages of one outlet
share their furniture: same-topic stories that must not be merged. ``hard_negatives`` in the
output counts the most alike different-article pairs (by word overlap, chosen at build time) that
were wrongly merged.

Scoring is pairwise over all items: precision = gold-story pairs among the pairs put in one
story; recall = pairs of one gold story put in one story. ``tune`` items (PolNeAR train) set the
thresholds; ``measure`` items (PolNeAR dev and ScrapingHub) are the figures reported. The grouping
runs through ``update_stories`` on an in-memory store, as after an ingest, once with the URLs
(re-captures share theirs) and once without any (text alone)."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.records import Article, SourceMap  # noqa: E402
from newsgraph.resolve.stories import update_stories, words  # noqa: E402
from newsgraph.store.db import Store  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
POLNEAR = SHARED / "quotes" / "polnear"
SCRAPINGHUB = SHARED / "articles" / "scrapinghub"
SET = ROOT / "eval" / "data" / "duplicates" / "set.jsonl"
TARGETS = {"precision": 0.98, "recall": 0.90}

# -- the texts -----------------------------------------------------------------------------------


def load_text(ref: dict[str, Any], cache: dict[str, Any]) -> str:
    """The real text an item names."""
    if ref["corpus"] == "polnear":
        return (POLNEAR / ref["doc"]).read_text(encoding="utf-8")
    if "sh" not in cache:
        cache["sh"] = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    return str(cache["sh"][ref["doc"]]["articleBody"])


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with the recipe's edits applied, in order."""
    for e in edits:
        op = e["op"]
        if op == "replace":  # the n-th whitespace token becomes another word
            tokens = re.split(r"(\s+)", text)
            positions = [i for i, t in enumerate(tokens) if t and not t.isspace()]
            if positions:
                tokens[positions[e["word"] % len(positions)]] = e["with"]
            text = "".join(tokens)
        elif op == "delete":  # n tokens from the n-th
            tokens = text.split(" ")
            at = e["word"] % max(1, len(tokens))
            text = " ".join(tokens[:at] + tokens[at + e["n"] :])
        elif op == "byline":
            text = f"{e['text']}\n\n{text}"
        elif op == "dateline":
            text = e["text"] + text
        elif op == "footer":
            text = f"{text}\n\n{e['text']}"
        elif op == "truncate":  # keep the paragraphs that start in the first `keep` share
            paras = text.split("\n")
            limit, kept, size = e["keep"] * len(text), [], 0
            for p in paras:
                if size > limit and kept:
                    break
                kept.append(p)
                size += len(p) + 1
            text = "\n".join(kept)
        elif op == "drop_paragraph":
            paras = [p for p in text.split("\n") if p.strip()]
            if len(paras) > 3:
                del paras[e["n"] % len(paras)]
            text = "\n\n".join(paras)
        elif op == "rewrap":  # lines wrapped again at `width` characters
            out = []
            for para in re.split(r"\n\s*\n", text):
                line, lines = "", []
                for w in para.split():
                    if line and len(line) + len(w) + 1 > e["width"]:
                        lines.append(line)
                        line = w
                    else:
                        line = f"{line} {w}" if line else w
                lines.append(line)
                out.append("\n".join(lines))
            text = "\n\n".join(out)
        else:
            raise ValueError(f"unknown edit {op!r}")
    return text


# -- building the set ------------------------------------------------------------------------------

WIRES = ["Associated Press", "Reuters", "Agence France-Presse", "Bloomberg", "Staff and wire reports"]
HOSTS = ["news.example-daily.com", "www.example-tribune.org", "example-herald.net", "wire.example.com"]
SWAPS = ["reported", "said", "officials", "Tuesday", "Wednesday", "however", "also", "the", "announced"]


def _copy_recipe(rng: random.Random, kind: str) -> list[dict[str, Any]]:
    def replaces(n: int) -> list[dict[str, Any]]:
        return [{"op": "replace", "word": rng.randrange(10_000), "with": rng.choice(SWAPS)} for _ in range(n)]

    wire = rng.choice(WIRES)
    if kind == "recapture":
        return replaces(rng.randint(1, 2))
    if kind == "syndicated":
        edits = [
            {"op": "byline", "text": f"By {wire}"},
            {"op": "dateline", "text": rng.choice(["WASHINGTON — ", "NEW YORK (AP) — ", "LONDON — "])},
            *replaces(rng.randint(2, 8)),
            {"op": "footer", "text": f"Copyright {rng.randint(2015, 2024)} {wire}. All rights reserved."},
        ]
        if rng.random() < 0.5:
            edits.append({"op": "drop_paragraph", "n": rng.randrange(1000)})
        if rng.random() < 0.3:
            edits.append({"op": "delete", "word": rng.randrange(10_000), "n": rng.randint(1, 6)})
        return edits
    if kind == "truncated":
        return [
            {"op": "byline", "text": f"By {wire}"},
            {"op": "truncate", "keep": round(rng.uniform(0.55, 0.85), 2)},
            *replaces(rng.randint(0, 3)),
        ]
    if kind == "rewrapped":
        return [{"op": "rewrap", "width": rng.choice([60, 72, 80])}, *replaces(rng.randint(0, 2))]
    raise ValueError(kind)


#: PolNeAR articles that are one article published twice (read by hand: the same text under a new
#: headline the next day, or an update of the same report). They are one gold story; the other
#: alike pairs (AP's "The Latest" pages of one day, a debate round-up quoting another article)
#: stay different stories.
SAME_ARTICLE = [
    (
        "wash-post_2015-12-22_as-spotlight-shines-on-trump-and",
        "wash-post_2015-12-23_as-spotlight-shines-on-trump-and",
    ),
    (
        "wash-post_2015-12-12_misinformation-enters-mainstream",
        "wash-post_2015-12-13_misinformation-enters-mainstream",
    ),
    ("nyt_2016-03-04_republicans-have-stake-in-a-deal", "nyt_2016-03-05_polls-suggest-possibility-of-dea"),
    ("nyt_2015-11-25_golf-courses-forced-to-reach-int", "nyt_2015-11-26_with-fewer-golfers-in-u-s-course"),
    ("nyt_2016-03-15_sanders-advances-agenda-via-side", "nyt_2016-03-16_via-legislative-side-doors-sande"),
    (
        "usa-today_2016-04-06_sanders-says-he-s-riding-momentu",
        "usa-today_2016-04-06_sanders-winning-streak-continues",
    ),
]


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def build(seed: int = 16) -> list[dict[str, Any]]:
    """The set's lines: every base article, copies of about half of them, and the hard negatives."""
    rng = random.Random(seed)
    bases: list[dict[str, Any]] = []
    for split, folder in (("tune", "train"), ("measure", "dev")):
        for path in sorted((POLNEAR / folder / "text").glob("*.txt")):
            outlet = path.name.split("_", 1)[0]
            bases.append(
                {
                    "split": split,
                    "corpus": "polnear",
                    "doc": f"{folder}/text/{path.name}",
                    "url": f"https://www.{outlet}.com/{path.stem.split('_', 1)[1].replace('_', '/')}",
                }
            )
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        bases.append({"split": "measure", "corpus": "scrapinghub", "doc": key, "url": truth[key]["url"]})
    cache: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    stem_story: dict[str, str] = {}
    later = {b: a for a, b in SAME_ARTICLE}
    for n, base in enumerate(bases):
        stem = Path(base["doc"]).stem
        story = stem_story.setdefault(later.get(stem, stem), f"s{n}")
        items.append({**base, "id": f"s{n}.0", "story": story, "kind": "original", "edits": []})
        if rng.random() < 0.5:
            continue
        for c in range(1, rng.choice([1, 1, 2, 3]) + 1):
            kind = rng.choice(["recapture", "syndicated", "syndicated", "truncated", "rewrapped"])
            url = base["url"] if kind == "recapture" else f"https://{rng.choice(HOSTS)}/story/{n}-{c}"
            items.append(
                {
                    **base,
                    "id": f"s{n}.{c}",
                    "story": story,
                    "kind": kind,
                    "url": url,
                    "edits": _copy_recipe(rng, kind),
                }
            )
    # hard negatives: per split, the most alike pairs of different base articles (5-word shingles)
    shingles = {}
    for item in items:
        if item["kind"] == "original":
            ws = words(load_text(item, cache))
            shingles[item["id"]] = {" ".join(ws[i : i + 5]) for i in range(len(ws) - 4)}
    originals = [i for i in items if i["kind"] == "original"]
    hard: list[tuple[float, str, str]] = []
    for a, b in itertools.combinations(originals, 2):
        if a["split"] == b["split"] and a["story"] != b["story"]:
            score = _overlap(shingles[a["id"]], shingles[b["id"]])
            if score > 0.02:
                hard.append((score, a["id"], b["id"]))
    hard.sort(reverse=True)
    rng.shuffle(items)
    lines: list[dict[str, Any]] = [{"hard_negatives": [[a, b, round(s, 3)] for s, a, b in hard[:200]]}]
    return lines + items


# -- scoring ----------------------------------------------------------------------------------------


def group_items(
    items: list[dict[str, Any]], with_urls: bool, cache: dict[str, Any]
) -> tuple[dict[str, str], float]:
    """Item id -> story id, as ``update_stories`` groups the items stored in set order, and the
    seconds the grouping took."""
    with Store(":memory:") as store:
        arts = []
        for item in items:
            text = apply(load_text(item, cache), item["edits"])
            arts.append(
                Article(
                    id=item["id"],
                    source=item["doc"],
                    title=None,
                    published=dt.date(2020, 1, 1),
                    published_from=None,
                    text=text,
                    url=item["url"] if with_urls else None,
                    source_map=SourceMap.identity(len(text)),
                )
            )
        store.write(articles=arts, run_id=store.start_run("eval"))
        started = time.perf_counter()
        update_stories(store)
        seconds = time.perf_counter() - started
        rows = store.con.execute("SELECT article_id, story_id FROM article_stories").fetchall()
    return dict(rows), seconds


def pairwise(items: list[dict[str, Any]], predicted: dict[str, str]) -> dict[str, Any]:
    gold_pairs = {
        frozenset(p)
        for ids in _groups(items, lambda i: i["story"]).values()
        for p in itertools.combinations(ids, 2)
    }
    by_story: dict[str, list[str]] = defaultdict(list)
    for item in items:
        by_story[predicted[item["id"]]].append(item["id"])
    pred_pairs = {frozenset(p) for ids in by_story.values() for p in itertools.combinations(ids, 2)}
    tp = len(gold_pairs & pred_pairs)
    kinds = {i["id"]: i["kind"] for i in items}
    missed = Counter(
        next(kinds[x] for x in p if kinds[x] != "original")
        if any(kinds[x] != "original" for x in p)
        else "original"
        for p in gold_pairs - pred_pairs
    )
    found = Counter(kinds[x] for x in kinds if kinds[x] != "original")
    return {
        "items": len(items),
        "gold_pairs": len(gold_pairs),
        "predicted_pairs": len(pred_pairs),
        "precision": tp / len(pred_pairs) if pred_pairs else 1.0,
        "recall": tp / len(gold_pairs) if gold_pairs else 1.0,
        "copies_by_kind": dict(found),
        "missed_pairs_by_kind": dict(missed),
        "false_pairs": sorted(sorted(p) for p in pred_pairs - gold_pairs)[:10],
    }


def _groups(items: list[dict[str, Any]], key: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for item in items:
        out[key(item)].append(item["id"])
    return out


def bench(items: list[dict[str, Any]], cache: dict[str, Any], n: int = 60) -> dict[str, float]:
    """Milliseconds per article: the grouping (sketch + lookup + write) over the whole set, and
    newsgraph's spaCy pipeline over ``n`` of its texts."""
    from newsgraph.extract.pipeline import load_pipeline

    texts = [apply(load_text(i, cache), i["edits"]) for i in items[:n]]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:5]))
    started = time.perf_counter()
    list(nlp.pipe(texts))
    spacy_ms = (time.perf_counter() - started) * 1000 / len(texts)
    _, seconds = group_items(items, True, cache)
    stories_ms = seconds * 1000 / len(items)
    return {
        "spacy_ms_per_article": spacy_ms,
        "stories_ms_per_article": stories_ms,
        "ratio": stories_ms / spacy_ms,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", action="store_true", help="write the set again from ../shared")
    ap.add_argument("--bench", action="store_true", help="also time the grouping against spaCy")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args()
    if not POLNEAR.exists() or not SCRAPINGHUB.exists():
        print(f"skipped: {SHARED} is absent")
        return 0
    if args.build:
        lines = build()
        SET.parent.mkdir(parents=True, exist_ok=True)
        SET.write_text("".join(json.dumps(x, sort_keys=True) + "\n" for x in lines), encoding="utf-8")
        print(f"wrote {SET} ({len(lines) - 1} items)")
    lines = [json.loads(x) for x in SET.read_text(encoding="utf-8").splitlines()]
    hard = lines[0]["hard_negatives"]
    items = lines[1:]
    cache: dict[str, Any] = {}
    figures: dict[str, Any] = {}
    for with_urls in (True, False):
        predicted, _ = group_items(items, with_urls, cache)
        mode = "urls+text" if with_urls else "text only"
        for split in ("tune", "measure"):
            part = [i for i in items if i["split"] == split]
            score = pairwise(part, predicted)
            ids = {i["id"] for i in part}
            score["hard_negatives"] = sum(1 for a, _, _ in hard if a in ids)
            score["hard_negatives_merged"] = [
                [a, b, s] for a, b, s in hard if a in ids and predicted[a] == predicted[b]
            ]
            figures[f"{mode} / {split}"] = score
    print(f"{'set':<22} {'items':>6} {'pairs':>6} {'precision':>9} {'recall':>7} {'hard neg. merged':>16}")
    for name, s in figures.items():
        merged = f"{len(s['hard_negatives_merged'])}/{s['hard_negatives']}"
        print(
            f"{name:<22} {s['items']:>6} {s['gold_pairs']:>6} {s['precision']:>9.3f} {s['recall']:>7.3f} "
            f"{merged:>16}"
        )
    measure = figures["urls+text / measure"]
    print(f"missed pairs by kind of copy (measure): {measure['missed_pairs_by_kind']}")
    print(f"copies by kind (measure): {measure['copies_by_kind']}")
    for name, target in TARGETS.items():
        print(f"target {name} >= {target}: {'met' if measure[name] >= target else 'MISSED'}")
    if args.bench:
        figures["bench"] = b = bench(items, cache)
        print(
            f"per article: stories {b['stories_ms_per_article']:.2f} ms, spaCy pipeline "
            f"{b['spacy_ms_per_article']:.1f} ms, ratio {b['ratio']:.2%}"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
