"""Toponyms and their coordinates against the LGL and GeoVirus gold sets.

    python eval/places.py [--limit N] [--verbose] [--only lgl|geovirus] [--json OUT]

Reads ``../shared/eval/places/lgl.xml`` (local US news, GeoNames coordinates) and
``GeoVirus.xml`` (WikiNews on disease outbreaks, Wikipedia coordinates), runs each article's text
through the model with ``newsgraph_entities`` and ``newsgraph_places``, and scores:

- toponym precision, recall and F1: a predicted place matches a gold toponym whose span it
  overlaps (one to one, in text order);
- Acc@161: the share of matched toponyms with gold coordinates whose predicted point lies within
  161 km (100 miles) of the gold point, and the median and mean error in km;
- for LGL, also the share of matched toponyms whose GeoNames id is the gold one, and recall without
  the gold demonyms ("American", "Russian"), which newsgraph does not count as places;
- per half, the share of predicted places that are right (a gold toponym, within 161 km of its
  point when it has one), the place confidence's calibration by band, and every figure again for
  the places at or above the default place confidence.

Each set is also scored in two fixed halves (since session 14): an article is in the ``tune`` or
the ``measure`` half by the parity of the SHA-1 of its text (:func:`half_of`). ``--verbose`` lists
the tune half's misses only; the measure half is only counted. Work before session 14 looked at
both sets whole, so the halves are equally seen today; a gap that opens between them from now on
says the new work was fitted.

Published anchor on LGL (Mordecai 3, with Elasticsearch and a transformer): Acc@161 82.7%.
Absent data is reported and skipped; the exit status is then 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calibration import BANDS

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT.parent / "shared" / "eval" / "places"
SETS = {"lgl": PLACES / "lgl.xml", "geovirus": PLACES / "GeoVirus.xml"}
ACC_KM = 161.0
COMPONENTS = ("newsgraph_paragraphs", "newsgraph_entities", "newsgraph_places")


@dataclass(slots=True)
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass(slots=True)
class Article:
    text: str
    gold: list[Gold]
    pred: list[dict[str, Any]] = field(default_factory=list)


def half_of(text: str) -> str:
    """The half an article (by its text) belongs to: ``tune`` or ``measure``."""
    return "tune" if int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "measure"


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_lgl(path: Path) -> list[Article]:
    out: list[Article] = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            gid = tag.get("geonameid") if tag is not None else None
            gold.append(
                Gold(
                    int(top.findtext("start") or 0),
                    int(top.findtext("end") or 0),
                    top.findtext("phrase") or "",
                    _float(tag.findtext("lat")) if tag is not None else None,
                    _float(tag.findtext("lon")) if tag is not None else None,
                    int(gid) if gid else None,
                )
            )
        out.append(Article(art.findtext("text") or "", gold))
    return out


def read_geovirus(path: Path) -> list[Article]:
    out: list[Article] = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = [
            Gold(
                int(loc.findtext("start") or 0),
                int(loc.findtext("end") or 0),
                loc.findtext("name") or "",
                _float(loc.findtext("lat")),
                _float(loc.findtext("lon")),
            )
            for loc in art.iter("location")
        ]
        out.append(Article(art.findtext("text") or "", gold))
    return out


def run(articles: list[Article], batch_size: int = 32) -> float:
    """Fill ``pred`` of every article; returns the seconds the pipeline took."""
    import spacy

    from newsgraph.extract.annotations import fact_lists
    from newsgraph.extract.pipeline import add_components, prepare_doc
    from newsgraph.settings import Settings

    nlp = add_components(spacy.load(Settings.load().model), names=COMPONENTS)
    start = time.perf_counter()
    docs = (prepare_doc(nlp, a.text) for a in articles)
    for art, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size), strict=True):
        art.pred = fact_lists(doc)["places"]
    return time.perf_counter() - start


def match(art: Article) -> list[tuple[Gold, dict[str, Any]]]:
    """Gold toponyms paired one to one with the predicted places overlapping them."""
    pairs: list[tuple[Gold, dict[str, Any]]] = []
    used: set[int] = set()
    for g in sorted(art.gold, key=lambda g: g.start):
        for k, p in enumerate(art.pred):
            if k not in used and p["start"] < g.end and g.start < p["end"]:
                pairs.append((g, p))
                used.add(k)
                break
    return pairs


def score(name: str, articles: list[Article], verbose: bool) -> dict[str, Any]:
    from newsgraph.resolve import actors
    from newsgraph.resolve.gazetteer import distance_km

    n_gold = sum(len(a.gold) for a in articles)
    n_pred = sum(len(a.pred) for a in articles)
    errors: list[float] = []
    n_matched = same_id = with_id = 0
    demonyms = matched_demonyms = 0
    for art in articles:
        pairs = match(art)
        n_matched += len(pairs)
        matched_ids = {id(g) for g, _ in pairs}
        for g in art.gold:
            if actors.is_adjective(g.text):
                demonyms += 1
                matched_demonyms += id(g) in matched_ids
        for g, p in pairs:
            if g.geonameid is not None:
                with_id += 1
                same_id += p["geonameid"] == g.geonameid
            if g.lat is None or g.lon is None or p["lat"] is None:
                continue
            km = distance_km(g.lat, g.lon, p["lat"], p["lon"])
            errors.append(km)
            if verbose and km > ACC_KM:
                where = f"{p['feature']}, {p['admin1']}, {p['country']}"
                print(f"  far {km:7.0f} km  {g.text!r} -> {p['name']} ({where})")
        if verbose:
            paired = {id(p) for _, p in pairs}
            for g in art.gold:
                if id(g) not in matched_ids:
                    print(f"  missed  {g.text!r}")
            for p in art.pred:
                if id(p) not in paired:
                    print(f"  extra   {p['text']!r} -> {p['name']} ({p['feature']}, {p['country']})")
    precision = n_matched / n_pred if n_pred else 0.0
    recall = n_matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    rest = n_gold - demonyms
    result: dict[str, Any] = {
        "set": name,
        "articles": len(articles),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": n_matched,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "recall_without_demonyms": (n_matched - matched_demonyms) / rest if rest else 0.0,
        "with_coordinates": len(errors),
        "acc161": sum(e <= ACC_KM for e in errors) / len(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else None,
        "mean_km": statistics.fmean(errors) if errors else None,
    }
    if with_id:
        result["same_geonameid"] = same_id / with_id
    return result


def labelled(articles: list[Article]) -> list[tuple[dict[str, Any], bool]]:
    """Each predicted place with whether it is right: it matches a gold toponym and, when the gold
    has coordinates, lies within 161 km of them."""
    from newsgraph.resolve.gazetteer import distance_km

    out: list[tuple[dict[str, Any], bool]] = []
    for art in articles:
        gold_of = {id(p): g for g, p in match(art)}
        for p in art.pred:
            g = gold_of.get(id(p))
            ok = g is not None and (
                g.lat is None
                or g.lon is None
                or (p["lat"] is not None and distance_km(g.lat, g.lon, p["lat"], p["lon"]) <= ACC_KM)
            )
            out.append((p, ok))
    return out


def calibration(pairs: list[tuple[dict[str, Any], bool]]) -> list[str]:
    """Per confidence band: places, mean confidence, share right."""
    rows = []
    for lo, hi in BANDS:
        inside = [(float(p.get("confidence") or 1.0), ok) for p, ok in pairs]
        inside = [(c, ok) for c, ok in inside if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(ok for _, ok in inside) / len(inside)
            rows.append(f"    {lo:.1f}-{min(hi, 1.0):.1f}  {len(inside):>5}  {mean:.2f}  {right:.2f}")
    return rows


def at_threshold(articles: list[Article], threshold: float) -> list[Article]:
    """The articles with only the places at or above ``threshold`` (none counts as 1)."""
    return [
        Article(a.text, a.gold, [p for p in a.pred if (p.get("confidence") or 1.0) >= threshold])
        for a in articles
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each set")
    parser.add_argument("--only", choices=sorted(SETS), default=None)
    parser.add_argument(
        "--verbose", action="store_true", help="print the tune half's misses, extras and far resolutions"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    results = []
    for name, path in SETS.items():
        if args.only and name != args.only:
            continue
        if not path.exists():
            print(f"{name}: {path} is absent (../shared is not beside this checkout); skipped")
            continue
        articles = (read_lgl if name == "lgl" else read_geovirus)(path)[: args.limit]
        seconds = run(articles)
        if args.verbose:
            print(f"== {name} (tune half)")
        result = score(name, articles, False)
        result["seconds"] = seconds
        results.append(result)
        from newsgraph.extract.thresholds import DEFAULT_MIN_PLACE_CONFIDENCE as threshold

        for half in ("tune", "measure"):
            part = [a for a in articles if half_of(a.text) == half]
            scored = score(f"  {half}", part, args.verbose and half == "tune")
            scored["seconds"] = 0.0
            pairs = labelled(part)
            scored["right"] = sum(ok for _, ok in pairs) / len(pairs) if pairs else 0.0
            scored["bands"] = calibration(pairs)
            results.append(scored)
            strict = score(f"  >= {threshold:g}", at_threshold(part, threshold), False)
            strict["seconds"] = 0.0
            strict_pairs = labelled(at_threshold(part, threshold))
            strict["right"] = sum(ok for _, ok in strict_pairs) / len(strict_pairs) if strict_pairs else 0.0
            results.append(strict)
    for r in results:
        extra = f"  same id {r['same_geonameid']:.1%}" if "same_geonameid" in r else ""
        median = f"{r['median_km']:.1f}" if r["median_km"] is not None else "-"
        print(
            f"{r['set']:9} {r['articles']:4} articles  gold {r['gold']}  predicted {r['predicted']}  "
            f"P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}  "
            f"(R without demonyms {r['recall_without_demonyms']:.3f})\n"
            f"{'':9} matched with coordinates {r['with_coordinates']}  Acc@161 {r['acc161']:.3f}  "
            f"median {median} km{extra}"
            + (f"  right {r['right']:.3f}" if "right" in r else "")
            + (f"  ({r['seconds']:.0f}s)" if r["seconds"] else "")
        )
        if r.get("bands"):
            print("    confidence band, places, mean confidence, share right (match within 161 km)")
            print("\n".join(r["bands"]))
    if args.json and results:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
