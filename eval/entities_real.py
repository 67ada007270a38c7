"""Named entities on real news, whole articles: names, types, actor codes, roles, cross-article merges.

    python eval/entities_real.py [--labels DIR] [--verbose] [--half tune|measure] [--json OUT]

The labels (``eval/data/entities_real/*.jsonl``, one line per article, written by hand for this
project; see ``eval/data/entities_real/GUIDE.md``) hold only offsets into real news texts that stay
in ``../shared``: PolNeAR 2016 US political news (``quotes/polnear/train/text``) and ScrapingHub
news pages about public affairs (the gold ``articleBody`` of ``articles/scrapinghub/ground-truth.json``).
Every named person, organisation, place and group of an article is labelled with its canonical
name (one name per referent across all articles), type, country (ISO 3166 alpha-3 or a PLOVER
non-state code), PLOVER sector, role (title phrase) and every mention span. Each article belongs
to a half: ``tune`` (rules may be looked at against it) or ``measure`` (only measured). Both halves
are reported.

Each text goes through newsgraph's full pipeline as one article, as in ``eval/events_real.py``.
Entities of types PERSON, ORG, GPE, NORP, LOC and FAC are compared:

- **alignment**: a predicted entity and a gold entity of the same article are paired one to one,
  the pair sharing the most overlapping mentions first;
- **precision / recall**: a pair counts when the types are equal and the names are equal once
  normalised (case, punctuation, diacritics, a leading "the"): correct / predicted, correct / gold;
  predicted entities none of whose mentions holds a capital letter (the nominal institutions
  newsgraph gives events as actors, "the police", "the administration") are no names and, like
  the guide's "nominal references", outside the labels: they are left out and counted apart;
- **actor accuracy** among pairs of equal type: the predicted code is the gold country (none when
  the gold has none) and, for people, organisations and groups, the sector is the gold sector
  (a nationality labelled without a sector, "Iraqis", is compared by its country alone); a
  place below the country may have no code (newsgraph codes only places that name a group) but not
  a wrong one ("Berlin, New Hampshire" as DEU);
- **role accuracy** among paired people with a gold role: one predicted title has the gold role's
  words or is part of them (abbreviations such as "Sen." expanded, "former" ignored);
- **cross-article merges**: every pair of gold entities of different articles with one canonical
  name; merged when both are paired with predicted entities whose store keys (after the store's
  surname and nationality mapping, ``resolve.entities.canonical_map``) are one; **wrong merges**
  are the distinct pairs of different canonical names whose gold entities got one key (a
  nationality and its country, "Iraqis" and "Iraq", count as one actor, as in the store);
- **mention-level NER** (span and type, exact boundaries, over every gold mention): the bare
  model's ``doc.ents`` of those types against newsgraph's final entity mentions, each with its
  entity's type (nominal institutions such as "the police", which hold no capital letter and are
  no names, left out), so the gain of the document-level fixes is printed.

PolNeAR texts carry their publication date in the file name; it is given to the pipeline as a
reader gives a feed's date (ScrapingHub pages have none).

Absent data (``../shared`` not beside the checkout) is reported and skipped; exit status 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

from events_real import any_labelled, read_text  # the same sources, read the same way
from matching import greedy_pairs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
DEFAULT_LABELS = ROOT / "eval" / "data" / "entities_real"
TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
#: The issue's targets, on the measured half.
TARGETS = {"precision": 0.90, "recall": 0.80, "actor": 0.90, "role": 0.80, "merges": 0.90}


@dataclass(slots=True)
class GoldEntity:
    canonical: str
    type: str
    country: str | None
    sector: str | None
    role: str | None
    mentions: list[tuple[int, int]]


@dataclass(slots=True)
class Article:
    file: str
    source: str
    half: str
    text: str
    entities: list[GoldEntity]


@dataclass(slots=True)
class PredEntity:
    key: str
    name: str
    type: str
    mentions: list[tuple[int, int]]
    code: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    #: the mentions that are names (a capital letter in them), for the mention-level NER figure
    named: list[tuple[int, int]] = field(default_factory=list)
    #: the entity's confidence (``extract/entity_confidence.py``)
    confidence: float = 1.0


def check_record(rec: dict[str, Any], text: str) -> list[str]:
    """What is wrong with a label line against its text: a span outside it or overlapping another,
    an unknown type or half."""
    out = []
    if rec["half"] not in ("tune", "measure"):
        out.append(f"half {rec['half']!r}")
    spans = []
    for e in rec["entities"]:
        if e["type"] not in TYPES:
            out.append(f"{e['canonical']}: type {e['type']!r}")
        for s, t in e["mentions"]:
            if not 0 <= s < t <= len(text):
                out.append(f"{e['canonical']}: span [{s}, {t}] outside the text")
            spans.append((s, t))
    spans.sort()
    out += [f"spans {a} and {b} overlap" for a, b in pairwise(spans) if b[0] < a[1]]
    return out


def load_labels(folder: Path) -> tuple[list[Article], list[str]]:
    """The labelled articles whose texts are here, and a line per one that is missing, changed or
    malformed."""
    articles: list[Article] = []
    problems: list[str] = []
    texts: dict[str, str | None] = {}
    for file in sorted(folder.glob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            source = rec["source"]
            if source not in texts:
                texts[source] = read_text(source)
            text = texts[source]
            if text is None:
                problems.append(f"{source}: text not found under {SHARED}")
                continue
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != rec["sha1"]:
                problems.append(f"{source}: the text changed since it was labelled (sha1 differs)")
                continue
            bad = check_record(rec, text)
            if bad:
                problems.append(f"{source}: {'; '.join(bad)}")
                continue
            entities = [
                GoldEntity(
                    e["canonical"],
                    e["type"],
                    e["country"],
                    e["sector"],
                    e["role"],
                    [(s, t) for s, t in e["mentions"]],
                )
                for e in rec["entities"]
            ]
            articles.append(Article(file.stem, source, rec["half"], text, entities))
    return articles, problems


def norm_name(name: str) -> str:
    """Case, diacritics, punctuation and a leading "the" removed."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'").replace("'s ", " "))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    kept = re.sub(r"[^\w\s]|_", "", kept.replace("-", " "))
    words = kept.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


