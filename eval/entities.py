"""People, their roles and PLOVER actor codes: the seed officials and a PolNeAR spot-check.

    python eval/entities.py [--seed FILE] [--polnear N] [--polnear-dir DIR] [--json OUT]

1. The seed dump (``../shared/seeds/000_c938483ef1e0594a.txt``) goes through ``newsgraph
   extract`` as is (split into its articles). For each of its fourteen named officials the table
   shows the title, affiliation, actor and aliases newsgraph found, against the expected title
   keyword and ISO 3166 / IGO code kept in ``EXPECTED`` below; the last line counts the officials
   with a role whose title contains the keyword and whose affiliation is the code.
2. The first ``N`` files (sorted) of ``../shared/eval/quotes/polnear/dev/text/`` go through
   ``newsgraph extract --raw`` (each file one article) and every PERSON, ORG, GPE and NORP entity is
   printed with its aliases, roles and actor, for a person to check against the text. PolNeAR has
   no entity annotation, so nothing is scored there; ``docs/entities.md`` reports the hand check.

Absent data is reported and skipped; the exit status is then 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEED = ROOT.parent / "shared" / "seeds" / "000_c938483ef1e0594a.txt"
DEFAULT_POLNEAR = ROOT.parent / "shared" / "eval" / "quotes" / "polnear" / "dev" / "text"
SPOT_TYPES = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    title: str  # a keyword the found title must contain (folded: case, hyphens, accents ignored)
    code: str  # ISO 3166 alpha-3 or PLOVER IGO code of the affiliation


#: The seed's fourteen named officials, in order of appearance.
EXPECTED = (
    Official("Rex Tillerson", "secretary of state", "USA"),
    Official("Donald Trump", "president", "USA"),
    Official("Vladimir Putin", "president", "RUS"),
    Official("Ja Song Nam", "ambassador", "PRK"),
    Official("Wu Haitao", "ambassador", "CHN"),
    Official("Taro Kono", "foreign minister", "JPN"),
    Official("Jeffrey Feltman", "political chief", "UNO"),
    Official("Vassily Nebenzia", "ambassador", "RUS"),
    Official("Antonio Guterres", "secretary general", "UNO"),
    Official("Antony Blinken", "secretary of state", "USA"),
    Official("Wang Yi", "foreign minister", "CHN"),
    Official("Retno Marsudi", "foreign minister", "IDN"),
    Official("Sergei Lavrov", "foreign minister", "RUS"),
    Official("Penny Wong", "foreign minister", "AUS"),
)


def run(paths: list[Path], *, raw: bool) -> tuple[list[dict[str, Any]], list[str], float]:
    """Article dicts (the JSON ``newsgraph extract`` prints), error lines, and seconds taken."""
    from newsgraph.records import ErrorRecord
    from newsgraph.runner.local import extract
    from newsgraph.settings import Settings

    settings = Settings.load(raw=True) if raw else Settings.load()
    articles: list[dict[str, Any]] = []
    errors: list[str] = []
    start = time.perf_counter()
    for result in extract(paths, settings):
        if isinstance(result, ErrorRecord):
            errors.append(result.line())
        else:
            articles.append(result.as_dict())
    return articles, errors, time.perf_counter() - start


def _fold(text: str) -> str:
    from newsgraph.resolve.entities import fold

    return fold(text.replace("-", " "))


def role_ok(role: dict[str, Any], want: Official) -> bool:
    return _fold(want.title) in _fold(role.get("title") or "") and role.get("affiliation") == want.code


def find_official(people: list[dict[str, Any]], want: Official) -> dict[str, Any] | None:
    """The PERSON entity of ``want``: its full name as name or alias, else its surname alone;
    among several (one per article), one with a right role first, then one with any role."""
    full = _fold(want.name)
    surname = full.split()[-1]
    by_full = [e for e in people if full in {_fold(n) for n in [e["name"], *e["aliases"]]}]
    found = by_full or [e for e in people if surname in {_fold(n) for n in [e["name"], *e["aliases"]]}]
    if not found:
        return None
    return max(found, key=lambda e: (any(role_ok(r, want) for r in e["roles"]), bool(e["roles"])))


def seed_table(articles: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    people = [e for a in articles for e in a["entities"] if e["type"] == "PERSON"]
    rows = []
    for want in EXPECTED:
        ent = find_official(people, want)
        roles = ent["roles"] if ent else []
        good = [r for r in roles if role_ok(r, want)]
        role = (good or roles or [None])[0]
        actor = ent["actor"] if ent else None
        rows.append(
            {
                "official": want.name,
                "found": ent["name"] if ent else None,
                "title": role["title"] if role else None,
                "affiliation": role["affiliation"] if role else None,
                "actor": f"{actor['code']} {actor['sector'] or ''}".strip() if actor else None,
                "aliases": ent["aliases"] if ent else [],
                "expected": f"{want.title} / {want.code}",
                "ok": bool(good),
            }
        )
    return rows, sum(r["ok"] for r in rows)


def print_seed(rows: list[dict[str, Any]], correct: int) -> None:
    cols = [
        ("official", 17),
        ("title", 29),
        ("for", 4),
        ("actor", 8),
        ("aliases", 11),
        ("expected", 25),
        ("ok", 3),
    ]
    print("| " + " | ".join(c.ljust(w) for c, w in cols) + " |")
    print("|" + "|".join("-" * (w + 2) for _, w in cols) + "|")
    for r in rows:
        cells = [
            r["official"] if r["found"] in (None, r["official"]) else f"{r['official']} ({r['found']})",
            (r["title"] or "-") if r["found"] else "(not found)",
            r["affiliation"] or "-",
            r["actor"] or "-",
            ", ".join(r["aliases"]) or "-",
            r["expected"],
            "yes" if r["ok"] else "NO",
        ]
        print("| " + " | ".join(c.ljust(w) for c, (_, w) in zip(cells, cols, strict=True)) + " |")
    print(f"\n{correct}/{len(rows)} with the right title and country")


def _role_text(role: dict[str, Any]) -> str:
    return f"{role['title']} [{role['affiliation'] or '?'}]"


def spot_entities(article: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "type": e["type"],
            "name": e["name"],
            "aliases": e["aliases"],
            "mentions": len(e["mentions"]),
            "roles": e["roles"],
            "actor": e["actor"],
        }
        for e in article["entities"]
        if e["type"] in SPOT_TYPES
    ]


def print_spot(name: str, article: dict[str, Any], entities: list[dict[str, Any]]) -> None:
    print(f"\n## {name}  ({len(article['text'].split())} words, {len(entities)} entities)")
    for e in entities:
        actor = e["actor"]
        code = f"{actor['code']} {actor['sector'] or ''}".strip() if actor else "-"
        roles = "; ".join(_role_text(r) for r in e["roles"]) or "-"
        aliases = ", ".join(e["aliases"]) or "-"
        print(
            f"  {e['type']:<6} {e['name'][:34]:<34} x{e['mentions']:<3} actor {code:<8} "
            f"roles {roles}  aliases {aliases}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="the seed dump")
    parser.add_argument(
        "--polnear",
        type=int,
        default=5,
        metavar="N",
        help="spot-check the first N PolNeAR dev texts (0: none)",
    )
    parser.add_argument("--polnear-dir", type=Path, default=DEFAULT_POLNEAR, help="PolNeAR dev text folder")
    parser.add_argument("--json", type=Path, help="write the figures and the spot-check entities here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    out: dict[str, Any] = {}

    if args.seed.is_file():
        articles, errors, seconds = run([args.seed], raw=False)
        rows, correct = seed_table(articles)
        print(f"# Seed officials: {args.seed.name}, {len(articles)} articles\n")
        print_seed(rows, correct)
        for line in errors:
            print(f"  error: {line}")
        print(f"time: {seconds:.2f} s (model loading included)")
        out["seed"] = {
            "file": args.seed.name,
            "articles": len(articles),
            "officials": rows,
            "correct": correct,
            "total": len(rows),
            "seconds": round(seconds, 2),
        }
    else:
        print(f"entities: seed {args.seed} is absent; seed officials skipped")

    if args.polnear > 0:
        files = sorted(args.polnear_dir.glob("*.txt"))[: args.polnear] if args.polnear_dir.is_dir() else []
        if not files:
            print(f"entities: no PolNeAR texts under {args.polnear_dir}; spot-check skipped")
        else:
            articles, errors, seconds = run(files, raw=True)
            words = sum(len(a["text"].split()) for a in articles)
            print(f"\n# PolNeAR dev spot-check: first {len(files)} texts, extract --raw")
            spot = []
            for path, article in zip(files, articles, strict=False):
                entities = spot_entities(article)
                print_spot(path.name, article, entities)
                spot.append({"file": path.name, "entities": entities})
            for line in errors:
                print(f"  error: {line}")
            print(
                f"\ntime: {seconds:.2f} s for {len(articles)} articles, {words:,} words "
                f"({words / max(seconds, 1e-9):,.0f} words/s)"
            )
            out["polnear"] = {"articles": spot, "words": words, "seconds": round(seconds, 2)}

    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
