"""Mention-level NER in CoNLL-2003 style: what the document-level fixes add over the bare model.

    python eval/ner_conll_style.py [--labels DIR] [--json OUT]

Issue 15 measures raw NER on held-out CoNLL-style news (Reuters wire copy of 1996, one token per
word, headlines often in capitals, four types), which is not at hand. This script is the nearest
proxy we can build without copying any text: the hand-labelled real-news articles of
``eval/entities_real.py`` (labels as offsets into ``../shared``) are scored

- **as written**, and
- **re-laid in CoNLL style**: every token (words; punctuation; "'s"; "U.S." kept whole) separated
  by one space, one paragraph per line group, as the CoNLL files read when joined;
- **and with the headline in capitals** (the first paragraph upper-cased, as many CoNLL
  headlines are: "SOCCER - JAPAN GET LUCKY WIN").

The gold mentions move with their tokens. Types are mapped to CoNLL's four: PERSON -> PER, ORG ->
ORG, GPE/LOC/FAC -> LOC, NORP -> MISC (CoNLL's MISC also holds events, works and laws, which the
labels do not: the MISC figures are of nationalities and groups only). Scores are exact span and
type, micro-averaged over every gold mention, for the bare model (``doc.ents`` of those types) and
for newsgraph's final entity mentions (names only: a mention with no capital letter, "the
police", is left out as in ``entities_real.py``; in the capitals variant every headline word has
one). Both halves are printed (tune: rules may have been looked at against it; measure: only
measured). Absent data is reported and skipped; exit status 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entities_real import DEFAULT_LABELS, TYPES, Article, load_labels, published
from events_real import any_labelled

#: CoNLL-2003's four types for the labels' six.
CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}
#: Tokens as CoNLL's: dotted abbreviations whole, words (with inner hyphens, ampersands and
#: apostrophes of names such as "O'Rourke"), a possessive "'s", any other character alone.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-&]\w+)*(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
VARIANTS = ("as written", "CoNLL tokens", "CoNLL tokens, headline in capitals")

Span = tuple[int, int, str]


@dataclass(slots=True)
class Laid:
    """A text re-laid in CoNLL style and the map of its characters: ``moved[i]`` is where the
    original character ``i`` went (None for a space that was dropped)."""

    text: str
    moved: list[int | None]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The new span of the original ``[start, end)``: from the first moved character to the
        last; None when nothing of it moved."""
        at = [m for m in self.moved[start:end] if m is not None]
        return (at[0], at[-1] + 1) if at else None


def conll_layout(text: str, *, caps_headline: bool = False) -> Laid:
    """``text`` with one space between tokens and a blank line between paragraphs (the first
    paragraph in capitals with ``caps_headline``)."""
    moved: list[int | None] = [None] * len(text)
    out: list[str] = []
    size = 0
    bounds = [0, *(m.end() for m in _PARAGRAPH.finditer(text)), len(text)]
    first = True
    for a, b in pairwise(bounds):
        tokens = list(_TOKEN.finditer(text, a, b))
        if not tokens:
            continue
        if out:
            out.append("\n\n")
            size += 2
        for n, tok in enumerate(tokens):
            if n:
                out.append(" ")
                size += 1
            word = tok.group()
            if first and caps_headline:
                word = word.upper()
            for k in range(len(word)):
                moved[tok.start() + k] = size + k
            out.append(word)
            size += len(word)
        first = False
    return Laid("".join(out), moved)


def gold_spans(article: Article, laid: Laid | None) -> set[Span]:
    spans: set[Span] = set()
    for g in article.entities:
        for s, e in g.mentions:
            where = (s, e) if laid is None else laid.span(s, e)
            if where is not None:
                spans.add((*where, CONLL[g.type]))
    return spans


def predict(texts: list[str], dates: list[str | None]) -> list[tuple[set[Span], set[Span]]]:
    """The bare model's and newsgraph's final mentions of each text, in CoNLL types."""
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    made = (prepare_doc(nlp, t, published=d) for t, d in zip(texts, dates, strict=True))
    out: list[tuple[set[Span], set[Span]]] = []
    for doc in nlp.pipe(made, batch_size=16):
        bare = {(x.start_char, x.end_char, CONLL[x.label_]) for x in doc.ents if x.label_ in TYPES}
        final = {
            (m.start, m.end, CONLL[e.type])
            for e in doc_entities(doc)
            if e.type in TYPES
            for m in e.mentions
            if any(c.isupper() for c in m.text)
        }
        out.append((bare, final))
    return out


def f1(gold: int, pred: int, ok: int) -> float:
    p = ok / pred if pred else 0.0
    r = ok / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(articles: list[Article]) -> dict[str, dict[str, dict[str, Any]]]:
    """Per variant and half: gold, bare and final counts and F1s, overall and per CoNLL type."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    dates = [published(a.source) for a in articles]
    for variant in VARIANTS:
        laid = [
            None if variant == "as written" else conll_layout(a.text, caps_headline="capitals" in variant)
            for a in articles
        ]
        texts = [a.text if x is None else x.text for a, x in zip(articles, laid, strict=True)]
        found = predict(texts, dates)
        halves: dict[str, dict[str, Any]] = {}
        for half in ("tune", "measure"):
            tally: dict[str, list[int]] = {}  # type -> gold, bare, bare ok, final, final ok
            for a, x, (bare, final) in zip(articles, laid, found, strict=True):
                if a.half != half:
                    continue
                gold = gold_spans(a, x)
                for kind in ("all", *sorted(set(CONLL.values()))):
                    keep = (lambda s: True) if kind == "all" else (lambda s, k=kind: s[2] == k)
                    g = {s for s in gold if keep(s)}
                    b = {s for s in bare if keep(s)}
                    f = {s for s in final if keep(s)}
                    row = tally.setdefault(kind, [0, 0, 0, 0, 0])
                    for k, v in enumerate((len(g), len(b), len(g & b), len(f), len(g & f))):
                        row[k] += v
            halves[half] = {
                kind: {
                    "gold": row[0],
                    "bare_f1": f1(row[0], row[1], row[2]),
                    "final_f1": f1(row[0], row[3], row[4]),
                }
                for kind, row in tally.items()
            }
        out[variant] = halves
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    articles, problems = load_labels(args.labels)
    if not any_labelled(articles, problems):
        return 0
    figures = evaluate(articles)
    print(f"mention-level NER, CoNLL types, exact span + type: {len(articles)} real-news articles")
    print(f"{'variant':36} half     gold   bare F1  final F1   gain   (PER / ORG / LOC / MISC gain)")
    for variant, halves in figures.items():
        for half, kinds in halves.items():
            a = kinds["all"]
            per_type = " / ".join(
                f"{100 * (kinds[k]['final_f1'] - kinds[k]['bare_f1']):+.1f}" if k in kinds else "n/a"
                for k in ("PER", "ORG", "LOC", "MISC")
            )
            print(
                f"{variant:36} {half:8} {a['gold']:5}    {a['bare_f1']:.3f}     {a['final_f1']:.3f}  "
                f"{100 * (a['final_f1'] - a['bare_f1']):+5.1f}   ({per_type})"
            )
    print("issue 15 target: the document-level fixes add >= 7 F1 points on held-out CoNLL-style news")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