_ABBREVIATIONS = {
    "rep": "representative",
    "sen": "senator",
    "gov": "governor",
    "pres": "president",
    "gen": "general",
    "lt": "lieutenant",
    "sec": "secretary",
    "atty": "attorney",
    "amb": "ambassador",
    "cmdr": "commander",
    "supt": "superintendent",
    "insp": "inspector",
    "sgt": "sergeant",
    "det": "detective",
    "ceo": "chief executive officer",
}
_ROLE_NOISE = frozenset({"former", "then", "late", "current", "the", "a", "an", "of", "for", "s"})


def role_words(title: str) -> frozenset[str]:
    words = []
    for w in norm_name(title).split():
        words += _ABBREVIATIONS.get(w, w).split()
    return frozenset(w for w in words if w not in _ROLE_NOISE)


def role_ok(gold: str, predicted: list[str]) -> bool:
    """One predicted title holds the gold role's words or is part of them."""
    want = role_words(gold)
    for title in predicted:
        got = role_words(title)
        if got and (want <= got or got <= want):
            return True
    return False


def actor_ok(g: GoldEntity, p: PredEntity) -> bool:
    """The predicted code is the gold country and, for people, organisations and groups, the
    sector the gold sector; a place may have no code (newsgraph gives a place that names no group,
    "Benghazi", no actor; the place facts carry its country) but not a wrong one."""
    code = p.code or None
    if g.type in PLACES:
        return code in (None, g.country)
    if code != g.country:
        return False
    if g.type == "NORP" and g.sector is None:
        return True  # a nationality has no sector: the country alone is compared (GUIDE.md)
    return g.country is None or (p.sector or None) == g.sector


