"""PLOVER events on 1998-era wire news nobody tuned on: recall and precision on a small gold set.

    python eval/events_wire.py [--gold TSV] [--min-confidence X] [--verbose] [--half tune|measure]

The gold (``eval/data/ev23wire/gold.tsv``, session 20) holds the PLOVER events a careful coder
writes for every sentence of the first 8 articles about politics, diplomacy or conflict of the
TimeBank draw ``eval/fresh_texts.py --corpus timebank --seed 2424 --count 90``, written before
newsgraph was run on them. Each row is a trigger as offsets into the article's text (as
``eval/fresh_texts.py`` writes it: TimeBank's ``DOCID``), the accepted types (``CONCEDE,AGREE``:
either is right), actor and recipient codes, and a status: ``fact``, ``background``,
``future``, ``hypothetical``, or ``unsure`` (a coder could defend either reading).

Scoring is ``eval/events_real.py``'s, with the sentences of newsgraph's own parse: a reported fact
at the threshold matches a gold fact of the same type in the same sentence; a reported event of
the type of an ``unsure`` row of its sentence counts neither way (it is left out of ``reported``).
The articles are split 4 tune / 4 measure by ``random.Random(2424)``; ``--verbose`` prints the
errors of one half (look only at the tune half).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_real import Article, GoldEvent, Predicted, evaluate, is_fact, predicted, print_halves
from fresh_texts import texts

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "data" / "ev23wire" / "gold.tsv"
SEED = 2424


def read_gold(path: Path) -> dict[str, list[dict[str, str]]]:
    by: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            by.setdefault(row["file"], []).append(row)
    return by


def halves(files: list[str], seed: int = SEED) -> dict[str, str]:
    """Each article's half: a seeded half of the articles is ``tune``, the rest ``measure``."""
    order = sorted(files)
    random.Random(seed).shuffle(order)
    return {name: ("tune" if n < len(order) // 2 else "measure") for n, name in enumerate(order)}


def _codes(field: str) -> frozenset[str]:
    return frozenset(c for c in field.split(",") if c)


def run(gold: dict[str, list[dict[str, str]]]) -> tuple[list[Article], list[list[Predicted]]]:
    """The articles with their gold events (sentences from the pipeline's parse) and what newsgraph
    reports as facts in them (any confidence)."""
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    corpus = texts("timebank")
    half = halves(list(gold))
    nlp = load_pipeline(Settings.load())
    articles: list[Article] = []
    found: list[list[Predicted]] = []
    for name, rows in gold.items():
        text = corpus[name]
        doc = nlp(prepare_doc(nlp, text))
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        article = Article(name, f"timebank/{name}", half[name], "politics", True, text, sentences, [])
        reported = [predicted(article, e) for e in doc_facts(doc)["events"] if is_fact(e)]
        for r in rows:
            start, end = int(r["trigger_start"]), int(r["trigger_end"])
            sent = next((n for n, (s, e) in enumerate(sentences) if s <= start < e), 0)
            types = r["types"].split(",")
            # of the accepted types, the one reported in the sentence (if any) stands for the row
            kind = next((p.type for p in reported if p.sentence == sent and p.type in types), types[0])
            sides = _codes(r["actor"]), _codes(r["recipient"])
            article.events.append(GoldEvent(sent, start, end, kind, r["status"], *sides))
        unsure = {(g.sentence, g.type) for g in article.events if g.status == "unsure"}
        facts = {(g.sentence, g.type) for g in article.events if g.status == "fact"}
        reported = [p for p in reported if (p.sentence, p.type) not in unsure - facts]
        articles.append(article)
        found.append(reported)
    return articles, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--half", choices=("tune", "measure"), default="tune")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)
    articles, found = run(gold)
    figures = evaluate(articles, found, args.min_confidence, args.verbose, args.half)
    split = {h: [a.file for a in articles if a.half == h] for h in ("tune", "measure")}
    print(
        f"wire events: {len(articles)} articles; tune {split['tune']}; min confidence {args.min_confidence}"
    )
    print_halves(figures)
    for name in ("tune", "measure"):
        print(f"{name}: wrong events {figures[name]['wrong']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