def actor_error(g: GoldEntity, p: PredEntity) -> str:
    """What is wrong with a predicted actor code that :func:`actor_ok` refuses."""
    if not p.code and g.country:
        return "no code"
    return "wrong country" if (p.code or None) != g.country else "wrong sector"


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """How many spans of ``a`` overlap a span of ``b``."""
    return sum(any(s < e2 and s2 < e for s2, e2 in b) for s, e in a)


def align(gold: list[GoldEntity], predicted: list[PredEntity]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, the most shared mentions first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            n = _overlaps(g.mentions, p.mentions)
            if n:
                candidates.append((n, i, j))
    return greedy_pairs(candidates)


def name_ok(g: GoldEntity, p: PredEntity) -> bool:
    return g.type == p.type and norm_name(g.canonical) == norm_name(p.name)


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    typed: int = 0  # pairs of equal type
    actor_ok: int = 0
    country_ok: int = 0
    with_role: int = 0
    role_ok: int = 0
    ner_gold: int = 0
    ner_pred: int = 0
    ner_ok: int = 0
    fin_pred: int = 0
    fin_ok: int = 0
    #: predicted entities with no name (nominal institutions: "the police"), left out of the count
    nominal: int = 0
    wrong: Counter[str] = field(default_factory=Counter)
    #: actor errors by kind: the gold type and "no code", "wrong country" or "wrong sector"
    actor_wrong: Counter[str] = field(default_factory=Counter)
    #: entity errors by kind and type: "wrong type GPE->PERSON", "wrong name ORG", "not gold ORG"
    name_wrong: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            if name in ("wrong", "actor_wrong", "name_wrong"):
                getattr(self, name).update(getattr(other, name))
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else float("nan")

        p, r = ratio(self.correct, self.predicted), ratio(self.correct, self.gold)
        np_, nr = ratio(self.ner_ok, self.ner_pred), ratio(self.ner_ok, self.ner_gold)
        fp, fr = ratio(self.fin_ok, self.fin_pred), ratio(self.fin_ok, self.ner_gold)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "nominal": self.nominal,
            "correct": self.correct,
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else float("nan"),
            "matched": self.typed,
            "actor": ratio(self.actor_ok, self.typed),
            "country": ratio(self.country_ok, self.typed),
            "with_role": self.with_role,
            "role": ratio(self.role_ok, self.with_role),
            "ner_p": np_,
            "ner_r": nr,
            "ner_f1": 2 * np_ * nr / (np_ + nr) if np_ + nr else float("nan"),
            "final_p": fp,
            "final_r": fr,
            "final_f1": 2 * fp * fr / (fp + fr) if fp + fr else float("nan"),
        }


def score(
    article: Article,
    predicted: list[PredEntity],
    ents: list[tuple[int, int, str]],
    verbose: bool = False,
    final: list[tuple[int, int, str]] | None = None,
) -> tuple[Tally, dict[int, int]]:
    """The article's tally and its gold-to-predicted pairs; with ``verbose`` every error printed."""
    t = Tally(gold=len(article.entities), predicted=len(predicted))
    pairs = dict(align(article.entities, predicted))
    text = article.text
    for i, j in pairs.items():
        g, p = article.entities[i], predicted[j]
        t.correct += name_ok(g, p)
        if g.type != p.type:
            t.wrong["wrong type"] += 1
            t.name_wrong[f"wrong type {g.type}->{p.type}"] += 1
            if verbose:
                print(f"  TYPE  {g.canonical} gold {g.type} got {p.type} ({p.name})")
            continue
        if not name_ok(g, p):
            t.wrong["wrong name"] += 1
            t.name_wrong[f"wrong name {g.type}"] += 1
            if verbose:
                print(f"  NAME  {g.type:6} gold {g.canonical!r} got {p.name!r}")
        t.typed += 1
        t.country_ok += (p.code or None) == g.country
        if actor_ok(g, p):
            t.actor_ok += 1
        else:
            t.actor_wrong[f"{g.type} {actor_error(g, p)}"] += 1
            if verbose:
                print(f"  ACTOR {g.canonical}: gold {g.country} {g.sector} got {p.code} {p.sector}")
        if g.type == "PERSON" and g.role:
            t.with_role += 1
            if role_ok(g.role, p.roles):
                t.role_ok += 1
            elif verbose:
                print(f"  ROLE  {g.canonical}: gold {g.role!r} got {p.roles}")
    paired = set(pairs.values())
    for j, p in enumerate(predicted):
        if j not in paired:
            t.wrong["not a gold entity"] += 1
            t.name_wrong[f"not gold {p.type}"] += 1
            if verbose:
                s, e = p.mentions[0]
                print(f"  FP    {p.type:6} {p.name!r} [{text[max(0, s - 30) : e + 30]!r}]")
    for i, g in enumerate(article.entities):
        if i not in pairs:
            t.wrong["missed"] += 1
            if verbose:
                print(f"  FN    {g.type:6} {g.canonical} x{len(g.mentions)}")
    gold_spans = {(s, e, g.type) for g in article.entities for s, e in g.mentions}
    t.ner_gold, t.ner_pred = len(gold_spans), len(set(ents))
    t.ner_ok = len(gold_spans & set(ents))
    if final is not None:
        t.fin_pred, t.fin_ok = len(set(final)), len(gold_spans & set(final))
    return t, pairs


def _same_actor(a: GoldEntity, b: GoldEntity) -> bool:
    """A nationality and its country are one actor in the store."""
    if {a.type, b.type} != {"NORP", "GPE"} or a.country != b.country:
        return False
    norp = a if a.type == "NORP" else b
    return norp.sector is None


@dataclass(slots=True)
class Merges:
    pairs: int = 0
    merged: int = 0
    wrong: int = 0
    examples: list[str] = field(default_factory=list)
    wrong_examples: list[str] = field(default_factory=list)


def merges(
    articles: list[Article], keys: list[dict[int, str]], halves: tuple[str, ...] = ("tune", "measure")
) -> Merges:
    """Cross-article variant merges among the articles of ``halves``: ``keys[n]`` maps gold entity
    indexes of article ``n`` to their predicted store keys."""
    m = Merges()
    items = [
        (n, g, keys[n].get(i))
        for n, a in enumerate(articles)
        if a.half in halves
        for i, g in enumerate(a.entities)
    ]
    by_name: dict[str, list[tuple[int, GoldEntity, str | None]]] = {}
    for item in items:
        by_name.setdefault(norm_name(item[1].canonical), []).append(item)
    for group in by_name.values():
        for (n1, g1, k1), (n2, _, k2) in combinations(group, 2):
            if n1 == n2:
                continue
            m.pairs += 1
            if k1 is not None and k1 == k2:
                m.merged += 1
            else:
                m.examples.append(f"{g1.canonical}: {k1} / {k2}")
    by_key: dict[str, list[tuple[int, GoldEntity, str | None]]] = {}
    for item in items:
        if item[2] is not None:
            by_key.setdefault(item[2], []).append(item)
    for key, group in by_key.items():
        seen: set[tuple[str, str]] = set()
        for (_, g1, _), (_, g2, _) in combinations(group, 2):
            names = tuple(sorted((norm_name(g1.canonical), norm_name(g2.canonical))))
            if names[0] == names[1] or _same_actor(g1, g2) or names in seen:
                continue
            seen.add((names[0], names[1]))
            m.wrong += 1
            m.wrong_examples.append(f"{key}: {g1.canonical} ({g1.type}) + {g2.canonical} ({g2.type})")
    return m


Spans = list[tuple[int, int, str]]


_DATED = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def published(source: str) -> str | None:
    """The publication date a PolNeAR file name carries ("wash-post_2016-07-29_..."), else None."""
    found = _DATED.search(source.rsplit("/", 1)[-1])
    return found.group(1) if found else None


def predict(articles: list[Article]) -> tuple[list[list[PredEntity]], list[Spans], float]:
    """Each article's entities of the compared types as newsgraph finds them (store keys mapped as
    the store maps them across articles), its ``doc.ents`` spans, and the seconds taken."""
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.resolve.entities import canonical_map
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    start = time.perf_counter()
    out: list[list[PredEntity]] = []
    spans: list[list[tuple[int, int, str]]] = []
    made = (prepare_doc(nlp, a.text, published=published(a.source)) for a in articles)
    docs = nlp.pipe(made, batch_size=16)
    for doc in docs:
        out.append(
            [
                PredEntity(
                    e.key,
                    e.name,
                    e.type,
                    [(m.start, m.end) for m in e.mentions] or [(e.start, e.end)],
                    e.actor.code if e.actor else None,
                    e.actor.sector if e.actor else None,
                    [r.title for r in e.roles],
                    [(m.start, m.end) for m in e.mentions if any(c.isupper() for c in m.text)],
                    e.confidence,
                )
                for e in doc_entities(doc)
                if e.type in TYPES
            ]
        )
        spans.append([(x.start_char, x.end_char, x.label_) for x in doc.ents if x.label_ in TYPES])
    codes: dict[str, set[str]] = {}  # each key's actor codes, the evidence the store's map takes too
    for article in out:
        for p in article:
            codes.setdefault(p.key, set()).update([p.code] if p.code else [])
    mapping = canonical_map(codes, codes)
    for article in out:
        for p in article:
            p.key = mapping.get(p.key, p.key)
    return out, spans, time.perf_counter() - start


def evaluate(
    articles: list[Article],
    predicted: list[list[PredEntity]],
    spans: list[list[tuple[int, int, str]]],
    verbose: bool = False,
    show: str = "tune",
) -> dict[str, dict[str, Any]]:
    halves = {"tune": Tally(), "measure": Tally(), "all": Tally()}
    keys: list[dict[int, str]] = []
    for article, preds, ents in zip(articles, predicted, spans, strict=True):
        shown = verbose and article.half == show
        if shown:
            print(f"{article.source} ({article.half})")
        final = [(s, e, p.type) for p in preds for s, e in p.named]
        named = [p for p in preds if p.named]  # "the police": no name, outside the labels' scope
        t, pairs = score(article, named, ents, shown, final)
        t.nominal = len(preds) - len(named)
        keys.append({i: named[j].key for i, j in pairs.items()})
        halves[article.half].add(t)
        halves["all"].add(t)
    out: dict[str, dict[str, Any]] = {}
    for name, t in halves.items():
        m = merges(articles, keys, ("tune", "measure") if name == "all" else (name,))
        out[name] = {
            **t.figures(),
            "wrong": dict(t.wrong),
            "actor_wrong": dict(t.actor_wrong),
            "name_wrong": dict(t.name_wrong),
            "merge_pairs": m.pairs,
            "merges": m.merged / m.pairs if m.pairs else float("nan"),
            "wrong_merges": m.wrong,
        }
        if verbose and name == show:
            print(f"merges missed ({show} half), {len(m.examples)} pairs:")
            for line in sorted(set(m.examples)):
                print(f"  MISS  {line}")
            for line in m.wrong_examples:
                print(f"  WRONG {line}")
    return out


def counts(articles: list[Article], half: str) -> tuple[int, int, int]:
    part = [a for a in articles if a.half == half]
    mentions = sum(len(g.mentions) for a in part for g in a.entities)
    return len(part), sum(len(a.entities) for a in part), mentions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--verbose", action="store_true", help="print every error of one half")
    parser.add_argument(
        "--half", choices=("tune", "measure"), default="tune", help="which half --verbose shows"
    )
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    articles, problems = load_labels(args.labels)
    if not any_labelled(articles, problems):
        return 0
    predicted, spans, seconds = predict(articles)
    figures = evaluate(articles, predicted, spans, args.verbose, args.half)
    sizes = {h: counts(articles, h) for h in ("tune", "measure")}
    print(
        f"real-news entities: {len(articles)} articles (tune {sizes['tune'][0]} articles / "
        f"{sizes['tune'][1]} entities / {sizes['tune'][2]} mentions, measure {sizes['measure'][0]} / "
        f"{sizes['measure'][1]} / {sizes['measure'][2]}); pipeline {seconds:.1f}s"
    )
    cols = ("precision", "recall", "f1", "actor", "role", "merges", "ner_f1", "final_f1")
    print(
        f"{'half':8} {'gold':>5} {'pred':>5} {'right':>5} "
        + " ".join(f"{c:>9}" for c in cols)
        + f" {'pairs':>6} {'wrong merges':>12}"
    )
    for half in ("tune", "measure", "all"):
        f = figures[half]
        print(
            f"{half:8} {f['gold']:>5} {f['predicted']:>5} {f['correct']:>5} "
            + " ".join(f"{f[c]:>9.3f}" for c in cols)
            + f" {f['merge_pairs']:>6} {f['wrong_merges']:>12}"
        )
    print(
        "nominal institutions (no capital letter: 'the police'), not names, left out of 'pred': "
        + ", ".join(f"{h} {figures[h]['nominal']}" for h in ("tune", "measure"))
    )
    print("mention-level NER (span + type, exact), bare model doc.ents -> newsgraph's final mentions:")
    for half in ("tune", "measure", "all"):
        f = figures[half]
        print(
            f"  {half:8} P {f['ner_p']:.3f} -> {f['final_p']:.3f}  R {f['ner_r']:.3f} -> {f['final_r']:.3f}  "
            f"F1 {f['ner_f1']:.3f} -> {f['final_f1']:.3f} ({100 * (f['final_f1'] - f['ner_f1']):+.1f} points)"
        )
    for half in ("tune", "measure"):
        f = figures[half]
        print(
            f"{half}: {f['matched']} pairs of one type ({f['with_role']} people with a gold role), "
            f"country alone right {f['country']:.3f}; raw NER P {f['ner_p']:.3f} R {f['ner_r']:.3f}; "
            f"errors {f['wrong']}"
        )
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(f["actor_wrong"].items()))
        print(f"{half}: actor errors by kind (counts only): {kinds}")
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(f["name_wrong"].items()))
        print(f"{half}: entity errors by kind (counts only): {kinds}")
    print("by label file (tune | measure): precision recall actor")
    for name in sorted({a.file for a in articles}):
        part = [(a, p, e) for a, p, e in zip(articles, predicted, spans, strict=True) if a.file == name]
        f = evaluate([a for a, _, _ in part], [p for _, p, _ in part], [e for _, _, e in part])
        tu, me = f["tune"], f["measure"]
        print(
            f"  {name:12} {tu['precision']:.3f} {tu['recall']:.3f} {tu['actor']:.3f} | "
            f"{me['precision']:.3f} {me['recall']:.3f} {me['actor']:.3f}"
        )
        for half, f in (("tune", tu), ("measure", me)):
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(f["actor_wrong"].items()))
            print(f"    {half} actor errors: {kinds}")
    m = figures["measure"]
    print("targets (measure half):")
    for name, target in TARGETS.items():
        value = m[name]
        print(f"  {name:12} {value:.3f} >= {target:.2f} {'PASS' if value >= target else 'FAIL'}")
    print(f"  wrong merges {m['wrong_merges']} == 0 {'PASS' if not m['wrong_merges'] else 'FAIL'}")
    if args.json:
        args.json.write_text(json.dumps({"figures": figures}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
